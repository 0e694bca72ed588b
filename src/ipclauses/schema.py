"""JSON Schema for deal specs, generated from the pydantic models, explained in one language.

Written as draft-07 because editors (VS Code in particular) complete and check
draft-07 fully but 2020-12 only partly. The structure comes from the models; every
title, description and option explanation comes from `templates/schema/<lang>.toml`
(see `schema_text`), so the English and Japanese schemas accept exactly the same specs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from . import agreement_types
from .schema_text import (
    META_TABLES,
    MODEL_KEY,
    OptionText,
    agreements_using,
    entry_keys,
    field_text,
    language,
    model_text,
    models,
    option_key,
    option_text,
    texts,
)

DRAFT = "http://json-schema.org/draft-07/schema#"
# The keys that hold words; everything else is structure, the same in every language.
TEXT_KEYS = frozenset({"title", "description", "enumDescriptions", "markdownEnumDescriptions", "examples"})
# Where an enum may sit inside a property's schema (never behind a $ref: that is another definition).
_NESTED = ("anyOf", "oneOf", "allOf", "items")


def _to_draft7(node: Any) -> Any:
    """Rename pydantic's 2020-12 `$defs` to draft-07 `definitions`, recursively."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                out[key] = value.replace("#/$defs/", "#/definitions/")
            elif key == "$defs":
                out["definitions"] = _to_draft7(value)
            elif key == "discriminator":
                continue  # OpenAPI keyword, meaningless to draft-07 validators
            else:
                out[key] = _to_draft7(value)
        return out
    if isinstance(node, list):
        return [_to_draft7(v) for v in node]
    return node


def _party_counts(schema: dict[str, Any]) -> None:
    """Each type's number of parties, so that editors flag a third party in a two-party agreement.

    The models allow any number from two up; each agreement type narrows it (and the loader
    says so in words, at the first party too many).
    """
    for kind in agreement_types.types():
        name = kind.spec_model.__name__
        model = schema["definitions"][name] if name in schema.get("definitions", {}) else schema  # one type: no union
        parties = model["properties"]["parties"]
        parties["minItems"] = kind.min_parties
        if kind.max_parties is not None:
            parties["maxItems"] = kind.max_parties


@dataclass
class TextCoverage:
    """What a language's text file lacks for the schema (`missing`) and what it holds for nothing (`unused`)."""

    missing: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)


