"""Render an Agreement as a DOCX file, and read an ipclauses DOCX's provenance back.

The only module that knows OOXML. The base template (templates/agreement-<lang>.docx)
holds the styles, the numbering and the front matter as docxtpl tags; the articles,
signature block and schedule are WordprocessingML generated here and inserted
through docxtpl `{{p ...}}` tags. The template is prepared by docxtpl and compiled
by Jinja once per process; each build only runs the compiled template and writes
one zip with fixed timestamps, so the same agreement gives the same bytes.
"""

from __future__ import annotations

import io
import json
import os
import uuid
import zipfile
from dataclasses import dataclass
from functools import cache
from typing import IO

import jinja2
from docxtpl import DocxTemplate
from lxml import etree
from markupsafe import Markup

from . import wording
from .agreement import Agreement, Paragraph, Ref
from .errors import DocumentError, RenderError
from .resources import data_dir

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W_NS}}}"
PROVENANCE_NS = "urn:ipclauses:provenance:1"
CUSTOM_XML_ITEM_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:ipclauses:provenance:1")).upper() + "}"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
def _esc(text: str) -> str:
    # Chained replace is several times faster than str.translate with a dict.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@dataclass
class _Template:
    parts: dict[str, bytes]  # the template's parts, in zip order
    document: jinja2.Template


@cache
def _template(lang: str) -> _Template:
    path = data_dir("templates") / f"agreement-{lang}.docx"
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    tpl = DocxTemplate(str(path))
    tpl.init_docx()
    # docxtpl joins tags that Word split across runs and turns {%p/{%tr/{{p into plain Jinja.
    source = tpl.patch_xml(etree.tostring(tpl.docx.element, encoding="unicode"))
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return _Template(parts, env.from_string(source))


# --- WordprocessingML for the body -------------------------------------------------


def _run(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_esc(text)}</w:t></w:r>'


def _ref_field(ref: Ref) -> str:
    # A REF field to the target article's bookmark; \r shows its paragraph number
    # ("第5条" / "Article 5"), \h makes it a link. The cached text is what the
    # numbering shows, so the document reads right before fields are updated.
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> REF {ref.bookmark} \\r \\h </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t xml:space="preserve">{_esc(ref.text)}</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _p(style: str, content: str) -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{content}</w:p>'


def _segments(segments) -> str:
    return "".join(_ref_field(s) if isinstance(s, Ref) else _run(s) for s in segments)


class _Lists:
    """Numbering instances for items under unnumbered paragraphs, one per paragraph."""

    FIRST_ID = 2  # numId 1 is the article list of the template

    def __init__(self):
        self.count = 0

    def new(self) -> int:
        self.count += 1
        return self.FIRST_ID + self.count - 1

    def xml(self) -> str:
        return "".join(
            f'<w:num w:numId="{num}"><w:abstractNumId w:val="1"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            for num in range(self.FIRST_ID, self.FIRST_ID + self.count)
        )


def _paragraph(para: Paragraph, lists: _Lists) -> str:
    out = [_p("IPCParagraph" if para.label else "IPCText", _segments(para.segments))]
    if para.items and para.label is None:
        num = lists.new()
        ppr = f'<w:pPr><w:pStyle w:val="IPCItem"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
        out += [f"<w:p>{ppr}{_segments(item.segments)}</w:p>" for item in para.items]
    else:
        out += [_p("IPCItem", _segments(item.segments)) for item in para.items]
    return "".join(out)


def _articles(agreement: Agreement, lists: _Lists) -> str:
    out = []
    for art in agreement.articles:
        heading = f"（{art.title}）" if agreement.language == "ja" else f"({art.title})"
        out.append(
            '<w:p><w:pPr><w:pStyle w:val="IPCArticle"/></w:pPr>'
            f'<w:bookmarkStart w:id="{art.number}" w:name="{art.bookmark}"/>{_run(heading)}'
            f'<w:bookmarkEnd w:id="{art.number}"/></w:p>'
        )
        out += [_paragraph(p, lists) for p in art.paragraphs]
    return "".join(out)


