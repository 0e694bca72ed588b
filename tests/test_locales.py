"""A language is one Locale: every fixed word comes from it, and nothing else asks which language it is.

The pseudo-locale test renders every example with a locale derived from English in
which every fixed word is wrapped in ⟦ ⟧; any word of the agreement (outside clause
text) or of the summary that is neither inside ⟦ ⟧ nor the user's own was written
by code instead of asked of the Locale.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import string
import tokenize
import zipfile
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, get_args

import pytest
from lxml import etree

from conftest import EXAMPLES, ROOT, example_ids
from ipclauses import assemble, load_spec, summarize, wording
from ipclauses.agreement import Agreement, Ref, plain
from ipclauses.assemble import given_strings
from ipclauses.draft import make_draft
from ipclauses.drafting import drafting_findings
from ipclauses.locales import Locale, UnknownLocaleError, codes, get_locale, locales, register, unregister
from ipclauses.renderers.summary_markdown import md_escape
from ipclauses.spec import (
    SPEC_TYPES,
    Deliverable,
    JointOwnership,
    Money,
    OwnershipRule,
    UsageScope,
)

# --- the registry -------------------------------------------------------------------


def test_the_registry_finds_each_language_by_code():
    assert codes() == ["en", "ja"]
    assert [loc.code for loc in locales()] == ["en", "ja"]
    for code in codes():
        assert get_locale(code).code == code
        assert get_locale(code).clause_text_language == code


def test_an_unknown_code_is_a_clear_error():
    with pytest.raises(UnknownLocaleError, match=r"no locale for language 'de' \(available: en, ja\)"):
        get_locale("de")
    with pytest.raises(ValueError, match="already registered"):
        register(get_locale("en"))


# --- values ------------------------------------------------------------------------------

JA, EN = get_locale("ja"), get_locale("en")


@pytest.mark.parametrize(("value", "expected"), [
    (0, "0"), (1234567, "1,234,567"), (3.0, "3"), (2.5, "2.5"), (0.00001, "0.00001"), (1e-05, "0.00001"),
    (1234567.125, "1,234,567.125"), (123456789012345.0, "123,456,789,012,345"), (Decimal("1E+3"), "1,000"),
    (Decimal("0.10"), "0.1"), (99.99, "99.99"),
])
def test_numbers_are_the_exact_decimal_with_thousands_separators(value, expected):
    for locale in (JA, EN):
        text = locale.number(value)
        assert text == expected
        assert "e" not in text.lower()


def test_a_number_that_is_not_finite_is_refused():
    with pytest.raises(ValueError, match="not a finite number"):
        EN.number(float("inf"))


def test_dates_money_lists_and_quotes():
    day = dt.date(2026, 4, 1)
    assert (JA.date(day), EN.date(day)) == ("2026年4月1日", "1 April 2026")
    assert (JA.money(Money(amount=3000000)), EN.money(Money(amount=3000000))) == ("金3,000,000円", "JPY 3,000,000")
    assert (JA.money(Money(amount=5000, currency="USD")), EN.money(Money(amount=5000, currency="USD"))) == ("5,000米ドル", "USD 5,000")
    for items, ja, en in [
        (["A"], "A", "A"),
        (["A", "B"], "A及びB", "A and B"),
        (["A", "B", "C"], "A、B及びC", "A, B, and C"),
        (["A", "B", "C", "D"], "A、B、C及びD", "A, B, C, and D"),
    ]:
        assert (JA.join(items), EN.join(items)) == (ja, en)
    assert (JA.join(["A", "B"], "or"), EN.join(["A", "B", "C"], "or")) == ("A又はB", "A, B, or C")
    assert (JA.quote("本目的"), EN.quote("Purpose")) == ("「本目的」", '"Purpose"')
    assert (JA.keyword("worldwide"), EN.keyword("worldwide"), EN.keyword("Japan")) == ("全世界", "worldwide", "Japan")


def test_labels_follow_each_languages_numbering():
    assert (JA.article_label(5), JA.article_heading(5, "目的")) == ("第5条", "第5条（目的）")
    assert (EN.article_label(5), EN.article_heading(5, "Purpose")) == ("Article 5", "Article 5 (Purpose)")
    # Japanese: the first paragraph is unnumbered, then 2, 3; English: 5.1, 5.2 when there are several.
    assert [JA.paragraph_label(5, i, 3) for i in range(3)] == [None, "2", "3"]
    assert [EN.paragraph_label(5, i, 3) for i in range(3)] == ["5.1", "5.2", "5.3"]
    assert JA.paragraph_label(5, 0, 1) is None and EN.paragraph_label(5, 0, 1) is None
    assert [JA.item_label(i) for i in (0, 1, 9)] == ["（1）", "（2）", "（10）"]
    assert [EN.item_label(i) for i in (0, 1, 25, 26, 27)] == ["(a)", "(b)", "(z)", "(aa)", "(ab)"]
    assert (JA.sentence_joiner, EN.sentence_joiner) == ("", " ")


@pytest.mark.parametrize("code", ["ja", "en"])
def test_labels_match_the_word_numbering_of_the_base_template(code):
    """Word draws the labels from the template's numbering; the text model must show the same."""
    with zipfile.ZipFile(ROOT / "templates" / f"agreement-{code}.docx") as docx:
        numbering = etree.fromstring(docx.read("word/numbering.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    levels = {
        lvl.get(f"{w}ilvl"): lvl for lvl in numbering.find(f"{w}abstractNum[@{w}abstractNumId='0']").iter(f"{w}lvl")
    }

    def get(level: str, tag: str) -> str:
        return levels[level].find(f"{w}{tag}").get(f"{w}val")

    expected = get_locale(code).word_numbering()
    assert get("0", "lvlText") == expected["article"]
    assert get("1", "lvlText") == expected["paragraph"]
    assert int(get("1", "start")) == expected["paragraph_start"]
    assert get("2", "lvlText") == expected["item"]
    assert get("2", "numFmt") == expected["item_format"]


def test_a_preamble_names_three_parties_or_more():
    spec = load_spec(ROOT / "examples" / "nda-mutual-ja.json")
    a, b = spec.parties
    c = b.model_copy(update={"id": "third", "legal_name": "株式会社第三", "short_name": "丙", "address": "大阪市"})
    ja = wording.preamble_text("nda", [a, b, c], spec.effective_date, JA)
    assert ja.startswith(
        f"{a.legal_name}（以下「{a.short_name}」という。）、{b.legal_name}（以下「{b.short_name}」という。）"
        f"及び株式会社第三（以下「丙」という。）は、"
    )
    en = wording.preamble_text("nda", [a, b, c], spec.effective_date, EN)
    assert f'("{a.short_name}"), {b.legal_name}, of {b.address} ("{b.short_name}"), and 株式会社第三, of 大阪市 ("丙"). ' in en
    # Two parties read as they always have.
    assert wording.preamble_text("nda", [a, b], spec.effective_date, JA) == wording.preamble(spec, JA)
    assert f"（以下「{a.short_name}」という。）と{b.legal_name}" in wording.preamble(spec, JA)
    three = spec.model_copy(update={"parties": [a, b, c]})
    assert "株式会社第三（丙）" in dict(wording.key_terms(three, JA))["当事者"]
    with pytest.raises(ValueError, match="at least two parties"):
        wording.preamble_text("nda", [a], spec.effective_date, JA)


# --- every locale says every choice ---------------------------------------------------


def _literal(model: Any, name: str) -> set[str]:
    return set(get_args(model.model_fields[name].annotation))


def _ownership_rules() -> set[str]:
    union = get_args(OwnershipRule)[0]
    return {get_args(m.model_fields["rule"].annotation)[0] for m in get_args(union)}


@pytest.mark.parametrize("code", ["ja", "en"])
def test_each_locale_has_words_for_every_choice_a_spec_can_make(code):
    words = get_locale(code).words
    summary = words.summary
    required: list[tuple[Mapping[str, str], set[str]]] = [
        (words.agreement.titles, set(SPEC_TYPES)),
        (words.agreement.names, set(SPEC_TYPES)),
        (words.formats.money, _literal(Money, "currency")),
        (words.phrases.ownership, _ownership_rules()),
        (words.phrases.shares, _literal(JointOwnership, "shares")),
        (words.phrases.exclusivity, _literal(UsageScope, "exclusivity")),
        (words.schedule.deliverable_kinds, _literal(Deliverable, "kind")),
        (summary.headings.severity, {"error", "warning", "info"}),
    ]
    for mapping, values in required:
        assert set(mapping) == values


def _strings(value: Any, path: str = "words") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, tuple):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}[{i}]")
    elif isinstance(value, Mapping):
        for k, v in value.items():
            yield from _strings(v, f"{path}[{k!r}]")
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name), f"{path}.{f.name}")
    else:
        raise TypeError(f"{path}: {type(value).__name__} is not a kind of word this test knows")


