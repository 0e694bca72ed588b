"""Write the base DOCX templates (templates/agreement-ja.docx, agreement-en.docx).

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

ROOT = Path(__file__).resolve().parents[1]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

LANG = {
    "ja": {
        "font": "ＭＳ 明朝",
        "latin": "ＭＳ 明朝",
        "heading_font": "ＭＳ ゴシック",
        "size": 21,  # half-points: 10.5pt, the Japanese business default
        "lang": '<w:lang w:val="ja-JP" w:eastAsia="ja-JP" w:bidi="ar-SA"/>',
        "article": "第%1条",
        "article_suffix": "nothing",
        "paragraph": "%2",
        "paragraph_start": 2,
        "paragraph_suffix": "space",
        "item": "（%3）",
        "item_format": "decimal",
        "margins": (1701, 1418),  # top/bottom, left/right in twips
        "text_indent": '<w:ind w:left="0" w:firstLine="210"/>',
        "paragraph_indent": '<w:ind w:left="210" w:hanging="210"/>',
        "item_indent": '<w:ind w:left="630" w:hanging="420"/>',
        "justify": "both",
    },
    "en": {
        "font": "Times New Roman",
        "latin": "Times New Roman",
        "heading_font": "Times New Roman",
        "size": 22,
        "lang": '<w:lang w:val="en-GB" w:eastAsia="ja-JP" w:bidi="ar-SA"/>',
        "article": "Article %1",
        "article_suffix": "space",
        "paragraph": "%1.%2",
        "paragraph_start": 1,
        "paragraph_suffix": "tab",
        "item": "(%3)",
        "item_format": "lowerLetter",
        "margins": (1440, 1440),
        "text_indent": '<w:ind w:left="0"/>',
        "paragraph_indent": '<w:ind w:left="720" w:hanging="720"/>',
        "item_indent": '<w:ind w:left="1440" w:hanging="720"/>',
        "justify": "both",
    },
}


def fonts(name: str, latin: str) -> str:
    # Explicit names only: theme attributes (asciiTheme, eastAsiaTheme) would override them.
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{name}" w:cs="{latin}"/>'


# CT_PPr child order from the WordprocessingML schema: Word and validators reject other orders.
PPR_ORDER = [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
]


def ordered_ppr(xml: str) -> str:
    """Sort the children of a pPr (given as a string of elements) into schema order."""
    import re

    elements = re.findall(r"<w:(\w+)(?:[^<>]*/>|[^<>]*>.*?</w:\1>)", xml)
    pieces = re.findall(r"(<w:(\w+)(?:[^<>]*/>|[^<>]*>.*?</w:\2>))", xml)
    assert len(pieces) == len(elements)
    return "".join(p for p, name in sorted(pieces, key=lambda item: PPR_ORDER.index(item[1])))


def styles(c: dict) -> str:
    body_fonts = fonts(c["font"], c["latin"])
    heading_fonts = fonts(c["heading_font"], c["heading_font"] if c is LANG["ja"] else c["latin"])

    def pstyle(sid, name, ppr="", rpr="", next_style=None, num_level=None):
        numpr = f'<w:numPr><w:ilvl w:val="{num_level}"/><w:numId w:val="1"/></w:numPr>' if num_level is not None else ""
        nxt = f'<w:next w:val="{next_style}"/>' if next_style else ""
        return (
            f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
            f'<w:basedOn w:val="Normal"/>{nxt}<w:qFormat/><w:pPr>{ordered_ppr(numpr + ppr)}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
        )

    j = f'<w:jc w:val="{c["justify"]}"/>'
    return HEADER + (
        f'<w:styles xmlns:w="{W}" xmlns:r="{R}">'
        f'<w:docDefaults><w:rPrDefault><w:rPr>{body_fonts}<w:kern w:val="2"/>'
        f'<w:sz w:val="{c["size"]}"/><w:szCs w:val="{c["size"]}"/>{c["lang"]}</w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:widowControl w:val="0"/>{j}</w:pPr><w:rPr>{body_fonts}</w:rPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:unhideWhenUsed/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/><w:unhideWhenUsed/></w:style>'
        '<w:style w:type="table" w:customStyle="1" w:styleId="IPCTable"><w:name w:val="IPC Table"/><w:basedOn w:val="TableNormal"/>'
        '<w:pPr><w:jc w:val="left"/></w:pPr><w:tblPr><w:tblBorders>'
        '<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>'
        '</w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        + pstyle("IPCTitle", "IPC Title", '<w:spacing w:after="360"/><w:jc w:val="center"/>', f'{heading_fonts}<w:b/><w:sz w:val="32"/><w:szCs w:val="32"/>', "IPCPreamble")
        + pstyle("IPCPreamble", "IPC Preamble", f'<w:spacing w:after="240"/>{c["text_indent"]}{j}')
        + pstyle("IPCSectionHeading", "IPC Section Heading", '<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="left"/>', f'{heading_fonts}<w:b/>')
        + pstyle("IPCNote", "IPC Note", '<w:spacing w:before="60" w:after="240"/><w:jc w:val="left"/>', '<w:i/><w:sz w:val="18"/><w:szCs w:val="18"/>')
        + pstyle("IPCTableText", "IPC Table Text", '<w:spacing w:line="276" w:lineRule="auto"/><w:jc w:val="left"/>')
        + pstyle("IPCArticle", "IPC Article", '<w:keepNext/><w:spacing w:before="240" w:after="60"/><w:ind w:left="0" w:firstLine="0"/><w:jc w:val="left"/><w:outlineLvl w:val="0"/>', f'{heading_fonts}<w:b/>', "IPCText", 0)
        + pstyle("IPCText", "IPC Text", f'{c["text_indent"]}{j}')
        + pstyle("IPCParagraph", "IPC Paragraph", f'{c["paragraph_indent"]}{j}', "", None, 1)
        + pstyle("IPCItem", "IPC Item", f'{c["item_indent"]}{j}', "", None, 2)
        + pstyle("IPCSignature", "IPC Signature", '<w:keepNext/><w:keepLines/><w:ind w:left="4253"/><w:jc w:val="left"/>')
        + pstyle("IPCSignatureIntro", "IPC Signature Intro", f'<w:keepNext/><w:spacing w:before="360" w:after="240"/>{c["text_indent"]}')
        + pstyle("IPCScheduleTitle", "IPC Schedule Title", '<w:pageBreakBefore/><w:spacing w:after="240"/><w:jc w:val="center"/>', f'{heading_fonts}<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>')
        + pstyle("IPCFooter", "IPC Footer", '<w:jc w:val="center"/>', '<w:sz w:val="18"/><w:szCs w:val="18"/>')
        + "</w:styles>"
    )


def numbering(c: dict) -> str:
    def lvl(ilvl, start, fmt, text, style, suffix, ind):
        return (
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="{style}"/>'
            f'<w:suff w:val="{suffix}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr>{ind}</w:pPr></w:lvl>'
        )

    levels = (
        lvl(0, 1, "decimal", c["article"], "IPCArticle", c["article_suffix"], '<w:ind w:left="0" w:firstLine="0"/>')
        + lvl(1, c["paragraph_start"], "decimal", c["paragraph"], "IPCParagraph", c["paragraph_suffix"], c["paragraph_indent"])
        + lvl(2, 1, c["item_format"], c["item"], "IPCItem", "tab" if c is LANG["en"] else "nothing", c["item_indent"])
    )
    # Items under an unnumbered paragraph (a Japanese article's first paragraph, an
    # English one-paragraph article) use their own list, restarted per paragraph by
    # the renderer: as level 2 of the article list they would make Word count an
    # implied paragraph and number the next one 3 instead of 2.
    free_items = lvl(0, 1, c["item_format"], c["item"].replace("%3", "%1"), "IPCItem", "tab" if c is LANG["en"] else "nothing", c["item_indent"])
    free_items = free_items.replace('<w:pStyle w:val="IPCItem"/>', "")
    # Word requires every abstractNum before the first num.
    return HEADER + (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
        f'{levels}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>{free_items}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )


def document(c: dict) -> str:
    top, side = c["margins"]

    def p(style, text):
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'

    def cell(text, width, shade=False):
        fill = '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>' if shade else ""
        return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{fill}</w:tcPr>{p("IPCTableText", text)}</w:tc>'

    table = (
        '<w:tbl><w:tblPr><w:tblStyle w:val="IPCTable"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="0000"/></w:tblPr>'
        '<w:tblGrid><w:gridCol w:w="2400"/><w:gridCol w:w="6400"/></w:tblGrid>'
        f'<w:tr><w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>{p("IPCTableText", "{%tr for label, value in key_terms %}")}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:w="6400" w:type="dxa"/></w:tcPr>{p("IPCTableText", "")}</w:tc></w:tr>'
        f'<w:tr>{cell("{{ label }}", 2400, True)}{cell("{{ value }}", 6400)}</w:tr>'
        f'<w:tr><w:tc><w:tcPr><w:tcW w:w="2400" w:type="dxa"/></w:tcPr>{p("IPCTableText", "{%tr endfor %}")}</w:tc>'
        f'<w:tc><w:tcPr><w:tcW w:w="6400" w:type="dxa"/></w:tcPr>{p("IPCTableText", "")}</w:tc></w:tr>'
        '</w:tbl>'
    )
    body = (
        p("IPCTitle", "{{ title }}")
        + p("IPCPreamble", "{{ preamble }}")
        + p("IPCSectionHeading", "{%p if show_key_terms %}")
        + p("IPCSectionHeading", "{{ labels.key_terms }}")
        + table
        + p("IPCNote", "{{ labels.key_terms_note }}")
        + p("IPCNote", "{%p endif %}")
        + p("IPCText", "{{p articles }}")
        + p("IPCText", "{{p signature }}")
        + p("IPCText", "{{p schedule }}")
    )
    sect = (
        '<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>'
        f'<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="{top}" w:right="{side}" w:bottom="{top}" w:left="{side}" '
        'w:header="851" w:footer="567" w:gutter="0"/><w:cols w:space="425"/>'
        + ('<w:docGrid w:type="lines" w:linePitch="360"/>' if c is LANG["ja"] else '<w:docGrid w:linePitch="360"/>')
        + "</w:sectPr>"
    )
    return HEADER + f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}{sect}</w:body></w:document>'


def footer() -> str:
    def fld(instr, cached):
        return (
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{cached}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        )

    return HEADER + (
        f'<w:ftr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="IPCFooter"/></w:pPr>'
        + fld("PAGE", "1")
        + '<w:r><w:t xml:space="preserve"> / </w:t></w:r>'
        + fld("NUMPAGES", "1")
        + "</w:p></w:ftr>"
    )


def settings(c: dict) -> str:
    ja = c is LANG["ja"]
    return HEADER + (
        f'<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="{420 if ja else 720}"/>'
        + ('<w:characterSpacingControl w:val="compressPunctuation"/>' if ja else '<w:characterSpacingControl w:val="doNotCompress"/>')
        + '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        + ('<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>' if ja else '<w:themeFontLang w:val="en-GB" w:eastAsia="ja-JP"/>')
        + "</w:settings>"
    )


def font_table(c: dict) -> str:
    names = sorted({c["font"], c["latin"], c["heading_font"]})
    charset = lambda n: '<w:charset w:val="80"/>' if any(ord(ch) > 127 for ch in n) else ""
    return HEADER + f'<w:fonts xmlns:w="{W}">' + "".join(
        f'<w:font w:name="{n}">{charset(n)}<w:family w:val="roman"/></w:font>' for n in names
    ) + "</w:fonts>"


CONTENT_TYPES = HEADER + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
PACKAGE_RELS = HEADER + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
DOCUMENT_RELS = HEADER + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rIdFontTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
    '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
    '<Relationship Id="rIdTheme1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/>'
    "</Relationships>"
)
CORE = HEADER + (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>ipclauses agreement template</dc:title>'
    "<dc:creator>ipclauses</dc:creator></cp:coreProperties>"
)
APP = HEADER + (
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>ipclauses</Application></Properties>"
)


def theme() -> str:
    """A standard Office theme (validators require the relationship); taken from python-docx's template.

    Our styles name every font explicitly, so the theme's fonts never apply.
    """
    from importlib import resources

    template = resources.files("docx") / "templates" / "default.docx"
    with zipfile.ZipFile(str(template)) as zf:
        return zf.read("word/theme/theme1.xml").decode("utf-8")


def parts(lang: str) -> dict[str, str]:
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
    for lang in LANG:
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
