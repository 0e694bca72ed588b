"""The plain-language summary: what a project lead needs to know, from the same choices as the agreement.

Every point is derived from the spec and from the articles the agreement actually
contains, and names the article that binds, so the summary cannot contradict the
agreement. Renderers (Markdown, HTML, DOCX) only lay out the Summary model.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from . import wording
from .agreement import Agreement
from .assemble import assemble
from .checks import Finding, run_checks
from .conditions import other_party, party_by_id, party_fact, party_with_role
from .library import Library, load_library
from .loading import term_end
from .locales import Locale, get_locale
from .spec import AnySpec, CommonSpec, JrdSpec, LicenseSpec, NdaSpec, Party, PocSpec, Results, UsageScope


@dataclass
class Point:
    text: str
    article: str | None = None  # "第5条" / "Article 5"


@dataclass
class PartyPoints:
    name: str
    may: list[Point] = field(default_factory=list)
    must: list[Point] = field(default_factory=list)
    cannot: list[Point] = field(default_factory=list)


@dataclass
class Summary:
    locale: Locale
    title: str
    disclaimer: str
    overview: list[str]
    results_table: list[list[str]]  # header row first; empty when the deal has no results
    parties: list[PartyPoints]
    confidentiality: list[Point]
    money: list[Point]
    ending: list[Point]
    checklist: list[tuple[str, str]]
    balance_rows: list[tuple[str, str, str]]  # article, clause title, who it favours
    balance_verdict: str
    findings: list[Finding]
    articles: list[tuple[str, str]]  # heading, plain summary
    effective_date: str = ""  # ISO date, for document metadata

    @property
    def language(self) -> str:
        return self.locale.code

    def text(self) -> str:
        """All prose of the summary, for readability scoring and consistency tests."""
        parts = [self.title, self.disclaimer, *self.overview]
        for row in self.results_table[1:]:
            parts.append(" ".join(row))
        for p in self.parties:
            parts += [pt.text for pt in p.may + p.must + p.cannot]
        parts += [pt.text for pt in self.confidentiality + self.money + self.ending]
        parts.append(self.balance_verdict)
        parts += [a[1] for a in self.articles]
        return "\n".join(parts)


class _Refs:
    """Article labels by clause id, for the clauses this agreement has."""

    def __init__(self, agreement: Agreement, locale: Locale):
        self.labels = {a.clause_id: a.label for a in agreement.articles}
        self.separator = locale.words.summary.headings.article_separator

    def __call__(self, *clause_ids: str) -> str | None:
        found = [self.labels[c] for c in clause_ids if c in self.labels]
        return self.separator.join(found) if found else None

    def has(self, clause_id: str) -> bool:
        return clause_id in self.labels


def _known(party: Party | None) -> Party:
    """A party every validated spec has (a role it needs, an id it refers to): cross_check refuses the rest."""
    if party is None:
        raise ValueError("the spec does not name this party; load it with load_spec, which checks it")
    return party


def _role(spec: CommonSpec, role: str) -> Party:
    return _known(party_with_role(spec, role))


# --- the summary ------------------------------------------------------------------


def build_summary(spec: AnySpec, lang: str | None = None, library: Library | None = None) -> Summary:
    """The Summary model of a spec, in the spec's language or another (a locale code)."""
    locale = get_locale(lang or spec.language)
    library = library or load_library()
    original_language = spec.language
    if locale.code != spec.language:
        spec = spec.model_copy(update={"language": locale.code})
    agreement = assemble(spec, library)
    refs = _Refs(agreement, locale)
    parties = {p.id: PartyPoints(p.short_name) for p in spec.parties}
    conf = _confidentiality(spec, locale, refs, parties)
    money = _money(spec, locale, refs, parties)
    results_table = _results(spec, locale, refs, parties)
    _work(spec, locale, refs, parties)
    ending = _ending(spec, locale, refs, parties)
    rows, verdict = _balance(spec, agreement, library, locale)
    headings = locale.words.summary.headings
    # A title the spec gives is in the spec's language: another language's summary uses its own.
    title = agreement.title if locale.code == original_language else locale.words.agreement.titles[spec.type]
    return Summary(
        locale=locale,
        title=headings.title.format(title=title),
        disclaimer=headings.disclaimer,
        overview=_overview(spec, locale),
        results_table=results_table,
        parties=list(parties.values()),
        confidentiality=conf,
        money=money,
        ending=ending,
        checklist=_checklist(spec, locale),
        balance_rows=rows,
        balance_verdict=verdict,
        findings=run_checks(spec),
        articles=[(a.heading, a.summary) for a in agreement.articles],
        effective_date=spec.effective_date.isoformat(),
    )


