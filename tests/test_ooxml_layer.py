"""The OOXML layer (ipclauses.ooxml): child order known once and right, text escaped, parts extended in order.

And the stable ids built on it: every article, paragraph and item keeps its id when articles
are renumbered, and inspect reads the ids back in document order, after edits too.
"""

import io
import json
import zipfile
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import ipclauses
from conftest import EXAMPLES, example_ids, load_example_data
from ipclauses import ooxml as ox
from ipclauses.build import document_bytes
from ipclauses.docx_read import MAX_DOCUMENT_BYTES, PROVENANCE_PART
from ipclauses.docx_render import ID_BOOKMARK_PREFIX, paragraph_ids
from ipclauses.ooxml import CHILD_ORDER, CONTENT, Node, SchemaError, el, val

W = f"{{{ox.W_NS}}}"
NS_DECL = " ".join(f'xmlns:{p}="{uri}"' for p, uri in ox.NAMESPACES.items())


def parse(node: Node | str):
    """An element built without namespace declarations, parsed inside a wrapper that declares them."""
    xml = node if isinstance(node, str) else node.xml
    return etree.fromstring(f"<wrapper {NS_DECL}>{xml}</wrapper>")[0]


def prefixed(element) -> str:
    qname = etree.QName(element)
    prefix = next((p for p, uri in ox.NAMESPACES.items() if uri == qname.namespace), None)
    return f"{prefix}:{qname.localname}" if prefix else qname.localname


def declared(parent: str) -> list[str]:
    """The single-occurrence children of a parent, in the declared (schema) order."""
    return [entry for entry in CHILD_ORDER[parent] if isinstance(entry, str)]


# --- child order ----------------------------------------------------------------------


def test_children_given_out_of_order_come_out_in_schema_order():
    ppr = el(
        "w:pPr", None,
        val("w:jc", "both"), el("w:ind", {"w:left": 210}), ox.numbering_properties(3, 0), el("w:keepNext"), val("w:pStyle", "X"),
    )
    assert [prefixed(c) for c in parse(ppr)] == ["w:pStyle", "w:keepNext", "w:numPr", "w:ind", "w:jc"]
    settings = el("w:settings", None, val("w:themeFontLang", "en-GB"), el("w:updateFields", {"w:val": "true"}), el("w:zoom", {"w:percent": 100}))
    assert [prefixed(c) for c in parse(settings)] == ["w:zoom", "w:updateFields", "w:themeFontLang"]
    # A footer reference first, whatever order the section's properties are given in.
    sect = el("w:sectPr", None, el("w:docGrid"), el("w:pgMar"), el("w:footerReference", {"w:type": "default"}), el("w:pgSz"))
    assert [prefixed(c) for c in parse(sect)] == ["w:footerReference", "w:pgSz", "w:pgMar", "w:docGrid"]


def test_every_abstract_num_comes_before_the_first_num():
    levels = [ox.level(0, 1, "decimal", "%1", "tab", ())]
    numbering = el(
        "w:numbering", ox.namespaces("w"),
        ox.num(1, 0), ox.abstract_num(0, False, levels), ox.num(2, 1, restart=True), ox.abstract_num(1, False, levels),
    )
    root = etree.fromstring(numbering.xml)
    assert [(etree.QName(c).localname, c.get(f"{W}numId") or c.get(f"{W}abstractNumId")) for c in root] == [
        ("abstractNum", "0"), ("abstractNum", "1"), ("num", "1"), ("num", "2"),  # each kind keeps the order given
    ]


def test_content_keeps_the_order_it_is_given_in_after_the_properties():
    p = el("w:p", None, ox.run("b"), el("w:pPr", None, val("w:pStyle", "S")), ox.run("a"))
    assert [prefixed(c) for c in parse(p)] == ["w:pPr", "w:r", "w:r"]
    assert "".join(parse(p).itertext()) == "ba"
    body = el("w:body", None, el("w:sectPr"), ox.paragraph("S", ox.run("1")) + ox.paragraph("S", ox.run("2")))
    assert [prefixed(c) for c in parse(body)] == ["w:p", "w:p", "w:sectPr"]


