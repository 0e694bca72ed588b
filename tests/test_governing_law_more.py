"""More clauses follow the governing law (issue 12, #9 continued).

Under a law other than Japan's, damages exclusions name the common-law heads of loss instead of
the Civil Code's "ordinary loss / special circumstances" split, and say that nothing limits
liability for fraud or for death or personal injury caused by negligence; the cap at the fees
leaves out any VAT, GST, consumption tax or similar tax; a joint R&D party works with reasonable
skill and care, not a prudent manager's care; the buy-out of results on insolvency uses the
common-law insolvency events; an NDA's fixed sum per breach is liquidated damages, not a penalty;
and the Japanese anti-social forces clause becomes a compliance clause (organised crime, bribery,
sanctions). Japanese-law drafts keep their text.
"""

import copy

import pytest

from conftest import load_example_data
from ipclauses import assemble, load_library, load_spec, summarize
from ipclauses.build import document_bytes

PENALTY = {"amount": 2500000, "currency": "JPY"}
NDA_CAP = {"kind": "amount", "amount": {"amount": 1000000, "currency": "JPY"}}
OTHER_LAWS = ["england_wales", "singapore", "new_york"]

# Japanese-law concepts that must not reach a draft under another law, in the clauses of this test.
JAPAN_ONLY_EN = ["direct and ordinary loss", "special circumstances", "ordinary and direct damage", "care of a prudent manager",
                 "provisional", "civil rehabilitation", "special liquidation", "corporate reorganisation",
                 "dishonoured", "excluding consumption tax", "penalty of", "sanction for breach", "boryokudan",
                 "sokaiya", "organised crime group (boryokudan)"]
JAPAN_ONLY_JA = ["直接かつ通常の損害", "通常かつ直接の損害", "特別の事情", "善良な管理者の注意", "仮差押え", "仮処分", "民事再生",
                 "特別清算", "会社更生", "不渡り", "滞納処分", "違約罰としての性質", "暴力団", "総会屋"]
MINE = ("general.liability", "jrd.roles", "jrd.insolvency_assignment", "nda.remedies", "general.antisocial")


def spec_for(name, law=None, lang=None, **changes):
    data = copy.deepcopy(load_example_data(name))
    if law:
        data["disputes"]["governing_law"] = law
    if lang:
        data["language"] = lang
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    return load_spec(data)


def articles(spec):
    return {art.clause_id: art for art in assemble(spec).articles}


def texts(spec):
    return {cid: art.text() for cid, art in articles(spec).items()}


def mine(arts):
    return "\n".join(t for cid, t in arts.items() if cid in MINE)


def assert_no_japanese_law(arts, lang):
    whole = mine(arts)
    for phrase in JAPAN_ONLY_EN if lang == "en" else JAPAN_ONLY_JA:
        assert phrase not in whole, phrase
    assert "{%" not in whole and "{{" not in whole


# --- the grant-back licence under English law ----------------------------------------------------

EW_EXCLUSION = ("for any loss of profits, revenue, business or goodwill, whether direct or indirect, "
                "or for any indirect or consequential loss")
NON_EXCLUDABLE = ("Nothing in this Agreement limits or excludes either party's liability for death or personal injury "
                  "caused by its negligence, for fraud or fraudulent misrepresentation")
NON_EXCLUDABLE_JA = "過失によって生じた死亡若しくは身体の傷害についての責任、詐欺若しくは詐欺的な不実表示についての責任"
OTHER_TAX = "but excluding any value added tax, goods and services tax, consumption tax or similar tax"


def test_grantback_licence_under_english_law_uses_common_law_liability():
    spec = spec_for("license-grantback-en", liability={"indirect_damages_excluded": True})
    assert spec.disputes.governing_law == "england_wales"
    arts = texts(spec)
    assert_no_japanese_law(arts, "en")
    liability = arts["general.liability"]
    assert EW_EXCLUSION in liability
    assert NON_EXCLUDABLE in liability
    # the carve-outs written by the cap helper stay
    assert "breaching its duties of confidentiality under this Agreement" in liability
    assert "those payments do not count toward the cap" in liability


def test_grantback_licence_as_built_by_default_has_the_fraud_and_injury_paragraph():
    arts = texts(spec_for("license-grantback-en"))
    assert NON_EXCLUDABLE in arts["general.liability"]
    assert "direct and ordinary loss" not in arts["general.liability"]


def test_grantback_licence_cap_at_the_fees_excludes_vat_and_gst():
    arts = texts(spec_for("license-grantback-en", liability={"cap": {"kind": "fees_paid"}}))
    assert OTHER_TAX in arts["general.liability"]
    assert "excluding consumption tax and similar taxes" not in arts["general.liability"]


