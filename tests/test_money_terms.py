"""Issue 12, money terms the clause text used to fix by itself: the late-payment rate, the royalty currency,
the days to pay research costs, the option fee, a royalty for background IP and compensation for not
practising jointly owned results (不実施補償), with the checks that go with them."""


import pytest

from conftest import EXAMPLES, example_with, load_example_data
from ipclauses import SpecError, check, load_spec
from ipclauses.agreement import plain
from ipclauses.draft import make_draft
from ipclauses.library import load_library


def deal(example: str, lang: str | None = None, **changes):
    """An example spec with fields changed by path (licence__royalty__currency="EUR"); None removes a field."""
    return load_spec(example_with(example, lang, removes=None, **changes))


def article_text(draft, clause_id: str) -> str:
    article = draft.agreement.article(clause_id)
    return "\n".join(plain(p.segments) + "".join("\n" + plain(i.segments) for i in p.items) for p in article.paragraphs)


def money_points(draft, clause_id: str) -> list[str]:
    return [p.text for p in draft.summary.money if p.article_id == clause_id]


def refused(example: str, **changes) -> dict[str, str]:
    with pytest.raises(SpecError) as caught:
        deal(example, **changes)
    return {p.path: p.message for p in caught.value.errors}


def ids(spec) -> set[str]:
    return {f.id for f in check(spec)}


POC_LICENCE = {
    "subject": ["patents", "know_how"], "territory": ["worldwide"], "exclusivity": "non_exclusive", "sublicensing": "none",
    "term": {"kind": "agreement_term"},
    "royalty": {"kind": "paid", "running_percent": 2, "upfront": {"amount": 1000000, "currency": "JPY"}},
}
JOINT_RULES = {"each_may_practise": True, "third_party_licensing": "consent_required", "cost_sharing": "by_share"}


# --- 1. the late-payment rate ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_a_rate_each_clause_keeps_its_own(lang):
    licence = make_draft(deal("license-en", lang))
    poc = make_draft(deal("poc-ai-en", lang))
    jrd = make_draft(deal("jrd-startup-ja", lang))
    if lang == "ja":
        assert "年14.6%の割合（年365日の日割計算による。）による遅延損害金" in article_text(licence, "license.reports")
        assert "未払額に対し年3%の割合による遅延損害金" in article_text(poc, "poc.fee")
        assert "法定利率による遅延損害金" in article_text(jrd, "jrd.royalty")
        assert "遅延損害金" not in article_text(jrd, "jrd.costs")
    else:
        assert "late payment interest on that amount at 14.6% per year" in article_text(licence, "license.reports")
        assert "interest on the overdue amount at 3% per year from the day after" in article_text(poc, "poc.fee")
        assert "late-payment damages at the statutory rate" in article_text(jrd, "jrd.royalty")
        assert "interest" not in article_text(jrd, "jrd.costs")


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_rate_given_is_the_rate_of_every_late_payment(lang):
    rate = {"late_interest_percent": 8.25}
    licence = make_draft(deal("license-en", lang, **rate))
    poc = make_draft(deal("poc-ai-en", lang, licence=POC_LICENCE, **rate))
    jrd = make_draft(deal("jrd-startup-ja", lang, **rate))
    texts = {cid: article_text(d, cid) for d, cid in [(licence, "license.reports"), (poc, "poc.fee"),
                                                      (poc, "poc.royalty"), (jrd, "jrd.royalty"), (jrd, "jrd.costs")]}
    for cid, text in texts.items():
        if lang == "ja":
            assert "年8.25%の割合（年365日の日割計算による。）による遅延損害金" in text, cid
            assert "年3%" not in text and "年14.6%" not in text and "法定利率" not in text, cid
        else:
            assert "8.25% per year, calculated daily on the basis of a 365-day year" in text, cid
            assert "3% per year" not in text and "14.6%" not in text and "statutory rate" not in text, cid
    summaries = (licence.agreement.article("license.reports").summary + poc.agreement.article("poc.fee").summary
                 + jrd.agreement.article("jrd.costs").summary)
    if lang == "ja":
        assert summaries.count("年8.25%の遅延損害金") == 3 and "14.6" not in summaries
    else:
        assert summaries.count("interest at 8.25% a year") == 3 and "14.6" not in summaries


def test_the_audit_clause_charges_the_agreed_rate_by_reference():
    text = article_text(make_draft(deal("license-en", late_interest_percent=5)), "license.audit")
    assert "late payment interest at the rate set out in this Agreement" in text


