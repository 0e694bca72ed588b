"""From a validated spec and a clause library to a numbered, cross-referenced Agreement.

plan (which clauses, which variant) -> render each clause's text -> number articles,
paragraphs and items -> resolve cross-references -> add preamble, key terms,
signature block and schedule.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from . import wording
from .agreement import Agreement, Article, Item, Paragraph, PartyBlock, Ref, ScheduleSection, Segment
from .agreement_types import get_type
from .errors import RenderError
from .languages import in_language
from .library import REF_MARK, REF_MARK_PATTERN, SURVIVAL, Clause, Library, Variant, load_library
from .locales import KEYWORDS, Locale, document_languages, get_locale, is_bilingual
from .spec import AnySpec

if TYPE_CHECKING:
    from pydantic.fields import FieldInfo

_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


def resolved_spec(spec: AnySpec) -> dict[str, Any]:
    """The spec with every default filled in, as plain JSON data."""
    data: dict[str, Any] = spec.model_dump(mode="json", by_alias=True, exclude={"schema_url"})
    return data


def json_sha256(data: object) -> str:
    """SHA-256 of data's canonical JSON (sorted keys, UTF-8, no spaces).

    One function for the build and for `inspect`, so the hash a file records and the
    hash inspect recomputes from the embedded spec cannot drift apart.
    """
    canonical = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def spec_sha256(spec: AnySpec) -> str:
    return json_sha256(resolved_spec(spec))


def plan(spec: AnySpec, library: Library) -> list[tuple[Clause, Variant]]:
    """The clauses this deal needs, in order, each with its chosen variant."""
    return [(clause, clause.choose(spec)) for clause in library.clauses_for(spec.type) if clause.applies(spec)]


@dataclass(frozen=True)
class Plan:
    """The chosen variants of a deal, and the spec's values every one of them reads (text and effects)."""

    chosen: list[tuple[Clause, Variant]]
    context: dict[str, Any]


def make_plan(spec: AnySpec, library: Library) -> Plan:
    chosen = plan(spec, library)
    return Plan(chosen, library.context(spec, sorted({n for _, v in chosen for n in v.uses_variables})))


def _bookmark(clause_id: str) -> str:
    # Word: at most 40 characters, letters, digits and "_"; a leading "_" hides it from the list.
    return ("_Ref_" + re.sub(r"[^A-Za-z0-9_]", "_", clause_id))[:40]


def _segments(text: str, refs: dict[str, Ref], where: str) -> list[Segment]:
    out: list[Segment] = []
    pos = 0
    for match in REF_MARK_PATTERN.finditer(text):
        if match.start() > pos:
            out.append(text[pos:match.start()])
        target = match.group(1)
        if target not in refs:
            raise RenderError(f"{where}: refers to clause {target!r}, which is not part of this agreement for this spec")
        out.append(refs[target])
        pos = match.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


# Words ending in a full stop that do not end a sentence: "e.g. the University" stays lower case.
_ABBREVIATIONS = frozenset({"e.g.", "i.e.", "etc.", "cf.", "no.", "art.", "arts.", "para.", "vs.", "viz."})


