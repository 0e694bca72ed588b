"""Every example's DOCX, opened as Word and python-docx see it: numbering, fields, fonts, metadata."""

import io
import subprocess
import sys
import zipfile

import docx
import pytest
from lxml import etree

import ipclauses
from conftest import EXAMPLES, NDA_EXAMPLE, example_ids
from ipclauses.assemble import spec_sha256
from ipclauses.build import document_bytes
from ipclauses.docx_render import ID_BOOKMARK_PREFIX, PROPERTY_NAMES, custom_properties

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


@pytest.fixture(scope="module")
def built():
    out = {}
    for path in EXAMPLES:
        spec = ipclauses.load_spec(path)
        agreement, data = document_bytes(spec)
        out[path.stem] = (spec, agreement, data)
    return out


def part(data: bytes, name: str):
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def article_paragraphs(document):
    return [p for p in document.iter(f"{W}p") if p.find("w:pPr/w:pStyle[@w:val='IPCArticle']", NS) is not None]


@pytest.mark.parametrize("name", example_ids())
def test_article_numbering_is_word_numbering_linked_to_the_styles(built, name):
    spec, agreement, data = built[name]
    numbering = part(data, "word/numbering.xml")
    styles = part(data, "word/styles.xml")
    document = part(data, "word/document.xml")
    levels = {
        lvl.get(f"{W}ilvl"): (lvl.find("w:pStyle", NS).get(f"{W}val"), lvl.find("w:lvlText", NS).get(f"{W}val"))
        for lvl in numbering.find("w:abstractNum[@w:abstractNumId='0']", NS)
        if lvl.tag == f"{W}lvl"
    }
    expected = "第%1条" if spec.language == "ja" else "Article %1"
    assert levels["0"] == ("IPCArticle", expected)
    assert levels["1"][0] == "IPCParagraph" and levels["2"][0] == "IPCItem"
    # The style carries the numbering, so a paragraph a lawyer adds in this style renumbers the rest.
    num_pr = styles.find("w:style[@w:styleId='IPCArticle']/w:pPr/w:numPr", NS)
    assert num_pr.find("w:numId", NS).get(f"{W}val") == "1"
    assert num_pr.find("w:ilvl", NS).get(f"{W}val") == "0"
    assert numbering.find("w:num[@w:numId='1']/w:abstractNumId", NS).get(f"{W}val") == "0"
    # Every abstractNum precedes every num (Word refuses the file otherwise).
    tags = [etree.QName(el).localname for el in numbering]
    assert tags.index("num") > max(i for i, t in enumerate(tags) if t == "abstractNum")
    articles = article_paragraphs(document)
    assert len(articles) == len(agreement.articles) >= 10
    assert all(p.find("w:pPr/w:numPr", NS) is None for p in articles), "no direct numbering: the style numbers articles"


@pytest.mark.parametrize("name", example_ids())
def test_cross_references_are_ref_fields_to_bookmarks_with_the_right_cached_text(built, name):
    spec, agreement, data = built[name]
    document = part(data, "word/document.xml")
    number_of = {}
    for n, para in enumerate(article_paragraphs(document), 1):
        for mark in para.findall("w:bookmarkStart", NS):
            if not mark.get(f"{W}name").startswith(ID_BOOKMARK_PREFIX):  # those carry stable ids
                number_of[mark.get(f"{W}name")] = n
    assert len(number_of) == len(agreement.articles)
    found = 0
    for para in document.iter(f"{W}p"):
        runs = list(para.iter(f"{W}r"))
        for i, run in enumerate(runs):
            instr = run.find("w:instrText", NS)
            if instr is None or not instr.text.strip().startswith("REF"):
                continue
            target = instr.text.split()[1]
            assert target in number_of, f"REF to missing bookmark {target}"
            cached = runs[i + 2].find("w:t", NS).text  # begin, instr, separate, cached, end
            n = number_of[target]
            assert cached == (f"第{n}条" if spec.language == "ja" else f"Article {n}")
            found += 1
    assert found >= 1, "every agreement cross-refers to at least one article"


@pytest.mark.parametrize("name", example_ids())
def test_fonts_and_language_are_explicit(built, name):
    spec, _, data = built[name]
    styles = part(data, "word/styles.xml")
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{W}eastAsia") == "ja-JP"
    if spec.language == "ja":
        assert "明朝" in fonts.get(f"{W}eastAsia")
        assert lang.get(f"{W}val") == "ja-JP"
    else:
        assert fonts.get(f"{W}ascii") == "Times New Roman"
    xml = etree.tostring(styles).decode()
    assert "Theme=" not in xml and "theme=" not in xml, "theme font attributes would override the explicit fonts"


