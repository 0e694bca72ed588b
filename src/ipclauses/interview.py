"""`ipclauses new`: an interview that asks for a deal one question at a time and writes a valid spec.

`QUESTIONS` is the whole interview, one table in deal order: type, parties, purpose, the work,
results and ownership (with the ownership guide of `interview_guide`), background IP, scope of
use, confidentiality, money, term and disputes. Each question names the spec field it fills (its
id is the field's path, "confidentiality.definition", unless it says otherwise), its kind, its
default, and when it applies given the answers before it; a question that does not apply is
skipped, and its answer, if any, is dropped. Detail questions sit behind a "more" question per
section whose default is no, so a project lead answers the decisions and keeps the balanced
defaults for the rest.

Words: a question's text is the Locale's (`words.interview.questions`), or else its field's
title in the schema text (`schema_text`), whose description is the question's help; each option
of a choice shows the schema text's one-line meaning and whom it favours.

The session (`run_interview`) asks through a `Terminal` the CLI gives it, or takes every answer
from a mapping (`--answers FILE`); it builds the spec, validates it with the loader, and asks
again the question behind each problem (or, without a terminal, names the answer to fix).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import json
import re
import tomllib
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from . import agreement_types, schema_text
from .agreement_types import Roles
from .errors import IpclausesError, SpecError
from .interview_guide import BOTH, EACH, NO_LICENCE, OPTION, GuideAnswers, Recommendation, recommend
from .locales import Locale, get_locale, locales
from .spec import (
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

__all__ = ["QUESTIONS", "SCHEMA_FILE", "InterviewError", "Outcome", "Question", "Terminal", "applies", "build_spec", "confirm",
           "flatten_answers", "question_for", "read_answers", "run_interview", "spec_text"]

Kind = Literal["choice", "text", "number", "date", "list", "yes_no", "records", "money"]
Answers = Mapping[str, Any]

# The schema file the written spec points at, beside it (`ipclauses schema -o deal-spec.schema.json`).
SCHEMA_FILE = "deal-spec.schema.json"
# An answer that is not part of the spec: whether to build the agreement at the end.
BUILD = "build"
MAX_ANSWERS_BYTES = 1024 * 1024


class InterviewError(IpclausesError):
    """Raised when answers (a file, or the interview's own) cannot make a valid spec: each line names the
    question id to answer or fix, and what is wrong."""

    def __init__(self, source: str, lines: Sequence[str]) -> None:
        self.source = source
        self.lines = list(lines)
        super().__init__("\n".join(f"{source}: {line}" for line in self.lines))


class _Invalid(Exception):
    """An answer the question cannot take; the message says why, in the interview's language."""


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


# --- reading the answers ---------------------------------------------------------------------


def _is(answers: Answers, key: str, *values: Any) -> bool:
    return answers.get(key) in values


def _party_ids(answers: Answers) -> list[str]:
    return [answers[key] for key in ("parties.0.id", "parties.1.id") if answers.get(key)]


def _names(answers: Answers) -> dict[str, str]:
    """Each party id's short name (or legal name), as the questions show them."""
    return {answers[f"parties.{n}.id"]: answers.get(f"parties.{n}.short_name") or answers.get(f"parties.{n}.legal_name") or ""
            for n in (0, 1) if answers.get(f"parties.{n}.id")}


def _of_kind(answers: Answers, kind: str) -> str | None:
    found = [answers[f"parties.{n}.id"] for n in (0, 1) if answers.get(f"parties.{n}.kind") == kind]
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
    return "" if rec is None else rec.text(_names(answers), locale)


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


def _provided_by(value: Any, answers: Answers) -> list[tuple[str, Any]]:
    if value == "unstated":
        return []
    parties = _party_ids(answers)
    chosen = [] if value == "none" else parties if value == BOTH else [value] if isinstance(value, str) else list(value)
    return [("/personal_data/provided_by", chosen)]


# --- the interview --------------------------------------------------------------------------------


def _q(id: str, kind: Kind, **kw: Any) -> Question:
    return Question(id, kind, **kw)


def _party(n: int) -> list[Question]:
    at = f"parties.{n}"
    return [
        _q(f"{at}.legal_name", "text", words="party.legal_name"),
        _q(f"{at}.short_name", "text", words="party.short_name"),
        _q(f"{at}.id", "text", words="party.id", default=lambda a, n=n: _slug(a, n), settled=lambda a: True),
        _q(f"{at}.kind", "choice", words="party.kind"),
        _q(f"{at}.address", "text", words="party.address"),
        _q(f"{at}.representative.name", "text", words="party.representative.name"),
        _q(f"{at}.representative.title", "text", words="party.representative.title"),
    ]


_PARTY_CHOICE = Choices(parties=True, schema=False)
# The ownership rules, in the order the spec lists them.
_RULES = tuple(typing.get_args(m.model_fields["rule"].annotation)[0]
               for m in (SoleOwnership, JointOwnership, InventorOwnership, FieldOwnership, LaterOwnership))
_ROLES_FILLS = ("/parties/0/role", "/parties/1/role")


def _unlisted_party(answers: Answers) -> Any:
    """The first party the list does not name yet."""
    listed = [item.get("party") for item in answers.get("_items", [])]
    return next((p for p in _party_ids(answers) if p not in listed), NO_DEFAULT)


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
            return get_locale(str(answers.get("language"))).spec_defaults.get(key, FROM_SPEC)
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
PAYS = {"type": ("poc", "jrd", "license")}  # an NDA has no payments
EARLIER_NDA = {"type": ("poc", "jrd")}  # only these replace an earlier NDA
ANNOUNCES = {"type": ("nda", "jrd")}  # only these draft an announcement
ONE_WAY = {"type": ("nda",)}  # only an NDA may protect one party's information alone
NDA_ADD_ON = {"type": ("nda",)}  # IP arising from the disclosed information goes to the discloser
NEXT_STEP_FEES = {"type": ("poc",)}  # a fee if no next agreement follows, or a discount if one does
COMPENSATION = {"type": ("jrd",)}  # a joint R&D drafts non-practice compensation
REGISTERED = {"type": ("license",)}  # a registered exclusive licence needs the listed patents

QUESTIONS: tuple[Question, ...] = tuple([
    *_section(
        "deal",
        _q("type", "choice", choices=Choices(values=lambda a: agreement_types.names())),
        _q("language", "choice", default=lambda a: a.get("_interview_language", NO_DEFAULT)),
        _q("title", "text", optional=True),
    ),
    *_section(
        "parties",
        _party(0), _party(1),
        # The other types are mutual: they take the default without asking.
        _q("confidentiality.direction", "choice", settled=lambda a: not _is(a, "type", *ONE_WAY["type"])),
        _role("discloser", lambda a: _first(_of_kind(a, "startup"), _of_kind(a, "university"), *_party_ids(a))),
        _role("provider", lambda a: _first(_of_kind(a, "startup"), *_party_ids(a))),
        _role("licensor", lambda a: _first(_of_kind(a, "university"), _of_kind(a, "startup"), *_party_ids(a))),
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
        _q("licence.term.kind", "choice", test=_licence_on, default=_by_type(license="patent_life")),
        _q("licence.term.years", "number", when={"licence.term.kind": "years"}, test=_licence_on),
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
        _q("personal_data.provided_by", "choice", put=_provided_by, default="unstated",
           choices=Choices(parties=True, own=("unstated", "none", BOTH), own_first=True, schema=False)),
        _q("personal_data.sensitive", "yes_no", test=lambda a: a.get("personal_data.provided_by") not in ("unstated", "none", [])),
        _q("personal_data.cross_border", "yes_no", test=lambda a: a.get("personal_data.provided_by") not in ("unstated", "none", [])),
        _q("personal_data.leak_notice_hours", "number",
           test=lambda a: a.get("personal_data.provided_by") not in ("unstated", "none", [])),
        _q("more.confidentiality", "yes_no", to="", default=False),
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

_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
# Asked about a list's items: keep the ones shown, add another.
_KEEP = Question("keep", "yes_no", words="keep", to="")
_ADD = Question("add", "yes_no", words="add_item", to="")


def applies(question: Question, answers: Answers) -> bool:
    """Whether a question applies given the answers so far: never to a type whose spec lacks its field."""
    path = question.field if question.field is not None else question.id
    if "type" in answers and _spec_path(path) and not _has(path)(answers):
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


def default_of(question: Question, answers: Answers, parent: str = "") -> Any:
    """The question's default given the answers so far (NO_DEFAULT when it has none), a copy to keep."""
    value = question.default(answers) if callable(question.default) else question.default
    if value is FROM_SPEC:
        value = _spec_default(question, answers, parent)
    if value is NO_DEFAULT:
        return None if question.optional else NO_DEFAULT
    return copy.deepcopy(value)


def _money(value: Any, answers: Answers) -> dict[str, Any]:
    if isinstance(value, dict):
        return {"amount": value["amount"], "currency": value.get("currency") or answers.get("currency") or "JPY"}
    return {"amount": value, "currency": answers.get("currency") or _default_currency()}


@cache
def _default_currency() -> str:
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


def _unsaid(question: Question, value: Any, answers: Answers, parent: str = "") -> bool:
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
            if (question.id in defaulted or value == []) and _unsaid(question, value, answers):
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


# --- answers from a file ----------------------------------------------------------------------------


def _takes_object(question: Question) -> bool:
    return question.kind == "money" or (question.kind == "date" and question.period)


def flatten_answers(data: Mapping[str, Any], source: str = "<answers>") -> dict[str, Any]:
    """Answers keyed by question id, from a mapping that may nest them as the spec does.

    {"confidentiality": {"definition": "marked"}} and {"confidentiality.definition": "marked"} are the
    same answer; a list of parties gives "parties.0.legal_name" and so on. An unknown key is an error.
    """
    found: dict[str, Any] = {}
    unknown: list[str] = []

    def walk(value: Any, key: str) -> None:
        question = _BY_ID.get(key)
        if key == BUILD or (question is not None and not (isinstance(value, dict) and not _takes_object(question))):
            found[key] = value
        elif isinstance(value, dict) and value:
            for sub, item in value.items():
                walk(item, f"{key}.{sub}" if key else str(sub))
        elif isinstance(value, list) and any(q.startswith(f"{key}.0.") for q in _BY_ID):
            for i, item in enumerate(value):
                walk(item, f"{key}.{i}")
        else:
            unknown.append(key)

    walk(dict(data), "")
    if unknown:
        import difflib

        lines = []
        for key in unknown:
            close = difflib.get_close_matches(key, list(_BY_ID) + [BUILD], n=1, cutoff=0.7)
            lines.append(f'"{key}": ' + (f'no such question (did you mean "{close[0]}"?)' if close else "no such question"))
        raise InterviewError(source, lines)
    return found


def read_answers(path: str | Path) -> dict[str, Any]:
    """An answers file: JSON, or TOML when its name ends in .toml; keyed by question id (see `flatten_answers`)."""
    from .safe_read import NotARegularFile, read_regular_file

    name = str(path)
    try:
        raw = read_regular_file(path, MAX_ANSWERS_BYTES)
    except FileNotFoundError:
        raise InterviewError(name, ["file not found (check the path)"]) from None
    except NotARegularFile as exc:
        raise InterviewError(name, [f"is {exc.kind}, not an answers file"]) from None
    except OSError as exc:
        raise InterviewError(name, [f"cannot be read: {exc.strerror or exc}"]) from None
    if len(raw) > MAX_ANSWERS_BYTES:
        raise InterviewError(name, [f"is larger than {MAX_ANSWERS_BYTES:,} bytes, too large to be answers"])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InterviewError(name, ["not UTF-8 text (save the file as UTF-8)"]) from None
    try:
        data = tomllib.loads(text) if name.lower().endswith(".toml") else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InterviewError(name, [f"not valid TOML: {exc}"]) from None
    except json.JSONDecodeError as exc:
        raise InterviewError(name, [f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"]) from None
    if not isinstance(data, dict):
        raise InterviewError(name, ["must be an object of answers keyed by question id, e.g. {\"type\": \"nda\"}"])
    return flatten_answers(data, name)


# --- words: a question's text, help and options ------------------------------------------------------


@dataclass(frozen=True)
class Option:
    """One option of a choice question as the interview shows it."""

    value: str
    label: str
    meaning: str = ""
    favours: str = ""
    example: str = ""


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


def _field_targets(question: Question, answers: Answers, parent: str = "") -> list[tuple[type[BaseModel], str]]:
    path = question.field if question.field is not None else f"{parent}.{question.id}" if parent else question.id
    head, _, rest = path.partition(".")
    if head[:1].isupper():
        model = schema_text.models().get(head)
        return [(model, rest)] if model is not None else []
    return _targets(_spec_model(answers), path) if path else []


def _text_language(locale: Locale) -> str:
    """The language of the schema text to show: the interview's, or the reference language's if it has none."""
    from .locales import reference_locale

    return locale.code if locale.code in schema_text.languages() else reference_locale().code


def _key(question: Question, parent: str) -> str:
    return question.words or (f"{parent}.{question.id}" if parent else question.id)


def title(question: Question, answers: Answers, locale: Locale, parent: str = "") -> str:
    """The question as the interview asks it: the Locale's words, else its field's title."""
    words = locale.words.interview.questions
    key = _key(question, parent)
    number = re.match(r"parties\.(\d+)\.", question.id)
    if key in words:
        return words[key].format(n=int(number.group(1)) + 1 if number else answers.get("_n", ""))
    targets = _field_targets(question, answers, parent)
    if targets:
        return schema_text.field_text(targets[0][0], targets[0][1], _text_language(locale)).title
    return key


def help_text(question: Question, answers: Answers, locale: Locale, parent: str = "") -> str:
    """What the question means: the Locale's help for the interview's own questions, else its field's description."""
    own = locale.words.interview.help.get(_key(question, parent))
    if own is not None:
        return own
    targets = _field_targets(question, answers, parent)
    if not targets:
        return ""
    return schema_text.field_text(targets[0][0], targets[0][1], _text_language(locale)).description


@cache
def _balance_labels() -> dict[str, str]:
    """Each balance label's `favours` (a role, a party kind, "owner" or "non_owner"), from the clause library."""
    from .library import load_library

    return {key: str(entry.get("favours", "")) for key, entry in load_library().vocabulary["balance"].items()}


_ROLE_QUESTIONS = {"discloser": ("roles.discloser", False), "recipient": ("roles.discloser", True),
                   "provider": ("roles.provider", False), "customer": ("roles.provider", True),
                   "licensor": ("roles.licensor", False), "licensee": ("roles.licensor", True)}


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


def options_of(question: Question, answers: Answers, locale: Locale, parent: str = "") -> list[Option]:
    """A choice question's options, each with its meaning and whom it favours (naming the party when known)."""
    choices = question.choices or Choices()
    words = locale.words.interview
    names = _names(answers)
    targets = _field_targets(question, answers, parent)
    values: list[str] = list(choices.values(answers)) if choices.values else []
    if not values and choices.schema:
        for model, name in targets:
            values += [v for v in schema_text.options(model, name, _text_language(locale)) if v not in values]
    field_options = []
    for value in values:
        text = _option_text(targets, value, locale, answers)
        if text is None:
            field_options.append(Option(value, value))
            continue
        favours = text.favours
        party = favoured_party(text.balance, answers)
        if favours and party in names:
            favours = words.favours_party.format(favours=favours, party=names[party])
        field_options.append(Option(value, text.label, text.meaning, favours, text.example))
    party_options = [Option(pid, name) for pid, name in names.items()] if choices.parties else []
    own = [Option(value, words.choices[value]) for value in choices.own]
    return own + party_options + field_options if choices.own_first else party_options + field_options + own


def _option_text(targets: list[tuple[type[BaseModel], str]], value: str, locale: Locale,
                 answers: Answers) -> schema_text.OptionText | None:
    agreement = answers.get("type") if isinstance(answers.get("type"), str) else None
    for model, name in targets:
        try:
            return schema_text.option_text(model, name, value, _text_language(locale), agreement)
        except LookupError:
            continue
    return None


# --- reading an answer -------------------------------------------------------------------------------


def _normal(text: str) -> str:
    """Typed text as the interview compares it: full-width digits and letters as ASCII, no outer spaces."""
    import unicodedata

    return unicodedata.normalize("NFKC", text).strip()


def _yes_no(raw: Any, locale: Locale) -> bool:
    if isinstance(raw, bool):
        return raw
    words = locale.words.interview
    if isinstance(raw, str):
        typed = _normal(raw).casefold()
        if typed in {w.casefold() for w in (words.yes, *words.yes_words)}:
            return True
        if typed in {w.casefold() for w in (words.no, *words.no_words)}:
            return False
    raise _Invalid(words.invalid["yes_no"])


def _number(raw: Any, integer: bool, locale: Locale) -> int | float:
    invalid = locale.words.interview.invalid
    wanted = invalid["integer" if integer else "number"]
    if isinstance(raw, bool):
        raise _Invalid(wanted)
    if isinstance(raw, str):
        typed = _normal(raw).replace(",", "").replace("_", "").rstrip("%").strip()
        try:
            raw = int(typed) if re.fullmatch(r"-?\d{1,15}", typed) else float(typed)
        except ValueError:
            raise _Invalid(wanted) from None
    if not isinstance(raw, int | float) or raw != raw or raw in (float("inf"), float("-inf")):
        raise _Invalid(wanted)
    if integer:
        if isinstance(raw, float) and not raw.is_integer():
            raise _Invalid(wanted)
        return int(raw)
    return int(raw) if isinstance(raw, float) and raw.is_integer() else raw


def _unit_words() -> dict[str, str]:
    """Every word any language uses for days, weeks and months, to the unit it names."""
    found: dict[str, str] = {}
    for locale in locales():
        for unit, words in locale.words.interview.units.items():
            found.update({_normal(w).casefold(): unit for w in words})
    return found


def _date(raw: Any, period: bool, locale: Locale) -> Any:
    invalid = locale.words.interview.invalid
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if period and isinstance(raw, dict):
        given = [(k, v) for k, v in raw.items() if v is not None]
        if len(given) == 1 and given[0][0] in ("days", "weeks", "months"):
            return {given[0][0]: _number(given[0][1], True, locale)}
        raise _Invalid(invalid["period"])
    if isinstance(raw, str):
        typed = _normal(raw)
        match = re.fullmatch(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?", typed)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups())).isoformat()
            except ValueError:
                raise _Invalid(invalid["date"]) from None
        match = re.fullmatch(r"(\d{1,4})\s*(\D+?)\s*", typed)
        if period and match:
            unit = _unit_words().get(match.group(2).casefold())
            if unit is not None:
                return {unit: int(match.group(1))}
    raise _Invalid(invalid["period" if period else "date"])


def _choice(raw: Any, options: list[Option], many: bool, locale: Locale) -> Any:
    words = locale.words.interview
    if many:
        items = raw if isinstance(raw, list) else re.split(r"\s*[,、，]\s*", _normal(raw)) if isinstance(raw, str) else None
        if items is None:
            raise _Invalid(words.invalid["choice_many"])
        chosen = [_choice(item, options, False, locale) for item in items if not (isinstance(item, str) and not item.strip())]
        return list(dict.fromkeys(chosen))
    if isinstance(raw, str):
        typed = _normal(raw)
        if typed.isdigit() and 1 <= int(typed) <= len(options):
            return options[int(typed) - 1].value
        for option in options:
            if typed == option.value or typed.casefold() == _normal(option.label).casefold():
                return option.value
    allowed = locale.join([f"{o.value}" for o in options], "or")
    raise _Invalid(words.invalid["choice"].format(choices=allowed))


def _keyword(item: str) -> str:
    """A keyword in any language's words ("全世界") as the spec writes it ("worldwide")."""
    for locale in locales():
        for keyword, word in locale.words.formats.keywords.items():
            if _normal(item).casefold() in (word.casefold(), keyword):
                return keyword
    return item


def parse(question: Question, raw: Any, answers: Answers, locale: Locale, parent: str = "") -> Any:
    """An answer typed or given in a file as the value the question keeps; raises _Invalid with the reason."""
    invalid = locale.words.interview.invalid
    if question.put is _provided_by and isinstance(raw, list):
        raw = "none" if not raw else raw[0] if len(raw) == 1 else BOTH
    blank = raw is None or (isinstance(raw, str) and not raw.strip()) or (isinstance(raw, list) and not raw
                                                                          and question.kind not in ("list", "records"))
    if (blank and question.kind not in ("list", "records")) or (question.optional and raw == "-"):
        if question.optional:
            return None
        raise _Invalid(invalid["required"])
    kind = question.kind
    if kind == "text":
        if not isinstance(raw, str):
            raise _Invalid(invalid["text"])
        text = raw.strip()
        if question.id.endswith(".id") and question.id.startswith("parties.") and not re.fullmatch(PARTY_ID_PATTERN, text):
            raise _Invalid(invalid["party_id"])
        return text
    if kind == "yes_no":
        return _yes_no(raw, locale)
    if kind == "number":
        return _number(raw, question.integer, locale)
    if kind == "money":
        if isinstance(raw, dict) and "amount" in raw and set(raw) <= {"amount", "currency"}:
            return {"amount": _number(raw["amount"], True, locale), **({"currency": raw["currency"]} if raw.get("currency") else {})}
        return _number(raw, True, locale)
    if kind == "date":
        return _date(raw, question.period, locale)
    if kind == "choice":
        return _choice(raw, options_of(question, answers, locale, parent), question.many, locale)
    if kind == "list":
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            raise _Invalid(invalid["list"])
        return [_keyword(i.strip()) for i in items if i.strip()]
    return _records(question, raw, answers, locale)


def _item_context(question: Question, answers: Answers, item: Mapping[str, Any], items: Sequence[Any]) -> dict[str, Any]:
    """The answers as an item's fields see them: the deal's, with the item's own fields under the list's id."""
    return {**answers, **{f"{question.id}.{k}": v for k, v in item.items()}, "_items": list(items)}


def _records(question: Question, raw: Any, answers: Answers, locale: Locale) -> list[dict[str, Any]]:
    invalid = locale.words.interview.invalid
    if not isinstance(raw, list) or not all(isinstance(i, dict) for i in raw):
        raise _Invalid(invalid["records"])
    out: list[dict[str, Any]] = []
    for n, given in enumerate(raw, 1):
        known = {sub.id for sub in question.items}
        extra = sorted(set(given) - known)
        if extra:
            raise _Invalid(invalid["record_key"].format(n=n, key=extra[0], allowed=", ".join(sorted(known))))
        item: dict[str, Any] = {}
        for sub in question.items:
            context = _item_context(question, answers, item, out)
            if not applies(sub, context):
                continue
            value = given.get(sub.id)
            if value is None:
                value = default_of(sub, context, question.id)
                if value is NO_DEFAULT:
                    raise _Invalid(invalid["record_missing"].format(n=n, key=sub.id))
                if _unsaid(sub, value, context, question.id):
                    continue
            else:
                try:
                    value = parse(sub, value, context, locale, question.id)
                except _Invalid as exc:
                    raise _Invalid(invalid["record_item"].format(n=n, key=sub.id, message=exc)) from None
            item[sub.id] = value
        out.append(item)
    return out


# --- the session ------------------------------------------------------------------------------------


class Terminal(Protocol):
    """Where an interactive interview shows text and asks: the CLI gives one that talks to the user."""

    def show(self, text: str) -> None: ...

    def ask(self, prompt: str, default: str) -> str:
        """One line the user types; Enter gives `default` ("" when there is none)."""
        ...


@dataclass(frozen=True)
class Outcome:
    """What the interview made: the spec as written (validated), its model, the answers, and the answers
    given that no question took (they did not apply given the others)."""

    document: dict[str, Any]
    spec: CommonSpec
    answers: dict[str, Any]
    ignored: tuple[str, ...] = ()
    defaulted: frozenset[str] = frozenset()

    @property
    def build(self) -> bool | None:
        """Whether the answers ask to build the agreement (`build: true`), if they say."""
        value = self.answers.get(BUILD)
        return value if isinstance(value, bool) else None


class _Session:
    def __init__(self, locale: Locale, terminal: Terminal | None, given: Mapping[str, Any], source: str,
                 today: dt.date, schema: str | None) -> None:
        self.locale, self.words = locale, locale.words.interview
        self.terminal, self.given, self.source, self.schema = terminal, dict(given), source, schema
        self.answers: dict[str, Any] = {"_today": today, "_interview_language": locale.code}
        self.errors: list[str] = []
        self.defaulted: set[str] = set()  # answers taken as their default without anyone giving them
        self.section = ""
        self.implied = {key for q in QUESTIONS if q.id in self.given for key, want in q.when.items()
                        if want is True and _BY_ID.get(key, q).kind == "yes_no"}

    def run(self) -> Outcome:
        from .loading import validate_data

        forced: set[str] = set()
        previous: dict[str, Any] = {}
        if self.terminal is not None:
            self.terminal.show(self.words.intro)
        while True:
            self._walk(forced, previous)
            if self.errors:
                raise InterviewError(self.source, self.errors)
            document = ({"$schema": self.schema} if self.schema else {}) | build_spec(self.answers, self.defaulted)
            try:
                spec = validate_data(copy.deepcopy(document), self.source)
            except SpecError as exc:
                self._problems(exc, forced, previous)
                continue
            answers = {k: v for k, v in self.answers.items() if not k.startswith("_")}
            if BUILD in self.given:
                answers[BUILD] = _yes_no(self.given[BUILD], self.locale)
            ignored = tuple(k for k in self.given if k not in answers)
            return Outcome(document, spec, answers, ignored, frozenset(self.defaulted))

    def _walk(self, forced: set[str], previous: dict[str, Any]) -> None:
        for question in QUESTIONS:
            if not applies(question, self.answers):
                self.answers.pop(question.id, None)
            elif question.id not in self.answers:
                self.answers[question.id] = self._answer(question, forced, previous)

    def _answer(self, question: Question, forced: set[str], previous: dict[str, Any]) -> Any:
        self.defaulted.discard(question.id)
        default = default_of(question, self.answers)
        if question.id in self.given and question.id not in forced:
            try:
                return parse(question, self.given[question.id], self.answers, self.locale)
            except _Invalid as exc:
                self.errors.append(f"{question.id}: {exc}")
                return None if default is NO_DEFAULT else default
        if self.terminal is None:
            if question.id in self.implied:
                return True
            if default is NO_DEFAULT:
                self.errors.append(self.words.missing.format(id=question.id, question=title(question, self.answers, self.locale)))
                return None
            self.defaulted.add(question.id)
            return default
        settled = question.settled is not None and question.settled(self.answers)
        if settled and question.id not in forced and default is not NO_DEFAULT:
            self.defaulted.add(question.id)
            return default
        return self._ask(question, previous.pop(question.id, default), self.answers)

    def _problems(self, exc: SpecError, forced: set[str], previous: dict[str, Any]) -> None:
        """Ask again the questions behind each problem; without a terminal, name the answers to fix."""
        lines, again = [], []
        for problem in exc.errors:
            questions = question_for(problem.path, self.answers)
            message = problem.text(self.locale)
            asked = ", ".join(q.id for q in questions) or "-"
            lines.append(self.words.problem.format(id=asked, path=problem.path or "/", message=message))
            again += [q for q in questions if q not in again]
            if not questions:
                self.terminal = None  # nothing to ask again: the answers cannot make a spec
        if self.terminal is None:
            raise InterviewError(self.source, lines)
        for line in lines:
            self.terminal.show(line)
        for question in again:
            previous[question.id] = self.answers.pop(question.id)
            forced.add(question.id)

    # asking, one question at a time

    def _ask(self, question: Question, default: Any, answers: Answers, parent: str = "") -> Any:
        terminal = self.terminal
        assert terminal is not None
        if question.section and question.section != self.section:
            self.section = question.section
            terminal.show(self.words.section.format(title=self.words.sections[question.section]))
        text = title(question, answers, self.locale, parent)
        note = question.note(answers, self.locale) if question.note is not None else ""
        if note:
            terminal.show(note)
        if question.kind == "list":
            return self._ask_list(question, default, answers, text)
        if question.kind == "records":
            return self._ask_records(question, default, answers, text)
        options = options_of(question, answers, self.locale, parent) if question.kind == "choice" else []
        prompt = self._prompt(question, text, options, default, answers)
        while True:
            typed = terminal.ask(prompt, self._shown(question, default, options, answers))
            if _normal(typed) == "?":
                self._help(question, answers, options, parent)
                continue
            try:
                return parse(question, typed, answers, self.locale, parent)
            except _Invalid as exc:
                reason = str(exc)
                if options and typed.strip():  # the options are listed just above: name their numbers
                    reason = self.words.invalid["choice"].format(choices=f"1–{len(options)}")
                terminal.show(reason)

    def _prompt(self, question: Question, text: str, options: list[Option], default: Any, answers: Answers) -> str:
        words = self.words
        assert self.terminal is not None
        if options:
            self.terminal.show(text)
            for n, option in enumerate(options, 1):
                line = words.option.format(n=n, label=option.label, meaning=option.meaning) if option.meaning else \
                    words.option_plain.format(n=n, label=option.label)
                if option.favours:
                    line += words.favours.format(favours=option.favours)
                self.terminal.show(line)
            return words.choose_many if question.many else words.choose
        hints = {"yes_no": words.yes_no_hint, "date": words.period_hint if question.period else words.date_hint}
        hint = hints.get(question.kind, "")
        if question.kind == "money":
            hint = words.money.format(currency=answers.get("currency") or _default_currency())
        if question.optional and default is None:
            hint += words.optional
        return text + hint

    def _shown(self, question: Question, default: Any, options: list[Option], answers: Answers) -> str:
        """A default as the user would type it."""
        if default is None or default is NO_DEFAULT:
            return ""
        if question.kind == "yes_no":
            return self.words.yes if default else self.words.no
        if question.kind == "choice":
            labels = {o.value: o.label for o in options}
            values = default if isinstance(default, list) else [default]
            return ", ".join(labels.get(v, str(v)) for v in values)
        if question.kind == "date" and isinstance(default, dict):
            unit, n = next(iter(default.items()))
            return f"{n} {self.words.units[unit][0]}"
        if question.kind == "money" and isinstance(default, dict):
            return str(default["amount"])
        return str(default)

    def _help(self, question: Question, answers: Answers, options: list[Option], parent: str) -> None:
        assert self.terminal is not None
        text = help_text(question, answers, self.locale, parent)
        if text:
            self.terminal.show(text)
        for option in options:
            if option.example:
                self.terminal.show(self.words.example.format(label=option.label, example=option.example))

    def _keep(self, shown: list[str], text: str) -> bool:
        assert self.terminal is not None
        self.terminal.show(text)
        for line in shown:
            self.terminal.show(self.words.current.format(item=line))
        return bool(self._ask(_KEEP, True, {}))

    def _ask_list(self, question: Question, default: Any, answers: Answers, text: str) -> list[str]:
        terminal = self.terminal
        assert terminal is not None
        required = default is NO_DEFAULT
        if not required and default and self._keep([self._item(i) for i in default], text):
            return list(default)
        terminal.show(text + self.words.list_end)
        items: list[str] = []
        while True:
            typed = terminal.ask(self.words.list_item.format(n=len(items) + 1), "")
            if _normal(typed) == "?":
                self._help(question, answers, [], "")
                continue
            if not typed.strip():
                if items or not required:
                    return list(parse(question, items, answers, self.locale))
                terminal.show(self.words.invalid["required"])
                continue
            items.append(typed.strip())

    def _item(self, value: Any) -> str:
        return self.locale.keyword(value) if isinstance(value, str) else " / ".join(str(v) for v in value.values())

    def _ask_records(self, question: Question, default: Any, answers: Answers, text: str) -> list[dict[str, Any]]:
        terminal = self.terminal
        assert terminal is not None
        required = default is NO_DEFAULT
        if not required and default:
            names = _names(answers)
            shown = [" / ".join(names.get(v, str(v)) if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                                for v in item.values()) for item in default]
            if self._keep(shown, text):
                return list(default)
        else:
            terminal.show(text)
        items: list[dict[str, Any]] = []
        while True:
            if not self._ask(_ADD, not items and required, {"_n": len(items) + 1}):
                if items or not required:
                    return items
                terminal.show(self.words.invalid["required"])
                continue
            item: dict[str, Any] = {}
            for sub in question.items:
                context = _item_context(question, answers, item, items)
                if applies(sub, context):
                    item[sub.id] = self._ask(sub, default_of(sub, context, question.id), context, question.id)
            items.append(item)


def run_interview(lang: str, *, terminal: Terminal | None = None, given: Mapping[str, Any] | None = None,
                  source: str = "<answers>", today: dt.date | None = None, schema: str | None = None) -> Outcome:
    """Run the interview in the language `lang` and return the spec it makes, validated.

    With a `terminal`, asks each question that applies, one at a time; otherwise takes each answer from
    `given` (keyed by question id, see `flatten_answers`), or its default. Raises InterviewError naming
    every answer that is missing, cannot be read or makes the spec invalid. `schema` is the spec's "$schema".
    """
    session = _Session(get_locale(lang), terminal, given or {}, source, today or dt.date.today(), schema)
    return session.run()


def confirm(terminal: Terminal, lang: str, text: str, default: bool = True) -> bool:
    """A yes/no question after the interview ("Build the agreement now?"), asked until it is answered."""
    locale = get_locale(lang)
    words = locale.words.interview
    while True:
        typed = terminal.ask(text + words.yes_no_hint, words.yes if default else words.no)
        try:
            return _yes_no(typed, locale)
        except _Invalid as exc:
            terminal.show(str(exc))
