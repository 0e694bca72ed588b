"""The data provision agreement (issue 15): every option of every field reaches its clause variant and text in
both languages, the cross-field rules, the deal checks, and the summary's lists of what each party may, must and
cannot do."""

import pytest

from conftest import example_with
from drafts import article_text as _text
from drafts import clause_ids as _ids
from drafts import refusals as _refused
from drafts import variant_of as _variant
from ipclauses import SpecError, load_spec
from ipclauses.draft import make_draft
from ipclauses.locales import get_locale

EN, JA = "data-provision-en", "data-provision-ja"
PERSONAL_DATA = {"provided_by": ["setouchi"], "sensitive": False, "cross_border": False, "leak_notice_hours": 24}


def _data(example: str = EN, language: str | None = None, **changes) -> dict:
    return example_with(example, language, removes=None, **changes)


def _draft(example: str = EN, language: str | None = None, **changes):
    return make_draft(load_spec(_data(example, language, **changes)))


def _points(draft) -> list[str]:
    return [p.text for p in draft.summary.points()]


def _finding_ids(draft) -> list[str]:
    return [f.id for f in draft.findings]


# --- the decision table: each option, its variant and its words, in English and Japanese ----------------------

# (changes to the English example, clause, variant, words in the English text, words in the Japanese text)
TABLE = [
    ({"provided_data__delivery": "once"}, "data_provision.data", "once",
     "has no obligation to update the Provided Data", "本データを更新し、又は追加して提供する義務を負わない"),
    ({"provided_data__delivery": "periodic", "provided_data__update_every_months": 3}, "data_provision.data", "periodic",
     "every 3 months during the term of this Agreement", "3か月ごとに前回の提供以降に更新され"),
    ({"permitted_use__scope": "purpose_only", "provided_data__personal_info": "none", "personal_data": None},
     "data_provision.use", "purpose_only", "\nuse for the Purpose.", "\n本目的のための利用"),
    ({"permitted_use__scope": "internal", "provided_data__personal_info": "none", "personal_data": None},
     "data_provision.use", "internal", "for any other internal business of Kizuna", "本目的その他のKizunaの社内の業務のための利用"),
    ({"permitted_use__scope": "product_development", "provided_data__personal_info": "none", "personal_data": None},
     "data_provision.use", "product_development", "products and services that incorporate Derived Data",
     "派生データを組み込んだ製品及びサービスを製造し"),
    ({"permitted_use__redistribution": "none"}, "data_provision.redistribution", "none",
     "shall not disclose or provide any of the Provided Data to a third party", "本データの全部又は一部を第三者に開示し"),
    ({"permitted_use__redistribution": "affiliates", "provided_data__personal_info": "none", "personal_data": None},
     "data_provision.redistribution", "affiliates", "may provide the Provided Data to its group companies",
     "本データをKizunaの関係会社"),
    ({"permitted_use__redistribution": "with_consent"}, "data_provision.redistribution", "with_consent",
     "only with the prior written consent of Setouchi", "Setouchiの事前の書面による承諾を得た場合に限り"),
    ({"derived_data__owner": "recipient", "derived_data__provider_may_use": False}, "data_provision.derived_data",
     "recipient", "All rights in Derived Data, including intellectual property rights, belong to Kizuna.",
     "派生データに関する権利（知的財産権を含む。）は、Kizunaに帰属する。"),
    ({"derived_data__owner": "provider", "derived_data__provider_may_use": False}, "data_provision.derived_data",
     "provider", "Kizuna assigns to Setouchi, at no extra charge", "その発生と同時に追加の対価なくSetouchiに譲渡し"),
    ({"derived_data__owner": "decide_later", "derived_data__provider_may_use": False}, "data_provision.derived_data",
     "decide_later", "The parties shall agree in writing who owns the rights in Derived Data",
     "両当事者が、派生データの創出に対する各当事者の寄与の程度"),
    ({"data_quality__warranty": "none"}, "data_provision.quality", "no_warranty",
     "provides the Provided Data as it is and gives no warranty", "本データを現状のまま提供するものとし"),
    ({"data_quality__warranty": "lawful_source"}, "data_provision.quality", "lawful_source",
     "warrants to Kizuna that the Provided Data was obtained lawfully", "本データが適法に取得されたものであること"),
    ({"data_quality__warranty": "agreed_levels", "data_quality__levels": "no more than 2% missing values"},
     "data_provision.quality", "agreed_levels", "\nno more than 2% missing values", "\nno more than 2% missing values"),
    ({"data_fees__kind": "free", "data_fees__amount": None, "liability__cap__kind": "none"}, "data_provision.fee", "free",
     "is provided free of charge", "本データの提供は無償とし"),
    ({"data_fees__kind": "fixed"}, "data_provision.fee", "fixed", "Kizuna shall pay Setouchi JPY 1,500,000 for providing",
     "金1,500,000円"),
    ({"data_fees__kind": "per_delivery"}, "data_provision.fee", "per_delivery",
     "JPY 1,500,000 for each delivery it receives", "1回の提供につき金1,500,000円"),
    ({"data_at_end": "delete_all"}, "data_provision.at_end", "delete_all",
     "stop using the Provided Data and Derived Data, including copies", "本データ及び派生データ（その複製物を含む。）の利用を停止し"),
    ({"data_at_end": "keep_derived"}, "data_provision.at_end", "keep_derived",
     "may continue to use Derived Data that belongs to it", "Kizunaに帰属する派生データを引き続き利用することができる"),
    ({"data_at_end": "keep_all"}, "data_provision.at_end", "keep_all",
     "may continue to use the Provided Data received before the end",
     "本契約の終了の時までに提供を受けた本データ及び派生データを"),
]


