"""The plain-language summary: what a project lead needs to know, from the same choices as the agreement.

Every point is derived from the spec and from the articles the agreement actually
contains, and names the article that binds, so the summary cannot contradict the
agreement. Renderers (Markdown, HTML, DOCX) only lay out the Summary model.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from . import formatting, wording
from .agreement import Agreement
from .assemble import assemble
from .checks import Finding, run_checks
from .conditions import other_party, party_by_id, party_fact, party_with_role
from .library import Library, load_library
from .loading import term_end
from .spec import AnySpec, CommonSpec, JrdSpec, LicenseSpec, Money, NdaSpec, Party, PocSpec, Results, UsageScope


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
    language: str
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


# --- words ---------------------------------------------------------------------

T = {
    "title": {"ja": "やさしい要約：{title}", "en": "Plain-language summary: {title}"},
    "disclaimer": {
        "ja": "この要約は契約書の一部ではなく、法的助言でもありません。内容が異なる場合は契約書が優先します。各項目の条番号で契約書の本文を確認してください。",
        "en": "This summary is not part of the agreement and is not legal advice. If it differs from the agreement, the agreement wins. Each point names the article to read.",
    },
    "overview": {"ja": "この取引の要点", "en": "The deal in brief"},
    "results": {"ja": "成果：誰のものか、誰が何に使えるか", "en": "Results: who owns them and who may use them"},
    "parties": {"ja": "各当事者ができること・すべきこと・してはならないこと", "en": "What each side may, must and cannot do"},
    "may": {"ja": "できること", "en": "May"},
    "must": {"ja": "しなければならないこと", "en": "Must"},
    "cannot": {"ja": "してはならないこと", "en": "Cannot"},
    "secret": {"ja": "秘密にすること", "en": "What stays secret"},
    "money": {"ja": "お金", "en": "Money"},
    "ending": {"ja": "契約の終わり方", "en": "How it ends"},
    "checklist": {"ja": "協業チェックリスト", "en": "Collaboration checklist"},
    "balance": {"ja": "バランス", "en": "Balance"},
    "findings": {"ja": "確認が必要な点", "en": "Points to check"},
    "articles": {"ja": "条項ごとの要約", "en": "Article by article"},
    "not_stated": {"ja": "記載なし", "en": "not stated"},
    "no_findings": {"ja": "指摘事項はありません。", "en": "No issues found."},
    "balanced": {"ja": "中立", "en": "balanced"},
    "see": {"ja": "参照", "en": "see"},
}
KIND_NAME = {"report": {"ja": "報告書", "en": "the report"}}
SEVERITY = {
    "error": {"ja": "要修正", "en": "Must fix"},
    "warning": {"ja": "注意", "en": "Warning"},
    "info": {"ja": "参考", "en": "Note"},
}


def _t(key: str, lang: str) -> str:
    return T[key][lang]


class _Refs:
    """Article labels by clause id, for the clauses this agreement has."""

    def __init__(self, agreement: Agreement):
        self.labels = {a.clause_id: a.label for a in agreement.articles}

    def __call__(self, *clause_ids: str) -> str | None:
        found = [self.labels[c] for c in clause_ids if c in self.labels]
        return "、".join(found) if found and "第" in found[0] else (", ".join(found) if found else None)

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
    """The Summary model of a spec, in the spec's language or another."""
    lang = lang or spec.language
    library = library or load_library()
    original_language = spec.language
    if lang != spec.language:
        spec = spec.model_copy(update={"language": lang})
    agreement = assemble(spec, library)
    refs = _Refs(agreement)
    parties = {p.id: PartyPoints(p.short_name) for p in spec.parties}
    conf = _confidentiality(spec, lang, refs, parties)
    money = _money(spec, lang, refs, parties)
    results_table = _results(spec, lang, refs, parties)
    _work(spec, lang, refs, parties)
    ending = _ending(spec, lang, refs, parties)
    rows, verdict = _balance(spec, agreement, library, lang)
    return Summary(
        language=lang,
        title=_t("title", lang).format(title=agreement.title if lang == original_language else wording.TITLES[spec.type][lang]),
        disclaimer=_t("disclaimer", lang),
        overview=_overview(spec, lang),
        results_table=results_table,
        parties=list(parties.values()),
        confidentiality=conf,
        money=money,
        ending=ending,
        checklist=_checklist(spec, lang),
        balance_rows=rows,
        balance_verdict=verdict,
        findings=run_checks(spec),
        articles=[(a.heading, a.summary) for a in agreement.articles],
        effective_date=spec.effective_date.isoformat(),
    )


