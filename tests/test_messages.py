"""Validation messages come from one catalogue, in every language, and follow --lang or the user's locale.

Each message has an id in the locales' `words.messages.templates`; a problem keeps the id and
its values, so `SpecError.render(lang)` gives the same problems in Japanese or English, while
`Problem.message`, `str(SpecError)` and `validate --json` stay English (with the ids).
"""

from __future__ import annotations

import ast
import copy
import json
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, load_example_data
from ipclauses import load_spec
from ipclauses.agreement_types import types
from ipclauses.cli import main
from ipclauses.errors import Problem, SpecError
from ipclauses.locales import codes, get_locale, reference_locale
from ipclauses.messages import LOCALE_VARIABLES, user_language

SOURCE = ROOT / "src" / "ipclauses"
EN, JA = get_locale("en"), get_locale("ja")
# The modules whose messages are all the catalogue's.
CONVERTED = [SOURCE / "loading.py", *sorted((SOURCE / "agreement_types").glob("*.py"))]
# Ids built from a variable part, and the English words they are looked up by.
DYNAMIC = ("json.", "json_kind.", "name_kind.")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _spec_error(data: object) -> SpecError:
    with pytest.raises(SpecError) as info:
        load_spec(data)  # type: ignore[arg-type]
    return info.value


def _with(name: str, path: str, value: object) -> dict:
    data = load_example_data(name)
    node = data
    *parents, last = path.strip("/").split("/")
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    node[int(last) if isinstance(node, list) else last] = value
    return data


# --- the catalogue ----------------------------------------------------------------------


@pytest.mark.parametrize("code", codes())
def test_every_message_id_has_its_text_in_every_language_with_the_same_fields(code):
    words, english = get_locale(code).words.messages, EN.words.messages
    assert set(words.templates) == set(english.templates), "a message's text is missing or extra"
    for id, template in words.templates.items():
        assert template.strip(), id
        assert _fields(template) == _fields(english.templates[id]), f"{id}: not the fields the English names"
    assert set(words.agreement_types) == set(english.agreement_types)
    assert len(words.counts) == len(english.counts)


def test_english_names_each_agreement_type_as_its_module_does():
    assert {kind.name: kind.described_as for kind in types()} == dict(EN.words.messages.agreement_types)


def test_japanese_texts_are_written_in_japanese():
    # Keywords and field paths read the same in both; every other message is translated.
    same = {id for id, text in JA.words.messages.templates.items() if text == EN.words.messages.templates[id]}
    assert same == {"json_kind.boolean", "json_kind.null", "licence.lengthen_years"}
    for id, text in JA.words.messages.templates.items():
        if id not in same:
            # Kana, kanji, or (a frame such as "{name}：{problem}") Japanese punctuation: 、。「」（）：
            assert re.search("[\u3000-\u30ff\u4e00-\u9fff\uff01-\uff1f]", text), f"{id}: {text!r}"


def _ids_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_every_id_the_code_uses_is_in_the_catalogue_and_every_id_is_used():
    templates = EN.words.messages.templates
    literals = set().union(*(_ids_in(path) for path in SOURCE.rglob("*.py")))
    looks_like_id = re.compile(r"[a-z_]+\.[a-z0-9_]+")
    namespaces = {id.split(".")[0] for id in templates}
    used = {s for s in literals if looks_like_id.fullmatch(s) and s.split(".")[0] in namespaces}
    # Finding ids share some namespaces ("licence."); only message() calls must name catalogue ids.
    called = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "message" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    called.add(first.value)
    assert called <= set(templates), f"message ids without a text: {sorted(called - set(templates))}"
    unused = {id for id in templates if id not in used and not id.startswith(DYNAMIC)}
    assert not unused, f"messages no code uses: {sorted(unused)}"


