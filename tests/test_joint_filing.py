"""The joint patent application agreement (共同出願契約): every option of every field, its checks and its summary."""

from __future__ import annotations

import copy

import pytest

from conftest import load_example_data
from ipclauses import load_spec
from ipclauses.agreement import plain
from ipclauses.checks import run_checks
from ipclauses.draft import make_draft
from ipclauses.errors import SpecError
from ipclauses.locales import get_locale

JA, EN = "joint-filing-ja", "joint-filing-en"


def _data(name: str = JA, lang: str | None = None, **changes: object) -> dict:
    """An example with fields set by dotted path (None takes the field out)."""
    data = load_example_data(name)
    if lang:
        data["language"] = lang
    for path, value in changes.items():
        node = data
        keys = path.split(".")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        if value is None:
            node.pop(keys[-1], None)
        else:
            node[keys[-1]] = copy.deepcopy(value)
    return data


def _draft(data: dict):
    return make_draft(load_spec(data))


def _article(draft, clause_id: str) -> str:
    [article] = [a for a in draft.agreement.articles if a.clause_id == clause_id]
    return "\n".join(plain(p.segments) + " " + " ".join(plain(i.segments) for i in p.items) for p in article.paragraphs)


def _variant(draft, clause_id: str) -> str:
    [article] = [a for a in draft.agreement.articles if a.clause_id == clause_id]
    return article.variant_id


def _points(draft, party: str, kind: str) -> list[str]:
    [found] = [p for p in draft.summary.parties if p.name == party]
    return [p.text for p in getattr(found, kind)]


# --- the decision table: each option picks its variant, and its values reach the text ---------------

# (field changes, clause, variant, text in English, text in Japanese)
TABLE = [
    ({"ownership": {"shares": "equal", "stated_shares": []}}, "joint_filing.shares", "equal", "in equal shares", "均等とする"),
    ({}, "joint_filing.shares", "stated", "Shares section of the Schedule", "別紙の持分の欄"),
    ({}, "joint_filing.procedure", "filing_party", "may instruct Naniwa", "弁理士法人なにわ国際特許事務所に委任"),
    ({"procedure": {"by": "joint_attorney", "attorney": "Kita Patent Firm", "costs": "by_share", "advance_notice_days": 21}},
     "joint_filing.procedure", "joint_attorney", "appoint jointly after consultation (Kita Patent Firm)", "21日前まで"),
    ({"procedure": {"by": "filing_party", "filing_party": "seiryo-u", "costs": "by_share"}},
     "joint_filing.costs", "by_share", "in proportion to their shares", "持分の割合に応じて負担する"),
    ({"procedure": {"by": "filing_party", "filing_party": "asahina", "costs": "equal"}},
     "joint_filing.costs", "equal", "by the parties equally", "両当事者が均等に負担する"),
    ({}, "joint_filing.costs", "one_party", "without bearing any of the costs", "出願費用を負担することなく"),
    ({}, "joint_filing.own_use", "free", "compensation for not practising of 2%", "正味販売額"),
    ({"joint_rules": {"each_may_practise": False}}, "joint_filing.own_use", "consent",
     "shall not unreasonably refuse or delay", "不当に拒み"),
    ({}, "joint_filing.licensing", "consent_required", "in proportion to their shares", "持分の割合に応じて配分する"),
    ({"joint_rules": {"third_party_licensing": "consent_given", "licence_income": "licensing_party"}},
     "joint_filing.licensing", "consent_given", "belongs to the licensing party", "許諾した当事者に帰属する"),
    ({"joint_rules": {"licence_income": "agree_each_time"}}, "joint_filing.licensing", "consent_required",
     "agree in writing, after consultation, how the income", "対価の配分を協議の上書面で定める"),
    ({}, "joint_filing.foreign_filing", "other_files_alone", "the declining party", "辞退当事者"),
    ({"foreign_filing": {"decided_by": "both", "costs": "agree_each_time", "if_one_declines": "no_filing"}},
     "joint_filing.foreign_filing", "no_filing", "neither party shall file for the Invention there alone", "単独で出願してはならない"),
    ({"foreign_filing": {"decided_by": "filing_party", "if_one_declines": "other_files_alone"}},
     "joint_filing.foreign_filing", "other_files_alone", "is decided by Asahina Chemical after consulting", "朝比奈化学が相手方と協議の上決定する"),
    ({}, "joint_filing.abandonment", "take_over", "at least 90 days in advance", "90日前まで"),
    ({"abandonment": {"other_may_take_over": False, "notice_days": 45}}, "joint_filing.abandonment", "consult",
     "consult in good faith", "誠実に協議する"),
    ({}, "joint_filing.term", "fixed", "ends when all the Applications", "全てが"),
    ({"term": {"months": 240, "renewal": {"automatic": True, "renewal_months": 60, "notice_days": 90}}},
     "joint_filing.term", "automatic_renewal", "for 60 months at a time", "60か月間更新"),
]