def _overview(spec: AnySpec, lang: str) -> list[str]:
    a, b = spec.parties
    name = wording.AGREEMENT_NAME[spec.type][lang]
    purpose = spec.purpose.description
    if lang == "ja":
        first = f"{a.short_name}と{b.short_name}が結ぶ{name}です。目的は「{purpose}」です。"
    else:
        first = f"{a.short_name} and {b.short_name} sign this {name}. Its purpose: {purpose}"
        first = first if first.endswith(".") else first + "."
    if isinstance(spec, NdaSpec):
        second = ("互いに渡す情報を秘密にし、この目的だけに使います。" if spec.confidentiality.direction == "mutual"
                  else f"{_role(spec, 'discloser').short_name}が渡す情報を、{_role(spec, 'recipient').short_name}は秘密にし、この目的だけに使います。") if lang == "ja" else (
                  "Each side keeps what the other shares secret and uses it only for this purpose." if spec.confidentiality.direction == "mutual"
                  else f"{_role(spec, 'recipient').short_name} keeps what {_role(spec, 'discloser').short_name} shares secret and uses it only for this purpose.")
    elif isinstance(spec, PocSpec):
        provider, customer = _role(spec, "provider"), _role(spec, "customer")
        date = formatting.date(spec.poc.report_deadline, lang)
        second = (f"{provider.short_name}が技術検証を行い、{date}までに報告書を{customer.short_name}に渡します。" if lang == "ja"
                  else f"{provider.short_name} runs a technical test for {customer.short_name} and delivers a report by {date}.")
    elif isinstance(spec, JrdSpec):
        owner = wording.ownership_phrase(spec, lang)
        second = (f"両者は共同で研究開発を行います。成果は{owner}です。" if lang == "ja"
                  else f"The two sides research and develop together. Results: {owner}.")
    else:
        licensor, licensee = _role(spec, "licensor"), _role(spec, "licensee")
        scope = wording.licence_phrase(spec, lang)
        second = (f"{licensor.short_name}は{licensee.short_name}に、特許等の利用を許諾します（{scope}）。" if lang == "ja"
                  else f"{licensor.short_name} lets {licensee.short_name} use its patents and know-how ({scope}).")
    return [first, second]


