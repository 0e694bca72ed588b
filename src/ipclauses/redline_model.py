"""Two versions of an agreement, aligned block by block: the model every redline output draws.

ipclauses knows where every paragraph came from, so it does not compare two documents
line by line as Word's Compare does. It compares two Agreements as trees:

- the document's parts (title, preamble, key terms, each article, signature block,
  schedule sections) are matched by stable id: an article is its clause, whatever its
  number, so renumbering is no change;
- inside an article, paragraphs (and inside a paragraph, its items) are matched by
  their words: a paragraph id is its place in the clause, and an option that adds a
  second paragraph would otherwise pair every later paragraph with the wrong one.
  Equal paragraphs pair first; among the rest, the most alike pairs in order, if
  they share at least half their words; what is left is inserted or deleted whole;
- table rows (key terms, schedule) are matched by their label;
- a matched pair that differs is compared word by word (compare.py).

Only the words are compared: a style or numbering that differs with equal words is
not a change, and the result takes NEW's.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .agreement import Agreement, Article, Ref, Segment, plain
from .compare import Piece, diff, same, similarity
from .errors import RenderError
from .library import Library
from .locales import get_locale
from .messages import Message, message
from .versions import VersionSource, read_version
from .wording import signature_lines

if TYPE_CHECKING:
    from .draft import Draft

Status = Literal["same", "changed", "inserted", "deleted"]
Kind = Literal[
    "document", "title", "preamble", "key_terms", "heading", "table", "row", "note", "article", "paragraph", "item",
    "signature", "line", "schedule",
]
_PAIRING_THRESHOLD = 0.5


@dataclass(frozen=True)
class Block:
    """One piece of an agreement: a paragraph, an item, a table row, or a group of them."""

    id: str  # stable: a clause id, "<clause>/p2/i1", "key_terms/<label>", "signature/3", ...
    kind: Kind
    segments: tuple[Segment, ...] = ()  # the words (a table row's: its value)
    label: str = ""  # what names it to a reader: "Article 5 (Purpose)", a paragraph's "2", a row's first cell
    bold: bool = False
    article: Article | None = None  # for an article heading, the article itself


@dataclass
class _Tree:
    block: Block
    children: list[_Tree] = field(default_factory=list)
    by_id: bool = True  # children matched by id (else by their words)


@dataclass(frozen=True)
class Entry:
    """One block of the redline: in OLD, NEW or both, and what changed.

    `pieces` is the block's text as deleted, inserted and unchanged stretches: all
    "insert" for an inserted block, all "delete" for a deleted one, all "equal" for
    one that is the same.
    """

    status: Status
    old: Block | None
    new: Block | None
    pieces: tuple[Piece, ...]
    children: tuple[Entry, ...]
    where: str  # the article (or part of the document) it is in, as NEW numbers it (OLD's, if deleted)

    @property
    def block(self) -> Block:
        """NEW's block, or OLD's if deleted."""
        block = self.new or self.old
        assert block is not None
        return block

    @property
    def old_text(self) -> str | None:
        """The block's words in OLD (None: not in OLD)."""
        return plain(list(self.old.segments)) if self.old is not None else None

    @property
    def new_text(self) -> str | None:
        """The block's words in NEW (None: not in NEW)."""
        return plain(list(self.new.segments)) if self.new is not None else None

    def walk(self) -> Iterator[Entry]:
        """This entry and every entry under it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Redline:
    """NEW's agreement compared with OLD's: `root` holds every block, changed or not."""

    old: Agreement
    new: Agreement
    root: Entry
    old_name: str  # how the versions are named in reports: their file names, or their titles
    new_name: str
    author: str
    date: str | None  # an ISO 8601 date-time for every tracked change, or None (no date recorded)
    warnings: tuple[Message, ...] = ()  # a DOCX version whose text its recorded spec no longer produces
    # Of a bilingual NEW: the redline of each language's column (this one is the prevailing language's), and what
    # NEW's file records (Draft.record), which the DOCX redline records in turn.
    sides: tuple[Redline, ...] = ()
    record: Agreement | None = None

    @property
    def changed(self) -> list[Entry]:
        """The entries that differ, outermost first: an inserted article, not also its paragraphs."""
        out: list[Entry] = []

        def visit(entry: Entry) -> None:
            if entry.status in ("inserted", "deleted"):
                out.append(entry)
                return
            if entry.status == "changed":
                out.append(entry)
            for child in entry.children:
                visit(child)

        visit(self.root)
        return out

    def counts(self) -> dict[str, int]:
        """How many articles were inserted, deleted and changed (an article with any change inside it is changed)."""
        counts = {"inserted": 0, "deleted": 0, "changed": 0}
        for entry in self.root.children:
            if entry.block.kind != "article":
                continue
            if entry.status in ("inserted", "deleted"):
                counts[entry.status] += 1
            elif any(e.status != "same" for e in entry.walk()):
                counts["changed"] += 1
        return counts


# --- the agreement as a tree -----------------------------------------------------------


def _row(table: str, label: str, value: str, n: int) -> _Tree:
    return _Tree(Block(f"{table}/{label}#{n}", "row", (value,), label))


def _rows(table: str, rows: Sequence[tuple[str, str]]) -> list[_Tree]:
    """Rows keyed by label; a label given twice is told apart by its place among its namesakes."""
    seen: dict[str, int] = {}
    out = []
    for label, value in rows:
        seen[label] = seen.get(label, 0) + 1
        out.append(_row(table, label, value, seen[label]))
    return out


def _article(art: Article, heading: str) -> _Tree:
    paragraphs = []
    for para in art.paragraphs:
        items = [_Tree(Block(item.id, "item", tuple(item.segments), item.label)) for item in para.items]
        paragraphs.append(_Tree(Block(para.id, "paragraph", tuple(para.segments), para.label or ""), items, by_id=False))
    return _Tree(Block(art.clause_id, "article", (heading,), art.heading, article=art), paragraphs, by_id=False)


def tree(agreement: Agreement) -> _Tree:
    """The agreement as the renderer draws it: every paragraph, row and item in order, with its id."""
    locale = get_locale(agreement.language)
    words = locale.words
    parts = [
        _Tree(Block("title", "title", (agreement.title,))),
        _Tree(Block("preamble", "preamble", (agreement.preamble,))),
    ]
    if agreement.show_key_terms:
        parts.append(_Tree(Block("key_terms", "key_terms", label=words.key_terms.heading), [
            _Tree(Block("key_terms/heading", "heading", (words.key_terms.heading,))),
            _Tree(Block("key_terms/table", "table"), _rows("key_terms", agreement.key_terms)),
            _Tree(Block("key_terms/note", "note", (words.key_terms.note,))),
        ]))
    parts += [_article(art, locale.article_title(art.title)) for art in agreement.articles]
    lines = [_Tree(Block("signature/intro", "line", (agreement.signing_intro,)))]
    lines += [_Tree(Block(f"signature/{n}", "line", (text,), bold=bold)) for n, (text, bold) in enumerate(signature_lines(agreement), 1)]
    parts.append(_Tree(Block("signature", "signature", label=words.redline.signature), lines, by_id=False))
    if agreement.schedule:
        parts.append(_Tree(Block("schedule", "schedule", (agreement.schedule_title,), agreement.schedule_title)))
        for section in agreement.schedule:
            key = f"schedule/{section.heading}"
            children = [_Tree(Block(f"{key}/heading", "heading", (section.heading,)))]
            if section.note:
                children.append(_Tree(Block(f"{key}/note", "note", (section.note,))))
            children.append(_Tree(Block(f"{key}/table", "table"), _rows(key, section.rows)))
            parts.append(_Tree(Block(key, "key_terms", label=section.heading), children))
    return _Tree(Block("document", "document"), parts)


# --- alignment -----------------------------------------------------------------------


def _pair_alike(olds: Sequence[_Tree], news: Sequence[_Tree]) -> list[tuple[_Tree | None, _Tree | None]]:
    """Olds and news in order, the most alike pairs matched (dynamic programming over both lists)."""
    n, m = len(olds), len(news)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    sim = [[similarity(o.block.segments, w.block.segments) for w in news] for o in olds]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if sim[i][j] >= _PAIRING_THRESHOLD:
                best = max(best, sim[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    out: list[tuple[_Tree | None, _Tree | None]] = []
    i = j = 0
    while i < n and j < m:
        if sim[i][j] >= _PAIRING_THRESHOLD and score[i][j] == sim[i][j] + score[i + 1][j + 1]:
            out.append((olds[i], news[j]))
            i, j = i + 1, j + 1
        elif score[i][j] == score[i + 1][j]:
            out.append((olds[i], None))
            i += 1
        else:
            out.append((None, news[j]))
            j += 1
    out += [(o, None) for o in olds[i:]] + [(None, w) for w in news[j:]]
    return out


def _content_key(node: _Tree) -> tuple[object, ...]:
    return tuple(s.target if isinstance(s, Ref) else ("text", s) for s in node.block.segments)


def _align(olds: Sequence[_Tree], news: Sequence[_Tree], by_id: bool) -> list[tuple[_Tree | None, _Tree | None]]:
    key = (lambda node: node.block.id) if by_id else _content_key
    matcher = SequenceMatcher(None, [key(o) for o in olds], [key(w) for w in news], autojunk=False)
    out: list[tuple[_Tree | None, _Tree | None]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += zip(olds[i1:i2], news[j1:j2], strict=True)
        elif by_id:
            out += [(o, None) for o in olds[i1:i2]] + [(None, w) for w in news[j1:j2]]
        else:
            out += _pair_alike(olds[i1:i2], news[j1:j2])
    return out


def _whole(node: _Tree, status: Literal["inserted", "deleted"], where: str) -> Entry:
    op: Literal["insert", "delete"] = "insert" if status == "inserted" else "delete"
    where = node.block.label if node.block.kind == "article" else where
    return Entry(
        status, node.block if status == "deleted" else None, node.block if status == "inserted" else None,
        (Piece(op, node.block.segments),) if node.block.segments else (),
        tuple(_whole(child, status, where) for child in node.children), where,
    )


def _entry(old: _Tree, new: _Tree, where: str) -> Entry:
    if new.block.kind in ("article", "key_terms"):
        where = new.block.label
    children = tuple(
        _entry(o, w, where) if o is not None and w is not None
        else _whole(o, "deleted", where) if o is not None
        else _whole(w, "inserted", where) if w is not None
        else None
        for o, w in _align(old.children, new.children, new.by_id)
    )
    if old.block.segments == new.block.segments or same(old.block.segments, new.block.segments):
        status: Status = "same"
        pieces: tuple[Piece, ...] = (Piece("equal", new.block.segments),) if new.block.segments else ()
    else:
        status, pieces = "changed", tuple(diff(old.block.segments, new.block.segments))
    return Entry(status, old.block, new.block, pieces, tuple(c for c in children if c is not None), where)


def compare_paragraphs(old: tuple[str, Sequence[str]], new: tuple[str, Sequence[str]], where: str) -> list[Entry]:
    """Two versions of one article as (heading, paragraphs) of plain text: the entries that differ.

    Paragraphs are matched by their words, as a redline matches them inside an article.
    """
    def article(heading: str, paragraphs: Sequence[str]) -> _Tree:
        children = [_Tree(Block(f"#{n}", "paragraph", (text,))) for n, text in enumerate(paragraphs, 1)]
        return _Tree(Block(where, "article", (heading,), where), children, by_id=False)

    return [e for e in _entry(article(*old), article(*new), where).walk() if e.status != "same"]


# --- the API -----------------------------------------------------------------------------


def compare_agreements(
    old: Agreement, new: Agreement, *, old_name: str | None = None, new_name: str | None = None,
    author: str = "ipclauses", date: str | None = None,
) -> Redline:
    """NEW's agreement aligned with OLD's, block by block (see the module docstring)."""
    _same_language(old.language, new.language)
    return Redline(old, new, _entry(tree(old), tree(new), ""), old_name or old.title, new_name or new.title, author, date)


def redline(
    old: VersionSource | Agreement, new: VersionSource | Agreement, *, library: Library | str | os.PathLike[str] | None = None,
    author: str = "ipclauses", date: str | None = None,
) -> Redline:
    """Compare two versions of a deal: specs (paths or models), ipclauses DOCX files, or Agreements.

    `date` (ISO 8601) is recorded on every tracked change; None records none, so the
    same two versions always give the same redline. Raises SpecError, DocumentError
    or RenderError as loading and building a version do.
    """
    from .draft import make_draft
    from .library import load_library

    lib = library if isinstance(library, Library) or library is None else load_library(Path(library))
    warnings: list[Message] = []

    def draft(source: VersionSource | Agreement) -> tuple[Draft | None, str | None]:
        """The draft of a version given as a spec or a DOCX, and its file's name; none for an Agreement."""
        if isinstance(source, Agreement):
            return None, None
        version = read_version(source)
        built = make_draft(version.spec, lib)
        if version.text is not None and text_fingerprint(built) not in version.text:
            warnings.append(message("redline.text_not_recorded", name=version.name))
        return built, version.name

    (old_draft, old_name), (new_draft, new_name) = draft(old), draft(new)
    if old_draft is not None and new_draft is not None and (old_draft.bilingual or new_draft.bilingual):
        # Bilingual: each language's column against the same language's column, the prevailing first.
        _same_language(old_draft.language, new_draft.language)
        sides = tuple(
            compare_agreements(o, n, old_name=old_name, new_name=new_name, author=author, date=date)
            for o, n in zip(old_draft.columns, new_draft.columns, strict=True)
        )
        return replace(sides[0], warnings=tuple(warnings), sides=sides, record=new_draft.record)
    result = compare_agreements(_agreement(old, old_draft), _agreement(new, new_draft), old_name=old_name, new_name=new_name,
                                author=author, date=date)
    return replace(result, warnings=tuple(warnings))


