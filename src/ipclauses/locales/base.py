"""What a language is to ipclauses: one `Locale`, all data, with the formatting built on it.

A Locale holds every fixed word of the documents (`words`, grouped by where they
appear) and the few settings that make one language's text differ from another's
in structure (numbering, which clause text it renders, style rules). The methods
here are the same for every language: they only read the Locale's data, so a new
language is one module that builds a `Locale` and asks nothing of the code.

Everything a reader sees is in `words`: a pseudo-locale made by rewriting each
string of `words` shows on every page which text came from the Locale.

Templates are `str.format` strings; the fields each one is given are named in the
comment beside it (a template may leave a field out, as Japanese often does).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..spec import AfterStart, Money

KEYWORDS = ("worldwide",)
"""Spec values that are keywords, not text: each Locale writes them in its own words."""

Conjunction = Literal["and", "or"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, kw_only=True)
class ListPattern:
    """How a list reads, as in Unicode CLDR list patterns: each template joins {0} and {1}.

    One item stands alone; two use `two`; more use `start` for the first pair,
    `middle` between the others and `end` before the last.
    """

    two: str
    start: str
    middle: str
    end: str

    def join(self, items: Sequence[str]) -> str:
        items = [str(i) for i in items]
        if len(items) <= 1:
            return "".join(items)
        if len(items) == 2:
            return self.two.format(items[0], items[1])
        text = self.end.format(items[-2], items[-1])
        for item in reversed(items[1:-2]):
            text = self.middle.format(item, text)
        return self.start.format(items[0], text)


@dataclass(frozen=True, kw_only=True)
class StyleRule:
    """A house-style rule for rendered clause text in this language (a drafting check)."""

    id: str  # the finding id, e.g. "drafting.and_or"
    severity: Severity
    pattern: re.Pattern[str]
    what: str  # what was found, for the finding's message (findings are in English)
    why: str


# --- the words -----------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class FormatWords:
    """How values are written: dates, money, numbers, lists, quotes."""

    date: str  # {year} {month} {day} {month_name}
    month_names: tuple[str, ...]  # January..December, or () where dates use the month's number only
    money: Mapping[str, str]  # by currency code: {amount}
    thousands_separator: str
    decimal_separator: str
    and_list: ListPattern
    or_list: ListPattern
    quote: str  # a defined term as clause text quotes it: {term}
    full_stop: str  # ends a sentence that may end without one
    keywords: Mapping[str, str]  # every KEYWORDS value, as the text says it ("worldwide")
    periods: Mapping[str, tuple[str, str]]  # "days", "weeks", "months": (one, many), each with {n}
    by_date: str  # a deadline on a date, as clause text says it: {date}
    within_period: str  # a deadline after the effective date, as clause text says it: {period}
    period_from_start: str  # the same as a table shows it: {period}


@dataclass(frozen=True, kw_only=True)
class NumberingWords:
    """Article, paragraph and item labels; they must match the base template's Word numbering."""

    article: str  # {number}
    article_title: str  # the title beside the label: {title}
    heading_separator: str  # between the label and the title
    paragraph: str  # {article} {number}
    item: str  # {n}: the item's number or letter (see Locale.item_numbering)
    sentence_joiner: str  # joins the lines of a wrapped paragraph or item


@dataclass(frozen=True, kw_only=True)
class AgreementWords:
    """The agreement around its articles: title, preamble, signing."""

    titles: Mapping[str, str]  # by agreement type
    names: Mapping[str, str]  # by agreement type, as the preamble and document properties name it
    preamble_party: str  # {legal_name} {short_name} {address}
    preamble_parties: ListPattern
    preamble: str  # {parties} {date} {name}
    signing_intro: str  # "" where the signature article already says it


@dataclass(frozen=True, kw_only=True)
class SignatureWords:
    """The signature block's words (the DOCX renderer lays them out by Locale.signature_layout)."""

    date_blank: str  # where no signing date is given
    dated: str  # a given signing date on its line: {date}
    seal: str
    name: str
    title: str
    signature: str
    for_party: str  # before the party's name


