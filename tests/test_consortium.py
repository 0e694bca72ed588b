"""The consortium agreement (issue 15): three or more parties. Every option of every field reaches its clause
variant and text in both languages, the cross-field rules, the deal checks, and the summary's lists of what each of
the N parties may, must and cannot do."""

import copy

import pytest

from conftest import example_with
from drafts import article_text as _text
from drafts import clause_ids as _ids
from drafts import refusals as _refused
from drafts import variant_of as _variant
from ipclauses import SpecError, load_spec
from ipclauses.draft import make_draft
from ipclauses.locales import get_locale

EN, JA = "consortium-en", "consortium-ja"


def _data(example: str = EN, language: str | None = None, **changes) -> dict:
    return example_with(example, language, removes=None, **changes)


def _draft(example: str = EN, language: str | None = None, **changes):
    return make_draft(load_spec(_data(example, language, **changes)))


# --- the decision table: each option, its variant and its words, in English and Japanese ----------------------

# (changes to the example, clause, variant, words in the English text, words in the Japanese text)
TABLE = [
    ({"consortium__committee__voting": "majority"}, "consortium.steering_committee", "majority",
     "by a majority of the votes of the parties present", "出席した当事者の議決権の過半数"),
    ({"consortium__committee__voting": "unanimity", "consortium__committee__unanimous_matters": None},
     "consortium.steering_committee", "unanimity", "decides with the consent of all parties", "全当事者の同意によって行う"),
    ({"consortium__committee__unanimous_matters": ["work_plan", "budget", "new_member", "exclusion", "early_end"]},
     "consortium.steering_committee", "majority", "adding or removing a Work Package", "作業項目の追加、削除"),
    ({"consortium__committee__unanimous_matters": ["early_end"]}, "consortium.steering_committee", "majority",
     "stopping the Project", "本プロジェクトの中止"),
    ({"consortium__committee__unanimous_matters": []}, "consortium.steering_committee", "majority",
     "each party having 1 vote", "1個の議決権"),
    ({"consortium__committee__background_veto": True}, "consortium.steering_committee", "majority",
     "unless that party consents", "当該当事者が同意しない限り"),
    ({"consortium__committee__deadlock": "escalation"}, "consortium.steering_committee", "majority",
     "officers of each party responsible for the Project", "役員による協議"),
    ({"consortium__committee__deadlock": "coordinator_casting_vote"}, "consortium.steering_committee", "majority",
     "the chair has the casting vote", "議長が決する"),
    ({"consortium__committee__deadlock": "none"}, "consortium.steering_committee", "majority",
     "The Steering Committee has no power to amend", "運営委員会は、本契約を変更し"),
    ({"consortium__committee__members_per_party": 2, "consortium__committee__meets_every_months": 4},
     "consortium.steering_committee", "majority", "of 2 members appointed by each party", "4か月に1回以上"),
    ({"membership__leaving": "notice", "membership__leaving_notice_days": 120}, "consortium.withdrawal", "notice",
     "at least 120 days in advance", "120日前までに"),
    ({"membership__leaving": "consent", "membership__leaving_notice_days": None}, "consortium.withdrawal", "consent",
     "only with the approval of the Steering Committee", "運営委員会の承認を得た場合に限り"),
    ({"membership__leaving": "unstated", "membership__leaving_notice_days": None}, "consortium.withdrawal", "unstated",
     "The Steering Committee may exclude a party", "運営委員会は、当該当事者を除名することができる"),
    ({"membership__leaver_results": "keeps"}, "consortium.withdrawal", "notice",
     "remain its own, and the other parties keep their Access Rights", "引き続き脱退当事者に帰属し"),
    ({"membership__leaver_results": "assigns_to_remaining"}, "consortium.withdrawal", "notice",
     "shall assign the rights in the Results it created", "運営委員会が指定する当事者に譲渡しなければならない"),
    ({"membership__leaver_access": "until_leaving"}, "consortium.withdrawal", "notice",
     "keeps its Access Rights for exploitation", "事業化のためのアクセス権を引き続き有し"),
    ({"membership__leaver_access": "none"}, "consortium.withdrawal", "notice",
     "loses all its Access Rights", "すべてのアクセス権を失う"),
    ({"termination__insolvency": True, "termination__change_of_control": True}, "consortium.withdrawal", "notice",
     "a majority of whose voting rights a third party acquires", "破産手続"),
    ({"membership__new_members": True}, "consortium.new_members", "accession", "accession document", "加入の書面"),
    ({"ownership__rule": "creator"}, "consortium.results", "creator", "belongs to the party that created it",
     "当該本成果を創出した当事者に帰属する"),
    ({"ownership__rule": "joint_creators", "ownership__joint_shares": "equal"}, "consortium.results", "joint_creators",
     "in equal shares", "均等とする"),
    ({"ownership__rule": "joint_creators", "ownership__joint_shares": "by_contribution"}, "consortium.results",
     "joint_creators", "according to each one's contribution", "貢献度に応じて"),
    ({"ownership__rule": "lead_party", "ownership__lead_party": "tohoku-denki"}, "consortium.results", "lead_party",
     "belong to Tohoku Precision", "東北精機に帰属する"),
    ({"access__request_months": 18}, "consortium.access_rights", "standard", "within 18 months after the Project ends",
     "18か月以内"),
    ({"publication__notice_days": 60, "publication__objection_days": 20, "publication__delay_days": 120},
     "consortium.publication", "objection", "Within 20 days after receiving that notice", "120日を超えない"),
    ({"funding__bayh_dole": True}, "consortium.funding", "bayh_dole", "article 17 of the Industrial Technology Enhancement Act",
     "産業技術力強化法第十七条"),
    ({"funding__bayh_dole": False}, "consortium.funding", "funder_terms", "the Funding Terms prevail",
     "資金提供条件が優先する"),
    ({"funding__report_days": 30}, "consortium.funding", "bayh_dole", "within 30 days after creating it", "30日以内"),
    ({"confidentiality__definition": "marked_or_confirmed"}, "consortium.confidentiality", "marked_or_confirmed",
     "identified as confidential in a written notice within 14 days", "14日以内に秘密である旨を明示した書面"),
    ({"confidentiality__definition": "marked", "confidentiality__confirmation_days": None}, "consortium.confidentiality",
     "marked", "clearly marked as confidential", "秘密である旨が明示されたもの"),
    ({"confidentiality__definition": "all_disclosed", "confidentiality__confirmation_days": None},
     "consortium.confidentiality", "all_disclosed", "in whatever form it is disclosed", "開示の方法を問わないもの"),
    ({"liability__cap__kind": "none"}, "consortium.liability", "no_cap", "excluding lost profits", "逸失利益を含まない"),
    ({"liability__cap": {"kind": "amount", "amount": {"amount": 10000000}}}, "consortium.liability", "amount",
     "is limited to JPY 10,000,000", "金10,000,000円を上限とする"),
    ({"disputes__forum": "court"}, "consortium.disputes", "court", "Sendai District Court", "仙台地方裁判所"),
    ({"disputes__forum": "ip_mediation_then_court", "disputes__mediation_months": 2}, "consortium.disputes",
     "ip_mediation_then_court", "within 2 months after the request", "2か月を経過しても"),
    ({"disputes": {"forum": "arbitration", "court": None, "arbitration": {"institution": "JCAA", "seat": "Tokyo"}}},
     "consortium.disputes", "arbitration", "Japan Commercial Arbitration Association", "日本商事仲裁協会"),
    ({"signing__electronic": False, "signing__counterparts": False}, "consortium.general", "standard",
     "as many originals of this Agreement as there are parties", "当事者の数だけ作成し"),
]


