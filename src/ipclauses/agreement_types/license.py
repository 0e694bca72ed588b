"""The patent and know-how licence agreement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..spec import (
    BackgroundIp,
    CommonSpec,
    Date,
    Improvements,
    LicensedRights,
    PositiveDays,
    PositiveMonths,
    Royalty,
    SpecModel,
    UsageScope,
    given,
)
from .base import AgreementType, Finding, Problems, Roles, finding
from .rules import (
    background_parties,
    improvement_pitfall,
    licence_scope_terms,
    money_terms,
    mutual_confidentiality_only,
    no_announcement,
    no_earlier_nda,
    usage_scope,
)
from .schedules import background_sections, licence_sections, licensed_sections

DESCRIBED_AS = "a licence agreement"


class LicenceRoyalty(Royalty):
    """A licence agreement's royalty: the shared royalty terms and a share of sublicence income."""

    sublicence_income_percent: Annotated[float, Field(gt=0, le=100)] | None = Field(
        None,
        description="Percentage of what the licensee receives from sublicensees for granting sublicences (upfront, "
        "milestone and option fees; not royalties on sales already counted in Net Sales) that it passes on to the "
        "licensor; leave out for no share. Needs sublicensing other than \"none\" and a paid royalty.",
    )


class LicenceScope(UsageScope):
    """A licence agreement's licence: the shared usage scope, with the licence agreement's royalty."""

    royalty: LicenceRoyalty


class Prosecution(SpecModel):
    """Who prosecutes and maintains the licensed patents, who pays, and what happens to a patent that would lapse."""

    by: Literal["licensor", "licensee"] = Field(
        "licensor",
        description="Who prosecutes the pending applications and keeps the Licensed Patents in force: the licensor, "
        "or the licensee in the licensor's name (usual only with an exclusive licence).",
    )
    costs: Literal["licensor", "licensee", "shared_equally"] = Field(
        "licensor",
        description="Who bears the official and attorneys' fees of prosecution and maintenance; the other party "
        "reimburses on invoice when it is not the one doing the work.",
    )
    lapse_notice_days: PositiveDays = Field(
        60,
        description="Days before a right would be lost by which the party in charge must tell the other that it will "
        "abandon an application or let a Licensed Patent lapse; also the notice a paying licensee gives to stop "
        "paying for a patent.",
    )
    licensee_may_take_over: bool = Field(
        True,
        description="With the licensor in charge: whether the licensee may then have the application or patent "
        "assigned to it and keep it up at its own cost. With the licensee in charge the licensor always takes back "
        "what the licensee drops.",
    )


class Diligence(SpecModel):
    """The licensee's duty to bring a licensed product to market, and what the licensor may do if it does not."""

    first_sale_months: PositiveMonths | None = Field(
        None, description="Months from the effective date within which the licensee makes its first commercial sale "
        "of a Licensed Product (give this or first_sale_by)."
    )
    first_sale_by: Date | None = Field(
        None, description="Date by which the licensee makes its first commercial sale of a Licensed Product (give "
        "this or first_sale_months)."
    )
    consequence: Literal["non_exclusive", "terminate", "either"] = Field(
        "either",
        description="What the licensor may do if the date is missed and the licensee still has not sold when the "
        "notice period ends: make an exclusive licence non-exclusive, terminate the agreement, or either (with a "
        "non-exclusive licence, \"either\" means terminate).",
    )
    notice_days: PositiveDays = Field(
        90,
        description="Days after the licensor's notice of the missed date within which a first commercial sale still "
        "prevents the consequence.",
    )


