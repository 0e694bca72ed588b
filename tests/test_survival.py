"""What outlives the agreement is computed from the clauses it has, and no duty falls due after it unnoticed."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, ROOT, example_ids
from ipclauses import LibraryError, assemble, load_library, load_spec
from ipclauses.agreement import Ref
from ipclauses.drafting import drafting_findings


def _named_in_term_article(agreement) -> set[str]:
    term = next(a for a in agreement.articles if a.category == "term" and a.clause_id.endswith(".term"))  # or a type's own
    return {seg.target for p in term.paragraphs for seg in p.segments if isinstance(seg, Ref)}


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_term_article_names_every_article_that_survives(path, lang):
    spec = load_spec(path).model_copy(update={"language": lang})
    agreement = assemble(spec)
    surviving = {a.clause_id for a in agreement.articles if a.survives}
    assert surviving, "confidentiality at least outlives every agreement"
    assert surviving <= _named_in_term_article(agreement)
    assert not drafting_findings(agreement, spec), "every example is free of drafting findings"


def test_the_survival_lists_hold_what_the_issue_found_missing():
    nda = assemble(load_spec(next(p for p in EXAMPLES if p.stem == "nda-mutual-ja")))
    assert "confidentiality.reverse_engineering" in _named_in_term_article(nda)
    jrd = assemble(load_spec(next(p for p in EXAMPLES if p.stem == "jrd-university-en")))
    named = _named_in_term_article(jrd)
    assert {"jrd.joint_ownership", "jrd.option"} & {a.clause_id for a in jrd.articles} <= named
    poc = assemble(load_spec(next(p for p in EXAMPLES if p.stem == "poc-ai-en")))
    assert "poc.next_step" in _named_in_term_article(poc)
    text = poc.article("general.term").text()
    assert "The following survive the expiry or termination of this Agreement: this Article, Article" in text


def test_a_duty_due_after_the_term_in_an_article_that_does_not_survive_is_a_drafting_error(tmp_path):
    """poc-ai-en's next-step decision falls due about 3 months after acceptance, after the 6-month term ends."""
    source = (ROOT / "clause_library" / "next_step" / "poc-next-step.toml").read_text(encoding="utf-8")
    assert 'survives = "indefinitely"' in source
    (tmp_path / "firm" / "next_step").mkdir(parents=True)
    (tmp_path / "firm" / "next_step" / "poc-next-step.toml").write_text(
        source.replace('survives = "indefinitely"\n', ""), encoding="utf-8")
    spec = load_spec(next(p for p in EXAMPLES if p.stem == "poc-ai-en"))
    agreement = assemble(spec, load_library(tmp_path / "firm"))
    [finding] = [f for f in drafting_findings(agreement, spec) if f.id == "drafting.duty_after_term"]
    assert finding.severity == "error" and finding.path == "/next_step/decision_months"
    assert agreement.article("poc.next_step").label in finding.message and "2026-12-10" in finding.message
    assert "poc.next_step" not in _named_in_term_article(agreement)


def test_an_unknown_survival_is_a_load_error(tmp_path):
    source = (ROOT / "clause_library" / "next_step" / "poc-next-step.toml").read_text(encoding="utf-8")
    (tmp_path / "firm" / "next_step").mkdir(parents=True)
    (tmp_path / "firm" / "next_step" / "poc-next-step.toml").write_text(
        source.replace('survives = "indefinitely"', 'survives = "forever"'), encoding="utf-8")
    with pytest.raises(LibraryError, match="survives: one of confidentiality_period, indefinitely"):
        load_library(tmp_path / "firm")
