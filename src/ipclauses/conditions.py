"""Declarative conditions and value lookups over a deal spec.

Clause files select variants with tables such as
    when = { "confidentiality.definition" = "marked", "remedies.penalty" = { set = true } }
and declare variables with `from = "results.ownership.owner"`. Both name a spec
field by a dotted path, or a computed fact starting with "@" (see COMPUTED).
No Python is ever evaluated from a clause file.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import typing
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from .spec import SPEC_TYPES, AnySpec, CommonSpec, Party, UsageScope, term_end

MISSING = object()  # the path does not exist for this agreement type

OPERATORS = ("set", "not", "in", "contains", "gt", "lt")


def party_by_id(spec: CommonSpec, party_id: str | None) -> Party | None:
    return next((p for p in spec.parties if p.id == party_id), None)


def other_party(spec: CommonSpec, party_id: str | None) -> Party | None:
    """The one other party of a two-party deal; None where "the other" names no single party."""
    if party_id is None or len(spec.parties) != 2:
        return None
    return next((p for p in spec.parties if p.id != party_id), None)


def party_with_role(spec: CommonSpec, role: str) -> Party | None:
    return next((p for p in spec.parties if p.role == role), None)


def _sole_owner(spec: CommonSpec) -> Party | None:
    rule = getattr(getattr(spec, "results", None), "ownership", None)
    return party_by_id(spec, rule.owner) if rule is not None and rule.rule == "sole" else None


def _licensor(spec: AnySpec) -> Party | None:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None:
        return None
    if lic.licensor:
        return party_by_id(spec, lic.licensor)
    if (by_role := party_with_role(spec, "licensor")) is not None:
        return by_role
    if lic.licensee:
        return other_party(spec, lic.licensee)
    return _sole_owner(spec)


def _licensee(spec: AnySpec) -> Party | None:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None:
        return None
    if lic.licensee:
        return party_by_id(spec, lic.licensee)
    if (by_role := party_with_role(spec, "licensee")) is not None:
        return by_role
    licensor = _licensor(spec)
    return other_party(spec, licensor.id) if licensor else None


def _university(spec: CommonSpec) -> Party | None:
    return next((p for p in spec.parties if p.kind == "university"), None)


# Facts a clause may use that are not a single spec field. Each takes the spec.
COMPUTED: dict[str, Callable[[AnySpec], object]] = {
    "@party.first": lambda s: s.parties[0],
    "@party.second": lambda s: s.parties[1],
    "@role.discloser": lambda s: party_with_role(s, "discloser"),
    "@role.recipient": lambda s: party_with_role(s, "recipient"),
    "@role.provider": lambda s: party_with_role(s, "provider"),
    "@role.customer": lambda s: party_with_role(s, "customer"),
    "@role.user": lambda s: party_with_role(s, "user"),
    "@role.licensor": lambda s: _licensor(s),
    "@role.licensee": lambda s: _licensee(s),
    "@role.coordinator": lambda s: party_with_role(s, "coordinator"),
    "@results.sole_owner": _sole_owner,
    "@results.non_owner": lambda s: other_party(s, o.id) if (o := _sole_owner(s)) else None,
    "@option.grantor": lambda s: other_party(s, o.holder) if (o := getattr(s, "option", None)) is not None else None,
    "@costs.payee": lambda s: other_party(s, c.payer) if (c := getattr(getattr(s, "jrd", None), "costs", None)) is not None else None,
    "@has.university": lambda s: _university(s) is not None,
    "@has.startup": lambda s: any(p.kind == "startup" for p in s.parties),
    "@university": _university,
    "@term.end_date": term_end,
    "@term.years": lambda s: s.term.months // 12 if s.term.months % 12 == 0 else None,
    "@copyright.separate": lambda s: getattr(getattr(s, "results", None), "copyright_ownership", None) is not None,
    # An AI model developed under the deal (the "ai" block of a PoC or a joint R&D): who develops it, and the other party.
    "@ai.developer": lambda s: party_by_id(s, a.developer) if (a := getattr(s, "ai", None)) is not None else None,
    "@ai.partner": lambda s: other_party(s, a.developer) if (a := getattr(s, "ai", None)) is not None else None,
}


def lookup(spec: AnySpec, path: str) -> Any:
    """Value at a dotted path or computed fact; MISSING if the path does not apply to this spec."""
    if path.startswith("@"):
        fn = COMPUTED.get(path)
        return MISSING if fn is None else fn(spec)
    value: Any = spec
    for part in _parts(path):
        if value is None:
            return None
        if isinstance(value, (list, tuple)):
            if not part.isdigit():
                return MISSING
            index = int(part)
            value = value[index] if index < len(value) else None
            continue
        # __pydantic_fields__ is the plain dict behind model_fields, which costs a call each time
        if not isinstance(value, BaseModel) or part not in type(value).__pydantic_fields__:
            return MISSING
        value = getattr(value, part)
    return value


@lru_cache(maxsize=4096)
def _parts(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))


def party_fact(spec: AnySpec, fact: str) -> Party | None:
    """The party a computed fact such as "@role.licensee" names, or None when it names none."""
    value = lookup(spec, fact)
    return value if isinstance(value, Party) else None


EACH = "each"


def who_problems(who: Any, agreements: list[str]) -> list[str]:
    """What is wrong with an effect's `who` for these agreement types (empty when it is fine)."""
    if not isinstance(who, str) or not who:
        return ['a party: "each", a role such as "licensee", a fact such as "@results.sole_owner", '
                'a path to a party id such as "jrd.costs.payer", or "jrd.roles[].party"']
    if who == EACH:
        return []
    if "." not in who and not who.startswith("@"):
        fact = f"@role.{who}"
        return [] if fact in COMPUTED else [f"unknown role {who!r} (roles: {', '.join(sorted(f[6:] for f in COMPUTED if f.startswith('@role.')))})"]
    if who.startswith("@"):
        if Party not in COMPUTED_TYPES.get(who, ()):
            parties = sorted(f for f, types in COMPUTED_TYPES.items() if Party in types)
            return [f"{who!r} is not a fact that names a party (facts: {', '.join(parties)})"]
        return []
    problems = []
    list_path, _, field_name = who.partition("[].")
    for agreement in agreements:
        found, types = path_annotation(agreement, list_path)
        if not found:
            problems.append(f"{list_path!r} does not exist in a {agreement} spec")
        elif field_name and not any(typing.get_origin(t) is list for t in types):
            problems.append(f"{list_path!r} is not a list in a {agreement} spec")
        elif field_name and not path_annotation(agreement, f"{list_path}.0.{field_name}")[0]:
            problems.append(f"the entries of {list_path!r} have no field {field_name!r} in a {agreement} spec")
    return problems


