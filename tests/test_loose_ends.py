"""Issue 12, loose ends: the party who receives research funding is named, a licence agreement never renews
after its licence has ended, an earlier NDA ends the same way in both clauses that mention it, and a licence
of results with a patent-life term does not end with the agreement when nothing is registered."""

import copy

import pytest

from conftest import example_with, load_example_data
from ipclauses import check, load_spec
from ipclauses.agreement import plain
from ipclauses.conditions import lookup
from ipclauses.draft import make_draft


def _spec(example: str, lang: str | None = None, **changes):
    """An example spec with fields set by dotted path written with "__" (licence__term=...); None removes one."""
    return load_spec(example_with(example, lang, removes=None, **changes))


def _article(spec, clause_id: str) -> str:
    article = make_draft(spec).agreement.article(clause_id)
    return "\n".join(
        plain(p.segments) + "".join("\n- " + plain(i.segments) for i in p.items) for p in article.paragraphs
    )


def _paragraphs(spec, clause_id: str) -> list[str]:
    article = make_draft(spec).agreement.article(clause_id)
    return [plain(p.segments) + "".join(" " + plain(i.segments) for i in p.items) for p in article.paragraphs]


def _summary_text(spec) -> str:
    return make_draft(spec).summary.text()


def _ending(spec) -> list[str]:
    return [pt.text for pt in make_draft(spec).summary.ending]


def _ids(spec) -> set[str]:
    return {f.id for f in check(spec)}


# --- 1. the party who receives the research funding is named --------------------------------------------


def test_the_payee_is_the_other_party_of_the_payer():
    spec = _spec("jrd-startup-ja")
    assert spec.jrd.costs.payer == "yamato-denki"
    assert lookup(spec, "@costs.payee").short_name == "サーマリンク"
    assert lookup(_spec("jrd-university-en"), "@costs.payee").short_name == "the University"
    assert lookup(_spec("poc-ai-en"), "@costs.payee") is None  # no research costs outside a joint R&D


def test_japanese_fixed_funding_names_the_payee():
    text = _article(_spec("jrd-startup-ja"), "jrd.costs")
    assert "相手方" not in text
    assert "金36,000,000円（消費税及び地方消費税を含まない。）をサーマリンクに支払う" in text
    assert "サーマリンクは、本契約の締結後速やかに請求書を発行し" in text
    assert "サーマリンクの指定する銀行口座" in text
    assert "サーマリンクは、前項の費用を本共同研究の実施のためにのみ使用する" in text


def test_english_fixed_funding_names_the_payee():
    text = _article(_spec("jrd-university-en"), "jrd.costs")
    assert "other party" not in text
    assert "Sakuragi shall pay the University USD 850,000" in text
    assert "the University shall issue an invoice" in text
    assert "the bank account the University designates" in text
    assert "The University shall use that amount only for the Joint Research" in text
    assert "a cause attributable to the University" in text
    # a party called "the University" never opens a sentence in the middle of a paragraph
    assert ". the University" not in text


@pytest.mark.parametrize("example,payee,other", [("jrd-startup-ja", "サーマリンク", "相手"),
                                                 ("jrd-university-en", "the University", "other party")])
def test_funding_of_actual_costs_names_the_payee(example, payee, other):
    spec = _spec(example, jrd__costs__amount=None)
    text = _article(spec, "jrd.costs")
    assert other not in text
    assert text.lower().count(payee.lower()) >= 4
    summary = _summary_text(spec)
    assert payee in summary


@pytest.mark.parametrize("example,payee", [("jrd-startup-ja", "サーマリンク"), ("jrd-university-en", "the University")])
def test_the_article_summary_names_the_payee(example, payee):
    articles = dict(make_draft(_spec(example)).summary.articles)
    costs = next(text for heading, text in articles.items() if "研究費用" in heading or "Research Costs" in heading)
    assert payee in costs and "相手に" not in costs and "the other party" not in costs


# --- 2. a licence agreement never renews after its licence has ended --------------------------------------

# license-grantback-en with the automatic renewal it once had, past its 10-year licence
RENEWING = {"months": 120, "renewal": {"automatic": True, "renewal_months": 24, "notice_days": 180}}


def test_the_grant_back_licence_term_stops_renewal_at_the_end_of_the_licence():
    spec = _spec("license-grantback-en", term=RENEWING)
    first = _paragraphs(spec, "general.term")[0]
    assert "successive periods of 24 months" in first
    assert ("this Agreement does not renew once the period of the licence granted under this Agreement has ended, "
            "and no renewal period runs beyond the last day of that licence period") in first
    assert any("never beyond the end of the licence period" in text for text in _ending(spec))