def _confidentiality(spec: AnySpec, lang: str, refs: _Refs, parties: dict[str, PartyPoints]) -> list[Point]:
    conf = spec.confidentiality
    ref = refs("confidentiality.definition")
    definition = {
        "all_disclosed": {"ja": "目的のために渡した情報はすべて秘密です。表示は不要です。", "en": "Everything shared for the purpose is secret, marked or not."},
        "marked": {"ja": "「秘密」と表示して書面やデータで渡した情報だけが秘密です。", "en": "Only information marked as confidential in writing or data is secret."},
        "marked_or_confirmed": {
            "ja": f"「秘密」と表示した情報が秘密です。口頭で伝えた情報は{conf.confirmation_days}日以内に書面で確認すれば秘密になります。",
            "en": f"Marked information is secret. Things said or shown become secret if confirmed in writing within {conf.confirmation_days} days.",
        },
    }[conf.definition][lang]
    points = [Point(definition, ref)]
    if lang == "ja":
        until = f"契約が終わってから{conf.survival_years}年間、秘密を守ります。" if conf.survival_years else "契約が終わるまで秘密を守ります。"
        if conf.trade_secrets_survive:
            until += "営業秘密は、秘密である限り守り続けます。"
    else:
        until = f"The duty lasts {conf.survival_years} years after the agreement ends." if conf.survival_years else "The duty lasts until the agreement ends."
        if conf.trade_secrets_survive:
            until += " Trade secrets stay protected for as long as they are secret."
    points.append(Point(until, refs("general.term")))
    holders = [p for p in spec.parties] if conf.direction == "mutual" else [_role(spec, "recipient")] if isinstance(spec, NdaSpec) else list(spec.parties)
    duty = refs("confidentiality.duty")
    for party in holders:
        pts = parties[party.id]
        other = _known(other_party(spec, party.id)).short_name
        allowed = []
        allowed.append("必要な役員・従業員" if lang == "ja" else "staff who need to know")
        if conf.permitted_recipients.affiliates:
            allowed.append("関係会社" if lang == "ja" else "affiliates")
        if conf.permitted_recipients.advisers:
            allowed.append("弁護士などの専門家" if lang == "ja" else "professional advisers")
        if lang == "ja":
            pts.must.append(Point(f"{other}から受け取った秘密情報を秘密に保つ。", duty))
            pts.may.append(Point(f"秘密情報を{formatting.join(allowed, 'ja')}に、同じ義務を負わせて開示する。", duty))
            pts.cannot.append(Point("秘密情報を目的以外に使う。", refs("confidentiality.no_other_use")))
            if conf.permitted_recipients.third_parties_with_consent:
                pts.cannot.append(Point(f"{other}の書面の同意なく、その他の第三者に開示する。", duty))
            if refs.has("confidentiality.reverse_engineering"):
                pts.cannot.append(Point("試料などを分解・解析（リバースエンジニアリング）する。", refs("confidentiality.reverse_engineering")))
            pts.must.append(Point("求められたとき又は契約終了時に、秘密情報を返すか廃棄する。", refs("confidentiality.return")))
        else:
            pts.must.append(Point(f"Keep {other}'s confidential information secret.", duty))
            pts.may.append(Point(f"Share {other}'s confidential information with {formatting.join(allowed, 'en')} under the same duty.", duty))
            pts.cannot.append(Point(f"Use {other}'s confidential information for anything but the purpose.", refs("confidentiality.no_other_use")))
            if conf.permitted_recipients.third_parties_with_consent:
                pts.cannot.append(Point(f"Give that information to anyone else without {other}'s written consent.", duty))
            if refs.has("confidentiality.reverse_engineering"):
                pts.cannot.append(Point("Take samples apart to learn how they work.", refs("confidentiality.reverse_engineering")))
            pts.must.append(Point("Return or destroy that information when asked or when the agreement ends.", refs("confidentiality.return")))
    return points


def _money_text(money: Money, lang: str) -> str:
    return formatting.money(money, lang)


def _money(spec: AnySpec, lang: str, refs: _Refs, parties: dict[str, PartyPoints]) -> list[Point]:
    points: list[Point] = []
    ja = lang == "ja"
    if isinstance(spec, NdaSpec):
        if spec.remedies.penalty:
            points.append(Point(
                f"違反した側は、損害賠償に加えて違約金{_money_text(spec.remedies.penalty, lang)}を払います。" if ja
                else f"A side that breaks the agreement pays a penalty of {_money_text(spec.remedies.penalty, lang)} on top of damages.",
                refs("nda.remedies")))
        else:
            points.append(Point("この契約で支払うお金はありません。違反した側は損害を賠償します。" if ja
                                else "No money changes hands. A side that breaks the agreement pays for the harm it causes.", refs("nda.remedies")))
    if isinstance(spec, PocSpec):
        customer = _role(spec, "customer")
        fee = _money_text(spec.poc.fee, lang)
        ref = refs("poc.fee")
        if spec.poc.fee.amount:
            text = (f"{customer.short_name}は検証の対価{fee}を、検収後{spec.poc.payment_days}日以内に払います。" if ja
                    else f"{customer.short_name} pays {fee} for the test, within {spec.poc.payment_days} days after accepting the report.")
            parties[customer.id].must.append(Point(text, ref))
        else:
            text = "検証は無償です。" if ja else "The test is free of charge."
        points.append(Point(text, ref))
        ns = spec.next_step
        if ns and ns.fee_if_none:
            points.append(Point(
                f"次の契約に進まない場合、{customer.short_name}は追加で{_money_text(ns.fee_if_none, lang)}を払います。" if ja
                else f"If no next agreement follows, {customer.short_name} pays an extra {_money_text(ns.fee_if_none, lang)}.",
                refs("poc.next_step")))
        if ns and ns.discount_if_follows is not None:
            points.append(Point(
                f"次の契約に進む場合、次の段階の対価が{formatting.number(ns.discount_if_follows)}%割り引かれます。" if ja
                else f"If a next agreement follows, its fees are cut by {formatting.number(ns.discount_if_follows)}%.",
                refs("poc.next_step")))
    if isinstance(spec, JrdSpec):
        costs = spec.jrd.costs
        if costs.rule == "each_bears_own":
            points.append(Point("研究費用は、各自が自分の分を負担します。" if ja else "Each side pays its own research costs.", refs("jrd.costs")))
        else:
            payer = _known(party_by_id(spec, costs.payer)).short_name
            amount = f"（{_money_text(costs.amount, lang)}）" if costs.amount and ja else (f" ({_money_text(costs.amount, lang)})" if costs.amount else "")
            points.append(Point(f"研究費用は{payer}が負担します{amount}。" if ja else f"{payer} pays the research costs{amount}.", refs("jrd.costs")))
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is not None:
        points += _royalty_points(spec, lic, lang, refs, parties)
    return points