def _overview(spec: AnySpec, locale: Locale) -> list[str]:
    words = locale.words.summary.overview
    first = locale.end_sentence(words.deal.format(
        parties=words.parties.join([p.short_name for p in spec.parties]),
        name=locale.words.agreement.names[spec.type], purpose=spec.purpose.description,
    ))
    if isinstance(spec, NdaSpec):
        second = (words.nda_mutual if spec.confidentiality.direction == "mutual" else words.nda_one_way.format(
            discloser=_role(spec, "discloser").short_name, recipient=_role(spec, "recipient").short_name))
    elif isinstance(spec, PocSpec):
        second = words.poc.format(provider=_role(spec, "provider").short_name, customer=_role(spec, "customer").short_name,
                                  date=locale.date(spec.poc.report_deadline))
    elif isinstance(spec, JrdSpec):
        second = words.jrd.format(ownership=wording.ownership_phrase(spec, locale))
    else:
        second = words.license.format(licensor=_role(spec, "licensor").short_name, licensee=_role(spec, "licensee").short_name,
                                      scope=wording.licence_phrase(spec, locale))
    return [first, second]


def _confidentiality(spec: AnySpec, locale: Locale, refs: _Refs, parties: dict[str, PartyPoints]) -> list[Point]:
    words = locale.words.summary.confidentiality
    conf = spec.confidentiality
    points = [Point(words.definition[conf.definition].format(days=conf.confirmation_days), refs("confidentiality.definition"))]
    until = words.lasts_years.format(years=conf.survival_years) if conf.survival_years else words.lasts_until_end
    if conf.trade_secrets_survive:
        until += words.trade_secrets
    points.append(Point(until, refs("general.term")))
    holders = [p for p in spec.parties] if conf.direction == "mutual" else [_role(spec, "recipient")] if isinstance(spec, NdaSpec) else list(spec.parties)
    duty = refs("confidentiality.duty")
    for party in holders:
        pts = parties[party.id]
        other = _known(other_party(spec, party.id)).short_name
        allowed = [words.staff]
        if conf.permitted_recipients.affiliates:
            allowed.append(words.affiliates)
        if conf.permitted_recipients.advisers:
            allowed.append(words.advisers)
        pts.must.append(Point(words.keep_secret.format(other=other), duty))
        pts.may.append(Point(words.may_share.format(other=other, allowed=locale.join(allowed)), duty))
        pts.cannot.append(Point(words.no_other_use.format(other=other), refs("confidentiality.no_other_use")))
        if conf.permitted_recipients.third_parties_with_consent:
            pts.cannot.append(Point(words.no_third_parties.format(other=other), duty))
        if refs.has("confidentiality.reverse_engineering"):
            pts.cannot.append(Point(words.no_reverse_engineering, refs("confidentiality.reverse_engineering")))
        pts.must.append(Point(words.return_or_destroy, refs("confidentiality.return")))
    return points


