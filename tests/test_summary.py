"""The plain-language summary agrees with the agreement and the spec, and reads plainly."""

import io
import re
import statistics

import docx
import pytest

from conftest import EXAMPLES, ROOT, example_ids, load_example_data
from ipclauses import assemble, load_spec, summarize, wording
from ipclauses.agreement import plain
from ipclauses.assemble import given_strings
from ipclauses.draft import make_draft
from ipclauses.library import load_library
from ipclauses.loading import validate_data
from ipclauses.locales import get_locale
from readability import flesch_reading_ease, japanese_sentence_lengths


def build_summary(spec, lang=None, library=None):
    return make_draft(spec, library, lang=lang).summary


def article_text(article) -> str:
    return "\n".join(plain(p.segments) + " " + " ".join(plain(i.segments) for i in p.items) for p in article.paragraphs)


@pytest.fixture(scope="module", params=EXAMPLES, ids=example_ids())
def deal(request):
    spec = load_spec(request.param)
    draft = make_draft(spec)
    return spec, draft.agreement, draft.summary


def test_summary_is_labelled_as_not_the_agreement(deal):
    spec, _, _summary = deal
    md = summarize(spec)
    first_lines = "\n".join(md.splitlines()[:3])
    assert ("not part of the agreement" in first_lines and "not legal advice" in first_lines) or (
        "契約書の一部ではなく" in first_lines and "法的助言" in first_lines
    )


def test_every_summary_point_names_the_article_that_binds_it(deal):
    _, agreement, summary = deal
    labels = {a.clause_id: a.label for a in agreement.articles}
    points = summary.points()
    assert len(points) >= 10, "the summary says who may, must and cannot do what"
    for point in points:
        assert point.article, f"no article for: {point.text}"
        assert labels.get(point.article_id) == point.article, (point.article_id, point.article, point.text)
    assert all(p.may or p.must or p.cannot for p in summary.parties), "every party learns what it may, must or cannot do"
    assert summary.confidentiality and summary.ending


def test_confidentiality_period_matches_agreement_and_spec(deal):
    spec, agreement, summary = deal
    years = spec.confidentiality.survival_years
    text = " ".join(pt.text for pt in summary.confidentiality)
    assert (f"{years}年間" in text) if spec.language == "ja" else (f"{years} years" in text)
    term_article = next(a for a in agreement.articles if a.category == "term")  # general.term, or a type's own
    assert str(years) in article_text(term_article), "the term article states the same survival period"
    label = next(pt.article for pt in summary.confidentiality if str(years) in pt.text)
    assert label == term_article.label


def test_ownership_matches_agreement_and_spec(deal):
    spec, agreement, summary = deal
    results = getattr(spec, "results", None)
    if results is None and getattr(spec, "licence", None) is None:
        # No results or licence: an NDA states no ownership; another type (a data provision agreement's data) only
        # what its own articles state, each row bound to an article of the agreement.
        if spec.type == "nda":
            assert not summary.results_table
        assert all(agreement.article(r.point.article_id) for r in summary.results)
        return
    table = summary.results_table
    assert table[0] == list(get_locale(spec.language).words.summary.results.header)
    if results is None:
        return
    clause_id = "poc.results_ownership" if spec.type == "poc" else "jrd.ownership"
    article = agreement.article(clause_id)
    rows = [r for r in summary.results if r.point.article_id == clause_id]
    assert rows and rows[0].point.article == article.label, "the first row: the results, bound by the ownership article"
    rule = results.ownership.rule
    assert article.variant_id.startswith(rule) or rule in article.variant_id, (article.variant_id, rule)
    if rule == "sole":
        owner = next(p for p in spec.parties if p.id == results.ownership.owner)
        assert owner.short_name in rows[0].point.text and owner.short_name in article_text(article)