def _royalty_points(spec: AnySpec, lic: UsageScope, lang: str, refs: _Refs, parties: dict[str, PartyPoints]) -> list[Point]:
    ja = lang == "ja"
    licensee = party_fact(spec, "@role.licensee")
    ref = refs("license.royalties", "jrd.royalty", "poc.royalty", "jrd.licence", "poc.licence")
    roy = lic.royalty
    if roy.kind == "free":
        return [Point("実施料は無償です。" if ja else "The licence is royalty-free.", ref)]
    items = []
    if roy.upfront:
        items.append(f"契約一時金{_money_text(roy.upfront, lang)}" if ja else f"an upfront fee of {_money_text(roy.upfront, lang)}")
    if roy.running_percent:
        items.append(f"正味販売額の{formatting.number(roy.running_percent)}%のランニング・ロイヤルティ" if ja
                     else f"{formatting.number(roy.running_percent)}% of Net Sales")
    if roy.milestones:
        items.append("別紙のマイルストーン一時金" if ja else "milestone payments listed in the Schedule")
    name = licensee.short_name if licensee else ("ライセンシー" if ja else "the licensee")
    points = [Point(f"{name}は、{formatting.join(items, 'ja')}を払います。" if ja else f"{name} pays {formatting.join(items, 'en')}.", ref)]
    if roy.minimum_annual:
        points.append(Point(f"売上が少なくても、年間最低{_money_text(roy.minimum_annual, lang)}を払います。" if ja
                            else f"It pays at least {_money_text(roy.minimum_annual, lang)} a year, whatever its sales.", ref))
    freq = {"quarterly": {"ja": "四半期ごと", "en": "every quarter"}, "half_yearly": {"ja": "半年ごと", "en": "every six months"},
            "yearly": {"ja": "1年ごと", "en": "every year"}}[roy.report_frequency][lang]
    report = (f"{freq}に売上を報告し、{roy.payment_days}日以内に支払います。" if ja
              else f"It reports sales {freq} and pays within {roy.payment_days} days.")
    points.append(Point(report, refs("license.reports") or ref))
    if licensee:
        parties[licensee.id].must.append(Point(report, refs("license.reports") or ref))
        if roy.audit:
            parties[licensee.id].must.append(Point("帳簿の監査に応じる。" if ja else "Let the licensor audit its books.", refs("license.audit") or ref))
    return points