def _money(spec: AnySpec, locale: Locale, refs: _Refs, parties: dict[str, PartyPoints]) -> list[Point]:
    words = locale.words.summary.money
    points: list[Point] = []
    if isinstance(spec, NdaSpec):
        if spec.remedies.penalty:
            points.append(Point(words.nda_penalty.format(penalty=locale.money(spec.remedies.penalty)), refs("nda.remedies")))
        else:
            points.append(Point(words.nda_no_money, refs("nda.remedies")))
    if isinstance(spec, PocSpec):
        customer = _role(spec, "customer")
        ref = refs("poc.fee")
        if spec.poc.fee.amount:
            text = words.poc_fee.format(customer=customer.short_name, fee=locale.money(spec.poc.fee), days=spec.poc.payment_days)
            parties[customer.id].must.append(Point(text, ref))
        else:
            text = words.poc_free
        points.append(Point(text, ref))
        ns = spec.next_step
        if ns and ns.fee_if_none:
            points.append(Point(words.next_step_fee.format(customer=customer.short_name, fee=locale.money(ns.fee_if_none)),
                                refs("poc.next_step")))
        if ns and ns.discount_if_follows is not None:
            points.append(Point(words.next_step_discount.format(percent=locale.number(ns.discount_if_follows)), refs("poc.next_step")))
    if isinstance(spec, JrdSpec):
        costs = spec.jrd.costs
        if costs.rule == "each_bears_own":
            points.append(Point(words.jrd_own_costs, refs("jrd.costs")))
        else:
            payer = _known(party_by_id(spec, costs.payer)).short_name
            amount = words.cost_amount.format(amount=locale.money(costs.amount)) if costs.amount else ""
            points.append(Point(words.jrd_payer.format(payer=payer, amount=amount), refs("jrd.costs")))
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is not None:
        points += _royalty_points(spec, lic, locale, refs, parties)
    return points


def _royalty_points(spec: AnySpec, lic: UsageScope, locale: Locale, refs: _Refs, parties: dict[str, PartyPoints]) -> list[Point]:
    words = locale.words.summary.money
    licensee = party_fact(spec, "@role.licensee")
    ref = refs("license.royalties", "jrd.royalty", "poc.royalty", "jrd.licence", "poc.licence")
    roy = lic.royalty
    if roy.kind == "free":
        return [Point(words.royalty_free, ref)]
    items = []
    if roy.upfront:
        items.append(words.upfront.format(amount=locale.money(roy.upfront)))
    if roy.running_percent:
        items.append(words.running.format(percent=locale.number(roy.running_percent)))
    if roy.milestones:
        items.append(words.milestones)
    name = licensee.short_name if licensee else words.licensee
    points = [Point(words.pays.format(licensee=name, items=locale.join(items)), ref)]
    if roy.minimum_annual:
        points.append(Point(words.minimum.format(amount=locale.money(roy.minimum_annual)), ref))
    report = words.report.format(frequency=words.frequency[roy.report_frequency], days=roy.payment_days)
    points.append(Point(report, refs("license.reports") or ref))
    if licensee:
        parties[licensee.id].must.append(Point(report, refs("license.reports") or ref))
        if roy.audit:
            parties[licensee.id].must.append(Point(words.audit, refs("license.audit") or ref))
    return points


