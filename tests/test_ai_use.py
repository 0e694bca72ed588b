"""The AI service use agreement (issue 15): every option of every field reaches its clause variant and text in both
languages, the cross-field rules, the deal checks, and the summary's lists of what each party may, must and cannot
do."""

from typing import get_args

import pytest

from conftest import example_with
from drafts import article_text as _text
from drafts import clause_ids as _ids
from drafts import refusals as _refused
from drafts import variant_of as _variant
from ipclauses import SpecError, load_spec
from ipclauses.agreement_types.ai_use import AiCustomisedModel, AiDataReturn, AiFees, AiInputData, AiModelChanges, AiOutputs
from ipclauses.draft import make_draft
from ipclauses.locales import get_locale

EN, JA = "ai-use-en", "ai-use-ja"


def _data(example: str = EN, language: str | None = None, **changes) -> dict:
    return example_with(example, language, removes=None, **changes)


def _draft(example: str = EN, language: str | None = None, **changes):
    return make_draft(load_spec(_data(example, language, **changes)))


# --- the decision table: each option, its variant and its words, in English and Japanese ----------------------

USER_MODEL = {"description": "a pose model for rowing", "owner": "user"}
# (changes to the English example, clause, variant, words in the English text, words in the Japanese text)
TABLE = [
    ({"use_scope__affiliates": False}, "ai_use.scope", "own_business", "in the business of Sakura Fitness itself",
     "Sakura Fitness自身の事業において"),
    ({"use_scope__affiliates": True}, "ai_use.scope", "with_affiliates", "Sakura Fitness and its affiliates",
     "Sakura Fitness及びその関係会社"),
    ({"use_scope__accounts": 12, "use_scope__sites": ["the Nagoya showroom"]}, "ai_use.scope", "with_affiliates",
     "only at the Nagoya showroom. Kinetica issues Sakura Fitness at most 12 user accounts", "12を上限とする"),
    ({"fees": {"kind": "fixed", "monthly_fee": {"amount": 250000}}}, "ai_use.fees", "fixed",
     "JPY 250,000 a month", "月額金250,000円"),
    ({"fees__kind": "usage"}, "ai_use.fees", "usage", "JPY 120 per 1,000 frames analysed used in the month",
     "1,000 frames analysedあたり金120円"),
    ({"fees__kind": "fixed_and_usage", "fees__monthly_fee": {"amount": 100000}}, "ai_use.fees", "fixed_and_usage",
     "JPY 100,000 a month and JPY 120 per 1,000 frames analysed", "月額金100,000円及び1,000 frames analysedあたり金120円"),
    ({"input_data__improvement_use": "none", "input_data__other_customers": False}, "ai_use.input_data", "none",
     "shall not use it to train or improve the Model", "本モデルの学習若しくは改善その他の目的のために利用してはならない"),
    ({"input_data__improvement_use": "de_identified", "input_data__other_customers": False}, "ai_use.input_data",
     "de_identified", "shall not use it to train any model it develops for another customer in particular",
     "統計的に処理する等により"),
    ({"input_data__improvement_use": "opt_out"}, "ai_use.input_data", "opt_out",
     "may use the Model so improved in the services it offers other customers", "書面により利用の停止を求めたとき"),
    ({"input_data__improvement_use": "free"}, "ai_use.input_data", "free",
     "developing services and models for other customers", "自由に利用することができる"),
    ({"service_level__availability_percent": 99.5}, "ai_use.service_level", "target", "at 99.5% or more", "99.5%以上"),
    ({"service_level__availability_percent": None, "service_level__support_hours": None}, "ai_use.service_level",
     "reasonable_efforts", "does not guarantee any level of availability", "通常の営業時間内"),
    ({"outputs__owner": "user"}, "ai_use.outputs", "user", "belong to Sakura Fitness when the Output is produced",
     "その出力の時にSakura Fitnessに帰属する"),
    ({"outputs__owner": "provider_licensed"}, "ai_use.outputs", "provider_licensed",
     "Any Intellectual Property Rights or other rights that arise in Output belong to Kinetica",
     "出力データを本目的のために、期間の制限なく無償で利用"),
    ({"model_changes": {"rule": "free"}}, "ai_use.model_changes", "free", "at any time without notice",
     "通知することなく、いつでも"),
    ({"model_changes": {"rule": "notice", "notice_days": 45}}, "ai_use.model_changes", "notice",
     "at least 45 days before it takes effect", "その45日前までに"),
    ({"model_changes": {"rule": "notice_and_exit"}}, "ai_use.model_changes", "notice_and_exit",
     "may terminate this Agreement with effect from the day the change takes effect", "その日をもって本契約を解約することができる"),
    ({"model_changes": {"rule": "prior_version", "prior_version_months": 9}}, "ai_use.model_changes", "prior_version",
     "for 9 months after the change takes effect", "9か月間"),
    ({"data_return__action": "return_then_delete"}, "ai_use.data_return", "return_then_delete",
     "shall give Sakura Fitness the User Data it holds, in JSON format, within 30 days", "JSON形式でSakura Fitnessに引き渡し"),
    ({"data_return__action": "delete", "data_return__export_format": "Parquet"}, "ai_use.data_return", "delete",
     "shall export the User Data it needs in Parquet format", "Parquet形式で取り出しておかなければならない"),
    ({"customised_model": {**USER_MODEL, "training_code": "delivered"}}, "ai_use.customised_model", "user_with_code",
     "shall deliver copies of the Customised Model and the Training Code", "本カスタムモデル及び学習用プログラムの複製物"),
    ({"customised_model": {**USER_MODEL, "training_code": "provider_keeps"}}, "ai_use.customised_model",
     "user_without_code", "has no obligation to deliver the Training Code", "学習用プログラムを"),
    ({"customised_model": {"description": "a pose model for rowing", "owner": "provider"}}, "ai_use.customised_model",
     "provider", "may use the Customised Model only to let Sakura Fitness use it through the Service",
     "本サービスを通じてSakura Fitnessに利用させるためにのみ"),
]


