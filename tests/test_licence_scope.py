"""Issue 12, licence scope terms: when exclusivity starts (licence.exclusive_from) in the licence agreement,
the PoC and the joint R&D licence, and a registered exclusive licence (専用実施権, licence.registered_exclusive)
in the licence agreement: what the articles, the key terms and the summary say, and the combinations refused."""


import pytest

from conftest import DELETE, example_with
from ipclauses import SpecError, load_spec
from ipclauses.draft import make_draft
from ipclauses.locales import get_locale
from ipclauses.wording import key_terms

_DELETE = DELETE


def _data(example: str, **changes) -> dict:
    return example_with(example, **changes)


def _spec(example: str, **changes):
    return load_spec(_data(example, **changes))


def _errors(example: str, **changes) -> list[tuple[str, str]]:
    with pytest.raises(SpecError) as exc:
        _spec(example, **changes)
    return [(p.path, p.message) for p in exc.value.errors]


def _article(spec, clause_id: str, lang: str) -> str:
    article = next(a for a in make_draft(spec, lang=lang).agreement.articles if a.clause_id == clause_id)
    return article.text()


def _summary(spec, lang: str) -> str:
    return make_draft(spec, lang=lang).summary.text()


def _licence_key_term(spec, lang: str) -> str:
    locale = get_locale(lang)
    return dict(key_terms(spec, locale))[locale.words.key_terms.licence]


POC_LICENCE = {"exclusivity": "exclusive_then_non_exclusive", "exclusive_months": 12, "non_use_fallback_months": 6,
               "royalty": {"kind": "free"}}

# licence-en as an exclusive licence for the whole term, without a non-use fallback
WHOLE_TERM = {"licence__exclusivity": "exclusive", "licence__exclusive_months": _DELETE,
              "licence__exclusive_perpetual": True, "licence__non_use_fallback_months": _DELETE}
REGISTERED = {**WHOLE_TERM, "licence__registered_exclusive": True}


# --- exclusive_from: the licence agreement ---------------------------------------------------


def test_without_a_start_of_exclusivity_the_licence_is_exclusive_from_the_effective_date():
    spec = _spec("license-en")
    assert ("The Licence is exclusive for 36 months from the effective date of this Agreement and becomes "
            "non-exclusive when that period ends.") in _article(spec, "license.grant", "en")
    assert "本ライセンスは、本契約の効力発生日から36か月間は独占的なものとし、" in _article(spec, "license.grant", "ja")
    assert _licence_key_term(spec, "en").startswith("exclusive for 36 months, then non-exclusive;")


def test_exclusivity_from_a_date_counts_the_exclusive_months_and_the_non_use_period_from_that_date():
    spec = _spec("license-en", licence__exclusive_from="2027-04-01")
    en = _article(spec, "license.grant", "en")
    assert "The Licence is non-exclusive before 1 April 2027, is exclusive for 36 months from 1 April 2027, and becomes non-exclusive again" in en
    assert "it shall not license any third party in the Field in the Territory on terms that continue on or after 1 April 2027" in en
    assert "(including the period from 1 April 2027 until the first sale)" in en
    ja = _article(spec, "license.grant", "ja")
    assert "本ライセンスは、2027年4月1日から36か月間は独占的なものとし、2027年4月1日より前及びその期間の満了後は非独占的なものとする。" in ja
    assert "2027年4月1日以後も効力を有する本許諾権利の実施又は使用の許諾を、許諾分野及び許諾地域に関して第三者にしてはならない。" in ja
    assert "（2027年4月1日から最初の販売までの期間を含む。）" in ja
    assert _licence_key_term(spec, "en").startswith("non-exclusive before 1 April 2027, then exclusive for 36 months, then non-exclusive;")
    assert _licence_key_term(spec, "ja").startswith("2027年4月1日より前は非独占、2027年4月1日から36か月間独占、その後非独占、")
    assert "Use the technology itself and license others before 1 April 2027, but not for any time from that date on." in _summary(spec, "en")
    assert "2027年4月1日より前は、自ら技術を使い、他社にライセンスする（2027年4月1日以後も続くライセンスは除く）。" in _summary(spec, "ja")


