"""The joint research and development (joint R&D) agreement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..spec import (
    BackgroundIp,
    CommonSpec,
    Filing,
    Improvements,
    JrdWork,
    NonCompete,
    OptionRight,
    Publication,
    Results,
    UsageScope,
    due_date,
    term_end,
)
from .base import AgreementType, Finding, Problems, finding
from .rules import background_parties, mutual_confidentiality_only, results_parties, usage_scope
from .schedules import background_sections, licence_sections, results_sections

DESCRIBED_AS = "a joint R&D agreement"


class JrdSpec(CommonSpec):
    """Joint research and development agreement."""

    type: Literal["jrd"]
    jrd: JrdWork
    results: Results
    licence: UsageScope | None = Field(None, description="Licence of the results to the party that does not own them.")
    option: OptionRight | None = None
    background_ip: BackgroundIp = Field(default_factory=BackgroundIp)
    filing: Filing = Field(default_factory=Filing)
    improvements: Improvements = Field(default_factory=Improvements)
    publication: Publication = Field(default_factory=Publication)
    non_compete: NonCompete | None = None
    warranties: Literal["none", "knowledge_qualified"] = "none"
    assignment_on_insolvency: bool = False


def cross_check(spec: JrdSpec) -> list[Problem]:
    out = Problems(spec)
    add = out.add
    mutual_confidentiality_only(spec, DESCRIBED_AS, out)
    results_parties(spec.results, out)
    for i, tasks in enumerate(spec.jrd.roles):
        out.party_ref(tasks.party, f"/jrd/roles/{i}/party")
    for i, item in enumerate(spec.jrd.schedule):
        due = due_date(spec.effective_date, item.due)
        if due < spec.effective_date:
            add(f"/jrd/schedule/{i}/due", "is before the effective date")
        elif due > term_end(spec):
            add(f"/jrd/schedule/{i}/due", f"falls on {due.isoformat()}, after the agreement ends on {term_end(spec).isoformat()}")
    costs = spec.jrd.costs
    if costs.rule == "one_party_pays":
        if costs.payer is None:
            add("/jrd/costs/payer", 'is missing: "one_party_pays" needs the paying party')
        out.party_ref(costs.payer, "/jrd/costs/payer")
    elif costs.payer is not None or costs.amount is not None:
        add("/jrd/costs", 'payer and amount are only used with "rule": "one_party_pays"')
    if spec.option is not None:
        out.party_ref(spec.option.holder, "/option/holder")
    if spec.non_compete is not None and spec.non_compete.months > 60:
        add("/non_compete/months", "is more than 60 months; competition law rarely allows a longer restriction")
    background_parties(spec.background_ip, out)
    if spec.licence is not None:
        usage_scope(spec.licence, spec.results, out)
    return out.found


def background_needed(spec: JrdSpec) -> Iterator[Finding]:
    rule = spec.results.ownership
    if rule.rule != "sole":
        return
    owner = spec.party(rule.owner)
    others = [i for i in spec.background_ip.items if i.party != rule.owner]
    if owner and owner.kind == "large_company" and others and spec.background_ip.licence_for_exploitation in ("none", "negotiate"):
        yield finding("background.no_exploitation_licence", "warning", "/background_ip/licence_for_exploitation",
                      owner=owner.short_name)


def university_rights(spec: JrdSpec) -> Iterator[Finding]:
    if not any(p.kind == "university" for p in spec.parties):
        return
    if not spec.publication.academic_freedom:
        yield finding("university.no_publication_right", "warning", "/publication/academic_freedom")
    if spec.publication.delay_days > 90:
        yield finding("university.long_publication_delay", "info", "/publication/delay_days", days=spec.publication.delay_days)


def non_compete_own_rnd(spec: JrdSpec) -> Iterator[Finding]:
    nc = spec.non_compete
    if nc is None or nc.after_term != "own_and_third_parties":
        return
    startups = [p.short_name for p in spec.parties if p.kind == "startup"]
    yield finding(
        "jrd.non_compete_own_rnd", "error" if startups else "warning", "/non_compete/after_term",
        variant="" if not startups else "startup" if len(startups) == 1 else "startups",
        months=nc.months, scope=nc.scope, startups=" and ".join(startups),
    )


def overview(spec: JrdSpec, locale: Locale) -> str:
    from ..wording import rule_phrase

    return locale.words.summary.overview.jrd.format(ownership=rule_phrase(spec, spec.results.ownership, locale))


def schedule(spec: JrdSpec, locale: Locale) -> list[ScheduleSection]:
    words, names = locale.words.schedule, {p.id: p.short_name for p in spec.parties}
    sections = [ScheduleSection(words.roles, None, [(names[r.party], r.tasks) for r in spec.jrd.roles])]
    if spec.jrd.schedule:
        sections.append(ScheduleSection(words.milestones, None, [(locale.due(m.due), m.milestone) for m in spec.jrd.schedule]))
    return (sections + results_sections(spec, spec.results, locale) + background_sections(spec, spec.background_ip, locale)
            + licence_sections(spec.licence, locale))


AGREEMENT_TYPE = AgreementType(
    name="jrd",
    spec_model=JrdSpec,
    described_as=DESCRIBED_AS,
    stage=3,
    # roles: the default ("party"; a one-way duty, refused above, would ask for a discloser and a recipient).
    cross_check=cross_check,
    checks=(background_needed, university_rights, non_compete_own_rnd),
    pays_nothing=lambda spec: spec.jrd.costs.rule == "each_bears_own",
    shares_materials=True,
    overview=overview,
    schedule=schedule,
)
