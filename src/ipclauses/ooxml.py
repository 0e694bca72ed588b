"""WordprocessingML, and the package parts around it, in one place.

The only module that knows OOXML element names, their child order and how text is
escaped; the DOCX renderer and tools/make_templates.py both build through it.

It builds strings, not trees: a whole agreement is built in a few milliseconds, and
an lxml tree costs far more (400 paragraphs with a REF field each: 1.9 ms as strings,
25 ms as lxml SubElement calls and tostring, measured side by side). Two kinds of
builders:

- `el` builds any element from its attributes and children and puts the children in
  the order the schema requires (`CHILD_ORDER`, like python-docx's `_tag_seq`), so a
  caller may give them in any order; an unknown child, or a second one where the
  schema allows one, is an error. Property containers (pPr, rPr, tblPr, tcPr, sectPr,
  style, lvl, settings, ...) are built this way, and cached where a build needs the
  same one many times (`paragraph_properties`).
- `paragraph`, `run`, `field`, `bookmark_start`, `table`, ... are the hot path of a
  build: f-strings whose structure is the schema's (pPr before a paragraph's runs,
  rPr before a run's text, begin/instr/separate/result/end for a field).

`Part` adds children to a part read from a template in schema order (every
abstractNum before the first num), without parsing it at build time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from enum import StrEnum
from functools import cache
from itertools import pairwise
from typing import Final, NamedTuple

from .unicode_safety import XML_FORBIDDEN

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Prefixes as the parts write them; `namespaces("w", "r")` declares them on a root.
NAMESPACES = {
    "w": W_NS,
    "r": R_NS,
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "dcmitype": "http://purl.org/dc/dcmitype/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "vt": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    "ds": "http://schemas.openxmlformats.org/officeDocument/2006/customXml",
}
PACKAGE_RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
EXTENDED_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CUSTOM_PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
# The format id Word gives every user-defined custom property.
CUSTOM_PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def namespaces(*prefixes: str) -> dict[str, str]:
    """xmlns attributes for a part's root element."""
    return {f"xmlns:{prefix}": NAMESPACES[prefix] for prefix in prefixes}


# --- text -------------------------------------------------------------------------

# Validation refuses these in a spec and the library loader in clause text, so none should
# ever arrive here.
_forbidden = XML_FORBIDDEN.search


def escape(text: str) -> str:
    """Text as XML character data or an attribute value: &, <, > and " escaped."""
    # isprintable() is the quick answer for almost all text; the regex, for the rest (tabs, U+3000, ...).
    assert text.isprintable() or _forbidden(text) is None, f"XML cannot hold {XML_FORBIDDEN.findall(text)!r}: validation should have refused it"
    # Chained replace is several times faster than str.translate with a dict.
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def escape_attribute(value: str) -> str:
    """An attribute value: also tab, newline and carriage return, which a parser would read as spaces."""
    return escape(value).replace("\t", "&#9;").replace("\n", "&#10;").replace("\r", "&#13;")


# --- child order --------------------------------------------------------------------
#
# For each parent, its children in schema order (ECMA-376 Part 1, transitional; checked
# against openxml-audit's schema data by tests/test_ooxml_layer.py). A bare tag occurs
# at most once; a tuple is one place in the sequence that holds any number of the tags
# it lists, in the order the caller gives them. CONTENT stands for already built
# content given as a string (runs of a paragraph, paragraphs of a body).

CONTENT = "#content"
_RUN_CONTENT = (
    "w:r", "w:bookmarkStart", "w:bookmarkEnd", "w:fldSimple", "w:hyperlink", "w:proofErr",
    "w:commentRangeStart", "w:commentRangeEnd", "w:ins", "w:del", CONTENT,
)
_BLOCK_CONTENT = ("w:p", "w:tbl", "w:sdt", "w:bookmarkStart", "w:bookmarkEnd", CONTENT)

