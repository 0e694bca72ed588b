"""The consortium agreement: three or more parties carry out one project together.

One party is the coordinator (role "coordinator"), every other a member (role "member"). The
spec names the work packages and each party's budget, the steering committee's voting rules,
what happens when a member joins, leaves or defaults, who owns the results, the access rights
each party has to the others' background and results, publication with an objection period, and
the flow-down of a public funder's terms (the Japanese Bayh-Dole rules, 産業技術力強化法第17条).

Every rule here works for any number of parties: what each party may do is listed per party
(the clause files' effects with `who = "each"`, a role, or a list's entries).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..messages import AgreementName, Names, message
from ..spec import (
    MAX_PARTIES,
    BackgroundItem,
    CommonSpec,
    Money,
    Name,
    PartyId,
    PositiveDays,
    SpecModel,
    Text,
    given,
)
from .base import NDA_ONLY_CONFIDENTIALITY, AgreementType, Finding, Problems, Roles, finding
from .rules import mutual_confidentiality_only, no_announcement, no_earlier_nda

DESCRIBED_AS = "a consortium agreement"
NAMED = AgreementName("consortium", DESCRIBED_AS)

# The terms on which a party receives access rights to exploit: on fair and reasonable terms,
# royalty-free, or only by a separate agreement the parties are free to refuse.
ExploitationTerms = Literal["fair_reasonable", "royalty_free", "separate_agreement"]
# Matters the steering committee decides only unanimously, when it otherwise decides by majority.
UnanimousMatter = Literal["work_plan", "budget", "new_member", "exclusion", "early_end"]


def _default_unanimous() -> list[UnanimousMatter]:
    return ["budget", "new_member", "exclusion"]


class WorkPackage(SpecModel):
    name: Name
    lead: PartyId
    tasks: Text


class PartyBudget(SpecModel):
    party: PartyId
    amount: Money


class ConsortiumCommittee(SpecModel):
    members_per_party: Annotated[int, Field(gt=0, le=5)] = 1
    meets_every_months: Annotated[int, Field(gt=0, le=24)] = 3
    voting: Literal["majority", "unanimity"] = "majority"
    unanimous_matters: list[UnanimousMatter] = Field(default_factory=_default_unanimous, max_length=5)
    background_veto: bool = True
    deadlock: Literal["escalation", "coordinator_casting_vote", "none"] = "escalation"


class ConsortiumWork(SpecModel):
    theme: Text
    work_packages: list[WorkPackage] = Field(min_length=1, max_length=100)
    budget: list[PartyBudget] = Field(default_factory=list, max_length=MAX_PARTIES)
    committee: ConsortiumCommittee = Field(default_factory=ConsortiumCommittee)


class Membership(SpecModel):
    new_members: bool = True
    leaving: Literal["notice", "consent", "unstated"] = "notice"
    leaving_notice_days: PositiveDays = 90
    leaver_results: Literal["keeps", "assigns_to_remaining"] = "keeps"
    leaver_access: Literal["until_leaving", "none"] = "until_leaving"


class ConsortiumOwnership(SpecModel):
    rule: Literal["creator", "joint_creators", "lead_party"] = "creator"
    lead_party: PartyId | None = None
    joint_shares: Literal["equal", "by_contribution"] = "by_contribution"


class ExploitationAccess(SpecModel):
    """The terms on which a party of each kind receives access rights to exploit its own results."""

    university: ExploitationTerms = "royalty_free"
    startup: ExploitationTerms = "fair_reasonable"
    large_company: ExploitationTerms = "fair_reasonable"
    other: ExploitationTerms = "fair_reasonable"


class AccessRights(SpecModel):
    exploitation: ExploitationAccess = Field(default_factory=ExploitationAccess)
    request_months: Annotated[int, Field(gt=0, le=120)] = 12
    exploiters: list[PartyId] = Field(default_factory=list, max_length=MAX_PARTIES)


class ConsortiumBackground(SpecModel):
    items: list[BackgroundItem] = Field(default_factory=list, max_length=100)


class ConsortiumPublication(SpecModel):
    notice_days: PositiveDays = 45
    objection_days: PositiveDays = 30
    delay_days: Annotated[int, Field(ge=0, le=3650)] = 90


class PublicFunding(SpecModel):
    funder: Name
    programme: Name
    bayh_dole: bool = True
    report_days: PositiveDays = 60


class ConsortiumSpec(CommonSpec):
    """Consortium agreement: three or more parties, one coordinator."""

    type: Literal["consortium"]
    consortium: ConsortiumWork
    membership: Membership = Field(default_factory=Membership)
    ownership: ConsortiumOwnership = Field(default_factory=ConsortiumOwnership)
    access: AccessRights = Field(default_factory=AccessRights)
    background_ip: ConsortiumBackground = Field(default_factory=ConsortiumBackground)
    publication: ConsortiumPublication = Field(default_factory=ConsortiumPublication)
    funding: PublicFunding | None = None


def cross_check(spec: ConsortiumSpec) -> list[Problem]:
    out = Problems(spec)
    add = out.add
    mutual_confidentiality_only(spec, NAMED, out)
    no_announcement(spec, NAMED, out)
    no_earlier_nda(spec, NAMED, out)
    if spec.term.renewal.automatic:
        add("/term/renewal/automatic", message("consortium.no_renewal"))
    if spec.liability.cap_applies_to == "only":
        add("/liability/cap_applies_to", message("consortium.cap_for_all"))
    work = spec.consortium
    for i, wp in enumerate(work.work_packages):
        out.party_ref(wp.lead, f"/consortium/work_packages/{i}/lead")
    budgeted: list[str] = []
    for i, line in enumerate(work.budget):
        out.party_ref(line.party, f"/consortium/budget/{i}/party")
        if line.party in budgeted:
            add(f"/consortium/budget/{i}/party", message("rule.listed_twice", party=line.party))
        budgeted.append(line.party)
    currencies = {line.amount.currency for line in work.budget}
    if len(currencies) > 1:
        add("/consortium/budget", message("consortium.budget_currencies", currencies=Names(tuple(sorted(currencies)))))
    leads = {wp.lead for wp in work.work_packages}
    for n, party in enumerate(spec.parties):
        if party.id not in leads:
            add(f"/parties/{n}", message("consortium.party_without_work", party=party.id))
    committee = work.committee
    if committee.voting == "unanimity" and given(committee, "unanimous_matters"):
        add("/consortium/committee/unanimous_matters", message("consortium.unanimous_matters_unused"))
    if len(set(committee.unanimous_matters)) != len(committee.unanimous_matters):
        add("/consortium/committee/unanimous_matters", message("consortium.matter_twice"))
    if committee.voting == "unanimity" and committee.deadlock == "coordinator_casting_vote":
        add("/consortium/committee/deadlock", message("consortium.casting_vote_with_unanimity"))
    membership = spec.membership
    if membership.leaving != "notice" and given(membership, "leaving_notice_days"):
        add("/membership/leaving_notice_days", message("consortium.notice_days_unused"))
    ownership = spec.ownership
    out.party_for_option(ownership.rule == "lead_party", ownership.lead_party, "/ownership/lead_party",
                         missing=message("consortium.lead_party_missing"), unused=message("consortium.lead_party_unused"))
    if ownership.rule != "joint_creators" and given(ownership, "joint_shares"):
        add("/ownership/joint_shares", message("consortium.joint_shares_unused"))
    for i, party_id in enumerate(spec.access.exploiters):
        out.party_ref(party_id, f"/access/exploiters/{i}")
        if party_id in spec.access.exploiters[:i]:
            add(f"/access/exploiters/{i}", message("rule.listed_twice", party=party_id))
    for i, item in enumerate(spec.background_ip.items):
        out.party_ref(item.party, f"/background_ip/items/{i}/party")
    publication = spec.publication
    if publication.objection_days >= publication.notice_days:
        add("/publication/objection_days", message("consortium.objection_after_publication",
                                                   notice=publication.notice_days))
    return out.found


# --- deal checks ------------------------------------------------------------------------------


def no_deadlock_rule(spec: ConsortiumSpec) -> Iterator[Finding]:
    """Majority or unanimity, a committee of three or more parties can stall: nothing says what happens then."""
    if spec.consortium.committee.deadlock == "none":
        yield finding("consortium.no_deadlock_rule", "warning", "/consortium/committee/deadlock",
                      parties=len(spec.parties))


def no_leaving_rule(spec: ConsortiumSpec) -> Iterator[Finding]:
    if spec.membership.leaving == "unstated":
        yield finding("consortium.no_leaving_rule", "warning", "/membership/leaving")


def exploiter_without_access(spec: ConsortiumSpec) -> Iterator[Finding]:
    """A party named as an exploiter whose kind gets exploitation access only by a separate agreement."""
    terms = spec.access.exploitation
    for i, party_id in enumerate(spec.access.exploiters):
        party = spec.party(party_id)
        if party is not None and getattr(terms, party.kind) == "separate_agreement":
            yield finding("consortium.exploiter_without_access", "warning" if party.kind != "university" else "info",
                          f"/access/exploitation/{party.kind}", party=party.short_name, kind=party.kind,
                          index=i)


def no_exploiter(spec: ConsortiumSpec) -> Iterator[Finding]:
    if not spec.access.exploiters:
        yield finding("consortium.no_exploiter", "info", "/access/exploiters")


def lead_party_needs_approval(spec: ConsortiumSpec) -> Iterator[Finding]:
    """Results assigned to a lead party under the Bayh-Dole flow-down need the funder's prior approval."""
    funding = spec.funding
    if funding is not None and funding.bayh_dole and (spec.ownership.rule == "lead_party"
                                                      or spec.membership.leaver_results == "assigns_to_remaining"):
        path = "/ownership/rule" if spec.ownership.rule == "lead_party" else "/membership/leaver_results"
        yield finding("consortium.transfer_needs_approval", "info", path, funder=funding.funder)


