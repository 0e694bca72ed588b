"""The committed JSON Schema matches the models, and every example passes it as editors check it."""

import json

import jsonschema
import pytest

from conftest import EXAMPLES, ROOT, example_ids
from ipclauses import load_spec
from ipclauses.agreement_types import names
from ipclauses.schema import schema_text

SCHEMA_PATH = ROOT / "schema" / "deal-spec.schema.json"


def test_committed_schema_is_in_sync_with_the_models():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        "schema/deal-spec.schema.json is stale: run `ipclauses schema -o schema/deal-spec.schema.json --force`"
    )


def test_schema_declares_draft_07_for_editors():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema), "draft-07 editors resolve only #/definitions/ references"


def test_there_are_examples_of_every_agreement_type():
    types = {json.loads(p.read_text(encoding="utf-8"))["type"] for p in EXAMPLES}
    assert types == set(names())
    languages = {json.loads(p.read_text(encoding="utf-8"))["language"] for p in EXAMPLES}
    assert languages == {"ja", "en"}


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_example_passes_the_schema_and_the_loader(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert next(iter(data)) == "$schema", "examples start with $schema so editors complete fields"
    assert data["$schema"] == "../schema/deal-spec.schema.json"
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(data))
    assert not errors, [e.message for e in errors]
    load_spec(path)


def test_schema_rejects_what_the_loader_rejects_structurally():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    data["confidentiality"] = {"definition": "everything"}
    assert list(jsonschema.Draft7Validator(schema).iter_errors(data))