def _english_names(data: dict) -> dict:
    """The Japanese example in English needs English short names for the parties."""
    data["parties"][0]["short_name"] = "Asahina Chemical"
    data["procedure"].setdefault("attorney", None)
    if data["procedure"].get("attorney") == "弁理士法人なにわ国際特許事務所":
        data["procedure"]["attorney"] = "Naniwa International Patent Firm"
    if data["procedure"]["attorney"] is None:
        data["procedure"].pop("attorney")
    return data


@pytest.mark.parametrize("changes,clause,variant,en,ja", TABLE, ids=[f"{c}-{v}-{i}" for i, (_, c, v, _e, _j) in enumerate(TABLE)])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_option_selects_its_variant_and_its_values_reach_the_text(changes, clause, variant, en, ja, lang):
    data = _data(JA, lang)
    for key, value in changes.items():
        data[key] = {**data.get(key, {}), **value} if isinstance(value, dict) else value
    if data["procedure"].get("by") == "joint_attorney":
        data["procedure"].pop("filing_party", None)
    if data["procedure"].get("costs") != "one_party":
        data["procedure"].pop("cost_payer", None)
    if lang == "en":
        data = _english_names(data)
    draft = _draft(data)
    assert _variant(draft, clause) == variant
    assert (en if lang == "en" else ja) in _article(draft, clause)


def test_every_variant_of_the_types_own_clauses_is_in_the_table(library):
    covered = {(clause, variant) for _, clause, variant, _en, _ja in TABLE}
    own = {(c.id, v.id) for c in library.clauses_for("joint_filing") if c.id.startswith("joint_filing.") for v in c.variants}
    single = {(c.id, c.variants[0].id) for c in library.clauses_for("joint_filing")
              if c.id.startswith("joint_filing.") and len(c.variants) == 1}
    assert own - single <= covered, own - single - covered


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_compensation_paragraphs_only_with_a_rate(lang):
    data = _data(JA, lang, **{"joint_rules.non_practice_compensation_percent": None})
    if lang == "en":
        data = _english_names(data)
    text = _article(_draft(data), "joint_filing.own_use")
    assert ("net sales" not in text) if lang == "en" else ("正味販売額" not in text)
    assert ("Neither party owes the other any payment" in text) if lang == "en" else ("対価を支払うことを要しない" in text)


def test_the_schedule_lists_the_invention_applications_shares_and_countries():
    draft = _draft(_data(JA))
    text = draft.agreement.text()
    for value in ("硫化物系固体電解質粒子の被覆方法", "特願2027-145678", "2027年8月20日出願", "国際出願（PCT）",
                  "60%", "40%", "欧州特許庁", "佐伯 亮介"):
        assert value in text, value
    en = _draft(_data(EN)).agreement.text()
    for value in ("Japan Patent Office: to be filed, to be filed by 30 November 2026", "Hokuto", "50%"):
        assert value in en, value


def test_university_publication_paragraph_only_with_a_university():
    assert "may publish research results" in _article(_draft(_data(EN)), "joint_filing.confidentiality")
    data = _data(EN)
    data["parties"][0]["kind"] = "startup"
    assert "may publish research results" not in _article(_draft(data), "joint_filing.confidentiality")


# --- validation -------------------------------------------------------------------------------------

