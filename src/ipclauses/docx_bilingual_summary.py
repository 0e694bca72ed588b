"""A bilingual summary as DOCX: each language's summary in its own column, section beside section.

Each column is that language's own summary (`Draft.sides`), paragraph for paragraph as its
single-language DOCX writes it (docx_render.summary_sections), in the language's column
styles of the bilingual template (templates/agreement-bilingual.docx). Where a section
holds as many paragraphs in each language (one a point, a finding or an article), each row
holds one of them from each side, so a reader sees which sentence translates which and a
row is short enough to keep on one page; otherwise the section sits in one row whole. The
header row naming each column's language is repeated on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from . import ooxml as ox
from .bilingual import column_heading
from .docx_bilingual import HALF, TEMPLATE, column_for, fixed_table
from .docx_render import SummaryLayout, document_with_body, summary_package, summary_sections
from .ooxml import Style
from .side_by_side import paired

if TYPE_CHECKING:
    from .docx_render import Column
    from .summary import Summary


@cache
def _layout(language: str) -> SummaryLayout:
    # A table inside a column is as wide as the column less its cell's margins (108 twips each side);
    # the article columns keep room for "Article 10" on one line.
    return SummaryLayout(
        column_for(language), Style.BILINGUAL_TABLE,
        results_widths=(1550, 1800, 1250), checklist_widths=(1500, 3100), balance_widths=(1200, 2000, 1400),
    )


def _row(per_side: Sequence[Sequence[str]], columns: Sequence[Column], header: bool = False) -> str:
    """A row of one cell per side, each holding that side's blocks (a cell ends in a paragraph: one is added if not)."""
    cells = []
    for blocks, column in zip(per_side, columns, strict=True):
        content = "".join(blocks)
        if not ox.ends_in_paragraph(content):
            content += ox.paragraph(column.style(Style.TEXT))
        cells.append(ox.cell(content, HALF))
    return ox.kept_row(cells, header=header)


def _section_rows(per_side: Sequence[Sequence[str] | None], columns: Sequence[Column]) -> list[str]:
    sides = [blocks or [] for blocks in per_side]
    if len({len(blocks) for blocks in sides}) == 1:
        return [_row([[block] for block in row], columns) for row in zip(*sides, strict=True)]
    return [_row(sides, columns)]


def bilingual_summary_body(summaries: Sequence[Summary]) -> str:
    """The body of the bilingual summary: `summaries` (each language's, the prevailing first) side by side."""
    columns = [column_for(s.language) for s in summaries]
    rows = [
        _row([[ox.paragraph(column.style(Style.TABLE_TEXT), ox.run(column_heading(s.language, prevailing=False), bold=True))]
              for s, column in zip(summaries, columns, strict=True)], columns, header=True),
        _row([[ox.paragraph(column.style(Style.TITLE), ox.run(s.title)), ox.paragraph(column.style(Style.PREAMBLE), ox.run(s.disclaimer))]
              for s, column in zip(summaries, columns, strict=True)], columns),
    ]
    for _, per_side in paired([summary_sections(s, _layout(s.language)) for s in summaries]):
        rows += _section_rows(per_side, columns)
    # A body ends in a paragraph: Word adds one after a closing table otherwise.
    return fixed_table((HALF, HALF), rows) + ox.paragraph(Style.NORMAL)


def bilingual_summary_docx(summaries: Sequence[Summary]) -> bytes:
    """The bilingual summary as DOCX, on the bilingual template; its properties name the prevailing language's title."""
    first = summaries[0]
    document_xml = document_with_body(TEMPLATE, bilingual_summary_body(summaries))
    language = "+".join(s.language for s in summaries)
    return summary_package(TEMPLATE, document_xml, first.title, language, first.effective_date)
