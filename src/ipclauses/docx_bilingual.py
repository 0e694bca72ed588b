"""A bilingual agreement as DOCX: each language's agreement in its own column, row by row.

The body is two tables on the bilingual base template (templates/agreement-bilingual.docx):
the agreement, then the schedule after a page break. Each row holds one paragraph, item,
key term or signature block in each language, so a reader sees which sentence
translates which; a row is not split across pages where it fits on one, and the header
row naming each column's language is repeated on every page.

Each column is written with its language's styles, lists and bookmarks (docx_render.Column):
Word numbers 第3条 2 in one column and 3.2 in the other, and a cross-reference in each
column is a REF field to that column's article. Every paragraph's stable-id bookmark
names it in its column ("_Ipc_<hash>Ja_p2", "_Ipc_<hash>En_p2"), both mapped to the same
id in the provenance, so verify and redline read each column as its language's agreement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from itertools import zip_longest
from typing import TYPE_CHECKING

from . import ooxml as ox
from . import wording
from .agreement import Agreement
from .bilingual import column_heading
from .docx_render import (
    Body,
    Column,
    agreement_document,
    article_heading,
    document_text,
    document_with_body,
    package_document,
    paragraph_blocks,
    parse_document,
)
from .errors import RenderError
from .locales import BILINGUAL_TEMPLATE_LANGUAGES, Locale, get_locale
from .ooxml import Style

if TYPE_CHECKING:
    from .draft import Draft

TEMPLATE = "bilingual"
# A4 less 20 mm margins: 9638 twips, half to each language; a key term's label and value share a half.
HALF = 4819
LABEL = 1560
GRID = (LABEL, HALF - LABEL, LABEL, HALF - LABEL)


@cache
def column_for(language: str) -> Column:
    """The column a language is written in: its styles, lists and bookmark names in the bilingual template."""
    numbers = ox.column_numbering(BILINGUAL_TEMPLATE_LANGUAGES.index(language))
    return Column(language.title(), numbers.free_items_abstract)


@cache
def _table_head(widths: tuple[int, ...]) -> str:
    # Fixed layout: Word and LibreOffice keep the widths given instead of fitting them to the text.
    properties = ox.el(
        "w:tblPr", None, ox.val("w:tblStyle", Style.BILINGUAL_TABLE), ox.el("w:tblW", {"w:w": sum(widths), "w:type": "dxa"}),
        ox.el("w:tblLayout", {"w:type": "fixed"}), ox.val("w:tblLook", "0000"),
    )
    return properties.xml + ox.el("w:tblGrid", None, *(ox.el("w:gridCol", {"w:w": w}) for w in widths)).xml


def fixed_table(widths: tuple[int, ...], rows: Sequence[str]) -> str:
    """A bilingual table of `rows` over grid columns of `widths` twips, as wide as the page's text."""
    return f"<w:tbl>{_table_head(widths)}{''.join(rows)}</w:tbl>"


PAIR_WIDTHS = (GRID[0], GRID[1])  # a key term's label and value, in one language's half
PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


class SideBySide:
    """Rows of a bilingual table: a cell per column, each holding that column's paragraphs."""

    def __init__(self, columns: Sequence[Column]) -> None:
        self.columns = columns

    def table(self, rows: Sequence[str]) -> str:
        return fixed_table(GRID, rows)

    def row(self, per_side: Sequence[Sequence[str]], header: bool = False, mark: str = "") -> str:
        """A row of one cell per column, each holding its paragraphs (an empty one where it has none);
        `mark` tracks the row as inserted or deleted whole (a redline's)."""
        cells = [
            ox.cell("".join(paragraphs) or ox.paragraph(column.style(Style.TEXT)), HALF, span=2)
            for paragraphs, column in zip(per_side, self.columns, strict=True)
        ]
        return ox.kept_row(cells, header=header, mark=mark)

    def header(self, languages: Sequence[str]) -> str:
        """The row naming each column's language (the first prevailing), repeated at the top of every page."""
        return self.row([
            [ox.paragraph(column.style(Style.TABLE_TEXT), ox.run(column_heading(code, prevailing=n == 0), bold=True))]
            for n, (code, column) in enumerate(zip(languages, self.columns, strict=True))
        ], header=True)

    def empty_pair(self, column: Column) -> list[str]:
        """A column's label and value cells where it has no row."""
        style = column.style(Style.TABLE_TEXT)
        return [ox.cell(ox.paragraph(style), width) for width in PAIR_WIDTHS]


class _Sides(SideBySide):
    """The agreements of one document, the prevailing first, each with its column and locale."""

    def __init__(self, agreements: Sequence[Agreement]) -> None:
        super().__init__([column_for(a.language) for a in agreements])
        self.agreements = agreements
        self.locales = [get_locale(a.language) for a in agreements]

    def paragraphs(self, style: str, text: Callable[[Agreement, Locale], str], bold: bool = False) -> str:
        """A row of one paragraph per side, in `style`."""
        return self.row([
            [ox.paragraph(column.style(style), ox.run(value, bold) if (value := text(agreement, locale)) else "")]
            for agreement, locale, column in zip(self.agreements, self.locales, self.columns, strict=True)
        ])

    def pairs(self, per_side: Sequence[Sequence[tuple[str, str]]]) -> list[str]:
        """Rows of (label, value) pairs, each side's in two cells, the label shaded, as the single-language tables."""
        rows = []
        for row in zip_longest(*per_side):
            cells = []
            for pair, column in zip(row, self.columns, strict=True):
                if pair is None:
                    cells += self.empty_pair(column)
                    continue
                style = column.style(Style.TABLE_TEXT)
                cells += [
                    ox.cell(ox.paragraph(style, ox.run(pair[0])), PAIR_WIDTHS[0], shaded=True),
                    ox.cell(ox.paragraph(style, ox.run(pair[1])), PAIR_WIDTHS[1]),
                ]
            rows.append(ox.kept_row(cells))
        return rows