def _is_text(node: ast.expr) -> bool:
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _english_text_arguments(path: Path) -> list[str]:
    """Calls that make a problem from English text: Problem(path, "..."), add(path, f"..."), and the like."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in ("Problem", "add", "_error", "SpecError") and len(node.args) >= 2 and _is_text(node.args[1]):
            found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_converted_module_builds_a_message_from_english_text():
    assert [hit for path in CONVERTED for hit in _english_text_arguments(path)] == []
    # Every Problem of loading.py is made from a catalogue message.
    assert "Problem(" not in re.sub(r"Problem\.of\(|class Problem\(", "", (SOURCE / "loading.py").read_text(encoding="utf-8"))


# The errors a user meets, and the command-line errors click prints: each reads in the user's language.
_USER_ERRORS = ("DocumentError", "document_error", "OutputError", "PdfError", "InterviewError", "UsageError",
                "BadParameter")


def _english_errors(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        name = getattr(node, "func", None)
        name = getattr(name, "id", None) or getattr(name, "attr", None)
        if isinstance(node, ast.Call) and name in _USER_ERRORS and node.args:
            texts = node.args[-1].elts if isinstance(node.args[-1], ast.List) else [node.args[-1]]
            if any(_is_text(text) for text in texts):
                found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_error_a_user_meets_is_made_from_english_text():
    assert [hit for path in sorted(SOURCE.rglob("*.py")) for hit in _english_errors(path)] == []


def test_the_error_scan_sees_english_text(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('raise OutputError(f"{path}: exists")\nraise click.UsageError("give -o")\n'
                      'raise InterviewError(name, ["file not found"])\nraise PdfError(message("pdf.timeout"))\n'
                      'raise InterviewError(name, [message("answers.not_utf8")])\n', encoding="utf-8")
    assert _english_errors(sample) == ["sample.py:1", "sample.py:2", "sample.py:3"]


def test_the_scan_sees_an_english_message(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('out.add("/x", f"is {n} days")\nProblem("", "file not found")\nadd("/y", message("a.b"))\n'
                      'SpecError(name, problems + found)\nadd("/z", "is " + shown)\n', encoding="utf-8")
    assert _english_text_arguments(sample) == ["sample.py:1", "sample.py:2", "sample.py:5"]


def test_what_other_modules_say_in_english_has_a_message():
    """The reasons unicode_safety gives and the file kinds safe_read names are translated by their English words."""
    from ipclauses import loading, safe_read

    reasons = set(re.findall(r'UnsafeCharacter\(i \+ 1, ch, "([^"]+)"\)', (SOURCE / "unicode_safety.py").read_text(encoding="utf-8")))
    assert reasons and reasons == set(loading._UNSAFE_REASONS)
    assert {*safe_read._KINDS.values(), safe_read.file_kind(0)} == set(loading._FILE_KINDS)
    for ids in (loading._UNSAFE_REASONS.values(), loading._FILE_KINDS.values()):
        for id in ids:
            assert id in EN.words.messages.templates


# --- rendering ------------------------------------------------------------------------------


def test_a_problem_keeps_english_and_renders_in_japanese():
    error = _spec_error(_with("nda-mutual-ja", "/parties/0/kind", "company"))
    [problem] = error.errors
    assert problem == Problem("/parties/0/kind", '"company" is not allowed (allowed: "large_company", "startup", "university" or "other")')
    assert problem.id == "field.not_allowed"
    assert str(error) == error.render() == f"<dict>: {problem.path}: {problem.message}"
    assert error.render("ja") == (
        '<dict>: /parties/0/kind: "large_company"、"startup"、"university"、"other" のいずれかを指定してください'
        '（"company" は使えません）'
    )


@pytest.mark.parametrize(("name", "path", "value", "japanese"), [
    ("nda-mutual-ja", "/effective_date", "2026/04/01", "は日付として正しくありません"),
    ("nda-mutual-ja", "/parties/0/id", "Yamada Corp", "は当事者 ID として使えません"),
    ("nda-mutual-ja", "/titel", "NDA", '"titel" という項目はありません（"title" の間違いではありませんか？）'),
    ("nda-mutual-ja", "/term/months", "twelve", "は整数ではありません"),
    ("nda-mutual-ja", "/term", 12, 'のようなオブジェクトで書いてください（12 は使えません）'),
    ("poc-medical-ja", "/poc/report_deadline", "soon", "のような期間を書いてください"),
    ("poc-medical-ja", "/results/ownership/owner", "nobody", '"nobody" という当事者 ID はありません'),
    ("nda-mutual-ja", "/confidentiality/direction", "one_way", '"role": "discloser" の当事者がちょうど1者必要です'),
    ("license-en", "/confidentiality/direction", "one_way", "ライセンス契約では両当事者の情報を保護します"),
])
def test_the_errors_a_project_lead_meets_first_read_in_japanese(name, path, value, japanese):
    error = _spec_error(_with(name, path, value))
    lines = error.render("ja").splitlines()
    assert any(japanese in line for line in lines), lines
    for line, problem in zip(lines, error.errors, strict=True):
        assert line.startswith(f"<dict>: {problem.path or '/'}: "), "the JSON pointer stays in the message"
        assert problem.text(JA) != problem.message


def test_a_missing_field_and_too_many_parties_in_japanese():
    data = load_example_data("nda-mutual-ja")
    del data["effective_date"]
    assert _spec_error(data).render("ja") == '<dict>: /effective_date: 必須の項目 "effective_date" がありません（追加してください）'
    data = load_example_data("nda-mutual-ja")
    third = copy.deepcopy(data["parties"][1]) | {"id": "third", "legal_name": "株式会社第三", "short_name": "第三"}
    data["parties"].append(third)
    assert _spec_error(data).render("ja") == (
        "<dict>: /parties/2: 秘密保持契約の当事者は2者です。この当事者を削除してください（今は3者あります）")


@pytest.mark.parametrize(("path", "value"), [
    ("/term", 12), ("/poc/fee", 3000000), ("/liability/cap", "none"), ("/purpose", "Evaluating a resin"),
    ("/results/ownership", "sole"),
])
def test_an_object_expected_is_shown_with_an_example_that_fits(path, value):
    """The example comes from the model (its fields' examples): put in the spec, that field's problem is gone."""
    data = _with("poc-ai-en", path, value)
    for code in codes():
        [problem] = _spec_error(data).errors
        text = problem.text(get_locale(code))
        example = re.search(r"(\{.*\})", text)
        assert example, text
        fixed = _with("poc-ai-en", path, json.loads(example.group(1)))
        try:
            load_spec(fixed)
        except SpecError as error:
            inside = [p for p in error.errors if p.path == path or p.path.startswith(path + "/")]
            assert not [p for p in inside if p.id.startswith("field.")], (code, text, inside)


def test_a_message_in_a_locale_without_it_reads_in_english():
    """A plug-in type's rule may add text of its own; it reads the same in every language."""
    problem = Problem("/lead", "needs a lead")
    assert problem.text(JA) == problem.text(EN) == "needs a lead"
    assert reference_locale() is EN


# --- which language ---------------------------------------------------------------------------


@pytest.mark.parametrize(("environ", "expected"), [
    ({"LANG": "ja_JP.UTF-8"}, "ja"),
    ({"LANG": "ja_JP"}, "ja"),
    ({"LANG": "ja"}, "ja"),
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({"LANG": "POSIX"}, "en"),
    ({}, "en"),
    ({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, "ja"),
    ({"LC_MESSAGES": "en_US.UTF-8", "LANG": "ja_JP.UTF-8"}, "en"),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ja_JP.eucJP"}, "ja"),
    ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, "en"),
])
def test_the_users_language_comes_from_lc_all_lc_messages_or_lang(environ, expected):
    assert user_language(environ) == expected


def _bad_spec(tmp_path: Path) -> Path:
    target = tmp_path / "poc.json"
    target.write_text(json.dumps(_with("poc-ai-en", "/parties/0/kind", "company")), encoding="utf-8")
    return target


def _run(args: list[str], lang: str | None) -> tuple[int, str, str]:
    env: dict[str, str | None] = {name: None for name in LOCALE_VARIABLES}
    env["LANG"] = lang
    result = CliRunner().invoke(main, args, env=env)
    return result.exit_code, result.stdout, result.stderr


JAPANESE_KIND = '/parties/0/kind: "large_company"、"startup"、"university"、"other" のいずれかを指定してください（"company" は使えません）'
ENGLISH_KIND = '/parties/0/kind: "company" is not allowed (allowed: "large_company", "startup", "university" or "other")'


@pytest.mark.parametrize("command", [["validate"], ["check"], ["build", "-o", "{out}"]])
def test_validate_check_and_build_follow_the_locale(command, tmp_path):
    spec = _bad_spec(tmp_path)
    args = [a.format(out=tmp_path / "poc.docx") for a in command] + [str(spec)]
    for lang, expected in (("ja_JP.UTF-8", JAPANESE_KIND), ("C.UTF-8", ENGLISH_KIND), (None, ENGLISH_KIND)):
        code, _, err = _run(args, lang)
        assert code == 1
        assert f"{spec}: {expected}" in err.splitlines(), err
    assert not (tmp_path / "poc.docx").exists()


@pytest.mark.parametrize("command", [["validate"], ["check"]])
def test_lang_chooses_the_language_whatever_the_locale(command, tmp_path):
    spec = _bad_spec(tmp_path)
    _, _, japanese = _run([*command, "--lang", "ja", str(spec)], "C.UTF-8")
    _, _, english = _run([*command, "--lang", "en", str(spec)], "ja_JP.UTF-8")
    assert f"{spec}: {JAPANESE_KIND}" in japanese.splitlines()
    assert f"{spec}: {ENGLISH_KIND}" in english.splitlines()


def test_validate_json_stays_english_with_message_ids(tmp_path):
    spec = _bad_spec(tmp_path)
    code, out, _ = _run(["validate", "--json", "--lang", "ja", str(spec)], "ja_JP.UTF-8")
    assert code == 1
    [result] = json.loads(out)
    assert result["errors"] == [{"path": "/parties/0/kind", "message": ENGLISH_KIND.split(": ", 1)[1], "id": "field.not_allowed"}]


def test_the_command_line_speaks_the_user_s_language(tmp_path, monkeypatch):
    """What every build says (wrote, no findings, error, warning) follows LANG like the validation messages."""
    from ipclauses.cli import main

    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    out = tmp_path / "nda.docx"
    built = CliRunner().invoke(main, ["build", str(ROOT / "examples" / "nda-mutual-ja.json"), "-o", str(out), "--no-summary"])
    assert built.exit_code == 0, built.output
    assert f"{out} を書き出しました（" in built.output
    again = CliRunner().invoke(main, ["build", str(ROOT / "examples" / "nda-mutual-ja.json"), "-o", str(out), "--no-summary"])
    assert again.exit_code != 0 and again.output.startswith(f"エラー：{out}：既にあります。置き換えるには --force を付けてください")
    monkeypatch.setenv("LANG", "C.UTF-8")
    english = CliRunner().invoke(main, ["build", str(ROOT / "examples" / "nda-mutual-ja.json"), "-o", str(out), "--no-summary"])
    assert english.output.startswith(f"error: {out}: already exists; use --force to replace it")


def test_a_batch_build_says_why_a_spec_failed_in_the_user_s_language(tmp_path, monkeypatch):
    from ipclauses.cli import main

    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "nda", "language": "ja"}', encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(bad), str(ROOT / "examples" / "nda-mutual-ja.json"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f'{bad}: /parties: 必須の項目 "parties" がありません' in result.output
    assert "2件中1件の契約書を" in result.output and "失敗1件" in result.output
