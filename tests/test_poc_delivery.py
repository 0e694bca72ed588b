"""What a PoC creates (the Results) versus what it delivers (the Report and deliverables marked delivered)."""

import json

import pytest

from conftest import EXAMPLES
from ipclauses import load_spec
from ipclauses.agreement import plain
from ipclauses.draft import make_draft
from ipclauses.errors import SpecError

MODEL = "Fine-tuned defect detection model"


def _data(lang="en"):
    data = json.loads(next(p for p in EXAMPLES if p.stem == "poc-ai-en").read_text(encoding="utf-8"))
    data["language"] = lang
    return data


def _with_model(delivered, lang="en", **results):
    data = _data(lang)
    data["results"]["deliverables"][1]["delivered"] = delivered
    data["results"].update(results)
    return data


def _article(draft, clause_id):
    [article] = [a for a in draft.agreement.articles if a.clause_id == clause_id]
    return "\n".join(plain(p.segments) + " " + " ".join(plain(i.segments) for i in p.items) for p in article.paragraphs)


def _summary_points(draft, party_name, kind):
    [party] = [p for p in draft.summary.parties if p.name == party_name]
    return [p.text for p in getattr(party, kind)]


def test_report_is_the_written_account_only():
    draft = make_draft(load_spec(_with_model(False)))
    definitions = _article(draft, "poc.definitions")
    assert "written report" in definitions and "summary of the data" in definitions
    assert "does not include any computer program, data set, trained model or other Result itself" in definitions
    assert "whether or not it is delivered" in definitions
    assert "treats as part of the Report" not in _article(draft, "poc.report")


def test_model_not_delivered_stays_with_its_creator():
    draft = make_draft(load_spec(_with_model(False)))
    report = _article(draft, "poc.report")
    assert "shall submit the Report to Tokai by" in report
    assert "deliver to Tokai with it the following Results" not in report
    assert f'The following Results stay with the party that created them and are not delivered to the other party under this Agreement: "{MODEL}".' in report
    assert "does not affect the ownership of Intellectual Property Rights" in report
    use = _article(draft, "poc.report_use")
    assert "any right to receive or use a Result that is not delivered to it" in use
    assert "Results delivered with it" not in use
    must = _summary_points(draft, "LumiVision", "must")
    assert any(t.startswith("Deliver the report by") for t in must), must
    rows = {row.what: row.point.text for row in draft.summary.results}
    assert rows[MODEL].startswith("Not handed over: it stays with LumiVision")
    # Ownership still follows results.ownership: LumiVision owns every result.
    assert any("LumiVision owns them alone" in text for text in rows.values())


def test_delivered_model_is_named_and_inspected():
    draft = make_draft(load_spec(_with_model(True)))
    report = _article(draft, "poc.report")
    assert f'deliver to Tokai with it the following Results listed in the Deliverables section of the Schedule: "{MODEL}"' in report
    assert "apply to the Results delivered with the Report as they apply to the Report" in report
    use = _article(draft, "poc.report_use")
    assert "and the Results delivered with it under Article" in use
    must = _summary_points(draft, "LumiVision", "must")
    assert any(t.startswith(f'Deliver the report and "{MODEL}" by') for t in must), must
    rows = {row.what: row.point.text for row in draft.summary.results}
    assert rows[MODEL].startswith("Handed over to Tokai with the report")
    assert rows["Verification Report"].startswith("Delivered to Tokai as the report")


def test_japanese_text_separates_delivery_from_ownership():
    kept = make_draft(load_spec(_with_model(False, "ja")))
    report = _article(kept, "poc.report")
    assert f"「{MODEL}」は、これを創出した当事者の下にとどまり" in report
    assert "知的財産権の帰属に影響を及ぼさず" in report
    assert "引き渡されない本成果を受領し、又は利用する権利" in _article(kept, "poc.report_use")
    handed = make_draft(load_spec(_with_model(True, "ja")))
    assert f"あわせて、別紙の成果物の欄に記載する本成果のうち「{MODEL}」を東海に引き渡さなければならない" \
        in _article(handed, "poc.report").replace("Tokai", "東海")


@pytest.mark.parametrize(("change", "path", "words"), [
    (lambda d: d["results"]["deliverables"][0].update(delivered=False), "/results/deliverables/0/delivered",
     "the Report is always delivered"),
    (lambda d: d["results"]["deliverables"][0].update(created_by="tokai"), "/results/deliverables/0/created_by",
     "the Report is written by LumiVision"),
    (lambda d: d["results"]["deliverables"].append({"name": "Labelled images", "kind": "data_set", "created_by": "tokai"}),
     "/results/deliverables/2/delivered", 'set "delivered": false'),
    (lambda d: (d["results"]["deliverables"][1].update(delivered=False), d["results"].update(ownership={"rule": "sole", "owner": "tokai"})),
     "/results/deliverables/1/delivered", "would belong to Tokai but never be handed over"),
    (lambda d: (d["results"]["deliverables"][1].update(delivered=False),
                d["results"].update(copyright_ownership={"rule": "sole", "owner": "tokai"})),
     "/results/deliverables/1/delivered", "would belong to Tokai but never be handed over"),
])
def test_inconsistent_delivery_is_refused(change, path, words):
    data = _data()
    change(data)
    with pytest.raises(SpecError) as info:
        load_spec(data)
    assert [p for p, _ in info.value.errors] == [path]
    _path, message = info.value.errors[0]
    assert words in message


def test_consistent_delivery_choices_pass():
    data = _data()
    data["results"]["deliverables"].append({"name": "Labelled images", "kind": "data_set", "created_by": "tokai", "delivered": False})
    load_spec(data)
    # The customer owns the model's copyright and receives it: fine.
    load_spec(_with_model(True, copyright_ownership={"rule": "sole", "owner": "tokai"}))
    # An invention kept by the provider, while the customer owns only copyright: fine.
    data = _with_model(False, copyright_ownership={"rule": "sole", "owner": "tokai"})
    data["results"]["deliverables"][1]["kind"] = "invention"
    load_spec(data)


@pytest.mark.parametrize("delivered", [True, False])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_delivery_text_passes_the_drafting_checks(delivered, lang):
    from ipclauses import assemble
    from ipclauses.drafting import drafting_findings

    spec = load_spec(_with_model(delivered, lang, copyright_ownership={"rule": "sole", "owner": "lumivision"}))
    findings = drafting_findings(assemble(spec), spec)
    assert not findings, [(f.id, f.message) for f in findings]


@pytest.mark.parametrize(("delivered", "lang", "words"), [
    (True, "en", "model (LumiVision; delivered with the Report)"),
    (False, "en", "model (LumiVision; not delivered, kept by LumiVision)"),
    (True, "ja", "学習済みモデル（LumiVision。本報告書とともに引き渡す。）"),
    (False, "ja", "学習済みモデル（LumiVision。引き渡さず、LumiVisionが保持する。）"),
])
def test_the_schedule_says_which_results_are_handed_over(delivered, lang, words):
    # The report article sends the reader to the Schedule's deliverables for what is handed over.
    draft = make_draft(load_spec(_with_model(delivered, lang)))
    rows = dict(row for section in draft.agreement.schedule for row in section.rows)
    assert rows["Fine-tuned defect detection model"] == words