def test_a_child_the_parent_cannot_hold_or_holds_once_is_refused():
    with pytest.raises(SchemaError, match="w:b is not a child of w:pPr"):
        el("w:pPr", None, el("w:b"))
    with pytest.raises(SchemaError, match="at most one w:jc"):
        el("w:pPr", None, val("w:jc", "left"), val("w:jc", "both"))
    with pytest.raises(SchemaError, match="no declared child order"):
        el("w:madeUp", None, el("w:b"))
    with pytest.raises(SchemaError, match="#content is not a child of w:pPr"):
        el("w:pPr", None, "<w:r/>")
    with pytest.raises(SchemaError, match="text and children"):
        el("w:pPr", None, el("w:keepNext"), text="x")


ORDERED_PARENTS = ["w:pPr", "w:rPr", "w:tblPr", "w:tcPr", "w:sectPr", "w:settings", "w:style", "w:lvl", "w:abstractNum", "w:font"]


@given(data=st.data(), parent=st.sampled_from(ORDERED_PARENTS))
def test_any_insertion_order_gives_the_schema_order(data, parent):
    tags = data.draw(st.lists(st.sampled_from(declared(parent)), unique=True, min_size=1))
    shuffled = data.draw(st.permutations(tags))
    built = el(parent, None, *(el(tag) for tag in shuffled))
    order = declared(parent)
    assert [prefixed(c) for c in parse(built)] == sorted(tags, key=order.index)
    # Sorting what is already sorted changes nothing.
    assert el(parent, None, *(el(tag) for tag in sorted(tags, key=order.index))) == built


def _schema_types():
    path = resources.files("openxml_audit") / "data" / "openxml" / "schemas" / "schemas_openxmlformats_org_wordprocessingml_2006_main.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {t["Name"]: [c["Name"].split("/", 1)[1] for c in t.get("Children", [])] for t in data["Types"]}


# Our parent -> the schema type its children are checked against (openxml-audit's copy of the Open XML SDK schemas).
SCHEMA_TYPES = {
    "w:document": "w:CT_Document/w:document", "w:body": "w:CT_Body/w:body", "w:ftr": "w:CT_HdrFtr/w:ftr",
    "w:p": "w:CT_P/w:p", "w:r": "w:CT_R/w:r", "w:tbl": "w:CT_Tbl/w:tbl", "w:tblGrid": "w:CT_TblGrid/w:tblGrid",
    "w:tr": "w:CT_Row/w:tr", "w:tc": "w:CT_Tc/w:tc", "w:pPr": "w:CT_PPr/w:pPr", "w:numPr": "w:CT_NumPr/w:numPr",
    "w:rPr": "w:CT_ParaRPr/w:rPr", "w:tblPr": "w:CT_TblPr/w:tblPr", "w:tblBorders": "w:CT_TblBorders/w:tblBorders",
    "w:tblCellMar": "w:CT_TblCellMar/w:tblCellMar", "w:tcPr": "w:CT_TcPr/w:tcPr", "w:sectPr": "w:CT_SectPr/w:sectPr",
    "w:styles": "w:CT_Styles/w:styles", "w:docDefaults": "w:CT_DocDefaults/w:docDefaults",
    "w:rPrDefault": "w:CT_RPrDefault/w:rPrDefault", "w:pPrDefault": "w:CT_PPrDefault/w:pPrDefault",
    "w:style": "w:CT_Style/w:style", "w:numbering": "w:CT_Numbering/w:numbering", "w:abstractNum": "w:CT_AbstractNum/w:abstractNum",
    "w:lvl": "w:CT_Lvl/w:lvl", "w:num": "w:CT_Num/w:num", "w:lvlOverride": "w:CT_NumLvl/w:lvlOverride",
    "w:settings": "w:CT_Settings/w:settings", "w:compat": "w:CT_Compat/w:compat", "w:font": "w:CT_Font/w:font",
}
# Range markup (bookmarks, comment ranges) may also stand before a table's properties.
RANGE_MARKUP = {"w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd"}


