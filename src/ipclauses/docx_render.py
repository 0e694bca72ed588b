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
import stat
import struct
import uuid
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import IO, TYPE_CHECKING, Any, TypedDict

import jinja2
from docxtpl import DocxTemplate
from lxml import etree  # type: ignore[import-untyped]  # no stubs in the project's dependencies
from markupsafe import Markup

from . import wording
from .agreement import Agreement, Paragraph, Ref, Segment
from .assemble import json_sha256
from .errors import DocumentError, RenderError
from .resources import data_dir

if TYPE_CHECKING:
    from .summary import Summary

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


def _segments(segments: Iterable[Segment]) -> str:
    return "".join(_ref_field(s) if isinstance(s, Ref) else _run(s) for s in segments)


class _Lists:
    """Numbering instances for items under unnumbered paragraphs, one per paragraph."""

    FIRST_ID = 2  # numId 1 is the article list of the template

    def __init__(self) -> None:
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

    def L(key: str) -> str:
        return wording.LABELS[key][lang]

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


def _table(rows: Sequence[Sequence[str]], widths: Sequence[int] = (2800, 6000), header: bool = False) -> str:
    """A bordered table; the first column (or the header row) shaded."""

    def cell(text: str, width: int, shade: bool = False) -> str:
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


# The custom properties ipclauses writes, in docProps/custom.xml and in the provenance part.
PROPERTY_NAMES = (
    "ipclauses_version", "clause_library_version", "clause_library_sha256", "spec_sha256", "agreement_type", "language",
)


def custom_properties(agreement: Agreement) -> dict[str, str]:
    from . import __version__

    return {
        "ipclauses_version": __version__,
        "clause_library_version": agreement.library_version,
        # The version names a release; the hash tells which files, overlay edits included, made this text.
        "clause_library_sha256": agreement.library_sha256,
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


def provenance(agreement: Agreement) -> dict[str, Any]:
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


def template_context(agreement: Agreement, lists: _Lists | None = None) -> dict[str, Any]:
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


def summary_docx(summary: Summary) -> bytes:
    """The plain-language summary as DOCX, in the agreement template's styles."""
    from .summary import SEVERITY, T, _with_ref

    lang = summary.language

    def t(key: str) -> str:
        return T[key][lang]

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


def render_docx(agreement: Agreement, target: str | os.PathLike[str] | IO[bytes]) -> None:
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
#
# inspect reads files that anyone may have made or edited, so it trusts none of them:
# the file, the zip's own claims about its members, the XML and the JSON are all
# bounded and checked before use, and every failure is a DocumentError, never a traceback.

# An ipclauses DOCX is well under 1 MB; 50 MB leaves room for images added in Word.
MAX_DOCX_BYTES = 50 * 1024 * 1024
# Entries in the zip's central directory: a DOCX has a few dozen. zipfile builds an
# object per entry on opening, so a 50 MB file of empty entries would cost ~600 MB.
MAX_ZIP_MEMBERS = 5000
MAX_XML_PART_BYTES = 4 * 1024 * 1024  # docProps/core.xml, docProps/custom.xml
MAX_PROVENANCE_BYTES = 8 * 1024 * 1024  # a 2 MB spec, escaped as XML text
MAX_TOTAL_READ_BYTES = 12 * 1024 * 1024  # all parts read together
MAX_JSON_DEPTH = 64  # a spec is at most 32 deep; nothing deeper reaches a recursive encoder
_CHUNK = 64 * 1024

CORE_PART = "docProps/core.xml"
CUSTOM_PART = "docProps/custom.xml"
PROVENANCE_PART = "customXml/item1.xml"
_CUSTOM_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
# A central directory entry starts with this signature; zipfile refuses an entry without it.
_CENTRAL_DIR_SIGNATURE = b"PK\x01\x02"
# Errors the zip module and zlib raise on damaged archives (bad CRC, bad deflate data,
# truncated or malformed headers, undecodable names, unsupported features).
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, struct.error, OSError)

