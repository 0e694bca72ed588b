"""A firm's clause library is semi-trusted: it may fail to load, never exhaust the machine,
read outside its folder, or change a contract through the cache.

Memory and time attacks run in a child process under limits (tests/limits.py), so a
regression fails a test instead of the machine.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

import ipclauses
from conftest import NDA_EXAMPLE
from ipclauses import LibraryError, RenderError, assemble, load_library, load_spec
from ipclauses import library as library_module
from limits import run_cli, run_python
from test_library_data import GOOD

TEXT_JA = 'text.ja = "各当事者は、{{ purpose }}について誠実に協力する。"'
TEXT_LINE = 10  # the line of text.ja in GOOD
assert GOOD.splitlines()[TEXT_LINE - 1] == TEXT_JA


def _with_text(text: str) -> str:
    """GOOD with its Japanese text replaced (a TOML literal string: `text` may not hold ')."""
    return GOOD.replace(TEXT_JA, f"text.ja = '{text}'")


def _firm(tmp_path: Path, clause: str = GOOD, folder_name: str = "firm") -> Path:
    folder = tmp_path / folder_name / "general"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "special.toml").write_text(clause, encoding="utf-8")
    return tmp_path / folder_name


def _problems(folder: Path) -> str:
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    return str(info.value)


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("IPCLAUSES_CACHE_DIR", str(cache))
    library_module._load.cache_clear()
    yield cache
    library_module._load.cache_clear()


# --- templates that would take gigabytes or minutes ---------------------------------------

# name: (template, what loading reports or None if only a spec's values show it, what rendering reports)
BOMBS = {
    "ljust": ('{{ "a".ljust(1500000000) }}', "ljust() is not allowed", "'ljust' of 'str' object is unsafe"),
    "format-padding": ('{{ "{0:>1500000000}".format(purpose) }}', "format() is not allowed", "format() is not allowed"),
    "repeat-literal": ('{{ "a" * 1500000000 }}', "repeating a str 1500000000 times", "repeating a str 1500000000 times"),
    "repeat-variable": ("{{ purpose * 1500000000 }}", None, "repeating a str 1500000000 times"),
    "repeat-list": ("{{ [purpose] * 1500000000 }}", None, "repeating a list 1500000000 times"),
    "power": ("{{ 7 ** 100000000 }}", "at most 256 bits", "at most 256 bits"),
    "power-computed": ("{{ 7 ** (10 ** 8) }}", "at most 256 bits", "at most 256 bits"),
    "percent-padding": ('{{ "%1500000000s" % purpose }}', "formatting text with % is not allowed", "formatting text with %"),
    "percent-through-a-test": ('{% if "%1500000000s" is divisibleby(purpose) %}x{% endif %}', "unknown test 'divisibleby'",
                               "No test named 'divisibleby'"),
    "to-bytes": ('{{ (1).to_bytes(1500000000, "big") }}', "to_bytes() is not allowed", "'to_bytes' of 'int' object is unsafe"),
    "replace-chain": ('{{ purpose | replace("", purpose * 300) | replace("", purpose * 300) | replace("", purpose * 300) }}',
                      None, "replace: the result would be longer than 5,000,000 characters"),
    "join-separator": ("{{ (purpose * 100) | join(purpose * 100000) }}", None,
                       "join: the result would be longer than 5,000,000 characters"),
    "nested-loops": ("{% for a in purpose * 500 %}{% for b in purpose * 500 %}{% for c in purpose * 500 %}"
                     "{% endfor %}{% endfor %}{% endfor %}{{ purpose }}", None, "loops ran more than 10,000 times"),
    "long-output": ("{% for a in purpose * 4000 %}{{ purpose * 4000 }}{% endfor %}", None,
                    "the text would be longer than 5,000,000 characters"),
    "list-of-lists": ('{% set a = ["x" * 4000000] %}{% set b = [a, a, a, a, a, a, a, a, a, a] %}'
                      "{% set c = [b, b, b, b, b, b, b, b, b, b] %}{{ c == [b, b, b, b, b, b, b, b, b, b] }}",
                      None, "a list in clause text would be longer than 5,000,000 characters"),
    # Each step stays within the size limits; together they would take minutes.
    "work-operators": ("{% for a in purpose * 4000 %}{% set x = purpose * 2000000 %}{% endfor %}{{ purpose }}", None,
                       "builds or reads more than 50,000,000 characters"),
    "work-methods": ("{% set big = purpose * 2000000 %}{% for a in purpose * 4000 %}{% set x = big.upper() %}{% endfor %}"
                     "{{ purpose }}", None, "builds or reads more than 50,000,000 characters"),
    "work-compare": ('{% set big = purpose * 2000000 %}{% for a in purpose * 4000 %}{% if "zz" in big %}x{% endif %}'
                     "{% endfor %}{{ purpose }}", None, "builds or reads more than 50,000,000 characters"),
    "work-filters": ("{% set big = purpose * 2000000 %}{% for a in purpose * 4000 %}{% set x = big | upper %}{% endfor %}"
                     "{{ purpose }}", None, "builds or reads more than 50,000,000 characters"),
}

