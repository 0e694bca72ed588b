"""The joint research and development (joint R&D) agreement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..messages import AgreementName, message
from ..spec import (
    AiDevelopment,
    BackgroundIp,
    CommonSpec,
    Filing,
    Improvements,
    JrdWork,
    NonCompete,
    OptionRight,
    Publication,
    Results,
    SoleOwnership,
    UsageScope,
    due_date,
    given,
    term_end,
)
from .base import AgreementType, Finding, Problems, finding
from .rules import (
    ai_development,
    ai_findings,
    background_parties,
    improvement_pitfall,
    licence_scope_terms,
    money_terms,
    mutual_confidentiality_only,
    results_parties,
    usage_scope,
)
from .schedules import background_sections, licence_sections, results_sections

DESCRIBED_AS = "a joint R&D agreement"
NAMED = AgreementName("jrd", DESCRIBED_AS)


class JrdSpec(CommonSpec):
    """Joint research and development agreement."""

    type: Literal["jrd"]
    jrd: JrdWork
    results: Results
    licence: UsageScope | None = None
    option: OptionRight | None = None
    background_ip: BackgroundIp = Field(default_factory=BackgroundIp)
    filing: Filing = Field(default_factory=Filing)
    improvements: Improvements = Field(default_factory=Improvements)
    publication: Publication = Field(default_factory=Publication)
    non_compete: NonCompete | None = None
    warranties: Literal["none", "knowledge_qualified"] = "none"
    assignment_on_insolvency: bool = False
    ai: AiDevelopment | None = None


def cross_check(spec: JrdSpec) -> list[Problem]:
    out = Problems(spec)
    add = out.add
    mutual_confidentiality_only(spec, NAMED, out)
    results_parties(spec.results, out)
    for i, tasks in enumerate(spec.jrd.roles):
        out.party_ref(tasks.party, f"/jrd/roles/{i}/party")
    for i, item in enumerate(spec.jrd.schedule):
        due = due_date(spec.effective_date, item.due)
        if due < spec.effective_date:
            add(f"/jrd/schedule/{i}/due", message("jrd.milestone_before_start"))
        elif due > term_end(spec):
            add(f"/jrd/schedule/{i}/due", message("jrd.milestone_after_end", due=due.isoformat(),
                                                  end=term_end(spec).isoformat()))
    costs = spec.jrd.costs
    if costs.rule == "one_party_pays":
        if costs.payer is None:
            add("/jrd/costs/payer", message("jrd.payer_missing"))
        out.party_ref(costs.payer, "/jrd/costs/payer")
    elif costs.payer is not None or costs.amount is not None or given(costs, "payment_days"):
        add("/jrd/costs", message("jrd.costs_unused"))
    if spec.option is not None:
        out.party_ref(spec.option.holder, "/option/holder")
    if spec.non_compete is not None and spec.non_compete.months > 60:
        add("/non_compete/months", message("jrd.non_compete_too_long"))
    background_parties(spec.background_ip, out)
    money_terms(spec, out)
    if spec.improvements.owner == "original_owner" and spec.improvements.grant_back == "exclusive":
        add("/improvements/grant_back", message("jrd.exclusive_grant_back_of_assigned"))
    if spec.licence is not None:
        usage_scope(spec.licence, spec.results, out)
        licence_scope_terms(spec, spec.licence, out, described_as=NAMED)
    ai_development(spec, spec.ai, out)
    return out.found


def ai_terms(spec: JrdSpec) -> Iterator[Finding]:
    return ai_findings(spec, spec.ai, spec.results)


def ownership_left_open(spec: JrdSpec) -> Iterator[Finding]:
    """Ownership of the results, or of their copyright, left to be agreed later. (A PoC, where the Report
    brings a date to decide by, has its own error-level finding: poc.ownership_open.)"""
    results = spec.results
    if results.copyright_ownership is not None and results.copyright_ownership.rule == "decide_later":
        yield finding("ownership.copyright_decide_later", "warning", "/results/copyright_ownership/rule")
    if results.ownership.rule == "decide_later":
        yield finding("ownership.decide_later", "warning", "/results/ownership/rule")


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


def no_non_practice_compensation(spec: JrdSpec) -> Iterator[Finding]:
    """A university co-owns results with a company, each may practise freely, and no compensation is agreed."""
    results = spec.results
    rules = [r.rule for r in (results.ownership, results.copyright_ownership) if r is not None]
    if not any(rule in ("joint", "inventor", "by_field") for rule in rules):
        return
    if not results.joint_rules.each_may_practise or results.joint_rules.non_practice_compensation_percent is not None:
        return
    universities = [p for p in spec.parties if p.kind == "university"]
    companies = [p.short_name for p in spec.parties if p.kind != "university"]
    if universities and companies:
        yield finding("jrd.no_non_practice_compensation", "info", "/results/joint_rules/non_practice_compensation_percent",
                      university=universities[0].short_name, company=" and ".join(companies))


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


def improvements_handed_over(spec: JrdSpec) -> Iterator[Finding]:
    """An assignment-back, an exclusive grant-back or a sublicensable one of improvements to the results.

    A JRD's Improvements are those a party makes to the Results outside the research; they go to, or are
    licensed to, the other party (with an assignment-back, the owner of the results improved). When one
    party owns all the results, the assignment-back finding names who assigns to whom.
    """
    pitfall = improvement_pitfall(spec.improvements.owner, spec.improvements.grant_back)
    if pitfall is None:
        return
    name, path = pitfall
    rules = [spec.results.ownership, spec.results.copyright_ownership or spec.results.ownership]
    owners = {rule.owner for rule in rules if isinstance(rule, SoleOwnership)}
    owner = spec.party(owners.pop()) if len(owners) == 1 and all(isinstance(r, SoleOwnership) for r in rules) else None
    if name == "assign_back_improvements":
        other = next((p for p in spec.parties if owner is not None and p.id != owner.id), None)  # two parties
        if owner is None or other is None:
            yield finding("jrd.assign_back_improvements", "warning", path)
        else:
            yield finding("jrd.assign_back_improvements", "warning", path, variant="sole",
                          owner=owner.short_name, other=other.short_name)
    elif name == "exclusive_grant_back":
        yield finding("jrd.exclusive_grant_back", "warning", path)
    else:
        yield finding("jrd.sublicensable_grant_back", "warning", path)


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
    checks=(ownership_left_open, background_needed, university_rights, non_compete_own_rnd, improvements_handed_over,
            no_non_practice_compensation, ai_terms),
    pays_nothing=lambda spec: spec.jrd.costs.rule == "each_bears_own",
    shares_materials=True,
    overview=overview,
    schedule=schedule,
)
