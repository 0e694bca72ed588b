"""Characters and names that could make a document show something other than it says.

A signed contract must read as it is written. Three kinds of text can fool a reader:
- invisible characters that reorder or hide text (Trojan Source: a right-to-left
  override turns "iakoT" into "Tokai" on screen and in print);
- names that look the same but differ ("Tokai" with a Cyrillic "Т", or a zero-width
  space), so two parties seem to be one;
- names that mix scripts in ways people do not expect.

The first is refused wherever it appears in a spec; the second is refused for party
names; the third is a warning of the deal checks. The tables are Unicode's own
(UTS #39 confusables, UCD Scripts), as JSON made by tools/make_unicode_tables.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache

from .resources import data_dir

ZWJ = "\u200d"
CANCEL_TAG = "\U000e007f"
BLACK_FLAG = "\U0001f3f4"

# Characters XML 1.0 cannot hold at all, escaped or not (lone surrogates cannot even be encoded):
# validation refuses them in a spec, and the OOXML layer asserts none reach a document.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Bidirectional formatting characters: each can reorder what a reader sees.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
# Default-ignorable letters and marks that are not format characters but show nothing.
INVISIBLE_NON_FORMAT = frozenset("\u115f\u1160\u3164\uffa0\u034f\u17b4\u17b5\u2800")


@dataclass(frozen=True)
class UnsafeCharacter:
    position: int  # 1-based, as people count
    character: str
    reason: str

    @property
    def code_point(self) -> str:
        return f"U+{ord(self.character):04X}"

    @property
    def name(self) -> str:
        return unicodedata.name(self.character, "unnamed character")


def _is_variation_selector(ch: str) -> bool:
    cp = ord(ch)
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF or 0x180B <= cp <= 0x180D or cp == 0x180F


def _is_emoji(ch: str) -> bool:
    """Pictographs that take part in emoji ZWJ sequences (people, objects, symbols, hearts)."""
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2190 <= cp <= 0x21FF
        or 0x2B00 <= cp <= 0x2BFF
        or cp in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x231A, 0x231B, 0x2328, 0x23CF, 0x24C2, 0x3030, 0x303D)
        or 0x23E9 <= cp <= 0x23FA
    )


def _zwj_joins_emoji(text: str, i: int) -> bool:
    """A ZWJ is allowed only between two emoji (👩‍🔬), where it draws one picture."""
    before = text[i - 1] if i > 0 else ""
    if before and (_is_variation_selector(before) or 0x1F3FB <= ord(before) <= 0x1F3FF) and i > 1:
        before = text[i - 2]  # skip VS16 or a skin tone: 👍🏽‍... and ❤️‍🔥
    after = text[i + 1] if i + 1 < len(text) else ""
    return bool(before and after and _is_emoji(before) and _is_emoji(after))


def _in_flag_tag_sequence(text: str, i: int) -> bool:
    """Tag characters are allowed only in a subdivision flag: 🏴 + lower-case tags + CANCEL TAG."""
    start = i
    while start > 0 and 0xE0020 <= ord(text[start - 1]) <= 0xE007E:
        start -= 1
    if start == 0 or text[start - 1] != BLACK_FLAG:
        return False
    end = i
    while end < len(text) and 0xE0020 <= ord(text[end]) <= 0xE007E:
        end += 1
    tags = "".join(chr(ord(c) - 0xE0000) for c in text[start:end])
    return end < len(text) and text[end] == CANCEL_TAG and tags.isalnum() and tags.islower() and 2 <= len(tags) <= 7


# Ranges holding no character unsafe_character looks at (no C1 control, format character,
# bidi control, invisible filler or variation selector): ASCII, Latin-1 but the soft hyphen,
# general punctuation outside its format block, CJK punctuation, kana, ideographs and
# full-width forms but the half-width filler. A text made only of them is safe at C speed;
# tests/test_trust.py checks every character in them against the slow path.
PLAIN_RANGES = (
    "\x00-\x7f\xa0-\xac\xae-\xff\u2010-\u2027\u2030-\u205f\u3000-\u3163\u3165-\u9fff"
    "\uac00-\ud7a3\uff01-\uff9f\uffa1-\uffef"
)
_PLAIN_TEXT = re.compile(f"[{PLAIN_RANGES}]*")


def unsafe_character(text: str) -> UnsafeCharacter | None:
    """The first character that could hide or reorder text, or None.

    Refused: C1 controls; bidi controls; format characters (category Cf: zero-width
    space, soft hyphen, word joiner, BOM, invisible operators, tag characters ...);
    invisible fillers. Allowed, because Japanese and emoji text need them: ZWJ between
    two emoji, tag characters inside a subdivision flag, and variation selectors after a
    visible character (ideographic variants such as 葛󠄀, emoji presentation ❤️).
    """
    if _PLAIN_TEXT.fullmatch(text):
        return None
    return first_unsafe_character(text)


def first_unsafe_character(text: str) -> UnsafeCharacter | None:
    """unsafe_character, character by character (the path for text outside PLAIN_RANGES)."""
    for i, ch in enumerate(text):
        cp = ord(ch)
        if 0x80 <= cp <= 0x9F:
            return UnsafeCharacter(i + 1, ch, "a C1 control character")
        if ch in BIDI_CONTROLS:
            return UnsafeCharacter(i + 1, ch, "a bidirectional control, which can make text display in another order than it reads")
        if ch in INVISIBLE_NON_FORMAT:
            return UnsafeCharacter(i + 1, ch, "an invisible character")
        if _is_variation_selector(ch):
            before = text[i - 1] if i > 0 else ""
            if not before or before.isspace() or _is_variation_selector(before) or unicodedata.category(before).startswith("C"):
                return UnsafeCharacter(i + 1, ch, "a variation selector with no character to vary")
            continue
        if unicodedata.category(ch) != "Cf":
            continue
        if ch == ZWJ and _zwj_joins_emoji(text, i):
            continue
        if (0xE0020 <= cp <= 0xE007E and _in_flag_tag_sequence(text, i)) or (
            ch == CANCEL_TAG and i > 0 and 0xE0020 <= ord(text[i - 1]) <= 0xE007E and _in_flag_tag_sequence(text, i - 1)
        ):
            continue
        return UnsafeCharacter(i + 1, ch, "an invisible format character")
    return None


# --- look-alike names (UTS #39 skeletons) -------------------------------------------------


@cache
def _prototypes() -> dict[str, str]:
    data = json.loads((data_dir("unicode") / "confusables.json").read_text(encoding="utf-8"))
    prototypes: dict[str, str] = data["prototypes"]
    return prototypes


def _default_ignorable(ch: str) -> bool:
    return unicodedata.category(ch) == "Cf" or _is_variation_selector(ch) or ch in INVISIBLE_NON_FORMAT


def skeleton(text: str) -> str:
    """UTS #39 skeleton of NFKC(text): equal skeletons mean the texts can look the same.

    NFKC first folds width and compatibility forms (ＴＯＫＡＩ, ㈱); then, as UTS #39
    says: NFD, drop default-ignorable characters, map each character to its prototype,
    NFD again.
    """
    table = _prototypes()
    decomposed = unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text))
    mapped = "".join(table.get(ch, ch) for ch in decomposed if not _default_ignorable(ch))
    return unicodedata.normalize("NFD", mapped)


def look_alike(a: str, b: str) -> bool:
    """Two names a reader could take for one another (case does not tell parties apart either)."""
    return skeleton(a) == skeleton(b) or skeleton(a.casefold()) == skeleton(b.casefold())


# --- mixed scripts (UTS #39 restriction levels) ------------------------------------------------


@cache
def _script_ranges() -> tuple[list[int], list[tuple[int, int, str]]]:
    data = json.loads((data_dir("unicode") / "scripts.json").read_text(encoding="utf-8"))
    ranges = [(int(first), int(last), str(script)) for first, last, script in data["ranges"]]
    return [r[0] for r in ranges], ranges


def script_of(ch: str) -> str | None:
    """The character's script, or None for Common and Inherited (digits, punctuation, marks)."""
    starts, ranges = _script_ranges()
    index = bisect_right(starts, ord(ch)) - 1
    if index >= 0:
        first, last, script = ranges[index]
        if first <= ord(ch) <= last:
            return script
    return None


# Script sets UTS #39 calls "highly restrictive": one script, or Latin with the scripts
# written alongside it in Japan, China and Korea.
_HIGHLY_RESTRICTIVE = (
    frozenset({"Latin", "Han", "Hiragana", "Katakana"}),
    frozenset({"Latin", "Han", "Bopomofo"}),
    frozenset({"Latin", "Han", "Hangul"}),
)


def scripts(text: str) -> list[str]:
    """The scripts a text uses, in order of first appearance (Common and Inherited left out)."""
    found: list[str] = []
    for ch in unicodedata.normalize("NFKC", text):
        script = script_of(ch)
        if script is not None and script not in found:
            found.append(script)
    return found


def mixes_scripts(text: str) -> list[str] | None:
    """The scripts of a text that UTS #39 would not allow together in one name, or None."""
    used = scripts(text)
    if len(used) <= 1 or any(set(used) <= allowed for allowed in _HIGHLY_RESTRICTIVE):
        return None
    return used