# Loads a library with each bomb in a firm's clause, then renders each through the sandbox
# alone (as if the load-time check were bypassed), and prints what each reported.
_BOMB_CHILD = """
import json, sys
from pathlib import Path
from ipclauses import LibraryError, RenderError, load_library
from ipclauses.library import _environment

job = json.loads(sys.stdin.read())
bundled = load_library()
outcome = {}
for name, (template, _, _) in job["bombs"].items():
    clause = Path(job["folder"], name, "general", "special.toml")
    clause.parent.mkdir(parents=True)
    clause.write_text(job["good"].replace(job["text_ja"], "text.ja = '" + template + "'"), encoding="utf-8")
    try:
        load_library(clause.parent.parent)
        loading = "loaded"
    except LibraryError as exc:
        loading = str(exc)
    try:
        rendering = bundled.render(_environment().from_string(template), {"purpose": "ab"}, "special")
    except RenderError as exc:
        rendering = str(exc)
    outcome[name] = [loading, rendering]
print(json.dumps(outcome))
"""


@pytest.fixture(scope="module")
def bomb_outcomes(tmp_path_factory) -> dict[str, list[str]]:
    job = {"folder": str(tmp_path_factory.mktemp("bombs")), "good": GOOD, "text_ja": TEXT_JA, "bombs": BOMBS}
    result = run_python(_BOMB_CHILD, memory_mb=400, cpu_seconds=60, stdin=json.dumps(job).encode(),
                        env={"IPCLAUSES_NO_CACHE": "1"})
    assert not result.killed_by_limit, result.stderr[-3000:]
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", [n for n, (_, at_load, _) in BOMBS.items() if at_load])
def test_a_template_bomb_in_plain_sight_is_reported_when_loading(bomb_outcomes, name):
    loading, _ = bomb_outcomes[name]
    assert f"{name}/general/special.toml:{TEXT_LINE}: variants[0].text.ja: " in loading, loading
    assert BOMBS[name][1] in loading, loading


@pytest.mark.parametrize("name", list(BOMBS))
def test_the_sandbox_refuses_every_template_bomb_when_rendering(bomb_outcomes, name):
    _, rendering = bomb_outcomes[name]
    assert rendering.startswith("special: ") and BOMBS[name][2] in rendering, rendering


def test_a_build_with_a_bomb_stops_with_a_clear_error_and_writes_nothing(tmp_path):
    firm = _firm(tmp_path, _with_text("{{ purpose * 1500000000 }}"))
    out = tmp_path / "a.docx"
    result = run_cli("build", str(NDA_EXAMPLE), "-o", str(out), "--library", str(firm), memory_mb=600, cpu_seconds=60)
    assert not result.killed_by_limit, result.stderr[-2000:]
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "firm/general/special.toml" in result.stderr and "refused by the sandbox: repeating a str" in result.stderr
    assert not out.exists()