def _signature(agreement: Agreement) -> str:
    lang = agreement.language
    L = lambda key: wording.LABELS[key][lang]
    out = [_p("IPCSignatureIntro", _run(agreement.signing_intro) if agreement.signing_intro else "")]
    if lang == "ja":
        out.append(_p("IPCSignature", _run(agreement.signing_date)))
        for party in agreement.parties:
            out += [
                _p("IPCSignature", ""),
                _p("IPCSignature", _run(party.address)),
                _p("IPCSignature", _run(party.legal_name)),
                _p("IPCSignature", _run(f"{party.representative_title}　{party.representative_name}") + _run("　　" + L("seal"))),
            ]
    else:
        for party in agreement.parties:
            out += [
                _p("IPCSignature", ""),
                _p("IPCSignature", _run(f"{L('for')} {party.legal_name}", bold=True)),
                _p("IPCSignature", _run(f"{L('signature')}: ____________________")),
                _p("IPCSignature", _run(f"{L('name')}: {party.representative_name}")),
                _p("IPCSignature", _run(f"{L('title')}: {party.representative_title}")),
                _p("IPCSignature", _run(agreement.signing_date if agreement.signing_date.startswith("Date") else f"Date: {agreement.signing_date}")),
            ]
    return "".join(out)


def _table(rows, widths=(2800, 6000), header: bool = False) -> str:
    """A bordered table; the first column (or the header row) shaded."""

    def cell(text, width, shade=False):
        fill = '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>' if shade else ""
        return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>{_p("IPCTableText", _run(text))}</w:tc>'

    body = "".join(
        "<w:tr>" + "".join(
            cell(text, widths[i], shade=(i == 0 and not header) or (header and r == 0)) for i, text in enumerate(row)
        ) + "</w:tr>"
        for r, row in enumerate(rows)
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="IPCTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="0000"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


def _schedule(agreement: Agreement) -> str:
    if not agreement.schedule:
        return ""
    out = [_p("IPCScheduleTitle", _run(agreement.schedule_title))]
    for section in agreement.schedule:
        out.append(_p("IPCSectionHeading", _run(section.heading)))
        if section.note:
            out.append(_p("IPCNote", _run(section.note)))
        out.append(_table(section.rows))
    return "".join(out)


# --- metadata parts -----------------------------------------------------------------


def _core_xml(title: str, date: str, category: str, language: str, subject: str = "", keywords: str = "",
              description: str = "") -> str:
    """docProps/core.xml; dates come from the spec (same spec, same bytes), never the clock."""
    when = f"{date}T00:00:00Z"
    optional = "".join(
        f"<{tag}>{_esc(value)}</{tag}>"
        for tag, value in (("dc:subject", subject), ("cp:keywords", keywords), ("dc:description", description))
        if value
    )
    return _HEADER + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{_esc(title)}</dc:title>{optional}<dc:creator>ipclauses</dc:creator>"
        "<cp:lastModifiedBy>ipclauses</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f"<dc:language>{'ja-JP' if language == 'ja' else 'en-GB'}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified>'
        f"<cp:category>{category}</cp:category></cp:coreProperties>"
    )


def _core(agreement: Agreement) -> str:
    return _core_xml(
        agreement.title, agreement.effective_date, agreement.type, agreement.language,
        subject=wording.AGREEMENT_NAME[agreement.type][agreement.language],
        keywords=", ".join(p.short_name for p in agreement.parties),
        description="; ".join(p.legal_name for p in agreement.parties),
    )


def _app() -> str:
    return _HEADER + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
        "<Application>ipclauses</Application><DocSecurity>0</DocSecurity></Properties>"
    )


def custom_properties(agreement: Agreement) -> dict[str, str]:
    from . import __version__

    return {
        "ipclauses_version": __version__,
        "clause_library_version": agreement.library_version,
        "spec_sha256": agreement.spec_sha256,
        "agreement_type": agreement.type,
        "language": agreement.language,
    }


def _custom(agreement: Agreement) -> str:
    props = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{name}">'
        f"<vt:lpwstr>{_esc(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(custom_properties(agreement).items(), 2)
    )
    return _HEADER + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        f'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">{props}</Properties>'
    )


def provenance(agreement: Agreement) -> dict:
    return {
        "custom_properties": custom_properties(agreement),
        "choices": agreement.choices,
        "spec": agreement.resolved_spec,
    }