def _results(spec: AnySpec, lang: str, refs: _Refs, parties: dict[str, PartyPoints]) -> list[list[str]]:
    ja = lang == "ja"
    results: Results | None = getattr(spec, "results", None)
    lic: UsageScope | None = getattr(spec, "licence", None)
    if results is None and lic is None:
        return []
    header = (["対象", "所有者", "利用できる者と範囲", "条"] if ja else ["What", "Who owns it", "Who may use it, and how", "Article"])
    rows = [header]
    own_ref = refs("poc.results_ownership", "jrd.ownership") or ""
    licensee: Party | None
    if results is not None:
        owner = wording.rule_phrase(spec, results.ownership, lang)
        if isinstance(spec, PocSpec):
            customer = _role(spec, "customer")
            use = {"purpose_only": {"ja": f"{customer.short_name}は報告書を目的の範囲でのみ使えます", "en": f"{customer.short_name} may use the report only for the purpose"},
                   "internal_business": {"ja": f"{customer.short_name}は報告書を社内の事業に使えます", "en": f"{customer.short_name} may use the report in its own business"}}[spec.poc.report_use][lang]
            cell_refs = [own_ref, refs("poc.report_use")]
            if lic is not None:
                licensee = _known(party_fact(spec, "@role.licensee"))
                scope = wording.licence_phrase(spec, lang)
                use += (f"。{licensee.short_name}は成果の実施許諾を受ける：{scope}" if ja
                        else f"; {licensee.short_name} also has a licence of the results: {scope}")
                cell_refs.append(refs("poc.licence"))
            rows.append(["発明・ノウハウ・報告書" if ja else "Inventions, know-how and the report", owner, use,
                         ("、" if ja else ", ").join(r for r in cell_refs if r)])
            own_use = {"purpose_only": {"ja": "報告書を目的の範囲で使う。", "en": "Use the report, but only for the purpose."},
                       "internal_business": {"ja": "報告書を社内の事業に使う。", "en": "Use the report in its own business."}}[spec.poc.report_use][lang]
            parties[customer.id].may.append(Point(own_use, refs("poc.report_use")))
            if results.ownership.rule == "sole":
                owner_party = _known(party_by_id(spec, results.ownership.owner))
                parties[owner_party.id].may.append(Point("成果の権利を持ち、自由に使える。" if ja else "Own the results and use them freely.", own_ref))
        elif isinstance(spec, JrdSpec):  # the only other deal with results
            licensee = party_fact(spec, "@role.licensee") if lic else None
            uses: list[str] = []
            use_refs: list[str | None] = [own_ref]
            if lic and licensee:
                uses.append(f"{licensee.short_name}：{wording.licence_phrase(spec, lang)}" if ja else f"{licensee.short_name}: {wording.licence_phrase(spec, lang)}")
                use_refs.append(refs("jrd.licence"))
            if refs.has("jrd.joint_ownership"):
                free = results.joint_rules.each_may_practise
                uses.append(("共有の成果は各当事者が自ら実施できる" if free else "共有の成果の実施には相手方の同意が必要") if ja
                            else ("each owner may use jointly owned results itself" if free else "using jointly owned results needs the other owner's consent"))
                use_refs.append(refs("jrd.joint_ownership"))
            if spec.option is not None:
                holder = _known(party_by_id(spec, spec.option.holder)).short_name
                kind = {"exclusive_licence": {"ja": "独占的実施許諾", "en": "an exclusive licence"},
                        "assignment": {"ja": "権利の譲渡", "en": "an assignment"}}[spec.option.kind][lang]
                uses.append(f"{holder}は{spec.option.exercise_months}か月以内に{kind}を選べる" if ja
                            else f"{holder} may choose {kind} within {spec.option.exercise_months} months")
                use_refs.append(refs("jrd.option"))
            if not uses:
                uses.append("所有者だけが使える（許諾の定めなし）" if ja else "only the owner may use them (no licence is granted)")
            who = "".join(u + "。" for u in uses) if ja else "; ".join(uses)
            rows.append(["発明・ノウハウ" if ja else "Inventions and know-how", owner, who, ("、" if ja else ", ").join(r for r in use_refs if r)])
        if results.copyright_ownership is not None:
            text = wording.rule_phrase(spec, results.copyright_ownership, lang)
            rows.append(["著作権（ソフトウェア・データ等）" if ja else "Copyright (software, data, documents)", text, "—",
                         refs("poc.results_copyright", "jrd.ownership") or ""])
    elif lic is not None:
        licensor, licensee = _known(party_fact(spec, "@role.licensor")), _known(party_fact(spec, "@role.licensee"))
        use = wording.scope_phrase(lic, lang)
        rows.append(["許諾特許・ノウハウ" if ja else "Licensed patents and know-how", licensor.short_name,
                     f"{licensee.short_name}：{use}" if ja else f"{licensee.short_name}: {use}", refs("license.grant") or ""])
    if lic is not None:
        licensee = party_fact(spec, "@role.licensee")
        if licensee is not None:
            ref = refs("license.grant", "jrd.licence", "poc.licence")
            parties[licensee.id].may.append(Point(
                f"許諾された範囲で成果や特許を使う（{wording.licence_phrase(spec, lang)}）。" if ja
                else f"Use the licensed rights within the scope ({wording.licence_phrase(spec, lang)}).", ref))
            if lic.sublicensing == "none":
                parties[licensee.id].cannot.append(Point("第三者に再実施許諾する。" if ja else "Sublicense to anyone else.", refs("license.restrictions", "jrd.licence", "poc.licence")))
    return rows


