"""Write the base DOCX templates (templates/agreement-ja.docx, agreement-en.docx, agreement-bilingual.docx).

The templates hold every style, the multi-level numbering linked to the article,
paragraph and item styles, page setup and a footer with page numbers, and a
body with docxtpl tags for the front matter. Each is also written unpacked under
templates/src/<lang>/ so that changes are reviewable as diffs.

Run after changing this file: python3 tools/make_templates.py
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from typing import Any

from ipclauses import ooxml as ox
from ipclauses.locales import BILINGUAL_TEMPLATE_LANGUAGES
from ipclauses.ooxml import Child, Node, Style, el, val

ROOT = Path(__file__).resolve().parents[1]

# What differs between the languages, as data; the XML is built by ipclauses.ooxml.
LANG: dict[str, dict[str, Any]] = {
    "ja": {
        "font": "ＭＳ 明朝",
        "latin": "ＭＳ 明朝",
        "heading_font": "ＭＳ ゴシック",
        "heading_latin": "ＭＳ ゴシック",
        "size": 21,  # half-points: 10.5pt, the Japanese business default
        "lang": {"w:val": "ja-JP", "w:eastAsia": "ja-JP", "w:bidi": "ar-SA"},
        "article": "第%1条",
        "article_suffix": "nothing",
        "paragraph": "%2",
        "paragraph_start": 2,
        "paragraph_suffix": "space",
        "item": "（%3）",
        "item_format": "decimal",
        "item_suffix": "nothing",
        "margins": (1701, 1418),  # top/bottom, left/right in twips
        "text_indent": {"w:left": 0, "w:firstLine": 210},
        "paragraph_indent": {"w:left": 210, "w:hanging": 210},
        "item_indent": {"w:left": 630, "w:hanging": 420},
        "justify": "both",
        "doc_grid": {"w:type": "lines", "w:linePitch": 360},
        "tab_stop": 420,
        "character_spacing": "compressPunctuation",
        "theme_font_lang": {"w:val": "en-US", "w:eastAsia": "ja-JP"},
        "column": {},  # in a bilingual document's column: as it is
    },
    "en": {
        "font": "Times New Roman",
        "latin": "Times New Roman",
        "heading_font": "Times New Roman",
        "heading_latin": "Times New Roman",
        "size": 22,
        "lang": {"w:val": "en-GB", "w:eastAsia": "ja-JP", "w:bidi": "ar-SA"},
        "article": "Article %1",
        "article_suffix": "space",
        "paragraph": "%1.%2",
        "paragraph_start": 1,
        "paragraph_suffix": "tab",
        "item": "(%3)",
        "item_format": "lowerLetter",
        "item_suffix": "tab",
        "margins": (1440, 1440),
        "text_indent": {"w:left": 0},
        "paragraph_indent": {"w:left": 720, "w:hanging": 720},
        "item_indent": {"w:left": 1440, "w:hanging": 720},
        "justify": "both",
        "doc_grid": {"w:linePitch": 360},
        "tab_stop": 720,
        "character_spacing": "doNotCompress",
        "theme_font_lang": {"w:val": "en-GB", "w:eastAsia": "ja-JP"},
        # In a bilingual document's 8.5 cm column: ranged left (justified, a narrow column gapes) and shallower indents.
        "column": {
            "justify": "left",
            "paragraph_indent": {"w:left": 567, "w:hanging": 567},
            "item_indent": {"w:left": 1134, "w:hanging": 567},
        },
    },
}


def ind(attrs: dict[str, int]) -> Node:
    return el("w:ind", attrs)


def spacing(**attrs: int | str) -> Node:
    return el("w:spacing", {f"w:{name}": value for name, value in attrs.items()})


def size(half_points: int) -> tuple[Node, Node]:
    return val("w:sz", half_points), val("w:szCs", half_points)


def styles(c: dict[str, Any]) -> str:
    return ox.root(el("w:styles", ox.namespaces("w", "r"), *common_styles(c), table_style(Style.TABLE), *paragraph_styles(c)))


def in_column(code: str) -> dict[str, Any]:
    """A language's settings in a bilingual document's column: its own, with its "column" changes, and lines
    1.25 apart rather than 1.5 (two columns of text are long enough)."""
    return {**LANG[code], **LANG[code]["column"], "line": 300}


def bilingual_styles() -> str:
    """Both languages' paragraph styles, each set named for its language ("IPCArticleJa", "IPCArticleEn"),
    each with its own fonts, size and language, numbered by its language's list; the defaults are the first language's."""
    first = in_column(BILINGUAL[0])
    columns = [paragraph_styles(in_column(code), code, column + 1) for column, code in enumerate(BILINGUAL)]
    return ox.root(el("w:styles", ox.namespaces("w", "r"), *common_styles(first), table_style(Style.BILINGUAL_TABLE),
                      *(style for column in columns for style in column), footer_style()))


def table_style(style_id: str) -> Node:
    """A bordered table's style: the key terms' and schedule's, or the bilingual document's side-by-side table."""
    return ox.style(
        "table", style_id, val("w:basedOn", Style.TABLE_NORMAL), el("w:pPr", None, val("w:jc", "left")),
        el(
            "w:tblPr", None,
            el("w:tblBorders", None, *(border(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV"))),
            el("w:tblCellMar", None, dxa("top", 40), dxa("bottom", 40)),
        ),
        custom=True,
    )


def border(side: str) -> Node:
    return el(f"w:{side}", {"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "808080"})


def dxa(side: str, width: int) -> Node:
    return el(f"w:{side}", {"w:w": width, "w:type": "dxa"})


def common_styles(c: dict[str, Any]) -> list[Node]:
    """The document defaults and the built-in styles every style is based on."""
    body_fonts = ox.run_fonts(c["latin"], c["font"])
    return [
        el(
            "w:docDefaults", None,
            el("w:rPrDefault", None, el("w:rPr", None, body_fonts, val("w:kern", 2), *size(c["size"]), el("w:lang", c["lang"]))),
            el("w:pPrDefault", None, el("w:pPr", None, spacing(after=0, line=c.get("line", 360), lineRule="auto"))),
        ),
        ox.style(
            "paragraph", Style.NORMAL, el("w:qFormat"), el("w:pPr", None, val("w:widowControl", 0), val("w:jc", c["justify"])),
            el("w:rPr", None, body_fonts), default=True,
        ),
        ox.style(
            "character", Style.DEFAULT_PARAGRAPH_FONT, val("w:uiPriority", 1), el("w:semiHidden"), el("w:unhideWhenUsed"),
            default=True,
        ),
        ox.style(
            "table", Style.TABLE_NORMAL, el("w:semiHidden"), el("w:unhideWhenUsed"),
            el("w:tblPr", None, dxa("tblInd", 0), el("w:tblCellMar", None, dxa("top", 0), dxa("left", 108), dxa("bottom", 0), dxa("right", 108))),
            default=True,
        ),
        ox.style("numbering", Style.NO_LIST, el("w:semiHidden"), el("w:unhideWhenUsed"), default=True),
    ]


def paragraph_styles(c: dict[str, Any], column: str | None = None, num_id: int = ox.ARTICLE_NUM_ID) -> list[Node]:
    """The paragraph styles of one language; for a column of a bilingual document (`column`: its language code),
    named for it and carrying its language's fonts, size and language, since the defaults are the other's."""
    body_fonts = ox.run_fonts(c["latin"], c["font"])
    heading_fonts = ox.run_fonts(c["heading_latin"], c["heading_font"])
    jc = val("w:jc", c["justify"])
    left = val("w:jc", "left")
    own = (*size(c["size"]), el("w:lang", c["lang"])) if column else ()

    def pstyle(
        style_id: str, ppr: tuple[Child, ...], rpr: tuple[Child, ...] = (), next_style: str | None = None,
        num_level: int | None = None,
    ) -> Node:
        # The style carries the numbering, so a paragraph a lawyer adds in this style renumbers the rest.
        numbering = ox.numbering_properties(num_id, num_level) if num_level is not None else None
        if column and not any(isinstance(p, Node) and p.tag == "w:jc" for p in ppr):
            ppr = (*ppr, jc)  # Normal's alignment is the first language's
        fonts = () if not column or any(isinstance(r, Node) and r.tag == "w:rFonts" for r in rpr) else (body_fonts,)
        sized = own if not any(isinstance(r, Node) and r.tag == "w:sz" for r in rpr) else own[2:]
        return ox.style(
            "paragraph", ox.column_style(style_id, column) if column else style_id,
            val("w:basedOn", Style.NORMAL),
            val("w:next", ox.column_style(next_style, column) if column else next_style) if next_style else None,
            el("w:qFormat"), el("w:pPr", None, numbering, *ppr), el("w:rPr", None, *fonts, *rpr, *sized), custom=True,
        )

    return [
        pstyle(Style.TITLE, (spacing(after=360), val("w:jc", "center")), (heading_fonts, el("w:b"), *size(32)), Style.PREAMBLE),
        pstyle(Style.PREAMBLE, (spacing(after=240), ind(c["text_indent"]), jc)),
        pstyle(Style.SECTION_HEADING, (el("w:keepNext"), spacing(before=240, after=120), left), (heading_fonts, el("w:b"))),
        pstyle(Style.NOTE, (spacing(before=60, after=240), left), (el("w:i"), *size(18))),
        pstyle(Style.TABLE_TEXT, (spacing(line=276, lineRule="auto"), left)),
        pstyle(
            Style.ARTICLE,
            (el("w:keepNext"), spacing(before=240, after=60), ind({"w:left": 0, "w:firstLine": 0}), left, val("w:outlineLvl", 0)),
            (heading_fonts, el("w:b")), Style.TEXT, 0,
        ),
        pstyle(Style.TEXT, (ind(c["text_indent"]), jc)),
        pstyle(Style.PARAGRAPH, (ind(c["paragraph_indent"]), jc), (), None, 1),
        pstyle(Style.ITEM, (ind(c["item_indent"]), jc), (), None, 2),
        pstyle(Style.SIGNATURE, (el("w:keepNext"), el("w:keepLines"), ind({"w:left": 4253 if not column else 0}), left)),
        pstyle(Style.SIGNATURE_INTRO, (el("w:keepNext"), spacing(before=360, after=240), ind(c["text_indent"]))),
        pstyle(Style.SCHEDULE_TITLE, (el("w:pageBreakBefore") if not column else None, spacing(after=240), val("w:jc", "center")),
               (heading_fonts, el("w:b"), *size(28))),
    ] + ([] if column else [footer_style()])


def footer_style() -> Node:
    """The page number's style, shared by every column's pages."""
    return ox.style(
        "paragraph", Style.FOOTER, val("w:basedOn", Style.NORMAL), el("w:qFormat"),
        el("w:pPr", None, val("w:jc", "center")), el("w:rPr", None, *size(18)), custom=True,
    )


def list_levels(c: dict[str, Any], column: str | None = None) -> tuple[tuple[Node, ...], Node]:
    """The article list's levels (article, paragraph, item, each linked to its style) and the free items' level."""
    def styled(style_id: str) -> str:
        return ox.column_style(style_id, column) if column else style_id

    article = ox.level(0, 1, "decimal", c["article"], c["article_suffix"], (ind({"w:left": 0, "w:firstLine": 0}),), styled(Style.ARTICLE))
    paragraph = ox.level(
        1, c["paragraph_start"], "decimal", c["paragraph"], c["paragraph_suffix"], (ind(c["paragraph_indent"]),),
        styled(Style.PARAGRAPH),
    )
    item = ox.level(2, 1, c["item_format"], c["item"], c["item_suffix"], (ind(c["item_indent"]),), styled(Style.ITEM))
    # Items under an unnumbered paragraph (a Japanese article's first paragraph, an
    # English one-paragraph article) use their own list, restarted per paragraph by
    # the renderer: as level 2 of the article list they would make Word count an
    # implied paragraph and number the next one 3 instead of 2.
    free_item = ox.level(0, 1, c["item_format"], c["item"].replace("%3", "%1"), c["item_suffix"], (ind(c["item_indent"]),))
    return (article, paragraph, item), free_item


def numbering(c: dict[str, Any]) -> str:
    levels, free_item = list_levels(c)
    return ox.root(el(
        "w:numbering", ox.namespaces("w"),
        ox.num(ox.ARTICLE_NUM_ID, ox.ARTICLE_ABSTRACT_NUM_ID),  # given first: the layer puts it after every abstractNum
        ox.abstract_num(ox.ARTICLE_ABSTRACT_NUM_ID, True, levels),
        ox.abstract_num(ox.FREE_ITEMS_ABSTRACT_NUM_ID, False, (free_item,)),
    ))


def bilingual_numbering() -> str:
    """Each language's own article list, so that both columns count 第3条 and Article 3 at once."""
    nodes = []
    for column, code in enumerate(BILINGUAL):
        numbers = ox.column_numbering(column)
        levels, free_item = list_levels(in_column(code), code)
        nodes += [
            ox.num(numbers.article_num, numbers.article_abstract),
            ox.abstract_num(numbers.article_abstract, True, levels),
            ox.abstract_num(numbers.free_items_abstract, False, (free_item,)),
        ]
    return ox.root(el("w:numbering", ox.namespaces("w"), *nodes))


