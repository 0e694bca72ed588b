"""Renderers: one module per output, each turning a Draft into the bytes of one file.

A renderer module declares `RENDERER = Renderer(...)` with the document it renders
("agreement" or "summary"), its format (the file extension) and a function of the
Draft. The registry finds every module in this package, so a new output format is
one new module here (or, from outside the package, one `register` call).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..draft import Draft

DOCUMENTS = ("agreement", "summary")


@dataclass(frozen=True)
class Renderer:
    document: str  # what it renders: "agreement" or "summary"
    format: str  # the format's name, which is also the file extension: "docx", "md", "html"
    render: Callable[[Draft], bytes]
    description: str = ""


@cache
def _registry() -> dict[tuple[str, str], Renderer]:
    found: dict[tuple[str, str], Renderer] = {}
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        renderer = getattr(importlib.import_module(f"{__name__}.{module.name}"), "RENDERER", None)
        if isinstance(renderer, Renderer):
            if renderer.document not in DOCUMENTS:
                raise ValueError(f"renderer {module.name}: unknown document {renderer.document!r}")
            found[(renderer.document, renderer.format)] = renderer
    return found


def register(renderer: Renderer) -> None:
    """Add a renderer from outside this package (a plug-in's format); refuses a format taken already."""
    if renderer.document not in DOCUMENTS:
        raise ValueError(f"unknown document {renderer.document!r} (documents: {', '.join(DOCUMENTS)})")
    key = (renderer.document, renderer.format)
    if key in _registry():
        raise ValueError(f"a renderer for {renderer.document} {renderer.format!r} is already registered")
    _registry()[key] = renderer


def unregister(document: str, format: str) -> None:
    _registry().pop((document, format), None)


def formats(document: str) -> tuple[str, ...]:
    """The formats a document can be rendered in, in name order."""
    return tuple(sorted(fmt for doc, fmt in _registry() if doc == document))


def get_renderer(document: str, format: str) -> Renderer:
    renderer = _registry().get((document, format))
    if renderer is None:
        raise ValueError(f"unknown {document} format {format!r} (allowed: {', '.join(formats(document))})")
    return renderer


def render(draft: Draft, document: str, format: str) -> bytes:
    """The bytes of one output file of a Draft."""
    return get_renderer(document, format).render(draft)
