"""A redline as DOCX: NEW's agreement, with OLD's differences as Word tracked changes.

Accepting every change in Word or LibreOffice gives NEW's agreement, rejecting every
change gives OLD's. It is drawn in NEW's template, styles and numbering, with NEW's
stable-id bookmarks and provenance, so an accepted redline is NEW's agreement to
`verify` and `inspect` as well. Article numbers are Word numbering and
cross-references REF fields to NEW's articles: they show NEW's numbers, and a deleted
article's number goes when its deletion is accepted.

Every tracked change has the same author and date (None: no date recorded, so the
same two versions give the same bytes).
"""

from __future__ import annotations

from itertools import pairwise

from . import ooxml as ox
from .agreement import Ref, Segment
from .compare import ending_in_deletion
from .docx_render import Body, clause_bookmark, document_with_body, package_document, segment_runs
from .ooxml import Style
from .redline_model import Entry, Redline

_KEY_TERMS_WIDTHS = (2400, 6400)  # as the base template's key-terms table
_SCHEDULE_WIDTHS = (2800, 6000)
_STYLES = {
    "title": Style.TITLE, "preamble": Style.PREAMBLE, "heading": Style.SECTION_HEADING, "note": Style.NOTE,
    "article": Style.ARTICLE, "item": Style.ITEM, "schedule": Style.SCHEDULE_TITLE,
}


def _text(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text if isinstance(s, Ref) else s for s in segments)


class _Writer:
    def __init__(self, redline: Redline) -> None:
        self.body = Body()
        self.author = redline.author
        self.date = redline.date
        self.before_insertion = _followed_by_inserted_paragraph(redline.root)

    def _revision(self) -> str:
        # Bookmarks and tracked changes draw their ids from one counter: unique among all annotations.
        bookmarks = self.body.bookmarks
        rev_id = bookmarks.next_id
        bookmarks.next_id = rev_id + 1
        return ox.revision_attributes(rev_id, self.author, self.date)

    def _runs(self, segments: tuple[Segment, ...], bold: bool) -> str:
        return ox.run(_text(segments), bold=True) if bold else segment_runs(segments)

    def content(self, entry: Entry) -> str:
        """A block's runs: unchanged text as it is, deletions and insertions tracked."""
        bold = entry.block.bold
        pieces = ending_in_deletion(entry.pieces) if id(entry) in self.before_insertion else entry.pieces
        out = []
        for piece in pieces:
            if piece.op == "equal":
                out.append(self._runs(piece.segments, bold))
            elif piece.op == "delete":
                out.append(ox.deleted(piece.text, self._revision(), bold))
            else:
                out.append(ox.inserted(self._runs(piece.segments, bold), self._revision()))
        return "".join(out)

    def mark(self, entry: Entry) -> str:
        """The paragraph mark's (or row's) own change, for a block inserted or deleted whole."""
        if entry.status == "inserted":
            return ox.revision_mark("w:ins", self._revision())
        if entry.status == "deleted":
            return ox.revision_mark("w:del", self._revision())
        return ""

    def paragraph(self, entry: Entry, style: str, bookmark: str | None = None, num_id: int | None = None) -> str:
        mark = self.mark(entry)  # first: ids follow document order
        content = self.content(entry)
        if bookmark is not None and entry.new is not None:
            self.body.ids[bookmark] = entry.new.id
            content = self.body.bookmarks.around_derived(bookmark, content)
        return ox.tracked_paragraph(style, content, mark, num_id)

    def article(self, entry: Entry) -> str:
        block = entry.block
        if entry.new is None or block.article is None:  # deleted: nothing in it is NEW's
            out = [self.paragraph(entry, Style.ARTICLE)]
            mark = None
        else:
            mark = clause_bookmark(block.id)
            self.body.ids[mark] = block.id
            heading_mark = self.mark(entry)
            inner = self.body.bookmarks.around(block.article.bookmark, self.content(entry))
            out = [ox.tracked_paragraph(Style.ARTICLE, self.body.bookmarks.around(mark, inner), heading_mark)]
        for paragraph in entry.children:
            out.append(self.article_paragraph(paragraph, mark))
        return "".join(out)

    def article_paragraph(self, entry: Entry, mark: str | None) -> str:
        block = entry.block
        numbered = bool(block.label)
        name = f"{mark}_{block.id.rsplit('/', 1)[1]}" if mark and entry.new is not None else None
        out = [self.paragraph(entry, Style.PARAGRAPH if numbered else Style.TEXT, name)]
        num_id = None if numbered or not entry.children else self.body.lists.new()
        for item in entry.children:
            item_name = f"{name}_{item.block.id.rsplit('/', 1)[1]}" if name and item.new is not None else None
            out.append(self.paragraph(item, Style.ITEM, item_name, num_id))
        return "".join(out)

    def row(self, entry: Entry) -> str:
        label = entry.block.label
        mark = self.mark(entry)
        if entry.status == "inserted":
            label_runs = ox.inserted(ox.run(label), self._revision())
        elif entry.status == "deleted":
            label_runs = ox.deleted(label, self._revision())
        else:
            label_runs = ox.run(label)
        value_runs = self.content(entry)
        widths = _KEY_TERMS_WIDTHS if entry.block.id.startswith("key_terms/") else _SCHEDULE_WIDTHS
        return ox.tracked_row((
            ox.cell(ox.paragraph(Style.TABLE_TEXT, label_runs), widths[0], shaded=True),
            ox.cell(ox.paragraph(Style.TABLE_TEXT, value_runs), widths[1]),
        ), mark)

    def block(self, entry: Entry) -> str:
        kind = entry.block.kind
        if kind == "article":
            return self.article(entry)
        if kind == "table":
            widths = _KEY_TERMS_WIDTHS if entry.block.id.startswith("key_terms/") else _SCHEDULE_WIDTHS
            return ox.table(Style.TABLE, widths, [self.row(row) for row in entry.children])
        if kind in ("key_terms", "signature", "document"):
            return "".join(self.block(child) for child in entry.children)
        if kind == "line":
            style = Style.SIGNATURE_INTRO if entry.block.id == "signature/intro" else Style.SIGNATURE
            return self.paragraph(entry, style)
        return self.paragraph(entry, _STYLES[kind])


def _followed_by_inserted_paragraph(root: Entry) -> set[int]:
    """The (ids of the) paragraphs whose next paragraph, in document order, is inserted whole."""
    paragraphs: list[Entry | None] = []  # None: a table, which breaks the run of paragraphs
    for entry in root.walk():
        kind = entry.block.kind
        if kind == "table":
            paragraphs.append(None)
        elif kind not in ("document", "key_terms", "signature", "row"):
            paragraphs.append(entry)
    return {
        id(entry) for entry, following in pairwise(paragraphs)
        if entry is not None and following is not None and following.status == "inserted"
    }


def redline_docx(redline: Redline) -> bytes:
    """The redline as a DOCX file: NEW's agreement with tracked changes against OLD."""
    writer = _Writer(redline)
    body_xml = writer.block(redline.root)
    document_xml = document_with_body(redline.new.language, body_xml)
    return package_document(redline.new, document_xml, writer.body)
