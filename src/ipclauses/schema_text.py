"""What each deal spec field and each of its options means, in each language.

The words live in `templates/schema/<lang>.toml`, one entry per model field, keyed by the
class that declares the field and the field's name in a spec file:

    [Confidentiality.definition]
    title = "What is confidential"
    description = "..."

    [Confidentiality.definition.options.marked]
    label = "Marked only"
    meaning = "..."
    favours = "favours_recipient"       # a balance label of the clause library
    example = "..."

The JSON Schema (`schema.py`), the `ipclauses new` interview and the validation messages'
examples all read them here, so a field or an option is explained once per language. A field
is looked up along its model's class hierarchy, so `field_text(NdaSpec, "parties")` finds
`[CommonSpec.parties]`; an entry may say `same_as = "Money.currency"` to take what it leaves
out from another. A model's own title and description sit under `_model` (no field can be
named so: pydantic keeps underscore names private).
"""

from __future__ import annotations

import tomllib
import typing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .resources import data_dir

__all__ = ["FieldText", "OptionText", "agreements_using", "field_text", "language", "languages", "model_text", "models", "option_text",
           "options"]

MODEL_KEY = "_model"
FIELD_KEYS = frozenset({"title", "description", "example", "options", "same_as"})
OPTION_KEYS = frozenset({"label", "meaning", "favours", "favours_in", "example"})
# Tables of a language file that are not models.
META_TABLES = frozenset({"deal_spec", "favours", "format"})


@dataclass(frozen=True)
class FieldText:
    """A field's short title and its plain-language description; `example` is a valid value, when given."""

    title: str
    description: str
    example: Any = None


@dataclass(frozen=True)
class OptionText:
    """One option of a choice field.

    `favours` is a line in the language ("Favours the discloser"), empty when the option favours nobody
    in particular; `balance` is its key in clause_library/vocabulary/balance.toml (None likewise), which
    names a role or a party kind, so a caller can name the actual party.
    """

    label: str
    meaning: str
    favours: str
    balance: str | None
    example: str


def languages() -> tuple[str, ...]:
    """The languages that have a text file, sorted."""
    return tuple(sorted(path.stem for path in _folder().glob("*.toml")))


def language(lang: str | None) -> str:
    """The language asked for, or, for None, the reference language (English) that the committed schema is in."""
    from .locales import reference_locale

    return lang if lang is not None else reference_locale().code


def _folder() -> Path:
    return data_dir("templates") / "schema"


@cache
def texts(lang: str) -> dict[str, Any]:
    """The parsed text file of one language."""
    if lang not in languages():
        raise LookupError(f"no schema text for language {lang!r} (available: {', '.join(languages())})")
    with (_folder() / f"{lang}.toml").open("rb") as handle:
        return tomllib.load(handle)


def _spec_models() -> tuple[dict[str, type[BaseModel]], dict[str, frozenset[str]]]:
    from . import agreement_types

    return _models_of(tuple((kind.name, kind.spec_model) for kind in agreement_types.types()))


@cache
def _models_of(spec_models: tuple[tuple[str, type[BaseModel]], ...]) -> tuple[dict[str, type[BaseModel]], dict[str, frozenset[str]]]:
    """Every model the agreement types' specs use (and the models they derive from), by class name, and the
    agreement types each one serves."""
    found: dict[str, type[BaseModel]] = {}
    serves: dict[str, set[str]] = {}

    def visit(annotation: Any, agreement: str) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            for cls in annotation.__mro__:
                if not (isinstance(cls, type) and issubclass(cls, BaseModel) and cls.model_fields):
                    continue
                if agreement in serves.setdefault(cls.__name__, set()):
                    continue
                found[cls.__name__] = cls
                serves[cls.__name__].add(agreement)
                for info in cls.model_fields.values():
                    visit(info.annotation, agreement)
            return
        for arg in typing.get_args(annotation):
            visit(arg, agreement)

    for name, spec_model in spec_models:
        visit(spec_model, name)
    return found, {name: frozenset(types) for name, types in serves.items()}


def models() -> dict[str, type[BaseModel]]:
    """Every model a registered agreement type's spec uses, and the models they derive from, by class name."""
    return _spec_models()[0]


def agreements_using(model: type[BaseModel] | str) -> frozenset[str]:
    """The agreement types whose spec uses a model (empty for a model no registered type uses)."""
    name = model if isinstance(model, str) else model.__name__
    return _spec_models()[1].get(name, frozenset())


def _model_class(model: type[BaseModel] | str) -> type[BaseModel]:
    if isinstance(model, str):
        try:
            return models()[model]
        except KeyError:
            raise LookupError(f"no spec model named {model!r}") from None
    return model


