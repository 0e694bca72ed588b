"""Differences inside a paragraph, at the granularity a lawyer reads a change in.

English is compared word by word. Japanese has no spaces, and a diff by character
("単独で所有" -> "共有" as scattered characters) or by sentence (one changed word marks
a whole line) is what lawyers reject. Japanese text is cut where the script changes: a
run of kanji, a run of hiragana, a run of katakana, a number, a Latin word, each
punctuation mark. Kanji runs are close to content words (本成果, 単独, 所有) and hiragana
runs to the particles and endings between them (は, を, する), so a change reads as
whole words: "甲が単独で所有する" -> "甲及び乙が共有する" marks 甲/甲及び乙 and 単独で所有/共有,
and keeps the particles が and する. A reference such as 第5条 or 第3条第2項 is one word.
A morphological analyser (MeCab, Sudachi) would cut slightly finer, but needs a
dictionary of 50 MB or more for a gain a reviewer would hardly see.

A cross-reference compares by the article it points to, not the number it shows: when
articles are renumbered, "Article 5" -> "Article 4" pointing at the same clause is no
change, and the result shows the new number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

from .agreement import Ref, Segment

Op = Literal["equal", "delete", "insert"]

_TOKEN = re.compile(
    r"""
    第[0-9０-９]+[条項号](?:第[0-9０-９]+[項号])*  # 第5条, 第3条第2項: one reference, as a lawyer reads it
    | \d+(?:[.,:/]\d+)*%?                        # 1,000,000 / 14.6% / 2026-12-01 parts: one number
    | [０-９]+(?:[，．][０-９]+)*                 # full-width digits
    | [A-Za-z\u00C0-\u024F]+(?:['’][A-Za-z]+)*  # a Latin word, with its apostrophe
    | [Ａ-Ｚａ-ｚ]+                              # full-width Latin
    | [\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF々〆ヶ]+  # a run of kanji
    | [\u3041-\u309F]+                         # a run of hiragana
    | [\u30A0-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]+  # a run of katakana (with ー)
    | \s+
    | .
    """,
    re.VERBOSE | re.DOTALL,
)


def tokens(text: str) -> list[str]:
    """`text` cut into words (see the module docstring); joined again they give `text`."""
    return _TOKEN.findall(text)


class _RefToken:
    """A cross-reference as a diff token: equal to another one to the same article."""

    __slots__ = ("ref",)

    def __init__(self, ref: Ref) -> None:
        self.ref = ref

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _RefToken) and other.ref.target == self.ref.target

    def __hash__(self) -> int:
        return hash(("ref", self.ref.target))


_Token = str | _RefToken


def _segment_tokens(segments: Sequence[Segment]) -> list[_Token]:
    out: list[_Token] = []
    for segment in segments:
        if isinstance(segment, Ref):
            out.append(_RefToken(segment))
        else:
            out += tokens(segment)
    return out


@dataclass(frozen=True)
class Piece:
    """A stretch of a paragraph that is the same in both versions, deleted, or inserted."""

    op: Op
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "".join(s.text if isinstance(s, Ref) else s for s in self.segments)


def _segments(toks: Sequence[_Token]) -> tuple[Segment, ...]:
    """Tokens back to segments: neighbouring text joined, each reference kept whole."""
    out: list[Segment] = []
    text: list[str] = []
    for tok in toks:
        if isinstance(tok, _RefToken):
            if text:
                out.append("".join(text))
                text = []
            out.append(tok.ref)
        else:
            text.append(tok)
    if text:
        out.append("".join(text))
    return tuple(out)


def _is_glue(toks: Sequence[_Token]) -> bool:
    """An unchanged stretch too small to read on its own between two changes: spaces, one mark."""
    if any(isinstance(t, _RefToken) for t in toks):
        return False
    text = "".join(t for t in toks if isinstance(t, str))
    return text.isspace() or (len(text) == 1 and not text.isalnum())


def diff(old: Sequence[Segment], new: Sequence[Segment]) -> list[Piece]:
    """The pieces that turn `old` into `new`: deletions before insertions at each change.

    An unchanged space or single mark between two changes is folded into them, so
    "5 years" -> "3 months" reads as one change, not two. Unchanged references are
    NEW's (showing the new article number).
    """
    a, b = _segment_tokens(old), _segment_tokens(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # (deleted tokens, inserted tokens) for a change, (None, equal tokens of new) for a match
    runs: list[tuple[list[_Token] | None, list[_Token]]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append((None, b[j1:j2]))
        else:
            runs.append((a[i1:i2], b[j1:j2]))
    merged: list[tuple[list[_Token] | None, list[_Token]]] = []
    for i, (deleted, inserted) in enumerate(runs):
        last_deleted = merged[-1][0] if merged else None
        if last_deleted is not None and deleted is not None:
            merged[-1] = (last_deleted + deleted, merged[-1][1] + inserted)
        elif last_deleted is not None and i + 1 < len(runs) and runs[i + 1][0] is not None and _is_glue(inserted):
            merged[-1] = (last_deleted + inserted, merged[-1][1] + inserted)  # glue between two changes joins them
        else:
            merged.append((deleted, inserted))
    pieces: list[Piece] = []
    for deleted, inserted in merged:
        if deleted is None:
            pieces.append(Piece("equal", _segments(inserted)))
            continue
        if deleted:
            pieces.append(Piece("delete", _segments(deleted)))
        if inserted:
            pieces.append(Piece("insert", _segments(inserted)))
    return pieces


def similarity(old: Sequence[Segment], new: Sequence[Segment]) -> float:
    """How alike two paragraphs are, from 0 (nothing shared) to 1 (the same words)."""
    return SequenceMatcher(None, _segment_tokens(old), _segment_tokens(new), autojunk=False).ratio()


def same(old: Sequence[Segment], new: Sequence[Segment]) -> bool:
    """The same words and the same references (whatever numbers the references show)."""
    return _segment_tokens(old) == _segment_tokens(new)


def ending_in_deletion(pieces: Sequence[Piece]) -> list[Piece]:
    """The same change, rearranged so that it does not end with an insertion.

    For a paragraph followed by an inserted paragraph. LibreOffice joins an insertion
    that ends a paragraph with the inserted paragraph after it, and rejecting both
    then removes one paragraph break too many, merging the paragraph with the next.
    Ending with a deletion keeps them apart: a final delete-and-insert is written
    insertion first, and a final pure insertion takes in the word before it
    ("them{+; and+}" becomes "{+them; and+}[-them-]"). Accepting or rejecting
    gives the same text either way.
    """
    out = list(pieces)
    if not out or out[-1].op != "insert":
        return out
    if len(out) >= 2 and out[-2].op == "delete":
        out[-2], out[-1] = out[-1], out[-2]
        return out
    if len(out) >= 2 and out[-2].op == "equal":
        segments = list(out[-2].segments)
        last = segments.pop()
        if isinstance(last, str):
            words = tokens(last)
            word = words.pop()
            if words:
                segments.append("".join(words))
            taken: Segment = word
        else:
            taken = last
        head = [Piece("equal", tuple(segments))] if segments else []
        return [*out[:-2], *head, Piece("insert", (taken, *out[-1].segments)), Piece("delete", (taken,))]
    return out
