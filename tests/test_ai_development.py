"""An AI model developed under a PoC or a joint R&D (issue 15, "Data and AI"): the optional "ai" block, its
articles (stages, training data, ownership and use of the trained model, derived data and outputs, no warranty
of accuracy), its validation rules, its deal checks and the summary."""

import copy

import pytest

from conftest import load_example_data
from ipclauses import SpecError, check, load_spec
from ipclauses.agreement import plain
from ipclauses.draft import make_draft
from ipclauses.drafting import drafting_findings
from ipclauses.locales import get_locale

AI_CLAUSES = ("ai_dev.development", "ai_dev.training_data", "ai_dev.model", "ai_dev.model_use", "ai_dev.derived_data",
              "ai_dev.accuracy")

# A joint R&D in Japanese: ThermaLink (the startup) trains a model on Yamato Denki's process data.
JRD_AI = {
    "stage": "development",
    "developer": "thermalink",
    "model": "放熱シートの熱伝導率を配合条件から予測するモデル",
    "training_data": {"description": "大和電機が保有する放熱シートの配合条件及び熱伝導率の測定データ約3,000件", "provided_by": "partner"},
    "model_owner": "joint",
    "inference_program_owner": "developer",
    "partner_use": "internal_business",
    "reuse": "with_consent",
    "derived_data": "joint",
    "outputs": "partner",
    "acceptance_tests": "合意した検証用データ300件における予測誤差（平均絶対誤差）が0.5W/m・K以下であること",
}


def _data(example: str, ai=None, language=None, **changes):
    data = copy.deepcopy(load_example_data(example))
    if ai is not None:
        data["ai"] = copy.deepcopy(ai)
    if language:
        data["language"] = language
    for path, value in changes.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        if value is None:
            node.pop(keys[-1], None)
        else:
            node[keys[-1]] = value
    return data


def _poc(language=None, **changes):
    return load_spec(_data("poc-ai-en", language=language, **changes))


def _jrd(language=None, **changes):
    return load_spec(_data("jrd-startup-ja", JRD_AI, language=language, **changes))


def _articles(draft):
    return {a.clause_id: a for a in draft.agreement.articles}


def _text(article) -> str:
    return "\n".join(plain(p.segments) + " " + " ".join(plain(i.segments) for i in p.items) for p in article.paragraphs)


def _variant(draft, clause_id):
    return dict(zip([a.clause_id for a in draft.agreement.articles], [v.id for _, v in draft.plan.chosen], strict=True))[clause_id]


# --- the articles are there only with the block --------------------------------------


def test_the_articles_come_with_the_block_and_only_with_it():
    with_ai = _articles(make_draft(_poc()))
    assert all(c in with_ai for c in AI_CLAUSES)
    without = _articles(make_draft(load_spec({k: v for k, v in load_example_data("poc-ai-en").items() if k != "ai"})))
    assert not any(c in without for c in AI_CLAUSES)
    assert "AI model" not in _text(without["poc.results_ownership"])


def test_the_articles_sit_by_the_work_and_the_results():
    order = [a.clause_id for a in make_draft(_poc()).agreement.articles]
    assert order.index("poc.work") < order.index("ai_dev.development") < order.index("poc.materials")
    assert order.index("poc.materials") < order.index("ai_dev.training_data")
    assert order.index("poc.results_ownership") < order.index("ai_dev.model") < order.index("ai_dev.model_use")
    assert order.index("ai_dev.derived_data") < order.index("ai_dev.accuracy") < order.index("poc.warranties")


@pytest.mark.parametrize("make,results", [(_poc, "poc.results_ownership"), (_jrd, "jrd.ownership")])
def test_the_results_article_hands_the_model_over_to_its_own_article(make, results):
    draft = make_draft(make())
    arts = _articles(draft)
    last = arts[results].paragraphs[-1]
    refs = [s for s in last.segments if not isinstance(s, str)]
    assert [r.target for r in refs] == ["ai_dev.model"] and refs[0].text == arts["ai_dev.model"].label


def test_the_example_builds_cleanly():
    draft = make_draft(_poc())
    assert not [f for f in drafting_findings(draft.agreement, draft.spec) if f.severity == "error"]
    assert {f.id for f in check(_poc())} & {"ai.reuse_unlimited", "ai.data_provider_no_model_use",
                                             "ai.parameters_without_program", "ai.no_acceptance_tests"} == set()


# --- decision table: every option picks its variant and reaches the text ----------------------

