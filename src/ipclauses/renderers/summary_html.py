"""The summary as one self-contained HTML page, styled for screen and print."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

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


def to_html(s: Summary) -> str:
    h = s.locale.words.summary.headings
    e = html.escape
    # Each article's row in the list of articles is an anchor that every article number links to.
    anchors = {label: f"article-{n}" for n, label in enumerate(s.article_labels, 1)}

    def article(label: str) -> str:
        return f'<a href="#{anchors[label]}">{e(label)}</a>' if label in anchors else e(label)

    def li(pt: Point) -> str:
        ref = f' <span class="ref">{article(pt.article)}</span>' if pt.article else ""
        return f"<li>{e(pt.text)}{ref}</li>"

    out = [f'<!DOCTYPE html><html lang="{s.language}"><head><meta charset="utf-8">'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<title>{e(s.title)}</title><style>{_CSS}</style></head><body>",
           f"<h1>{e(s.title)}</h1>", f'<p class="disclaimer">{e(s.disclaimer)}</p>',
           f"<h2>{e(h.overview)}</h2>", "<p>" + e(s.locale.sentence_joiner.join(s.overview)) + "</p>"]
    table = s.results_table
    if table:
        out.append(f"<h2>{e(h.results)}</h2><table><tr>" + "".join(f'<th scope="col">{e(c)}</th>' for c in table[0]) + "</tr>")
        out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row[:-1]) + f"<td>{article(row[-1])}</td></tr>" for row in table[1:]]
        out.append("</table>")
    out.append(f"<h2>{e(h.parties)}</h2>")
    for p in s.parties:
        out.append(f'<div class="party"><h3>{e(p.heading)}</h3>')
        for key in ("may", "must", "cannot"):
            items = getattr(p, key)
            if items:
                out.append(f"<h4>{e(getattr(h, key))}</h4><ul>" + "".join(li(pt) for pt in items) + "</ul>")
        out.append("</div>")
    for key, points in (("secret", s.confidentiality), ("money", s.money), ("ending", s.ending)):
        if points:
            out.append(f"<h2>{e(getattr(h, key))}</h2><ul>" + "".join(li(pt) for pt in points) + "</ul>")
    purpose = s.locale.words.summary.checklist.purpose
    out.append(f"<h2>{e(h.checklist)}</h2><table>" + "".join(
        f'<tr><th scope="row">{e(q)}</th><td>{_with_kpis(s) if q == purpose and s.kpis else e(a)}</td></tr>' for q, a in s.checklist
    ) + "</table>")
    out.append(f"<h2>{e(h.balance)}</h2><p>{e(s.balance_verdict)}</p>")
    if s.balance_rows:
        header = s.locale.words.summary.balance.header
        out.append("<table><tr>" + "".join(f'<th scope="col">{e(c)}</th>' for c in header) + "</tr>" + "".join(
            f"<tr><td>{article(a)}</td><td>{e(t)}</td><td>{e(w)}</td></tr>" for a, t, w in s.balance_rows) + "</table>")
    out.append(f"<h2>{e(h.findings)}</h2>")
    if s.findings:
        j = s.locale.sentence_joiner
        out.append("<ul>" + "".join(
            f'<li><span class="sev-{f.severity}">{e(h.severity[f.severity])}</span> {e(f.message)}{j}{e(f.why)}{j}<em>{e(f.fix)}</em> <code>{e(f.path)}</code></li>'
            for f in s.findings) + "</ul>")
    else:
        out.append(f"<p>{e(h.no_findings)}</p>")
    ids = [f' id="{anchors[label]}"' for label in s.article_labels] or [""] * len(s.articles)
    out.append(f'<h2>{e(h.articles)}</h2><ul class="articles">' + "".join(
        f"<li{id_}><strong>{e(heading)}</strong> {e(t)}</li>" for id_, (heading, t) in zip(ids, s.articles, strict=True)) + "</ul>")
    out.append("</body></html>\n")
    return "\n".join(out)


def _with_kpis(s: Summary) -> str:
    """The purpose answer: the objective, then each success measure as an item of a list."""
    objective = f"<p>{html.escape(s.objective)}</p>" if s.objective else ""
    return objective + '<ul class="kpis">' + "".join(f"<li>{html.escape(kpi)}</li>" for kpi in s.kpis) + "</ul>"


def _render(draft: Draft) -> bytes:
    return to_html(draft.summary).encode("utf-8")


RENDERER = Renderer("summary", "html", _render, "one self-contained HTML page")
