"""One build's work, done once: spec -> plan (chosen variants) -> Agreement -> findings -> summary.

A Draft computes each step on first use and keeps it, so that every renderer
(renderers/) reads the same Agreement, findings and Summary: a build assembles once
and runs the checks once, and the summary cannot come from a different assembly
than the agreement beside it. The checks can be read before assembling, so a
command can refuse a defective deal before any rendering.
"""

from __future__ import annotations

from functools import cached_property

from .agreement import Agreement
from .assemble import Plan, assemble, make_plan
from .checks import Finding, run_checks
from .languages import in_language
from .library import Library, load_library
from .locales import document_languages, is_bilingual
from .spec import AnySpec
from .summary import Summary, build_summary


class Draft:
    def __init__(self, spec: AnySpec, library: Library) -> None:
        self.spec = spec
        self.library = library

    @property
    def language(self) -> str:
        """The spec's language: a locale's code, or two joined by "+" for both side by side, the first prevailing."""
        return self.spec.language

    @property
    def bilingual(self) -> bool:
        return is_bilingual(self.spec.language)

    @cached_property
    def sides(self) -> tuple[Draft, ...]:
        """One Draft per language of the document, the prevailing first: itself for one language.

        Each side of a bilingual draft is the single-language draft of that language
        (`make_draft(spec, lang=code)`), so each column of the bilingual agreement is that
        language's agreement, word for word.
        """
        if not self.bilingual:
            return (self,)
        return tuple(Draft(in_language(self.spec, code), self.library) for code in document_languages(self.language))

    @property
    def prevailing(self) -> Draft:
        """The draft in the prevailing language (itself for one language)."""
        return self.sides[0]

    @cached_property
    def findings(self) -> list[Finding]:
        """The deal checks' findings."""
        return run_checks(self.spec)

    @cached_property
    def plan(self) -> Plan:
        """The chosen variant of each clause the deal needs, and the spec values they read."""
        if self.bilingual:
            return self.prevailing.plan
        return make_plan(self.spec, self.library)

    @cached_property
    def agreement(self) -> Agreement:
        """The assembled agreement (raises RenderError when a clause cannot be rendered for this spec);
        of a bilingual draft, the prevailing language's (`sides` holds each)."""
        if self.bilingual:
            return self.prevailing.agreement
        return assemble(self.spec, self.library, self.plan)

    @cached_property
    def columns(self) -> tuple[Agreement, ...]:
        """What a bilingual agreement sets side by side: each language's agreement, the prevailing first, with the
        article saying which language prevails added (bilingual.py); a single-language draft's agreement alone."""
        if not self.bilingual:
            return (self.agreement,)
        from .bilingual import bilingual_sides

        return bilingual_sides([side.agreement for side in self.sides])

    @cached_property
    def record(self) -> Agreement:
        """What the agreement's file records of it (properties, choices, the resolved spec): of a bilingual draft,
        the prevailing language's agreement under the spec's own language ("ja+en") and resolved spec."""
        if not self.bilingual:
            return self.agreement
        import dataclasses

        from .assemble import resolved_spec, spec_sha256

        return dataclasses.replace(self.agreement, language=self.language, resolved_spec=resolved_spec(self.spec),
                                   spec_sha256=spec_sha256(self.spec))

    @cached_property
    def companions(self) -> list[tuple[str, Draft]]:
        """The agreements drafted beside this one from its spec (a joint R&D's joint filing agreements), each with
        the name its file takes after this one's ("joint-filing-1"), from the same library."""
        from .loading import companions

        return [(name, Draft(spec, self.library)) for name, spec in companions(self.spec)]

    @cached_property
    def summary(self) -> Summary:
        """The plain-language summary, projected from the chosen variants' effects (of a bilingual draft, in the
        prevailing language; `sides` holds each)."""
        if self.bilingual:
            return self.prevailing.summary
        return build_summary(self.spec, self.agreement, self.library, self.findings, self.plan)


def make_draft(spec: AnySpec, library: Library | None = None, *, lang: str | None = None) -> Draft:
    """The Draft of a validated spec, in its language or in `lang` (one or two codes; see `in_language`)."""
    return Draft(in_language(spec, lang) if lang is not None else spec, library or load_library())
