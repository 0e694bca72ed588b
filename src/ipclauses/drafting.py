"""Drafting checks over an assembled agreement: the house style a careful drafter keeps.

Defined terms defined once and used; every cross-reference resolves to the right
number; no leftover template syntax; and each language's own style rules, which its
Locale brings (no "and/or" and no numbers in words and digits together in English,
である調 only in Japanese). The user's own values are blanked out first: they are
quoted verbatim and are not ours to restyle.
"""

from __future__ import annotations

import re

from .agreement import Agreement, Ref
from .assemble import given_strings
from .checks import Finding
from .locales import StyleRule, get_locale
from .spec import AnySpec, term_end

_PLACEHOLDER = StyleRule(
    id="drafting.placeholder", severity="error", pattern=re.compile(r"(\{\{|\}\}|\{%|%\}|\x00)"),
    what="leftover template syntax", why="The agreement must not contain unfilled placeholders.",
)


def _blank_values(text: str, values: list[str]) -> str:
    for value in sorted(values, key=len, reverse=True):
        text = text.replace(value, " ")
    return text


def drafting_findings(agreement: Agreement, spec: AnySpec) -> list[Finding]:
    findings: list[Finding] = []
    values = [v for _, v in given_strings(spec)]
    locale = get_locale(agreement.language)
    rules = (_PLACEHOLDER, *locale.style_rules)
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
        for rule in rules:
            match = rule.pattern.search(text)
            if match:
                findings.append(Finding(rule.id, rule.severity, where, f"{where} contains {rule.what}: {match.group(0)!r}.", rule.why,
                                        "Edit the clause file in the clause library."))

    findings += _duties_after_term(agreement, spec)
    full = _blank_values(agreement.text(), values)
    for term in agreement.defined_terms:
        quoted = locale.quote(term)
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


def _duties_after_term(agreement: Agreement, spec: AnySpec) -> list[Finding]:
    """A duty due after the term binds no one unless its article survives the agreement."""
    from .agreement_types import get_type

    end = term_end(spec)
    by_id = {a.clause_id: a for a in agreement.articles}
    found = []
    for deadline in get_type(spec.type).deadlines_for(spec):
        article = by_id.get(deadline.clause_id)
        if article is None or deadline.due <= end or article.survives is not None:
            continue
        found.append(Finding(
            "drafting.duty_after_term", "error", deadline.path,
            f"{article.label} sets {deadline.what} as late as {deadline.due.isoformat()}, after the agreement ends on "
            f"{end.isoformat()}, and the article does not survive the agreement.",
            "An obligation that falls due after the agreement has ended may no longer bind anyone.",
            f"Mark {deadline.clause_id} `survives` in its clause file, or shorten {deadline.path} so the duty falls within the term.",
        ))
    return found
