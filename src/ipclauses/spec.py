"""The deal spec: what a project lead decides, as pydantic v2 models.

These models are the single source of truth: the JSON Schema, the validation
messages and the clause selection conditions all derive from them. Every
default here is a balanced default taken from the public model contracts,
and `ipclauses validate --resolved` shows all of them.

This module holds what every agreement type shares (parties, money, the common
terms in `CommonSpec`). Each type's own spec model (`NdaSpec`, `PocSpec`, ...)
lives in its module under `agreement_types/`; `DealSpec`, `AnySpec`,
`SPEC_TYPES` and the type models are re-exported here from the registry, so
`from ipclauses.spec import NdaSpec` keeps working.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

SCHEMA_URL = "../schema/deal-spec.schema.json"

Text = Annotated[str, StringConstraints(min_length=1, max_length=100_000)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=500)]
PARTY_ID_PATTERN = r"^[a-z][a-z0-9_-]{0,31}$"
PartyId = Annotated[
    str,
    StringConstraints(pattern=PARTY_ID_PATTERN),
]
PositiveDays = Annotated[int, Field(gt=0, le=3650)]
PositiveMonths = Annotated[int, Field(gt=0, le=1200)]
Percent = Annotated[float, Field(ge=0, le=100)]
# Agreement dates lie within a few centuries; the bound keeps every term and survival period
# (at most 100 years each) computable, far from the calendar's end at 9999-12-31.
Date = Annotated[dt.date, Field(ge=dt.date(1900, 1, 1), le=dt.date(2999, 12, 31))]
# The most parties any deal may have; each agreement type says how many it has (agreement_types/).
MAX_PARTIES = 20


class SpecModel(BaseModel):
    """Base for every spec object: unknown fields are refused, never ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class AfterStart(SpecModel):
    """A deadline counted from the effective date instead of a calendar date: exactly one of days, weeks or
    months, e.g. {"weeks": 3} for "within 3 weeks from the effective date"."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1, "maxProperties": 1})

    days: PositiveDays | None = None
    weeks: Annotated[int, Field(gt=0, le=520)] | None = None
    months: PositiveMonths | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> AfterStart:
        given = [name for name in ("days", "weeks", "months") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError('give exactly one of "days", "weeks" or "months", e.g. {"weeks": 3}')
        return self


# A deadline: a calendar date ("2027-03-31") or a period after the effective date ({"weeks": 3}).
DueDate = Date | AfterStart


# --- parties -------------------------------------------------------------


class Representative(SpecModel):
    name: Name
    title: Name


class Party(SpecModel):
    id: PartyId
    legal_name: Name
    short_name: Name
    kind: Literal["large_company", "startup", "university", "other"]
    address: Name
    representative: Representative
    role: Literal[
        "party", "discloser", "recipient", "provider", "customer", "licensor", "licensee", "coordinator", "member", "user"
    ] = "party"


# --- common terms --------------------------------------------------------


Currency = Literal["JPY", "USD", "EUR", "GBP"]


class Money(SpecModel):
    amount: int = Field(ge=0, le=10**13)
    currency: Currency = "JPY"


class Purpose(SpecModel):
    description: Text
    project_name: Name | None = None
    limited_to_evaluation: bool = True


class PartyTasks(SpecModel):
    party: PartyId
    tasks: Text


class ProjectContext(SpecModel):
    """The collaboration checklist: used by the summary and the checks, not the legal text."""

    objective: Text | None = None
    kpis: list[Text] = Field(default_factory=list, max_length=200)
    roles: list[PartyTasks] = Field(default_factory=list, max_length=20)
    risk_split: Text | None = None
    decision_maker: Text | None = None


class PermittedRecipients(SpecModel):
    affiliates: bool = False
    advisers: bool = True
    third_parties_with_consent: bool = True


class EarlierNda(SpecModel):
    title: Name
    date: Date


class Confidentiality(SpecModel):
    direction: Literal["mutual", "one_way"] = "mutual"
    definition: Literal["all_disclosed", "marked", "marked_or_confirmed"] = "marked_or_confirmed"
    confirmation_days: PositiveDays = 14
    exclusions_proved_by: Literal["recipient", "discloser"] = "recipient"
    permitted_recipients: PermittedRecipients = Field(default_factory=PermittedRecipients)
    announcement: Literal["none", "either_may_announce", "agreed_text"] = "none"
    announcement_text: Text | None = None
    copies: Literal["within_purpose", "consent_required"] = "within_purpose"
    reverse_engineering_banned: bool = True
    inspection: bool = False
    return_certificate: bool = False
    survival_years: Annotated[int, Field(ge=0, le=100)] = 3
    trade_secrets_survive: bool = True
    supersedes_nda: EarlierNda | None = None
    derived_ip_to_discloser: bool = False


class PersonalData(SpecModel):
    """Personal information one party gives another under the agreement, handled as Japan's APPI
    (個人情報の保護に関する法律) requires: the agreement then has an article on security measures,
    subcontractors, re-identification, leaks, transfers abroad and return or deletion."""

    provided_by: list[PartyId] = Field(max_length=MAX_PARTIES)
    sensitive: bool = False
    cross_border: bool = False
    leak_notice_hours: Annotated[int, Field(ge=1, le=720)] = 24


class Renewal(SpecModel):
    automatic: bool = False
    renewal_months: PositiveMonths = 12
    notice_days: PositiveDays = 30


class Term(SpecModel):
    months: PositiveMonths
    renewal: Renewal = Field(default_factory=Renewal)


class Termination(SpecModel):
    breach_cure_days: PositiveDays = 30
    insolvency: bool = True
    change_of_control: bool = False


class LiabilityCap(SpecModel):
    kind: Literal["none", "amount", "fees_paid"] = "fees_paid"
    amount: Money | None = None
    floor: Money | None = None


class Liability(SpecModel):
    cap: LiabilityCap = Field(default_factory=LiabilityCap)
    cap_applies_to: Literal["both", "only"] = "both"
    capped_party: PartyId | None = None
    exclude_wilful_or_gross: bool = True
    indirect_damages_excluded: bool = True
    carve_outs: bool = True


class Arbitration(SpecModel):
    institution: Literal["JCAA", "ICC", "SIAC", "LCIA"] = "JCAA"
    seat: Name = "Tokyo"


class Disputes(SpecModel):
    governing_law: Literal["japan", "england_wales", "new_york", "singapore"] = "japan"
    forum: Literal["court", "ip_mediation_then_court", "arbitration"] = "court"
    mediation_months: Annotated[int, Field(gt=0, le=24)] = 3
    court: Name | None = "Tokyo District Court"
    arbitration: Arbitration | None = None


class Signing(SpecModel):
    electronic: bool = True
    counterparts: bool = True


class Remedies(SpecModel):
    penalty: Money | None = None
    injunction: bool = True


class NextStep(SpecModel):
    decision_months: PositiveMonths
    decider: PartyId | None = None
    next_agreement: Literal["poc", "jrd", "license"] = "jrd"
    fee_if_none: Money | None = None
    discount_if_follows: Percent | None = None


# --- results, ownership and usage scope ----------------------------------


class Deliverable(SpecModel):
    name: Name
    kind: Literal["report", "software", "data_set", "model", "invention", "design", "documents"]
    created_by: PartyId
    delivered: bool = True


class SoleOwnership(SpecModel):
    rule: Literal["sole"]
    owner: PartyId


class JointOwnership(SpecModel):
    rule: Literal["joint"]
    shares: Literal["equal", "by_contribution"] = "equal"


class InventorOwnership(SpecModel):
    rule: Literal["inventor"]


class FieldOwner(SpecModel):
    field: Name
    owner: PartyId


class FieldOwnership(SpecModel):
    rule: Literal["by_field"]
    fields: list[FieldOwner] = Field(min_length=1, max_length=20)
    otherwise: Literal["joint", "inventor"] = "joint"


class LaterOwnership(SpecModel):
    rule: Literal["decide_later"]


OwnershipRule = Annotated[
    SoleOwnership | JointOwnership | InventorOwnership | FieldOwnership | LaterOwnership,
    Field(discriminator="rule"),
]


class JointRules(SpecModel):
    each_may_practise: bool = True
    third_party_licensing: Literal["consent_required", "consent_given"] = "consent_required"
    cost_sharing: Literal["by_share", "equal"] = "by_share"
    non_practice_compensation_percent: Percent | None = None


# --- a jointly made invention (a joint filing agreement, or one a joint R&D drafts beside it) ---


class JointInventor(SpecModel):
    name: Name
    party: PartyId


class JointInvention(SpecModel):
    """The jointly made invention the agreement is about."""

    title: Name
    summary: Text | None = None
    inventors: list[JointInventor] = Field(default_factory=list, max_length=50)


SharePercent = Annotated[float, Field(gt=0, lt=100)]


class CoOwnerShare(SpecModel):
    party: PartyId
    percent: SharePercent


class JointApplication(SpecModel):
    """One application for the invention: filed (with its number) or to be filed."""

    route: Literal["japan", "pct", "foreign"] = "japan"
    country: Name | None = None
    number: Name | None = None
    filing_date: Date | None = None



class Results(SpecModel):
    deliverables: list[Deliverable] = Field(default_factory=list, max_length=200)
    ownership: OwnershipRule
    copyright_ownership: OwnershipRule | None = None
    joint_rules: JointRules = Field(default_factory=JointRules)
    no_moral_rights: bool = True


# --- AI development in a PoC or a joint R&D (METI's Contract Guidelines on AI and Data) ---------------

# Who owns a part of the trained model: the party that develops it, the other party, or both jointly.
AiOwner = Literal["developer", "partner", "joint"]


class AiTrainingData(SpecModel):
    """The data the model is trained on: what it is, who provides it (the party that does not develop the
    model, the developer itself, or both), and whether it holds personal information."""

    description: Text
    provided_by: Literal["partner", "developer", "both"] = "partner"
    personal_data: bool = False


class AiDevelopment(SpecModel):
    """An AI model developed under a PoC or a joint R&D: the stage, the training data, who owns and may use
    the trained model, its trained parameters and the inference program, derived data and outputs, and the
    tests the model is accepted on (its accuracy is never warranted)."""

    stage: Literal["assessment", "poc", "development", "further_training"]
    developer: PartyId
    model: Text
    training_data: AiTrainingData
    model_owner: AiOwner = "developer"
    parameters_owner: AiOwner | None = None
    inference_program_owner: AiOwner = "developer"
    partner_use: Literal["none", "purpose_only", "internal_business"] = "purpose_only"
    reuse: Literal["none", "with_consent", "except_competitors", "free"] = "with_consent"
    reuse_excluded: Name | None = None
    derived_data: Literal["data_provider", "developer", "joint"] = "data_provider"
    outputs: Literal["partner", "developer"] = "partner"
    acceptance_tests: Text | None = None


class Milestone(SpecModel):
    event: Name
    amount: Money


class Royalty(SpecModel):
    kind: Literal["free", "paid"]
    upfront: Money | None = None
    running_percent: Percent | None = None
    milestones: list[Milestone] = Field(default_factory=list, max_length=50)
    minimum_annual: Money | None = None
    report_frequency: Literal["quarterly", "half_yearly", "yearly"] = "half_yearly"
    payment_days: PositiveDays = 60
    audit: bool = True
    currency: Currency | None = None


class LicenceTerm(SpecModel):
    kind: Literal["agreement_term", "years", "patent_life"] = "agreement_term"
    years: Annotated[int, Field(gt=0, le=100)] | None = None


IpKind = Literal["patents", "know_how", "copyright", "trademark"]


def _default_subject() -> list[IpKind]:
    return ["patents", "know_how"]


class UsageScope(SpecModel):
    licensor: PartyId | None = None
    licensee: PartyId | None = None
    subject: list[IpKind] = Field(default_factory=_default_subject, min_length=1)
    field: Name | None = None
    products: Name | None = None
    territory: list[Name] = Field(default_factory=lambda: ["worldwide"], min_length=1)
    exclusivity: Literal["non_exclusive", "exclusive_then_non_exclusive", "exclusive"] = "non_exclusive"
    exclusive_months: PositiveMonths | None = None
    exclusive_perpetual: bool = False
    exclusive_from: Date | Literal["start", "report_acceptance"] = "start"
    registered_exclusive: bool = False
    non_use_fallback_months: PositiveMonths | None = None
    sublicensing: Literal["none", "affiliates", "named", "free"] = "none"
    sublicensees: list[Name] = Field(default_factory=list, max_length=50)
    term: LicenceTerm = Field(default_factory=LicenceTerm)
    royalty: Royalty


class OptionRight(SpecModel):
    kind: Literal["exclusive_licence", "assignment"]
    holder: PartyId
    exercise_months: PositiveMonths = 6
    fee: Money | None = None


class BackgroundItem(SpecModel):
    party: PartyId
    description: Text


class BackgroundIp(SpecModel):
    items: list[BackgroundItem] = Field(default_factory=list, max_length=100)
    licence_for_project: bool = True
    licence_for_exploitation: Literal["none", "negotiate", "non_exclusive_reasonable", "non_exclusive_free"] = (
        "negotiate"
    )
    royalty_percent: Percent | None = None


class Filing(SpecModel):
    by: Literal["owner", "each_for_own_share"] = "owner"
    costs: Literal["owner", "by_share"] = "by_share"
    advance_notice_days: PositiveDays = 30
    foreign_filing_by_other: bool = True


class Improvements(SpecModel):
    owner: Literal["improver", "original_owner"] = "improver"
    grant_back: Literal["none", "non_exclusive_free", "non_exclusive_sublicensable", "exclusive"] = "non_exclusive_free"
    notice_days: PositiveDays = 30


class Publication(SpecModel):
    notice_days: PositiveDays = 60
    delay_days: Annotated[int, Field(ge=0, le=3650)] = 90
    academic_freedom: bool = False


class NonCompete(SpecModel):
    scope: Name
    months: PositiveMonths
    after_term: Literal["third_parties_only", "own_and_third_parties"] = "third_parties_only"


class SteeringCommittee(SpecModel):
    members_per_party: Annotated[int, Field(gt=0, le=20)] = 2
    meets_every_months: Annotated[int, Field(gt=0, le=24)] = 3


class Costs(SpecModel):
    rule: Literal["each_bears_own", "one_party_pays"] = "each_bears_own"
    payer: PartyId | None = None
    amount: Money | None = None
    payment_days: PositiveDays = 30


class Schedule(SpecModel):
    milestone: Name
    due: DueDate


class PocWork(SpecModel):
    verification: Text
    report_deadline: DueDate
    acceptance_days: PositiveDays = 10
    fee: Money
    payment_days: PositiveDays = 30
    materials: Text | None = None
    report_use: Literal["purpose_only", "internal_business"] = "purpose_only"
    notice_of_filing: bool = False
    filing_notice_days: PositiveDays = 30
    filing_comment_days: PositiveDays = 14
    feedback_free_use: bool = False
    subcontracting_allowed: bool = False


class JrdWork(SpecModel):
    theme: Text
    roles: list[PartyTasks] = Field(min_length=1, max_length=20)
    schedule: list[Schedule] = Field(default_factory=list, max_length=100)
    steering_committee: SteeringCommittee | None = None
    costs: Costs = Field(default_factory=Costs)
    materials: Text | None = None


class LicensedPatent(SpecModel):
    number: Name
    title: Name


class LicensedRights(SpecModel):
    patents: list[LicensedPatent] = Field(default_factory=list, max_length=500)
    know_how: Text | None = None
    trademarks: list[Name] = Field(default_factory=list, max_length=100)
    sell_off_months: Annotated[int, Field(ge=0, le=60)] = 6
    export_control: bool = True


# --- the deal spec, discriminated by agreement type -----------------------


class Titles(SpecModel):
    """A title in each language of a bilingual agreement; a language left out gets its standard title."""

    ja: Name | None = None
    en: Name | None = None


# Two codes joined by "+" draft the agreement in both languages side by side, the first prevailing.
DocumentLanguage = Literal["ja", "en", "ja+en", "en+ja"]
DOCUMENT_LANGUAGES: tuple[str, ...] = get_args(DocumentLanguage)


class CommonSpec(SpecModel):
    schema_url: str | None = Field(None, alias="$schema")
    language: DocumentLanguage
    # A string is in the (prevailing) language; Titles gives one per language.
    title: Name | Titles | None = None
    parties: list[Party] = Field(min_length=2, max_length=MAX_PARTIES)
    effective_date: Date
    signing_date: Date | None = None
    purpose: Purpose
    project: ProjectContext = Field(default_factory=ProjectContext)
    confidentiality: Confidentiality = Field(default_factory=Confidentiality)
    personal_data: PersonalData | None = None
    term: Term
    termination: Termination = Field(default_factory=Termination)
    liability: Liability = Field(default_factory=Liability)
    disputes: Disputes = Field(default_factory=Disputes)
    signing: Signing = Field(default_factory=Signing)
    key_terms_table: bool = True
    late_interest_percent: Annotated[float, Field(gt=0, le=30)] | None = None
    # Last, so that in each type's model `type` comes after the common fields, as it always has.
    type: str

    def party(self, party_id: str | None) -> Party | None:
        """The party with this id, or None."""
        return next((p for p in self.parties if p.id == party_id), None)

    def parties_with_role(self, role: str) -> list[Party]:
        """Every party that has this role, in the order given."""
        return [p for p in self.parties if p.role == role]


def given(model: BaseModel, name: str) -> bool:
    """Whether the user gave this field a value other than its default.

    An agreement embeds its spec with every default filled in (assemble.resolved_spec), and that
    spec must load again: a rule that refuses a field where it is unused must accept its default.
    """
    if name not in model.model_fields_set:
        return False
    return bool(getattr(model, name) != type(model).model_fields[name].get_default(call_default_factory=True))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has no such day (31 Jan + 1 = 28/29 Feb)."""
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_date(start: dt.date, due: DueDate) -> dt.date:
    """The calendar date of a deadline: the date itself, or the last day of the period from `start`, which
    counts as its first day as the term does (the agreement takes effect at the start of that day, Civil Code
    art. 140): "within 3 weeks from 1 April" ends on 21 April, "within 1 month from 1 April" on 30 April."""
    if isinstance(due, dt.date):
        return due
    if due.months is not None:
        return add_months(start, due.months) - dt.timedelta(days=1)
    days = due.days if due.days is not None else 7 * (due.weeks or 0)
    return start + dt.timedelta(days=days - 1)