STAGES = [
    ("assessment", "assessment", "covers the assessment stage", "アセスメントの段階を対象とする"),
    ("poc", "poc", "covers the proof of concept stage", "技術検証の段階を対象とする"),
    ("development", "development", "covers the development stage", "開発の段階を対象とする"),
    ("further_training", "further_training", "covers the further training stage", "追加学習の段階を対象とする"),
]


@pytest.mark.parametrize("stage,variant,en,ja", STAGES, ids=[s[0] for s in STAGES])
def test_stage(stage, variant, en, ja):
    for lang, words in (("en", en), ("ja", ja)):
        draft = make_draft(_jrd(language=lang, ai__stage=stage))
        assert _variant(draft, "ai_dev.development") == variant
        text = _text(_articles(draft)["ai_dev.development"])
        assert words in text
        later = ("agreement the parties made for that stage" if lang == "en" else "その段階について両当事者が締結した契約") \
            if stage == "further_training" else ("does not oblige either party" if lang == "en" else "義務を負わせるものではない")
        assert later in text


def test_a_poc_covers_only_the_first_two_stages():
    with pytest.raises(SpecError) as caught:
        _poc(ai__stage="development")
    path, text = caught.value.errors[0].path, caught.value.errors[0].message
    assert path == "/ai/stage" and "a later stage needs its own agreement" in text
    assert "後の段階には別の契約が必要です" in caught.value.render("ja")


PROVIDED = [
    ("partner", "Tokai shall provide the Training Data to LumiVision", "shall use the Training Data that Tokai provides only"),
    ("developer", "LumiVision prepares the Training Data itself", None),
    ("both", "Each party shall make the part of the Training Data that it holds available", "shall use the Training Data that Tokai provides only"),
]


@pytest.mark.parametrize("provided_by,first,use", PROVIDED, ids=[p[0] for p in PROVIDED])
def test_who_provides_the_training_data(provided_by, first, use):
    text = _text(_articles(make_draft(_poc(ai__training_data__provided_by=provided_by)))["ai_dev.training_data"])
    assert first in text
    assert (use in text) if use else ("only for the work" not in text)


def test_who_provides_the_training_data_in_japanese():
    text = _text(_articles(make_draft(_jrd()))["ai_dev.training_data"])
    assert "大和電機は、本学習用データを、両当事者が合意する形式、方法及び時期にサーマリンクに提供する。" in text
    assert "サーマリンクは、大和電機が提供した本学習用データを、本契約に基づく業務のためにのみ利用し" in text


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_personal_training_data_needs_and_points_to_the_personal_data_article(lang):
    with pytest.raises(SpecError) as caught:
        _jrd(language=lang, ai__training_data__personal_data=True)
    assert caught.value.errors[0].path == "/personal_data"
    assert '"yamato-denki"' in caught.value.render(lang)
    with pytest.raises(SpecError):  # naming only the developer does not do
        _jrd(language=lang, ai__training_data__personal_data=True, personal_data={"provided_by": ["thermalink"]})
    draft = make_draft(_jrd(language=lang, ai__training_data__personal_data=True,
                            personal_data={"provided_by": ["yamato-denki"]}))
    arts = _articles(draft)
    assert _variant(draft, "ai_dev.training_data") == "personal_data"
    text = _text(arts["ai_dev.training_data"])
    assert arts["confidentiality.personal_data"].label in text
    assert ("no information identifying an individual remains" if lang == "en" else "特定の個人を識別することができる情報が残らない") in text
    plain_draft = make_draft(_jrd(language=lang))
    assert _variant(plain_draft, "ai_dev.training_data") == "no_personal_data"
    assert ("check that it contains no personal information" if lang == "en" else "が含まれないことを確認した上で") \
        in _text(_articles(plain_draft)["ai_dev.training_data"])


OWNERS = [
    ("developer", "The Trained Model belongs to LumiVision.", "本学習済みモデルは、サーマリンクに帰属する。"),
    ("partner", "The Trained Model belongs to Tokai.", "本学習済みモデルは、大和電機に帰属する。"),
    ("joint", "The Trained Model is owned jointly by the parties.", "本学習済みモデルは、両当事者の共有とする。"),
]


@pytest.mark.parametrize("owner,en,ja", OWNERS, ids=[o[0] for o in OWNERS])
def test_model_owner(owner, en, ja):
    draft = make_draft(_poc(ai__model_owner=owner))
    assert _variant(draft, "ai_dev.model") == owner
    text = _text(_articles(draft)["ai_dev.model"])
    assert en in text
    assert ("shall deliver to Tokai a copy" in text) == (owner != "developer")
    assert ("Each party may use what the parties own jointly itself." in text) == (owner == "joint")
    ja_draft = make_draft(_jrd(ai__model_owner=owner))
    assert _variant(ja_draft, "ai_dev.model") == owner and ja in _text(_articles(ja_draft)["ai_dev.model"])