@pytest.mark.parametrize("parent", sorted(SCHEMA_TYPES))
def test_declared_order_agrees_with_the_validators_schema(parent):
    schema = _schema_types()[SCHEMA_TYPES[parent]]
    ranks = {}
    for rank, entry in enumerate(CHILD_ORDER[parent]):
        for tag in entry if isinstance(entry, tuple) else (entry,):
            if tag != CONTENT:
                ranks[tag] = rank
    unknown = [tag for tag in ranks if tag not in schema]
    assert not unknown, f"{parent} declares children the schema does not have: {unknown}"
    for a in ranks:
        for b in ranks:
            if ranks[a] < ranks[b] and not (parent == "w:tbl" and b in RANGE_MARKUP):
                assert schema.index(a) < schema.index(b), f"{parent}: the schema puts {b} before {a}"


def test_every_wordprocessingml_parent_the_layer_builds_is_checked():
    # w:hdr is w:ftr's twin; w:fonts (font*) is not in the validator's data under that name.
    assert {p for p in CHILD_ORDER if p.startswith("w:")} - {"w:hdr", "w:fonts"} == set(SCHEMA_TYPES)


# --- escaping ---------------------------------------------------------------------------

HOSTILE = ["Fish & Chips <Ltd> \"q\" 'a'", "<w:t>x</w:t>&amp;", "]]> --> <!-- <?pi?>", "絵文字 🚀 שלום \t tab", "  lead and trail  "]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_and_attributes_are_escaped_and_read_back_verbatim(text):
    p = parse(ox.paragraph("S", ox.run(text) + ox.run(text, bold=True)))
    assert [t.text for t in p.iter(f"{W}t")] == [text, text]
    assert parse(el("w:font", {"w:name": text})).get(f"{W}name") == text
    assert parse(el("dc:title", None, text=text)).text == text
    field = parse(ox.paragraph("S", ox.field(f"REF {text}", text)))
    assert [t.text for t in field.iter(f"{W}t")] == [text]
    assert field.find(f".//{W}instrText").text == f" REF {text} "


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_characters_xml_cannot_hold_never_pass_silently(char):
    with pytest.raises(AssertionError, match="validation should have refused it"):
        ox.run(f"a{char}b")
    with pytest.raises(AssertionError):
        el("w:font", {"w:name": char})


def test_tab_newline_and_carriage_return_are_allowed_text():
    assert parse(ox.paragraph("S", ox.run("a\tb\nc\rd"))).find(f".//{W}t") is not None


# --- fields, bookmarks, tables ------------------------------------------------------------


def test_a_ref_field_is_begin_instruction_separate_result_end():
    runs = list(parse(ox.paragraph("S", ox.ref_field("_Ref_x", "第5条"))).iter(f"{W}r"))
    kinds = [(r.find(f"{W}fldChar").get(f"{W}fldCharType") if r.find(f"{W}fldChar") is not None else None) for r in runs]
    assert kinds == ["begin", None, "separate", None, "end"]
    assert runs[1].find(f"{W}instrText").text == " REF _Ref_x \\r \\h "
    assert runs[3].find(f"{W}t").text == "第5条"


