"""The patent and know-how licence agreement."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ..agreement import ScheduleSection
from ..errors import Problem
from ..locales import Locale
from ..spec import BackgroundIp, CommonSpec, Improvements, LicensedRights, UsageScope
from .base import AgreementType, Problems, Roles
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


def overview(spec: LicenseSpec, locale: Locale) -> str:
    from ..wording import scope_phrase

    licensor, licensee = spec.parties_with_role("licensor")[0], spec.parties_with_role("licensee")[0]
    return locale.words.summary.overview.license.format(
        licensor=licensor.short_name, licensee=licensee.short_name, scope=scope_phrase(spec.licence, locale))


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
    pays_nothing=lambda spec: spec.licence.royalty.kind == "free",
    overview=overview,
    schedule=schedule,
)