def _agreement(source: VersionSource | Agreement, built: Draft | None) -> Agreement:
    """The Agreement a version is compared as: itself, or its draft's, which must be in one language."""
    if isinstance(source, Agreement):
        return source
    assert built is not None
    _same_language(built.language, built.agreement.language)  # beside an Agreement, a bilingual draft has no match
    return built.agreement


def _same_language(old: str, new: str) -> None:
    if old != new:
        raise RenderError(
            f"the two versions are in different languages ({old} and {new}); "
            "a redline compares two versions in one language: build one of them in the other's language first"
        )


def text_fingerprint(draft: Draft) -> str:
    """The fingerprint a build of this draft's agreement records of its text (docx_body.py)."""
    from .docx_bilingual import draft_document
    from .docx_body import document_fingerprint
    from .docx_render import parse_document

    return document_fingerprint(parse_document(draft_document(draft)[0]), len(draft.columns))


def revision_date(value: str, now: dt.datetime | None = None) -> str:
    """A tracked change's date as Word writes it (UTC, "2026-12-01T09:30:00Z") from an ISO date, date-time or "now".

    Raises ValueError, saying what is accepted, for anything else.
    """
    if value == "now":
        moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    else:
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a date: give YYYY-MM-DD, an ISO date-time (2026-12-01T09:30+09:00), or now") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        moment = moment.astimezone(dt.UTC)
    return moment.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
