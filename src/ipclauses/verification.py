"""Verify a draft that comes back: is it still what its recorded spec produces, and if not, where not?

An ipclauses DOCX records its resolved spec, the clause library it was built with,
the stable id of every article and paragraph (as hidden bookmarks) and a fingerprint
of its text (docx_body.py). `verify` rebuilds the agreement from the recorded spec
with the installed library, reads the file's body, and compares the two article by
article, each article found by its bookmark wherever it now stands:

- articles edited outside ipclauses (drift), with their text changes;
- articles added (a heading in the article style without an ipclauses bookmark) or
  removed;
- tracked changes and comments, by article;
- whether the installed clause library differs from the recorded one;
- whether the text still has the recorded fingerprint (if not, it was edited), and
  whether the recorded spec rebuilds that text (if not, the provenance was forged, or
  left stale when the text was rebuilt from another spec).

What Word or LibreOffice change by opening and saving a file (runs, field results,
paragraph ids, smart quotes) is not a change: see docx_body.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from .agreement import Agreement
from .compare import Piece
from .docx_bilingual import column_for, draft_document
from .docx_body import BodyParagraph, column_fingerprints, read_columns, read_paragraph, read_paragraphs, view_fingerprints
from .docx_read import (
    DOCUMENT_PART,
    MAX_DOCUMENT_BYTES,
    MAX_XML_PART_BYTES,
    DocxPackage,
    DocxSource,
    W,
    document_error,
    inspect_package,
    open_docx,
    read_provenance,
)
from .docx_render import parse_document
from .errors import SpecError
from .library import Library
from .locales import BILINGUAL_TEMPLATE_LANGUAGES, Locale, document_languages, get_locale
from .messages import message
from .ooxml import Style
from .redline_model import compare_paragraphs

COMMENTS_PART = "word/comments.xml"
_FIELD = re.compile(r"\{REF [^{}]*\}")
# Paragraph styles that begin what follows the articles: the signature block and the schedule.
_AFTER_ARTICLES = frozenset({Style.SIGNATURE_INTRO, Style.SIGNATURE, Style.SCHEDULE_TITLE, Style.SECTION_HEADING, Style.TABLE_TEXT})
_FRONT, _BACK = "front", "back"


@dataclass(frozen=True)
class TextChange:
    """A paragraph of an article that differs from the rebuilt one: changed, inserted or deleted."""

    status: Literal["changed", "inserted", "deleted"]
    old: str | None  # as the recorded spec produces it
    new: str | None  # as the file has it
    pieces: tuple[Piece, ...]  # the words deleted, inserted and kept


@dataclass(frozen=True)
class ArticleDrift:
    article: str  # as the file numbers it: "Article 5 (Confidentiality)"; "front matter" or "signature and schedule"
    id: str  # the clause id, or "front" / "back"
    changes: tuple[TextChange, ...]


@dataclass(frozen=True)
class FileTrackedChange:
    article: str
    kind: Literal["insertion", "deletion"]
    text: str  # "¶" for a paragraph mark alone
    author: str
    date: str | None


@dataclass(frozen=True)
class FileComment:
    article: str
    author: str
    date: str | None
    text: str


@dataclass(frozen=True)
class Verification:
    """What `verify` found. `exact` is True when the file is exactly what its recorded spec produces."""

    file: str
    exact: bool
    recorded_library_version: str
    installed_library_version: str
    library_changed: bool  # the installed clause library (version or files) differs from the recorded one
    text_matches_record: bool | None  # the body's fingerprint equals the recorded one (None: none recorded)
    record_matches_spec: bool  # the recorded spec, rebuilt now, gives the recorded text
    edited: tuple[ArticleDrift, ...]
    added: tuple[str, ...]  # articles in the file that the recorded spec does not produce
    removed: tuple[str, ...]  # articles the recorded spec produces that the file lacks
    tracked_changes: tuple[FileTrackedChange, ...]
    comments: tuple[FileComment, ...]
    problems: tuple[str, ...] = field(default=())  # where the file's record contradicts itself (as inspect reports)


@dataclass
class _Section:
    key: str  # clause id, _FRONT, _BACK, or "added/<n>" for an article added outside ipclauses
    label: str
    heading: BodyParagraph | None = None
    paragraphs: list[BodyParagraph] = field(default_factory=list)

    def texts(self, text: Callable[[BodyParagraph], str]) -> tuple[str, list[str]]:
        return (text(self.heading) if self.heading else "", [text(p) for p in self.paragraphs if text(p)])

    def all_paragraphs(self) -> list[BodyParagraph]:
        return ([self.heading] if self.heading else []) + self.paragraphs


def _sections(
    paragraphs: Iterable[BodyParagraph], ids: Mapping[str, str], locale: Locale, text: Callable[[BodyParagraph], str],
) -> list[_Section]:
    """The body cut into front matter, articles (by their bookmarks) and what follows them.

    A heading that says nothing in the view compared (an article deleted by a tracked change) heads no article.
    """
    words = locale.words.numbering
    sections = [_Section(_FRONT, "front matter")]
    count = 0
    for paragraph in paragraphs:
        stable = next((ids[mark] for mark in paragraph.bookmarks if mark in ids), None)
        is_heading = (stable is not None and "/" not in stable) or (stable is None and paragraph.style == Style.ARTICLE)
        if is_heading and text(paragraph):
            count += 1
            label = locale.article_label(count) + words.heading_separator + text(paragraph)
            sections.append(_Section(stable or f"added/{count}", label, paragraph))
        elif sections[-1].key not in (_FRONT, _BACK) and paragraph.style in _AFTER_ARTICLES:
            sections.append(_Section(_BACK, "signature and schedule", paragraphs=[paragraph]))
        else:
            sections[-1].paragraphs.append(paragraph)
    return sections


def _drift(expected: _Section, found: _Section, text: Callable[[BodyParagraph], str]) -> ArticleDrift | None:
    old, new = expected.texts(text), found.texts(text)
    if old == new:
        return None
    changes = []
    for entry in compare_paragraphs(old, new, found.label):
        status = entry.status
        assert status != "same"
        changes.append(TextChange(status, entry.old_text, entry.new_text, entry.pieces))
    return ArticleDrift(found.label, found.key, tuple(changes))


def _comments(package: DocxPackage) -> dict[str, tuple[str, str | None, str]]:
    """Comment id -> (author, date, text), from word/comments.xml if the file has one."""
    if not package.has(COMMENTS_PART):
        return {}
    out = {}
    for comment in package.iter_elements(COMMENTS_PART, MAX_XML_PART_BYTES, f"{W}comment"):
        text = " ".join(t for t in (read_paragraph(p).text for p in comment.iter(f"{W}p")) if t)
        out[comment.get(f"{W}id") or ""] = (comment.get(f"{W}author") or "", comment.get(f"{W}date"), text)
    return out


@dataclass(frozen=True)
class _SpecProblems:
    """A spec's problems as a message value: one line each, in the language the message is rendered in."""

    error: SpecError

    def render(self, locale: Locale) -> str:
        return self.error.render(locale.code)