def test_both_locales_have_the_same_words_and_every_template_parses():
    def shape(words: Any) -> set[str]:  # month names may be left out where dates use numbers
        return {re.sub(r"\[\d+\]", "[]", path) for path, _ in _strings(words)} | {"words.formats.month_names[]"}

    assert shape(JA.words) == shape(EN.words)
    for _, text in [*_strings(JA.words), *_strings(EN.words)]:
        list(string.Formatter().parse(text))


def _fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@pytest.mark.parametrize("code", codes())
def test_every_finding_has_its_texts_in_every_locale(code):
    """Each locale gives message, why and fix for every finding the English texts have, with no other fields."""
    findings = get_locale(code).words.findings
    assert set(findings) == set(EN.words.findings), "a finding's texts are missing or extra"
    for key, texts in findings.items():
        assert len(texts) == 3 and all(t.strip() for t in texts), key
        given = set().union(*(_fields(t) for t in EN.words.findings[key]))
        assert set().union(*(_fields(t) for t in texts)) <= given, f"{key}: a field the check does not give"


# --- the pseudo-locale: every fixed word comes from the Locale ---------------------------

OPEN, CLOSE = "⟦", "⟧"
_MARKED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_CJK_PUNCTUATION = re.compile(r"[\u3000-\u303f\uff00-\uffef]")  # 、。「」（）：… never come from an English-based locale