def test_licence_scope_matches_agreement_and_spec(deal):
    spec, agreement, summary = deal
    lic = getattr(spec, "licence", None)
    if lic is None:
        return
    scope = wording.licence_phrase(spec, get_locale(spec.language))
    assert any(scope in p.text for p in summary.points()), "the summary states the scope as the key terms do"
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
    with pytest.raises(ValueError, match=r"unknown summary format 'odt' \(allowed: docx, html, md, pdf\)"):
        summarize(spec, format="odt")


@pytest.mark.parametrize("name", ["jrd-university-en", "poc-medical-ja"])
def test_the_html_summary_fits_a_phone_labels_its_tables_and_links_every_article_number(name):
    import html as entities

    draft = make_draft(load_spec(ROOT / "examples" / f"{name}.json"))
    s = draft.summary
    page = summarize(draft.spec, format="html")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    header = "".join(f'<th scope="col">{entities.escape(c)}</th>' for c in s.locale.words.summary.balance.header)
    assert s.balance_rows and header in page, "the balance table says what its columns are"
    # Every article number the page shows links to that article's row in the list of articles.
    anchors = dict(re.findall(r'<li id="(article-\d+)"><strong>([^<]+)</strong>', page))
    assert list(anchors.values()) == [entities.escape(heading) for heading, _ in s.articles]
    links = re.findall(r'<a href="#(article-\d+)">([^<]+)</a>', page)
    assert links and {target for target, _ in links} <= set(anchors)
    assert all(anchors[target].startswith(label) for target, label in links)
    shown_labels = {label for label, _, _ in s.balance_rows} | {pt.article for pt in s.points() if pt.article}
    assert shown_labels <= {label for _, label in links}, "an article number shown without its link"


def test_the_html_checklist_shows_each_success_measure_as_an_item_of_a_list():
    data = load_example_data("poc-ai-en")
    data["project"]["kpis"] = ["Defect detection above 95%", "Under 200 ms per image <fast>"]
    page = summarize(validate_data(data, "kpis.json"), format="html")
    assert '<ul class="kpis"><li>Defect detection above 95%</li><li>Under 200 ms per image &lt;fast&gt;</li></ul>' in page
    assert f"<p>{data['project']['objective']}</p>" in page


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


# --- the summary is a projection of the agreement's clause choices -----------------------------

FREE_ASSIGNMENT = """
id = "general.no_assignment"
category = "general"
title = { ja = "権利義務の譲渡", en = "Assignment" }
agreements = ["nda", "poc", "jrd", "license"]
order = 975

[[variants]]
id = "free"
balance = "balanced"
text.ja = "各当事者は、本契約上の地位及び本契約に基づく権利義務を、相手方の承諾を得ることなく第三者に譲渡することができる。"
text.en = "Either party may assign its position under this Agreement, and its rights and obligations under it, to any third party without the consent of the other party."
summary.ja = "どちらの当事者も、相手の同意なしに契約上の地位を譲れます。"
summary.en = "Either party may transfer this Agreement without the other's consent."
commentary.ja = "譲渡を自由とする。"
commentary.en = "Assignment is free."

[[variants.effects]]
kind = "may"
who = "each"
text.ja = "{{ other }}の同意なく、この契約上の地位を他人に譲る。"
text.en = "Transfer this agreement to anyone, without asking {{ other }}."
"""


def test_the_summary_follows_an_overlay_that_changes_what_a_clause_does(tmp_path):
    """The README's promise: the summary cannot contradict the agreement, even with a firm's own clauses."""
    folder = tmp_path / "firm" / "general"
    folder.mkdir(parents=True)
    (folder / "general-no-assignment.toml").write_text(FREE_ASSIGNMENT, encoding="utf-8")
    spec = load_spec(next(p for p in EXAMPLES if p.stem == "poc-ai-en"))
    bundled, firm = make_draft(spec), make_draft(spec, load_library(tmp_path / "firm"))
    assert "consent" in bundled.agreement.article("general.no_assignment").text()
    article = firm.agreement.article("general.no_assignment")
    assert "without the consent" in article.text() and article.variant_id == "free"
    for before, after in zip(bundled.summary.parties, firm.summary.parties, strict=True):
        assert any("Transfer this agreement" in p.text for p in before.cannot)
        assert not any("Transfer this agreement" in p.text for p in after.cannot), "the old rule is gone"
        [allowed] = [p for p in after.may if "Transfer this agreement to anyone" in p.text]
        assert allowed.article == article.label
    assert "Transfer this agreement to anyone" in summarize(spec, library=load_library(tmp_path / "firm"))