PROBLEMS = [
    ({"ownership": {"shares": "stated", "stated_shares": [{"party": "asahina", "percent": 60},
                                                          {"party": "seiryo-u", "percent": 30}]}},
     "/ownership/stated_shares", "the stated shares add up to 90%, not 100%", "合計が90%"),
    ({"ownership": {"shares": "stated", "stated_shares": [{"party": "asahina", "percent": 60}]}},
     "/ownership/stated_shares", 'gives no share for the party "seiryo-u"', "持分がありません"),
    ({"ownership": {"shares": "stated", "stated_shares": [{"party": "asahina", "percent": 50},
                                                          {"party": "asahina", "percent": 50}]}},
     "/ownership/stated_shares/1/party", "more than once", "2回以上"),
    ({"ownership": {"shares": "equal", "stated_shares": [{"party": "asahina", "percent": 50}]}},
     "/ownership/stated_shares", 'is only used with "shares": "stated"', "のときだけ使います"),
    ({"procedure": {"by": "filing_party", "costs": "by_share"}},
     "/procedure/filing_party", "needs the party that handles the application", "出願手続を行う当事者の指定"),
    ({"procedure": {"by": "joint_attorney", "filing_party": "asahina", "costs": "by_share"}},
     "/procedure/filing_party", 'is only used with "by": "filing_party"', "のときだけ使います"),
    ({"procedure": {"by": "filing_party", "filing_party": "asahina", "costs": "one_party"}},
     "/procedure/cost_payer", "needs the party that pays", "費用を負担する当事者の指定"),
    ({"procedure": {"by": "filing_party", "filing_party": "asahina", "costs": "equal", "cost_payer": "asahina"}},
     "/procedure/cost_payer", 'is only used with "costs": "one_party"', "のときだけ使います"),
    ({"applications": [{"route": "foreign"}]}, "/applications/0/country", "needs the country", "国の指定"),
    ({"applications": [{"route": "japan", "country": "Japan"}]}, "/applications/0/country",
     'is only used with "route": "foreign"', "のときだけ使います"),
    ({"procedure": {"by": "joint_attorney", "costs": "by_share"}, "foreign_filing": {"decided_by": "filing_party"}},
     "/foreign_filing/decided_by", '"filing_party" needs a filing party', "出願手続を行う当事者が必要"),
    ({"foreign_filing": {"decided_by": "filing_party", "if_one_declines": "no_filing"}},
     "/foreign_filing/if_one_declines", "cannot decide alone", "単独で決められません"),
    ({"invention": {"title": "X", "inventors": [{"name": "A", "party": "nobody"}]}},
     "/invention/inventors/0/party", '"nobody" is not a party id', "当事者 ID はありません"),
    ({"confidentiality": {"direction": "one_way"}}, "/confidentiality/direction", "", ""),
]


@pytest.mark.parametrize("changes,path,en,ja", PROBLEMS, ids=[p[1] + str(i) for i, p in enumerate(PROBLEMS)])
def test_cross_field_problems_name_the_field_in_both_languages(changes, path, en, ja):
    data = _data(JA)
    data.update(copy.deepcopy(changes))
    with pytest.raises(SpecError) as info:
        load_spec(data)
    paths = [p for p, _m in info.value.errors]
    assert path in paths, info.value.errors
    assert en in str(info.value)
    assert ja in info.value.render("ja")


def test_a_share_of_zero_or_of_everything_is_refused():
    for percent in (0, 100):
        data = _data(JA, **{"ownership.stated_shares": [{"party": "asahina", "percent": percent},
                                                         {"party": "seiryo-u", "percent": 100 - percent}]})
        with pytest.raises(SpecError):
            load_spec(data)


# --- deal checks --------------------------------------------------------------------------------------

def _findings(data: dict) -> dict:
    return {f.id: f for f in run_checks(load_spec(data))}


def test_no_revenue_for_a_university_co_owner_is_a_warning_in_both_languages():
    data = _data(EN, **{"joint_rules.licence_income": "licensing_party"})
    found = _findings(data)["joint_filing.university_no_revenue"]
    assert found.severity == "warning" and found.path == "/joint_rules/non_practice_compensation_percent"
    assert "Hokuto co-owns the invention with Mizuho but receives nothing" in found.message
    assert "Hokuto" in found.in_locale(get_locale("ja")).message and "収入もありません" in found.in_locale(get_locale("ja")).message


def test_licence_income_without_compensation_is_an_info_and_a_rate_clears_it():
    found = _findings(_data(EN))
    assert found["joint_filing.no_non_practice_compensation"].severity == "info"
    assert "joint_filing.university_no_revenue" not in found
    cleared = _findings(_data(EN, **{"joint_rules.non_practice_compensation_percent": 3}))
    assert not {"joint_filing.no_non_practice_compensation", "joint_filing.university_no_revenue"} & set(cleared)
    data = _data(EN)
    data["parties"][0]["kind"] = "startup"  # no university: nothing to say
    assert "joint_filing.no_non_practice_compensation" not in _findings(data)


