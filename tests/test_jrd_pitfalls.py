"""Joint R&D pitfalls: the post-term non-compete, moral rights of works made for hire, and summaries
that must say what the agreement says (publication consent, the insolvency buy-out)."""

import copy

import pytest

from conftest import load_example_data
from ipclauses import SpecError, check, load_spec
from ipclauses.agreement import plain
from ipclauses.draft import make_draft
from ipclauses.library import load_library


def jrd(example: str, lang: str | None = None, **changes):
    """An example spec with top-level groups replaced or updated (non_compete=..., publication=...)."""
    data = copy.deepcopy(load_example_data(example))
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = {**data[key], **value}
        else:
            data[key] = value
    if lang:
        data["language"] = lang
    return load_spec(data)


def paragraphs(article) -> list[str]:
    return [plain(p.segments) + "\n" + "\n".join(plain(i.segments) for i in p.items) for p in article.paragraphs]


def points_of(summary, short_name: str, kind: str, article_id: str) -> list[str]:
    """What the summary lists for one party under may, must or cannot, from one clause."""
    party = next(p for p in summary.parties if p.name == short_name)
    return [pt.text for pt in getattr(party, kind) if pt.article_id == article_id]


NC = {"scope": "車載用パワーモジュール向け放熱シート", "months": 18}


# --- 1. the non-compete after the term ---------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_after_the_term_only_research_with_third_parties_is_restricted_by_default(lang):
    draft = make_draft(jrd("jrd-startup-ja", lang, non_compete=NC))
    article = draft.agreement.article("jrd.non_compete")
    assert article.variant_id == "scope_and_months"
    during, after = paragraphs(article)[:2]
    if lang == "ja":
        assert "有効期間中" in during and "自ら、又は第三者と共同し" in during and "終了後" not in during
        assert "本契約の終了後18か月間" in after
        assert "自ら、又は" not in after, "a party's own research is not banned after the term"
        assert "第三者（自己の関係会社を除く。" in after
        assert "自ら行う研究開発は、本条による制限を受けない" in after
    else:
        assert "During the term" in during and "whether on its own, jointly with a third party" in during
        assert "months after" not in during
        assert "For 18 months after this Agreement ends" in after
        assert "on its own" not in after.split(".")[0], "the post-term ban does not cover a party's own research"
        assert "jointly with, or on behalf of, a third party other than its own Affiliates" in after
        assert "does not restrict research and development that a party carries out itself" in after


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_risky_form_bans_own_research_after_the_term_only_when_chosen(lang):
    draft = make_draft(jrd("jrd-startup-ja", lang, non_compete={**NC, "after_term": "own_and_third_parties"}))
    article = draft.agreement.article("jrd.non_compete")
    assert article.variant_id == "own_rnd_after_term"
    after = paragraphs(article)[1]
    if lang == "ja":
        assert "本契約の終了後18か月間においても" in after and "自ら、又は第三者と共同し" in after
        assert "本条による制限を受けない" not in after
    else:
        assert "For 18 months after this Agreement ends" in after and "whether on its own" in after
        assert "does not restrict" not in after


def test_the_non_compete_survives_the_agreement():
    agreement = make_draft(jrd("jrd-startup-ja", non_compete=NC)).agreement
    label = agreement.article("jrd.non_compete").label
    assert label in plain(agreement.article("general.term").paragraphs[-1].segments)


def test_the_after_term_field_defaults_to_third_parties_only():
    spec = jrd("jrd-startup-ja", non_compete=NC)
    assert spec.non_compete.after_term == "third_parties_only"
    with pytest.raises(SpecError, match="after_term"):
        jrd("jrd-startup-ja", non_compete={**NC, "after_term": "everything"})


@pytest.mark.parametrize("months", [1, 6, 24])
def test_own_research_banned_after_the_term_is_an_error_with_a_startup(months):
    spec = jrd("jrd-startup-ja", non_compete={**NC, "months": months, "after_term": "own_and_third_parties"})
    [finding] = [f for f in check(spec) if f.id == "jrd.non_compete_own_rnd"]
    assert finding.severity == "error"
    assert finding.path == "/non_compete/after_term"
    assert f"{months} months" in finding.message and "サーマリンク is a startup" in finding.message
    assert "Fair Trade Commission" in finding.why and "joint research and development" in finding.why
    assert '"non_compete.after_term": "third_parties_only"' in finding.fix


def test_own_research_banned_after_the_term_is_a_warning_without_a_startup():
    spec = jrd("jrd-university-ja", non_compete={**NC, "after_term": "own_and_third_parties"})
    [finding] = [f for f in check(spec) if f.id == "jrd.non_compete_own_rnd"]
    assert finding.severity == "warning"
    assert "startup" not in finding.message


@pytest.mark.parametrize("example", ["jrd-startup-ja", "jrd-university-ja"])
def test_no_finding_when_only_third_party_research_is_restricted(example):
    assert "jrd.non_compete_own_rnd" not in {f.id for f in check(jrd(example, non_compete=NC))}
    assert "jrd.non_compete_own_rnd" not in {f.id for f in check(jrd(example))}


def test_the_summary_says_term_plus_months_and_what_is_restricted_when():
    summary = make_draft(jrd("jrd-startup-ja", non_compete=NC)).summary
    ending = " ".join(pt.text for pt in summary.ending if pt.article_id == "jrd.non_compete")
    assert "契約期間中に加えて、契約が終わってから18か月間続きます" in ending
    assert "他社と組む研究開発と他社から請け負う研究開発だけ" in ending
    for name in ("大和電機", "サーマリンク"):
        cannot = " ".join(points_of(summary, name, "cannot", "jrd.non_compete"))
        assert "契約期間中" in cannot and "自社だけでも" in cannot and NC["scope"] in cannot
        assert "契約が終わった後も18か月間" in cannot and "他社（グループ会社を除く）と組んで" in cannot
        may = " ".join(points_of(summary, name, "may", "jrd.non_compete"))
        assert "契約が終わった後は" in may and "自由に研究開発をする" in may


