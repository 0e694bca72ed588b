"""Spec values as clause text shows them: each variable format, written by the text's Locale."""

from __future__ import annotations

from typing import Any

from .locales import KEYWORDS, Locale, get_locale
from .spec import Party

__all__ = ["FORMATS", "KEYWORDS", "format_value", "party"]

FORMATS = ("text", "number", "money", "date", "deadline", "party", "list", "flag", "choice", "scope")


def party(value: Party) -> str:
    return value.short_name


def format_value(value: Any, fmt: str, locale: Locale | str) -> object:
    """Format a looked-up spec value for clause text; None stays None (a missing value).

    `value` is whatever the variable's path holds (a Party, date, Money, number, list...),
    so its type follows `fmt`. `locale` may be given by its code (library.py passes the
    spec's `language`).
    """
    if value is None:
        return None
    if isinstance(locale, str):
        locale = get_locale(locale)
    if fmt == "party":
        return party(value)
    if fmt == "date":
        # A date field that also takes keywords (licence.exclusive_from: "start") keeps the keyword, for {% if %} tests.
        return value if isinstance(value, str) else locale.date(value)
    if fmt == "deadline":
        # A date or a period from the effective date, as a whole phrase: "by 31 March 2027".
        return locale.deadline(value)
    if fmt == "money":
        return locale.money(value)
    if fmt == "number":
        return locale.number(value)
    if fmt == "list":
        # "worldwide" is the territory keyword, not a country name: write it in the text's language.
        items = [locale.keyword(v) for v in value]
        return locale.join(items) if items else None
    if fmt == "scope":
        # A licence's scope in the same words as the key-terms table and the summary's overview.
        from .wording import scope_phrase

        return scope_phrase(value, locale)
    if fmt in ("text", "flag", "choice"):
        return value
    raise ValueError(fmt)