def _custom_xml(agreement: Agreement) -> str:
    # Compact: json's C encoder runs only without indent, and other tools parse it anyway.
    data = json.dumps(provenance(agreement), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return _HEADER + f'<provenance xmlns="{PROVENANCE_NS}" format="json">{_esc(data)}</provenance>'


def _item_props() -> str:
    return _HEADER + (
        f'<ds:datastoreItem ds:itemID="{CUSTOM_XML_ITEM_ID}" '
        'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{PROVENANCE_NS}"/></ds:schemaRefs></ds:datastoreItem>'
    )


_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _add_before_close(xml: bytes, closing: str, addition: str) -> bytes:
    text = xml.decode("utf-8")
    index = text.rindex(closing)
    return (text[:index] + addition + text[index:]).encode("utf-8")


# --- the package --------------------------------------------------------------------


def template_context(agreement: Agreement, lists: _Lists | None = None) -> dict:
    """What the base template's docxtpl tags are filled with."""
    lists = lists if lists is not None else _Lists()
    return {
        "title": agreement.title,
        "preamble": agreement.preamble,
        "show_key_terms": agreement.show_key_terms,
        "key_terms": agreement.key_terms,
        "labels": {k: v[agreement.language] for k, v in wording.LABELS.items()},
        "articles": Markup(_articles(agreement, lists)),
        "signature": Markup(_signature(agreement)),
        "schedule": Markup(_schedule(agreement)),
    }


def _document_xml(agreement: Agreement, lists: _Lists) -> str:
    tpl = _template(agreement.language)
    context = template_context(agreement, lists)
    try:
        return tpl.document.render(context)
    except jinja2.TemplateError as exc:  # a broken template is our bug, but say where
        raise RenderError(f"templates/agreement-{agreement.language}.docx: {exc}") from None


def document_text(document_xml: str | bytes) -> str:
    """Text of every paragraph (body and tables), one per line, as a reader sees it."""
    root = etree.fromstring(document_xml.encode("utf-8") if isinstance(document_xml, str) else document_xml)
    lines = []
    for para in root.iter(f"{_W}p"):
        lines.append("".join(t.text or "" for t in para.iter(f"{_W}t")))
    return "\n".join(lines)


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)  # fixed: same input, same bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=1)  # fast: 2x quicker than 6, a few KB larger
    return buffer.getvalue()


def summary_docx(summary) -> bytes:
    """The plain-language summary as DOCX, in the agreement template's styles."""
    from .summary import SEVERITY, T, _with_ref

    lang = summary.language
    t = lambda key: T[key][lang]
    bullet = "・" if lang == "ja" else "\u2022 "
    out = [_p("IPCSectionHeading", _run(t("overview"))), _p("IPCText", _run(" ".join(summary.overview)))]
    if summary.results_table:
        out += [_p("IPCSectionHeading", _run(t("results"))), _table(summary.results_table, (2000, 2200, 3400, 1200), header=True)]
    out.append(_p("IPCSectionHeading", _run(t("parties"))))
    for party in summary.parties:
        out.append(_p("IPCSectionHeading", _run(party.name)))
        for key in ("may", "must", "cannot"):
            points = getattr(party, key)
            if points:
                out.append(_p("IPCText", _run(t(key), bold=True)))
                out += [_p("IPCText", _run(bullet + _with_ref(pt, lang))) for pt in points]
    for key, points in (("secret", summary.confidentiality), ("money", summary.money), ("ending", summary.ending)):
        out.append(_p("IPCSectionHeading", _run(t(key))))
        out += [_p("IPCText", _run(bullet + _with_ref(pt, lang))) for pt in points]
    out += [_p("IPCSectionHeading", _run(t("checklist"))), _table(summary.checklist)]
    out += [_p("IPCSectionHeading", _run(t("balance"))), _p("IPCText", _run(summary.balance_verdict))]
    if summary.balance_rows:
        out.append(_table(summary.balance_rows, (1600, 4600, 2600)))
    out.append(_p("IPCSectionHeading", _run(t("findings"))))
    if summary.findings:
        out += [
            _p("IPCText", _run(f"{SEVERITY[f.severity][lang]}: ", bold=True) + _run(f"{f.message} {f.why} {f.fix} ({f.path})"))
            for f in summary.findings
        ]
    else:
        out.append(_p("IPCText", _run(t("no_findings"))))
    out.append(_p("IPCSectionHeading", _run(t("articles"))))
    out += [_p("IPCText", _run(heading + " ", bold=True) + _run(text)) for heading, text in summary.articles]
    tpl = _template(lang)
    context = {
        "title": summary.title, "preamble": summary.disclaimer, "show_key_terms": False, "key_terms": [],
        "labels": {k: v[lang] for k, v in wording.LABELS.items()},
        "articles": Markup("".join(out)), "signature": Markup(""), "schedule": Markup(""),
    }
    document_xml = tpl.document.render(context)
    document_text(document_xml)  # refuse to write a file that is not well-formed
    parts = dict(tpl.parts)
    parts["word/document.xml"] = document_xml.encode("utf-8")
    parts["docProps/core.xml"] = _core_xml(summary.title, summary.effective_date, "summary", lang).encode("utf-8")
    parts["docProps/app.xml"] = _app().encode("utf-8")
    return _zip(parts)