def test_a_whole_term_exclusive_licence_from_a_date_is_not_called_exclusive_before_it():
    spec = _spec("license-en", **WHOLE_TERM, licence__exclusive_from="2027-04-01")
    en = _article(spec, "license.grant", "en")
    assert 'grants to Meiho, on the terms of this Agreement, a licence (the "Licence")' in en
    assert "The Licence is non-exclusive before 1 April 2027, and exclusive from 1 April 2027 until the Licence ends." in en
    ja = _article(spec, "license.grant", "ja")
    assert "次に掲げる行為をする権利（以下「本ライセンス」という。）を許諾する。" in ja
    assert "本ライセンスは、2027年4月1日より前は非独占的なものとし、2027年4月1日から本ライセンスの期間の満了まで独占的なものとする。" in ja


def test_a_time_limited_exclusive_licence_from_a_date_lasts_its_months_from_that_date():
    spec = _spec("license-en", licence__exclusivity="exclusive", licence__exclusive_months=24,
                 licence__non_use_fallback_months=_DELETE, licence__exclusive_from="2027-04-01")
    assert "lasts until 24 months have passed from 1 April 2027" in _article(spec, "license.grant", "en")
    assert "本ライセンスの期間は、本契約の効力発生日に始まり、2027年4月1日から24か月を経過した時に終了するものとする。" in _article(spec, "license.grant", "ja")
    assert "The licence ends 24 months after 1 April 2027, or sooner" in _summary(spec, "en")


# --- exclusive_from: the PoC and the joint R&D licence -------------------------------------------


def test_a_poc_licence_can_become_exclusive_when_the_customer_accepts_the_report():
    spec = _spec("poc-ai-en", licence={**POC_LICENCE, "exclusive_from": "report_acceptance"})
    en = _article(spec, "poc.licence", "en")
    assert "The licence is non-exclusive until the Report passes inspection under Article 4" in en
    assert "but shall not grant any licence that continues after the Report passes inspection" in en
    assert "The licence is exclusive from when the Report passes inspection until 12 months have passed from then" in en
    assert "for 6 consecutive months or more after the Report passes inspection" in en
    ja = _article(spec, "poc.licence", "ja")
    assert "本条の実施権は、本報告書が第4条に定める検査に合格する時（合格したものとみなされる時を含む。以下本条において同じ。）までは非独占的なものとする。" in ja
    assert "本条の実施権は、本報告書が検査に合格した時から12か月を経過する日までの間は独占的なもの" in ja
    assert _licence_key_term(spec, "en").startswith("non-exclusive until the Report is accepted, then exclusive for 12 months, then non-exclusive;")
    assert _licence_key_term(spec, "ja").startswith("報告書の検収までは非独占、検収後は12か月間独占、その後非独占、")
    assert "Use the rights itself and license others until the Report is accepted" in _summary(spec, "en")


def test_a_joint_rnd_licence_can_become_exclusive_on_a_date():
    spec = _spec("jrd-startup-ja", licence__exclusive_from="2027-04-01")
    ja = _article(spec, "jrd.licence", "ja")
    assert "本条の実施権は、2027年4月1日より前は非独占的なものとする。" in ja
    assert "本条の実施権は、2027年4月1日から36か月を経過する日までの間は独占的なもの" in ja
    assert "2027年4月1日以後連続して12か月以上" in ja
    en = _article(spec, "jrd.licence", "en")
    assert "The licence is exclusive from 1 April 2027 until 36 months have passed from that date" in en
    assert "2027年4月1日より前は独占ではなく、2027年4月1日から36か月は独占で" in _summary(spec, "ja")


# --- exclusive_from: refused --------------------------------------------------------------------


@pytest.mark.parametrize("example,changes", [
    ("license-en", {}),
    ("jrd-startup-ja", {}),
], ids=["licence-agreement", "joint-rnd"])
def test_report_acceptance_is_refused_outside_a_poc(example, changes):
    errors = _errors(example, licence__exclusive_from="report_acceptance", **changes)
    assert any(path == "/licence/exclusive_from" and "only for a PoC" in msg for path, msg in errors), errors


def test_a_start_of_exclusivity_before_the_effective_date_is_refused():
    errors = _errors("license-en", licence__exclusive_from="2026-06-30")
    assert ("/licence/exclusive_from", "is 2026-06-30, before the effective date 2026-07-01 "
            "(exclusivity cannot start before the agreement does)") in errors


