"""The plain-language summary: a projection of the agreement's own clause choices.

Each variant of the clause library declares its effects (who owns, may, must or
cannot do what, what stays secret, who pays, how it ends) in plain words. The
summary lists the effects of exactly the variants the agreement contains, each
with the article that binds it, so it cannot say what the agreement does not.
Only the overview (the agreement type's own sentence), the checklist (the spec's
project section) and the balance (the vocabulary's labels) come from elsewhere.
Renderers (renderers/) lay the Summary out; this module decides what it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .agreement import Agreement
from .agreement_types import get_type
from .assemble import sentence_case
from .conditions import holds, parties_concerned, party_fact
from .library import Effect, Library
from .locales import Locale
from .spec import AnySpec, Party
from .wording import type_name

if TYPE_CHECKING:
    from .assemble import Plan
    from .checks import Finding

# Where each kind of effect appears: in each party's lists, or in a section of the summary.
PARTY_KINDS = ("may", "must", "cannot")
SECTION_OF_KIND = {"owns": "results", "keeps_secret": "confidentiality", "pays": "money", "receives": "money", "ends": "ending"}


@dataclass
class Point:
    text: str
    article: str | None = None  # "第5条" / "Article 5": the article that binds
    article_id: str | None = None  # that article's clause id, for tools that align versions


@dataclass
class PartyPoints:
    name: str  # the party's short name, as the spec gives it
    heading: str  # the same, as a heading opens with it: "The University"
    may: list[Point] = field(default_factory=list)
    must: list[Point] = field(default_factory=list)
    cannot: list[Point] = field(default_factory=list)


@dataclass
class ResultRow:
    what: str
    point: Point


@dataclass
class Summary:
    locale: Locale
    title: str
    disclaimer: str
    overview: list[str]
    results: list[ResultRow]  # what is owned, and by whom; empty when the deal creates or licenses nothing
    parties: list[PartyPoints]
    confidentiality: list[Point]
    money: list[Point]
    ending: list[Point]
    checklist: list[tuple[str, str]]
    balance_rows: list[tuple[str, str, str]]  # article, clause title, who it favours
    balance_verdict: str
    findings: list[Finding]  # the deal checks' findings, their texts in the summary's language
    articles: list[tuple[str, str]]  # heading, plain summary
    effective_date: str = ""  # ISO date, for document metadata
    article_labels: list[str] = field(default_factory=list)  # each article's label ("第5条"), as `articles` lists them
    objective: str = ""  # the checklist's purpose answer splits into the objective and its success measures
    kpis: list[str] = field(default_factory=list)

    @property
    def language(self) -> str:
        return self.locale.code

    @property
    def results_table(self) -> list[list[str]]:
        """The results as a table: the header row first; empty when there are no results."""
        if not self.results:
            return []
        header = list(self.locale.words.summary.results.header)
        return [header] + [[row.what, row.point.text, row.point.article or ""] for row in self.results]

    def points(self) -> list[Point]:
        """Every point the summary makes, each of which names the article that binds it."""
        found = [row.point for row in self.results]
        for party in self.parties:
            found += party.may + party.must + party.cannot
        return found + self.confidentiality + self.money + self.ending

    def text(self) -> str:
        """All prose of the summary, for readability scoring and consistency tests."""
        parts = [self.title, self.disclaimer, *self.overview]
        parts += [f"{row.what} {row.point.text}" for row in self.results]
        for p in self.parties:
            parts += [pt.text for pt in p.may + p.must + p.cannot]
        parts += [pt.text for pt in self.confidentiality + self.money + self.ending]
        parts.append(self.balance_verdict)
        parts += [a[1] for a in self.articles]
        return "\n".join(parts)


def with_article(point: Point, locale: Locale) -> str:
    """A point followed by the article that binds it, as the locale writes that."""
    if not point.article:
        return point.text
    return locale.words.summary.headings.with_article.format(text=point.text, article=point.article)


# --- the projection ------------------------------------------------------------------


def build_summary(spec: AnySpec, agreement: Agreement, library: Library, findings: list[Finding], planned: Plan) -> Summary:
    """The Summary of an assembled agreement: its chosen variants' effects, in the agreement's language.

    `planned` and `agreement` must come from `spec` with `library`, and `findings` be the
    spec's deal checks: a Draft (draft.py) computes each once and passes them here.
    """
    from .locales import get_locale

    locale = get_locale(agreement.language)
    projection = _Projection(spec, agreement, library, planned, locale)
    headings = locale.words.summary.headings
    rows, verdict = _balance(spec, agreement, library, locale)
    return Summary(
        locale=locale,
        title=headings.title.format(title=agreement.title),
        disclaimer=headings.disclaimer,
        overview=_overview(spec, locale),
        results=projection.results,
        parties=list(projection.parties.values()),
        confidentiality=projection.sections["confidentiality"],
        money=projection.sections["money"],
        ending=projection.sections["ending"],
        checklist=_checklist(spec, locale),
        balance_rows=rows,
        balance_verdict=verdict,
        findings=[f.in_locale(locale) for f in findings],  # in the summary's language
        articles=[(a.heading, a.summary) for a in agreement.articles],
        effective_date=spec.effective_date.isoformat(),
        article_labels=[a.label for a in agreement.articles],
        objective=_sentences([spec.project.objective or ""], spec, locale)[0],
        kpis=_sentences(list(spec.project.kpis), spec, locale),
    )


class _Projection:
    """The chosen variants' effects, rendered for this spec and sorted into the summary's places."""

    def __init__(self, spec: AnySpec, agreement: Agreement, library: Library, planned: Plan, locale: Locale) -> None:
        self.spec, self.library, self.locale = spec, library, locale
        # a party's heading opens a line: "The University"
        headings = _sentences([p.short_name for p in spec.parties], spec, locale)
        self.parties = {p.id: PartyPoints(p.short_name, heading) for p, heading in zip(spec.parties, headings, strict=True)}
        self.sections: dict[str, list[Point]] = {"confidentiality": [], "money": [], "ending": []}
        self.results: list[ResultRow] = []
        self._seen: set[tuple[str, str, str, str]] = set()
        self.context = planned.context
        self.names = [p.short_name for p in spec.parties]
        for article, (clause, variant) in zip(agreement.articles, planned.chosen, strict=True):
            for number, effect in enumerate(variant.effects):
                if holds(spec, effect.when):
                    self._add(effect, article.label, article.clause_id, f"{clause.source} ({clause.id}, variant {variant.id}, effect {number})")

    def _add(self, effect: Effect, label: str, clause_id: str, where: str) -> None:
        concerned: list[tuple[Party | None, dict[str, Any]]] = []
        if effect.who is None:
            concerned.append((None, {}))
        else:
            concerned.extend(parties_concerned(self.spec, effect.who))
        for party, item in concerned:
            context = self._context_for(party, item)
            text = self._render(effect, "text", context, where)
            what = self._render(effect, "what", context, where) if effect.kind == "owns" else ""
            key = (effect.kind, party.id if party and effect.kind in PARTY_KINDS else "", what, text)
            if key in self._seen:
                continue  # the same words for two parties (who = "each") make one point in a section
            self._seen.add(key)
            point = Point(text, label, clause_id)
            if effect.kind in PARTY_KINDS:
                assert party is not None  # the loader requires `who` for these kinds
                getattr(self.parties[party.id], effect.kind).append(point)
            elif effect.kind == "owns":
                self.results.append(ResultRow(what, point))
            else:
                self.sections[SECTION_OF_KIND[effect.kind]].append(point)

    def _context_for(self, party: Party | None, item: dict[str, Any]) -> dict[str, Any]:
        if party is None:
            return self.context
        others = [p.short_name for p in self.spec.parties if p.id != party.id]
        return {**self.context, "party": party.short_name, "other": self.locale.join(others), "item": item}

    def _render(self, effect: Effect, kind: str, context: dict[str, Any], where: str) -> str:
        template = effect.template(kind, self.locale.clause_text_language)
        text = self.library.render(template, context, f"{where} {kind}").strip()
        if self.locale.capitalise_sentence_start:  # "the University pays" opens a sentence
            text = sentence_case(text, self.names)
        return text


def _overview(spec: AnySpec, locale: Locale) -> list[str]:
    words = locale.words.summary.overview
    first = locale.end_sentence(words.deal.format(
        parties=words.parties.join([p.short_name for p in spec.parties]),
        name=spec.title or type_name(spec.type, locale), purpose=spec.purpose.description,
    ))
    second = get_type(spec.type).overview_for(spec, locale)
    return _sentences([first, second] if second else [first], spec, locale)


def _sentences(texts: list[str], spec: AnySpec, locale: Locale) -> list[str]:
    """Texts that may open with a party called "the University", each reading "The University" there."""
    if not locale.capitalise_sentence_start:
        return texts
    names = [p.short_name for p in spec.parties]
    return [sentence_case(text, names) for text in texts]


def _checklist(spec: AnySpec, locale: Locale) -> list[tuple[str, str]]:
    words = locale.words.summary.checklist
    p = spec.project
    none = locale.words.summary.headings.not_stated
    names = {x.id: x.short_name for x in spec.parties}
    roles = "; ".join(f"{names[r.party]}: {r.tasks}" for r in p.roles)
    answers = _sentences([
        " / ".join(filter(None, [p.objective, "; ".join(p.kpis)])) or none,
        " / ".join(filter(None, [roles, p.risk_split or ""])) or none,
        p.decision_maker or none,
    ], spec, locale)
    return list(zip((words.purpose, words.roles, words.decides), answers, strict=True))


def _balance(spec: AnySpec, agreement: Agreement, library: Library, locale: Locale) -> tuple[list[tuple[str, str, str]], str]:
    """Which party each article favours, and a verdict: balanced, leaning or clearly favouring one party."""
    words = locale.words.summary.balance
    score = {p.id: 0 for p in spec.parties}
    rows = []
    for art in agreement.articles:
        favours = library.vocabulary["balance"].get(art.balance, {}).get("favours", "")
        party = favoured_party(spec, favours)
        if party is None:
            continue
        score[party.id] += 1
        rows.append((art.label, art.title, _sentences([party.short_name], spec, locale)[0]))
    total = len(agreement.articles)
    ranked = sorted(spec.parties, key=lambda p: -score[p.id])  # stable: ties keep the spec's order
    lead = score[ranked[0].id] - score[ranked[1].id]
    share = lead / total if total else 0
    # Five or more articles for one side and none for the other is a one-sided deal however long
    # the agreement is: many neutral boilerplate articles must not dilute it into "leans".
    one_sided = lead >= 5 and score[ranked[1].id] == 0
    if share < 0.1 and not one_sided:
        verdict = words.balanced
    elif share < 0.25 and not one_sided:
        verdict = words.leans.format(leader=ranked[0].short_name)
    else:
        verdict = words.favours.format(leader=ranked[0].short_name)
    counts = locale.join([words.count.format(count=score[p.id], party=p.short_name) for p in spec.parties])
    return rows, verdict + words.counts.format(counts=counts, total=total)


def favoured_party(spec: AnySpec, favours: str) -> Party | None:
    """The party a balance label favours in this deal, or None when it favours neither."""
    if not favours:
        return None
    if favours in ("startup", "large_company", "university"):
        matches = [p for p in spec.parties if p.kind == favours]
        return matches[0] if len(matches) == 1 else None
    fact = {"owner": "@results.sole_owner", "non_owner": "@results.non_owner", "developer": "@ai.developer",
            "ai_partner": "@ai.partner"}.get(favours, f"@role.{favours}")
    return party_fact(spec, fact)


# --- the public entry point ------------------------------------------------------------


def summarize(spec_or_agreement: AnySpec | Agreement, lang: str | None = None, format: str = "md",
              library: Library | None = None) -> str | bytes:
    """The plain-language summary as Markdown or HTML text, or DOCX bytes.

    Takes a validated spec, or an Agreement (its embedded resolved spec is used).
    """
    from .draft import make_draft
    from .loading import validate_data
    from .renderers import render

    if isinstance(spec_or_agreement, Agreement):
        spec = validate_data(dict(spec_or_agreement.resolved_spec), "<agreement>")
        lang = lang or spec_or_agreement.language
    else:
        spec = spec_or_agreement
    draft = make_draft(spec, library, lang=lang)
    data = render(draft, "summary", format)
    return data.decode("utf-8") if format in ("md", "html") else data
