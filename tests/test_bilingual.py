"""Bilingual agreements: each language's agreement in its column, row by row, one language prevailing.

What a reader of a ja+en agreement relies on: each column says exactly what that language's
single-language agreement says (plus the article on which language prevails), both columns
are numbered by Word (第3条 2 beside 3.2) with cross-references to their own column's
articles, the defined terms match, and the file prints and verifies like any other.
"""

import io
import json
import re
import zipfile

import pytest
from lxml import etree

import ipclauses
from conftest import EXAMPLES, NDA_EXAMPLE, example_ids, example_with
from ipclauses.bilingual import LANGUAGE_ARTICLE_ID
from ipclauses.build import document_bytes
from ipclauses.cli import main
from ipclauses.docx_render import document_text
from ipclauses.draft import make_draft
from ipclauses.library import load_library
from ipclauses.locales import get_locale
from ipclauses.redline_docx import redline_docx
from ipclauses.redline_model import redline
from ipclauses.verification import verify

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _document(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read("word/document.xml"))


def _paragraph_text(p) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _columns(root) -> tuple[list[str], list[str]]:
    """Each column's paragraphs as a reader sees them (field results included), header rows left out."""
    columns: tuple[list[str], list[str]] = ([], [])
    for table in root.iter(f"{W}tbl"):
        width = len(table.find(f"{W}tblGrid").findall(f"{W}gridCol"))
        for row in table.findall(f"{W}tr"):
            if row.find(f"{W}trPr/{W}tblHeader") is not None:
                continue
            start = 0
            for cell in row.findall(f"{W}tc"):
                side = 0 if start < width // 2 else 1
                columns[side].extend(_paragraph_text(p) for p in cell.iter(f"{W}p"))
                span = cell.find(f"{W}tcPr/{W}gridSpan")
                start += int(span.get(f"{W}val")) if span is not None else 1
    return columns


def _lines(texts) -> list[str]:
    return [text for text in texts if text]


@pytest.mark.parametrize("order", ["ja+en", "en+ja"])
@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_each_column_is_exactly_its_languages_single_language_agreement(path, order):
    bilingual = make_draft(ipclauses.load_spec(path), lang=order)
    spec = bilingual.spec  # the example asking for both languages
    columns = _columns(_document(document_bytes(spec)[1]))
    for code, column, side in zip(order.split("+"), columns, bilingual.columns, strict=True):
        single = _lines(document_text(_document(document_bytes(spec, lang=code)[1])).split("\n"))
        # The one addition: the article saying which language prevails, last before the signature block.
        language_article = side.articles[-1]
        assert language_article.clause_id == LANGUAGE_ARTICLE_ID
        added = [get_locale(code).article_title(language_article.title), ipclauses.agreement.plain(language_article.paragraphs[0].segments)]
        found = _lines(column)
        at = found.index(added[0])
        assert found[at + 1] == added[1]
        assert found[:at] + found[at + 2:] == single, f"{path.stem} {order}: the {code} column differs from the {code} agreement"


def test_the_prevailing_language_is_on_the_left_and_said_so_in_both_languages():
    spec = ipclauses.load_spec(NDA_EXAMPLE)
    for order, left_heading, clause in (
        ("ja+en", "日本語（優先）", "日本語版が優先する"),
        ("en+ja", "English (prevailing)", "the English version prevails"),
    ):
        root = _document(document_bytes(spec, lang=order)[1])
        header = root.find(f".//{W}tr")
        assert header.find(f"{W}trPr/{W}tblHeader") is not None, "the header row repeats on every page"
        assert _paragraph_text(header.findall(f"{W}tc")[0].find(f"{W}p")) == left_heading
        left, right = _columns(root)
        assert any(clause in text for text in left)
        other = "英語版が優先する" if order == "en+ja" else "the Japanese version prevails"
        assert any(other in text for text in right)


def test_every_row_stays_on_one_page_and_the_widths_fit_a4():
    root = _document(document_bytes(ipclauses.load_spec(EXAMPLES[0]), lang="ja+en")[1])
    tables = root.findall(f".//{W}tbl")
    assert tables
    for table in tables:
        widths = [int(col.get(f"{W}w")) for col in table.find(f"{W}tblGrid")]
        assert sum(widths) <= 11906 - 2 * 1134  # A4 less the template's margins
        assert widths[0] + widths[1] == widths[2] + widths[3], "both languages get half the page"
        for row in table.findall(f"{W}tr"):
            assert row.find(f"{W}trPr/{W}cantSplit") is not None