@dataclass(frozen=True, kw_only=True)
class BilingualWords:
    """A bilingual agreement's own words, each in its column's language: the header row and the language clause."""

    language_names: Mapping[str, str]  # by language code: {"ja": "日本語", "en": "英語"}
    column: str  # the header of this language's column: {language}
    prevailing_column: str  # the same, for the prevailing language's column: {language}
    clause_title: str  # the title of the article saying which language prevails
    clause_text: str  # {languages} (both, joined), {prevailing} (its name)


@dataclass(frozen=True, kw_only=True)
class KeyTermWords:
    """The key-terms table at the head of the agreement."""

    heading: str
    note: str
    parties: str
    purpose: str
    term: str
    ownership: str
    licence: str
    confidentiality: str
    fee: str
    party: str  # {legal_name} {short_name}
    party_separator: str
    term_value: str  # {start} {end} {months}
    renewal: str  # appended: {months}
    confidentiality_years: str  # {years}
    confidentiality_until_end: str
    trade_secrets: str  # appended


@dataclass(frozen=True, kw_only=True)
class PhraseWords:
    """Choices in words, shared by the key terms and the summary so both say the same."""

    ownership: Mapping[str, str]  # by ownership rule: {owner} {shares}
    shares: Mapping[str, str]  # by joint-ownership share rule
    exclusivity: Mapping[str, str]  # by exclusivity: {months}
    exclusive_for_months: str  # appended to "exclusive": {months}
    exclusive_from_date: str  # exclusivity that starts on a date: {date} {exclusivity}
    exclusive_from_report: str  # exclusivity that starts when the Report is accepted (PoC): {exclusivity}
    registered_exclusive: str  # appended to "exclusive" when it is a registered exclusive licence (senyo jisshiken)
    scope: str  # {exclusivity} {field} {territory}
    scope_field: str  # {field}
    scope_all_fields: str


@dataclass(frozen=True, kw_only=True)
class ScheduleWords:
    """The schedule: lists the clauses refer to, and the project context."""

    title: str
    project: str
    project_note: str
    objective: str
    kpi: str  # {n}
    risk_split: str
    decision_maker: str
    roles: str
    role: str  # a project role row: {party}
    milestones: str
    deliverables: str
    deliverable: str  # {kind} {party}
    # PoC: a result handed over with the Report, or one kept by the party that created it: {kind} {party}
    deliverable_delivered: str
    deliverable_kept: str
    deliverable_kinds: Mapping[str, str]  # by deliverable kind
    fields: str
    copyright_fields: str
    background: str
    patents: str
    trademarks: str
    royalty_milestones: str
    sublicensees: str


@dataclass(frozen=True, kw_only=True)
class SummaryHeadings:
    title: str  # {title}
    disclaimer: str
    overview: str
    results: str
    parties: str
    may: str
    must: str
    cannot: str
    secret: str
    money: str
    ending: str
    checklist: str
    balance: str
    findings: str
    articles: str
    not_stated: str
    no_findings: str
    severity: Mapping[str, str]  # by finding severity
    with_article: str  # a point and the article that binds: {text} {article}
    article_separator: str  # between article labels
    bullet: str  # before each point where lists have no markup (DOCX)


@dataclass(frozen=True, kw_only=True)
class OverviewWords:
    parties: ListPattern  # "A and B"
    deal: str  # {parties} {name} {purpose}
    nda_mutual: str
    nda_one_way: str  # {discloser} {recipient}
    poc: str  # {provider} {customer} {date}
    jrd: str  # {ownership}
    license: str  # {licensor} {licensee} {subject} (licence_subjects of what is licensed, joined) {scope}
    licence_subjects: Mapping[str, str]  # what a licence covers, by licence.subject kind
    # --- consortium ---
    consortium: str  # {count} {coordinator} {packages}
    # the consortium's schedule sections and key terms: work_packages, work_package ({name} {lead}), budget,
    # access_rights, background, coordinator, funder, funding ({funder} {programme})
    consortium_words: Mapping[str, str]
    consortium_access_terms: Mapping[str, str]  # by access.exploitation option
    # --- joint_filing ---
    joint_filing: str  # {invention}
    # the schedule and key terms of a joint filing agreement: headings and row labels
    joint_filing_schedule: Mapping[str, str]
    # --- data_provision ---
    data_provision: str  # {provider} {recipient} {scope} (data_provision_scopes of permitted_use.scope)
    data_provision_scopes: Mapping[str, str]  # what the recipient may use the data for, by permitted_use.scope
    data_provision_per_delivery: str  # {amount}: a fee charged for each delivery, in the key terms
    # --- ai_use ---
    ai_use: str  # {provider} {user} {service}
    ai_use_monthly: str  # {amount}: the fixed monthly fee, in the key-terms table
    ai_use_per_unit: str  # {amount} {unit}: the usage price, in the key-terms table