CHILD_ORDER: dict[str, tuple[str | tuple[str, ...], ...]] = {
    # document.xml, footers
    "w:document": ("w:background", "w:body"),
    "w:body": (_BLOCK_CONTENT, "w:sectPr"),
    "w:ftr": (_BLOCK_CONTENT,),
    "w:hdr": (_BLOCK_CONTENT,),
    "w:p": ("w:pPr", _RUN_CONTENT),
    "w:r": ("w:rPr", ("w:br", "w:t", "w:instrText", "w:cr", "w:tab", "w:fldChar", "w:lastRenderedPageBreak")),
    "w:tbl": ("w:tblPr", "w:tblGrid", ("w:tr", "w:bookmarkStart", "w:bookmarkEnd", CONTENT)),
    "w:tblGrid": (("w:gridCol",), "w:tblGridChange"),
    "w:tr": ("w:tblPrEx", "w:trPr", ("w:tc", "w:bookmarkStart", "w:bookmarkEnd", CONTENT)),
    "w:tc": ("w:tcPr", _BLOCK_CONTENT),
    "w:pPr": (
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
        "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
        "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
        "w:rPr", "w:sectPr", "w:pPrChange",
    ),
    "w:numPr": ("w:ilvl", "w:numId", "w:numberingChange", "w:ins"),
    "w:rPr": (
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
        "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
        "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
        "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
        "w:specVanish", "w:oMath", "w:rPrChange",
    ),
    "w:tblPr": (
        "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
        "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange",
    ),
    "w:tblBorders": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV"),
    "w:tblCellMar": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"),
    "w:tcPr": (
        "w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
        "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:cellIns", "w:cellDel",
        "w:cellMerge", "w:tcPrChange",
    ),
    "w:sectPr": (
        ("w:headerReference", "w:footerReference"), "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
        "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
        "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
    ),
    # styles.xml
    "w:styles": ("w:docDefaults", "w:latentStyles", ("w:style",)),
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),
    "w:rPrDefault": ("w:rPr",),
    "w:pPrDefault": ("w:pPr",),
    "w:style": (
        "w:name", "w:aliases", "w:basedOn", "w:next", "w:link", "w:autoRedefine", "w:hidden", "w:uiPriority",
        "w:semiHidden", "w:unhideWhenUsed", "w:qFormat", "w:locked", "w:personal", "w:personalCompose",
        "w:personalReply", "w:rsid", "w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr", ("w:tblStylePr",),
    ),
    # numbering.xml: every abstractNum before the first num, or Word refuses the file
    "w:numbering": (("w:numPicBullet",), ("w:abstractNum",), ("w:num",), "w:numIdMacAtCleanup"),
    "w:abstractNum": ("w:nsid", "w:multiLevelType", "w:tmpl", "w:name", "w:styleLink", "w:numStyleLink", ("w:lvl",)),
    "w:lvl": (
        "w:start", "w:numFmt", "w:lvlRestart", "w:pStyle", "w:isLgl", "w:suff", "w:lvlText", "w:lvlPicBulletId",
        "w:legacy", "w:lvlJc", "w:pPr", "w:rPr",
    ),
    "w:num": ("w:abstractNumId", ("w:lvlOverride",)),
    "w:lvlOverride": ("w:startOverride", "w:lvl"),
    # settings.xml (w:updateFields, should it ever be set, goes where this says)
    "w:settings": (
        "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
        "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
        "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts", "w:embedSystemFonts",
        "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
        "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
        "w:hideGrammaticalErrors", ("w:activeWritingStyle",), "w:proofState", "w:formsDesign", "w:attachedTemplate",
        "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
        "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
        "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
        "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength",
        "w:clickAndTypeStyle", "w:defaultTableStyle", "w:evenAndOddHeaders", "w:bookFoldRevPrinting",
        "w:bookFoldPrinting", "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing",
        "w:drawingGridVerticalSpacing", "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery",
        "w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin",
        "w:doNotShadeFormData", "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne",
        "w:strictFirstAndLastChars", "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
        "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent", "w:alwaysShowPlaceholderText",
        "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt",
        "w:showXMLTags", "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr",
        "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "w:uiCompat97To2003", ("w:attachedSchema",),
        "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures",
        "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:shapeDefaults", "w:decimalSymbol",
        "w:listSeparator",
    ),
    "w:compat": (("w:compatSetting",),),
    # fontTable.xml
    "w:fonts": (("w:font",),),
    "w:font": (
        "w:altName", "w:panose1", "w:charset", "w:family", "w:notTrueType", "w:pitch", "w:sig", "w:embedRegular",
        "w:embedBold", "w:embedItalic", "w:embedBoldItalic",
    ),
    # package parts: content types, relationships, properties, custom XML
    "Types": (("Default",), ("Override",)),  # any order is valid; Defaults first by convention
    "Relationships": (("Relationship",),),
    # docProps/core.xml is an xsd:all (any order, each at most once); this is the order ipclauses writes.
    "cp:coreProperties": (
        "dc:title", "dc:subject", "cp:keywords", "dc:description", "dc:creator", "cp:lastModifiedBy", "cp:revision",
        "dc:language", "dcterms:created", "dcterms:modified", "cp:category",
    ),
    # The root of docProps/app.xml (an xsd:all) and of docProps/custom.xml (property*).
    "Properties": ("Application", "DocSecurity", ("property",)),
    "property": ("vt:lpwstr",),
    "ds:datastoreItem": ("ds:schemaRefs",),
    "ds:schemaRefs": (("ds:schemaRef",),),
}