def parties_concerned(spec: AnySpec, who: str) -> list[tuple[Party, dict[str, Any]]]:
    """The parties an effect's `who` names in this spec, each with the list entry it came from (or {})."""
    if who == EACH:
        return [(p, {}) for p in spec.parties]
    if "." not in who and not who.startswith("@"):
        who = f"@role.{who}"
    list_path, _, field_name = who.partition("[].")
    if field_name:
        entries = lookup(spec, list_path)
        found = []
        for entry in entries if isinstance(entries, list) else []:
            party = party_by_id(spec, getattr(entry, field_name, None))
            if party is not None:
                found.append((party, entry.model_dump(mode="json") if isinstance(entry, BaseModel) else {}))
        return found
    value = lookup(spec, who)
    if isinstance(value, str):
        value = party_by_id(spec, value)
    return [(value, {})] if isinstance(value, Party) else []


def _plain(value: Any) -> Any:
    """A date as its ISO text, so that every operator compares dates the same way (2026-04-01 < 2026-10-01)."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _matches(value: Any, expected: Any) -> bool:
    """Whether one spec value satisfies one entry of a condition (see clause_library/README.md)."""
    if value is MISSING:
        return False
    value = _plain(value)
    if isinstance(expected, dict):
        (op, arg), = expected.items()
        if op == "set":
            present = value is not None and value != [] and value is not False
            return present == bool(arg)
        if op == "not":
            return bool(value != _plain(arg))
        if op == "in":
            return value in [_plain(a) for a in arg]
        if op == "contains":
            return isinstance(value, (list, tuple)) and _plain(arg) in value
        if op in ("gt", "lt"):
            if value is None or isinstance(value, bool):
                return False
            try:
                return bool(value > _plain(arg)) if op == "gt" else bool(value < _plain(arg))
            except TypeError:  # a text compared with a number: the loader refuses such conditions
                return False
        raise ValueError(op)
    if isinstance(expected, list):
        return value in [_plain(e) for e in expected]
    return bool(value == _plain(expected))


def holds(spec: AnySpec, condition: dict[str, Any] | None) -> bool:
    """True when every entry of a `when` table holds for the spec (an empty table always holds).

    The key "any" takes a list of tables, of which at least one must hold.
    """
    return holds_for(lambda path: lookup(spec, path), condition)


def holds_for(value_of: Callable[[str], Any], condition: dict[str, Any] | None) -> bool:
    """`holds` over any source of values: `value_of(path)` gives the value at a path (or MISSING)."""
    if not condition:
        return True
    for path, expected in condition.items():
        if path == "any":
            if not any(holds_for(value_of, sub) for sub in expected):
                return False
        elif not _matches(value_of(path), expected):
            return False
    return True


# --- static checks, used by the library loader -----------------------------


def _unwrap(annotation: object) -> list[object]:
    """The concrete types an annotation allows (Optional/Union/Annotated/list flattened one level)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, __import__("types").UnionType):
        out: list[object] = []
        for arg in typing.get_args(annotation):
            out.extend(_unwrap(arg))
        return out
    return [annotation]


