"""Messages for people, in their language: a message id and its values, rendered by a Locale.

A validation problem (`errors.Problem`) keeps the id of its message and the values it
names; the texts are each locale's `words.messages.templates`, so one catalogue holds
every language, and tests/test_messages.py checks that every id has the same fields in
each. A value that reads differently by language is one of the classes here (a nested
Message, a list of choices, an agreement type's name, a small count) or any object with
`render(locale)`; any other value is formatted as it is (numbers, spec values as JSON).

`user_language()` is the language the user reads, from the environment (LANG and its
kin), for messages that come before any spec says which language it is in.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from .locales import Locale, codes, reference_locale

__all__ = ["AgreementName", "Choices", "Count", "Localized", "Message", "Names", "as_json", "localized", "message",
           "user_language"]

# The environment variables that name the language of messages, strongest first (POSIX).
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


@runtime_checkable
class Localized(Protocol):
    """A message value that reads differently by language."""

    def render(self, locale: Locale) -> str: ...


@dataclass(frozen=True)
class Message:
    """One message of the catalogue: its id in `words.messages.templates` and the values its template names."""

    id: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        """The message in English, as a tool reads it."""
        return self.render(reference_locale())

    def render(self, locale: Locale) -> str:
        """The message in `locale`'s words (a locale without this id, such as a plug-in's, reads it in English)."""
        template = locale.words.messages.templates.get(self.id)
        if template is None:
            template = reference_locale().words.messages.templates[self.id]
        return template.format(**{name: localized(value, locale) for name, value in self.params.items()})


def message(id: str, /, **params: object) -> Message:
    """A catalogue message; an id the reference locale has no text for is a programming error."""
    if id not in reference_locale().words.messages.templates:
        raise KeyError(f"no text for the message {id!r} in the locales' `messages`")
    return Message(id, params)


def localized(value: object, locale: Locale) -> object:
    """A message value as `locale` writes it: a Localized value rendered, any other as it is."""
    return value.render(locale) if isinstance(value, Localized) else value


def as_json(value: object) -> str:
    """A spec value as the user wrote it in JSON: "text", 12, true, {...}."""
    return json.dumps(value, ensure_ascii=False, default=str)


@dataclass(frozen=True)
class Choices:
    """The values a field allows, offered as alternatives: "a", "b" or "c"."""

    values: tuple[object, ...]

    def render(self, locale: Locale) -> str:
        return locale.words.messages.or_list.join([as_json(v) for v in self.values])


@dataclass(frozen=True)
class Names:
    """Values listed one after another: "a", "b", "c"."""

    values: tuple[object, ...]

    def render(self, locale: Locale) -> str:
        return locale.words.messages.list_separator.join(as_json(v) for v in self.values)


@dataclass(frozen=True)
class AgreementName:
    """An agreement type as a message names it ("an NDA"): the locale's words, else the type's own `described_as`."""

    name: str
    described_as: str

    def render(self, locale: Locale) -> str:
        return locale.words.messages.agreement_types.get(self.name, self.described_as)


@dataclass(frozen=True)
class Count:
    """A small number as a message writes it: "two" in English, "2" in Japanese."""

    n: int

    def render(self, locale: Locale) -> str:
        counts = locale.words.messages.counts
        return counts[self.n] if 0 <= self.n < len(counts) else locale.number(self.n)


def user_language(environ: Mapping[str, str] | None = None) -> str:
    """The language of the user's locale, as a registered locale code: LC_ALL, LC_MESSAGES or LANG, the first set.

    LANG=ja_JP.UTF-8 gives Japanese; a language without a Locale (de_DE, C, POSIX) and no setting at all give English.
    """
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            code = value.partition(".")[0].partition("@")[0].replace("-", "_").partition("_")[0].lower()
            return code if code in codes() else reference_locale().code
    return reference_locale().code