@pytest.mark.parametrize(("changes", "clause", "variant", "en", "ja"), TABLE,
                         ids=[f"{row[1]}:{row[2]}" for row in TABLE])
def test_each_option_selects_its_variant_and_its_words_reach_the_text(changes, clause, variant, en, ja):
    english, japanese = _draft(EN, None, **changes), _draft(EN, "ja", **changes)
    assert _variant(english, clause) == variant
    assert _variant(japanese, clause) == variant
    assert en in _text(english, clause)
    assert ja in _text(japanese, clause)


def test_the_table_covers_every_option_of_every_field_of_the_type():
    from typing import get_args

    from ipclauses.agreement_types.data_provision import (
        DataProvisionSpec,
        DerivedDataRights,
        ProvidedData,
        ProvidedDataFees,
        ProvidedDataQuality,
        ProvidedDataUse,
    )

    covered = {(c, v) for _, c, v, _, _ in TABLE}
    options = {
        ("data_provision.data", o) for o in get_args(ProvidedData.model_fields["delivery"].annotation)
    } | {("data_provision.use", o) for o in get_args(ProvidedDataUse.model_fields["scope"].annotation)
         } | {("data_provision.redistribution", o) for o in get_args(ProvidedDataUse.model_fields["redistribution"].annotation)
              } | {("data_provision.derived_data", o) for o in get_args(DerivedDataRights.model_fields["owner"].annotation)
                   } | {("data_provision.fee", o) for o in get_args(ProvidedDataFees.model_fields["kind"].annotation)
                        } | {("data_provision.at_end", o) for o in get_args(DataProvisionSpec.model_fields["data_at_end"].annotation)}
    warranty = {("data_provision.quality", {"none": "no_warranty"}.get(o, o))
                for o in get_args(ProvidedDataQuality.model_fields["warranty"].annotation)}
    assert options | warranty <= covered


def test_the_example_values_reach_the_text_in_both_languages():
    english, japanese = _draft(EN), _draft(JA)
    assert "by 31 July 2026, in the following form" in _text(english, "data_provision.data")
    assert "\nParquet files on an encrypted storage device handed over in person" in _text(english, "data_provision.data")
    assert '"Provided Data" means the temperature, pressure and flow readings of reactors R1 to R4' in \
        _text(english, "data_provision.definitions")
    assert "本契約の効力発生日から4週間以内に最初の本データを" in _text(japanese, "data_provision.data")
    assert "1か月ごとに" in _text(japanese, "data_provision.data")
    assert "「本データ」とは、富山工場第2ラインのプレス機12台" in _text(japanese, "data_provision.definitions")
    assert "計測間隔が1秒であり" in _text(japanese, "data_provision.quality")
    assert "北陸精密の競合他社のための故障予知サービスの開発" in _text(japanese, "data_provision.use")
    assert "センシアは、北陸精密から求められたときは、派生データのうち両当事者が合意したもの" in \
        _text(japanese, "data_provision.derived_data")
    # the personal data article comes in with personal information, and the use article bans re-identification
    # only for anonymised data
    assert "confidentiality.personal_data" in _ids(english)
    assert "confidentiality.personal_data" not in _ids(japanese)
    assert "identify any individual" not in _text(english, "data_provision.use")


