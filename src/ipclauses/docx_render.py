"""Render an Agreement as a DOCX file, and read an ipclauses DOCX's provenance back.

The base template (templates/agreement-<lang>.docx) holds the styles, the numbering
and the front matter as docxtpl tags; the articles, signature block and schedule are
WordprocessingML built here through the OOXML layer (ooxml.py, which alone knows
element names and their order) and inserted through docxtpl `{{p ...}}` tags. The
template is prepared by docxtpl and compiled by Jinja once per process; each build
only runs the compiled template and writes one zip with fixed timestamps, so the same
agreement gives the same bytes. Every article, paragraph and item carries a stable id
(clause id and place in the clause) in a hidden bookmark: see "stable ids" below.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import stat
import struct
import uuid
import zipfile
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import IO, TYPE_CHECKING, Any, TypedDict

import jinja2
from lxml import etree  # type: ignore[import-untyped]  # no stubs in the project's dependencies
from markupsafe import Markup

from . import cache as user_cache
from . import ooxml as ox
from . import wording
from .agreement import Agreement, Paragraph, Ref, Segment
from .assemble import json_sha256
from .errors import DocumentError, RenderError
from .locales import get_locale
from .ooxml import ContentType, RelType, Style
from .resources import data_dir
from .safe_read import NotARegularFile, read_regular_file

if TYPE_CHECKING:
    from .summary import Summary

W_NS = ox.W_NS
_W = f"{{{W_NS}}}"
PROVENANCE_NS = "urn:ipclauses:provenance:1"
CUSTOM_XML_ITEM_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:ipclauses:provenance:1")).upper() + "}"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_esc = ox.escape


@dataclass
class _Template:
    parts: dict[str, bytes]  # the template's parts, in zip order
    document: jinja2.Template
    # Parts a build adds children to, split once (ooxml.Part puts them in schema order).
    numbering: ox.Part
    content_types: ox.Part
    package_rels: ox.Part
    document_rels: ox.Part


@cache
def _template(lang: str) -> _Template:
    path = data_dir("templates") / f"agreement-{lang}.docx"
    raw = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return _Template(
        parts, user_cache.compiled_template(env, _prepared_source(path, raw), "docx"),
        numbering=ox.Part(parts["word/numbering.xml"]),
        content_types=ox.Part(parts["[Content_Types].xml"]),
        package_rels=ox.Part(parts["_rels/.rels"]),
        document_rels=ox.Part(parts["word/_rels/document.xml.rels"]),
    )


def _prepared_source(path: os.PathLike[str], raw: bytes) -> str:
    """The template's document.xml as docxtpl prepares it: split tags joined, {%p/{%tr/{{p made plain Jinja.

    docxtpl (and python-docx under it) take longer to import and run than the rest of a
    build, so the result is kept in the user's cache, keyed by the template's content.
    """
    from . import __version__

    entry = user_cache.entry("template", __version__, hashlib.sha256(raw).hexdigest())
    if entry is not None:
        payload = user_cache.read(entry, "template")
        if payload is not None:
            with contextlib.suppress(ValueError):
                cached = json.loads(payload)
                if isinstance(cached, str):
                    return cached
    from docxtpl import DocxTemplate  # only on a cold cache: it imports python-docx

    tpl = DocxTemplate(os.fspath(path))
    tpl.init_docx()
    source: str = tpl.patch_xml(etree.tostring(tpl.docx.element, encoding="unicode"))
    if entry is not None:
        user_cache.write(entry, "template", json.dumps(source, ensure_ascii=False).encode("utf-8"), keep=8)
    return source


# --- the body -------------------------------------------------------------------------


def _segments(segments: Iterable[Segment]) -> str:
    return "".join(ox.ref_field(s.bookmark, s.text) if isinstance(s, Ref) else ox.run(s) for s in segments)


class _Lists:
    """Numbering instances for items under unnumbered paragraphs, one per paragraph, each restarted."""

    def __init__(self) -> None:
        self.count = 0

    def new(self) -> int:
        self.count += 1
        return ox.FIRST_FREE_NUM_ID + self.count - 1

    def nodes(self) -> list[ox.Node]:
        return [
            ox.num(num, ox.FREE_ITEMS_ABSTRACT_NUM_ID, restart=True)
            for num in range(ox.FIRST_FREE_NUM_ID, ox.FIRST_FREE_NUM_ID + self.count)
        ]


# --- stable ids ------------------------------------------------------------------------
#
# Every article, paragraph and item has a stable id: its clause id and its place in that
# clause ("nda.purpose" for the article's heading, "nda.purpose/p2", "nda.purpose/p2/i1").
# Renumbering the articles leaves it alone, so two drafts of a deal can be compared
# paragraph by paragraph (the groundwork for redlines). Computed here from
# Article.clause_id and the paragraph's and item's positions.
#
# Recorded twice: as a hidden bookmark around each such paragraph, and in the provenance
# part as the map from bookmark name to id ("paragraph_ids"); `inspect_docx` reads the
# bookmarks in document order and names them through the map. Bookmarks, not only a list
# in the provenance: a bookmark travels with its paragraph when the draft is edited in
# Word or LibreOffice (paragraphs inserted, deleted or moved), so the ids read back from
# an edited draft still name the right paragraphs, where a list in document order would
# be wrong from the first inserted paragraph on. The map, besides the bookmarks: a
# bookmark name cannot hold a clause id (Word allows 40 characters, letters, digits and
# "_"; clause ids hold "." and may be long), so the name is "_Ipc_" (the "_" hides it from
# Word's bookmark list), 12 hex digits of the SHA-256 of the clause id, then "_p2", "_i1".
# The same clause gives the same names in every draft. One hash per article, not per
# paragraph: hashing is the costly part of this.

ID_BOOKMARK_PREFIX = "_Ipc_"


@lru_cache(maxsize=4096)
def _clause_bookmark(clause_id: str) -> str:
    return ID_BOOKMARK_PREFIX + hashlib.sha256(clause_id.encode("utf-8")).hexdigest()[:12]


class _Body:
    """What one document's body needs besides its text: list instances, bookmarks, stable ids."""

    def __init__(self) -> None:
        self.lists = _Lists()
        self.bookmarks = ox.Bookmarks()
        self.ids: dict[str, str] = {}  # bookmark name -> stable id, in document order