@dataclass(frozen=True, kw_only=True)
class ResultsWords:
    header: tuple[str, str, str]  # what is owned; who owns it and who may use it; the article


@dataclass(frozen=True, kw_only=True)
class ChecklistWords:
    purpose: str
    roles: str
    decides: str


@dataclass(frozen=True, kw_only=True)
class BalanceWords:
    balanced: str
    leans: str  # {leader}
    favours: str  # {leader}
    counts: str  # {counts} (each party's `count`, joined) {total}
    count: str  # {count} {party}
    header: tuple[str, str, str]  # the balance table's columns: the article; its title; whom it favours


@dataclass(frozen=True, kw_only=True)
class SummaryWords:
    headings: SummaryHeadings
    overview: OverviewWords
    results: ResultsWords
    checklist: ChecklistWords
    balance: BalanceWords


@dataclass(frozen=True, kw_only=True)
class RedlineWords:
    """A redline as text (md, html): where each change is, and what it is."""

    heading: str  # the report's title: {old} and {new} name the two versions
    title: str  # the places outside the articles
    preamble: str
    signature: str
    inserted: str
    deleted: str
    changed: str
    counts: str  # {changed}, {inserted}, {deleted}: articles
    no_changes: str
    legend: str  # how deletions and insertions are marked in Markdown


@dataclass(frozen=True, kw_only=True)
class ChangesWords:
    """What changed in a deal between two versions, in plain words (`ipclauses changes`)."""

    title: str  # {old} {new}: the two versions' names
    intro: str
    no_changes: str
    heading: str  # above the list of changes
    changed: str  # {topic} {was} {now}
    added: str  # a new point of a summary section: {topic} {text}
    removed: str  # {topic} {text}
    added_point: str  # something a party now may, must or cannot do: {topic} ("Daiwa may") {text}
    removed_point: str  # {topic} {text}
    added_article: str  # {title} {text} (the article's plain summary)
    removed_article: str  # {title} {text}
    party_topic: str  # {party} {kind}
    party_kinds: Mapping[str, str]  # "may", "must", "cannot" as party_topic says them
    sections: Mapping[str, str]  # "confidentiality", "money", "ending": a section's topic
    now_favours: str  # an article's balance after the change: {party}
    now_balanced: str
    no_longer_favours: str  # a removed article that favoured a party: {party}
    with_balance: str  # a change, its article and the balance shift there: {text} {article} {balance}
    balance: str  # the whole deal's balance (a topic and a heading)
    findings_new: str
    findings_resolved: str
    finding_new: str  # under the change it concerns: {severity} {message}
    finding_resolved: str  # {severity} {message}
    values: str  # heading: the spec values that changed
    value: str  # {path} {was} {now}
    not_set: str  # a spec value one version does not have


@dataclass(frozen=True, kw_only=True)
class MessageWords:
    """Messages about a deal spec (validation errors), rendered by `messages.Message`."""

    or_list: ListPattern  # the values a field allows, each as JSON: "a", "b" or "c"
    list_separator: str  # between values listed one after another
    counts: tuple[str, ...]  # small numbers as messages write them, from 0: "no", "one", "two", ...
    agreement_types: Mapping[str, str]  # how a message names each agreement type: "an NDA"
    # By message id: a `str.format` template given the fields its English template names.
    templates: Mapping[str, str]