def _work(spec: AnySpec, lang: str, refs: _Refs, parties: dict[str, PartyPoints]) -> None:
    ja = lang == "ja"
    if isinstance(spec, PocSpec):
        provider, customer = _role(spec, "provider"), _role(spec, "customer")
        date = formatting.date(spec.poc.report_deadline, lang)
        parties[provider.id].must.append(Point(
            f"注意深く検証を行い、{date}までに報告書を渡す。" if ja else f"Do the test with due care and deliver the report by {date}.",
            refs("poc.work", "poc.report")))
        parties[provider.id].may.append(Point(
            "検証が成功することまでは保証しない。" if ja else "Not promise that the test will succeed.", refs("poc.work")))
        parties[customer.id].must.append(Point(
            f"報告書を受け取ってから{spec.poc.acceptance_days}日以内に確認する。連絡しなければ合格とみなされる。" if ja
            else f"Check the report within {spec.poc.acceptance_days} days. Silence counts as acceptance.", refs("poc.report")))
        if spec.next_step:
            parties[customer.id].must.append(Point(
                f"{spec.next_step.decision_months}か月以内に、次の契約に進むかどうかを伝える。" if ja
                else f"Say within {spec.next_step.decision_months} months whether a next agreement follows.", refs("poc.next_step")))
    if isinstance(spec, NdaSpec) and spec.next_step:
        for party in spec.parties:
            parties[party.id].must.append(Point(
                f"{spec.next_step.decision_months}か月以内に、次の段階に進むかどうかを決める。" if ja
                else f"Decide within {spec.next_step.decision_months} months whether to go to the next stage.", refs("nda.next_step")))
    if isinstance(spec, JrdSpec):
        for role in spec.jrd.roles:
            parties[role.party].must.append(Point(
                f"分担する研究を行う（{role.tasks}）。" if ja else f"Do its share of the work: {role.tasks}", refs("jrd.roles")))
        pub = spec.publication
        for party in spec.parties:
            parties[party.id].must.append(Point(
                f"成果を発表する{pub.notice_days}日前までに相手方に知らせる。" if ja
                else f"Tell the other side {pub.notice_days} days before publishing results.", refs("jrd.publication")))
            if pub.academic_freedom and party.kind == "university":
                parties[party.id].may.append(Point(
                    "出願のための猶予の後に成果を発表し、研究・教育に使う。" if ja
                    else "Publish results after the delay for patent filing, and use them in research and teaching.", refs("jrd.publication")))
        if spec.option is not None:
            holder = _known(party_by_id(spec, spec.option.holder))
            kind = {"exclusive_licence": {"ja": "独占的な実施許諾", "en": "an exclusive licence"},
                    "assignment": {"ja": "権利の譲渡", "en": "an assignment of the rights"}}[spec.option.kind][lang]
            parties[holder.id].may.append(Point(
                f"{spec.option.exercise_months}か月以内に、{kind}を受ける選択権を行使する。" if ja
                else f"Choose within {spec.option.exercise_months} months to take {kind}.", refs("jrd.option")))
        if spec.non_compete is not None:
            for party in spec.parties:
                parties[party.id].cannot.append(Point(
                    f"{spec.non_compete.months}か月間、次の分野で競合する開発をする：{spec.non_compete.scope}。" if ja
                    else f"Develop competing work for {spec.non_compete.months} months in: {spec.non_compete.scope}.", refs("jrd.non_compete")))
    if isinstance(spec, LicenseSpec) and spec.improvements.grant_back != "none":
        licensee = _role(spec, "licensee")
        parties[licensee.id].must.append(Point(
            "改良をしたら通知し、ライセンサーに利用を認める。" if ja else "Report its improvements and let the licensor use them.",
            refs("license.improvements")))
    for party in spec.parties:
        parties[party.id].cannot.append(Point(
            "相手方の同意なく、この契約上の地位を他人に譲る。" if ja else "Transfer this agreement without the other side's consent.",
            refs("general.no_assignment")))


