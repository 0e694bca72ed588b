"""Licence pitfalls: grant-back pitfalls found, summaries that say what is licensed and granted back,
a narrow definition of Improvements, the non-use trigger, and the burden of proving an exclusion."""


import pytest

from conftest import example_with
from ipclauses import check, load_spec
from ipclauses.agreement import plain
from ipclauses.draft import make_draft


def _data(example: str, **changes) -> dict:
    return example_with(example, **changes)


def _spec(example: str, **changes):
    return load_spec(_data(example, **changes))


def _findings(spec, check_id):
    return [f for f in check(spec) if f.id == check_id]


def _agreement_text(spec, lang=None) -> str:
    agreement = make_draft(spec, lang=lang).agreement
    return "\n".join(
        plain(p.segments) + " " + " ".join(plain(i.segments) for i in p.items)
        for article in agreement.articles for p in article.paragraphs
    )


def _summary(spec, lang=None) -> str:
    return make_draft(spec, lang=lang).summary.text()


def _overview(summary: str) -> str:
    return next(line for line in summary.splitlines() if "lets" in line or "許諾します" in line)


# --- 1. checks ----------------------------------------------------------------------------


def test_an_assignment_back_of_the_licensees_improvements_is_a_warning():
    found = _findings(_spec("license-en", improvements__owner="original_owner"), "licence.assign_back_improvements")
    assert len(found) == 1
    finding = found[0]
    assert (finding.severity, finding.path) == ("warning", "/improvements/owner")
    assert "Meiho must assign the improvements it makes alone to Kamo Photonics" in finding.message
    assert "unfair trade practice" in finding.why and "Fair Trade Commission" in finding.why
    assert '"improvements.owner": "improver"' in finding.fix
    assert not _findings(_spec("license-en"), "licence.assign_back_improvements")


def test_a_grant_back_the_licensor_may_sublicense_to_other_licensees_is_a_warning():
    found = _findings(_spec("license-grantback-en"), "licence.sublicensable_grant_back")
    assert len(found) == 1
    finding = found[0]
    assert (finding.severity, finding.path) == ("warning", "/improvements/grant_back")
    assert "Oshima" in finding.message and "other licensees" in finding.message and "GreenCat" in finding.message
    assert "unfair trade practice" in finding.why
    assert "non_exclusive_free" in finding.fix
    for grant_back in ("non_exclusive_free", "none"):
        assert not _findings(_spec("license-grantback-en", improvements__grant_back=grant_back),
                             "licence.sublicensable_grant_back")
    # with an assignment-back the grant-back setting is not used: only that finding
    assigned = _spec("license-grantback-en", improvements__owner="original_owner")
    assert not _findings(assigned, "licence.sublicensable_grant_back")
    assert _findings(assigned, "licence.assign_back_improvements")


# --- 2. summaries -------------------------------------------------------------------------


@pytest.mark.parametrize(("subject", "en", "ja"), [
    (["patents"], "use its patents (", "、特許の利用を許諾します"),
    (["know_how"], "use its know-how (", "、ノウハウの利用を許諾します"),
    (["patents", "know_how"], "use its patents and know-how (", "、特許及びノウハウの利用を許諾します"),
    (["patents", "copyright", "trademark"], "use its patents, copyright works, and trademarks (",
     "、特許、著作物及び商標の利用を許諾します"),
])
def test_the_overview_names_what_is_licensed(subject, en, ja):
    changes = {"licence__subject": subject}
    if "trademark" in subject:
        changes["licensed__trademarks"] = ["KAMOLUX"]
    spec = _spec("license-en", **changes)
    assert en in _overview(_summary(spec, "en"))
    assert ja in _overview(_summary(spec, "ja"))


def test_a_patent_only_licence_is_not_summarised_as_know_how():
    spec = _spec("license-en", licence__subject=["patents"])
    assert "know-how" not in _overview(_summary(spec, "en"))
    assert "ノウハウ" not in _overview(_summary(spec, "ja"))


def test_the_sublicensable_grant_back_summary_says_perpetual_non_exclusive_and_passed_to_other_licensees():
    spec = _spec("license-grantback-en")
    text = _summary(spec, "en")
    assert ("Oshima may use those of GreenCat free, with no time limit, even after this agreement ends. "
            "The right is not exclusive, but Oshima may sublicense it to its group companies and to its other "
            "licensees, who may compete with GreenCat.") in text
    assert ("Let Oshima use its improvements free, with no time limit and even after this agreement ends, and let "
            "Oshima sublicense them to its group companies and its other licensees, who may be competitors.") in text
    assert "let its group companies and other licensees use them" not in text
    ja = _summary(spec, "ja")
    assert "契約が終わった後も期限なく無償で使えます" in ja
    assert "GreenCatの競合となり得る他のライセンシー" in ja