@pytest.mark.parametrize("owner,en,ja", [
    ("developer", "The Trained Parameters belong to LumiVision.", "本学習済みパラメータは、サーマリンクに帰属する。"),
    ("partner", "The Trained Parameters belong to Tokai.", "本学習済みパラメータは、大和電機に帰属する。"),
    ("joint", "The Trained Parameters are owned jointly by the parties.", "本学習済みパラメータは、両当事者の共有とする。"),
])
def test_parameters_owner(owner, en, ja):
    model_owner = "partner" if owner == "developer" else "developer"
    text = _text(_articles(make_draft(_poc(ai__model_owner=model_owner, ai__parameters_owner=owner)))["ai_dev.model"])
    assert en in text and "The Trained Model (other than the Trained Parameters)" in text
    ja_text = _text(_articles(make_draft(_jrd(ai__model_owner=model_owner, ai__parameters_owner=owner)))["ai_dev.model"])
    assert ja in ja_text and "本学習済みモデル（本学習済みパラメータを除く。）" in ja_text
    with pytest.raises(SpecError) as caught:
        _poc(ai__model_owner=owner, ai__parameters_owner=owner)
    assert caught.value.errors[0].path == "/ai/parameters_owner"


@pytest.mark.parametrize("owner,en,ja", [
    ("developer", "The Inference Program belongs to LumiVision.", "本推論プログラムは、サーマリンクに帰属する。"),
    ("partner", "The Inference Program belongs to Tokai.", "本推論プログラムは、大和電機に帰属する。"),
    ("joint", "The Inference Program is owned jointly by the parties.", "本推論プログラムは、両当事者の共有とする。"),
])
def test_inference_program_owner(owner, en, ja):
    text = _text(_articles(make_draft(_poc(ai__inference_program_owner=owner)))["ai_dev.model"])
    assert en in text
    assert ("with the source code of the Inference Program" in text) == (owner != "developer")
    assert ja in _text(_articles(make_draft(_jrd(ai__inference_program_owner=owner)))["ai_dev.model"])


@pytest.mark.parametrize("use,en,ja", [
    ("none", "Tokai may not use the Trained Model", "大和電機は、"),
    ("purpose_only", "for the Purpose while this Agreement is in force", "本契約の有効期間中、本目的のために利用する"),
    ("internal_business", "itself for its own business, with no time limit", "大和電機の事業のために自ら利用する"),
])
def test_partner_use(use, en, ja):
    assert en in _text(_articles(make_draft(_poc(ai__partner_use=use)))["ai_dev.model_use"])
    ja_text = _text(_articles(make_draft(_jrd(ai__partner_use=use, ai__model_owner="developer")))["ai_dev.model_use"])
    assert ja in ja_text
    # a partner that owns every part needs no right of use
    owns_all = _text(_articles(make_draft(_poc(ai__partner_use=use, ai__model_owner="partner",
                                               ai__inference_program_owner="partner")))["ai_dev.model_use"])
    assert "grants Tokai" not in owns_all and "Tokai may not use" not in owns_all


REUSE = [
    ("none", "none", "shall not use the Trained Model or the Trained Parameters", "のための業務以外に利用してはならない"),
    ("with_consent", "with_consent", "only with the prior written consent of Tokai", "事前の書面による同意を得た場合に限り"),
    ("except_competitors", "except_competitors", "shall not reuse them for, or to supply, valve makers", "バルブメーカーのために"),
    ("free", "free", "may reuse the Trained Model and the Trained Parameters freely", "同意を要することなく自由に再利用することができる"),
]


@pytest.mark.parametrize("reuse,variant,en,ja", REUSE, ids=[r[0] for r in REUSE])
def test_reuse(reuse, variant, en, ja):
    excluded = "valve makers" if reuse == "except_competitors" else None
    draft = make_draft(_poc(ai__reuse=reuse, ai__reuse_excluded=excluded))
    assert _variant(draft, "ai_dev.model_use") == variant
    assert en in _text(_articles(draft)["ai_dev.model_use"])
    ja_draft = make_draft(_jrd(ai__reuse=reuse, ai__reuse_excluded="バルブメーカー" if excluded else None))
    assert _variant(ja_draft, "ai_dev.model_use") == variant and ja in _text(_articles(ja_draft)["ai_dev.model_use"])