def test_the_japanese_term_stops_renewal_at_the_end_of_the_licence():
    first = _paragraphs(_spec("license-grantback-en", lang="ja", term=RENEWING), "general.term")[0]
    assert "本契約に基づく実施許諾の期間が満了した後は、本契約は更新されず" in first
    assert "当該実施許諾の期間の満了の日を超えないものとする。" in first


@pytest.mark.parametrize("spec", [
    lambda: _spec("license-grantback-en", term=RENEWING, licence__term={"kind": "agreement_term"}),  # the licence follows renewals
    lambda: _spec("nda-mutual-ja", term={"months": 12, "renewal": {"automatic": True}}),
    lambda: _spec("jrd-startup-ja", term={"months": 18, "renewal": {"automatic": True}}),  # research may go on
])
def test_other_renewals_are_not_limited_by_a_licence(spec):
    first = _paragraphs(spec(), "general.term")[0]
    assert "実施許諾" not in first and "licence" not in first


def test_renewing_after_the_licence_has_ended_is_warned():
    spec = _spec("license-grantback-en", term=RENEWING)
    found = [f for f in check(spec) if f.id == "term.renews_after_licence"]
    assert len(found) == 1
    finding = found[0]
    assert finding.severity == "warning" and finding.path == "/term/renewal/automatic"
    assert "120 months" in finding.message and "10 years" in finding.message
    assert "agreement_term" in finding.fix


@pytest.mark.parametrize("changes", [
    {"licence__term": {"kind": "agreement_term"}},
    {"term": {"months": 120, "renewal": {"automatic": False}}},
    {"licence__term": {"kind": "years", "years": 12}},  # the licence outlasts the initial term
    {"licence__term": {"kind": "patent_life"}},
])
def test_no_warning_when_the_renewal_can_run_within_the_licence(changes):
    assert "term.renews_after_licence" not in _ids(_spec("license-grantback-en", **{"term": RENEWING, **changes}))


def test_the_renewal_warning_is_for_licence_agreements_only():
    jrd = _spec("jrd-startup-ja", term={"months": 36, "renewal": {"automatic": True}},
                licence__term={"kind": "years", "years": 2})
    assert "term.renews_after_licence" not in _ids(jrd)


# --- 3. the earlier NDA ends for the future, in both clauses ----------------------------------------------


def test_the_earlier_nda_ends_for_the_future_only_in_english():
    spec = _spec("poc-ai-en")
    supersedes = _article(spec, "confidentiality.supersedes")
    assert "ends, with effect for the future only, on the date on which this Agreement takes effect" in supersedes
    assert "is Confidential Information disclosed under this Agreement" in supersedes
    assert "remains liable, in accordance with the Earlier NDA, for any breach of it committed before then" in supersedes
    entire = _paragraphs(spec, "general.entire_agreement")[1]
    assert '"Mutual Non-Disclosure Agreement between Tokai and LumiVision" dated 10 February 2026 ends, for the future only' in entire
    assert "Information disclosed under it is Confidential Information under this Agreement" in entire
    assert "including liability for a breach committed before then" in entire
    # the named NDA is never said to continue in force; only any other earlier one does
    named, _, rest = entire.partition("Any other confidentiality or non-disclosure agreement")
    assert "continues in force" not in named and "continues in force" in rest


def test_the_earlier_nda_ends_for_the_future_only_in_japanese():
    spec = _spec("jrd-startup-ja")
    supersedes = _article(spec, "confidentiality.supersedes")
    assert "本契約の効力発生日をもって将来に向かって終了し" in supersedes
    assert "引き続き責任を負う" in supersedes
    entire = _paragraphs(spec, "general.entire_agreement")[1]
    assert "本契約の効力発生日をもって将来に向かってのみ終了する" in entire
    assert "本契約に基づく秘密情報として取り扱われ" in entire
    assert "同日より前の違反による責任を含む。" in entire
    named, _, rest = entire.partition("その他の秘密保持に関する契約")
    assert "引き続き効力を有する" not in named and "引き続き効力を有する" in rest


def test_the_summary_says_the_earlier_nda_ends_and_earlier_breaches_remain():
    articles = dict(make_draft(_spec("poc-ai-en")).summary.articles)
    entire = next(text for heading, text in articles.items() if "Entire Agreement" in heading)
    assert "ends, for the future only" in entire and "liability for earlier breaches remains" in entire
    assert "stays in force" not in entire


def test_without_a_named_earlier_nda_any_earlier_one_continues():
    spec = _spec("poc-ai-en", confidentiality__supersedes_nda=None)
    entire = _paragraphs(spec, "general.entire_agreement")[1]
    assert "continues in force in accordance with its own terms" in entire
    assert "for the future only" not in entire


