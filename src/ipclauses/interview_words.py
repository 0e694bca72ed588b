"""The interview's words: a question's text, its help, and the options of a choice question.

A question's text is the Locale's (`words.interview.questions`), or else its field's title in the
schema text (`schema_text`), whose description is the question's help; each option of a choice
shows the schema text's one-line meaning and whom it favours, naming the party once the answers
tell which.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from . import schema_text
from .interview_questions import Answers, Choices, Question, favoured_party, field_targets, party_names
from .locales import Locale

__all__ = ["Option", "help_text", "options_of", "title"]


@dataclass(frozen=True)
class Option:
    """One option of a choice question as the interview shows it."""

    value: str
    label: str
    meaning: str = ""
    favours: str = ""
    example: str = ""


def _text_language(locale: Locale) -> str:
    """The language of the schema text to show: the interview's, or the reference language's if it has none."""
    from .locales import reference_locale

    return locale.code if locale.code in schema_text.languages() else reference_locale().code


def _key(question: Question, parent: str) -> str:
    return question.words or (f"{parent}.{question.id}" if parent else question.id)


def _by_type(key: str, answers: Answers, words: Mapping[str, str]) -> str:
    """The key of a question's words for this agreement type ("roles.provider#ai_use"), where a type words it its own way."""
    own = f"{key}#{answers.get('type')}"
    return own if own in words else key


def title(question: Question, answers: Answers, locale: Locale, parent: str = "") -> str:
    """The question as the interview asks it: the Locale's words, else its field's title."""
    words = locale.words.interview.questions
    key = _by_type(_key(question, parent), answers, words)
    number = re.match(r"parties\.(\d+)\.", question.id)
    if key in words:
        return words[key].format(n=int(number.group(1)) + 1 if number else answers.get("_n", ""))
    targets = field_targets(question, answers, parent)
    if targets:
        return schema_text.field_text(targets[0][0], targets[0][1], _text_language(locale)).title
    return key


def help_text(question: Question, answers: Answers, locale: Locale, parent: str = "") -> str:
    """What the question means: the Locale's help for the interview's own questions, else its field's description."""
    helps = locale.words.interview.help
    own = helps.get(_by_type(_key(question, parent), answers, helps))
    if own is not None:
        return own
    targets = field_targets(question, answers, parent)
    if not targets:
        return ""
    return schema_text.field_text(targets[0][0], targets[0][1], _text_language(locale)).description


def options_of(question: Question, answers: Answers, locale: Locale, parent: str = "") -> list[Option]:
    """A choice question's options, each with its meaning and whom it favours (naming the party when known)."""
    choices = question.choices or Choices()
    words = locale.words.interview
    names = party_names(answers)
    targets = field_targets(question, answers, parent)
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