@pytest.mark.parametrize(("changes", "clause", "variant", "en", "ja"), TABLE,
                         ids=[f"{row[1]}:{row[2]}:{i}" for i, row in enumerate(TABLE)])
def test_each_option_selects_its_variant_and_its_words_reach_the_text(changes, clause, variant, en, ja):
    english, japanese = _draft(EN, None, **changes), _draft(EN, "ja", **changes)
    assert _variant(english, clause) == variant
    assert _variant(japanese, clause) == variant
    assert en in _text(english, clause)
    assert ja in _text(japanese, clause)


def test_the_table_covers_every_option_of_every_field_of_the_type():
    covered = {(c, v) for _, c, v, _, _ in TABLE}
    options = (
        {("ai_use.fees", o) for o in get_args(AiFees.model_fields["kind"].annotation)}
        | {("ai_use.input_data", o) for o in get_args(AiInputData.model_fields["improvement_use"].annotation)}
        | {("ai_use.outputs", o) for o in get_args(AiOutputs.model_fields["owner"].annotation)}
        | {("ai_use.model_changes", o) for o in get_args(AiModelChanges.model_fields["rule"].annotation)}
        | {("ai_use.data_return", o) for o in get_args(AiDataReturn.model_fields["action"].annotation)}
        | {("ai_use.scope", o) for o in ("own_business", "with_affiliates")}
        | {("ai_use.service_level", o) for o in ("target", "reasonable_efforts")}
    )
    models = {("ai_use.customised_model", f"user_{'with' if code == 'delivered' else 'without'}_code")
              for code in get_args(AiCustomisedModel.model_fields["training_code"].annotation)}
    models |= {("ai_use.customised_model", "provider")}
    assert options | models <= covered


