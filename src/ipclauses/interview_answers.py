"""The interview's answers: reading a typed answer, and answers given in a file.

`parse` turns an answer, typed at the prompt or given in a file, into the value its question keeps
(yes or no, a number, a date or a period, a choice by its number or label, a list, records), or
raises `InvalidAnswer` with the reason in the interview's language. `read_answers` reads an answers
file (JSON, or TOML), and `flatten_answers` keys its answers by question id, whether they are nested
as the spec nests them or not.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .errors import IpclausesError
from .interview_guide import BOTH
from .interview_questions import (
    NO_DEFAULT,
    QUESTIONS_BY_ID,
    Answers,
    Question,
    applies,
    default_of,
    item_context,
    put_provided_by,
    unsaid,
)
from .interview_words import Option, options_of
from .locales import Locale, get_locale, locales, reference_locale
from .messages import Message, localized, message
from .spec import PARTY_ID_PATTERN

__all__ = ["BUILD", "MAX_ANSWERS_BYTES", "InterviewError", "InvalidAnswer", "flatten_answers", "normal_text", "parse",
           "parse_yes_no", "read_answers"]

# An answer that is not part of the spec: whether to build the agreement at the end.
BUILD = "build"
MAX_ANSWERS_BYTES = 1024 * 1024


class InterviewError(IpclausesError):
    """Raised when answers (a file, or the interview's own) cannot make a valid spec: each line names the
    question id to answer or fix, and what is wrong.

    `.lines` are what each line says after `source: `: a catalogue Message (what is wrong with an
    answers file), or text already in the interview's language (what is wrong with an answer).
    `str()` is in English; `render(lang)` gives the Messages in the language `lang`.
    """

    def __init__(self, source: str, lines: Sequence[str | Message]) -> None:
        self.source = source
        self.lines = list(lines)
        super().__init__(self.render())

    def render(self, lang: str | None = None) -> str:
        """One line per problem, `source: what is wrong`, in the language `lang` (a locale code; default English)."""
        locale = reference_locale() if lang is None else get_locale(lang)
        return "\n".join(f"{self.source}: {localized(line, locale)}" for line in self.lines)


class InvalidAnswer(Exception):
    """An answer the question cannot take; the message says why, in the interview's language."""


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
        question = QUESTIONS_BY_ID.get(key)
        if key == BUILD or (question is not None and not (isinstance(value, dict) and not _takes_object(question))):
            found[key] = value
        elif isinstance(value, dict) and value:
            for sub, item in value.items():
                walk(item, f"{key}.{sub}" if key else str(sub))
        elif isinstance(value, list) and any(q.startswith(f"{key}.0.") for q in QUESTIONS_BY_ID):
            for i, item in enumerate(value):
                walk(item, f"{key}.{i}")
        else:
            unknown.append(key)

    walk(dict(data), "")
    if unknown:
        import difflib

        lines: list[str | Message] = []
        for key in unknown:
            close = difflib.get_close_matches(key, list(QUESTIONS_BY_ID) + [BUILD], n=1, cutoff=0.7)
            lines.append(message("answers.no_such_question_did_you_mean", key=key, close=close[0]) if close
                         else message("answers.no_such_question", key=key))
        raise InterviewError(source, lines)
    return found


def read_answers(path: str | Path) -> dict[str, Any]:
    """An answers file: JSON, or TOML when its name ends in .toml; keyed by question id (see `flatten_answers`)."""
    from .build import os_reason
    from .loading import _FILE_KINDS, _json_reason
    from .safe_read import NotARegularFile, read_regular_file

    name = str(path)
    try:
        raw = read_regular_file(path, MAX_ANSWERS_BYTES)
    except FileNotFoundError:
        raise InterviewError(name, [message("answers.file_not_found")]) from None
    except NotARegularFile as exc:
        kind_id = _FILE_KINDS.get(exc.kind)  # safe_read's English words for it, as a spec file's error names them
        raise InterviewError(name, [message("answers.not_regular_file", kind=message(kind_id) if kind_id else exc.kind)]) from None
    except OSError as exc:
        raise InterviewError(name, [message("answers.unreadable", reason=os_reason(exc))]) from None
    if len(raw) > MAX_ANSWERS_BYTES:
        raise InterviewError(name, [message("answers.too_large", limit=MAX_ANSWERS_BYTES)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InterviewError(name, [message("answers.not_utf8")]) from None
    try:
        data = tomllib.loads(text) if name.lower().endswith(".toml") else json.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InterviewError(name, [_toml_error(str(exc))]) from None
    except json.JSONDecodeError as exc:
        raise InterviewError(name, [message("answers.invalid_json", line=exc.lineno, column=exc.colno,
                                            reason=_json_reason(exc.msg))]) from None
    if not isinstance(data, dict):
        raise InterviewError(name, [message("answers.not_object")])
    return flatten_answers(data, name)


# What tomllib says, "<reason> (at line 3, column 7)": the reasons a hand-written answers file meets most.
_TOML_ERROR = re.compile(r"(?s)(.*) \(at (?:line (\d+), column (\d+)|end of document)\)")
_TOML_REASONS = {
    "Invalid statement": message("answers.toml_invalid_statement"),
    "Expected '=' after a key in a key/value pair": message("answers.toml_expected_equals"),
    "Invalid value": message("answers.toml_invalid_value"),
    "Unclosed array": message("answers.toml_unclosed_array"),
    "Unclosed inline table": message("answers.toml_unclosed_inline_table"),
    "Unterminated string": message("answers.toml_unterminated_string"),
    "Cannot overwrite a value": message("answers.toml_overwrite"),
    "Invalid initial character for a key part": message("answers.toml_invalid_key"),
    "Invalid date or datetime": message("answers.toml_invalid_date"),
    "Expected newline or end of document after a statement": message("answers.toml_expected_newline"),
    "Expected ']' at the end of a table declaration": message("answers.toml_unclosed_table"),
    "Expected ']]' at the end of an array declaration": message("answers.toml_unclosed_array_table"),
}


def _toml_error(text: str) -> Message:
    """tomllib's error as a message: its reason in the catalogue's words where it has them, and where it is."""
    match = _TOML_ERROR.fullmatch(text)
    if match is None:
        return message("answers.invalid_toml", reason=text, at="")
    reason, line, column = match.groups()
    at = message("answers.toml_at_end") if line is None else message("answers.toml_at", line=line, column=column)
    return message("answers.invalid_toml", reason=_toml_reason(reason), at=at)


def _toml_reason(reason: str) -> object:
    if reason in _TOML_REASONS:
        return _TOML_REASONS[reason]
    if found := re.fullmatch(r"Cannot declare (.+) twice", reason):
        return message("answers.toml_declared_twice", table=found[1])
    if found := re.fullmatch(r"(?s)Illegal character (.+)", reason):
        return message("answers.toml_illegal_character", character=found[1])
    if found := re.fullmatch(r"(?s)Found invalid character (.+)", reason):
        return message("answers.toml_found_invalid_character", character=found[1])
    if found := re.fullmatch(r"""(?s)Expected ('.{1,3}'|".{1,3}")""", reason):  # a closing quote or bracket
        return message("answers.toml_expected", what=found[1])
    return reason


# --- reading an answer -------------------------------------------------------------------------------


def normal_text(text: str) -> str:
    """Typed text as the interview compares it: full-width digits and letters as ASCII, no outer spaces."""
    import unicodedata

    return unicodedata.normalize("NFKC", text).strip()


def parse_yes_no(raw: Any, locale: Locale) -> bool:
    if isinstance(raw, bool):
        return raw
    words = locale.words.interview
    if isinstance(raw, str):
        typed = normal_text(raw).casefold()
        if typed in {w.casefold() for w in (words.yes, *words.yes_words)}:
            return True
        if typed in {w.casefold() for w in (words.no, *words.no_words)}:
            return False
    raise InvalidAnswer(words.invalid["yes_no"])


def _number(raw: Any, integer: bool, locale: Locale) -> int | float:
    invalid = locale.words.interview.invalid
    wanted = invalid["integer" if integer else "number"]
    if isinstance(raw, bool):
        raise InvalidAnswer(wanted)
    if isinstance(raw, str):
        typed = normal_text(raw).replace(",", "").replace("_", "").rstrip("%").strip()
        try:
            raw = int(typed) if re.fullmatch(r"-?\d{1,15}", typed) else float(typed)
        except ValueError:
            raise InvalidAnswer(wanted) from None
    if not isinstance(raw, int | float) or raw != raw or raw in (float("inf"), float("-inf")):
        raise InvalidAnswer(wanted)
    if integer:
        if isinstance(raw, float) and not raw.is_integer():
            raise InvalidAnswer(wanted)
        return int(raw)
    return int(raw) if isinstance(raw, float) and raw.is_integer() else raw


def _unit_words() -> dict[str, str]:
    """Every word any language uses for days, weeks and months, to the unit it names."""
    found: dict[str, str] = {}
    for locale in locales():
        for unit, words in locale.words.interview.units.items():
            found.update({normal_text(w).casefold(): unit for w in words})
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
        raise InvalidAnswer(invalid["period"])
    if isinstance(raw, str):
        typed = normal_text(raw)
        match = re.fullmatch(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?", typed)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups())).isoformat()
            except ValueError:
                raise InvalidAnswer(invalid["date"]) from None
        match = re.fullmatch(r"(\d{1,4})\s*(\D+?)\s*", typed)
        if period and match:
            unit = _unit_words().get(match.group(2).casefold())
            if unit is not None:
                return {unit: int(match.group(1))}
    raise InvalidAnswer(invalid["period" if period else "date"])


def _choice(raw: Any, options: list[Option], many: bool, locale: Locale) -> Any:
    words = locale.words.interview
    if many:
        items = raw if isinstance(raw, list) else re.split(r"\s*[,、，]\s*", normal_text(raw)) if isinstance(raw, str) else None
        if items is None:
            raise InvalidAnswer(words.invalid["choice_many"])
        chosen = [_choice(item, options, False, locale) for item in items if not (isinstance(item, str) and not item.strip())]
        return list(dict.fromkeys(chosen))
    if isinstance(raw, str):
        typed = normal_text(raw)
        if typed.isdigit() and 1 <= int(typed) <= len(options):
            return options[int(typed) - 1].value
        for option in options:
            if typed == option.value or typed.casefold() == normal_text(option.label).casefold():
                return option.value
    allowed = locale.join([f"{o.value}" for o in options], "or")
    raise InvalidAnswer(words.invalid["choice"].format(choices=allowed))


def _keyword(item: str) -> str:
    """A keyword in any language's words ("全世界") as the spec writes it ("worldwide")."""
    for locale in locales():
        for keyword, word in locale.words.formats.keywords.items():
            if normal_text(item).casefold() in (word.casefold(), keyword):
                return keyword
    return item


def parse(question: Question, raw: Any, answers: Answers, locale: Locale, parent: str = "") -> Any:
    """An answer typed or given in a file as the value the question keeps; raises InvalidAnswer with the reason."""
    invalid = locale.words.interview.invalid
    if question.put is put_provided_by and isinstance(raw, list):
        raw = "none" if not raw else raw[0] if len(raw) == 1 else BOTH
    blank = raw is None or (isinstance(raw, str) and not raw.strip()) or (isinstance(raw, list) and not raw
                                                                          and question.kind not in ("list", "records"))
    if (blank and question.kind not in ("list", "records")) or (question.optional and raw == "-"):
        if question.optional:
            return None
        raise InvalidAnswer(invalid["required"])
    kind = question.kind
    if kind == "text":
        if not isinstance(raw, str):
            raise InvalidAnswer(invalid["text"])
        text = raw.strip()
        if question.id.endswith(".id") and question.id.startswith("parties.") and not re.fullmatch(PARTY_ID_PATTERN, text):
            raise InvalidAnswer(invalid["party_id"])
        return text
    if kind == "yes_no":
        return parse_yes_no(raw, locale)
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
            raise InvalidAnswer(invalid["list"])
        return [_keyword(i.strip()) for i in items if i.strip()]
    return _records(question, raw, answers, locale)


def _records(question: Question, raw: Any, answers: Answers, locale: Locale) -> list[dict[str, Any]]:
    invalid = locale.words.interview.invalid
    if not isinstance(raw, list) or not all(isinstance(i, dict) for i in raw):
        raise InvalidAnswer(invalid["records"])
    out: list[dict[str, Any]] = []
    for n, given in enumerate(raw, 1):
        known = {sub.id for sub in question.items}
        extra = sorted(set(given) - known)
        if extra:
            raise InvalidAnswer(invalid["record_key"].format(n=n, key=extra[0], allowed=", ".join(sorted(known))))
        item: dict[str, Any] = {}
        for sub in question.items:
            context = item_context(question, answers, item, out)
            if not applies(sub, context):
                continue
            value = given.get(sub.id)
            if value is None:
                value = default_of(sub, context, question.id)
                if value is NO_DEFAULT:
                    raise InvalidAnswer(invalid["record_missing"].format(n=n, key=sub.id))
                if unsaid(sub, value, context, question.id):
                    continue
            else:
                try:
                    value = parse(sub, value, context, locale, question.id)
                except InvalidAnswer as exc:
                    raise InvalidAnswer(invalid["record_item"].format(n=n, key=sub.id, message=exc)) from None
            item[sub.id] = value
        out.append(item)
    return out
