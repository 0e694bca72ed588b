"""A bilingual summary (--lang ja+en) holds each language's own summary whole, the prevailing first, in every format."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from lxml import etree
from openxml_audit import OpenXmlValidator

import ipclauses
from conftest import EXAMPLES, NDA_EXAMPLE, ROOT, example_ids
from ipclauses.cli import main
from ipclauses.docx_render import document_text
from ipclauses.draft import make_draft
from ipclauses.renderers import render

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

def _cases(codes: tuple[str, ...]) -> list:
    return [pytest.param(path, code, id=f"{path.stem}-{code}") for path in EXAMPLES for code in codes]


def _side(path, order: str, code: str, fmt: str) -> bytes:
    """The single-language summary, in `code`, of the example asking for `order`: what its column must say.

    A title the example gives is in its prevailing language, so it stays only where that language comes first.
    """
    return _summary_of(make_draft(ipclauses.load_spec(path), lang=order).spec, code, fmt)


def _summary_of(spec, code: str, fmt: str) -> bytes:
    return render(make_draft(spec, lang=code), "summary", fmt)


def _summary(path, code: str, fmt: str) -> bytes:
    """The summary of an example in `code`: one language ("ja") or two ("ja+en")."""
    return render(make_draft(ipclauses.load_spec(path), lang=code), "summary", fmt)


# --- Markdown -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "code"), _cases(("ja+en", "en+ja")))
def test_markdown_is_each_languages_summary_whole_the_prevailing_first(path, code):
    first, second = code.split("+")
    expected = _side(path, code, first, "md") + b"\n---\n\n" + _side(path, code, second, "md")
    assert _summary(path, code, "md") == expected


def test_summarize_and_the_cli_give_both_languages():
    spec = ipclauses.load_spec(NDA_EXAMPLE)
    ja, en = (_summary(NDA_EXAMPLE, code, "md").decode("utf-8") for code in ("ja", "en"))
    assert ipclauses.summarize(spec, lang="ja+en", format="md") == f"{ja}\n---\n\n{en}"
    result = CliRunner().invoke(main, ["summary", str(NDA_EXAMPLE), "--lang", "ja+en", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{ja}\n---\n\n{en}"
    assert result.stdout.index("# やさしい要約") < result.stdout.index("# Plain-language summary")


def test_build_writes_the_bilingual_summary_beside_the_bilingual_agreement(tmp_path):
    out = tmp_path / "nda.docx"
    result = CliRunner().invoke(main, ["build", str(NDA_EXAMPLE), "--lang", "ja+en", "-o", str(out), "--summary-format", "md"])
    assert result.exit_code == 0, result.output
    ja, en = (_summary(NDA_EXAMPLE, code, "md") for code in ("ja", "en"))
    assert (tmp_path / "nda.summary.md").read_bytes() == ja + b"\n---\n\n" + en


# --- HTML ---------------------------------------------------------------------------------------


class _Columns(HTMLParser):
    """The page's language, and its pairs of sections: each side's language and its HTML as written."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)
        self.page = page
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", page)]
        self.language = ""
        self.pairs: list[tuple[str, list[tuple[str, str]]]] = []  # (data-section, [(lang, inner HTML)])
        self._open: list[tuple[str, int] | None] = []  # each open div: a side's lang and where its content starts
        self.feed(page)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "html":
            self.language = found.get("lang") or ""
        if tag != "div":
            return
        if "data-section" in found:
            self.pairs.append((found["data-section"], []))
        if found.get("class") == "side":
            self._open.append((found.get("lang") or "", self._offset() + len(self.get_starttag_text() or "")))
        else:
            self._open.append(None)

    def handle_endtag(self, tag):
        if tag != "div":
            return
        side = self._open.pop()
        if side is not None:
            self.pairs[-1][1].append((side[0], self.page[side[1]: self._offset()].strip("\n")))


def _body(page: str, anchor_prefix: str) -> str:
    """The single-language page between <body> and </body>, its article anchors named as in the bilingual page."""
    body = page[page.index("<body>") + len("<body>"): page.index("</body>")].strip("\n")
    return body.replace('href="#article-', f'href="#{anchor_prefix}article-').replace('id="article-', f'id="{anchor_prefix}article-')