def test_licence_income_left_open():
    required = _findings(_data(EN, **{"joint_rules.third_party_licensing": "consent_required",
                                      "joint_rules.licence_income": "agree_each_time"}))["joint_filing.licence_income_open"]
    assert required.severity == "info" and "needs both co-owners' consent" in required.message
    given = _findings(_data(EN, **{"joint_rules.licence_income": "agree_each_time"}))["joint_filing.licence_income_open"]
    assert given.severity == "warning" and "without asking" in given.message
    assert "相手方に断らずに" in given.in_locale(get_locale("ja")).message


def test_a_share_without_costs_names_both_parties_and_the_share():
    found = _findings(_data(JA))["joint_filing.share_without_costs"]
    assert found.severity == "info" and found.path == "/procedure/costs"
    assert "朝比奈化学 pays every cost" in found.message and "40% share" in found.message
    assert "40%の持分" in found.in_locale(get_locale("ja")).message


def test_no_take_over_rule_and_a_blocked_foreign_filing():
    found = _findings(_data(EN, **{"abandonment.other_may_take_over": False, "foreign_filing.if_one_declines": "no_filing"}))
    assert found["joint_filing.no_take_over"].severity == "warning"
    assert found["joint_filing.foreign_filing_blocked"].severity == "info"
    assert "放棄" in found["joint_filing.no_take_over"].in_locale(get_locale("ja")).message
    assert not {"joint_filing.no_take_over", "joint_filing.foreign_filing_blocked"} & set(_findings(_data(EN)))


# --- the summary: what each party may, must and cannot do ---------------------------------------------

def test_the_summary_lists_what_each_party_may_must_and_cannot_do():
    draft = _draft(_data(JA, "en"))
    for party in ("朝比奈化学", "大学"):
        may, must, cannot = (_points(draft, party, kind) for kind in ("may", "must", "cannot"))
        assert any(t.startswith("Use the invention itself without the consent") for t in may), may
        assert any("File alone, at its own cost" in t for t in may), may
        assert any("Take over, free of charge" in t for t in may), may
        assert any("give up its share" in t.lower() or "giving up its share" in t for t in must), must
        assert any(t.startswith("License the invention to others") for t in cannot), cannot
        assert any(t.startswith("Withdraw or abandon an application") for t in cannot), cannot
    assert any("Handle filing and prosecution for both" in t for t in _points(draft, "朝比奈化学", "must"))
    assert not any("Handle filing and prosecution for both" in t for t in _points(draft, "大学", "must"))
    assert any("Publish research results" in t for t in _points(draft, "大学", "may"))
    money = " ".join(p.text for p in draft.summary.money)
    assert "2% of the net sales" in money and "paid in full by 朝比奈化学" in money


def test_the_summary_overview_names_the_invention_in_both_languages():
    assert "“Grip-force control for a soft robotic hand" in " ".join(_draft(_data(EN)).summary.overview)
    assert "発明「硫化物系固体電解質粒子の被覆方法" in " ".join(_draft(_data(JA)).summary.overview)


@pytest.mark.parametrize(("field", "value", "path"), [
    ("liability", {"cap": {"kind": "amount", "amount": {"amount": 1000000, "currency": "JPY"}}}, "/liability"),
    ("personal_data", {"provided_by": ["hokuto-u"]}, "/personal_data"),
    ("confidentiality", {"definition": "marked", "survival_years": 3}, "/confidentiality/definition"),
])
def test_what_a_joint_filing_agreement_does_not_draft_is_refused_not_dropped(field, value, path):
    """A liability cap, personal data or a confidentiality option the agreement has no text for would vanish."""
    data = load_example_data("joint-filing-en")
    data[field] = value
    with pytest.raises(SpecError) as info:
        load_spec(data)
    assert [p.path for p in info.value.errors] == [path]
    assert "remove it" in info.value.errors[0].message and "削除してください" in info.value.render("ja")


def test_the_interview_asks_a_joint_filing_only_what_it_drafts():
    from ipclauses.interview_questions import QUESTIONS, applies

    answers = {"type": "joint_filing", "language": "ja"}
    asked = {q.id for q in QUESTIONS if applies(q, answers)}
    assert "confidentiality.survival_years" in asked
    assert not {q for q in asked if q.startswith(("liability.", "personal_data.", "confidentiality.definition"))}
    assert "liability.cap.kind" in {q.id for q in QUESTIONS if applies(q, {**answers, "type": "jrd"})}
