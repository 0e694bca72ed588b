"""The agreement as a plain model: what the renderers draw, independent of any file format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Ref:
    """A live cross-reference to another article, with the text it shows."""

    target: str  # clause id
    text: str  # e.g. "第5条" or "Article 5"
    bookmark: str


Segment = str | Ref


def plain(segments: list[Segment]) -> str:
    return "".join(s if isinstance(s, str) else s.text for s in segments)


@dataclass
class Item:
    label: str  # "（1）" or "(a)"
    segments: list[Segment]
    id: str = ""  # stable: "<clause id>/p<n>/i<m>", the same when articles are renumbered


@dataclass
class Paragraph:
    label: str | None  # "2" / "1.2"; None where the convention leaves it unnumbered
    segments: list[Segment]
    items: list[Item] = field(default_factory=list)
    id: str = ""  # stable: "<clause id>/p<n>", its position inside its clause, whatever the article's number


@dataclass
class Article:
    clause_id: str
    variant_id: str
    category: str
    number: int
    label: str  # "第1条" / "Article 1"
    title: str  # "目的" / "Purpose"
    heading: str  # "第1条（目的）" / "Article 1 (Purpose)"
    bookmark: str
    balance: str
    paragraphs: list[Paragraph]
    # The plain-language summary, rendered on first use: building a DOCX does not need it.
    _summary: Callable[[], str] | str = field(default="", repr=False, compare=False)
    survives: str | None = None  # how long it outlives the agreement (the clause's `survives`), or None

    @property
    def id(self) -> str:
        """Stable across versions: the clause id, whatever number the article has."""
        return self.clause_id

    def text(self) -> str:
        """The article's paragraphs and items as plain text, one per line."""
        lines = []
        for para in self.paragraphs:
            lines.append(plain(para.segments))
            lines += [plain(item.segments) for item in para.items]
        return "\n".join(lines)

    @property
    def summary(self) -> str:
        if callable(self._summary):
            self._summary = self._summary()
        return self._summary


@dataclass
class PartyBlock:
    id: str
    legal_name: str
    short_name: str
    kind: str
    address: str
    representative_name: str
    representative_title: str


@dataclass
class ScheduleSection:
    heading: str
    note: str | None
    rows: list[tuple[str, str]]


@dataclass
class Agreement:
    type: str
    language: str
    title: str
    preamble: str
    parties: list[PartyBlock]
    articles: list[Article]
    key_terms: list[tuple[str, str]]
    show_key_terms: bool
    signing_intro: str
    signing_date: str
    schedule_title: str
    schedule: list[ScheduleSection]
    effective_date: str  # ISO date, for document metadata
    library_version: str
    library_sha256: str  # of every clause library file used, bundled and overlay
    spec_sha256: str
    resolved_spec: dict[str, Any]
    defined_terms: list[str]

    @property
    def choices(self) -> list[dict[str, str | int]]:
        return [{"clause": a.clause_id, "variant": a.variant_id, "article": a.number} for a in self.articles]

    def article(self, clause_id: str) -> Article:
        return next(a for a in self.articles if a.clause_id == clause_id)

    def text(self) -> str:
        """The whole agreement as plain text (used by checks, tests and previews)."""
        lines = [self.title, "", self.preamble, ""]
        if self.show_key_terms:
            lines += [f"{k}: {v}" for k, v in self.key_terms] + [""]
        for art in self.articles:
            lines.append(art.heading)
            for para in art.paragraphs:
                lines.append((f"{para.label} " if para.label else "") + plain(para.segments))
                lines += [f"  {item.label} {plain(item.segments)}" for item in para.items]
            lines.append("")
        lines += [self.signing_intro, self.signing_date, ""]
        for p in self.parties:
            lines += [p.address, p.legal_name, f"{p.representative_title} {p.representative_name}", ""]
        if self.schedule:
            lines.append(self.schedule_title)
            for section in self.schedule:
                lines.append(section.heading)
                if section.note:
                    lines.append(section.note)
                lines += [f"{k}: {v}" for k, v in section.rows]
        return "\n".join(lines)