@pytest.mark.parametrize("changes,clause,variant,english,japanese", TABLE,
                         ids=[f"{c}:{v}:{i}" for i, (_, c, v, _, _) in enumerate(TABLE)])
def test_each_option_selects_its_variant_and_its_words_reach_the_text(changes, clause, variant, english, japanese):
    for language, words in (("en", english), ("ja", japanese)):
        if "disputes" in changes and language == "ja" and changes["disputes"].get("forum") == "arbitration":
            changes = {**changes, "disputes": {**changes["disputes"], "arbitration": {"institution": "JCAA", "seat": "東京"}}}
        draft = _draft(EN if language == "en" else JA, **copy.deepcopy(changes))
        assert _variant(draft, clause) == variant
        assert words in _text(draft, clause), f"{language}: {words!r} not in {clause}"


def test_every_option_of_every_field_is_in_the_table():
    """The decision table covers each option of each consortium field that chooses a variant or words."""
    from typing import get_args

    from ipclauses.agreement_types.consortium import ConsortiumCommittee, ConsortiumOwnership, Membership

    covered = {(k, v if not isinstance(v, list) else tuple(v)) for changes, *_ in TABLE for k, v in changes.items()
               if not isinstance(v, dict)}
    for model, prefix in ((ConsortiumCommittee, "consortium__committee__"), (Membership, "membership__"),
                          (ConsortiumOwnership, "ownership__")):
        for name, info in model.model_fields.items():
            options = get_args(info.annotation)
            if options and all(isinstance(o, str) for o in options):
                for option in options:
                    assert (prefix + name, option) in covered, (prefix + name, option)


def test_the_funding_article_is_left_out_without_public_funding_and_new_members_without_accession():
    draft = _draft(funding=None, membership__new_members=False)
    assert "consortium.funding" not in _ids(draft)
    assert "consortium.new_members" not in _ids(draft)
    assert "Funder" not in draft.agreement.text()


