"""The interview's questions: the question model, the `QUESTIONS` table, and the spec the answers make.

`QUESTIONS` is the whole interview, one table in deal order: type, parties, purpose, the work,
results and ownership (with the ownership guide of `interview_guide`), background IP, scope of
use, confidentiality, money, term and disputes. Each question names the spec field it fills (its
id is the field's path, "confidentiality.definition", unless it says otherwise), its kind, its
default, and when it applies given the answers before it; a question that does not apply is
skipped, and its answer, if any, is dropped. Detail questions sit behind a "more" question per
section whose default is no, so a project lead answers the decisions and keeps the balanced
defaults for the rest.

`applies` and `default_of` read a question against the answers so far; `build_spec` puts each
answer at its field, in deal order, and `question_for` finds the questions behind a problem at a
JSON pointer. What the interview's words and session read of the answers (`party_names`,
`favoured_party`) and of the spec's fields (`field_targets`) is here too.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import re
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from . import agreement_types, schema_text
from .agreement_types import Roles
from .interview_guide import BOTH, EACH, NO_LICENCE, OPTION, GuideAnswers, Recommendation, recommend
from .locales import Locale, prevailing_locale
from .spec import (
    MAX_PARTIES,
    PARTY_ID_PATTERN,
    CommonSpec,
    Confidentiality,
    FieldOwnership,
    InventorOwnership,
    JointOwnership,
    LaterOwnership,
    Money,
    Party,
    SoleOwnership,
    add_months,
)

__all__ = ["ANSWERED", "FROM_SPEC", "NO_DEFAULT", "QUESTIONS", "QUESTIONS_BY_ID", "Answers", "Choices", "Kind", "Question",
           "applies", "build_spec", "default_currency", "default_of", "favoured_party", "field_targets", "item_context",
           "party_names", "put_provided_by", "question_for", "recommendation", "spec_text", "unsaid"]

Kind = Literal["choice", "text", "number", "date", "list", "yes_no", "records", "money"]
Answers = Mapping[str, Any]


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()
FROM_SPEC: Any = _NoDefault()  # a question's default unless it says: the spec's own default for its field
ANSWERED = object()  # a `when` value: the answer is given (not None, not empty)


@dataclass(frozen=True)
class Choices:
    """Where a choice question's options come from.

    By default the options of the question's field in the schema text (`schema`). `values` gives the
    option values from the answers instead, still explained by the schema text; `parties` lists each
    party by its short name; `own` adds the interview's own options (the Locale's `interview.choices`),
    such as "both" or "none", after the others or, with `own_first`, before them.
    """

    values: Callable[[Answers], Sequence[str]] | None = None
    parties: bool = False
    own: tuple[str, ...] = ()
    own_first: bool = False
    schema: bool = True


@dataclass(frozen=True)
class Question:
    """One question: what it fills, how it is answered, its default and when it applies.

    - `to`: the JSON pointer it fills; by default its id as a path ("a.b" -> "/a/b"); "" fills nothing
      (a question that only steers the interview); `put` fills other fields instead, `fills` naming them;
    - `when`: answers by question id that make it apply: a value, a tuple of values, or ANSWERED;
      `test` is any further condition;
    - `default`: a value or a function of the answers so far; by default the spec's own default for
      the field (FROM_SPEC), none for a required field; `optional`: an empty answer leaves the field out;
    - `settled`: when it holds, the default is taken without asking (an accepted recommendation);
    - `field`: the spec path, or "Model.field", whose schema text it shows, when not its id;
    - `words`: the key of its text in the Locale's `interview.questions`, when not its id;
    - `many` (choice): several options; `integer` (number): a whole number; `period` (date): or a period
      after the effective date, such as 12 weeks;
    - `items` (records): the fields asked for each item of the list;
    - `note`: what to show before asking, such as the recommendation the question asks to accept.
    """

    id: str
    kind: Kind
    section: str = ""
    when: Mapping[str, Any] = field(default_factory=dict)
    test: Callable[[Answers], bool] | None = None
    default: Any = FROM_SPEC
    optional: bool = False
    to: str | None = None
    put: Callable[[Any, Answers], list[tuple[str, Any]]] | None = None
    fills: tuple[str, ...] = ()
    field: str | None = None
    words: str | None = None
    choices: Choices | None = None
    many: bool = False
    integer: bool = True
    period: bool = False
    items: tuple[Question, ...] = ()
    settled: Callable[[Answers], bool] | None = None
    note: Callable[[Answers, Locale], str] | None = None

    @property
    def pointer(self) -> str:
        return "/" + self.id.replace(".", "/") if self.to is None else self.to

    @property
    def pointers(self) -> tuple[str, ...]:
        """The JSON pointers it fills, so a validation problem there can be traced back to it."""
        return self.fills or ((self.pointer,) if self.pointer else ())


# --- the spec's fields ----------------------------------------------------------------------------


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found += [m for m in _models_in(arg) if m not in found]
    return found


def _targets(model: type[BaseModel], path: str) -> list[tuple[type[BaseModel], str]]:
    """The (model, field) pairs a dotted spec path ends at: several where a union offers the field."""
    models, found = [model], []
    for part in (p for p in path.split(".") if not p.isdigit()):
        found = [(m, name) for m in models for name, info in m.model_fields.items() if part in (name, info.alias)]
        models = [inner for m, name in found for inner in _models_in(m.model_fields[name].annotation)]
    return found


def _spec_model(answers: Answers) -> type[BaseModel]:
    kind = answers.get("type")
    return agreement_types.SPEC_MODELS.get(kind, CommonSpec) if isinstance(kind, str) else CommonSpec


# --- reading the answers ---------------------------------------------------------------------


def _is(answers: Answers, key: str, *values: Any) -> bool:
    return answers.get(key) in values


def _many_parties(answers: Answers) -> bool:
    """Whether the deal's type may have more than two parties (a consortium): then the interview asks how many."""
    try:
        kind = agreement_types.get_type(str(answers.get("type")))
    except LookupError:
        return False
    return kind.max_parties is None or kind.max_parties > 2


def _fewest_parties(answers: Answers) -> int:
    try:
        return agreement_types.get_type(str(answers.get("type"))).min_parties
    except LookupError:
        return 2


def _party_count(answers: Answers) -> int:
    """How many parties the deal has: two, or as many as the answer to "parties.count" says."""
    count = answers.get("parties.count")
    return min(count, MAX_PARTIES) if isinstance(count, int) and count > 0 and _many_parties(answers) else 2


def _party_numbers(answers: Answers) -> range:
    return range(_party_count(answers))


def _party_ids(answers: Answers) -> list[str]:
    return [answers[f"parties.{n}.id"] for n in _party_numbers(answers) if answers.get(f"parties.{n}.id")]


def party_names(answers: Answers) -> dict[str, str]:
    """Each party id's short name (or legal name), as the questions show them."""
    return {answers[f"parties.{n}.id"]: answers.get(f"parties.{n}.short_name") or answers.get(f"parties.{n}.legal_name") or ""
            for n in _party_numbers(answers) if answers.get(f"parties.{n}.id")}


def _of_kind(answers: Answers, kind: str) -> str | None:
    found = [answers[f"parties.{n}.id"] for n in _party_numbers(answers) if answers.get(f"parties.{n}.kind") == kind]
    return found[0] if len(found) == 1 else None