class SchemaError(ValueError):
    """A child that its parent cannot hold, or one too many: a bug in the caller."""


class _Order(NamedTuple):
    ranks: dict[str, int]  # child tag -> its place in the sequence
    single: frozenset[str]  # tags that occur at most once


def _orders() -> dict[str, _Order]:
    out = {}
    for parent, sequence in CHILD_ORDER.items():
        ranks: dict[str, int] = {}
        single = set()
        for rank, entry in enumerate(sequence):
            tags = entry if isinstance(entry, tuple) else (entry,)
            if isinstance(entry, str):
                single.add(entry)
            for tag in tags:
                assert tag not in ranks, f"{parent}: {tag} declared twice"
                ranks[tag] = rank
        out[parent] = _Order(ranks, frozenset(single))
    return out


_ORDERS = _orders()


class Node(NamedTuple):
    """A serialised element and its tag, so that a parent can put it in its place."""

    tag: str  # as written, with its prefix: "w:pStyle"
    xml: str


Child = Node | str | None  # a str is already built content (CONTENT); None is left out


def in_schema_order(parent: str, children: Sequence[Node | str]) -> list[Node | str]:
    """The children sorted into the order `parent` requires; those sharing a place keep theirs."""
    order = _ORDERS.get(parent)
    if order is None:
        raise SchemaError(f"{parent} has no declared child order; add it to ooxml.CHILD_ORDER")
    ranks = []
    seen: set[str] = set()
    for child in children:
        tag = CONTENT if isinstance(child, str) else child.tag
        rank = order.ranks.get(tag)
        if rank is None:
            raise SchemaError(f"{tag} is not a child of {parent}")
        if tag in order.single:
            if tag in seen:
                raise SchemaError(f"{parent} holds at most one {tag}")
            seen.add(tag)
        ranks.append(rank)
    if all(a <= b for a, b in pairwise(ranks)):
        return list(children)  # already in order, as most callers give them
    # sorted() is stable: children that share a place keep the order they were given in.
    return [child for _, child in sorted(zip(ranks, children, strict=True), key=lambda pair: pair[0])]


def _attributes(attrs: Mapping[str, str | int] | None) -> str:
    if not attrs:
        return ""
    return "".join(f' {name}="{escape_attribute(value) if isinstance(value, str) else value}"' for name, value in attrs.items())


def el(tag: str, attrs: Mapping[str, str | int] | None = None, *children: Child, text: str | None = None) -> Node:
    """An element with its attributes (in the order given) and its children in schema order.

    `text` is character data, escaped here; an element has text or children, not both.
    """
    kids = [c for c in children if c]  # a Node is a non-empty tuple: only None and "" are left out
    head = tag + _attributes(attrs) if attrs else tag
    if kids:
        if text is not None:
            raise SchemaError(f"{tag}: text and children together")
        kids = in_schema_order(tag, kids)
        inner = "".join(c if isinstance(c, str) else c.xml for c in kids)
    elif text is not None:
        inner = escape(text)
    else:
        return Node(tag, f"<{head}/>")
    return Node(tag, f"<{head}>{inner}</{tag}>")


def text_element(tag: str, text: str) -> Node:
    """An element holding only text: el(tag, text=text), on the fast path."""
    return Node(tag, f"<{tag}>{escape(text)}</{tag}>")


def val(tag: str, value: str | int) -> Node:
    """The common one-attribute element: <w:jc w:val="both"/>."""
    return el(tag, {"w:val": value})


def on(tag: str, enabled: bool = True) -> Node | None:
    """An on/off property (<w:b/>, <w:keepNext/>), or nothing."""
    return el(tag) if enabled else None


def root(node: Node) -> str:
    """A whole part: the XML declaration and its root element."""
    return XML_HEADER + node.xml


# --- styles -------------------------------------------------------------------------


