"""Fixed wording outside the clauses: titles, preamble, key terms, schedule headings.

Kept in one place per language so the agreement, the key-terms table and the
summary describe each choice in the same words.
"""

from __future__ import annotations

from collections.abc import Callable

from . import formatting
from .loading import term_end
from .spec import AnySpec, CommonSpec, OwnershipRule, Results, UsageScope

TITLES = {
    "nda": {"ja": "秘密保持契約書", "en": "Non-Disclosure Agreement"},
    "poc": {"ja": "技術検証（PoC）契約書", "en": "Proof of Concept Agreement"},
    "jrd": {"ja": "共同研究開発契約書", "en": "Joint Research and Development Agreement"},
    "license": {"ja": "ライセンス契約書", "en": "Licence Agreement"},
}
AGREEMENT_NAME = {  # used in the preamble: 「…契約」 / "this … Agreement"
    "nda": {"ja": "秘密保持契約", "en": "Non-Disclosure Agreement"},
    "poc": {"ja": "技術検証契約", "en": "Proof of Concept Agreement"},
    "jrd": {"ja": "共同研究開発契約", "en": "Joint Research and Development Agreement"},
    "license": {"ja": "ライセンス契約", "en": "Licence Agreement"},
}

LABELS = {
    "parties": {"ja": "当事者", "en": "Parties"},
    "purpose": {"ja": "目的", "en": "Purpose"},
    "term": {"ja": "契約期間", "en": "Term"},
    "ownership": {"ja": "成果の帰属", "en": "Ownership of results"},
    "licence": {"ja": "利用許諾の範囲", "en": "Licence scope"},
    "confidentiality": {"ja": "秘密保持期間", "en": "Confidentiality"},
    "fee": {"ja": "対価", "en": "Money"},
    "key_terms": {"ja": "主要条件", "en": "Key terms"},
    "key_terms_note": {
        "ja": "この表は本契約の主要条件の要約であり、本文と異なる場合は本文が優先する。",
        "en": "This table summarises the key terms; if it differs from the articles, the articles prevail.",
    },
    "schedule": {"ja": "別紙", "en": "Schedule"},
    "signature_date_blank": {"ja": "　　　　年　　月　　日", "en": "Date: ____________________"},
    "seal": {"ja": "印", "en": ""},
    "name": {"ja": "氏名", "en": "Name"},
    "title": {"ja": "役職", "en": "Title"},
    "signature": {"ja": "署名", "en": "Signature"},
    "for": {"ja": "", "en": "For"},
}


def article_label(number: int, lang: str) -> str:
    return f"第{number}条" if lang == "ja" else f"Article {number}"


def article_heading(number: int, title: str, lang: str) -> str:
    return f"第{number}条（{title}）" if lang == "ja" else f"Article {number} ({title})"


def paragraph_label(article: int, index: int, count: int, lang: str) -> str | None:
    """Japanese: first paragraph unnumbered, then 2, 3. English: 1.1, 1.2 when there are several."""
    if lang == "ja":
        return None if index == 0 else str(index + 1)
    return None if count == 1 else f"{article}.{index + 1}"


def item_label(index: int, lang: str) -> str:
    if lang == "ja":
        return f"（{index + 1}）"
    letters = "abcdefghijklmnopqrstuvwxyz"
    return f"({letters[index]})" if index < 26 else f"({letters[index // 26 - 1]}{letters[index % 26]})"


def preamble(spec: AnySpec, lang: str) -> str:
    name = AGREEMENT_NAME[spec.type][lang]
    a, b = spec.parties
    if lang == "ja":
        return (
            f"{a.legal_name}（以下「{a.short_name}」という。）と{b.legal_name}（以下「{b.short_name}」という。）は、"
            f"{formatting.date(spec.effective_date, 'ja')}付で、次のとおり{name}（以下「本契約」という。）を締結する。"
        )
    return (
        f'This {name} (this "Agreement") is made with effect from {formatting.date(spec.effective_date, "en")} '
        f'between {a.legal_name}, of {a.address} ("{a.short_name}"), and {b.legal_name}, of {b.address} '
        f'("{b.short_name}"). The parties agree as follows.'
    )


def signing_intro(lang: str, spec: AnySpec) -> str:
    if lang == "ja":
        # The closing statement (本契約の成立を証するため…) is the signature article itself
        # (general.signature), so the Japanese block adds no sentence of its own.
        return ""
    return "Signed by the authorised representatives of the parties."


def _party_name(spec: CommonSpec, party_id: str) -> str:
    return next(p.short_name for p in spec.parties if p.id == party_id)


