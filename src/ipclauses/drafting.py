"""Drafting checks over an assembled agreement: the house style a careful drafter keeps.

Defined terms defined once and used; every cross-reference resolves to the right
number; no leftover template syntax; no "and/or"; no numbers in words and digits
together; Japanese text in である調 only. The user's own values are blanked out
first: they are quoted verbatim and are not ours to restyle.
"""

from __future__ import annotations

import re

from .agreement import Agreement, Ref
from .assemble import given_strings
from .checks import Finding
from .spec import AnySpec

_AND_OR = re.compile(r"\band/or\b", re.I)
_WORDS_AND_DIGITS = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty|sixty|ninety|hundred)\s*\(\d+\)",
    re.I,
)
_POLITE = re.compile(r"(です|ます|でした|ました|ません)[。、」]")
_TEMPLATE = re.compile(r"(\{\{|\}\}|\{%|%\}|\x00)")


def _blank_values(text: str, values: list[str]) -> str:
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def drafting_findings(agreement: Agreement, spec: AnySpec) -> list[Finding]:
    findings: list[Finding] = []
    values = [v for _, v in given_strings(spec)]
    lang = agreement.language
    by_id = {a.clause_id: a for a in agreement.articles}

    for art in agreement.articles:
        where = f"{art.label} ({art.clause_id})"
        for para in art.paragraphs:
            for seg in [*para.segments, *(s for item in para.items for s in item.segments)]:
                if isinstance(seg, Ref):
                    target = by_id.get(seg.target)
                    if target is None or target.label != seg.text or target.bookmark != seg.bookmark:
                        findings.append(Finding(
                            "drafting.broken_reference", "error", where,
                            f"{where} refers to {seg.target}, shown as {seg.text}, which does not match the article it points to.",
                            "A wrong cross-reference sends the reader to the wrong obligation.",
                            "Report this as a bug in the clause library.",
                        ))
        text = _blank_values(art.text(), values)
        checks = [(_TEMPLATE, "drafting.placeholder", "error", "leftover template syntax",
                   "The agreement must not contain unfilled placeholders.")]
        if lang == "en":
            checks += [
                (_AND_OR, "drafting.and_or", "warning", '"and/or"', 'Write "A or B or both": "and/or" is ambiguous.'),
                (_WORDS_AND_DIGITS, "drafting.number_words", "warning", "a number in words and digits",
                 "Write numbers in digits only; two forms can disagree."),
            ]
        else:
            checks.append((_POLITE, "drafting.mixed_style", "warning", "です/ます in である調 text",
                           "Japanese contract text uses である調 throughout."))
        for pattern, fid, severity, what, why in checks:
            match = pattern.search(text)
            if match:
                findings.append(Finding(fid, severity, where, f"{where} contains {what}: {match.group(0)!r}.", why,
                                        "Edit the clause file in the clause library."))

    full = _blank_values(agreement.text(), values)
    for term in agreement.defined_terms:
        quoted = f'"{term}"' if lang == "en" else f"「{term}」"
        definitions = full.count(quoted)
        uses = full.count(term) - definitions
        if definitions != 1:
            findings.append(Finding(
                "drafting.term_defined_twice" if definitions > 1 else "drafting.term_not_defined", "warning", "/",
                f"The defined term {quoted} is defined {definitions} times.",
                "Each defined term is defined exactly once, so readers know which meaning applies.",
                "Remove the extra definition from the clause library." if definitions > 1 else
                "Define the term in the clause that lists it under `defines`, for every option of that clause.",
            ))
        if uses < 1:
            findings.append(Finding(
                "drafting.term_unused", "info", "/",
                f"The defined term {quoted} is defined but never used.",
                "An unused definition is clutter and suggests a clause is missing.",
                "Remove the definition or use the term.",
            ))
    return findings