def test_restricted_access_data_adds_its_article_and_anonymised_data_bans_re_identification():
    draft = _draft(EN, None, provided_data__restricted_access=True, provided_data__personal_info="anonymised",
                   personal_data=None)
    assert "shared data with limited access under the Unfair Competition Prevention Act" in \
        _text(draft, "data_provision.restricted_access")
    assert "in order to identify any individual whose personal information was used" in _text(draft, "data_provision.use")
    japanese = _draft(EN, "ja", provided_data__restricted_access=True, provided_data__personal_info="anonymised",
                      personal_data=None)
    assert "限定提供データとして取り扱われる" in _text(japanese, "data_provision.restricted_access")
    assert "本人を識別するために" in _text(japanese, "data_provision.use")
    assert "data_provision.restricted_access" not in _ids(_draft(EN))


def test_keeping_everything_yields_to_the_personal_data_article_for_personal_information():
    draft = _draft(EN, None, data_at_end="keep_all")
    assert "For personal information in the Provided Data, however, Article" in _text(draft, "data_provision.at_end")
    assert "ただし、本データに含まれる個人情報については" in _text(_draft(EN, "ja", data_at_end="keep_all"),
                                                            "data_provision.at_end")


def test_a_one_sided_cap_has_its_own_variant():
    draft = _draft(EN, None, liability={"cap": {"kind": "fees_paid"}, "cap_applies_to": "only", "capped_party": "setouchi"})
    assert _variant(draft, "general.liability") == "one_party_data_provision"


# --- cross-field rules -------------------------------------------------------------------------------------------

REFUSED = [
    ({"provided_data__delivery": "periodic"}, "/provided_data/update_every_months", "periodic delivery"),
    ({"provided_data__update_every_months": 2}, "/provided_data/update_every_months", "delivered once"),
    ({"provided_data__first_delivery": "2026-06-30"}, "/provided_data/first_delivery", "before the effective date"),
    ({"provided_data__first_delivery": "2027-07-31"}, "/provided_data/first_delivery", "after the initial term ends"),
    ({"personal_data": None}, "/personal_data", "contains personal information"),
    ({"provided_data__personal_info": "none"}, "/personal_data", '"provided_data.personal_info" is "none"'),
    ({"personal_data__provided_by": ["kizuna"]}, "/personal_data/provided_by", 'the provider alone: ["setouchi"]'),
    ({"derived_data__owner": "provider"}, "/derived_data/provider_may_use", "only when the recipient owns it"),
    ({"data_quality__warranty": "agreed_levels"}, "/data_quality/levels", "needs the agreed quality levels"),
    ({"data_quality__levels": "99% complete"}, "/data_quality/levels", 'give levels only with "agreed_levels"'),
    ({"data_fees__amount": None}, "/data_fees/amount", 'a "fixed" fee needs an amount'),
    ({"data_fees__kind": "free"}, "/data_fees/amount", '"data_fees.kind" is "free"'),
    ({"data_fees__kind": "free", "data_fees__amount": None, "late_interest_percent": 5},
     "/late_interest_percent", "provided free"),
    ({"purpose__limited_to_evaluation": False}, "/purpose/limited_to_evaluation", '"permitted_use.scope"'),
    ({"confidentiality__direction": "one_way"}, "/confidentiality/direction", "a data provision agreement"),
]


@pytest.mark.parametrize(("changes", "path", "words"), REFUSED, ids=[row[1] + ":" + row[2] for row in REFUSED])
def test_inconsistent_specs_are_refused_at_the_field_to_change(changes, path, words):
    problems = _refused(_data(EN, None, **changes))
    assert any(p == path and words in m for p, m in problems), problems


def test_the_refusals_read_in_japanese():
    with pytest.raises(SpecError) as caught:
        load_spec(_data(EN, None, provided_data__delivery="periodic"))
    assert "定期的な提供" in caught.value.render("ja")
    with pytest.raises(SpecError) as caught:
        load_spec(_data(EN, None, personal_data=None))
    assert "個人情報の情報が含まれる" not in caught.value.render("ja")
    assert '"personal_data" が必要です' in caught.value.render("ja")


def test_the_roles_are_a_provider_and_a_recipient():
    data = _data(EN)
    data["parties"][1]["role"] = "customer"
    problems = _refused(data)
    assert any("provider who provides the data and a recipient who uses it" in m for _, m in problems), problems


# --- deal checks ----------------------------------------------------------------------------------------------