class Style:
    """Every style id the templates define and the renderer uses (STYLE_NAMES: the names Word shows).

    Plain str constants, not an Enum: they are read for every paragraph of a build, and
    an Enum member costs a Python-level lookup, hash and format each time.
    """

    NORMAL: Final = "Normal"
    DEFAULT_PARAGRAPH_FONT: Final = "DefaultParagraphFont"
    TABLE_NORMAL: Final = "TableNormal"
    NO_LIST: Final = "NoList"
    TABLE: Final = "IPCTable"
    TITLE: Final = "IPCTitle"
    PREAMBLE: Final = "IPCPreamble"
    SECTION_HEADING: Final = "IPCSectionHeading"
    NOTE: Final = "IPCNote"
    TABLE_TEXT: Final = "IPCTableText"
    ARTICLE: Final = "IPCArticle"
    TEXT: Final = "IPCText"
    PARAGRAPH: Final = "IPCParagraph"
    ITEM: Final = "IPCItem"
    SIGNATURE: Final = "IPCSignature"
    SIGNATURE_INTRO: Final = "IPCSignatureIntro"
    SCHEDULE_TITLE: Final = "IPCScheduleTitle"
    FOOTER: Final = "IPCFooter"
    BILINGUAL_TABLE: Final = "IPCBilingualTable"


STYLE_NAMES: Final = {
    Style.NORMAL: "Normal",
    Style.DEFAULT_PARAGRAPH_FONT: "Default Paragraph Font",
    Style.TABLE_NORMAL: "Normal Table",
    Style.NO_LIST: "No List",
    Style.TABLE: "IPC Table",
    Style.TITLE: "IPC Title",
    Style.PREAMBLE: "IPC Preamble",
    Style.SECTION_HEADING: "IPC Section Heading",
    Style.NOTE: "IPC Note",
    Style.TABLE_TEXT: "IPC Table Text",
    Style.ARTICLE: "IPC Article",
    Style.TEXT: "IPC Text",
    Style.PARAGRAPH: "IPC Paragraph",
    Style.ITEM: "IPC Item",
    Style.SIGNATURE: "IPC Signature",
    Style.SIGNATURE_INTRO: "IPC Signature Intro",
    Style.SCHEDULE_TITLE: "IPC Schedule Title",
    Style.FOOTER: "IPC Footer",
    Style.BILINGUAL_TABLE: "IPC Bilingual Table",
}


# A bilingual document styles each column in its language's own set: "IPCArticleJa", "IPCArticleEn".
def column_style(style_id: str, code: str) -> str:
    return style_id + code.title()


def base_style(style_id: str) -> str:
    """The style a column's style stands for ("IPCArticleEn" -> "IPCArticle"); any other is itself."""
    if style_id[-2:].istitle() and style_id[:-2] in STYLE_NAMES and style_id.startswith("IPC"):
        return style_id[:-2]
    return style_id


def _style_name(style_id: str) -> str:
    base = base_style(style_id)
    return STYLE_NAMES[style_id] if base == style_id else f"{STYLE_NAMES[base]} ({style_id[len(base):].lower()})"

# Numbering the templates define. The article list (abstractNum 0: article, paragraph
# and item levels, linked to their styles) is num 1; items under an unnumbered paragraph
# use abstractNum 1 through a num per paragraph, restarted, from FIRST_FREE_NUM_ID on.
ARTICLE_ABSTRACT_NUM_ID = 0
FREE_ITEMS_ABSTRACT_NUM_ID = 1
ARTICLE_NUM_ID = 1
FIRST_FREE_NUM_ID = 2


class ColumnNumbering(NamedTuple):
    """One language's lists in the bilingual template: its article list and its free items' list."""

    article_num: int
    article_abstract: int
    free_items_abstract: int


def column_numbering(column: int) -> ColumnNumbering:
    """The lists of the bilingual template's `column`-th language (locales.BILINGUAL_TEMPLATE_LANGUAGES), whichever a document puts first."""
    return ColumnNumbering(column + 1, 2 * column, 2 * column + 1)


# Free item lists in a bilingual document start after both languages' article lists.
BILINGUAL_FIRST_FREE_NUM_ID = 3


def style(kind: str, style_id: str, *children: Child, default: bool = False, custom: bool = False) -> Node:
    """A w:style; its name comes from STYLE_NAMES."""
    attrs: dict[str, str | int] = {"w:type": kind}
    if default:
        attrs["w:default"] = 1
    if custom:
        attrs["w:customStyle"] = 1
    attrs["w:styleId"] = style_id
    return el("w:style", attrs, val("w:name", _style_name(style_id)), *children)


def run_fonts(latin: str, east_asian: str) -> Node:
    # Explicit names only: theme attributes (asciiTheme, eastAsiaTheme) would override them.
    return el("w:rFonts", {"w:ascii": latin, "w:hAnsi": latin, "w:eastAsia": east_asian, "w:cs": latin})


