"""Agreement types are modules found through a registry, and the core works with any number of parties.

A toy three-party type ("memorandum") is registered only inside these tests, to show that
registering a type extends validation, the JSON pointers, the schema and the deal checks;
the shipped registry holds exactly the four types before and after.
"""

from __future__ import annotations

import copy
import importlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import pytest

import ipclauses.spec
from conftest import ROOT
from ipclauses import check, load_spec
from ipclauses.agreement_types import (
    SPEC_MODELS,
    AgreementType,
    Finding,
    Problems,
    Roles,
    UnknownAgreementTypeError,
    get_type,
    names,
    register,
    type_of,
    types,
    unregister,
)
from ipclauses.errors import Problem, SpecError
from ipclauses.schema import deal_spec_schema, schema_text
from ipclauses.spec import CommonSpec, PartyId
from test_validation import BASES, _party

SHIPPED = ["nda", "poc", "jrd", "license", "consortium", "joint_filing", "data_provision", "ai_use"]
# The bilateral ones: a consortium has three or more parties.
BILATERAL = [name for name in SHIPPED if name != "consortium"]

# --- the shipped registry -------------------------------------------------------------


def test_the_shipped_registry_holds_the_types_in_the_order_a_deal_goes_through_them():
    assert names() == SHIPPED
    assert [kind.stage for kind in types()] == sorted(kind.stage for kind in types())
    for kind in types():
        module = importlib.import_module(f"ipclauses.agreement_types.{kind.name}")
        assert module.AGREEMENT_TYPE is kind
        assert kind.spec_model.__module__ == module.__name__, "a type's spec model lives in its module"
        assert (kind.max_parties == 2) == (kind.name in BILATERAL), "all but a consortium are bilateral"


def test_spec_models_are_still_importable_from_spec():
    from ipclauses.spec import SPEC_TYPES, JrdSpec, LicenseSpec, NdaSpec, PocSpec

    assert [NdaSpec, PocSpec, JrdSpec, LicenseSpec] == [get_type(n).spec_model for n in SHIPPED[:4]]
    assert dict(SPEC_TYPES) == {n: get_type(n).spec_model for n in SHIPPED}
    with pytest.raises(AttributeError, match="no attribute 'MouSpec'"):
        ipclauses.spec.MouSpec  # noqa: B018


def test_type_of_a_loaded_spec_is_its_agreement_type():
    for name in SHIPPED:
        spec = load_spec(copy.deepcopy(BASES[name]))
        assert type_of(spec) is get_type(name)
        assert type_of(spec).own(spec) is spec
    with pytest.raises(TypeError, match="not a spec of the agreement type 'poc'"):
        get_type("poc").own(load_spec(copy.deepcopy(BASES["nda"])))


def test_the_registry_refuses_what_it_cannot_use():
    with pytest.raises(ValueError, match="already registered"):
        register(get_type("nda"))
    with pytest.raises(UnknownAgreementTypeError, match=r"no agreement type 'mou' \(available: nda, poc, jrd, license, consortium, joint_filing, data_provision, "
                       r"ai_use\)"):
        get_type("mou")
    with pytest.raises(ValueError, match=r'must declare type: Literal\["mou"\]'):
        AgreementType(name="mou", spec_model=MemorandumSpec, described_as="an MoU", stage=5)
    with pytest.raises(ValueError, match="no party can have the role 'chair'"):
        AgreementType(name="memorandum", spec_model=MemorandumSpec, described_as="a memorandum", stage=5,
                      roles=Roles(allowed=("chair",)))
    with pytest.raises(ValueError, match="at least two parties"):
        AgreementType(name="memorandum", spec_model=MemorandumSpec, described_as="a memorandum", stage=5, min_parties=1)
    with pytest.raises(ValueError, match="needs `why`"):
        Roles(required=("provider",))
    assert names() == SHIPPED


# --- the shipped types are bilateral ------------------------------------------------------