@lru_cache(maxsize=64)
def _sentence_starts(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """Where a lower-case party name opens a sentence: at the start, or after . ! or ? and a space."""
    lower = [re.escape(n) for n in sorted(names, key=len, reverse=True) if n[:1].islower()]
    if not lower:
        return None
    return re.compile(r"(?:^|(?<=[.!?])[\"”’)\]]?\s+)(" + "|".join(lower) + r")(?![\w-])")


def sentence_case(text: str, names: list[str]) -> str:
    """A sentence that opens with a party called "the University" reads "The University".

    Only party names are touched: they also stand verbatim in the preamble, while any
    other value the user gave must stay exactly as written.
    """
    pattern = _sentence_starts(tuple(names))
    if pattern is None:
        return text

    def capitalise(match: re.Match[str]) -> str:
        before = text[:match.start()].rstrip("\"”’)] \t\n")
        last_word = before.rsplit(None, 1)[-1].lstrip("(\"“‘[").lower() if before else ""
        if last_word in _ABBREVIATIONS:
            return match.group(0)
        start = match.start(1) - match.start()
        return match.group(0)[:start] + match.group(1)[:1].upper() + match.group(0)[start + 1:]

    return pattern.sub(capitalise, text)


def _blocks(text: str, locale: Locale) -> list[tuple[str, list[str]]]:
    """Split rendered clause text into (paragraph, [items]) by the library's markup."""
    joiner = locale.sentence_joiner
    blocks = []
    for block in _BLANK_LINE.split(text.strip("\n")):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        body: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.startswith("- "):
                items.append(line[2:].strip())
            elif items:
                items[-1] += joiner + line  # a wrapped item line continues the item
            else:
                body.append(line)
        blocks.append((joiner.join(body), items))
    return blocks


def _party_blocks(spec: AnySpec) -> list[PartyBlock]:
    return [
        PartyBlock(p.id, p.legal_name, p.short_name, p.kind, p.address, p.representative.name, p.representative.title)
        for p in spec.parties
    ]


def assemble(spec: AnySpec, library: Library | None = None, planned: Plan | None = None) -> Agreement:
    """Build the Agreement model for a validated spec, in the Locale of its `language`.

    `planned` is the spec's Plan with this library, when the caller has made it already.
    Raises `RenderError` when a clause cannot be rendered for this spec (a value it
    needs is missing, or it refers to an article this agreement does not have). Of a
    bilingual spec ("ja+en"), the prevailing language's agreement (a Draft has both).
    """
    if is_bilingual(spec.language):
        spec, planned = in_language(spec, document_languages(spec.language)[0]), None
    library = library or load_library()
    locale = get_locale(spec.language)
    text_lang = locale.clause_text_language  # the clause library's text this locale renders
    planned = planned or make_plan(spec, library)
    chosen = planned.chosen
    context = {**planned.context, **_survival(chosen, locale)}
    names = [p.short_name for p in spec.parties]
    refs = {
        clause.id: Ref(clause.id, locale.article_label(n), _bookmark(clause.id))
        for n, (clause, _) in enumerate(chosen, 1)
    }
    articles = []
    for number, (clause, variant) in enumerate(chosen, 1):
        where = f"{clause.source} ({clause.id}, variant {variant.id})"
        text = library.render(variant.template("text", text_lang), context, where)

        def summary(variant: Variant = variant, where: str = where) -> str:
            text = library.render(variant.template("summary", text_lang), context, where + " summary")
            text = REF_MARK_PATTERN.sub(lambda m: refs[m.group(1)].text, text)
            return sentence_case(text, names) if locale.capitalise_sentence_start else text

        blocks = _blocks(text, locale)
        if locale.capitalise_sentence_start:
            blocks = [(sentence_case(body, names), [sentence_case(i, names) for i in items]) for body, items in blocks]
        if not blocks:
            raise RenderError(f"{where}: renders to no text for this spec")
        paragraphs = [
            Paragraph(
                locale.paragraph_label(number, index, len(blocks)),
                _segments(body, refs, where),
                [Item(locale.item_label(i), _segments(item, refs, where), f"{clause.id}/p{index + 1}/i{i + 1}")
                 for i, item in enumerate(items)],
                f"{clause.id}/p{index + 1}",
            )
            for index, (body, items) in enumerate(blocks)
        ]
        title = (variant.title or clause.title)[text_lang]
        articles.append(
            Article(
                clause.id, variant.id, clause.category, number,
                locale.article_label(number), title, locale.article_heading(number, title),
                refs[clause.id].bookmark, variant.balance, paragraphs, summary, clause.survives,
            )
        )
    # A clause may define a term only in some options ({% if %}): count what the text really defines.
    defined = sorted({
        form
        for article, (clause, _) in zip(articles, chosen, strict=False)
        for t in clause.defines
        if locale.quote(form := library.terms[t][text_lang]) in article.text()
    })
    return Agreement(
        type=spec.type,
        language=locale.code,
        title=wording.title(spec, locale),
        preamble=wording.preamble(spec, locale),
        parties=_party_blocks(spec),
        articles=articles,
        key_terms=wording.key_terms(spec, locale),
        show_key_terms=spec.key_terms_table,
        signing_intro=wording.signing_intro(locale),
        signing_date=locale.date(spec.signing_date) if spec.signing_date else locale.words.signature.date_blank,
        schedule_title=locale.words.schedule.title,
        schedule=schedule(spec, locale),
        effective_date=spec.effective_date.isoformat(),
        library_version=library.version,
        library_sha256=library.content_sha256,
        spec_sha256=spec_sha256(spec),
        resolved_spec=resolved_spec(spec),
        defined_terms=defined,
    )


def _survival(chosen: list[tuple[Clause, Variant]], locale: Locale) -> dict[str, str | None]:
    """The articles that outlive the agreement, by how long, as live cross-references in the locale's list.

    Computed from the clauses this agreement has, so the term article names every one of
    them and no article it does not contain.
    """
    out: dict[str, str | None] = {}
    for kind, variable in SURVIVAL.items():
        marks = [REF_MARK.format(clause.id) for clause, _ in chosen if clause.survives == kind]
        out[variable] = locale.join(marks) if marks else None
    return out


# --- the schedule: lists the clauses refer to, and the project context ---------


def schedule(spec: AnySpec, locale: Locale) -> list[ScheduleSection]:
    """The project context every deal may give, then the agreement type's own sections."""
    words = locale.words.schedule
    names = {p.id: p.short_name for p in spec.parties}
    sections: list[ScheduleSection] = []
    project = spec.project
    rows: list[tuple[str, str]] = []
    if project.objective:
        rows.append((words.objective, project.objective))
    rows += [(words.kpi.format(n=i), kpi) for i, kpi in enumerate(project.kpis, 1)]
    rows += [(words.role.format(party=names[r.party]), r.tasks) for r in project.roles]
    if project.risk_split:
        rows.append((words.risk_split, project.risk_split))
    if project.decision_maker:
        rows.append((words.decision_maker, project.decision_maker))
    if rows:
        sections.append(ScheduleSection(words.project, words.project_note, rows))
    return sections + get_type(spec.type).schedule_for(spec, locale)


# --- every value the user gave must reach the document ---------------------------


def given_strings(spec: AnySpec) -> list[tuple[str, str]]:
    """(JSON pointer, value) for every free-text value the user gave explicitly.

    Choices (enums), party ids and the $schema key are not text of the agreement.
    """
    from pydantic import BaseModel

    from .loading import pointer

    found: list[tuple[str, str]] = []

    def walk(model: BaseModel, path: list[str | int]) -> None:
        fields = _text_fields(type(model))
        for name in model.model_fields_set:
            value = getattr(model, name)
            if value is None or name not in fields:
                continue
            key, annotation, text = fields[name]
            _visit(value, annotation, text, path + [key])

    def _visit(value: object, annotation: Any, text: bool, path: list[str | int]) -> None:
        if isinstance(value, BaseModel):
            walk(value, path)
        elif isinstance(value, (list, tuple)):
            item = _list_item(annotation)
            for i, v in enumerate(value):
                _visit(v, item, text and _is_free_text(item), path + [i])
        elif isinstance(value, str) and text:
            if value in KEYWORDS:
                return  # a keyword ("worldwide") is written in the text's language, not verbatim
            found.append((pointer(path), value))

    walk(spec, [])
    return found


@cache
def _text_fields(model: type[Any]) -> dict[str, tuple[str, Any, bool]]:
    """Per field of a model: its JSON key, its annotation, and whether a string there is free text.

    Worked out once per model class: a build asks it for every model of the spec.
    """
    out = {}
    for name, info in model.model_fields.items():
        if name in ("schema_url", "id"):
            continue
        out[name] = (info.alias or name, info.annotation, _is_free_text(info.annotation) and not _is_party_id(info, info.annotation))
    return out


def _is_free_text(annotation: Any) -> bool:
    from typing import Literal, get_args, get_origin

    if get_origin(annotation) is Literal:
        return False
    if annotation is str:
        return True
    args = get_args(annotation)
    return any(_is_free_text(a) for a in args) if args else False


def _list_item(annotation: Any) -> Any:
    from typing import Annotated, Union, get_args, get_origin

    origin = get_origin(annotation)
    if origin is Annotated:
        return _list_item(get_args(annotation)[0])
    if origin is list:
        return get_args(annotation)[0]
    if origin is Union or type(annotation).__name__ == "UnionType":
        for arg in get_args(annotation):
            if get_origin(arg) is list:
                return get_args(arg)[0]
    return annotation


def _is_party_id(info: FieldInfo | None, annotation: Any) -> bool:
    """Whether a field holds a party id (pydantic moves a bare field's constraints into info.metadata)."""
    from typing import get_args

    from .spec import PARTY_ID_PATTERN

    metadata = list(info.metadata) if info is not None else []
    for candidate in (annotation, *get_args(annotation)):
        metadata += getattr(candidate, "__metadata__", ())
    return any(getattr(m, "pattern", None) == PARTY_ID_PATTERN for m in metadata)


def missing_values(spec: AnySpec, document_text: str) -> list[tuple[str, str]]:
    """Given values that do not appear verbatim in the document text."""
    return [(path, value) for path, value in given_strings(spec) if value not in document_text]