def test_the_exploitation_terms_are_listed_per_party_in_the_schedule_by_kind():
    draft = _draft(access__exploitation__large_company="separate_agreement", access__exploiters=[])
    rows = dict(next(s for s in draft.agreement.schedule if s.heading == "Access rights for exploitation").rows)
    assert rows["Kitakami Tech"] == "royalty-free"
    assert rows["SoftGrip"] == "on fair and reasonable terms"
    assert rows["Oshu Foods"] == rows["Tohoku Precision"] == "only by a separate agreement"
    ja = _draft(JA)
    rows = dict(next(s for s in ja.agreement.schedule if s.heading == "事業化のためのアクセス権").rows)
    assert rows["北上工大"] == "無償で" and rows["東北精機"] == "公正かつ合理的な条件で"
    assert "WP2 柔軟ハンド（担当：ソフトグリップ）" in dict(next(s for s in ja.agreement.schedule if s.heading == "作業項目").rows)


def consortium_with(count: int) -> dict:
    """The English example with `count` parties: the coordinator, then members of each kind, each with its own work
    package, budget line and background (bench/run builds the same specs to time them)."""
    data = _data()
    kinds = ["startup", "large_company", "large_company", "other", "university"]
    first = data["parties"][0]
    parties = [first] + [{**copy.deepcopy(data["parties"][1]), "id": f"member-{n}", "legal_name": f"Member {n} K.K.",
                          "short_name": f"Member {n}", "kind": kinds[(n - 1) % len(kinds)]} for n in range(1, count)]
    data["parties"] = parties
    data["project"].pop("roles")
    data["consortium"]["work_packages"] = [{"name": f"WP{n + 1}", "lead": p["id"], "tasks": f"Work package {n + 1}"}
                                           for n, p in enumerate(parties)]
    data["consortium"]["budget"] = [{"party": p["id"], "amount": {"amount": 1000000 * (n + 1)}} for n, p in enumerate(parties)]
    data["background_ip"]["items"] = [{"party": p["id"], "description": f"Know-how {n + 1}"} for n, p in enumerate(parties)]
    data["access"]["exploiters"] = [p["id"] for p in parties[1:3]]
    return data


# --- the parties: three or more, one coordinator ------------------------------------------------------------------


def test_a_consortium_needs_three_parties_and_exactly_one_coordinator():
    data = _data()
    data["parties"] = data["parties"][:2]
    data["consortium"]["work_packages"] = data["consortium"]["work_packages"][:2]
    data["consortium"]["budget"] = data["consortium"]["budget"][:2]
    data["background_ip"]["items"] = data["background_ip"]["items"][:2]
    data["access"]["exploiters"] = ["softgrip"]
    assert any(path == "/parties" for path, _ in _refused(data))
    data = _data()
    data["parties"][1]["role"] = "coordinator"
    assert any("coordinator" in message for _, message in _refused(data))
    data = _data()
    data["parties"][2]["role"] = "party"
    assert _refused(data)


@pytest.mark.parametrize("count", [3, 6, 12])
def test_it_builds_for_any_number_of_parties_and_lists_what_each_may_must_and_cannot_do(count):
    draft = make_draft(load_spec(consortium_with(count)))
    summary = draft.summary
    assert len(summary.parties) == count
    for party in summary.parties:
        assert party.may and party.must and party.cannot
    assert len(draft.agreement.parties) == count


# --- the cross-field rules ----------------------------------------------------------------------------------------

REFUSED = [
    ({"membership__leaving": "consent", "membership__leaving_notice_days": 30}, "/membership/leaving_notice_days",
     "consortium.notice_days_unused"),
    ({"ownership__rule": "lead_party"}, "/ownership/lead_party", "consortium.lead_party_missing"),
    ({"ownership__lead_party": "softgrip"}, "/ownership/lead_party", "consortium.lead_party_unused"),
    ({"ownership__joint_shares": "equal"}, "/ownership/joint_shares", "consortium.joint_shares_unused"),
    ({"consortium__committee__voting": "unanimity", "consortium__committee__unanimous_matters": ["budget"]},
     "/consortium/committee/unanimous_matters",
     "consortium.unanimous_matters_unused"),
    ({"consortium__committee__unanimous_matters": ["budget", "budget"]}, "/consortium/committee/unanimous_matters",
     "consortium.matter_twice"),
    ({"consortium__committee__voting": "unanimity", "consortium__committee__unanimous_matters": None,
      "consortium__committee__deadlock": "coordinator_casting_vote"}, "/consortium/committee/deadlock",
     "consortium.casting_vote_with_unanimity"),
    ({"publication__objection_days": 45}, "/publication/objection_days", "consortium.objection_after_publication"),
    ({"term__renewal": {"automatic": True}}, "/term/renewal/automatic", "consortium.no_renewal"),
    ({"late_interest_percent": 3}, "/late_interest_percent", "rule.not_drafted"),
    ({"access__exploiters": ["nobody"]}, "/access/exploiters/0", "rule.not_a_party"),
    ({"consortium__budget": [{"party": "softgrip", "amount": {"amount": 1}},
                             {"party": "softgrip", "amount": {"amount": 2}}]}, "/consortium/budget/1/party",
     "rule.listed_twice"),
    ({"consortium__budget": [{"party": "softgrip", "amount": {"amount": 1, "currency": "USD"}},
                             {"party": "kitakami-u", "amount": {"amount": 2}}]}, "/consortium/budget",
     "consortium.budget_currencies"),
    ({"confidentiality__announcement": "either_may_announce"}, "/confidentiality/announcement", "rule.no_announcement"),
]


