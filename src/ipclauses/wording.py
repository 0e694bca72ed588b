"""The agreement's own text outside the clauses: title, preamble, key terms, and choices in words.

What to say is decided here, once for every language; the words come from the
Locale, so the agreement, the key-terms table and the summary describe each
choice in the same words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .agreement import Agreement
from .locales import Locale, get_locale
from .spec import AnySpec, CommonSpec, OwnershipRule, Party, Results, UsageScope, term_end


def title(spec: AnySpec, locale: Locale) -> str:
    """The agreement's title: the one the spec gives (in this language), else the locale's for its type."""
    given = spec.title if isinstance(spec.title, str) else getattr(spec.title, locale.code, None) if spec.title else None
    return given or type_words(spec.type, locale)[0]


def type_words(agreement_type: str, locale: Locale) -> tuple[str, str]:
    """(title, name) of an agreement type in a locale: the locale's words, else the type's own."""
    words = locale.words.agreement
    if agreement_type in words.titles and agreement_type in words.names:
        return words.titles[agreement_type], words.names[agreement_type]
    from .agreement_types import get_type

    own = get_type(agreement_type).words
    found = own.get(locale.code) or (own.get(locale.clause_text_language) if locale.clause_text_language != locale.code else None)
    if found is None:
        raise ValueError(f"the agreement type {agreement_type!r} has no title in {locale.code!r}: "
                         f"add it to the locale's words.agreement, or to the type's `words`")
    return found


def type_name(agreement_type: str, locale: Locale) -> str:
    return type_words(agreement_type, locale)[1]


def preamble(spec: AnySpec, locale: Locale) -> str:
    return preamble_text(spec.type, spec.parties, spec.effective_date, locale)


def preamble_text(agreement_type: str, parties: Sequence[Party], effective_date: dt.date, locale: Locale) -> str:
    """The opening sentence, for two parties or more ("A, B and C")."""
    words = locale.words.agreement
    if len(parties) < 2:
        raise ValueError("an agreement needs at least two parties")
    named = [words.preamble_party.format(legal_name=p.legal_name, short_name=p.short_name, address=p.address) for p in parties]
    return words.preamble.format(
        parties=words.preamble_parties.join(named), date=locale.date(effective_date), name=type_name(agreement_type, locale),
    )


def signing_intro(locale: Locale) -> str:
    return locale.words.agreement.signing_intro


def _party_name(spec: CommonSpec, party_id: str) -> str:
    return next(p.short_name for p in spec.parties if p.id == party_id)


def ownership_phrase(spec: AnySpec, locale: Locale) -> str | None:
    results: Results | None = getattr(spec, "results", None)
    if results is None:
        return None
    return rule_phrase(spec, results.ownership, locale)


def rule_phrase(spec: CommonSpec, rule: OwnershipRule, locale: Locale) -> str:
    """An ownership rule (of the results, or of their copyright) in words."""
    words = locale.words.phrases
    template = words.ownership[rule.rule]
    if rule.rule == "sole":
        return template.format(owner=_party_name(spec, rule.owner))
    if rule.rule == "joint":
        return template.format(shares=words.shares[rule.shares])
    return template


def licence_phrase(spec: AnySpec, locale: Locale) -> str | None:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None:
        return None
    return scope_phrase(lic, locale)


def scope_phrase(lic: UsageScope, locale: Locale) -> str:
    """A licence's exclusivity, field and territory in words."""
    words = locale.words.phrases
    excl = words.exclusivity[lic.exclusivity].format(months=lic.exclusive_months)
    if lic.exclusivity == "exclusive" and lic.exclusive_months:
        excl += words.exclusive_for_months.format(months=lic.exclusive_months)
    if lic.exclusivity == "exclusive" and lic.registered_exclusive:
        excl += words.registered_exclusive
    if lic.exclusivity != "non_exclusive" and lic.exclusive_from == "report_acceptance":
        excl = words.exclusive_from_report.format(exclusivity=excl)
    elif lic.exclusivity != "non_exclusive" and isinstance(lic.exclusive_from, dt.date):
        excl = words.exclusive_from_date.format(date=locale.date(lic.exclusive_from), exclusivity=excl)
    territory = locale.join([locale.keyword(t) for t in lic.territory])
    field = words.scope_field.format(field=lic.field) if lic.field else words.scope_all_fields
    return words.scope.format(exclusivity=excl, field=field, territory=territory)


