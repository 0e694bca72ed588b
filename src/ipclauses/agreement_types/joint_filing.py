"""The joint patent application agreement (共同出願契約) for an invention two parties own jointly.

Its fields follow the joint R&D agreement's joint-ownership terms where they mean the same thing, so a
JRD whose results are jointly owned can fill one: `ownership.shares` (JointOwnership.shares, with stated
percentages for "by_contribution"), `joint_rules` (JointRules: each_may_practise, third_party_licensing,
non_practice_compensation_percent), `procedure.costs` (JointRules.cost_sharing and Filing.costs),
`procedure.advance_notice_days` (Filing.advance_notice_days) and `foreign_filing.if_one_declines`
(Filing.foreign_filing_by_other). Japanese Patent Act art. 73 is the background: a co-owner works the
invention itself without consent unless the contract says otherwise, and licenses, assigns or pledges
only with the other's consent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..messages import AgreementName, message
from ..spec import (
    CommonSpec,
    CoOwnerShare,
    JointApplication,
    JointInvention,
    Name,
    PartyId,
    Percent,
    PositiveDays,
    SpecModel,
)
from .base import NDA_ONLY_CONFIDENTIALITY, AgreementType, Finding, Problems, finding
from .rules import mutual_confidentiality_only, no_announcement, no_earlier_nda

DESCRIBED_AS = "a joint patent application agreement"
NAMED = AgreementName("joint_filing", DESCRIBED_AS)

class CoOwnership(SpecModel):
    """Each party's share in the invention and the rights: equal, or stated percentages."""

    shares: Literal["equal", "stated"] = "equal"
    stated_shares: list[CoOwnerShare] = Field(default_factory=list, max_length=20)


class JointFilingProcedure(SpecModel):
    """Who handles the application, and who pays for it."""

    by: Literal["filing_party", "joint_attorney"] = "filing_party"
    filing_party: PartyId | None = None
    attorney: Name | None = None
    costs: Literal["by_share", "equal", "one_party"] = "by_share"
    cost_payer: PartyId | None = None
    advance_notice_days: PositiveDays = 30


class JointFilingRules(SpecModel):
    """How the co-owners may use and license the invention (the JRD's JointRules, with licence income)."""

    each_may_practise: bool = True
    third_party_licensing: Literal["consent_required", "consent_given"] = "consent_required"
    licence_income: Literal["by_share", "licensing_party", "agree_each_time"] = "by_share"
    non_practice_compensation_percent: Percent | None = None


class JointForeignFiling(SpecModel):
    countries: list[Name] = Field(default_factory=list, max_length=100)
    decided_by: Literal["both", "filing_party"] = "both"
    costs: Literal["as_domestic", "agree_each_time"] = "as_domestic"
    if_one_declines: Literal["other_files_alone", "no_filing"] = "other_files_alone"


class ShareAbandonment(SpecModel):
    other_may_take_over: bool = True
    notice_days: PositiveDays = 60


class JointFilingSpec(CommonSpec):
    """Joint patent application agreement."""

    type: Literal["joint_filing"]
    invention: JointInvention
    applications: list[JointApplication] = Field(min_length=1, max_length=20)
    ownership: CoOwnership = Field(default_factory=CoOwnership)
    procedure: JointFilingProcedure = Field(default_factory=JointFilingProcedure)
    joint_rules: JointFilingRules = Field(default_factory=JointFilingRules)
    foreign_filing: JointForeignFiling = Field(default_factory=JointForeignFiling)
    abandonment: ShareAbandonment = Field(default_factory=ShareAbandonment)


# What the shared spec can say but a joint filing agreement has no text for: a liability or personal-data article,
# and the options of the shared confidentiality articles (its own keeps the invention secret until publication,
# and only its survival is a choice).
UNDRAFTED = ("/liability", "/personal_data", "/confidentiality/definition", "/confidentiality/confirmation_days",
             "/confidentiality/exclusions_proved_by", "/confidentiality/permitted_recipients",
             "/confidentiality/return_certificate", "/confidentiality/trade_secrets_survive", *NDA_ONLY_CONFIDENTIALITY)


