"""Clause effects: what a variant does, declared as data and checked when the library loads."""

from __future__ import annotations

import json

import pytest

from conftest import NDA_EXAMPLE
from ipclauses import load_library, load_spec
from ipclauses.draft import make_draft
from test_clause_inheritance import MARKED, firm, line_of, problems, variant

ALL = '{ "confidentiality.definition" = "all_disclosed" }'


def effect(kind: str = "must", *, who: str | None = "each", text_en: str = "Cooperate with {{ other }}.",
           when: str | None = None, what: bool = False) -> str:
    lines = ["", "[[variants.effects]]", f'kind = "{kind}"']
    if who is not None:
        lines.append(f'who = "{who}"')
    if when is not None:
        lines.append(f"when = {when}")
    lines += ['text.ja = "{{ other }}と協力する。"', f'text.en = "{text_en}"']
    if what:
        lines += ['what.ja = "成果"', 'what.en = "Results"']
    return "\n".join(lines) + "\n"


def nda(definition: str = "all_disclosed"):
    data = json.loads(NDA_EXAMPLE.read_text(encoding="utf-8"))
    data["confidentiality"]["definition"] = definition
    data["language"] = "en"
    return load_spec(data)


def points(draft, clause_id: str) -> list[tuple[str, str, str]]:
    """(party or section, kind, text) of every summary point a clause binds."""
    found = [(p.name, kind, pt.text) for p in draft.summary.parties for kind in ("may", "must", "cannot")
             for pt in getattr(p, kind) if pt.article_id == clause_id]
    for section in ("confidentiality", "money", "ending"):
        found += [(section, "", pt.text) for pt in getattr(draft.summary, section) if pt.article_id == clause_id]
    found += [("results", row.what, row.point.text) for row in draft.summary.results if row.point.article_id == clause_id]
    return found


def test_each_party_gets_its_own_point_and_sections_get_one(tmp_path):
    lib = load_library(firm(tmp_path, variant("strict", when=ALL) + effect("must") + effect("ends", who=None, text_en="It ends.")
                            + effect("owns", who=None, text_en="Each party owns its own.", what=True)))
    draft = make_draft(nda(), lib)
    names = [p.short_name for p in draft.spec.parties]
    assert points(draft, "custom.clause") == [
        (names[0], "must", f"Cooperate with {names[1]}."),
        (names[1], "must", f"Cooperate with {names[0]}."),
        ("ending", "", "It ends."),
        ("results", "Results", "Each party owns its own."),
    ]


def test_an_effect_holds_only_when_its_condition_does(tmp_path):
    lib = load_library(firm(tmp_path, variant("any") + effect("must", when=MARKED, text_en="Mark it.")
                            + effect("cannot", text_en="Tell anyone.")))
    assert sorted(k for _, k, _ in points(make_draft(nda("marked"), lib), "custom.clause")) == ["cannot", "cannot", "must", "must"]
    assert sorted(k for _, k, _ in points(make_draft(nda("all_disclosed"), lib), "custom.clause")) == ["cannot", "cannot"]


def test_like_takes_the_effects_unless_the_variant_declares_its_own(tmp_path):
    lib = load_library(firm(tmp_path,
                            variant("strict", when=MARKED) + effect("must", text_en="Be strict."),
                            variant("loose", like="strict", when=ALL, text=None, summary=None),
                            variant("own", like="strict", when='{ "confidentiality.definition" = "marked_or_confirmed" }',
                                    text=None, summary=None) + effect("may", text_en="Be relaxed.")))
    strict, loose, own = lib.clauses["custom.clause"].variants
    assert loose.effects == strict.effects
    assert [e.text["en"] for e in own.effects] == ["Be relaxed."]
    assert {t for _, _, t in points(make_draft(nda("all_disclosed"), lib), "custom.clause")} == {"Be strict."}


@pytest.mark.parametrize(("bad", "message"), [
    (effect("promises"), "kind: one of owns, may, must, cannot, keeps_secret, pays, receives, ends"),
    (effect("may", who=None), "who: a `may` effect needs `who`: the party it concerns"),
    (effect("must", who="chairperson"), "who: unknown role 'chairperson'"),
    (effect("must", who="@term.end_date"), "is not a fact that names a party"),
    (effect("must", who="jrd.roles[].party"), "'jrd.roles' does not exist in a nda spec"),
    (effect("owns", who=None), "an `owns` effect needs `what`"),
    (effect("must", when='{ "confidentiality.colour" = "red" }'), "when:"),
    (effect("must", text_en="See {{ ref(\\\"nda.purpose\\\") }}."), "an effect names no article"),
    (effect("must", text_en="Pay {{ fee_amount_typo }}."), "variable 'fee_amount_typo' is not declared"),
])
def test_a_broken_effect_is_a_load_error_at_its_line(tmp_path, bad, message):
    folder = firm(tmp_path, variant("strict", when=MARKED) + effect("must") + bad)
    report = problems(folder)
    assert message in report, report
    line = line_of(folder, r"^\[\[variants\.effects\]\]", 1)
    assert f"special.toml:{line}: variants[0].effects[1]" in report


def test_effects_survive_the_library_cache(tmp_path, monkeypatch):
    from ipclauses import library as library_module

    folder = firm(tmp_path, variant("strict") + effect("must", text_en="Be strict with {{ other }}."))
    first = library_module._load.__wrapped__(str(folder))
    again = library_module._load.__wrapped__(str(folder))  # read back from the cache the first load wrote
    assert again.clauses["custom.clause"].variants[0].effects == first.clauses["custom.clause"].variants[0].effects
    draft = make_draft(nda(), again)
    assert points(draft, "custom.clause")[0][2].startswith("Be strict with ")
