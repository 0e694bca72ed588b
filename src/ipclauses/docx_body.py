"""The body of a DOCX as paragraphs of text: what `verify` compares, and what a build fingerprints.

A draft that comes back has been opened and saved in Word or LibreOffice. Neither
changes what it says, but both change how it is written: runs split and merged,
paragraph ids (w14:paraId) and revision ids added, fields updated, quotes made
"smart". So a paragraph is read as its text only, normalised:

- a field (a REF to an article, say) counts as its instruction, "{REF _Ref_x}", not
  its result: the result is what Word last computed, and updating fields is no edit;
- curly quotes count as straight ones, and no-break and other fixed-width spaces as
  spaces; runs of spaces and tabs count as one space, and the ends of a paragraph
  are trimmed;
- empty paragraphs are left out.

Tracked changes are read apart from the text: a paragraph's `text` is what it said
before them (deletions kept, insertions left out), `accepted` what it says once they
are accepted, and `changes` lists each. The fingerprint is the SHA-256 of every
paragraph's text, one per line, changes accepted: a build records it in the
provenance (a redline's is its NEW agreement's), and `verify` tells from it whether
the text is still what the build wrote.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .ooxml import W_NS

_W = f"{{{W_NS}}}"
_P, _T, _DEL_TEXT = f"{_W}p", f"{_W}t", f"{_W}delText"
_INSTR, _DEL_INSTR, _FLD_CHAR, _FLD_SIMPLE = f"{_W}instrText", f"{_W}delInstrText", f"{_W}fldChar", f"{_W}fldSimple"
_TAB, _BR, _CR, _NO_BREAK_HYPHEN = f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen"
_INS, _DEL, _MOVE_TO, _MOVE_FROM = f"{_W}ins", f"{_W}del", f"{_W}moveTo", f"{_W}moveFrom"
_PPR, _RPR, _STYLE, _BOOKMARK = f"{_W}pPr", f"{_W}rPr", f"{_W}pStyle", f"{_W}bookmarkStart"
_COMMENT_START, _COMMENT_REF = f"{_W}commentRangeStart", f"{_W}commentReference"
_VAL, _NAME, _ID, _AUTHOR, _DATE = f"{_W}val", f"{_W}name", f"{_W}id", f"{_W}author", f"{_W}date"
_TBL, _TBL_GRID, _GRID_COL, _TR, _TC = f"{_W}tbl", f"{_W}tblGrid", f"{_W}gridCol", f"{_W}tr", f"{_W}tc"
_TC_PR, _GRID_SPAN = f"{_W}tcPr", f"{_W}gridSpan"
_INSERTED = (_INS, _MOVE_TO)
_DELETED = (_DEL, _MOVE_FROM)

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "‘": "'", "’": "'", "‚": "'", "‛": "'",
                         "\u00a0": " ", "\u2007": " ", "\u202f": " "})
_SPACES = re.compile(r"[ \t]+")
_TO_NORMALISE = re.compile("[“”„‟‘’‚‛\u00a0\u2007\u202f\t]|  ")
_FIELD_INSTRUCTION = re.compile(r"\s+")


def normalised(text: str) -> str:
    """Text as verify compares it: NFC, straight quotes, one space for a run of spaces, trimmed."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _TO_NORMALISE.search(text):  # most paragraphs have nothing to change: translate only those that do
        text = _SPACES.sub(" ", text.translate(_QUOTES))
    return text.strip()


@dataclass(frozen=True)
class TrackedChange:
    """A tracked insertion or deletion in a paragraph."""

    kind: Literal["insertion", "deletion"]
    text: str
    author: str
    date: str | None


@dataclass(frozen=True)
class BodyParagraph:
    style: str
    bookmarks: tuple[str, ...]  # names of the bookmarks that start in it
    text: str  # normalised, as it stood before its tracked changes, fields as "{REF _Ref_x}"
    accepted: str  # the same, with its tracked changes accepted
    mark: Literal["inserted", "deleted"] | None  # a tracked change of its paragraph mark
    changes: tuple[TrackedChange, ...]  # its tracked insertions and deletions, paragraph mark included
    comments: tuple[str, ...]  # ids of the comments anchored in it


def _field(instruction: str) -> str:
    return "{" + _FIELD_INSTRUCTION.sub(" ", instruction).strip() + "}"


_TEXT_TAGS = (_P, _T, _DEL_TEXT, _INSTR, _DEL_INSTR, _FLD_CHAR, _FLD_SIMPLE, _TAB, _BR, _CR, _NO_BREAK_HYPHEN)
_MARKS = {_TAB: "\t", _BR: "\n", _CR: "\n", _NO_BREAK_HYPHEN: "-"}


