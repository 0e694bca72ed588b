"""The clause library as data: every file well formed, every variant reachable, house style kept.

Failures name the clause file and the variant so legal staff can find what to fix.

Nothing here loads the library when the module is imported or tests are collected (the
parameters come from the clause files themselves): loading writes the library cache, and
only once the test session has pointed the cache at a temporary folder (conftest.py) may
anything be written.
"""

import json
import re
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT
from ipclauses import LibraryError, agreement_types, assemble, load_library
from ipclauses.conditions import holds
from ipclauses.library import LANGS
from specgen import spec_where


def _bundled_clauses() -> dict[str, list[str]]:
    """Clause id -> its variant ids, read from the bundled clause files (as the loader finds them)."""
    folder = ROOT / "clause_library"
    found = {}
    for path in sorted(folder.rglob("*.toml")):
        relative = path.relative_to(folder)
        if len(relative.parts) < 2 or relative.parts[0] in ("vocabulary", "variables"):
            continue
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found[data["id"]] = [v["id"] for v in data["variants"]]
    return found


BUNDLED = _bundled_clauses()
CLAUSE_IDS = sorted(BUNDLED)
VARIANT_IDS = [(c, v) for c in CLAUSE_IDS for v in BUNDLED[c]]
VARIANT_NAMES = [f"{c}/{v}" for c, v in VARIANT_IDS]


@pytest.fixture(scope="module")
def lib(library):
    return library


@pytest.fixture
def clause(lib, clause_id):
    return lib.clauses[clause_id]


@pytest.fixture
def variant(clause, variant_id):
    return next(v for v in clause.variants if v.id == variant_id)


def where(clause, variant=None, field=None):
    line = ""
    if variant is not None:
        raw = (ROOT / clause.source).read_text(encoding="utf-8")
        index = clause.variants.index(variant)
        headers = [n for n, text in enumerate(raw.splitlines(), 1) if text.strip() == "[[variants]]"]
        line = f":{headers[index]}" if index < len(headers) else ""
    return f"{clause.source}{line} ({clause.id}{'/' + variant.id if variant else ''}{' ' + field if field else ''})"


def test_bundled_library_loads_without_problems(lib):
    assert len(lib.clauses) >= 40
    assert {c.id: [v.id for v in c.variants] for c in lib.clauses.values()} == BUNDLED, "the tests cover every variant"


def test_vocabularies_agree_with_the_spec(lib):
    from typing import get_args

    from ipclauses.spec import Party

    kinds = set(get_args(Party.model_fields["kind"].annotation))
    assert set(lib.vocabulary["party_kinds"]) == kinds
    for label, entry in lib.vocabulary["balance"].items():
        assert entry["description"], label


@pytest.mark.parametrize("clause_id,variant_id", VARIANT_IDS, ids=VARIANT_NAMES)
def test_every_variant_is_reachable_by_a_valid_spec(lib, clause, variant):
    """Some spec built from an example selects this variant, so no option is dead text."""
    for agreement in clause.agreements:
        spec = spec_where(agreement, clause.include_when, variant.when or {})
        if spec is None:
            continue
        if clause.applies(spec) and clause.choose(spec) is variant:
            assemble(spec, lib)  # and it renders, with every value it needs
            return
        # Only the default can be passed over for a spec its own `when` fits: another variant's `when` holds.
        assert variant.default and any(holds(spec, v.when) for v in clause.variants if not v.default), (
            f"{where(clause, variant)}: its `when` holds but {clause.choose(spec).id!r} was chosen")
    pytest.fail(f"{where(clause, variant)}: no valid spec selects this variant")


ENGLISH_BANNED = [
    (re.compile(r"\band/or\b", re.I), 'write "A or B or both", not "and/or"'),
    (re.compile(r"\b(herein|hereto|hereunder|hereof|hereby|witnesseth|thereof|therein)\b", re.I), "archaic word"),
    (re.compile(r"\bprovided that\b", re.I), 'use "but" or a separate sentence instead of "provided that"'),
    (re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|fifteen|twenty|thirty|forty|forty-five|sixty|ninety)\s*\(\d+\)", re.I),
     "numbers in digits only, never words and digits together"),
    (re.compile(r"\bEach party shall not\b"), 'write "Neither party shall"'),
    (re.compile(r"\b(This|That) (Article|Agreement|paragraph) continue\b"), '"continues": the subject is singular'),
]
JAPANESE_BANNED = [
    (re.compile(r"前\d+項"), "前二項, 前三項: a number of preceding paragraphs is written in kanji, as statutes write it"),
    (re.compile(r"その他の物"), "その他のもの: 物 is a thing in the Civil Code sense; information and data are もの"),
]
JAPANESE_POLITE = re.compile(r"(です|ます|でした|ました|ません|ましょう)[。、」]")
FULL_WIDTH_DIGITS = re.compile(r"[０-９]")


