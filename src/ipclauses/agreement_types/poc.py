"""The technical verification (proof of concept, PoC) agreement."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..spec import CommonSpec, NextStep, PocWork, Results, SoleOwnership, UsageScope, add_months, due_date, term_end
from .base import AgreementType, Deadline, Finding, Problems, Roles, finding
from .rules import (
    licence_scope_terms,
    money_terms,
    mutual_confidentiality_only,
    no_announcement,
    results_parties,
    usage_scope,
)
from .schedules import licence_sections, results_sections

DESCRIBED_AS = "a PoC agreement"


class PocSpec(CommonSpec):
    """Technical verification (proof of concept) agreement."""

    type: Literal["poc"]
    poc: PocWork
    results: Results
    licence: UsageScope | None = Field(
        None, description="Licence of the results to the party that does not own them (e.g. the customer's use beyond the Report)."
    )
    next_step: NextStep | None = None
    warranties: Literal["none", "knowledge_qualified"] = "none"


def cross_check(spec: PocSpec) -> list[Problem]:
    out = Problems(spec)
    no_announcement(spec, DESCRIBED_AS, out)
    mutual_confidentiality_only(spec, DESCRIBED_AS, out)
    report_due = report_due_date(spec)
    if report_due < spec.effective_date:
        out.add("/poc/report_deadline", "is before the effective date (the Report cannot be due before work starts)")
    elif report_due > term_end(spec):
        out.add("/poc/report_deadline",
                f"falls on {report_due.isoformat()}, after the agreement ends on {term_end(spec).isoformat()} "
                "(lengthen term.months or move the deadline)")
    results_parties(spec.results, out)
    if spec.licence is not None:
        usage_scope(spec.licence, spec.results, out)
        licence_scope_terms(spec, spec.licence, out, described_as=DESCRIBED_AS, report=True)
    _delivery(spec, out)
    money_terms(spec, out, drafts_compensation=False, described_as=DESCRIBED_AS)
    if spec.poc.filing_comment_days >= spec.poc.filing_notice_days:
        out.add("/poc/filing_comment_days",
                f"is {spec.poc.filing_comment_days} days, not shorter than the {spec.poc.filing_notice_days} days' notice "
                "before filing (poc.filing_notice_days): the filing party must have the comments before it files, so "
                "shorten the comment period or lengthen the notice")
    _next_step(spec, out)
    return out.found


def _next_step(spec: PocSpec, out: Problems) -> None:
    """The party that decides on a next agreement is one of the parties; a fee for no next agreement is the customer's."""
    step = spec.next_step
    if step is None or step.decider is None:
        return
    out.party_ref(step.decider, "/next_step/decider")
    customers = spec.parties_with_role("customer")
    if step.fee_if_none is not None and customers and step.decider != customers[0].id and spec.party(step.decider):
        out.add("/next_step/decider",
                f'is "{step.decider}", but next_step.fee_if_none is what {customers[0].short_name} pays for deciding '
                f'not to go on, so only {customers[0].short_name} (the customer) can be the decider with it: '
                f'set "decider": "{customers[0].id}" or leave it out, or remove fee_if_none')


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
                out.add(f"{path}/created_by", f'"{item.name}" is of kind "report", but the Report is written by {provider.short_name} '
                                              '(use kind "documents" for a written result the customer creates)')
            elif not item.delivered:
                out.add(f"{path}/delivered", f'"{item.name}" is of kind "report", and the Report is always delivered '
                                             '(use kind "documents" for a written result that is kept)')
            continue
        if item.delivered and item.created_by != provider.id:
            out.add(f"{path}/delivered", f'"{item.name}" is created by {names.get(item.created_by, item.created_by)}, and only what {provider.short_name} '
                                         'creates is delivered with the Report: set "delivered": false')
            continue
        rule = spec.results.copyright_ownership if item.kind in COPYRIGHT_KINDS and spec.results.copyright_ownership else spec.results.ownership
        if not item.delivered and isinstance(rule, SoleOwnership) and rule.owner == customer.id:
            out.add(f"{path}/delivered", f'"{item.name}" would belong to {customer.short_name} but never be handed over to it: '
                                         f'set "delivered": true, or let {provider.short_name} own it')


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
    roles=Roles(required=("provider", "customer"), why="a PoC has a provider who verifies and a customer who asks for it"),
    cross_check=cross_check,
    checks=(free_poc, ownership_open),
    pays_nothing=lambda spec: spec.poc.fee.amount == 0,
    shares_materials=True,
    overview=overview,
    schedule=schedule,
    key_terms=key_terms,
    deadlines=deadlines,
)
