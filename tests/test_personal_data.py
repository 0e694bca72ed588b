"""Personal information (Japan's APPI): the spec section, its article, its summary and the check that asks about it."""

import copy

import pytest

from conftest import load_example_data
from ipclauses import SpecError, check, load_spec
from ipclauses.agreement import plain
from ipclauses.build import document_bytes
from ipclauses.draft import make_draft
from ipclauses.drafting import drafting_findings

CLAUSE = "confidentiality.personal_data"


def _spec(example: str, personal_data=None, language=None, **changes):
    data = copy.deepcopy(load_example_data(example))
    if personal_data is not None:
        data["personal_data"] = personal_data
    if language:
        data["language"] = language
    for path, value in changes.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node[key]
        node[keys[-1]] = value
    return load_spec(data)


def _article(draft):
    found = [a for a in draft.agreement.articles if a.clause_id == CLAUSE]
    return found[0] if found else None


def _text(article) -> str:
    return "\n".join(plain(p.segments) + " " + " ".join(plain(i.segments) for i in p.items) for p in article.paragraphs)


def _ids(findings):
    return {f.id for f in findings}


# --- the article ------------------------------------------------------------------


def test_one_party_gives_data_the_other_protects_it():
    draft = make_draft(_spec("poc-ai-en", {"provided_by": ["tokai"], "leak_notice_hours": 36}))
    article = _article(draft)
    assert article is not None and article.title == "Personal Information"
    text = _text(article)
    assert "Tokai (in this Article, the data provider) may give personal information to LumiVision (in this Article, " \
           "the data recipient)" in text
    # the duties the APPI asks for: security measures, supervision of subcontractors, no re-identification,
    # a leak notice within the hours the spec gives and help with the PPC report, deletion with a certificate
    assert "organisational, human, physical and technical measures" in text
    assert "shall supervise the third party" in text
    assert "shall not identify, or try to identify, any individual" in text
    assert "within 36 hours after learning of it" in text and "24 hours" not in text
    assert "information it needs to report to the PPC" in text
    assert "certificate confirming it, signed by a responsible officer" in text
    # options not chosen stay out: sensitive information, and the conditions for a planned transfer abroad
    assert "special care-required personal information" not in text
    assert "shall not give personal information to a third party in a foreign country, or handle it or have it " \
           "handled outside Japan, without the prior written consent of the data provider" in text
    assert "shall tell the data provider in writing the country" not in text
    # it outlives the agreement: the term article lists it among the provisions that survive without limit
    term = next(a for a in draft.agreement.articles if a.clause_id == "general.term")
    assert article.label in _text(term)


def test_sensitive_data_and_a_planned_transfer_abroad_add_their_paragraphs():
    draft = make_draft(_spec("poc-ai-en", {"provided_by": ["tokai"], "sensitive": True, "cross_border": True}))
    text = _text(_article(draft))
    assert "special care-required personal information as defined in the APPI" in text
    assert "prior consent that the APPI requires" in text
    assert "letting only persons it has named to the data provider in writing in advance handle it" in text
    assert "shall tell the data provider in writing the country" in text
    assert "conditions the APPI sets for giving personal information to a third party in a foreign country" in text
    assert "without the prior written consent of the data provider. If it does so" not in text


def test_japanese_text_for_an_exchange():
    draft = make_draft(_spec("jrd-startup-ja", {"provided_by": ["yamato-denki", "thermalink"], "sensitive": True}))
    article = _article(draft)
    assert article.title == "個人情報の取扱い"
    text = _text(article)
    assert "各当事者は、本目的のために必要な範囲で、他の当事者に個人情報を提供することができる。" in text
    assert "要配慮個人情報" in text and "本人の事前の同意" in text
    assert "知った時から24時間以内に" in text
    assert "個人情報保護委員会への報告" in text
    assert "本人を識別し、又は識別しようとしてはならない" in text
    assert "証明書を提供当事者に交付しなければならない" in text
    assert "日本国外において個人情報を取り扱い、若しくは取り扱わせてはならない" in text


def test_the_recipient_is_whichever_party_does_not_give_the_data():
    text = _text(_article(make_draft(_spec("poc-ai-en", {"provided_by": ["lumivision"]}))))
    assert "LumiVision (in this Article, the data provider) may give personal information to Tokai" in text


@pytest.mark.parametrize("personal_data", [None, {"provided_by": []}], ids=["unstated", "none-exchanged"])
def test_no_article_without_personal_data(personal_data):
    assert _article(make_draft(_spec("poc-ai-en", personal_data))) is None


@pytest.mark.parametrize("example", ["nda-mutual-ja", "poc-ai-en", "jrd-university-en", "license-en"])
def test_every_agreement_type_gets_the_article_and_drafts_cleanly(example):
    first = load_example_data(example)["parties"][0]["id"]
    for lang in ("ja", "en"):
        spec = _spec(example, {"provided_by": [first], "sensitive": True}, language=lang)
        agreement, docx_bytes = document_bytes(spec)
        assert any(a.clause_id == CLAUSE for a in agreement.articles) and docx_bytes
        assert not drafting_findings(agreement, spec), lang


# --- the summary --------------------------------------------------------------------


