"""What a contract shows must be what it says: hostile text, look-alike parties, exact numbers, bounded reads."""

from __future__ import annotations

import copy
import io
import json
import os
import re
import sys
from decimal import Decimal

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, load_example_data
from ipclauses import SpecError, check, load_spec
from ipclauses.build import document_bytes
from ipclauses.summary import summarize
from limits import run_cli
from test_summary import _shown_text


def _doc_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def _errors(data: dict) -> list[tuple[str, str]]:
    with pytest.raises(SpecError) as info:
        load_spec(data)
    return [(p.path, p.message) for p in info.value.errors]


# --- Trojan Source -------------------------------------------------------------------------

REFUSED = [
    ("\u202eiakoT\u202c", "U+202E", "RIGHT-TO-LEFT OVERRIDE"),
    ("JPY \u202e000,001\u202c", "U+202E", "RIGHT-TO-LEFT OVERRIDE"),
    ("Tokai\u2066x\u2069", "U+2066", "LEFT-TO-RIGHT ISOLATE"),
    ("Tokai\u200f", "U+200F", "RIGHT-TO-LEFT MARK"),
    ("Tokai\u200e", "U+200E", "LEFT-TO-RIGHT MARK"),
    ("Tokai\u200b", "U+200B", "ZERO WIDTH SPACE"),
    ("To\u00adkai", "U+00AD", "SOFT HYPHEN"),
    ("To\u2060kai", "U+2060", "WORD JOINER"),
    ("\ufeffTokai", "U+FEFF", "ZERO WIDTH NO-BREAK SPACE"),
    ("Tokai\u200d", "U+200D", "ZERO WIDTH JOINER"),  # a ZWJ that joins no emoji
    ("Tokai\U000e0041\U000e0042", "U+E0041", "TAG LATIN CAPITAL LETTER A"),  # hidden ASCII smuggled in tags
    ("To\x9bkai", "U+009B", "C1 control"),
    ("To\u3164kai", "U+3164", "HANGUL FILLER"),
    ("\ufe0fTokai", "U+FE0F", "variation selector with no character"),
]


@pytest.mark.parametrize("value,code_point,what", REFUSED, ids=[r[1] + "-" + str(i) for i, r in enumerate(REFUSED)])
@pytest.mark.parametrize("field", ["short_name", "address"])
def test_invisible_and_reordering_characters_are_refused_with_path_and_code_point(value, code_point, what, field):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["parties"][0][field] = value
    errors = _errors(data)
    at = [m for p, m in errors if p == f"/parties/0/{field}"]
    assert at, errors
    assert code_point in at[0] and what in at[0]


def test_the_fast_path_passes_only_characters_the_full_check_passes():
    """unsafe_character skips the per-character loop for text made only of PLAIN_RANGES: none of them may be unsafe."""
    import re as regex

    from ipclauses.unicode_safety import PLAIN_RANGES, first_unsafe_character, unsafe_character

    plain = regex.compile(f"[{PLAIN_RANGES}]")
    checked = 0
    for cp in range(0x110000):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or not plain.fullmatch(ch):
            continue
        checked += 1
        for text in (ch, "a" + ch, ch + "a"):
            assert first_unsafe_character(text) is None, f"U+{cp:04X} is in PLAIN_RANGES but unsafe"
    assert checked > 40_000, "the ranges cover ASCII, Latin-1, kana, ideographs, Hangul and full-width forms"
    assert unsafe_character("山田\u202e社") is not None and unsafe_character("Tokai\u200b") is not None


def test_a_reordering_character_in_a_key_is_refused():
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["project"]["\u202ekpis"] = []
    assert any("U+202E" in m for _, m in _errors(data))


ALLOWED = [
    "team 👩\u200d🔬 and 👍🏽\u200d and ❤\ufe0f\u200d🔥",  # emoji ZWJ sequences (the lone one after 🏽 is refused below)
    "葛\U000e0100城市",  # an ideographic variation sequence, as Japanese names need
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f Ltd.",  # a subdivision flag
    "❤\ufe0f and ✌\ufe0e",  # emoji and text presentation selectors
    "株式会社〇〇研究所・第２ラボ（仮称）",
]


@pytest.mark.parametrize("value", ALLOWED[1:], ids=["ivs", "flag", "presentation", "japanese"])
def test_characters_japanese_and_emoji_text_need_are_kept_verbatim(value):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["poc"]["verification"] = "Verify the detector. " + value
    _, out = document_bytes(load_spec(data))
    assert value in _doc_text(out)


def test_zwj_only_between_emoji():
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["poc"]["verification"] = "team 👩\u200d🔬 and ❤\ufe0f\u200d🔥"
    load_spec(data)  # accepted
    data["poc"]["verification"] = "Toka\u200di"
    assert any("U+200D" in m for _, m in _errors(data))


