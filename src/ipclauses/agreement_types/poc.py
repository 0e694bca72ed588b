"""The technical verification (proof of concept, PoC) agreement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..messages import AgreementName, message
from ..spec import (
    AiDevelopment,
    CommonSpec,
    NextStep,
    PocWork,
    Results,
    SoleOwnership,
    UsageScope,
    add_months,
    due_date,
    term_end,
)
from .base import NDA_ONLY_CONFIDENTIALITY, AgreementType, Deadline, Finding, Problems, Roles, finding
from .rules import (
    ai_development,
    ai_findings,
    licence_scope_terms,
    money_terms,
    mutual_confidentiality_only,
    no_announcement,
    results_parties,
    usage_scope,
)
from .schedules import licence_sections, results_sections

DESCRIBED_AS = "a PoC agreement"
NAMED = AgreementName("poc", DESCRIBED_AS)


class PocSpec(CommonSpec):
    """Technical verification (proof of concept) agreement."""

    type: Literal["poc"]
    poc: PocWork
    results: Results
    licence: UsageScope | None = None
    next_step: NextStep | None = None
    warranties: Literal["none", "knowledge_qualified"] = "none"
    ai: AiDevelopment | None = None


def cross_check(spec: PocSpec) -> list[Problem]:
    out = Problems(spec)
    no_announcement(spec, NAMED, out)
    mutual_confidentiality_only(spec, NAMED, out)
    report_due = report_due_date(spec)
    if report_due < spec.effective_date:
        out.add("/poc/report_deadline", message("poc.report_before_start"))
    elif report_due > term_end(spec):
        out.add("/poc/report_deadline", message("poc.report_after_end", due=report_due.isoformat(),
                                                end=term_end(spec).isoformat()))
    results_parties(spec.results, out)
    if spec.licence is not None:
        usage_scope(spec.licence, spec.results, out)
        licence_scope_terms(spec, spec.licence, out, described_as=NAMED, report=True)
    _delivery(spec, out)
    money_terms(spec, out, drafts_compensation=False, described_as=NAMED)
    if spec.poc.filing_comment_days >= spec.poc.filing_notice_days:
        out.add("/poc/filing_comment_days", message("poc.comments_after_filing", comment=spec.poc.filing_comment_days,
                                                    notice=spec.poc.filing_notice_days))
    _next_step(spec, out)
    _ai(spec, out)
    return out.found


def _ai(spec: PocSpec, out: Problems) -> None:
    """A PoC's model is developed by its provider, at the assessment or PoC stage."""
    ai_development(spec, spec.ai, out, stages=("assessment", "poc"))
    providers = spec.parties_with_role("provider")
    if spec.ai is not None and providers and spec.party(spec.ai.developer) and spec.ai.developer != providers[0].id:
        out.add("/ai/developer", message("ai.developer_not_provider", provider=providers[0].short_name,
                                         provider_id=providers[0].id))


def ai_terms(spec: PocSpec) -> Iterator[Finding]:
    return ai_findings(spec, spec.ai, spec.results)


def _next_step(spec: PocSpec, out: Problems) -> None:
    """The party that decides on a next agreement is one of the parties; a fee for no next agreement is the customer's."""
    step = spec.next_step
    if step is None or step.decider is None:
        return
    out.party_ref(step.decider, "/next_step/decider")
    customers = spec.parties_with_role("customer")
    if step.fee_if_none is not None and customers and step.decider != customers[0].id and spec.party(step.decider):
        out.add("/next_step/decider", message("poc.decider_with_fee", decider=step.decider,
                                              customer=customers[0].short_name, customer_id=customers[0].id))


def report_due_date(spec: PocSpec) -> dt.date:
    """The calendar date the Report is due, whether the spec gives a date or a period from the effective date."""
    return due_date(spec.effective_date, spec.poc.report_deadline)


COPYRIGHT_KINDS = frozenset({"report", "software", "data_set", "model", "documents"})


