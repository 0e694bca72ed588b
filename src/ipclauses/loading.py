"""Read a deal spec from a file, text or dict, and validate it with messages for people.

Stages, each adding problems to one list so the user sees everything at once:
1. bytes -> JSON (size limit, UTF-8, syntax with line and column, duplicate keys,
   nesting depth);
2. characters XML cannot hold, anywhere in the document;
3. the pydantic models (types, allowed values, unknown fields with "did you mean");
4. cross-field rules that need the whole deal (parties exist, dates in order, ...).
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import json
import os
import re
import stat
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import IO, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import Problem, SpecError
from .spec import SPEC_TYPES, AnySpec, CommonSpec, DealSpec, JrdSpec, LicenseSpec, NdaSpec, PocSpec, language_defaults
from .unicode_safety import UnsafeCharacter, look_alike, unsafe_character

MAX_SPEC_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_INTEGER_DIGITS = 30
# A float holds any decimal of up to 15 significant digits exactly (DBL_DIG), so numbers
# within this limit print as given; longer ones are refused rather than rounded.
MAX_SIGNIFICANT_DIGITS = 15

_ADAPTER = TypeAdapter(DealSpec)
# XML 1.0 forbids these; lone surrogates cannot be encoded at all.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
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
            bad = _XML_FORBIDDEN.search(key)
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
        bad = _XML_FORBIDDEN.search(value)
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


_FILE_KINDS = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
               stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a directory"}


def read_spec_file(path: str | os.PathLike[str], name: str) -> bytes:
    """The bytes of a spec file: a regular file, read no further than the size limit.

    The size on disk is not trusted (/dev/zero, a FIFO or a growing file report none):
    the file is opened without blocking, checked to be a regular file, and read up to
    one byte past the limit.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise SpecError(name, [Problem("", "file not found (check the path)")]) from None
    except IsADirectoryError:
        raise SpecError(name, [Problem("", "is a directory, not a spec file")]) from None
    except PermissionError:
        raise SpecError(name, [Problem("", "cannot be read (permission denied)")]) from None
    except OSError as exc:
        reason = "a symbolic link that leads round in a loop" if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        raise SpecError(name, [Problem("", f"cannot be opened: {reason} (give the path of a .json file)")]) from None
    kind = stat.S_IFMT(os.fstat(fd).st_mode)
    if kind != stat.S_IFREG:
        os.close(fd)
        what = _FILE_KINDS.get(kind, "not a regular file")
        raise SpecError(name, [Problem("", f"is {what}, not a spec file (give the path of a .json file, or - for standard input)")])
    with os.fdopen(fd, "rb") as handle:
        try:
            return read_bounded(handle, name)
        except OSError as exc:
            raise SpecError(name, [Problem("", f"cannot be read: {exc.strerror or exc}")]) from None


def read_bounded(stream: IO[bytes], name: str) -> bytes:
    """Read a spec from a stream (a file or standard input), refusing more than MAX_SPEC_BYTES."""
    raw = stream.read(MAX_SPEC_BYTES + 1)
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
        spec = _ADAPTER.validate_json(json.dumps(clean, ensure_ascii=False, default=str), strict=True)
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
        return {_XML_FORBIDDEN.sub("\ufffd", k): _sanitised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitised(v) for v in value]
    if isinstance(value, str):
        return _XML_FORBIDDEN.sub("\ufffd", value)
    return value


def _json_kind(pyname: str) -> str:
    return {"list": "an array", "str": "a string", "int": "a number", "float": "a number", "bool": "true/false"}.get(
        pyname, pyname
    )


# --- pydantic errors in words for people ---------------------------------