def test_bookmarks_get_ids_in_order_and_a_name_only_once():
    marks = ox.Bookmarks()
    p = parse(ox.paragraph("S", marks.around("_A", ox.run("x")) + marks.around("_B", "")))
    starts = p.findall(f"{W}bookmarkStart")
    assert [(s.get(f"{W}id"), s.get(f"{W}name")) for s in starts] == [("1", "_A"), ("2", "_B")]
    assert [e.get(f"{W}id") for e in p.findall(f"{W}bookmarkEnd")] == ["1", "2"]
    with pytest.raises(SchemaError, match="used twice"):
        marks.around("_A", "")
    with pytest.raises(SchemaError, match="not a Word bookmark name"):
        marks.around("a" * 41, "")
    with pytest.raises(SchemaError, match="not a Word bookmark name"):
        marks.around("has-dash", "")
    # A name derived from a checked one is trusted, and still numbered in order.
    assert parse(ox.paragraph("S", marks.around_derived("_A_p1", ""))).find(f"{W}bookmarkStart").get(f"{W}id") == "3"


def test_a_table_has_properties_grid_then_rows():
    tbl = parse(ox.table("T", (100, 200), [ox.row([ox.cell(ox.paragraph("S"), 100, shaded=True), ox.cell(ox.paragraph("S"), 200)])]))
    assert [prefixed(c) for c in tbl] == ["w:tblPr", "w:tblGrid", "w:tr"]
    cells = tbl.findall(f"{W}tr/{W}tc")
    assert cells[0].find(f"{W}tcPr/{W}shd") is not None and cells[1].find(f"{W}tcPr/{W}shd") is None


def test_styles_have_one_id_and_name_each():
    ids = {v for k, v in vars(ox.Style).items() if k.isupper()}
    assert ids == set(ox.STYLE_NAMES) and len(set(ox.STYLE_NAMES.values())) == len(ids)
    node = ox.style("paragraph", ox.Style.TEXT, el("w:pPr", None, val("w:jc", "both")), val("w:basedOn", ox.Style.NORMAL), custom=True)
    parsed = parse(node)
    assert parsed.get(f"{W}styleId") == "IPCText" and [prefixed(c) for c in parsed] == ["w:name", "w:basedOn", "w:pPr"]
    assert parsed.find(f"{W}name").get(f"{W}val") == "IPC Text"


# --- adding children to a template's part ---------------------------------------------------


NUMBERING = ox.root(el(
    "w:numbering", ox.namespaces("w"),
    ox.abstract_num(0, False, [ox.level(0, 1, "decimal", "%1", "tab", ())]), ox.num(1, 0), el("w:numIdMacAtCleanup", {"w:val": 1}),
))


def test_a_part_takes_new_children_in_their_schema_place():
    part = ox.Part(NUMBERING.encode())
    assert part.with_children() == NUMBERING.encode(), "adding nothing gives the part back byte for byte"
    root = etree.fromstring(part.with_children(ox.num(2, 0), ox.num(3, 0), ox.abstract_num(5, False, [])))
    assert [(etree.QName(c).localname, c.get(f"{W}numId") or c.get(f"{W}abstractNumId")) for c in root] == [
        ("abstractNum", "0"), ("abstractNum", "5"), ("num", "1"), ("num", "2"), ("num", "3"), ("numIdMacAtCleanup", None),
    ]
    types = ox.Part(ox.content_types(ox.default("xml", ox.ContentType.XML), ox.override("/a.xml", ox.ContentType.XML)).encode())
    added = etree.fromstring(types.with_children(ox.override("/b.xml", ox.ContentType.XML), ox.default("rels", ox.ContentType.RELATIONSHIPS)))
    assert [(etree.QName(c).localname, c.get("PartName") or c.get("Extension")) for c in added] == [
        ("Default", "xml"), ("Default", "rels"), ("Override", "/a.xml"), ("Override", "/b.xml"),
    ]


def test_a_part_refuses_what_it_cannot_split_or_place():
    with pytest.raises(SchemaError, match="not a child of w:numbering"):
        ox.Part(NUMBERING.encode()).with_children(el("w:p"))
    with pytest.raises(SchemaError, match="comments"):
        ox.Part(NUMBERING.replace("<w:num ", "<!-- x --><w:num ").encode())
    with pytest.raises(SchemaError, match="no declared child order"):
        ox.Part(b'<w:madeUp xmlns:w="x"></w:madeUp>')
    with pytest.raises(SchemaError, match="not supported"):
        ox.Part(NUMBERING.encode()).with_children(el("w:numIdMacAtCleanup", {"w:val": 2}))


