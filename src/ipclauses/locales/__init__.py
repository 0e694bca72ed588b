"""The languages ipclauses writes: one module per language, each defining `LOCALE`.

Every module of this package except `base` is a language and is registered when
the package is imported, so adding a language is adding its module.

    locale = get_locale(spec.language)
    locale.date(spec.effective_date), locale.article_heading(3, "Term"), locale.words.summary...
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import KEYWORDS, ListPattern, Locale, StyleRule, Words

__all__ = ["BILINGUAL_TEMPLATE_LANGUAGES", "KEYWORDS", "ListPattern", "Locale", "StyleRule", "UnknownLocaleError", "Words", "codes", "get_locale", "locales",
           "reference_locale", "register", "unregister"]


class UnknownLocaleError(LookupError):
    """A language code no Locale is registered for."""

    def __init__(self, code: str) -> None:
        super().__init__(f"no locale for language {code!r} (available: {', '.join(codes())})")
        self.code = code


_REGISTRY: dict[str, Locale] = {}


def register(locale: Locale) -> None:
    """Make a Locale available to get_locale; a code is registered once."""
    if locale.code in _REGISTRY:
        raise ValueError(f"a locale for {locale.code!r} is already registered")
    _REGISTRY[locale.code] = locale


def unregister(code: str) -> None:
    """Remove a Locale registered with `register` (tests register pseudo-locales for a while)."""
    del _REGISTRY[code]


def get_locale(code: str) -> Locale:
    try:
        return _REGISTRY[code]
    except KeyError:
        raise UnknownLocaleError(code) from None


# The languages the bilingual base template (templates/agreement-bilingual.docx) holds styles and lists for,
# in the order it defines them, whichever a document puts first.
BILINGUAL_TEMPLATE_LANGUAGES = ("ja", "en")


def document_languages(code: str) -> tuple[str, ...]:
    """The languages a spec's `language` drafts in, the prevailing first: "ja+en" -> ("ja", "en"), "en" -> ("en",)."""
    return tuple(code.split("+"))


def is_bilingual(code: str) -> bool:
    return len(document_languages(code)) > 1


def prevailing_locale(code: str) -> Locale:
    """The Locale of a document's (first, prevailing) language: what asks one language of a bilingual one gets."""
    return get_locale(document_languages(code)[0])


def reference_locale() -> Locale:
    """The locale whose finding texts are a Finding's own `message`, `why` and `fix` (and `check --json`)."""
    return get_locale("en")


def codes() -> list[str]:
    """The language codes that have a Locale, sorted."""
    return sorted(_REGISTRY)


def locales() -> list[Locale]:
    return [_REGISTRY[code] for code in codes()]


def _discover() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name == "base" or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        locale = getattr(module, "LOCALE", None)
        if not isinstance(locale, Locale):
            raise TypeError(f"{module.__name__} defines no LOCALE (a Locale)")
        if locale.code.replace("-", "_") != info.name:
            raise ValueError(f"{module.__name__} defines the locale {locale.code!r}; a locale's module is named by its code")
        register(locale)


_discover()
