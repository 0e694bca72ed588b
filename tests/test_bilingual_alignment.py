"""A bilingual agreement can set each paragraph and item beside its translation.

docx_bilingual.py pairs the two languages' paragraphs of an article by position, then their
items, so for every clause variant the Japanese and English texts must split into the same
paragraphs with the same items under each. These tests build bilingual drafts of every example
and of a spec that selects each variant, and render each variant's two texts for every value of
the variables its `{% if %}`s test (or a spread of them), so a branch one language splits
differently is found whichever spec reaches it.

Failures name the clause file, the clause, the variant and what each language has.
"""

from __future__ import annotations

import itertools
import random
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jinja2 import nodes

from conftest import EXAMPLES, ROOT
from ipclauses import agreement_types, load_spec
from ipclauses.agreement import Agreement, Article
from ipclauses.assemble import _blocks  # how assembly splits rendered text into paragraphs and items
from ipclauses.conditions import literal_values, path_annotation
from ipclauses.draft import make_draft
from ipclauses.errors import RenderError
from ipclauses.library import ASSEMBLY_VARIABLES, LANGS, REF_MARK, _environment
from ipclauses.locales import get_locale
from specgen import spec_where

BILINGUAL = "ja+en"
MOST_COMBINATIONS = 200  # past this many, a variant's branches are tried one variable at a time and by a seeded sample


def _bundled_variants() -> list[tuple[str, str]]:
    """(clause id, variant id) of every bundled clause file, read without loading the library (see test_library_data)."""
    folder = ROOT / "clause_library"
    found = []
    for path in sorted(folder.rglob("*.toml")):
        relative = path.relative_to(folder)
        if len(relative.parts) < 2 or relative.parts[0] in ("vocabulary", "variables"):
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += [(data["id"], v["id"]) for v in data["variants"]]
    return sorted(found)


VARIANT_IDS = _bundled_variants()
VARIANT_NAMES = [f"{c}/{v}" for c, v in VARIANT_IDS]


# --- what a reader sees side by side ------------------------------------------------------

Shape = list[tuple[str, list[str]]]  # each paragraph's id with its items' ids


def _shape(article: Article) -> Shape:
    return [(p.id, [i.id for i in p.items]) for p in article.paragraphs]


def _described(items_per_paragraph: list[int]) -> str:
    return f"{len(items_per_paragraph)} paragraphs (items per paragraph: {', '.join(map(str, items_per_paragraph))})"


def _misalignments(draft_sides: tuple[Agreement, ...], where: str) -> list[str]:
    ja, en = draft_sides
    assert [a.clause_id for a in ja.articles] == [a.clause_id for a in en.articles], f"{where}: the articles differ"
    found = []
    for left, right in zip(ja.articles, en.articles, strict=True):
        if _shape(left) != _shape(right):
            found.append(
                f"{where}: {left.clause_id}, variant {left.variant_id}: "
                f"{ja.language} has {_described([len(p.items) for p in left.paragraphs])}, "
                f"{en.language} has {_described([len(p.items) for p in right.paragraphs])}")
    return found


def _bilingual_sides(spec: Any, library: Any) -> tuple[Agreement, ...]:
    draft = make_draft(spec, library, lang=BILINGUAL)
    assert draft.bilingual and [side.agreement.language for side in draft.sides] == list(LANGS)
    return tuple(side.agreement for side in draft.sides)


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_article_of_every_example_has_the_same_paragraphs_and_items_in_both_languages(library: Any, path: Path) -> None:
    problems = _misalignments(_bilingual_sides(load_spec(path), library), path.stem)
    assert not problems, "\n".join(problems)


# --- a spec for every variant -------------------------------------------------------------

@pytest.fixture(scope="module")
def generated(library: Any) -> dict[tuple[str, str], Any]:
    """For each variant, the first generated spec (an example changed to fit) that selects it, per agreement type."""
    found: dict[tuple[str, str], Any] = {}
    for clause in library.clauses.values():
        for variant in clause.variants:
            for agreement in clause.agreements:
                spec = spec_where(agreement, clause.include_when, variant.when or {})
                if spec is not None and clause.applies(spec) and clause.choose(spec) is variant:
                    found.setdefault((clause.id, variant.id), spec)
    return found


@pytest.mark.parametrize("clause_id,variant_id", VARIANT_IDS, ids=VARIANT_NAMES)
def test_a_spec_that_selects_each_variant_drafts_aligned_languages(library: Any, generated: dict[tuple[str, str], Any],
                                                                   clause_id: str, variant_id: str) -> None:
    """Every article of that spec's bilingual draft, not only the variant's own, lines up."""
    spec = generated.get((clause_id, variant_id))
    assert spec is not None, f"{clause_id}/{variant_id}: no generated spec selects it (test_library_data says why)"
    problems = _misalignments(_bilingual_sides(spec, library), f"a {spec.type} spec selecting {clause_id}/{variant_id}")
    assert not problems, "\n".join(problems)


# --- every branch of a variant's text -----------------------------------------------------

Pair = tuple[Any, Any]  # one variable's value in the Japanese and in the English context of the same spec
Contexts = tuple[dict[str, Any], dict[str, Any]]


def _contexts(library: Any, spec: Any) -> Contexts:
    """The spec's variable values in each language, with the articles that survive named (assembly names them)."""
    surviving = {name: REF_MARK.format("general.term") for name in ASSEMBLY_VARIABLES}
    ja, en = ({**library.context(side.spec), **surviving} for side in make_draft(spec, library, lang=BILINGUAL).sides)
    return ja, en


@pytest.fixture(scope="module")
def contexts(library: Any, generated: dict[tuple[str, str], Any]) -> dict[tuple[str, str], Contexts]:
    """The contexts of the spec that selects each variant."""
    return {key: _contexts(library, spec) for key, spec in generated.items()}


