"""Deal checks, table-driven: for every check, a spec that triggers it and one that does not."""

import copy

import pytest

from conftest import load_example_data
from ipclauses import check, load_spec
from ipclauses.checks import CHECKS


def _set(data, path, value):
    keys = path.split(".")
    node = data
    for key in keys[:-1]:
        node = node[int(key)] if isinstance(node, list) else node.setdefault(key, {})
    if value is _DELETE:
        node.pop(keys[-1], None)
    else:
        node[keys[-1]] = value


_DELETE = object()


def spec(example: str, **changes):
    data = copy.deepcopy(load_example_data(example))
    for path, value in changes.items():
        _set(data, path.replace("__", "."), value)
    return load_spec(data)


def ids(findings):
    return {f.id for f in findings}


# (check id, severity, spec that triggers it, spec that does not)
CASES = [
    ("purpose.vague", "error",
     lambda: spec("poc-ai-en", purpose__description="Business collaboration."),
     lambda: spec("poc-ai-en")),
    ("purpose.vague", "error",
     lambda: spec("nda-mutual-ja", purpose__description="協業の検討"),
     lambda: spec("nda-mutual-ja")),
    ("project.objective_missing", "warning",
     lambda: spec("poc-ai-en", project__objective=_DELETE),
     lambda: spec("poc-ai-en")),
    ("project.kpis_missing", "info",
     lambda: spec("poc-ai-en", project__kpis=[]),
     lambda: spec("poc-ai-en")),
    ("project.roles_missing", "info",
     lambda: spec("poc-ai-en", project__roles=[]),
     lambda: spec("poc-ai-en")),
    ("project.decision_maker_missing", "info",
     lambda: spec("poc-ai-en", project__decision_maker=_DELETE),
     lambda: spec("poc-ai-en")),
    ("parties.mixed_script_name", "warning",
     lambda: spec("poc-ai-en", parties__0__legal_name="\u0422okai Precision Components Co., Ltd."),
     lambda: spec("jrd-university-ja", parties__0__short_name="東和マテリアルズ Towa")),
    ("ownership.joint_rules_default", "warning",
     lambda: spec("jrd-university-ja", results__joint_rules=_DELETE),
     lambda: spec("jrd-university-ja")),
    ("ownership.decide_later", "warning",
     lambda: spec("jrd-startup-ja", results__ownership={"rule": "decide_later"}, licence=_DELETE),
     lambda: spec("jrd-startup-ja")),
    ("licence.exclusive_no_period", "warning",
     lambda: spec("license-en", licence__exclusivity="exclusive", licence__exclusive_months=_DELETE, licence__exclusive_perpetual=True,
                  licence__non_use_fallback_months=_DELETE),
     lambda: spec("license-en")),
    ("licence.exclusive_no_field", "warning",
     lambda: spec("license-en", licence__field=_DELETE, licence__products=_DELETE),
     lambda: spec("license-en")),
    ("licence.exclusive_no_fallback", "warning",
     lambda: spec("license-en", licence__non_use_fallback_months=_DELETE),
     lambda: spec("license-en")),
    ("licence.exclusive_no_minimum", "info",
     lambda: spec("license-en", licence__royalty__minimum_annual=_DELETE),
     lambda: spec("license-en")),
    ("licence.no_affiliate_sublicence", "info",
     lambda: spec("license-en", licence__sublicensing="none"),
     lambda: spec("license-en", licence__sublicensing="affiliates")),
    ("background.no_exploitation_licence", "warning",
     lambda: _background_case(True),
     lambda: _background_case(False)),
    ("university.no_publication_right", "warning",
     lambda: spec("jrd-university-ja", publication__academic_freedom=False),
     lambda: spec("jrd-university-ja")),
    ("university.long_publication_delay", "info",
     lambda: spec("jrd-university-ja", publication__delay_days=180),
     lambda: spec("jrd-university-ja", publication__delay_days=60)),
    ("confidentiality.survival_shorter_than_licence", "warning",
     lambda: spec("license-grantback-en"),
     lambda: spec("license-grantback-en", confidentiality__survival_years=30)),
    ("confidentiality.trade_secrets_expire", "warning",
     lambda: spec("nda-mutual-ja", confidentiality__trade_secrets_survive=False),
     lambda: spec("nda-mutual-ja")),
    ("confidentiality.marked_only", "info",
     lambda: spec("poc-ai-en", confidentiality__definition="marked"),
     lambda: spec("poc-ai-en", confidentiality__definition="marked_or_confirmed")),
    ("poc.free", "warning",  # the startup does the work for nothing
     lambda: spec("poc-ai-en", poc__fee={"amount": 0, "currency": "JPY"}),
     lambda: spec("poc-ai-en")),
    ("poc.free", "info",  # a larger provider may choose to
     lambda: spec("poc-ai-en", poc__fee={"amount": 0, "currency": "JPY"}, parties__1__kind="large_company"),
     lambda: spec("poc-ai-en", parties__1__kind="large_company")),
    ("purpose.vague", "error",  # long enough, but names no technology, product or deliverable
     lambda: spec("nda-mutual-ja", purpose__description="両社間の新規事業に関する協業の可能性の検討"),
     lambda: spec("nda-mutual-ja", purpose__description="セルロースナノファイバー強化樹脂のロボット外装部品への適用可能性の検討")),
    ("purpose.vague", "error",  # party names are not content
     lambda: spec("poc-ai-en", purpose__description="Exploring a future business partnership between Tokai and LumiVision"),
     lambda: spec("poc-ai-en", purpose__description="Testing LumiVision's defect detection model on Tokai's valve bodies")),
    ("licence.assign_back_improvements", "warning",
     lambda: spec("license-en", improvements__owner="original_owner"),
     lambda: spec("license-en")),
    ("licence.sublicensable_grant_back", "warning",
     lambda: spec("license-grantback-en"),
     lambda: spec("license-grantback-en", improvements__grant_back="non_exclusive_free")),
    ("jrd.non_compete_own_rnd", "error",  # a startup is a party
     lambda: spec("jrd-startup-ja", non_compete__after_term="own_and_third_parties"),
     lambda: spec("jrd-startup-ja")),
    ("personal_data.unstated", "info",  # line images that may show operators; the spec says nothing
     lambda: spec("poc-ai-en"),
     lambda: spec("poc-ai-en", personal_data={"provided_by": []})),
    ("term.renews_after_licence", "warning",
     lambda: spec("license-grantback-en", term__renewal={"automatic": True, "renewal_months": 24, "notice_days": 180}),
     lambda: spec("license-grantback-en")),
    ("licence.licensee_prosecutes_non_exclusive", "warning",
     lambda: spec("license-grantback-en", prosecution={"by": "licensee"}),
     lambda: spec("license-grantback-en")),
    ("licence.no_sublicence_income_share", "info",
     lambda: spec("license-en", licence__sublicensing="free"),
     lambda: spec("license-en", licence__sublicensing="free", licence__royalty__sublicence_income_percent=20)),
    ("ownership.copyright_decide_later", "warning",
     lambda: spec("jrd-startup-ja", results__copyright_ownership={"rule": "decide_later"}),
     lambda: spec("jrd-startup-ja")),
    ("ownership.joint_blocks_startup", "warning",
     lambda: spec("jrd-startup-ja", results__ownership={"rule": "joint"}, licence=_DELETE,
                  results__joint_rules={"third_party_licensing": "consent_required"}),
     lambda: spec("jrd-startup-ja", results__ownership={"rule": "joint"}, licence=_DELETE,
                  results__joint_rules={"third_party_licensing": "consent_given"})),
    ("non_compete.broad", "warning",
     lambda: spec("jrd-startup-ja", non_compete={"scope": "電池", "months": 60}),
     lambda: spec("jrd-startup-ja", non_compete={"scope": "電動車両用パワーモジュール向け放熱シートの共同開発", "months": 12})),
    ("liability.one_sided_cap", "warning",
     lambda: spec("license-grantback-en"),
     lambda: spec("license-grantback-en", liability={"cap": {"kind": "fees_paid"}})),
    ("disputes.law_court_mismatch", "info",
     lambda: spec("poc-ai-en", disputes={"governing_law": "new_york", "forum": "court", "court": "Tokyo District Court"}),
     lambda: spec("poc-ai-en", disputes={"governing_law": "japan", "forum": "court", "court": "Tokyo District Court"})),
    ("nda.one_way_against_startup", "info",
     lambda: _one_way_nda("large_company", "startup"),
     lambda: _one_way_nda("startup", "large_company")),
    ("licence.no_audit", "info",
     lambda: spec("license-en", licence__royalty__audit=False),
     lambda: spec("license-en")),
    ("liability.cap_zero", "warning",
     lambda: spec("poc-ai-en", poc__fee={"amount": 0, "currency": "JPY"}, liability={"cap": {"kind": "fees_paid"}}),
     lambda: spec("poc-ai-en", liability={"cap": {"kind": "fees_paid"}})),
    ("licence.exclusivity_outlasts_licence", "warning",
     lambda: spec("license-en", licence__term={"kind": "years", "years": 2}),
     lambda: spec("license-en", licence__term={"kind": "years", "years": 5})),
    ("term.notice_longer_than_term", "warning",
     lambda: spec("nda-mutual-ja", term={"months": 1, "renewal": {"automatic": True, "notice_days": 90}}),
     lambda: spec("nda-mutual-ja", term={"months": 12, "renewal": {"automatic": True, "notice_days": 30}})),
]