def json_name(model: type[BaseModel], field: str) -> str:
    """A field's name in a spec file (its alias, e.g. "$schema"), from its Python or JSON name."""
    for name, info in model.model_fields.items():
        if field in (name, info.alias):
            return info.alias or name
    raise LookupError(f"{model.__name__} has no field {field!r}")


def entry_keys(model: type[BaseModel] | str, field: str, lang: str) -> tuple[str, str] | None:
    """The entry ("Class.field") a field finds along its class hierarchy, and the one holding its text (after `same_as`)."""
    cls = _model_class(model)
    name = json_name(cls, field)
    data = texts(lang)
    for base in cls.__mro__:
        table = data.get(base.__name__)
        if isinstance(table, dict) and isinstance(table.get(name), dict):
            found = f"{base.__name__}.{name}"
            target = table[name].get("same_as")
            return found, target if isinstance(target, str) else found
    return None


def _own(key: str, lang: str) -> dict[str, Any]:
    class_name, _, name = key.partition(".")
    entry = texts(lang).get(class_name, {}).get(name)
    return entry if isinstance(entry, dict) else {}


def _entry(model: type[BaseModel] | str, field: str, lang: str) -> dict[str, Any]:
    """A field's entry, with what it leaves out taken from the entry its `same_as` names."""
    keys = entry_keys(model, field, lang)
    if keys is None:
        raise LookupError(f"templates/schema/{lang}.toml has no text for {_model_class(model).__name__}.{field}")
    found, shared = keys
    if found != shared and not _own(shared, lang):
        raise LookupError(f"templates/schema/{lang}.toml: {found}.same_as names {shared!r}, which has no entry")
    return {**_own(shared, lang), **_own(found, lang)}


def option_key(model: type[BaseModel] | str, field: str, value: str, lang: str) -> str | None:
    """Where an option's text is ("Class.field/options/value"): in the field's own entry, or the one its `same_as` names."""
    keys = entry_keys(model, field, lang)
    for key in dict.fromkeys(keys or ()):
        if isinstance(_own(key, lang).get("options", {}).get(value), dict):
            return f"{key}/options/{value}"
    return None


def field_text(model: type[BaseModel] | str, field: str, lang: str | None = None) -> FieldText:
    """The title and description of a field (Python or JSON name) of a model (class or class name)."""
    lang = language(lang)
    entry = _entry(model, field, lang)
    return FieldText(str(entry.get("title", "")), str(entry.get("description", "")), entry.get("example"))


def option_text(model: type[BaseModel] | str, field: str, value: str, lang: str | None = None, agreement: str | None = None) -> OptionText:
    """What choosing `value` for a choice field means, whom it favours, and a deal where it fits.

    Give the agreement type ("poc", ...) when it is known: a few options favour a different side in another
    type of agreement (`favours_in`), as the clause library's balance labels say.
    """
    lang = language(lang)
    entry = _entry(model, field, lang)
    option = entry.get("options", {}).get(value)
    if not isinstance(option, dict):
        raise LookupError(f"templates/schema/{lang}.toml has no option {value!r} for {_model_class(model).__name__}.{field}")
    balance = option.get("favours_in", {}).get(agreement, option.get("favours"))
    balance = balance if isinstance(balance, str) else None
    favours = texts(lang).get("favours", {}).get(balance, "") if balance else ""
    return OptionText(str(option.get("label", "")), str(option.get("meaning", "")), str(favours), balance,
                      str(option.get("example", "")))


def options(model: type[BaseModel] | str, field: str, lang: str | None = None, agreement: str | None = None) -> dict[str, OptionText]:
    """Every option of a choice field, in the order the model lists them."""
    cls = _model_class(model)
    name = next((n for n, info in cls.model_fields.items() if field in (n, info.alias)), field)
    if name not in cls.model_fields:
        raise LookupError(f"{cls.__name__} has no field {field!r}")
    values = _literal_values(cls.model_fields[name].annotation)
    if not values:
        raise LookupError(f"{cls.__name__}.{field} is not a choice field")
    return {value: option_text(cls, name, value, lang, agreement) for value in values}


def _literal_values(annotation: Any) -> list[str]:
    """The string values of every Literal inside an annotation (through unions, lists and Annotated)."""
    if typing.get_origin(annotation) is typing.Literal:
        return [v for v in typing.get_args(annotation) if isinstance(v, str)]
    values: list[str] = []
    for arg in typing.get_args(annotation):
        values.extend(v for v in _literal_values(arg) if v not in values)
    return values


def model_text(model: type[BaseModel] | str, lang: str | None = None) -> FieldText | None:
    """A model's own title and description (its `_model` entry), or None when its file gives none."""
    lang = language(lang)
    cls = _model_class(model)
    entry = texts(lang).get(cls.__name__, {}).get(MODEL_KEY)
    if not isinstance(entry, dict):
        return None
    return FieldText(str(entry.get("title", "")), str(entry.get("description", "")))