@pytest.mark.parametrize("law,words", [
    ("japan", ("Consumer Contract Act", "Subcontract Act", "public policy")),
    ("england_wales", ("penalty", "Singapore", "Interest Rate Restriction Act")),
])
def test_a_rate_above_14_6_percent_is_flagged(law, words):
    changes = {"late_interest_percent": 18.25}
    if law != "japan":
        changes.update(disputes__governing_law=law)
    found = [f for f in check(deal("poc-ai-en", **changes)) if f.id == "money.late_interest_high"]
    assert len(found) == 1
    finding = found[0]
    assert finding.severity == "warning" and finding.path == "/late_interest_percent"
    assert "18.25% a year" in finding.message and "14.6%" in finding.message
    assert all(w in finding.why for w in words), finding.why
    assert "money.late_interest_high" not in ids(deal("poc-ai-en", late_interest_percent=14.6))
    assert "money.late_interest_high" not in ids(deal("poc-ai-en"))


def test_the_high_rate_finding_reads_in_japanese_for_a_japanese_deal():
    summary = make_draft(deal("jrd-startup-ja", late_interest_percent=20)).summary
    finding = next(f for f in summary.findings if f.id == "money.late_interest_high")
    assert "年20%" in finding.message and "消費者契約法" in finding.why


# --- 2. the royalty currency ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_running_royalty_is_paid_in_the_currency_given(lang):
    text = article_text(make_draft(deal("license-en", lang, licence__royalty__currency="EUR")), "license.reports")
    default = article_text(make_draft(deal("license-en", lang)), "license.reports")
    jrd = article_text(make_draft(deal("jrd-startup-ja", lang, licence__royalty__currency="USD")), "jrd.royalty")
    jrd_default = article_text(make_draft(deal("jrd-startup-ja", lang)), "jrd.royalty")
    if lang == "ja":
        assert "ランニング・ロイヤルティはユーロにより算定し、及び支払う" in text
        assert "ランニング・ロイヤルティは米ドルにより算定し" in default  # derived from the minimum, as before
        assert "ランニングロイヤルティは、米ドルにより算定し、及び支払うものとし、他の通貨による請求額は" in jrd
        assert "により算定し" not in jrd_default
    else:
        assert "The running royalty is calculated and paid in euros." in text
        assert "The running royalty is calculated and paid in US dollars." in default
        assert "The running royalty is calculated and paid in US dollars. Amounts invoiced in any other currency" in jrd
        assert "calculated and paid in" not in jrd_default


def test_the_commentary_no_longer_says_there_is_no_currency_field():
    variant = load_library().clauses["license.reports"].variants[0]
    assert "licence.royalty.currency" in variant.commentary["en"] and "no royalty currency field" not in variant.commentary["en"]
    assert "licence.royalty.currency" in variant.commentary["ja"] and "項目がない" not in variant.commentary["ja"]


def test_a_royalty_currency_without_a_running_royalty_is_refused():
    problems = refused("license-en", licence__royalty__currency="EUR", licence__royalty__running_percent=None,
                       licence__royalty__minimum_annual=None)
    assert "running_percent" in problems["/licence/royalty/currency"]


def test_a_liability_floor_in_another_currency_than_the_fees_is_flagged():
    spec = deal("poc-ai-en", liability__cap__floor={"amount": 100000, "currency": "USD"})
    found = [f for f in check(spec) if f.id == "money.mixed_currencies"]
    assert len(found) == 1 and found[0].severity == "warning" and found[0].path == "/liability/cap/floor/currency"
    assert "floor of the liability cap is in USD" in found[0].message
    assert "liability.cap.floor" in found[0].message and "poc.fee" in found[0].message
    assert "exchange rate" in found[0].why


def test_a_royalty_currency_that_differs_from_the_other_amounts_is_named():
    spec = deal("poc-ai-en", licence={**POC_LICENCE, "royalty": {**POC_LICENCE["royalty"], "currency": "EUR"}})
    found = [f for f in check(spec) if f.id == "money.mixed_currencies"]
    assert len(found) == 1 and found[0].path == "/licence/royalty/currency"
    assert "EUR: licence.royalty.currency" in found[0].message and "JPY: poc.fee" in found[0].message


@pytest.mark.parametrize("example", [p.stem for p in EXAMPLES])
def test_the_examples_use_one_currency(example):
    assert "money.mixed_currencies" not in ids(deal(example))