# --- paragraphs, runs, fields, bookmarks (the hot path) ------------------------------


def numbering_properties(num_id: int, level: int) -> Node:
    return el("w:numPr", None, val("w:ilvl", level), val("w:numId", num_id))


@cache
def paragraph_properties(style_id: str, num_id: int | None = None, level: int = 0) -> str:
    """<w:pPr> with a style and, for a list, direct numbering; cached: a build asks for few."""
    return el("w:pPr", None, val("w:pStyle", style_id), numbering_properties(num_id, level) if num_id is not None else None).xml


class _StyleOnly(dict[str, str]):
    """style id -> its <w:pPr>: the common paragraph's properties in one dict lookup."""

    def __missing__(self, style_id: str) -> str:
        props = self[style_id] = paragraph_properties(style_id)
        return props


_style_only = _StyleOnly()


def paragraph(style_id: str, content: str = "") -> str:
    """A paragraph in a style, holding already built runs (and bookmarks, fields)."""
    return f"<w:p>{_style_only[style_id]}{content}</w:p>"


def list_paragraph(style_id: str, content: str, num_id: int, level: int = 0) -> str:
    """A paragraph numbered by a list of its own (direct numbering) rather than by its style."""
    return f"<w:p>{paragraph_properties(style_id, num_id, level)}{content}</w:p>"


_BOLD = el("w:rPr", None, el("w:b")).xml


def run(text: str, bold: bool = False) -> str:
    """A run of text; spaces kept as given."""
    return f'<w:r>{_BOLD if bold else ""}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


_FIELD_SEPARATE = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
_FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


@cache
def _field_start(instruction: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {escape(instruction)} </w:instrText></w:r>'
    )


def field(instruction: str, result: str) -> str:
    """A complex field: begin, instruction, separate, the result shown until Word updates it, end."""
    return f"{_field_start(instruction)}{_FIELD_SEPARATE}{run(result)}{_FIELD_END}"


@cache
def _ref_start(bookmark: str) -> str:
    # \r shows the target's paragraph number ("第5条" / "Article 5"), \h makes it a link.
    return _field_start(f"REF {bookmark} \\r \\h") + _FIELD_SEPARATE


def ref_field(bookmark: str, result: str) -> str:
    """A REF field to a numbered paragraph's bookmark.

    `result` is what that paragraph's numbering shows, so the document reads right
    before Word updates its fields.
    """
    return f'{_ref_start(bookmark)}<w:r><w:t xml:space="preserve">{escape(result)}</w:t></w:r>{_FIELD_END}'


def page_field(result: str = "1") -> str:
    return field("PAGE", result)


def pages_field(result: str = "1") -> str:
    return field("NUMPAGES", result)


# Word: a bookmark name is at most 40 characters, letters, digits and "_", starting with
# a letter, or with "_" for a hidden one (not listed in Word's Bookmark dialog).
BOOKMARK_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def is_bookmark_name(name: str) -> bool:
    """BOOKMARK_NAME.fullmatch(name), in C-level string methods: it is asked for every paragraph."""
    return 0 < len(name) <= 40 and name.isascii() and name.replace("_", "a").isalnum() and not name[0].isdigit()


class Bookmarks:
    """Bookmarks of one document: ids from 1 in document order, and each name only once."""

    def __init__(self) -> None:
        self.names: set[str] = set()
        self.next_id = 1

    def around(self, name: str, content: str) -> str:
        """`content` (runs) between a bookmarkStart and its bookmarkEnd."""
        if name in self.names:
            raise SchemaError(f"the bookmark {name} is used twice in one document")
        if not is_bookmark_name(name):
            raise SchemaError(f"{name!r} is not a Word bookmark name (at most 40 letters, digits and _)")
        self.names.add(name)
        return self.around_derived(name, content)

    def around_derived(self, name: str, content: str) -> str:
        """`around`, for a name the caller has made unique and valid (a checked name plus "_p2", say)."""
        mark = self.next_id
        self.next_id = mark + 1
        return f'<w:bookmarkStart w:id="{mark}" w:name="{name}"/>{content}<w:bookmarkEnd w:id="{mark}"/>'


# --- tracked changes ------------------------------------------------------------------
#
# A tracked insertion (w:ins) or deletion (w:del) carries an id unique among the
# document's annotations, an author and, if given, a date. Deleted text is w:delText. A
# paragraph inserted or deleted whole also marks its paragraph mark (w:ins or w:del in
# the rPr of its pPr, which comes after the style and numbering), so that accepting a
# deletion removes the paragraph, not only its words, and rejecting an insertion does too.
# A table row marks its trPr the same way.


