"""`ipclauses new`: the interview asks for a deal one question at a time and writes a spec that validates.

The answers files in examples/answers/ reproduce every example; a pseudo-terminal answers the
interview in Japanese end to end; the ownership guide is a decision table.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES, ROOT, example_ids
from ipclauses import agreement_types, assemble, load_spec
from ipclauses.checks import run_checks
from ipclauses.cli import main
from ipclauses.interview import (
    QUESTIONS,
    InterviewError,
    build_spec,
    flatten_answers,
    read_answers,
    run_interview,
    spec_text,
)
from ipclauses.interview_guide import BOTH, EACH, REASONS, SCOPES, GuideAnswers, Recommendation, recommend
from ipclauses.interview_words import options_of, title
from ipclauses.locales import codes, get_locale

ANSWERS = ROOT / "examples" / "answers"
TODAY = dt.date(2026, 3, 15)


def answers_file(example: Path) -> Path:
    found = [p for p in (ANSWERS / f"{example.stem}.json", ANSWERS / f"{example.stem}.toml") if p.exists()]
    assert len(found) == 1, f"{example.name} needs exactly one answers file in examples/answers/"
    return found[0]


# --- the ownership guide: a decision table --------------------------------------------------------

STARTUP, COMPANY, UNIVERSITY = ("lab", "startup"), ("maker", "large_company"), ("uni", "university")


@pytest.mark.parametrize(("parties", "core", "payer", "exploiter", "separate", "publish", "expected"), [
    # a startup with the core technology keeps the results; the paying company gets a limited exclusive licence
    ((COMPANY, STARTUP), "lab", "maker", "maker", False, False,
     ("sole", "lab", "exclusive_then_non_exclusive", "maker", "startup_exclusive")),
    # ... a non-exclusive one when each pays its own way
    ((COMPANY, STARTUP), "lab", EACH, "maker", False, False, ("sole", "lab", "non_exclusive", "maker", "startup_non_exclusive")),
    # both bring technology: the startup's business is its technology, so it still owns
    ((COMPANY, STARTUP), BOTH, "maker", BOTH, False, False,
     ("sole", "lab", "exclusive_then_non_exclusive", "maker", "startup_exclusive")),
    # the owner exploits the results itself: no licence
    ((COMPANY, STARTUP), "lab", "lab", "lab", False, False, ("sole", "lab", "none", None, "owner_exploits")),
    # the company brings the core technology: it owns, and the startup that will sell gets a licence
    ((COMPANY, STARTUP), "maker", "maker", "lab", False, False, ("sole", "maker", "non_exclusive", "lab", "owner_non_exclusive")),
    # a university: inventor ownership and an option for the company that will exploit
    ((COMPANY, UNIVERSITY), "uni", "maker", "maker", False, True, ("inventor", None, "option", "maker", "university_option")),
    ((COMPANY, UNIVERSITY), BOTH, EACH, BOTH, False, True, ("inventor", None, "option", "maker", "university_option")),
    ((COMPANY, UNIVERSITY), "uni", EACH, "uni", False, True, ("inventor", None, "none", None, "university_inventor")),
    # ... unless the company pays for research on its own technology: it owns, the university keeps research use
    ((COMPANY, UNIVERSITY), "maker", "maker", "maker", False, True, ("sole", "maker", "none", None, "university_funded")),
    ((COMPANY, UNIVERSITY), "uni", "maker", "maker", False, False, ("sole", "maker", "none", None, "university_funded")),
    # two companies
    ((COMPANY, ("other-co", "large_company")), BOTH, EACH, BOTH, True, False, ("by_field", None, "none", None, "split_by_field")),
    ((COMPANY, ("other-co", "large_company")), BOTH, EACH, BOTH, False, False, ("joint", None, "none", None, "joint_same_field")),
    ((COMPANY, ("other-co", "large_company")), BOTH, EACH, "other-co", False, False,
     ("sole", "other-co", "non_exclusive", "maker", "exploiter_owns")),
    ((COMPANY, ("other-co", "other")), "maker", "other-co", "other-co", False, False,
     ("sole", "maker", "exclusive_then_non_exclusive", "other-co", "owner_exclusive")),
])
def test_the_guide_recommends_an_ownership_rule_and_a_scope(parties, core, payer, exploiter, separate, publish, expected):
    rec = recommend(GuideAnswers(parties, core, payer, exploiter, separate, publish))
    assert (rec.rule, rec.owner, rec.scope, rec.licensee, rec.reason) == expected
    assert rec.academic_freedom == (publish and any(kind == "university" for _, kind in parties))


@pytest.mark.parametrize("code", codes())
def test_every_recommendation_reads_as_a_rule_a_scope_and_two_sentences(code):
    locale = get_locale(code)
    words = locale.words.interview
    assert set(words.guide_reasons) == set(REASONS) and set(words.guide_scopes) == set(SCOPES)
    names = {"lab": "Lab", "uni": "Uni"}
    for reason in REASONS:
        text = Recommendation("sole", "lab", "option", "uni", reason, "uni").text(names, locale)
        why = text.split("\n")[-1]
        # two sentences: "." before a capital or the end ("art. 73" is no end), or "。"
        ends = re.findall(r"[.](?=\s+[A-Z]|$)", why) if code != "ja" else re.findall("。", why)
        assert len(ends) == 2, (reason, why)
        assert "{" not in text and "Lab" in text


def test_the_interview_follows_an_accepted_recommendation():
    answers = read_answers(ANSWERS / "jrd-startup-ja.json")
    assert answers["guide.accept"] is True and "results.ownership.rule" not in answers
    spec = run_interview("ja", given=answers).spec
    assert (spec.results.ownership.rule, spec.results.ownership.owner) == ("sole", "thermalink")
    assert (spec.licence.licensee, spec.licence.exclusivity) == ("yamato-denki", "exclusive_then_non_exclusive")


def test_an_exclusive_licence_the_guide_recommends_in_a_poc_outlasts_the_poc():
    """A six-month PoC whose results the paying customer may use exclusively for a year: the licence lasts
    years, not the PoC's months, so the exclusivity the guide recommended is not cut short by the licence."""
    answers = {k: v for k, v in read_answers(ANSWERS / "poc-ai-en.json").items()
               if not k.startswith(("results.ownership", "licence", "guide"))}
    guided = {"guide": True, "guide.core_technology": "lumivision", "guide.payer": "tokai", "guide.exploiter": "tokai",
              "licence.exclusive_months": 12, "licence.royalty.running_percent": 3}
    spec = run_interview("en", given={**answers, **guided}).spec
    assert spec.licence.exclusivity == "exclusive_then_non_exclusive" and spec.term.months == 6
    assert (spec.licence.term.kind, spec.licence.term.years) == ("years", 10)
    assert "licence.exclusivity_outlasts_licence" not in {f.id for f in run_checks(spec)}
    # a non-exclusive licence lasts as long as the PoC unless the answers say otherwise
    plain = run_interview("en", given={**answers, **guided, "guide.payer": EACH}).spec
    assert (plain.licence.exclusivity, plain.licence.term.kind) == ("non_exclusive", "agreement_term")


