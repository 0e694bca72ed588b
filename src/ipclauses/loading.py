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

Every problem is a catalogue message (`messages.message`: an id and its values), never
English text, so `SpecError.render(lang)` reads in any locale's words.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import json
import os
import re
import typing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import IO, Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from . import agreement_types
from .agreement_types import AnyAgreementType, Problems, Roles
from .errors import Problem, SpecError
from .locales import Locale, document_languages, reference_locale
from .messages import AgreementName, Choices, Count, Message, Names, as_json, message
from .safe_read import NotARegularFile, read_regular_file
from .schema_text import field_text
from .spec import AfterStart, AnySpec, CommonSpec, Titles, given, language_defaults
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


# unicode_safety gives its reasons in English words; each has its message here.
_UNSAFE_REASONS = {
    "a C1 control character": "unsafe.c1_control",
    "a bidirectional control, which can make text display in another order than it reads": "unsafe.bidi_control",
    "an invisible character": "unsafe.invisible",
    "a variation selector with no character to vary": "unsafe.lone_variation_selector",
    "an invisible format character": "unsafe.invisible_format",
}


def _unsafe_message(unsafe: UnsafeCharacter, *, in_key: bool = False) -> Message:
    reason_id = _UNSAFE_REASONS.get(unsafe.reason)
    reason: object = message(reason_id) if reason_id else unsafe.reason
    return message("value.key_unsafe_character" if in_key else "value.unsafe_character", code_point=unsafe.code_point,
                   name=unsafe.name, position=unsafe.position, reason=reason)


def _walk(value: Any, path: list[str | int], problems: list[Problem], depth: int = 0) -> None:
    """Find duplicate keys, forbidden characters and excessive nesting."""
    def add(where: list[str | int], what: Message) -> None:
        problems.append(Problem.of(pointer(where), what))

    if depth > MAX_DEPTH:
        add(path, message("value.too_deep", limit=MAX_DEPTH))
        return
    if isinstance(value, dict):
        for key in getattr(value, "duplicates", []):
            add(path + [key], message("value.duplicate_key", key=key))
        for key, item in value.items():
            bad = XML_FORBIDDEN.search(key)
            if bad:
                add(path, message("value.key_control_character", char=_describe_char(bad.group())))
            elif (unsafe := unsafe_character(key)) is not None:
                add(path, _unsafe_message(unsafe, in_key=True))
            _walk(item, path + [key], problems, depth + 1)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _walk(item, path + [i], problems, depth + 1)
    elif isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**MAX_INTEGER_DIGITS:
        add(path, message("value.integer_too_long", digits=MAX_INTEGER_DIGITS))
    elif isinstance(value, _LongNumber):
        add(path, message("value.number_too_long", length=len(value), digits=MAX_SIGNIFICANT_DIGITS))
    elif isinstance(value, (Decimal, float)) and not isinstance(value, bool):
        problem = _number_problem(value)
        if problem:
            add(path, problem)
    elif isinstance(value, str):
        bad = XML_FORBIDDEN.search(value)
        if bad:
            add(path, message("value.control_character", char=_describe_char(bad.group()), position=bad.start() + 1))
        elif value and not value.strip():
            add(path, message("value.blank"))
        elif _LINE_BREAKS.search(value):
            add(path, message("value.line_break"))
        else:
            unsafe = unsafe_character(value)
            if unsafe is not None:
                add(path, _unsafe_message(unsafe))


class _LongNumber(str):
    """A JSON number with more digits than any deal needs, kept as text so its path can be named."""


def _parse_int(text: str) -> int | _LongNumber:
    # int() of thousands of digits is slow and refused past 4,300 digits: never attempt it.
    return int(text) if len(text.lstrip("-")) <= MAX_INTEGER_DIGITS else _LongNumber(text)


def _parse_float(text: str) -> Decimal | _LongNumber:
    # Decimal keeps the number exactly as written, so its digits can be checked before any float exists.
    return Decimal(text) if len(text) <= 40 else _LongNumber(text)


# Problems after which the models are not worth running: the spec is not one a person wrote.
_NOT_WORTH_VALIDATING = frozenset({
    "value.too_deep", "value.integer_too_long", "value.number_too_long", "value.not_finite", "value.too_large",
    "value.too_many_digits", "value.too_small",
})


