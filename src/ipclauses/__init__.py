"""ipclauses: draft open-innovation agreements from a validated deal spec.

    spec = ipclauses.load_spec("examples/nda-mutual-ja.json")
    agreement = ipclauses.assemble(spec)
    ipclauses.render_docx(agreement, "nda.docx")

Errors are subclasses of `IpclausesError`; `SpecError.errors` lists (path, message) pairs.
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from .agreement import Agreement
from .assemble import assemble
from .build import build
from .checks import Finding
from .checks import run_checks as check
from .docx_render import inspect_docx, render_docx
from .errors import DocumentError, IpclausesError, LibraryError, OutputError, RenderError, SpecError
from .library import Library, load_library
from .loading import load_spec
from .schema import deal_spec_schema
from .spec import DealSpec
from .summary import summarize

try:
    __version__ = _version("ipclauses")
except PackageNotFoundError:  # running from a source checkout
    __version__ = "0.0.0+checkout"

__all__ = [
    "Agreement",
    "DealSpec",
    "DocumentError",
    "Finding",
    "IpclausesError",
    "Library",
    "LibraryError",
    "OutputError",
    "RenderError",
    "SpecError",
    "__version__",
    "assemble",
    "build",
    "check",
    "deal_spec_schema",
    "inspect_docx",
    "load_library",
    "load_spec",
    "render_docx",
    "summarize",
]