def test_each_column_numbers_and_cross_references_its_own_articles():
    spec = ipclauses.load_spec(EXAMPLES[0])
    root = _document(document_bytes(spec, lang="ja+en")[1])
    styles = {p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") for p in root.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle") is not None}
    assert {"IPCArticleJa", "IPCArticleEn", "IPCParagraphJa", "IPCParagraphEn"} <= styles
    starts = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    refs = [i.text.split()[1] for i in root.iter(f"{W}instrText") if i.text.strip().startswith("REF")]
    assert refs, "the example has cross-references"
    assert all(ref in starts for ref in refs), "every REF field points at a bookmark in the document"
    assert any(ref.endswith("Ja") for ref in refs) and any(ref.endswith("En") for ref in refs)
    # The bilingual template numbers each language with its own list, linked to its styles.
    with zipfile.ZipFile(io.BytesIO(document_bytes(spec, lang="ja+en")[1])) as zf:
        numbering = zf.read("word/numbering.xml").decode("utf-8")
        styles_xml = zf.read("word/styles.xml").decode("utf-8")
    assert '<w:lvlText w:val="第%1条"/>' in numbering and '<w:lvlText w:val="Article %1"/>' in numbering
    assert '<w:lvlText w:val="%1.%2"/>' in numbering
    # Mincho for the Japanese column, a serif for the English one.
    ja_style = re.search(r'w:styleId="IPCTextJa".*?</w:style>', styles_xml).group(0)
    en_style = re.search(r'w:styleId="IPCTextEn".*?</w:style>', styles_xml).group(0)
    assert "明朝" in ja_style and 'w:val="ja-JP"' in ja_style
    assert "Times New Roman" in en_style and 'w:val="en-GB"' in en_style


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_defined_terms_match_across_the_columns(path, library):
    """Where the Japanese defines 「本成果」, the English beside it defines "Results", article by article."""
    draft = make_draft(ipclauses.load_spec(path), library, lang="ja+en")
    ja, en = draft.columns
    for ja_article, en_article in zip(ja.articles, en.articles, strict=True):
        terms = list(library.terms.values())

        def defines(article, code: str, term) -> bool:
            return get_locale(code).quote(term[code]) in article.text()

        # Two terms may share a form in one language (改良技術: "Improvement", "Improvements"): each term a column
        # defines must have a namesake whose other form the other column defines.
        for term in terms:
            if defines(ja_article, "ja", term):
                assert any(u["ja"] == term["ja"] and defines(en_article, "en", u) for u in terms), (ja_article.clause_id, term)
            if defines(en_article, "en", term):
                assert any(u["en"] == term["en"] and defines(ja_article, "ja", u) for u in terms), (en_article.clause_id, term)


def test_the_same_spec_gives_the_same_bilingual_bytes():
    spec = ipclauses.load_spec(NDA_EXAMPLE)
    assert document_bytes(spec, lang="ja+en")[1] == document_bytes(spec, lang="ja+en")[1]


def test_a_spec_may_ask_for_both_languages_and_records_it(tmp_path):
    data = example_with("nda-mutual-ja", lang="ja+en")
    spec = ipclauses.load_spec(data)
    out = tmp_path / "nda.docx"
    ipclauses.build(spec, out)
    record = ipclauses.inspect_docx(out)
    assert record["custom_properties"]["language"] == "ja+en"
    assert record["spec"]["language"] == "ja+en"
    # A title given is in the prevailing language: it heads that column, and the other gets the type's title.
    left, right = _columns(_document(out.read_bytes()))
    assert left[0] == data["title"] and right[0] == make_draft(spec, lang="en").agreement.title != data["title"]
    assert verify(out).exact


def test_verify_says_which_column_was_edited(tmp_path):
    spec = ipclauses.load_spec(NDA_EXAMPLE)
    data = document_bytes(spec, lang="ja+en")[1]
    en = make_draft(spec, lang="ja+en").columns[1]
    # Edit one sentence of the English column only.
    sentence = ipclauses.agreement.plain(en.articles[0].paragraphs[0].segments)
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(edited, "w") as zout:
        for name in zin.namelist():
            part = zin.read(name)
            if name == "word/document.xml":
                root = etree.fromstring(part)
                [text] = [t for t in root.iter(f"{W}t") if t.text == sentence]
                text.text += " Amended."
                part = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            zout.writestr(name, part)
    result = verify(edited)
    assert not result.exact
    assert [d.article for d in result.edited] == [en.articles[0].heading]
    assert result.text_matches_record is False and result.record_matches_spec