def key_terms(spec: AnySpec, locale: Locale) -> list[tuple[str, str]]:
    words = locale.words.key_terms
    parties = words.party_separator.join(words.party.format(legal_name=p.legal_name, short_name=p.short_name) for p in spec.parties)
    rows = [(words.parties, parties), (words.purpose, spec.purpose.description)]
    renew = spec.term.renewal
    term = words.term_value.format(
        start=locale.date(spec.effective_date), end=locale.date(term_end(spec)), months=spec.term.months,
    )
    if renew.automatic:
        term += words.renewal.format(months=renew.renewal_months)
    rows.append((words.term, term))
    owner = ownership_phrase(spec, locale)
    if owner:
        rows.append((words.ownership, owner))
    lic = licence_phrase(spec, locale)
    if lic:
        rows.append((words.licence, lic))
    conf = spec.confidentiality
    years = (words.confidentiality_years.format(years=conf.survival_years) if conf.survival_years
             else words.confidentiality_until_end)
    if conf.trade_secrets_survive:
        years += words.trade_secrets
    rows.append((words.confidentiality, years))
    from .agreement_types import get_type

    return rows + get_type(spec.type).key_terms_for(spec, locale)


# --- the base template's labels ---------------------------------------------------------


def labels(locale: Locale) -> dict[str, str]:
    """The base template's labels (key terms, schedule, signature) in this locale's words."""
    words = locale.words
    return {
        "parties": words.key_terms.parties, "purpose": words.key_terms.purpose, "term": words.key_terms.term,
        "ownership": words.key_terms.ownership, "licence": words.key_terms.licence,
        "confidentiality": words.key_terms.confidentiality, "fee": words.key_terms.fee,
        "key_terms": words.key_terms.heading, "key_terms_note": words.key_terms.note, "schedule": words.schedule.title,
        "signature_date_blank": words.signature.date_blank, "seal": words.signature.seal, "name": words.signature.name,
        "title": words.signature.title, "signature": words.signature.signature, "for": words.signature.for_party,
    }


def signature_lines(agreement: Agreement) -> list[tuple[str, bool]]:
    """The signature block's lines after its introduction, as (text, bold), in the locale's layout."""
    lead, parties = signature_blocks(agreement)
    return lead + [line for block in parties for line in block]


def signature_blocks(agreement: Agreement) -> tuple[list[tuple[str, bool]], list[list[tuple[str, bool]]]]:
    """The signature block's lines after its introduction: those before the parties, then each party's, as (text, bold).

    A bilingual agreement sets each party's lines beside its lines in the other language.
    """
    locale = get_locale(agreement.language)
    words = locale.words.signature
    dated = agreement.signing_date if agreement.signing_date == words.date_blank else words.dated.format(date=agreement.signing_date)
    if locale.signature_layout == "name_and_seal":
        return [(dated, False)], [
            [
                ("", False), (party.address, False), (party.legal_name, False),
                (f"{party.representative_title}　{party.representative_name}　　{words.seal}", False),
            ]
            for party in agreement.parties
        ]
    return [], [
        [
            ("", False), (f"{words.for_party} {party.legal_name}", True), (f"{words.signature}: ____________________", False),
            (f"{words.name}: {party.representative_name}", False), (f"{words.title}: {party.representative_title}", False),
            (dated, False),
        ]
        for party in agreement.parties
    ]