# --- 4. a patent-life licence of results does not depend on registered rights -----------------------------


def _jrd_with_licence(lang="en", subject=("patents", "know_how", "copyright"), term=None):
    data = copy.deepcopy(load_example_data("jrd-university-en"))
    data["language"] = lang
    data["licence"] = {"licensor": "straits-u", "licensee": "sakuragi", "subject": list(subject),
                       "territory": ["worldwide"], "exclusivity": "non_exclusive", "sublicensing": "none",
                       "term": term or {"kind": "patent_life"}, "royalty": {"kind": "free"}}
    return load_spec(data)


def _poc_with_licence(lang="en", subject=("patents", "know_how", "copyright"), term=None):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["language"] = lang
    data["licence"] = {"subject": list(subject), "territory": ["worldwide"], "exclusivity": "non_exclusive",
                       "sublicensing": "none", "term": term or {"kind": "patent_life"}, "royalty": {"kind": "free"}}
    return load_spec(data)


MAKERS = {"jrd.licence": _jrd_with_licence, "poc.licence": _poc_with_licence}


@pytest.mark.parametrize("clause_id", sorted(MAKERS))
def test_english_patent_life_licence_has_its_own_term_for_each_kind_of_right(clause_id):
    text = _article(MAKERS[clause_id](), clause_id)
    assert "for the term of this Agreement" not in text and "when this Agreement ends" not in text
    assert "- for a registered right: until the right expires" in text
    assert "including a pending application: until the application is finally refused, withdrawn or abandoned" in text
    assert "if the right is registered, as a registered right" in text
    assert "copyright and other rights that need no registration: without time limit" in text
    assert "continue to apply after this Agreement expires or otherwise ends" in text or \
        "continue in force after this Agreement expires or otherwise ends" in text


@pytest.mark.parametrize("clause_id", sorted(MAKERS))
def test_japanese_patent_life_licence_has_its_own_term_for_each_kind_of_right(clause_id):
    text = _article(MAKERS[clause_id](lang="ja"), clause_id)
    assert "有効期間中" not in text and "本契約が終了した時に終了する" not in text
    assert "- 設定の登録がされた権利：当該権利の存続期間が満了する" in text
    assert "（出願中のものを含む。）：当該出願について拒絶をすべき旨の査定若しくは審決が確定し" in text
    assert "設定の登録を要しない権利：期間の定めのないもの" in text
    assert "本契約が期間満了その他の事由により終了した後も" in text


@pytest.mark.parametrize("clause_id", sorted(MAKERS))
def test_a_know_how_only_licence_lists_no_registered_rights_and_outlives_the_agreement(clause_id):
    text = _article(MAKERS[clause_id](subject=("know_how",)), clause_id)
    assert "registered right:" not in text and "pending application:" not in text
    assert "without time limit" in text
    ending = " ".join(_ending(MAKERS[clause_id](subject=("know_how",))))
    assert "The licence of the results lasts with no end date." in ending
    assert "It can outlast this agreement" in ending


@pytest.mark.parametrize("clause_id", sorted(MAKERS))
def test_the_summary_of_a_patent_life_licence_says_what_lasts_how_long(clause_id):
    spec = MAKERS[clause_id]()
    ending = " ".join(_ending(spec))
    assert "until each registered right expires, and for a pending application until it is finally refused" in ending
    assert "for know-how, data and copyright it has no end date" in ending or \
        "for know-how and copyright it has no end date" in ending
    articles = dict(make_draft(spec).summary.articles)
    licence = next(text for heading, text in articles.items() if "Licence of Results" in heading)
    assert "until the patents expire" not in licence
    assert "pending applications until they are finally refused" in licence
    assert "The licence continues after this Agreement ends." in licence


@pytest.mark.parametrize("clause_id", sorted(MAKERS))
def test_the_japanese_summary_of_a_patent_life_licence(clause_id):
    spec = MAKERS[clause_id](lang="ja")
    ending = " ".join(_ending(spec))
    assert "出願中のものは拒絶が確定するまで（登録されれば切れるまで）" in ending
    assert "期限なく続きます。" in ending


@pytest.mark.parametrize("clause_id", sorted(MAKERS))
def test_a_licence_for_the_agreement_term_still_ends_with_the_agreement(clause_id):
    text = _article(MAKERS[clause_id](term={"kind": "agreement_term"}), clause_id)
    assert "without time limit" not in text
    assert "for the term of this Agreement" in text or "ends when this Agreement ends" in text
