"""JSON Schema for deal specs, generated from the pydantic models.

Written as draft-07 because editors (VS Code in particular) complete and check
draft-07 fully but 2020-12 only partly.
"""

from __future__ import annotations

import json
from typing import Any

from . import agreement_types

DRAFT = "http://json-schema.org/draft-07/schema#"


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


def deal_spec_schema() -> dict[str, Any]:
    """The deal spec's JSON Schema as a dict: one branch for each registered agreement type."""
    raw = agreement_types.adapter().json_schema(by_alias=True)
    schema = _to_draft7(raw)
    _party_counts(schema)
    body: dict[str, Any] = {
        "$schema": DRAFT,
        "title": "ipclauses deal spec",
        "description": "A deal between two parties, turned by ipclauses into an agreement, a summary and checks.",
    }
    body.update(schema)
    return body


def schema_text() -> str:
    """The schema as the exact text committed in schema/deal-spec.schema.json."""
    return json.dumps(deal_spec_schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