def cross_check(spec: JointFilingSpec) -> list[Problem]:
    out = Problems(spec)
    add = out.add
    mutual_confidentiality_only(spec, NAMED, out)
    no_announcement(spec, NAMED, out)
    no_earlier_nda(spec, NAMED, out)
    for i, inventor in enumerate(spec.invention.inventors):
        out.party_ref(inventor.party, f"/invention/inventors/{i}/party")
    for i, app in enumerate(spec.applications):
        if app.route == "foreign" and app.country is None:
            add(f"/applications/{i}/country", message("joint_filing.country_missing"))
        elif app.route != "foreign" and app.country is not None:
            add(f"/applications/{i}/country", message("joint_filing.country_unused", route=app.route))
    own = spec.ownership
    if own.shares == "stated":
        seen: set[str] = set()
        for i, share in enumerate(own.stated_shares):
            out.party_ref(share.party, f"/ownership/stated_shares/{i}/party")
            if share.party in seen:
                add(f"/ownership/stated_shares/{i}/party", message("joint_filing.share_twice", party=share.party))
            seen.add(share.party)
        for party in spec.parties:
            if party.id not in seen:
                add("/ownership/stated_shares", message("joint_filing.share_missing", party=party.id))
        total = sum(s.percent for s in own.stated_shares)
        if own.stated_shares and abs(total - 100) > 1e-9:
            add("/ownership/stated_shares", message("joint_filing.shares_sum", total=f"{total:g}"))
    elif own.stated_shares:
        add("/ownership/stated_shares", message("joint_filing.shares_unused"))
    proc = spec.procedure
    out.party_for_option(proc.by == "filing_party", proc.filing_party, "/procedure/filing_party",
                         missing=message("joint_filing.filing_party_missing"),
                         unused=message("joint_filing.filing_party_unused"))
    out.party_for_option(proc.costs == "one_party", proc.cost_payer, "/procedure/cost_payer",
                         missing=message("joint_filing.cost_payer_missing"), unused=message("joint_filing.cost_payer_unused"))
    if spec.foreign_filing.decided_by == "filing_party" and proc.by != "filing_party":
        add("/foreign_filing/decided_by", message("joint_filing.no_filing_party_to_decide"))
    elif spec.foreign_filing.decided_by == "filing_party" and spec.foreign_filing.if_one_declines == "no_filing":
        add("/foreign_filing/if_one_declines", message("joint_filing.declining_blocks_decision"))
    return out.found


def share_of(spec: JointFilingSpec, party_id: str) -> float:
    """A party's share in percent."""
    if spec.ownership.shares == "equal":
        return 100 / len(spec.parties)
    return next((s.percent for s in spec.ownership.stated_shares if s.party == party_id), 0.0)


def _university_and_companies(spec: JointFilingSpec) -> tuple[str, str] | None:
    universities = [p.short_name for p in spec.parties if p.kind == "university"]
    companies = [p.short_name for p in spec.parties if p.kind != "university"]
    if not universities or not companies:
        return None
    return universities[0], " and ".join(companies)


def university_revenue(spec: JointFilingSpec) -> Iterator[Finding]:
    """A university co-owner that earns nothing when the company works the invention (or licenses it)."""
    names = _university_and_companies(spec)
    rules = spec.joint_rules
    if names is None or not rules.each_may_practise or rules.non_practice_compensation_percent is not None:
        return
    university, company = names
    path = "/joint_rules/non_practice_compensation_percent"
    if rules.licence_income != "by_share":
        yield finding("joint_filing.university_no_revenue", "warning", path, university=university, company=company)
    else:
        yield finding("joint_filing.no_non_practice_compensation", "info", path, university=university, company=company)