def _delivery(spec: PocSpec, out: Problems) -> None:
    """What is delivered (the Report and the deliverables marked delivered) must fit who creates and owns it."""
    providers, customers = spec.parties_with_role("provider"), spec.parties_with_role("customer")
    if not providers or not customers:
        return  # the roles check reports it
    provider, customer = providers[0], customers[0]
    names = {p.id: p.short_name for p in spec.parties}
    for i, item in enumerate(spec.results.deliverables):
        path = f"/results/deliverables/{i}"
        if item.kind == "report":
            if item.created_by != provider.id:
                out.add(f"{path}/created_by", message("poc.report_by_provider", name=item.name, provider=provider.short_name))
            elif not item.delivered:
                out.add(f"{path}/delivered", message("poc.report_always_delivered", name=item.name))
            continue
        if item.delivered and item.created_by != provider.id:
            out.add(f"{path}/delivered", message("poc.delivered_only_from_provider", name=item.name,
                                                 creator=names.get(item.created_by, item.created_by),
                                                 provider=provider.short_name))
            continue
        rule = spec.results.copyright_ownership if item.kind in COPYRIGHT_KINDS and spec.results.copyright_ownership else spec.results.ownership
        if not item.delivered and isinstance(rule, SoleOwnership) and rule.owner == customer.id:
            out.add(f"{path}/delivered", message("poc.never_handed_over", name=item.name, customer=customer.short_name,
                                                 provider=provider.short_name))


def free_poc(spec: PocSpec) -> Iterator[Finding]:
    if spec.poc.fee.amount == 0:
        provider = spec.parties_with_role("provider")[0]
        startup_works = provider.kind == "startup"
        yield finding("poc.free", "warning" if startup_works else "info", "/poc/fee/amount",
                      variant="startup" if startup_works else "", provider=provider.short_name)


def ownership_open(spec: PocSpec) -> Iterator[Finding]:
    """Ownership of the Results (or of their copyright, the Report's included) left to be agreed before the Report."""
    results = spec.results
    ip_open = results.ownership.rule == "decide_later"
    copyright_rule = results.copyright_ownership
    copyright_open = copyright_rule is not None and copyright_rule.rule == "decide_later"
    if not ip_open and not copyright_open:
        return
    if ip_open:
        variant = "" if copyright_rule is None or copyright_open else "ip"
        path = "/results/ownership/rule"
    else:
        variant, path = "copyright", "/results/copyright_ownership/rule"
    yield finding("poc.ownership_open", "error", path, variant=variant, due=report_due_date(spec).isoformat())


def overview(spec: PocSpec, locale: Locale) -> str:
    provider, customer = spec.parties_with_role("provider")[0], spec.parties_with_role("customer")[0]
    return locale.words.summary.overview.poc.format(
        provider=provider.short_name, customer=customer.short_name, deadline=locale.deadline(spec.poc.report_deadline))


def schedule(spec: PocSpec, locale: Locale) -> list[ScheduleSection]:
    return results_sections(spec, spec.results, locale, delivery=True) + licence_sections(spec.licence, locale)


def key_terms(spec: PocSpec, locale: Locale) -> list[tuple[str, str]]:
    return [(locale.words.key_terms.fee, locale.money(spec.poc.fee))]


def deadlines(spec: PocSpec) -> list[Deadline]:
    """The customer's decision on a next agreement: months after the Report is accepted (at the latest)."""
    if spec.next_step is None:
        return []
    accepted = report_due_date(spec) + dt.timedelta(days=spec.poc.acceptance_days)
    return [Deadline("poc.next_step", add_months(accepted, spec.next_step.decision_months), "/next_step/decision_months",
                     "the decision on a next agreement")]


AGREEMENT_TYPE = AgreementType(
    name="poc",
    spec_model=PocSpec,
    described_as=DESCRIBED_AS,
    stage=2,
    roles=Roles(required=("provider", "customer"), why=message("roles.poc")),
    cross_check=cross_check,
    checks=(free_poc, ownership_open, ai_terms),
    pays_nothing=lambda spec: spec.poc.fee.amount == 0,
    shares_materials=True,
    overview=overview,
    schedule=schedule,
    key_terms=key_terms,
    deadlines=deadlines,
    undrafted=NDA_ONLY_CONFIDENTIALITY,
)
