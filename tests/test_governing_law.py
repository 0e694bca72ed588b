"""The text follows the governing law: Japanese-law concepts under Japanese law, common-law ones otherwise.

Under a governing law other than Japan's, the drafts use reasonable care instead of a
prudent manager's care, common-law insolvency events instead of provisional attachment
and Japanese proceedings, any VAT, GST, consumption tax or similar tax instead of
Japanese consumption tax, a stated late-interest rate instead of "the statutory rate",
and add the clause on the parties' relationship and third-party rights. Japanese-law
drafts keep the Japanese concepts and have no such clause.
"""

import copy

import pytest

from conftest import load_example_data
from ipclauses import assemble, load_spec, summarize
from ipclauses.build import document_bytes

# Phrases that only make sense under Japanese law, in the text a reader sees.
JAPANESE_LAW_EN = ["care of a prudent manager", "provisional attachment", "provisional disposition",
                   "statutory rate", "local consumption tax", "civil rehabilitation", "special liquidation"]
JAPANESE_LAW_JA = ["善良な管理者の注意", "仮差押え", "仮処分", "法定利率", "地方消費税", "民事再生", "特別清算"]

# Clauses whose wording follows the governing law (others are checked by their own tests).
FOLLOWS_LAW = {"confidentiality.duty", "general.termination", "general.disputes", "license.taxes", "license.reports",
               "poc.fee", "poc.next_step", "poc.royalty", "poc.materials", "jrd.costs", "jrd.royalty", "jrd.materials",
               "general.relationship"}

PAID_POC_LICENCE = {"exclusivity": "non_exclusive", "royalty": {
    "kind": "paid", "running_percent": 3, "payment_days": 30, "report_frequency": "quarterly", "audit": True}}


def spec_for(name, law=None, lang=None, **changes):
    data = copy.deepcopy(load_example_data(name))
    if law:
        data["disputes"]["governing_law"] = law
    if lang:
        data["language"] = lang
    data.update(changes)
    return load_spec(data)


def articles(spec):
    """Clause id -> article text, as the agreement prints it."""
    return {art.clause_id: art.text() for art in assemble(spec).articles}


def text_of(arts, ids=None):
    return "\n".join(t for cid, t in arts.items() if ids is None or cid in ids)


def test_the_grantback_licence_under_english_law_uses_common_law_concepts():
    spec = spec_for("license-grantback-en")
    assert spec.disputes.governing_law == "england_wales"
    arts = articles(spec)
    whole = text_of(arts)
    for phrase in JAPANESE_LAW_EN:
        assert phrase not in whole, phrase
    assert "strictly confidential and shall protect it with reasonable care" in arts["confidentiality.duty"]
    termination = arts["general.termination"]
    for event in ("winding-up", "administration", "receiver", "arrangement with its creditors",
                  "in any jurisdiction that has an effect equivalent or similar"):
        assert event in termination, event
    taxes = arts["license.taxes"]
    assert "exclude any value added tax, goods and services tax, consumption tax or similar tax" in taxes
    assert "as the law of the place where the tax is charged requires" in taxes
    assert "late payment interest on that amount at 14.6% per year" in arts["license.reports"]
    assert "an injunction, an order preserving assets or evidence, or any other interim relief" in arts["general.disputes"]
    relationship = arts["general.relationship"]
    assert "Nothing in this Agreement creates a partnership, joint venture, agency or employment relationship" in relationship
    assert "no right under the Contracts (Rights of Third Parties) Act 1999 to enforce any of its terms" in relationship


def test_the_new_clause_sits_among_the_general_clauses_and_reaches_the_document():
    agreement, docx = document_bytes(spec_for("license-grantback-en"))
    order = [art.clause_id for art in agreement.articles]
    assert order.index("general.no_assignment") < order.index("general.relationship") < order.index("general.entire_agreement")
    assert docx[:2] == b"PK"


def test_the_summary_speaks_of_the_taxes_and_duties_of_the_governing_law():
    summary = str(summarize(spec_for("license-grantback-en")))
    assert "exclude value added tax, goods and services tax and similar taxes" in summary
    assert "consumption tax" not in summary
    assert "Act as agent of Oshima" in summary
    assert "No one else has rights under this Agreement." in summary