class _Explainer:
    """Puts one language's words into a generated schema, noting every entry it used and every gap."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.texts = texts(lang)
        self.formats: dict[str, str] = self.texts.get("format", {})
        self.coverage = TextCoverage()
        self.used: set[str] = set()

    def root(self, schema: dict[str, Any]) -> dict[str, Any]:
        top = self.texts.get("deal_spec", {})
        for key in ("title", "description"):
            if not top.get(key):
                self.coverage.missing.append(f"deal_spec.{key}")
        body: dict[str, Any] = {"$schema": DRAFT, "title": top.get("title", ""), "description": top.get("description", "")}
        body.update({k: v for k, v in schema.items() if k not in ("title", "description")})
        known = models()
        for name, definition in body.get("definitions", {}).items():
            if name in known:  # pydantic names a definition by its class unless two classes share a name
                body["definitions"][name] = self.definition(known[name], definition)
        kinds = agreement_types.types()
        if len(kinds) == 1 and "properties" in body:  # one type: the schema is its model, no union
            body["properties"] = {name: self.property(kinds[0].spec_model, name, prop) for name, prop in body["properties"].items()}
        return body

    def definition(self, model: type[BaseModel], node: dict[str, Any]) -> dict[str, Any]:
        text = model_text(model, self.lang)
        out = {k: v for k, v in node.items() if k not in ("title", "description")}
        if text is None or not text.title or not text.description:
            self.coverage.missing.append(f"{model.__name__}.{MODEL_KEY}")
        else:
            self.used.add(f"{model.__name__}.{MODEL_KEY}")
            out = {"title": text.title, "description": text.description, **out}
        if "properties" in out:
            out["properties"] = {name: self.property(model, name, prop) for name, prop in out["properties"].items()}
        return out

    def property(self, model: type[BaseModel], name: str, node: dict[str, Any]) -> dict[str, Any]:
        where = f"{model.__name__}.{name}"
        keys = entry_keys(model, name, self.lang)
        if keys is None:
            self.coverage.missing.append(where)
            return node
        self.used.update(keys)
        text = field_text(model, name, self.lang)
        if not text.title or not text.description:
            self.coverage.missing.append(f"{where} (title and description)")
        rest = {k: v for k, v in node.items() if k not in ("title", "description")}
        out: dict[str, Any] = {"title": text.title, "description": text.description, **rest}
        if "const" in out:
            option = self.option(model, name, out["const"])
            if option is not None:
                out["description"] = self.formats.get("const", "{description}").format(description=text.description, **_fields(option))
        out, first_option = self.enums(model, name, out)
        if text.example is not None:
            out["examples"] = [text.example]
        elif first_option is not None:
            out["examples"] = [out["default"] if out.get("default") is not None else first_option]
        return out

    def enums(self, model: type[BaseModel], name: str, node: dict[str, Any]) -> tuple[dict[str, Any], Any]:
        """A property's schema with every enum in it explained, and a value for the property made of the first
        enum's first option (a list of it where the enum is an array's items), or None when it has no enum."""
        if "enum" in node:
            explained = [self.option(model, name, value) for value in node["enum"]]
            out: dict[str, Any] = {}
            for key, value in node.items():
                out[key] = value
                if key == "enum" and all(explained):
                    out["enumDescriptions"] = [self.line(o, "enum") for o in explained if o]
                    out["markdownEnumDescriptions"] = [self.line(o, "markdown_enum") for o in explained if o]
            return out, node["enum"][0] if node["enum"] else None
        out, first = dict(node), None
        for nested in _NESTED:
            children = node.get(nested)
            if isinstance(children, list):
                pairs = [self.enums(model, name, child) for child in children]
                out[nested] = [child for child, _ in pairs]
                values = [value for _, value in pairs if value is not None]
            elif isinstance(children, dict):
                out[nested], value = self.enums(model, name, children)
                values = [] if value is None else [[value] if nested == "items" else value]
            else:
                continue
            if first is None and values:
                first = values[0]
        return out, first

    def option(self, model: type[BaseModel], name: str, value: Any) -> OptionText | None:
        where = option_key(model, name, str(value), self.lang)
        if where is None:
            self.coverage.missing.append(f"{model.__name__}.{name}: option {value!r}")
            return None
        self.used.add(where)
        option = option_text(model, name, str(value), self.lang, _only_agreement(model))
        if not option.label or not option.meaning or not option.example:
            self.coverage.missing.append(f"{model.__name__}.{name}: option {value!r} (label, meaning and example)")
        return option

    def line(self, option: OptionText, form: str) -> str:
        template = self.formats.get(f"{form}_favours" if option.favours else form, "{label}: {meaning}")
        return template.format(**_fields(option))


def _only_agreement(model: type[BaseModel]) -> str | None:
    """The agreement type a model serves, when it serves one only: its options then say whom they favour there."""
    using = agreements_using(model)
    return next(iter(using)) if len(using) == 1 else None


def _fields(option: OptionText) -> dict[str, str]:
    return {"label": option.label, "meaning": option.meaning, "favours": option.favours, "example": option.example}


def _explained(lang: str | None) -> tuple[dict[str, Any], _Explainer]:
    raw = agreement_types.adapter().json_schema(by_alias=True)
    schema = _to_draft7(raw)
    _party_counts(schema)
    explainer = _Explainer(language(lang))
    return explainer.root(schema), explainer


def deal_spec_schema(lang: str | None = None) -> dict[str, Any]:
    """The deal spec's JSON Schema as a dict, its words in `lang` (None: English): one branch for each registered
    agreement type."""
    return _explained(lang)[0]


def schema_text(lang: str | None = None) -> str:
    """The schema as exact text: in English, what schema/deal-spec.schema.json holds (in Japanese, deal-spec.schema.ja.json)."""
    return json.dumps(deal_spec_schema(lang), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def text_coverage(lang: str | None) -> TextCoverage:
    """What `templates/schema/<lang>.toml` lacks for the registered types, and the entries and options no field uses."""
    _, explainer = _explained(lang)
    coverage = explainer.coverage
    for class_name, table in explainer.texts.items():
        if class_name in META_TABLES or not isinstance(table, dict):
            continue
        for name, entry in table.items():
            key = f"{class_name}.{name}"
            if key not in explainer.used:
                coverage.unused.append(key)
                continue
            for value in entry.get("options", {}) if isinstance(entry, dict) else ():
                if f"{key}/options/{value}" not in explainer.used:
                    coverage.unused.append(f"{key}: option {value!r}")
    return coverage

