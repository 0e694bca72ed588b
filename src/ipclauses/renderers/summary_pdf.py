"""The summary as PDF: its Word document, converted by LibreOffice (ipclauses.pdf)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import Renderer, render

if TYPE_CHECKING:
    from ..draft import Draft


def _render(draft: Draft) -> bytes:
    from ..pdf import docx_to_pdf

    document = render(draft, "summary", "docx")
    return docx_to_pdf([document], locale=draft.summary.locale, created=draft.spec.effective_date)[0]


RENDERER = Renderer("summary", "pdf", _render, "PDF, through LibreOffice")