@given(st.text(alphabet=st.sampled_from("aZ09_-.é é"), max_size=44))
def test_the_quick_bookmark_name_check_is_words_rule(name):
    assert ox.is_bookmark_name(name) == bool(ox.BOOKMARK_NAME.fullmatch(name))


# --- stable ids -------------------------------------------------------------------------------


def expected_ids(agreement) -> list[str]:
    """Each article, paragraph and item: clause id, then its place in the clause; in reading order."""
    out = []
    for article in agreement.articles:
        out.append(article.clause_id)
        for p, para in enumerate(article.paragraphs, 1):
            out.append(f"{article.clause_id}/p{p}")
            out += [f"{article.clause_id}/p{p}/i{i}" for i in range(1, len(para.items) + 1)]
    return out


def inspect_bytes(data: bytes) -> dict:
    return ipclauses.inspect_docx(io.BytesIO(data))


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def rezip(data: bytes, changes: dict[str, bytes | None]) -> bytes:
    """The DOCX with some members replaced (bytes) or removed (None)."""
    parts: dict[str, bytes | None] = dict(members(data))
    parts.update(changes)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, value in parts.items():
            if value is not None:
                zf.writestr(name, value)
    return buffer.getvalue()


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_every_article_paragraph_and_item_carries_its_stable_id(path):
    agreement, data = document_bytes(ipclauses.load_spec(path))
    assert inspect_bytes(data)["paragraph_ids"] == expected_ids(agreement)
    document = etree.fromstring(members(data)["word/document.xml"])
    styles = {"IPCArticle", "IPCParagraph", "IPCText", "IPCItem"}
    in_articles = 0
    for p in document.iter(f"{W}p"):
        marks = [m.get(f"{W}name") for m in p.findall(f"{W}bookmarkStart") if m.get(f"{W}name").startswith(ID_BOOKMARK_PREFIX)]
        style = p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        if marks:
            assert len(marks) == 1 and style in styles
            assert ox.is_bookmark_name(marks[0]) and marks[0].startswith("_"), "a valid Word name, hidden from its bookmark list"
            in_articles += 1
    assert in_articles == len(expected_ids(agreement))
    assert list(paragraph_ids(agreement).values()) == expected_ids(agreement)


def _with_and_without_the_steering_committee():
    data = load_example_data("jrd-university-ja")
    without = json.loads(json.dumps(data))
    del without["jrd"]["steering_committee"]  # its clause is included only when the spec has one
    return [document_bytes(ipclauses.load_spec(d)) for d in (data, without)]


def test_ids_stay_when_an_article_early_in_the_agreement_comes_and_goes():
    (with_it, data_with), (without, data_without) = _with_and_without_the_steering_committee()
    assert "jrd.steering_committee" in [a.clause_id for a in with_it.articles]
    assert "jrd.steering_committee" not in [a.clause_id for a in without.articles]
    # Every article after it is renumbered ...
    later = [a.clause_id for a in without.articles if a.number >= with_it.article("jrd.steering_committee").number]
    assert len(later) > 20
    assert all(without.article(c).number == with_it.article(c).number - 1 for c in later)
    # ... and its cross-references with it (the text under the same id changes) ...
    assert any(a.text() != without.article(a.clause_id).text() for a in with_it.articles if a.clause_id in later)
    # ... but every other article, paragraph and item keeps its id, in the same order, under the same bookmark.
    ids_with, ids_without = inspect_bytes(data_with)["paragraph_ids"], inspect_bytes(data_without)["paragraph_ids"]
    assert ids_without == [i for i in ids_with if i.split("/")[0] != "jrd.steering_committee"]
    assert len(ids_with) - len(ids_without) == 1 + sum(1 + len(p.items) for p in with_it.article("jrd.steering_committee").paragraphs)
    marks_with, marks_without = paragraph_ids(with_it), paragraph_ids(without)
    assert {m: i for m, i in marks_with.items() if m in marks_without} == marks_without