def _strip_template(text: str) -> str:
    return re.sub(r"\{[{%#].*?[}%#]\}", " ", text, flags=re.S)


@pytest.mark.parametrize("clause_id,variant_id", VARIANT_IDS, ids=VARIANT_NAMES)
def test_house_style(clause, variant):
    english = _strip_template(variant.text["en"])
    for pattern, why in ENGLISH_BANNED:
        match = pattern.search(english)
        assert not match, f"{where(clause, variant, 'text.en')}: {match.group(0)!r}: {why}"
    japanese = _strip_template(variant.text["ja"])
    for pattern, why in JAPANESE_BANNED:
        match = pattern.search(japanese)
        assert not match, f"{where(clause, variant, 'text.ja')}: {match.group(0)!r}: {why}"
    match = JAPANESE_POLITE.search(japanese)
    assert not match, f"{where(clause, variant, 'text.ja')}: {match.group(0)!r}: clause text is である調 only"
    match = FULL_WIDTH_DIGITS.search(japanese)
    assert not match, f"{where(clause, variant, 'text.ja')}: full-width digit {match.group(0)!r}: use half-width"
    assert "甲" not in japanese and "乙" not in japanese, f"{where(clause, variant, 'text.ja')}: parties by short names"
    for lang in LANGS:
        assert not re.search(r"(第\s*\d+\s*条|Article\s+\d+)", _strip_template(variant.text[lang])), (
            f"{where(clause, variant, 'text.' + lang)}: a typed article number; use {{{{ ref(\"clause.id\") }}}}"
        )


@pytest.mark.parametrize("clause_id", CLAUSE_IDS)
def test_defined_terms_are_defined_and_used_in_the_text(lib, clause):
    for term in clause.defines:
        forms = lib.terms[term]
        for variant in clause.variants:
            assert f'"{forms["en"]}"' in variant.text["en"], f'{where(clause, variant, "text.en")}: must define "{forms["en"]}"'
            assert f"「{forms['ja']}」" in variant.text["ja"], f"{where(clause, variant, 'text.ja')}: must define 「{forms['ja']}」"
    for term in clause.uses:
        forms = lib.terms[term]
        assert any(forms["en"] in v.text["en"] for v in clause.variants), f"{where(clause)}: uses {forms['en']!r} but never writes it"
        assert any(forms["ja"] in v.text["ja"] for v in clause.variants), f"{where(clause)}: uses {forms['ja']!r} but never writes it"


@pytest.mark.parametrize("agreement", agreement_types.names())
def test_each_term_is_defined_once_per_agreement_and_every_used_term_is_defined(lib, agreement):
    clauses = lib.clauses_for(agreement)
    definers: dict[str, list[str]] = {}
    for clause in clauses:
        for term in clause.defines:
            definers.setdefault(term, []).append(clause.id)
    twice = {t: ids for t, ids in definers.items() if len(ids) > 1 and all(not lib.clauses[i].include_when for i in ids)}
    assert not twice, f"{agreement}: terms defined by more than one clause: {twice}"
    for clause in clauses:
        for term in clause.uses:
            assert term in definers or term == "agreement", f"{where(clause)}: uses {term!r}, which no {agreement} clause defines"


def test_every_declared_variable_comes_from_the_spec(lib):
    from ipclauses.conditions import path_annotation

    for var in lib.variables.values():
        assert any(path_annotation(a, var.source)[0] for a in agreement_types.names()), var.name


def test_every_variable_used_in_text_gets_a_value_from_some_example_or_generated_spec(lib):
    """Each variable a text prints has a value for some spec that selects a variant printing it.

    A text shared with `like` is tried with the spec of every variant that shares it.
    """
    import jinja2.meta
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from ipclauses.library import ASSEMBLY_VARIABLES

    env = ImmutableSandboxedEnvironment()
    users: dict[str, list[tuple]] = {}
    for clause in lib.clauses.values():
        for variant in clause.variants:
            for lang in LANGS:
                # Assembly's own variables (the surviving articles) are tested in test_survival.py.
                for name in jinja2.meta.find_undeclared_variables(env.parse(variant.text[lang])) - {"ref"} - ASSEMBLY_VARIABLES:
                    if (clause, variant) not in users.setdefault(name, []):
                        users[name].append((clause, variant))
    unresolved = []
    for name, using in sorted(users.items()):
        found = any(
            spec is not None and lib.context(spec).get(name) is not None
            for clause, variant in using
            for agreement in clause.agreements
            for spec in [spec_where(agreement, clause.include_when, variant.when or {})]
        )
        if not found:
            clause, variant = using[0]
            unresolved.append(f"{name} (first used in {where(clause, variant)})")
    # A value only some specs give is fine when every text that prints it tests it first.
    unguarded = [n for n in unresolved if not _guarded(lib, n.split()[0])]
    assert not unguarded, unguarded


