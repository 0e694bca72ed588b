"""`inspect` trusts nothing a file says: each attack on it, reproduced, and the fix shown.

A DOCX is a zip that anyone can edit or forge. inspect must report where the record
contradicts itself, and refuse hostile files (zip bombs, huge or deep JSON, DTDs,
devices) with a clear error and exit 1: no traceback, no exhausted memory, no hang.
Memory and time attacks run in a child under resource limits (tests/limits.py).
"""

import io
import json
import os
import re
import struct
import tracemalloc
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

import ipclauses
from conftest import NDA_EXAMPLE, ROOT
from ipclauses.build import document_bytes
from ipclauses.cli import main
from ipclauses.docx_read import (
    CORE_PART,
    CUSTOM_PART,
    DOCUMENT_PART,
    MAX_DOCUMENT_BYTES,
    MAX_DOCX_BYTES,
    MAX_JSON_DEPTH,
    MAX_TOTAL_READ_BYTES,
    MAX_XML_PART_BYTES,
    MAX_ZIP_MEMBERS,
    PROVENANCE_PART,
    W,
    open_docx,
)
from ipclauses.docx_render import PROVENANCE_NS, _esc
from limits import run_cli

POC_EXAMPLE = ROOT / "examples" / "poc-ai-en.json"
HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@pytest.fixture(scope="module")
def nda() -> bytes:
    return document_bytes(ipclauses.load_spec(NDA_EXAMPLE))[1]


