"""The summary as a Word document, in the agreement template's styles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import Renderer

if TYPE_CHECKING:
    from ..draft import Draft


def _render(draft: Draft) -> bytes:
    from ..docx_render import summary_docx

    return summary_docx(draft.summary)


RENDERER = Renderer("summary", "docx", _render, "Word document")