@pytest.mark.parametrize("changes,path,message_id", REFUSED, ids=[m for _, _, m in REFUSED])
def test_cross_field_rules_name_the_field_in_both_languages(changes, path, message_id):
    data = _data(**copy.deepcopy(changes))
    with pytest.raises(SpecError) as caught:
        load_spec(data)
    problems = [p for p in caught.value.errors if p.path == path]
    assert problems, [(p.path, p.message) for p in caught.value.errors]
    assert any(p.message_id == message_id for p in problems) if hasattr(problems[0], "message_id") else True
    assert caught.value.render("ja") != caught.value.render("en")


def test_a_party_that_leads_no_work_package_is_refused():
    data = _data()
    data["consortium"]["work_packages"] = data["consortium"]["work_packages"][:3]
    assert ("/parties/3", '"tohoku-denki" leads no work package (give it one, or remove the party)') in _refused(data)


# --- the deal checks -----------------------------------------------------------------------------------------------


def _findings(example: str = EN, **changes) -> dict[str, object]:
    return {f.id: f for f in _draft(example, **changes).findings}


def test_the_examples_have_no_findings():
    assert not _findings(EN) and not _findings(JA)


@pytest.mark.parametrize("changes,finding_id,words_en,words_ja", [
    ({"consortium__committee__deadlock": "none"}, "consortium.no_deadlock_rule", "steering committee of 4 parties",
     "4者による運営委員会"),
    ({"membership__leaving": "unstated", "membership__leaving_notice_days": None}, "consortium.no_leaving_rule",
     "how a member may leave", "脱退する手続"),
    ({"access__exploitation__large_company": "separate_agreement"}, "consortium.exploiter_without_access",
     "Tohoku Precision is to exploit the results", "Tohoku Precisionが成果を事業化する予定"),
    ({"access__exploiters": []}, "consortium.no_exploiter", "No party is named", "事業化する当事者が定められていません"),
    ({"ownership__rule": "lead_party", "ownership__lead_party": "tohoku-denki"}, "consortium.transfer_needs_approval",
     "NEDO", "承認"),
    ({"publication__delay_days": 180}, "university.long_publication_delay", "180 days", "180日"),
    ({"consortium__budget": [{"party": "softgrip", "amount": {"amount": 1}}]}, "consortium.party_without_budget",
     "has no line in the budget", "予算が定められていません"),
    ({"background_ip__items": []}, "consortium.background_unlisted", "No party lists its background", "バックグラウンドを記載していません"),
])
def test_each_deal_check_fires_with_its_words_in_both_languages(changes, finding_id, words_en, words_ja):
    found = _findings(**copy.deepcopy(changes))
    assert finding_id in found, list(found)
    finding = found[finding_id]
    assert words_en in finding.message + finding.why
    japanese = finding.in_locale(get_locale("ja"))
    assert words_ja in japanese.message + japanese.why


# --- the summary: what each of the N parties may, must and cannot do ----------------------------------------------


def test_the_summary_lists_each_partys_own_duties_and_the_coordinators_extra_ones():
    summary = _draft().summary
    by_name = {p.name: p for p in summary.parties}
    assert set(by_name) == {"Kitakami Tech", "SoftGrip", "Oshu Foods", "Tohoku Precision"}
    coordinator = " ".join(e.text for e in by_name["Kitakami Tech"].must)
    member = " ".join(e.text for e in by_name["SoftGrip"].must)
    assert "As coordinator" in coordinator and "As coordinator" not in member
    assert "WP2 Soft gripper" in member and "WP2 Soft gripper" not in coordinator
    assert any("Veto" in e.text for e in by_name["Oshu Foods"].may)
    assert any("without the Funder's prior approval" in e.text for e in by_name["Tohoku Precision"].cannot)
    assert "4 parties carry out one project together, in 4 work packages; Kitakami Tech coordinates." in summary.overview
