"""The joint research and development (joint R&D) agreement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..messages import AgreementName, message
from ..spec import (
    AiDevelopment,
    BackgroundIp,
    CommonSpec,
    CoOwnerShare,
    Date,
    Filing,
    Improvements,
    JointApplication,
    JointInvention,
    JointOwnership,
    JrdWork,
    NonCompete,
    OptionRight,
    PartyId,
    PositiveMonths,
    Publication,
    Results,
    SoleOwnership,
    SpecModel,
    UsageScope,
    due_date,
    given,
    term_end,
)
from .base import NDA_ONLY_CONFIDENTIALITY, AgreementType, Companion, Finding, Problems, finding
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


class JointInventionFiling(SpecModel):
    """A jointly owned invention the research has made: a build drafts its joint patent application agreement
    (共同出願契約) beside the JRD, on the JRD's terms for jointly owned results."""

    invention: JointInvention
    applications: list[JointApplication] = Field(min_length=1, max_length=20)
    filing_party: PartyId
    effective_date: Date
    stated_shares: list[CoOwnerShare] = Field(default_factory=list, max_length=2)
    term_months: PositiveMonths = 240  # a patent lasts 20 years from filing


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
    joint_filings: list[JointInventionFiling] = Field(default_factory=list, max_length=20)


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
    _joint_filings(spec, out)
    return out.found


# The ownership rules under which an invention can be jointly owned, so a joint filing agreement can follow.
_JOINTLY_OWNED = ("joint", "inventor")


def _joint_filings(spec: JrdSpec, out: Problems) -> None:
    """Each joint filing agreement asked for follows jointly owned results, names parties, and has the shares
    the JRD's rule gives: equal, or stated (by contribution) for both parties, adding up to 100."""
    rule = spec.results.ownership
    for i, item in enumerate(spec.joint_filings):
        path = f"/joint_filings/{i}"
        if rule.rule not in _JOINTLY_OWNED:
            out.add(path, message("jrd.joint_filing_not_joint", rule=rule.rule))
            continue
        out.party_ref(item.filing_party, f"{path}/filing_party")
        for j, inventor in enumerate(item.invention.inventors):
            out.party_ref(inventor.party, f"{path}/invention/inventors/{j}/party")
        by_contribution = isinstance(rule, JointOwnership) and rule.shares == "by_contribution"
        if not by_contribution and item.stated_shares:
            out.add(f"{path}/stated_shares", message("jrd.joint_filing_shares_unused"))
        elif by_contribution and not item.stated_shares:
            out.add(f"{path}/stated_shares", message("jrd.joint_filing_shares_missing"))


def companions(spec: JrdSpec) -> list[Companion]:
    """A joint patent application agreement for each jointly owned invention listed: the same parties, language,
    law and disputes, and the JRD's rules for jointly owned results (who may practise, licensing, costs,
    compensation for not practising, advance notice, foreign filing by the other party)."""
    joint = spec.results.joint_rules
    shared = spec.model_dump(mode="json", include={"language", "parties", "purpose", "project", "disputes", "signing"},
                             exclude_none=True)
    shared["purpose"] = {"description": spec.purpose.description, "limited_to_evaluation": False}  # no project name
    for party in shared["parties"]:
        party.pop("role", None)
    made = []
    for i, item in enumerate(spec.joint_filings):
        data: dict[str, Any] = {
            "type": "joint_filing", **shared, "effective_date": item.effective_date.isoformat(),
            "invention": item.invention.model_dump(mode="json", exclude_none=True),
            "applications": [a.model_dump(mode="json", exclude_none=True) for a in item.applications],
            "ownership": ({"shares": "stated", "stated_shares": [s.model_dump(mode="json") for s in item.stated_shares]}
                          if item.stated_shares else {"shares": "equal"}),
            "procedure": {"by": "filing_party", "filing_party": item.filing_party, "costs": joint.cost_sharing,
                          "advance_notice_days": spec.filing.advance_notice_days},
            "joint_rules": {"each_may_practise": joint.each_may_practise, "third_party_licensing": joint.third_party_licensing,
                            **({"non_practice_compensation_percent": joint.non_practice_compensation_percent}
                               if joint.non_practice_compensation_percent is not None else {})},
            "foreign_filing": {"if_one_declines": "other_files_alone" if spec.filing.foreign_filing_by_other else "no_filing"},
            "confidentiality": {"survival_years": spec.confidentiality.survival_years},
            "term": {"months": item.term_months, "renewal": {"automatic": False}},
        }
        made.append(Companion(f"joint-filing-{i + 1}", data, f"/joint_filings/{i}"))
    return made


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
    companions=companions,
    undrafted=NDA_ONLY_CONFIDENTIALITY,
)
