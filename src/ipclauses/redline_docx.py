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

from collections.abc import Sequence
from itertools import pairwise, zip_longest

from . import ooxml as ox
from .agreement import Ref, Segment
from .compare import ending_in_deletion
from .docx_bilingual import PAGE_BREAK, PAIR_WIDTHS, TEMPLATE, SideBySide, column_for
from .docx_render import SINGLE, Body, Column, clause_bookmark, document_with_body, package_document, segment_runs
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
    """Writes one redline's blocks as WordprocessingML: a single-language one whole, or a bilingual one's column
    (`column`: its styles, lists and bookmark names; `body` shared by both columns)."""

    def __init__(self, redline: Redline, column: Column = SINGLE, body: Body | None = None) -> None:
        self.column = column
        self.body = body if body is not None else Body()
        self.author = redline.author
        self.date = redline.date
        self.before_insertion = _followed_by_inserted_paragraph(redline.root)

    def revision(self) -> str:
        """The attributes of a new tracked change (a run's, a paragraph mark's, a row's) by this redline's author."""
        # Bookmarks and tracked changes draw their ids from one counter: unique among all annotations.
        bookmarks = self.body.bookmarks
        rev_id = bookmarks.next_id
        bookmarks.next_id = rev_id + 1
        return ox.revision_attributes(rev_id, self.author, self.date)

    def _runs(self, segments: tuple[Segment, ...], bold: bool) -> str:
        return ox.run(_text(segments), bold=True) if bold else segment_runs(segments, self.column)

    def content(self, entry: Entry) -> str:
        """A block's runs: unchanged text as it is, deletions and insertions tracked."""
        bold = entry.block.bold
        pieces = ending_in_deletion(entry.pieces) if id(entry) in self.before_insertion else entry.pieces
        out = []
        for piece in pieces:
            if piece.op == "equal":
                out.append(self._runs(piece.segments, bold))
            elif piece.op == "delete":
                out.append(ox.deleted(piece.text, self.revision(), bold))
            else:
                out.append(ox.inserted(self._runs(piece.segments, bold), self.revision()))
        return "".join(out)

    def mark(self, entry: Entry) -> str:
        """The paragraph mark's (or row's) own change, for a block inserted or deleted whole."""
        if entry.status == "inserted":
            return ox.revision_mark("w:ins", self.revision())
        if entry.status == "deleted":
            return ox.revision_mark("w:del", self.revision())
        return ""

    def paragraph(self, entry: Entry, style: str, bookmark: str | None = None, num_id: int | None = None) -> str:
        mark = self.mark(entry)  # first: ids follow document order
        content = self.content(entry)
        if bookmark is not None and entry.new is not None:
            self.body.ids[bookmark] = entry.new.id
            content = self.body.bookmarks.around_derived(bookmark, content)
        return ox.tracked_paragraph(self.column.style(style), content, mark, num_id)

    def article(self, entry: Entry) -> str:
        heading, mark = self.article_heading(entry)
        return heading + "".join("".join(self.article_paragraph(paragraph, mark)) for paragraph in entry.children)

    def article_heading(self, entry: Entry) -> tuple[str, str | None]:
        """The article's heading, and the bookmark its paragraphs' names extend (None for a deleted article)."""
        block = entry.block
        if entry.new is None or block.article is None:  # deleted: nothing in it is NEW's
            return self.paragraph(entry, Style.ARTICLE), None
        mark = self.column.bookmark(clause_bookmark(block.id))
        self.body.ids[mark] = block.id
        heading_mark = self.mark(entry)
        inner = self.body.bookmarks.around(self.column.bookmark(block.article.bookmark), self.content(entry))
        return ox.tracked_paragraph(self.column.style(Style.ARTICLE), self.body.bookmarks.around(mark, inner), heading_mark), mark

    def article_paragraph(self, entry: Entry, mark: str | None) -> list[str]:
        """A paragraph of an article, then each of its items."""
        block = entry.block
        numbered = bool(block.label)
        name = f"{mark}_{block.id.rsplit('/', 1)[1]}" if mark and entry.new is not None else None
        out = [self.paragraph(entry, Style.PARAGRAPH if numbered else Style.TEXT, name)]
        num_id = None if numbered or not entry.children else self.body.lists.new(self.column.free_items_abstract)
        for item in entry.children:
            item_name = f"{name}_{item.block.id.rsplit('/', 1)[1]}" if name and item.new is not None else None
            out.append(self.paragraph(item, Style.ITEM, item_name, num_id))
        return out

    def row_cells(self, entry: Entry, widths: tuple[int, int]) -> list[str]:
        """A table row's label and value cells: the label shaded, either tracked as the row is."""
        label = entry.block.label
        if entry.status == "inserted":
            label_runs = ox.inserted(ox.run(label), self.revision())
        elif entry.status == "deleted":
            label_runs = ox.deleted(label, self.revision())
        else:
            label_runs = ox.run(label)
        style = self.column.style(Style.TABLE_TEXT)
        return [
            ox.cell(ox.paragraph(style, label_runs), widths[0], shaded=True),
            ox.cell(ox.paragraph(style, self.content(entry)), widths[1]),
        ]

    def row(self, entry: Entry) -> str:
        mark = self.mark(entry)  # first: ids follow document order
        widths = _KEY_TERMS_WIDTHS if entry.block.id.startswith("key_terms/") else _SCHEDULE_WIDTHS
        return ox.tracked_row(self.row_cells(entry, widths), mark)

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
    if redline.sides:
        return _bilingual_redline_docx(redline)
    writer = _Writer(redline)
    body_xml = writer.block(redline.root)
    document_xml = document_with_body(redline.new.language, body_xml)
    return package_document(redline.new, document_xml, writer.body)


