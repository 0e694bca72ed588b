"""The patent and know-how licence agreement."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..spec import BackgroundIp, CommonSpec, Improvements, LicensedRights, UsageScope
from .base import AgreementType, Finding, Problems, Roles
from .rules import background_parties, mutual_confidentiality_only, no_announcement, no_earlier_nda, usage_scope
from .schedules import background_sections, licence_sections, licensed_sections

DESCRIBED_AS = "a licence agreement"


class LicenseSpec(CommonSpec):
    """Patent and know-how licence agreement."""

    type: Literal["license"]
    licensed: LicensedRights
    licence: UsageScope
    background_ip: BackgroundIp = Field(default_factory=BackgroundIp)
    improvements: Improvements = Field(default_factory=Improvements)
    warranties: Literal["none", "knowledge_qualified"] = "none"


def cross_check(spec: LicenseSpec) -> list[Problem]:
    out = Problems(spec)
    no_earlier_nda(spec, DESCRIBED_AS, out)
    no_announcement(spec, DESCRIBED_AS, out)
    mutual_confidentiality_only(spec, DESCRIBED_AS, out)
    background_parties(spec.background_ip, out)
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
    return out.found


# The JFTC IP guidelines (知的財産の利用に関する独占禁止法上の指針) on what a licensor may ask of the
# licensee's improvements: law-facts.md, "Competition law".


def assign_back_improvements(spec: LicenseSpec) -> Iterator[Finding]:
    if spec.improvements.owner != "original_owner":
        return
    licensor, licensee = spec.parties_with_role("licensor")[0], spec.parties_with_role("licensee")[0]
    yield Finding(
        "licence.assign_back_improvements", "warning", "/improvements/owner",
        f"{licensee.short_name} must assign the improvements it makes alone to {licensor.short_name} "
        "(an assignment-back).",
        "The Japan Fair Trade Commission's IP guidelines treat a duty on the licensee to assign its improvements "
        "to the licensor, or to license them to it exclusively, as in principle an unfair trade practice, paid "
        "for or not: it takes away the licensee's reason to improve the technology and strengthens the licensor's "
        "hold on the market.",
        'Let each side own what it makes ("improvements.owner": "improver") and give the licensor a non-exclusive '
        'licence instead ("improvements.grant_back": "non_exclusive_free").',
    )


def sublicensable_grant_back(spec: LicenseSpec) -> Iterator[Finding]:
    imp = spec.improvements
    if imp.owner != "improver" or imp.grant_back != "non_exclusive_sublicensable":
        return
    licensor, licensee = spec.parties_with_role("licensor")[0], spec.parties_with_role("licensee")[0]
    yield Finding(
        "licence.sublicensable_grant_back", "warning", "/improvements/grant_back",
        f"{licensor.short_name} gets a free licence to {licensee.short_name}'s improvements with no time limit, "
        f"and may sublicense them to its group companies and to its other licensees, who may compete with "
        f"{licensee.short_name}.",
        "A non-exclusive grant-back is in principle acceptable under the Japan Fair Trade Commission's IP "
        "guidelines, but one the licensor may pass on to other licensees hands the licensee's work to its "
        "competitors for nothing. That can weaken the licensee's reason to improve the technology and strengthen "
        "the licensor's position, and can then be an unfair trade practice.",
        'Limit the grant-back to the licensor\'s own use for the licence term ("improvements.grant_back": '
        '"non_exclusive_free"), or agree a fee and a short list of who may be sublicensed.',
    )


def overview(spec: LicenseSpec, locale: Locale) -> str:
    from ..wording import scope_phrase

    words = locale.words.summary.overview
    licensor, licensee = spec.parties_with_role("licensor")[0], spec.parties_with_role("licensee")[0]
    subject = locale.join([words.licence_subjects[kind] for kind in dict.fromkeys(spec.licence.subject)])
    return words.license.format(
        licensor=licensor.short_name, licensee=licensee.short_name, subject=subject,
        scope=scope_phrase(spec.licence, locale))


def schedule(spec: LicenseSpec, locale: Locale) -> list[ScheduleSection]:
    return (background_sections(spec, spec.background_ip, locale) + licensed_sections(spec.licensed, locale)
            + licence_sections(spec.licence, locale))


AGREEMENT_TYPE = AgreementType(
    name="license",
    spec_model=LicenseSpec,
    described_as=DESCRIBED_AS,
    stage=4,
    roles=Roles(required=("licensor", "licensee"), why="a licence has a licensor and a licensee"),
    cross_check=cross_check,
    checks=(assign_back_improvements, sublicensable_grant_back),
    pays_nothing=lambda spec: spec.licence.royalty.kind == "free",
    overview=overview,
    schedule=schedule,
)