def _with_parties(name: str, count: int) -> dict[str, Any]:
    data = copy.deepcopy(BASES[name])
    extra = [_party(f"extra{i}", f"Extra Holdings {i} Ltd.", f"Extra {i}", "other") for i in range(count - 2)]
    data["parties"] += extra
    return data


@pytest.mark.parametrize("name", BILATERAL)
def test_a_two_party_type_refuses_a_third_party_at_parties_2(name):
    with pytest.raises(SpecError) as info:
        load_spec(_with_parties(name, 3))
    [(path, message)] = info.value.errors
    assert path == "/parties/2"
    assert message == f"{get_type(name).described_as} has exactly two parties; remove this one (found 3)"
    with pytest.raises(SpecError) as info:
        load_spec(_with_parties(name, 5))
    assert [tuple(p) for p in info.value.errors] == [
        ("/parties/2", f"{get_type(name).described_as} has exactly two parties; remove this one and those after it (found 5)"),
    ]


def test_the_schema_tells_editors_each_types_number_of_parties():
    definitions = deal_spec_schema()["definitions"]
    for kind in types():
        parties = definitions[kind.spec_model.__name__]["properties"]["parties"]
        assert (parties["minItems"], parties["maxItems"]) == (kind.min_parties, kind.max_parties)


# --- a toy three-party type, registered only here -------------------------------------------


class MemorandumSpec(CommonSpec):
    """A memorandum of understanding between three parties (a test's toy type)."""

    type: Literal["memorandum"]
    lead: PartyId


def _memorandum_rules(spec: MemorandumSpec) -> list[Problem]:
    out = Problems(spec)
    out.party_ref(spec.lead, "/lead")
    return out.found


def _startup_leads(spec: MemorandumSpec) -> Iterator[Finding]:
    lead = spec.party(spec.lead)
    if lead is not None and lead.kind == "startup":
        yield Finding("memorandum.startup_leads", "info", "/lead", f"{lead.short_name} leads.", "Leading costs time.",
                      "Share the work.")


MEMORANDUM = AgreementType(
    name="memorandum",
    spec_model=MemorandumSpec,
    described_as="a memorandum",
    stage=9,
    roles=Roles(allowed=("party",)),
    min_parties=3,
    max_parties=3,
    cross_check=_memorandum_rules,
    checks=(_startup_leads,),
    words={"en": ("Memorandum of Understanding", "memorandum"), "ja": ("覚書", "覚書")},
)


@contextmanager
def registered(kind: AgreementType[Any]) -> Iterator[AgreementType[Any]]:
    register(kind)
    try:
        yield kind
    finally:
        unregister(kind.name)


@pytest.fixture
def memorandum():
    with registered(MEMORANDUM) as kind:
        yield kind
    assert names() == SHIPPED, "the toy type is gone after the test"


def memorandum_data() -> dict[str, Any]:
    return {
        "$schema": "../schema/deal-spec.schema.json",
        "type": "memorandum",
        "language": "en",
        "parties": [
            _party("alpha", "Alpha Robotics Co., Ltd.", "Alpha", "large_company"),
            _party("beta", "Beta Sensors K.K.", "Beta", "startup"),
            _party("gamma", "Gamma Institute of Technology", "Gamma", "university"),
        ],
        "effective_date": "2026-04-01",
        "purpose": {"description": "Evaluating tactile sensors from Beta in Alpha's picking robots with Gamma's test rig"},
        "term": {"months": 12},
        "project": {"roles": [{"party": "gamma", "tasks": "Run the test rig"}]},
        "lead": "gamma",
    }


def test_a_three_party_spec_validates_against_a_registered_type(memorandum):
    assert names() == [*SHIPPED, "memorandum"]
    spec = load_spec(memorandum_data())
    assert isinstance(spec, MemorandumSpec) and type_of(spec) is memorandum
    assert [p.id for p in spec.parties] == ["alpha", "beta", "gamma"]
    assert spec.party("gamma") is spec.parties[2] and spec.parties_with_role("party") == list(spec.parties)
    assert SPEC_MODELS["memorandum"] is MemorandumSpec and ipclauses.spec.MemorandumSpec is MemorandumSpec