class LicenseSpec(CommonSpec):
    """Patent and know-how licence agreement."""

    type: Literal["license"]
    licensed: LicensedRights
    licence: LicenceScope
    background_ip: BackgroundIp = Field(default_factory=BackgroundIp)
    improvements: Improvements = Field(default_factory=Improvements)
    warranties: Literal["none", "knowledge_qualified"] = "none"
    prosecution: Prosecution = Field(
        default_factory=Prosecution,
        description="Prosecution and maintenance of the Licensed Patents (used when patents are licensed).",
    )
    diligence: Diligence | None = Field(
        None,
        description="The licensee's duty to make a first commercial sale by a date, and the licensor's remedy if it "
        "does not; leave out for no such duty.",
    )
    terminate_on_challenge: bool = Field(
        True,
        description="Whether the licensor may terminate if the licensee challenges the validity of a licensed "
        "patent or trademark (the licensee stays free to challenge; a no-challenge promise is not offered).",
    )


def cross_check(spec: LicenseSpec) -> list[Problem]:
    out = Problems(spec)
    no_earlier_nda(spec, DESCRIBED_AS, out)
    no_announcement(spec, DESCRIBED_AS, out)
    mutual_confidentiality_only(spec, DESCRIBED_AS, out)
    background_parties(spec.background_ip, out)
    money_terms(spec, out)
    lic = spec.licence
    for key in ("licensor", "licensee"):
        value = getattr(lic, key)
        holders = spec.parties_with_role(key)
        expected = holders[0].id if len(holders) == 1 else None
        if value is not None and expected is not None and value != expected:
            out.add(f"/licence/{key}", f'is "{value}" but the party with role "{key}" is "{expected}" (remove it or make them agree)')
    if not spec.licensed.patents and not spec.licensed.know_how and "copyright" not in lic.subject:
        out.add("/licensed", "names no patents and no know-how: list what is licensed")
    if "trademark" in lic.subject and not spec.licensed.trademarks:
        out.add("/licensed/trademarks", 'is empty but the licence subject includes "trademark" (list the marks)')
    usage_scope(lic, None, out)
    licence_scope_terms(spec, lic, out, described_as=DESCRIBED_AS, listed_patents=bool(spec.licensed.patents))
    licence_terms(spec, out)
    return out.found


def licence_terms(spec: LicenseSpec, out: Problems) -> None:
    """Prosecution, diligence and sublicence income must fit the licence they belong to."""
    lic = spec.licence
    share = lic.royalty.sublicence_income_percent
    if share is not None and lic.sublicensing == "none":
        out.add("/licence/royalty/sublicence_income_percent",
                'is set but sublicensing is "none": there is no sublicence income to share (remove it or allow sublicensing)')
    if share is not None and lic.royalty.kind == "free":
        out.add("/licence/royalty/sublicence_income_percent",
                'is set but the royalty is "free": a share of sublicence income is a payment (make the royalty "paid" or remove it)')
    if given(spec, "prosecution") and "patents" not in lic.subject:
        out.add("/prosecution", 'applies to licensed patents, but the licence subject does not include "patents" (remove it)')
    pros = spec.prosecution
    if pros.by == "licensee" and "licensee_may_take_over" in pros.model_fields_set and not pros.licensee_may_take_over:
        out.add("/prosecution/licensee_may_take_over",
                'applies when the licensor prosecutes; with "by": "licensee" the licensor takes back what the licensee drops (remove it)')
    dil = spec.diligence
    if dil is None:
        return
    if (dil.first_sale_months is None) == (dil.first_sale_by is None):
        which = "gives both" if dil.first_sale_months is not None else "gives neither"
        out.add("/diligence/first_sale_months", f"or first_sale_by: exactly one is needed, and the diligence {which}")
    if dil.first_sale_by is not None and dil.first_sale_by <= spec.effective_date:
        out.add("/diligence/first_sale_by", f"is {dil.first_sale_by.isoformat()}, not after the effective date "
                f"{spec.effective_date.isoformat()}")
    if dil.consequence == "non_exclusive" and lic.exclusivity == "non_exclusive":
        out.add("/diligence/consequence",
                'is "non_exclusive" but the licence is already non-exclusive (use "terminate", or make the licence exclusive)')
    elif dil.consequence != "terminate" and lic.registered_exclusive:
        out.add("/licence/registered_exclusive",
                f'cannot be combined with "diligence.consequence": "{dil.consequence}": a registered exclusive licence '
                '(senyo jisshiken) cannot be made non-exclusive without cancelling its registration (set the '
                'consequence to "terminate", or remove registered_exclusive)')