def test_clause_text_may_still_loop_and_use_the_loop_variable(tmp_path):
    lib = load_library(_firm(tmp_path, _with_text("{% for c in purpose %}{{ loop.index }}{% endfor %}について")))
    variant = lib.clauses["custom.clause"].variants[0]
    assert lib.render(variant.template("text", "ja"), {"purpose": "abc"}, "here") == "123について"


@pytest.mark.parametrize("template,expected", [
    ("{{ purpose | nosuchfilter }}", "unknown filter 'nosuchfilter'"),
    ("{% if purpose %}{{ purpose | nosuchfilter }}{% endif %}", "unknown filter 'nosuchfilter'"),
    ("{% if purpose is nosuchtest %}x{% endif %}", "unknown test 'nosuchtest'"),
    ("{% for c in purpose recursive %}{{ loop(c) }}{% endfor %}", "recursive loops are not allowed"),
    ("{{ range(3) }}", "variable 'range' is not declared"),
    ("{{ " + "(" * 300 + "purpose" + ")" * 300 + " }}", "nested too deeply"),
    ("{% for c in purpose %}" * 30 + "{% endfor %}" * 30, "nested too deeply"),
], ids=["unknown-filter", "unknown-filter-inside-if", "unknown-test", "recursive-loop", "range", "deep-brackets",
        "deep-loops"])
def test_a_template_that_cannot_compile_is_reported_when_loading(tmp_path, template, expected):
    problems = _problems(_firm(tmp_path, _with_text(template)))
    assert f"firm/general/special.toml:{TEXT_LINE}: variants[0].text.ja: " in problems and expected in problems
    assert "Traceback" not in problems


def test_a_failing_expression_is_a_render_error_naming_the_clause(tmp_path):
    lib = load_library(_firm(tmp_path, _with_text("{{ 1 // (purpose | length - purpose | length) }}")))
    with pytest.raises(RenderError, match=r"firm/general/special.toml.*custom.clause.*division"):
        assemble(load_spec(NDA_EXAMPLE), lib)


# --- clause files that would take gigabytes, minutes or a traceback ---------------------------


@pytest.mark.parametrize("nested", [
    "a = " + "[" * 100_000 + "]" * 100_000,
    "a = " + "{ b = " * 5_000 + "1" + " }" * 5_000,
], ids=["arrays", "inline-tables"])
def test_deeply_nested_toml_is_a_library_error_naming_the_file(tmp_path, nested):
    firm = _firm(tmp_path)
    (firm / "general" / "deep.toml").write_text(nested, encoding="utf-8")
    assert "firm/general/deep.toml:1: -: not valid TOML: arrays or tables nested too deeply" in _problems(firm)


def test_ten_thousand_unknown_keys_are_located_in_linear_time(tmp_path):
    """Locating each key used to rescan the file: 10,000 keys took 27 s."""
    keys = "\n".join(f"colour{i} = 1" for i in range(10_000))
    firm = _firm(tmp_path, GOOD.replace("order = 995", "order = 995\n" + keys))
    code = f"""
        from ipclauses import LibraryError, load_library
        load_library()
        try:
            load_library({str(firm)!r})
        except LibraryError as exc:
            print(exc)
    """
    result = run_python(code, memory_mb=400, cpu_seconds=20, env={"IPCLAUSES_NO_CACHE": "1"})
    assert not result.killed_by_limit and result.returncode == 0, result.stderr[-2000:]
    assert "firm/general/special.toml:6: colour0: unknown key" in result.stdout
    assert "firm/general/special.toml:10005: colour9999: unknown key" not in result.stdout  # listed up to a cap
    assert re.search(r"and \d+ more problems", result.stdout)