CHECKS = [
    ({"permitted_use__scope": "internal"}, "data_provision.personal_data_unlimited", "error", "/permitted_use/scope",
     "beyond a stated purpose", "定めた目的を超えて"),
    ({"permitted_use__scope": "product_development", "provided_data__personal_info": "pseudonymised"},
     "data_provision.personal_data_unlimited", "error", "/permitted_use/scope", "pseudonymised information",
     "仮名加工情報"),
    ({"derived_data__owner": "decide_later", "derived_data__provider_may_use": False}, "data_provision.derived_open",
     "warning", "/derived_data/owner", "left to be agreed later", "後で協議する"),
    ({"permitted_use__redistribution": "with_consent"}, "data_provision.redistribution_personal", "warning",
     "/permitted_use/redistribution", '("with_consent")', "他社に渡すことができます"),
    ({"permitted_use__scope": "product_development", "data_quality__warranty": "none",
      "provided_data__personal_info": "none", "personal_data": None}, "data_provision.no_lawful_source", "warning",
     "/data_quality/warranty", "Kizuna may build products on the data", "Kizunaは提供データを使って製品を開発できる"),
    ({"provided_data__restricted_access": True, "permitted_use__redistribution": "affiliates",
      "provided_data__personal_info": "none", "personal_data": None}, "data_provision.restricted_passed_on", "info",
     "/permitted_use/redistribution", "restricted-access data", "限定提供データ"),
]


@pytest.mark.parametrize(("changes", "id", "severity", "path", "en", "ja"), CHECKS, ids=[row[1] for row in CHECKS])
def test_each_deal_check_fires_with_its_texts_in_both_languages(changes, id, severity, path, en, ja):
    draft = _draft(EN, None, **changes)
    found = next(f for f in draft.findings if f.id == id)
    assert (found.severity, found.path) == (severity, path)
    assert en in found.message and found.why and found.fix
    assert ja in found.in_locale(get_locale("ja")).message


def test_the_examples_raise_no_deal_check_of_their_own():
    for name in (EN, JA):
        assert not [i for i in _finding_ids(_draft(name)) if i.startswith("data_provision.")]


def test_a_free_provision_with_a_cap_at_the_fees_is_flagged_by_the_shared_check():
    draft = _draft(EN, None, data_fees__kind="free", data_fees__amount=None)
    assert any("cap" in f.id for f in draft.findings), _finding_ids(draft)


# --- the summary: what each party may, must and cannot do ------------------------------------------------------


def test_the_summary_lists_what_each_party_may_must_and_cannot_do():
    draft = _draft(EN)
    points = _points(draft)
    assert "Hand the data to Kizuna by 31 July 2026, in the agreed form." in points
    assert "Use the data only for the purpose." in points
    assert "Pay JPY 1,500,000 plus tax for the data within 30 days of the bill." in points
    assert "Use or copy the data beyond the agreed scope, or pass it to anyone the agreement does not allow." in points
    assert "Receive agreed Derived Data from Kizuna and use it free of charge for its internal business." in points
    assert ("Stand behind its promise that it collected the data lawfully and may provide it, and pay for the loss of "
            "Kizuna if that is untrue.") in points
    rows = {r.what: r.point.text for r in draft.summary.results}
    assert rows["The Provided Data"].startswith("Setouchi keeps it.")
    assert rows["Derived Data (analyses, trained models and the like)"].startswith("Kizuna owns it.")
    assert "Setouchi provides data to Kizuna, which may use it only for the stated purpose." in draft.summary.overview


def test_the_japanese_summary_lists_them_too():
    draft = _draft(JA)
    points = _points(draft)
    assert "本契約の効力発生日から4週間以内に最初のデータを渡し、その後は1か月ごとに更新分をセンシアに渡す。" in points
    assert "データが届くたびに、1回につき金200,000円（税別）を、請求を受けてから30日以内に払う。" in points
    assert "ID・認証とアクセス記録でデータへのアクセスを管理し、使う必要のある人だけに限る。" in points
    assert "北陸精密が書面で承諾した相手に、その条件でデータを渡す。" in points
    assert ("北陸精密はセンシアにデータを提供し、センシアはそれを目的のため、及び自社の製品やサービスの開発のために利用できます。"
            in draft.summary.overview)


def test_the_key_terms_show_the_fee_per_delivery():
    draft = _draft(JA)
    from ipclauses.agreement_types import get_type

    rows = get_type("data_provision").key_terms_for(draft.spec, get_locale("ja"))
    assert rows == [(get_locale("ja").words.key_terms.fee, "1回の提供につき金200,000円")]
    assert get_type("data_provision").key_terms_for(load_spec(_data(EN, None, data_fees__kind="free",
                                                                    data_fees__amount=None)), get_locale("en")) == []
