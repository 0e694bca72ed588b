"""The summary as one self-contained HTML page, styled for screen and print."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..side_by_side import paired
from . import Renderer

if TYPE_CHECKING:
    from ..draft import Draft
    from ..summary import Point, Summary

_CSS = """
body{font-family:"Hiragino Sans","Yu Gothic","Noto Sans CJK JP","IPAexGothic",system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.6;color:#222}
h1{font-size:1.5em;border-bottom:2px solid #333;padding-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
.disclaimer{background:#fff4d6;border-left:4px solid #e0a800;padding:.6em 1em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f2f2f2}
.ref{color:#555;font-size:.9em;white-space:nowrap}.party{display:inline-block;vertical-align:top;width:48%;margin-right:1%}
a{color:#0b5394;white-space:nowrap}.articles li:target{background:#fff4d6}td>p{margin:0}td>ul{margin:.2em 0;padding-left:1.2em}
.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#a35200;font-weight:bold}.sev-info{color:#0b5394;font-weight:bold}
@media (max-width:40em){.party{display:block;width:auto;margin-right:0}}
@media print{body{margin:0;max-width:none}.party{width:48%}h2{page-break-after:avoid}table,li{page-break-inside:avoid}}
"""


# A section of the page: its key ("overview", "party-1", ...) and its lines of HTML.
Section = tuple[str, list[str]]


def _head(language: str, title: str, css: str) -> str:
    return (f'<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(title)}</title><style>{css}</style></head><body>")


def to_html(s: Summary) -> str:
    out = [_head(s.language, s.title, _CSS)]
    for _, lines in sections(s):
        out += lines
    out.append("</body></html>\n")
    return "\n".join(out)


def sections(s: Summary, anchor_prefix: str = "") -> list[Section]:
    """The page's body, section by section, in reading order: what a bilingual page sets beside the other language's.

    Each article's row in the list of articles is an anchor, `anchor_prefix` + "article-3",
    that every article number links to (a prefix keeps two languages' anchors apart on one page).
    """
    h = s.locale.words.summary.headings
    e = html.escape
    anchors = {label: f"{anchor_prefix}article-{n}" for n, label in enumerate(s.article_labels, 1)}

    def article(label: str) -> str:
        return f'<a href="#{anchors[label]}">{e(label)}</a>' if label in anchors else e(label)

    def li(pt: Point) -> str:
        ref = f' <span class="ref">{article(pt.article)}</span>' if pt.article else ""
        return f"<li>{e(pt.text)}{ref}</li>"

    out: list[Section] = [
        ("title", [f"<h1>{e(s.title)}</h1>", f'<p class="disclaimer">{e(s.disclaimer)}</p>']),
        ("overview", [f"<h2>{e(h.overview)}</h2>", "<p>" + e(s.locale.sentence_joiner.join(s.overview)) + "</p>"]),
    ]
    table = s.results_table
    if table:
        out.append(("results", [
            f"<h2>{e(h.results)}</h2><table><tr>" + "".join(f'<th scope="col">{e(c)}</th>' for c in table[0]) + "</tr>",
            *("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row[:-1]) + f"<td>{article(row[-1])}</td></tr>" for row in table[1:]),
            "</table>",
        ]))
    out.append(("parties", [f"<h2>{e(h.parties)}</h2>"]))
    for n, p in enumerate(s.parties, 1):
        lines = [f'<div class="party"><h3>{e(p.heading)}</h3>']
        for key in ("may", "must", "cannot"):
            items = getattr(p, key)
            if items:
                lines.append(f"<h4>{e(getattr(h, key))}</h4><ul>" + "".join(li(pt) for pt in items) + "</ul>")
        out.append((f"party-{n}", [*lines, "</div>"]))
    for key, points in (("secret", s.confidentiality), ("money", s.money), ("ending", s.ending)):
        if points:
            out.append((key, [f"<h2>{e(getattr(h, key))}</h2><ul>" + "".join(li(pt) for pt in points) + "</ul>"]))
    purpose = s.locale.words.summary.checklist.purpose
    out.append(("checklist", [f"<h2>{e(h.checklist)}</h2><table>" + "".join(
        f'<tr><th scope="row">{e(q)}</th><td>{_with_kpis(s) if q == purpose and s.kpis else e(a)}</td></tr>' for q, a in s.checklist
    ) + "</table>"]))
    balance = [f"<h2>{e(h.balance)}</h2><p>{e(s.balance_verdict)}</p>"]
    if s.balance_rows:
        header = s.locale.words.summary.balance.header
        balance.append("<table><tr>" + "".join(f'<th scope="col">{e(c)}</th>' for c in header) + "</tr>" + "".join(
            f"<tr><td>{article(a)}</td><td>{e(t)}</td><td>{e(w)}</td></tr>" for a, t, w in s.balance_rows) + "</table>")
    out.append(("balance", balance))
    findings = [f"<h2>{e(h.findings)}</h2>"]
    if s.findings:
        j = s.locale.sentence_joiner
        findings.append("<ul>" + "".join(
            f'<li><span class="sev-{f.severity}">{e(h.severity[f.severity])}</span> {e(f.message)}{j}{e(f.why)}{j}<em>{e(f.fix)}</em> <code>{e(f.path)}</code></li>'
            for f in s.findings) + "</ul>")
    else:
        findings.append(f"<p>{e(h.no_findings)}</p>")
    out.append(("findings", findings))
    ids = [f' id="{anchors[label]}"' for label in s.article_labels] or [""] * len(s.articles)
    out.append(("articles", [f'<h2>{e(h.articles)}</h2><ul class="articles">' + "".join(
        f"<li{id_}><strong>{e(heading)}</strong> {e(t)}</li>" for id_, (heading, t) in zip(ids, s.articles, strict=True)) + "</ul>"]))
    return out


def _with_kpis(s: Summary) -> str:
    """The purpose answer: the objective, then each success measure as an item of a list."""
    objective = f"<p>{html.escape(s.objective)}</p>" if s.objective else ""
    return objective + '<ul class="kpis">' + "".join(f"<li>{html.escape(kpi)}</li>" for kpi in s.kpis) + "</ul>"


# A bilingual page sets each section beside the same section in the other language, two columns wide
# on a wide screen and on paper, one under the other on a narrow screen. Each column's `lang` picks
# its fonts and line breaking: strict kinsoku for Japanese, hyphenation for English.
_BILINGUAL_CSS = """
body{max-width:96em}
.pair{display:grid;grid-template-columns:1fr 1fr;column-gap:2.5em}.side{min-width:0}
.languages{position:sticky;top:0;background:#fff;border-bottom:2px solid #333;font-weight:bold;color:#555}.languages p{margin:.4em 0}
.pair .party{display:block;width:auto;margin-right:0}
.side[lang=ja]{font-family:"Hiragino Sans","Yu Gothic","Noto Sans CJK JP","IPAexGothic",sans-serif;line-break:strict;overflow-wrap:anywhere}
.side[lang=en]{font-family:system-ui,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;hyphens:auto;overflow-wrap:break-word}
.side code{overflow-wrap:anywhere}
@media screen and (max-width:60em){.pair{display:block}.languages{display:none}.side+.side{border-left:3px solid #ddd;padding-left:.8em}}
@media print{body{max-width:none;font-size:10pt}.pair{column-gap:1.5em}.languages{position:static}}
"""


def to_bilingual_html(summaries: Sequence[Summary]) -> str:
    """Each language's summary (the prevailing first) on one page, section beside section.

    Each column holds what that language's page holds, in the same order, its anchors
    prefixed with its language ("ja-article-3") so that each column's article numbers
    link to its own list of articles.
    """
    from ..bilingual import column_heading

    e = html.escape
    languages = [s.language for s in summaries]
    out = [_head(languages[0], " / ".join(s.title for s in summaries), _CSS + _BILINGUAL_CSS)]
    out.append('<div class="pair languages">' + "".join(
        f'<p class="side" lang="{code}">{e(column_heading(code, prevailing=False))}</p>' for code in languages) + "</div>")
    for key, per_side in paired([sections(s, anchor_prefix=f"{s.language}-") for s in summaries]):
        out.append(f'<div class="pair" data-section="{e(key)}">')
        for code, lines in zip(languages, per_side, strict=True):
            out += [f'<div class="side" lang="{code}">', *(lines or []), "</div>"]
        out.append("</div>")
    out.append("</body></html>\n")
    return "\n".join(out)


def _render(draft: Draft) -> bytes:
    if draft.bilingual:
        return to_bilingual_html([side.summary for side in draft.sides]).encode("utf-8")
    return to_html(draft.summary).encode("utf-8")


RENDERER = Renderer("summary", "html", _render, "one self-contained HTML page")