def test_summary_points_follow_the_chosen_variant():
    """A one-way NDA binds only the recipient; a mutual one binds both: the summary says which."""
    import json

    data = json.loads(next(p for p in EXAMPLES if p.stem == "nda-mutual-ja").read_text(encoding="utf-8"))
    mutual = build_summary(load_spec(data))
    assert all(p.must for p in mutual.parties)
    data["confidentiality"]["direction"] = "one_way"
    data["parties"][0]["role"], data["parties"][1]["role"] = "discloser", "recipient"
    one_way = build_summary(load_spec(data))
    discloser, recipient = one_way.parties
    duty = [p for p in recipient.must if p.article_id == "confidentiality.duty"]
    assert duty and not [p for p in discloser.must if p.article_id == "confidentiality.duty"]


def test_summary_code_names_no_clause():
    """What the summary says comes from the clause files' effects, never from a clause id in code."""
    from conftest import ROOT

    code = (ROOT / "src" / "ipclauses" / "summary.py").read_text(encoding="utf-8")
    ids = {c for c in load_library().clauses}
    assert not [c for c in ids if c in code]


def test_a_build_assembles_once_and_checks_once(tmp_path, monkeypatch):
    """One Draft per build: the agreement, its findings and its summary come from one assembly and one check run."""
    from click.testing import CliRunner

    import ipclauses.draft as draft_module
    from ipclauses.cli import main

    calls = {"assemble": 0, "run_checks": 0}
    for name in calls:
        original = getattr(draft_module, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(draft_module, name, counted)
    spec = next(p for p in EXAMPLES if p.stem == "jrd-university-en")
    out = tmp_path / "deal.docx"
    result = CliRunner().invoke(main, ["build", str(spec), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and (tmp_path / "deal.summary.html").exists()
    assert calls == {"assemble": 1, "run_checks": 1}


def _party_called_the_university():
    # jrd-university-en calls its university party "the University": every sentence, heading and
    # table cell that opens with it must read "The University", in the agreement and the summary.
    spec = load_spec(load_example_data("jrd-university-en"))
    assert any(p.short_name == "the University" for p in spec.parties)
    return spec


def test_a_party_called_the_university_is_capitalised_wherever_a_sentence_opens_with_it():
    spec = _party_called_the_university()
    draft = make_draft(spec)
    opens_lower = re.compile(r"(^|[.!?] )the University\b")
    summary = draft.summary
    shown = [*summary.overview, *(p.heading for p in summary.parties), *(a for _q, a in summary.checklist),
             *(row.point.text for row in summary.results), *(text for _h, text in summary.articles),
             *(w for _a, _t, w in summary.balance_rows)]
    assert [s for s in shown if opens_lower.search(s)] == []
    assert "The University" in [p.heading for p in summary.parties]
    agreement_text = [article_text(a) for a in draft.agreement.articles]
    assert [t for t in agreement_text if opens_lower.search(t)] == []
    # "e.g. the University" and a name inside a sentence stay as the user wrote them
    assert any("the University" in t for t in agreement_text)


def test_a_one_way_deal_with_many_articles_for_one_side_and_none_for_the_other_is_not_called_leaning():
    draft = make_draft(load_spec(load_example_data("license-grantback-en")))
    counts = [w for _a, _t, w in draft.summary.balance_rows]
    licensor = next(p.short_name for p in draft.spec.parties if p.role == "licensor")
    assert len(counts) >= 5 and set(counts) == {licensor}
    assert draft.summary.balance_verdict.startswith(get_locale("en").words.summary.balance.favours.format(leader=licensor))
