import copy
import json
import os
from pathlib import Path

import pytest

# Messages follow the user's locale (LC_ALL, LC_MESSAGES, LANG): the tests expect English unless they
# set one, whatever the machine running them uses.
for _variable in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
NDA_EXAMPLE = ROOT / "examples" / "nda-mutual-ja.json"  # the simplest deal, for tests of the tools around it


def example_ids():
    return [p.stem for p in EXAMPLES]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


def load_example_data(name: str) -> dict:
    return json.loads((ROOT / "examples" / f"{name}.json").read_text(encoding="utf-8"))


DELETE = object()  # a change that takes the field out


def example_with(name: str, lang: str | None = None, *, removes: object = DELETE, **changes) -> dict:
    """An example's data with fields set by path written with "__" (licence__royalty__currency="EUR").

    A value that `is` `removes` takes the field out (some tests write None for that); `lang`
    sets the agreement's language.
    """
    data = load_example_data(name)
    for path, value in changes.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        if value is removes:
            node.pop(keys[-1], None)
        else:
            node[keys[-1]] = copy.deepcopy(value)
    if lang:
        data["language"] = lang
    return data


@pytest.fixture(scope="session")
def library():
    from ipclauses import load_library

    return load_library()


@pytest.fixture(autouse=True, scope="session")
def _library_cache_in_tmp(tmp_path_factory):
    """Keep the validated-library cache of test runs out of the user's ~/.cache."""
    import os

    os.environ["IPCLAUSES_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
