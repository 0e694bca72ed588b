"""The data provision agreement (データ提供契約): one party provides data it holds for the other's use.

The data-provision pattern of METI's Contract Guidelines on the Utilisation of AI and Data: what
data, how and when it is delivered, what the recipient may use it for, who owns what the recipient
derives from it, what the provider promises about it, personal information in it, passing it on,
fees, and what happens to the data at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from ..errors import Problem
from ..locales import Locale
from ..messages import AgreementName, message
from ..spec import CommonSpec, DueDate, Money, Name, PositiveDays, PositiveMonths, SpecModel, Text, due_date, given, term_end
from .base import NDA_ONLY_CONFIDENTIALITY, AgreementType, Deadline, Finding, Problems, Roles, finding
from .rules import mutual_confidentiality_only, no_announcement, no_earlier_nda

DESCRIBED_AS = "a data provision agreement"
NAMED = AgreementName("data_provision", DESCRIBED_AS)

# Personal information the APPI article governs: identifiable, or pseudonymised (仮名加工情報).
PERSONAL = ("personal", "pseudonymised")


class ProvidedData(SpecModel):
    """The data the provider provides: what it is, in what form, and how and when it is delivered."""

    description: Text
    form: Text
    delivery: Literal["once", "periodic"] = "once"
    first_delivery: DueDate
    update_every_months: PositiveMonths | None = None
    personal_info: Literal["none", "personal", "pseudonymised", "anonymised"] = "none"
    restricted_access: bool = False


class ProvidedDataUse(SpecModel):
    """What the recipient may do with the data, and whether it may pass it on."""

    scope: Literal["purpose_only", "internal", "product_development"] = "purpose_only"
    prohibited: list[Name] = Field(default_factory=list, max_length=50)
    redistribution: Literal["none", "affiliates", "with_consent"] = "none"


class DerivedDataRights(SpecModel):
    """Who owns the data, models and other results the recipient derives from the data."""

    owner: Literal["recipient", "provider", "decide_later"] = "recipient"
    provider_may_use: bool = False


class ProvidedDataQuality(SpecModel):
    """What the provider promises about the data."""

    warranty: Literal["none", "lawful_source", "agreed_levels"] = "lawful_source"
    levels: Text | None = None


class ProvidedDataFees(SpecModel):
    """What the recipient pays for the data."""

    kind: Literal["free", "fixed", "per_delivery"] = "free"
    amount: Money | None = None
    payment_days: PositiveDays = 30


class DataProvisionSpec(CommonSpec):
    """Data provision agreement: the provider provides data for the recipient's use."""

    type: Literal["data_provision"]
    provided_data: ProvidedData
    permitted_use: ProvidedDataUse = Field(default_factory=ProvidedDataUse)
    derived_data: DerivedDataRights = Field(default_factory=DerivedDataRights)
    data_quality: ProvidedDataQuality = Field(default_factory=ProvidedDataQuality)
    data_fees: ProvidedDataFees = Field(default_factory=ProvidedDataFees)
    data_at_end: Literal["delete_all", "keep_derived", "keep_all"] = "keep_derived"


def _provider(spec: DataProvisionSpec) -> str | None:
    found = spec.parties_with_role("provider")
    return found[0].id if found else None


def cross_check(spec: DataProvisionSpec) -> list[Problem]:
    out = Problems(spec)
    no_announcement(spec, NAMED, out)
    mutual_confidentiality_only(spec, NAMED, out)
    no_earlier_nda(spec, NAMED, out)
    if given(spec.purpose, "limited_to_evaluation"):
        out.add("/purpose/limited_to_evaluation", message("data_provision.purpose_scope"))
    _delivery(spec, out)
    _personal(spec, out)
    derived = spec.derived_data
    if derived.owner != "recipient" and derived.provider_may_use:
        out.add("/derived_data/provider_may_use", message("data_provision.provider_use_unused", owner=derived.owner))
    quality = spec.data_quality
    if quality.warranty == "agreed_levels" and quality.levels is None:
        out.add("/data_quality/levels", message("data_provision.levels_missing"))
    elif quality.warranty != "agreed_levels" and quality.levels is not None:
        out.add("/data_quality/levels", message("data_provision.levels_unused", warranty=quality.warranty))
    fees = spec.data_fees
    if fees.kind != "free" and (fees.amount is None or fees.amount.amount == 0):
        out.add("/data_fees/amount", message("data_provision.fee_missing", kind=fees.kind))
    elif fees.kind == "free" and fees.amount is not None:
        out.add("/data_fees/amount", message("data_provision.free_with_amount"))
    if fees.kind == "free" and spec.late_interest_percent is not None:
        out.add("/late_interest_percent", message("data_provision.late_interest_free"))
    return out.found