def test_grantback_licence_summary_speaks_of_common_law_losses():
    summary = str(summarize(spec_for("license-grantback-en", liability={"indirect_damages_excluded": True})))
    assert "Lost profits, revenue, business or goodwill and any indirect loss are not covered." in summary
    assert "Nothing limits liability for fraud, or for death or personal injury caused by negligence." in summary
    assert "Indirect loss and lost profits are not covered" not in summary


def test_grantback_licence_has_a_compliance_clause_not_the_japanese_one():
    spec = spec_for("license-grantback-en")
    art = articles(spec)["general.antisocial"]
    assert art.variant_id == "compliance"
    # the article is titled for what it now covers, not for Japanese "anti-social forces"
    assert art.title == "Organised Crime, Bribery and Sanctions"
    assert articles(spec_for("license-grantback-en", law="japan"))["general.antisocial"].title == "Exclusion of Anti-Social Forces"
    text = art.text()
    assert "laws against bribery and corruption that apply to it" in text
    assert "economic or financial sanctions or trade embargo" in text
    assert "an organised crime group, a member of one or a person acting on behalf of one" in text
    assert "may terminate this Agreement with immediate effect by written notice" in text
    for phrase in ("boryokudan", "sokaiya", "specialised intellectual crime group", "5 years have not yet passed"):
        assert phrase not in text
    summary = str(summarize(spec))
    assert "Obey the anti-bribery and sanctions laws that apply to it in connection with the agreement." in summary
    assert "breaks its promises on organised crime, bribery or sanctions" in summary
    # the notices clause still cross-refers to it, and the whole document builds
    agreement, docx = document_bytes(spec)
    assert docx[:2] == b"PK"
    assert art.label in agreement.article("general.notices").text()


def test_grantback_licence_in_japanese_reads_correctly_under_english_law():
    arts = texts(spec_for("license-grantback-en", lang="ja", liability={"indirect_damages_excluded": True,
                                                                        "cap": {"kind": "fees_paid"}}))
    assert_no_japanese_law(arts, "ja")
    liability = arts["general.liability"]
    assert "利益、収入、事業又は営業上の信用の喪失（直接損害であるか間接損害であるかを問わない。）及び一切の間接損害又は派生的損害" in liability
    assert NON_EXCLUDABLE_JA in liability
    assert "付加価値税、物品サービス税、消費税その他これらに類する税を除く。" in liability
    antisocial = arts["general.antisocial"]
    assert "贈賄及び腐敗の防止に関する法令を遵守しなければならない" in antisocial
    assert "経済制裁、金融制裁又は禁輸措置の対象" in antisocial


# --- the AI PoC under New York and Singapore law -------------------------------------------------

def test_poc_under_new_york_law_excludes_consequential_and_punitive_damages():
    spec = spec_for("poc-ai-en", "new_york", liability={"indirect_damages_excluded": True})
    arts = texts(spec)
    assert_no_japanese_law(arts, "en")
    liability = arts["general.liability"]
    assert "for any special, incidental, consequential, punitive or exemplary damages, or for any lost profits, " \
           "whether direct or indirect" in liability
    assert EW_EXCLUSION not in liability
    assert NON_EXCLUDABLE in liability
    assert OTHER_TAX in liability
    summary = str(summarize(spec))
    assert "Lost profits and special, consequential or punitive damages are not covered." in summary


def test_poc_under_new_york_law_in_japanese():
    arts = texts(spec_for("poc-ai-en", "new_york", "ja", liability={"indirect_damages_excluded": True}))
    assert_no_japanese_law(arts, "ja")
    assert "特別損害、付随的損害、派生的損害、懲罰的損害及び制裁的損害並びに逸失利益（直接損害であるか間接損害であるかを問わない。）" \
        in arts["general.liability"]


def test_poc_under_singapore_law_uses_the_english_list():
    arts = texts(spec_for("poc-ai-en", "singapore", liability={"indirect_damages_excluded": True}))
    assert EW_EXCLUSION in arts["general.liability"]
    assert NON_EXCLUDABLE in arts["general.liability"]


def test_an_uncapped_poc_with_nothing_excluded_needs_no_fraud_paragraph():
    arts = texts(spec_for("poc-ai-en", "england_wales", liability={"cap": {"kind": "none"}, "indirect_damages_excluded": False}))
    assert "Nothing in this Agreement limits" not in arts["general.liability"]
    arts = texts(spec_for("poc-ai-en", "england_wales", liability={"cap": {"kind": "none"}, "indirect_damages_excluded": True}))
    assert NON_EXCLUDABLE in arts["general.liability"]