def test_a_role_question_is_worded_for_the_type_it_asks_about():
    """"Who provides" means the PoC's verifier, the AI service's operator or the data's holder, by type."""
    question = next(q for q in QUESTIONS if q.id == "roles.provider")
    for code in codes():
        asked = {kind: title(question, {"type": kind}, get_locale(code)) for kind in ("poc", "ai_use", "data_provision")}
        assert len(set(asked.values())) == 3, asked
    assert "PoC" in title(question, {"type": "poc"}, get_locale("en"))
    assert "データ" in title(question, {"type": "data_provision"}, get_locale("ja"))


def test_the_details_behind_more_reach_the_spec():
    """Who decides on the next step, when exclusivity starts and the royalty's currency can be answered too."""
    answers = read_answers(ANSWERS / "poc-ai-en.json")
    details = {"next_step.decider": "tokai", "licence": True, "licence.exclusivity": "exclusive_then_non_exclusive",
               "licence.exclusive_months": 12, "more.scope": True, "licence.exclusive_from": "report_acceptance",
               "licence.royalty.kind": "paid", "licence.royalty.running_percent": 3, "more.money": True}
    spec = run_interview("en", given={**answers, **details}).spec
    assert spec.next_step.decider == "tokai" and spec.licence.exclusive_from == "report_acceptance"
    assert spec.licence.royalty.currency == "JPY"  # the deal's currency unless the answer names another
    usd = run_interview("en", given={**answers, **details, "licence.royalty.currency": "USD"}).spec
    assert usd.licence.royalty.currency == "USD"
    assert run_interview("en", given=answers).spec.next_step.decider is None  # left out: the usual party decides


