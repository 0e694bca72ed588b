"""A test run never writes the clause library cache into the user's home.

The cache goes to IPCLAUSES_CACHE_DIR, which conftest.py points at a temporary folder when
the session starts; anything that loads the library before that (a module-level load, a
parametrize that loads it) would write into ~/.cache/ipclauses instead.
"""

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_collecting_every_test_writes_nothing_under_home(tmp_path):
    """Collection runs before any fixture: it must not load the library (nor write anything else in ~)."""
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("IPCLAUSES_CACHE_DIR", "IPCLAUSES_NO_CACHE", "XDG_CACHE_HOME")}
    env["HOME"] = str(home)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", str(ROOT / "tests")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " tests collected" in result.stdout or "tests collected" in result.stdout, result.stdout[-2000:]
    written = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert not written, f"collecting the tests wrote into HOME: {written}"


def test_the_library_cache_of_this_session_is_a_temporary_folder(library):
    """Every load inside the session (the fixture above included) caches under the session's temporary folder."""
    from ipclauses.library import _cache_dir

    cache = _cache_dir()
    assert cache is not None
    home_cache = Path(os.path.expanduser("~"), ".cache").resolve()
    assert not cache.resolve().is_relative_to(home_cache), cache
    assert os.environ["IPCLAUSES_CACHE_DIR"] == str(cache)
    assert list(cache.glob("library-*.json")), "the bundled library was cached there"