# The types of the computed facts, as path_annotation gives them for spec fields.
COMPUTED_TYPES: dict[str, tuple[object, ...]] = {
    "@party.first": (Party,),
    "@party.second": (Party,),
    "@has.university": (bool,),
    "@has.startup": (bool,),
    "@copyright.separate": (bool,),
    "@term.end_date": (dt.date,),
    "@term.years": (int, type(None)),
    **{fact: (Party, type(None)) for fact in COMPUTED if fact.startswith(("@role.", "@results.", "@option.", "@costs.", "@university", "@ai."))},
}


def path_annotation(agreement: str, path: str) -> tuple[bool, list[object]]:
    """Whether a path exists for an agreement type, and the types it may hold there."""
    found, types = _annotation(agreement, path)
    return found, list(types)


@lru_cache(maxsize=4096)
def _annotation(agreement: str, path: str) -> tuple[bool, tuple[object, ...]]:
    if path.startswith("@"):
        return path in COMPUTED, COMPUTED_TYPES.get(path, ())
    model: type[CommonSpec] = SPEC_TYPES[agreement]
    types: list[object] = [model]
    for part in path.split("."):
        next_types: list[object] = []
        for t in types:
            if typing.get_origin(t) is list:
                if part.isdigit():
                    next_types.extend(_unwrap(typing.get_args(t)[0]))
                continue
            if isinstance(t, type) and issubclass(t, BaseModel) and part in t.model_fields:
                next_types.extend(_unwrap(t.model_fields[part].annotation))
        if not next_types:
            return False, ()
        types = next_types
    return True, tuple(types)


def _may_be_unset(agreement: str, path: str) -> bool:
    """Whether the value at a path can be None: it, or a field on the way to it, is optional or a list item."""
    if path.startswith("@"):
        return type(None) in COMPUTED_TYPES.get(path, (type(None),))
    parts = path.split(".")
    for end in range(1, len(parts) + 1):
        if parts[end - 1].isdigit() or type(None) in _annotation(agreement, ".".join(parts[:end]))[1]:
            return True
    return False


def literal_values(types: list[object]) -> list[object] | None:
    """All values allowed when every type is a Literal (else None: free values)."""
    values: list[object] = []
    for t in types:
        if t is type(None):
            continue
        if typing.get_origin(t) is typing.Literal:
            values.extend(typing.get_args(t))
        elif typing.get_origin(t) is list:
            inner = literal_values(_unwrap(typing.get_args(t)[0]))
            if inner is None:
                return None
            values.extend(inner)
        else:
            return None
    return values


