"""The agreement as a Word document: the DOCX writer, then the check that every given value is in it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import Renderer

if TYPE_CHECKING:
    from ..draft import Draft


def _render(draft: Draft) -> bytes:
    from ..agreement_types import type_of
    from ..assemble import missing_values
    from ..docx_render import package
    from ..errors import RenderError

    if draft.bilingual:
        from ..docx_bilingual import bilingual_package

        data, text = bilingual_package(draft)
    else:
        data, text = package(draft.agreement)
    # What an agreement drafted beside this one holds is in that document, which checks it the same way.
    elsewhere = tuple(companion.path + "/" for companion in type_of(draft.spec).companions_for(draft.spec))
    missing = [(path, value) for path, value in missing_values(draft.spec, text) if not path.startswith(elsewhere)]
    if missing:
        where = "; ".join(f"{path} ({value[:40]!r})" for path, value in missing[:10])
        raise RenderError(
            f"{len(missing)} value(s) from the spec would not appear in the agreement: {where}. "
            "The clause library does not print them for the options chosen; remove them from the spec or "
            "choose the option that uses them."
        )
    return data


RENDERER = Renderer("agreement", "docx", _render, "Word document (OOXML)")