def _other(answers: Answers, party: str | None) -> str | None:
    return next((p for p in _party_ids(answers) if p != party), None)


def _university(answers: Answers) -> bool:
    return _of_kind(answers, "university") is not None


def _first(*candidates: str | None) -> str | None:
    return next((c for c in candidates if c), None)


def _slug(answers: Answers, n: int) -> str:
    """A party id from its names: lower-case ASCII words joined by "-", or party1, party2."""
    for key in (f"parties.{n}.short_name", f"parties.{n}.legal_name"):
        words = re.findall(r"[a-z0-9]+", str(answers.get(key) or "").lower())
        words = [w for w in words if w not in ("the", "inc", "ltd", "co", "kk", "corporation", "corp")]
        slug = "-".join(words)[:32].strip("-")
        if re.fullmatch(PARTY_ID_PATTERN, slug):
            return slug
    return f"party{n + 1}"


def _by_type(**values: Any) -> Callable[[Answers], Any]:
    """A default that depends on the agreement type: the spec's own where the type is not named."""
    return lambda answers: values.get(str(answers.get("type")), FROM_SPEC)


def recommendation(answers: Answers) -> Recommendation | None:
    """The ownership guide's recommendation for the answers so far, once its questions are answered."""
    keys = ("guide.core_technology", "guide.payer", "guide.exploiter")
    if answers.get("guide") is not True or not all(k in answers for k in keys) or len(_party_ids(answers)) != 2:
        return None
    parties = tuple((answers[f"parties.{n}.id"], answers.get(f"parties.{n}.kind", "other")) for n in (0, 1))
    return recommend(GuideAnswers(parties, answers["guide.core_technology"], answers["guide.payer"],
                                  answers["guide.exploiter"], bool(answers.get("guide.separate_fields")),
                                  bool(answers.get("guide.publish"))))


def _recommendation_text(answers: Answers, locale: Locale) -> str:
    rec = recommendation(answers)
    return "" if rec is None else rec.text(party_names(answers), locale)


def _accepted(answers: Answers) -> bool:
    return answers.get("guide.accept") is True and recommendation(answers) is not None


def _recommended(pick: Callable[[Recommendation], Any], otherwise: Any) -> Callable[[Answers], Any]:
    """A default from the recommendation when there is one, else `otherwise` (a value or a function)."""
    def default(answers: Answers) -> Any:
        rec = recommendation(answers)
        if rec is not None:
            return pick(rec)
        return otherwise(answers) if callable(otherwise) else otherwise
    return default


def _owner(answers: Answers) -> str | None:
    return answers.get("results.ownership.owner") if _is(answers, "results.ownership.rule", "sole") else None


def _sole(answers: Answers) -> bool:
    return _is(answers, "results.ownership.rule", "sole")


def _licence_on(answers: Answers) -> bool:
    """Whether the deal has a licence: always where the type requires one, else when asked for."""
    return _has("licence")(answers) and (answers.get("licence") is True or not _optional("licence")(answers))


def _paid(answers: Answers) -> bool:
    return _licence_on(answers) and answers.get("licence.royalty.kind") == "paid"


def _running(answers: Answers) -> bool:
    return _paid(answers) and answers.get("licence.royalty.running_percent") is not None


def _joint_results(answers: Answers) -> bool:
    rules = (answers.get("results.ownership.rule"), answers.get("results.copyright_ownership.rule"))
    return any(rule in ("joint", "inventor", "by_field") for rule in rules)


def _exclusive(answers: Answers) -> bool:
    return _licence_on(answers) and answers.get("licence.exclusivity") in ("exclusive", "exclusive_then_non_exclusive")


def _licence_term_kind(answers: Answers) -> str:
    """A licence agreement's licence lasts as long as its patents. An exclusive licence of a PoC's or a joint
    R&D's results lasts years (which its exclusivity needs), not the months of the project that made them."""
    if answers.get("type") == "license":
        return "patent_life"
    return "years" if _exclusive(answers) else "agreement_term"


def _customer(answers: Answers) -> str | None:
    """The PoC's customer: the party that is not the provider."""
    provider = answers.get("roles.provider")
    return _other(answers, provider) if provider else None


def _provider(answers: Answers) -> str | None:
    return answers.get("roles.provider")


@cache
def _field_exists(model: type[BaseModel], path: str) -> bool:
    return bool(_targets(model, path))


def _has(path: str) -> Callable[[Answers], bool]:
    """Whether the deal's type has a field: a PoC has "poc", a licence agreement "licensed"."""
    return lambda answers: _field_exists(_spec_model(answers), path)


def _optional(path: str) -> Callable[[Answers], bool]:
    """Whether the deal's type has a field and may leave it out (a PoC's licence; a licence agreement's is required)."""
    def optional(answers: Answers) -> bool:
        targets = _targets(_spec_model(answers), path)
        return bool(targets) and not targets[0][0].model_fields[targets[0][1]].is_required()
    return optional


def _required_roles(answers: Answers) -> tuple[str, ...]:
    """The roles the deal's type requires of its parties, in its order: ("provider", "customer") for a PoC."""
    try:
        kind = agreement_types.get_type(str(answers.get("type")))
    except LookupError:
        return ()
    roles = kind.roles
    if not isinstance(roles, Roles):  # it depends on the spec: so far, on the direction of confidentiality
        direction = answers.get("confidentiality.direction") or "mutual"
        roles = roles(kind.spec_model.model_construct(confidentiality=Confidentiality(direction=direction)))
    return roles.required


def _next_month(today: dt.date) -> dt.date:
    return add_months(today.replace(day=1), 1)


def _more(section: str) -> dict[str, Any]:
    return {f"more.{section}": True}


@cache
def _balance_labels() -> dict[str, str]:
    """Each balance label's `favours` (a role, a party kind, "owner" or "non_owner"), from the clause library."""
    from .library import load_library

    return {key: str(entry.get("favours", "")) for key, entry in load_library().vocabulary["balance"].items()}


_ROLE_QUESTIONS = {"discloser": ("roles.discloser", False), "recipient": ("roles.discloser", True),
                   "provider": ("roles.provider", False), "customer": ("roles.provider", True),
                   "licensor": ("roles.licensor", False), "licensee": ("roles.licensor", True),
                   "user": ("roles.provider", True)}


def favoured_party(balance: str | None, answers: Answers) -> str | None:
    """The party a balance label favours in this deal so far (a party id), or None when it is not known yet."""
    favours = _balance_labels().get(balance or "", "")
    if favours in ("startup", "large_company", "university"):
        return _of_kind(answers, favours)
    if favours in ("owner", "non_owner"):
        owner = _owner(answers)
        return owner if favours == "owner" or owner is None else _other(answers, owner)
    if favours in ("licensor", "licensee") and _optional("licence")(answers):
        licensee = answers.get("licence.licensee") or _other(answers, answers.get("licence.licensor") or _owner(answers))
        return (licensee if favours == "licensee" else _other(answers, licensee)) if licensee else None
    if favours in _ROLE_QUESTIONS:
        key, other = _ROLE_QUESTIONS[favours]
        chosen = answers.get(key)
        return (_other(answers, chosen) if other else chosen) if chosen else None
    return None


# --- what an answer puts into the spec -------------------------------------------------------------


def _roles(party: Any, answers: Answers) -> list[tuple[str, Any]]:
    """The party chosen takes the first role the type requires, and the other party the second."""
    first, second = _required_roles(answers)[:2]
    return [(f"/parties/{n}/role", first if answers.get(f"parties.{n}.id") == party else second) for n in (0, 1)]