def _results(spec: AnySpec, locale: Locale, refs: _Refs, parties: dict[str, PartyPoints]) -> list[list[str]]:
    words = locale.words.summary.results
    separator = locale.words.summary.headings.article_separator
    results: Results | None = getattr(spec, "results", None)
    lic: UsageScope | None = getattr(spec, "licence", None)
    if results is None and lic is None:
        return []
    rows = [list(words.header)]
    own_ref = refs("poc.results_ownership", "jrd.ownership") or ""
    licensee: Party | None
    if results is not None:
        owner = wording.rule_phrase(spec, results.ownership, locale)
        if isinstance(spec, PocSpec):
            customer = _role(spec, "customer")
            use = words.poc_report_use[spec.poc.report_use].format(customer=customer.short_name)
            cell_refs = [own_ref, refs("poc.report_use")]
            if lic is not None:
                licensee = _known(party_fact(spec, "@role.licensee"))
                use += words.poc_licence.format(licensee=licensee.short_name, scope=wording.licence_phrase(spec, locale))
                cell_refs.append(refs("poc.licence"))
            rows.append([words.poc_results, owner, use, separator.join(r for r in cell_refs if r)])
            parties[customer.id].may.append(Point(words.poc_own_use[spec.poc.report_use], refs("poc.report_use")))
            if results.ownership.rule == "sole":
                owner_party = _known(party_by_id(spec, results.ownership.owner))
                parties[owner_party.id].may.append(Point(words.owner_may, own_ref))
        elif isinstance(spec, JrdSpec):  # the only other deal with results
            licensee = party_fact(spec, "@role.licensee") if lic else None
            uses: list[str] = []
            use_refs: list[str | None] = [own_ref]
            if lic and licensee:
                uses.append(words.use.format(party=licensee.short_name, scope=wording.licence_phrase(spec, locale)))
                use_refs.append(refs("jrd.licence"))
            if refs.has("jrd.joint_ownership"):
                uses.append(words.joint_each_may_practise if results.joint_rules.each_may_practise else words.joint_needs_consent)
                use_refs.append(refs("jrd.joint_ownership"))
            if spec.option is not None:
                holder = _known(party_by_id(spec, spec.option.holder)).short_name
                uses.append(words.option.format(holder=holder, months=spec.option.exercise_months,
                                                kind=words.option_kinds[spec.option.kind]))
                use_refs.append(refs("jrd.option"))
            if not uses:
                uses.append(words.owner_only)
            who = words.use_separator.join(words.use_item.format(use=u) for u in uses)
            rows.append([words.jrd_results, owner, who, separator.join(r for r in use_refs if r)])
        if results.copyright_ownership is not None:
            text = wording.rule_phrase(spec, results.copyright_ownership, locale)
            rows.append([words.copyright, text, words.no_entry, refs("poc.results_copyright", "jrd.ownership") or ""])
    elif lic is not None:
        licensor, licensee = _known(party_fact(spec, "@role.licensor")), _known(party_fact(spec, "@role.licensee"))
        rows.append([words.licensed, licensor.short_name, words.use.format(party=licensee.short_name, scope=wording.scope_phrase(lic, locale)),
                     refs("license.grant") or ""])
    if lic is not None:
        licensee = party_fact(spec, "@role.licensee")
        if licensee is not None:
            ref = refs("license.grant", "jrd.licence", "poc.licence")
            parties[licensee.id].may.append(Point(words.licensee_may.format(scope=wording.licence_phrase(spec, locale)), ref))
            if lic.sublicensing == "none":
                parties[licensee.id].cannot.append(Point(words.no_sublicensing, refs("license.restrictions", "jrd.licence", "poc.licence")))
    return rows