def _wrap_template(text: str) -> str:
    """Wrap each literal part of a format template that holds a letter; leave fields and punctuation."""
    out = []
    for literal, field, spec, conversion in string.Formatter().parse(text):
        if literal:
            escaped = literal.replace("{", "{{").replace("}", "}}")
            out.append(f"{OPEN}{escaped}{CLOSE}" if any(c.isalpha() for c in literal) else escaped)
        if field is not None:
            out.append("{" + field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}")
    return "".join(out)


def _wrap(value: Any) -> Any:
    if isinstance(value, str):
        return _wrap_template(value)
    if isinstance(value, tuple):
        return tuple(_wrap(v) for v in value)
    if isinstance(value, Mapping):
        return {k: _wrap(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _wrap(getattr(value, f.name)) for f in dataclasses.fields(value)})
    raise TypeError(f"{type(value).__name__} is not a kind of word this test knows how to wrap")


def pseudo_locale(code: str = "qps-ploc") -> Locale:
    """English with every fixed word wrapped in ⟦ ⟧, rendering the English clause text."""
    return dataclasses.replace(EN, code=code, tag=code, clause_text_language="en", words=_wrap(EN.words))


@pytest.fixture(scope="module")
def pseudo():
    locale = pseudo_locale()
    register(locale)
    try:
        yield locale
    finally:
        unregister(locale.code)