def _set(path: str, value: Any):
    def mutate(data: dict[str, Any]) -> dict[str, Any]:
        node: Any = data
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
        return data

    return mutate


@pytest.mark.parametrize(("mutate", "path", "message"), [
    (_set("parties.2.kind", "institute"), "/parties/2/kind", '"institute" is not allowed'),
    (_set("parties.2.adress", "Tokyo"), "/parties/2/adress", 'did you mean "address"?'),
    (lambda d: _set("parties.2.id", "alpha")({**d, "lead": "alpha", "project": {}}), "/parties/2/id",
     '"alpha" is used by another party'),
    (_set("parties.2.short_name", "ＡＬＰＨＡ"), "/parties/2/short_name", "looks the same as the short name of /parties/0"),
    (_set("parties.2.legal_name", "Beta Sensors K.K."), "/parties/2/legal_name", "is the same as the legal name of /parties/1"),
    (_set("parties.2.role", "licensor"), "/parties/2/role", '"licensor" does not fit this deal (allowed: "party")'),
    (_set("lead", "delta"), "/lead", '"delta" is not a party id (allowed: "alpha", "beta", "gamma")'),
    (_set("project.roles.0.party", "delta"), "/project/roles/0/party", '"delta" is not a party id'),
    (_set("liability", {"cap_applies_to": "only", "capped_party": "delta"}), "/liability/capped_party", '"delta" is not'),
    (lambda d: {**d, "parties": d["parties"][:2], "lead": "alpha", "project": {}}, "/parties",
     "a memorandum has exactly three parties; add 1 more (found 2)"),
    (lambda d: {**d, "parties": [*d["parties"], _party("delta", "Delta Trading Ltd.", "Delta", "other")]}, "/parties/3",
     "a memorandum has exactly three parties; remove this one (found 4)"),
])
def test_problems_with_the_third_party_are_reported_at_its_pointer(memorandum, mutate, path, message):
    with pytest.raises(SpecError) as info:
        load_spec(mutate(memorandum_data()))
    problems = [tuple(p) for p in info.value.errors]
    assert [p for p, _ in problems] == [path], problems
    assert message in problems[0][1]


def test_run_checks_runs_the_registered_types_checks_with_the_shared_ones(memorandum):
    data = _set("lead", "beta")(memorandum_data())
    data["liability"] = {"cap_applies_to": "only", "capped_party": "alpha"}
    findings = check(load_spec(data))
    by_id = {f.id: f for f in findings}
    assert by_id["memorandum.startup_leads"].path == "/lead"
    assert "project.objective_missing" in by_id  # a shared check
    assert by_id["liability.one_sided_cap"].why.startswith("The other parties carry")
    assert "memorandum.startup_leads" not in {f.id for f in check(load_spec(memorandum_data()))}