def _work(spec: AnySpec, locale: Locale, refs: _Refs, parties: dict[str, PartyPoints]) -> None:
    words = locale.words.summary.work
    if isinstance(spec, PocSpec):
        provider, customer = _role(spec, "provider"), _role(spec, "customer")
        parties[provider.id].must.append(Point(words.poc_deliver.format(date=locale.date(spec.poc.report_deadline)),
                                               refs("poc.work", "poc.report")))
        parties[provider.id].may.append(Point(words.poc_no_promise, refs("poc.work")))
        parties[customer.id].must.append(Point(words.poc_check.format(days=spec.poc.acceptance_days), refs("poc.report")))
        if spec.next_step:
            parties[customer.id].must.append(Point(words.poc_next_step.format(months=spec.next_step.decision_months),
                                                   refs("poc.next_step")))
    if isinstance(spec, NdaSpec) and spec.next_step:
        for party in spec.parties:
            parties[party.id].must.append(Point(words.nda_next_step.format(months=spec.next_step.decision_months), refs("nda.next_step")))
    if isinstance(spec, JrdSpec):
        for role in spec.jrd.roles:
            parties[role.party].must.append(Point(words.jrd_role.format(tasks=role.tasks), refs("jrd.roles")))
        pub = spec.publication
        for party in spec.parties:
            parties[party.id].must.append(Point(words.publication_notice.format(days=pub.notice_days), refs("jrd.publication")))
            if pub.academic_freedom and party.kind == "university":
                parties[party.id].may.append(Point(words.academic_freedom, refs("jrd.publication")))
        if spec.option is not None:
            holder = _known(party_by_id(spec, spec.option.holder))
            parties[holder.id].may.append(Point(
                words.option.format(months=spec.option.exercise_months, kind=words.option_kinds[spec.option.kind]), refs("jrd.option")))
        if spec.non_compete is not None:
            for party in spec.parties:
                parties[party.id].cannot.append(Point(
                    words.non_compete.format(months=spec.non_compete.months, scope=spec.non_compete.scope), refs("jrd.non_compete")))
    if isinstance(spec, LicenseSpec) and spec.improvements.grant_back != "none":
        licensee = _role(spec, "licensee")
        parties[licensee.id].must.append(Point(words.grant_back, refs("license.improvements")))
    for party in spec.parties:
        parties[party.id].cannot.append(Point(words.no_assignment, refs("general.no_assignment")))


def _ending(spec: AnySpec, locale: Locale, refs: _Refs, parties: dict[str, PartyPoints]) -> list[Point]:
    words = locale.words.summary.ending
    renew = spec.term.renewal
    points = [Point(words.runs.format(start=locale.date(spec.effective_date), end=locale.date(term_end(spec))), refs("general.term"))]
    if renew.automatic:
        points.append(Point(words.renews.format(months=renew.renewal_months, notice_days=renew.notice_days), refs("general.term")))
    term = spec.termination
    grounds = [words.breach.format(days=term.breach_cure_days)]
    if term.insolvency:
        grounds.append(words.insolvency)
    if term.change_of_control:
        grounds.append(words.change_of_control)
    points.append(Point(words.early.format(grounds=locale.join(grounds, "or")), refs("general.termination")))
    points.append(Point(words.survive, refs("general.term")))
    if isinstance(spec, LicenseSpec) and spec.licensed.sell_off_months:
        points.append(Point(words.sell_off.format(months=spec.licensed.sell_off_months), refs("license.effects")))
    for party in spec.parties:
        parties[party.id].may.append(Point(words.may_end.format(days=term.breach_cure_days), refs("general.termination")))
    return points


def _checklist(spec: AnySpec, locale: Locale) -> list[tuple[str, str]]:
    words = locale.words.summary.checklist
    p = spec.project
    none = locale.words.summary.headings.not_stated
    names = {x.id: x.short_name for x in spec.parties}
    roles = "; ".join(f"{names[r.party]}: {r.tasks}" for r in p.roles)
    return [
        (words.purpose, " / ".join(filter(None, [p.objective, "; ".join(p.kpis)])) or none),
        (words.roles, " / ".join(filter(None, [roles, p.risk_split or ""])) or none),
        (words.decides, p.decision_maker or none),
    ]


def _balance(spec: AnySpec, agreement: Agreement, library: Library, locale: Locale) -> tuple[list[tuple[str, str, str]], str]:
    words = locale.words.summary.balance
    score = {p.id: 0 for p in spec.parties}
    rows = []
    for art in agreement.articles:
        favours = library.vocabulary["balance"].get(art.balance, {}).get("favours", "")
        party = _favoured(spec, favours)
        if party is None:
            continue
        score[party.id] += 1
        rows.append((art.label, art.title, party.short_name))
    total = len(agreement.articles)
    a, b = spec.parties
    diff = score[a.id] - score[b.id]
    leader = a if diff > 0 else b
    share = abs(diff) / total if total else 0
    if share < 0.1:
        verdict = words.balanced
    elif share < 0.25:
        verdict = words.leans.format(leader=leader.short_name)
    else:
        verdict = words.favours.format(leader=leader.short_name)
    counts = words.counts.format(a=a.short_name, a_count=score[a.id], b=b.short_name, b_count=score[b.id], total=total)
    return rows, verdict + counts


