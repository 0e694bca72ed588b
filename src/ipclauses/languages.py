"""A spec drafted in another language than its own, or in two: what `--lang` and each column of a bilingual agreement draft."""

from __future__ import annotations

from .locales import document_languages, get_locale
from .spec import AnySpec, Titles


def in_language(spec: AnySpec, code: str) -> AnySpec:
    """The spec drafted in another language (one, or two joined by "+"), for one run.

    A title given as text is in the spec's (prevailing) language, and a title per language
    (a Titles, by language code) names its own: each heads its language's column, and a
    language without one gets the type's title. Every other value stays as given, in
    every language.
    """
    for part in document_languages(code):
        get_locale(part)  # an unknown code raises UnknownLocaleError
    if code == spec.language:
        return spec
    return spec.model_copy(update={"language": code, "title": _title_in(spec, code)})


def _title_in(spec: AnySpec, code: str) -> str | Titles | None:
    """The spec's title for a document in `code`: each language's title goes to that language's column."""
    if spec.title is None:
        return None
    own = document_languages(spec.language)[0]
    languages = document_languages(code)
    by_language: dict[str, str] = {own: spec.title} if isinstance(spec.title, str) else spec.title.model_dump(exclude_none=True)
    kept = {language: title for language, title in by_language.items() if language in languages}
    if not kept:
        return None
    if len(languages) == 1 or list(kept) == [languages[0]]:
        return kept.get(languages[0])  # as text: in the (prevailing) language
    return Titles(**kept)