def test_a_start_of_exclusivity_after_the_licence_ends_is_refused():
    # the PoC licence lasts as long as the PoC agreement: 1 May 2026 to 31 October 2026
    errors = _errors("poc-ai-en", licence={**POC_LICENCE, "exclusive_from": "2026-11-01"})
    assert any(path == "/licence/exclusive_from" and "after the licence ends on 2026-10-31" in msg
               for path, msg in errors), errors
    assert _spec("poc-ai-en", licence={**POC_LICENCE, "exclusive_from": "2026-10-31"})


def test_a_start_of_exclusivity_for_a_non_exclusive_licence_is_refused():
    errors = _errors("license-grantback-en", licence__exclusive_from="2027-01-01")
    assert any(path == "/licence/exclusive_from" and "the licence is non-exclusive" in msg for path, msg in errors), errors


# --- registered_exclusive: the articles and the summary ---------------------------------------------


def test_a_registered_exclusive_licence_sets_a_senyo_jisshiken_on_the_japanese_patents():
    spec = _spec("license-en", **REGISTERED)
    en = _article(spec, "license.grant", "en")
    assert ("For the Licensed Patents granted in Japan, Kamo Photonics grants Meiho a registered exclusive licence "
            "(senyo jisshiken) under the Patent Act of Japan, until the Licence ends") in en
    assert "The parties shall jointly apply to the Japan Patent Office to register the senyo jisshiken promptly after this Agreement is signed" in en
    assert "Unless the parties agree otherwise in writing, Meiho bears the costs of each application, including registration tax." in en
    assert "Once the senyo jisshiken is registered, Kamo Photonics has no right to work those inventions within its scope." in en
    assert "For the Licensed Patents outside Japan and the other Licensed Rights, the Licence is a contractual exclusive licence." in en
    assert "does not create a registered exclusive licence" not in en
    ja = _article(spec, "license.grant", "ja")
    assert "Kamo Photonicsは、Meihoに対し、本特許のうち日本国の特許権について、本ライセンスが終了するまでの間、許諾分野における許諾製品に関し、特許法に基づく専用実施権を設定する。" in ja
    assert "前項の専用実施権の設定の登録を共同して特許庁に申請するものとし" in ja
    assert "その申請に要する費用（登録免許税を含む。）は、両当事者が別途書面により合意した場合を除き、Meihoが負担する。" in ja
    assert "専用実施権の設定の登録がされた後は、Kamo Photonicsは、その範囲において当該発明を実施する権利を有しない。" in ja
    assert "専用実施権の設定は行わない" not in ja
    assert _licence_key_term(spec, "en").startswith("exclusive (Japanese patents: registered exclusive licence, senyo jisshiken);")
    assert _licence_key_term(spec, "ja").startswith("独占（日本の特許は専用実施権）、")


def test_the_summary_says_the_licensor_cannot_work_the_patents_and_the_licensee_pays_for_registration():
    spec = _spec("license-en", **REGISTERED)
    en, ja = _summary(spec, "en"), _summary(spec, "ja")
    assert "Work the inventions of the Japanese licensed patents itself, or license anyone else to work them, in the Field while the licence is exclusive." in en
    assert "Meiho pays the costs of registering the senyo jisshiken, including registration tax, unless the parties agree otherwise." in en
    assert "Apply with Meiho to register the senyo jisshiken at the Japan Patent Office promptly" in en
    assert "独占の間、許諾分野で、日本の許諾特許の発明を自ら実施し、又は他社に実施を許諾する。" in ja
    assert "専用実施権の登録の費用（登録免許税を含む）は、別に合意しない限りMeihoが負担します。" in ja


def test_sublicences_under_a_senyo_jisshiken_are_consented_to_in_advance():
    spec = _spec("license-en", **REGISTERED)  # sublicensing to affiliates
    en = _article(spec, "license.restrictions", "en")
    assert "a sublicence includes a non-exclusive licence (tsujo jisshiken) that Meiho grants under its senyo jisshiken" in en
    assert "Kamo Photonics consents in advance to each such non-exclusive licence that Meiho grants in accordance with this Article." in en
    ja = _article(spec, "license.restrictions", "ja")
    assert "再実施許諾にはMeihoが専用実施権に基づいて第三者にする通常実施権の許諾を含み" in ja
    assert "Kamo Photonicsは、Meihoが本条に従ってする当該通常実施権の許諾について、あらかじめ承諾する。" in ja
    no_sublicence = _spec("license-en", **REGISTERED, licence__sublicensing="none")
    text = _article(no_sublicence, "license.restrictions", "en")
    assert "a sublicence includes a non-exclusive licence (tsujo jisshiken)" in text and "consents in advance" not in text