# --- 3. the days to pay research costs ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_research_costs_are_paid_within_the_days_given(lang):
    draft = make_draft(deal("jrd-startup-ja", lang, jrd__costs__payment_days=45))
    text, summary = article_text(draft, "jrd.costs"), draft.agreement.article("jrd.costs").summary
    default = article_text(make_draft(deal("jrd-startup-ja", lang)), "jrd.costs")
    if lang == "ja":
        assert "請求書を受領した日から45日以内に" in text and "30日" not in text
        assert "45日以内" in summary
        assert "請求書を受領した日から30日以内に" in default
    else:
        assert "within 45 days after receiving it" in text and "30 days" not in text
        assert "within 45 days of invoice" in summary
        assert "within 30 days after receiving it" in default


def test_payment_days_without_a_paying_party_are_refused():
    problems = refused("jrd-university-ja", jrd__costs={"rule": "each_bears_own", "payment_days": 45})
    assert "payment_days" in problems["/jrd/costs"]


# --- 4. the option fee ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_option_holder_pays_the_option_fee_within_30_days(lang):
    draft = make_draft(deal("jrd-university-ja", lang, option__fee={"amount": 2000000, "currency": "JPY"}))
    text = article_text(draft, "jrd.option")
    points = " ".join(money_points(draft, "jrd.option"))
    no_fee = make_draft(deal("jrd-university-ja", lang))
    if lang == "ja":
        assert "オプション権の対価（以下本条においてオプション料という。）として、金2,000,000円" in text
        assert "本契約の効力発生日から30日以内に" in text
        assert "返還されず、オプション権の行使後に合意する実施料その他の対価に充当されない" in text
        assert "金2,000,000円（税別）を、契約の開始から30日以内" in points and "返しません" in points
        assert "オプション料" not in article_text(no_fee, "jrd.option")
    else:
        assert "shall pay 大学 an option fee of JPY 2,000,000 for the Option" in text
        assert "within 30 days after the effective date of this Agreement" in text
        assert "is not credited against the royalties" in text
        assert "an option fee of JPY 2,000,000 plus tax within 30 days" in points and "keeps the option fee" in points
        assert "option fee" not in article_text(no_fee, "jrd.option")
    assert money_points(no_fee, "jrd.option") and not any("2,000,000" in p for p in money_points(no_fee, "jrd.option"))


def test_an_assignment_option_fee_is_not_credited_against_the_price():
    text = article_text(make_draft(deal("jrd-university-en", option__kind="assignment",
                                        option__fee={"amount": 20000, "currency": "USD"})), "jrd.option")
    assert "option fee of USD 20,000" in text and "not credited against the price of the assignment" in text


# --- 5. a royalty for background IP ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_background_ip_licence_carries_the_royalty_given(lang):
    draft = make_draft(deal("jrd-startup-ja", lang, background_ip__royalty_percent=2.5))
    text = article_text(draft, "jrd.background_ip")
    default = article_text(make_draft(deal("jrd-startup-ja", lang)), "jrd.background_ip")
    points = " ".join(money_points(draft, "jrd.background_ip"))
    if lang == "ja":
        assert "正味販売額（第三者に請求した対価の総額から" in text and "の2.5%に相当する実施料を相手方に支払う" in text
        assert "合理的な条件（実施料を含む。）" not in text and "合理的な条件（実施料を含む。）" in default
        assert "正味販売額の2.5%" in points
    else:
        assert "a running royalty of 2.5% of its net sales of products and services that practise that Background IP" in text
        assert "meaning the gross amounts invoiced to third parties" in text
        assert "on reasonable terms, including royalties" in default and "including royalties" not in text
        assert "2.5% of its net sales" in points


def test_a_licence_agreement_charges_background_ip_on_its_net_sales():
    data = load_example_data("license-en")
    changes = {"background_ip__licence_for_exploitation": "non_exclusive_reasonable", "background_ip__royalty_percent": 1}
    en = article_text(make_draft(deal("license-en", **changes)), "license.background_ip")
    ja = article_text(make_draft(deal("license-en", "ja", **changes)), "license.background_ip")
    assert data["licence"]["royalty"]["running_percent"]  # Net Sales is defined in this agreement
    assert "for a running royalty of 1% of the Net Sales of Licensed Products that use that Background IP" in en
    assert "当該既存知的財産を利用する許諾製品の正味販売額の1%に相当する額" in ja


