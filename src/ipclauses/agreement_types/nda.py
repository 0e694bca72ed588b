"""The non-disclosure agreement (NDA), one-way or mutual."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ..errors import Problem
from ..locales import Locale
from ..messages import AgreementName, message
from ..spec import CommonSpec, Liability, LiabilityCap, NextStep, Remedies, add_months
from .base import AgreementType, Deadline, Finding, Problems, finding
from .rules import no_earlier_nda

DESCRIBED_AS = "an NDA"
NAMED = AgreementName("nda", DESCRIBED_AS)


class NdaSpec(CommonSpec):
    """Non-disclosure agreement, one-way or mutual."""

    type: Literal["nda"]
    # An NDA has no fees to cap liability at: its balanced default is no cap.
    liability: Liability = Field(default_factory=lambda: Liability(cap=LiabilityCap(kind="none")))
    remedies: Remedies = Field(default_factory=Remedies)
    next_step: NextStep | None = None


def cross_check(spec: NdaSpec) -> list[Problem]:
    out = Problems(spec)
    no_earlier_nda(spec, NAMED, out)
    if spec.liability.cap.kind == "fees_paid":
        out.add("/liability/cap/kind", message("nda.no_fees_to_cap"))
    if spec.next_step is not None and (spec.next_step.fee_if_none or spec.next_step.discount_if_follows is not None):
        out.add("/next_step", message("nda.next_step_fees"))
    if spec.next_step is not None:
        out.party_ref(spec.next_step.decider, "/next_step/decider")
    if spec.late_interest_percent is not None:
        out.add("/late_interest_percent", message("nda.late_interest"))
    return out.found


def one_way_against_startup(spec: NdaSpec) -> Iterator[Finding]:
    if spec.confidentiality.direction != "one_way":
        return
    recipient = next(iter(spec.parties_with_role("recipient")), None)
    discloser = next(iter(spec.parties_with_role("discloser")), None)
    if recipient and discloser and recipient.kind == "large_company" and discloser.kind == "startup":
        return  # the usual shape: the startup protects what it shows
    if discloser and discloser.kind == "large_company" and recipient and recipient.kind == "startup":
        yield finding("nda.one_way_against_startup", "info", "/confidentiality/direction",
                      discloser=discloser.short_name, recipient=recipient.short_name)


def overview(spec: NdaSpec, locale: Locale) -> str:
    words = locale.words.summary.overview
    if spec.confidentiality.direction == "mutual":
        return words.nda_mutual
    discloser, recipient = spec.parties_with_role("discloser")[0], spec.parties_with_role("recipient")[0]
    return words.nda_one_way.format(discloser=discloser.short_name, recipient=recipient.short_name)


def deadlines(spec: NdaSpec) -> list[Deadline]:
    """The decision whether to go to the next stage: months after the agreement starts."""
    if spec.next_step is None:
        return []
    return [Deadline("nda.next_step", add_months(spec.effective_date, spec.next_step.decision_months), "/next_step/decision_months",
                     "the decision on the next stage")]


AGREEMENT_TYPE = AgreementType(
    name="nda",
    spec_model=NdaSpec,
    described_as=DESCRIBED_AS,
    stage=1,
    # roles: the default, "party" for a mutual NDA, a discloser and a recipient for a one-way one.
    cross_check=cross_check,
    checks=(one_way_against_startup,),
    overview=overview,
    deadlines=deadlines,
)