def _number_problem(value: Decimal | float) -> Message | None:
    """Why a number cannot be written into an agreement exactly as given, or None."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not exact.is_finite():
        return message("value.not_finite")
    if exact.adjusted() >= MAX_INTEGER_DIGITS:
        return message("value.too_large", value=str(exact))
    digits = len(exact.normalize().as_tuple().digits)
    if digits > MAX_SIGNIFICANT_DIGITS:
        return message("value.too_many_digits", value=str(exact), digits=digits, limit=MAX_SIGNIFICANT_DIGITS)
    if Decimal(repr(float(exact))) != exact:
        return message("value.too_small", value=str(exact))
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


def _error(source: str, what: Message) -> SpecError:
    """A spec that cannot be read at all: one problem, about the whole input."""
    return SpecError(source, [Problem.of("", what)])


def parse_json(text: str, source: str) -> Any:
    """Parse JSON text, refusing duplicate keys and reporting line and column on syntax errors."""
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_int=_parse_int, parse_float=_parse_float)
    except json.JSONDecodeError as exc:
        raise _error(source, message("spec.invalid_json", line=exc.lineno, column=exc.colno, reason=_json_reason(exc.msg),
                                     hint=_json_hint(text, exc))) from None
    except RecursionError:
        raise _error(source, message("spec.too_deep_json", limit=MAX_DEPTH)) from None
    return data


def _json_reason(msg: str) -> object:
    """What the JSON decoder says, as the catalogue's message whose English is its words (else its words as they are)."""
    templates = reference_locale().words.messages.templates
    return next((message(id) for id, text in templates.items() if id.startswith("json.") and text == msg), msg)


def _json_hint(text: str, exc: json.JSONDecodeError) -> object:
    """The usual cause of a syntax error, in words: the decoder only says what it expected."""
    before = text[: exc.pos].rstrip()
    prev = before[-1:] if before else ""
    prev_line = before.count("\n") + 1
    here = text[exc.pos : exc.pos + 2]
    if exc.msg.startswith("Expecting ',' delimiter") and prev_line < exc.lineno:
        return message("json_hint.missing_comma", line=prev_line)
    if here.startswith("'"):
        return message("json_hint.single_quotes")
    if here in ("//", "/*") or here.startswith("#"):
        return message("json_hint.comment")
    if prev == "," and exc.msg.startswith(("Expecting property name", "Expecting value", "Illegal trailing comma")):
        return message("json_hint.trailing_comma", line=prev_line)
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
        raise _error(name, message("spec.too_large_text", limit=MAX_SPEC_BYTES))
    return parse_json(source, name), name


# safe_read names what a path is in English words; each has its message here.
_FILE_KINDS = {
    "a named pipe (FIFO)": "file_kind.fifo", "a character device": "file_kind.character_device",
    "a block device": "file_kind.block_device", "a socket": "file_kind.socket", "a directory": "file_kind.directory",
    "a special file": "file_kind.special",
}


def read_spec_file(path: str | os.PathLike[str], name: str) -> bytes:
    """The bytes of a spec file: a regular file, read no further than the size limit."""
    try:
        raw = read_regular_file(path, MAX_SPEC_BYTES)
    except FileNotFoundError:
        raise _error(name, message("spec.file_not_found")) from None
    except IsADirectoryError:
        raise _error(name, message("spec.is_directory")) from None
    except PermissionError:
        raise _error(name, message("spec.permission_denied")) from None
    except NotARegularFile as exc:
        kind_id = _FILE_KINDS.get(exc.kind)
        raise _error(name, message("spec.not_regular_file", kind=message(kind_id) if kind_id else exc.kind)) from None
    except OSError as exc:
        reason: object = message("spec.symlink_loop") if exc.errno == errno.ELOOP else exc.strerror or str(exc)
        raise _error(name, message("spec.unreadable", reason=reason)) from None
    return _within_limit(raw, name)


def read_bounded(stream: IO[bytes], name: str) -> bytes:
    """Read a spec from a stream (a file or standard input), refusing more than MAX_SPEC_BYTES."""
    return _within_limit(stream.read(MAX_SPEC_BYTES + 1), name)