def test_a_background_royalty_without_a_licence_on_reasonable_terms_is_refused():
    problems = refused("jrd-university-ja", background_ip__royalty_percent=3)
    assert "non_exclusive_reasonable" in problems["/background_ip/royalty_percent"]
    problems = refused("license-en", background_ip__royalty_percent=3)
    assert "non_exclusive_reasonable" in problems["/background_ip/royalty_percent"]


# --- 6. compensation for not practising (不実施補償) --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_co_owner_that_practises_pays_the_one_that_does_not(lang):
    rules = {**JOINT_RULES, "non_practice_compensation_percent": 3}
    draft = make_draft(deal("jrd-university-ja", lang, results__joint_rules=rules))
    paragraphs = article_text(draft, "jrd.joint_ownership").split("\n")
    points = " ".join(money_points(draft, "jrd.joint_ownership"))
    summary = draft.agreement.article("jrd.joint_ownership").summary
    if lang == "ja":
        assert "この場合に相手方に支払う対価は、次項に定める補償に限る。" in paragraphs[1]
        assert "相手方に対価を支払うことなく" not in paragraphs[1]
        assert "当該暦年に当該共有知的財産権を自ら事業として実施しなかった相手方に対し" in paragraphs[2]
        assert "正味販売額" in paragraphs[2] and "の3%に相当する額を支払わなければならない" in paragraphs[2]
        assert "各暦年の末日から60日以内に" in paragraphs[2]
        assert "無償で" not in summary and "3%を不実施補償として毎年払います" in summary
        assert "（多くは大学）に、成果を使った製品の正味販売額の3%を不実施補償として払います" in points
    else:
        assert "owes the other party no payment for it other than the compensation under the next paragraph" in paragraphs[1]
        assert "compensation for not practising of 3% of the net sales" in paragraphs[2]
        assert "Within 60 days after the end of each calendar year" in paragraphs[2]
        assert "free" not in summary.split(".")[0] and "3% of the net sales" in summary
        assert "(in practice the University) 3% of the net sales" in points or "(in practice 大学) 3% of the net sales" in points


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_without_free_practice_the_compensation_replaces_the_university_hint(lang):
    with_rate = {**JOINT_RULES, "each_may_practise": False, "non_practice_compensation_percent": 3}
    without = {**JOINT_RULES, "each_may_practise": False}
    text = article_text(make_draft(deal("jrd-university-en", lang, results__joint_rules=with_rate)), "jrd.joint_ownership")
    old = article_text(make_draft(deal("jrd-university-en", lang, results__joint_rules=without)), "jrd.joint_ownership")
    if lang == "ja":
        assert "実施の条件（次項に定める補償を除く。）について" in text and "考慮して定めるものとする" not in text
        assert "実施の条件（相手方に支払う対価の有無及びその額を含む。）について" in old and "考慮して定めるものとする" in old
    else:
        assert "the terms of that practice, other than the compensation under the next paragraph." in text
        assert "take into account" not in text and "take into account" in old


def test_a_university_co_owner_without_compensation_is_asked_to_decide():
    # the example agrees 2%; without it, the university is asked
    found = [f for f in check(deal("jrd-university-ja", results__joint_rules=JOINT_RULES)) if f.id == "jrd.no_non_practice_compensation"]
    assert len(found) == 1 and found[0].severity == "info"
    assert found[0].path == "/results/joint_rules/non_practice_compensation_percent"
    assert "not practising" in found[0].message
    settled = deal("jrd-university-ja", results__joint_rules={**JOINT_RULES, "non_practice_compensation_percent": 2})
    assert "jrd.no_non_practice_compensation" not in ids(settled)
    bound = deal("jrd-university-ja", results__joint_rules={**JOINT_RULES, "each_may_practise": False})
    assert "jrd.no_non_practice_compensation" not in ids(bound)
    assert "jrd.no_non_practice_compensation" not in ids(deal("jrd-startup-ja"))  # no university, sole ownership


def test_compensation_with_nothing_jointly_owned_or_in_a_poc_is_refused():
    problems = refused("jrd-startup-ja", results__joint_rules={"non_practice_compensation_percent": 2})
    assert "no results are jointly owned" in problems["/results/joint_rules/non_practice_compensation_percent"]
    problems = refused("poc-ai-en", results__joint_rules={"non_practice_compensation_percent": 2})
    assert "joint R&D" in problems["/results/joint_rules/non_practice_compensation_percent"]
