"""A bilingual agreement as a model: each language's own agreement, and the article saying which prevails.

A spec whose `language` is "ja+en" is drafted in Japanese and in English, Japanese
prevailing. Each side is that language's single-language agreement (`Draft.sides`),
word for word, with one article added at its end in its own language: the one that
says in which languages the agreement is made and which prevails. Added at the end, it
renumbers no other article, so every cross-reference reads as in the single-language
agreement. The renderers set the sides beside each other (docx_bilingual.py).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from .agreement import Agreement, Article, Paragraph
from .locales import get_locale

# The added article's stable id (never a clause library id, which holds a "." after a type or category).
LANGUAGE_ARTICLE_ID = "bilingual_language"


def language_article(agreement: Agreement, languages: Sequence[str]) -> Article:
    """The article, in `agreement`'s language, saying the agreement is made in `languages` and the first prevails."""
    locale = get_locale(agreement.language)
    words = locale.words.bilingual
    names = [words.language_names[code] for code in languages]
    number = len(agreement.articles) + 1
    text = words.clause_text.format(languages=locale.join(names), prevailing=names[0])
    return Article(
        clause_id=LANGUAGE_ARTICLE_ID, variant_id="default", category="general", number=number,
        label=locale.article_label(number), title=words.clause_title,
        heading=locale.article_heading(number, words.clause_title), bookmark="_Ref_" + LANGUAGE_ARTICLE_ID,
        balance="balanced", paragraphs=[Paragraph(locale.paragraph_label(number, 0, 1), [text], id=f"{LANGUAGE_ARTICLE_ID}/p1")],
        _summary=text,
    )


def bilingual_sides(agreements: Sequence[Agreement]) -> tuple[Agreement, ...]:
    """Each language's agreement (the prevailing first) with the language article added."""
    languages = [agreement.language for agreement in agreements]
    return tuple(
        dataclasses.replace(agreement, articles=[*agreement.articles, language_article(agreement, languages)])
        for agreement in agreements
    )


def column_heading(language: str, prevailing: bool) -> str:
    """The header of a language's column, in that language: "日本語（優先）", "English"."""
    words = get_locale(language).words.bilingual
    return (words.prevailing_column if prevailing else words.column).format(language=words.language_names[language])
