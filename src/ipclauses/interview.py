"""`ipclauses new`: an interview that asks for a deal one question at a time and writes a valid spec.

The session (`run_interview`) asks through a `Terminal` the CLI gives it, or takes every answer
from a mapping (`--answers FILE`); it builds the spec, validates it with the loader, and asks
again the question behind each problem (or, without a terminal, names the answer to fix).

Its parts, each a module: `interview_questions` (the question model, the `QUESTIONS` table and
the spec the answers make), `interview_words` (a question's text, help and options),
`interview_answers` (reading a typed answer, and answers files) and `interview_guide` (the
ownership decision guide). The entry points the CLI and tests use are exported here.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from .errors import SpecError
from .interview_answers import (
    BUILD,
    InterviewError,
    InvalidAnswer,
    flatten_answers,
    normal_text,
    parse,
    parse_yes_no,
    read_answers,
)
from .interview_questions import (
    NO_DEFAULT,
    QUESTIONS,
    QUESTIONS_BY_ID,
    Answers,
    Question,
    applies,
    build_spec,
    default_currency,
    default_of,
    item_context,
    party_names,
    question_for,
    spec_text,
)
from .interview_words import Option, help_text, options_of, title
from .locales import Locale, get_locale
from .spec import CommonSpec

__all__ = ["QUESTIONS", "SCHEMA_FILE", "InterviewError", "Outcome", "Question", "Terminal", "applies", "build_spec", "confirm",
           "flatten_answers", "question_for", "read_answers", "run_interview", "spec_text"]

# The schema file the written spec points at, beside it (`ipclauses schema -o deal-spec.schema.json`).
SCHEMA_FILE = "deal-spec.schema.json"
# Asked about a list's items: keep the ones shown, add another.
_KEEP = Question("keep", "yes_no", words="keep", to="")
_ADD = Question("add", "yes_no", words="add_item", to="")


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
                        if want is True and QUESTIONS_BY_ID.get(key, q).kind == "yes_no"}

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
                answers[BUILD] = parse_yes_no(self.given[BUILD], self.locale)
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
            except InvalidAnswer as exc:
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
            if normal_text(typed) == "?":
                self._help(question, answers, options, parent)
                continue
            try:
                return parse(question, typed, answers, self.locale, parent)
            except InvalidAnswer as exc:
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
            hint = words.money.format(currency=answers.get("currency") or default_currency())
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
            if normal_text(typed) == "?":
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
            names = party_names(answers)
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
                context = item_context(question, answers, item, items)
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
            return parse_yes_no(typed, locale)
        except InvalidAnswer as exc:
            terminal.show(str(exc))