def test_with_a_university_the_guide_keeps_inventions_with_their_inventors_and_offers_an_option():
    answers = {k: v for k, v in read_answers(ANSWERS / "jrd-university-ja.json").items()
               if not k.startswith(("results.ownership", "option.", "guide"))}
    outcome = run_interview("ja", given={**answers, "guide": True})  # the guide's questions keep their defaults
    spec = outcome.spec
    assert spec.results.ownership.rule == "inventor" and spec.publication.academic_freedom
    assert (spec.option.kind, spec.option.holder) == ("exclusive_licence", "asahina")


# --- every example from its answers -----------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLES, ids=example_ids())
def test_the_answers_file_of_each_example_reproduces_it_and_builds(example, tmp_path):
    out = tmp_path / "deal.json"
    result = CliRunner().invoke(main, ["new", "--answers", str(answers_file(example)), "-o", str(out), "--lang", "en"])
    assert result.exit_code == 0, result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written.pop("$schema") == "./deal-spec.schema.json"
    assert written == {k: v for k, v in json.loads(example.read_text(encoding="utf-8")).items() if k != "$schema"}
    assert "ipclauses schema --lang en -o" in result.output and "deal-spec.schema.json" in result.output
    spec = load_spec(out)
    assert assemble(spec).text() == assemble(load_spec(example)).text()
    assert out.with_suffix(".docx").stat().st_size > 10_000  # "build": true
    assert (tmp_path / "deal.summary.html").exists()


def test_every_example_has_an_answers_file_and_no_other():
    assert sorted(p.stem for p in ANSWERS.iterdir()) == sorted(p.stem for p in EXAMPLES)


def test_toml_answers_are_the_same_answers_as_json(tmp_path):
    toml = read_answers(ANSWERS / "nda-mutual-ja.toml")
    as_json = tmp_path / "a.json"
    as_json.write_text(json.dumps({**toml, "effective_date": "2026-04-01"}, ensure_ascii=False), encoding="utf-8")
    assert run_interview("ja", given=toml).document == run_interview("ja", given=read_answers(as_json)).document


def test_nested_answers_are_the_same_as_answers_by_question_id():
    nested = flatten_answers({"confidentiality": {"definition": "marked"}, "parties": [{"kind": "startup"}]})
    assert nested == {"confidentiality.definition": "marked", "parties.0.kind": "startup"}


def test_the_same_answers_write_the_same_bytes():
    answers = read_answers(ANSWERS / "poc-ai-en.json")
    first, second = (spec_text(run_interview("en", given=answers, schema="./s.json").document) for _ in range(2))
    assert first == second and first.startswith('{\n  "$schema": "./s.json",\n  "type": "poc",')


# --- what an answers file gets wrong, named by question ------------------------------------------------


def _poc(**changes) -> dict:
    answers = read_answers(ANSWERS / "poc-ai-en.json")
    answers.update(changes)
    return {k: v for k, v in answers.items() if v is not None}


@pytest.mark.parametrize(("changes", "expected"), [
    ({"poc.verification": None}, "poc.verification: no answer (What will the PoC verify?)"),
    ({"term.months": "six"}, "term.months: Write a whole number, e.g. 30."),
    ({"confidentiality.definition": "secret"}, 'confidentiality.definition: Choose an option by its number or name'),
    ({"effective_date": "31/12/2026"}, "effective_date: Write a date as YYYY-MM-DD"),
    ({"parties.1.id": "Lumi Vision"}, "parties.1.id: Use lower-case letters"),
    # a valid answer that the spec's rules refuse: the question and the field are named
    ({"poc.report_deadline": "2027-12-31"}, "poc.report_deadline (/poc/report_deadline): falls on 2027-12-31, after the agreement ends"),
])
def test_an_answers_file_error_names_the_question_to_fix(changes, expected):
    with pytest.raises(InterviewError) as caught:
        run_interview("en", given=_poc(**changes), source="answers.json")
    assert f"answers.json: {expected}" in str(caught.value)


