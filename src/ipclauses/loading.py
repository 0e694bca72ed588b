"""Read a deal spec from a file, text or dict, and validate it with messages for people.

Stages, each adding problems to one list so the user sees everything at once:
1. bytes -> JSON (size limit, UTF-8, syntax with line and column, duplicate keys,
   nesting depth);
2. characters XML cannot hold, anywhere in the document;
3. the pydantic models (types, allowed values, unknown fields with "did you mean");
4. cross-field rules that need the whole deal (parties exist, dates in order, ...):
   the ones every agreement type shares here, then the spec's type's own.

The models and the rules come from the registered agreement types (agreement_types/),
so a registered type is validated like the shipped ones.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import json
import os
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import IO, Any

from pydantic import BaseModel, ValidationError

from . import agreement_types
from .agreement_types import AnyAgreementType, Problems, Roles
from .errors import Problem, SpecError
from .safe_read import NotARegularFile, read_regular_file
from .spec import AnySpec, CommonSpec, given, language_defaults
from .spec import term_end as term_end  # where wording, summary and conditions look for it
from .unicode_safety import XML_FORBIDDEN, UnsafeCharacter, look_alike, unsafe_character

MAX_SPEC_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_INTEGER_DIGITS = 30
# A float holds any decimal of up to 15 significant digits exactly (DBL_DIG), so numbers
# within this limit print as given; longer ones are refused rather than rounded.
MAX_SIGNIFICANT_DIGITS = 15

_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029\x85]")


def pointer(parts: Iterable[str | int]) -> str:
    """JSON pointer (RFC 6901) for a location given as keys and indexes."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class _Obj(dict[str, Any]):
    """A JSON object that remembers keys given more than once."""

    duplicates: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> _Obj:
    obj = _Obj()
    obj.duplicates = []
    for key, value in pairs:
        if key in obj:
            obj.duplicates.append(key)
        obj[key] = value
    return obj