def _guarded(lib, name: str) -> bool:
    pattern = re.compile(r"\{%\s*if\s+[^%]*\b" + re.escape(name) + r"\b")
    return all(
        pattern.search(v.text[lang]) or name not in v.text[lang]
        for c in lib.clauses.values()
        for v in c.variants
        for lang in LANGS
    )


# --- the loader finds every kind of mistake, with file and line ---------------------------

GOOD = '''id = "custom.clause"
category = "general"
title = { ja = "特約", en = "Special Terms" }
agreements = ["nda"]
order = 995

[[variants]]
id = "only"
balance = "balanced"
text.ja = "各当事者は、{{ purpose }}について誠実に協力する。"
text.en = "Each party shall cooperate in good faith on {{ purpose }}."
summary.ja = "両者は協力します。"
summary.en = "Both sides cooperate."
commentary.ja = "特約の例である。"
commentary.en = "An example of a special term."
'''


def _custom(tmp_path: Path, text: str, name="special.toml") -> Path:
    folder = tmp_path / "firm" / "general"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return tmp_path / "firm"


@pytest.mark.parametrize(
    "change,expected",
    [
        (('order = 995', 'order = 995\ncolour = "red"'), "firm/general/special.toml:6: colour: unknown key"),
        (('text.en = "Each party shall cooperate in good faith on {{ purpose }}."\n', ""), "firm/general/special.toml:7: variants[0].text: needs non-empty ja and en"),
        (("{{ purpose }}について", "{{ purpse }}について"), "variable 'purpse' is not declared in variables/*.toml (did you mean 'purpose'?)"),
        (('category = "general"', 'category = "misc"'), "firm/general/special.toml:2: category: unknown category 'misc'"),
        (('balance = "balanced"', 'balance = "neutral"'), "variants[0].balance: unknown balance label 'neutral'"),
        (('order = 995', 'order = 995\nrefs = ["general.nothing"]'), "refs: unknown clause id 'general.nothing'"),
        (('[[variants]]', '[[variants]]\nwhen = { "confidentiality.defn" = "marked" }'), '"confidentiality.defn" is not a spec field of nda'),
        (('[[variants]]', '[[variants]]\nwhen = { "confidentiality.definition" = "secret" }'), "'secret' is not a value the spec allows"),
        (('agreements = ["nda"]', 'agreements = ["nda", "mou"]'), "agreements: a list of agreement types"),
        (('title = { ja = "特約", en = "Special Terms" }', 'title = { en = "Special Terms" }'), "title: needs ja and en"),
        (('id = "custom.clause"', 'id = "custom.clause'), "firm/general/special.toml:1: -: not valid TOML"),
        (("{{ purpose }}について", "{{ purpose.__class__ }}について"), "template uses Getattr (__class__)"),
        (("{{ purpose }}について", "{% include '/etc/passwd' %}"), "template uses Include"),
        (('order = 995', 'order = 995\ndefines = ["secret_sauce"]'), "unknown defined term 'secret_sauce'"),
        (('balance = "balanced"', 'balance = "balanced"\ntitle = { en = "Special" }'),
         "firm/general/special.toml:7: variants[0].title: needs non-empty ja and en"),
    ],
    ids=["unknown-key", "missing-language", "misspelled-variable", "unknown-category", "unknown-balance", "unknown-ref",
         "unknown-condition-path", "impossible-condition-value", "unknown-agreement", "title-language", "toml-syntax",
         "dunder-attribute", "include-file", "unknown-term", "variant-title-language"],
)
def test_loader_reports_mistakes_with_file_line_and_key(tmp_path, change, expected):
    old, new = change
    assert old in GOOD
    folder = _custom(tmp_path, GOOD.replace(old, new, 1))
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert expected in str(info.value)


