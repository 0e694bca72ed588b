"""The deal spec explains itself in every language: every field and option has words, in one place per language."""

import json
import re
import tomllib
import typing
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from conftest import EXAMPLES, NDA_EXAMPLE, ROOT, example_ids
from ipclauses import load_spec
from ipclauses.agreement_types import get_type, types
from ipclauses.cli import main
from ipclauses.schema import TEXT_KEYS, deal_spec_schema, schema_text, text_coverage
from ipclauses.schema_text import (
    FIELD_KEYS,
    META_TABLES,
    MODEL_KEY,
    OPTION_KEYS,
    field_text,
    languages,
    models,
    option_text,
    options,
    texts,
)
from ipclauses.spec import CommonSpec, Confidentiality, NdaSpec

LANGUAGES = ["en", "ja"]
TEXT_FOLDER = ROOT / "templates" / "schema"
JA_SCHEMA_PATH = ROOT / "schema" / "deal-spec.schema.ja.json"


def test_there_is_a_text_file_for_english_and_japanese():
    assert languages() == ("en", "ja")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_field_model_and_option_of_every_agreement_type_has_text(lang):
    missing = text_coverage(lang).missing
    assert not missing, f"templates/schema/{lang}.toml has no text for: " + "; ".join(missing)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_text_files_hold_nothing_for_fields_or_options_that_no_longer_exist(lang):
    unused = text_coverage(lang).unused
    assert not unused, f"templates/schema/{lang}.toml explains what no spec has (remove it): " + "; ".join(unused)


def _shape(lang: str) -> dict[str, object]:
    """What must be the same in every language: the entries, their options, `same_as` and whom each option favours."""
    shape: dict[str, object] = {}
    for table, entries in texts(lang).items():
        if table in META_TABLES:
            shape[table] = sorted(entries)
            continue
        for name, entry in entries.items():
            options_ = entry.get("options", {})
            shape[f"{table}.{name}"] = (
                entry.get("same_as"),
                {value: (o.get("favours"), o.get("favours_in")) for value, o in options_.items()},
            )
    return shape