def _describe_char(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _unsafe_message(unsafe: UnsafeCharacter) -> str:
    return (
        f"holds {unsafe.code_point} ({unsafe.name}) at position {unsafe.position}, {unsafe.reason}; "
        "an agreement must show exactly what it says (remove it: it is often pasted in invisibly)"
    )


def _walk(value: Any, path: list[str | int], problems: list[Problem], depth: int = 0) -> None:
    """Find duplicate keys, forbidden characters and excessive nesting."""
    if depth > MAX_DEPTH:
        problems.append(Problem(pointer(path), f"nested more than {MAX_DEPTH} levels deep (a deal spec is never this deep)"))
        return
    if isinstance(value, dict):
        for key in getattr(value, "duplicates", []):
            problems.append(
                Problem(pointer(path + [key]), f'key "{key}" appears more than once in this object (keep one)')
            )
        for key, item in value.items():
            bad = XML_FORBIDDEN.search(key)
            if bad:
                problems.append(Problem(pointer(path), f"a key holds the control character {_describe_char(bad.group())}"))
            elif (unsafe := unsafe_character(key)) is not None:
                problems.append(Problem(pointer(path), f"a key {_unsafe_message(unsafe)}"))
            _walk(item, path + [key], problems, depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, path + [i], problems, depth + 1)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**MAX_INTEGER_DIGITS:
        problems.append(Problem(pointer(path), f"is a number with more than {MAX_INTEGER_DIGITS} digits; no deal needs one "
                                "(check the value)"))
    elif isinstance(value, _LongNumber):
        problems.append(Problem(pointer(path), f"is a number with {len(value):,} characters; no deal needs more than "
                                f"{MAX_SIGNIFICANT_DIGITS} significant digits (check the value)"))
    elif isinstance(value, (Decimal, float)) and not isinstance(value, bool):
        problem = _number_problem(value)
        if problem:
            problems.append(Problem(pointer(path), problem))
    elif isinstance(value, str):
        bad = XML_FORBIDDEN.search(value)
        if bad:
            at = bad.start()
            problems.append(
                Problem(
                    pointer(path),
                    f"holds the character {_describe_char(bad.group())} at position {at + 1}, which a Word "
                    "document cannot contain (remove it; it is often pasted in invisibly)",
                )
            )
        elif value and not value.strip():
            problems.append(Problem(pointer(path), "is blank (write a value, or leave the field out)"))
        elif _LINE_BREAKS.search(value):
            problems.append(
                Problem(
                    pointer(path),
                    "holds a line break or tab; write the value on one line (the agreement sets the layout)",
                )
            )
        else:
            unsafe = unsafe_character(value)
            if unsafe is not None:
                problems.append(Problem(pointer(path), _unsafe_message(unsafe)))


class _LongNumber(str):
    """A JSON number with more digits than any deal needs, kept as text so its path can be named."""


def _parse_int(text: str) -> int | _LongNumber:
    # int() of thousands of digits is slow and refused past 4,300 digits: never attempt it.
    return int(text) if len(text.lstrip("-")) <= MAX_INTEGER_DIGITS else _LongNumber(text)


def _parse_float(text: str) -> Decimal | _LongNumber:
    # Decimal keeps the number exactly as written, so its digits can be checked before any float exists.
    return Decimal(text) if len(text) <= 40 else _LongNumber(text)


_NUMBER_MARKERS = ("(check the value)", "never rounded)", "never prints a rounded number)", "(write digits, e.g. 2.5)")


def _number_problem(value: Decimal | float) -> str | None:
    """Why a number cannot be written into an agreement exactly as given, or None."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not exact.is_finite():
        return "is not a finite number (write digits, e.g. 2.5)"
    if exact.adjusted() >= MAX_INTEGER_DIGITS:
        return f"{exact} is far too large to be a value in a deal (check the value)"
    digits = len(exact.normalize().as_tuple().digits)
    if digits > MAX_SIGNIFICANT_DIGITS:
        return (f"{exact} has {digits} significant digits; at most {MAX_SIGNIFICANT_DIGITS} can be kept exactly "
                "(shorten it: the agreement prints the number exactly as given, never rounded)")
    if Decimal(repr(float(exact))) != exact:
        return f"{exact} is too small to be kept exactly (the agreement never prints a rounded number)"
    return None


def _plain_numbers(value: Any) -> Any:
    """Exact decimals as the floats the models take: exact, as no more than 15 digits were allowed."""
    if isinstance(value, dict):
        return {k: _plain_numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_numbers(v) for v in value]
    if isinstance(value, Decimal):
        return float(value)
    return value


def parse_json(text: str, source: str) -> Any:
    """Parse JSON text, refusing duplicate keys and reporting line and column on syntax errors."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_int=_parse_int, parse_float=_parse_float)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{_json_hint(text, exc)}"
        raise SpecError(source, [Problem("", msg)]) from None
    except RecursionError:
        raise SpecError(source, [Problem("", f"nested too deeply to be a deal spec (at most {MAX_DEPTH} levels)")]) from None
    return data


def _json_hint(text: str, exc: json.JSONDecodeError) -> str:
    """The usual cause of a syntax error, in words: the decoder only says what it expected."""
    before = text[: exc.pos].rstrip()
    prev = before[-1:] if before else ""
    prev_line = before.count("\n") + 1
    here = text[exc.pos : exc.pos + 2]
    if exc.msg.startswith("Expecting ',' delimiter") and prev_line < exc.lineno:
        return f" (a comma is probably missing at the end of line {prev_line})"
    if here.startswith("'"):
        return " (JSON needs double quotes \"...\", not single quotes)"
    if here in ("//", "/*") or here.startswith("#"):
        return " (JSON has no comments; remove it)"
    if prev == "," and exc.msg.startswith(("Expecting property name", "Expecting value", "Illegal trailing comma")):
        return f" (remove the comma at the end of line {prev_line}: JSON allows no comma after the last item)"
    return ""


def _read(source: str | os.PathLike[str] | bytes | dict[str, Any], origin: str | None) -> tuple[Any, str]:
    if isinstance(source, dict):
        return source, origin or "<dict>"
    if isinstance(source, os.PathLike) or (isinstance(source, str) and not source.lstrip().startswith(("{", "["))):
        name = origin or str(source)
        return decode(read_spec_file(source, name), name), name
    if isinstance(source, bytes):
        return decode(source, origin or "<bytes>"), origin or "<bytes>"
    name = origin or "<text>"
    if len(source.encode("utf-8", "surrogatepass")) > MAX_SPEC_BYTES:
        raise SpecError(name, [Problem("", f"text is larger than {MAX_SPEC_BYTES:,} bytes, too large to be a deal spec")])
    return parse_json(source, name), name


def read_spec_file(path: str | os.PathLike[str], name: str) -> bytes:
    """The bytes of a spec file: a regular file, read no further than the size limit."""
    try:
        raw = read_regular_file(path, MAX_SPEC_BYTES)
    except FileNotFoundError:
        raise SpecError(name, [Problem("", "file not found (check the path)")]) from None
    except IsADirectoryError:
        raise SpecError(name, [Problem("", "is a directory, not a spec file")]) from None
    except PermissionError:
        raise SpecError(name, [Problem("", "cannot be read (permission denied)")]) from None
    except NotARegularFile as exc:
        raise SpecError(name, [Problem("", f"is {exc.kind}, not a spec file (give the path of a .json file, or - for standard input)")]) from None
    except OSError as exc:
        reason = "a symbolic link that leads round in a loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        raise SpecError(name, [Problem("", f"cannot be read: {reason} (give the path of a .json file)")]) from None
    return _within_limit(raw, name)


def read_bounded(stream: IO[bytes], name: str) -> bytes:
    """Read a spec from a stream (a file or standard input), refusing more than MAX_SPEC_BYTES."""
    return _within_limit(stream.read(MAX_SPEC_BYTES + 1), name)


def _within_limit(raw: bytes, name: str) -> bytes:
    if len(raw) > MAX_SPEC_BYTES:
        raise SpecError(name, [Problem("", f"is too large: a deal spec is at most {MAX_SPEC_BYTES:,} bytes")])
    return raw


def decode(raw: bytes, name: str) -> Any:
    """Bytes to JSON value, for files and stdin."""
    if len(raw) > MAX_SPEC_BYTES:
        raise SpecError(name, [Problem("", f"input is {len(raw):,} bytes; a deal spec is at most {MAX_SPEC_BYTES:,} bytes")])
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SpecError(name, [Problem("", f"not UTF-8 text (bad byte at line {line}); save the file as UTF-8")]) from None
    return parse_json(text, name)


def load_spec(source: str | os.PathLike[str] | bytes | dict[str, Any], *, origin: str | None = None) -> AnySpec:
    """Load and validate a deal spec from a path, JSON text, bytes or a dict.

    Raises `SpecError` listing every problem found, each with its JSON pointer.
    """
    data, name = _read(source, origin)
    return validate_data(data, name)


def validate_data(data: Any, name: str = "<dict>") -> AnySpec:
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "null"
        raise SpecError(name, [Problem("", f"the spec must be a JSON object {{...}}, not {_json_kind(kind)}")])
    problems: list[Problem] = []
    _walk(data, [], problems)
    if any(p.message.startswith("nested more than") or p.message.endswith(_NUMBER_MARKERS) for p in problems):
        raise SpecError(name, problems)  # not worth validating further
    data = _plain_numbers(data)
    # Characters and duplicate keys do not stop the models from checking the rest:
    # the user sees every problem at once. Cross-field rules need a valid model.
    clean = language_defaults(_sanitised(data) if problems else data)
    try:
        # Strict JSON-mode validation: "3" is not 3 and "no" is not false, exactly as the
        # JSON Schema editors use says; dates are ISO strings as JSON has no date type.
        spec: AnySpec = agreement_types.adapter().validate_json(json.dumps(clean, ensure_ascii=False, default=str), strict=True)
    except ValidationError as exc:
        raise SpecError(name, problems + _explain(exc, data)) from None
    except RecursionError:
        raise SpecError(name, problems + [Problem("", "nested too deeply to be a deal spec")]) from None
    problems += cross_check(spec)
    if problems:
        raise SpecError(name, problems)
    return spec


def _sanitised(value: Any) -> Any:
    """A copy with forbidden characters replaced, so the models can still check the rest."""
    if isinstance(value, dict):
        return {XML_FORBIDDEN.sub("\ufffd", k): _sanitised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitised(v) for v in value]
    if isinstance(value, str):
        return XML_FORBIDDEN.sub("\ufffd", value)
    return value


def _json_kind(pyname: str) -> str:
    return {"list": "an array", "str": "a string", "int": "a number", "float": "a number", "bool": "true/false"}.get(
        pyname, pyname
    )


# --- pydantic errors in words for people ---------------------------------


def _model_at(data: dict[str, Any], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that validates the object at loc (for 'did you mean')."""
    spec_type = data.get("type")
    model: Any = agreement_types.SPEC_MODELS.get(spec_type) if isinstance(spec_type, str) else None
    if model is None:
        return None
    value: Any = data
    for part in loc:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
            continue
        field = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if field is None:
            return None
        value = value.get(part) if isinstance(value, dict) else None
        model = _inner_model(field.annotation, value)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any, value: Any) -> Any:
    import typing

    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if origin is typing.Annotated:
        return _inner_model(args[0], value)
    if origin in (list,):
        return _inner_model(args[0], value[0] if isinstance(value, list) and value else None)
    if args:
        candidates = [a for a in args if isinstance(_inner_model(a, value), type)]
        if isinstance(value, dict) and "rule" in value:
            for a in candidates:
                m = _inner_model(a, value)
                rule = m.model_fields.get("rule")
                if rule is not None and value["rule"] in typing.get_args(rule.annotation):
                    return m
        if candidates:
            return _inner_model(candidates[0], value)
    return None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _clean_loc(loc: tuple[str | int, ...], data: dict[str, Any]) -> tuple[str | int, ...]:
    """Drop the discriminator tags pydantic inserts into locations ('nda', 'sole', ...)."""
    out: list[str | int] = []
    for i, part in enumerate(loc):
        if i == 0 and part in agreement_types.SPEC_MODELS and part == data.get("type"):
            continue
        if out and out[-1] in ("ownership", "copyright_ownership") and part in _RULE_TAGS:
            continue
        out.append(part)
    return tuple(out)


_RULE_TAGS = {"sole", "joint", "inventor", "by_field", "decide_later"}


def _num(value: object) -> str:
    """100.0 -> "100": bounds of float fields read as people write them."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _fmt_expected(ctx: dict[str, Any] | None) -> str:
    if not ctx or "expected" not in ctx:
        return ""
    return str(ctx["expected"]).replace("'", '"')


def _explain(exc: ValidationError, data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen = set()
    for err in exc.errors(include_url=False):
        loc = _clean_loc(tuple(err["loc"]), data)
        kind = err["type"]
        ctx = err.get("ctx") or {}
        got = err.get("input")
        if kind == "missing":
            msg = f'required field "{loc[-1]}" is missing (add it)' if loc else "a required field is missing"
            path = pointer(loc)
        elif kind == "extra_forbidden":
            name = str(loc[-1])
            model = _model_at(data, loc[:-1])
            hint = ""
            if model is not None:
                close = difflib.get_close_matches(name, _field_names(model), n=1, cutoff=0.6)
                if close:
                    hint = f' (did you mean "{close[0]}"?)'
                else:
                    hint = " (allowed here: " + ", ".join(f'"{n}"' for n in _field_names(model)) + ")"
            msg = f'unknown field "{name}"{hint}'
            path = pointer(loc)
        elif kind in ("literal_error", "enum"):
            msg = f"{json.dumps(got, ensure_ascii=False)} is not allowed (allowed: {_fmt_expected(ctx)})"
            path = pointer(loc)
        elif kind in ("union_tag_invalid", "union_tag_not_found"):
            tag = ctx.get("discriminator", "type").strip("'")
            tags = agreement_types.names() if tag == "type" else sorted(_RULE_TAGS)
            allowed = ", ".join(f'"{t}"' for t in tags)
            if kind == "union_tag_not_found":
                msg = f'required field "{tag}" is missing (allowed: {allowed})'
                path = pointer(loc + (tag,))
            else:
                msg = f'{json.dumps(ctx.get("tag"), ensure_ascii=False)} is not allowed (allowed: {allowed})'
                path = pointer(loc + (tag,))
        elif kind.startswith("date_") or kind == "date_type":
            msg = f"{json.dumps(got, ensure_ascii=False)} is not a valid date (write YYYY-MM-DD, e.g. 2026-04-01)"
            path = pointer(loc)
        elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            bound = {"greater_than": ("more than", "gt"), "greater_than_equal": ("at least", "ge"),
                     "less_than": ("less than", "lt"), "less_than_equal": ("at most", "le")}[kind]
            msg = f"{_num(got)} is out of range (must be {bound[0]} {_num(ctx.get(bound[1]))})"
            path = pointer(loc)
        elif kind in ("too_short", "too_long"):
            n = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
            what = "at least" if kind == "too_short" else "at most"
            actual = ctx.get("actual_length", len(got) if hasattr(got, "__len__") else "?")
            unit = ("item" if actual == 1 else "items") if isinstance(got, list) else "characters"
            msg = f"has {actual} {unit} (must have {what} {n})"
            path = pointer(loc)
        elif kind == "string_too_short":
            msg = "is empty (write a value)"
            path = pointer(loc)
        elif kind == "string_too_long":
            msg = f"is longer than {ctx.get('max_length')} characters (shorten it)"
            path = pointer(loc)
        elif kind == "string_pattern_mismatch":
            msg = (
                f"{json.dumps(got, ensure_ascii=False)} is not a valid party id (lower-case letters, digits, "
                "'-' or '_', starting with a letter, at most 32 characters)"
            )
            path = pointer(loc)
        elif kind in ("int_type", "int_parsing", "int_from_float"):
            msg = f"{json.dumps(got, ensure_ascii=False)} is not a whole number (write digits, e.g. 30)"
            path = pointer(loc)
        elif kind in ("float_type", "float_parsing"):
            msg = f"{json.dumps(got, ensure_ascii=False)} is not a number"
            path = pointer(loc)
        elif kind in ("bool_type", "bool_parsing"):
            msg = f"{json.dumps(got, ensure_ascii=False)} is not true or false"
            path = pointer(loc)
        elif kind in ("string_type",):
            msg = f"{json.dumps(got, ensure_ascii=False)} is not text (put it in double quotes)"
            path = pointer(loc)
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            msg = f"must be an object {{...}}, not {json.dumps(got, ensure_ascii=False)[:60]}"
            path = pointer(loc)
        elif kind == "list_type":
            msg = f"must be an array [...], not {json.dumps(got, ensure_ascii=False)[:60]}"
            path = pointer(loc)
        else:
            msg = err["msg"]
            path = pointer(loc)
        key = (path, msg)
        if key not in seen:
            seen.add(key)
            problems.append(Problem(path, msg))
    return problems


# --- cross-field rules -----------------------------------------------------


_Add = Callable[[str, str], None]
_COUNTS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: int) -> str:
    return _COUNTS[n] if n < len(_COUNTS) else str(n)


def cross_check(spec: CommonSpec) -> list[Problem]:
    """Rules that need the whole deal. Each problem names the field to change.

    The rules every agreement type shares come first, then the type's own (its
    `cross_check`); which roles the parties may have is the type's, too.
    """
    kind = agreement_types.type_of(spec)
    out = Problems(spec)
    add = out.add

    ids = [p.id for p in spec.parties]
    for i, party in enumerate(spec.parties):
        if ids.count(party.id) > 1 and ids.index(party.id) != i:
            add(f"/parties/{i}/id", f'"{party.id}" is used by another party (give each party its own id)')
    _check_look_alike_parties(spec, add)
    if _check_party_count(spec, kind, add):
        _check_roles(spec, kind.roles_for(spec), add)

    for i, tasks in enumerate(spec.project.roles):
        out.party_ref(tasks.party, f"/project/roles/{i}/party")
    if spec.signing_date is not None and spec.signing_date > spec.effective_date + dt.timedelta(days=366):
        add("/signing_date", "is more than a year after the effective date (check both dates)")
    conf = spec.confidentiality
    if conf.announcement == "agreed_text" and not conf.announcement_text:
        add("/confidentiality/announcement_text", 'is missing: "agreed_text" needs the text of the announcement')
    if conf.announcement != "agreed_text" and conf.announcement_text:
        add("/confidentiality/announcement_text", 'is only used with "announcement": "agreed_text" (remove it or change announcement)')
    if conf.supersedes_nda and conf.supersedes_nda.date > spec.effective_date:
        add("/confidentiality/supersedes_nda/date", "is after this agreement's effective date (an earlier NDA must be earlier)")
    _check_personal_data(spec, out)

    liab = spec.liability
    if liab.cap.kind == "amount" and liab.cap.amount is None:
        add("/liability/cap/amount", 'is missing: a cap of kind "amount" needs the amount')
    if liab.cap.kind != "amount" and liab.cap.amount is not None:
        add("/liability/cap/amount", f'is only used with "kind": "amount" (the cap is "{liab.cap.kind}")')
    if liab.cap.kind != "fees_paid" and liab.cap.floor is not None:
        add("/liability/cap/floor", f'is only used with "kind": "fees_paid" (the cap is "{liab.cap.kind}"); remove it, '
            'or cap at the fees with this floor')
    if liab.cap_applies_to == "only":
        if liab.capped_party is None:
            add("/liability/capped_party", 'is missing: "cap_applies_to": "only" needs the party whose liability is capped')
        out.party_ref(liab.capped_party, "/liability/capped_party")
    elif liab.capped_party is not None:
        add("/liability/capped_party", 'is only used with "cap_applies_to": "only"')

    disp = spec.disputes
    if disp.forum == "arbitration":
        if disp.arbitration is None:
            add("/disputes/arbitration", 'is missing: arbitration needs {"institution": ..., "seat": ...}')
    elif disp.court is None:
        add("/disputes/court", "is missing: name the court with exclusive jurisdiction")
    if disp.forum == "arbitration" and given(disp, "court") and disp.court is not None:
        add("/disputes/court", 'is only used when "forum" is "court" or "ip_mediation_then_court" (remove it)')
    if disp.forum != "arbitration" and disp.arbitration is not None:
        add("/disputes/arbitration", f'is only used when "forum" is "arbitration" (forum is "{disp.forum}")')
    if disp.forum != "ip_mediation_then_court" and given(disp, "mediation_months"):
        add("/disputes/mediation_months", f'is only used when "forum" is "ip_mediation_then_court" (forum is '
            f'"{disp.forum}"): remove it, or set "forum" to "ip_mediation_then_court"')

    out.extend(kind.problems(spec))
    return out.found


def _check_personal_data(spec: CommonSpec, out: Problems) -> None:
    """Who provides personal information: parties of the deal, each once; the options only when someone does."""
    data = spec.personal_data
    if data is None:
        return
    for i, party_id in enumerate(data.provided_by):
        out.party_ref(party_id, f"/personal_data/provided_by/{i}")
        if party_id in data.provided_by[:i]:
            out.add(f"/personal_data/provided_by/{i}", f'lists "{party_id}" twice (name each party once)')
    if not data.provided_by:
        for name in ("sensitive", "cross_border", "leak_notice_hours"):
            if given(data, name):
                out.add(f"/personal_data/{name}", 'is only used when a party provides personal information (name it '
                        'in "provided_by", or remove this field: "provided_by": [] says none is exchanged)')
    elif len(spec.parties) > 2 and len(set(data.provided_by)) < len(spec.parties):
        out.add("/personal_data/provided_by", "with more than two parties, list every party: the article on personal "
                "information is drafted for one party giving it to the other, or for every party giving and receiving it")


def _check_party_count(spec: CommonSpec, kind: AnyAgreementType, add: _Add) -> bool:
    """Whether the deal has as many parties as its type allows; if not, says so at the first one too many."""
    n, low, high = len(spec.parties), kind.min_parties, kind.max_parties
    how_many = f"exactly {_count(low)}" if low == high else f"at least {_count(low)}" if high is None else (
        f"{_count(low)} to {_count(high)}")
    if high is not None and n > high:
        extra = "this one" if n == high + 1 else "this one and those after it"
        add(f"/parties/{high}", f"{kind.described_as} has {how_many} parties; remove {extra} (found {n})")
        return False
    if n < low:
        add("/parties", f"{kind.described_as} has {how_many} parties; add {low - n} more (found {n})")
        return False
    return True


def _check_roles(spec: CommonSpec, rules: Roles, add: _Add) -> None:
    """Each required role held by exactly one party; then every other party's role one the deal allows."""
    roles = [p.role for p in spec.parties]
    required = rules.required
    settled = True
    for role in required:
        found = [i for i, r in enumerate(roles) if r == role]
        if len(found) == 1:
            continue
        settled = False
        others = [i for i, r in enumerate(roles) if r not in required]
        msg = f'needs exactly one party with "role": "{role}" ({rules.why}); found {len(found)}'
        if not found and len(others) == 1:
            # Point at the one party that could take the missing role.
            i = others[0]
            add(f"/parties/{i}/role", f'{msg} (this party has "{roles[i]}"; set "{role}" here)')
        elif len(found) > 1:
            add(f"/parties/{found[1]}/role", f'{msg} (change this one)')
        else:
            add("/parties", msg)
    if not settled:
        return  # a party in the wrong role is named above; listing every other role would only repeat it
    allowed = required + rules.allowed
    names = ", ".join(f'"{r}"' for r in allowed)
    hint = f"; {rules.hint}" if rules.hint else ""
    for i, role in enumerate(roles):
        if role not in allowed:
            add(f"/parties/{i}/role", f'"{role}" does not fit this deal (allowed: {names}{hint})')


def _check_look_alike_parties(spec: CommonSpec, add: _Add) -> None:
    """Two parties whose names read the same would let one party pass for the other."""
    names = [(i, key, getattr(p, key)) for i, p in enumerate(spec.parties) for key in ("short_name", "legal_name")]
    reported: set[int] = set()
    for i, key, name in names:
        for j, other_key, other in names:
            if j >= i or i in reported:
                continue
            if name == other or look_alike(name, other):
                how = "is the same as" if name == other else "looks the same as"
                whose = "short name" if other_key == "short_name" else "legal name"
                add(f"/parties/{i}/{key}",
                    f"{how} the {whose} of /parties/{j} ({other!r}) once look-alike letters, width and invisible "
                    "characters are set aside; a reader could take one party for the other (give each party a "
                    "name that differs in what it shows)")
                reported.add(i)
