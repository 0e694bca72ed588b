"""Bad deal specs, one per kind of mistake: each must be refused with the right JSON pointer
and a message that says what is wrong and what is allowed.

Every case starts from a minimal valid spec of one agreement type (BASES below), applies
one mutation, writes the result to a file and loads it the way the CLI does.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, example_ids
from ipclauses.errors import SpecError
from ipclauses.loading import MAX_DEPTH, MAX_SPEC_BYTES, load_spec

# --- minimal valid specs, one per agreement type -------------------------------


def _party(pid: str, legal: str, short: str, kind: str, role: str = "party") -> dict:
    return {
        "id": pid,
        "legal_name": legal,
        "short_name": short,
        "kind": kind,
        "address": "1-2-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005, Japan",
        "representative": {"name": "Taro Yamada", "title": "Representative Director"},
        "role": role,
    }


_COMMON = {
    "$schema": "../schema/deal-spec.schema.json",
    "language": "en",
    "effective_date": "2026-04-01",
    "purpose": {"description": "Evaluating a cellulose nanofibre resin for robot housings"},
    "term": {"months": 12},
}

BASES: dict[str, dict] = {
    "joint_filing": {
        "type": "joint_filing",
        **_COMMON,
        "parties": [
            _party("kamo", "Kamo Photonics Inc.", "Kamo Photonics", "startup"),
            _party("meiho", "Meiho Automotive Systems Corporation", "Meiho", "large_company"),
        ],
        "invention": {"title": "Optical phased array with a heat-spreading substrate"},
        "applications": [{"route": "japan"}],
        "procedure": {"filing_party": "meiho"},
    },
    "nda": {
        "type": "nda",
        **_COMMON,
        "parties": [
            _party("hokushin", "Hokushin Manufacturing Co., Ltd.", "Hokushin", "large_company"),
            _party("nanocell", "NanoCell Materials K.K.", "NanoCell", "startup"),
        ],
    },
    "poc": {
        "type": "poc",
        **_COMMON,
        "parties": [
            _party("tokai", "Tokai Precision Components Co., Ltd.", "Tokai", "large_company", "customer"),
            _party("lumivision", "LumiVision AI K.K.", "LumiVision", "startup", "provider"),
        ],
        "poc": {
            "verification": "Defect detection on machined valve bodies",
            "report_deadline": "2026-08-31",
            "fee": {"amount": 3000000, "currency": "JPY"},
        },
        "results": {"ownership": {"rule": "sole", "owner": "lumivision"}},
    },
    "jrd": {
        "type": "jrd",
        **_COMMON,
        "parties": [
            _party("asahina", "Asahina Chemical Industries Co., Ltd.", "Asahina", "large_company"),
            _party("seiryo-u", "Seiryo University", "the University", "university"),
        ],
        "jrd": {
            "theme": "Air-stable sulphide solid electrolytes",
            "roles": [
                {"party": "asahina", "tasks": "Synthesis and cell testing"},
                {"party": "seiryo-u", "tasks": "Surface analysis"},
            ],
        },
        "results": {"ownership": {"rule": "inventor"}},
    },
    "license": {
        "type": "license",
        **_COMMON,
        "parties": [
            _party("kamo", "Kamo Photonics Inc.", "Kamo Photonics", "startup", "licensor"),
            _party("meiho", "Meiho Automotive Systems Corporation", "Meiho", "large_company", "licensee"),
        ],
        "licensed": {"patents": [{"number": "JP 7123456 B2", "title": "Optical phased array"}]},
        "licence": {"royalty": {"kind": "paid", "running_percent": 3}},
    },
    "ai_use": {
        "type": "ai_use",
        **_COMMON,
        "parties": [
            _party("kinetica", "Kinetica Vision K.K.", "Kinetica", "startup", "provider"),
            _party("sakura", "Sakura Fitness Equipment Co., Ltd.", "Sakura Fitness", "large_company", "user"),
        ],
        "service": {"name": "Kinetica Pose API", "description": "a cloud API that estimates body keypoints"},
        "fees": {"kind": "fixed", "monthly_fee": {"amount": 200000, "currency": "JPY"}},
    },
    "data_provision": {
        "type": "data_provision",
        **_COMMON,
        "parties": [
            _party("hokuriku", "Hokuriku Precision Press Co., Ltd.", "Hokuriku", "large_company", "provider"),
            _party("sensia", "Sensia AI K.K.", "Sensia", "startup", "recipient"),
        ],
        "provided_data": {
            "description": "press-line sensor readings for 2025",
            "form": "CSV files uploaded to a shared folder",
            "first_delivery": "2026-04-30",
        },
    },
    "consortium": {
        "type": "consortium",
        **_COMMON,
        "parties": [
            _party("seiryo-u", "Seiryo University", "the University", "university", "coordinator"),
            _party("kamo", "Kamo Photonics Inc.", "Kamo Photonics", "startup", "member"),
            _party("meiho", "Meiho Automotive Systems Corporation", "Meiho", "large_company", "member"),
        ],
        "consortium": {
            "theme": "Optical phased arrays for vehicle lidar",
            "work_packages": [
                {"name": "WP1", "lead": "seiryo-u", "tasks": "Beam steering research"},
                {"name": "WP2", "lead": "kamo", "tasks": "Chip design"},
                {"name": "WP3", "lead": "meiho", "tasks": "Vehicle integration"},
            ],
        },
    },
}


def base(kind: str) -> dict:
    return copy.deepcopy(BASES[kind])


# --- mutations -------------------------------------------------------------------


def set_at(path: str, value: Any) -> Callable[[dict], dict]:
    """Set a value at a dotted path (list indexes as numbers), creating objects on the way."""

    def mutate(spec: dict) -> dict:
        node: Any = spec
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        for key in keys[:-1]:
            if isinstance(key, str) and key not in node:
                node[key] = {}
            node = node[key]
        node[keys[-1]] = value
        return spec

    return mutate


def delete_at(path: str) -> Callable[[dict], dict]:
    def mutate(spec: dict) -> dict:
        node: Any = spec
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        for key in keys[:-1]:
            node = node[key]
        del node[keys[-1]]
        return spec

    return mutate


def both(*mutations: Callable[[dict], dict]) -> Callable[[dict], dict]:
    def mutate(spec: dict) -> dict:
        for m in mutations:
            spec = m(spec)
        return spec

    return mutate


def as_text(edit: Callable[[str], str]) -> Callable[[dict], str]:
    """Mutate the JSON text (pretty-printed, one key per line) rather than the dict."""
    return lambda spec: edit(json.dumps(spec, indent=2, ensure_ascii=False))


def nested_lists(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _break_json(text: str) -> str:
    # Drop the comma at the end of line 4 (`"language": "en",`); the parser stumbles on line 5.
    return text.replace('"language": "en",', '"language": "en"', 1)


def _duplicate_key(text: str) -> str:
    # A second "confidentiality" would be top level; put the duplicate inside an object instead.
    return text.replace('"purpose": {', '"purpose": {\n    "description": "first",', 1)


@dataclass
class Case:
    id: str
    kind: str  # which base spec
    mutate: Callable[[dict], Any] | None  # base -> dict/list (dumped), str (JSON text) or bytes; None: no file
    path: str  # the exact JSON pointer expected
    message: str  # a substring of the message expected at that pointer
    also: tuple[str, ...] = ()  # further substrings of that same message


CASES = [
    Case(
        "invalid-json-missing-comma", "nda", as_text(_break_json), "",
        "not valid JSON at line 5, column 3", ("comma is probably missing at the end of line 4",),
    ),
    Case(
        "invalid-json-trailing-comma", "nda", as_text(lambda t: t.replace('"months": 12\n', '"months": 12,\n', 1)), "",
        "not valid JSON at line 11, column 3", ("remove the comma at the end of line 10",),
    ),
    Case(
        "invalid-json-single-quotes", "nda", as_text(lambda t: t.replace('"language": "en"', "'language': 'en'", 1)), "",
        "not valid JSON at line 4, column 3", ("double quotes",),
    ),
    Case(
        "invalid-json-comment", "nda", as_text(lambda t: t.replace('"language": "en",', '// English\n  "language": "en",', 1)), "",
        "not valid JSON at line 4, column 3", ("no comments",),
    ),
    Case("top-level-array", "nda", lambda s: [s], "", "must be a JSON object {...}, not an array"),
    Case(
        "top-level-string", "nda", as_text(lambda t: json.dumps("an NDA with NanoCell")), "",
        "must be a JSON object {...}, not a string",
    ),
    Case(
        "duplicate-key-nested", "nda", as_text(_duplicate_key), "/purpose/description",
        'key "description" appears more than once', ("keep one",),
    ),
    Case(
        "control-character", "nda", set_at("purpose.description", "Evaluating a resin\u0007 for housings"),
        "/purpose/description", "U+0007", ("position 19", "remove it"),
    ),
    Case(
        "line-break-in-value", "nda", set_at("parties.0.legal_name", "Hokushin Manufacturing\nCo., Ltd."),
        "/parties/0/legal_name", "line break or tab", ("one line",),
    ),
    Case(
        "tab-in-value", "poc", set_at("poc.verification", "Defect detection\ton valve bodies"),
        "/poc/verification", "line break or tab",
    ),
    Case("unknown-top-level-field", "nda", set_at("titel", "Mutual NDA"), "/titel", 'unknown field "titel"', ('did you mean "title"?',)),
    Case(
        "unknown-nested-field", "nda", set_at("confidentiality.survival_year", 5),
        "/confidentiality/survival_year", 'did you mean "survival_years"?',
    ),
    Case(
        "unknown-field-in-ownership-rule", "poc", set_at("results.ownership.owners", "tokai"),
        "/results/ownership/owners", 'did you mean "owner"?',
    ),
    Case(
        "unknown-field-no-close-match", "nda", set_at("term.auto_extend", True),
        "/term/auto_extend", 'unknown field "auto_extend"', ('allowed here: "months", "renewal"',),
    ),
    Case("missing-required-field", "nda", delete_at("effective_date"), "/effective_date", 'required field "effective_date" is missing'),
    Case("missing-nested-field", "poc", delete_at("poc.fee"), "/poc/fee", 'required field "fee" is missing'),
    Case(
        "wrong-enum-value", "nda", set_at("parties.0.kind", "corporation"), "/parties/0/kind",
        '"corporation" is not allowed', ('"large_company"', '"startup"', '"university"', '"other"'),
    ),
    Case(
        "wrong-type-tag", "nda", set_at("type", "mou"), "/type",
        '"mou" is not allowed', ('"nda"', '"poc"', '"jrd"', '"license"'),
    ),
    Case("missing-type", "nda", delete_at("type"), "/type", 'required field "type" is missing', ('"nda"', '"license"')),
    Case(
        "wrong-ownership-rule", "jrd", set_at("results.ownership", {"rule": "shared"}), "/results/ownership/rule",
        '"shared" is not allowed', ('"sole"', '"joint"', '"inventor"', '"by_field"', '"decide_later"'),
    ),
    Case("string-for-integer", "nda", set_at("term.months", "twelve"), "/term/months", '"twelve" is not a whole number'),
    Case("fraction-for-integer", "nda", set_at("term.months", 12.5), "/term/months", "12.5 is not a whole number"),
    Case(
        "object-expected", "nda", set_at("purpose", "Evaluating a resin"), "/purpose",
        'must be an object, e.g. {"description": ', ('not "Evaluating a resin"',),
    ),
    Case(
        "bad-date", "nda", set_at("effective_date", "2026-02-30"), "/effective_date",
        '"2026-02-30" is not a valid date', ("YYYY-MM-DD",),
    ),
    Case(
        "date-in-wrong-format", "nda", set_at("effective_date", "01/04/2026"), "/effective_date",
        '"01/04/2026" is not a valid date', ("YYYY-MM-DD",),
    ),
    Case(
        "zero-day-count", "nda", set_at("confidentiality.confirmation_days", 0), "/confidentiality/confirmation_days",
        "0 is out of range", ("more than 0",),
    ),
    Case(
        "negative-day-count", "nda", set_at("termination.breach_cure_days", -30), "/termination/breach_cure_days",
        "-30 is out of range", ("more than 0",),
    ),
    Case(
        "percentage-over-100", "license", set_at("licence.royalty.running_percent", 120), "/licence/royalty/running_percent",
        "120 is out of range", ("(must be at most 100)",),
    ),
    Case("empty-text", "nda", set_at("parties.0.legal_name", ""), "/parties/0/legal_name", "is empty"),
    Case(
        "bad-party-id", "nda", set_at("parties.0.id", "Hokushin Corp"), "/parties/0/id",
        '"Hokushin Corp" is not a valid party id', ("lower-case letters",),
    ),
    Case("one-party-only", "nda", lambda s: {**s, "parties": s["parties"][:1]}, "/parties", "has 1 item (must have at least 2)"),
    Case(
        "third-party-in-nda", "nda", lambda s: {**s, "parties": [*s["parties"], _party("third", "Third Co.", "Third", "other")]},
        "/parties/2", "an NDA has exactly two parties", ("remove this one",),
    ),
    Case(
        "third-party-in-licence", "license",
        lambda s: {**s, "parties": [*s["parties"], _party("third", "Third Co.", "Third", "other", "licensee")]},
        "/parties/2", "a licence agreement has exactly two parties", ("remove this one",),
    ),
    Case(
        "more-parties-than-any-deal", "nda",
        lambda s: {**s, "parties": [_party(f"p{i}", f"Party {i} Co.", f"P{i}", "other") for i in range(21)]},
        "/parties", "has 21 items (must have at most 20)",
    ),
    Case(
        "unknown-party-reference", "poc", set_at("results.ownership.owner", "lumina"), "/results/ownership/owner",
        '"lumina" is not a party id', ('allowed: "tokai", "lumivision"',),
    ),
    Case(
        "unknown-party-in-jrd-roles", "jrd", set_at("jrd.roles.1.party", "seiryo"), "/jrd/roles/1/party",
        '"seiryo" is not a party id', ('"seiryo-u"',),
    ),
    Case(
        "unknown-party-in-project-roles", "poc",
        lambda s: {**s, "project": {"roles": [{"party": "a", "tasks": "Annotate images"}]}}, "/project/roles/0/party",
        '"a" is not a party id', ('"lumivision"',),
    ),
    Case(
        "duplicate-party-ids", "nda", set_at("parties.1.id", "hokushin"), "/parties/1/id",
        '"hokushin" is used by another party', ("its own id",),
    ),
    Case(
        "one-way-nda-without-discloser",
        "nda",
        both(set_at("confidentiality.direction", "one_way"), set_at("parties.1.role", "recipient")),
        "/parties/0/role",
        'needs exactly one party with "role": "discloser"',
        ("found 0", 'set "discloser" here'),
    ),
    Case(
        "role-in-mutual-nda", "nda", set_at("parties.0.role", "discloser"), "/parties/0/role",
        '"discloser" does not fit this deal', ('"one_way"',),
    ),
    Case(
        "exclusive-without-period", "license", set_at("licence.exclusivity", "exclusive"), "/licence/exclusive_months",
        "an exclusive licence needs a period", ('"exclusive_perpetual": true',),
    ),
    Case(
        "exclusive-then-non-exclusive-without-months", "license",
        set_at("licence.exclusivity", "exclusive_then_non_exclusive"), "/licence/exclusive_months",
        "needs the months of exclusivity",
    ),
    Case(
        "paid-royalty-without-amounts", "license", set_at("licence.royalty", {"kind": "paid"}), "/licence/royalty",
        "gives no upfront, running_percent or milestones",
    ),
    Case(
        "worldwide-and-countries", "license", set_at("licence.territory", ["worldwide", "Japan"]), "/licence/territory",
        '"worldwide" cannot be combined',
    ),
    Case(
        "poc-report-before-effective-date", "poc", set_at("poc.report_deadline", "2026-03-15"), "/poc/report_deadline",
        "is before the effective date",
    ),
    Case(
        "poc-report-after-term", "poc", set_at("poc.report_deadline", "2027-06-30"), "/poc/report_deadline",
        "falls on 2027-06-30, after the agreement ends on 2027-03-31",
    ),
    Case(
        "arbitration-without-block", "nda", set_at("disputes.forum", "arbitration"), "/disputes/arbitration",
        "is missing: arbitration needs", ('"institution"', '"seat"'),
    ),
    Case(
        "cap-amount-without-amount", "nda", set_at("liability.cap", {"kind": "amount"}), "/liability/cap/amount",
        'a cap of kind "amount" needs the amount',
    ),
    Case(
        "cap-floor-without-fees", "nda",
        set_at("liability.cap", {"kind": "amount", "amount": {"amount": 1000000}, "floor": {"amount": 500000}}),
        "/liability/cap/floor", 'is only used with "kind": "fees_paid"',
    ),
    Case(
        "nda-cap-fees-paid", "nda", set_at("liability.cap", {"kind": "fees_paid"}), "/liability/cap/kind",
        "an NDA has no fees", ('"none" or "amount"',),
    ),
    Case(
        "earlier-nda-dated-after", "jrd", set_at("confidentiality.supersedes_nda", {"title": "NDA", "date": "2026-05-01"}),
        "/confidentiality/supersedes_nda/date", "is after this agreement's effective date",
    ),
    Case(
        "file-too-large", "nda",
        lambda s: json.dumps({**s, "purpose": {"description": "x" * (MAX_SPEC_BYTES + 10)}}).encode(),
        "", "a deal spec is at most 2,097,152 bytes",
    ),
    Case("file-not-found", "nda", None, "", "file not found", ("check the path",)),
    Case(
        "not-utf8", "nda",
        lambda s: json.dumps(s, indent=2, ensure_ascii=False).replace("Evaluating", "\u00e9valuating").encode("latin-1"),
        "", "not UTF-8 text", ("line 7", "save the file as UTF-8"),
    ),
    Case(
        "nesting-too-deep", "nda", set_at("purpose.description", nested_lists(MAX_DEPTH + 5)),
        "/purpose/description" + "/0" * (MAX_DEPTH - 1), f"nested more than {MAX_DEPTH} levels deep",
    ),
    Case(
        "nesting-far-too-deep", "nda", as_text(lambda t: "[" * 100_000 + "]" * 100_000),
        "", "nested too deeply",
    ),
]


def _write(case: Case, tmp_path: Path) -> Path:
    target = tmp_path / "spec.json"
    if case.mutate is None:
        return tmp_path / "no-such-spec.json"
    value = case.mutate(base(case.kind))
    if isinstance(value, bytes):
        target.write_bytes(value)
    elif isinstance(value, str):
        target.write_text(value, encoding="utf-8")
    else:
        target.write_text(json.dumps(value, indent=2, ensure_ascii=False), encoding="utf-8")
    return target


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_spec_is_refused_with_pointer_and_message(case: Case, tmp_path: Path):
    target = _write(case, tmp_path)
    with pytest.raises(SpecError) as info:
        load_spec(target)
    errors = info.value.errors
    assert [path for path, _ in errors] == [case.path], f"expected one problem at {case.path!r}, got {errors}"
    _path, message = errors[0]
    assert case.message in message
    for extra in case.also:
        assert extra in message
    # The rendered error names the file, the pointer and the message on one line.
    assert f"{case.path or '/'}: {message}" in str(info.value)


def test_there_are_enough_cases():
    assert len(CASES) >= 24
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.mark.parametrize("kind", sorted(BASES))
def test_valid_base_specs_load(kind: str, tmp_path: Path):
    spec = load_spec(base(kind))
    assert spec.type == kind
    target = tmp_path / f"{kind}.json"
    target.write_text(json.dumps(base(kind), ensure_ascii=False), encoding="utf-8")
    assert load_spec(target) == spec


def test_all_errors_are_reported_at_once():
    spec = both(
        set_at("titel", "Mutual NDA"),
        set_at("parties.1.kind", "corporation"),
        set_at("term.months", 0),
    )(base("nda"))
    with pytest.raises(SpecError) as info:
        load_spec(spec)
    assert sorted(path for path, _ in info.value.errors) == ["/parties/1/kind", "/term/months", "/titel"]


def test_all_cross_field_errors_are_reported_at_once():
    spec = both(
        set_at("results.ownership.owner", "lumina"),
        set_at("poc.report_deadline", "2026-03-01"),
        set_at("disputes.forum", "arbitration"),
    )(base("poc"))
    with pytest.raises(SpecError) as info:
        load_spec(spec)
    assert sorted(path for path, _ in info.value.errors) == [
        "/disputes/arbitration",
        "/poc/report_deadline",
        "/results/ownership/owner",
    ]


def test_problems_from_different_stages_are_reported_together():
    # A character Word cannot hold is found before the models run; it must not hide the other mistakes.
    spec = both(
        set_at("purpose.project_name", "Resin\u000bPilot"),
        set_at("parties.1.kind", "corporation"),
        set_at("confidentiality.survival_year", 5),
    )(base("nda"))
    with pytest.raises(SpecError) as info:
        load_spec(spec)
    assert sorted(path for path, _ in info.value.errors) == [
        "/confidentiality/survival_year",
        "/parties/1/kind",
        "/purpose/project_name",
    ]


def test_errors_unpack_as_path_and_message():
    with pytest.raises(SpecError) as info:
        load_spec(set_at("term.months", "twelve")(base("nda")))
    assert info.value.errors
    for item in info.value.errors:
        path, message = item
        assert isinstance(path, str) and path.startswith("/")
        assert isinstance(message, str) and message
    assert info.value.source == "<dict>"


def test_error_source_names_the_file(tmp_path: Path):
    target = tmp_path / "deal.json"
    target.write_text(json.dumps(set_at("term.months", 0)(base("nda"))), encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_spec(target)
    assert info.value.source == str(target)
    assert str(info.value).startswith(f"{target}: /term/months: ")



@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_the_spec_an_agreement_embeds_loads_again(path):
    # An agreement keeps its spec with every default filled in; summarising, inspecting or verifying
    # the agreement loads it again, so a rule that refuses an unused field must accept its default
    # (an arbitration deal's default court, for one).
    from ipclauses.assemble import resolved_spec
    from ipclauses.loading import validate_data

    spec = load_spec(path)
    again = validate_data(resolved_spec(spec), "<agreement>")
    assert resolved_spec(again) == resolved_spec(spec)