def _within_limit(raw: bytes, name: str) -> bytes:
    if len(raw) > MAX_SPEC_BYTES:
        raise _error(name, message("spec.too_large_file", limit=MAX_SPEC_BYTES))
    return raw


def decode(raw: bytes, name: str) -> Any:
    """Bytes to JSON value, for files and stdin."""
    if len(raw) > MAX_SPEC_BYTES:
        raise _error(name, message("spec.too_large_input", size=len(raw), limit=MAX_SPEC_BYTES))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _error(name, message("spec.not_utf8", line=raw[: exc.start].count(b"\n") + 1)) from None
    return parse_json(text, name)


def load_spec(source: str | os.PathLike[str] | bytes | dict[str, Any], *, origin: str | None = None) -> AnySpec:
    """Load and validate a deal spec from a path, JSON text, bytes or a dict.

    Raises `SpecError` listing every problem found, each with its JSON pointer.
    """
    data, name = _read(source, origin)
    return validate_data(data, name)


def validate_data(data: Any, name: str = "<dict>") -> AnySpec:
    if not isinstance(data, dict):
        raise _error(name, message("spec.not_object", kind=_json_kind(data)))
    problems: list[Problem] = []
    _walk(data, [], problems)
    if any(p.id in _NOT_WORTH_VALIDATING for p in problems):
        raise SpecError(name, problems)
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
        raise SpecError(name, problems + [Problem.of("", message("spec.too_deep"))]) from None
    problems += cross_check(spec)
    if not problems:
        problems += _companion_problems(spec)
    if problems:
        raise SpecError(name, problems)
    return spec


def companions(spec: AnySpec) -> list[tuple[str, AnySpec]]:
    """The agreements a build drafts beside this spec's (a joint R&D's joint filing agreements), each by the
    name its file takes after the agreement's ("joint-filing-1"), validated."""
    return [(companion.name, validate_data(dict(companion.data), companion.name))
            for companion in agreement_types.type_of(spec).companions_for(spec)]


# Where a companion's own fields come from in the spec that asks for it (the rest follows that spec's terms).
_COMPANION_FIELDS = {"/invention": "/invention", "/applications": "/applications", "/effective_date": "/effective_date",
                     "/ownership/stated_shares": "/stated_shares", "/procedure/filing_party": "/filing_party"}


def _companion_problems(spec: AnySpec) -> list[Problem]:
    """A companion's problems, reported where the spec asks for it (its entry, or the field behind the problem)."""
    found = []
    for companion in agreement_types.type_of(spec).companions_for(spec):
        try:
            validate_data(dict(companion.data), companion.name)
        except SpecError as exc:
            for problem in exc.errors:
                prefix = next((p for p in _COMPANION_FIELDS if problem.path == p or problem.path.startswith(p + "/")), None)
                path = companion.path + (_COMPANION_FIELDS[prefix] + problem.path[len(prefix):] if prefix else "")
                found.append(replace(problem, path=path))
    return found


