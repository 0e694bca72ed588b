"""Clause data without copy-paste: `like`, an explicit default, and conditions that exclude each other.

A variant may take its text, summary, balance and commentary from another variant of the
same clause (`like`) and override the rest; the variant chosen for a spec never depends on
the order of the variants, because overlapping `when`s are refused when the library loads.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import NDA_EXAMPLE, ROOT
from ipclauses import LibraryError, RenderError, assemble, load_library, load_spec
from ipclauses import library as library_module
from ipclauses.conditions import COMPUTED, OPERATORS, check_condition, find_overlap, holds

HEAD = '''id = "custom.clause"
category = "general"
title = { ja = "特約", en = "Special Terms" }
agreements = ["nda"]
order = 995
'''


def variant(vid: str, *, when: str | None = None, like: str | None = None, default: bool | None = None,
            balance: str | None = "balanced", text: str | None = "協力する", summary: str | None = "協力します。",
            commentary: str | None = "例である。") -> str:
    lines = ["", "[[variants]]", f'id = "{vid}"']
    if like is not None:
        lines.append(f'like = "{like}"')
    if when is not None:
        lines.append(f"when = {when}")
    if default is not None:
        lines.append(f"default = {'true' if default else 'false'}")
    if balance is not None:
        lines.append(f'balance = "{balance}"')
    if text is not None:
        lines += [f'text.ja = "各当事者は、{{{{ purpose }}}}について{text}。"',
                  f'text.en = "Each party shall cooperate on {{{{ purpose }}}} ({vid})."']
    if summary is not None:
        lines += [f'summary.ja = "{summary}"', f'summary.en = "Summary of {vid}."']
    if commentary is not None:
        lines += [f'commentary.ja = "{commentary}"', f'commentary.en = "Commentary on {vid}."']
    return "\n".join(lines) + "\n"


def firm(tmp_path: Path, *variants: str, head: str = HEAD) -> Path:
    folder = tmp_path / "firm" / "general"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "special.toml").write_text(head + "".join(variants), encoding="utf-8")
    return tmp_path / "firm"


def problems(folder: Path) -> str:
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    return str(info.value)


def line_of(folder: Path, pattern: str, occurrence: int = 0) -> int:
    lines = (folder / "general" / "special.toml").read_text(encoding="utf-8").splitlines()
    return [n for n, text in enumerate(lines, 1) if re.search(pattern, text)][occurrence]


MARKED = '{ "confidentiality.definition" = "marked" }'
ALL = '{ "confidentiality.definition" = "all_disclosed" }'
CONFIRMED = '{ "confidentiality.definition" = "marked_or_confirmed" }'


def spec_with(definition: str):
    import json

    data = json.loads(NDA_EXAMPLE.read_text(encoding="utf-8"))
    data["confidentiality"]["definition"] = definition
    return load_spec(data)


# --- like ---------------------------------------------------------------------------------


def test_like_takes_text_and_summary_and_overrides_balance_and_commentary(tmp_path):
    lib = load_library(firm(tmp_path,
                            variant("strict", when=MARKED, text="厳格に協力する", summary="厳格です。"),
                            variant("loose", like="strict", when=ALL, balance="favours_discloser", text=None, summary=None,
                                    commentary="開示者に有利である。")))
    strict, loose = lib.clauses["custom.clause"].variants
    assert loose.text == strict.text and loose.summary == strict.summary
    assert loose.balance == "favours_discloser" and loose.commentary["ja"] == "開示者に有利である。"
    assert loose.like == "strict" and strict.like is None
    assert loose.uses_variables == strict.uses_variables == ["purpose"]
    agreement = assemble(spec_with("all_disclosed"), lib)
    article = agreement.article("custom.clause")
    assert article.variant_id == "loose"
    assert "厳格に協力する" in agreement.text()


def test_like_inherits_what_it_does_not_override_and_may_override_the_summary(tmp_path):
    lib = load_library(firm(tmp_path,
                            variant("base", when=MARKED),
                            variant("middle", like="base", when=ALL, balance=None, text=None, summary="別の要約です。",
                                    commentary=None),
                            variant("last", like="middle", when=CONFIRMED, balance=None, text=None, summary=None,
                                    commentary=None)))
    base, middle, last = lib.clauses["custom.clause"].variants
    assert middle.summary["ja"] == last.summary["ja"] == "別の要約です。"
    assert last.text == middle.text == base.text
    assert last.balance == base.balance and last.commentary == base.commentary


def test_an_unknown_like_is_a_load_error_at_its_line(tmp_path):
    folder = firm(tmp_path, variant("strict", when=MARKED),
                  variant("loose", like="strik", when=ALL, text=None, summary=None))
    found = problems(folder)
    assert f"firm/general/special.toml:{line_of(folder, '^like = ')}: variants[1].like: no variant 'strik' in this clause " \
           "(did you mean 'strict'?)" in found, found


def test_a_circle_of_likes_is_a_load_error_naming_the_circle(tmp_path):
    folder = firm(tmp_path,
                  variant("a", like="b", when=MARKED, text=None, summary=None),
                  variant("b", like="a", when=ALL, text=None, summary=None),
                  variant("c", like="c", when=CONFIRMED, text=None, summary=None))
    found = problems(folder)
    assert f"special.toml:{line_of(folder, '^like = ', 0)}: variants[0].like: `like` goes round in a circle: a -> b -> a" in found
    assert f"special.toml:{line_of(folder, '^like = ', 1)}: variants[1].like: `like` goes round in a circle: b -> a -> b" in found
    assert f"special.toml:{line_of(folder, '^like = ', 2)}: variants[2].like: `like` goes round in a circle: c -> c" in found


def test_a_variant_with_like_may_not_have_its_own_text(tmp_path):
    folder = firm(tmp_path, variant("strict", when=MARKED), variant("loose", like="strict", when=ALL))
    found = problems(folder)
    assert f"special.toml:{line_of(folder, '^text.ja', 1)}: variants[1].text: a variant with `like` takes its text from " \
           "'strict': remove this text, or remove `like`" in found, found


def test_a_like_variant_needs_only_id_and_like(tmp_path):
    folder = firm(tmp_path, variant("strict", when=MARKED),
                  variant("loose", when=ALL, text=None, summary=None, balance=None, commentary=None))
    found = problems(folder)
    for key in ("balance", "commentary", "summary", "text"):
        assert f"variants[1].{key}: missing" in found
    lib = load_library(firm(tmp_path / "ok", variant("strict", when=MARKED),
                            variant("loose", like="strict", when=ALL, text=None, summary=None, balance=None,
                                    commentary=None)))
    assert lib.clauses["custom.clause"].variants[1].commentary["en"] == "Commentary on strict."


def test_inherited_text_is_checked_where_it_is_written_and_a_summary_override_where_it_is(tmp_path):
    folder = firm(tmp_path,
                  variant("strict", when=MARKED, text="{{ nosuch }}に協力する"),
                  variant("loose", like="strict", when=ALL, text=None, summary="{{ nosuch2 }}です。"))
    found = problems(folder)
    text_line = line_of(folder, "^text.ja")
    summary_line = line_of(folder, "^summary.ja", 1)
    assert f"special.toml:{text_line}: variants[0].text.ja: variable 'nosuch' is not declared" in found
    assert found.count("variable 'nosuch' is not declared") == 1, "reported once, where the text is written"
    assert f"special.toml:{summary_line}: variants[1].summary.ja: variable 'nosuch2' is not declared" in found


def test_inherited_text_must_list_its_refs(tmp_path):
    folder = firm(tmp_path,
                  variant("strict", when=MARKED, text='{{ ref(\\"general.notices\\") }}に従い協力する'),
                  variant("loose", like="strict", when=ALL, text=None, summary=None))
    assert "ref('general.notices') is not listed in refs" in problems(folder)


def test_the_cache_carries_variants_with_like_resolved(tmp_path, monkeypatch):
    monkeypatch.setenv("IPCLAUSES_CACHE_DIR", str(tmp_path / "cache"))
    folder = firm(tmp_path, variant("strict", when=MARKED, text="厳格に協力する"),
                  variant("loose", like="strict", when=ALL, text=None, summary=None, balance="favours_discloser"),
                  variant("fallback", default=True))
    library_module._load.cache_clear()
    try:
        fresh = load_library(folder)
        entries = list((tmp_path / "cache").glob("library-*.json"))
        assert len(entries) == 1
        assert '"like": "strict"' in entries[0].read_text(encoding="utf-8")
        library_module._load.cache_clear()
        cached = load_library(folder)
    finally:
        library_module._load.cache_clear()
    assert cached is not fresh and cached.clauses == fresh.clauses
    loose = cached.clauses["custom.clause"].variants[1]
    assert loose.text["ja"] == "各当事者は、{{ purpose }}について厳格に協力する。" and loose.like == "strict"
    assert [v.default for v in cached.clauses["custom.clause"].variants] == [False, False, True]
    assert assemble(spec_with("all_disclosed"), cached).article("custom.clause").variant_id == "loose"


def test_the_bundled_library_uses_like_for_the_variants_that_were_copies(library):
    liability = {v.id: v for v in library.clauses["general.liability"].variants}
    assert liability["one_party_license"].like == liability["one_party_jrd"].like == "one_party_poc"
    assert liability["one_party_license"].text == liability["one_party_poc"].text
    assert liability["one_party_license"].balance != liability["one_party_poc"].balance
    joint = {v.id: v for v in library.clauses["jrd.joint_ownership"].variants}
    assert joint["consent_given"].like == "consent_given_university"
    licence = library.clauses["poc.licence"].variants
    assert [v.like for v in licence] == [None, "non_exclusive", "non_exclusive", "non_exclusive"]
    assert len({v.commentary["en"] for v in licence}) == 4 and len({v.text["en"] for v in licence}) == 1


def test_no_two_bundled_variants_have_the_same_text_unless_one_is_like_the_other(library):
    """The copy-paste `like` replaced: found by comparing text and summary in both languages."""
    for clause in library.clauses.values():
        seen: dict[tuple, str] = {}
        for v in clause.variants:
            key = (v.text["ja"], v.text["en"], v.summary["ja"], v.summary["en"])
            if key in seen and v.like is None:
                pytest.fail(f"{clause.source}: {v.id!r} repeats the text of {seen[key]!r}: use like = {seen[key]!r}")
            seen.setdefault(key, v.id)


# --- the default, and conditions that exclude each other -------------------------------------


def test_the_variant_chosen_does_not_depend_on_the_order_of_the_variants(tmp_path):
    variants = [variant("marked", when=MARKED), variant("rest", default=True, when=None),
                variant("all", when=ALL)]
    first = load_library(firm(tmp_path / "a", *variants))
    second = load_library(firm(tmp_path / "b", *reversed(variants)))
    for definition, expected in (("marked", "marked"), ("all_disclosed", "all"), ("marked_or_confirmed", "rest")):
        spec = spec_with(definition)
        assert first.clauses["custom.clause"].choose(spec).id == expected
        assert second.clauses["custom.clause"].choose(spec).id == expected


def test_a_variant_without_when_is_the_default_wherever_it_is(tmp_path):
    lib = load_library(firm(tmp_path, variant("rest"), variant("marked", when=MARKED)))
    rest, marked = lib.clauses["custom.clause"].variants
    assert rest.default and not marked.default
    assert lib.clauses["custom.clause"].choose(spec_with("marked")) is marked
    assert lib.clauses["custom.clause"].choose(spec_with("all_disclosed")) is rest


def test_overlapping_whens_are_refused_naming_both_variants_and_an_example(tmp_path):
    folder = firm(tmp_path,
                  variant("strict", when='{ "confidentiality.definition" = ["marked", "marked_or_confirmed"] }'),
                  variant("loose", when='{ "confidentiality.definition" = { not = "all_disclosed" }, '
                                        '"confidentiality.direction" = "mutual" }'))
    found = problems(folder)
    second = line_of(folder, r"^\[\[variants\]\]", 1)
    first = line_of(folder, r"^\[\[variants\]\]", 0)
    assert (f"firm/general/special.toml:{second}: variants[1].when: 'loose' and 'strict' (line {first}) both hold when "
            '"type" = "nda", "confidentiality.definition" = "marked", "confidentiality.direction" = "mutual": make their '
            "conditions exclusive, or mark the one to choose when no other fits `default = true`") in found, found


def test_a_default_may_overlap_the_others_and_is_chosen_only_when_none_of_them_fits(tmp_path):
    lib = load_library(firm(tmp_path,
                            variant("any_marking", default=True,
                                    when='{ "confidentiality.definition" = ["marked", "marked_or_confirmed"] }'),
                            variant("marked", when=MARKED)))
    clause = lib.clauses["custom.clause"]
    assert clause.choose(spec_with("marked")).id == "marked"
    assert clause.choose(spec_with("marked_or_confirmed")).id == "any_marking"
    with pytest.raises(RenderError, match="no variant fits this spec"):
        clause.choose(spec_with("all_disclosed"))  # the default's own `when` still has to hold


def test_two_defaults_are_refused(tmp_path):
    found = problems(firm(tmp_path, variant("a", default=True, when=MARKED), variant("b"), variant("c", when=ALL)))
    assert "variants[1]: 'a' (line 7) and 'b' are both the default" in found, found


def test_default_must_be_true_or_false(tmp_path):
    folder = firm(tmp_path, variant("a", when=MARKED))
    path = folder / "general" / "special.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('balance = "balanced"', 'default = "yes"\nbalance = "balanced"'),
                    encoding="utf-8")
    assert "special.toml:10: variants[0].default: true or false" in problems(folder)


def test_a_variant_without_when_cannot_be_marked_not_the_default(tmp_path):
    found = problems(firm(tmp_path, variant("a", when=MARKED), variant("b", default=False)))
    assert "variants[1].default: a variant without `when` always fits, so it is the default" in found, found


def test_the_runtime_never_guesses_between_two_fitting_variants(tmp_path):
    """The loader makes this impossible; should a clause get past it, choosing refuses instead of picking one."""
    clause = load_library(firm(tmp_path, variant("marked", when=MARKED))).clauses["custom.clause"]
    marked = clause.variants[0]
    twin = library_module.Variant(marked.id + "_twin", marked.when, marked.balance, marked.text, marked.summary,
                                  marked.commentary)
    doubled = library_module.Clause(**{**clause.__dict__, "variants": [marked, twin]})
    with pytest.raises(RenderError, match="'marked' and 'marked_twin' both fit this spec"):
        doubled.choose(spec_with("marked"))


@pytest.mark.parametrize("first,second,overlap", [
    ({"poc.fee.amount": 0}, {"poc.fee.amount": {"gt": 0}}, None),
    ({"poc.fee.amount": {"gt": 10}}, {"poc.fee.amount": {"lt": 12}}, {"poc.fee.amount": 11}),
    ({"poc.fee.amount": {"gt": 10}}, {"poc.fee.amount": {"lt": 11}}, None),
    ({"next_step.discount_if_follows": {"gt": 10}}, {"next_step.discount_if_follows": {"lt": 10.5}},
     {"next_step.discount_if_follows": 10.25}),
    ({"licence.subject": {"contains": "patents"}}, {"licence.subject": {"contains": "know_how"}},
     {"licence.subject": ["know_how", "patents"]}),
    ({"licence.subject": {"contains": "patents"}}, {"licence.subject": {"set": False}}, None),
    ({"poc.materials": {"set": True}}, {"poc.materials": {"set": False}}, None),
    ({"poc.materials": "x"}, {"poc.materials": {"not": "x"}}, None),
    ({"poc.materials": {"not": "x"}}, {"poc.materials": {"not": "y"}}, {"poc.materials": None}),
    ({"signing_date": {"gt": "2026-04-01"}}, {"signing_date": {"lt": "2026-04-02"}}, {"signing_date": "2026-04-01~"}),
    ({"signing_date": {"gt": "2026-04-01"}}, {"signing_date": {"lt": "2026-04-01"}}, None),
    ({"@has.university": True}, {"@has.university": {"set": False}}, None),
    ({"any": [{"warranties": "none"}, {"licence.exclusivity": "exclusive"}]},
     {"warranties": "knowledge_qualified", "licence.exclusivity": {"in": ["exclusive", "non_exclusive"]}},
     {"warranties": "knowledge_qualified", "licence.exclusivity": "exclusive"}),
    ({"type": "poc"}, {"type": "jrd"}, None),
    ({"jrd.costs.rule": "each_bears_own"}, {"jrd.costs.rule": "one_party_pays"}, None),
], ids=["equal-vs-greater", "between", "no-whole-number-between", "between-floats", "contains-both", "contains-vs-empty",
        "set-vs-unset", "equal-vs-not", "two-nots", "dates", "dates-apart", "computed-bool", "any", "types",
        "only-in-jrd"])
def test_find_overlap(first, second, overlap):
    found = find_overlap(["poc", "jrd"], None, first, second)
    if overlap is None:
        assert found is None, found
    else:
        assert found is not None
        _agreement, example = found
        assert {k: v for k, v in example.items() if k in overlap} == overlap


def test_overlap_respects_include_when(tmp_path):
    """Two variants that overlap only where the clause is left out do not count."""
    head = HEAD + 'include_when = { "confidentiality.direction" = "mutual" }\n'
    lib = load_library(firm(tmp_path,
                            variant("one_way", when='{ "confidentiality.direction" = "one_way", '
                                                    '"confidentiality.definition" = "marked" }'),
                            variant("marked", when=MARKED), head=head))
    assert len(lib.clauses["custom.clause"].variants) == 2


def test_the_overlap_check_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(library_module, "MAX_OVERLAP_STEPS", 10)
    options = ", ".join(f'{{ "confidentiality.confirmation_days" = {n} }}' for n in range(1, 20))
    found = problems(firm(tmp_path, variant("a", when=f"{{ any = [{options}] }}"),
                          variant("b", when='{ "confidentiality.confirmation_days" = 50 }')))
    assert "the variants' conditions are too complex to compare: the library's conditions take too long" in found


# --- the condition language ------------------------------------------------------------


@pytest.mark.parametrize("condition,expected", [
    ({"confidentiality.definition": "secret"}, "'secret' is not a value the spec allows"),
    ({"confidentiality.definition": {"in": "marked"}}, "{ in = [...] } takes a non-empty list"),
    ({"confidentiality.definition": {"not": ["marked"]}}, "is not a single value"),
    ({"confidentiality.definition": {"gt": 1}}, "compares numbers or dates"),
    ({"confidentiality.definition": {"contains": "marked"}}, "is for list fields"),
    ({"confidentiality.definition": {"set": "yes"}}, "{ set = ... } takes true or false"),
    ({"confidentiality.definition": {"is": "marked"}}, "an operator table has exactly one of"),
    ({"confidentiality.definition": {"not": "marked", "set": True}}, "an operator table has exactly one of"),
    ({"confidentiality.definition": []}, "an empty list never holds"),
    ({"confidentiality.inspection": "yes"}, "can never match: \"confidentiality.inspection\" is a true or false field"),
    ({"confidentiality.confirmation_days": "14"}, "is a number field"),
    ({"licence.subject": "patents"}, "is a list field: test it with { contains = ... }"),
    ({"licence": True}, "test a group of fields with { set = true }"),
    ({"signing_date": "April"}, "is a date field"),
    ({"any": []}, '"any" takes a non-empty list of non-empty tables'),
    ({"any": [{}]}, '"any" takes a non-empty list of non-empty tables'),
    ({"confidentiality.defn": "marked"}, "is not a spec field of"),
], ids=lambda v: str(v)[:40] if isinstance(v, str) else None)
def test_check_condition_refuses_conditions_that_cannot_mean_what_they_say(condition, expected):
    found = check_condition(condition, ["nda", "poc"])
    assert any(expected in p for p in found), found


@pytest.mark.parametrize("condition", [
    {"confidentiality.definition": "marked"},
    {"confidentiality.definition": ["marked", "all_disclosed"]},
    {"confidentiality.definition": {"in": ["marked", "all_disclosed"]}},
    {"confidentiality.definition": {"not": "marked"}},
    {"remedies.penalty": {"set": True}},
    {"licence.subject": {"contains": "trademark"}},
    {"term.months": {"gt": 12}},
    {"term.months": {"lt": 12}},
    {"signing_date": {"lt": "2026-04-01"}},
    {"@has.university": True},
    {"type": ["poc", "nda"]},
    {"any": [{"type": "nda"}, {"licence.exclusivity": "exclusive"}]},
])
def test_check_condition_accepts_every_documented_form(condition):
    assert check_condition(condition, ["nda", "poc"]) == []


def test_dates_compare_the_same_way_under_every_operator():
    spec = load_spec(NDA_EXAMPLE)
    date = spec.effective_date.isoformat()
    assert holds(spec, {"effective_date": date})
    assert holds(spec, {"effective_date": [date]})
    assert holds(spec, {"effective_date": {"in": [date]}})
    assert not holds(spec, {"effective_date": {"not": date}})
    assert holds(spec, {"effective_date": {"gt": "1999-12-31"}}) and holds(spec, {"effective_date": {"lt": "2999-01-01"}})


def test_the_readme_shows_an_example_of_every_condition_form():
    readme = (ROOT / "clause_library" / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Conditions"):]
    for op in OPERATORS:
        assert re.search(r"\{ " + op + r" = ", section), f"README: no example of {{ {op} = ... }}"
    for form in ("any = [", '"type" =', "@has.university", "default = true", "like = "):
        assert form in readme, f"README: no example of {form}"
    for fact in COMPUTED:
        assert f"`{fact}`" in section, f"README: computed fact {fact} is not explained"