def test_when_the_licence_ends_the_licensee_helps_cancel_the_registration():
    spec = _spec("license-en", **REGISTERED)
    en = _article(spec, "license.effects", "en")
    assert "Meiho shall promptly give Kamo Photonics the documents needed to cancel the registration of the senyo jisshiken" in en
    assert "Until the cancellation is registered, Meiho shall not exercise the senyo jisshiken" in en
    ja = _article(spec, "license.effects", "ja")
    assert "Meihoは、速やかに、専用実施権の設定の登録の抹消に必要な書類をKamo Photonicsに交付し、その他抹消の登録の手続に協力しなければならない。" in ja
    assert "gives Kamo Photonics the papers needed to cancel the registration of the senyo jisshiken" in _summary(spec, "en")
    unregistered = _article(_spec("license-en", **WHOLE_TERM), "license.effects", "en")
    assert "senyo jisshiken" not in unregistered


def test_a_registered_exclusive_licence_from_a_date_is_registered_after_that_date():
    spec = _spec("license-en", **REGISTERED, licence__exclusive_from="2027-01-01")
    en = _article(spec, "license.grant", "en")
    assert "under the Patent Act of Japan, from 1 January 2027 until the Licence ends" in en
    assert "register the senyo jisshiken promptly after 1 January 2027" in en
    assert "本特許のうち日本国の特許権について、2027年1月1日から本ライセンスが終了するまでの間" in _article(spec, "license.grant", "ja")


# --- registered_exclusive: refused ------------------------------------------------------------------


@pytest.mark.parametrize("changes,words", [
    ({"licence__exclusivity": "exclusive_then_non_exclusive", "licence__exclusive_months": 24,
      "licence__exclusive_perpetual": _DELETE}, 'cannot be combined with "exclusive_then_non_exclusive"'),
    ({"licence__non_use_fallback_months": 12}, "cannot be combined with non_use_fallback_months"),
    ({"disputes__governing_law": "new_york"}, "needs Japanese law"),
    ({"licence__subject": ["know_how"]}, 'needs "patents" in licence.subject'),
    ({"licensed__patents": []}, "needs the patents listed in licensed.patents"),
    ({"licence__territory": ["United States", "China"]}, "needs Japan in licence.territory"),
    ({"diligence": {"first_sale_months": 24}}, 'cannot be combined with "diligence.consequence": "either"'),
], ids=["then-non-exclusive", "non-use-fallback", "foreign-law", "no-patents", "no-listed-patents", "no-japan",
        "diligence"])
def test_impossible_combinations_with_a_registered_exclusive_licence_are_refused(changes, words):
    errors = _errors("license-en", **{**REGISTERED, **changes})
    assert any(path == "/licence/registered_exclusive" and words in msg for path, msg in errors), errors


def test_a_registered_exclusive_licence_may_end_by_termination_for_missed_diligence():
    spec = _spec("license-en", **REGISTERED, diligence={"first_sale_months": 24, "consequence": "terminate"})
    assert spec.licence.registered_exclusive


@pytest.mark.parametrize("example,licence", [
    ("poc-ai-en", {"exclusivity": "exclusive", "exclusive_perpetual": True, "registered_exclusive": True,
                   "royalty": {"kind": "free"}}),
    ("jrd-startup-ja", None),
], ids=["poc", "joint-rnd"])
def test_a_registered_exclusive_licence_is_refused_outside_the_licence_agreement(example, licence):
    changes = {"licence": licence} if licence else {
        "licence__exclusivity": "exclusive", "licence__exclusive_months": _DELETE, "licence__exclusive_perpetual": True,
        "licence__non_use_fallback_months": _DELETE, "licence__registered_exclusive": True}
    errors = _errors(example, **changes)
    assert any(path == "/licence/registered_exclusive" and "only for licence agreements" in msg
               for path, msg in errors), errors
