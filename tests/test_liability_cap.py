"""The liability cap never silently comes to zero (issue 12).

A cap at the fees counts everything paid or payable under the agreement, not only what was
paid in the last 12 months, and may have a floor; breach of confidentiality, misuse of the
other party's information or rights and payment duties stay outside every cap; and the
`liability.cap_zero` check catches each way a cap can still be zero.
"""

import copy
import itertools

import pytest

from conftest import load_example_data
from ipclauses import assemble, check, load_spec, summarize

FLOOR = {"amount": 5000000, "currency": "JPY"}


def _set(data, path, value):
    keys = path.split(".")
    node = data
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value


def spec(example: str, language: str | None = None, **changes):
    data = copy.deepcopy(load_example_data(example))
    if language:
        data["language"] = language
    for path, value in changes.items():
        _set(data, path.replace("__", "."), value)
    return load_spec(data)


def liability_article(s):
    agreement = assemble(s)
    (article,) = [a for a in agreement.articles if a.clause_id == "general.liability"]
    return article


def text(s) -> str:
    return liability_article(s).text()


def cap_zero(s):
    return [f for f in check(s) if f.id == "liability.cap_zero"]


# --- the cap at the fees -----------------------------------------------------------------------

def test_fees_cap_counts_everything_payable_not_only_the_last_12_months():
    en = text(spec("poc-ai-en", language="en"))
    assert "paid or payable between the parties under this Agreement" in en
    assert "whether or not payment has fallen due, and whether or not acceptance or any other condition" in en
    assert "12 months" not in en and "actually paid" not in en
    ja = text(spec("poc-ai-en", language="ja"))
    assert "本契約に基づき当事者間で支払われ、又は支払われるべき" in ja
    assert "支払期限の到来の有無及び検収その他の支払の条件の成就の有無を問わず" in ja
    assert "12か月" not in ja and "現実に支払われた" not in ja


def test_no_floor_means_no_floor_clause():
    assert "greater of" not in text(spec("poc-ai-en", language="en"))
    assert "いずれか高い額" not in text(spec("poc-ai-en", language="ja"))


@pytest.mark.parametrize("example", ["poc-ai-en", "jrd-university-en", "license-en"])
def test_floor_makes_the_cap_the_greater_of_fees_and_floor(example):
    cap = {"kind": "fees_paid", "floor": FLOOR}
    en = text(spec(example, language="en", liability__cap=cap))
    assert "is limited to the greater of JPY 5,000,000 and the total of all fees" in en
    ja = text(spec(example, language="ja", liability__cap=cap))
    assert "の総額又は金5,000,000円のいずれか高い額を上限とする。" in ja


def test_floor_in_a_one_party_cap():
    s = dict(liability__cap={"kind": "fees_paid", "floor": FLOOR}, liability__cap_applies_to="only",
             liability__capped_party="lumivision")
    assert "is limited to the greater of JPY 5,000,000 and the total of all fees" in text(spec("poc-ai-en", "en", **s))
    assert "の総額又は金5,000,000円のいずれか高い額を上限とする。" in text(spec("poc-ai-en", "ja", **s))


# --- carve-outs ---------------------------------------------------------------------------------

CARVE_EN = [
    "breaching its duties of confidentiality under this Agreement",
    "using the other party's Confidential Information",
    "neither for the Purpose nor within the scope of a licence granted under this Agreement",
    "do not apply to a party's duty to pay fees, cost contributions, royalties or other amounts",
    "those payments do not count toward the cap",
]
CARVE_JA = [
    "本契約に定める秘密保持の義務に違反したことによって生じた損害",
    "相手方の秘密情報その他相手方から開示若しくは提供を受けた情報若しくは資料又は相手方の特許権、著作権その他の権利",
    "本目的のための使用にも本契約に基づき許諾された範囲内の使用にも当たらない態様で使用した",
    "ロイヤルティその他の金銭の支払義務及びその支払の遅延による損害賠償の義務には、適用しない。",
    "本条に定める上限額に算入しない。",
]

# Every capped variant: (example, liability settings, expected variant)
CAPPED = [
    ("poc-ai-en", {"cap": {"kind": "fees_paid"}}, "fees_paid"),
    ("poc-ai-en", {"cap": {"kind": "amount", "amount": FLOOR}}, "amount"),
    ("poc-ai-en", {"cap": {"kind": "fees_paid"}, "cap_applies_to": "only", "capped_party": "lumivision"}, "one_party_poc"),
    ("poc-ai-en", {"cap": {"kind": "amount", "amount": FLOOR}, "cap_applies_to": "only", "capped_party": "lumivision"},
     "one_party_poc"),
    ("license-en", {"cap": {"kind": "fees_paid"}, "cap_applies_to": "only", "capped_party": "kamo-photonics"},
     "one_party_license"),
    ("jrd-university-en", {"cap": {"kind": "fees_paid"}, "cap_applies_to": "only", "capped_party": "sakuragi"},
     "one_party_jrd"),
    ("jrd-university-en", {"cap": {"kind": "fees_paid"}}, "fees_paid"),
    ("license-en", {"cap": {"kind": "fees_paid"}}, "fees_paid"),
]