def test_an_unknown_answer_is_refused_with_a_suggestion():
    with pytest.raises(InterviewError, match=r'"confidentiality.defintion": no such question \(did you mean "confidentiality.definition"\?\)'):
        flatten_answers({"confidentiality": {"defintion": "marked"}}, "a.json")


def test_answers_that_do_not_apply_are_reported_not_used():
    outcome = run_interview("en", given=_poc(**{"confidentiality.announcement": "agreed_text"}))
    assert outcome.ignored == ("confidentiality.announcement",)
    assert "announcement" not in outcome.document["confidentiality"]


# --- asking: skipped questions, defaults, options, asking again ------------------------------------


class Scripted:
    """A terminal that answers by the question it is asked (a fragment of its text), else presses Enter."""

    def __init__(self, script: list[tuple[str, str]]) -> None:
        self.script, self.question, self.lines, self.asked = list(script), "", [], []

    def show(self, text: str) -> None:
        self.lines.append(text)
        if text and not text.startswith(" "):
            self.question = text

    def ask(self, prompt: str, default: str) -> str:
        where, self.question = f"{self.question} {prompt}", ""
        self.asked.append((where, default))
        assert sum(1 for w, _ in self.asked[-5:] if w == where) < 4, f"asked again and again: {where}\n{self.lines[-5:]}"
        for key, answer in self.script:
            if key in where:
                self.script.remove((key, answer))
                return answer
        return default


PARTIES_EN = [
    ("Party 1: full registered name", "Kanto Motors Co., Ltd."), ("Party 1: short name", "Kanto"),
    ("Party 1: what kind", "1"), ("Party 1: registered address", "1-1 Otemachi, Tokyo"),
    ("Party 1: name of the person", "Taro Yamada"), ("Party 1: title", "President"),
    ("Party 2: full registered name", "Nano Sense Inc."), ("Party 2: short name", "Nano Sense"),
    ("Party 2: what kind", "startup"), ("Party 2: registered address", "2-2 Tsukuba, Ibaraki"),
    ("Party 2: name of the person", "Hana Sato"), ("Party 2: title", "CEO"),
]
NDA_EN = [("What kind of agreement", "1"), *PARTIES_EN, ("disclose information, or only one", "one_way"),
          ("Which party discloses", "Nano Sense"),
          ("working together on", "Evaluating Nano Sense's gas sensor for Kanto's engine test benches")]


def test_an_nda_asks_no_licence_results_or_money_questions():
    terminal = Scripted(NDA_EN)
    outcome = run_interview("en", terminal=terminal, today=TODAY)
    asked = " ".join(where for where, _ in terminal.asked)
    for topic in ("licence", "results", "PoC", "currency", "royalty", "recommendation"):
        assert topic not in asked
    spec = outcome.spec
    assert (spec.type, spec.confidentiality.direction, spec.parties[1].role, spec.parties[1].id) == (
        "nda", "one_way", "discloser", "nano-sense")
    assert outcome.document["effective_date"] == "2026-04-01"  # the default: the first of next month


def test_defaults_are_shown_and_choices_explain_themselves_and_whom_they_favour():
    terminal = Scripted(NDA_EN)
    run_interview("en", terminal=terminal, today=TODAY)
    shown = "\n".join(terminal.lines)
    # one line per option: what it means, and whom it favours, by name once the roles are known
    assert re.search(r"  1\. .+: .+ \[Favours the discloser: Nano Sense\]", shown), shown
    assert re.search(r"\[Favours the recipient: Kanto\]", shown)
    defaults = dict(terminal.asked)
    assert any(d == "3" for w, d in defaults.items() if "how many years" in w)
    assert any(d == "12" for w, d in defaults.items() if "How many months" in w)