def document(c: dict[str, Any]) -> str:
    top, side = c["margins"]

    def p(style_id: Style, text: str) -> str:
        return ox.paragraph(style_id, ox.run(text))

    def cell(text: str, width: int, shaded: bool = False) -> str:
        return ox.cell(p(Style.TABLE_TEXT, text), width, shaded)

    # The key terms: docxtpl repeats the middle row for each (label, value); the rows
    # around it carry its {%tr %} tags and are removed when it renders.
    table = ox.table(Style.TABLE, (2400, 6400), (
        ox.row((cell("{%tr for label, value in key_terms %}", 2400), cell("", 6400))),
        ox.row((cell("{{ label }}", 2400, True), cell("{{ value }}", 6400))),
        ox.row((cell("{%tr endfor %}", 2400), cell("", 6400))),
    ))
    body = (
        p(Style.TITLE, "{{ title }}")
        + p(Style.PREAMBLE, "{{ preamble }}")
        + p(Style.SECTION_HEADING, "{%p if show_key_terms %}")
        + p(Style.SECTION_HEADING, "{{ labels.key_terms }}")
        + table
        + p(Style.NOTE, "{{ labels.key_terms_note }}")
        + p(Style.NOTE, "{%p endif %}")
        + p(Style.TEXT, "{{p articles }}")
        + p(Style.TEXT, "{{p signature }}")
        + p(Style.TEXT, "{{p schedule }}")
    )
    section = el(
        "w:sectPr", None,
        el("w:footerReference", {"w:type": "default", "r:id": "rIdFooter1"}),
        el("w:pgSz", {"w:w": 11906, "w:h": 16838}),
        el("w:pgMar", {
            "w:top": top, "w:right": side, "w:bottom": top, "w:left": side, "w:header": 851, "w:footer": 567, "w:gutter": 0,
        }),
        el("w:cols", {"w:space": 425}),
        el("w:docGrid", c["doc_grid"]),
    )
    return ox.root(el("w:document", ox.namespaces("w", "r"), el("w:body", None, body, section)))