def test_reuse_of_a_model_the_partner_owns_comes_with_a_licence_back():
    text = _text(_articles(make_draft(_poc(ai__model_owner="partner", ai__reuse="free", ai__reuse_excluded=None)))["ai_dev.model_use"])
    assert "Tokai grants LumiVision a royalty-free, non-exclusive right to use, for that reuse" in text


@pytest.mark.parametrize("changes,message", [
    ({"ai__reuse_excluded": None}, "is needed"),
    ({"ai__reuse": "free"}, "is only used with"),
])
def test_the_reuse_limit_is_given_exactly_when_it_is_used(changes, message):
    with pytest.raises(SpecError) as caught:
        _poc(**changes)
    assert caught.value.errors[0].path == "/ai/reuse_excluded" and message in caught.value.errors[0].message


DERIVED = [
    ("data_provider", "Derived Data belongs to the party that provided the Training Data", "本派生データは、その基となった本学習用データを提供した当事者に帰属する。"),
    ("developer", "Derived Data belongs to LumiVision. But LumiVision shall not disclose", "本派生データは、サーマリンクに帰属する。"),
    ("joint", "Derived Data is owned jointly by the parties in equal shares.", "本派生データは、両当事者の共有とし"),
]


@pytest.mark.parametrize("derived,en,ja", DERIVED, ids=[d[0] for d in DERIVED])
def test_derived_data(derived, en, ja):
    draft = make_draft(_poc(ai__derived_data=derived))
    assert _variant(draft, "ai_dev.derived_data") == derived and en in _text(_articles(draft)["ai_dev.derived_data"])
    ja_draft = make_draft(_jrd(ai__derived_data=derived))
    assert _variant(ja_draft, "ai_dev.derived_data") == derived and ja in _text(_articles(ja_draft)["ai_dev.derived_data"])


@pytest.mark.parametrize("outputs,en,ja", [
    ("partner", "Inference Results belong to Tokai.", "本推論結果は、大和電機に帰属する。"),
    ("developer", "Inference Results belong to LumiVision. LumiVision grants Tokai", "本推論結果は、サーマリンクに帰属する。"),
])
def test_outputs(outputs, en, ja):
    assert en in _text(_articles(make_draft(_poc(ai__outputs=outputs)))["ai_dev.derived_data"])
    assert ja in _text(_articles(make_draft(_jrd(ai__outputs=outputs)))["ai_dev.derived_data"])


def test_accuracy_is_never_warranted_and_tests_are_best_efforts():
    draft = make_draft(_poc())
    assert _variant(draft, "ai_dev.accuracy") == "acceptance_tests"
    text = _text(_articles(draft)["ai_dev.accuracy"])
    assert "made inductively from the Training Data by statistical methods" in text  # the reason
    assert "gives no warranty that the Trained Model will reach any particular accuracy" in text
    assert "defect recall of at least 99.0%" in text and "does not warrant that it will" in text
    bare = make_draft(_poc(ai__acceptance_tests=None))
    assert _variant(bare, "ai_dev.accuracy") == "no_tests"
    assert "have set no tests or targets" in _text(_articles(bare)["ai_dev.accuracy"])
    ja_text = _text(_articles(make_draft(_jrd()))["ai_dev.accuracy"])
    assert "統計的な手法により本学習用データから帰納的に作成される" in ja_text
    assert "保証しない" in ja_text and "0.5W/m・K以下" in ja_text


# --- validation -------------------------------------------------------------------------------


def test_the_developer_is_a_party_and_in_a_poc_the_provider():
    with pytest.raises(SpecError) as caught:
        _poc(ai__developer="acme")
    assert caught.value.errors[0].path == "/ai/developer"
    with pytest.raises(SpecError) as caught:
        _poc(ai__developer="tokai")
    assert "must be the provider LumiVision" in caught.value.errors[0].message
    assert "受託者であるLumiVisionでなければなりません" in caught.value.render("ja")


# --- deal checks --------------------------------------------------------------------------------


def _finding(spec, id):
    found = [f for f in check(spec) if f.id == id]
    return found[0] if found else None


def test_unlimited_reuse_of_a_model_trained_on_the_partners_data():
    finding = _finding(_poc(ai__reuse="free", ai__reuse_excluded=None), "ai.reuse_unlimited")
    assert finding.severity == "warning" and finding.path == "/ai/reuse"
    assert "LumiVision may reuse the model trained on Tokai's data" in finding.message
    ja = finding.in_locale(get_locale("ja"))
    assert "LumiVisionは、Tokaiのデータで学習させたモデル" in ja.message
    assert _finding(_poc(ai__reuse="free", ai__reuse_excluded=None, ai__training_data__provided_by="developer"),
                    "ai.reuse_unlimited") is None
    personal = _finding(_poc(ai__reuse="free", ai__reuse_excluded=None, ai__training_data__personal_data=True,
                             personal_data={"provided_by": ["tokai"]}), "ai.reuse_unlimited")
    assert "contains personal information" in personal.message