def university_publication(spec: ConsortiumSpec) -> Iterator[Finding]:
    if any(p.kind == "university" for p in spec.parties) and spec.publication.delay_days > 90:
        yield finding("university.long_publication_delay", "info", "/publication/delay_days",
                      days=spec.publication.delay_days)


def unbudgeted_party(spec: ConsortiumSpec) -> Iterator[Finding]:
    """With a budget, a party that does work but has no budget line."""
    if not spec.consortium.budget:
        return
    budgeted = {line.party for line in spec.consortium.budget}
    for n, party in enumerate(spec.parties):
        if party.id not in budgeted:
            yield finding("consortium.party_without_budget", "info", "/consortium/budget", party=party.short_name,
                          index=n)


def background_unlisted(spec: ConsortiumSpec) -> Iterator[Finding]:
    if not spec.background_ip.items:
        yield finding("consortium.background_unlisted", "warning", "/background_ip/items")


# --- the summary, the schedule and the key terms ---------------------------------------------------


def coordinator(spec: CommonSpec) -> str:
    found = spec.parties_with_role("coordinator")
    return found[0].short_name if found else ""


def overview(spec: ConsortiumSpec, locale: Locale) -> str:
    return locale.words.summary.overview.consortium.format(
        count=len(spec.parties), coordinator=coordinator(spec),
        packages=len(spec.consortium.work_packages))


