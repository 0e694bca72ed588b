"""The summary as a Word document, in the agreement template's styles (a bilingual one: the languages side by side)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import Renderer

if TYPE_CHECKING:
    from ..draft import Draft


def _render(draft: Draft) -> bytes:
    if draft.bilingual:  # each language's summary in its column, on the bilingual template
        from ..docx_bilingual_summary import bilingual_summary_docx

        return bilingual_summary_docx([side.summary for side in draft.sides])
    from ..docx_render import summary_docx

    return summary_docx(draft.summary)


RENDERER = Renderer("summary", "docx", _render, "Word document")