def test_the_data_provider_gets_no_right_to_use_the_model():
    finding = _finding(_poc(ai__partner_use="none"), "ai.data_provider_no_model_use")
    assert finding.severity == "warning" and finding.path == "/ai/partner_use"
    assert "Tokai provides training data but gets no right to use the trained model" in finding.message
    assert "学習済みモデルを利用する権利がありません" in finding.in_locale(get_locale("ja")).message
    assert _finding(_poc(ai__partner_use="none", ai__model_owner="joint"), "ai.data_provider_no_model_use") is None


def test_owned_parameters_without_the_program_to_run_them():
    finding = _finding(_poc(ai__partner_use="none", ai__model_owner="partner"), "ai.parameters_without_program")
    assert finding.severity == "warning" and "inference program stays with LumiVision" in finding.message
    assert "推論プログラムは LumiVision" not in finding.in_locale(get_locale("ja")).message
    assert _finding(_poc(ai__partner_use="internal_business", ai__model_owner="partner"), "ai.parameters_without_program") is None


def test_acceptance_tests_missing_where_accuracy_matters():
    development = _finding(_jrd(ai__acceptance_tests=None), "ai.no_acceptance_tests")
    assert development.severity == "warning" and development.path == "/ai/acceptance_tests"
    assert "検収のためのテストが合意されていません" in development.in_locale(get_locale("ja")).message
    delivered = _finding(_poc(ai__acceptance_tests=None), "ai.no_acceptance_tests")
    assert delivered.severity == "info" and "delivered with the Report" in delivered.message
    assert _finding(_poc(ai__acceptance_tests=None, ai__stage="assessment", results__deliverables=[
        {"name": "Verification Report", "kind": "report", "created_by": "lumivision"}]), "ai.no_acceptance_tests") is None


# --- the summary --------------------------------------------------------------------------------


def test_the_summary_lists_who_owns_may_must_and_cannot():
    summary = make_draft(_poc()).summary
    tokai, lumivision = summary.parties
    rows = {row.what: row.point.text for row in summary.results}
    assert rows["The trained model (its structure and trained parameters)"].startswith("LumiVision owns it")
    assert rows["The inference program"] == "LumiVision owns it."
    assert "whoever provided the original training data" in rows["Derived data (processed data sets, features, statistics)"]
    assert rows["The model's inference results"].startswith("Tokai owns them")
    assert any("for the purpose while the agreement lasts" in p.text for p in tokai.may)
    assert any("Reuse the trained model and its parameters for other customers, except for any manufacturer" in p.text
               for p in lumivision.may)
    assert any("Use the training data from Tokai to train an AI model for anyone else" in p.text for p in lumivision.cannot)
    assert any("Train the model with a professional's care" in p.text for p in lumivision.must)
    assert any("Check the model against the agreed tests" in p.text for p in tokai.must)
    point = next(p for p in lumivision.may if "Reuse the trained model" in p.text)
    assert point.article == _articles(make_draft(_poc()))["ai_dev.model_use"].label


def test_the_japanese_summary_of_a_joint_model():
    summary = make_draft(_jrd()).summary
    rows = {row.what: row.point.text for row in summary.results}
    assert rows["学習済みモデル（構造と学習済みパラメータ）"].startswith("両当事者の共有（半分ずつ）です")
    yamato, thermalink = summary.parties
    assert any("再利用する" in p.text and "大和電機の書面の同意なく" in p.text for p in thermalink.cannot)
    assert any("自社の事業のために" in p.text for p in yamato.may)
    assert any("使える形の複製を大和電機に渡す" in p.text for p in thermalink.must)


def test_balance_labels_name_the_developer_and_the_partner():
    draft = make_draft(_poc(ai__reuse="free", ai__reuse_excluded=None))
    by_clause = {a.clause_id: a.balance for a in draft.agreement.articles}
    assert by_clause["ai_dev.model_use"] == "favours_developer" and by_clause["ai_dev.model"] == "favours_developer"
    assert by_clause["ai_dev.derived_data"] == "balanced"
    assert make_draft(_poc(ai__reuse="none", ai__reuse_excluded=None)).agreement.articles[
        [a.clause_id for a in draft.agreement.articles].index("ai_dev.model_use")].balance == "favours_ai_partner"