@dataclass
class _ViewComparison:
    edited: list[ArticleDrift]
    added: list[str]
    removed: list[str]
    tracked: list[FileTrackedChange]
    comments: list[FileComment]


def _compare_view(
    found: list[BodyParagraph], rebuilt: list[BodyParagraph], agreement: Agreement, rebuilt_ids: Mapping[str, str],
    found_ids: Mapping[str, str], accepted: bool, comments: Mapping[str, tuple[str, str | None, str]],
) -> _ViewComparison:
    """The file's paragraphs of one agreement (a bilingual one's column) against the rebuilt ones, article by article."""
    locale = get_locale(agreement.language)
    # A cross-reference is read as "{REF _Ref_x \\r \\h}" (docx_body.py); shown as the article it names, in any column.
    labels = {f"{{REF {name} \\r \\h}}": art.label for art in agreement.articles
              for name in (art.bookmark, *(column_for(code).bookmark(art.bookmark) for code in BILINGUAL_TEMPLATE_LANGUAGES))}

    def text(paragraph: BodyParagraph) -> str:
        words = paragraph.accepted if accepted else paragraph.text
        return _FIELD.sub(lambda m: labels.get(m.group(0), m.group(0)), words) if "{REF " in words else words

    expected_sections = {s.key: s for s in _sections(rebuilt, rebuilt_ids, locale, text)}
    found_sections = _sections(found, found_ids, locale, text)
    edited, added = [], []
    for section in found_sections:
        if section.key in expected_sections:
            drift = _drift(expected_sections[section.key], section, text)
            if drift is not None:
                edited.append(drift)
        else:
            added.append(section.label)
    present = {s.key for s in found_sections}
    removed = [
        agreement.article(key).heading for key in expected_sections if key not in present and key not in (_FRONT, _BACK)
    ]
    tracked = [
        FileTrackedChange(section.label, change.kind, change.text, change.author, change.date)
        for section in found_sections for paragraph in section.all_paragraphs() for change in paragraph.changes
    ]
    anchored = [
        (section.label, comment) for section in found_sections for paragraph in section.all_paragraphs()
        for comment in paragraph.comments
    ]
    file_comments = [FileComment(label, *comments.get(comment, ("", None, ""))) for label, comment in anchored]
    return _ViewComparison(edited, added, removed, tracked, file_comments)


