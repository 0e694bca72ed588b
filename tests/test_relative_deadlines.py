"""Deadlines as periods from the effective date ("within 12 weeks"), as well as calendar dates."""

import copy
import datetime as dt

import pytest

from conftest import load_example_data
from ipclauses import SpecError, load_spec
from ipclauses.agreement import plain
from ipclauses.draft import make_draft
from ipclauses.drafting import drafting_findings
from ipclauses.spec import AfterStart, due_date


def _poc(report_deadline, language=None, **poc):
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    data["poc"]["report_deadline"] = report_deadline
    data["poc"].update(poc)
    if language:
        data["language"] = language
    return load_spec(data)


def _article_text(draft, clause_id):
    article = next(a for a in draft.agreement.articles if a.clause_id == clause_id)
    return "\n".join(plain(p.segments) for p in article.paragraphs)


@pytest.mark.parametrize(("period", "start", "due"), [
    ({"days": 10}, dt.date(2026, 4, 1), dt.date(2026, 4, 10)),
    ({"weeks": 3}, dt.date(2026, 4, 1), dt.date(2026, 4, 21)),
    ({"months": 1}, dt.date(2026, 4, 1), dt.date(2026, 4, 30)),
    # the month after 31 January has no 31st: the period ends with February
    ({"months": 1}, dt.date(2027, 1, 31), dt.date(2027, 2, 27)),
])
def test_a_period_ends_on_the_day_the_term_would(period, start, due):
    # The effective date counts as the first day, as it does for the term (a 1-month term from
    # 1 April ends on 30 April).
    assert due_date(start, AfterStart(**period)) == due


def test_the_report_deadline_may_be_weeks_from_the_start_in_both_languages():
    english = make_draft(_poc({"weeks": 12}))
    assert "shall submit the Report to Tokai within 12 weeks from the effective date" in _article_text(english, "poc.report")
    assert "delivers a report within 12 weeks from the effective date." in " ".join(english.summary.overview)
    japanese = make_draft(_poc({"weeks": 12}, language="ja"))
    assert "本契約の効力発生日から12週間以内に、本報告書を" in _article_text(japanese, "poc.report")
    assert "本契約の効力発生日から12週間以内に報告書を" in "".join(japanese.summary.overview)


def test_a_date_still_reads_as_a_date():
    draft = make_draft(_poc("2026-09-30"))
    assert "shall submit the Report to Tokai by 30 September 2026" in _article_text(draft, "poc.report")


def test_a_period_past_the_term_is_refused_with_the_day_it_falls_on():
    data = copy.deepcopy(load_example_data("poc-ai-en"))
    months = data["term"]["months"]
    data["poc"]["report_deadline"] = {"months": months + 1}
    with pytest.raises(SpecError) as info:
        load_spec(data)
    [(path, message)] = info.value.errors
    assert path == "/poc/report_deadline"
    assert "falls on" in message and "after the agreement ends on" in message


@pytest.mark.parametrize("bad", [{}, {"days": 3, "weeks": 1}, {"weeks": 0}, {"years": 1}])
def test_a_period_needs_exactly_one_unit(bad):
    with pytest.raises(SpecError) as info:
        _poc(bad)
    assert all(path.startswith("/poc/report_deadline") for path, _ in info.value.errors)


def test_the_next_step_decision_counts_from_the_computed_report_date():
    # poc-ai-en decides on a next agreement some months after acceptance; with a report due in
    # 4 weeks that decision comes earlier than with the example's date, and the drafting check
    # (a duty after the term must survive it) still holds.
    draft = make_draft(_poc({"weeks": 4}))
    assert not [f for f in drafting_findings(draft.agreement, draft.spec) if f.severity == "error"]


def test_jrd_milestones_may_be_months_from_the_start():
    data = copy.deepcopy(load_example_data("jrd-startup-ja"))
    data["jrd"]["schedule"][0]["due"] = {"months": 4}
    draft = make_draft(load_spec(data))
    rows = [row for section in draft.agreement.schedule for row in section.rows]
    assert ("本契約の効力発生日から4か月", data["jrd"]["schedule"][0]["milestone"]) in rows
