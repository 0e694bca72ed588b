"""The plain-language summary agrees with the agreement and the spec, and reads plainly."""

import io
import re
import statistics

import docx
import pytest

from conftest import EXAMPLES, example_ids
from ipclauses import assemble, load_spec, summarize, wording
from ipclauses.agreement import plain
from ipclauses.assemble import given_strings
from ipclauses.locales import get_locale
from ipclauses.summary import build_summary
from readability import flesch_reading_ease, japanese_sentence_lengths


def article_text(article) -> str:
    return "\n".join(plain(p.segments) + " " + " ".join(plain(i.segments) for i in p.items) for p in article.paragraphs)


@pytest.fixture(scope="module", params=EXAMPLES, ids=example_ids())
def deal(request):
    spec = load_spec(request.param)
    return spec, assemble(spec), build_summary(spec)


def test_summary_is_labelled_as_not_the_agreement(deal):
    spec, _, _summary = deal
    md = summarize(spec)
    first_lines = "\n".join(md.splitlines()[:3])
    assert ("not part of the agreement" in first_lines and "not legal advice" in first_lines) or (
        "契約書の一部ではなく" in first_lines and "法的助言" in first_lines
    )


def test_every_article_reference_points_to_a_real_article(deal):
    _, agreement, summary = deal
    labels = {a.label for a in agreement.articles}
    points = [pt for p in summary.parties for pt in p.may + p.must + p.cannot]
    points += summary.confidentiality + summary.money + summary.ending
    assert points
    for point in points:
        assert point.article, f"no article for: {point.text}"
        for label in re.split(r"[、,]\s*", point.article):
            assert label in labels, (label, point.text)


def test_confidentiality_period_matches_agreement_and_spec(deal):
    spec, agreement, summary = deal
    years = spec.confidentiality.survival_years
    text = " ".join(pt.text for pt in summary.confidentiality)
    assert (f"{years}年間" in text) if spec.language == "ja" else (f"{years} years" in text)
    term_article = agreement.article("general.term")
    assert str(years) in article_text(term_article), "the term article states the same survival period"
    label = next(pt.article for pt in summary.confidentiality if str(years) in pt.text)
    assert label == term_article.label


def test_ownership_matches_agreement_and_spec(deal):
    spec, agreement, summary = deal
    results = getattr(spec, "results", None)
    if results is None:
        assert spec.type in ("nda", "license")
        return
    row = summary.results_table[1]
    assert row[1] == wording.ownership_phrase(spec, get_locale(spec.language))
    clause_id = "poc.results_ownership" if spec.type == "poc" else "jrd.ownership"
    article = agreement.article(clause_id)
    assert article.label in row[3]
    rule = results.ownership.rule
    assert article.variant_id.startswith(rule) or rule in article.variant_id, (article.variant_id, rule)
    if rule == "sole":
        owner = next(p for p in spec.parties if p.id == results.ownership.owner)
        assert owner.short_name in row[1] and owner.short_name in article_text(article)


def test_licence_scope_matches_agreement_and_spec(deal):
    spec, agreement, summary = deal
    lic = getattr(spec, "licence", None)
    if lic is None:
        return
    scope = wording.licence_phrase(spec, get_locale(spec.language))
    assert any(scope in cell for row in summary.results_table[1:] for cell in row)
    grant = agreement.article({"license": "license.grant", "jrd": "jrd.licence", "poc": "poc.licence"}[spec.type])
    text = article_text(grant)
    definitions = agreement.article({"license": "license.definitions", "jrd": "jrd.definitions", "poc": "poc.definitions"}[spec.type])
    text += "\n" + article_text(definitions)  # the grant may use terms such as "Field" defined there
    if lic.exclusive_months:
        assert str(lic.exclusive_months) in text
    if lic.field:
        assert lic.field in text
    exclusive_word = {"ja": "独占", "en": "exclusive"}[spec.language]
    if lic.exclusivity == "non_exclusive":
        assert ("非独占" in text) if spec.language == "ja" else ("non-exclusive" in text)
    else:
        assert exclusive_word in text


def test_money_matches_the_spec(deal):
    spec, agreement, summary = deal
    money = " ".join(pt.text for pt in summary.money)
    if spec.type == "poc":
        fee = get_locale(spec.language).money(spec.poc.fee)
        assert fee in money and fee in article_text(agreement.article("poc.fee"))
    lic = getattr(spec, "licence", None)
    if lic is not None and lic.royalty.running_percent:
        assert f"{get_locale(spec.language).number(lic.royalty.running_percent)}%" in money


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_english_summary_reads_plainly(path):
    spec = load_spec(path)
    text = build_summary(spec, "en").text()
    for _, value in sorted(given_strings(spec), key=lambda v: -len(v[1])):
        text = text.replace(value, "X")  # score our writing, not the user's own words
    score = flesch_reading_ease(text)
    assert score >= 50, f"Flesch Reading Ease {score:.1f} < 50"


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_japanese_summary_sentences_are_short(path):
    spec = load_spec(path)
    text = build_summary(spec, "ja").text()
    for _, value in sorted(given_strings(spec), key=lambda v: -len(v[1])):
        text = text.replace(value, "X")
    lengths = japanese_sentence_lengths(text)
    assert statistics.mean(lengths) <= 60, statistics.mean(lengths)


def test_formats(tmp_path):
    spec = load_spec(EXAMPLES[0])
    page = summarize(spec, format="html")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r'(src|href)="(https?:)?//', page), "the HTML is one self-contained file"
    assert "@media print" in page
    data = summarize(spec, format="docx")
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].style.name == "IPC Title"
    assert summarize(spec, format="docx") == data, "same spec, same bytes"
    with pytest.raises(ValueError):
        summarize(spec, format="pdf")


def test_summary_in_the_other_language_keeps_article_numbers():
    spec = load_spec(next(p for p in EXAMPLES if p.stem == "nda-mutual-ja"))
    ja, en = build_summary(spec, "ja"), build_summary(spec, "en")
    assert next(h for h, _ in ja.articles).startswith("第1条") and next(h for h, _ in en.articles).startswith("Article 1")
    assert len(ja.articles) == len(en.articles)
    assert "not legal advice" in en.disclaimer


def test_summary_from_an_agreement_equals_summary_from_the_spec():
    spec = load_spec(EXAMPLES[0])
    assert summarize(assemble(spec)) == summarize(spec)


def test_summary_shows_findings():
    spec = load_spec(next(p for p in EXAMPLES if p.stem == "license-grantback-en"))
    md = summarize(spec)
    assert "liability.one_sided_cap" in _shown_text(md)


def _shown_text(markdown: str) -> str:
    """What a CommonMark viewer shows of a Markdown text."""
    import html
    import re

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").render(markdown)
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))