def _model_at(data: dict[str, Any], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The model class that validates the object at loc (for 'did you mean')."""
    spec_type = data.get("type")
    model: Any = SPEC_TYPES.get(spec_type) if isinstance(spec_type, str) else None
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
        if i == 0 and part in SPEC_TYPES and part == data.get("type"):
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
            tags = SPEC_TYPES if tag == "type" else sorted(_RULE_TAGS)
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


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    import calendar

    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(spec: CommonSpec) -> dt.date:
    """The last day of the initial term."""
    return _add_months(spec.effective_date, spec.term.months) - dt.timedelta(days=1)


_A_TYPE = {"nda": "an NDA", "poc": "a PoC agreement", "jrd": "a joint R&D agreement", "license": "a licence agreement"}


_Add = Callable[[str, str], None]
_PartyRef = Callable[[str | None, str], None]


def cross_check(spec: AnySpec) -> list[Problem]:
    """Rules that need the whole deal. Each problem names the field to change."""
    problems: list[Problem] = []

    def add(path: str, msg: str) -> None:
        problems.append(Problem(path, msg))

    ids = [p.id for p in spec.parties]
    known = ", ".join(f'"{i}"' for i in ids)

    def party_ref(value: str | None, path: str) -> None:
        if value is not None and value not in ids:
            add(path, f'"{value}" is not a party id (allowed: {known})')

    for i, party in enumerate(spec.parties):
        if ids.count(party.id) > 1 and ids.index(party.id) != i:
            add(f"/parties/{i}/id", f'"{party.id}" is used by another party (give each party its own id)')
    _check_look_alike_parties(spec, add)

    roles = [p.role for p in spec.parties]

    def need_roles(pair: tuple[str, str], why: str) -> None:
        for role in pair:
            found = [i for i, r in enumerate(roles) if r == role]
            if len(found) == 1:
                continue
            others = [i for i, r in enumerate(roles) if r not in pair]
            msg = f'needs exactly one party with "role": "{role}" ({why}); found {len(found)}'
            if not found and len(others) == 1:
                # Point at the one party that could take the missing role.
                i = others[0]
                add(f"/parties/{i}/role", f'{msg} (this party has "{roles[i]}"; set "{role}" here)')
            elif len(found) > 1:
                add(f"/parties/{found[1]}/role", f'{msg} (change this one)')
            else:
                add("/parties", msg)

    if isinstance(spec, PocSpec):
        need_roles(("provider", "customer"), "a PoC has a provider who verifies and a customer who asks for it")
    elif isinstance(spec, LicenseSpec):
        need_roles(("licensor", "licensee"), "a licence has a licensor and a licensee")
    elif spec.confidentiality.direction == "one_way":
        need_roles(("discloser", "recipient"), "a one-way confidentiality duty needs to know who discloses and who receives")
    else:
        for i, role in enumerate(roles):
            if role != "party":
                add(f"/parties/{i}/role", f'"{role}" does not fit this deal (allowed: "party"; or set confidentiality.direction to "one_way")')

    for i, tasks in enumerate(spec.project.roles):
        party_ref(tasks.party, f"/project/roles/{i}/party")
    if spec.signing_date is not None and spec.signing_date > spec.effective_date + dt.timedelta(days=366):
        add("/signing_date", "is more than a year after the effective date (check both dates)")
    conf = spec.confidentiality
    if conf.announcement == "agreed_text" and not conf.announcement_text:
        add("/confidentiality/announcement_text", 'is missing: "agreed_text" needs the text of the announcement')
    if conf.announcement != "agreed_text" and conf.announcement_text:
        add("/confidentiality/announcement_text", 'is only used with "announcement": "agreed_text" (remove it or change announcement)')
    if conf.supersedes_nda and conf.supersedes_nda.date > spec.effective_date:
        add("/confidentiality/supersedes_nda/date", "is after this agreement's effective date (an earlier NDA must be earlier)")
    if isinstance(spec, (NdaSpec, LicenseSpec)) and conf.supersedes_nda:
        add("/confidentiality/supersedes_nda", f"applies to PoC and joint R&D agreements, not to {_A_TYPE[spec.type]} (remove it)")
    if isinstance(spec, (PocSpec, LicenseSpec)) and conf.announcement != "none":
        add("/confidentiality/announcement", f'announcements are drafted for NDAs and joint R&D; {_A_TYPE[spec.type]} keeps "none"')
    if not isinstance(spec, NdaSpec) and conf.direction == "one_way":
        add("/confidentiality/direction", f'{_A_TYPE[spec.type]} protects both parties\' information: use "mutual" (one_way is for NDAs)')

    liab = spec.liability
    if liab.cap.kind == "amount" and liab.cap.amount is None:
        add("/liability/cap/amount", 'is missing: a cap of kind "amount" needs the amount')
    if liab.cap.kind != "amount" and liab.cap.amount is not None:
        add("/liability/cap/amount", f'is only used with "kind": "amount" (the cap is "{liab.cap.kind}")')
    if liab.cap_applies_to == "only":
        if liab.capped_party is None:
            add("/liability/capped_party", 'is missing: "cap_applies_to": "only" needs the party whose liability is capped')
        party_ref(liab.capped_party, "/liability/capped_party")
    elif liab.capped_party is not None:
        add("/liability/capped_party", 'is only used with "cap_applies_to": "only"')
    if liab.cap.kind == "fees_paid" and isinstance(spec, NdaSpec):
        add("/liability/cap/kind", 'an NDA has no fees: use "none" or "amount"')

    disp = spec.disputes
    if disp.forum == "arbitration":
        if disp.arbitration is None:
            add("/disputes/arbitration", 'is missing: arbitration needs {"institution": ..., "seat": ...}')
    elif disp.court is None:
        add("/disputes/court", "is missing: name the court with exclusive jurisdiction")
    if disp.forum == "arbitration" and "court" in disp.model_fields_set and disp.court is not None:
        add("/disputes/court", 'is only used when "forum" is "court" or "ip_mediation_then_court" (remove it)')
    if disp.forum != "arbitration" and disp.arbitration is not None:
        add("/disputes/arbitration", f'is only used when "forum" is "arbitration" (forum is "{disp.forum}")')

    if isinstance(spec, PocSpec):
        if spec.poc.report_deadline < spec.effective_date:
            add("/poc/report_deadline", "is before the effective date (the Report cannot be due before work starts)")
        elif spec.poc.report_deadline > term_end(spec):
            add("/poc/report_deadline", f"is after the agreement ends on {term_end(spec).isoformat()} (lengthen term.months or move the deadline)")
    if isinstance(spec, (PocSpec, JrdSpec)):
        _check_results(spec, add, party_ref)
    if isinstance(spec, NdaSpec) and spec.next_step is not None and (
        spec.next_step.fee_if_none or spec.next_step.discount_if_follows is not None
    ):
        add("/next_step", "fee_if_none and discount_if_follows belong in a PoC, not an NDA (remove them)")
    if isinstance(spec, JrdSpec):
        for i, tasks in enumerate(spec.jrd.roles):
            party_ref(tasks.party, f"/jrd/roles/{i}/party")
        for i, item in enumerate(spec.jrd.schedule):
            if item.due < spec.effective_date:
                add(f"/jrd/schedule/{i}/due", "is before the effective date")
            elif item.due > term_end(spec):
                add(f"/jrd/schedule/{i}/due", f"is after the agreement ends on {term_end(spec).isoformat()}")
        costs = spec.jrd.costs
        if costs.rule == "one_party_pays":
            if costs.payer is None:
                add("/jrd/costs/payer", 'is missing: "one_party_pays" needs the paying party')
            party_ref(costs.payer, "/jrd/costs/payer")
        elif costs.payer is not None or costs.amount is not None:
            add("/jrd/costs", 'payer and amount are only used with "rule": "one_party_pays"')
        if spec.option is not None:
            party_ref(spec.option.holder, "/option/holder")
        if spec.non_compete is not None and spec.non_compete.months > 60:
            add("/non_compete/months", "is more than 60 months; competition law rarely allows a longer restriction")
    if isinstance(spec, (JrdSpec, LicenseSpec)):
        for i, background in enumerate(spec.background_ip.items):
            party_ref(background.party, f"/background_ip/items/{i}/party")
    if isinstance(spec, LicenseSpec):
        lic = spec.licence
        for key in ("licensor", "licensee"):
            value = getattr(lic, key)
            expected = next(p.id for p in spec.parties if p.role == key) if roles.count(key) == 1 else None
            if value is not None and expected is not None and value != expected:
                add(f"/licence/{key}", f'is "{value}" but the party with role "{key}" is "{expected}" (remove it or make them agree)')
        if not spec.licensed.patents and not spec.licensed.know_how and "copyright" not in lic.subject:
            add("/licensed", "names no patents and no know-how: list what is licensed")
        if "trademark" in lic.subject and not spec.licensed.trademarks:
            add("/licensed/trademarks", 'is empty but the licence subject includes "trademark" (list the marks)')
    if isinstance(spec, (PocSpec, JrdSpec, LicenseSpec)) and spec.licence is not None:
        _check_scope(spec, add, party_ref)
    return problems


def _check_look_alike_parties(spec: AnySpec, add: _Add) -> None:
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


def _check_results(spec: PocSpec | JrdSpec, add: _Add, party_ref: _PartyRef) -> None:
    results = spec.results
    for i, d in enumerate(results.deliverables):
        party_ref(d.created_by, f"/results/deliverables/{i}/created_by")
    for key in ("ownership", "copyright_ownership"):
        rule = getattr(results, key)
        if rule is None:
            continue
        if rule.rule == "sole":
            party_ref(rule.owner, f"/results/{key}/owner")
        elif rule.rule == "by_field":
            for i, f in enumerate(rule.fields):
                party_ref(f.owner, f"/results/{key}/fields/{i}/owner")
    if isinstance(spec, PocSpec) and results.ownership.rule == "decide_later":
        add("/results/ownership/rule", 'a PoC must say who owns the Report and results ("decide_later" leaves it open)')


def _check_scope(spec: PocSpec | JrdSpec | LicenseSpec, add: _Add, party_ref: _PartyRef) -> None:
    lic = spec.licence
    if lic is None:
        return
    if isinstance(spec, (PocSpec, JrdSpec)) and spec.results.ownership.rule != "sole" and (lic.licensor is None or lic.licensee is None):
        missing = "licensor" if lic.licensor is None else "licensee"
        add(f"/licence/{missing}", f'is missing: with "{spec.results.ownership.rule}" ownership, name who grants and who '
            "receives the licence (licensor and licensee)")
    party_ref(lic.licensor, "/licence/licensor")
    party_ref(lic.licensee, "/licence/licensee")
    if lic.licensor is not None and lic.licensor == lic.licensee:
        add("/licence/licensee", "is the same party as the licensor")
    if lic.exclusivity == "exclusive_then_non_exclusive" and lic.exclusive_months is None:
        add("/licence/exclusive_months", 'is missing: "exclusive_then_non_exclusive" needs the months of exclusivity')
    if lic.exclusivity == "exclusive" and lic.exclusive_months is None and not lic.exclusive_perpetual:
        add(
            "/licence/exclusive_months",
            'is missing: an exclusive licence needs a period, or "exclusive_perpetual": true to say it lasts the whole term',
        )
    if lic.exclusivity == "non_exclusive" and (lic.exclusive_months or lic.exclusive_perpetual or lic.non_use_fallback_months):
        add("/licence/exclusivity", "is non_exclusive but exclusivity terms are given (remove them or change exclusivity)")
    if lic.exclusive_months is not None and lic.exclusive_perpetual:
        add("/licence/exclusive_perpetual", "cannot be true together with exclusive_months (choose one)")
    if lic.sublicensing == "named" and not lic.sublicensees:
        add("/licence/sublicensees", 'is empty: "named" sublicensing needs the names')
    if lic.sublicensing != "named" and lic.sublicensees:
        add("/licence/sublicensees", 'is only used with "sublicensing": "named"')
    if lic.term.kind == "years" and lic.term.years is None:
        add("/licence/term/years", 'is missing: a licence term of kind "years" needs the number of years')
    if lic.term.kind != "years" and lic.term.years is not None:
        add("/licence/term/years", 'is only used with "kind": "years"')
    if "worldwide" in lic.territory and len(lic.territory) > 1:
        add("/licence/territory", '"worldwide" cannot be combined with named countries')
    roy = lic.royalty
    if roy.kind == "paid" and not (roy.upfront or roy.running_percent or roy.milestones):
        add("/licence/royalty", 'is "paid" but gives no upfront, running_percent or milestones (say what is paid)')
    if roy.kind == "free" and (roy.upfront or roy.running_percent or roy.milestones or roy.minimum_annual):
        add("/licence/royalty/kind", 'is "free" but amounts are given (remove them or set "paid")')
    if roy.minimum_annual and not roy.running_percent:
        add("/licence/royalty/minimum_annual", "a minimum annual royalty needs a running_percent to be a minimum of")