def _ending(spec: AnySpec, lang: str, refs: _Refs, parties: dict[str, PartyPoints]) -> list[Point]:
    ja = lang == "ja"
    start, end = formatting.date(spec.effective_date, lang), formatting.date(term_end(spec), lang)
    renew = spec.term.renewal
    points = [Point(f"{start}から{end}まで有効です。" if ja else f"It runs from {start} to {end}.", refs("general.term"))]
    if renew.automatic:
        points.append(Point(
            f"満了の{renew.notice_days}日前までにどちらも止めなければ、{renew.renewal_months}か月ずつ延長されます。" if ja
            else f"It renews for {renew.renewal_months} months at a time unless a side says no {renew.notice_days} days before the end.",
            refs("general.term")))
    term = spec.termination
    grounds = [f"違反が{term.breach_cure_days}日以内に直されないとき" if ja else f"a breach is not fixed within {term.breach_cure_days} days"]
    if term.insolvency:
        grounds.append("相手方が倒産したとき" if ja else "the other side becomes insolvent")
    if term.change_of_control:
        grounds.append("相手方の支配権が変わったとき" if ja else "control of the other side changes")
    points.append(Point(
        f"{formatting.join(grounds, 'ja', 'or')}は、途中で解除できます。" if ja
        else f"A side may end it early if {formatting.join(grounds, 'en', 'or')}.", refs("general.termination")))
    points.append(Point(
        "終了後も、秘密保持などの義務は定められた期間続きます。" if ja
        else "Some duties, such as confidentiality, continue after it ends.", refs("general.term")))
    if isinstance(spec, LicenseSpec) and spec.licensed.sell_off_months:
        points.append(Point(
            f"終了後{spec.licensed.sell_off_months}か月間は、在庫を販売できます。" if ja
            else f"After it ends, the licensee may sell off its stock for {spec.licensed.sell_off_months} months.",
            refs("license.effects")))
    for party in spec.parties:
        parties[party.id].may.append(Point(
            f"相手方の違反が{term.breach_cure_days}日以内に直されなければ、契約を解除する。" if ja
            else f"End the agreement if the other side does not fix a breach within {term.breach_cure_days} days.",
            refs("general.termination")))
    return points


def _checklist(spec: AnySpec, lang: str) -> list[tuple[str, str]]:
    ja = lang == "ja"
    p = spec.project
    none = _t("not_stated", lang)
    names = {x.id: x.short_name for x in spec.parties}
    roles = "; ".join(f"{names[r.party]}: {r.tasks}" for r in p.roles)
    return [
        ("目的と成功の尺度を共有しているか" if ja else "Purpose and success measures shared?",
         " / ".join(filter(None, [p.objective, "; ".join(p.kpis)])) or none),
        ("役割とリスク分担は明確か" if ja else "Roles and risk split clear?", " / ".join(filter(None, [roles, p.risk_split or ""])) or none),
        ("誰が決めるか" if ja else "Who decides?", p.decision_maker or none),
    ]


def _balance(spec: AnySpec, agreement: Agreement, library: Library, lang: str) -> tuple[list[tuple[str, str, str]], str]:
    ja = lang == "ja"
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
        verdict = "全体としてバランスがとれています。" if ja else "Overall the deal is balanced."
    elif share < 0.25:
        verdict = f"全体としてやや{leader.short_name}に有利です。" if ja else f"Overall the deal leans towards {leader.short_name}."
    else:
        verdict = f"全体として{leader.short_name}に大きく有利です。" if ja else f"Overall the deal clearly favours {leader.short_name}."
    counts = (f"（{a.short_name}に有利な条項{score[a.id]}、{b.short_name}に有利な条項{score[b.id]}、全{total}条）" if ja
              else f" ({score[a.id]} articles favour {a.short_name}, {score[b.id]} favour {b.short_name}, of {total}.)")
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


def _with_ref(point: Point, lang: str) -> str:
    if not point.article:
        return point.text
    return f"{point.text}（{point.article}）" if lang == "ja" else f"{point.text} ({point.article})"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~])")


def _md(text: str) -> str:
    """Text as CommonMark shows it literally: no emphasis, links, autolinks, raw HTML or entities.

    Spec values reach the summary (party names, purpose, free text), and a Markdown viewer
    must show `<script>` or `[x](javascript:...)` as the characters typed, never run or link them.
    """
    return _MD_SPECIAL.sub(r"\\\1", text)