def test_the_summary_of_the_risky_form_says_own_research_stays_banned():
    summary = make_draft(jrd("jrd-startup-ja", non_compete={**NC, "after_term": "own_and_third_parties"})).summary
    ending = " ".join(pt.text for pt in summary.ending if pt.article_id == "jrd.non_compete")
    assert "契約期間中に加えて、契約が終わってから18か月間続きます" in ending and "自社だけの研究開発まで" in ending
    cannot = " ".join(points_of(summary, "サーマリンク", "cannot", "jrd.non_compete"))
    assert "契約が終わった後も18か月間" in cannot and "自社だけの研究開発も含む" in cannot
    assert not points_of(summary, "サーマリンク", "may", "jrd.non_compete")


def test_the_english_summary_says_term_plus_months():
    summary = make_draft(jrd("jrd-startup-ja", "en", non_compete=NC)).summary
    ending = " ".join(pt.text for pt in summary.ending if pt.article_id == "jrd.non_compete")
    assert "lasts for the whole agreement plus 18 months after it ends" in ending
    assert "only research with or for other companies" in ending


# --- 2. moral rights: the party itself (works made for hire) as well as its staff -----------------


def test_every_jrd_ownership_variant_binds_the_party_itself():
    clause = load_library().clauses["jrd.ownership"]
    assert len(clause.variants) == 5
    for variant in clause.variants:
        assert "職務上作成された著作物について当該当事者が著作者となる場合を含む" in variant.text["ja"], variant.id
        assert "including a work made for hire" in variant.text["en"], variant.id
        assert "自己の従業者等をして、当該著作物の著作権を有する者" not in variant.text["ja"], "the old staff-only wording"


@pytest.mark.parametrize("example,lang", [("jrd-startup-ja", "ja"), ("jrd-university-en", "en"), ("jrd-university-ja", "ja")])
def test_the_moral_rights_waiver_covers_works_made_for_hire(example, lang):
    draft = make_draft(jrd(example, lang))
    text = "\n".join(paragraphs(draft.agreement.article("jrd.ownership")))
    if lang == "ja":
        assert "自らが著作者である場合（職務上作成された著作物について当該当事者が著作者となる場合を含む。）" in text
        assert "自己の従業者等が著作者である場合には" in text
    else:
        assert "Neither party shall exercise moral rights in a work among the Results of which it is itself the author" in text
        assert "made for hire" in text and "its Personnel who author works" in text
    for party in draft.summary.parties:
        cannot = " ".join(pt.text for pt in party.cannot if pt.article_id == "jrd.ownership")
        assert ("職務著作" in cannot) if lang == "ja" else ("made for hire" in cannot)
        must = " ".join(pt.text for pt in party.must if pt.article_id == "jrd.ownership")
        assert "人格権" not in must and "moral" not in must


# --- 3. summaries that say what the agreement says ---------------------------------------------------


def test_the_company_must_get_the_universitys_consent_to_publish():
    draft = make_draft(jrd("jrd-university-ja"))
    assert draft.agreement.article("jrd.publication").variant_id == "academic_freedom_university"
    university = next(p.short_name for p in draft.spec.parties if p.kind == "university")
    company_must = " ".join(points_of(draft.summary, "朝比奈化学", "must", "jrd.publication"))
    assert "同意を得る" in company_must and "30日前まで" in company_must
    university_must = " ".join(points_of(draft.summary, university, "must", "jrd.publication"))
    assert "30日前まで" in university_must and "同意" not in university_must


def test_the_company_must_get_the_universitys_consent_to_publish_in_english():
    summary = make_draft(jrd("jrd-university-en")).summary
    company_must = " ".join(points_of(summary, "Sakuragi", "must", "jrd.publication"))
    assert "get its written consent" in company_must
    university_must = " ".join(points_of(summary, "the University", "must", "jrd.publication"))
    assert "45 days before publishing" in university_must and "consent" not in university_must


def test_consent_publication_says_consent_and_mutual_says_no_consent():
    consent = make_draft(jrd("jrd-startup-ja")).summary
    assert "同意を得る" in " ".join(points_of(consent, "大和電機", "must", "jrd.publication"))
    mutual = make_draft(jrd("jrd-startup-ja", publication={"academic_freedom": True})).summary
    assert "同意を得る" not in " ".join(points_of(mutual, "大和電機", "must", "jrd.publication"))
    assert any("同意なく成果を発表する" in t for t in points_of(mutual, "大和電機", "may", "jrd.publication"))
    assert any("まだ発表されていない成果" in t for t in points_of(mutual, "大和電機", "cannot", "jrd.publication"))


def test_the_party_whose_rights_can_be_bought_out_is_told_what_it_must_do():
    summary = make_draft(jrd("jrd-startup-ja")).summary
    for name, other in (("サーマリンク", "大和電機"), ("大和電機", "サーマリンク")):
        must = " ".join(points_of(summary, name, "must", "jrd.insolvency_assignment"))
        assert f"すぐに{other}に知らせる" in must
        assert f"公正な価格で{other}に譲り" in must
    money = " ".join(pt.text for pt in summary.money if pt.article_id == "jrd.insolvency_assignment")
    assert "評価人の費用を両当事者が半分ずつ払います" in money
    english = make_draft(jrd("jrd-startup-ja", "en")).summary
    must = " ".join(points_of(english, "サーマリンク", "must", "jrd.insolvency_assignment"))
    assert "sell its rights in the results" in must and "fair price" in must