def paragraph_texts(root: Any, accepted: bool = False) -> list[tuple[str, bool]]:
    """Each paragraph of `root` (a document, or one w:p) as its normalised text, and whether it runs on.

    The text as it stood before its tracked changes, or with them all `accepted`. A
    paragraph runs on into the next when this view leaves its mark out (an inserted
    mark before the changes, a deleted one after): `joined` joins them, as Word does.
    One walk over the elements that carry text, in document order: a build
    fingerprints every document it writes, so this is on its hot path.
    """
    hidden_changes = list(root.iter(*(_DELETED if accepted else _INSERTED)))  # none in a fresh build
    hidden = {el for change in hidden_changes for el in change.iter(*_TEXT_TAGS)}
    runs_on = {  # paragraphs whose mark this view leaves out: w:p / w:pPr / w:rPr / the change
        change.getparent().getparent().getparent() for change in hidden_changes
        if change.getparent() is not None and change.getparent().tag == _RPR
        and change.getparent().getparent() is not None and change.getparent().getparent().tag == _PPR
    }
    texts: list[tuple[str, bool]] = []
    line: list[str] | None = None
    paragraph = None
    fields: list[list[str]] = []  # the instruction of each open complex field
    in_result: list[bool] = []  # whether each open field is past its separator (showing its result)
    showing_result = False  # in the innermost open field's result: what Word last computed, not what the text says
    for element in root.iter(*_TEXT_TAGS):
        tag = element.tag
        if tag == _T:  # most elements: plain text
            if line is not None and not showing_result and not (hidden and element in hidden):
                line.append(element.text or "")
        elif tag == _P:
            if line is not None:
                texts.append((normalised("".join(line)), paragraph in runs_on))
            line, paragraph, fields, in_result, showing_result = [], element, [], [], False
        elif line is None or (hidden and element in hidden):
            continue
        elif tag == _FLD_CHAR:
            kind = element.get(f"{_W}fldCharType")
            if kind == "begin":
                fields.append([])
                in_result.append(False)
            elif fields and (kind == "separate" or (kind == "end" and not in_result[-1])):
                line.append(_field("".join(fields[-1])))
                if kind == "separate":
                    in_result[-1] = True
            if kind == "end" and fields:
                fields.pop()
                in_result.pop()
            showing_result = bool(in_result) and in_result[-1]
        elif tag in (_INSTR, _DEL_INSTR):
            if fields and not in_result[-1]:
                fields[-1].append(element.text or "")
        elif tag == _FLD_SIMPLE:
            line.append(_field(element.get(f"{_W}instr") or ""))
        elif not showing_result and not (accepted and tag == _DEL_TEXT):
            line.append(_MARKS.get(tag) or element.text or "")
    if line is not None:
        texts.append((normalised("".join(line)), paragraph in runs_on))
    return texts


def joined(paragraphs: Iterable[tuple[str, bool]]) -> list[str]:
    """Paragraph texts with those that run on joined to the next (see `paragraph_texts`)."""
    out: list[str] = []
    carried = ""
    for text, runs_on in paragraphs:
        if runs_on:
            carried += text
        else:
            out.append(normalised(carried + text) if carried else text)
            carried = ""
    if carried:
        out.append(normalised(carried))
    return out


def _changes(paragraph: Any) -> tuple[TrackedChange, ...]:
    out = []
    for element in paragraph.iter(*_INSERTED, *_DELETED):
        parent = element.getparent()
        if parent is not None and parent.tag == _RPR and parent.getparent() is not None and parent.getparent().tag != _PPR:
            continue  # a run's formatting change, not a change of text
        pieces = [
            _MARKS.get(el.tag) or el.text or ""
            for el in element.iter(_T, _DEL_TEXT, _TAB, _BR, _CR, _NO_BREAK_HYPHEN)
        ]
        kind: Literal["insertion", "deletion"] = "insertion" if element.tag in _INSERTED else "deletion"
        out.append(TrackedChange(kind, normalised("".join(pieces)) or "¶", element.get(_AUTHOR) or "", element.get(_DATE)))
    return tuple(out)


def read_paragraph(paragraph: Any) -> BodyParagraph:
    """One w:p element as text, bookmarks, tracked changes and comment anchors."""
    props = paragraph.find(_PPR)
    style_el = props.find(_STYLE) if props is not None else None
    # The first: a text box's paragraphs inside this one come after it, and are left out.
    (text, mark_inserted), (accepted, mark_deleted) = paragraph_texts(paragraph)[0], paragraph_texts(paragraph, accepted=True)[0]
    comments: list[str] = []
    for element in paragraph.iter(_COMMENT_START, _COMMENT_REF):
        if (element.get(_ID) or "") not in comments:
            comments.append(element.get(_ID) or "")
    return BodyParagraph(
        style=(style_el.get(_VAL) or "") if style_el is not None else "",
        bookmarks=tuple(mark.get(_NAME) or "" for mark in paragraph.iter(_BOOKMARK)),
        text=text,
        accepted=accepted,
        mark="inserted" if mark_inserted else "deleted" if mark_deleted else None,
        changes=_changes(paragraph),
        comments=tuple(comments),
    )