_MANY_VARIANTS_CHILD = """
import sys, time
from ipclauses import LibraryError, load_library
load_library()
start = time.process_time()
try:
    load_library(sys.argv[1])
except LibraryError as exc:
    print(exc)
print("seconds", time.process_time() - start)
"""


@pytest.mark.parametrize("overlapping", [True, False], ids=["overlapping", "exclusive"])
def test_comparing_many_variants_with_large_anys_is_bounded(tmp_path, overlapping):
    """The overlap check tries combinations of values: a library cannot make it try millions, nor list thousands."""
    head, variant = GOOD.split("[[variants]]")
    clause = head
    for n in range(300):
        base = 0 if overlapping else n * 100  # the same values, or values of their own
        options = ", ".join(f'{{ "confidentiality.confirmation_days" = {base + k} }}' for k in range(1, 17))
        clause += "[[variants]]" + variant.replace('id = "only"', f'id = "v{n}"\nwhen = {{ any = [{options}] }}')
    firm = _firm(tmp_path, clause)
    result = run_python(_MANY_VARIANTS_CHILD.replace("sys.argv[1]", repr(str(firm))), memory_mb=600, cpu_seconds=30,
                        env={"IPCLAUSES_NO_CACHE": "1"})
    assert not result.killed_by_limit and result.returncode == 0, result.stderr[-2000:]
    if overlapping:
        assert "variants[1].when: 'v1' and 'v0' (line 7) both hold when" in result.stdout, result.stdout[:2000]
        assert "firm/general/special.toml:7: variants: more than 10 pairs of variants overlap" in result.stdout
    else:
        assert "the library's conditions take too long to compare" in result.stdout, result.stdout[:2000]
    assert len(result.stdout.splitlines()) < 20
    assert float(result.stdout.rsplit("seconds", 1)[1]) < 10


def test_an_oversized_clause_file_is_refused_without_reading_it(tmp_path):
    firm = _firm(tmp_path)
    with open(firm / "general" / "huge.toml", "wb") as sparse:  # 2 GiB that take no disk space
        sparse.truncate(2 * 1024**3)
    code = f"""
        from ipclauses import LibraryError, load_library
        try:
            load_library({str(firm)!r})
        except LibraryError as exc:
            print(exc)
    """
    result = run_python(code, memory_mb=400, cpu_seconds=30, env={"IPCLAUSES_NO_CACHE": "1"})
    assert not result.killed_by_limit and result.returncode == 0, result.stderr[-2000:]
    assert "firm/general/huge.toml:1: -: is larger than 1,024 KiB" in result.stdout


def _link_outside(firm: Path) -> None:
    secret = firm.parent / "secret.toml"
    secret.write_text(GOOD.replace("custom.clause", "custom.secret"), encoding="utf-8")
    (firm / "general" / "secret.toml").symlink_to(secret)


def _link_to_nothing(firm: Path) -> None:
    (firm / "general" / "gone.toml").symlink_to(firm / "general" / "nowhere.toml")


def _folder_named_toml(firm: Path) -> None:
    (firm / "general" / "folder.toml").mkdir()


def _link_to_folder(firm: Path) -> None:
    (firm / "more").symlink_to(firm.parent, target_is_directory=True)


@pytest.mark.parametrize("plant,expected", [
    (_link_outside, "firm/general/secret.toml:1: -: is a link to a file outside the library folder"),
    (_link_to_nothing, "firm/general/gone.toml:1: -: is a link to nothing"),
    (_folder_named_toml, "firm/general/folder.toml:1: -: is a folder, not a clause file"),
    (_link_to_folder, "firm/more:1: -: is a link to a folder; links to folders are not followed"),
], ids=["link-outside", "dangling-link", "folder-named-toml", "link-to-folder"])
def test_links_and_folders_in_a_library_are_clear_errors(tmp_path, plant, expected):
    firm = _firm(tmp_path)
    plant(firm)
    problems = _problems(firm)
    assert expected in problems and "Traceback" not in problems