def bilingual_document() -> str:
    """The bilingual template's body is built whole by the renderer: only the page is set here.

    A4 with 20 mm side margins, so that each column is 8.5 cm wide; no character grid,
    which would stretch the English column's lines.
    """
    section = el(
        "w:sectPr", None,
        el("w:footerReference", {"w:type": "default", "r:id": "rIdFooter1"}),
        el("w:pgSz", {"w:w": 11906, "w:h": 16838}),
        el("w:pgMar", {
            "w:top": 1418, "w:right": 1134, "w:bottom": 1418, "w:left": 1134, "w:header": 851, "w:footer": 567, "w:gutter": 0,
        }),
        el("w:cols", {"w:space": 425}),
        el("w:docGrid", {"w:linePitch": 360}),
    )
    return ox.root(el("w:document", ox.namespaces("w", "r"), el("w:body", None, ox.paragraph(Style.NORMAL), section)))


def footer() -> str:
    page = ox.page_field() + ox.run(" / ") + ox.pages_field()
    return ox.root(el("w:ftr", ox.namespaces("w", "r"), ox.paragraph(Style.FOOTER, page)))


def settings(c: dict[str, Any]) -> str:
    return ox.root(el(
        "w:settings", ox.namespaces("w"),
        el("w:zoom", {"w:percent": 100}),
        val("w:defaultTabStop", c["tab_stop"]),
        val("w:characterSpacingControl", c["character_spacing"]),
        el("w:compat", None, el("w:compatSetting", {
            "w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": 15,
        })),
        el("w:themeFontLang", c["theme_font_lang"]),
    ))