@pytest.mark.parametrize(("path", "code"), _cases(("ja+en",)) + [p for p in _cases(("en+ja",)) if "poc-ai-en" in p.id])
def test_html_sets_each_section_beside_the_same_section_in_the_other_language(path, code):
    languages = code.split("+")
    page = _summary(path, code, "html").decode("utf-8")
    columns = _Columns(page)
    assert columns.language == languages[0]
    assert columns.pairs, "sections in pairs"
    summary = make_draft(ipclauses.load_spec(path), lang=languages[0]).summary
    sections = [key for key, _ in columns.pairs]
    assert sections[:3] == ["title", "overview", "results"] if summary.results else ["title", "overview", "parties"]
    assert [f"party-{n}" for n in range(1, len(summary.parties) + 1)] == [k for k in sections if k.startswith("party-")]
    assert sections[-4:] == ["checklist", "balance", "findings", "articles"]
    for key, sides in columns.pairs:
        assert [lang for lang, _ in sides] == languages, f"section {key}: one column per language, in order"
    # Each column, read down the page, is that language's own summary page.
    for n, lang in enumerate(languages):
        column = "\n".join(sides[n][1] for _, sides in columns.pairs)
        assert column == _body(_side(path, code, lang, "html").decode("utf-8"), f"{lang}-")
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "each column's anchors are its own"
    assert set(re.findall(r'href="#([^"]+)"', page)) <= set(ids)


def test_the_html_page_is_self_contained_and_lays_out_for_screen_narrow_screen_and_print():
    page = _summary(NDA_EXAMPLE, "ja+en", "html").decode("utf-8")
    assert not re.search(r"""(src|href)=["'](?!#)|@import|url\(""", page), "no external resources"
    assert '<p class="side" lang="ja">日本語</p><p class="side" lang="en">English</p>' in page, "each column names its language"
    css = page[page.index("<style>"): page.index("</style>")]
    assert "grid-template-columns:1fr 1fr" in css
    assert "@media screen and (max-width:60em){.pair{display:block}" in css, "columns stack on a narrow screen"
    assert "@media print{" in css
    assert ".side[lang=ja]{" in css and ".side[lang=en]{" in css, "fonts and line breaking by language"


# --- DOCX ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator():
    return OpenXmlValidator()


def _column_lines(docx: bytes) -> list[list[str]]:
    """Each column's text, one line a paragraph (those of a table in the column too), below the header row."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    rows = root.find(f"{W}body/{W}tbl").findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None, "the header row repeats on every page"
    assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows), "rows are kept on one page"
    columns: list[list[str]] = [[], []]
    for row in rows[1:]:
        for n, cell in enumerate(row.findall(f"{W}tc")):
            columns[n] += ["".join(t.text or "" for t in p.iter(f"{W}t")) for p in cell.iter(f"{W}p")]
    return columns


def _lines(docx: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return document_text(zf.read("word/document.xml")).split("\n")


@pytest.mark.parametrize("code", ["ja+en", "en+ja"])
@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_docx_is_valid_ooxml(validator, path, code, tmp_path):
    target = tmp_path / "summary.docx"
    target.write_bytes(_summary(path, code, "docx"))
    result = validator.validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]


@pytest.mark.parametrize(("path", "code"), _cases(("ja+en",)))
def test_each_docx_column_reads_as_that_languages_summary(path, code):
    columns = _column_lines(_summary(path, code, "docx"))
    for lang, column in zip(code.split("+"), columns, strict=True):
        single = _lines(_side(path, code, lang, "docx"))
        # (a cell that would end in a table ends in an empty paragraph, as WordprocessingML asks)
        assert [line for line in column if line] == [line for line in single if line]


def test_docx_columns_are_in_each_languages_styles():
    data = _summary(NDA_EXAMPLE, "ja+en", "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    row = root.find(f"{W}body/{W}tbl").findall(f"{W}tr")[1]
    styles = [{s.get(f"{W}val") for s in cell.iter(f"{W}pStyle")} for cell in row.findall(f"{W}tc")]
    assert styles == [{"IPCTitleJa", "IPCPreambleJa"}, {"IPCTitleEn", "IPCPreambleEn"}]


def test_the_summary_pdf_goes_through_the_bilingual_docx():
    from ipclauses.pdf import find_soffice

    if not find_soffice() or not (pdftotext := shutil.which("pdftotext")):
        pytest.skip("LibreOffice or pdftotext not installed")
    data = _summary(ROOT / "examples" / "poc-ai-en.json", "ja+en", "pdf")
    assert data.startswith(b"%PDF")
    text = subprocess.run([pdftotext, "-", "-"], input=data, check=True, capture_output=True).stdout.decode("utf-8")
    flat = re.sub(r"\s+", "", text)
    for lang in ("ja", "en"):
        summary = make_draft(ipclauses.load_spec(ROOT / "examples" / "poc-ai-en.json"), lang=lang).summary
        assert re.sub(r"\s+", "", summary.locale.words.summary.headings.articles) in flat
        assert re.sub(r"\s+", "", summary.articles[-1][0]) in flat


def test_a_single_language_summary_is_untouched_by_the_bilingual_layout():
    # The single-language page has no columns, and its DOCX no table of columns.
    page = _summary(NDA_EXAMPLE, "ja", "html").decode("utf-8")
    assert 'class="pair' not in page and "lang=ja]" not in page
    assert b"\n---\n\n" not in _summary(NDA_EXAMPLE, "ja", "md")