@pytest.mark.parametrize("special", ["fifo", "dev-zero"])
def test_a_pipe_or_device_in_a_library_is_refused_not_read(tmp_path, special):
    """Reading a FIFO waits forever, and /dev/zero never ends."""
    firm = _firm(tmp_path)
    if special == "fifo":
        os.mkfifo(firm / "general" / "pipe.toml")
        expected = "firm/general/pipe.toml:1: -: is not a plain file"
    else:
        # A link to a device inside the library's own folder, so only the file's kind can refuse it.
        os.mknod(firm / "zero", 0o600 | stat.S_IFCHR, os.makedev(1, 5)) if os.geteuid() == 0 else pytest.skip("mknod needs root")
        (firm / "general" / "zero.toml").symlink_to(firm / "zero")
        expected = "firm/general/zero.toml:1: -: is not a plain file"
    code = f"""
        from ipclauses import LibraryError, load_library
        try:
            load_library({str(firm)!r})
        except LibraryError as exc:
            print(exc)
    """
    result = run_python(code, memory_mb=400, cpu_seconds=20, env={"IPCLAUSES_NO_CACHE": "1"})
    assert not result.killed_by_limit and result.returncode == 0, result.stderr[-2000:]
    assert expected in result.stdout


# --- the cache --------------------------------------------------------------------------------


def test_a_mistyped_library_folder_is_an_error_even_with_a_warm_cache(tmp_path, own_cache):
    firm = _firm(tmp_path)
    load_library(firm)
    library_module._load.cache_clear()
    problems = _problems(tmp_path / "frim")
    assert f"{tmp_path / 'frim'}: is not a folder of clause files (check the path)" in problems
    problems = _problems(firm / "general" / "special.toml")
    assert "is not a folder of clause files (check the path): it is a file" in problems


def test_a_warm_start_reads_the_cache_not_the_files(tmp_path, own_cache, monkeypatch):
    firm = _firm(tmp_path)
    fresh = load_library(firm)
    library_module._load.cache_clear()

    def refuse(*args):
        raise AssertionError("loaded from the files although the cache was warm")

    monkeypatch.setattr(library_module, "_load_files", refuse)
    cached = load_library(firm)
    assert cached.clauses == fresh.clauses and cached.content_sha256 == fresh.content_sha256
    assert cached.version == fresh.version


def _entry(cache: Path) -> Path:
    entries = list(cache.glob("library-*.json"))
    assert len(entries) == 1, entries
    return entries[0]


