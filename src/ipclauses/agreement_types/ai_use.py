"""The use agreement for an AI model or service (AIサービス利用契約).

The provider runs a trained model as an online service; the user sends it input data and receives
outputs. What the agreement decides (METI's Contract Guidelines on AI and Data, and the use agreement
of the open-innovation model contracts' AI edition: law-facts.md, "AI and data contracts"): the scope
of use, the fees, the provider's use of the user's input data to improve the model, service levels and
suspension, who owns the outputs and who answers for them, changes to the model, and the return and
deletion of the user's data at the end. A model customised for the user (fine-tuned on its data) may
be added, with who owns it and whether the user receives the training code.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field

from ..errors import Problem
from ..locales import Locale
from ..messages import AgreementName, message
from ..spec import CommonSpec, Money, Name, PositiveDays, PositiveMonths, SpecModel, Text, given
from .base import NDA_ONLY_CONFIDENTIALITY, AgreementType, Finding, Problems, Roles, finding
from .rules import mutual_confidentiality_only, no_announcement

DESCRIBED_AS = "an AI service use agreement"
NAMED = AgreementName("ai_use", DESCRIBED_AS)


class AiService(SpecModel):
    """The AI model or service the user may use, as the provider offers it."""

    name: Name
    description: Text


class AiUseScope(SpecModel):
    """Who may use the service, for what, with how many accounts, at which sites and where."""

    affiliates: bool = False
    accounts: Annotated[int, Field(gt=0, le=1_000_000)] | None = None
    sites: list[Name] = Field(default_factory=list, max_length=100)
    territory: list[Name] = Field(default_factory=lambda: ["Japan"], min_length=1, max_length=100)


class AiFees(SpecModel):
    """What the user pays: a fixed monthly fee, a price per unit of use, or both, billed monthly."""

    kind: Literal["fixed", "usage", "fixed_and_usage"]
    monthly_fee: Money | None = None
    unit_price: Money | None = None
    unit: Name | None = None
    payment_days: PositiveDays = 30


class AiInputData(SpecModel):
    """The provider's use of the user's input data beyond providing the service, and what the inputs contain."""

    improvement_use: Literal["none", "de_identified", "opt_out", "free"] = "none"
    other_customers: bool = False
    personal_data: bool = False


class AiServiceLevel(SpecModel):
    """The availability target, support hours, and the notice before maintenance or a suspension for non-payment."""

    availability_percent: Annotated[float, Field(ge=90, lt=100)] | None = None
    support_hours: Name | None = None
    maintenance_notice_days: PositiveDays = 7
    non_payment_days: PositiveDays = 14


class AiOutputs(SpecModel):
    """Who owns the outputs the service produces for the user."""

    owner: Literal["user", "provider_licensed"] = "user"


class AiModelChanges(SpecModel):
    """What the provider may change in the model, with what notice, and what the user may then do."""

    rule: Literal["free", "notice", "notice_and_exit", "prior_version"] = "notice_and_exit"
    notice_days: PositiveDays = 30
    prior_version_months: PositiveMonths = 6


class AiDataReturn(SpecModel):
    """What happens to the user's data when the agreement ends."""

    action: Literal["return_then_delete", "delete"] = "return_then_delete"
    days: PositiveDays = 30
    export_format: Name = "CSV"


class AiCustomisedModel(SpecModel):
    """A model the provider fine-tunes for the user on the user's data: who owns it, and who holds the training code."""

    description: Text
    owner: Literal["user", "provider"]
    training_code: Literal["delivered", "provider_keeps"] = "delivered"


class AiUseSpec(CommonSpec):
    """Use agreement for an AI model or service."""

    type: Literal["ai_use"]
    service: AiService
    use_scope: AiUseScope = Field(default_factory=AiUseScope)
    fees: AiFees
    input_data: AiInputData = Field(default_factory=AiInputData)
    service_level: AiServiceLevel = Field(default_factory=AiServiceLevel)
    outputs: AiOutputs = Field(default_factory=AiOutputs)
    model_changes: AiModelChanges = Field(default_factory=AiModelChanges)
    data_return: AiDataReturn = Field(default_factory=AiDataReturn)
    customised_model: AiCustomisedModel | None = None