@pytest.fixture(scope="module")
def values(library: Any, contexts: dict[tuple[str, str], Contexts]) -> dict[str, list[Pair]]:
    """Every value each variable takes in some example or generated spec (or leaves unset), as (ja, en) pairs."""
    seen: dict[str, dict[str, Pair]] = {n: {"unset": (None, None)} for n in ASSEMBLY_VARIABLES}
    examples = [_contexts(library, load_spec(path)) for path in EXAMPLES]
    for ja, en in examples + list(contexts.values()):
        for name in ja.keys() | en.keys():
            pair = (ja.get(name), en.get(name))
            seen.setdefault(name, {}).setdefault(repr(pair), pair)
    return {name: list(pairs.values()) for name, pairs in seen.items()}


def _tested(texts: dict[str, str]) -> dict[str, set[Any]]:
    """The variables whose value decides which branch of either text is drafted, each with the constants it is
    compared with ({% if governing_law == "japan" %}: "japan")."""
    env = _environment()
    tested: dict[str, set[Any]] = {}
    for text in texts.values():
        template = env.parse(text)
        conditions = [n.test for n in template.find_all(nodes.If)] + [n.test for n in template.find_all(nodes.CondExpr)]
        for condition in conditions:
            for name in condition.find_all(nodes.Name):
                tested.setdefault(name.name, set())
            for compare in condition.find_all(nodes.Compare):
                constants = {c.value for c in compare.find_all(nodes.Const)}
                for name in compare.find_all(nodes.Name):
                    tested[name.name] |= constants
    return tested


def _every_choice(library: Any, name: str) -> list[Any]:
    """Every value a choice or true/false variable can take in some agreement type's spec (choices print as given)."""
    variable = library.variables.get(name)
    if variable is None or variable.format not in ("choice", "flag"):
        return []
    allowed: list[Any] = []
    for agreement in agreement_types.names():
        found, types = path_annotation(agreement, variable.source)
        if found:
            allowed += (literal_values(types) or []) + ([True, False] if bool in types else [])
            allowed += [None] if type(None) in types else []
    return allowed


def _candidates(library: Any, values: dict[str, list[Pair]], name: str, constants: set[Any]) -> list[Pair]:
    """What to try for one variable: each value some spec gives it, each choice it allows, each constant a text compares
    it with."""
    pairs = {repr(pair): pair for pair in values.get(name, [])}
    for value in _every_choice(library, name) + sorted(constants, key=repr):
        pairs.setdefault(repr((value, value)), (value, value))
    return list(pairs.values())


def _combinations(choices: list[list[Pair]], seed: str) -> Iterator[tuple[Pair, ...]]:
    """Every combination of the choices, or when there are too many, each choice of each variable with the others at
    their first value, then a seeded sample."""
    total = 1
    for values_ in choices:
        total *= len(values_)
    if total <= MOST_COMBINATIONS:
        yield from itertools.product(*choices)
        return
    first = tuple(values_[0] for values_ in choices)
    for index, values_ in enumerate(choices):
        for value in values_[1:]:
            yield first[:index] + (value,) + first[index + 1:]
    rng = random.Random(seed)
    for _ in range(MOST_COMBINATIONS):
        yield tuple(rng.choice(values_) for values_ in choices)


def _items_per_paragraph(library: Any, variant: Any, lang: str, context: dict[str, Any]) -> list[int] | None:
    """How the variant's text in `lang` splits for these values (items per paragraph), None if it cannot render them."""
    locale = get_locale(lang)
    try:
        text = library.render(variant.template("text", locale.clause_text_language), context, variant.id)
    except RenderError:
        return None  # a value the branch prints is missing from this mix of values: not a real deal
    return [len(items) for _, items in _blocks(text, locale)]


@pytest.mark.parametrize("clause_id,variant_id", VARIANT_IDS, ids=VARIANT_NAMES)
def test_every_branch_of_each_variant_splits_the_same_in_both_languages(library: Any, contexts: dict[tuple[str, str], Contexts],
                                                                         values: dict[str, list[Pair]], clause_id: str,
                                                                         variant_id: str) -> None:
    """The variant's two texts, rendered for every value its conditions test, have the same paragraphs and items."""
    clause = library.clauses[clause_id]
    variant = next(v for v in clause.variants if v.id == variant_id)
    assert (clause_id, variant_id) in contexts, f"{clause_id}/{variant_id}: no generated spec selects it (test_library_data says why)"
    base_ja, base_en = contexts[clause_id, variant_id]
    tested = _tested(variant.text)
    names = [n for n in sorted(tested) if n in values or n in library.variables]
    choices = [_candidates(library, values, n, tested[n]) for n in names]
    rendered = 0
    for combination in _combinations(choices, f"{clause_id}/{variant_id}"):
        ja, en = dict(base_ja), dict(base_en)
        for name, (in_ja, in_en) in zip(names, combination, strict=True):
            ja[name], en[name] = in_ja, in_en
        in_japanese, in_english = (_items_per_paragraph(library, variant, lang, context)
                                   for lang, context in zip(LANGS, (ja, en), strict=True))
        if in_japanese is None or in_english is None:
            continue
        rendered += 1
        chosen = ", ".join(f"{n}={v!r}" for n, (_, v) in zip(names, combination, strict=True)) or "its own values"
        assert in_japanese == in_english, (
            f"{clause.source} ({clause_id}, variant {variant_id}) with {chosen}: "
            f"ja has {_described(in_japanese)}, en has {_described(in_english)}")
    assert rendered, f"{clause.source} ({clause_id}, variant {variant_id}): no mix of values renders both texts"
