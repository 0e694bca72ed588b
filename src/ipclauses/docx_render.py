"""Render an Agreement as a DOCX file (docx_read.py reads one back).

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
import uuid
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import IO, TYPE_CHECKING, Any

import jinja2
from lxml import etree  # type: ignore[import-untyped]  # no stubs in the project's dependencies
from markupsafe import Markup

from . import cache as user_cache
from . import ooxml as ox
from . import wording
from .agreement import Agreement, Article, Paragraph, Ref, Segment
from .docx_body import document_fingerprint
from .errors import RenderError
from .locales import Locale, get_locale, prevailing_locale
from .ooxml import ContentType, RelType, Style
from .resources import data_dir

if TYPE_CHECKING:
    from .summary import Point, Summary

W_NS = ox.W_NS
_W = f"{{{W_NS}}}"
PROVENANCE_NS = "urn:ipclauses:provenance:1"
CUSTOM_XML_ITEM_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "urn:ipclauses:provenance:1")).upper() + "}"
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_esc = ox.escape


@dataclass
class TemplateParts:
    """A base template's parts, in zip order, and the ones a build adds children to, split once
    (ooxml.Part puts them in schema order)."""

    parts: dict[str, bytes]
    numbering: ox.Part
    content_types: ox.Part
    package_rels: ox.Part
    document_rels: ox.Part


@cache
def template_parts(name: str) -> TemplateParts:
    """templates/agreement-<name>.docx: a language's (its code), or the bilingual one ("bilingual")."""
    raw = (data_dir("templates") / f"agreement-{name}.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        parts = {member: zf.read(member) for member in zf.namelist()}
    return TemplateParts(
        parts, numbering=ox.Part(parts["word/numbering.xml"]), content_types=ox.Part(parts["[Content_Types].xml"]),
        package_rels=ox.Part(parts["_rels/.rels"]), document_rels=ox.Part(parts["word/_rels/document.xml.rels"]),
    )


@dataclass
class _Template:
    package: TemplateParts
    document: jinja2.Template

    @property
    def parts(self) -> dict[str, bytes]:
        return self.package.parts


@cache
def _template(lang: str) -> _Template:
    path = data_dir("templates") / f"agreement-{lang}.docx"
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return _Template(template_parts(lang), user_cache.compiled_template(env, _prepared_source(path, path.read_bytes()), "docx"))


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


@dataclass(frozen=True)
class Column:
    """How one language's text is written into a document: its styles, its lists and its bookmarks' names.

    A single-language document uses the template's own (SINGLE). A bilingual one writes
    each language in its column with that language's styles ("IPCArticleEn"), lists
    and bookmark names ending in its code ("_Ref_x" -> "_Ref_xEn"), so that each
    column's numbering counts its own articles and its cross-references point to them.
    """

    suffix: str = ""  # the language code, titled, in a bilingual document
    free_items_abstract: int = ox.FREE_ITEMS_ABSTRACT_NUM_ID

    def style(self, style_id: str) -> str:
        return style_id + self.suffix

    def bookmark(self, name: str) -> str:
        """A bookmark's name in this column: within Word's 40 characters with the suffix."""
        return name[: 40 - len(self.suffix)] + self.suffix if self.suffix else name


SINGLE = Column()


def segment_runs(segments: Iterable[Segment], column: Column = SINGLE) -> str:
    if column.suffix:
        return "".join(ox.ref_field(column.bookmark(s.bookmark), s.text) if isinstance(s, Ref) else ox.run(s) for s in segments)
    return "".join(ox.ref_field(s.bookmark, s.text) if isinstance(s, Ref) else ox.run(s) for s in segments)


class Lists:
    """Numbering instances for items under unnumbered paragraphs, one per paragraph, each restarted."""

    def __init__(self, first: int = ox.FIRST_FREE_NUM_ID) -> None:
        self.first = first
        self.abstracts: list[int] = []  # the list each instance numbers with, from `first` on

    @property
    def count(self) -> int:
        return len(self.abstracts)

    def new(self, abstract: int = ox.FREE_ITEMS_ABSTRACT_NUM_ID) -> int:
        self.abstracts.append(abstract)
        return self.first + len(self.abstracts) - 1

    def nodes(self) -> list[ox.Node]:
        return [ox.num(self.first + n, abstract, restart=True) for n, abstract in enumerate(self.abstracts)]


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
def clause_bookmark(clause_id: str) -> str:
    return ID_BOOKMARK_PREFIX + hashlib.sha256(clause_id.encode("utf-8")).hexdigest()[:12]


class Body:
    """What one document's body needs besides its text: list instances, bookmarks, stable ids."""

    def __init__(self, first_list: int = ox.FIRST_FREE_NUM_ID) -> None:
        self.lists = Lists(first_list)
        self.bookmarks = ox.Bookmarks()
        self.ids: dict[str, str] = {}  # bookmark name -> stable id, in document order


def _paragraph(para: Paragraph, body: Body, bookmark: str, column: Column = SINGLE) -> str:
    return "".join(paragraph_blocks(para, body, bookmark, column))


def paragraph_blocks(para: Paragraph, body: Body, bookmark: str, column: Column = SINGLE) -> list[str]:
    """A paragraph, then each of its items, as WordprocessingML paragraphs."""
    # The hot path of a build, written for speed: `bookmark` extends an article's checked,
    # unique name, so it and its items' names are unique and valid by construction.
    ids, mark = body.ids, body.bookmarks.around_derived
    ids[bookmark] = para.id
    style = column.style(Style.PARAGRAPH if para.label else Style.TEXT)
    out = [ox.paragraph(style, mark(bookmark, segment_runs(para.segments, column)))]
    if not para.items:
        return out
    items = []
    for i, item in enumerate(para.items, 1):
        name = f"{bookmark}_i{i}"
        ids[name] = item.id
        items.append(mark(name, segment_runs(item.segments, column)))
    item_style = column.style(Style.ITEM)
    if para.label is None:
        num = body.lists.new(column.free_items_abstract)
        return out + [ox.list_paragraph(item_style, item, num) for item in items]
    return out + [ox.paragraph(item_style, item) for item in items]


def article_heading(art: Article, locale: Locale, body: Body, column: Column = SINGLE) -> tuple[str, str]:
    """An article's heading paragraph (numbered by Word), and the bookmark name its paragraphs' names extend."""
    mark = column.bookmark(clause_bookmark(art.clause_id))
    body.ids[mark] = art.id
    # The numbering shows "第5条" / "Article 5"; REF fields point at the article's bookmark.
    title = body.bookmarks.around(mark, body.bookmarks.around(column.bookmark(art.bookmark), ox.run(locale.article_title(art.title))))
    return ox.paragraph(column.style(Style.ARTICLE), title), mark


def _articles(agreement: Agreement, body: Body) -> str:
    locale = get_locale(agreement.language)
    out = []
    for art in agreement.articles:
        heading, mark = article_heading(art, locale, body)
        out.append(heading)
        out += [_paragraph(p, body, f"{mark}_p{n}") for n, p in enumerate(art.paragraphs, 1)]
    return "".join(out)


def paragraph_ids(agreement: Agreement) -> dict[str, str]:
    """Bookmark name -> stable id of every article, paragraph and item, in document order."""
    body = Body()
    _articles(agreement, body)
    return body.ids


def _signature(agreement: Agreement) -> str:
    p, r = ox.paragraph, ox.run
    out = [p(Style.SIGNATURE_INTRO, r(agreement.signing_intro) if agreement.signing_intro else "")]
    out += [p(Style.SIGNATURE, r(text, bold=bold) if text else "") for text, bold in wording.signature_lines(agreement)]
    return "".join(out)


def _table(rows: Sequence[Sequence[str]], widths: Sequence[int] = (2800, 6000), header: bool = False,
           style: str = Style.TABLE, text_style: str = Style.TABLE_TEXT) -> str:
    """A bordered table; the first column (or the header row) shaded."""
    return ox.table(style, widths, (
        ox.row(
            ox.cell(ox.paragraph(text_style, ox.run(text)), widths[i], shaded=(i == 0 and not header) or (header and r == 0))
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
        subject=wording.type_name(agreement.type, prevailing_locale(agreement.language)),
        keywords=", ".join(p.short_name for p in agreement.parties),
        description="; ".join(p.legal_name for p in agreement.parties),
        **_core_common(agreement.language, agreement.effective_date, agreement.type),
    )


def _core_common(language: str, date: str, category: str) -> dict[str, Any]:
    """What every ipclauses DOCX records in its core properties; dates from the spec, never the clock."""
    return {
        "creator": "ipclauses", "last_modified_by": "ipclauses", "revision": 1,
        "language": prevailing_locale(language).tag, "date": date, "category": category,
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


def provenance(agreement: Agreement, ids: Mapping[str, str] | None = None, body_sha256: str | None = None) -> dict[str, Any]:
    """What the provenance part records; `ids` (bookmark -> stable id) and the body's fingerprint, if the body is built."""
    record = {
        "custom_properties": custom_properties(agreement),
        "choices": agreement.choices,
        "spec": agreement.resolved_spec,
        "paragraph_ids": dict(ids if ids is not None else paragraph_ids(agreement)),
    }
    if body_sha256 is not None:
        # What the body said when written (docx_body.py): verify tells from it whether the text was edited since.
        record["body_sha256"] = body_sha256
    return record


def _custom_xml(agreement: Agreement, ids: Mapping[str, str], body_sha256: str) -> str:
    # Compact: json's C encoder runs only without indent, and other tools parse it anyway.
    data = json.dumps(provenance(agreement, ids, body_sha256), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
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


def template_context(agreement: Agreement, body: Body | None = None) -> dict[str, Any]:
    """What the base template's docxtpl tags are filled with."""
    body = body if body is not None else Body()
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


def _document_xml(agreement: Agreement, body: Body) -> str:
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


def document_text(document: str | bytes | Any) -> str:
    """Text of every paragraph (body and tables), one per line, as a reader sees it; of XML text or a parsed root."""
    root = parse_document(document) if isinstance(document, (str, bytes)) else document
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
def _shared_agreement_zip(name: str) -> bytes:
    tpl = template_parts(name)
    parts = {name: data for name, data in tpl.parts.items() if name not in _AGREEMENT_OWN_PARTS}
    parts["[Content_Types].xml"] = tpl.content_types.with_children(*_CONTENT_TYPES_ADDED)
    parts["_rels/.rels"] = tpl.package_rels.with_children(*_PACKAGE_RELS_ADDED)
    parts["word/_rels/document.xml.rels"] = tpl.document_rels.with_children(*_DOCUMENT_RELS_ADDED)
    parts["docProps/app.xml"] = _APP
    parts["customXml/itemProps1.xml"] = _ITEM_PROPS
    parts["customXml/_rels/item1.xml.rels"] = _ITEM_RELS
    return _zip(parts)


@cache
def _shared_summary_zip(name: str) -> bytes:
    parts = {member: data for member, data in template_parts(name).parts.items() if member not in _SUMMARY_OWN_PARTS}
    parts["docProps/app.xml"] = _APP
    return _zip(parts)


# A section of a summary's body: its key ("overview", "party-1", "party-1-may", ...) and its paragraphs and tables.
SummarySection = tuple[str, list[str]]


@dataclass(frozen=True)
class SummaryLayout:
    """Where a summary's sections are written: the column's styles, and its tables' style and column widths (twips)."""

    column: Column = SINGLE
    table_style: str = Style.TABLE
    results_widths: tuple[int, ...] = (2400, 5200, 1200)
    checklist_widths: tuple[int, ...] = (2800, 6000)
    balance_widths: tuple[int, ...] = (1600, 4600, 2600)


SINGLE_SUMMARY = SummaryLayout()


def summary_sections(summary: Summary, layout: SummaryLayout = SINGLE_SUMMARY) -> list[SummarySection]:
    """The summary's body below its title and disclaimer, section by section in reading order.

    A bilingual summary sets each section beside the same section in the other language
    (docx_bilingual_summary.py), so a party's lists (may, must, cannot) are sections of their own.
    """
    from .summary import with_article

    locale, column = summary.locale, layout.column
    words = locale.words.summary.headings
    p, r = ox.paragraph, ox.run
    text_style = column.style(Style.TEXT)

    def t(key: str) -> str:
        text: str = getattr(words, key)
        return text

    def heading(text: str) -> str:
        return p(column.style(Style.SECTION_HEADING), r(text))

    def table(rows: Sequence[Sequence[str]], widths: Sequence[int], header: bool = False) -> str:
        return _table(rows, widths, header, layout.table_style, column.style(Style.TABLE_TEXT))

    def bullets(points: Sequence[Point]) -> list[str]:
        return [p(text_style, r(words.bullet + with_article(pt, locale))) for pt in points]

    out: list[SummarySection] = [("overview", [heading(t("overview")), p(text_style, r(" ".join(summary.overview)))])]
    if summary.results_table:
        out.append(("results", [heading(t("results")), table(summary.results_table, layout.results_widths, header=True)]))
    out.append(("parties", [heading(t("parties"))]))
    for n, party in enumerate(summary.parties, 1):
        out.append((f"party-{n}", [heading(party.name)]))
        for key in ("may", "must", "cannot"):
            points = getattr(party, key)
            if points:
                out.append((f"party-{n}-{key}", [p(text_style, r(t(key), bold=True)), *bullets(points)]))
    for key, points in (("secret", summary.confidentiality), ("money", summary.money), ("ending", summary.ending)):
        if points:
            out.append((key, [heading(t(key)), *bullets(points)]))
    out.append(("checklist", [heading(t("checklist")), table(summary.checklist, layout.checklist_widths)]))
    balance = [heading(t("balance")), p(text_style, r(summary.balance_verdict))]
    if summary.balance_rows:
        balance.append(table(summary.balance_rows, layout.balance_widths))
    out.append(("balance", balance))
    findings = [heading(t("findings"))]
    if summary.findings:
        findings += [
            p(text_style, r(f"{words.severity[f.severity]}: ", bold=True) + r(f"{f.message} {f.why} {f.fix} ({f.path})"))
            for f in summary.findings
        ]
    else:
        findings.append(p(text_style, r(t("no_findings"))))
    out.append(("findings", findings))
    out.append(("articles", [heading(t("articles"))] + [
        p(text_style, r(heading_text + " ", bold=True) + r(text)) for heading_text, text in summary.articles
    ]))
    return out


def summary_docx(summary: Summary) -> bytes:
    """The plain-language summary as DOCX, in the agreement template's styles."""
    locale = summary.locale
    lang = locale.code
    body = "".join(block for _, blocks in summary_sections(summary) for block in blocks)
    context = {
        "title": summary.title, "preamble": summary.disclaimer, "show_key_terms": False, "key_terms": [],
        "labels": wording.labels(locale),
        "articles": Markup(body), "signature": Markup(""), "schedule": Markup(""),
    }
    document_xml = _template(lang).document.render(context)
    return summary_package(lang, document_xml, summary.title, lang, summary.effective_date)


def summary_package(template: str, document_xml: str, title: str, language: str, date: str) -> bytes:
    """A summary's DOCX: `document_xml` in the package of the base template `template` (a language's, or the bilingual one)."""
    document_text(document_xml)  # refuse to write a file that is not well-formed
    own = {
        "docProps/core.xml": ox.core_properties(title, **_core_common(language, date, "summary")).encode("utf-8"),
        "word/document.xml": document_xml.encode("utf-8"),
    }
    return _zip(own, _shared_summary_zip(template))


def agreement_document(agreement: Agreement) -> tuple[str, Body]:
    """The agreement's word/document.xml, and what its body holds besides text (bookmarks, stable ids, lists)."""
    body = Body()
    return _document_xml(agreement, body), body


def package(agreement: Agreement) -> tuple[bytes, str]:
    """The DOCX bytes and the document's text (for the check that every value is there)."""
    document_xml, body = agreement_document(agreement)
    root = parse_document(document_xml)
    return package_document(agreement, document_xml, body, root), document_text(root)


def parse_document(document_xml: str | bytes) -> Any:
    """A document.xml ipclauses has just written, parsed; not for files from elsewhere (see docx_read)."""
    try:
        return etree.fromstring(document_xml.encode("utf-8") if isinstance(document_xml, str) else document_xml)
    except etree.XMLSyntaxError as exc:
        raise RenderError(f"the rendered document is not well-formed XML ({exc}); this is a bug in ipclauses") from None


def package_document(agreement: Agreement, document_xml: str, body: Body, root: Any = None, template: str | None = None,
                     columns: int = 1) -> bytes:
    """An agreement's DOCX around a document.xml already built: properties, numbering, provenance.

    `root` is document_xml parsed, if the caller has it; `template` names the base
    template (default: the agreement's language's); `columns`, how many languages its body sets side by side.
    """
    template = template or agreement.language
    tpl = template_parts(template)
    body_sha256 = document_fingerprint(root if root is not None else parse_document(document_xml), columns)
    own = {
        "docProps/core.xml": _core(agreement).encode("utf-8"),
        "word/document.xml": document_xml.encode("utf-8"),
        "word/numbering.xml": tpl.numbering.with_children(*body.lists.nodes()),
        "docProps/custom.xml": ox.custom_properties(custom_properties(agreement)).encode("utf-8"),
        "customXml/item1.xml": _custom_xml(agreement, body.ids, body_sha256).encode("utf-8"),
    }
    return _zip(own, _shared_agreement_zip(template))


def document_with_body(template: str, body_xml: str) -> str:
    """The base template's document.xml with `body_xml` as its content (its section properties kept)."""
    raw = template_parts(template).parts["word/document.xml"].decode("utf-8")
    return raw[: raw.index("<w:body>") + len("<w:body>")] + body_xml + raw[raw.index("<w:sectPr"):]


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