OWNERSHIP = {
    "sole": {"ja": "{owner}の単独所有", "en": "{owner} owns them alone"},
    "joint": {"ja": "両当事者の共有（持分{shares}）", "en": "owned jointly ({shares} shares)"},
    "inventor": {"ja": "発明等をした者が属する当事者に帰属（共同の場合は共有）", "en": "each party owns what its people create; joint creations are owned jointly"},
    "by_field": {"ja": "分野ごとに帰属（別紙のとおり）", "en": "split by field (see the Schedule)"},
    "decide_later": {"ja": "都度協議して定める", "en": "to be agreed case by case"},
}
SHARES = {"equal": {"ja": "均等", "en": "equal"}, "by_contribution": {"ja": "貢献度に応じる", "en": "by contribution"}}
EXCLUSIVITY = {
    "non_exclusive": {"ja": "非独占", "en": "non-exclusive"},
    "exclusive_then_non_exclusive": {"ja": "{months}か月間独占、その後非独占", "en": "exclusive for {months} months, then non-exclusive"},
    "exclusive": {"ja": "独占", "en": "exclusive"},
}


def ownership_phrase(spec: AnySpec, lang: str) -> str | None:
    results: Results | None = getattr(spec, "results", None)
    if results is None:
        return None
    return rule_phrase(spec, results.ownership, lang)


def rule_phrase(spec: CommonSpec, rule: OwnershipRule, lang: str) -> str:
    """An ownership rule (of the results, or of their copyright) in words."""
    text = OWNERSHIP[rule.rule][lang]
    if rule.rule == "sole":
        text = text.format(owner=_party_name(spec, rule.owner))
    elif rule.rule == "joint":
        text = text.format(shares=SHARES[rule.shares][lang])
    return text


def licence_phrase(spec: AnySpec, lang: str) -> str | None:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None:
        return None
    return scope_phrase(lic, lang)


def scope_phrase(lic: UsageScope, lang: str) -> str:
    """A licence's exclusivity, field and territory in words."""
    excl = EXCLUSIVITY[lic.exclusivity][lang].format(months=lic.exclusive_months)
    if lic.exclusivity == "exclusive" and lic.exclusive_months:
        excl += f"（{lic.exclusive_months}か月間）" if lang == "ja" else f" for {lic.exclusive_months} months"
    territory = "全世界" if lic.territory == ["worldwide"] and lang == "ja" else (
        "worldwide" if lic.territory == ["worldwide"] else formatting.join(lic.territory, lang))
    if lang == "ja":
        field = f"分野：{lic.field}" if lic.field else "分野の限定なし"
        return f"{excl}、{field}、地域：{territory}"
    field = f"field: {lic.field}" if lic.field else "all fields"
    return f"{excl}; {field}; territory: {territory}"


def key_terms(spec: AnySpec, lang: str) -> list[tuple[str, str]]:
    L: Callable[[str], str] = lambda key: LABELS[key][lang]
    sep = "、" if lang == "ja" else "; "
    rows = [
        (L("parties"), sep.join(f"{p.legal_name}（{p.short_name}）" if lang == "ja" else f"{p.legal_name} (\"{p.short_name}\")" for p in spec.parties)),
        (L("purpose"), spec.purpose.description),
    ]
    start, end = formatting.date(spec.effective_date, lang), formatting.date(term_end(spec), lang)
    renew = spec.term.renewal
    if lang == "ja":
        term = f"{start}から{end}まで（{spec.term.months}か月）"
        if renew.automatic:
            term += f"、以後{renew.renewal_months}か月ごとに自動更新"
    else:
        term = f"{start} to {end} ({spec.term.months} months)"
        if renew.automatic:
            term += f", then renews for {renew.renewal_months} months at a time"
    rows.append((L("term"), term))
    owner = ownership_phrase(spec, lang)
    if owner:
        rows.append((L("ownership"), owner))
    lic = licence_phrase(spec, lang)
    if lic:
        rows.append((L("licence"), lic))
    conf = spec.confidentiality
    if lang == "ja":
        years = f"契約終了後{conf.survival_years}年間" if conf.survival_years else "契約終了まで"
        if conf.trade_secrets_survive:
            years += "（営業秘密は秘密である限り存続）"
    else:
        years = f"{conf.survival_years} years after the agreement ends" if conf.survival_years else "until the agreement ends"
        if conf.trade_secrets_survive:
            years += " (trade secrets for as long as they stay secret)"
    rows.append((L("confidentiality"), years))
    if spec.type == "poc":
        rows.append((L("fee"), formatting.money(spec.poc.fee, lang)))
    return rows