def _background_case(needed: bool):
    data = copy.deepcopy(load_example_data("jrd-startup-ja"))
    company = next(p for p in data["parties"] if p["kind"] == "large_company")
    startup = next(p for p in data["parties"] if p["kind"] == "startup")
    data["results"]["ownership"] = {"rule": "sole", "owner": company["id"]}
    data.pop("licence", None)
    data["background_ip"] = {
        "items": [{"party": startup["id"], "description": "放熱フィラーの表面処理技術"}],
        "licence_for_exploitation": "negotiate" if needed else "non_exclusive_reasonable",
    }
    return load_spec(data)


def _one_way_nda(discloser_kind, recipient_kind):
    data = copy.deepcopy(load_example_data("nda-mutual-ja"))
    data["confidentiality"]["direction"] = "one_way"
    data["parties"][0].update(kind=discloser_kind, role="discloser")
    data["parties"][1].update(kind=recipient_kind, role="recipient")
    return load_spec(data)


@pytest.mark.parametrize("check_id,severity,triggering,clean", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_check_triggers_only_when_it_should(check_id, severity, triggering, clean):
    found = [f for f in check(triggering()) if f.id == check_id]
    assert found, f"{check_id} did not fire"
    finding = found[0]
    assert finding.severity == severity
    assert finding.path.startswith("/")
    assert finding.message and finding.why and finding.fix
    assert check_id not in ids(check(clean()))


def test_every_check_has_a_case():
    """Every finding id declared by the shared checks and by each agreement type's checks."""
    covered = {c[0] for c in CASES}
    import importlib
    import inspect
    import re

    from ipclauses import agreement_types, checks

    modules = [checks] + [importlib.import_module(f"ipclauses.agreement_types.{kind.name}") for kind in agreement_types.types()]
    declared = {i for m in modules for i in re.findall(r'Finding\(\s*"([a-z_.]+)"', inspect.getsource(m))}
    assert declared <= covered, declared - covered
    assert len(CHECKS) >= 15
    assert sum(len(kind.checks) for kind in agreement_types.types()) >= 4


def test_shared_checks_ask_the_agreement_type():
    # marked-only confidentiality matters where the work itself shows samples (PoC, joint R&D), not in a bare NDA
    marked = dict(confidentiality__definition="marked", confidentiality__reverse_engineering_banned=False,
                  confidentiality__inspection=False)
    assert "confidentiality.marked_only" not in ids(check(spec("nda-mutual-ja", **marked)))
    assert "confidentiality.marked_only" in ids(check(spec("jrd-university-ja", confidentiality__definition="marked")))
    # a licence shares no samples, and drafts no reverse-engineering ban whatever the (default) option says
    assert "confidentiality.marked_only" not in ids(check(spec("license-en", confidentiality__definition="marked")))
    # a cap at the fees paid is zero where the type says nothing is paid: a royalty-free licence
    free = dict(licence__royalty={"kind": "free"}, liability={"cap": {"kind": "fees_paid"}})
    assert "liability.cap_zero" in ids(check(spec("license-en", **free)))
    assert "liability.cap_zero" not in ids(check(spec("license-en", liability={"cap": {"kind": "fees_paid"}})))


def test_examples_have_no_error_findings():
    from conftest import EXAMPLES

    for path in EXAMPLES:
        errors = [f for f in check(load_spec(path)) if f.severity == "error"]
        assert not errors, (path.name, errors)


def test_check_cli_fail_on_and_json():
    import json

    from click.testing import CliRunner

    from conftest import ROOT
    from ipclauses.cli import main

    runner = CliRunner()
    path = ROOT / "examples" / "license-grantback-en.json"
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 0  # warnings only; default fails on errors
    result = runner.invoke(main, ["check", "--fail-on", "warning", str(path)])
    assert result.exit_code == 1
    report = json.loads(runner.invoke(main, ["check", "--json", str(path)]).stdout)
    assert {"id", "severity", "path", "message", "why", "fix"} <= set(report[0]["findings"][0])


def test_build_refuses_error_findings_unless_told(tmp_path):
    import json

    from click.testing import CliRunner

    from ipclauses.cli import main

    data = load_example_data("poc-ai-en")
    data["purpose"]["description"] = "Business collaboration."
    path = tmp_path / "vague.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(path)])
    assert result.exit_code == 1
    assert "--despite-errors" in result.stderr and "purpose.vague" in result.stderr
    assert not (tmp_path / "vague.docx").exists()
    result = runner.invoke(main, ["build", str(path), "--despite-errors"])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "vague.docx").exists() and (tmp_path / "vague.summary.html").exists()


