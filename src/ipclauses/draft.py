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
from .library import Library, load_library
from .locales import get_locale
from .spec import AnySpec
from .summary import Summary, build_summary


class Draft:
    def __init__(self, spec: AnySpec, library: Library) -> None:
        self.spec = spec
        self.library = library

    @property
    def language(self) -> str:
        return self.spec.language

    @cached_property
    def findings(self) -> list[Finding]:
        """The deal checks' findings."""
        return run_checks(self.spec)

    @cached_property
    def plan(self) -> Plan:
        """The chosen variant of each clause the deal needs, and the spec values they read."""
        return make_plan(self.spec, self.library)

    @cached_property
    def agreement(self) -> Agreement:
        """The assembled agreement (raises RenderError when a clause cannot be rendered for this spec)."""
        return assemble(self.spec, self.library, self.plan)

    @cached_property
    def companions(self) -> list[tuple[str, Draft]]:
        """The agreements drafted beside this one from its spec (a joint R&D's joint filing agreements), each with
        the name its file takes after this one's ("joint-filing-1"), from the same library."""
        from .loading import companions

        return [(name, Draft(spec, self.library)) for name, spec in companions(self.spec)]

    @cached_property
    def summary(self) -> Summary:
        """The plain-language summary, projected from the chosen variants' effects."""
        return build_summary(self.spec, self.agreement, self.library, self.findings, self.plan)


def make_draft(spec: AnySpec, library: Library | None = None, *, lang: str | None = None) -> Draft:
    """The Draft of a validated spec, in its language or another locale's.

    In another language, a title the spec gives (written in the spec's language) gives
    way to that language's title for the agreement type.
    """
    if lang is not None and get_locale(lang).code != spec.language:
        spec = spec.model_copy(update={"language": get_locale(lang).code, "title": None})
    return Draft(spec, library or load_library())
