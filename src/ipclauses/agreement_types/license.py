"""The patent and know-how licence agreement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..messages import AgreementName, message
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
from .base import NDA_ONLY_CONFIDENTIALITY, AgreementType, Finding, Problems, Roles, finding
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
NAMED = AgreementName("license", DESCRIBED_AS)


class LicenceRoyalty(Royalty):
    """A licence agreement's royalty: the shared royalty terms and a share of sublicence income."""

    sublicence_income_percent: Annotated[float, Field(gt=0, le=100)] | None = None


class LicenceScope(UsageScope):
    """A licence agreement's licence: the shared usage scope, with the licence agreement's royalty."""

    royalty: LicenceRoyalty


class Prosecution(SpecModel):
    """Who prosecutes and maintains the licensed patents, who pays, and what happens to a patent that would lapse."""

    by: Literal["licensor", "licensee"] = "licensor"
    costs: Literal["licensor", "licensee", "shared_equally"] = "licensor"
    lapse_notice_days: PositiveDays = 60
    licensee_may_take_over: bool = True


class Diligence(SpecModel):
    """The licensee's duty to bring a licensed product to market, and what the licensor may do if it does not."""

    first_sale_months: PositiveMonths | None = None
    first_sale_by: Date | None = None
    consequence: Literal["non_exclusive", "terminate", "either"] = "either"
    notice_days: PositiveDays = 90


class LicenseSpec(CommonSpec):
    """Patent and know-how licence agreement."""

    type: Literal["license"]
    licensed: LicensedRights
    licence: LicenceScope
    background_ip: BackgroundIp = Field(default_factory=BackgroundIp)
    improvements: Improvements = Field(default_factory=Improvements)
    warranties: Literal["none", "knowledge_qualified"] = "none"
    prosecution: Prosecution = Field(default_factory=Prosecution)
    diligence: Diligence | None = None
    terminate_on_challenge: bool = True


def cross_check(spec: LicenseSpec) -> list[Problem]:
    out = Problems(spec)
    no_earlier_nda(spec, NAMED, out)
    no_announcement(spec, NAMED, out)
    mutual_confidentiality_only(spec, NAMED, out)
    background_parties(spec.background_ip, out)
    money_terms(spec, out)
    lic = spec.licence
    for key in ("licensor", "licensee"):
        value = getattr(lic, key)
        holders = spec.parties_with_role(key)
        expected = holders[0].id if len(holders) == 1 else None
        if value is not None and expected is not None and value != expected:
            out.add(f"/licence/{key}", message("license.role_disagrees", value=value, role=key, expected=expected))
    if not spec.licensed.patents and not spec.licensed.know_how and "copyright" not in lic.subject:
        out.add("/licensed", message("license.nothing_licensed"))
    if "trademark" in lic.subject and not spec.licensed.trademarks:
        out.add("/licensed/trademarks", message("license.trademarks_missing"))
    usage_scope(lic, None, out)
    licence_scope_terms(spec, lic, out, described_as=NAMED, listed_patents=bool(spec.licensed.patents))
    licence_terms(spec, out)
    return out.found


def licence_terms(spec: LicenseSpec, out: Problems) -> None:
    """Prosecution, diligence and sublicence income must fit the licence they belong to."""
    lic = spec.licence
    share = lic.royalty.sublicence_income_percent
    if share is not None and lic.sublicensing == "none":
        out.add("/licence/royalty/sublicence_income_percent", message("license.income_share_without_sublicensing"))
    if share is not None and lic.royalty.kind == "free":
        out.add("/licence/royalty/sublicence_income_percent", message("license.income_share_with_free_royalty"))
    if given(spec, "prosecution") and "patents" not in lic.subject:
        out.add("/prosecution", message("license.prosecution_without_patents"))
    pros = spec.prosecution
    if pros.by == "licensee" and "licensee_may_take_over" in pros.model_fields_set and not pros.licensee_may_take_over:
        out.add("/prosecution/licensee_may_take_over", message("license.take_over_unused"))
    dil = spec.diligence
    if dil is None:
        return
    if (dil.first_sale_months is None) == (dil.first_sale_by is None):
        out.add("/diligence/first_sale_months", message(
            "license.first_sale_both" if dil.first_sale_months is not None else "license.first_sale_neither"))
    if dil.first_sale_by is not None and dil.first_sale_by <= spec.effective_date:
        out.add("/diligence/first_sale_by", message("license.first_sale_too_early", date=dil.first_sale_by.isoformat(),
                                                    effective=spec.effective_date.isoformat()))
    if dil.consequence == "non_exclusive" and lic.exclusivity == "non_exclusive":
        out.add("/diligence/consequence", message("license.already_non_exclusive"))
    elif dil.consequence != "terminate" and lic.registered_exclusive:
        out.add("/licence/registered_exclusive", message("license.registered_with_consequence",
                                                         consequence=dil.consequence))


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
    roles=Roles(required=("licensor", "licensee"), why=message("roles.license")),
    cross_check=cross_check,
    checks=(licensee_improvements, licensee_prosecutes_non_exclusive,
            free_sublicensing_without_income_share, renewal_after_licence),
    pays_nothing=lambda spec: spec.licence.royalty.kind == "free",
    overview=overview,
    schedule=schedule,
    undrafted=NDA_ONLY_CONFIDENTIALITY,
)
