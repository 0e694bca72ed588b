"""Nothing a user types or a file system does may crash ipclauses, corrupt a file or lose a value."""

import copy
import errno
import io
import json
import os
import signal
import subprocess
import sys
import threading
import zipfile

import docx
import pytest

import ipclauses
from conftest import NDA_EXAMPLE, ROOT, load_example_data
from ipclauses import OutputError, SpecError, load_spec
from ipclauses.build import document_bytes, write_atomic


def _doc_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


# --- files ---------------------------------------------------------------------------


@pytest.fixture
def docx_bytes():
    return document_bytes(load_spec(NDA_EXAMPLE))[1]


def _leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_unwritable_folder_gives_a_clear_error(tmp_path, monkeypatch, docx_bytes):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(OutputError, match="cannot write here"):
        write_atomic(tmp_path / "a.docx", docx_bytes)
    assert list(tmp_path.iterdir()) == []


def test_output_path_that_is_a_directory(tmp_path, docx_bytes):
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path, docx_bytes, force=True)


def test_disk_full_keeps_the_old_file_and_leaves_nothing(tmp_path, monkeypatch, docx_bytes):
    target = tmp_path / "a.docx"
    target.write_bytes(b"the old agreement")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="No space left on device"):
        write_atomic(target, docx_bytes, force=True)
    assert target.read_bytes() == b"the old agreement"
    assert _leftovers(tmp_path) == []


def test_two_builds_of_the_same_file_at_once(tmp_path, docx_bytes):
    target = tmp_path / "a.docx"
    outcomes = []
    barrier = threading.Barrier(8)

    def write(force):
        barrier.wait()
        try:
            write_atomic(target, docx_bytes, force=force)
            outcomes.append("ok")
        except OutputError as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=write, args=(False,)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("ok") == 1, "without --force exactly one writer wins"
    assert all("already exists" in o for o in outcomes if o != "ok")
    assert target.read_bytes() == docx_bytes
    # With --force every writer replaces the file whole: it is never a mix of two.
    barrier = threading.Barrier(8)
    outcomes.clear()
    threads = [threading.Thread(target=write, args=(True,)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes == ["ok"] * 8
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
    assert _leftovers(tmp_path) == []


KILL_SCRIPT = r"""
import importlib, os, sys, time
def slow_fsync(fd):
    print("writing", flush=True)
    time.sleep(30)
os.fsync = slow_fsync  # stop after the data is written, before the rename
importlib.import_module("ipclauses.build").write_atomic(sys.argv[1], b"x" * 1_000_000, force=True)
"""


def test_a_build_killed_mid_write_leaves_the_old_file_and_the_next_build_cleans_up(tmp_path, docx_bytes):
    target = tmp_path / "a.docx"
    target.write_bytes(b"the old agreement")
    proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(target)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert target.read_bytes() == b"the old agreement"
    assert len(_leftovers(tmp_path)) == 1  # the killed writer's temporary file, hidden, never the target
    write_atomic(target, docx_bytes, force=True)
    assert target.read_bytes() == docx_bytes
    assert _leftovers(tmp_path) == [], "the next build removes what a killed build left"


# --- hostile values -------------------------------------------------------------------------

HOSTILE_TEXT = [
    "{{ 7*7 }} {% for x in range(3) %}{{x}}{% endfor %} {# c #}",
    "<w:t>x</w:t><w:p/>]]><!-- --> &amp; &lt; & < > \" '",
    "שלום مرحبا emoji 🧪🚀👩‍🔬 ❤️‍🔥 葛\U000e0100",
    "e\u0301 a\u0308 \u0915\u094d\u0937 Z\u0351\u0358\u0361",
    "\u3000全角スペースと　記号〜①②",
    "{_{ }_} {_% %_}",
]


@pytest.mark.parametrize("value", HOSTILE_TEXT, ids=["template", "markup", "rtl-emoji", "combining", "fullwidth", "docxtpl-escape"])
def test_hostile_text_appears_verbatim_in_the_document(value):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["parties"][0]["legal_name"] = value + " Ltd."
    data["purpose"]["description"] = "Verify weld-seam inspection. " + value
    data["poc"]["verification"] = value
    spec = load_spec(data)
    _, out = document_bytes(spec)
    text = _doc_text(out)
    assert value + " Ltd." in text and value in text


def test_a_100k_character_field_builds():
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    long = ("Verify the defect detection model on each weld seam image. " * 2000)[:100_000]
    data["poc"]["verification"] = long
    _, out = document_bytes(load_spec(data))
    assert long in _doc_text(out)


@pytest.mark.parametrize(
    "value,fragment",
    [("a\x00b", "U+0000"), ("a\x1bb", "U+001B"), ("a\ud800b", "U+D800"), ("a\ufffeb", "U+FFFE"), ("a\nb", "line break")],
    ids=["nul", "escape", "lone-surrogate", "non-character", "newline"],
)
def test_characters_a_document_cannot_hold_are_refused_with_their_path(value, fragment):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["parties"][1]["address"] = value
    with pytest.raises(SpecError) as info:
        load_spec(data)
    assert any(p.path == "/parties/1/address" and fragment in p.message for p in info.value.errors)


def test_deeply_nested_json_is_refused_cleanly():
    text = '{"type": "nda", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(SpecError, match="nested"):
        load_spec(text)


def test_huge_array_is_refused_by_size_or_length(tmp_path):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["project"]["kpis"] = ["Detection rate at least 98 percent"] * 5000
    with pytest.raises(SpecError) as info:
        load_spec(data)
    assert any(p.path == "/project/kpis" and "at most 200" in p.message for p in info.value.errors)
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"type": "nda", "pad": ["x" * 1000] * 3000}), encoding="utf-8")
    with pytest.raises(SpecError, match="at most"):
        load_spec(path)