def read_paragraphs(paragraphs: Iterable[Any]) -> Iterator[BodyParagraph]:
    """Every paragraph that says something, or holds a bookmark or a change, in document order."""
    for element in paragraphs:
        paragraph = read_paragraph(element)
        if paragraph.text or paragraph.accepted or paragraph.changes or paragraph.comments or paragraph.bookmarks:
            yield paragraph


def read_columns(root: Any, count: int) -> list[list[BodyParagraph]]:
    """The paragraphs of each of `count` columns of a body set side by side in tables (a bilingual agreement).

    A paragraph's column is where its cell starts in its table's grid: the first
    `1/count` of the grid columns is the first column, and so on, however many cells a
    row splits a column into. Paragraphs outside tables belong to none. Each style is
    read as the one it stands for ("IPCArticleEn" as "IPCArticle").
    """
    from dataclasses import replace

    from .ooxml import base_style

    columns: list[list[BodyParagraph]] = [[] for _ in range(count)]
    for table in root.iter(_TBL):
        width = _grid_width(table)
        for row in table.findall(_TR):
            start = 0
            for cell in row.findall(_TC):
                column = _column_at(start, width, count)
                for paragraph in read_paragraphs(cell.iter(_P)):
                    columns[column].append(replace(paragraph, style=base_style(paragraph.style)))
                start += _grid_span(cell)
    return columns


def column_fingerprints(columns: Sequence[Sequence[BodyParagraph]]) -> tuple[str, str]:
    """`view_fingerprints` of a body in columns: each column's paragraphs in turn, however its rows pair them."""
    return view_fingerprints([paragraph for column in columns for paragraph in column])


def _columns_fingerprint(root: Any, count: int) -> str:
    """`column_fingerprints(read_columns(root, count))[1]` in one walk over the text, for a build: reading every
    paragraph whole (changes, comments, bookmarks) took four times as long."""
    texts = iter(paragraph_texts(root, accepted=True))  # one per w:p, in the order root.iter meets them
    columns: list[list[tuple[str, bool]]] = [[] for _ in range(count)]
    width = start = column = 0
    for element in root.iter(_TBL, _TR, _TC, _P):
        tag = element.tag
        if tag == _P:
            text = next(texts)
            if element.getparent().tag == _TC:  # outside the tables: in no column
                columns[column].append(text)
        elif tag == _TC:  # its column: where it starts in its table's grid
            column = _column_at(start, width, count)
            start += _grid_span(element)
        elif tag == _TR:
            start = 0
        else:
            width = _grid_width(element)
    return texts_fingerprint(joined([text for column_texts in columns for text in column_texts]))


def _grid_width(table: Any) -> int:
    """How many grid columns a table has."""
    grid = table.find(_TBL_GRID)
    return len(grid.findall(_GRID_COL)) if grid is not None else 0


def _column_at(start: int, width: int, count: int) -> int:
    """The column (of `count` side by side) of a cell that starts at grid column `start` of `width`."""
    return min(count - 1, start * count // width) if width else 0


def _grid_span(cell: Any) -> int:
    props = cell.find(_TC_PR)
    span = props.find(_GRID_SPAN) if props is not None else None
    value = span.get(_VAL) or "" if span is not None else ""
    return int(value) if value.isdigit() else 1


def view_fingerprints(paragraphs: Sequence[BodyParagraph]) -> tuple[str, str]:
    """The fingerprints of paragraphs read one by one: before their tracked changes, and with them accepted."""
    before = joined((p.text, p.mark == "inserted") for p in paragraphs)
    after = joined((p.accepted, p.mark == "deleted") for p in paragraphs)
    return texts_fingerprint(before), texts_fingerprint(after)


def texts_fingerprint(texts: Iterable[str]) -> str:
    """SHA-256 of the body's text, one normalised paragraph per line (empty ones left out)."""
    return hashlib.sha256("".join(text + "\n" for text in texts if text).encode("utf-8")).hexdigest()


def document_fingerprint(root: Any, columns: int = 1) -> str:
    """The fingerprint of a parsed word/document.xml (every paragraph in it, tables included), its changes accepted.

    Accepted: a build writes no tracked changes but a redline's, and a redline's text is
    its NEW agreement's once they are accepted. A body in `columns` side by side (a
    bilingual agreement) is read column by column, so that what each column says
    counts, not which rows pair its paragraphs with the other's.
    """
    if columns > 1:
        return _columns_fingerprint(root, columns)
    return texts_fingerprint(joined(paragraph_texts(root, accepted=True)))