def _paragraph(para: Paragraph, body: _Body, bookmark: str) -> str:
    # The hot path of a build, written for speed: `bookmark` extends an article's checked,
    # unique name, so it and its items' names are unique and valid by construction.
    ids, mark = body.ids, body.bookmarks.around_derived
    ids[bookmark] = para.id
    out = ox.paragraph(Style.PARAGRAPH if para.label else Style.TEXT, mark(bookmark, _segments(para.segments)))
    if not para.items:
        return out
    items = []
    for i, item in enumerate(para.items, 1):
        name = f"{bookmark}_i{i}"
        ids[name] = item.id
        items.append(mark(name, _segments(item.segments)))
    if para.label is None:
        num = body.lists.new()
        return out + "".join([ox.list_paragraph(Style.ITEM, item, num) for item in items])
    return out + "".join([ox.paragraph(Style.ITEM, item) for item in items])


def _articles(agreement: Agreement, body: _Body) -> str:
    locale = get_locale(agreement.language)
    out = []
    for art in agreement.articles:
        heading = locale.article_title(art.title)
        mark = _clause_bookmark(art.clause_id)
        body.ids[mark] = art.id
        # The numbering shows "第5条" / "Article 5"; REF fields point at art.bookmark.
        title = body.bookmarks.around(mark, body.bookmarks.around(art.bookmark, ox.run(heading)))
        out.append(ox.paragraph(Style.ARTICLE, title))
        out += [_paragraph(p, body, f"{mark}_p{n}") for n, p in enumerate(art.paragraphs, 1)]
    return "".join(out)


def paragraph_ids(agreement: Agreement) -> dict[str, str]:
    """Bookmark name -> stable id of every article, paragraph and item, in document order."""
    body = _Body()
    _articles(agreement, body)
    return body.ids