@dataclass(frozen=True, kw_only=True)
class InterviewWords:
    """`ipclauses new`: its questions, its own options and what it says along the way.

    A question without words here shows its field's title from the schema text, and its
    description as help (`interview_words.py`).
    """

    intro: str
    sections: Mapping[str, str]  # section headings, by the section of each question
    section: str  # a section heading as shown: {title}
    questions: Mapping[str, str]  # by question id (or the `words` key it names); party questions: {n}
    help: Mapping[str, str]  # help of the questions that fill no spec field, by question id
    choices: Mapping[str, str]  # the interview's own options ("both", "none", ...), by value
    option: str  # {n} {label} {meaning}
    option_plain: str  # an option without a meaning: {n} {label}
    favours: str  # appended to an option: {favours}
    favours_party: str  # whom an option favours, with the party's name: {favours} {party}
    example: str  # an option's example in the help: {label} {example}
    choose: str
    choose_many: str
    yes: str
    no: str
    yes_words: tuple[str, ...]  # other answers that mean yes
    no_words: tuple[str, ...]
    yes_no_hint: str
    optional: str  # after a question whose answer may be left out
    date_hint: str
    period_hint: str
    money: str  # after an amount's question: {currency}
    units: Mapping[str, tuple[str, ...]]  # "days", "weeks", "months": the words for each, the first shown
    list_item: str  # {n}
    list_end: str  # after a list question: how to end the list
    current: str  # an item of a list's default: {item}
    invalid: Mapping[str, str]  # why an answer cannot be taken, by what was expected
    problem: str  # a validation problem and the question behind it: {id} {path} {message}
    missing: str  # an answers file without a required answer: {id} {question}
    guide_recommends: str  # {ownership} {scope} {reason}
    guide_scopes: Mapping[str, str]  # by recommended scope: {licensee} {owner}
    guide_reasons: Mapping[str, str]  # two sentences, by reason: {owner} {licensee} {university} {other}
    wrote: str  # {path}
    schema_hint: str  # {command}
    build_later: str  # {command}
    findings: str
    finding: str  # {severity} {message} {fix}
    no_findings: str
    build: str
    ignored: str  # {ids}


@dataclass(frozen=True, kw_only=True)
class Words:
    """Every fixed word a reader sees outside clause text."""

    formats: FormatWords
    numbering: NumberingWords
    agreement: AgreementWords
    signature: SignatureWords
    bilingual: BilingualWords
    key_terms: KeyTermWords
    phrases: PhraseWords
    schedule: ScheduleWords
    summary: SummaryWords
    redline: RedlineWords
    changes: ChangesWords
    # The deal-check findings, by finding id or "id#variant" (a variant where the sentence itself differs):
    # (message, why, fix) templates, given the finding's `params` (the fields the comment beside each names).
    findings: Mapping[str, tuple[str, str, str]]
    messages: MessageWords
    interview: InterviewWords


# --- the locale ----------------------------------------------------------------------