def test_a_redline_shows_each_change_in_both_columns(tmp_path):
    old = ipclauses.load_spec(example_with("nda-mutual-ja", lang="ja+en"))
    new = ipclauses.load_spec(example_with("nda-mutual-ja", lang="ja+en", confidentiality__survival_years=5))
    result = redline(old, new, author="Counsel")
    assert len(result.sides) == 2
    out = tmp_path / "redline.docx"
    out.write_bytes(redline_docx(result))
    check = verify(out)
    where = {change.article for change in check.tracked_changes}
    # The survival period is written in an article (and in the key terms, the front matter): in both columns.
    articles = [{a.heading for a in side.new.articles} & {e.where for e in side.changed} for side in result.sides]
    assert all(articles), "the change is in an article of each language"
    assert articles[0] | articles[1] <= where, "every change is tracked in its column"
    assert any(w.startswith("第") for w in articles[0]) and any(w.startswith("Article") for w in articles[1])
    # Accepted, it is NEW: the recorded text is NEW's, and NEW's spec rebuilds it.
    assert check.record_matches_spec and check.text_matches_record
    assert not check.edited and not check.added and not check.removed
    from ipclauses.redline_text import to_json, to_markdown

    markdown = to_markdown(result)
    assert "第" in markdown and "Article" in markdown
    assert json.loads(to_json(result))["other_columns"][0]["language"] == "en"


def test_a_redline_refuses_versions_in_different_languages():
    old = ipclauses.load_spec(example_with("nda-mutual-ja"))
    new = ipclauses.load_spec(example_with("nda-mutual-ja", lang="ja+en"))
    with pytest.raises(ipclauses.RenderError, match="different languages"):
        redline(old, new)


def test_cli_lang_overrides_the_spec_for_one_build(tmp_path):
    from click.testing import CliRunner

    spec_file = tmp_path / "nda.json"
    spec_file.write_text(NDA_EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    before = spec_file.read_bytes()
    out = tmp_path / "nda.docx"
    result = CliRunner().invoke(main, ["build", str(spec_file), "--lang", "ja+en", "-o", str(out), "--summary-format", "md"])
    assert result.exit_code == 0, result.output
    assert spec_file.read_bytes() == before, "the spec is not edited"
    assert ipclauses.inspect_docx(out)["custom_properties"]["language"] == "ja+en"
    bad = CliRunner().invoke(main, ["build", str(spec_file), "--lang", "fr", "-o", str(tmp_path / "x.docx")])
    assert bad.exit_code == 2 and "fr" in bad.output and "Traceback" not in bad.output
    assert not (tmp_path / "x.docx").exists()


def test_a_joint_rd_drafts_its_joint_filing_agreements_in_both_languages_too(tmp_path):
    from test_joint_filing_beside_jrd import jrd_with_filing

    draft = make_draft(ipclauses.load_spec(jrd_with_filing()), load_library(), lang="ja+en")
    [(_, companion)] = draft.companions
    assert companion.bilingual and companion.language == "ja+en"
    from click.testing import CliRunner

    spec_file = tmp_path / "jrd.json"
    spec_file.write_text(json.dumps(jrd_with_filing(), ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(spec_file), "--lang", "ja+en", "-o", str(tmp_path / "jrd.docx")])
    assert result.exit_code == 0, result.output
    companion_file = tmp_path / "jrd.joint-filing-1.docx"
    assert ipclauses.inspect_docx(companion_file)["custom_properties"]["language"] == "ja+en"
    assert verify(companion_file).exact


def test_every_command_takes_a_bilingual_spec(tmp_path):
    """validate, check and summary speak the prevailing language; assemble gives its agreement."""
    from click.testing import CliRunner

    spec_file = tmp_path / "nda.json"
    spec_file.write_text(json.dumps(example_with("nda-mutual-ja", lang="ja+en"), ensure_ascii=False), encoding="utf-8")
    runner = CliRunner()
    valid = runner.invoke(main, ["validate", str(spec_file)])
    assert valid.exit_code == 0 and "ja+en" in valid.output
    checked = runner.invoke(main, ["check", str(spec_file)])
    assert checked.exit_code == 0 and "Traceback" not in checked.output, checked.output
    vague = tmp_path / "vague.json"
    vague.write_text(json.dumps(example_with("nda-mutual-ja", lang="en+ja", purpose__description="新規事業に関する協業の検討"),
                                ensure_ascii=False), encoding="utf-8")
    found = runner.invoke(main, ["check", str(vague)])
    assert found.exit_code == 1 and "purpose.vague" in found.output and "why:" in found.output, found.output
    summary = runner.invoke(main, ["summary", str(spec_file), "--format", "md"])
    assert summary.exit_code == 0 and "\n---\n" in summary.output
    agreement = ipclauses.assemble(ipclauses.load_spec(spec_file))
    assert agreement.language == "ja" and agreement.articles


def test_the_interview_offers_both_languages(tmp_path):
    """A project lead answering `ipclauses new` may choose ja+en; the spec it writes builds side by side."""
    from click.testing import CliRunner

    from conftest import ROOT

    answers = (ROOT / "examples" / "answers" / "nda-mutual-ja.toml").read_text(encoding="utf-8")
    assert '\nlanguage = "ja"\n' in answers
    answers_file = tmp_path / "answers.toml"
    answers_file.write_text(answers.replace('\nlanguage = "ja"\n', '\nlanguage = "ja+en"\n').replace("\nbuild = true\n", "\nbuild = false\n"),
                            encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "--answers", str(answers_file), "-o", str(tmp_path / "deal.json"), "--lang", "ja"])
    assert result.exit_code == 0, result.output
    spec = ipclauses.load_spec(tmp_path / "deal.json")
    assert spec.language == "ja+en"
    left, right = _columns(_document(document_bytes(spec)[1]))
    assert left and right