def test_the_japanese_text_under_another_law_reads_correctly_too():
    arts = articles(spec_for("license-grantback-en", lang="ja"))
    whole = text_of(arts, FOLLOWS_LAW)
    for phrase in JAPANESE_LAW_JA:
        assert phrase not in whole, phrase
    assert "合理的な注意をもって" in arts["confidentiality.duty"]
    assert "清算、解散、破産、管理手続その他の倒産又は再建の手続" in arts["general.termination"]
    assert "付加価値税、物品サービス税、消費税その他これらに類する税を含まない" in arts["license.taxes"]
    assert "1999年契約（第三者の権利）法" in arts["general.relationship"]
    assert "{%" not in whole and "{{" not in whole


def test_a_poc_under_english_law_states_its_late_interest_and_taxes():
    arts = articles(spec_for("poc-ai-en", "england_wales", licence=PAID_POC_LICENCE))
    whole = text_of(arts)
    for phrase in JAPANESE_LAW_EN:
        assert phrase not in whole, phrase
    assert "keep the Materials with reasonable care" in arts["poc.materials"]
    assert "plus any value added tax, goods and services tax, consumption tax or similar tax chargeable on it" in arts["poc.fee"]
    assert "consumption tax or similar tax chargeable on it as the law of the place" in arts["poc.next_step"]
    royalty = arts["poc.royalty"]
    assert "interest at 3% per year on any late payment" in royalty
    assert "less value added tax, goods and services tax, consumption tax and other indirect taxes" in royalty
    assert "Contracts (Rights of Third Parties) Act 1999" in arts["general.relationship"]


@pytest.mark.parametrize("law,third_parties", [
    ("singapore", "no right under the Contracts (Rights of Third Parties) Act 2001 of Singapore"),
    ("new_york", "no other person is an intended third-party beneficiary of this Agreement"),
])
def test_joint_research_under_singapore_or_new_york_law(law, third_parties):
    arts = articles(spec_for("jrd-startup-ja", law, "en"))
    mine = text_of(arts, FOLLOWS_LAW)
    for phrase in JAPANESE_LAW_EN:
        assert phrase not in mine, phrase
    assert "(excluding any value added tax, goods and services tax, consumption tax or similar tax)" in arts["jrd.costs"]
    assert "interest at 3% per year on any late payment" in arts["jrd.royalty"]
    assert "keep them with reasonable care" in arts["jrd.materials"]
    assert third_parties in arts["general.relationship"]
    assert "partnership, joint venture, agency" in arts["general.relationship"]


def test_the_singapore_university_is_not_charged_japanese_consumption_tax():
    spec = spec_for("jrd-university-en")
    assert spec.disputes.governing_law == "singapore"
    costs = articles(spec)["jrd.costs"]
    assert "(excluding consumption tax)" not in costs
    assert "goods and services tax" in costs


def test_an_english_draft_under_japanese_law_keeps_the_japanese_concepts():
    spec = spec_for("license-en")
    assert spec.disputes.governing_law == "japan" and spec.language == "en"
    arts = articles(spec)
    assert "general.relationship" not in arts
    assert "with the care of a prudent manager" in arts["confidentiality.duty"]
    assert "provisional attachment, provisional disposition" in arts["general.termination"]
    assert "civil rehabilitation" in arts["general.termination"]
    assert "exclude consumption tax, value added tax and similar taxes" in arts["license.taxes"]
    assert "provisional attachment, a provisional disposition or any other interim measure" in arts["general.disputes"]

    poc = articles(spec_for("poc-ai-en", "japan", licence=PAID_POC_LICENCE))
    assert "general.relationship" not in poc
    assert "late-payment damages at the statutory rate" in poc["poc.royalty"]
    assert "plus the consumption tax and local consumption tax" in poc["poc.fee"]

    jrd = articles(spec_for("jrd-startup-ja", "japan", "en"))
    assert "late-payment damages at the statutory rate" in jrd["jrd.royalty"]
    assert "(excluding consumption tax)" in jrd["jrd.costs"]
    assert "with the care of a prudent manager" in jrd["jrd.materials"]


def test_a_japanese_draft_under_japanese_law_is_unchanged_in_substance():
    arts = articles(spec_for("nda-mutual-ja"))
    assert "general.relationship" not in arts
    assert "善良な管理者の注意をもって" in arts["confidentiality.duty"]