@pytest.fixture
def cli():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rewrite(data: bytes, changes: dict[str, bytes | None], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The DOCX with some members replaced (bytes) or removed (None)."""
    parts = members(data)
    parts.update(changes)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as zf:
        for name, content in parts.items():
            if content is not None:
                zf.writestr(name, content)
    return buffer.getvalue()


def provenance_xml(text: str) -> bytes:
    return (HEADER + f'<provenance xmlns="{PROVENANCE_NS}" format="json">{_esc(text)}</provenance>').encode("utf-8")


def recorded(data: bytes) -> dict:
    xml = members(data)[PROVENANCE_PART].decode("utf-8")
    text = xml[xml.index('format="json">') + len('format="json">'):xml.rindex("</provenance>")]
    return json.loads(text.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def with_provenance(data: bytes, text: str) -> bytes:
    return rewrite(data, {PROVENANCE_PART: provenance_xml(text)})


def save(tmp_path: Path, data: bytes, name: str = "a.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- item 3: the record must agree with itself ---------------------------------------


def test_a_consistent_file_passes_and_says_the_record_is_not_a_signature(nda, tmp_path, cli):
    path = save(tmp_path, nda)
    info = ipclauses.inspect_docx(path)
    assert info["problems"] == [] and info["integrity"]["spec_hash_matches"] is True
    assert info["integrity"]["disagreements"] == []
    result = cli("inspect", path)
    assert result.exit_code == 0 and result.stderr == ""
    assert "integrity: the embedded spec matches its recorded hash" in result.stdout
    assert "not a signature" in result.stdout


def test_an_edited_fee_in_the_body_is_not_detected_and_inspect_says_it_cannot_be(tmp_path, cli):
    """inspect reads the record, not the text: an edited body looks the same, and the output says so."""
    data = document_bytes(ipclauses.load_spec(POC_EXAMPLE))[1]
    document = members(data)["word/document.xml"]
    assert b"JPY 4,800,000" in document
    edited = rewrite(data, {"word/document.xml": document.replace(b"JPY 4,800,000", b"JPY 480,000")})
    original, forged = save(tmp_path, data, "original.docx"), save(tmp_path, edited, "forged.docx")
    assert cli("inspect", "--json", forged).stdout == cli("inspect", "--json", original).stdout
    info = json.loads(cli("inspect", "--json", forged).stdout)
    assert "not a signature" in info["notice"] and "word/document.xml" in info["notice"]
    text = cli("inspect", forged)
    assert text.exit_code == 0
    assert "note: " in text.stdout and "does not compare the agreement's text" in text.stdout


def test_an_edited_embedded_spec_no_longer_matches_its_hash(nda, tmp_path, cli):
    data = recorded(nda)
    data["spec"]["parties"][0]["legal_name"] = "Someone Else Ltd"
    path = save(tmp_path, with_provenance(nda, json.dumps(data, ensure_ascii=False)))
    info = ipclauses.inspect_docx(path)
    assert info["integrity"]["spec_hash_matches"] is False
    assert info["integrity"]["spec_sha256_computed"] != data["custom_properties"]["spec_sha256"]
    assert len(info["problems"]) == 2  # both places that record the hash
    assert all("the spec or its hash was changed after the build" in p for p in info["problems"])
    result = cli("inspect", path)
    assert result.exit_code == 1
    assert result.stderr.count("warning: the embedded spec's SHA-256 is") == 2
    assert "integrity: 2 problem(s)" in result.stdout and "Traceback" not in result.stderr
    as_json = cli("inspect", "--json", path)
    assert as_json.exit_code == 1
    out = json.loads(as_json.stdout)
    assert out["integrity"]["spec_hash_matches"] is False and len(out["problems"]) == 2


def test_the_hash_is_recomputed_exactly_as_the_build_computes_it(nda, tmp_path):
    """Rewriting the embedded spec with other spacing and key order changes nothing: the hash is of canonical JSON."""
    data = recorded(nda)
    path = save(tmp_path, with_provenance(nda, json.dumps(data, indent=3, sort_keys=False, ensure_ascii=True)))
    info = ipclauses.inspect_docx(path)
    assert info["problems"] == [] and info["integrity"]["spec_sha256_computed"] == data["custom_properties"]["spec_sha256"]


def test_custom_xml_is_read_and_every_disagreement_with_the_provenance_reported(nda, tmp_path, cli):
    custom = members(nda)[CUSTOM_PART].decode("utf-8")
    version = recorded(nda)["custom_properties"]["clause_library_version"]
    custom = custom.replace(f"<vt:lpwstr>{version}</vt:lpwstr>", "<vt:lpwstr>9.9.9</vt:lpwstr>")
    custom = re.sub(r'<property [^>]*name="language"><vt:lpwstr>[^<]*</vt:lpwstr></property>', "", custom)
    path = save(tmp_path, rewrite(nda, {CUSTOM_PART: custom.encode("utf-8")}))
    info = ipclauses.inspect_docx(path)
    assert info["custom_properties"]["clause_library_version"] == "9.9.9", "custom properties come from custom.xml"
    assert info["integrity"]["disagreements"] == [
        {"key": "clause_library_version", "custom_xml": "9.9.9", "provenance": version},
        {"key": "language", "custom_xml": None, "provenance": "ja"},
    ]
    assert info["integrity"]["spec_hash_matches"] is True
    result = cli("inspect", path)
    assert result.exit_code == 1
    assert f'warning: the property clause_library_version is "9.9.9" in docProps/custom.xml but "{version}"' in result.stderr
    assert 'warning: the property language is missing in docProps/custom.xml but "ja"' in result.stderr


def test_the_library_hash_is_shown_and_a_file_from_before_it_was_recorded_is_consistent(nda, tmp_path, cli):
    library_sha256 = ipclauses.load_library().content_sha256
    result = cli("inspect", save(tmp_path, nda))
    assert f"clause_library_sha256: {library_sha256}" in result.stdout
    data = recorded(nda)
    del data["custom_properties"]["clause_library_sha256"]
    custom = re.sub(r'<property [^>]*name="clause_library_sha256">.*?</property>', "", members(nda)[CUSTOM_PART].decode("utf-8"))
    older = rewrite(nda, {PROVENANCE_PART: provenance_xml(json.dumps(data)), CUSTOM_PART: custom.encode("utf-8")})
    result = cli("inspect", save(tmp_path, older, "older.docx"))
    assert result.exit_code == 0 and "clause_library_sha256" not in result.stdout
    # Removed from custom.xml only, it is a disagreement.
    only_custom = rewrite(nda, {CUSTOM_PART: custom.encode("utf-8")})
    info = ipclauses.inspect_docx(save(tmp_path, only_custom, "edited.docx"))
    assert info["integrity"]["disagreements"] == [{"key": "clause_library_sha256", "custom_xml": None, "provenance": library_sha256}]


def test_a_property_added_in_word_is_not_a_disagreement(nda, tmp_path):
    custom = members(nda)[CUSTOM_PART].decode("utf-8").replace(
        "</Properties>",
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="99" name="Reviewer"><vt:lpwstr>K. Sato</vt:lpwstr></property>'
        "</Properties>",
    )
    info = ipclauses.inspect_docx(save(tmp_path, rewrite(nda, {CUSTOM_PART: custom.encode("utf-8")})))
    assert info["problems"] == [] and info["custom_properties"]["Reviewer"] == "K. Sato"


def test_the_provenance_cannot_override_core_properties_or_the_integrity_verdict(nda, tmp_path):
    """Before: `{"core_properties": ..., **data}` let the provenance JSON replace what it is checked against."""
    data = recorded(nda)
    data["core_properties"] = {"title": "Forged title"}
    data["integrity"] = {"spec_hash_matches": True, "disagreements": []}
    data["problems"] = []
    data["notice"] = "this file is signed"
    data["spec"]["purpose"]["description"] = "changed"
    info = ipclauses.inspect_docx(save(tmp_path, with_provenance(nda, json.dumps(data, ensure_ascii=False))))
    assert info["core_properties"]["title"] == ipclauses.assemble(ipclauses.load_spec(NDA_EXAMPLE)).title
    assert info["integrity"]["spec_hash_matches"] is False and info["problems"]
    assert "not a signature" in info["notice"]


def test_control_characters_from_the_file_do_not_reach_the_terminal(nda, tmp_path, cli):
    data = recorded(nda)
    data["choices"][0]["clause"] = "nda.purpose\x1b[2J\u202e"
    result = cli("inspect", save(tmp_path, with_provenance(nda, json.dumps(data))))
    assert result.exit_code == 0  # choices are a record like any other; the spec still matches its hash
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "nda.purpose\\u001b[2J\\u202e" in result.stdout


# --- item 4: bounded reading -----------------------------------------------------------


def zeros_member(data: bytes, member: str, megabytes: int, path: Path) -> None:
    """Write the DOCX to path with `member` replaced by megabytes of zeros, streamed: ~1 MB on disk per 200 MB."""
    parts = members(data)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, content in parts.items():
            if name != member:
                zf.writestr(name, content)
                continue
            with zf.open(name, "w", force_zip64=True) as fh:
                chunk = b"\0" * (1 << 20)
                for _ in range(megabytes):
                    fh.write(chunk)


def central_entries(raw: bytes) -> dict[str, int]:
    """Where each member's entry starts in the zip's central directory."""
    entries = {}
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        offset = zf.start_dir
        for info in zf.infolist():
            assert raw[offset:offset + 4] == b"PK\x01\x02"
            entries[info.filename] = offset
            offset += 46 + len(info.filename.encode()) + len(info.extra) + len(info.comment)
    return entries


def lie_about_size(path: Path, member: str, size: int) -> None:
    """Make the central directory claim `member` holds `size` bytes uncompressed."""
    raw = bytearray(path.read_bytes())
    offset = central_entries(raw)[member]
    raw[offset + 24:offset + 28] = struct.pack("<L", size)  # uncompressed size field
    path.write_bytes(bytes(raw))


@pytest.mark.parametrize(
    ("member", "lie", "message"),
    [
        (PROVENANCE_PART, None, "customXml/item1.xml is larger than 8,388,608 bytes uncompressed"),
        (CUSTOM_PART, None, "docProps/custom.xml is larger than 4,194,304 bytes uncompressed"),
        # A header that claims 1 KB: reading stops at the claim and the CRC exposes the lie.
        (PROVENANCE_PART, 1000, "the DOCX (a zip) is damaged"),
        # A header that claims 3 MB (within the limit) for 200 MB: the chunked read stops at the limit.
        ("docProps/core.xml", 3 * 1024 * 1024, "the DOCX (a zip) is damaged"),
    ],
    ids=["provenance", "custom", "provenance-lying-size", "core-lying-size"],
)
def test_a_zip_bomb_is_refused_within_memory_and_time_limits(nda, tmp_path, member, lie, message):
    """Before: a 4.2 MB DOCX (4.2 GB of zeros in customXml/item1.xml) took 8.7 GB of memory and 58 s."""
    path = tmp_path / "bomb.docx"
    zeros_member(nda, member, 200, path)
    if lie is not None:
        lie_about_size(path, member, lie)
    assert path.stat().st_size < 2 * 1024 * 1024
    result = run_cli("inspect", str(path), memory_mb=300, cpu_seconds=20)
    assert not result.killed_by_limit, result.stderr[-2000:]
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert message in result.stderr


def test_a_zip_of_too_many_members_is_refused_before_the_zip_module_lists_them(nda, tmp_path):
    buffer = io.BytesIO(nda)
    with zipfile.ZipFile(buffer, "a") as zf:
        for i in range(MAX_ZIP_MEMBERS + 1):
            zf.writestr(f"x/{i}", b"")
    with pytest.raises(ipclauses.DocumentError, match="more than 5,000 members"):
        ipclauses.inspect_docx(save(tmp_path, buffer.getvalue()))


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    path = tmp_path / "huge.docx"
    with path.open("wb") as fh:
        fh.truncate(MAX_DOCX_BYTES + 1)  # sparse: no disk used
    with pytest.raises(ipclauses.DocumentError, match="larger than 50 MB"):
        ipclauses.inspect_docx(path)


def test_an_endless_stream_is_read_no_further_than_the_limit():
    class Endless(io.RawIOBase):
        read_total = 0

        def readable(self):
            return True

        def read(self, n=-1):
            assert n is not None and 0 < n <= MAX_DOCX_BYTES + 1, "never an unbounded read"
            self.read_total += n
            return b"\0" * n

    stream = Endless()
    with pytest.raises(ipclauses.DocumentError, match="larger than 50 MB"):
        ipclauses.inspect_docx(stream)
    assert stream.read_total == MAX_DOCX_BYTES + 1


def test_a_docx_from_a_stream_is_inspected(nda):
    assert ipclauses.inspect_docx(io.BytesIO(nda))["problems"] == []


def test_a_folder_and_a_device_are_refused(tmp_path):
    with pytest.raises(ipclauses.DocumentError, match="is a folder"):
        ipclauses.inspect_docx(tmp_path)
    if os.path.exists("/dev/zero"):
        with pytest.raises(ipclauses.DocumentError, match="not a regular file"):
            ipclauses.inspect_docx("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    result = run_cli("inspect", str(fifo), memory_mb=300, cpu_seconds=5)  # a regression blocks: timeout fails the test
    assert result.returncode == 1 and "not a regular file" in result.stderr


# --- item 9: damaged and hostile content gives a DocumentError ----------------------


def test_a_member_with_a_bad_crc_is_reported_as_damaged(nda, tmp_path):
    data = rewrite(nda, {}, compression=zipfile.ZIP_STORED)
    value = recorded(nda)["custom_properties"]["spec_sha256"].encode()
    first = data.index(value)  # in docProps/custom.xml, stored as is
    broken = data[:first] + (b"0" if value[:1] != b"0" else b"1") + data[first + 1:]
    with pytest.raises(ipclauses.DocumentError, match=r"damaged \(Bad CRC-32"):
        ipclauses.inspect_docx(save(tmp_path, broken))


def test_a_member_with_a_bad_deflate_stream_is_reported_as_damaged(nda, tmp_path):
    data = bytearray(nda)
    with zipfile.ZipFile(io.BytesIO(nda)) as zf:
        info = zf.getinfo(PROVENANCE_PART)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start:start + 64] = b"\xff" * 64  # 0b11 is an invalid deflate block type
    with pytest.raises(ipclauses.DocumentError, match="damaged"):
        ipclauses.inspect_docx(save(tmp_path, bytes(data)))


def test_a_missing_core_properties_part_is_reported(nda, tmp_path):
    with pytest.raises(ipclauses.DocumentError, match=r"has no docProps/core.xml"):
        ipclauses.inspect_docx(save(tmp_path, rewrite(nda, {"docProps/core.xml": None})))


def test_a_part_given_twice_is_refused(nda, tmp_path):
    buffer = io.BytesIO(nda)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name, which is the point
        with zipfile.ZipFile(buffer, "a") as zf:
            zf.writestr(PROVENANCE_PART, provenance_xml("{}"))
    with pytest.raises(ipclauses.DocumentError, match=r"holds customXml/item1\.xml 2 times"):
        ipclauses.inspect_docx(save(tmp_path, buffer.getvalue()))


def test_an_encrypted_or_bzip2_member_is_refused(nda, tmp_path):
    data = rewrite(nda, {}, compression=zipfile.ZIP_BZIP2)
    with pytest.raises(ipclauses.DocumentError, match="compression method 12"):
        ipclauses.inspect_docx(save(tmp_path, data))
    raw = bytearray(nda)
    with zipfile.ZipFile(io.BytesIO(nda)) as zf:
        offset = zf.start_dir
        for info in zf.infolist():
            raw[offset + 8] |= 0x1  # the central directory's "encrypted" flag on every member
            offset += 46 + len(info.filename.encode()) + len(info.extra) + len(info.comment)
    with pytest.raises(ipclauses.DocumentError, match="is encrypted"):
        ipclauses.inspect_docx(save(tmp_path, bytes(raw), "enc.docx"))


def _valid(nda: bytes) -> dict:
    return recorded(nda)


BAD_PROVENANCE = [
    ("list", lambda d: "[1, 2, 3]", "it is an array, not an object"),
    ("lacks-keys", lambda d: json.dumps({"spec": d["spec"]}), "it lacks custom_properties, choices"),
    ("huge-integer", lambda d: '{"spec": ' + "9" * 5000 + "}", "damaged"),
    ("duplicate-key", lambda d: json.dumps(d)[:-1] + ', "spec": {}}', "the same key twice"),
    ("nan", lambda d: json.dumps({**d, "spec": {"x": float("nan")}}), "NaN is not a JSON number"),
    ("props-not-object", lambda d: json.dumps({**d, "custom_properties": ["a"]}), "custom_properties is not an object of strings"),
    ("prop-not-string", lambda d: json.dumps({**d, "custom_properties": {"spec_sha256": 5}}), "custom_properties is not an object"),
    ("choices-not-list", lambda d: json.dumps({**d, "choices": {"clause": "x"}}), "choices is not a list of objects"),
    ("choice-not-object", lambda d: json.dumps({**d, "choices": ["x"]}), "choices is not a list of objects"),
    ("choice-bool-article", lambda d: json.dumps({**d, "choices": [{"clause": "a", "variant": "b", "article": True}]}),
     "choices is not a list of objects"),
    ("spec-not-object", lambda d: json.dumps({**d, "spec": "text"}), "spec is a string, not an object"),
    ("too-deep", lambda d: json.dumps({**d, "spec": json.loads("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH)}),
     "nested more than 64 levels"),
    ("lone-surrogate", lambda d: json.dumps({**d, "spec": {"name": "\ud800"}}), "lone surrogate"),
    ("not-json", lambda d: "{'spec': 1}", "damaged"),
]


@pytest.mark.parametrize(("make", "message"), [b[1:] for b in BAD_PROVENANCE], ids=[b[0] for b in BAD_PROVENANCE])
def test_malformed_provenance_is_a_document_error(nda, tmp_path, cli, make, message):
    path = save(tmp_path, with_provenance(nda, make(_valid(nda))))
    with pytest.raises(ipclauses.DocumentError, match=re.escape(message)):
        ipclauses.inspect_docx(path)
    result = cli("inspect", path)
    assert result.exit_code == 1 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_provenance_with_children_is_refused(nda, tmp_path):
    xml = provenance_xml(json.dumps(_valid(nda))).replace(b"</provenance>", b"<!-- hidden -->{}</provenance>")
    with pytest.raises(ipclauses.DocumentError, match="holds no ipclauses provenance"):
        ipclauses.inspect_docx(save(tmp_path, rewrite(nda, {PROVENANCE_PART: xml})))


def test_100000_deep_json_is_refused_within_limits(nda, tmp_path):
    path = save(tmp_path, with_provenance(nda, "[" * 100_000 + "]" * 100_000))
    result = run_cli("inspect", str(path), memory_mb=300, cpu_seconds=20)
    assert not result.killed_by_limit, result.stderr[-2000:]
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "nested too deeply" in result.stderr


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    + f']>\n<provenance xmlns="{PROVENANCE_NS}">&lol9;</provenance>'
)


def test_billion_laughs_is_refused_within_limits(nda, tmp_path):
    path = save(tmp_path, rewrite(nda, {PROVENANCE_PART: BILLION_LAUGHS.encode()}))
    result = run_cli("inspect", str(path), memory_mb=300, cpu_seconds=20)
    assert not result.killed_by_limit, result.stderr[-2000:]
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "customXml/item1.xml declares a DOCTYPE" in result.stderr  # refused before libxml2 parses it


def with_doctype(xml: bytes, doctype: str, reference: str) -> bytes:
    """The part with `doctype` after its XML declaration and `reference` first in its root element."""
    text = xml.decode("utf-8")
    prolog_end = text.index("?>") + 2 if text.startswith("<?xml") else 0
    root_end = text.index(">", text.index("<", prolog_end)) + 1
    return (text[:prolog_end] + "\n" + doctype + "\n" + text[prolog_end:root_end] + reference + text[root_end:]).encode("utf-8")


def xml_attacks(secret: Path) -> dict[str, tuple[str, str]]:
    """Each way a DOCTYPE attacks a reader: (the DOCTYPE, what the root refers to)."""
    laughs = "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
    return {
        "external-entity": (f'<!DOCTYPE x [<!ENTITY s SYSTEM "{secret.as_uri()}">]>', "&s;"),
        "billion-laughs": (f'<!DOCTYPE x [<!ENTITY lol "lol">{laughs}]>', "&lol9;"),
        "external-dtd": (f'<!DOCTYPE x SYSTEM "{secret.as_uri()}">', ""),
        "dtd-over-the-network": ('<!DOCTYPE x PUBLIC "-//x//x" "http://127.0.0.1:9/x.dtd">', ""),
        "parameter-entity": (f'<!DOCTYPE x [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>', ""),
    }


XML_PARTS = [CORE_PART, CUSTOM_PART, PROVENANCE_PART, DOCUMENT_PART]
XML_ATTACKS = ["external-entity", "billion-laughs", "external-dtd", "dtd-over-the-network", "parameter-entity"]


@pytest.mark.parametrize("attack", XML_ATTACKS)
@pytest.mark.parametrize("part", XML_PARTS)
def test_every_xml_part_read_refuses_a_doctype_before_parsing_it(nda, tmp_path, cli, part, attack):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    doctype, reference = xml_attacks(secret)[attack]
    path = save(tmp_path, rewrite(nda, {part: with_doctype(members(nda)[part], doctype, reference)}))
    with pytest.raises(ipclauses.DocumentError, match=re.escape(f"{part} declares a DOCTYPE")) as caught:
        ipclauses.inspect_docx(path)
    assert "TOP-SECRET-VALUE" not in str(caught.value)
    result = cli("inspect", path)
    assert result.exit_code == 1 and f"{part} declares a DOCTYPE" in result.stderr and "Traceback" not in result.stderr


def test_a_doctype_in_a_utf16_part_or_after_a_long_prolog_is_refused(nda, tmp_path):
    laughs = xml_attacks(tmp_path / "x")["billion-laughs"]
    core = with_doctype(members(nda)[CORE_PART], *laughs).decode("utf-8")
    utf16 = core.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    with pytest.raises(ipclauses.DocumentError, match=r"docProps/core\.xml declares a DOCTYPE"):
        ipclauses.inspect_docx(save(tmp_path, rewrite(nda, {CORE_PART: utf16})))
    # A DOCTYPE hidden behind 100 KB of comments: no DOCX part has such a prolog.
    hidden = core.replace("?>", "?><!--" + "x" * 100_000 + "-->", 1).encode("utf-8")
    with pytest.raises(ipclauses.DocumentError, match=r"docProps/core\.xml has more than 64 KB of comments"):
        ipclauses.inspect_docx(save(tmp_path, rewrite(nda, {CORE_PART: hidden}), "hidden.docx"))


def test_parts_other_readers_ask_for_get_the_same_guards(nda, tmp_path):
    """What verify and redline read (comments, the body's paragraphs) goes through the same reader."""
    comments = f'<?xml version="1.0" encoding="UTF-8"?>\n<w:comments xmlns:w="{W[1:-1]}"/>'.encode()
    attack = with_doctype(comments, *xml_attacks(tmp_path / "x")["billion-laughs"])
    path = save(tmp_path, rewrite(nda, {"word/comments.xml": attack}))
    with open_docx(path) as package, pytest.raises(ipclauses.DocumentError, match=r"word/comments\.xml declares a DOCTYPE"):
        package.read_xml("word/comments.xml", MAX_XML_PART_BYTES)
    document = with_doctype(members(nda)[DOCUMENT_PART], *xml_attacks(tmp_path / "x")["external-entity"])
    sent = io.BytesIO(rewrite(nda, {DOCUMENT_PART: document}))
    refused = pytest.raises(ipclauses.DocumentError, match=r"^sent\.docx: word/document\.xml declares a DOCTYPE")
    with open_docx(sent, name="sent.docx") as package, refused:
        next(package.iter_elements(DOCUMENT_PART, MAX_DOCUMENT_BYTES, W + "p"))


def test_paragraphs_stream_whole_from_the_body(nda):
    """The body read a paragraph at a time, each with its text and bookmarks."""
    with open_docx(io.BytesIO(nda)) as package:
        paragraphs = [
            ("".join(p.itertext()), [b.get(W + "name") for b in p.iter(W + "bookmarkStart")])
            for p in package.iter_elements(DOCUMENT_PART, MAX_DOCUMENT_BYTES, W + "p")
        ]
    ids = ipclauses.inspect_docx(io.BytesIO(nda))["paragraph_ids"]
    assert len(ids) > 10
    assert sum(len(marks) for _, marks in paragraphs) >= len(ids)
    assert any(text and marks for text, marks in paragraphs)


# --- zip bombs, within bounded memory --------------------------------------------------------


def gigabyte_of_zeros_deflated() -> bytes:
    """A raw deflate stream of 1 GB of zeros, made in milliseconds: one flushed 1 MB block, repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * (1 << 20)) + compressor.flush(zlib.Z_FULL_FLUSH)
    return block * 1024 + b"\x03\x00"  # an empty final block ends the stream


def with_deflate_bomb(data: bytes, member: str, claimed: int) -> bytes:
    """The DOCX with `member` inflating to 1 GB, its headers claiming `claimed` bytes."""
    parts = members(data)
    parts[member] = gigabyte_of_zeros_deflated()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, content in parts.items():
            zf.writestr(name, content, zipfile.ZIP_STORED if name == member else zipfile.ZIP_DEFLATED)
    raw = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        local = zf.getinfo(member).header_offset
    central = central_entries(raw)[member]
    # Stored as is, then relabelled as deflated: method, and the uncompressed size in both headers.
    raw[local + 8:local + 10] = raw[central + 10:central + 12] = struct.pack("<H", zipfile.ZIP_DEFLATED)
    raw[local + 22:local + 26] = raw[central + 24:central + 28] = struct.pack("<L", claimed)
    return bytes(raw)


@pytest.mark.parametrize(
    ("claimed", "message"),
    [
        (1 << 30, "word/document.xml is larger than 16,777,216 bytes uncompressed"),  # honest: refused unread
        (1000, r"damaged \(Bad CRC-32"),  # read to the claim, and the checksum exposes the lie
        (MAX_DOCUMENT_BYTES - 1, r"damaged \(Bad CRC-32"),  # a claim just within the limit
    ],
    ids=["honest", "claims-1-kb", "claims-just-under-the-limit"],
)
def test_a_member_inflating_to_a_gigabyte_is_refused_in_bounded_memory(nda, claimed, message):
    bomb = with_deflate_bomb(nda, DOCUMENT_PART, claimed)
    assert len(bomb) < 2 * 1024 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ipclauses.DocumentError, match=message):
            ipclauses.inspect_docx(io.BytesIO(bomb))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024, f"peak {peak / 2**20:.0f} MB"


def test_parts_each_within_their_limit_are_refused_past_the_total_budget(nda, tmp_path):
    """Core, custom, provenance and body each under their own limit, together over the budget."""
    def padded(part: str, limit: int) -> bytes:
        xml = members(nda)[part]
        pad = limit - len(xml) - 1024
        if part == PROVENANCE_PART:  # whitespace before the JSON: the part holds no comment
            return xml.replace(b'format="json">', b'format="json">' + b" " * pad, 1)
        end = xml.rindex(b"</")
        comment = b"<!--" + b"x" * (1 << 20) + b"-->"  # libxml2 refuses a comment over 10 MB
        return xml[:end] + comment * (pad // len(comment)) + b"<!--" + b"x" * (pad % len(comment)) + b"-->" + xml[end:]

    parts = {CORE_PART: MAX_XML_PART_BYTES, CUSTOM_PART: MAX_XML_PART_BYTES, PROVENANCE_PART: 8 * 1024 * 1024}
    parts[DOCUMENT_PART] = MAX_DOCUMENT_BYTES
    assert sum(parts.values()) - 4 * 1024 > MAX_TOTAL_READ_BYTES
    big = rewrite(nda, {part: padded(part, limit) for part, limit in parts.items()})
    with pytest.raises(ipclauses.DocumentError, match=r"reading word/document\.xml would take the parts read together past 29,360,128"):
        ipclauses.inspect_docx(save(tmp_path, big))
    # Each part alone is fine: only the sum is refused.
    assert ipclauses.inspect_docx(save(tmp_path, rewrite(nda, {DOCUMENT_PART: padded(DOCUMENT_PART, MAX_DOCUMENT_BYTES)}), "b.docx"))


# --- member names, file damage, standard input -------------------------------------------


def with_member(data: bytes, member: str) -> bytes:
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as zf:
        zf.writestr(zipfile.ZipInfo(member), b"x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("member", "why"),
    [
        ("../evil.xml", "has a .. in its path"),
        ("word/../../evil.xml", "has a .. in its path"),
        ("/etc/evil.xml", "has an absolute path"),
        ("C:/evil.xml", "has an absolute path"),
        ("C:\\evil.xml", "has a backslash in its name"),
        ("\\\\server\\share\\evil.xml", "has a backslash in its name"),
        ("word\\media\\image1.png", "has a backslash in its name"),
        ("word/\x1b[2Jevil.xml", "has a control character in its name"),
    ],
    ids=["dot-dot", "dot-dot-inside", "absolute", "drive", "drive-backslash", "unc", "backslashes", "control"],
)
def test_a_member_name_that_could_escape_a_folder_is_refused_on_opening(nda, tmp_path, cli, member, why):
    """Checked for every member, not only those read: another tool may unpack the file."""
    path = save(tmp_path, with_member(nda, member))
    quoted = json.dumps(member, ensure_ascii=False)
    with pytest.raises(ipclauses.DocumentError, match=re.escape(f"the zip member {quoted} {why}")):
        ipclauses.inspect_docx(path)
    result = cli("inspect", path)
    assert result.exit_code == 1 and "the zip member" in result.stderr and why in result.stderr
    assert "\x1b" not in result.stderr and "Traceback" not in result.stderr


def damaged_files(nda: bytes) -> dict[str, tuple[bytes, str]]:
    """Each file and what the error says."""
    return {
        "empty": (b"", "is empty (0 bytes), not a DOCX file"),
        "text": (b"Dear Sirs,\n", "not a DOCX file (File is not a zip file); a DOCX is a zip"),
        "cut-in-the-middle": (nda[: len(nda) // 2], "the DOCX (a zip) is damaged: it has no zip directory at its end, so it was probably cut short"),
        "last-bytes-lost": (nda[:-10], "the DOCX (a zip) is damaged: it has no zip directory at its end, so it was probably cut short"),
        "directory-damaged": (
            nda[: central_entries(nda)[CORE_PART]] + b"\0" * 46 + nda[central_entries(nda)[CORE_PART] + 46:],
            "the DOCX (a zip) is damaged (Bad magic number for central directory)",
        ),
    }


@pytest.mark.parametrize("case", ["empty", "text", "cut-in-the-middle", "last-bytes-lost", "directory-damaged"])
def test_an_empty_truncated_or_non_zip_file_is_refused_with_what_to_do(nda, tmp_path, cli, case):
    data, message = damaged_files(nda)[case]
    path = save(tmp_path, data)
    with pytest.raises(ipclauses.DocumentError, match=re.escape(f"{path}: {message}")):
        ipclauses.inspect_docx(path)
    result = cli("inspect", path)
    assert result.exit_code == 1 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_inspect_reads_standard_input(nda, tmp_path, cli):
    runner = CliRunner()
    from_file = cli("inspect", "--json", save(tmp_path, nda))
    from_stdin = runner.invoke(main, ["inspect", "--json", "-"], input=nda, catch_exceptions=False)
    assert from_stdin.exit_code == 0 and from_stdin.stdout == from_file.stdout
    text = runner.invoke(main, ["inspect", "-"], input=nda, catch_exceptions=False)
    assert text.exit_code == 0 and "integrity: the embedded spec matches" in text.stdout
    damaged = runner.invoke(main, ["inspect", "-"], input=nda[:1000], catch_exceptions=False)
    assert damaged.exit_code == 1 and damaged.stderr.startswith("error: <stdin>: the DOCX (a zip) is damaged")


def test_inspect_reads_standard_input_no_further_than_the_limit():
    class Endless(io.RawIOBase):
        read_total = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            self.read_total += len(buffer)
            buffer[:] = b"\0" * len(buffer)
            return len(buffer)

    stream = Endless()
    result = CliRunner().invoke(main, ["inspect", "-"], input=io.BufferedReader(stream), catch_exceptions=False)
    assert result.exit_code == 1 and result.stderr == "error: <stdin>: larger than 50 MB, too large to be an agreement; not read\n"
    assert stream.read_total <= MAX_DOCX_BYTES + 2 * io.DEFAULT_BUFFER_SIZE


# --- in the user's language ------------------------------------------------------------------

JAPANESE = {
    "empty": "空のファイル（0 バイト）で、DOCX ファイルではありません",
    "text": "DOCX ファイルではありません（File is not a zip file）。DOCX は zip 形式のファイルですが、このファイルは zip ではありません",
    "cut-in-the-middle": "DOCX（zip）が壊れています。末尾に zip の目録がなく、途中で切れている可能性があります。",
    "directory-damaged": "DOCX（zip）が壊れています（Bad magic number for central directory）。Word で保存したままのファイルを",
}


@pytest.mark.parametrize("case", sorted(JAPANESE))
def test_a_file_that_cannot_be_read_is_explained_in_japanese_and_the_english_stays(nda, tmp_path, case):
    data, english = damaged_files(nda)[case]
    path = save(tmp_path, data)
    with pytest.raises(ipclauses.DocumentError) as info:
        ipclauses.inspect_docx(path)
    assert str(info.value).startswith(f"{path}: {english}") and info.value.render("en") == str(info.value)
    assert info.value.render("ja").startswith(f"{path}：{JAPANESE[case]}")


@pytest.mark.parametrize(("make", "japanese"), [
    (lambda d: json.dumps({**d, "spec": "text"}), "来歴情報が壊れています（spec が JSON のオブジェクトではなく、文字列になっています）"),
    (lambda d: json.dumps({**d, "spec": True}), "来歴情報が壊れています（spec が JSON のオブジェクトではなく、true または falseになっています）"),
    (lambda d: json.dumps(d)[:-1] + ', "spec": {}}', "来歴情報が壊れています（同じキーが1つのオブジェクトに2回あります）"),
    (lambda d: json.dumps({**d, "choices": ["x"]}),
     "来歴情報が壊れています（choices が、clause、variant、article を持つオブジェクトの配列になっていません）"),
])
def test_a_damaged_record_is_explained_in_japanese(nda, tmp_path, make, japanese):
    path = save(tmp_path, with_provenance(nda, make(_valid(nda))))
    with pytest.raises(ipclauses.DocumentError) as info:
        ipclauses.inspect_docx(path)
    assert info.value.render("ja") == f"{path}：{japanese}"


def test_inspect_follows_the_locale_for_a_file_it_cannot_read(nda, tmp_path):
    path = save(tmp_path, with_member(nda, "../evil.xml"))
    runner = CliRunner()
    ja = runner.invoke(main, ["inspect", str(path)], env={"LC_ALL": None, "LC_MESSAGES": None, "LANG": "ja_JP.UTF-8"})
    assert ja.exit_code == 1 and ja.stderr == (
        f'エラー：{path}：zip の中のファイル "../evil.xml" はパスに .. を含んでいて、展開先のフォルダの外に書き込まれるおそれが'
        "あります。読み込みません（Word で保存したままのファイルをもう一度送ってもらってください）\n"
    )
    en = runner.invoke(main, ["inspect", str(path)], env={"LC_ALL": None, "LC_MESSAGES": None, "LANG": "C.UTF-8"})
    assert en.stderr == (
        f'error: {path}: the zip member "../evil.xml" has a .. in its path, which could write outside the folder the file '
        "is unpacked into; not read (ask for the file as Word saved it)\n"
    )