def test_a_title_heads_the_column_of_its_own_language(tmp_path):
    english = ipclauses.load_spec(next(p for p in EXAMPLES if p.stem == "license-en"))
    assert isinstance(english.title, str)
    # Drafted Japanese first, the English title the spec gives still heads the English column.
    out = tmp_path / "licence.docx"
    ipclauses.build(english, out, lang="ja+en")
    left, right = _columns(_document(out.read_bytes()))
    assert right[0] == english.title and left[0] == make_draft(english, lang="ja").agreement.title
    recorded = ipclauses.inspect_docx(out)["spec"]["title"]
    assert recorded["en"] == english.title and recorded.get("ja") is None
    assert verify(out).exact, "the recorded spec rebuilds both titles"
    # A title for each language.
    both = ipclauses.load_spec(example_with("nda-mutual-ja", lang="en+ja", title={"ja": "技術評価に関する秘密保持契約書",
                                                                                   "en": "Technology Evaluation NDA"}))
    left, right = _columns(_document(document_bytes(both)[1]))
    assert (left[0], right[0]) == ("Technology Evaluation NDA", "技術評価に関する秘密保持契約書")


def test_a_title_in_a_language_the_agreement_is_not_in_is_refused():
    with pytest.raises(ipclauses.SpecError) as info:
        ipclauses.load_spec(example_with("nda-mutual-ja", title={"en": "Technology Evaluation NDA"}))
    [problem] = info.value.errors
    assert problem.path == "/title/en" and '"ja"' in problem.message


def test_a_batch_drafts_every_spec_in_the_language_asked(tmp_path):
    """build A B -o DIR --lang en+ja: each agreement side by side, its article count the document's own."""
    from click.testing import CliRunner

    specs = [EXAMPLES[0], NDA_EXAMPLE]
    result = CliRunner().invoke(main, ["build", *map(str, specs), "-o", str(tmp_path / "out"), "--lang", "en+ja", "--json",
                                       "-j", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for entry, path in zip(report, specs, strict=True):
        assert entry["status"] == "built"
        docx = tmp_path / "out" / f"{path.stem}.docx"
        assert ipclauses.inspect_docx(docx)["custom_properties"]["language"] == "en+ja"
        assert entry["articles"] == len(make_draft(ipclauses.load_spec(path), lang="en+ja").columns[0].articles)
        assert verify(docx).exact