def test_a_problem_the_spec_rules_find_asks_that_question_again():
    script = [("What kind of agreement", "poc"), *PARTIES_EN, ("carries out the PoC", "2"),
              ("working together on", "Verifying Nano Sense's gas sensor on Kanto's engine test benches"),
              ("What will the PoC verify", "Sensor accuracy against the reference analyser on three benches"),
              ("When is the Report due", "2027-06-30"), ("Take this recommendation", "no"),
              ("Does the party that does not own", "no"), ("What is the PoC fee", "2000000"),
              # the Report falls after the 6-month term: the interview asks for the deadline again
              ("When is the Report due", "16 weeks")]
    terminal = Scripted(script)
    outcome = run_interview("en", terminal=terminal, today=TODAY)
    assert any("poc.report_deadline (/poc/report_deadline): falls on 2027-06-30" in line for line in terminal.lines)
    assert outcome.spec.poc.report_deadline.weeks == 16
    assert not terminal.script


def test_a_wrong_answer_is_explained_and_asked_again_and_a_question_mark_shows_help():
    # each answer is typed after the line the interview shows: the reason, then the help
    terminal = Scripted([("What kind of agreement", "99"),
                         (f"Choose an option by its number or name (1–{len(agreement_types.names())}).", "?"),
                         ("Which agreement to draft.", "nda"), *NDA_EN[1:]])  # the type's description, from the schema text
    outcome = run_interview("en", terminal=terminal, today=TODAY)
    assert not terminal.script and outcome.spec.type == "nda"


def test_the_interview_words_exist_in_every_language():
    """Every question reads as words (the Locale's, or its field's title in the schema text), in each language."""
    for code in codes():
        locale = get_locale(code)
        for question in QUESTIONS:
            texts = {title(question, {"type": kind}, locale) for kind in agreement_types.names()}
            worded = {text for text in texts if text != question.id}
            assert worded and all(text and "{" not in text for text in worded), (code, question.id)
            for item in question.items:
                assert any(title(item, {"type": kind}, locale, question.id) != item.id
                           for kind in agreement_types.names()), (code, question.id, item.id)


@pytest.mark.parametrize("code", codes())
def test_choices_have_a_label_and_a_meaning_in_every_language(code):
    locale = get_locale(code)
    for path in (ANSWERS / "jrd-university-ja.json", ANSWERS / "license-en.json", ANSWERS / "poc-medical-ja.json"):
        answers = run_interview(code, given=read_answers(path)).answers
        for question in QUESTIONS:
            if question.kind != "choice" or (question.choices and not question.choices.schema):
                continue
            for option in options_of(question, answers, locale):
                assert option.label and (option.meaning or question.choices), (code, question.id, option.value)


def test_build_spec_leaves_out_defaults_nobody_gave():
    answers = {"type": "nda", "confidentiality.definition": "marked_or_confirmed", "term.months": 12, "project.kpis": []}
    # taken as the default without asking, and the spec's default anyway: left out; typed or required: written
    assert build_spec(answers, {"confidentiality.definition", "term.months"}) == {"type": "nda", "term": {"months": 12}}
    assert build_spec(answers)["confidentiality"] == {"definition": "marked_or_confirmed"}


# --- the command ------------------------------------------------------------------------------------


def test_new_never_replaces_a_file_without_force(tmp_path):
    out = tmp_path / "deal.json"
    out.write_text("{}", encoding="utf-8")
    args = ["new", "--answers", str(ANSWERS / "nda-oneway-en-ny.json"), "-o", str(out)]
    result = CliRunner().invoke(main, args, input="")
    assert result.exit_code == 1 and "already exists" in result.output and out.read_text() == "{}"
    assert CliRunner().invoke(main, [*args, "--force"]).exit_code == 0
    assert load_spec(out).type == "nda"