def _sanitised(value: Any) -> Any:
    """A copy with forbidden characters replaced, so the models can still check the rest."""
    if isinstance(value, dict):
        return {XML_FORBIDDEN.sub("\ufffd", k): _sanitised(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitised(v) for v in value]
    if isinstance(value, str):
        return XML_FORBIDDEN.sub("\ufffd", value)
    return value


def _json_kind(value: Any) -> object:
    """What a JSON value is, in words: "an array", "a string", ..."""
    kind = {list: "array", str: "string", int: "number", float: "number", Decimal: "number", _LongNumber: "number",
            bool: "boolean", type(None): "null"}.get(type(value))
    return message(f"json_kind.{kind}") if kind else type(value).__name__


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


def _field(model: type[BaseModel] | None, name: str | int) -> FieldInfo | None:
    """A model's field by its name in a spec file (its alias, or its Python name)."""
    if model is None:
        return None
    return next((f for n, f in model.model_fields.items() if name in (n, f.alias)), None)


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
# How pydantic labels the scalar members of a union in a location ("date", "literal['start','report_acceptance']").
_SCALAR_LABELS = frozenset({"date", "datetime", "int", "float", "str", "bool", "none", "literal", "list"})


def _union_label(part: str | int, model: type[BaseModel] | None) -> bool:
    """Whether a location part is pydantic's label for a member of a union, not a field."""
    if not isinstance(part, str) or (model is not None and part in _field_names(model)):
        return False
    return "[" in part or part[:1].isupper() or part in _SCALAR_LABELS


@dataclass(frozen=True)
class _Located:
    """One pydantic error at its location in the spec, with the union member it was tried against, if any."""

    error: Any
    loc: tuple[str | int, ...]
    union_at: tuple[str | int, ...] | None = None
    label: str = ""

    @property
    def scalar(self) -> bool:
        return self.label.split("[")[0] in _SCALAR_LABELS


def _locate(err: Any, data: dict[str, Any]) -> _Located:
    loc = _clean_loc(tuple(err["loc"]), data)
    if err["type"] in ("union_tag_invalid", "union_tag_not_found"):  # the tag's own field is the one to change
        loc += (_tag_name(err),)
    out: list[str | int] = []
    for i, part in enumerate(loc):
        unknown_field = i == len(loc) - 1 and err["type"] == "extra_forbidden"
        if not unknown_field and _union_label(part, _model_at(data, tuple(out))):
            return _Located(err, tuple(out) + loc[i + 1 :], tuple(out), str(part))
        out.append(part)
    return _Located(err, loc)


def _tag_name(err: Any) -> str:
    """The field that tells a discriminated union's members apart: "type", or "rule" of an ownership rule."""
    return str((err.get("ctx") or {}).get("discriminator", "type")).strip("'")


def _value_at(data: Any, loc: tuple[str | int, ...]) -> Any:
    for part in loc:
        if isinstance(part, int):
            data = data[part] if isinstance(data, list) and part < len(data) else None
        else:
            data = data.get(part) if isinstance(data, dict) else None
    return data


def _num(value: object) -> str:
    """100.0 -> "100": bounds of float fields read as people write them."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _expected(ctx: dict[str, Any]) -> object:
    """The values pydantic lists as expected ("'a', 'b' or 'c'"), as choices each language lists its own way."""
    expected = str(ctx.get("expected", ""))
    values = re.findall(r"'((?:[^'\\]|\\.)*)'", expected)
    return Choices(tuple(values)) if values else expected


# --- a one-line example of an object -------------------------------------

_EXAMPLE_WIDTH = 80


def _one_line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "), default=str)


def _given_example(owner: type[BaseModel] | None, name: str | None, lang: str) -> Any:
    """The example the schema text gives for a field, or None."""
    if owner is None or name is None:
        return None
    try:
        return field_text(owner, name, lang).example
    except (LookupError, ValueError):  # no text for this field or language
        return None


def _made_example(model: type[BaseModel], lang: str) -> dict[str, Any]:
    """An example object made from a model: its required fields (or its first), each with its own example."""
    fields = [(f.alias or n, f) for n, f in model.model_fields.items()]
    chosen = [(n, f) for n, f in fields if f.is_required()] or fields[:1]
    made: dict[str, Any] = {}
    for name, info in chosen[:3]:
        example = _given_example(model, name, lang)
        if example is None:
            choices = [v for v in typing.get_args(info.annotation) if isinstance(v, str)]
            example = choices[0] if choices else "..."
        made[name] = "..." if isinstance(example, (str, dict, list)) and len(_one_line(example)) > _EXAMPLE_WIDTH // 3 else example
    return made


@dataclass(frozen=True)
class _ObjectExample:
    """The object a field takes, in one line: the field's example in the schema text, else one made from its model."""

    owner: type[BaseModel] | None  # the model that declares the field
    name: str | None  # the field's name in a spec file
    model: type[BaseModel] | None  # the model of the object the field takes

    def render(self, locale: Locale) -> str:
        for lang in dict.fromkeys((locale.code, reference_locale().code)):
            example = _given_example(self.owner, self.name, lang)
            if isinstance(example, list) and example:
                example = example[0]
            if isinstance(example, dict) and len(_one_line(example)) <= _EXAMPLE_WIDTH:
                return _one_line(example)
        if self.model is None:
            return "{...}"
        for lang in dict.fromkeys((locale.code, reference_locale().code)):
            try:
                return _one_line(_made_example(self.model, lang))
            except (LookupError, ValueError):
                continue
        return "{...}"


def _object_example(data: dict[str, Any], loc: tuple[str | int, ...]) -> _ObjectExample | None:
    """The example for the object expected at loc (a field, or an item of a list field), or None if no model is known."""
    field_loc = loc[:-1] if loc and isinstance(loc[-1], int) else loc
    if not field_loc or not isinstance(field_loc[-1], str):
        return None
    owner = _model_at(data, field_loc[:-1])
    info = _field(owner, field_loc[-1])
    model = _inner_model(info.annotation, None) if info is not None else None
    if owner is None or not (isinstance(model, type) and issubclass(model, BaseModel)):
        return None
    return _ObjectExample(owner, field_loc[-1], model)


# --- pydantic's errors, one by one ---------------------------------------

_BOUNDS = {"greater_than": ("field.more_than", "gt"), "greater_than_equal": ("field.at_least", "ge"),
           "less_than": ("field.less_than", "lt"), "less_than_equal": ("field.at_most", "le")}


def _explain(exc: ValidationError, data: dict[str, Any]) -> list[Problem]:
    problems: list[Problem] = []
    seen = set()
    for path, what in _union_messages([_locate(err, data) for err in exc.errors(include_url=False)], data):
        problem = Problem.of(path, what)
        if (problem.path, problem.message) not in seen:
            seen.add((problem.path, problem.message))
            problems.append(problem)
    return problems


def _union_messages(located: list[_Located], data: dict[str, Any]) -> Iterable[tuple[str, Message]]:
    """Each error as (JSON pointer, message); the errors of a union's members told as the one the user meant.

    An object was meant for the union's object member (a period {"weeks": 3}); anything else for its
    scalar members (a date, a keyword), which are then named together.
    """
    done: set[tuple[str | int, ...]] = set()
    for item in located:
        if item.union_at is None:
            yield pointer(item.loc), _message(item, data)
            continue
        if item.union_at in done:
            continue
        done.add(item.union_at)
        members = [m for m in located if m.union_at == item.union_at]
        got = _value_at(data, item.union_at)
        if isinstance(got, dict):
            meant = [m for m in members if not m.scalar] or members
            for m in meant:
                yield pointer(m.loc), _message(m, data)
            continue
        scalars = [m for m in members if m.scalar]
        yield pointer(item.union_at), _scalar_union_message(scalars or members, members, data, got)


def _scalar_union_message(scalars: list[_Located], members: list[_Located], data: dict[str, Any], got: Any) -> Message:
    dates = [m for m in scalars if m.label == "date"]
    choices = [m for m in scalars if m.label.startswith("literal")]
    objects = [m for m in members if not m.scalar]
    value = as_json(got)
    if dates and isinstance(got, str) and got[:1].isdigit():  # a date written wrongly
        return _message(dates[0], data)
    if dates and choices:
        return message("field.date_or_choice", value=value, allowed=_expected(choices[0].error.get("ctx") or {}))
    if dates and objects:
        example = _object_example(data, dates[0].union_at or ())
        return message("field.date_or_period", value=value, example=example or "{...}")
    return _message(scalars[0], data)


def _message(item: _Located, data: dict[str, Any]) -> Message:
    """One pydantic error in words."""
    err, loc = item.error, item.loc
    kind = err["type"]
    ctx = err.get("ctx") or {}
    got = err.get("input")
    value = as_json(got)
    if kind == "missing":
        return message("field.missing", name=loc[-1]) if loc else message("field.missing_somewhere")
    if kind == "extra_forbidden":
        return message("field.unknown", name=loc[-1], hint=_unknown_field_hint(str(loc[-1]), _model_at(data, loc[:-1])))
    if kind in ("literal_error", "enum"):
        return message("field.not_allowed", value=value, allowed=_expected(ctx))
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        tag = _tag_name(err)
        tags = Choices(tuple(agreement_types.names() if tag == "type" else sorted(_RULE_TAGS)))
        if kind == "union_tag_not_found":
            return message("field.tag_missing", name=tag, allowed=tags)
        return message("field.not_allowed", value=as_json(ctx.get("tag")), allowed=tags)
    if kind.startswith("date_"):
        return message("field.invalid_date", value=value)
    if kind in _BOUNDS:
        id, bound = _BOUNDS[kind]
        return message(id, value=_num(got), limit=_num(ctx.get(bound)))
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        actual = ctx.get("actual_length", len(got) if hasattr(got, "__len__") else "?")
        unit = ("unit.item" if actual == 1 else "unit.items") if isinstance(got, list) else "unit.characters"
        return message("field.too_few" if kind == "too_short" else "field.too_many", actual=actual, unit=message(unit),
                       limit=limit)
    if kind == "string_too_short":
        return message("field.empty")
    if kind == "string_too_long":
        return message("field.text_too_long", limit=ctx.get("max_length"))
    if kind == "string_pattern_mismatch":
        return message("field.bad_party_id", value=value)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return message("field.not_whole_number", value=value)
    if kind in ("float_type", "float_parsing"):
        return message("field.not_number", value=value)
    if kind in ("bool_type", "bool_parsing"):
        return message("field.not_true_or_false", value=value)
    if kind == "string_type":
        return message("field.not_text", value=value)
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        example = _object_example(data, loc)
        shown = value[:60]
        return message("field.not_object", example=example, value=shown) if example else message(
            "field.not_object_plain", value=shown)
    if kind == "list_type":
        return message("field.not_array", value=value[:60])
    if kind == "value_error" and _model_at(data, loc) is AfterStart:
        return message("field.one_period")
    return message("field.other", detail=err["msg"])


def _unknown_field_hint(name: str, model: type[BaseModel] | None) -> object:
    if model is None:
        return ""
    close = difflib.get_close_matches(name, _field_names(model), n=1, cutoff=0.6)
    if close:
        return message("field.did_you_mean", name=close[0])
    return message("field.allowed_here", names=Names(tuple(_field_names(model))))


# --- cross-field rules -----------------------------------------------------


_Add = Callable[[str, Message], None]


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
            add(f"/parties/{i}/id", message("rule.party_id_taken", id=party.id))
    _check_look_alike_parties(spec, add)
    if _check_party_count(spec, kind, add):
        _check_roles(spec, kind.roles_for(spec), add)

    for i, tasks in enumerate(spec.project.roles):
        out.party_ref(tasks.party, f"/project/roles/{i}/party")
    if spec.signing_date is not None and spec.signing_date > spec.effective_date + dt.timedelta(days=366):
        add("/signing_date", message("rule.signing_date_late"))
    conf = spec.confidentiality
    if conf.announcement == "agreed_text" and not conf.announcement_text:
        add("/confidentiality/announcement_text", message("rule.announcement_text_missing"))
    if conf.announcement != "agreed_text" and conf.announcement_text:
        add("/confidentiality/announcement_text", message("rule.announcement_text_unused"))
    if conf.supersedes_nda and conf.supersedes_nda.date > spec.effective_date:
        add("/confidentiality/supersedes_nda/date", message("rule.earlier_nda_later"))
    _check_personal_data(spec, out)

    liab = spec.liability
    if liab.cap.kind == "amount" and liab.cap.amount is None:
        add("/liability/cap/amount", message("rule.cap_amount_missing"))
    if liab.cap.kind != "amount" and liab.cap.amount is not None:
        add("/liability/cap/amount", message("rule.cap_amount_unused", kind=liab.cap.kind))
    if liab.cap.kind != "fees_paid" and liab.cap.floor is not None:
        add("/liability/cap/floor", message("rule.cap_floor_unused", kind=liab.cap.kind))
    out.party_for_option(liab.cap_applies_to == "only", liab.capped_party, "/liability/capped_party",
                         missing=message("rule.capped_party_missing"), unused=message("rule.capped_party_unused"))

    if isinstance(spec.title, Titles):  # a title per language: only for the languages the agreement is in
        languages = document_languages(spec.language)
        for language in spec.title.model_fields_set:
            if getattr(spec.title, language) is not None and language not in languages:
                add(f"/title/{language}", message("rule.title_language_unused", language=language, languages=spec.language))

    disp = spec.disputes
    if disp.forum == "arbitration":
        if disp.arbitration is None:
            add("/disputes/arbitration", message("rule.arbitration_missing"))
    elif disp.court is None:
        add("/disputes/court", message("rule.court_missing"))
    if disp.forum == "arbitration" and given(disp, "court") and disp.court is not None:
        add("/disputes/court", message("rule.court_unused"))
    if disp.forum != "arbitration" and disp.arbitration is not None:
        add("/disputes/arbitration", message("rule.arbitration_unused", forum=disp.forum))
    if disp.forum != "ip_mediation_then_court" and given(disp, "mediation_months"):
        add("/disputes/mediation_months", message("rule.mediation_months_unused", forum=disp.forum))

    _undrafted(spec, kind, out)
    out.extend(kind.problems(spec))
    return out.found


def _undrafted(spec: CommonSpec, kind: AnyAgreementType, out: Problems) -> None:
    """A shared field the type's agreement has no text for is refused when given: it would silently vanish."""
    for pointer in kind.undrafted:
        *parents, name = pointer.strip("/").split("/")
        model: Any = spec
        for part in parents:
            model = getattr(model, part)
        if given(model, name):
            out.add(pointer, message("rule.not_drafted", agreement=AgreementName(kind.name, kind.described_as)))


def _check_personal_data(spec: CommonSpec, out: Problems) -> None:
    """Who provides personal information: parties of the deal, each once; the options only when someone does."""
    data = spec.personal_data
    if data is None:
        return
    for i, party_id in enumerate(data.provided_by):
        out.party_ref(party_id, f"/personal_data/provided_by/{i}")
        if party_id in data.provided_by[:i]:
            out.add(f"/personal_data/provided_by/{i}", message("rule.listed_twice", party=party_id))
    if not data.provided_by:
        for name in ("sensitive", "cross_border", "leak_notice_hours"):
            if given(data, name):
                out.add(f"/personal_data/{name}", message("rule.personal_data_unused"))
    elif len(spec.parties) > 2 and len(set(data.provided_by)) < len(spec.parties):
        out.add("/personal_data/provided_by", message("rule.personal_data_every_party"))


def _check_party_count(spec: CommonSpec, kind: AnyAgreementType, add: _Add) -> bool:
    """Whether the deal has as many parties as its type allows; if not, says so at the first one too many."""
    n, low, high = len(spec.parties), kind.min_parties, kind.max_parties
    how_many = (message("count.exactly", n=Count(low)) if low == high else message("count.at_least", n=Count(low))
                if high is None else message("count.between", low=Count(low), high=Count(high)))
    agreement = AgreementName(kind.name, kind.described_as)
    if high is not None and n > high:
        extra = message("rule.remove_this_party" if n == high + 1 else "rule.remove_these_parties")
        add(f"/parties/{high}", message("rule.too_many_parties", agreement=agreement, how_many=how_many, extra=extra, n=n))
        return False
    if n < low:
        add("/parties", message("rule.too_few_parties", agreement=agreement, how_many=how_many, more=low - n, n=n))
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
        needed = {"role": role, "why": rules.why, "found": len(found)}
        if not found and len(others) == 1:
            # Point at the one party that could take the missing role.
            i = others[0]
            add(f"/parties/{i}/role", message("rule.role_needed_here", current=roles[i], **needed))
        elif len(found) > 1:
            add(f"/parties/{found[1]}/role", message("rule.role_needed_change", **needed))
        else:
            add("/parties", message("rule.role_needed", **needed))
    if not settled:
        return  # a party in the wrong role is named above; listing every other role would only repeat it
    allowed = Names(required + rules.allowed)
    for i, role in enumerate(roles):
        if role not in required + rules.allowed:
            add(f"/parties/{i}/role", message("rule.role_not_fitting_hint", role=role, allowed=allowed, hint=rules.hint)
                if rules.hint else message("rule.role_not_fitting", role=role, allowed=allowed))


def _check_look_alike_parties(spec: CommonSpec, add: _Add) -> None:
    """Two parties whose names read the same would let one party pass for the other."""
    names = [(i, key, getattr(p, key)) for i, p in enumerate(spec.parties) for key in ("short_name", "legal_name")]
    reported: set[int] = set()
    for i, key, name in names:
        for j, other_key, other in names:
            if j >= i or i in reported:
                continue
            if name == other or look_alike(name, other):
                add(f"/parties/{i}/{key}", message("rule.same_name" if name == other else "rule.look_alike_name",
                                                   whose=message(f"name_kind.{other_key}"), other=f"/parties/{j}",
                                                   name=repr(other)))
                reported.add(i)