@pytest.mark.parametrize(("law", "court", "mismatch"), [
    ("new_york", "United States District Court for the Southern District of New York", False),
    ("japan", "United States District Court for the Southern District of New York", True),
    ("japan", "Intellectual Property High Court", False),
    ("england_wales", "High Court of Justice of England and Wales, Business and Property Courts", False),
    ("singapore", "Tokyo District Court", True),
    ("japan", "名古屋地方裁判所", False),
])
def test_a_court_is_placed_by_its_name_not_by_the_words_district_court(law, court, mismatch):
    found = check(spec("poc-ai-en", disputes={"governing_law": law, "forum": "court", "court": court}))
    assert ("disputes.law_court_mismatch" in {f.id for f in found}) is mismatch


def test_a_perpetual_exclusive_licence_with_a_way_out_is_noted_not_warned():
    perpetual = {"licence__exclusivity": "exclusive", "licence__exclusive_months": _DELETE, "licence__exclusive_perpetual": True}
    trapped = [f for f in check(spec("license-en", **perpetual, licence__non_use_fallback_months=_DELETE))
               if f.id == "licence.exclusive_no_period"]
    assert [f.severity for f in trapped] == ["warning"]
    noted = [f for f in check(spec("license-en", **perpetual)) if f.id == "licence.exclusive_no_period"]  # 12 months' non-use ends it
    assert [f.severity for f in noted] == ["info"]