def _user_values(spec) -> list[str]:
    values = [v for _, v in given_strings(spec)]
    for p in spec.parties:
        values += [p.legal_name, p.short_name, p.address, p.representative.name, p.representative.title]
        # a party called "the University" opens a sentence or heading as "The University"
        values.append(p.short_name[:1].upper() + p.short_name[1:])
    return sorted({v for v in values if v}, key=len, reverse=True)


def _residue(text: str, exempt: list[str]) -> str:
    """What is left of a text without the locale's words and the exempt strings (user values, clause text)."""
    for value in sorted(exempt, key=len, reverse=True):
        text = text.replace(value, " ")
    return _MARKED.sub(" ", text)


def _assert_from_locale(text: str, exempt: list[str], where: str) -> None:
    rest = _residue(text, exempt)
    assert not any(c.isalpha() for c in rest), f"{where}: words outside {OPEN}{CLOSE} that are not the user's: {rest!r} in {text!r}"
    assert not _CJK_PUNCTUATION.search(rest), f"{where}: Japanese punctuation not from the locale: {rest!r} in {text!r}"


def _check_agreement(agreement: Agreement, spec, locale: Locale) -> None:
    users = _user_values(spec)
    must_mark = [agreement.schedule_title, *(k for k, _ in agreement.key_terms), *(s.heading for s in agreement.schedule)]
    must_mark += [a.label for a in agreement.articles]
    if agreement.title not in users:
        must_mark.append(agreement.title)
    for text in must_mark:
        assert OPEN in text, f"a fixed word not from the locale: {text!r}"
    # Clause text (paragraphs and items as the clause library wrote them, and clause titles) is the
    # library's; every other line of the agreement must come from the locale or the user.
    clause_lines = set()
    for art in agreement.articles:
        for para in art.paragraphs:
            clause_lines.add((f"{para.label} " if para.label else "") + plain(para.segments))
            clause_lines |= {f"  {item.label} {plain(item.segments)}" for item in para.items}
            assert para.label is None or re.fullmatch(r"\d+(\.\d+)?", para.label), para.label
            assert [item.label for item in para.items] == [locale.item_label(i) for i in range(len(para.items))]
            refs = [s for s in [*para.segments, *(s for i in para.items for s in i.segments)] if isinstance(s, Ref)]
            assert all(ref.text == agreement.article(ref.target).label for ref in refs)
    titles = {art.heading: art.title for art in agreement.articles}
    lines = agreement.text().split("\n")
    assert sum(line in clause_lines for line in lines) >= len(agreement.articles)
    for line in lines:
        if line in clause_lines:
            continue
        _assert_from_locale(line, users + ([titles[line]] if line in titles else []), "agreement")


def _check_summary(markdown: str, spec, agreement: Agreement, lang: str | None = None) -> None:
    from ipclauses import check

    exempt = _user_values(spec)
    exempt += [a.title for a in agreement.articles] + [a.summary for a in agreement.articles]
    # Effects are clause text: the clause library's words, in the locale's clause text language.
    projected = make_draft(spec, lang=lang).summary
    exempt += [p.text for p in projected.points()] + [row.what for row in projected.results]
    # Findings' texts are the locale's words; the values filled into them are the spec's.
    exempt += [x for f in check(spec) for x in (f.id, f.path, *map(str, f.params.values()))]
    exempt += [md_escape(x) for x in exempt]
    headings = [line for line in markdown.split("\n") if line.startswith(("## ", "**"))]
    assert len(headings) >= 8 and all(OPEN in h for h in headings), headings
    for line in markdown.split("\n"):
        _assert_from_locale(line, exempt, "summary")


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_every_fixed_word_of_agreement_and_summary_comes_from_the_locale(pseudo, path):
    spec = load_spec(path).model_copy(update={"language": pseudo.code})
    agreement = assemble(spec)
    assert agreement.language == pseudo.code
    _check_agreement(agreement, spec, pseudo)
    markdown = summarize(spec, format="md")
    assert isinstance(markdown, str)
    _check_summary(markdown, spec, agreement)
    # A summary asked for in the pseudo-locale from a spec in another language is the locale's too.
    original = load_spec(path)
    other = summarize(original, lang=pseudo.code, format="md")
    assert isinstance(other, str)
    _check_summary(other, original, agreement, pseudo.code)
    # The drafting checks use the locale's quotes and style rules (English ones here, as is its clause text).
    assert drafting_findings(agreement, spec) == []