def test_the_example_values_reach_the_text_in_both_languages():
    english, japanese = _draft(EN), _draft(JA)
    assert 'offers under the name "Kinetica Pose API"' in _text(english, "ai_use.purpose")
    assert 'in the project called "Smart Rower Form Coach"' in _text(english, "ai_use.purpose")
    assert "The Service may be used in Japan and Singapore." in _text(english, "ai_use.scope")
    assert "during weekdays from 9:00 to 18:00 Japan time" in _text(english, "ai_use.service_level")
    assert "at least 14 days in advance" in _text(english, "ai_use.suspension")
    assert "within 30 days after Kinetica reminds it" in _text(english, "ai_use.suspension")
    assert "cannot be guaranteed in advance" in _text(english, "ai_use.warranties")
    assert "「PoseLens 作業姿勢解析API」と称するAIサービス" in _text(japanese, "ai_use.purpose")
    assert "関東ロジの岩槻、川越、春日部及び所沢の各物流センターに限り" in _text(japanese, "ai_use.scope")
    assert "月額金300,000円及び解析した映像1分あたり金50円" in _text(japanese, "ai_use.fees")
    assert "未知の入力に対する出力の正確性をあらかじめ保証することができない" in _text(japanese, "ai_use.warranties")
    # the Japanese example's inputs show workers: its personal data article comes in; the English one has none
    assert "confidentiality.personal_data" in _ids(japanese)
    assert "confidentiality.personal_data" not in _ids(english)
    assert "ai_use.customised_model" not in _ids(_draft(EN, None, customised_model=None))


def test_a_one_sided_cap_has_its_own_variant():
    draft = _draft(EN, None, liability={"cap": {"kind": "fees_paid"}, "cap_applies_to": "only", "capped_party": "kinetica"})
    assert _variant(draft, "general.liability") == "one_party_ai_use"


# --- cross-field rules -------------------------------------------------------------------------------------------

REFUSED = [
    ({"fees__kind": "fixed"}, "/fees/monthly_fee", 'fees of kind "fixed" need a monthly fee'),
    ({"fees": {"kind": "usage", "unit": "1,000 frames"}}, "/fees/unit_price", "need a price per unit of use"),
    ({"fees": {"kind": "usage", "unit_price": {"amount": 100}}}, "/fees/unit", "need the unit the price is for"),
    ({"fees__monthly_fee": {"amount": 1000}}, "/fees/monthly_fee", "usage fees have no monthly fee"),
    ({"fees": {"kind": "fixed", "monthly_fee": {"amount": 1000}, "unit": "frame"}}, "/fees/unit", "a fixed fee has no price per unit"),
    ({"input_data__improvement_use": "none"}, "/input_data/other_customers", "other customers cannot benefit"),
    ({"model_changes": {"rule": "notice", "prior_version_months": 3}}, "/model_changes/prior_version_months",
     'applies only to "prior_version", not "notice"'),
    ({"model_changes": {"rule": "free", "notice_days": 10}}, "/model_changes/notice_days", "gives no notice"),
    ({"customised_model": {"description": "x", "owner": "provider", "training_code": "provider_keeps"}},
     "/customised_model/training_code", "keeps its training code"),
    ({"confidentiality__direction": "one_way"}, "/confidentiality/direction", "an AI service use agreement protects both"),
]


@pytest.mark.parametrize(("changes", "path", "words"), REFUSED, ids=[row[1] + ":" + str(i) for i, row in enumerate(REFUSED)])
def test_cross_field_rules_refuse_what_the_text_cannot_say(changes, path, words):
    problems = _refused(_data(EN, None, **changes))
    assert any(p == path and words in m for p, m in problems), problems


def test_a_deal_needs_a_provider_and_a_user():
    data = _data(EN)
    data["parties"][1]["role"] = "customer"
    assert any("a provider who offers the service and a user who uses it" in m for _, m in _refused(data))


def test_the_rules_speak_japanese_too():
    with pytest.raises(SpecError) as caught:
        load_spec(_data(EN, None, fees__kind="fixed"))
    assert "月額料金が必要です" in caught.value.render("ja")


# --- deal checks ---------------------------------------------------------------------------------------------------

