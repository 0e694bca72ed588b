"""Readability measures that work offline: Flesch Reading Ease (English), sentence length (Japanese)."""

import re

_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    word = word.lower()
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(_VOWELS.findall(word)))


def english_sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if re.search(r"[A-Za-z]", s)]


def flesch_reading_ease(text: str) -> float:
    sentences = english_sentences(text)
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    if not sentences or not words:
        return 100.0
    syl = sum(syllables(w) for w in words)
    return 206.835 - 1.015 * (len(words) / len(sentences)) - 84.6 * (syl / len(words))


def japanese_sentence_lengths(text: str) -> list[int]:
    sentences = [s.strip() for s in re.split(r"[。\n]", text) if s.strip()]
    return [len(s) for s in sentences]