def _with(example, liability, lang, **more):
    data = copy.deepcopy(load_example_data(example))
    data["language"] = lang
    data["liability"] = {**liability, **more}
    return load_spec(data)


@pytest.mark.parametrize("example,liability,variant", CAPPED, ids=[f"{c[0]}-{c[2]}-{c[1]['cap']['kind']}" for c in CAPPED])
def test_every_capped_variant_carves_out_confidentiality_misuse_and_payments(example, liability, variant):
    for lang, phrases in (("en", CARVE_EN), ("ja", CARVE_JA)):
        s = _with(example, liability, lang)
        article = liability_article(s)
        assert article.variant_id == variant
        body = article.text()
        for phrase in phrases:
            assert phrase in body, (lang, phrase)
        # wilful misconduct stays the first carve-out while exclude_wilful_or_gross holds (the default)
        assert ("wilful misconduct or gross negligence of the party that is liable" in body) if lang == "en" else (
            "賠償の責任を負う当事者の故意又は重大な過失によって生じた損害" in body)


@pytest.mark.parametrize("example,liability,variant", CAPPED, ids=[f"{c[0]}-{c[2]}-{c[1]['cap']['kind']}" for c in CAPPED])
def test_carve_outs_false_leaves_only_the_wilful_exception(example, liability, variant):
    en = liability_article(_with(example, liability, "en", carve_outs=False)).text()
    ja = liability_article(_with(example, liability, "ja", carve_outs=False)).text()
    for phrase in CARVE_EN:
        assert phrase not in en
    for phrase in CARVE_JA:
        assert phrase not in ja
    assert "do not apply to loss caused by the wilful misconduct or gross negligence of the party that is liable." in en
    assert "損害が賠償の責任を負う当事者の故意又は重大な過失によって生じた場合には、適用しない。" in ja


def test_carve_outs_without_wilful_exception_list_only_the_new_ones():
    liability = {"cap": {"kind": "fees_paid"}, "exclude_wilful_or_gross": False}
    en = liability_article(_with("poc-ai-en", liability, "en")).text()
    ja = liability_article(_with("poc-ai-en", liability, "ja")).text()
    assert "wilful" not in en and "故意" not in ja
    assert all(p in en for p in CARVE_EN) and all(p in ja for p in CARVE_JA)


def test_no_cap_variant_is_unchanged_by_carve_outs():
    liability = {"cap": {"kind": "none"}}
    en = liability_article(_with("poc-ai-en", liability, "en")).text()
    assert "limited to" not in en and not any(p in en for p in CARVE_EN)


@pytest.mark.parametrize(
    "carve_outs,wilful,indirect,floor", list(itertools.product([True, False], repeat=4)),
)
@pytest.mark.parametrize("example,liability,variant", CAPPED[:3], ids=["fees", "amount", "one_party"])
def test_japanese_and_english_have_the_same_paragraphs_and_items(example, liability, variant, carve_outs, wilful,
                                                                 indirect, floor):
    liability = copy.deepcopy(liability)
    if floor and liability["cap"]["kind"] == "fees_paid":
        liability["cap"]["floor"] = FLOOR
    shape = {}
    for lang in ("ja", "en"):
        article = liability_article(_with(example, liability, lang, carve_outs=carve_outs,
                                          exclude_wilful_or_gross=wilful, indirect_damages_excluded=indirect))
        shape[lang] = [len(p.items) for p in article.paragraphs]
    assert shape["ja"] == shape["en"]


# --- the plain-language summary -------------------------------------------------------------------

def test_summary_states_the_real_cap_and_the_carve_outs():
    en = summarize(spec("poc-ai-en", language="en"))
    assert "Damages are capped at the total of all fees and other amounts payable under the agreement (paid or not)." in en
    assert "These limits do not apply to a breach of confidentiality, to use of the other side's information" in en
    assert "Fees and royalties owed are not capped and must be paid in full." in en
    assert "12 months" not in en
    ja = summarize(spec("poc-ai-en", language="ja"))
    assert "この契約で支払う対価などの総額（支払済みかどうか、支払期限が来たかどうかを問いません）までです。" in ja
    assert "秘密保持の義務に違反した場合、相手の情報や権利を契約で認められた範囲を超えて使った場合" in ja
    assert "支払うべき対価やロイヤルティには上限がなく" in ja


def test_summary_names_the_floor():
    en = summarize(spec("poc-ai-en", language="en", liability__cap={"kind": "fees_paid", "floor": FLOOR}))
    assert "(paid or not), or JPY 5,000,000 if that is more." in en
    ja = summarize(spec("poc-ai-en", language="ja", liability__cap={"kind": "fees_paid", "floor": FLOOR}))
    assert "と金5,000,000円のうち高いほうまでです。" in ja


def test_summary_without_carve_outs_does_not_promise_them():
    en = summarize(spec("poc-ai-en", language="en", liability__carve_outs=False))
    assert "breach of confidentiality" not in en and "Fees and royalties owed" not in en
    assert "These limits do not apply to deliberate or grossly negligent harm." in en