CHECKS = [
    ({"input_data__improvement_use": "free"}, "ai_use.input_reuse_unlimited", "warning",
     "including models for other customers", "他の顧客向けのモデルを含め"),
    ({"input_data__improvement_use": "free", "input_data__other_customers": False}, "ai_use.input_reuse_unlimited",
     "warning", "sets no limit on that use", "利用を限定する定めがありません"),
    ({"customised_model": {**USER_MODEL, "training_code": "provider_keeps"}}, "ai_use.model_without_code", "warning",
     "Sakura Fitness owns its customised model, but only Kinetica keeps the code", "学習用プログラムはKinetica"),
    ({"service_level__availability_percent": None}, "ai_use.no_availability_target", "warning",
     "Sakura Fitness pays for its use of the service", "利用に応じて料金を支払います"),
    ({"service_level__availability_percent": None, "fees": {"kind": "fixed", "monthly_fee": {"amount": 1}}},
     "ai_use.no_availability_target", "info", "The service has no availability target.", "稼働率の目標がありません"),
    ({"input_data__personal_data": True}, "ai_use.personal_data_without_appi", "error",
     "input data contains personal information", "個人情報が含まれます"),
    ({"model_changes": {"rule": "free"}}, "ai_use.unlimited_model_changes", "warning",
     "may change the model at any time without notice", "予告なくいつでもモデルを変更できます"),
]


@pytest.mark.parametrize(("changes", "finding_id", "severity", "en", "ja"), CHECKS,
                         ids=[f"{row[1]}:{i}" for i, row in enumerate(CHECKS)])
def test_each_deal_check_fires_with_its_message_in_both_languages(changes, finding_id, severity, en, ja):
    draft = _draft(EN, None, **changes)
    [found] = [f for f in draft.findings if f.id == finding_id]
    assert found.severity == severity
    assert en in found.message
    assert ja in found.in_locale(get_locale("ja")).message


def test_the_examples_raise_none_of_the_type_checks():
    for example in (EN, JA):
        assert not [f.id for f in _draft(example).findings if f.id.startswith("ai_use.")]


def test_the_japanese_example_with_its_personal_data_article_removed_is_an_error():
    draft = _draft(JA, None, personal_data=None)
    assert "ai_use.personal_data_without_appi" in [f.id for f in draft.findings]


# --- the summary: what each party may, must and cannot do --------------------------------------------------------


def _lists(draft) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for party in draft.summary.parties:
        for kind in ("may", "must", "cannot"):
            out[(party.name, kind)] = [p.text for p in getattr(party, kind)]
    return out


def test_the_summary_lists_what_each_party_may_must_and_cannot_do():
    lists = _lists(_draft(EN))
    assert any("Improve the service and the model with Sakura Fitness's data until" in t for t in lists[("Kinetica", "may")])
    assert any("keep it available 99.9% of each month" in t for t in lists[("Kinetica", "must")])
    assert any("Give the customised model to others" in t for t in lists[("Kinetica", "cannot")])
    assert any("Keep using the earlier version of the model for 6 months" in t for t in lists[("Sakura Fitness", "may")])
    assert any("Check the outputs before using them" in t for t in lists[("Sakura Fitness", "must")])
    assert any("train a similar model on the outputs" in t for t in lists[("Sakura Fitness", "cannot")])
    japanese = _lists(_draft(JA))
    assert any("出力を自分で確かめてから使い" in t for t in japanese[("関東ロジ", "must")])
    assert any("識別" in t or "中身も分からない形" in t for t in japanese[("ポーズテック", "may")])
    assert any("JSON形式" not in t and "CSV形式で返し" in t for t in japanese[("ポーズテック", "must")])


def test_the_overview_names_the_service():
    draft = _draft(EN)
    assert "Kinetica lets Sakura Fitness use Kinetica Pose API, an AI service" in " ".join(draft.summary.overview)
    japanese = _draft(JA)
    assert "ポーズテックが関東ロジにAIサービス「PoseLens 作業姿勢解析API」の利用を認めます" in "".join(japanese.summary.overview)