def test_the_trojan_source_deal_of_the_report_cannot_be_built(tmp_path):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["parties"][0]["short_name"] = "\u202eiakoT\u202c"
    spec = tmp_path / "trojan.json"
    spec.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("build", str(spec), "-o", str(tmp_path / "out.docx"), cpu_seconds=60)
    assert result.returncode == 1
    assert "/parties/0/short_name" in result.stderr and "U+202E" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out.docx").exists()


# --- look-alike parties ------------------------------------------------------------------------

LOOK_ALIKES = [
    ("short_name", "\u0422okai"),  # Cyrillic capital TE
    ("short_name", "ＴＯＫＡＩ"),  # full width, other case
    ("short_name", "TOKAI"),
    ("short_name", "Tokai Precision Components Co., Ltd."),  # the other party's legal name
    ("legal_name", "Tokai Precision Components Co., Ltd."),
    ("legal_name", "Tokai Precisi\u043en Components Co., Ltd."),  # Cyrillic o
]


@pytest.mark.parametrize("field,value", LOOK_ALIKES)
def test_parties_whose_names_look_the_same_are_refused(field, value):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    assert data["parties"][0]["short_name"] == "Tokai"
    data["parties"][1][field] = value
    errors = _errors(data)
    assert any(p == f"/parties/1/{field}" and ("looks the same" in m or "is the same" in m) for p, m in errors), errors


def test_parties_with_different_names_in_different_scripts_are_kept():
    data = copy.deepcopy(load_example_data("jrd-university-ja"))
    data["parties"][0]["short_name"] = "東和"
    data["parties"][1]["short_name"] = "Towa Labs"
    load_spec(data)


def test_a_name_mixing_cyrillic_and_latin_is_a_warning_with_its_path():
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["parties"][1]["short_name"] = "Lumi\u0412ision"  # Cyrillic VE
    findings = [f for f in check(load_spec(data)) if f.id == "parties.mixed_script_name"]
    assert [(f.severity, f.path) for f in findings] == [("warning", "/parties/1/short_name")]
    assert "Cyrillic" in findings[0].message and "Latin" in findings[0].message


# --- exact numbers ---------------------------------------------------------------------------

NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _numbers_in(text: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")) for n in NUMBER.findall(text)}


percent = st.integers(0, 9).flatmap(lambda places: st.decimals(min_value=0, max_value=100, places=places)).filter(
    lambda d: d > 0 and len(d.normalize().as_tuple().digits) <= 15)
money = st.integers(min_value=1, max_value=10**13)


def _set(data: dict, path: str, value) -> None:
    *keys, last = path.strip("/").split("/")
    node = data
    for key in keys:
        node = node[int(key)] if isinstance(node, list) else node[key]
    node[last] = value


# (example, JSON path, strategy): every kind of number a user gives that the agreement prints
NUMERIC_FIELDS = [
    ("license-en", "/licence/royalty/running_percent", percent),
    ("jrd-startup-ja", "/licence/royalty/running_percent", percent),
    ("poc-ai-en", "/next_step/discount_if_follows", percent),
    ("poc-ai-en", "/poc/fee/amount", money),
    ("license-en", "/licence/royalty/upfront/amount", money),
    ("license-en", "/licence/royalty/milestones/1/amount/amount", money),
    ("license-en", "/licence/royalty/minimum_annual/amount", money),
    ("poc-ai-en", "/poc/payment_days", st.integers(1, 3650)),
    ("poc-ai-en", "/poc/acceptance_days", st.integers(1, 3650)),
    ("nda-mutual-ja", "/confidentiality/survival_years", st.integers(1, 100)),
    ("nda-mutual-ja", "/termination/breach_cure_days", st.integers(1, 3650)),
    ("license-en", "/licence/royalty/payment_days", st.integers(1, 3650)),
]


def _spec_json(data: dict) -> str:
    """JSON text with decimals written exactly as drawn (json.dumps would go through float)."""
    text = json.dumps(data, ensure_ascii=False, default=lambda d: f"@@{d}@@")
    return re.sub(r'"@@([^@]+)@@"', r"\1", text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(NUMERIC_FIELDS).flatmap(lambda f: st.tuples(st.just(f), f[2])))
def test_every_number_reads_back_exactly_from_the_agreement_and_summary(drawn):
    (example, path, _), value = drawn
    data = copy.deepcopy(load_example_data(example))
    if example == "poc-ai-en" and "next_step" in path:
        data.setdefault("next_step", {"decision_months": 3})
    _set(data, path, value)
    spec = load_spec(_spec_json(data))
    _, out = document_bytes(spec)
    exact = Decimal(str(value))
    assert exact in _numbers_in(_doc_text(out)), f"{path} = {value} is not in the agreement exactly"
    if isinstance(value, Decimal):
        assert exact in _numbers_in(_shown_text(summarize(spec))), f"{path} = {value} is not in the summary exactly"
        assert not re.search(r"\d[eE][-+]?\d", _doc_text(out)), "no scientific notation"


@pytest.mark.parametrize("value,shown", [("99.9999999", "99.9999999%"), ("2.1234567", "2.1234567%"), ("0.00001", "0.00001%"),
                                         ("1e-5", "0.00001%"), ("12.50", "12.5%")])
def test_the_reported_royalties_print_as_given(value, shown):
    text = (ROOT / "examples" / "license-en.json").read_text(encoding="utf-8")
    text = re.sub(r'"running_percent": [0-9.]+', f'"running_percent": {value}', text)
    _, out = document_bytes(load_spec(text))
    assert f"{shown} of the Net Sales" in _doc_text(out)


@pytest.mark.parametrize("value,fragment", [
    ("0.1000000000000000055511151231257827", "significant digits"),
    ("1" + "0" * 5000, "5,001 characters"),
    ("1e400", "far too large"),
    ("1e-400", "kept exactly"),
])
def test_numbers_that_cannot_be_printed_exactly_are_refused_at_their_path(value, fragment):
    text = (ROOT / "examples" / "license-en.json").read_text(encoding="utf-8")
    text = re.sub(r'"running_percent": [0-9.]+', f'"running_percent": {value}', text)
    with pytest.raises(SpecError) as info:
        load_spec(text)
    assert [(p.path, fragment in p.message) for p in info.value.errors] == [("/licence/royalty/running_percent", True)]


def test_a_5000_digit_integer_is_refused_without_a_traceback(tmp_path):
    data = copy.deepcopy(load_example_data("nda-mutual-ja"))
    spec = tmp_path / "big.json"
    spec.write_text(json.dumps(data).replace('"months": ', '"months": ' + "9" * 5000 + ", \"x\": ", 1), encoding="utf-8")
    result = run_cli("validate", str(spec), cpu_seconds=20)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "/term/months" in result.stderr


@pytest.mark.parametrize("field", ["effective_date", "signing_date"])
def test_dates_near_the_end_of_the_calendar_are_refused_not_overflowed(field):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data[field] = "9999-12-31"
    errors = _errors(data)
    assert (f"/{field}", "9999-12-31 is out of range (must be at most 2999-12-31)") in errors


# --- bounded reads ---------------------------------------------------------------------------


@pytest.mark.parametrize("path,what", [("/dev/zero", "character device"), ("/dev/null", "character device")])
def test_a_device_is_not_read_as_a_spec(path, what):
    result = run_cli("validate", path, memory_mb=400, cpu_seconds=10)
    assert result.returncode == 1 and what in result.stderr and "Traceback" not in result.stderr


def test_endless_standard_input_is_cut_at_the_size_limit():
    result = run_cli("validate", "-", memory_mb=400, cpu_seconds=10, stdin=b"0" * (3 * 1024 * 1024))
    assert result.returncode == 1 and "too large" in result.stderr
    with open("/dev/zero", "rb") as zero:
        import subprocess

        proc = subprocess.run([sys.executable, "-m", "ipclauses", "validate", "-"], stdin=zero, capture_output=True,
                              timeout=60, check=False)
    assert proc.returncode == 1 and b"too large" in proc.stderr


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "spec.json"
    os.mkfifo(fifo)
    result = run_cli("validate", str(fifo), cpu_seconds=10)
    assert result.returncode == 1 and "named pipe" in result.stderr


def test_a_symlink_loop_is_refused(tmp_path):
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    with pytest.raises(SpecError, match="loop"):
        load_spec(tmp_path / "a.json")


# --- Markdown summary --------------------------------------------------------------------------

MARKDOWN_ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click here](javascript:alert(1))",
    "<javascript:alert(1)>",
    "**not bold** _not italic_ `not code` &lt;not an entity&gt;",
    "| not | a | table |",
]


@pytest.mark.parametrize("value", MARKDOWN_ATTACKS)
def test_markdown_summary_shows_spec_text_literally(value):
    from markdown_it import MarkdownIt

    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["parties"][0]["legal_name"] = "Tokai " + value
    data["parties"][0]["short_name"] = "Tokai " + value
    spec = load_spec(data)
    md = summarize(spec, format="md")
    rendered = MarkdownIt("commonmark").render(md)
    assert "<script" not in rendered and "<img" not in rendered and 'href="javascript' not in rendered
    assert "<strong>not" not in rendered and "<code>not" not in rendered
    assert "Tokai " + value in _shown_text(md)