def test_the_schema_and_the_type_tag_follow_the_registry():
    data = memorandum_data()
    with registered(MEMORANDUM):
        schema = deal_spec_schema()
        parties = schema["definitions"]["MemorandumSpec"]["properties"]["parties"]
        assert (parties["minItems"], parties["maxItems"]) == (3, 3)
        with pytest.raises(SpecError) as info:
            load_spec({**data, "type": "mou"})
        allowed = ", ".join(f'"{name}"' for name in SHIPPED)
        assert f'"mou" is not allowed (allowed: {allowed} or "memorandum")' in str(info.value)
    assert names() == SHIPPED
    assert schema_text() == (ROOT / "schema" / "deal-spec.schema.json").read_text(encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_spec(data)
    allowed = ", ".join(f'"{name}"' for name in SHIPPED[:-1])
    assert f'"memorandum" is not allowed (allowed: {allowed} or "{SHIPPED[-1]}")' in str(info.value)


# --- only a type's module asks which type a spec is -----------------------------------------

SRC = ROOT / "src" / "ipclauses"
_MODELS = "|".join(re.escape(kind.spec_model.__name__) for kind in types())
ASKS_THE_TYPE = re.compile(
    rf"isinstance\((?:[^()]|\([^()]*\))*\(?[^()]*\b({_MODELS})\b"  # isinstance(spec, NdaSpec) / (PocSpec, JrdSpec)
    r"|\.type\s*(==|!=|in)\s*[\"'(\[{]"  # spec.type == "poc"
    r"|[\"']nda[\"'],\s*[\"']poc[\"'],\s*[\"']jrd[\"'],\s*[\"']license[\"']"  # a hard-coded list of the types
)
ALLOWED: dict[str, str] = {}  # file name -> why it still asks (none does)


def test_only_agreement_type_modules_ask_which_type_a_spec_is():
    asking = {}
    for path in sorted(SRC.rglob("*.py")):
        if "agreement_types" in path.parts:
            continue
        lines = [f"{path.name}:{n}: {line.strip()}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if ASKS_THE_TYPE.search(line)]
        if lines and path.name not in ALLOWED:
            asking[path.name] = lines
    assert not asking, f"ask the spec's AgreementType (agreement_types.type_of(spec)) instead: {asking}"


def test_the_grep_finds_what_it_is_for():
    for line in ["if isinstance(spec, NdaSpec):", "isinstance(spec, (PocSpec, JrdSpec))", 'if spec.type == "poc":',
                 'AGREEMENTS = ("nda", "poc", "jrd", "license")', "if isinstance(getattr(s, 'x'), JrdSpec)"]:
        assert ASKS_THE_TYPE.search(line), line
    for line in ["isinstance(value, dict)", "isinstance(x, dict) and NdaSpec", "kind = type_of(spec)", 'tag == "type"', "isinstance(spec, self.spec_model)"]:
        assert not ASKS_THE_TYPE.search(line), line


# --- the core drafts for three parties with no change -------------------------------------------

MEMORANDUM_CLAUSES = {
    "purpose/memorandum-purpose.toml": """
id = "memorandum.purpose"
category = "purpose"
title = { ja = "目的", en = "Purpose" }
agreements = ["memorandum"]
order = 100

[[variants]]
id = "standard"
balance = "balanced"
text.ja = "本覚書の目的は、{{ purpose }}である。"
text.en = "The purpose of this memorandum is {{ purpose }}."
summary.ja = "目的を決めています。"
summary.en = "This states the purpose."
commentary.ja = "目的。"
commentary.en = "The purpose."
""",
    "general/memorandum-results.toml": """
id = "memorandum.results"
category = "general"
title = { ja = "結果の共有", en = "Sharing Results" }
agreements = ["memorandum"]
order = 200

[[variants]]
id = "shared"
balance = "balanced"
text.ja = "各当事者は、評価の結果を他の全ての当事者に速やかに共有する。"
text.en = "Each party shall promptly share the results of the evaluation with every other party."
summary.ja = "結果は全員で共有します。"
summary.en = "Every party shares its results with the others."
commentary.ja = "共有。"
commentary.en = "Sharing."

[[variants.effects]]
kind = "must"
who = "each"
text.ja = "評価の結果を{{ other }}に共有する。"
text.en = "Share the results of the evaluation with {{ other }}."

[[variants.effects]]
kind = "ends"
text.ja = "{{ term_end_date }}に終わります。"
text.en = "It ends on {{ term_end_date }}."
""",
}


def test_a_registered_three_party_type_builds_an_agreement_and_a_summary(memorandum, tmp_path):
    import io

    import docx

    from ipclauses.draft import make_draft
    from ipclauses.library import load_library
    from ipclauses.renderers import render

    for name, text in MEMORANDUM_CLAUSES.items():
        (tmp_path / "firm" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "firm" / name).write_text(text, encoding="utf-8")
    spec = load_spec(memorandum_data())
    draft = make_draft(spec, load_library(tmp_path / "firm"))
    assert [a.clause_id for a in draft.agreement.articles] == ["memorandum.purpose", "memorandum.results"]
    document = docx.Document(io.BytesIO(render(draft, "agreement", "docx")))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells)
    assert document.paragraphs[0].text == "Memorandum of Understanding"
    for party in spec.parties:
        assert text.count(party.legal_name) >= 2, f"{party.legal_name} in the preamble and the signature block"
    assert "Run the test rig" in text, "the schedule shows the project roles"

    summary = draft.summary
    assert [p.name for p in summary.parties] == ["Alpha", "Beta", "Gamma"]
    musts = {p.name: [pt.text for pt in p.must] for p in summary.parties}
    assert musts == {
        "Alpha": ["Share the results of the evaluation with Beta and Gamma."],
        "Beta": ["Share the results of the evaluation with Alpha and Gamma."],
        "Gamma": ["Share the results of the evaluation with Alpha and Beta."],
    }
    assert [p.article for p in summary.points()] == ["Article 2"] * 3 + ["Article 2"]
    markdown = render(draft, "summary", "md").decode("utf-8")
    assert "Alpha, Beta and Gamma" in markdown or "Alpha, Beta, and Gamma" in markdown
    assert "It ends on 31 March 2027." in markdown


# --- what a type does not draft is refused, never dropped ------------------------------------------------

# A value other than the default for each shared field some type leaves undrafted.
_NOT_DEFAULT = {
    "/confidentiality/copies": "consent_required", "/confidentiality/inspection": True,
    "/confidentiality/reverse_engineering_banned": False, "/confidentiality/derived_ip_to_discloser": True,
    "/confidentiality/trade_secrets_survive": False, "/confidentiality/definition": "marked",
    "/confidentiality/confirmation_days": 21, "/confidentiality/exclusions_proved_by": "discloser",
    "/confidentiality/permitted_recipients": {"affiliates": True}, "/confidentiality/return_certificate": True,
    "/liability": {"cap": {"kind": "amount", "amount": {"amount": 1000000, "currency": "JPY"}}},
    "/personal_data": {"provided_by": ["@first"]}, "/late_interest_percent": 5,
}
_UNDRAFTED = [(kind.name, pointer) for kind in types() for pointer in kind.undrafted]


@pytest.mark.parametrize(("name", "pointer"), _UNDRAFTED, ids=[f"{n}{p}" for n, p in _UNDRAFTED])
def test_a_shared_field_a_type_does_not_draft_is_refused_and_not_asked(name, pointer):
    """A given value the agreement has no text for would silently vanish from it: validation names it instead."""
    from conftest import EXAMPLES
    from ipclauses.interview_questions import QUESTIONS, applies

    example = next(p for p in EXAMPLES if json.loads(p.read_text(encoding="utf-8"))["type"] == name)
    data = json.loads(example.read_text(encoding="utf-8"))
    value = json.loads(json.dumps(_NOT_DEFAULT[pointer]).replace("@first", data["parties"][0]["id"]))
    *parents, last = pointer.strip("/").split("/")
    node = data
    for part in parents:
        node = node.setdefault(part, {})
    node[last] = value
    with pytest.raises(SpecError) as info:
        load_spec(data)
    assert (pointer, "rule.not_drafted") in [(p.path, p.id) for p in info.value.errors]
    asked = [q.id for q in QUESTIONS if q.pointers and all(p.startswith(pointer) for p in q.pointers)
             and applies(q, {"type": name, "language": "en", "more.confidentiality": True})]
    assert asked == [], f"the interview asks {asked} of {name}, which does not draft {pointer}"


def test_only_the_nda_drafts_copies_inspection_reverse_engineering_and_derived_ip():
    """The NDA-only articles; and a joint filing agreement has no liability article at all."""
    assert get_type("nda").undrafted == ()
    for name in SHIPPED[1:]:
        assert {"/confidentiality/copies", "/confidentiality/inspection"} <= set(get_type(name).undrafted), name
    assert "/liability" in get_type("joint_filing").undrafted
