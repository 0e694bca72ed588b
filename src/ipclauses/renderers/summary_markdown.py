"""The summary as CommonMark, for reading in a repository, a chat or a wiki."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import Renderer

if TYPE_CHECKING:
    from ..draft import Draft
    from ..summary import Summary

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")


def md_escape(text: str) -> str:
    """Text as CommonMark shows it literally: no emphasis, links, autolinks, raw HTML or entities.

    Spec values reach the summary (party names, purpose, free text), and a Markdown viewer
    must show `<script>` or `[x](javascript:...)` as the characters typed, never run or link them.
    """
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(s: Summary) -> str:
    from ..summary import with_article

    locale, h = s.locale, s.locale.words.summary.headings
    m = md_escape
    out = [f"# {m(s.title)}", "", f"> {m(s.disclaimer)}", "", f"## {h.overview}", "", m(s.locale.sentence_joiner.join(s.overview)), ""]
    table = s.results_table
    if table:
        out += [f"## {h.results}", ""]
        out.append("| " + " | ".join(m(c) for c in table[0]) + " |")
        out.append("|" + "---|" * len(table[0]))
        out += ["| " + " | ".join(m(c) for c in row) + " |" for row in table[1:]]
        out.append("")
    out += [f"## {h.parties}", ""]
    for p in s.parties:
        out += [f"### {m(p.heading)}", ""]
        for key in ("may", "must", "cannot"):
            items = getattr(p, key)
            if items:
                out.append(f"**{getattr(h, key)}**")
                out += [f"- {m(with_article(pt, locale))}" for pt in items]
                out.append("")
    for key, points in (("secret", s.confidentiality), ("money", s.money), ("ending", s.ending)):
        if points:  # a section the agreement says nothing about is left out, never shown empty
            out += [f"## {getattr(h, key)}", ""] + [f"- {m(with_article(pt, locale))}" for pt in points] + [""]
    out += [f"## {h.checklist}", ""] + [f"- **{m(q)}** {m(a)}" for q, a in s.checklist] + [""]
    out += [f"## {h.balance}", "", m(s.balance_verdict), ""]
    out += [f"- {m(label)} {m(title)}: {m(who)}" for label, title, who in s.balance_rows] + [""]
    out += [f"## {h.findings}", ""]
    if s.findings:
        for f in s.findings:
            said = s.locale.sentence_joiner.join([f.message, f.why, f.fix])
            out.append(f"- **{h.severity[f.severity]}** ({m(f.id)}, {m(f.path)}): {m(said)}")
    else:
        out.append(h.no_findings)
    out += ["", f"## {h.articles}", ""] + [f"- **{m(heading)}** {m(text)}" for heading, text in s.articles] + [""]
    return "\n".join(out)


# Between the languages of a bilingual summary: a thematic break, each language's summary whole on either side.
LANGUAGE_BREAK = "\n---\n\n"


def to_bilingual_markdown(summaries: Sequence[Summary]) -> str:
    """Each language's summary (the prevailing first), word for word as it reads alone, one after the other."""
    return LANGUAGE_BREAK.join(to_markdown(s) for s in summaries)


def _render(draft: Draft) -> bytes:
    if draft.bilingual:
        return to_bilingual_markdown([side.summary for side in draft.sides]).encode("utf-8")
    return to_markdown(draft.summary).encode("utf-8")


RENDERER = Renderer("summary", "md", _render, "Markdown (CommonMark)")