def _favoured(spec: AnySpec, favours: str) -> Party | None:
    """The party a balance label favours in this deal, or None when it favours neither."""
    if not favours:
        return None
    if favours in ("startup", "large_company", "university"):
        matches = [p for p in spec.parties if p.kind == favours]
        return matches[0] if len(matches) == 1 else None
    fact = {"owner": "@results.sole_owner", "non_owner": "@results.non_owner"}.get(favours, f"@role.{favours}")
    return party_fact(spec, fact)



# --- renderers ----------------------------------------------------------------------


def _with_ref(point: Point, locale: Locale) -> str:
    """A point with the article that binds."""
    if not point.article:
        return point.text
    return locale.words.summary.headings.with_article.format(text=point.text, article=point.article)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")


def _md(text: str) -> str:
    """Text as CommonMark shows it literally: no emphasis, links, autolinks, raw HTML or entities.

    Spec values reach the summary (party names, purpose, free text), and a Markdown viewer
    must show `<script>` or `[x](javascript:...)` as the characters typed, never run or link them.
    """
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(s: Summary) -> str:
    locale, h = s.locale, s.locale.words.summary.headings
    m = _md
    out = [f"# {m(s.title)}", "", f"> {m(s.disclaimer)}", "", f"## {h.overview}", "", m(" ".join(s.overview)), ""]
    if s.results_table:
        out += [f"## {h.results}", ""]
        out.append("| " + " | ".join(m(c) for c in s.results_table[0]) + " |")
        out.append("|" + "---|" * len(s.results_table[0]))
        out += ["| " + " | ".join(m(c) for c in row) + " |" for row in s.results_table[1:]]
        out.append("")
    out += [f"## {h.parties}", ""]
    for p in s.parties:
        out += [f"### {m(p.name)}", ""]
        for key in ("may", "must", "cannot"):
            items = getattr(p, key)
            if items:
                out.append(f"**{getattr(h, key)}**")
                out += [f"- {m(_with_ref(pt, locale))}" for pt in items]
                out.append("")
    for key, points in (("secret", s.confidentiality), ("money", s.money), ("ending", s.ending)):
        out += [f"## {getattr(h, key)}", ""] + [f"- {m(_with_ref(pt, locale))}" for pt in points] + [""]
    out += [f"## {h.checklist}", ""] + [f"- **{m(q)}** {m(a)}" for q, a in s.checklist] + [""]
    out += [f"## {h.balance}", "", m(s.balance_verdict), ""]
    out += [f"- {m(label)} {m(title)}: {m(who)}" for label, title, who in s.balance_rows] + [""]
    out += [f"## {h.findings}", ""]
    if s.findings:
        for f in s.findings:
            out.append(f"- **{h.severity[f.severity]}** ({m(f.id)}, {m(f.path)}): {m(f.message)} {m(f.why)} {m(f.fix)}")
    else:
        out.append(h.no_findings)
    out += ["", f"## {h.articles}", ""] + [f"- **{m(h)}** {m(text)}" for h, text in s.articles] + [""]
    return "\n".join(out)


_CSS = """
body{font-family:"Hiragino Sans","Yu Gothic","Noto Sans CJK JP","IPAexGothic",system-ui,sans-serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.6;color:#222}
h1{font-size:1.5em;border-bottom:2px solid #333;padding-bottom:.2em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ccc}
.disclaimer{background:#fff4d6;border-left:4px solid #e0a800;padding:.6em 1em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f2f2f2}
.ref{color:#555;font-size:.9em;white-space:nowrap}.party{display:inline-block;vertical-align:top;width:48%;margin-right:1%}
.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#a35200;font-weight:bold}.sev-info{color:#0b5394;font-weight:bold}
@media print{body{margin:0;max-width:none}.party{width:48%}h2{page-break-after:avoid}table,li{page-break-inside:avoid}}
"""