def test_the_free_grant_back_summary_says_own_use_for_the_licence_term_only():
    spec = _spec("license-grantback-en", improvements__grant_back="non_exclusive_free")
    text = _summary(spec, "en")
    assert "Oshima may use those of GreenCat itself, free, but only while the licence lasts." in text
    assert "This right is not exclusive, and Oshima may not sublicense or transfer it." in text
    assert "Let Oshima itself use its improvements free, not exclusively, and only while the licence lasts." in text
    assert "no time limit" not in text
    ja = _summary(spec, "ja")
    assert "ライセンスの期間中に限り、GreenCatの改良を無償で自ら使えます" in ja


def test_the_assignment_back_summary_says_the_licensee_keeps_only_a_limited_licence():
    text = _summary(_spec("license-grantback-en", improvements__owner="original_owner"), "en")
    assert ("GreenCat may use the ones it assigned free, but not exclusively, only in the Field and Territory, "
            "and only while the licence lasts.") in text
    assert "may keep using its own free" not in text


# --- 3. clause text -----------------------------------------------------------------------


def test_improvements_are_only_changes_to_the_licensed_technology_that_need_it():
    en = _agreement_text(_spec("license-en"), "en")
    assert ('"Improvements" means any invention, device, know-how, work of authorship or other technical result '
            "that modifies or enhances the technology covered by the Licensed Rights (other than trademarks) itself, "
            "that cannot be worked without infringing the Licensed Rights or using that technology") in en
    assert "is not an Improvement, even if it is used together with that technology" in en
    assert "improves, modifies or applies" not in en
    ja = _agreement_text(_spec("license-en"), "ja")
    assert "そのものを改良し、又は改変した発明" in ja
    assert "本許諾権利に抵触し、又は当該技術を使用することなしには実施することができないもの" in ja
    assert "改良技術に含まれない" in ja
    assert "又は応用した" not in ja


EXCLUSIVE = {
    "exclusive_then_non_exclusive": {},
    "exclusive_perpetual": {"licence__exclusivity": "exclusive", "licence__exclusive_months": None,
                            "licence__exclusive_perpetual": True},
    "exclusive_limited": {"licence__exclusivity": "exclusive", "licence__exclusive_months": 48},
}


@pytest.mark.parametrize("changes", EXCLUSIVE.values(), ids=EXCLUSIVE.keys())
def test_non_use_does_not_end_exclusivity_while_the_licensee_prepares(changes):
    spec = _spec("license-en", **changes)
    assert spec.licence.non_use_fallback_months == 12
    en = _agreement_text(spec, "en")
    assert ("Meiho neither makes nor sells Licensed Products on a commercial basis in the Territory, nor makes "
            "genuine preparations to do so") in en
    ja = _agreement_text(spec, "ja")
    assert "許諾製品の商業的な生産若しくは販売又はこれらの準備" in ja
    assert "生産及び販売のいずれも行わない期間" not in ja
    summary = _summary(spec, "en")
    assert "Make the licence non-exclusive if Meiho neither makes nor sells Licensed Products, nor prepares to, " \
           "for 12 months in a row." in summary
    assert "neither uses it nor prepares to use it for 12 months" in summary
    assert "使うこともその準備もしなければ" in _summary(spec, "ja")


@pytest.mark.parametrize("definition", ["all_disclosed", "marked", "marked_or_confirmed"])
def test_the_burden_of_proving_an_exclusion_says_what_the_japanese_says(definition):
    recipient = _spec("nda-mutual-ja", confidentiality__definition=definition)
    en = _agreement_text(recipient, "en")
    assert "as the case may be" not in en
    assert ("The party that received the information bears the burden of proving in writing that the information "
            "falls within one of them:") in en
    assert "当該情報が次の各号のいずれかに該当することを書面により証明しなければならない" in _agreement_text(recipient, "ja")

    discloser = _spec("nda-mutual-ja", confidentiality__definition=definition, confidentiality__exclusions_proved_by="discloser")
    en = _agreement_text(discloser, "en")
    assert ("The party that disclosed the information bears the burden of proving in writing that the information "
            "falls within none of them:") in en
    assert ("情報を開示した当事者は、当該情報が次の各号のいずれにも該当しないことを書面により証明しなければならない"
            in _agreement_text(discloser, "ja"))
