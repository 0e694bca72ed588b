"""Drafting checks over assembled agreements: clean for every example, and each one can fire."""

import copy

import pytest

from conftest import EXAMPLES, NDA_EXAMPLE, example_ids, load_example_data
from ipclauses import assemble, load_library, load_spec
from ipclauses.drafting import drafting_findings


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_every_example_passes_the_drafting_checks(path):
    spec = load_spec(path)
    for lang in ("ja", "en"):
        localized = spec.model_copy(update={"language": lang})
        findings = drafting_findings(assemble(localized), localized)
        assert not findings, [(f.id, f.message) for f in findings]


CLAUSE = '''id = "custom.extra"
category = "general"
title = {{ ja = "追加条項", en = "Additional Terms" }}
agreements = ["nda"]
order = 995

[[variants]]
id = "only"
balance = "balanced"
text.ja = "{ja}"
text.en = "{en}"
summary.ja = "追加の条項です。"
summary.en = "An extra term."
commentary.ja = "テスト用である。"
commentary.en = "For tests."
'''


def _findings(tmp_path, ja="各当事者は、誠実に協力する。", en="Each party shall cooperate in good faith.", spec_changes=None):
    folder = tmp_path / "firm" / "general"
    folder.mkdir(parents=True)
    (folder / "extra.toml").write_text(CLAUSE.format(ja=ja, en=en), encoding="utf-8")
    library = load_library(tmp_path / "firm")
    data = copy.deepcopy(load_example_data(NDA_EXAMPLE.stem))
    for key, value in (spec_changes or {}).items():
        data[key] = value
    ids = set()
    for lang in ("ja", "en"):
        data["language"] = lang
        spec = load_spec(data)
        ids |= {f.id for f in drafting_findings(assemble(spec, library), spec)}
    return ids


def test_clean_custom_clause_passes(tmp_path):
    assert _findings(tmp_path) == set()


@pytest.mark.parametrize(
    "ja,en,expected",
    [
        ("各当事者は、誠実に協力する。", "Each party shall cooperate and/or consult.", "drafting.and_or"),
        ("各当事者は、誠実に協力する。", "Each party shall answer within thirty (30) days.", "drafting.number_words"),
        ("各当事者は、誠実に協力します。", "Each party shall cooperate in good faith.", "drafting.mixed_style"),
        ("各当事者は、誠実に協力する。", "Each party shall fill in {{ '{{' }} name }}.", "drafting.placeholder"),
        ('本契約において「本目的」とは追加の目的をいう。', 'In this Agreement, \\"Purpose\\" means an extra purpose.', "drafting.term_defined_twice"),
    ],
    ids=["and-or", "words-and-digits", "desu-masu", "placeholder", "defined-twice"],
)
def test_each_drafting_check_fires(tmp_path, ja, en, expected):
    assert expected in _findings(tmp_path, ja=ja, en=en)


def test_user_values_are_not_restyled(tmp_path):
    """A party may be called 'Research and/or Development Ltd.': that is their name, not our drafting."""
    data = load_example_data(NDA_EXAMPLE.stem)
    parties = copy.deepcopy(data["parties"])
    parties[0]["legal_name"] = "Research and/or Development {{ Ltd }} です。"
    assert _findings(tmp_path, spec_changes={"parties": parties}) == set()
