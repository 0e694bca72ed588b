"""What changed in a deal, as text for people (Markdown, one HTML page) and for tools (JSON).

Every word comes from the DealChanges (deal_changes.py) and its locale; these functions only
lay it out: the changes in article order, the whole deal's balance, the deal-check
findings that are new or resolved, and the spec values behind it all for legal staff.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from .checks import Finding
from .deal_changes import Change, DealChanges, ValueChange
from .renderers.summary_markdown import md_escape

_CSS = """
body{font-family:"Hiragino Sans","Yu Gothic","Noto Sans CJK JP","IPAexGothic",system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.6;color:#222}
h1{font-size:1.5em;border-bottom:2px solid #333;padding-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
.intro{background:#fff4d6;border-left:4px solid #e0a800;padding:.6em 1em}
ul.changes{list-style:none;padding-left:0}ul.changes>li{border-left:4px solid #888;padding:.2em .6em;margin:.4em 0}
li.added{border-color:#0b5394}li.removed{border-color:#b00020}li.changed{border-color:#e0a800}
.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#a35200;font-weight:bold}.sev-info{color:#0b5394;font-weight:bold}
code{font-size:.9em}@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}li{page-break-inside:avoid}}
"""


def _balance_line(dc: DealChanges) -> str:
    words = dc.locale.words.changes
    return words.changed.format(topic=words.balance, was=dc.balance_was, now=dc.balance_now)


def _value(value: Any, dc: DealChanges) -> str:
    """A spec value as the JSON of the spec writes it (a text as itself), or the locale's word for none."""
    if value is None:
        return dc.locale.words.changes.not_set
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _notes(change: Change, dc: DealChanges) -> list[str]:
    """The new and resolved findings a change carries, each as one line."""
    words, severity = dc.locale.words.changes, dc.locale.words.summary.headings.severity
    return [words.finding_new.format(severity=severity[f.severity], message=f.message) for f in change.new_findings] + [
        words.finding_resolved.format(severity=severity[f.severity], message=f.message) for f in change.resolved_findings]


def _said(f: Finding, dc: DealChanges) -> str:
    return dc.locale.sentence_joiner.join([f.message, f.why, f.fix])


def to_markdown(dc: DealChanges) -> str:
    words, headings, m = dc.locale.words.changes, dc.locale.words.summary.headings, md_escape
    out = [f"# {m(dc.title)}", "", f"> {m(words.intro)}", ""]
    if dc.unchanged:
        return "\n".join([*out, m(words.no_changes), ""])
    if not dc.changes and not dc.balance_changed:  # a renamed party, say: the spec moved, the deal did not
        out += [m(words.no_changes), ""]
    if dc.changes or dc.balance_changed:
        out += [f"## {m(words.heading)}", ""]
        for change, line in zip(dc.changes, dc.lines(), strict=True):
            out += [f"- {m(line)}"] + [f"  - {m(note)}" for note in _notes(change, dc)]
        if dc.balance_changed:
            out.append(f"- {m(_balance_line(dc))}")
        out.append("")
    for heading, found in ((words.findings_new, dc.new_findings), (words.findings_resolved, dc.resolved_findings)):
        if found:
            out += [f"## {m(heading)}", ""]
            out += [f"- **{m(headings.severity[f.severity])}** ({m(f.id)}, {m(f.path)}): {m(_said(f, dc))}" for f in found]
            out.append("")
    if dc.values:
        out += [f"## {m(words.values)}", ""]
        out += [f"- {words.value.format(path=f'`{v.path}`', was=m(_value(v.was, dc)), now=m(_value(v.now, dc)))}"
                for v in dc.values]
        out.append("")
    return "\n".join(out)


def to_html(dc: DealChanges) -> str:
    words, headings, e = dc.locale.words.changes, dc.locale.words.summary.headings, html.escape
    out = [f'<!DOCTYPE html><html lang="{e(dc.language)}"><head><meta charset="utf-8"><title>{e(dc.title)}</title>'
           f"<style>{_CSS}</style></head><body>", f"<h1>{e(dc.title)}</h1>", f'<p class="intro">{e(words.intro)}</p>']
    if not dc.changes and not dc.balance_changed:
        out.append(f"<p>{e(words.no_changes)}</p>")
    items = []
    for change, line in zip(dc.changes, dc.lines(), strict=True):
        notes = "".join(f"<li>{e(note)}</li>" for note in _notes(change, dc))
        items.append(f'<li class="{e(change.kind)}">{e(line)}' + (f"<ul>{notes}</ul>" if notes else "") + "</li>")
    if dc.balance_changed:
        items.append(f'<li class="changed">{e(_balance_line(dc))}</li>')
    if items:
        out.append(f'<h2>{e(words.heading)}</h2><ul class="changes">' + "".join(items) + "</ul>")
    for heading, found in ((words.findings_new, dc.new_findings), (words.findings_resolved, dc.resolved_findings)):
        if found:
            j = dc.locale.sentence_joiner
            out.append(f"<h2>{e(heading)}</h2><ul>" + "".join(
                f'<li><span class="sev-{e(f.severity)}">{e(headings.severity[f.severity])}</span> '
                f"{e(f.message)}{e(j)}{e(f.why)}{e(j)}<em>{e(f.fix)}</em> <code>{e(f.path)}</code></li>"
                for f in found) + "</ul>")
    if dc.values:
        out.append(f"<h2>{e(words.values)}</h2><ul>" + "".join(
            f"<li>{e(words.value.format(path=v.path, was=_value(v.was, dc), now=_value(v.now, dc)))}</li>"
            for v in dc.values) + "</ul>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _value_json(v: ValueChange) -> dict[str, Any]:
    return {"kind": v.kind, "path": v.path, "was": v.was, "now": v.now}


def _change_json(change: Change, line: str) -> dict[str, Any]:
    data = {f.name: getattr(change, f.name) for f in fields(change) if f.name not in ("new_findings", "resolved_findings")}
    data["findings"] = {"new": [_finding_key(f) for f in change.new_findings],
                        "resolved": [_finding_key(f) for f in change.resolved_findings]}
    return {**data, "line": line}


def _finding_key(f: Finding) -> dict[str, str]:
    """A finding as the report's `findings` section holds it in full: by id and path."""
    return {"id": f.id, "path": f.path}


def to_json(dc: DealChanges) -> str:
    data = {
        "title": dc.title,
        "old": dc.old_name,
        "new": dc.new_name,
        "language": dc.language,
        "unchanged": dc.unchanged,
        "changes": [_change_json(c, line) for c, line in zip(dc.changes, dc.lines(), strict=True)],
        "balance": {"was": dc.balance_was, "now": dc.balance_now, "changed": dc.balance_changed},
        "findings": {"new": [f.as_dict() for f in dc.new_findings], "resolved": [f.as_dict() for f in dc.resolved_findings]},
        "values": [_value_json(v) for v in dc.values],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


FORMATS: dict[str, Callable[[DealChanges], str]] = {"md": to_markdown, "html": to_html, "json": to_json}


def render_changes(dc: DealChanges, format: str = "md") -> str:
    """The changes as Markdown, an HTML page or JSON; raises ValueError for another format."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (allowed: {', '.join(FORMATS)})")
    return FORMATS[format](dc)