def font_table(*languages: dict[str, Any]) -> str:
    names = sorted({name for c in languages for name in (c["font"], c["latin"], c["heading_font"])})
    return ox.root(el("w:fonts", ox.namespaces("w"), *(
        el(
            "w:font", {"w:name": name},
            # Shift-JIS (80) for a Japanese font name, so Word finds it on a Japanese system.
            val("w:charset", "80") if any(ord(ch) > 127 for ch in name) else None,
            val("w:family", "roman"),
        )
        for name in names
    )))


CT = ox.ContentType
CONTENT_TYPES = ox.content_types(
    ox.default("rels", CT.RELATIONSHIPS),
    ox.default("xml", CT.XML),
    ox.override("/word/document.xml", CT.DOCUMENT),
    ox.override("/word/styles.xml", CT.STYLES),
    ox.override("/word/numbering.xml", CT.NUMBERING),
    ox.override("/word/settings.xml", CT.SETTINGS),
    ox.override("/word/fontTable.xml", CT.FONT_TABLE),
    ox.override("/word/footer1.xml", CT.FOOTER),
    ox.override("/word/theme/theme1.xml", CT.THEME),
    ox.override("/docProps/core.xml", CT.CORE_PROPERTIES),
    ox.override("/docProps/app.xml", CT.EXTENDED_PROPERTIES),
)
RT = ox.RelType
PACKAGE_RELS = ox.relationships(
    ox.relationship("rId1", RT.OFFICE_DOCUMENT, "word/document.xml"),
    ox.relationship("rId2", RT.CORE_PROPERTIES, "docProps/core.xml"),
    ox.relationship("rId3", RT.EXTENDED_PROPERTIES, "docProps/app.xml"),
)
DOCUMENT_RELS = ox.relationships(
    ox.relationship("rIdStyles", RT.STYLES, "styles.xml"),
    ox.relationship("rIdNumbering", RT.NUMBERING, "numbering.xml"),
    ox.relationship("rIdSettings", RT.SETTINGS, "settings.xml"),
    ox.relationship("rIdFontTable", RT.FONT_TABLE, "fontTable.xml"),
    ox.relationship("rIdFooter1", RT.FOOTER, "footer1.xml"),
    ox.relationship("rIdTheme1", RT.THEME, "theme/theme1.xml"),
)
# Replaced in every build by the agreement's own properties.
CORE = ox.core_properties("ipclauses agreement template")
APP = ox.app_properties()