def term_end(spec: CommonSpec) -> dt.date:
    """The last day of the initial term."""
    return add_months(spec.effective_date, spec.term.months) - dt.timedelta(days=1)


# --- the agreement types' models, from the registry ---------------------------------
#
# Each agreement type's module defines its spec model; the registry builds the union.
# They are looked up when first asked for (PEP 562), because the type modules import
# this module: importing them here would be an import cycle.

if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import TypeAlias

    from .agreement_types.jrd import JrdSpec as JrdSpec
    from .agreement_types.license import LicenseSpec as LicenseSpec
    from .agreement_types.nda import NdaSpec as NdaSpec
    from .agreement_types.poc import PocSpec as PocSpec

    # The union of the registered types' models; to a type checker, of the shipped ones, so that
    # code that still narrows on spec.type can. Code that works for any type takes a CommonSpec
    # and asks the spec's AgreementType (agreement_types.type_of) for the rest.
    AnySpec: TypeAlias = NdaSpec | PocSpec | JrdSpec | LicenseSpec
    # The same union, discriminated by "type", as pydantic validates it.
    DealSpec: TypeAlias = Annotated[AnySpec, Field(discriminator="type")]
    # Each registered type's spec model by name, live: a type registered later is in it.
    SPEC_TYPES: Mapping[str, type[CommonSpec]]
else:

    def __getattr__(name: str) -> Any:
        from . import agreement_types

        if name == "AnySpec":
            return agreement_types.spec_union()
        if name == "DealSpec":
            return agreement_types.deal_spec()
        if name == "SPEC_TYPES":
            return agreement_types.SPEC_MODELS
        for kind in agreement_types.types():
            if kind.spec_model.__name__ == name:
                return kind.spec_model
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def language_defaults(data: dict[str, Any]) -> dict[str, Any]:
    """Defaults that are written into the text follow the agreement's (prevailing) language.

    Applied to the JSON data before validation (a model validator would see Python
    values and break strict JSON-mode parsing of dates).
    """
    if not isinstance(data, dict) or str(data.get("language", "")).split("+")[0] != "ja":
        return data
    disputes = data.get("disputes", {})
    if not isinstance(disputes, dict):
        return data
    disputes = dict(disputes)
    if disputes.get("forum", "court") != "arbitration" and "court" not in disputes:
        disputes["court"] = "東京地方裁判所"
    arbitration = disputes.get("arbitration")
    if isinstance(arbitration, dict) and "seat" not in arbitration:
        disputes["arbitration"] = {**arbitration, "seat": "東京"}
    return {**data, "disputes": disputes}