def package(agreement: Agreement) -> tuple[bytes, str]:
    """The DOCX bytes and the document's text (for the check that every value is there)."""
    tpl = _template(agreement.language)
    lists = _Lists()
    document_xml = _document_xml(agreement, lists)
    try:
        text = document_text(document_xml)
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"the rendered document is not well-formed XML ({exc}); this is a bug in ipclauses") from None
    parts = dict(tpl.parts)
    parts["word/document.xml"] = document_xml.encode("utf-8")
    parts["word/numbering.xml"] = _add_before_close(tpl.parts["word/numbering.xml"], "</w:numbering>", lists.xml())
    parts["docProps/core.xml"] = _core(agreement).encode("utf-8")
    parts["docProps/app.xml"] = _app().encode("utf-8")
    parts["docProps/custom.xml"] = _custom(agreement).encode("utf-8")
    parts["customXml/item1.xml"] = _custom_xml(agreement).encode("utf-8")
    parts["customXml/itemProps1.xml"] = _item_props().encode("utf-8")
    parts["customXml/_rels/item1.xml.rels"] = (
        _HEADER + f'<Relationships xmlns="{_RELS_NS}"><Relationship Id="rId1" '
        f'Type="{_REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>'
    ).encode("utf-8")
    parts["[Content_Types].xml"] = _add_before_close(
        tpl.parts["[Content_Types].xml"], "</Types>",
        '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
        '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>',
    )
    parts["_rels/.rels"] = _add_before_close(
        tpl.parts["_rels/.rels"], "</Relationships>",
        f'<Relationship Id="rIdCustomProps" Type="{_REL}/custom-properties" Target="docProps/custom.xml"/>',
    )
    parts["word/_rels/document.xml.rels"] = _add_before_close(
        tpl.parts["word/_rels/document.xml.rels"], "</Relationships>",
        f'<Relationship Id="rIdCustomXml1" Type="{_REL}/customXml" Target="../customXml/item1.xml"/>',
    )
    return _zip(parts), text


def render_docx(agreement: Agreement, target: str | os.PathLike | IO[bytes]) -> None:
    """Write the agreement as DOCX to a path (replacing it) or a binary stream.

    For safe writing to files (no overwrite without force, atomic) use `build`.
    """
    data, _ = package(agreement)
    if hasattr(target, "write"):
        target.write(data)
    else:
        with open(target, "wb") as fh:
            fh.write(data)


# --- reading back -------------------------------------------------------------------


def inspect_docx(source: str | os.PathLike | IO[bytes]) -> dict:
    """Core properties, custom properties and the embedded provenance of an ipclauses DOCX."""
    name = getattr(source, "name", str(source))
    try:
        zf = zipfile.ZipFile(source)
    except FileNotFoundError:
        raise DocumentError(f"{name}: file not found") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise DocumentError(f"{name}: not a DOCX file ({exc})") from None
    with zf:
        names = set(zf.namelist())
        if "customXml/item1.xml" not in names or "docProps/custom.xml" not in names:
            raise DocumentError(f"{name}: holds no ipclauses provenance (was it written by ipclauses?)")
        try:
            item = etree.fromstring(zf.read("customXml/item1.xml"))
            if item.tag != f"{{{PROVENANCE_NS}}}provenance":
                raise DocumentError(f"{name}: holds no ipclauses provenance")
            data = json.loads(item.text or "")
            core = etree.fromstring(zf.read("docProps/core.xml"))
        except (etree.XMLSyntaxError, json.JSONDecodeError) as exc:
            raise DocumentError(f"{name}: provenance is damaged ({exc})") from None
    core_props = {etree.QName(el).localname: (el.text or "") for el in core}
    return {"core_properties": core_props, **data}