# --- bilingual --------------------------------------------------------------------------
#
# A bilingual NEW's redline is drawn as its agreement is (docx_bilingual.py): each language's
# redline in its column, block beside block, so a change shows in both columns. Rows pair the
# two columns' blocks by their place; what a column says, and so its fingerprint, does not
# depend on that pairing (docx_body.document_fingerprint reads column by column).


def _bilingual_redline_docx(redline: Redline) -> bytes:
    body = Body(ox.BILINGUAL_FIRST_FREE_NUM_ID)
    writers = [_Writer(side, column_for(side.new.language), body) for side in redline.sides]
    table = SideBySide([writer.column for writer in writers])
    header = table.header([side.new.language for side in redline.sides])
    tables: list[list[str]] = [[header]]
    for entries in zip_longest(*(side.root.children for side in redline.sides)):
        kind = next(entry for entry in entries if entry is not None).block.kind
        if kind == "schedule":  # the schedule starts a table of its own, after a page break
            tables.append([header])
        tables[-1] += _bilingual_rows(kind, entries, writers, table)
    body_xml = "".join(table.table(rows) if n == 0 else PAGE_BREAK + table.table(rows) for n, rows in enumerate(tables))
    document_xml = document_with_body(TEMPLATE, body_xml + ox.paragraph(Style.NORMAL))
    record = redline.record or redline.new
    return package_document(record, document_xml, body, template=TEMPLATE, columns=len(writers))


def _bilingual_rows(kind: str, entries: Sequence[Entry | None], writers: Sequence[_Writer], table: SideBySide) -> list[str]:
    """The rows of one block of the document (an article, the key terms, the signature, a line), in every column."""
    pairs = list(zip(entries, writers, strict=True))
    if kind == "article":
        # An article inserted or deleted in every column takes its rows with it when the change is accepted or rejected.
        statuses = {entry.status for entry in entries if entry is not None}
        whole = next(iter(statuses)) if len(statuses) == 1 and statuses <= {"inserted", "deleted"} else None

        def row(per_side: list[list[str]]) -> str:
            mark = ox.revision_mark("w:ins" if whole == "inserted" else "w:del", writers[0].revision()) if whole else ""
            return table.row(per_side, mark=mark)

        headings = [writer.article_heading(entry) if entry else ("", None) for entry, writer in pairs]
        rows = [row([[heading] if heading else [] for heading, _ in headings])]
        for paragraphs in zip_longest(*(entry.children if entry else () for entry in entries)):
            blocks = [
                writer.article_paragraph(paragraph, mark) if paragraph is not None else []
                for paragraph, writer, (_, mark) in zip(paragraphs, writers, headings, strict=True)
            ]
            rows += [row([[block] if block else [] for block in line]) for line in zip_longest(*blocks)]
        return rows
    if kind == "key_terms":  # a heading, a table of rows and a note, each beside its translation
        rows = []
        for children in zip_longest(*(entry.children if entry else () for entry in entries)):
            first = next(child for child in children if child is not None)
            if first.block.kind == "table":
                rows += _bilingual_table_rows(children, writers, table)
            else:
                rows.append(table.row([
                    [writer.paragraph(child, _STYLES[child.block.kind])] if child else []
                    for child, writer in zip(children, writers, strict=True)
                ]))
        return rows
    if kind == "signature":  # a row for what comes before the parties, then one for each party
        per_side = [_signature_groups(entry, writer) if entry else [] for entry, writer in pairs]
        return [table.row([group or [] for group in row]) for row in zip_longest(*per_side)]
    return [table.row([[writer.paragraph(entry, _STYLES[kind])] if entry else [] for entry, writer in pairs])]


def _bilingual_table_rows(tables: Sequence[Entry | None], writers: Sequence[_Writer], table: SideBySide) -> list[str]:
    rows = []
    for entries in zip_longest(*(entry.children if entry else () for entry in tables)):
        present = [entry for entry in entries if entry is not None]
        # A row inserted or deleted in every column is tracked whole; otherwise its cells' words are.
        whole = present[0].status if all(entry.status == present[0].status for entry in present) else "same"
        mark = writers[0].mark(present[0]) if whole in ("inserted", "deleted") else ""
        cells = [
            writer.row_cells(entry, PAIR_WIDTHS) if entry is not None else table.empty_pair(writer.column)
            for entry, writer in zip(entries, writers, strict=True)
        ]
        rows.append(ox.kept_row([cell for pair in cells for cell in pair], mark=mark))
    return rows


def _signature_groups(entry: Entry, writer: _Writer) -> list[list[str]]:
    """A column's signature lines, as the agreement groups them: up to the first party, then party by party."""
    groups: list[list[str]] = [[]]
    for line in entry.children:
        style = Style.SIGNATURE_INTRO if line.block.id == "signature/intro" else Style.SIGNATURE
        if not _text(line.block.segments) and line.block.id != "signature/intro":
            groups.append([])  # an empty line opens a party's block
        groups[-1].append(writer.paragraph(line, style))
    return groups