# The JFTC IP guidelines (知的財産の利用に関する独占禁止法上の指針) on what a licensor may ask of the
# licensee's improvements: law-facts.md, "Competition law".


def _names(spec: LicenseSpec) -> dict[str, str]:
    """The licensor's and licensee's short names, as the findings' texts name them."""
    return {role: spec.parties_with_role(role)[0].short_name for role in ("licensor", "licensee")}


def licensee_improvements(spec: LicenseSpec) -> Iterator[Finding]:
    """An assignment-back, an exclusive grant-back or a sublicensable one of the licensee's improvements."""
    pitfall = improvement_pitfall(spec.improvements.owner, spec.improvements.grant_back)
    if pitfall is None:
        return
    name, path = pitfall
    if name == "assign_back_improvements":
        yield finding("licence.assign_back_improvements", "warning", path, **_names(spec))
    elif name == "exclusive_grant_back":
        yield finding("licence.exclusive_grant_back", "warning", path, **_names(spec))
    else:
        yield finding("licence.sublicensable_grant_back", "warning", path, **_names(spec))


def licensee_prosecutes_non_exclusive(spec: LicenseSpec) -> Iterator[Finding]:
    if spec.prosecution.by != "licensee" or spec.licence.exclusivity != "non_exclusive" or "patents" not in spec.licence.subject:
        return
    yield finding("licence.licensee_prosecutes_non_exclusive", "warning", "/prosecution/by",
                  **_names(spec))


def free_sublicensing_without_income_share(spec: LicenseSpec) -> Iterator[Finding]:
    lic = spec.licence
    if lic.sublicensing != "free" or lic.royalty.kind != "paid" or lic.royalty.sublicence_income_percent is not None:
        return
    yield finding("licence.no_sublicence_income_share", "info", "/licence/royalty/sublicence_income_percent",
                  **_names(spec))


def overview(spec: LicenseSpec, locale: Locale) -> str:
    from ..wording import scope_phrase

    words = locale.words.summary.overview
    subject = locale.join([words.licence_subjects[kind] for kind in dict.fromkeys(spec.licence.subject)])
    return words.license.format(**_names(spec), subject=subject, scope=scope_phrase(spec.licence, locale))


def schedule(spec: LicenseSpec, locale: Locale) -> list[ScheduleSection]:
    return (background_sections(spec, spec.background_ip, locale) + licensed_sections(spec.licensed, locale)
            + licence_sections(spec.licence, locale))


def renewal_after_licence(spec: LicenseSpec) -> Iterator[Finding]:
    """A licence agreement that renews automatically although its licence, of a set number of years, is over by then.

    The term article stops renewal at the end of the licence period, so the renewal the spec asks for never happens.
    """
    lic = spec.licence
    renewal = spec.term.renewal
    if not renewal.automatic or lic.term.kind != "years" or not lic.term.years:
        return
    licence_months = lic.term.years * 12
    if licence_months <= spec.term.months:
        yield finding("term.renews_after_licence", "warning", "/term/renewal/automatic",
                      renewal_months=renewal.renewal_months, months=spec.term.months, years=lic.term.years)


AGREEMENT_TYPE = AgreementType(
    name="license",
    spec_model=LicenseSpec,
    described_as=DESCRIBED_AS,
    stage=4,
    roles=Roles(required=("licensor", "licensee"), why="a licence has a licensor and a licensee"),
    cross_check=cross_check,
    checks=(licensee_improvements, licensee_prosecutes_non_exclusive,
            free_sublicensing_without_income_share, renewal_after_licence),
    pays_nothing=lambda spec: spec.licence.royalty.kind == "free",
    overview=overview,
    schedule=schedule,
)