@pytest.mark.parametrize("law", OTHER_LAWS)
@pytest.mark.parametrize("liability", [
    {"cap": {"kind": "none"}, "indirect_damages_excluded": True},
    {"cap": {"kind": "fees_paid"}, "indirect_damages_excluded": True, "carve_outs": False},
    {"cap": {"kind": "fees_paid"}, "cap_applies_to": "only", "capped_party": "lumivision", "exclude_wilful_or_gross": False},
], ids=["no-cap", "fees", "one-party"])
def test_liability_has_the_same_paragraphs_in_both_languages(law, liability):
    shape = {}
    for lang in ("ja", "en"):
        art = articles(spec_for("poc-ai-en", law, lang, liability=liability))["general.liability"]
        shape[lang] = [len(p.items) for p in art.paragraphs]
    assert shape["ja"] == shape["en"]


# --- the mutual NDA under English and New York law -----------------------------------------------

@pytest.mark.parametrize("law", OTHER_LAWS)
def test_nda_fixed_sum_is_liquidated_damages_under_another_law(law):
    spec = spec_for("nda-mutual-ja", law, "en", remedies={"penalty": PENALTY})
    arts = texts(spec)
    assert_no_japanese_law(arts, "en")
    remedies = arts["nda.remedies"]
    assert "it shall pay the Disclosing Party JPY 2,500,000 for each breach as liquidated damages" in remedies
    assert "genuine pre-estimate" in remedies and "is not a penalty" in remedies
    assert "may not recover any further damages for the loss caused by a breach for which liquidated damages are payable" \
        in remedies
    assert "in addition to compensation under this Article" not in remedies
    assert NON_EXCLUDABLE in remedies  # the example excludes indirect loss
    summary = str(summarize(spec))
    assert "JPY 2,500,000 per breach in agreed damages, instead of proven loss" in summary
    assert "also pays a penalty" not in summary and "also costs" not in summary


def test_nda_under_english_law_names_the_common_law_heads_of_loss():
    remedies = texts(spec_for("nda-mutual-ja", "england_wales", "en"))["nda.remedies"]
    assert "but not for any loss of profits, revenue, business or goodwill, whether direct or indirect, " \
           "or for any indirect or consequential loss, unless the breach was committed wilfully" in remedies


def test_nda_under_new_york_law_in_japanese():
    spec = spec_for("nda-mutual-ja", "new_york", remedies={"penalty": PENALTY})
    arts = texts(spec)
    assert_no_japanese_law(arts, "ja")
    remedies = arts["nda.remedies"]
    assert "違反1件ごとに金2,500,000円を、損害賠償額の予定として開示者に支払わなければならない。" in remedies
    assert "真正に見積もった額であり" in remedies and "違約罰ではないことを確認する" in remedies
    assert "特別損害、付随的損害、派生的損害、懲罰的損害及び制裁的損害並びに逸失利益" in remedies
    assert NON_EXCLUDABLE_JA in remedies
    assert "あらかじめ決めた賠償額として金2,500,000円を払います" in str(summarize(spec))


def test_nda_cap_keeps_liquidated_damages_outside_it():
    spec = spec_for("nda-mutual-ja", "england_wales", "en", remedies={"penalty": PENALTY}, liability={"cap": NDA_CAP})
    art = articles(spec)["nda.remedies"]
    assert art.variant_id == "cap_amount"
    text = art.text()
    assert "Liquidated damages under this Article are payable in full in addition to, and do not count toward, that limit." \
        in text
    # the fraud and injury sentence is a paragraph of its own, after the cap, as in Japanese
    paragraphs = [p for p in text.split("\n") if p]
    assert paragraphs[-1].startswith(NON_EXCLUDABLE) and paragraphs[-2].startswith("Each party's total liability")
    ja = articles(spec_for("nda-mutual-ja", "england_wales", "ja", remedies={"penalty": PENALTY},
                           liability={"cap": NDA_CAP}))["nda.remedies"]
    assert [len(p.items) for p in ja.paragraphs] == [len(p.items) for p in art.paragraphs]
    assert "Agreed damages are due on top of the cap." in str(summarize(spec))


# --- the joint R&D with a startup under Singapore and New York law ----------------------------------

@pytest.mark.parametrize("law", ["singapore", "new_york"])
def test_joint_research_roles_and_insolvency_buy_out_follow_the_law(law):
    arts = texts(spec_for("jrd-startup-ja", law, "en"))
    assert_no_japanese_law(arts, "en")
    assert "with the skill and care reasonably expected of a competent professional in the field" in arts["jrd.roles"]
    buy_out = arts["jrd.insolvency_assignment"]
    for event in ("unable, or admits in writing that it is unable, to pay its debts as they fall due",
                  "arrangement with its creditors generally", "winding-up", "judicial management",
                  "receiver, administrative receiver, administrator, liquidator",
                  "any Foreground IP of the party or all or a substantial part of its assets",
                  "in any jurisdiction that has an effect equivalent or similar"):
        assert event in buy_out, event
    assert "at fair value" in buy_out