@pytest.mark.parametrize("name", example_ids())
def test_metadata_round_trips_through_inspect(built, name, tmp_path):
    spec, agreement, data = built[name]
    path = tmp_path / "a.docx"
    path.write_bytes(data)
    info = ipclauses.inspect_docx(path)
    assert info["problems"] == [], "a file as built is consistent: spec hash and both copies of the properties agree"
    assert info["integrity"]["spec_hash_matches"] and info["integrity"]["spec_sha256_computed"] == spec_sha256(spec)
    props = info["custom_properties"]
    assert props == custom_properties(agreement) and set(props) == set(PROPERTY_NAMES)
    assert props["spec_sha256"] == spec_sha256(spec)
    assert props["clause_library_version"] == ipclauses.load_library().version
    assert props["clause_library_sha256"] == ipclauses.load_library().content_sha256 == agreement.library_sha256
    assert props["ipclauses_version"] == ipclauses.__version__
    assert info["choices"] == agreement.choices
    assert info["spec"]["parties"][0]["legal_name"] == spec.parties[0].legal_name
    core = docx.Document(path).core_properties
    assert core.author == "ipclauses" and "python-docx" not in (core.author + core.last_modified_by)
    assert core.created.date() == spec.effective_date == core.modified.date()
    assert core.title == agreement.title
    with zipfile.ZipFile(path) as zf:
        assert not any("thumbnail" in n for n in zf.namelist())


@pytest.mark.parametrize("name", example_ids())
def test_python_docx_reads_the_text(built, name, tmp_path):
    spec, agreement, data = built[name]
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    for party in spec.parties:
        assert party.legal_name in text
    assert agreement.articles[-1].title in text


def test_same_spec_gives_the_same_bytes_in_one_process(built):
    for path in EXAMPLES:
        _, again = document_bytes(ipclauses.load_spec(path))
        assert again == built[path.stem][2]


def test_same_spec_gives_the_same_bytes_across_processes(built, tmp_path):
    path = NDA_EXAMPLE
    out = tmp_path / "other.docx"
    subprocess.run([sys.executable, "-m", "ipclauses", "build", str(path), "-o", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == built[path.stem][2]


def test_inspect_refuses_a_file_not_written_by_ipclauses(tmp_path):
    other = tmp_path / "plain.docx"
    docx.Document().save(other)
    with pytest.raises(ipclauses.DocumentError, match="no ipclauses provenance"):
        ipclauses.inspect_docx(other)
    text = tmp_path / "notes.docx"
    text.write_text("not a zip")
    with pytest.raises(ipclauses.DocumentError, match="not a DOCX"):
        ipclauses.inspect_docx(text)


def test_items_under_a_first_paragraph_restart_and_do_not_shift_paragraph_numbers(built):
    """A Japanese article's first paragraph is unnumbered; its items use their own restarted list."""
    for _name, (spec, agreement, data) in built.items():
        if spec.language != "ja":
            continue
        numbering = part(data, "word/numbering.xml")
        document = part(data, "word/document.xml")
        free_lists = {n.get(f"{W}numId") for n in numbering.findall("w:num", NS) if n.get(f"{W}numId") != "1"}
        used = {el.get(f"{W}val") for el in document.iterfind(".//w:numPr/w:numId", NS)}
        expected = sum(1 for a in agreement.articles for p in a.paragraphs if p.label is None and p.items)
        assert len(free_lists) == expected and used == free_lists
        for num in numbering.findall("w:num", NS):
            if num.get(f"{W}numId") != "1":
                assert num.find("w:lvlOverride/w:startOverride", NS).get(f"{W}val") == "1"
        return
    pytest.fail("no Japanese example")


HOSTILE = [
    "Fish & Chips <Ltd> \"quoted\" 'single'",
    "{{ purpose }} {% if x %}boom{% endif %} {# c #}",
    "<w:t>injected</w:t>&amp;&lt;",
    "絵文字 🚀🧪 and RTL שלום עולם مرحبا",
    "combining: e\u0301 a\u0308 \u00e9",
    "{_{ docxtpl escape }_} {_% x %_}",
    "x" * 10_000,
]


def test_hostile_values_build_and_appear_verbatim(tmp_path):
    from conftest import load_example_data

    data = load_example_data(NDA_EXAMPLE.stem)
    data["parties"][0]["legal_name"] = HOSTILE[0]
    data["parties"][1]["legal_name"] = HOSTILE[3]
    data["parties"][0]["address"] = HOSTILE[2]
    data["parties"][1]["address"] = HOSTILE[4]
    data["parties"][0]["representative"]["name"] = HOSTILE[5]
    data["purpose"]["description"] = HOSTILE[1] + " " + HOSTILE[6]
    data["purpose"]["project_name"] = HOSTILE[1]
    spec = ipclauses.load_spec(data)
    out = tmp_path / "hostile.docx"
    ipclauses.build(spec, out)
    document = docx.Document(out)
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    for value in (HOSTILE[0], HOSTILE[1], HOSTILE[2], HOSTILE[3], HOSTILE[4], HOSTILE[5], HOSTILE[6]):
        assert value in text


def test_a_value_the_agreement_would_not_print_stops_the_build():
    from conftest import load_example_data
    from ipclauses.assemble import missing_values

    spec = ipclauses.load_spec(load_example_data(NDA_EXAMPLE.stem))
    assert missing_values(spec, "nothing here")  # the check sees every given value
    _agreement, data = document_bytes(spec)
    from ipclauses.docx_render import document_text

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert missing_values(spec, document_text(zf.read("word/document.xml"))) == []
