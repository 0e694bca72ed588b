"""ipclauses: draft open-innovation agreements from a validated deal spec.

    spec = ipclauses.load_spec("examples/nda-mutual-ja.json")
    agreement = ipclauses.assemble(spec)
    ipclauses.render_docx(agreement, "nda.docx")

Two versions of a deal (specs or built DOCX files):

    result = ipclauses.redline("v1.docx", "v2.json")   # aligned by article; result.changed
    open("redline.docx", "wb").write(ipclauses.redline_docx(result))
    ipclauses.changes("v1.docx", "v2.json")            # what moved in the deal, in plain words
    ipclauses.verify("returned.docx")                  # is it still what its recorded spec produces?

Errors are subclasses of `IpclausesError`; `SpecError.errors` lists (path, message) pairs.
"""

from importlib import import_module
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

from .agreement import Agreement
from .assemble import assemble
from .build import build
from .checks import Finding
from .checks import run_checks as check
from .docx_read import inspect_docx
from .docx_render import render_docx
from .errors import DocumentError, IpclausesError, LibraryError, OutputError, RenderError, SpecError
from .library import Library, load_library
from .loading import load_spec
from .schema import deal_spec_schema
from .spec import DealSpec
from .summary import summarize

if TYPE_CHECKING:
    from .deal_changes import Change, DealChanges, changes
    from .redline_docx import redline_docx
    from .redline_model import Redline, redline
    from .verification import Verification, verify

# Negotiation (redline, changes, verify) loads on first use: a build does not need it,
# and every CLI start would pay for importing it.
_LAZY = {
    "Change": "deal_changes", "DealChanges": "deal_changes", "changes": "deal_changes",
    "Redline": "redline_model", "redline": "redline_model", "redline_docx": "redline_docx",
    "Verification": "verification", "verify": "verification",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


try:
    __version__ = _version("ipclauses")
except PackageNotFoundError:  # running from a source checkout
    __version__ = "0.0.0+checkout"

__all__ = [
    "Agreement",
    "Change",
    "DealChanges",
    "DealSpec",
    "DocumentError",
    "Finding",
    "IpclausesError",
    "Library",
    "LibraryError",
    "OutputError",
    "Redline",
    "RenderError",
    "SpecError",
    "Verification",
    "__version__",
    "assemble",
    "build",
    "changes",
    "check",
    "deal_spec_schema",
    "inspect_docx",
    "load_library",
    "load_spec",
    "redline",
    "redline_docx",
    "render_docx",
    "summarize",
    "verify",
]