@pytest.mark.parametrize("law", ["singapore", "new_york"])
def test_joint_research_in_japanese_under_another_law(law):
    arts = texts(spec_for("jrd-startup-ja", law))
    assert_no_japanese_law(arts, "ja")
    assert "当該分野の専門家として合理的に求められる技能及び注意をもって実施するものとする。" in arts["jrd.roles"]
    buy_out = arts["jrd.insolvency_assignment"]
    assert "清算、解散、破産、管理手続その他の倒産又は再建の手続" in buy_out
    assert "管財人、管理人、清算人、レシーバーその他これらに類する者" in buy_out


# --- Japanese-law drafts keep their text ----------------------------------------------------------

def test_japanese_law_drafts_keep_the_japanese_concepts():
    jrd = texts(spec_for("jrd-startup-ja"))
    assert "善良な管理者の注意をもって実施するものとする。" in jrd["jrd.roles"]
    assert "破産手続開始、民事再生手続開始、会社更生手続開始若しくは特別清算開始の申立て" in jrd["jrd.insolvency_assignment"]
    assert "差押え、仮差押え若しくは仮処分を受け" in jrd["jrd.insolvency_assignment"]
    assert "暴力団、暴力団員" in jrd["general.antisocial"]
    assert "贈賄" not in jrd["general.antisocial"]
    assert articles(spec_for("jrd-startup-ja"))["general.antisocial"].variant_id == "standard"

    jrd_en = texts(spec_for("jrd-startup-ja", lang="en"))
    assert "with the care of a prudent manager and in accordance with this Agreement" in jrd_en["jrd.roles"]
    assert "provisionally attached or made subject to a provisional disposition" in jrd_en["jrd.insolvency_assignment"]
    assert "organised crime group (boryokudan)" in jrd_en["general.antisocial"]

    nda = texts(spec_for("nda-mutual-ja", remedies={"penalty": PENALTY}))
    assert "通常かつ直接の損害（特別の事情によって生じた損害及び間接的な損害を除く。" in nda["nda.remedies"]
    assert "この違約金は、損害賠償額の予定ではなく違約罰としての性質を有するものとし" in nda["nda.remedies"]
    assert "詐欺" not in nda["nda.remedies"]

    poc = texts(spec_for("poc-ai-en", liability={"indirect_damages_excluded": True}))
    liability = poc["general.liability"]
    assert "Each party is liable only for direct and ordinary loss that the other party actually suffers" in liability
    assert "but excluding consumption tax and similar taxes)" in liability
    assert "Nothing in this Agreement limits" not in liability
    assert "value added tax" not in liability
    summary = str(summarize(spec_for("poc-ai-en", liability={"indirect_damages_excluded": True})))
    assert "Indirect loss and lost profits are not covered." in summary
    assert "Nothing limits liability for fraud" not in summary

    ja = texts(spec_for("poc-ai-en", lang="ja", liability={"indirect_damages_excluded": True}))["general.liability"]
    assert "現実に生じた直接かつ通常の損害についてのみ賠償の責任を負い、特別の事情によって生じた損害" in ja
    assert "消費税その他これに類する税を除く。" in ja and "付加価値税" not in ja and "詐欺" not in ja


# --- commentary for legal staff --------------------------------------------------------------------

@pytest.mark.parametrize("clause_id,phrases", [
    ("general.liability", ["Hadley v Baxendale", "Unfair Contract Terms Act 1977", "Biotronik", "art. 416"]),
    ("jrd.insolvency_assignment", ["anti-deprivation rule", "ipso facto", "Belmont Park", "541(c)"]),
    ("nda.remedies", ["Cavendish Square Holding v Makdessi", "genuine pre-estimate", "Truck Rent-A-Center",
                      "Denka Advantech"]),
    ("jrd.roles", ["skill and care reasonably expected"]),
    ("general.antisocial", ["Bribery Act 2010", "sanctions", "ordinances"]),
])
def test_commentary_explains_the_other_laws(clause_id, phrases):
    clause = load_library().clauses[clause_id]
    commentary = " ".join(v.commentary["en"] for v in clause.variants)
    for phrase in phrases:
        assert phrase in commentary, phrase
    assert all(v.commentary["ja"] for v in clause.variants)