@pytest.mark.parametrize("lang,zero", [
    ("en", "Nothing is payable under the agreement, so the cap is zero"),
    ("ja", "この契約では当事者間で支払う金額がないため、上限額はゼロです。"),
])
def test_summary_says_when_the_cap_is_zero(lang, zero):
    free = {"poc__fee": {"amount": 0, "currency": "JPY"}}
    assert zero in summarize(spec("poc-ai-en", language=lang, **free))
    assert zero in summarize(spec("poc-ai-en", language=lang, liability__cap={"kind": "fees_paid", "floor": {"amount": 0}},
                                  **free))
    assert zero not in summarize(spec("poc-ai-en", language=lang, liability__cap={"kind": "fees_paid", "floor": FLOOR},
                                      **free))
    assert zero not in summarize(spec("poc-ai-en", language=lang))


# --- the check: every way the cap can be zero -------------------------------------------------------

UNPAID_POC = {"poc__fee": {"amount": 0, "currency": "JPY"}}
UNPAID_JRD = {"jrd__costs": {"rule": "each_bears_own"}}
UNPAID_LICENCE = {"licence__royalty": {"kind": "free"}}
ONLY_POC = {"liability__cap_applies_to": "only", "liability__capped_party": "lumivision"}


@pytest.mark.parametrize("example,changes,path", [
    ("poc-ai-en", {**UNPAID_POC, "liability__cap": {"kind": "fees_paid"}}, "/liability/cap/kind"),
    ("poc-ai-en", {**UNPAID_POC, "liability__cap": {"kind": "fees_paid", "floor": {"amount": 0}}}, "/liability/cap/floor"),
    ("jrd-university-en", {**UNPAID_JRD, "liability__cap": {"kind": "fees_paid"}}, "/liability/cap/kind"),
    ("license-en", {**UNPAID_LICENCE, "liability__cap": {"kind": "fees_paid"}}, "/liability/cap/kind"),
    ("poc-ai-en", {"liability__cap": {"kind": "amount", "amount": {"amount": 0}}}, "/liability/cap/amount"),
    ("poc-ai-en", {**UNPAID_POC, **ONLY_POC, "liability__cap": {"kind": "fees_paid"}}, "/liability/cap/kind"),
    ("poc-ai-en", {**ONLY_POC, "liability__cap": {"kind": "amount", "amount": {"amount": 0}}}, "/liability/cap/amount"),
    ("license-grantback-en", {"liability__cap": {"kind": "amount", "amount": {"amount": 0, "currency": "GBP"}}},
     "/liability/cap/amount"),
    ("nda-mutual-ja", {"liability__cap": {"kind": "amount", "amount": {"amount": 0}}, "liability__cap_applies_to": "only",
                       "liability__capped_party": "hokushin"}, "/liability/cap/amount"),
], ids=["poc-unpaid", "poc-unpaid-floor-0", "jrd-own-costs", "licence-free", "amount-0", "one-party-unpaid",
        "one-party-amount-0", "licence-one-party-amount-0", "nda-amount-0"])
def test_cap_zero_is_caught(example, changes, path):
    (finding,) = cap_zero(spec(example, **changes))
    assert finding.severity == "warning" and finding.path == path
    assert "0" in finding.message and finding.why and finding.fix


def test_cap_zero_message_names_the_capped_party():
    (finding,) = cap_zero(spec("poc-ai-en", **UNPAID_POC, **ONLY_POC, liability__cap={"kind": "fees_paid"}))
    assert finding.message.startswith("LumiVision's liability is capped at the fees payable")
    assert "floor" in finding.fix


@pytest.mark.parametrize("example,changes", [
    ("poc-ai-en", {"liability__cap": {"kind": "fees_paid"}}),  # a paid PoC
    ("poc-ai-en", {**UNPAID_POC, "liability__cap": {"kind": "fees_paid", "floor": FLOOR}}),
    ("jrd-university-en", {**UNPAID_JRD, "liability__cap": {"kind": "fees_paid", "floor": FLOOR}}),
    ("license-en", {**UNPAID_LICENCE, "liability__cap": {"kind": "fees_paid", "floor": FLOOR}}),
    ("poc-ai-en", {**UNPAID_POC, "liability__cap": {"kind": "amount", "amount": FLOOR}}),
    ("poc-ai-en", {**UNPAID_POC, "liability__cap": {"kind": "none"}}),
    ("poc-ai-en", {**UNPAID_POC, **ONLY_POC, "liability__cap": {"kind": "fees_paid", "floor": FLOOR}}),
], ids=["paid", "poc-floor", "jrd-floor", "licence-floor", "amount", "no-cap", "one-party-floor"])
def test_a_cap_above_zero_is_not_flagged(example, changes):
    assert cap_zero(spec(example, **changes)) == []


def test_nda_still_refuses_a_cap_at_the_fees():
    from ipclauses.errors import SpecError

    with pytest.raises(SpecError):
        spec("nda-mutual-ja", liability__cap={"kind": "fees_paid"})
