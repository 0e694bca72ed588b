"""Values as they are written in each language's legal text: dates, money, lists, parties."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from .spec import Money, Party

_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]
_JA_CURRENCY = {"JPY": "円", "USD": "米ドル", "EUR": "ユーロ", "GBP": "英ポンド"}


def date(value: dt.date, lang: str) -> str:
    if lang == "ja":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def money(value: Money, lang: str) -> str:
    amount = f"{value.amount:,}"
    if lang == "ja":
        return f"金{amount}{_JA_CURRENCY[value.currency]}" if value.currency == "JPY" else f"{amount}{_JA_CURRENCY[value.currency]}"
    return f"{value.currency} {amount}"


def number(value: int | float | Decimal) -> str:
    """The exact decimal the user wrote, with thousands separators: never rounded, never 1e-05.

    Validation refuses numbers with more than 15 significant digits, so the shortest repr
    of a float is exactly the decimal that was given.
    """
    if isinstance(value, int):
        return f"{value:,}"
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    if not exact.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    if exact == exact.to_integral_value():
        return f"{int(exact):,}"
    return format(exact.normalize(), ",f")


def join(items: list[str], lang: str, conjunction: str = "and") -> str:
    items = [str(i) for i in items]
    if lang == "ja":
        word = {"and": "及び", "or": "又は"}[conjunction]
        return items[0] if len(items) == 1 else "、".join(items[:-1]) + word + items[-1]
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f", {conjunction} " + items[-1]


def party(value: Party) -> str:
    return value.short_name


def format_value(value: Any, fmt: str, lang: str) -> object:
    """Format a looked-up spec value for clause text; None stays None (a missing value).

    `value` is whatever the variable's path holds (a Party, date, Money, number, list...),
    so its type follows `fmt`.
    """
    if value is None:
        return None
    if fmt == "party":
        return party(value)
    if fmt == "date":
        return date(value, lang)
    if fmt == "money":
        return money(value, lang)
    if fmt == "number":
        return number(value)
    if fmt == "list":
        # "worldwide" is the territory keyword, not a country name: write it in the text's language.
        items = [KEYWORDS.get(v, {}).get(lang, v) for v in value]
        return join(items, lang) if items else None
    if fmt in ("text", "flag", "choice"):
        return value
    raise ValueError(fmt)


KEYWORDS = {"worldwide": {"ja": "全世界", "en": "worldwide"}}

FORMATS = ("text", "number", "money", "date", "party", "list", "flag", "choice")