def schedule(spec: ConsortiumSpec, locale: Locale) -> list[ScheduleSection]:
    overview_words = locale.words.summary.overview
    words, terms_words = overview_words.consortium_words, overview_words.consortium_access_terms
    names = {p.id: p.short_name for p in spec.parties}
    sections = [ScheduleSection(words["work_packages"], None, [
        (words["work_package"].format(name=wp.name, lead=names.get(wp.lead, wp.lead)), wp.tasks)
        for wp in spec.consortium.work_packages])]
    if spec.consortium.budget:
        sections.append(ScheduleSection(words["budget"], None, [
            (names.get(line.party, line.party), locale.money(line.amount)) for line in spec.consortium.budget]))
    terms = spec.access.exploitation
    sections.append(ScheduleSection(words["access_rights"], None, [
        (p.short_name, terms_words[getattr(terms, p.kind)]) for p in spec.parties]))
    if spec.background_ip.items:
        sections.append(ScheduleSection(words["background"], None, [
            (names.get(i.party, i.party), i.description) for i in spec.background_ip.items]))
    return sections


def key_terms(spec: ConsortiumSpec, locale: Locale) -> list[tuple[str, str]]:
    words = locale.words.summary.overview.consortium_words
    rows = [(words["coordinator"], coordinator(spec))]
    if spec.funding is not None:
        rows.append((words["funder"], words["funding"].format(funder=spec.funding.funder,
                                                              programme=spec.funding.programme)))
    return rows


AGREEMENT_TYPE = AgreementType(
    name="consortium",
    spec_model=ConsortiumSpec,
    described_as=DESCRIBED_AS,
    stage=5,
    roles=Roles(required=("coordinator",), why=message("consortium.coordinator_role"), allowed=("member",),
                hint=message("consortium.member_role")),
    min_parties=3,
    max_parties=MAX_PARTIES,
    cross_check=cross_check,
    checks=(no_deadlock_rule, no_leaving_rule, exploiter_without_access, no_exploiter, lead_party_needs_approval,
            university_publication, unbudgeted_party, background_unlisted),
    pays_nothing=lambda spec: True,
    shares_materials=True,
    overview=overview,
    schedule=schedule,
    key_terms=key_terms,
    # Common terms the consortium's own articles do not draft: given, they are refused rather than dropped.
    undrafted=(*NDA_ONLY_CONFIDENTIALITY, "/confidentiality/trade_secrets_survive", "/personal_data",
               "/late_interest_percent"),
)
