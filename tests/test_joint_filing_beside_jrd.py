"""A joint R&D whose results are jointly owned drafts a joint patent application agreement beside it.

Each entry of `joint_filings` names a jointly made invention; the build writes
<stem>.joint-filing-N.docx with the JRD, on the JRD's own terms for jointly owned results,
and a problem with it is reported at the entry that asks for it.
"""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

import ipclauses
from conftest import load_example_data
from ipclauses import load_spec
from ipclauses.cli import main
from ipclauses.draft import make_draft
from ipclauses.errors import SpecError

INVENTION = {"title": "高靭性セラミック複合材の焼結方法",
             "inventors": [{"name": "山本一郎", "party": "asahina"}, {"name": "佐藤花子", "party": "seiryo-u"}]}


def jrd_with_filing(**changes) -> dict:
    """jrd-university-ja (results owned by their inventors, 2% non-practice compensation) with one joint invention."""
    data = load_example_data("jrd-university-ja")
    entry = {"invention": copy.deepcopy(INVENTION), "applications": [{"route": "japan"}], "filing_party": "seiryo-u",
             "effective_date": "2027-03-01", **changes}
    data["joint_filings"] = [entry]
    return data


def test_the_joint_filing_agreement_follows_the_jrds_terms_for_jointly_owned_results():
    data = jrd_with_filing()
    draft = make_draft(load_spec(data))
    [(name, companion)] = draft.companions
    assert name == "joint-filing-1"
    jf, jrd = companion.spec, draft.spec
    assert jf.type == "joint_filing" and jf.language == jrd.language == "ja"
    assert [p.legal_name for p in jf.parties] == [p.legal_name for p in jrd.parties]
    assert jf.invention.title == INVENTION["title"] and jf.procedure.filing_party == "seiryo-u"
    joint = jrd.results.joint_rules
    assert (jf.joint_rules.each_may_practise, jf.joint_rules.third_party_licensing) == (
        joint.each_may_practise, joint.third_party_licensing)
    assert jf.joint_rules.non_practice_compensation_percent == joint.non_practice_compensation_percent == 2
    assert jf.procedure.costs == joint.cost_sharing and jf.procedure.advance_notice_days == jrd.filing.advance_notice_days
    assert jf.disputes == jrd.disputes and jf.effective_date.isoformat() == "2027-03-01"
    assert INVENTION["title"] in companion.agreement.article("joint_filing.invention").text()
    assert "の2%に相当する額" in companion.agreement.article("joint_filing.own_use").text()  # the university's compensation


def test_build_writes_it_beside_the_jrd_and_it_verifies(tmp_path):
    spec = tmp_path / "jrd.json"
    spec.write_text(json.dumps(jrd_with_filing(), ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "jrd.docx")])
    assert result.exit_code == 0, result.output
    companion = tmp_path / "jrd.joint-filing-1.docx"
    assert f"wrote {companion}" in result.stderr
    record = ipclauses.inspect_docx(companion)
    assert record["custom_properties"]["agreement_type"] == "joint_filing"
    assert record["spec"]["invention"]["title"] == INVENTION["title"]
    assert ipclauses.verify(companion).exact
    assert ipclauses.inspect_docx(tmp_path / "jrd.docx")["spec"]["joint_filings"][0]["filing_party"] == "seiryo-u"


def test_all_or_nothing_an_existing_joint_filing_agreement_stops_the_build(tmp_path):
    spec = tmp_path / "jrd.json"
    spec.write_text(json.dumps(jrd_with_filing(), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "jrd.joint-filing-1.docx").write_bytes(b"kept")
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(tmp_path / "jrd.docx")])
    assert result.exit_code != 0 and "jrd.joint-filing-1.docx" in result.stderr
    assert not (tmp_path / "jrd.docx").exists(), "nothing is written when one file cannot be"
    assert (tmp_path / "jrd.joint-filing-1.docx").read_bytes() == b"kept"


@pytest.mark.parametrize(("data", "path", "english", "japanese"), [
    (lambda: {**jrd_with_filing(), "results": {**load_example_data("jrd-university-ja")["results"],
                                               "ownership": {"rule": "sole", "owner": "asahina"}}},
     "/joint_filings/0", 'but results.ownership.rule is "sole"', "results.ownership.rule が \"sole\" です"),
    (lambda: jrd_with_filing(stated_shares=[{"party": "asahina", "percent": 60}, {"party": "seiryo-u", "percent": 40}]),
     "/joint_filings/0/stated_shares", "with equal shares, remove them", "持分が均等のときは削除してください"),
    (lambda: jrd_with_filing(filing_party="nobody"), "/joint_filings/0/filing_party", "nobody", "nobody"),
    # a problem of the joint filing agreement itself is reported where the JRD spec gives the value
    (lambda: jrd_with_filing(applications=[{"route": "foreign"}]), "/joint_filings/0/applications/0/country",
     "", ""),
])
def test_a_problem_is_reported_at_the_entry_that_asks_for_it(data, path, english, japanese):
    with pytest.raises(SpecError) as info:
        load_spec(data())
    problems = [p for p in info.value.errors if p.path == path]
    assert problems, [tuple(p) for p in info.value.errors]
    assert english in problems[0].message
    assert japanese in info.value.render("ja")


def test_by_contribution_shares_need_the_inventions_shares():
    data = jrd_with_filing()
    data["results"]["ownership"] = {"rule": "joint", "shares": "by_contribution"}
    with pytest.raises(SpecError) as info:
        load_spec(data)
    assert [p.path for p in info.value.errors] == ["/joint_filings/0/stated_shares"]
    data["joint_filings"][0]["stated_shares"] = [{"party": "asahina", "percent": 70}, {"party": "seiryo-u", "percent": 30}]
    [(_, companion)] = make_draft(load_spec(data)).companions
    assert [(s.party, s.percent) for s in companion.spec.ownership.stated_shares] == [("asahina", 70), ("seiryo-u", 30)]


def test_a_jrd_without_joint_filings_drafts_nothing_beside_it():
    assert make_draft(load_spec(load_example_data("jrd-university-ja"))).companions == []
