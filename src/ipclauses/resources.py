"""Where the bundled data lives: inside the installed package, or at the top of a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_CHECKOUT_ROOT = Path(__file__).resolve().parents[2]


@cache
def data_dir(name: str) -> Path:
    """Path of a bundled data folder (clause_library, templates, schema).

    A wheel carries the folders inside the package; an editable install or a plain
    checkout reads them from the repository's top level, where legal staff edit them.
    """
    packaged = resources.files("ipclauses") / name
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = _CHECKOUT_ROOT / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"ipclauses data folder {name!r} is missing from the installation")