def _front(sides: _Sides) -> list[str]:
    rows = [sides.header([a.language for a in sides.agreements])]
    rows.append(sides.paragraphs(Style.TITLE, lambda a, _: a.title))
    rows.append(sides.paragraphs(Style.PREAMBLE, lambda a, _: a.preamble))
    if sides.agreements[0].show_key_terms:
        rows.append(sides.paragraphs(Style.SECTION_HEADING, lambda _, locale: locale.words.key_terms.heading))
        rows += sides.pairs([a.key_terms for a in sides.agreements])
        rows.append(sides.paragraphs(Style.NOTE, lambda _, locale: locale.words.key_terms.note))
    return rows


def _articles(sides: _Sides, body: Body) -> list[str]:
    rows = []
    for articles in zip(*(a.articles for a in sides.agreements), strict=True):
        if len({art.clause_id for art in articles}) != 1:
            raise RenderError(f"the two languages' articles differ ({', '.join(a.clause_id for a in articles)}); "
                              "this is a bug in ipclauses")
        headings = [
            article_heading(art, locale, body, column)
            for art, locale, column in zip(articles, sides.locales, sides.columns, strict=True)
        ]
        rows.append(sides.row([[heading] for heading, _ in headings]))
        # Each side's paragraphs, each followed by its items; a row holds one of them from each side.
        for paragraphs in zip_longest(*(art.paragraphs for art in articles)):
            blocks = [
                paragraph_blocks(para, body, f"{mark}_{para.id.rsplit('/', 1)[1]}", column) if para is not None else []
                for para, (_, mark), column in zip(paragraphs, headings, sides.columns, strict=True)
            ]
            rows += [sides.row([[block] if block else [] for block in row]) for row in zip_longest(*blocks)]
    return rows


def _signature(sides: _Sides) -> list[str]:
    blocks = [wording.signature_blocks(a) for a in sides.agreements]

    def lines(column: Column, style: str, texts: Sequence[tuple[str, bool]]) -> list[str]:
        return [ox.paragraph(column.style(style), ox.run(text, bold) if text else "") for text, bold in texts]

    rows = [sides.row([
        [ox.paragraph(column.style(Style.SIGNATURE_INTRO), ox.run(a.signing_intro) if a.signing_intro else ""),
         *lines(column, Style.SIGNATURE, lead)]
        for a, column, (lead, _) in zip(sides.agreements, sides.columns, blocks, strict=True)
    ])]
    for parties in zip_longest(*(parties for _, parties in blocks), fillvalue=[]):
        rows.append(sides.row([lines(column, Style.SIGNATURE, party) for column, party in zip(sides.columns, parties, strict=True)]))
    return rows


def _schedule(sides: _Sides) -> str:
    if not sides.agreements[0].schedule:
        return ""
    rows = [sides.header([a.language for a in sides.agreements]), sides.paragraphs(Style.SCHEDULE_TITLE, lambda a, _: a.schedule_title)]
    for sections in zip_longest(*(a.schedule for a in sides.agreements)):
        rows.append(sides.row([
            [ox.paragraph(column.style(Style.SECTION_HEADING), ox.run(section.heading))] if section else []
            for section, column in zip(sections, sides.columns, strict=True)
        ]))
        if any(section and section.note for section in sections):
            rows.append(sides.row([
                [ox.paragraph(column.style(Style.NOTE), ox.run(section.note))] if section and section.note else []
                for section, column in zip(sections, sides.columns, strict=True)
            ]))
        rows += sides.pairs([section.rows if section else [] for section in sections])
    return PAGE_BREAK + sides.table(rows)


def bilingual_body(agreements: Sequence[Agreement], body: Body) -> str:
    """The body of the bilingual agreement: `agreements` (each language's, the prevailing first) side by side."""
    sides = _Sides(agreements)
    rows = _front(sides) + _articles(sides, body) + _signature(sides)
    # A body ends in a paragraph: Word adds one after a closing table otherwise.
    return sides.table(rows) + _schedule(sides) + ox.paragraph(Style.NORMAL)


def draft_document(draft: Draft) -> tuple[str, Body]:
    """The word/document.xml of a draft's agreement, bilingual or not, and what its body holds besides text."""
    if draft.bilingual:
        return bilingual_document(draft.columns)
    return agreement_document(draft.agreement)


def bilingual_package(draft: Draft) -> tuple[bytes, str]:
    """The bilingual agreement's DOCX bytes and its text (both columns, row by row)."""
    document_xml, body = bilingual_document(draft.columns)
    root = parse_document(document_xml)
    return package_document(draft.record, document_xml, body, root, TEMPLATE, len(draft.columns)), document_text(root)


def bilingual_document(agreements: Sequence[Agreement]) -> tuple[str, Body]:
    """The bilingual agreement's word/document.xml, and what its body holds besides text."""
    body = Body(ox.BILINGUAL_FIRST_FREE_NUM_ID)
    try:
        body_xml = bilingual_body(agreements, body)
    except ox.SchemaError as exc:
        raise RenderError(f"the agreement cannot be written as WordprocessingML ({exc}); this is a bug in ipclauses") from None
    return document_with_body(TEMPLATE, body_xml), body