def _delivery(spec: DataProvisionSpec, out: Problems) -> None:
    data = spec.provided_data
    if data.delivery == "periodic" and data.update_every_months is None:
        out.add("/provided_data/update_every_months", message("data_provision.interval_missing"))
    elif data.delivery == "once" and data.update_every_months is not None:
        out.add("/provided_data/update_every_months", message("data_provision.interval_unused"))
    due, end = due_date(spec.effective_date, data.first_delivery), term_end(spec)
    if due < spec.effective_date:
        out.add("/provided_data/first_delivery", message("data_provision.delivery_before_start"))
    elif due > end:
        out.add("/provided_data/first_delivery", message("data_provision.delivery_after_end", due=due.isoformat(),
                                                         end=end.isoformat()))


def _personal(spec: DataProvisionSpec, out: Problems) -> None:
    """Personal or pseudonymised information needs the APPI article, given by the provider alone; other data none."""
    kind, block = spec.provided_data.personal_info, spec.personal_data
    if kind in PERSONAL and block is None:
        out.add("/personal_data", message("data_provision.personal_data_missing", kind=kind))
    elif kind not in PERSONAL and block is not None:
        out.add("/personal_data", message("data_provision.personal_data_unused", kind=kind))
    elif block is not None:
        provider = _provider(spec)
        if provider is not None and list(block.provided_by) != [provider]:
            out.add("/personal_data/provided_by", message("data_provision.personal_data_from_provider",
                                                          provider=provider))


# --- deal checks ----------------------------------------------------------------------


def personal_data_unlimited(spec: DataProvisionSpec) -> Iterator[Finding]:
    """Personal information used beyond a stated purpose: the APPI ties its use to the purpose it was given for."""
    kind, scope = spec.provided_data.personal_info, spec.permitted_use.scope
    if kind in PERSONAL and scope != "purpose_only":
        yield finding("data_provision.personal_data_unlimited", "error", "/permitted_use/scope",
                      variant="pseudonymised" if kind == "pseudonymised" else "", scope=scope)


def derived_open(spec: DataProvisionSpec) -> Iterator[Finding]:
    if spec.derived_data.owner == "decide_later":
        yield finding("data_provision.derived_open", "warning", "/derived_data/owner")


def redistribution_with_personal_data(spec: DataProvisionSpec) -> Iterator[Finding]:
    redistribution = spec.permitted_use.redistribution
    if spec.provided_data.personal_info in PERSONAL and redistribution != "none":
        yield finding("data_provision.redistribution_personal", "warning", "/permitted_use/redistribution",
                      redistribution=redistribution)


def no_lawful_source_warranty(spec: DataProvisionSpec) -> Iterator[Finding]:
    """The recipient builds products on data the provider does not even promise it may provide."""
    if spec.data_quality.warranty == "none" and spec.permitted_use.scope == "product_development":
        recipient = spec.parties_with_role("recipient")[0]
        yield finding("data_provision.no_lawful_source", "warning", "/data_quality/warranty",
                      recipient=recipient.short_name)


def restricted_data_passed_on(spec: DataProvisionSpec) -> Iterator[Finding]:
    """限定提供データ needs access kept to those the provider agreed: consent-free passing on to affiliates weakens it."""
    if spec.provided_data.restricted_access and spec.permitted_use.redistribution == "affiliates":
        yield finding("data_provision.restricted_passed_on", "info", "/permitted_use/redistribution")


# --- the summary, key terms and deadlines ---------------------------------------------------


def overview(spec: DataProvisionSpec, locale: Locale) -> str:
    words = locale.words.summary.overview
    provider, recipient = spec.parties_with_role("provider")[0], spec.parties_with_role("recipient")[0]
    return words.data_provision.format(provider=provider.short_name, recipient=recipient.short_name,
                                       scope=words.data_provision_scopes[spec.permitted_use.scope])


def key_terms(spec: DataProvisionSpec, locale: Locale) -> list[tuple[str, str]]:
    fees = spec.data_fees
    if fees.kind == "free" or fees.amount is None:
        return []
    amount = locale.money(fees.amount)
    if fees.kind == "per_delivery":
        amount = locale.words.summary.overview.data_provision_per_delivery.format(amount=amount)
    return [(locale.words.key_terms.fee, amount)]


def deadlines(spec: DataProvisionSpec) -> list[Deadline]:
    """The provider's first delivery of the data."""
    return [Deadline("data_provision.data", due_date(spec.effective_date, spec.provided_data.first_delivery),
                     "/provided_data/first_delivery", "the first delivery of the data")]


AGREEMENT_TYPE = AgreementType(
    name="data_provision",
    spec_model=DataProvisionSpec,
    described_as=DESCRIBED_AS,
    stage=7,
    roles=Roles(required=("provider", "recipient"), why=message("roles.data_provision")),
    cross_check=cross_check,
    checks=(personal_data_unlimited, derived_open, redistribution_with_personal_data, no_lawful_source_warranty,
            restricted_data_passed_on),
    pays_nothing=lambda spec: spec.data_fees.kind == "free",
    overview=overview,
    key_terms=key_terms,
    deadlines=deadlines,
    undrafted=NDA_ONLY_CONFIDENTIALITY,
)