def _signature(agreement: Agreement) -> str:
    locale = get_locale(agreement.language)
    words = locale.words.signature
    p, r = ox.paragraph, ox.run
    dated = agreement.signing_date if agreement.signing_date == words.date_blank else words.dated.format(date=agreement.signing_date)

    out = [p(Style.SIGNATURE_INTRO, r(agreement.signing_intro) if agreement.signing_intro else "")]
    if locale.signature_layout == "name_and_seal":
        out.append(p(Style.SIGNATURE, r(dated)))
        for party in agreement.parties:
            out += [
                p(Style.SIGNATURE),
                p(Style.SIGNATURE, r(party.address)),
                p(Style.SIGNATURE, r(party.legal_name)),
                p(Style.SIGNATURE, r(f"{party.representative_title}　{party.representative_name}") + r("　　" + words.seal)),
            ]
    else:
        for party in agreement.parties:
            out += [
                p(Style.SIGNATURE),
                p(Style.SIGNATURE, r(f"{words.for_party} {party.legal_name}", bold=True)),
                p(Style.SIGNATURE, r(f"{words.signature}: ____________________")),
                p(Style.SIGNATURE, r(f"{words.name}: {party.representative_name}")),
                p(Style.SIGNATURE, r(f"{words.title}: {party.representative_title}")),
                p(Style.SIGNATURE, r(dated)),
            ]
    return "".join(out)


def _table(rows: Sequence[Sequence[str]], widths: Sequence[int] = (2800, 6000), header: bool = False) -> str:
    """A bordered table; the first column (or the header row) shaded."""
    return ox.table(Style.TABLE, widths, (
        ox.row(
            ox.cell(ox.paragraph(Style.TABLE_TEXT, ox.run(text)), widths[i], shaded=(i == 0 and not header) or (header and r == 0))
            for i, text in enumerate(row)
        )
        for r, row in enumerate(rows)
    ))


def _schedule(agreement: Agreement) -> str:
    if not agreement.schedule:
        return ""
    out = [ox.paragraph(Style.SCHEDULE_TITLE, ox.run(agreement.schedule_title))]
    for section in agreement.schedule:
        out.append(ox.paragraph(Style.SECTION_HEADING, ox.run(section.heading)))
        if section.note:
            out.append(ox.paragraph(Style.NOTE, ox.run(section.note)))
        out.append(_table(section.rows))
    return "".join(out)


# --- metadata parts -----------------------------------------------------------------


def _core(agreement: Agreement) -> str:
    return ox.core_properties(
        agreement.title,
        subject=wording.type_name(agreement.type, get_locale(agreement.language)),
        keywords=", ".join(p.short_name for p in agreement.parties),
        description="; ".join(p.legal_name for p in agreement.parties),
        **_core_common(agreement.language, agreement.effective_date, agreement.type),
    )


def _core_common(language: str, date: str, category: str) -> dict[str, Any]:
    """What every ipclauses DOCX records in its core properties; dates from the spec, never the clock."""
    return {
        "creator": "ipclauses", "last_modified_by": "ipclauses", "revision": 1,
        "language": get_locale(language).tag, "date": date, "category": category,
    }


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


def provenance(agreement: Agreement, ids: Mapping[str, str] | None = None) -> dict[str, Any]:
    """What the provenance part records; `ids` (bookmark -> stable id), if the body is already built."""
    return {
        "custom_properties": custom_properties(agreement),
        "choices": agreement.choices,
        "spec": agreement.resolved_spec,
        "paragraph_ids": dict(ids if ids is not None else paragraph_ids(agreement)),
    }