def theme() -> str:
    """A standard Office theme (validators require the relationship); taken from python-docx's template.

    Our styles name every font explicitly, so the theme's fonts never apply.
    """
    from importlib import resources

    template = resources.files("docx") / "templates" / "default.docx"
    with zipfile.ZipFile(str(template)) as zf:
        return zf.read("word/theme/theme1.xml").decode("utf-8")


# The bilingual template (agreement-bilingual.docx): both languages' styles and lists, in this order
# whichever language a document puts first.
BILINGUAL = BILINGUAL_TEMPLATE_LANGUAGES


def parts(lang: str) -> dict[str, str]:
    if lang == "bilingual":
        first = LANG[BILINGUAL[0]]
        return {
            "[Content_Types].xml": CONTENT_TYPES,
            "_rels/.rels": PACKAGE_RELS,
            "docProps/core.xml": CORE,
            "docProps/app.xml": APP,
            "word/document.xml": bilingual_document(),
            "word/_rels/document.xml.rels": DOCUMENT_RELS,
            "word/styles.xml": bilingual_styles(),
            "word/numbering.xml": bilingual_numbering(),
            # East Asian layout (punctuation compressed) for the Japanese column.
            "word/settings.xml": settings(first),
            "word/fontTable.xml": font_table(*(LANG[code] for code in BILINGUAL)),
            "word/footer1.xml": footer(),
            "word/theme/theme1.xml": theme(),
        }
    c = LANG[lang]
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "word/document.xml": document(c),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": styles(c),
        "word/numbering.xml": numbering(c),
        "word/settings.xml": settings(c),
        "word/fontTable.xml": font_table(c),
        "word/footer1.xml": footer(),
        "word/theme/theme1.xml": theme(),
    }


def pack(files: dict[str, str], path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"))


def main() -> int:
    for lang in (*LANG, "bilingual"):
        files = parts(lang)
        src = ROOT / "templates" / "src" / lang
        for name, text in files.items():
            target = src / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        pack(files, ROOT / "templates" / f"agreement-{lang}.docx")
    return 0


if __name__ == "__main__":
    sys.exit(main())