# --- checking a condition's form --------------------------------------------------

_SCALARS = (str, int, float, bool, dt.date)


def _kind(t: object) -> str:
    """What a spec type is, in the words the loader's messages use."""
    origin = typing.get_origin(t)
    if origin is typing.Literal:
        return "choice"
    if origin is list:
        return "list"
    if t is bool:
        return "true or false"
    if t in (int, float):
        return "number"
    if t is str:
        return "text"
    if t is dt.date:
        return "date"
    return "group of fields"


def _fits(value: Any, t: object) -> bool:
    """Whether a constant written in a condition can equal a value of spec type t."""
    origin = typing.get_origin(t)
    if origin is typing.Literal:
        return any(value == arg and type(value) is type(arg) for arg in typing.get_args(t))
    if t is bool:
        return isinstance(value, bool)
    if t in (int, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if t is str:
        return isinstance(value, str)
    if t is dt.date:
        if isinstance(value, dt.date):
            return True
        try:
            dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return False
        return True
    return False  # a list or a group of fields never equals a constant


def _field_problems(path: str, expected: Any, types: list[object]) -> list[str]:
    """Problems with one `path = expected` entry, given the types the path has (empty: unknown, anything goes)."""
    concrete = [t for t in types if t is not type(None)]
    kinds = sorted({_kind(t) for t in concrete})
    is_a = f"is a {' or '.join(kinds)} field" if kinds else ""
    if isinstance(expected, dict):
        if len(expected) != 1 or next(iter(expected)) not in OPERATORS:
            return [f'"{path}": an operator table has exactly one of {", ".join(OPERATORS)}, e.g. {{ not = "sole" }}']
        op, arg = next(iter(expected.items()))
        if op == "set":
            return [] if isinstance(arg, bool) else [f'"{path}": {{ set = ... }} takes true or false']
        if op == "in":
            if not isinstance(arg, list) or not arg:
                return [f'"{path}": {{ in = [...] }} takes a non-empty list of values']
            constants, compare = arg, [t for t in concrete if typing.get_origin(t) is not list]
        elif op == "not":
            constants, compare = [arg], [t for t in concrete if typing.get_origin(t) is not list]
        elif op == "contains":
            inner = [i for t in concrete if typing.get_origin(t) is list for i in _unwrap(typing.get_args(t)[0])]
            if concrete and not inner:
                return [f'"{path}": {{ contains = ... }} is for list fields; "{path}" {is_a}']
            constants, compare = [arg], inner
        else:  # gt, lt
            compare = [t for t in concrete if t in (int, float, dt.date)]
            if concrete and not compare:
                return [f'"{path}": {{ {op} = ... }} compares numbers or dates; "{path}" {is_a}']
            constants = [arg]
    else:
        if isinstance(expected, list) and not expected:
            return [f'"{path}": an empty list never holds; list the values, e.g. ["a", "b"]']
        constants = expected if isinstance(expected, list) else [expected]
        compare = [t for t in concrete if typing.get_origin(t) is not list]
        if concrete and not compare:
            return [f'"{path}" is a list field: test it with {{ contains = ... }} or {{ set = true }}']
    problems = []
    for value in constants:
        if not isinstance(value, _SCALARS):
            problems.append(f'"{path}": {value!r} is not a single value (text, number, true/false or date)')
        elif compare and not any(_fits(value, t) for t in compare):
            allowed = literal_values(compare)
            if allowed:
                problems.append(f'"{path}": {value!r} is not a value the spec allows '
                                f'(allowed: {", ".join(repr(v) for v in allowed)})')
            else:
                problems.append(f'"{path}": {value!r} can never match: "{path}" {is_a}'
                                + (" (test a group of fields with { set = true })" if "group of fields" in kinds else ""))
    return problems


def check_condition(condition: Any, agreements: list[str]) -> list[str]:
    """Problems with a `when` or `include_when` table, in words, for the loader to report."""
    if not isinstance(condition, dict):
        return ["must be a table such as { \"confidentiality.definition\" = \"marked\" }"]
    problems = []
    for path, expected in condition.items():
        if path == "any":
            if not isinstance(expected, list) or not expected or not all(isinstance(e, dict) and e for e in expected):
                problems.append('"any" takes a non-empty list of non-empty tables, e.g. any = [{ "a" = 1 }, { "b" = 2 }]')
                continue
            for sub in expected:
                problems.extend(check_condition(sub, agreements))
            continue
        found = [a for a in agreements if _annotation(a, path)[0]]
        if not found:
            problems.append(f'"{path}" is not a spec field of {", ".join(agreements)} (see schema/deal-spec.schema.json)')
            continue
        # A constant is allowed if some agreement type allows it ("type" differs per type).
        types: list[object] = []
        for agreement in found:
            types.extend(t for t in _annotation(agreement, path)[1] if t not in types)
        problems.extend(_field_problems(path, expected, types))
    return problems


# --- overlapping conditions --------------------------------------------------------
#
# Two variants of a clause overlap when some spec satisfies both `when`s. The loader refuses
# that (unless one is the default), so choosing a variant never depends on their order. The
# check treats every path as an independent value, each ranging over a finite set of
# representatives: all values of a choice or true/false field, and for numbers, texts, dates
# and lists the constants the conditions mention and values beside them. Two conditions that
# hold together for some spec hold together for some such combination, so no overlap is
# missed; an overlap only impossible through a rule linking two fields (validation's
# cross-field rules) may be reported, and is then resolved by naming that field too.

Term = tuple[tuple[str, Any], ...]  # entries that must all hold: (path, expected)


class ConditionTooComplex(Exception):
    """A condition whose `any`s expand into too many alternatives to compare."""


class OverlapBudget:
    """How many combinations the overlap check may still try, so that no library makes loading slow."""

    def __init__(self, steps: int):
        self.left = steps

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise ConditionTooComplex("the library's conditions take too long to compare; "
                                      "use fewer variants or `any` alternatives")


class _Other:
    """A representative value unlike every constant in the conditions: another text, a party, a group of fields."""

    def __init__(self, what: str):
        self.what = what

    def __repr__(self) -> str:
        return f"({self.what})"


def alternatives(condition: dict[str, Any] | None, limit: int = 256) -> list[Term]:
    """The condition as alternatives, each a conjunction of single-path entries (`any` multiplied out)."""
    terms: list[Term] = [()]
    for path, expected in (condition or {}).items():
        if path == "any":
            options = [term for sub in expected for term in alternatives(sub, limit)]
            terms = [term + option for term in terms for option in options]
        else:
            terms = [term + ((path, expected),) for term in terms]
        if len(terms) > limit:
            raise ConditionTooComplex(f"its `any` tables make more than {limit} alternatives")
    return terms


def _constants(expected: Any) -> list[Any]:
    if isinstance(expected, dict):
        (op, arg), = expected.items()
        if op == "set":
            return []
        return list(arg) if op == "in" and isinstance(arg, list) else [arg]
    return list(expected) if isinstance(expected, list) else [expected]


def _numbers_near(constants: list[Any], whole: bool) -> list[Any]:
    numbers = sorted({c for c in constants if isinstance(c, (int, float)) and not isinstance(c, bool)})
    if not numbers:
        return [0]
    if whole:
        out = {n for c in numbers for n in (math.floor(c) - 1, math.floor(c), math.ceil(c), math.ceil(c) + 1)}
        return sorted(out)
    mids = [(a + b) / 2 for a, b in itertools.pairwise(numbers)]
    return sorted({numbers[0] - 1, *numbers, *mids, numbers[-1] + 1})


def representatives(agreement: str, path: str, constants: list[Any]) -> list[Any]:
    """Values that stand for every value a path can take, as far as conditions mentioning `constants` can tell."""
    try:
        return list(_representatives(agreement, path, tuple(constants)))
    except TypeError:  # an unhashable constant: the loader reports the condition anyway
        return list(_representatives.__wrapped__(agreement, path, tuple(constants)))


@lru_cache(maxsize=4096)
def _representatives(agreement: str, path: str, constants: tuple[Any, ...]) -> tuple[Any, ...]:
    found, types = _annotation(agreement, path)
    if not found:
        return (MISSING,)
    out: list[Any] = [None] if _may_be_unset(agreement, path) else []
    plain = [_plain(c) for c in constants]
    for t in types:
        origin = typing.get_origin(t)
        if t is type(None):
            out.append(None)
        elif origin is typing.Literal:
            out.extend(typing.get_args(t))
        elif t is bool:
            out.extend([True, False])
        elif t in (int, float):
            out.extend(_numbers_near(plain, whole=t is int))
        elif t in (str, dt.date):
            texts = sorted({c for c in plain if isinstance(c, str)})
            out.extend(texts)
            if t is str:
                out.append(_Other("another text"))
            else:  # dates compare as ISO texts: one before, and one after each date the conditions mention
                out.extend(["0000-00-00", *(text + "~" for text in texts)])
        elif origin is list:
            inner = literal_values(_unwrap(typing.get_args(t)[0]))
            mentioned = sorted({c for c in plain if isinstance(c, _SCALARS) and (inner is None or c in inner)}, key=repr)[:8]
            pool: list[Any] = [*mentioned, _Other("another item")]
            out.extend([[item for bit, item in enumerate(pool) if mask >> bit & 1] for mask in range(2 ** len(pool))])
        else:
            out.append(_Other("given"))
    unique: list[Any] = []
    for value in out:  # True == 1 and False == 0, so compare types too
        if not any(type(value) is type(u) and value == u for u in unique):
            unique.append(value)
    return tuple(unique)


def _witness(agreement: str, term: Term) -> dict[str, Any] | None:
    """Values, one per path of the term, under which every entry holds; None when no spec can satisfy it."""
    by_path: dict[str, list[Any]] = {}
    for path, expected in term:
        by_path.setdefault(path, []).append(expected)
    chosen: dict[str, Any] = {}
    for path, entries in by_path.items():
        candidates = representatives(agreement, path, [c for e in entries for c in _constants(e)])
        value = next((v for v in candidates if all(_matches(v, e) for e in entries)), MISSING)
        if value is MISSING:
            return None
        chosen[path] = value
    return chosen


def find_overlap(agreements: list[str], include_when: dict[str, Any] | None,
                 first: dict[str, Any] | None, second: dict[str, Any] | None,
                 budget: OverlapBudget | None = None) -> tuple[str, dict[str, Any]] | None:
    """(agreement type, example values) for which the clause applies and both conditions hold, or None.

    Raises ConditionTooComplex when the conditions have too many alternatives to compare.
    """
    return overlap_between(agreements, alternatives(include_when), alternatives(first), alternatives(second), budget)


def overlap_between(agreements: list[str], include: list[Term], one: list[Term], other: list[Term],
                    budget: OverlapBudget | None = None) -> tuple[str, dict[str, Any]] | None:
    """find_overlap over conditions already expanded by `alternatives` (the loader expands each once)."""
    budget = budget or OverlapBudget(1_000_000)
    if len(include) * len(one) * len(other) > 4096:
        raise ConditionTooComplex("the `any` tables of two variants and include_when make too many combinations")
    for agreement in agreements:
        for a in one:
            for b in other:
                for i in include:
                    budget.spend()
                    example = _witness(agreement, (("type", agreement), *i, *a, *b))
                    if example is not None:
                        example.pop("type")
                        return agreement, example
    return None


def describe(values: dict[str, Any]) -> str:
    """Example values in the form a condition is written: "a" = 1, "b" = "x"."""
    def show(value: Any) -> str:
        if value is None:
            return "(not set)"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return "[" + ", ".join(show(v) for v in value) + "]"
        if isinstance(value, str):
            return json.dumps(value, ensure_ascii=False)
        return repr(value)

    return ", ".join(f'"{path}" = {show(value)}' for path, value in values.items())