def revision_attributes(rev_id: int, author: str, date: str | None) -> str:
    """The attributes of one tracked change: w:id, w:author and (if given) w:date."""
    attrs = f'w:id="{rev_id}" w:author="{escape(author)}"'
    return f'{attrs} w:date="{escape(date)}"' if date else attrs


def inserted(content: str, attributes: str) -> str:
    """Already built runs (text, fields) as a tracked insertion."""
    return f"<w:ins {attributes}>{content}</w:ins>"


def deleted(text: str, attributes: str, bold: bool = False) -> str:
    """Text as a tracked deletion."""
    return f'<w:del {attributes}><w:r>{_BOLD if bold else ""}<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>'


def tracked_paragraph(style_id: str, content: str, mark: str = "", num_id: int | None = None, level: int = 0) -> str:
    """A paragraph whose paragraph mark is tracked: `mark` is "<w:ins .../>" or "<w:del .../>" (or "")."""
    props = paragraph_properties(style_id, num_id, level)
    if mark:
        props = f"{props[:-len('</w:pPr>')]}<w:rPr>{mark}</w:rPr></w:pPr>"
    return f"<w:p>{props}{content}</w:p>"


def revision_mark(tag: str, attributes: str) -> str:
    """An empty w:ins or w:del, marking a paragraph mark or a table row."""
    assert tag in ("w:ins", "w:del")
    return f"<{tag} {attributes}/>"


def tracked_row(cells: Iterable[str], mark: str = "") -> str:
    """A table row, inserted or deleted whole when `mark` is given."""
    return f"<w:tr><w:trPr>{mark}</w:trPr>{''.join(cells)}</w:tr>" if mark else row(cells)


# --- tables ---------------------------------------------------------------------------


@cache
def table_properties(style_id: str) -> str:
    """A table in a style, as wide as the text (5000 fiftieths of a percent), no conditional formats."""
    return el("w:tblPr", None, val("w:tblStyle", style_id), el("w:tblW", {"w:w": 5000, "w:type": "pct"}), val("w:tblLook", "0000")).xml


_SHADE = el("w:shd", {"w:val": "clear", "w:color": "auto", "w:fill": "F2F2F2"})


@cache
def cell_properties(width: int, shaded: bool = False, span: int = 1) -> str:
    return el(
        "w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"}), val("w:gridSpan", span) if span > 1 else None,
        _SHADE if shaded else None,
    ).xml


def cell(content: str, width: int, shaded: bool = False, span: int = 1) -> str:
    """A table cell of `width` twips, over `span` grid columns, holding already built paragraphs (a cell needs at least one)."""
    return f"<w:tc>{cell_properties(width, shaded, span)}{content}</w:tc>"


def row(cells: Iterable[str]) -> str:
    return "<w:tr>" + "".join(cells) + "</w:tr>"


# A row kept on one page where it fits (cantSplit), and the header row repeated on every page (tblHeader).
_KEPT_ROW = "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
_HEADER_ROW = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"


def kept_row(cells: Iterable[str], header: bool = False, mark: str = "") -> str:
    """A table row not split across pages; a header row is repeated at the top of each page; `mark` tracks it whole."""
    if mark:
        return f"<w:tr><w:trPr><w:cantSplit/>{mark}</w:trPr>" + "".join(cells) + "</w:tr>"
    return (_HEADER_ROW if header else _KEPT_ROW) + "".join(cells) + "</w:tr>"


def ends_in_paragraph(content: str) -> bool:
    """Whether blocks end in a paragraph, as a cell's must (not in a table inside it, nor empty)."""
    return content.endswith("</w:p>")


@cache
def _grid(widths: tuple[int, ...]) -> str:
    return el("w:tblGrid", None, *(el("w:gridCol", {"w:w": w}) for w in widths)).xml


def table(style_id: str, widths: Sequence[int], rows: Iterable[str]) -> str:
    """A table: its properties, its grid (column widths in twips), then its rows."""
    return f"<w:tbl>{table_properties(style_id)}{_grid(tuple(widths))}{''.join(rows)}</w:tbl>"


# --- numbering ------------------------------------------------------------------------