@pytest.mark.parametrize("how", ["missing", "blank"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("field", ["text", "summary", "commentary"])
def test_loader_refuses_a_variant_without_text_summary_or_commentary_in_each_language(tmp_path, field, lang, how):
    """So every loaded variant has all three in both languages; no test of the bundled data needs to look."""
    line = next(line for line in GOOD.splitlines() if line.startswith(f"{field}.{lang} = "))
    folder = _custom(tmp_path, GOOD.replace(line, "" if how == "missing" else f'{field}.{lang} = " \\n "'))
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert f"firm/general/special.toml:7: variants[0].{field}: needs non-empty ja and en" in str(info.value)


@pytest.mark.parametrize("title", ['{ ja = "特約", en = "  " }', '{ ja = "特約" }', '"Special Terms"'])
def test_loader_refuses_a_clause_title_without_both_languages(tmp_path, title):
    folder = _custom(tmp_path, GOOD.replace('title = { ja = "特約", en = "Special Terms" }', f"title = {title}"))
    with pytest.raises(LibraryError) as info:
        load_library(folder)
    assert "firm/general/special.toml:3: title: needs ja and en" in str(info.value)


def test_custom_library_overrides_and_adds_clauses(tmp_path, library):
    from conftest import EXAMPLES
    from ipclauses import load_spec

    nda = next(p for p in EXAMPLES if p.stem.startswith("nda"))
    # The firm's definition serves every agreement the bundled one does, at the same place.
    bundled = library.clauses["confidentiality.definition"]
    order = ", ".join(f"{kind} = {bundled.order[kind]}" for kind in bundled.agreements)
    override = GOOD.replace('id = "custom.clause"', 'id = "confidentiality.definition"').replace(
        'category = "general"', 'category = "confidentiality"').replace("order = 995", f"order = {{ {order} }}")
    override = override.replace(
        'agreements = ["nda"]', f'agreements = {json.dumps(bundled.agreements)}\ndefines = ["confidential_information"]')
    override = override.replace("各当事者は、", "本契約において「秘密情報」とは各当事者が開示する情報をいい、各当事者は、").replace(
        "Each party shall", '\\"Confidential Information\\" means what either party discloses, and each party shall')
    folder = tmp_path / "firm"
    (folder / "confidentiality").mkdir(parents=True)
    (folder / "confidentiality" / "ours.toml").write_text(override, encoding="utf-8")
    (folder / "general").mkdir()
    (folder / "general" / "special.toml").write_text(GOOD, encoding="utf-8")
    lib = load_library(folder)
    assert lib.version.startswith(library.version + "+")
    agreement = assemble(load_spec(nda), lib)
    ids = [a.clause_id for a in agreement.articles]
    assert "custom.clause" in ids
    definition = agreement.article("confidentiality.definition")
    assert definition.variant_id == "only"


def test_sandbox_refuses_reaching_python_internals_at_render_time(tmp_path):
    """Even if the static check were bypassed, the sandbox refuses attribute tricks."""
    from jinja2.exceptions import SecurityError

    from ipclauses.library import _environment

    env = _environment()
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__.__mro__[1].__subclasses__() }}").render()
    with pytest.raises(SecurityError):  # cycler is not even there, and the sandbox refuses __init__ first
        env.from_string("{{ cycler.__init__.__globals__.os }}").render()


def test_validated_library_cache_round_trips_and_follows_every_change(tmp_path, monkeypatch):
    from ipclauses.library import _load

    monkeypatch.setenv("IPCLAUSES_CACHE_DIR", str(tmp_path / "cache"))
    folder = _custom(tmp_path, GOOD)
    _load.cache_clear()
    fresh = load_library(folder)
    assert len(list((tmp_path / "cache").glob("library-*.json"))) == 1
    _load.cache_clear()
    cached = load_library(folder)
    assert cached.clauses == fresh.clauses and cached.variables == fresh.variables and cached.terms == fresh.terms
    # An edit to any clause file is seen at once: the cache is keyed by content, not by time.
    (folder / "general" / "special.toml").write_text(GOOD.replace("誠実に協力する", "誠実に協議する"), encoding="utf-8")
    _load.cache_clear()
    assert "協議" in load_library(folder).clauses["custom.clause"].variants[0].text["ja"]
    # A broken edit is reported, never hidden by an old cache entry.
    (folder / "general" / "special.toml").write_text(GOOD.replace('balance = "balanced"', 'balance = "odd"'), encoding="utf-8")
    _load.cache_clear()
    with pytest.raises(LibraryError):
        load_library(folder)
    _load.cache_clear()


def test_library_cache_keeps_only_recent_entries(tmp_path, monkeypatch):
    from ipclauses import library as library_module

    cache = tmp_path / "cache"
    monkeypatch.setenv("IPCLAUSES_CACHE_DIR", str(cache))
    monkeypatch.setattr(library_module, "_CACHE_KEEP", 2)
    folder = _custom(tmp_path, GOOD)
    for word in ("協力する", "協議する", "連携する", "相談する"):
        (folder / "general" / "special.toml").write_text(GOOD.replace("協力する", word), encoding="utf-8")
        library_module._load.cache_clear()
        load_library(folder)
    library_module._load.cache_clear()
    assert len(list(cache.glob("library-*.json"))) == 2