def _role(first: str, default: Callable[[Answers], Any]) -> Question:
    """Which party takes a role, when the deal's type requires it and one other of its parties."""
    return _q(f"roles.{first}", "choice", to="", fills=_ROLES_FILLS, choices=_PARTY_CHOICE, put=_roles, default=default,
              test=lambda a: len(_required_roles(a)) == 2 and _required_roles(a)[0] == first)


def _unless(*skipped: str) -> Callable[[Any, Answers], list[tuple[str, Any]]]:
    """Put the value at the question's pointer unless it is one of the interview's own options."""
    def put(value: Any, answers: Answers) -> list[tuple[str, Any]]:
        return [] if value in skipped else [("", value)]
    return put


def put_provided_by(value: Any, answers: Answers) -> list[tuple[str, Any]]:
    if value == "unstated":
        return []
    parties = _party_ids(answers)
    chosen = [] if value == "none" else parties if value == BOTH else [value] if isinstance(value, str) else list(value)
    return [("/personal_data/provided_by", chosen)]


# --- the interview --------------------------------------------------------------------------------


def _q(id: str, kind: Kind, **kw: Any) -> Question:
    return Question(id, kind, **kw)


def _party(n: int) -> list[Question]:
    """The questions on the party in position n: the first two always, a third and later ones when the deal has them."""
    at = f"parties.{n}"
    test = None if n < 2 else (lambda a, n=n: n < _party_count(a))
    return [
        _q(f"{at}.legal_name", "text", words="party.legal_name", test=test),
        _q(f"{at}.short_name", "text", words="party.short_name", test=test),
        _q(f"{at}.id", "text", words="party.id", default=lambda a, n=n: _slug(a, n), settled=lambda a: True, test=test),
        _q(f"{at}.kind", "choice", words="party.kind", test=test),
        _q(f"{at}.address", "text", words="party.address", test=test),
        _q(f"{at}.representative.name", "text", words="party.representative.name", test=test),
        _q(f"{at}.representative.title", "text", words="party.representative.title", test=test),
    ]


def _one_role(party: Any, answers: Answers) -> list[tuple[str, Any]]:
    """The party chosen takes the one role the type requires (a consortium's coordinator), every other party the
    first role it allows (member)."""
    try:
        roles = agreement_types.get_type(str(answers.get("type"))).roles
    except LookupError:
        return []
    if not isinstance(roles, Roles) or len(roles.required) != 1:
        return []
    (role,), other = roles.required, (roles.allowed or ("party",))[0]
    return [(f"/parties/{n}/role", role if answers.get(f"parties.{n}.id") == party else other)
            for n in _party_numbers(answers)]


_PARTY_CHOICE = Choices(parties=True, schema=False)
# The ownership rules, in the order the spec lists them.
_RULES = tuple(typing.get_args(m.model_fields["rule"].annotation)[0]
               for m in (SoleOwnership, JointOwnership, InventorOwnership, FieldOwnership, LaterOwnership))
_ROLES_FILLS = ("/parties/0/role", "/parties/1/role")
_ALL_ROLES_FILLS = tuple(f"/parties/{n}/role" for n in range(MAX_PARTIES))


def _unlisted_party(answers: Answers) -> Any:
    """The first party the list does not name yet."""
    listed = [item.get("party") for item in answers.get("_items", [])]
    return next((p for p in _party_ids(answers) if p not in listed), NO_DEFAULT)


def _party_without_work(answers: Answers) -> Any:
    """The first party that leads no work package yet."""
    leading = [item.get("lead") for item in answers.get("_items", [])]
    return next((p for p in _party_ids(answers) if p not in leading), NO_DEFAULT)


def _party_tasks(id: str, **kw: Any) -> Question:
    return _q(id, "records", items=(_q("party", "choice", choices=_PARTY_CHOICE, default=_unlisted_party), _q("tasks", "text")),
              **kw)


def _section(name: str, *questions: Question | list[Question]) -> list[Question]:
    flat = [q for item in questions for q in (item if isinstance(item, list) else [item])]
    return [replace(q, section=name) for q in flat]


def _court_default(key: str) -> Callable[[Answers], Any]:
    """A court or seat written into the agreement: the default of the agreement's language, else the spec's."""
    def default(answers: Answers) -> Any:
        try:
            return prevailing_locale(str(answers.get("language"))).spec_defaults.get(key, FROM_SPEC)
        except LookupError:
            return FROM_SPEC
    return default


def _next_stage(answers: Answers) -> Any:
    """The next agreement on the path NDA -> PoC -> joint R&D -> licence, as the types' stages order them."""
    names = agreement_types.names()
    kind = str(answers.get("type"))
    return names[names.index(kind) + 1] if kind in names[:-1] else FROM_SPEC


# A question whose field a type's spec does not have never applies to that type (`applies`). These are
# the rules of the types' own cross-checks (agreement_types/) for fields every type's model shares.
PAYS = {"type": ("poc", "jrd", "license", "data_provision", "ai_use")}  # an NDA has no payments
EARLIER_NDA = {"type": ("poc", "jrd", "ai_use")}  # only these replace an earlier NDA
ANNOUNCES = {"type": ("nda", "jrd")}  # only these draft an announcement
ONE_WAY = {"type": ("nda",)}  # only an NDA may protect one party's information alone
NDA_ADD_ON = {"type": ("nda",)}  # IP arising from the disclosed information goes to the discloser
NEXT_STEP_FEES = {"type": ("poc",)}  # a fee if no next agreement follows, or a discount if one does
COMPENSATION = {"type": ("jrd",)}  # a joint R&D drafts non-practice compensation
REGISTERED = {"type": ("license",)}  # a registered exclusive licence needs the listed patents

def _anything_more(section: str) -> Callable[[Answers], bool]:
    """A "more" question is asked only when some detail behind it applies (a joint filing drafts none of
    confidentiality's)."""
    key = f"more.{section}"

    def test(answers: Answers) -> bool:
        opened = {**answers, key: True}
        return any(key in q.when and applies(q, opened) for q in QUESTIONS)

    return test