_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True, kw_only=True)
class Locale:
    """One language: its words, the settings that shape its text, and formatting that reads them.

    `words` holds every string a reader sees and nothing else; the other fields are
    settings, so a locale derived by rewriting `words` (a pseudo-locale) stays valid.
    """

    code: str  # the spec's `language` value, e.g. "ja"
    tag: str  # BCP 47 tag for document metadata, e.g. "ja-JP"
    clause_text_language: str  # whose clause library text this locale renders: its own code, or one it borrows
    number_first_paragraph: bool  # an article of several paragraphs numbers its first one too
    item_numbering: Literal["decimal", "lower_letter"]
    capitalise_sentence_start: bool  # a paragraph opening with "the University" reads "The University"
    # The signing date once, then each party's address, name, and representative with 印 /
    # for each party: For, Signature, Name, Title and Date lines.
    signature_layout: Literal["name_and_seal", "signature_lines"]
    style_rules: tuple[StyleRule, ...]  # drafting checks for this language's clause text
    # Spec values (by dotted path) that default differently in this language: 東京地方裁判所 for the court.
    spec_defaults: Mapping[str, str] = field(default_factory=dict)
    # Debian packages of the free fonts that stand in for the templates' fonts when LibreOffice makes a PDF.
    pdf_font_packages: tuple[str, ...] = ()
    words: Words

    def __post_init__(self) -> None:
        formats = self.words.formats
        if formats.month_names and len(formats.month_names) != 12:
            raise ValueError(f"locale {self.code}: month_names lists {len(formats.month_names)} months, not 12")
        if "{month_name}" in formats.date and not formats.month_names:
            raise ValueError(f"locale {self.code}: the date format uses {{month_name}} but month_names is empty")
        missing = [k for k in KEYWORDS if k not in formats.keywords]
        if missing:
            raise ValueError(f"locale {self.code}: no words for the keywords {missing}")

    # values

    def number(self, value: int | float | Decimal) -> str:
        """The exact decimal the user wrote, with thousands separators: never rounded, never 1e-05.

        Validation refuses numbers with more than 15 significant digits, so the shortest repr
        of a float is exactly the decimal that was given.
        """
        if isinstance(value, int):
            text = f"{value:,}"
        else:
            exact = value if isinstance(value, Decimal) else Decimal(repr(value))
            if not exact.is_finite():
                raise ValueError(f"not a finite number: {value!r}")
            text = f"{int(exact):,}" if exact == exact.to_integral_value() else format(exact.normalize(), ",f")
        formats = self.words.formats
        if (formats.thousands_separator, formats.decimal_separator) == (",", "."):
            return text
        table: dict[str, str | int | None] = {",": formats.thousands_separator, ".": formats.decimal_separator}
        return text.translate(str.maketrans(table))

    def date(self, value: dt.date) -> str:
        formats = self.words.formats
        month_name = formats.month_names[value.month - 1] if formats.month_names else str(value.month)
        return formats.date.format(year=value.year, month=value.month, day=value.day, month_name=month_name)

    def period(self, value: AfterStart) -> str:
        """A period after the effective date ("3 weeks"), in this locale's words."""
        unit, n = next((u, getattr(value, u)) for u in ("days", "weeks", "months") if getattr(value, u) is not None)
        one, many = self.words.formats.periods[unit]
        return (one if n == 1 else many).format(n=self.number(n))

    def deadline(self, value: dt.date | AfterStart) -> str:
        """A deadline as clause text says it: "by 31 March 2027", "within 3 weeks from the effective date"."""
        formats = self.words.formats
        if isinstance(value, dt.date):
            return formats.by_date.format(date=self.date(value))
        return formats.within_period.format(period=self.period(value))

    def due(self, value: dt.date | AfterStart) -> str:
        """A deadline as a table shows it: "31 March 2027", "3 weeks from the effective date"."""
        if isinstance(value, dt.date):
            return self.date(value)
        return self.words.formats.period_from_start.format(period=self.period(value))

    def money(self, value: Money) -> str:
        return self.words.formats.money[value.currency].format(amount=self.number(value.amount))

    def join(self, items: Sequence[str], conjunction: Conjunction = "and") -> str:
        formats = self.words.formats
        return (formats.and_list if conjunction == "and" else formats.or_list).join(items)

    def quote(self, term: str) -> str:
        return self.words.formats.quote.format(term=term)

    def keyword(self, value: str) -> str:
        """A spec keyword ("worldwide") in this language; any other value as given."""
        return self.words.formats.keywords.get(value, value)

    def end_sentence(self, text: str) -> str:
        stop = self.words.formats.full_stop
        return text if text.endswith(stop) else text + stop

    # numbering

    def article_label(self, number: int) -> str:
        return self.words.numbering.article.format(number=number)

    def article_title(self, title: str) -> str:
        return self.words.numbering.article_title.format(title=title)

    def article_heading(self, number: int, title: str) -> str:
        numbering = self.words.numbering
        return self.article_label(number) + numbering.heading_separator + self.article_title(title)

    def paragraph_label(self, article: int, index: int, count: int) -> str | None:
        """None where the convention leaves a paragraph unnumbered: an article's only paragraph,
        and (where `number_first_paragraph` is false) its first one."""
        if count == 1 or (index == 0 and not self.number_first_paragraph):
            return None
        return self.words.numbering.paragraph.format(article=article, number=index + 1)

    def item_label(self, index: int) -> str:
        if self.item_numbering == "decimal":
            n = str(index + 1)
        else:
            n = _LETTERS[index] if index < 26 else _LETTERS[index // 26 - 1] + _LETTERS[index % 26]
        return self.words.numbering.item.format(n=n)

    @property
    def sentence_joiner(self) -> str:
        return self.words.numbering.sentence_joiner

    def word_numbering(self) -> dict[str, str | int]:
        """The labels as Word numbering levels (lvlText, numFmt, start), for the base templates."""
        numbering = self.words.numbering
        return {
            "article": numbering.article.format(number="%1"),
            "paragraph": numbering.paragraph.format(article="%1", number="%2"),
            "paragraph_start": 1 if self.number_first_paragraph else 2,
            "item": numbering.item.format(n="%3"),
            "item_format": "decimal" if self.item_numbering == "decimal" else "lowerLetter",
        }