def to_html(s: Summary) -> str:
    h = s.locale.words.summary.headings
    e = html.escape

    def li(pt: Point) -> str:
        ref = f' <span class="ref">{e(pt.article)}</span>' if pt.article else ""
        return f"<li>{e(pt.text)}{ref}</li>"

    out = [f'<!DOCTYPE html><html lang="{s.language}"><head><meta charset="utf-8"><title>{e(s.title)}</title><style>{_CSS}</style></head><body>',
           f"<h1>{e(s.title)}</h1>", f'<p class="disclaimer">{e(s.disclaimer)}</p>',
           f"<h2>{e(h.overview)}</h2>", "<p>" + e(" ".join(s.overview)) + "</p>"]
    if s.results_table:
        out.append(f"<h2>{e(h.results)}</h2><table><tr>" + "".join(f"<th>{e(c)}</th>" for c in s.results_table[0]) + "</tr>")
        out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in s.results_table[1:]]
        out.append("</table>")
    out.append(f"<h2>{e(h.parties)}</h2>")
    for p in s.parties:
        out.append(f'<div class="party"><h3>{e(p.name)}</h3>')
        for key in ("may", "must", "cannot"):
            items = getattr(p, key)
            if items:
                out.append(f"<h4>{e(getattr(h, key))}</h4><ul>" + "".join(li(pt) for pt in items) + "</ul>")
        out.append("</div>")
    for key, points in (("secret", s.confidentiality), ("money", s.money), ("ending", s.ending)):
        out.append(f"<h2>{e(getattr(h, key))}</h2><ul>" + "".join(li(pt) for pt in points) + "</ul>")
    out.append(f"<h2>{e(h.checklist)}</h2><table>" + "".join(f"<tr><th>{e(q)}</th><td>{e(a)}</td></tr>" for q, a in s.checklist) + "</table>")
    out.append(f"<h2>{e(h.balance)}</h2><p>{e(s.balance_verdict)}</p>")
    if s.balance_rows:
        out.append("<table>" + "".join(f"<tr><td>{e(a)}</td><td>{e(t)}</td><td>{e(w)}</td></tr>" for a, t, w in s.balance_rows) + "</table>")
    out.append(f"<h2>{e(h.findings)}</h2>")
    if s.findings:
        out.append("<ul>" + "".join(
            f'<li><span class="sev-{f.severity}">{e(h.severity[f.severity])}</span> {e(f.message)} {e(f.why)} <em>{e(f.fix)}</em> <code>{e(f.path)}</code></li>'
            for f in s.findings) + "</ul>")
    else:
        out.append(f"<p>{e(h.no_findings)}</p>")
    out.append(f"<h2>{e(h.articles)}</h2><ul>" + "".join(f"<li><strong>{e(h)}</strong> {e(t)}</li>" for h, t in s.articles) + "</ul>")
    out.append("</body></html>\n")
    return "\n".join(out)


def summarize(spec_or_agreement: AnySpec | Agreement, lang: str | None = None, format: str = "md", library: Library | None = None) -> str | bytes:
    """The plain-language summary as Markdown or HTML text, or DOCX bytes.

    Takes a validated spec, or an Agreement (its embedded resolved spec is used).
    """
    from .loading import validate_data

    if isinstance(spec_or_agreement, Agreement):
        spec = validate_data(dict(spec_or_agreement.resolved_spec), "<agreement>")
        lang = lang or spec_or_agreement.language
    else:
        spec = spec_or_agreement
    summary = build_summary(spec, lang, library)
    if format == "md":
        return to_markdown(summary)
    if format == "html":
        return to_html(summary)
    if format == "docx":
        from .docx_render import summary_docx

        return summary_docx(summary)
    raise ValueError(f"unknown summary format {format!r} (allowed: md, html, docx)")