def level(
    ilvl: int, start: int, fmt: str, text: str, suffix: str, paragraph_props: Iterable[Child], style_id: str | None = None,
) -> Node:
    """A numbering level: "%1" in `text` is level 0's number, "%2" level 1's, ..."""
    return el(
        "w:lvl", {"w:ilvl": ilvl},
        val("w:start", start), val("w:numFmt", fmt), val("w:pStyle", style_id) if style_id else None,
        val("w:suff", suffix), val("w:lvlText", text), val("w:lvlJc", "left"),
        el("w:pPr", None, *paragraph_props),
    )


def abstract_num(abstract_id: int, multi_level: bool, levels: Iterable[Node]) -> Node:
    return el(
        "w:abstractNum", {"w:abstractNumId": abstract_id},
        val("w:multiLevelType", "multilevel" if multi_level else "singleLevel"), *levels,
    )


@cache
def num(num_id: int, abstract_id: int, restart: bool = False) -> Node:
    """A numbering instance; `restart` makes its first level count from 1 again."""
    override = el("w:lvlOverride", {"w:ilvl": 0}, val("w:startOverride", 1)) if restart else None
    return el("w:num", {"w:numId": num_id}, val("w:abstractNumId", abstract_id), override)


# --- package parts ----------------------------------------------------------------------


class ContentType(StrEnum):
    RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"
    XML = "application/xml"
    DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
    SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
    FONT_TABLE = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
    FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
    THEME = "application/vnd.openxmlformats-officedocument.theme+xml"
    CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
    EXTENDED_PROPERTIES = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
    CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
    CUSTOM_XML_PROPERTIES = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"


_OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class RelType(StrEnum):
    OFFICE_DOCUMENT = f"{_OFFICE_REL}/officeDocument"
    CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    EXTENDED_PROPERTIES = f"{_OFFICE_REL}/extended-properties"
    CUSTOM_PROPERTIES = f"{_OFFICE_REL}/custom-properties"
    STYLES = f"{_OFFICE_REL}/styles"
    NUMBERING = f"{_OFFICE_REL}/numbering"
    SETTINGS = f"{_OFFICE_REL}/settings"
    FONT_TABLE = f"{_OFFICE_REL}/fontTable"
    FOOTER = f"{_OFFICE_REL}/footer"
    THEME = f"{_OFFICE_REL}/theme"
    CUSTOM_XML = f"{_OFFICE_REL}/customXml"
    CUSTOM_XML_PROPERTIES = f"{_OFFICE_REL}/customXmlProps"


def default(extension: str, content_type: ContentType) -> Node:
    return el("Default", {"Extension": extension, "ContentType": content_type})


def override(part_name: str, content_type: ContentType) -> Node:
    return el("Override", {"PartName": part_name, "ContentType": content_type})


def content_types(*entries: Node) -> str:
    return root(el("Types", {"xmlns": CONTENT_TYPES_NS}, *entries))


def relationship(rel_id: str, rel_type: RelType, target: str) -> Node:
    return el("Relationship", {"Id": rel_id, "Type": rel_type, "Target": target})


def relationships(*entries: Node) -> str:
    return root(el("Relationships", {"xmlns": PACKAGE_RELATIONSHIPS_NS}, *entries))


def core_properties(
    title: str, *, subject: str = "", keywords: str = "", description: str = "", creator: str = "ipclauses",
    last_modified_by: str = "", revision: int | None = None, language: str = "", date: str = "", category: str = "",
) -> str:
    """docProps/core.xml; `date` (ISO) is both created and modified: from the spec, never the clock."""
    when = f"{date}T00:00:00Z"

    def text(tag: str, value: str) -> Node | None:
        return text_element(tag, value) if value else None

    def w3cdtf(tag: str) -> Node | None:
        return Node(tag, f'<{tag} xsi:type="dcterms:W3CDTF">{escape(when)}</{tag}>') if date else None

    return root(el(
        "cp:coreProperties", namespaces("cp", "dc", "dcterms", "dcmitype", "xsi"),
        text("dc:title", title), text("dc:subject", subject), text("cp:keywords", keywords),
        text("dc:description", description), text("dc:creator", creator),
        text("cp:lastModifiedBy", last_modified_by), text("cp:revision", "" if revision is None else str(revision)),
        text("dc:language", language), w3cdtf("dcterms:created"), w3cdtf("dcterms:modified"),
        text("cp:category", category),
    ))


def app_properties(application: str = "ipclauses") -> str:
    return root(el(
        "Properties", {"xmlns": EXTENDED_PROPERTIES_NS},
        el("Application", None, text=application), el("DocSecurity", None, text="0"),
    ))