def test_the_pseudo_locale_check_fails_on_a_word_the_locale_did_not_give(pseudo):
    """The assertion is not vacuous: one unwrapped word (as if code had written it) fails it."""
    words = pseudo.words
    leaky = dataclasses.replace(
        pseudo, code="qps-leak",
        words=dataclasses.replace(words, key_terms=dataclasses.replace(words.key_terms, purpose="Purpose")),
    )
    register(leaky)
    try:
        spec = load_spec(EXAMPLES[0]).model_copy(update={"language": leaky.code})
        with pytest.raises(AssertionError, match="Purpose"):
            _check_agreement(assemble(spec), spec, leaky)
    finally:
        unregister(leaky.code)
    with pytest.raises(AssertionError, match="Japanese punctuation"):
        _assert_from_locale("⟦Parties⟧: A、B", ["A", "B"], "test")


# --- nobody else asks which language a text is in ---------------------------------------

SOURCE = ROOT / "src" / "ipclauses"
# A language code as a string literal ("ja", 'en', "ja-JP"): code that compares or looks one up.
_LANGUAGE_CODE = re.compile(r"""(?<![\w.])(['"])(?:ja|en)(?:[-_][A-Za-z]{2,8})?\1""")
# Guessing the language from a character of the text ("第" in label).
_SCRIPT_GUESS = re.compile(r"""(['"])[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]\1\s+(?:not\s+)?in\b""")

# Modules that still name a language, each with why and on how many lines at most.
ALLOWED: dict[str, tuple[str, int]] = {
    "cli.py": ("the default --lang of `clauses list`: English, as legal staff browse it", 1),
    "library.py": ("LANGS: the languages every clause file must give text in (its TOML keys)", 1),
    "spec.py": ("the `language` values a spec may give, and language_defaults' Japanese court and seat", 2),
}


def _code_without_comments(path) -> str:
    """The source with comments blanked, so a comment may name a language."""
    lines = path.read_text(encoding="utf-8").split("\n")
    with path.open("rb") as f:
        for tok in tokenize.tokenize(f.readline):
            if tok.type == tokenize.COMMENT:
                (row, col), (_, end) = tok.start, tok.end
                line = lines[row - 1]
                lines[row - 1] = line[:col] + " " * (end - col) + line[end:]
    return "\n".join(lines)


def _language_decisions(path) -> list[str]:
    """`line: code` for each line of a module that names a language code or guesses a script."""
    return [
        f"{n}: {line.strip()}"
        for n, line in enumerate(_code_without_comments(path).split("\n"), 1)
        if _LANGUAGE_CODE.search(line) or _SCRIPT_GUESS.search(line)
    ]


def test_only_the_locales_ask_which_language_a_text_is_in():
    found: dict[str, list[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        if path.is_relative_to(SOURCE / "locales"):
            continue
        decisions = _language_decisions(path)
        if decisions:
            found[str(path.relative_to(SOURCE))] = decisions
    unexpected = {name: lines for name, lines in found.items() if name not in ALLOWED}
    assert not unexpected, f"ask the Locale instead (ipclauses.locales.get_locale): {unexpected}"
    for name, (why, most) in ALLOWED.items():
        assert len(found.get(name, [])) <= most, f"{name} may name a language only for {why}: {found[name]}"


def test_the_language_check_sees_what_it_looks_for(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'a = x if lang == "ja" else y\nb = {"en": 1}\nc = f"{\'ja-JP\' if t else 1}"\nd = "、" if "第" in label else ", "\n'
        '# a comment may say "ja"\ne = "japan"\n',
        encoding="utf-8",
    )
    assert [line.split(":")[0] for line in _language_decisions(sample)] == ["1", "2", "3", "4"]