def cross_check(spec: AiUseSpec) -> list[Problem]:
    out = Problems(spec)
    mutual_confidentiality_only(spec, NAMED, out)
    no_announcement(spec, NAMED, out)
    fees = spec.fees
    if fees.kind in ("fixed", "fixed_and_usage") and fees.monthly_fee is None:
        out.add("/fees/monthly_fee", message("ai_use.monthly_fee_missing", kind=fees.kind))
    if fees.kind == "usage" and fees.monthly_fee is not None:
        out.add("/fees/monthly_fee", message("ai_use.monthly_fee_unused"))
    if fees.kind in ("usage", "fixed_and_usage"):
        if fees.unit_price is None:
            out.add("/fees/unit_price", message("ai_use.unit_price_missing", kind=fees.kind))
        if fees.unit is None:
            out.add("/fees/unit", message("ai_use.unit_missing", kind=fees.kind))
    elif fees.unit_price is not None or fees.unit is not None:
        out.add("/fees/unit_price" if fees.unit_price is not None else "/fees/unit", message("ai_use.usage_terms_unused"))
    data = spec.input_data
    if data.improvement_use == "none" and data.other_customers:
        out.add("/input_data/other_customers", message("ai_use.other_customers_without_use"))
    changes = spec.model_changes
    if changes.rule != "prior_version" and given(changes, "prior_version_months"):
        out.add("/model_changes/prior_version_months", message("ai_use.prior_version_unused", rule=changes.rule))
    if changes.rule == "free" and given(changes, "notice_days"):
        out.add("/model_changes/notice_days", message("ai_use.notice_unused"))
    model = spec.customised_model
    if model is not None and model.owner == "provider" and given(model, "training_code"):
        out.add("/customised_model/training_code", message("ai_use.training_code_unused"))
    return out.found


def _names(spec: AiUseSpec) -> dict[str, str]:
    """The provider's and the user's short names, as the findings' and overview's texts name them."""
    return {role: spec.parties_with_role(role)[0].short_name for role in ("provider", "user")}


def input_reuse_unlimited(spec: AiUseSpec) -> Iterator[Finding]:
    """The provider may use the user's input data for any purpose: nothing limits the reuse."""
    if spec.input_data.improvement_use != "free":
        return
    yield finding("ai_use.input_reuse_unlimited", "warning", "/input_data/improvement_use",
                  variant="other_customers" if spec.input_data.other_customers else "", **_names(spec))


def model_without_code(spec: AiUseSpec) -> Iterator[Finding]:
    """The user owns its customised model, but only the provider holds the code that trains it."""
    model = spec.customised_model
    if model is None or model.owner != "user" or model.training_code != "provider_keeps":
        return
    yield finding("ai_use.model_without_code", "warning", "/customised_model/training_code", **_names(spec))


def usage_fees_without_availability(spec: AiUseSpec) -> Iterator[Finding]:
    """Fees for using the service, with no availability target the service must meet."""
    if spec.service_level.availability_percent is not None:
        return
    yield finding("ai_use.no_availability_target", "warning" if spec.fees.kind != "fixed" else "info",
                  "/service_level/availability_percent", variant="usage" if spec.fees.kind != "fixed" else "",
                  **_names(spec))


def personal_data_without_appi(spec: AiUseSpec) -> Iterator[Finding]:
    """Inputs with personal information, but no article on handling it as Japan's APPI requires."""
    if not spec.input_data.personal_data or (spec.personal_data is not None and spec.personal_data.provided_by):
        return
    yield finding("ai_use.personal_data_without_appi", "error", "/personal_data", **_names(spec))


def unlimited_model_changes(spec: AiUseSpec) -> Iterator[Finding]:
    """The provider may change the model at any time, without notice."""
    if spec.model_changes.rule != "free":
        return
    yield finding("ai_use.unlimited_model_changes", "warning", "/model_changes/rule", **_names(spec))


def overview(spec: AiUseSpec, locale: Locale) -> str:
    return locale.words.summary.overview.ai_use.format(**_names(spec), service=spec.service.name)


def key_terms(spec: AiUseSpec, locale: Locale) -> list[tuple[str, str]]:
    fees = spec.fees
    parts = []
    if fees.monthly_fee is not None:
        parts.append(locale.words.summary.overview.ai_use_monthly.format(amount=locale.money(fees.monthly_fee)))
    if fees.unit_price is not None and fees.unit is not None:
        parts.append(locale.words.summary.overview.ai_use_per_unit.format(amount=locale.money(fees.unit_price),
                                                                         unit=fees.unit))
    return [(locale.words.key_terms.fee, locale.join(parts))] if parts else []


AGREEMENT_TYPE = AgreementType(
    name="ai_use",
    spec_model=AiUseSpec,
    described_as=DESCRIBED_AS,
    stage=8,
    roles=Roles(required=("provider", "user"), why=message("roles.ai_use")),
    cross_check=cross_check,
    checks=(input_reuse_unlimited, model_without_code, usage_fees_without_availability, personal_data_without_appi,
            unlimited_model_changes),
    overview=overview,
    key_terms=key_terms,
    undrafted=NDA_ONLY_CONFIDENTIALITY,
)