def _custom_xml(agreement: Agreement, ids: Mapping[str, str]) -> str:
    # Compact: json's C encoder runs only without indent, and other tools parse it anyway.
    data = json.dumps(provenance(agreement, ids), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return ox.root(ox.el("provenance", {"xmlns": PROVENANCE_NS, "format": "json"}, text=data))


# What a build adds to the template's package: custom properties and the provenance part.
_CONTENT_TYPES_ADDED = (
    ox.override("/docProps/custom.xml", ContentType.CUSTOM_PROPERTIES),
    ox.override("/customXml/itemProps1.xml", ContentType.CUSTOM_XML_PROPERTIES),
)
_PACKAGE_RELS_ADDED = (ox.relationship("rIdCustomProps", RelType.CUSTOM_PROPERTIES, "docProps/custom.xml"),)
_DOCUMENT_RELS_ADDED = (ox.relationship("rIdCustomXml1", RelType.CUSTOM_XML, "../customXml/item1.xml"),)
_ITEM_PROPS = ox.custom_xml_properties(CUSTOM_XML_ITEM_ID, PROVENANCE_NS).encode("utf-8")
_ITEM_RELS = ox.relationships(ox.relationship("rId1", RelType.CUSTOM_XML_PROPERTIES, "itemProps1.xml")).encode("utf-8")
_APP = ox.app_properties().encode("utf-8")


# --- the package --------------------------------------------------------------------


def template_context(agreement: Agreement, body: _Body | None = None) -> dict[str, Any]:
    """What the base template's docxtpl tags are filled with."""
    body = body if body is not None else _Body()
    return {
        "title": agreement.title,
        "preamble": agreement.preamble,
        "show_key_terms": agreement.show_key_terms,
        "key_terms": agreement.key_terms,
        "labels": wording.labels(get_locale(agreement.language)),
        "articles": Markup(_articles(agreement, body)),
        "signature": Markup(_signature(agreement)),
        "schedule": Markup(_schedule(agreement)),
    }


def _document_xml(agreement: Agreement, body: _Body) -> str:
    tpl = _template(agreement.language)
    try:
        context = template_context(agreement, body)
    except ox.SchemaError as exc:  # two clauses whose bookmarks collide, say: our bug, but say what
        raise RenderError(f"the agreement cannot be written as WordprocessingML ({exc}); this is a bug in ipclauses") from None
    try:
        return tpl.document.render(context)
    except jinja2.TemplateError as exc:  # a broken template is our bug, but say where
        raise RenderError(f"templates/agreement-{agreement.language}.docx: {exc}") from None


_P, _T = f"{_W}p", f"{_W}t"


def document_text(document_xml: str | bytes) -> str:
    """Text of every paragraph (body and tables), one per line, as a reader sees it."""
    root = etree.fromstring(document_xml.encode("utf-8") if isinstance(document_xml, str) else document_xml)
    # One walk over paragraphs and texts in document order (no paragraph holds another):
    # half the time of a walk per paragraph.
    lines: list[list[str]] = []
    line: list[str] = []
    for element in root.iter(_P, _T):
        if element.tag == _P:
            line = []
            lines.append(line)
        else:
            line.append(element.text or "")
    return "\n".join(["".join(texts) for texts in lines])


def _zip(parts: dict[str, bytes], shared: bytes = b"") -> bytes:
    """A zip of `parts`, after those of `shared` (a zip made by this function) if given."""
    buffer = io.BytesIO(shared)
    with zipfile.ZipFile(buffer, "a" if shared else "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)  # fixed: same input, same bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=1)  # fast: 2x quicker than 6, a few KB larger
    return buffer.getvalue()


# The parts in which one build differs from another. Every other part of an agreement
# (or a summary) in a language is the same in every build, so it is zipped once per
# process and each build appends only its own parts: zipping is a fifth of a build.
_AGREEMENT_OWN_PARTS = ("docProps/core.xml", "word/document.xml", "word/numbering.xml", "docProps/custom.xml", "customXml/item1.xml")
_SUMMARY_OWN_PARTS = ("docProps/core.xml", "word/document.xml")


@cache
def _shared_agreement_zip(lang: str) -> bytes:
    tpl = _template(lang)
    parts = {name: data for name, data in tpl.parts.items() if name not in _AGREEMENT_OWN_PARTS}
    parts["[Content_Types].xml"] = tpl.content_types.with_children(*_CONTENT_TYPES_ADDED)
    parts["_rels/.rels"] = tpl.package_rels.with_children(*_PACKAGE_RELS_ADDED)
    parts["word/_rels/document.xml.rels"] = tpl.document_rels.with_children(*_DOCUMENT_RELS_ADDED)
    parts["docProps/app.xml"] = _APP
    parts["customXml/itemProps1.xml"] = _ITEM_PROPS
    parts["customXml/_rels/item1.xml.rels"] = _ITEM_RELS
    return _zip(parts)


@cache
def _shared_summary_zip(lang: str) -> bytes:
    parts = {name: data for name, data in _template(lang).parts.items() if name not in _SUMMARY_OWN_PARTS}
    parts["docProps/app.xml"] = _APP
    return _zip(parts)


def summary_docx(summary: Summary) -> bytes:
    """The plain-language summary as DOCX, in the agreement template's styles."""
    from .summary import with_article

    locale = summary.locale
    lang = locale.code
    words = locale.words.summary.headings
    p, r = ox.paragraph, ox.run

    def t(key: str) -> str:
        text: str = getattr(words, key)
        return text

    def heading(text: str) -> str:
        return p(Style.SECTION_HEADING, r(text))

    bullet = words.bullet
    out = [heading(t("overview")), p(Style.TEXT, r(" ".join(summary.overview)))]
    if summary.results_table:
        out += [heading(t("results")), _table(summary.results_table, (2400, 5200, 1200), header=True)]
    out.append(heading(t("parties")))
    for party in summary.parties:
        out.append(heading(party.name))
        for key in ("may", "must", "cannot"):
            points = getattr(party, key)
            if points:
                out.append(p(Style.TEXT, r(t(key), bold=True)))
                out += [p(Style.TEXT, r(bullet + with_article(pt, locale))) for pt in points]
    for key, points in (("secret", summary.confidentiality), ("money", summary.money), ("ending", summary.ending)):
        if points:
            out.append(heading(t(key)))
            out += [p(Style.TEXT, r(bullet + with_article(pt, locale))) for pt in points]
    out += [heading(t("checklist")), _table(summary.checklist)]
    out += [heading(t("balance")), p(Style.TEXT, r(summary.balance_verdict))]
    if summary.balance_rows:
        out.append(_table(summary.balance_rows, (1600, 4600, 2600)))
    out.append(heading(t("findings")))
    if summary.findings:
        out += [
            p(Style.TEXT, r(f"{words.severity[f.severity]}: ", bold=True) + r(f"{f.message} {f.why} {f.fix} ({f.path})"))
            for f in summary.findings
        ]
    else:
        out.append(p(Style.TEXT, r(t("no_findings"))))
    out.append(heading(t("articles")))
    out += [p(Style.TEXT, r(heading_text + " ", bold=True) + r(text)) for heading_text, text in summary.articles]
    tpl = _template(lang)
    context = {
        "title": summary.title, "preamble": summary.disclaimer, "show_key_terms": False, "key_terms": [],
        "labels": wording.labels(locale),
        "articles": Markup("".join(out)), "signature": Markup(""), "schedule": Markup(""),
    }
    document_xml = tpl.document.render(context)
    document_text(document_xml)  # refuse to write a file that is not well-formed
    own = {
        "docProps/core.xml": ox.core_properties(summary.title, **_core_common(lang, summary.effective_date, "summary")).encode("utf-8"),
        "word/document.xml": document_xml.encode("utf-8"),
    }
    return _zip(own, _shared_summary_zip(lang))


def package(agreement: Agreement) -> tuple[bytes, str]:
    """The DOCX bytes and the document's text (for the check that every value is there)."""
    tpl = _template(agreement.language)
    body = _Body()
    document_xml = _document_xml(agreement, body)
    try:
        text = document_text(document_xml)
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"the rendered document is not well-formed XML ({exc}); this is a bug in ipclauses") from None
    own = {
        "docProps/core.xml": _core(agreement).encode("utf-8"),
        "word/document.xml": document_xml.encode("utf-8"),
        "word/numbering.xml": tpl.numbering.with_children(*body.lists.nodes()),
        "docProps/custom.xml": ox.custom_properties(custom_properties(agreement)).encode("utf-8"),
        "customXml/item1.xml": _custom_xml(agreement, body.ids).encode("utf-8"),
    }
    return _zip(own, _shared_agreement_zip(agreement.language)), text


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
# word/document.xml, read only for the stable ids' bookmarks and parsed as a stream: an
# agreement's is a few hundred KB; a long one edited in Word, some MB.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
MAX_TOTAL_READ_BYTES = 28 * 1024 * 1024  # all parts read together
MAX_JSON_DEPTH = 64  # a spec is at most 32 deep; nothing deeper reaches a recursive encoder
_CHUNK = 64 * 1024

CORE_PART = "docProps/core.xml"
DOCUMENT_PART = "word/document.xml"
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
    # The stable id ("nda.purpose/p2/i1") of every article, paragraph and item whose bookmark
    # is in word/document.xml, in document order; empty for a file from before ids were recorded.
    paragraph_ids: list[str]
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
            # Opened without blocking and checked again: a file swapped for a pipe cannot hang it.
            data = read_regular_file(path, MAX_DOCX_BYTES)
        except NotARegularFile:
            raise DocumentError(f"{name}: is not a regular file (a device, pipe or socket); not read") from None
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


def _read_parts(data: bytes, name: str) -> tuple[bytes, bytes, bytes, bytes | None]:
    """core.xml, custom.xml, the provenance part and document.xml (if any), read within bounds."""
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
                parts.read(DOCUMENT_PART, MAX_DOCUMENT_BYTES) if parts.has(DOCUMENT_PART) else None,
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


def _provenance(
    data: bytes, name: str,
) -> tuple[dict[str, str], list[dict[str, str | int]], dict[str, Any], dict[str, str]]:
    """The provenance part's custom properties, choices, spec and paragraph ids, each of the right type."""
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
    ids = recorded.get("paragraph_ids", {})  # files from before ids were recorded have none
    if not isinstance(ids, dict) or not all(isinstance(v, str) for v in ids.values()):
        raise DocumentError(f"{name}: provenance is damaged (paragraph_ids is not an object of strings)")
    choices = [{"clause": c["clause"], "variant": c["variant"], "article": c["article"]} for c in choices]
    return props, choices, spec, ids


def _bookmark_names(data: bytes, name: str) -> list[str]:
    """The names of word/document.xml's bookmarks, in document order.

    Parsed as a stream, each element dropped once read, so a large document costs time
    but no memory; no entities expanded, no DTD or network access, a DOCTYPE refused.
    """
    start = f"{_W}bookmarkStart"
    names = []
    events = etree.iterparse(
        io.BytesIO(data), events=("end",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
    )
    try:
        for _, element in events:
            if element.tag == start:
                names.append(element.get(f"{_W}name") or "")
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise DocumentError(f"{name}: {DOCUMENT_PART} is not well-formed XML ({exc})") from None
    docinfo = events.root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None:
        raise DocumentError(f"{name}: {DOCUMENT_PART} declares a DOCTYPE, which a DOCX part never has; not read")
    return names


def inspect_docx(source: str | os.PathLike[str] | IO[bytes]) -> Inspection:
    """What an ipclauses DOCX records about its build, and where that record contradicts itself.

    Core properties come from docProps/core.xml and custom properties from
    docProps/custom.xml; choices and spec from the provenance part; paragraph_ids from
    the bookmarks in word/document.xml, named through the provenance part's map. `integrity` and
    `problems` report a spec whose SHA-256 differs from the recorded spec_sha256, and
    every custom property whose two copies disagree. The record is not a signature:
    a consistent record proves nothing about who made the file or its text.

    Raises `DocumentError` for a file that is not a readable ipclauses DOCX (or is
    too large or malformed to read safely).
    """
    name = os.fspath(source) if isinstance(source, (str, os.PathLike)) else str(getattr(source, "name", "<stream>"))
    core_xml, custom_xml, provenance_xml, document_xml = _read_parts(_read_source(source, name), name)
    core = _core_properties(core_xml, name)
    custom, problems = _custom_properties(custom_xml, name)
    recorded, choices, spec, ids = _provenance(provenance_xml, name)
    # The bookmarks say where each paragraph is now (after any edits), the map what it is.
    bookmarks = _bookmark_names(document_xml, name) if ids and document_xml is not None else []
    found = [ids[mark] for mark in bookmarks if mark in ids]

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
        paragraph_ids=found,
        integrity=Integrity(
            spec_sha256_computed=computed,
            spec_hash_matches=all(value == computed for value in stated.values()),
            disagreements=disagreements,
        ),
        problems=problems,
    )


def _shown(value: str | None) -> str:
    return "missing" if value is None else json.dumps(value, ensure_ascii=False)
