"""Pairing each language's sections of one document, for a layout that sets them side by side.

A bilingual summary is each language's own summary (`Draft.sides`), cut into sections by
the renderer of its format ("overview", "party-1", "articles", ...). The two languages come
from the same spec and clause choices, so they hold the same sections; should one hold a
section the other lacks, it still gets its row, empty in the other language, where its own
summary puts it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def paired(per_side: Sequence[Sequence[tuple[str, T]]]) -> list[tuple[str, list[T | None]]]:
    """Each section key in reading order, with that section from each side (None where a side has none)."""
    keys: list[str] = []
    for sections in per_side:
        after = -1  # where this side's previous key sits in `keys`
        for key, _ in sections:
            if key in keys:
                after = keys.index(key)
            else:
                after += 1
                keys.insert(after, key)
    found = [dict(sections) for sections in per_side]
    return [(key, [side.get(key) for side in found]) for key in keys]
