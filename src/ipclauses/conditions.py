"""Declarative conditions and value lookups over a deal spec.

Clause files select variants with tables such as
    when = { "confidentiality.definition" = "marked", "remedies.penalty" = { set = true } }
and declare variables with `from = "results.ownership.owner"`. Both name a spec
field by a dotted path, or a computed fact starting with "@" (see COMPUTED).
No Python is ever evaluated from a clause file.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from .loading import term_end
from .spec import SPEC_TYPES, AnySpec, CommonSpec, JrdSpec, Party, UsageScope

MISSING = object()  # the path does not exist for this agreement type

OPERATORS = ("set", "not", "in", "contains", "gt", "lt")


def party_by_id(spec: CommonSpec, party_id: str | None) -> Party | None:
    return next((p for p in spec.parties if p.id == party_id), None)


def other_party(spec: CommonSpec, party_id: str | None) -> Party | None:
    if party_id is None:
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
    if spec.type == "license":
        return party_with_role(spec, "licensor")
    if lic.licensee:
        return other_party(spec, lic.licensee)
    return _sole_owner(spec)


def _licensee(spec: AnySpec) -> Party | None:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None:
        return None
    if lic.licensee:
        return party_by_id(spec, lic.licensee)
    if spec.type == "license":
        return party_with_role(spec, "licensee")
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
    "@role.licensor": lambda s: _licensor(s),
    "@role.licensee": lambda s: _licensee(s),
    "@results.sole_owner": _sole_owner,
    "@results.non_owner": lambda s: other_party(s, o.id) if (o := _sole_owner(s)) else None,
    "@option.grantor": lambda s: other_party(s, s.option.holder) if isinstance(s, JrdSpec) and s.option else None,
    "@has.university": lambda s: _university(s) is not None,
    "@has.startup": lambda s: any(p.kind == "startup" for p in s.parties),
    "@university": _university,
    "@term.end_date": term_end,
    "@term.years": lambda s: s.term.months // 12 if s.term.months % 12 == 0 else None,
    "@copyright.separate": lambda s: getattr(getattr(s, "results", None), "copyright_ownership", None) is not None,
}


def lookup(spec: AnySpec, path: str) -> Any:
    """Value at a dotted path or computed fact; MISSING if the path does not apply to this spec."""
    if path.startswith("@"):
        fn = COMPUTED.get(path)
        return MISSING if fn is None else fn(spec)
    value: Any = spec
    for part in path.split("."):
        if value is None:
            return None
        if isinstance(value, (list, tuple)):
            if not part.isdigit():
                return MISSING
            index = int(part)
            value = value[index] if index < len(value) else None
            continue
        if not isinstance(value, BaseModel) or part not in type(value).model_fields:
            return MISSING
        value = getattr(value, part)
    return value


def party_fact(spec: AnySpec, fact: str) -> Party | None:
    """The party a computed fact such as "@role.licensee" names, or None when it names none."""
    value = lookup(spec, fact)
    return value if isinstance(value, Party) else None


def _matches(value: Any, expected: Any) -> bool:
    if value is MISSING:
        return False
    if isinstance(expected, dict):
        (op, arg), = expected.items()
        if op == "set":
            present = value is not None and value != [] and value is not False
            return present == bool(arg)
        if op == "not":
            return bool(value != arg)
        if op == "in":
            return value in arg
        if op == "contains":
            return isinstance(value, (list, tuple)) and arg in value
        if op == "gt":
            return value is not None and value > arg
        if op == "lt":
            return value is not None and value < arg
        raise ValueError(op)
    if isinstance(expected, list):
        return value in expected
    if isinstance(value, dt.date) and isinstance(expected, str):
        return value.isoformat() == expected
    return bool(value == expected)


def holds(spec: AnySpec, condition: dict[str, Any] | None) -> bool:
    """True when every entry of a `when` table holds for the spec (an empty table always holds).

    The key "any" takes a list of tables, of which at least one must hold.
    """
    if not condition:
        return True
    for path, expected in condition.items():
        if path == "any":
            if not any(holds(spec, sub) for sub in expected):
                return False
        elif not _matches(lookup(spec, path), expected):
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


def path_annotation(agreement: str, path: str) -> tuple[bool, list[object]]:
    """Whether a path exists for an agreement type, and the types it may hold there."""
    if path.startswith("@"):
        return path in COMPUTED, []
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
            return False, []
        types = next_types
    return True, types


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


def check_condition(condition: Any, agreements: list[str]) -> list[str]:
    """Problems with a `when` table, in words, for the loader to report."""
    if not isinstance(condition, dict):
        return ["must be a table such as { \"confidentiality.definition\" = \"marked\" }"]
    problems = []
    for path, expected in condition.items():
        if path == "any":
            if not isinstance(expected, list) or not all(isinstance(e, dict) for e in expected):
                problems.append('"any" takes a list of tables')
                continue
            for sub in expected:
                problems.extend(check_condition(sub, agreements))
            continue
        found = [a for a in agreements if path_annotation(a, path)[0]]
        if not found:
            problems.append(f'"{path}" is not a spec field of {", ".join(agreements)} (see schema/deal-spec.schema.json)')
            continue
        if isinstance(expected, dict):
            if len(expected) != 1 or next(iter(expected)) not in OPERATORS:
                problems.append(f'"{path}": an operator table has one of {", ".join(OPERATORS)}')
                continue
            op, arg = next(iter(expected.items()))
            candidates = arg if op == "in" and isinstance(arg, list) else [arg] if op in ("not", "contains") else []
        else:
            candidates = expected if isinstance(expected, list) else [expected]
        allowed: list[object] | None = []
        for agreement in found:  # a value is allowed if some agreement type allows it ("type" differs per type)
            types = path_annotation(agreement, path)[1]
            values = literal_values(types) if types else None  # computed facts take any value
            allowed = None if values is None or allowed is None else allowed + values
        if allowed is not None:
            for value in candidates:
                if value not in allowed:
                    choices = ", ".join(repr(v) for v in allowed)
                    problems.append(f'"{path}": {value!r} is not a value the spec allows (allowed: {choices})')
    return problems