@pytest.mark.parametrize("damage", ["edit-text", "truncate", "garbage"])
def test_an_edited_or_damaged_cache_entry_is_ignored_and_rewritten(tmp_path, own_cache, damage):
    firm = _firm(tmp_path)
    load_library(firm)
    entry = _entry(own_cache)
    text = entry.read_text(encoding="utf-8")
    assert "誠実に協力する" in text
    if damage == "edit-text":
        entry.write_text(text.replace("誠実に協力する", "何も約束しない"), encoding="utf-8")
    elif damage == "truncate":
        entry.write_text(text[: len(text) // 2], encoding="utf-8")
    else:
        entry.write_bytes(b"\xff\x00" * 100)
    library_module._load.cache_clear()
    lib = load_library(firm)
    assert lib.clauses["custom.clause"].variants[0].text["ja"] == "各当事者は、{{ purpose }}について誠実に協力する。"
    assert _entry(own_cache).read_text(encoding="utf-8") == text  # rewritten from the files


def _forge(entry: Path) -> bytes:
    """The entry with other clause text and a matching hash: what someone who can write the cache can do."""
    import hashlib

    _, payload = entry.read_bytes().split(b'", "library": ', 1)
    payload = payload[:-1].replace("誠実に協力する".encode(), "何も約束しない".encode())
    return b'{"sha256": "' + hashlib.sha256(payload).hexdigest().encode() + b'", "library": ' + payload + b"}"


def test_the_cache_folder_is_private(tmp_path, own_cache):
    load_library(_firm(tmp_path))
    assert stat.S_IMODE(own_cache.stat().st_mode) == 0o700


@pytest.mark.parametrize("why", ["others-can-write", "another-owner"])
def test_a_cache_folder_others_control_is_not_used(tmp_path, own_cache, monkeypatch, why):
    firm = _firm(tmp_path)
    load_library(firm)
    entry = _entry(own_cache)
    forged = _forge(entry)
    entry.write_bytes(forged)
    if why == "others-can-write":
        own_cache.chmod(0o777)
    else:
        monkeypatch.setattr(os, "getuid", lambda: own_cache.stat().st_uid + 1)
    library_module._load.cache_clear()
    lib = load_library(firm)
    assert "何も約束しない" not in lib.clauses["custom.clause"].variants[0].text["ja"]
    assert entry.read_bytes() == forged  # nor written to


def test_a_link_planted_at_the_temporary_name_is_not_followed(tmp_path, own_cache):
    """The cache used to write library-<hash>.<pid>.tmp, following a link planted there."""
    firm = _firm(tmp_path)
    load_library(firm)
    entry = _entry(own_cache)
    entry.unlink()
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours", encoding="utf-8")
    entry.with_suffix(f".{os.getpid()}.tmp").symlink_to(victim)
    entry.symlink_to(victim)
    library_module._load.cache_clear()
    load_library(firm)
    assert victim.read_text(encoding="utf-8") == "not yours"
    assert not entry.is_symlink() and "custom.clause" in entry.read_text(encoding="utf-8")


# --- provenance ------------------------------------------------------------------------------


def test_an_overlay_is_named_by_its_content_not_its_folder(tmp_path):
    firm = load_library(_firm(tmp_path, folder_name="firm"))
    same = load_library(_firm(tmp_path, folder_name="elsewhere"))
    base = load_library()
    assert re.fullmatch(re.escape(base.version) + r"\+overlay-[0-9a-f]{12}", firm.version), firm.version
    assert same.version == firm.version and same.content_sha256 == firm.content_sha256
    assert firm.content_sha256 != base.content_sha256 and re.fullmatch(r"[0-9a-f]{64}", firm.content_sha256)
    edited = load_library(_firm(tmp_path, GOOD.replace("誠実に協力する", "誠実に協議する"), folder_name="edited"))
    assert edited.version != firm.version and edited.content_sha256 != firm.content_sha256


def test_an_overlay_with_a_declared_name_and_version_uses_them(tmp_path):
    firm = _firm(tmp_path)
    (firm / "library.toml").write_text('name = "acme"\nversion = "2025.1"\n', encoding="utf-8")
    lib = load_library(firm)
    assert lib.version == load_library().version + "+acme-2025.1" and lib.name == "acme"
    (firm / "library.toml").write_text('name = "acme\\nSigned: nobody"\n', encoding="utf-8")
    library_module._load.cache_clear()  # a process remembers the library of each folder it loaded
    assert "firm/library.toml:1: name: letters, digits" in _problems(firm)


def test_the_content_hash_survives_the_cache_and_ignores_the_program_version(tmp_path, own_cache, monkeypatch):
    firm = _firm(tmp_path)
    fresh = load_library(firm)
    library_module._load.cache_clear()
    assert load_library(firm).content_sha256 == fresh.content_sha256  # from the cache
    monkeypatch.setattr(ipclauses, "__version__", "0.0.0-other")
    library_module._load.cache_clear()
    assert load_library(firm).content_sha256 == fresh.content_sha256
    assert len(list(own_cache.glob("library-*.json"))) == 2  # a new program version does not trust the old entry


def test_bundled_clause_files_are_far_below_the_size_limit(root):
    sizes = [p.stat().st_size for p in (root / "clause_library").rglob("*.toml")]
    assert max(sizes) * 4 < library_module.MAX_FILE_BYTES