def test_ids_follow_their_paragraphs_through_edits():
    """Bookmarks travel with their paragraphs: inspect reads an edited draft's ids in its new order."""
    spec = ipclauses.load_spec(EXAMPLES[0])
    agreement, data = document_bytes(spec)
    ids = expected_ids(agreement)
    document = etree.fromstring(members(data)["word/document.xml"])
    body = document.find(f"{W}body")
    by_id = {}
    names = paragraph_ids(agreement)
    for p in body.iter(f"{W}p"):
        for mark in p.findall(f"{W}bookmarkStart"):
            if mark.get(f"{W}name") in names:
                by_id[names[mark.get(f"{W}name")]] = p
    deleted, moved, before = ids[3], ids[5], ids[10]
    by_id[deleted].getparent().remove(by_id[deleted])
    by_id[before].addprevious(parse(ox.paragraph("IPCText", ox.run("A paragraph a lawyer added"))))
    body.find(f"{W}sectPr").addprevious(by_id[moved])  # moved to the end
    edited = rezip(data, {"word/document.xml": etree.tostring(document, xml_declaration=True, encoding="UTF-8", standalone=True)})
    info = inspect_bytes(edited)
    assert info["problems"] == []
    assert info["paragraph_ids"] == [i for i in ids if i not in (deleted, moved)] + [moved]


def test_a_file_from_before_ids_has_none_and_is_still_consistent():
    data = document_bytes(ipclauses.load_spec(EXAMPLES[0]))[1]
    xml = members(data)[PROVENANCE_PART].decode("utf-8")
    start, end = xml.index('format="json">') + len('format="json">'), xml.rindex("</provenance>")
    recorded = json.loads(xml[start:end].replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    del recorded["paragraph_ids"]
    older = xml[:start] + ox.escape(json.dumps(recorded, ensure_ascii=False)) + xml[end:]
    info = inspect_bytes(rezip(data, {PROVENANCE_PART: older.encode("utf-8")}))
    assert info["paragraph_ids"] == [] and info["problems"] == []
    recorded["paragraph_ids"] = {"_Ipc_x": 5}
    damaged = xml[:start] + ox.escape(json.dumps(recorded, ensure_ascii=False)) + xml[end:]
    with pytest.raises(ipclauses.DocumentError, match="paragraph_ids is not an object of strings"):
        inspect_bytes(rezip(data, {PROVENANCE_PART: damaged.encode("utf-8")}))


def test_a_hostile_document_part_is_refused_not_expanded():
    data = document_bytes(ipclauses.load_spec(EXAMPLES[0]))[1]
    document = members(data)["word/document.xml"].decode("utf-8")
    root = document.index("<w:document")
    laughs = (
        document[:root] + '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + document[root:].replace("</w:body>", "<w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body>")
    )
    with pytest.raises(ipclauses.DocumentError, match=r"word/document\.xml declares a DOCTYPE"):
        inspect_bytes(rezip(data, {"word/document.xml": laughs.encode("utf-8")}))
    with pytest.raises(ipclauses.DocumentError, match=r"word/document\.xml is not well-formed"):
        inspect_bytes(rezip(data, {"word/document.xml": document[:-40].encode("utf-8")}))
    bomb = rezip(data, {"word/document.xml": b" " * (MAX_DOCUMENT_BYTES + 1)})
    assert len(bomb) < 1024 * 1024
    with pytest.raises(ipclauses.DocumentError, match=r"word/document\.xml is larger than 16,777,216 bytes"):
        inspect_bytes(bomb)
    # A DOCX without its main part has no ids to report; its record is still read.
    assert inspect_bytes(rezip(data, {"word/document.xml": None}))["paragraph_ids"] == []