def verify(source: DocxSource, *, library: Library | None = None, name: str | None = None) -> Verification:
    """Compare a returned ipclauses DOCX with what its recorded spec produces (see the module docstring).

    Raises DocumentError for a file that is not a readable ipclauses DOCX, or whose
    recorded spec does not load with this version of ipclauses.
    """
    from .draft import make_draft
    from .library import load_library
    from .loading import load_spec

    with open_docx(source, name=name) as pkg:  # each part read once: the reads share one budget
        shown = pkg.name
        provenance = read_provenance(pkg)
        if not pkg.has(DOCUMENT_PART):
            raise document_error(shown, message("document.missing_part", part=DOCUMENT_PART))
        recorded_language = provenance["spec"].get("language") if isinstance(provenance["spec"], dict) else None
        columns = len(document_languages(recorded_language)) if isinstance(recorded_language, str) else 1
        found_columns: list[list[BodyParagraph]] = []
        if columns > 1:  # a bilingual agreement: read whole, to tell each paragraph's column by its cell
            root = pkg.read_xml(DOCUMENT_PART, MAX_DOCUMENT_BYTES)
            found = list(read_paragraphs(root.iter(f"{W}p")))
            found_columns = read_columns(root, columns)
        else:
            found = list(read_paragraphs(pkg.iter_elements(DOCUMENT_PART, MAX_DOCUMENT_BYTES, f"{W}p")))
        record = inspect_package(pkg, provenance, [mark for paragraph in found for mark in paragraph.bookmarks])
        comments = _comments(pkg)
    try:
        spec = load_spec(record["spec"], origin=f"{shown} (recorded spec)")
    except SpecError as exc:
        raise document_error(shown, message("document.spec_does_not_load", problems=_SpecProblems(exc))) from None
    library = library or load_library()
    draft = make_draft(spec, library)
    agreement = draft.agreement
    rebuilt_xml, body = draft_document(draft)
    rebuilt_root = parse_document(rebuilt_xml)
    rebuilt = list(read_paragraphs(rebuilt_root.iter(f"{W}p")))

    recorded = record["custom_properties"]
    recorded_fingerprint = provenance["body_sha256"]
    # The text before its tracked changes, unless it is what was recorded once they are accepted (a redline).
    bilingual = draft.bilingual and len(found_columns) == len(draft.columns)
    rebuilt_columns = read_columns(rebuilt_root, len(draft.columns)) if bilingual else []
    before, after = column_fingerprints(found_columns) if bilingual else view_fingerprints(found)
    accepted = recorded_fingerprint is not None and before != recorded_fingerprint and after == recorded_fingerprint
    text_matches = None if recorded_fingerprint is None else recorded_fingerprint in (before, after)
    rebuilt_fingerprint = (column_fingerprints(rebuilt_columns) if bilingual else view_fingerprints(rebuilt))[1]
    record_matches = rebuilt_fingerprint == recorded_fingerprint if recorded_fingerprint is not None else True

    # Each language of a bilingual agreement is compared in its column, as that language's agreement.
    views = list(zip(found_columns, rebuilt_columns, draft.columns, strict=True)) if bilingual else [(found, rebuilt, agreement)]
    edited: list[ArticleDrift] = []
    added: list[str] = []
    removed: list[str] = []
    tracked: list[FileTrackedChange] = []
    file_comments: list[FileComment] = []
    for found_view, rebuilt_view, view_agreement in views:
        compared = _compare_view(found_view, rebuilt_view, view_agreement, body.ids, provenance["paragraph_ids"], accepted,
                                 comments)
        edited += compared.edited
        added += compared.added
        removed += compared.removed
        tracked += compared.tracked
        file_comments += compared.comments

    library_changed = (
        recorded.get("clause_library_version") != agreement.library_version
        or recorded.get("clause_library_sha256", agreement.library_sha256) != agreement.library_sha256
    )
    exact = (
        not (edited or added or removed or tracked or file_comments or record["problems"])
        and text_matches is not False and record_matches
    )
    return Verification(
        file=shown, exact=exact,
        recorded_library_version=recorded.get("clause_library_version", ""),
        installed_library_version=agreement.library_version,
        library_changed=library_changed,
        text_matches_record=text_matches, record_matches_spec=record_matches,
        edited=tuple(edited), added=tuple(added), removed=tuple(removed),
        tracked_changes=tuple(tracked), comments=tuple(file_comments), problems=tuple(record["problems"]),
    )