def test_summary_shows_each_side_its_duties_one_way():
    summary = make_draft(_spec("poc-ai-en", {"provided_by": ["tokai"], "sensitive": True, "leak_notice_hours": 12})).summary
    tokai, lumivision = summary.parties
    assert any("only the personal data the purpose needs" in p.text for p in tokai.must)
    assert any("consent the law requires" in p.text and "sensitive data" in p.text for p in tokai.must)
    assert any("report how it handles the personal data" in p.text for p in tokai.may)
    assert not any("personal data" in p.text for p in lumivision.must + lumivision.may), "LumiVision gives no data"
    secret = [p.text for p in summary.confidentiality]
    assert "LumiVision must use personal data from Tokai only for the purpose and keep it secure." in " ".join(secret)
    assert any("LumiVision must tell Tokai of a leak of personal data within 12 hours" in t for t in secret)
    assert any("never try to identify people" in t for t in secret)
    assert any("return or delete the personal data and give Tokai a signed certificate" in t for t in secret)
    assert any("cannot send the personal data abroad" in t for t in secret)
    assert any("sensitive data" in t and "encrypted" in t for t in secret)
    article = next(p for p in summary.points() if "within 12 hours" in p.text).article
    assert article == _article(make_draft(_spec("poc-ai-en", {"provided_by": ["tokai"]}))).label


def test_summary_of_an_exchange_puts_the_duties_in_each_partys_lists():
    spec = _spec("jrd-startup-ja", {"provided_by": ["yamato-denki", "thermalink"], "cross_border": True}, language="en")
    summary = make_draft(spec).summary
    for party, other in zip(summary.parties, reversed(summary.parties), strict=True):
        must = " ".join(p.text for p in party.must)
        cannot = " ".join(p.text for p in party.cannot)
        assert f"Use personal data from {other.name} only for the purpose" in must
        assert f"Tell {other.name} of a leak of personal data received from it within 24 hours" in must
        assert f"Return or delete personal data from {other.name}" in must
        assert f"Get the written consent of {other.name}, and meet the law's conditions" in must
        assert f"Try to identify people in anonymised or pseudonymised data from {other.name}" in cannot
        assert "abroad, or handle it outside Japan" not in cannot  # a transfer abroad is planned: the consent route applies
    assert not any("personal data" in p.text for p in summary.confidentiality)


def test_japanese_summary_of_one_way_data():
    summary = make_draft(_spec("jrd-startup-ja", {"provided_by": ["thermalink"]})).summary
    secret = " ".join(p.text for p in summary.confidentiality)
    assert "大和電機は、サーマリンクから受け取った個人情報を目的のためだけに使い" in secret
    assert "24時間以内にサーマリンクに知らせ" in secret
    article_summary = dict(summary.articles)[next(h for h, _ in summary.articles if "個人情報" in h)]
    assert "サーマリンクは、目的に必要な範囲で大和電機に個人情報を渡せます。" in article_summary


# --- validation -------------------------------------------------------------------


@pytest.mark.parametrize(
    "personal_data,path,message",
    [
        ({"provided_by": ["acme"]}, "/personal_data/provided_by/0", '"acme" is not a party id'),
        ({"provided_by": ["tokai", "tokai"]}, "/personal_data/provided_by/1", 'lists "tokai" twice'),
        ({"provided_by": [], "sensitive": True}, "/personal_data/sensitive", "only used when a party provides"),
        ({"provided_by": [], "leak_notice_hours": 48}, "/personal_data/leak_notice_hours", "only used when a party provides"),
        ({"provided_by": ["tokai"], "leak_notice_hours": 0}, "/personal_data/leak_notice_hours", "out of range"),
        ({"sensitive": True}, "/personal_data/provided_by", 'required field "provided_by" is missing'),
    ],
    ids=["unknown-party", "twice", "sensitive-without-provider", "hours-without-provider", "zero-hours", "no-provider"],
)
def test_personal_data_is_validated(personal_data, path, message):
    with pytest.raises(SpecError) as caught:
        _spec("poc-ai-en", personal_data)
    assert any(p == path and message in m for p, m in caught.value.errors), caught.value.errors


# --- the deal check ---------------------------------------------------------------------


def test_check_asks_when_the_deal_shares_images():
    found = [f for f in check(_spec("poc-ai-en")) if f.id == "personal_data.unstated"]
    assert len(found) == 1
    finding = found[0]
    assert finding.severity == "info" and finding.path == "/personal_data"
    assert 'poc.materials mentions "images"' in finding.message
    assert "APPI" in finding.why and '"personal_data": {"provided_by": []}' in finding.fix


def test_check_warns_when_the_data_is_about_people():
    spec = _spec("poc-ai-en", poc__materials="Anonymised CT scans and medical records of 300 patients")
    finding = next(f for f in check(spec) if f.id == "personal_data.unstated")
    assert finding.severity == "warning"
    assert "suggests information about people" in finding.message
    spec = _spec("jrd-startup-ja", jrd__materials="大和電機が工場作業者の作業映像データを提供する")
    assert next(f for f in check(spec) if f.id == "personal_data.unstated").severity == "warning"


@pytest.mark.parametrize(
    "example,personal_data",
    [
        ("poc-ai-en", {"provided_by": ["tokai"]}),  # stated: the article handles it
        ("poc-ai-en", {"provided_by": []}),  # stated: none is exchanged
        ("nda-mutual-ja", None),  # material property data (物性データ), not about people
        ("license-en", None),  # "passenger vehicles": people, but no data is shared
        ("jrd-university-ja", None),  # samples of a solid electrolyte
    ],
    ids=["stated", "none", "property-data", "people-without-data", "samples"],
)
def test_check_stays_quiet(example, personal_data):
    assert "personal_data.unstated" not in _ids(check(_spec(example, personal_data)))