def to_markdown(s: Summary) -> str:
    lang = s.language
    m = _md
    out = [f"# {m(s.title)}", "", f"> {m(s.disclaimer)}", "", f"## {_t('overview', lang)}", "", m(" ".join(s.overview)), ""]
    if s.results_table:
        out += [f"## {_t('results', lang)}", ""]
        out.append("| " + " | ".join(m(c) for c in s.results_table[0]) + " |")
        out.append("|" + "---|" * len(s.results_table[0]))
        out += ["| " + " | ".join(m(c) for c in row) + " |" for row in s.results_table[1:]]
        out.append("")
    out += [f"## {_t('parties', lang)}", ""]
    for p in s.parties:
        out += [f"### {m(p.name)}", ""]
        for key in ("may", "must", "cannot"):
            items = getattr(p, key)
            if items:
                out.append(f"**{_t(key, lang)}**")
                out += [f"- {m(_with_ref(pt, lang))}" for pt in items]
                out.append("")
    for key, points in (("secret", s.confidentiality), ("money", s.money), ("ending", s.ending)):
        out += [f"## {_t(key, lang)}", ""] + [f"- {m(_with_ref(pt, lang))}" for pt in points] + [""]
    out += [f"## {_t('checklist', lang)}", ""] + [f"- **{m(q)}** {m(a)}" for q, a in s.checklist] + [""]
    out += [f"## {_t('balance', lang)}", "", m(s.balance_verdict), ""]
    out += [f"- {m(label)} {m(title)}: {m(who)}" for label, title, who in s.balance_rows] + [""]
    out += [f"## {_t('findings', lang)}", ""]
    if s.findings:
        for f in s.findings:
            out.append(f"- **{SEVERITY[f.severity][lang]}** ({m(f.id)}, {m(f.path)}): {m(f.message)} {m(f.why)} {m(f.fix)}")
    else:
        out.append(_t("no_findings", lang))
    out += ["", f"## {_t('articles', lang)}", ""] + [f"- **{m(h)}** {m(text)}" for h, text in s.articles] + [""]
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
    lang = s.language
    e = html.escape

    def li(pt: Point) -> str:
        ref = f' <span class="ref">{e(pt.article)}</span>' if pt.article else ""
        return f"<li>{e(pt.text)}{ref}</li>"

    out = [f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{e(s.title)}</title><style>{_CSS}</style></head><body>',
           f"<h1>{e(s.title)}</h1>", f'<p class="disclaimer">{e(s.disclaimer)}</p>',
           f"<h2>{e(_t('overview', lang))}</h2>", "<p>" + e(" ".join(s.overview)) + "</p>"]
    if s.results_table:
        out.append(f"<h2>{e(_t('results', lang))}</h2><table><tr>" + "".join(f"<th>{e(c)}</th>" for c in s.results_table[0]) + "</tr>")
        out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in s.results_table[1:]]
        out.append("</table>")
    out.append(f"<h2>{e(_t('parties', lang))}</h2>")
    for p in s.parties:
        out.append(f'<div class="party"><h3>{e(p.name)}</h3>')
        for key in ("may", "must", "cannot"):
            items = getattr(p, key)
            if items:
                out.append(f"<h4>{e(_t(key, lang))}</h4><ul>" + "".join(li(pt) for pt in items) + "</ul>")
        out.append("</div>")
    for key, points in (("secret", s.confidentiality), ("money", s.money), ("ending", s.ending)):
        out.append(f"<h2>{e(_t(key, lang))}</h2><ul>" + "".join(li(pt) for pt in points) + "</ul>")
    out.append(f"<h2>{e(_t('checklist', lang))}</h2><table>" + "".join(f"<tr><th>{e(q)}</th><td>{e(a)}</td></tr>" for q, a in s.checklist) + "</table>")
    out.append(f"<h2>{e(_t('balance', lang))}</h2><p>{e(s.balance_verdict)}</p>")
    if s.balance_rows:
        out.append("<table>" + "".join(f"<tr><td>{e(a)}</td><td>{e(t)}</td><td>{e(w)}</td></tr>" for a, t, w in s.balance_rows) + "</table>")
    out.append(f"<h2>{e(_t('findings', lang))}</h2>")
    if s.findings:
        out.append("<ul>" + "".join(
            f'<li><span class="sev-{f.severity}">{e(SEVERITY[f.severity][lang])}</span> {e(f.message)} {e(f.why)} <em>{e(f.fix)}</em> <code>{e(f.path)}</code></li>'
            for f in s.findings) + "</ul>")
    else:
        out.append(f"<p>{e(_t('no_findings', lang))}</p>")
    out.append(f"<h2>{e(_t('articles', lang))}</h2><ul>" + "".join(f"<li><strong>{e(h)}</strong> {e(t)}</li>" for h, t in s.articles) + "</ul>")
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