def test_cli_never_shows_a_traceback_for_bad_input(tmp_path):
    cases = {
        "binary.json": b"\x89PNG\r\n\x1a\n\x00\x00",
        "array.json": b"[1, 2]",
        "nested.json": b"[" * 50_000,
        "empty.json": b"",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = subprocess.run([sys.executable, "-m", "ipclauses", "build", str(path)], capture_output=True, text=True)
        assert result.returncode == 1, (name, result.stderr)
        assert "Traceback" not in result.stderr and f"{path}: " in result.stderr
    assert not list(tmp_path.glob("*.docx"))


# --- property-based ------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_value_is_either_a_spec_or_a_spec_error(value):
    from ipclauses.loading import validate_data

    try:
        validate_data(value)
    except SpecError as exc:
        assert exc.errors and all(p.message for p in exc.errors)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["nda-mutual-ja", "poc-ai-en", "jrd-university-ja", "license-en"]),
       st.lists(st.tuples(st.integers(0, 10_000), json_values), min_size=1, max_size=3))
def test_random_changes_to_an_example_give_a_spec_or_a_spec_error(example, changes):
    data = copy.deepcopy(load_example_data(example))
    for position, value in changes:
        _replace_somewhere(data, position, value)
    try:
        spec = load_spec(data)
    except SpecError as exc:
        assert all(p.path == "" or p.path.startswith("/") for p in exc.errors)
        return
    _builds_with_every_value(spec)


def _replace_somewhere(data, position, value):
    """Replace the value at the position-th node of a walk of the JSON tree."""
    nodes = []

    def walk(node):
        if isinstance(node, dict):
            for key in node:
                nodes.append((node, key))
                walk(node[key])
        elif isinstance(node, list):
            for i in range(len(node)):
                nodes.append((node, i))
                walk(node[i])

    walk(data)
    container, key = nodes[position % len(nodes)]
    container[key] = value


def _builds_with_every_value(spec):
    from ipclauses.assemble import given_strings

    try:
        _, out = document_bytes(spec)
    except ipclauses.RenderError as exc:
        # Allowed only as the loud refusal to drop a value; never a crash.
        assert "would not appear in the agreement" in str(exc), str(exc)
        return
    text = _doc_text(out)
    for path, value in given_strings(spec):
        assert value in text, path


printable_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cf"), blacklist_characters="\ufffe\uffff\u2028\u2029\x85"),
    min_size=1, max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["nda-mutual-ja", "poc-ai-en", "jrd-startup-ja", "license-grantback-en"]),
       printable_text, printable_text, printable_text)
def test_any_printable_names_and_purpose_build_and_appear_verbatim(example, name, short, purpose):
    data = copy.deepcopy(load_example_data(example))
    data["parties"][0]["legal_name"] = name
    data["parties"][0]["short_name"] = short if short != data["parties"][1]["short_name"] else short + "x"
    data["purpose"]["description"] = purpose
    try:
        spec = load_spec(data)
    except SpecError as exc:
        # Only whitespace-only values, invisible characters and names that look like the other
        # party's are refused here.
        allowed = ("is empty", "blank", "invisible", "variation selector", "looks the same", "is the same as")
        assert all(any(a in p.message for a in allowed) for p in exc.errors), exc.errors
        return
    _builds_with_every_value(spec)


# Specs generated from the committed JSON Schema: each draws one top-level section of a
# deal (confidentiality, term, licence, results, ...) from the schema and puts it into an
# example, so the generated part is schema-shaped and the rest is a realistic deal.
from hypothesis_jsonschema import from_schema  # noqa: E402

_SCHEMA = json.loads((ROOT / "schema" / "deal-spec.schema.json").read_text(encoding="utf-8"))
_MODELS = {"nda": "NdaSpec", "poc": "PocSpec", "jrd": "JrdSpec", "license": "LicenseSpec"}
_FIXED = {"type", "language", "$schema", "parties", "effective_date"}


def _section_strategy(example: str):
    data = load_example_data(example)
    model = _SCHEMA["definitions"][_MODELS[data["type"]]]

    def section(key):
        schema = {**model["properties"][key], "definitions": _SCHEMA["definitions"], "$schema": _SCHEMA["$schema"]}
        return st.tuples(st.just(example), st.just(key), from_schema(schema))

    return st.one_of([section(k) for k in model["properties"] if k not in _FIXED])


_SCHEMA_SPECS = st.one_of([_section_strategy(n) for n in ("nda-mutual-ja", "poc-ai-en", "jrd-university-ja", "jrd-startup-ja", "license-en")])


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(_SCHEMA_SPECS)
def test_specs_generated_from_the_schema_validate_or_fail_cleanly_and_build_with_every_value(generated):
    example, key, value = generated
    data = copy.deepcopy(load_example_data(example))
    data[key] = value
    try:
        spec = load_spec(data)
    except SpecError as exc:
        assert exc.errors and all(p.path == "" or p.path.startswith("/") for p in exc.errors)
        return
    _builds_with_every_value(spec)