def test_both_languages_explain_the_same_fields_and_options_and_agree_on_whom_they_favour():
    assert _shape("ja") == _shape("en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_uses_only_known_keys(lang):
    wrong = []
    for table, entries in texts(lang).items():
        if table in META_TABLES:
            continue
        for name, entry in entries.items():
            allowed = {"title", "description"} if name == MODEL_KEY else FIELD_KEYS
            wrong += [f"{table}.{name}.{key}" for key in set(entry) - allowed]
            for value, option in entry.get("options", {}).items():
                wrong += [f"{table}.{name}.options.{value}.{key}" for key in set(option) - OPTION_KEYS]
    assert not wrong, f"templates/schema/{lang}.toml: unknown keys {wrong}"


def _balance_labels() -> set[str]:
    return set(tomllib.loads((ROOT / "clause_library" / "vocabulary" / "balance.toml").read_text(encoding="utf-8")))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_whom_an_option_favours_is_a_balance_label_of_the_clause_library(lang):
    labels = _balance_labels()
    assert set(texts(lang)["favours"]) == labels, "[favours] words every balance label of clause_library/vocabulary/balance.toml"
    for table, entries in texts(lang).items():
        for name, entry in entries.items() if table not in META_TABLES else ():
            for value, option in entry.get("options", {}).items():
                given = [option.get("favours"), *option.get("favours_in", {}).values()]
                assert {g for g in given if g is not None} <= labels, f"{table}.{name}.options.{value}"
                assert set(option.get("favours_in", {})) <= {kind.name for kind in types()}, f"{table}.{name}.options.{value}"


def _fields_at(agreement: str, path: str) -> list[tuple[type[BaseModel], str]]:
    """The models that declare the last field of a dotted spec path (several where a union branches)."""
    current: list[object] = [get_type(agreement).spec_model]
    found: list[tuple[type[BaseModel], str]] = []
    for part in path.split("."):
        found, following = [], []
        for model in current:
            if isinstance(model, type) and issubclass(model, BaseModel) and part in model.model_fields:
                found.append((model, part))
                following.extend(_models_in(model.model_fields[part].annotation))
        current = following
    return found


def _models_in(annotation: object) -> list[object]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def test_whom_an_option_favours_is_what_the_clause_library_says_of_the_variant_it_chooses(library):
    """Where a clause chooses its variant by one field's value alone, the option's balance is that variant's."""
    said: dict[tuple[str, str, str, str], set[str]] = {}
    for clause in library.clauses.values():
        for variant in clause.variants:
            paths = [k for k in variant.when if not k.startswith("@") and k != "type"]
            if len(paths) != 1 or not isinstance(variant.when[paths[0]], str):
                continue
            value = variant.when[paths[0]]
            agreements = [variant.when["type"]] if isinstance(variant.when.get("type"), str) else clause.agreements
            for agreement in agreements:
                for model, field in _fields_at(agreement, paths[0]):
                    if value in options(model, field):
                        said.setdefault((model.__name__, field, value, agreement), set()).add(variant.balance)
    compared = 0
    for (model, field, value, agreement), balances in said.items():
        if len(balances) == 1:  # one clause's option may weigh differently in another clause: nothing to compare
            compared += 1
            assert option_text(model, field, value, "en", agreement).balance == next(iter(balances)), (
                f"{model}.{field} = {value!r} in {agreement}: the clause library says {balances}; "
                "set its favours (or favours_in) in templates/schema/*.toml"
            )
    assert compared > 40, compared


# --- the schema in each language -------------------------------------------------------------


def _structure(node: object) -> object:
    """A schema without its words."""
    if isinstance(node, dict):
        return {k: _structure(v) for k, v in node.items() if k not in TEXT_KEYS}
    if isinstance(node, list):
        return [_structure(v) for v in node]
    return node


def test_the_japanese_schema_is_the_english_one_with_japanese_words():
    en, ja = deal_spec_schema("en"), deal_spec_schema("ja")
    assert _structure(ja) == _structure(en)
    confidentiality = ja["definitions"]["Confidentiality"]["properties"]["definition"]
    assert confidentiality["title"] == "秘密情報の範囲"
    assert confidentiality["enumDescriptions"][0].startswith("開示したすべての情報：")
    assert "開示者に有利" in confidentiality["markdownEnumDescriptions"][0]


def _properties(schema: dict) -> list[tuple[str, dict]]:
    return [(f"{name}.{prop}", node) for name, model in schema["definitions"].items() for prop, node in model["properties"].items()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_property_has_a_title_and_a_description_and_every_enum_explains_each_option(lang):
    schema = deal_spec_schema(lang)
    assert schema["title"] and schema["description"]
    for where, node in _properties(schema):
        assert node.get("title") and node.get("description"), where
        for enum_node in _enum_nodes(node):
            count = len(enum_node["enum"])
            assert len(enum_node["enumDescriptions"]) == len(enum_node["markdownEnumDescriptions"]) == count, where
        if list(_enum_nodes(node)):
            assert node.get("examples"), where


def _enum_nodes(node: dict):
    if "enum" in node:
        yield node
    for key in ("anyOf", "oneOf", "allOf"):
        for child in node.get(key, []):
            yield from _enum_nodes(child)
    if isinstance(node.get("items"), dict):
        yield from _enum_nodes(node["items"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_example_value_in_the_schema_is_valid_where_it_is_given(lang):
    schema = deal_spec_schema(lang)
    for where, node in _properties(schema):
        for value in node.get("examples", []):
            sub = {**node, "definitions": schema["definitions"]}
            errors = [e.message for e in jsonschema.Draft7Validator(sub).iter_errors(value)]
            assert not errors, f"{where}: example {value!r}: {errors}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_every_example_spec_passes_the_schema_in_each_language(lang, path):
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(deal_spec_schema(lang)).iter_errors(data))
    assert not errors, [e.message for e in errors]


def test_the_committed_japanese_schema_is_in_sync():
    assert JA_SCHEMA_PATH.read_text(encoding="utf-8") == schema_text("ja"), (
        "schema/deal-spec.schema.ja.json is stale: run `ipclauses schema --lang ja -o schema/deal-spec.schema.ja.json --force`"
    )


def test_the_models_hold_no_descriptions_of_their_own():
    """The text files are the one source: a description written in a model would never reach Japanese readers."""
    described = [f"{name}.{field}" for name, model in models().items()
                 for field, info in model.model_fields.items() if info.description]
    assert not described, f"move these descriptions into templates/schema/*.toml: {described}"


# --- the API the interview reads ---------------------------------------------------------------


def test_a_field_is_found_along_its_models_class_hierarchy_by_python_or_json_name():
    assert field_text(NdaSpec, "parties", "ja") == field_text(CommonSpec, "parties", "ja")
    assert field_text("CommonSpec", "schema_url").title == field_text(CommonSpec, "$schema").title == "JSON Schema"
    assert field_text("LicenceScope", "exclusivity", "ja").title == "独占性"


def test_an_option_says_what_it_means_whom_it_favours_and_when_it_fits():
    marked = option_text(Confidentiality, "definition", "marked", "ja")
    assert marked.label == "秘密表示のある情報のみ"
    assert (marked.favours, marked.balance) == ("受領者に有利", "favours_recipient")
    assert marked.meaning.endswith("。") and marked.example
    english = option_text("Confidentiality", "definition", "marked_or_confirmed")
    assert (english.favours, english.balance) == ("Balanced", "balanced")
    neutral = option_text("Money", "currency", "USD")
    assert (neutral.favours, neutral.balance) == ("", None)


def test_an_option_may_favour_another_side_in_another_agreement_type():
    assert option_text("UsageScope", "exclusivity", "non_exclusive", "en", "poc").balance == "favours_licensor"
    assert option_text("UsageScope", "exclusivity", "non_exclusive", "en", "license").balance == "balanced"


def test_options_come_in_the_models_order_with_texts_shared_through_same_as():
    assert list(options(Confidentiality, "direction", "ja")) == ["mutual", "one_way"]
    assert options("Royalty", "currency", "ja") == options("Money", "currency", "ja")
    assert field_text("Royalty", "currency").title != field_text("Money", "currency").title


@pytest.mark.parametrize(("call", "args"), [
    (field_text, ("Confidentiality", "no_such_field")),
    (field_text, ("NoSuchModel", "title")),
    (option_text, ("Confidentiality", "definition", "everything")),
    (field_text, ("Confidentiality", "definition", "fr")),
    (options, ("Confidentiality", "survival_years")),
])
def test_asking_for_what_does_not_exist_is_a_lookup_error(call, args):
    with pytest.raises(LookupError):
        call(*args)


@pytest.mark.parametrize("lang", ["ja"])
def test_japanese_descriptions_and_meanings_are_polite_sentences(lang):
    """です・ます調: a project lead reads help, not a statute."""
    plain = []
    for table, entries in texts(lang).items():
        for name, entry in entries.items() if table not in META_TABLES else ():
            lines = [("description", entry.get("description"))]
            lines += [(f"options.{v}.meaning", o.get("meaning")) for v, o in entry.get("options", {}).items()]
            plain += [f"{table}.{name}.{key}: {text}" for key, text in lines if text and not _polite(text)]
    assert not plain, plain


def _polite(text: str) -> bool:
    """Whether a text ends as a です・ます sentence or a request (ください), a closing aside (（例：…）) aside."""
    return re.sub(r"（[^（）]*）。$", "。", text).endswith(("す。", "ん。", "ください。"))


# --- the schema command and "$schema" --------------------------------------------------------------


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_schema_lang_ja_writes_japanese_titles(run, tmp_path):
    out = tmp_path / "x.json"
    result = run("schema", "--lang", "ja", "-o", out)
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["title"] == "ipclauses 取引仕様"
    assert written["definitions"]["Party"]["properties"]["kind"]["title"] == "当事者の種別"
    assert out.read_text(encoding="utf-8") == schema_text("ja")


def test_a_copied_spec_keeps_its_schema_through_a_relative_schema_beside_it(run, tmp_path):
    """The help's recipe: `ipclauses schema -o` next to the copied spec, and "$schema": "./deal-spec.schema.json"."""
    spec = tmp_path / "work" / "my-deal.json"
    spec.parent.mkdir()
    data = json.loads(NDA_EXAMPLE.read_text(encoding="utf-8"))
    data["$schema"] = "./deal-spec.schema.json"
    spec.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    assert run("schema", "-o", spec.parent / "deal-spec.schema.json").exit_code == 0
    assert "ipclauses schema -o deal-spec.schema.json" in run("schema", "--help").output

    schema_file = (spec.parent / data["$schema"]).resolve()  # as an editor resolves it: relative to the spec
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft7Validator(schema).iter_errors(data))
    loaded = load_spec(spec)  # the loader accepts "$schema" and draws nothing from it
    assert loaded.model_dump(exclude={"schema_url"}) == load_spec(NDA_EXAMPLE).model_dump(exclude={"schema_url"})
    assert run("validate", spec).exit_code == 0


def test_the_text_files_ship_inside_the_templates_folder():
    """`templates` is force-included in the wheel (pyproject), so a non-editable install reads the same files."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shipped = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert shipped["templates"] == "ipclauses/templates"
    assert sorted(p.name for p in TEXT_FOLDER.glob("*.toml")) == ["en.toml", "ja.toml"]
    assert Path(TEXT_FOLDER).is_dir()
