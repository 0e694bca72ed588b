"""The agreement types ipclauses drafts: one module per type, each declaring `AGREEMENT_TYPE`.

Every module of this package except `base` and `rules` is an agreement type and is
registered when the package is imported, so adding a type is adding its module
(with its clause files and an example). The deal spec union (`deal_spec`), the
JSON Schema, validation and the deal checks are built from what is registered:

    kind = type_of(spec)             # the spec's AgreementType
    kind.problems(spec), kind.findings(spec), kind.roles_for(spec)

Types are listed in the order of their `stage` (NDA, PoC, joint R&D, licence, consortium, joint filing,
data provision, AI service use).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator, Mapping
from functools import reduce
from operator import or_
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from ..spec import CommonSpec
from .base import AgreementType, AnyAgreementType, Finding, Problems, Roles, confidentiality_roles

__all__ = ["SPEC_MODELS", "AgreementType", "AnyAgreementType", "Finding", "Problems", "Roles", "UnknownAgreementTypeError",
           "adapter", "confidentiality_roles", "deal_spec", "get_type", "names", "register", "spec_union", "type_of", "types",
           "unregister"]


class UnknownAgreementTypeError(LookupError):
    """An agreement type name no AgreementType is registered for."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no agreement type {name!r} (available: {', '.join(names())})")
        self.name = name


_REGISTRY: dict[str, AnyAgreementType] = {}
_ADAPTER: tuple[tuple[type[CommonSpec], ...], TypeAdapter[Any]] | None = None
_NOT_TYPES = {"base", "rules", "schedules"}


def register(kind: AnyAgreementType) -> None:
    """Make an agreement type known to validation, the schema and the checks; a name is registered once."""
    if kind.name in _REGISTRY:
        raise ValueError(f"an agreement type {kind.name!r} is already registered")
    _REGISTRY[kind.name] = kind


def unregister(name: str) -> None:
    """Remove a type registered with `register` (tests register toy types for a while)."""
    del _REGISTRY[name]


def get_type(name: str) -> AnyAgreementType:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownAgreementTypeError(name) from None


def type_of(spec: CommonSpec) -> AnyAgreementType:
    """The AgreementType of a validated spec."""
    return get_type(spec.type)


def types() -> list[AnyAgreementType]:
    """The registered types, in stage order (then by name)."""
    return sorted(_REGISTRY.values(), key=lambda kind: (kind.stage, kind.name))


def names() -> list[str]:
    """The registered type names, in stage order: what a spec's "type" may be."""
    return [kind.name for kind in types()]


def spec_union() -> Any:
    """The registered types' spec models as one type (`spec.AnySpec`)."""
    models = [kind.spec_model for kind in types()]
    if not models:
        raise LookupError("no agreement type is registered")
    return reduce(or_, models)


def deal_spec() -> Any:
    """The deal spec as pydantic validates it: the registered types' models, discriminated by "type"."""
    union = spec_union()
    return Annotated[union, Field(discriminator="type")] if len(_REGISTRY) > 1 else union


def adapter() -> TypeAdapter[Any]:
    """A pydantic TypeAdapter for `deal_spec()`, built again only when the registered types change."""
    global _ADAPTER
    key = tuple(kind.spec_model for kind in types())
    if _ADAPTER is None or _ADAPTER[0] != key:
        _ADAPTER = (key, TypeAdapter(deal_spec()))
    return _ADAPTER[1]


class _SpecModels(Mapping[str, type[CommonSpec]]):
    """Each registered type's spec model by name, always up to date (`spec.SPEC_TYPES`)."""

    def __getitem__(self, name: str) -> type[CommonSpec]:
        return _REGISTRY[name].spec_model

    def __iter__(self) -> Iterator[str]:
        return iter(names())

    def __len__(self) -> int:
        return len(_REGISTRY)

    def __repr__(self) -> str:
        return f"SPEC_TYPES({', '.join(f'{n}={m.__name__}' for n, m in self.items())})"


SPEC_MODELS: Mapping[str, type[CommonSpec]] = _SpecModels()


def _discover() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name in _NOT_TYPES or info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        kind = getattr(module, "AGREEMENT_TYPE", None)
        if not isinstance(kind, AgreementType):
            raise TypeError(f"{module.__name__} defines no AGREEMENT_TYPE (an AgreementType)")
        if kind.name != info.name:
            raise ValueError(f"{module.__name__} defines the agreement type {kind.name!r}; a type's module is named by its name")
        register(kind)


_discover()