NOTICE = (
    "inspect reports what this file records about how it was built. Provenance is a record, not a signature: "
    "whoever can edit the file can edit the record too, and inspect does not compare the agreement's text "
    "(word/document.xml) with the recorded spec."
)


class Disagreement(TypedDict):
    """A custom property whose value in docProps/custom.xml differs from the provenance part's copy."""

    key: str
    custom_xml: str | None  # None: the property is missing there
    provenance: str | None


class Integrity(TypedDict):
    spec_sha256_computed: str  # of the embedded spec, as assemble.spec_sha256 computes it
    spec_hash_matches: bool  # the spec_sha256 recorded in both places equals the computed one
    disagreements: list[Disagreement]


class Inspection(TypedDict):
    """What `inspect_docx` returns: the file's record, and where the record contradicts itself."""

    notice: str
    core_properties: dict[str, str]  # from docProps/core.xml
    custom_properties: dict[str, str]  # from docProps/custom.xml
    choices: list[dict[str, str | int]]  # from the provenance part
    spec: dict[str, Any]  # from the provenance part
    integrity: Integrity
    problems: list[str]  # one sentence per integrity problem; empty when the record is consistent


def _read_source(source: str | os.PathLike[str] | IO[bytes], name: str) -> bytes:
    """The file's bytes, at most MAX_DOCX_BYTES; devices, pipes and folders are refused unread."""
    too_large = f"{name}: larger than {MAX_DOCX_BYTES // (1024 * 1024)} MB, too large to be an agreement; not read"
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        try:
            info = os.stat(path)
            if stat.S_ISDIR(info.st_mode):
                raise DocumentError(f"{name}: is a folder, not a DOCX file")
            if not stat.S_ISREG(info.st_mode):
                raise DocumentError(f"{name}: is not a regular file (a device, pipe or socket); not read")
            if info.st_size > MAX_DOCX_BYTES:
                raise DocumentError(too_large)
            # O_NONBLOCK: a file swapped for a pipe after the check cannot make open() wait forever.
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            with os.fdopen(fd, "rb") as fh:
                if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                    raise DocumentError(f"{name}: is not a regular file (a device, pipe or socket); not read")
                data = fh.read(MAX_DOCX_BYTES + 1)
        except FileNotFoundError:
            raise DocumentError(f"{name}: file not found") from None
        except OSError as exc:
            raise DocumentError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    else:
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_DOCX_BYTES:  # a stream may return less than asked: read on to the limit
            chunk = source.read(MAX_DOCX_BYTES + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
    if len(data) > MAX_DOCX_BYTES:
        raise DocumentError(too_large)
    return data


class _Parts:
    """Reads named members of a zip, each within its own limit and all within a total."""

    def __init__(self, zf: zipfile.ZipFile, name: str):
        self.zf = zf
        self.name = name
        self.budget = MAX_TOTAL_READ_BYTES
        self.names = zf.namelist()

    def has(self, part: str) -> bool:
        count = self.names.count(part)
        if count > 1:  # which copy a reader takes is up to the reader: refuse rather than guess
            raise DocumentError(f"{self.name}: holds {part} {count} times; a DOCX holds each part once")
        return count == 1

    def read(self, part: str, limit: int) -> bytes:
        info = self.zf.getinfo(part)
        if info.flag_bits & 0x1:
            raise DocumentError(f"{self.name}: {part} is encrypted; an ipclauses DOCX is not")
        # bzip2 and lzma decompress without an output bound per call; a DOCX uses only these two.
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise DocumentError(f"{self.name}: {part} uses zip compression method {info.compress_type}, which a DOCX never uses")
        limit = min(limit, self.budget)
        too_large = f"{self.name}: {part} is larger than {limit:,} bytes uncompressed, too large for an ipclauses DOCX; not read"
        if info.file_size > limit:  # an honest header lets us refuse at once; a lying one is caught below
            raise DocumentError(too_large)
        chunks: list[bytes] = []
        total = 0
        with self.zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise DocumentError(too_large)
                chunks.append(chunk)
        self.budget -= total
        return b"".join(chunks)


def _read_parts(data: bytes, name: str) -> tuple[bytes, bytes, bytes]:
    """core.xml, custom.xml and the provenance part, read within bounds."""
    if data.count(_CENTRAL_DIR_SIGNATURE) > MAX_ZIP_MEMBERS:
        raise DocumentError(f"{name}: the zip lists more than {MAX_ZIP_MEMBERS:,} members, far more than a DOCX holds; not read")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = _Parts(zf, name)
            if not (parts.has(PROVENANCE_PART) and parts.has(CUSTOM_PART)):
                raise DocumentError(f"{name}: holds no ipclauses provenance (was it written by ipclauses?)")
            if not parts.has(CORE_PART):
                raise DocumentError(f"{name}: has no {CORE_PART} (the document properties); it is not a complete DOCX")
            return (
                parts.read(CORE_PART, MAX_XML_PART_BYTES),
                parts.read(CUSTOM_PART, MAX_XML_PART_BYTES),
                parts.read(PROVENANCE_PART, MAX_PROVENANCE_BYTES),
            )
    except zipfile.BadZipFile as exc:
        if not data.startswith(b"PK"):
            raise DocumentError(f"{name}: not a DOCX file ({exc})") from None
        raise DocumentError(f"{name}: the DOCX (a zip) is damaged ({exc})") from None
    except _ZIP_ERRORS as exc:
        raise DocumentError(f"{name}: the DOCX (a zip) is damaged ({type(exc).__name__}: {exc})") from None


def _parse_xml(data: bytes, name: str, part: str) -> Any:
    # No entity expansion, no network, no DTD loading; a DOCTYPE is refused outright, as Word does.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"{name}: {part} is not well-formed XML ({exc})") from None
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise DocumentError(f"{name}: {part} declares a DOCTYPE, which a DOCX part never has; not read")
    return root


def _core_properties(data: bytes, name: str) -> dict[str, str]:
    root = _parse_xml(data, name, CORE_PART)
    return {etree.QName(el).localname: el.text or "" for el in root.iterchildren(tag=etree.Element)}


def _custom_properties(data: bytes, name: str) -> tuple[dict[str, str], list[str]]:
    """Properties by name, and a problem for each name given more than once."""
    root = _parse_xml(data, name, CUSTOM_PART)
    if root.tag != f"{{{_CUSTOM_PROPS_NS}}}Properties":
        raise DocumentError(f"{name}: {CUSTOM_PART} is not a custom-properties part")
    props: dict[str, str] = {}
    problems: list[str] = []
    for prop in root.iterchildren(f"{{{_CUSTOM_PROPS_NS}}}property"):
        key = prop.get("name")
        if key is None:
            continue
        value_el = next(prop.iterchildren(tag=etree.Element), None)
        value = (value_el.text or "") if value_el is not None else ""
        if key in props:
            problems.append(f"{CUSTOM_PART} gives the property {key} more than once")
        props[key] = value
    return props, problems


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # readers disagree on which copy wins, so refuse
        raise ValueError("an object gives the same key twice")
    return out


def _refuse_constant(text: str) -> Any:
    raise ValueError(f"{text} is not a JSON number")


def _check_json_values(value: object, name: str) -> None:
    """Refuse nesting beyond MAX_JSON_DEPTH and text that is not Unicode (lone surrogates), without recursion."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise DocumentError(f"{name}: provenance is nested more than {MAX_JSON_DEPTH} levels deep; not read")
        if isinstance(item, dict):
            stack.extend((k, depth) for k in item)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise DocumentError(f"{name}: provenance holds text that is not valid Unicode (a lone surrogate)") from None


def _is_choice(value: object) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("clause"), str)
        and isinstance(value.get("variant"), str)
        and type(value.get("article")) is int  # not bool
    )


def _provenance(data: bytes, name: str) -> tuple[dict[str, str], list[dict[str, str | int]], dict[str, Any]]:
    """The provenance part's custom properties, choices and spec, each of the right type."""
    root = _parse_xml(data, name, PROVENANCE_PART)
    if root.tag != f"{{{PROVENANCE_NS}}}provenance" or len(root):
        raise DocumentError(f"{name}: holds no ipclauses provenance ({PROVENANCE_PART} is something else)")
    try:
        recorded = json.loads(root.text or "", object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant)
    except RecursionError:
        raise DocumentError(f"{name}: provenance is damaged (its JSON is nested too deeply)") from None
    except ValueError as exc:  # JSONDecodeError, and numbers of more than 4300 digits
        raise DocumentError(f"{name}: provenance is damaged ({exc})") from None
    _check_json_values(recorded, name)
    if not isinstance(recorded, dict):
        raise DocumentError(f"{name}: provenance is damaged (it is {_json_type(recorded)}, not an object)")
    missing = [key for key in ("custom_properties", "choices", "spec") if key not in recorded]
    if missing:
        raise DocumentError(f"{name}: provenance is damaged (it lacks {', '.join(missing)})")
    props, choices, spec = recorded["custom_properties"], recorded["choices"], recorded["spec"]
    if not isinstance(props, dict) or not all(isinstance(v, str) for v in props.values()):
        raise DocumentError(f"{name}: provenance is damaged (custom_properties is not an object of strings)")
    if not isinstance(choices, list) or not all(_is_choice(c) for c in choices):
        raise DocumentError(f"{name}: provenance is damaged (choices is not a list of objects with clause, variant and article)")
    if not isinstance(spec, dict):
        raise DocumentError(f"{name}: provenance is damaged (spec is {_json_type(spec)}, not an object)")
    return props, [{"clause": c["clause"], "variant": c["variant"], "article": c["article"]} for c in choices], spec


def inspect_docx(source: str | os.PathLike[str] | IO[bytes]) -> Inspection:
    """What an ipclauses DOCX records about its build, and where that record contradicts itself.

    Core properties come from docProps/core.xml and custom properties from
    docProps/custom.xml; choices and spec from the provenance part. `integrity` and
    `problems` report a spec whose SHA-256 differs from the recorded spec_sha256, and
    every custom property whose two copies disagree. The record is not a signature:
    a consistent record proves nothing about who made the file or its text.

    Raises `DocumentError` for a file that is not a readable ipclauses DOCX (or is
    too large or malformed to read safely).
    """
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else str(getattr(source, "name", "<stream>"))
    core_xml, custom_xml, provenance_xml = _read_parts(_read_source(source, name), name)
    core = _core_properties(core_xml, name)
    custom, problems = _custom_properties(custom_xml, name)
    recorded, choices, spec = _provenance(provenance_xml, name)

    # A property a user added in Word is not part of the record; one ipclauses writes must agree in both places.
    keys = sorted(recorded.keys() | (custom.keys() & set(PROPERTY_NAMES)))
    disagreements = [
        Disagreement(key=key, custom_xml=custom.get(key), provenance=recorded.get(key))
        for key in keys
        if custom.get(key) != recorded.get(key)
    ]
    for d in disagreements:
        problems.append(
            f"the property {d['key']} is {_shown(d['custom_xml'])} in {CUSTOM_PART} "
            f"but {_shown(d['provenance'])} in the provenance part ({PROVENANCE_PART})"
        )

    computed = json_sha256(spec)
    stated = {where: props.get("spec_sha256") for where, props in ((CUSTOM_PART, custom), (PROVENANCE_PART, recorded))}
    for where, value in stated.items():
        if value is None:
            problems.append(f"{where} records no spec_sha256, so the embedded spec cannot be checked against it")
        elif value != computed:
            problems.append(
                f"the embedded spec's SHA-256 is {computed}, but {where} records spec_sha256 {_shown(value)}: "
                "the spec or its hash was changed after the build"
            )
    return Inspection(
        notice=NOTICE,
        core_properties=core,
        custom_properties=custom,
        choices=choices,
        spec=spec,
        integrity=Integrity(
            spec_sha256_computed=computed,
            spec_hash_matches=all(value == computed for value in stated.values()),
            disagreements=disagreements,
        ),
        problems=problems,
    )


def _shown(value: str | None) -> str:
    return "missing" if value is None else json.dumps(value, ensure_ascii=False)