def custom_properties(values: Mapping[str, str]) -> str:
    """docProps/custom.xml: string properties, numbered from 2 as Word does."""
    return root(el(
        "Properties", {"xmlns": CUSTOM_PROPERTIES_NS, "xmlns:vt": NAMESPACES["vt"]},
        *(
            Node("property", (
                f'<property fmtid="{CUSTOM_PROPERTY_FMTID}" pid="{pid}" name="{escape_attribute(name)}">'
                f"{text_element('vt:lpwstr', value).xml}</property>"
            ))
            for pid, (name, value) in enumerate(values.items(), 2)
        ),
    ))


def custom_xml_properties(item_id: str, schema_uri: str) -> str:
    """customXml/itemProps<n>.xml: the item's id and the namespace of its content."""
    return root(el(
        "ds:datastoreItem", {"ds:itemID": item_id, "xmlns:ds": NAMESPACES["ds"]},
        el("ds:schemaRefs", None, el("ds:schemaRef", {"ds:uri": schema_uri})),
    ))


# --- adding to an existing part -------------------------------------------------------

# Start and end tags, empty elements, and what is neither (comments, PIs, CDATA).
_TOKEN = re.compile(r"<(/?)([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)(?:\s[^<>]*?)?(/?)>|<!--|<\?|<!\[CDATA\[")


class Part:
    """A part from a template, split once into its root's start tag, children and end tag.

    `with_children` puts new children in their schema place among the existing ones
    (after those of the same or an earlier place), so a build adds a `w:num` to the
    template's numbering without parsing it, and still after every abstractNum.
    """

    def __init__(self, xml: bytes):
        text = xml.decode("utf-8")
        start = text.index("?>") + 2 if text.startswith("<?xml") else 0
        tokens = _TOKEN.finditer(text, start)
        first = next(tokens)
        if first.group(2) is None or first.group(1) or first.group(3):
            raise SchemaError("a part must start with its root element")
        self.root = first.group(2)
        order = _ORDERS.get(self.root)
        if order is None:
            raise SchemaError(f"{self.root} has no declared child order; add it to ooxml.CHILD_ORDER")
        self.order = order
        self.children: list[tuple[int, str]] = []  # (rank, xml)
        self._tags: list[str] = []
        depth = 0
        child_start = child_tag = None
        for token in tokens:
            closing, tag, empty = token.group(1), token.group(2), token.group(3)
            if tag is None:
                raise SchemaError(f"{self.root}: comments, processing instructions and CDATA are not expected in a template part")
            if closing:
                if depth == 0:  # the root's end tag
                    self.head = text[: first.end()]
                    self.tail = text[token.start():]
                    if self.tail.strip() != f"</{self.root}>":
                        raise SchemaError(f"{self.root}: content after the root element")
                    self._check_against_parser(xml)
                    return
                depth -= 1
                if depth == 0:
                    self._add(child_tag, text[child_start: token.end()])
            elif depth == 0:
                child_start, child_tag = token.start(), tag
                if empty:
                    self._add(tag, token.group(0))
                else:
                    depth = 1
            elif not empty:
                depth += 1
        raise SchemaError(f"{self.root}: the root element is not closed")

    def _add(self, tag: str | None, xml: str) -> None:
        rank = self.order.ranks.get(tag or "")
        if rank is None:
            raise SchemaError(f"{tag} is not a child of {self.root}")
        self.children.append((rank, xml))
        self._tags.append(tag or "")

    def _check_against_parser(self, xml: bytes) -> None:
        # The split above is a scan, not a parser: confirm it found what an XML parser finds.
        from lxml import etree  # type: ignore[import-untyped]  # no stubs in the project's dependencies

        parsed = [etree.QName(child).localname for child in etree.fromstring(xml) if isinstance(child.tag, str)]
        if parsed != [tag.rpartition(":")[2] for tag in self._tags]:
            raise SchemaError(f"{self.root}: the part's children could not be split reliably")

    def with_children(self, *nodes: Node) -> bytes:
        """The part with `nodes` added, each after the existing children of its place or earlier ones."""
        out = list(self.children)
        for node in nodes:
            rank = self.order.ranks.get(node.tag)
            if rank is None:
                raise SchemaError(f"{node.tag} is not a child of {self.root}")
            if node.tag in self.order.single:
                raise SchemaError(f"{self.root}: adding {node.tag} to a template part is not supported")
            at = next((i for i, (r, _) in enumerate(out) if r > rank), len(out))
            out.insert(at, (rank, node.xml))
        return (self.head + "".join(xml for _, xml in out) + self.tail).encode("utf-8")