def licence_income_open(spec: JointFilingSpec) -> Iterator[Finding]:
    """Licensing to third parties with no rule on who gets the income."""
    rules = spec.joint_rules
    if rules.licence_income != "agree_each_time":
        return
    if rules.third_party_licensing == "consent_given":
        yield finding("joint_filing.licence_income_open", "warning", "/joint_rules/licence_income", variant="consent_given")
    else:
        yield finding("joint_filing.licence_income_open", "info", "/joint_rules/licence_income")


def share_without_costs(spec: JointFilingSpec) -> Iterator[Finding]:
    """One party pays every cost while the other holds a share."""
    proc = spec.procedure
    if proc.costs != "one_party":
        return
    payer = spec.party(proc.cost_payer)
    others = [p for p in spec.parties if p.id != proc.cost_payer]
    if payer is None or not others:
        return
    other = others[0]
    yield finding("joint_filing.share_without_costs", "info", "/procedure/costs", payer=payer.short_name,
                  other=other.short_name, share=f"{share_of(spec, other.id):g}")


def no_take_over(spec: JointFilingSpec) -> Iterator[Finding]:
    """No rule for a co-owner that abandons its share."""
    if not spec.abandonment.other_may_take_over:
        yield finding("joint_filing.no_take_over", "warning", "/abandonment/other_may_take_over")


def foreign_filing_blocked(spec: JointFilingSpec) -> Iterator[Finding]:
    """Either co-owner can stop filing abroad, and the countries are planned."""
    ff = spec.foreign_filing
    if ff.if_one_declines == "no_filing" and ff.decided_by == "both":
        yield finding("joint_filing.foreign_filing_blocked", "info", "/foreign_filing/if_one_declines")


def overview(spec: JointFilingSpec, locale: Locale) -> str:
    return locale.words.summary.overview.joint_filing.format(invention=spec.invention.title)


def schedule(spec: JointFilingSpec, locale: Locale) -> list[ScheduleSection]:
    words = locale.words.summary.overview.joint_filing_schedule
    names = {p.id: p.short_name for p in spec.parties}
    invention = [(words["title"], spec.invention.title)]
    if spec.invention.summary:
        invention.append((words["summary"], spec.invention.summary))
    invention += [(words["inventor"].format(party=names.get(i.party, i.party)), i.name) for i in spec.invention.inventors]
    rows = []
    for n, app in enumerate(spec.applications, start=1):
        office = app.country if app.route == "foreign" and app.country else words[f"route_{app.route}"]
        number = app.number or words["not_filed"]
        date = words["filed_on" if app.number else "to_file_on"].format(date=locale.date(app.filing_date)) \
            if app.filing_date else ""
        rows.append((words["application"].format(n=n), words["application_value"].format(
            office=office, number=number, date=date)))
    shares = [(names[p.id], locale.number(share_of(spec, p.id)) + "%") for p in spec.parties]
    sections = [ScheduleSection(words["invention"], None, invention),
                ScheduleSection(words["applications"], None, rows),
                ScheduleSection(words["shares"], None, shares)]
    if spec.foreign_filing.countries:
        sections.append(ScheduleSection(words["countries"], None,
                                        [(str(i), c) for i, c in enumerate(spec.foreign_filing.countries, start=1)]))
    return sections


def key_terms(spec: JointFilingSpec, locale: Locale) -> list[tuple[str, str]]:
    words = locale.words.summary.overview.joint_filing_schedule
    names = {p.id: p.short_name for p in spec.parties}
    shares = words["share_separator"].join(f"{names[p.id]} {locale.number(share_of(spec, p.id))}%" for p in spec.parties)
    return [(words["invention"], spec.invention.title), (words["shares"], shares)]


AGREEMENT_TYPE = AgreementType(
    name="joint_filing",
    spec_model=JointFilingSpec,
    described_as=DESCRIBED_AS,
    stage=6,
    # roles: the default ("party"; a one-way duty, refused above, would ask for a discloser and a recipient).
    cross_check=cross_check,
    checks=(university_revenue, licence_income_open, share_without_costs, no_take_over, foreign_filing_blocked),
    overview=overview,
    schedule=schedule,
    key_terms=key_terms,
    undrafted=UNDRAFTED,
)
