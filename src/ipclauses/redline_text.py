"""A redline as text for people (Markdown, HTML) and tools (JSON): the changed blocks only.

The same comparison as the DOCX redline, grouped by the article (or part of the
document) each change is in, as NEW numbers it. Deletions and insertions are marked
in Markdown as [-deleted-] and {+inserted+} (wdiff's notation: it survives plain-text
mail and needs no renderer), in HTML as <del> and <ins>.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from .compare import Piece
from .locales import Locale, get_locale
from .redline_model import Entry, Redline
from .renderers.summary_markdown import md_escape

_CSS = """
body{font-family:"Hiragino Mincho ProN","Yu Mincho","IPAexMincho",Georgia,serif;max-width:48em;margin:2em auto;padding:0 1em;line-height:1.7;color:#222}
h1{font-size:1.4em;border-bottom:2px solid #333}h2{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #ccc}
del{color:#b00020;text-decoration:line-through}ins{color:#0b5394;text-decoration:underline}
.warning{background:#fff4d6;border-left:4px solid #e0a800;padding:.4em .8em}.status{font-family:system-ui,sans-serif;font-size:.8em;color:#555;margin-right:.5em}p{margin:.4em 0}
"""


def _status_word(entry: Entry, locale: Locale) -> str:
    words = locale.words.redline
    return {"inserted": words.inserted, "deleted": words.deleted, "changed": words.changed}.get(entry.status, "")


def _label(entry: Entry, locale: Locale) -> str:
    """What names the block within its article: a row's label, a paragraph's number, or a place outside the articles."""
    block = entry.block
    words = locale.words.redline
    places = {"title": words.title, "preamble": words.preamble}
    if block.kind in places:
        return places[block.kind]
    if block.kind == "article":
        return ""
    return block.label


def _groups(redline: Redline) -> list[tuple[str, list[Entry]]]:
    """Changed entries by the place they are in, in document order; a block inserted or deleted whole with all it holds."""
    groups: dict[str, list[Entry]] = {}
    for entry in redline.changed:
        entries = list(entry.walk()) if entry.status in ("inserted", "deleted") else [entry]
        groups.setdefault(entry.where or _label(entry, _locale(redline)), []).extend(e for e in entries if e.pieces)
    return [(where, entries) for where, entries in groups.items() if entries]


def _locale(redline: Redline) -> Locale:
    return get_locale(redline.new.language)


def _marked(pieces: tuple[Piece, ...], wrap: Callable[[str, str], str], escape: Callable[[str], str]) -> str:
    return "".join(escape(p.text) if p.op == "equal" else wrap(p.op, escape(p.text)) for p in pieces)


def _wdiff(op: str, text: str) -> str:
    return f"[-{text}-]" if op == "delete" else f"{{+{text}+}}"


def wdiff(pieces: tuple[Piece, ...], escape: Callable[[str], str] = str) -> str:
    """Pieces as plain text, deletions marked [-like this-] and insertions {+like this+}."""
    return _marked(pieces, _wdiff, escape)


def to_markdown(redline: Redline) -> str:
    """The redline as Markdown; of a bilingual NEW, each language's column in turn, the prevailing first."""
    if redline.sides:
        return "\n".join(_markdown(side) for side in redline.sides)
    return _markdown(redline)


def _markdown(redline: Redline) -> str:
    locale = _locale(redline)
    words = locale.words.redline
    out = [f"# {md_escape(words.heading.format(old=redline.old_name, new=redline.new_name))}", ""]
    out += [f"> {md_escape(warning.render(locale))}\n" for warning in redline.warnings]
    groups = _groups(redline)
    if not groups:
        return "\n".join([*out, words.no_changes, ""])
    out += [words.counts.format(**redline.counts()), "", words.legend, ""]

    for where, entries in groups:
        out += [f"## {md_escape(where)}", ""]
        for entry in entries:
            label = _label(entry, locale)
            head = f"**{_status_word(entry, locale)}**" + (f" ({md_escape(label)})" if label else "")
            out += [f"{head}: {wdiff(entry.pieces, md_escape)}", ""]
    return "\n".join(out)


def to_html(redline: Redline) -> str:
    """The redline as a web page; of a bilingual NEW, a section per language's column, each in its language."""
    e = html.escape
    title = _locale(redline).words.redline.heading.format(old=redline.old_name, new=redline.new_name)
    out = [f'<!DOCTYPE html><html lang="{e(redline.new.language)}"><head><meta charset="utf-8"><title>{e(title)}</title>'
           f"<style>{_CSS}</style></head><body>"]
    for side in redline.sides or (redline,):
        out.append(f'<section lang="{e(side.new.language)}">')
        out += _html_body(side)
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _html_body(redline: Redline) -> list[str]:
    locale = _locale(redline)
    words = locale.words.redline
    e = html.escape
    title = words.heading.format(old=redline.old_name, new=redline.new_name)
    out = [f"<h1>{e(title)}</h1>"]
    out += [f'<p class="warning">{e(warning.render(locale))}</p>' for warning in redline.warnings]
    groups = _groups(redline)
    if not groups:
        out.append(f"<p>{e(words.no_changes)}</p>")
    else:
        out.append(f"<p>{e(words.counts.format(**redline.counts()))}</p>")

    def wrap(op: str, text: str) -> str:
        tag = "del" if op == "delete" else "ins"
        return f"<{tag}>{text}</{tag}>"

    for where, entries in groups:
        out.append(f"<h2>{e(where)}</h2>")
        for entry in entries:
            label = _label(entry, locale)
            status = e(_status_word(entry, locale) + (f" ({label})" if label else ""))
            out.append(f'<p><span class="status">{status}</span>{_marked(entry.pieces, wrap, e)}</p>')
    return out


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.block.id,
        "kind": entry.block.kind,
        "status": entry.status,
        "where": entry.where,
        "label": entry.block.label,
        "old": entry.old_text,
        "new": entry.new_text,
        "pieces": [{"op": p.op, "text": p.text} for p in entry.pieces],
    }


def to_json(redline: Redline) -> str:
    changes = [_entry_json(e) for _, entries in _groups(redline) for e in entries]
    data = {
        "old": redline.old_name, "new": redline.new_name, "language": redline.new.language,
        "articles": redline.counts(), "changes": changes, "warnings": [str(w) for w in redline.warnings],  # in English, for tools
        # A bilingual NEW's other columns (the above is the prevailing language's); empty for one language.
        "other_columns": [
            {"language": side.new.language, "changes": [_entry_json(e) for _, entries in _groups(side) for e in entries]}
            for side in redline.sides[1:]
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


FORMATS: dict[str, Callable[[Redline], str]] = {"md": to_markdown, "html": to_html, "json": to_json}