QUESTIONS: tuple[Question, ...] = tuple([
    *_section(
        "deal",
        _q("type", "choice", choices=Choices(values=lambda a: agreement_types.names())),
        _q("language", "choice", default=lambda a: a.get("_interview_language", NO_DEFAULT)),
        _q("title", "text", optional=True),
    ),
    *_section(
        "parties",
        # A type with more than two parties (a consortium) asks how many; a bilateral one has two.
        _q("parties.count", "number", to="", fills=("/parties",), test=_many_parties, default=_fewest_parties),
        *(_party(n) for n in range(MAX_PARTIES)),
        # The other types are mutual: they take the default without asking.
        _q("confidentiality.direction", "choice", settled=lambda a: not _is(a, "type", *ONE_WAY["type"])),
        _role("discloser", lambda a: _first(_of_kind(a, "startup"), _of_kind(a, "university"), *_party_ids(a))),
        _role("provider", lambda a: _first(_of_kind(a, "startup"), *_party_ids(a))),
        _role("licensor", lambda a: _first(_of_kind(a, "university"), _of_kind(a, "startup"), *_party_ids(a))),
        _q("roles.coordinator", "choice", to="", fills=_ALL_ROLES_FILLS, choices=_PARTY_CHOICE, put=_one_role,
           default=lambda a: _first(_of_kind(a, "university"), *_party_ids(a)),
           test=lambda a: _required_roles(a) == ("coordinator",)),
    ),
    *_section(
        "purpose",
        _q("purpose.description", "text"),
        _q("purpose.project_name", "text", optional=True),
        # Exploration narrows the purpose to evaluating; research and licences go beyond it.
        _q("purpose.limited_to_evaluation", "yes_no", default=_by_type(jrd=False, license=False)),
        _q("project.objective", "text", optional=True),
        _q("project.kpis", "list"),
        _party_tasks("project.roles"),
        _q("project.risk_split", "text", optional=True),
        _q("project.decision_maker", "text", optional=True),
    ),
    *_section(
        "work",
        _q("poc.verification", "text"),
        _q("poc.report_deadline", "date", period=True),
        _q("poc.materials", "text", optional=True),
        _q("poc.report_use", "choice"),
        _q("poc.acceptance_days", "number"),
        _q("poc.notice_of_filing", "yes_no"),
        _q("poc.feedback_free_use", "yes_no"),
        _q("poc.subcontracting_allowed", "yes_no"),
        _q("jrd.theme", "text"),
        _party_tasks("jrd.roles", default=lambda a: a.get("project.roles") or NO_DEFAULT),
        _q("jrd.schedule", "records",
           items=(_q("milestone", "text"), _q("due", "date", period=True))),
        _q("jrd.steering_committee", "yes_no", to="", default=False),
        _q("jrd.steering_committee.members_per_party", "number", when={"jrd.steering_committee": True}),
        _q("jrd.steering_committee.meets_every_months", "number", when={"jrd.steering_committee": True}),
        _q("jrd.costs.rule", "choice"),
        _q("jrd.costs.payer", "choice", choices=_PARTY_CHOICE, when={"jrd.costs.rule": "one_party_pays"},
           default=lambda a: _first(_of_kind(a, "large_company"), *_party_ids(a))),
        _q("jrd.materials", "text", optional=True),
        _q("more.work", "yes_no", to="", test=_has("poc"), default=False),
        _q("poc.filing_notice_days", "number", when={"more.work": True, "poc.notice_of_filing": True}),
        _q("poc.filing_comment_days", "number", when={"more.work": True, "poc.notice_of_filing": True}),
    ),
    # --- consortium ---
    *_section(
        "consortium",
        _q("consortium.theme", "text"),
        _q("consortium.work_packages", "records", items=(
            _q("name", "text"),
            _q("lead", "choice", choices=_PARTY_CHOICE, default=_party_without_work),
            _q("tasks", "text"),
        )),
        _q("consortium.budget", "records", items=(
            _q("party", "choice", choices=_PARTY_CHOICE, default=_unlisted_party), _q("amount", "money"))),
        _q("consortium.committee.members_per_party", "number"),
        _q("consortium.committee.meets_every_months", "number"),
        _q("consortium.committee.voting", "choice"),
        _q("consortium.committee.unanimous_matters", "choice", many=True, when={"consortium.committee.voting": "majority"}),
        _q("consortium.committee.background_veto", "yes_no"),
        _q("consortium.committee.deadlock", "choice"),
        _q("membership.new_members", "yes_no"),
        _q("membership.leaving", "choice"),
        _q("membership.leaving_notice_days", "number", when={"membership.leaving": "notice"}),
        _q("membership.leaver_results", "choice"),
        _q("membership.leaver_access", "choice"),
        _q("ownership.rule", "choice"),
        _q("ownership.lead_party", "choice", choices=_PARTY_CHOICE, when={"ownership.rule": "lead_party"},
           default=lambda a: _first(_of_kind(a, "large_company"), *_party_ids(a))),
        _q("ownership.joint_shares", "choice", when={"ownership.rule": "joint_creators"}),
        _q("access.exploitation.university", "choice"),
        _q("access.exploitation.startup", "choice"),
        _q("access.exploitation.large_company", "choice"),
        _q("access.exploitation.other", "choice"),
        _q("access.request_months", "number"),
        _q("access.exploiters", "list"),
        _q("publication.objection_days", "number"),
        _q("funding", "yes_no", to="", default=False),
        _q("funding.funder", "text", when={"funding": True}),
        _q("funding.programme", "text", when={"funding": True}),
        _q("funding.bayh_dole", "yes_no", when={"funding": True}),
        _q("funding.report_days", "number", when={"funding": True}),
    ),
    # --- joint_filing ---
    *_section(
        "joint_filing",
        _q("invention.title", "text"),
        _q("invention.summary", "text", optional=True),
        _q("invention.inventors", "records", items=(
            _q("name", "text"), _q("party", "choice", choices=_PARTY_CHOICE))),
        _q("applications", "records", items=(
            _q("route", "choice"),
            _q("country", "text", test=lambda a: a.get("applications.route") == "foreign"),
            _q("number", "text", optional=True),
            _q("filing_date", "date", optional=True),
        )),
        _q("ownership.shares", "choice"),
        _q("ownership.stated_shares", "records", when={"ownership.shares": "stated"}, items=(
            _q("party", "choice", choices=_PARTY_CHOICE, default=_unlisted_party), _q("percent", "number", integer=False))),
        _q("procedure.by", "choice"),
        _q("procedure.filing_party", "choice", choices=_PARTY_CHOICE, when={"procedure.by": "filing_party"},
           default=lambda a: _first(_of_kind(a, "large_company"), *_party_ids(a))),
        _q("procedure.attorney", "text", optional=True),
        _q("procedure.costs", "choice"),
        _q("procedure.cost_payer", "choice", choices=_PARTY_CHOICE, when={"procedure.costs": "one_party"},
           default=lambda a: _first(_of_kind(a, "large_company"), *_party_ids(a))),
        _q("joint_rules.each_may_practise", "yes_no"),
        _q("joint_rules.third_party_licensing", "choice"),
        _q("joint_rules.licence_income", "choice"),
        _q("joint_rules.non_practice_compensation_percent", "number", integer=False, optional=True),
        _q("foreign_filing.countries", "list"),
        _q("foreign_filing.decided_by", "choice"),
        _q("foreign_filing.costs", "choice"),
        _q("foreign_filing.if_one_declines", "choice"),
        _q("abandonment.other_may_take_over", "yes_no"),
        _q("more.joint_filing", "yes_no", to="", test=_has("invention"), default=False),
        _q("procedure.advance_notice_days", "number", when=_more("joint_filing")),
        _q("abandonment.notice_days", "number", when=_more("joint_filing")),
    ),
    # --- data_provision ---
    *_section(
        "data_provision",
        _q("provided_data.description", "text"),
        _q("provided_data.form", "text"),
        _q("provided_data.delivery", "choice"),
        _q("provided_data.first_delivery", "date", period=True),
        _q("provided_data.update_every_months", "number", when={"provided_data.delivery": "periodic"}),
        # Personal or pseudonymised data also needs the personal data questions (confidentiality section).
        _q("provided_data.personal_info", "choice"),
        _q("provided_data.restricted_access", "yes_no"),
        _q("permitted_use.scope", "choice"),
        _q("permitted_use.prohibited", "list"),
        _q("permitted_use.redistribution", "choice"),
        _q("derived_data.owner", "choice"),
        _q("derived_data.provider_may_use", "yes_no", when={"derived_data.owner": "recipient"}),
        _q("data_quality.warranty", "choice"),
        _q("data_quality.levels", "text", when={"data_quality.warranty": "agreed_levels"}),
        _q("data_fees.kind", "choice"),
        _q("data_fees.amount", "money", when={"data_fees.kind": ("fixed", "per_delivery")}),
        _q("data_fees.payment_days", "number", when={"data_fees.kind": ("fixed", "per_delivery")}),
        _q("data_at_end", "choice"),
    ),
    # --- ai_use ---
    *_section(
        "ai_service",
        _q("service.name", "text"),
        _q("service.description", "text"),
        _q("use_scope.affiliates", "yes_no"),
        _q("use_scope.accounts", "number", optional=True),
        _q("use_scope.sites", "list"),
        _q("use_scope.territory", "list"),
        _q("fees.kind", "choice"),
        _q("fees.monthly_fee", "money", when={"fees.kind": ("fixed", "fixed_and_usage")}),
        _q("fees.unit_price", "money", when={"fees.kind": ("usage", "fixed_and_usage")}),
        _q("fees.unit", "text", when={"fees.kind": ("usage", "fixed_and_usage")}),
        _q("fees.payment_days", "number"),
        _q("input_data.improvement_use", "choice"),
        _q("input_data.other_customers", "yes_no", when={"input_data.improvement_use": ("de_identified", "opt_out", "free")}),
        _q("input_data.personal_data", "yes_no"),
        _q("service_level.availability_percent", "number", integer=False, optional=True),
        _q("service_level.support_hours", "text", optional=True),
        _q("outputs.owner", "choice"),
        _q("model_changes.rule", "choice"),
        _q("model_changes.notice_days", "number", when={"model_changes.rule": ("notice", "notice_and_exit", "prior_version")}),
        _q("model_changes.prior_version_months", "number", when={"model_changes.rule": "prior_version"}),
        _q("data_return.action", "choice"),
        _q("data_return.days", "number"),
        _q("data_return.export_format", "text"),
        _q("customised_model", "yes_no", to="", default=False, test=_has("customised_model")),
        _q("customised_model.description", "text", when={"customised_model": True}),
        _q("customised_model.owner", "choice", when={"customised_model": True}),
        _q("customised_model.training_code", "choice", when={"customised_model": True, "customised_model.owner": "user"}),
        _q("more.ai_service", "yes_no", to="", test=_has("service_level"), default=False),
        _q("service_level.maintenance_notice_days", "number", when=_more("ai_service")),
        _q("service_level.non_payment_days", "number", when=_more("ai_service")),
    ),
    # --- ai in poc and jrd ---
    *_section(
        "ai",
        _q("ai", "yes_no", to="", test=_optional("ai"), default=False),
        # A PoC covers the assessment or the proof of concept; development and further training need a joint R&D.
        _q("ai.stage", "choice", when={"ai": True}, default=_by_type(poc="poc", jrd="development"),
           choices=Choices(values=lambda a: ("assessment", "poc") if _is(a, "type", "poc")
                           else ("assessment", "poc", "development", "further_training"))),
        _q("ai.developer", "choice", choices=_PARTY_CHOICE, when={"ai": True},
           default=lambda a: _first(_provider(a), _of_kind(a, "startup"), *_party_ids(a))),
        _q("ai.model", "text", when={"ai": True}),
        _q("ai.training_data.description", "text", when={"ai": True}),
        _q("ai.training_data.provided_by", "choice", when={"ai": True}),
        _q("ai.training_data.personal_data", "yes_no", when={"ai": True}),
        _q("ai.model_owner", "choice", when={"ai": True}),
        _q("ai.parameters_owner", "choice", when={"ai": True}, put=_unless("same"), default="same",
           choices=Choices(own=("same",), own_first=True)),
        _q("ai.inference_program_owner", "choice", when={"ai": True}),
        _q("ai.partner_use", "choice", when={"ai": True}),
        _q("ai.reuse", "choice", when={"ai": True}),
        _q("ai.reuse_excluded", "text", when={"ai": True, "ai.reuse": "except_competitors"}),
        _q("ai.derived_data", "choice", when={"ai": True}),
        _q("ai.outputs", "choice", when={"ai": True}),
        _q("ai.acceptance_tests", "text", when={"ai": True}, optional=True),
    ),
    *_section(
        "results",
        _q("results.deliverables", "records", items=(
            _q("name", "text"),
            _q("kind", "choice"),
            _q("created_by", "choice", choices=_PARTY_CHOICE),
            _q("delivered", "yes_no", test=_has("poc"),  # only a PoC hands results over with its Report
               default=lambda a: a.get("results.deliverables.kind") == "report"
               or a.get("results.deliverables.created_by") != _customer(a)),
        )),
        _q("guide", "yes_no", to="", test=_has("results"), default=True),
        _q("guide.core_technology", "choice", to="", when={"guide": True}, choices=Choices(parties=True, own=(BOTH,), schema=False),
           default=lambda a: _first(_of_kind(a, "startup"), _of_kind(a, "university"), *_party_ids(a))),
        _q("guide.payer", "choice", to="", when={"guide": True}, choices=Choices(parties=True, own=(EACH,), schema=False),
           default=lambda a: _customer(a) or (a.get("jrd.costs.payer") if _is(a, "jrd.costs.rule", "one_party_pays") else EACH)),
        _q("guide.exploiter", "choice", to="", when={"guide": True}, choices=Choices(parties=True, own=(BOTH,), schema=False),
           default=lambda a: _first(_of_kind(a, "large_company"), *_party_ids(a))),
        _q("guide.separate_fields", "yes_no", to="", when={"guide": True, "guide.exploiter": BOTH}, default=False),
        _q("guide.publish", "yes_no", to="", when={"guide": True}, default=_university),
        _q("guide.accept", "yes_no", to="", when={"guide": True}, default=True, note=_recommendation_text),
        _q("results.ownership.rule", "choice", choices=Choices(values=lambda a: _RULES),
           default=_recommended(lambda r: r.rule, "sole"), settled=_accepted),
        _q("results.ownership.owner", "choice", choices=_PARTY_CHOICE, when={"results.ownership.rule": "sole"},
           default=_recommended(lambda r: r.owner, lambda a: _first(_provider(a), _of_kind(a, "startup"), *_party_ids(a))),
           settled=_accepted),
        _q("results.ownership.shares", "choice", when={"results.ownership.rule": "joint"}),
        _q("results.ownership.fields", "records", when={"results.ownership.rule": "by_field"},
           items=(_q("field", "text"), _q("owner", "choice", choices=_PARTY_CHOICE))),
        _q("results.ownership.otherwise", "choice", when={"results.ownership.rule": "by_field"}),
        _q("results.copyright_ownership.rule", "choice", put=_unless("same"), default="same",
           choices=Choices(own=("same",), own_first=True, values=lambda a: [r for r in _RULES if r != "by_field"])),
        _q("results.copyright_ownership.owner", "choice", choices=_PARTY_CHOICE,
           when={"results.copyright_ownership.rule": "sole"}, default=lambda a: _first(_owner(a), *_party_ids(a))),
        _q("results.copyright_ownership.shares", "choice", when={"results.copyright_ownership.rule": "joint"}),
        _q("results.joint_rules.each_may_practise", "yes_no", test=_joint_results),
        _q("results.joint_rules.third_party_licensing", "choice", test=_joint_results),
        _q("results.joint_rules.cost_sharing", "choice", test=_joint_results),
        _q("results.joint_rules.non_practice_compensation_percent", "number", integer=False, optional=True,
           when=COMPENSATION, test=_joint_results),
        _q("option.kind", "choice", put=_unless("none"), settled=_accepted,
           choices=Choices(own=("none",), own_first=True), default=_recommended(
               lambda r: "exclusive_licence" if r.scope == OPTION else "none", "none")),
        _q("option.holder", "choice", choices=_PARTY_CHOICE, when={"option.kind": ("exclusive_licence", "assignment")},
           default=_recommended(lambda r: r.licensee or NO_DEFAULT, lambda a: _other(a, _owner(a)) or NO_DEFAULT), settled=_accepted),
        _q("option.exercise_months", "number", when={"option.kind": ("exclusive_licence", "assignment")}),
        _q("filing.by", "choice"),
        _q("filing.costs", "choice"),
        _q("improvements.owner", "choice"),
        _q("improvements.grant_back", "choice"),
        _q("improvements.notice_days", "number"),
        _q("publication.academic_freedom", "yes_no",
           default=_recommended(lambda r: r.academic_freedom, _university)),
        _q("publication.notice_days", "number"),
        _q("publication.delay_days", "number"),
        _q("non_compete", "yes_no", to="", default=False),
        _q("non_compete.scope", "text", when={"non_compete": True}),
        _q("non_compete.months", "number", when={"non_compete": True}),
        _q("non_compete.after_term", "choice", when={"non_compete": True}),
        _q("more.results", "yes_no", to="", test=_has("results"), default=False),
        _q("results.no_moral_rights", "yes_no", when=_more("results")),
        _q("filing.advance_notice_days", "number", when=_more("results")),
        _q("filing.foreign_filing_by_other", "yes_no", when=_more("results")),
    ),
    *_section(
        "background",
        _q("background_ip.items", "records",
           items=(_q("party", "choice", choices=_PARTY_CHOICE), _q("description", "text"))),
        _q("background_ip.licence_for_project", "yes_no"),
        _q("background_ip.licence_for_exploitation", "choice"),
        _q("background_ip.royalty_percent", "number", integer=False, optional=True,
           when={"background_ip.licence_for_exploitation": "non_exclusive_reasonable"}),
    ),
    *_section(
        "scope",
        _q("licence", "yes_no", to="", test=_optional("licence"), settled=_accepted,
           default=_recommended(lambda r: r.scope not in (NO_LICENCE, OPTION), False)),
        # With one owner, the spec names the licensor (the owner) and the licensee (the other party) itself.
        _q("licence.licensor", "choice", choices=_PARTY_CHOICE, when={"licence": True}, optional=True,
           settled=_sole, default=lambda a: None if _sole(a) else _first(*_party_ids(a))),
        _q("licence.licensee", "choice", choices=_PARTY_CHOICE, when={"licence": True}, optional=True,
           settled=lambda a: _accepted(a) or _sole(a),
           default=_recommended(lambda r: r.licensee, lambda a: None if _sole(a) else _other(a, a.get("licence.licensor")))),
        _q("licence.subject", "choice", many=True, test=_licence_on),
        _q("licensed.patents", "records", items=(_q("number", "text"), _q("title", "text"))),
        _q("licensed.know_how", "text", optional=True,
           test=lambda a: "know_how" in (a.get("licence.subject") or ())),
        _q("licensed.trademarks", "list",
           test=lambda a: "trademark" in (a.get("licence.subject") or ())),
        _q("licence.field", "text", optional=True, test=_licence_on),
        _q("licence.products", "text", optional=True, test=_licence_on),
        _q("licence.territory", "list", test=_licence_on),
        _q("licence.exclusivity", "choice", test=_licence_on, settled=_accepted,
           default=_recommended(lambda r: r.scope if r.scope not in (NO_LICENCE, OPTION) else "non_exclusive", "non_exclusive")),
        _q("licence.exclusive_perpetual", "yes_no", when={"licence.exclusivity": "exclusive"}, test=_licence_on),
        _q("licence.exclusive_months", "number", test=lambda a: _licence_on(a) and (
            _is(a, "licence.exclusivity", "exclusive_then_non_exclusive")
            or (_is(a, "licence.exclusivity", "exclusive") and a.get("licence.exclusive_perpetual") is False))),
        _q("licence.non_use_fallback_months", "number", optional=True, test=_exclusive),
        _q("licence.sublicensing", "choice", test=_licence_on),
        _q("licence.sublicensees", "list", when={"licence.sublicensing": "named"}, test=_licence_on),
        _q("licence.term.kind", "choice", test=_licence_on, default=_licence_term_kind),
        _q("licence.term.years", "number", when={"licence.term.kind": "years"}, test=_licence_on,
           default=lambda a: max(10, -(-(a.get("licence.exclusive_months") or 0) // 12))),
        _q("prosecution.by", "choice", test=lambda a: "patents" in (a.get("licence.subject") or ())),
        _q("prosecution.costs", "choice", test=lambda a: "patents" in (a.get("licence.subject") or ())),
        _q("diligence", "yes_no", to="", default=False),
        _q("diligence.first_sale_months", "number", when={"diligence": True}),
        _q("diligence.consequence", "choice", when={"diligence": True}),
        _q("diligence.notice_days", "number", when={"diligence": True}),
        _q("more.scope", "yes_no", to="", test=_licence_on, default=False),
        _q("licence.registered_exclusive", "yes_no", when={**REGISTERED, "licence.exclusivity": "exclusive", **_more("scope")}),
        _q("licensed.sell_off_months", "number", when=_more("scope")),
        _q("licensed.export_control", "yes_no", when=_more("scope")),
        _q("prosecution.lapse_notice_days", "number", when=_more("scope"),
           test=lambda a: "patents" in (a.get("licence.subject") or ())),
        _q("prosecution.licensee_may_take_over", "yes_no", when={"prosecution.by": "licensor", **_more("scope")},
           test=lambda a: "patents" in (a.get("licence.subject") or ())),
        _q("terminate_on_challenge", "yes_no", when=_more("scope")),
        # Only a PoC has a Report whose acceptance can start exclusivity; a date stays for the spec itself.
        _q("licence.exclusive_from", "choice", when={"type": "poc", **_more("scope")}, test=_exclusive),
    ),
    *_section(
        "confidentiality",
        _q("confidentiality.definition", "choice"),
        _q("confidentiality.confirmation_days", "number", when={"confidentiality.definition": "marked_or_confirmed"}),
        _q("confidentiality.survival_years", "number", default=_by_type(jrd=5, license=5)),
        _q("confidentiality.announcement", "choice", when=ANNOUNCES),
        _q("confidentiality.announcement_text", "text", when={"confidentiality.announcement": "agreed_text"}),
        _q("confidentiality.supersedes_nda", "yes_no", to="", when=EARLIER_NDA, default=False),
        _q("confidentiality.supersedes_nda.title", "text", when={**EARLIER_NDA, "confidentiality.supersedes_nda": True}),
        _q("confidentiality.supersedes_nda.date", "date", when={**EARLIER_NDA, "confidentiality.supersedes_nda": True}),
        _q("personal_data.provided_by", "choice", put=put_provided_by, default="unstated",
           choices=Choices(parties=True, own=("unstated", "none", BOTH), own_first=True, schema=False)),
        _q("personal_data.sensitive", "yes_no", test=lambda a: a.get("personal_data.provided_by") not in ("unstated", "none", [])),
        _q("personal_data.cross_border", "yes_no", test=lambda a: a.get("personal_data.provided_by") not in ("unstated", "none", [])),
        _q("personal_data.leak_notice_hours", "number",
           test=lambda a: a.get("personal_data.provided_by") not in ("unstated", "none", [])),
        _q("more.confidentiality", "yes_no", to="", default=False, test=_anything_more("confidentiality")),
        _q("confidentiality.permitted_recipients.affiliates", "yes_no", when=_more("confidentiality")),
        _q("confidentiality.permitted_recipients.advisers", "yes_no", when=_more("confidentiality")),
        _q("confidentiality.permitted_recipients.third_parties_with_consent", "yes_no", when=_more("confidentiality")),
        _q("confidentiality.exclusions_proved_by", "choice", when=_more("confidentiality")),
        _q("confidentiality.copies", "choice", when=_more("confidentiality")),
        _q("confidentiality.reverse_engineering_banned", "yes_no", when=_more("confidentiality")),
        _q("confidentiality.inspection", "yes_no", when=_more("confidentiality")),
        _q("confidentiality.return_certificate", "yes_no", when=_more("confidentiality")),
        _q("confidentiality.trade_secrets_survive", "yes_no", when=_more("confidentiality")),
        _q("confidentiality.derived_ip_to_discloser", "yes_no", when={**NDA_ADD_ON, **_more("confidentiality")}),
    ),
    *_section(
        "money",
        _q("currency", "choice", to="", field="Money.currency", when=PAYS),
        _q("poc.fee", "money"),
        _q("poc.payment_days", "number"),
        _q("jrd.costs.amount", "money", optional=True, when={"jrd.costs.rule": "one_party_pays"}),
        _q("licence.royalty.kind", "choice", test=_licence_on,
           default=lambda a: "paid" if not _optional("licence")(a) or _exclusive(a) else "free"),
        _q("licence.royalty.upfront", "money", optional=True, test=_paid),
        _q("licence.royalty.running_percent", "number", integer=False, optional=True, test=_paid),
        _q("licence.royalty.milestones", "records", test=_paid, items=(_q("event", "text"), _q("amount", "money"))),
        _q("licence.royalty.minimum_annual", "money", optional=True, test=_running),
        _q("licence.royalty.report_frequency", "choice", test=_running),
        _q("licence.royalty.payment_days", "number", test=_paid),
        _q("licence.royalty.audit", "yes_no", test=_running),
        _q("licence.royalty.sublicence_income_percent", "number", integer=False, optional=True,
           test=lambda a: _paid(a) and not _is(a, "licence.sublicensing", "none", None)),
        _q("option.fee", "money", optional=True,
           when={"option.kind": ("exclusive_licence", "assignment")}),
        _q("more.money", "yes_no", to="", when=PAYS, default=False),
        _q("jrd.costs.payment_days", "number", when={"jrd.costs.rule": "one_party_pays", **_more("money")}, default=30),
        _q("late_interest_percent", "number", integer=False, optional=True, when={**PAYS, **_more("money")}),
        _q("licence.royalty.currency", "choice", optional=True, when=_more("money"), test=_running,
           default=lambda a: a.get("currency")),
    ),
    *_section(
        "term",
        _q("effective_date", "date", default=lambda a: _next_month(a["_today"]).isoformat()),
        _q("term.months", "number", default=_by_type(nda=12, poc=6, jrd=24, license=120)),
        _q("term.renewal.automatic", "yes_no"),
        _q("term.renewal.renewal_months", "number", when={"term.renewal.automatic": True}),
        _q("term.renewal.notice_days", "number", when={"term.renewal.automatic": True}),
        _q("next_step", "yes_no", to="", default=False),
        _q("next_step.decision_months", "number", when={"next_step": True}, default=3),
        _q("next_step.next_agreement", "choice", when={"next_step": True},
           default=_next_stage),
        # Left out, the usual party decides (the customer, or the recipient of a one-way NDA), or both together.
        _q("next_step.decider", "choice", choices=_PARTY_CHOICE, optional=True, default=None, when={"next_step": True}),
        _q("next_step.fee_if_none", "money", optional=True, when={**NEXT_STEP_FEES, "next_step": True}),
        _q("next_step.discount_if_follows", "number", integer=False, optional=True,
           when={**NEXT_STEP_FEES, "next_step": True}),
        _q("warranties", "choice", when=PAYS),
        _q("termination.breach_cure_days", "number"),
        _q("termination.change_of_control", "yes_no"),
        _q("liability.cap.kind", "choice",
           choices=Choices(values=lambda a: ["none", "amount", "fees_paid"] if _is(a, "type", *PAYS["type"]) else ["none", "amount"])),
        _q("liability.cap.amount", "money", when={"liability.cap.kind": "amount"}),
        _q("liability.cap.floor", "money", optional=True, when={**PAYS, "liability.cap.kind": "fees_paid"}),
        _q("remedies.penalty", "money", optional=True),
        _q("more.term", "yes_no", to="", default=False),
        _q("signing_date", "date", optional=True, when=_more("term")),
        _q("termination.insolvency", "yes_no", when=_more("term")),
        _q("liability.cap_applies_to", "choice", when={"liability.cap.kind": ("amount", "fees_paid"), **_more("term")}),
        _q("liability.capped_party", "choice", choices=_PARTY_CHOICE, when={"liability.cap_applies_to": "only", **_more("term")}),
        _q("liability.exclude_wilful_or_gross", "yes_no", when=_more("term")),
        _q("liability.indirect_damages_excluded", "yes_no", when=_more("term")),
        _q("liability.carve_outs", "yes_no", when={"liability.cap.kind": ("amount", "fees_paid"), **_more("term")}),
        _q("remedies.injunction", "yes_no", when=_more("term")),
        _q("assignment_on_insolvency", "yes_no", when=_more("term")),
        _q("signing.electronic", "yes_no", when=_more("term")),
        _q("signing.counterparts", "yes_no", when=_more("term")),
        _q("key_terms_table", "yes_no", when=_more("term")),
    ),
    *_section(
        "disputes",
        _q("disputes.governing_law", "choice"),
        _q("disputes.forum", "choice"),
        _q("disputes.mediation_months", "number", when={"disputes.forum": "ip_mediation_then_court"}),
        _q("disputes.court", "text", when={"disputes.forum": ("court", "ip_mediation_then_court")},
           default=_court_default("disputes.court")),
        _q("disputes.arbitration.institution", "choice", when={"disputes.forum": "arbitration"}),
        _q("disputes.arbitration.seat", "text", when={"disputes.forum": "arbitration"},
           default=_court_default("disputes.arbitration.seat")),
    ),
])


# --- applying the table ----------------------------------------------------------------------------

QUESTIONS_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}


def applies(question: Question, answers: Answers) -> bool:
    """Whether a question applies given the answers so far: never to a type whose spec lacks its field, or whose
    agreement does not draft it (the type's `undrafted`, which validation refuses)."""
    path = question.field if question.field is not None else question.id
    if "type" in answers and _spec_path(path) and not _has(path)(answers):
        return False
    if question.pointers and all(_undrafted(pointer, answers) for pointer in question.pointers):
        return False
    for key, want in question.when.items():
        have = answers.get(key)
        if want is ANSWERED:
            ok = have not in (None, "", [])
        elif isinstance(want, tuple):
            ok = have in want
        else:
            ok = have == want and type(have) is type(want)
        if not ok:
            return False
    return question.test is None or bool(question.test(answers))


def _undrafted(pointer: str, answers: Answers) -> bool:
    kind = answers.get("type")
    if kind not in agreement_types.names():
        return False
    return any(pointer == u or pointer.startswith(u + "/") for u in agreement_types.get_type(str(kind)).undrafted)


def _spec_path(path: str) -> bool:
    """Whether a question's path is a field of some agreement type's spec (not "guide.payer", "Money.currency")."""
    return not path[:1].isupper() and any(_field_exists(model, path) for model in agreement_types.SPEC_MODELS.values())


def _spec_default(question: Question, answers: Answers, parent: str = "") -> Any:
    """What the spec says for the question's field when the field is left out (NO_DEFAULT for a required one)."""
    path = question.field if question.field is not None else f"{parent}.{question.id}" if parent else question.id
    head, _, rest = path.partition(".")
    if head[:1].isupper():
        model = schema_text.models().get(head)
        return NO_DEFAULT if model is None else _default_at(model, rest)
    return _default_at(_spec_model(answers), path) if _spec_path(path) else NO_DEFAULT


def field_targets(question: Question, answers: Answers, parent: str = "") -> list[tuple[type[BaseModel], str]]:
    """The (model, field) pairs whose schema text the question shows: its field in the deal's spec, or "Model.field"."""
    path = question.field if question.field is not None else f"{parent}.{question.id}" if parent else question.id
    head, _, rest = path.partition(".")
    if head[:1].isupper():
        model = schema_text.models().get(head)
        return [(model, rest)] if model is not None else []
    return _targets(_spec_model(answers), path) if path else []


def default_of(question: Question, answers: Answers, parent: str = "") -> Any:
    """The question's default given the answers so far (NO_DEFAULT when it has none), a copy to keep."""
    value = question.default(answers) if callable(question.default) else question.default
    if value is FROM_SPEC:
        value = _spec_default(question, answers, parent)
    if value is NO_DEFAULT:
        return None if question.optional else NO_DEFAULT
    return copy.deepcopy(value)


def item_context(question: Question, answers: Answers, item: Mapping[str, Any], items: Sequence[Any]) -> dict[str, Any]:
    """The answers as an item's fields see them: the deal's, with the item's own fields under the list's id."""
    return {**answers, **{f"{question.id}.{k}": v for k, v in item.items()}, "_items": list(items)}


def _money(value: Any, answers: Answers) -> dict[str, Any]:
    if isinstance(value, dict):
        return {"amount": value["amount"], "currency": value.get("currency") or answers.get("currency") or "JPY"}
    return {"amount": value, "currency": answers.get("currency") or default_currency()}


@cache
def default_currency() -> str:
    return str(Money.model_fields["currency"].default)


def _spec_value(question: Question, value: Any, answers: Answers) -> Any:
    if question.kind == "money":
        return _money(value, answers)
    if question.kind == "records":
        return [{sub.id: _spec_value(sub, item[sub.id], answers) for sub in question.items
                 if item.get(sub.id) is not None} for item in value]
    return value


def _puts(question: Question, value: Any, answers: Answers) -> list[tuple[str, Any]]:
    if question.put is not None:
        return [(pointer or question.pointer, _spec_value(question, v, answers) if not pointer else v)
                for pointer, v in question.put(value, answers)]
    if not question.pointer or value is None:
        return []
    return [(question.pointer, _spec_value(question, value, answers))]


def _set(document: dict[str, Any], pointer: str, value: Any) -> None:
    parts = pointer.strip("/").split("/")
    node: Any = document
    for part, after in itertools.pairwise(parts):
        key: Any = int(part) if isinstance(node, list) else part
        if isinstance(node, list):
            while len(node) <= key:
                node.append({})
        elif key not in node:
            node[key] = [] if after.isdigit() else {}
        node = node[key]
    last: Any = parts[-1]
    if isinstance(node, list):
        while len(node) <= int(last):
            node.append({})
        node[int(last)] = value
    else:
        node[last] = value


_PARTY_ORDER = [info.alias or name for name, info in Party.model_fields.items()]
# What a spec says first, as the examples do: the deal, who, when and why, then the terms in deal order.
_OPENING = ("type", "language", "title", "parties", "effective_date", "signing_date", "purpose", "project")


def _default_at(model: type[BaseModel], path: str) -> Any:
    """The value a spec has at a dotted path when it leaves the field out (NO_DEFAULT for a required field)."""
    holder: Any = None  # the default of the level above, when it has one
    classes = [model]
    for part in (p for p in path.split(".") if not p.isdigit()):
        found = next(((n, f) for c in classes for n, f in c.model_fields.items() if part in (n, f.alias)), None)
        if found is None:
            return NO_DEFAULT
        name, info = found
        holder = getattr(holder, name) if isinstance(holder, BaseModel) else info.get_default(call_default_factory=True)
        classes = _models_in(info.annotation)
    if holder is PydanticUndefined:
        return NO_DEFAULT
    return holder.model_dump(mode="json") if isinstance(holder, BaseModel) else holder


def unsaid(question: Question, value: Any, answers: Answers, parent: str = "") -> bool:
    """Whether a value nobody gave is what the spec says anyway when the field is left out."""
    if question.put is not None or not question.pointer:
        return False
    default = _spec_default(question, answers, parent)
    return default is not NO_DEFAULT and _spec_value(question, value, answers) == default


def build_spec(answers: Answers, defaulted: frozenset[str] | set[str] = frozenset()) -> dict[str, Any]:
    """The spec the answers make: each applicable answered question's value at its field, in deal order.

    An answer in `defaulted` (taken as its default without anyone giving it) is left out where the spec
    has the same default, so the spec says what was decided and nothing more.
    """
    document: dict[str, Any] = {}
    for question in QUESTIONS:
        if question.id in answers and applies(question, answers):
            value = answers[question.id]
            if (question.id in defaulted or value == []) and unsaid(question, value, answers):
                continue
            for pointer, put in _puts(question, value, answers):
                _set(document, pointer, put)
    if isinstance(document.get("parties"), list):
        document["parties"] = [{k: p[k] for k in sorted(p, key=_PARTY_ORDER.index)} for p in document["parties"]]
    first = [key for key in _OPENING if key in document]
    return {**{key: document[key] for key in first}, **document}


def spec_text(document: Mapping[str, Any]) -> str:
    """A spec as the interview writes it: JSON, two-space indents, text as typed (same answers, same bytes)."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _within(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix.rstrip("/") + "/")


def question_for(path: str, answers: Answers) -> list[Question]:
    """The answered questions behind a problem at a JSON pointer: those that fill a field within it, else the
    one whose field holds it (an empty list when no question does)."""
    asked = [q for q in QUESTIONS if q.id in answers and applies(q, answers) and q.pointers]
    inside = [q for q in asked if path and any(_within(p, path) for p in q.pointers)]
    if inside:
        return inside
    holders = [(max(len(p) for p in q.pointers if _within(path, p)), q) for q in asked if any(_within(path, p) for p in q.pointers)]
    return [max(holders, key=lambda pair: pair[0])[1]] if holders else []