def test_new_speaks_the_language_of_the_locale(tmp_path):
    out = tmp_path / "deal.json"
    result = CliRunner(env={"LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}).invoke(
        main, ["new", "--answers", str(ANSWERS / "nda-oneway-en-ny.json"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{out}を書き出しました。" in result.output and "ipclauses schema --lang ja -o" in result.output


def test_an_answers_file_that_is_not_json_says_where(tmp_path):
    bad = tmp_path / "a.json"
    bad.write_text('{"type": "nda",}', encoding="utf-8")
    result = CliRunner().invoke(main, ["new", "--answers", str(bad), "-o", str(tmp_path / "d.json")])
    assert result.exit_code == 1 and f"{bad}: not valid JSON at line 1" in result.output


ENGLISH_USER = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


@pytest.mark.parametrize(("name", "text", "english", "japanese"), [
    ("a.json", '{"type": "nda",}',
     "not valid JSON at line 1, column 16: Expecting property name enclosed in double quotes",
     "JSON として正しくありません（1行目、16文字目）：項目名を二重引用符で囲んで書いてください"),
    ("a.json", '{"confidentiality": {"defintion": "marked"}}',
     '"confidentiality.defintion": no such question (did you mean "confidentiality.definition"?)',
     '"confidentiality.defintion" という質問はありません（"confidentiality.definition" の間違いではありませんか？）'),
    ("a.toml", 'type = "nda"\nfoo bar\n',
     "not valid TOML: Expected '=' after a key in a key/value pair (at line 2, column 5)",
     "TOML として正しくありません（2行目、5文字目）：キーの後に「=」が必要です（キー = 値 の形で書いてください）"),
    ("a.json", '["nda"]',
     'must be an object of answers keyed by question id, e.g. {"type": "nda"}',
     '質問 ID をキーにした回答のオブジェクトで書いてください（例：{"type": "nda"}）'),
    ("a.json", b'{"type": "\xff"}', "not UTF-8 text (save the file as UTF-8)",
     "UTF-8 のテキストではありません。UTF-8 で保存し直してください"),
    ("missing.json", None, "file not found (check the path)", "ファイルが見つかりません（パスを確認してください）"),
])
def test_a_bad_answers_file_reads_in_japanese_with_lang_ja(tmp_path, name, text, english, japanese):
    bad = tmp_path / name
    if isinstance(text, str):
        bad.write_text(text, encoding="utf-8")
    elif text is not None:
        bad.write_bytes(text)
    args = ["new", "--answers", str(bad), "-o", str(tmp_path / "d.json")]
    result = CliRunner(env=ENGLISH_USER).invoke(main, [*args, "--lang", "ja"])
    assert (result.exit_code, result.stderr) == (1, f"エラー：{bad}: {japanese}\n")
    result = CliRunner(env=ENGLISH_USER).invoke(main, args)
    assert (result.exit_code, result.stderr) == (1, f"error: {bad}: {english}\n"), "the English is as it was"
    assert not (tmp_path / "d.json").exists()


def test_wrong_answers_and_the_error_around_them_read_in_japanese(tmp_path):
    # What is wrong with an answer is said in the interview's language; the error around it follows --lang too.
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(_poc(**{"term.months": "six", "poc.verification": None}), ensure_ascii=False), encoding="utf-8")
    result = CliRunner(env=ENGLISH_USER).invoke(main, ["new", "--answers", str(answers), "-o", str(tmp_path / "d.json"),
                                                       "--lang", "ja"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"エラー：{answers}: ") and len(lines) == 2, lines
    assert f"{answers}: term.months: 整数で入力してください（例：30）。" in result.stderr
    assert f"{answers}: poc.verification：回答がありません（" in result.stderr
    assert not re.search(r"[A-Za-z]{3,} [a-z]{3,}", result.stderr.replace(str(answers), "")), "no English sentence"


def test_an_interview_error_keeps_its_lines_and_reads_in_either_language():
    with pytest.raises(InterviewError) as caught:
        flatten_answers({"nonsense": 1}, "a.json")
    error = caught.value
    assert error.source == "a.json" and [line.id for line in error.lines] == ["answers.no_such_question"]
    assert str(error) == error.render() == error.render("en") == 'a.json: "nonsense": no such question'
    assert error.render("ja") == 'a.json: "nonsense" という質問はありません'
    texts = InterviewError("b.json", ["term.months: 整数で入力してください（例：30）。"])  # said already in the interview's language
    assert texts.render("en") == texts.render("ja") == str(texts) == "b.json: term.months: 整数で入力してください（例：30）。"


# --- the interactive interview through a pseudo-terminal, in Japanese -----------------------------------

# (a fragment of the question, the answer typed); every other question is answered with Enter.
PTY_SCRIPT = [
    ("どの種類の契約", "2"),
    ("当事者1の正式名称", "東邦精機株式会社"), ("当事者1を契約書", "東邦精機"), ("当事者1はどのような", "1"),
    ("当事者1の所在地", "愛知県名古屋市中村区名駅一丁目1番1号"), ("当事者1で署名する人の氏名", "山本 一郎"),
    ("当事者1で署名する人の役職", "代表取締役社長"),
    ("当事者2の正式名称", "株式会社マテリアルラボ"), ("当事者2を契約書", "マテリアルラボ"), ("当事者2はどのような", "2"),
    ("当事者2の所在地", "茨城県つくば市千現二丁目1番6号"), ("当事者2で署名する人の氏名", "高橋 美咲"),
    ("当事者2で署名する人の役職", "代表取締役"),
    ("何のために協力", "マテリアルラボの放熱材料を東邦精機のモーター部品に適用できるかを検証すること"),
    ("何を達成したい", "放熱材料を採用するかどうかを判断する"),
    ("評価指標", "熱伝導率 10 W/m·K以上"),
    ("PoC）で何を検証", "放熱材料の試作品をモーター部品に組み込み、熱伝導率と耐久性を測定すること"),
    ("提出期限", "12週間"),
    ("独占期間", "24"),
    ("委託料", "３，０００，０００"),  # full-width digits, as a Japanese keyboard types them
    ("ランニング・ロイヤルティ（", "2"),
    ("今すぐ契約書を作成", "はい"),
]
PROMPT_END = re.compile(r"(?:\]|[^\s\]]): $")


def _drive(argv: list[str], script: list[tuple[str, str]], cwd: Path, timeout: float = 90) -> str:
    """Run a command on a pseudo-terminal, typing each answer when its question is asked; return the transcript."""
    master, slave = pty.openpty()
    env = {**os.environ, "LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "PYTHONUTF8": "1", "COLUMNS": "200"}
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env, close_fds=True)
    os.close(slave)
    transcript, block, pending = b"", b"", list(script)
    deadline = time.monotonic() + timeout
    try:
        while True:
            if time.monotonic() > deadline:
                raise AssertionError("the interview did not finish in time:\n" + transcript.decode("utf-8", "replace")[-3000:])
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed: the command ended
                break
            if not chunk:
                break
            transcript += chunk
            block += chunk
            text = block.decode("utf-8", "replace")
            if PROMPT_END.search(text):
                answer = next(((k, a) for k, a in pending if k in text), None)
                if answer is not None:
                    pending.remove(answer)
                os.write(master, ((answer[1] if answer else "") + "\r").encode("utf-8"))
                block = b""
        assert proc.wait(timeout=30) == 0, transcript.decode("utf-8", "replace")[-3000:]
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    assert not pending, f"never asked: {pending}"
    return transcript.decode("utf-8", "replace")


def test_a_project_lead_answers_the_interview_in_japanese_on_a_terminal(tmp_path):
    transcript = _drive([sys.executable, "-m", "ipclauses", "new", "-o", "poc.json"], PTY_SCRIPT, tmp_path)
    # asked in Japanese (from LANG), one question at a time, with the ownership guide's recommendation
    assert "【成果と権利の帰属】" in transcript and "おすすめ：" in transcript and "特許法第73条" in transcript
    assert "［委託者（検証を依頼する側）に有利：東邦精機］" in transcript or "に有利：東邦精機］" in transcript
    spec = load_spec(tmp_path / "poc.json")
    assert (spec.type, spec.language, spec.poc.fee.amount, spec.poc.report_deadline.weeks) == ("poc", "ja", 3_000_000, 12)
    assert (spec.results.ownership.rule, spec.results.ownership.owner) == ("sole", "party2")
    assert spec.licence is not None and spec.licence.exclusive_months == 24
    assert json.loads((tmp_path / "poc.json").read_text(encoding="utf-8"))["$schema"] == "./deal-spec.schema.json"
    assert "poc.jsonを書き出しました。" in transcript and "ipclauses schema --lang ja -o deal-spec.schema.json" in transcript
    assert (tmp_path / "poc.docx").exists() and (tmp_path / "poc.summary.html").exists()
