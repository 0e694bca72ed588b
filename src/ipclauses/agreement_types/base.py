"""What an agreement type is to ipclauses: one `AgreementType`, declared by one module.

A type's module (nda.py, poc.py, ...) defines the type's spec model, a `CommonSpec`
subclass whose `type` is the type's name, and declares in `AGREEMENT_TYPE` its
roles, its cross-field rules and its deal checks. The registry (this package's
`__init__`) finds every such module; the deal spec union, the JSON Schema,
validation (`loading`) and the deal checks (`checks.run_checks`) are built from it,
so registering a type extends them all. Only a type's module asks which type a
spec is: the core asks the spec's `AgreementType`.

Type modules import only `spec`, `errors`, `messages`, `unicode_safety`, `locales`, `wording`,
this module and `rules`, never `loading`, `checks` or `conditions`: those import the registry.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar, get_args

from ..errors import Problem
from ..messages import Message, Names, message
from ..spec import CommonSpec, Party

if TYPE_CHECKING:
    from ..agreement import ScheduleSection
    from ..locales import Locale

S = TypeVar("S", bound=CommonSpec)

@dataclass(frozen=True)
class Finding:
    """One deal-check finding: what, why it matters and what to do, with the JSON path to change.

    `message`, `why` and `fix` are in English (the reference locale). A deal check makes its
    finding with `finding()`, from the locales' `words.findings` templates and the spec values
    in `params`, so `in_locale` can give the same texts in any language. A finding made
    directly with its texts (the drafting checks') has no templates and reads the same in all.
    """

    id: str
    severity: str  # error: the draft would be defective; warning: valid but risky; info: worth a conversation
    path: str  # JSON pointer of the field to change
    message: str
    why: str
    fix: str
    params: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)
    variant: str = field(default="", compare=False, repr=False)  # which of the id's templates, when its sentences differ

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in asdict(self).items() if k in ("id", "severity", "path", "message", "why", "fix")}

    @property
    def template_key(self) -> str:
        """The key of this finding's texts in `Words.findings`."""
        return f"{self.id}#{self.variant}" if self.variant else self.id

    def in_locale(self, locale: Locale) -> Finding:
        """This finding with its message, why and fix in `locale`'s words (unchanged if it has no templates)."""
        templates = locale.words.findings.get(self.template_key)
        if templates is None:
            return self
        message, why, fix = (t.format(**self.params) for t in templates)
        return replace(self, message=message, why=why, fix=fix)


def finding(id: str, severity: str, path: str, *, variant: str = "", **params: object) -> Finding:
    """A deal-check finding whose texts are the locales' `findings` templates for `id` (and `variant`)."""
    from ..locales import reference_locale

    made = Finding(id, severity, path, "", "", "", params=params, variant=variant)
    if made.template_key not in reference_locale().words.findings:
        raise KeyError(f"no texts for the finding {made.template_key!r} in the locales' `findings`")
    return made.in_locale(reference_locale())


@dataclass(frozen=True, kw_only=True)
class Roles:
    """The party roles a deal uses.

    Each role in `required` needs exactly one party (`why` says why, in the message);
    once they are settled, any party whose role is neither required nor in `allowed`
    is refused, and `hint` says what else could fix it. Each is a catalogue message
    (`messages.message`), or a text that reads the same in every language.
    """

    required: tuple[str, ...] = ()
    why: str | Message = ""
    allowed: tuple[str, ...] = ()
    hint: str | Message = ""

    def __post_init__(self) -> None:
        if not self.required and not self.allowed:
            raise ValueError("Roles needs at least one required or allowed role")
        if self.required and not self.why:
            raise ValueError("Roles with required roles needs `why`, for the message")


def confidentiality_roles(spec: CommonSpec) -> Roles:
    """The default: every party is a "party", unless a one-way duty needs a discloser and a recipient."""
    if spec.confidentiality.direction == "one_way":
        return Roles(required=("discloser", "recipient"), why=message("roles.one_way_nda"))
    return Roles(allowed=("party",), hint=message("roles.or_one_way"))


def _no_problems(spec: CommonSpec) -> list[Problem]:
    return []


def _pays_something(spec: CommonSpec) -> bool:
    return False


def _no_overview(spec: CommonSpec, locale: Locale) -> str:
    return ""


def _no_sections(spec: CommonSpec, locale: Locale) -> list[ScheduleSection]:
    return []


def _no_key_terms(spec: CommonSpec, locale: Locale) -> list[tuple[str, str]]:
    return []


@dataclass(frozen=True)
class Deadline:
    """A duty the agreement gives a date for: the clause that sets it, the latest date it can fall on, and why."""

    clause_id: str
    due: dt.date
    path: str  # JSON pointer of the spec value that sets it
    what: str  # the duty, in words for the finding: "the decision on a next agreement"


def _no_deadlines(spec: CommonSpec) -> list[Deadline]:
    return []


@dataclass(frozen=True)
class Companion:
    """An agreement a build drafts beside this one, from this spec: its file name's part ("joint-filing-1"),
    its spec as JSON data, and where in this spec it comes from (a JSON pointer), so a problem with it is
    reported there."""

    name: str
    data: Mapping[str, Any]
    path: str


def _no_companions(spec: CommonSpec) -> list[Companion]:
    return []


@dataclass(frozen=True, kw_only=True)
class AgreementType(Generic[S]):
    """One kind of agreement: everything the core needs to know about it, in one place.

    `name` is the spec's "type" and the key in the clause library's `agreements`;
    `spec_model` must declare `type: Literal[name]`. `described_as` names the type in
    English validation messages ("an NDA"); a locale names it in its own language in
    `words.messages.agreement_types` (else messages use `described_as`). The names an
    agreement shows its reader are the Locale's (`words.agreement`).

    `stage` orders the types wherever they are listed (messages, the schema): the
    order a collaboration goes through them, NDA first.

    The hooks take the type's own model, so a type's rules never ask which type
    a spec is:
    - `roles`: the roles its parties may have (fixed, or from the spec);
    - `min_parties`/`max_parties`: how many parties it has (None: no upper bound
      beyond the spec's); all the shipped types but the consortium are bilateral;
    - `cross_check`: cross-field rules beyond the shared ones in `loading`,
      each problem naming the field to change;
    - `checks`: deal checks beyond the shared ones in `checks`;
    - `pays_nothing`: whether nothing is paid under the agreement (a cap at the
      fees paid is then zero), for the shared liability check;
    - `shares_materials`: whether the work itself has the parties show samples,
      demonstrations or sites, for the shared check of "marked"-only confidentiality;
    - `words`: its title and name in each language, when the locale modules do not
      have them;
    - `schedule`: the schedule's sections after the project context, in order;
    - `key_terms`: rows the key-terms table adds after the shared ones;
    - `deadlines`: duties with a date the spec fixes, so a drafting check can tell
      one that falls after the term from an article that survives it;
    - `undrafted`: shared spec fields (JSON pointers) its agreement has no text for; given, they are
      refused rather than silently left out, and the interview does not ask them;
    - `companions`: agreements a build drafts beside this one from the same spec (a joint R&D's joint
      patent application agreements), each validated with this spec;
    - `overview`: the summary's second sentence, what the deal does in a line, in
      the locale's words (empty: the summary's overview is its first sentence only).

    The order of a type's articles is each clause file's `order` for the type, in
    clause_library/: legal staff reorder articles there, without code.
    """

    name: str
    spec_model: type[S]
    described_as: str
    stage: int
    roles: Roles | Callable[[S], Roles] = confidentiality_roles
    min_parties: int = 2
    max_parties: int | None = 2
    cross_check: Callable[[S], list[Problem]] = _no_problems
    checks: tuple[Callable[[S], Iterator[Finding]], ...] = field(default=())
    pays_nothing: Callable[[S], bool] = _pays_something
    shares_materials: bool = False
    overview: Callable[[S, Locale], str] = _no_overview
    # Title and name by locale code, for a type whose words are not in the locale modules (a
    # plug-in type): {"en": ("Consortium Agreement", "Consortium Agreement")}. Shipped types
    # are named by each locale's words.agreement.
    words: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    schedule: Callable[[S, Locale], list[ScheduleSection]] = _no_sections
    key_terms: Callable[[S, Locale], list[tuple[str, str]]] = _no_key_terms
    deadlines: Callable[[S], list[Deadline]] = _no_deadlines
    companions: Callable[[S], list[Companion]] = _no_companions
    undrafted: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        declared = self.spec_model.model_fields.get("type")
        if declared is None or get_args(declared.annotation) != (self.name,):
            raise ValueError(f'{self.spec_model.__name__} must declare type: Literal["{self.name}"] for the type {self.name!r}')
        if self.min_parties < 2 or (self.max_parties is not None and self.max_parties < self.min_parties):
            raise ValueError(f"{self.name}: a deal has at least two parties, and max_parties is at least min_parties")
        if isinstance(self.roles, Roles):
            known = get_args(Party.model_fields["role"].annotation)
            unknown = [r for r in self.roles.required + self.roles.allowed if r not in known]
            if unknown:
                raise ValueError(f"{self.name}: no party can have the role {unknown[0]!r} (roles: {', '.join(known)})")

    # The core holds a spec as a CommonSpec; these give it to the hooks as the type's own model.

    def own(self, spec: CommonSpec) -> S:
        """The spec as this type's model (a spec of another type is a programming error)."""
        if not isinstance(spec, self.spec_model):
            raise TypeError(f"a {type(spec).__name__} is not a spec of the agreement type {self.name!r}")
        return spec

    def roles_for(self, spec: CommonSpec) -> Roles:
        return self.roles if isinstance(self.roles, Roles) else self.roles(self.own(spec))

    def problems(self, spec: CommonSpec) -> list[Problem]:
        return self.cross_check(self.own(spec))

    def findings(self, spec: CommonSpec) -> list[Finding]:
        own = self.own(spec)
        return [finding for check in self.checks for finding in check(own)]

    def unpaid(self, spec: CommonSpec) -> bool:
        return self.pays_nothing(self.own(spec))

    def overview_for(self, spec: CommonSpec, locale: Locale) -> str:
        return self.overview(self.own(spec), locale)

    def schedule_for(self, spec: CommonSpec, locale: Locale) -> list[ScheduleSection]:
        return self.schedule(self.own(spec), locale)

    def key_terms_for(self, spec: CommonSpec, locale: Locale) -> list[tuple[str, str]]:
        return self.key_terms(self.own(spec), locale)

    def deadlines_for(self, spec: CommonSpec) -> list[Deadline]:
        return self.deadlines(self.own(spec))

    def companions_for(self, spec: CommonSpec) -> list[Companion]:
        return self.companions(self.own(spec))


class Problems:
    """The problems of one spec, in the order found, each naming the field to change."""

    def __init__(self, spec: CommonSpec) -> None:
        self.found: list[Problem] = []
        self._ids = [p.id for p in spec.parties]

    def add(self, path: str, what: Message | str) -> None:
        """A problem at `path`: a catalogue message, or (a plug-in type's) text that reads the same in every language."""
        self.found.append(Problem.of(path, what) if isinstance(what, Message) else Problem(path, what))

    def party_ref(self, value: str | None, path: str) -> None:
        """A field that names a party must name one of the spec's parties."""
        if value is not None and value not in self._ids:
            self.add(path, message("rule.not_a_party", value=value, known=Names(tuple(self._ids))))

    def party_for_option(self, chosen: bool, value: str | None, path: str, *, missing: Message, unused: Message) -> None:
        """A party field an option needs (a lead party, a filing party, the capped party): named, and a party of
        the deal, when the option is chosen; left out when it is not."""
        if chosen:
            if value is None:
                self.add(path, missing)
            self.party_ref(value, path)
        elif value is not None:
            self.add(path, unused)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.found.extend(problems)


AnyAgreementType = AgreementType[Any]


# The confidentiality options only a non-disclosure agreement drafts (its copies, inspection, reverse-engineering
# and derived-IP articles): every other type lists them in `undrafted`.
NDA_ONLY_CONFIDENTIALITY = ("/confidentiality/copies", "/confidentiality/inspection",
                            "/confidentiality/reverse_engineering_banned", "/confidentiality/derived_ip_to_discloser")
