"""Deal checks: where a valid spec is still vague, lopsided or inconsistent, and why.

Validation (loading.py) refuses what cannot be drafted at all; these checks flag what
can be drafted but is risky, the way a good reviewer would. Each finding says what,
why it matters and what to do, in plain words, with the JSON path to change.

The checks here apply to every agreement type; each type's own checks are in its
module (agreement_types/), and `run_checks` runs both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import cast

from . import agreement_types
from .agreement_types.base import Finding as Finding  # defined beside AgreementType, whose checks return it
from .agreement_types.base import finding
from .conditions import party_by_id, party_fact
from .spec import AnySpec, CommonSpec, Money, NonCompete, OwnershipRule, Party, Results, Royalty, SpecModel, UsageScope
from .unicode_safety import mixes_scripts

SEVERITIES = ("error", "warning", "info")


Check = Callable[[CommonSpec], Iterator[Finding]]
CHECKS: list[Check] = []
"""The checks every agreement type shares (each type's own are its `checks`)."""


def check(fn: Check) -> Check:
    CHECKS.append(fn)
    return fn


def run_checks(spec: CommonSpec) -> list[Finding]:
    """Every finding for a spec, shared and its type's own, errors first, in a stable order."""
    findings = [f for fn in CHECKS for f in fn(spec)] + agreement_types.type_of(spec).findings(spec)
    return sorted(findings, key=lambda f: (SEVERITIES.index(f.severity), f.path, f.id))


_VAGUE_WORDS = {
    "collaboration", "cooperation", "business", "partnership", "discussion", "discussions", "project",
    "general", "various", "matters", "related", "potential", "possible", "opportunities", "evaluation",
    "evaluating", "exploring", "explore", "considering", "consider", "future", "joint", "mutual", "both",
    "parties", "party", "companies", "company", "between", "regarding", "concerning", "relating", "about",
    "new", "businesses", "possibility", "possibilities", "purpose", "purposes", "together",
}
# Japanese words that say nothing about what the parties will do or with which technology:
# a purpose made only of them (「両社間の新規事業に関する協業の可能性の検討」) limits nothing.
_VAGUE_JA = (
    "両社間", "両社", "当事者間", "当事者", "双方", "相互", "新規事業", "新事業", "事業化", "事業", "業務提携", "業務", "協業",
    "協力", "連携", "提携", "取引", "検討", "可能性", "各種", "関連", "関係", "一般", "将来", "今後", "その他", "等",
    "目的", "ため", "ための", "に関する", "に係る", "について", "における", "及び", "並びに", "又は", "若しくは",
)


def _substance(text: str, names: list[str]) -> tuple[int, int]:
    """(Japanese characters, English words) of a purpose that name something: no party name, no filler."""
    for name in sorted(names, key=len, reverse=True):
        text = text.replace(name, " ")
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z-]+", text) if w.lower() not in _VAGUE_WORDS and len(w) > 3]
    for filler in _VAGUE_JA:
        text = text.replace(filler, " ")
    text = re.sub(r"[\u3040-\u309f]+", " ", text)  # hiragana: particles and endings, not what is named
    named = len(re.findall(r"[\u30a0-\u30ff\u4e00-\u9fffA-Za-z0-9\uff10-\uff5a]", re.sub(r"[A-Za-z]+", "", text)))
    return named, len(words)


@check
def purpose_vague(spec: CommonSpec) -> Iterator[Finding]:
    """Judged by content, not length: what is left once party names and words that name nothing are gone."""
    text = spec.purpose.description.strip()
    names = [n for p in spec.parties for n in (p.short_name, p.legal_name)]
    japanese, english = _substance(text, names)
    if japanese < 6 and english < 3:
        yield finding("purpose.vague", "error", "/purpose/description")


@check
def project_context(spec: CommonSpec) -> Iterator[Finding]:
    project = spec.project
    if not project.objective:
        yield finding("project.objective_missing", "warning", "/project/objective")
    if not project.kpis:
        yield finding("project.kpis_missing", "info", "/project/kpis")
    if not project.roles:
        yield finding("project.roles_missing", "info", "/project/roles")
    if not project.decision_maker:
        yield finding("project.decision_maker_missing", "info", "/project/decision_maker")


@check
def mixed_script_names(spec: CommonSpec) -> Iterator[Finding]:
    for i, party in enumerate(spec.parties):
        for key in ("short_name", "legal_name"):
            used = mixes_scripts(getattr(party, key))
            if used:
                yield finding("parties.mixed_script_name", "warning", f"/parties/{i}/{key}",
                              name=getattr(party, key), scripts=", ".join(used))


def _joint(rule: OwnershipRule | None) -> bool:
    return rule is not None and (rule.rule in ("joint", "inventor") or (rule.rule == "by_field" and rule.otherwise == "joint"))


@check
def joint_ownership_rules(spec: CommonSpec) -> Iterator[Finding]:
    results: Results | None = getattr(spec, "results", None)
    if results is None:
        return
    if (_joint(results.ownership) or _joint(results.copyright_ownership)) and "joint_rules" not in results.model_fields_set:
        yield finding("ownership.joint_rules_default", "warning", "/results/joint_rules")
    if _joint(results.ownership) and results.joint_rules.third_party_licensing == "consent_required" and any(
            p.kind == "startup" for p in spec.parties):
        startup = next(p for p in spec.parties if p.kind == "startup")
        yield finding("ownership.joint_blocks_startup", "warning", "/results/joint_rules/third_party_licensing",
                      startup=startup.short_name)


@check
def exclusive_licence_bounds(spec: CommonSpec) -> Iterator[Finding]:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None or lic.exclusivity == "non_exclusive":
        return
    if lic.exclusive_perpetual:
        # A way out (exclusivity lost on non-use or on a missed first sale) makes it a point to note, not a trap.
        diligence = getattr(spec, "diligence", None)
        way_out = lic.non_use_fallback_months is not None or (diligence is not None and diligence.consequence != "terminate")
        yield finding("licence.exclusive_no_period", "info" if way_out else "warning", "/licence/exclusive_perpetual")
    if not lic.field and not lic.products:
        yield finding("licence.exclusive_no_field", "warning", "/licence/field")
    if lic.non_use_fallback_months is None and getattr(spec, "diligence", None) is None:
        yield finding("licence.exclusive_no_fallback", "warning", "/licence/non_use_fallback_months")
    owner_is_startup = (licensor := _licensor(spec)) is not None and licensor.kind == "startup"
    if owner_is_startup and lic.royalty.kind == "paid" and lic.royalty.running_percent and not lic.royalty.minimum_annual:
        yield finding("licence.exclusive_no_minimum", "info", "/licence/royalty/minimum_annual")


# conditions still types a spec as the shipped types' union (AnySpec); any registered type's
# spec is looked up the same way. TODO: drop the casts once conditions takes a CommonSpec.
def _licensor(spec: CommonSpec) -> Party | None:
    return party_fact(cast(AnySpec, spec), "@role.licensor")


def _licensee(spec: CommonSpec) -> Party | None:
    return party_fact(cast(AnySpec, spec), "@role.licensee")


@check
def sublicensing_for_groups(spec: CommonSpec) -> Iterator[Finding]:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None or lic.sublicensing != "none":
        return
    licensee = _licensee(spec)
    if licensee is not None and licensee.kind == "large_company":
        yield finding("licence.no_affiliate_sublicence", "info", "/licence/sublicensing", licensee=licensee.short_name)


@check
def confidentiality_survival(spec: CommonSpec) -> Iterator[Finding]:
    conf = spec.confidentiality
    lic: UsageScope | None = getattr(spec, "licence", None)
    licence_years: float | None = None
    if lic is not None and lic.term.kind == "years":
        licence_years = lic.term.years
    elif lic is not None and lic.term.kind == "agreement_term":
        licence_years = spec.term.months / 12
    if licence_years and conf.survival_years < licence_years:
        yield finding("confidentiality.survival_shorter_than_licence", "warning", "/confidentiality/survival_years",
                      years=conf.survival_years)
    if not conf.trade_secrets_survive:
        yield finding("confidentiality.trade_secrets_expire", "warning", "/confidentiality/trade_secrets_survive")


@check
def marked_only_with_samples(spec: CommonSpec) -> Iterator[Finding]:
    conf, kind = spec.confidentiality, agreement_types.type_of(spec)
    # A ban on reverse engineering, or inspection, says samples change hands, where the agreement drafts them (an NDA).
    drafted = {name for name in ("reverse_engineering_banned", "inspection") if f"/confidentiality/{name}" not in kind.undrafted}
    shares_things = kind.shares_materials or any(getattr(conf, name) for name in drafted)
    if conf.definition == "marked" and shares_things:
        yield finding("confidentiality.marked_only", "info", "/confidentiality/definition")


@check
def non_compete_bounds(spec: CommonSpec) -> Iterator[Finding]:
    nc: NonCompete | None = getattr(spec, "non_compete", None)
    if nc is None:
        return
    if nc.months > 24 or len(nc.scope.strip()) < 15:
        yield finding("non_compete.broad", "warning", "/non_compete", months=nc.months, scope=nc.scope)


@check
def one_sided_liability(spec: CommonSpec) -> Iterator[Finding]:
    liab = spec.liability
    if liab.cap_applies_to == "only" and liab.cap.kind != "none":
        capped = party_by_id(spec, liab.capped_party)
        yield finding("liability.one_sided_cap", "warning", "/liability/cap_applies_to",
                      variant="" if len(spec.parties) == 2 else "many",
                      party=capped.short_name if capped else liab.capped_party)


# Where a named court sits, by the governing law of that place. The other places are tried first:
# "United States District Court" must not read as a Japanese "District Court".
_COURT_PLACES = (
    ("new_york", re.compile(r"New York|United States|U\.S\.|Southern District|Eastern District", re.I)),
    ("england_wales", re.compile(r"England|Wales|London|High Court of Justice|Business and Property Courts", re.I)),
    ("singapore", re.compile(r"Singapore|シンガポール", re.I)),
    ("japan", re.compile(r"裁判所|Japan|Tokyo|Osaka|Nagoya|Sapporo|Sendai|Fukuoka|Hiroshima|Takamatsu|Kyoto|Kobe|"
                         r"Yokohama|District Court|High Court", re.I)),
)


def court_place(court: str) -> str | None:
    """The governing-law value of the place a court sits in, or None when the name does not say."""
    return next((place for place, pattern in _COURT_PLACES if pattern.search(court)), None)


@check
def law_and_forum(spec: CommonSpec) -> Iterator[Finding]:
    disp = spec.disputes
    if disp.forum == "arbitration" or not disp.court:
        return
    place = court_place(disp.court)
    if place is not None and place != disp.governing_law:
        yield finding("disputes.law_court_mismatch", "info", "/disputes", law=disp.governing_law, court=disp.court)


@check
def running_royalty_without_audit(spec: CommonSpec) -> Iterator[Finding]:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is not None and lic.royalty.running_percent and not lic.royalty.audit:
        yield finding("licence.no_audit", "info", "/licence/royalty/audit")


@check
def renewal_notice(spec: CommonSpec) -> Iterator[Finding]:
    renewal = spec.term.renewal
    if renewal.automatic and renewal.notice_days > spec.term.months * 30:
        yield finding("term.notice_longer_than_term", "warning", "/term/renewal/notice_days")


@check
def cap_without_fees(spec: CommonSpec) -> Iterator[Finding]:
    """Every way the liability cap comes to zero, for both parties or for the one capped party.

    A cap at the fees ("fees_paid") is the greater of what is payable under the agreement and the
    floor: zero when the deal pays nothing and there is no floor, or a floor of 0. A fixed cap
    ("amount") is zero when its amount is 0.
    """
    liab = spec.liability
    cap = liab.cap
    one, party = "", ""  # the texts for both parties, or for the one capped party
    if liab.cap_applies_to == "only":
        capped = party_by_id(spec, liab.capped_party)
        one, party = "_one", capped.short_name if capped else str(liab.capped_party)
    if cap.kind == "fees_paid" and (cap.floor is None or cap.floor.amount == 0) and agreement_types.type_of(spec).unpaid(spec):
        yield finding(
            "liability.cap_zero", "warning", "/liability/cap/floor" if cap.floor is not None else "/liability/cap/kind",
            variant=("fees_floor" if cap.floor is not None else "fees") + one, party=party,
        )
    elif cap.kind == "amount" and cap.amount is not None and cap.amount.amount == 0:
        yield finding("liability.cap_zero", "warning", "/liability/cap/amount", variant="amount" + one, party=party)


@check
def exclusivity_outlasts_licence(spec: CommonSpec) -> Iterator[Finding]:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None or not lic.exclusive_months:
        return
    months = {"agreement_term": spec.term.months, "years": (lic.term.years or 0) * 12}.get(lic.term.kind)
    if months and lic.exclusive_months > months:
        yield finding("licence.exclusivity_outlasts_licence", "warning", "/licence/exclusive_months",
                      exclusive_months=lic.exclusive_months, months=months)


# Media that often catch people (a worker in a line photo), data that may describe them, and words for people,
# in English and Japanese: media alone ask the question; data or media with people in the same field press it.
_MEDIA = (r"images?|imagery|photos?|photographs?|pictures?|videos?|footage|recordings?|audio|voice|scans?",
          "画像|写真|映像|動画|音声|録音|録画")
_MEDIA_WORDS = re.compile(rf"\b(?:{_MEDIA[0]})\b|{_MEDIA[1]}", re.IGNORECASE)
_DATA_WORDS = re.compile(
    rf"\b(?:{_MEDIA[0]}|data(?:\s?sets?)?|records?|logs?|personal information)\b|{_MEDIA[1]}|データ|記録|ログ|個人情報",
    re.IGNORECASE,
)
_PEOPLE_WORDS = re.compile(
    r"\b(?:personal|patients?|medical|clinical|health(?:care)?|faces?|facial|biometrics?|fingerprints?|genetic|genomic|"
    r"employees?|workers?|operators?|staff|customers?|consumers?|users?|drivers?|passengers?|pedestrians?|residents?|"
    r"individuals?|people|persons?)\b|個人|患者|医療|診療|カルテ|臨床|健康|顔|生体|指紋|遺伝|従業員|作業者|作業員|顧客|"
    r"消費者|利用者|ユーザー|運転者|ドライバー|乗客|歩行者|住民|氏名|被験者",
    re.IGNORECASE,
)


def _data_descriptions(spec: CommonSpec) -> Iterator[tuple[str, str]]:
    """(JSON pointer, text) of every field that may say what data the parties share, the materials first."""
    poc, jrd = getattr(spec, "poc", None), getattr(spec, "jrd", None)
    if poc is not None and poc.materials:
        yield "/poc/materials", poc.materials
    if jrd is not None and jrd.materials:
        yield "/jrd/materials", jrd.materials
    if poc is not None:
        yield "/poc/verification", poc.verification
    if jrd is not None:
        yield "/jrd/theme", jrd.theme
        for i, tasks in enumerate(jrd.roles):
            yield f"/jrd/roles/{i}/tasks", tasks.tasks
    for i, tasks in enumerate(spec.project.roles):
        yield f"/project/roles/{i}/tasks", tasks.tasks
    yield "/purpose/description", spec.purpose.description


@check
def personal_data_unstated(spec: CommonSpec) -> Iterator[Finding]:
    """A deal that shares data and says nothing on personal information: ask, before the data moves.

    A warning when the words suggest data about people (patients, faces, employees ...), otherwise info.
    Stating personal_data, even as {"provided_by": []} (none is exchanged), settles it.
    """
    if spec.personal_data is not None:
        return
    found: list[tuple[str, list[str]]] = []  # (path, the words: one medium, or data and people)
    for path, text in _data_descriptions(spec):
        people, data, media = _PEOPLE_WORDS.search(text), _DATA_WORDS.search(text), _MEDIA_WORDS.search(text)
        if people and data:
            found.append((path, [data.group(0), people.group(0)]))
        elif media:
            found.append((path, [media.group(0)]))
    if not found:
        return
    path, words = next((f for f in found if len(f[1]) == 2), found[0])
    place = path.strip("/").replace("/", ".")
    if len(words) == 2:
        yield finding("personal_data.unstated", "warning", "/personal_data", variant="people",
                      field=place, data=words[0], people=words[1])
    else:
        yield finding("personal_data.unstated", "info", "/personal_data", field=place, word=words[0])


# 14.6% a year: the most a business may charge a consumer for late payment (Consumer Contract Act art. 9) and the
# rate a contractor owes on late payment under the Subcontract Act; Japanese practice treats it as the ceiling.
USUAL_MAX_LATE_INTEREST = Decimal("14.6")


def _percent(value: float) -> str:
    """The rate as the user wrote it: 14.6, 20 (never 20.0 or 2E+1)."""
    return format(Decimal(repr(value)).normalize(), "f")


@check
def late_interest_high(spec: CommonSpec) -> Iterator[Finding]:
    rate = spec.late_interest_percent
    if rate is None or Decimal(repr(rate)) <= USUAL_MAX_LATE_INTEREST:
        return
    yield finding("money.late_interest_high", "warning", "/late_interest_percent",
                  variant="japan" if spec.disputes.governing_law == "japan" else "", rate=_percent(rate))


def _currencies(node: object, path: str) -> Iterator[tuple[str, str]]:
    """(JSON pointer, currency) of every amount in the spec that is not zero, and of a royalty's own currency."""
    if isinstance(node, Money):
        if node.amount:
            yield path, node.currency
        return
    if isinstance(node, Royalty) and node.currency is not None:
        yield f"{path}/currency", node.currency
    if isinstance(node, SpecModel):
        for name in type(node).model_fields:
            yield from _currencies(getattr(node, name), f"{path}/{name}")
    elif isinstance(node, (list, tuple)):
        for i, item in enumerate(node):
            yield from _currencies(item, f"{path}/{i}")


@check
def mixed_currencies(spec: CommonSpec) -> Iterator[Finding]:
    """Amounts in more than one currency: named by field, the liability cap's apart from what is paid.

    The currency of the payments (every amount but the liability cap's) that most of them use is the deal's;
    the finding points at the first amount in another. A cap at the fees with a floor in another currency
    than the payments gets its own texts: the cap compares the two.
    """
    found = list(_currencies(spec, ""))
    if len({currency for _, currency in found}) < 2:
        return
    payments = [currency for path, currency in found if not path.startswith("/liability/")] or [found[0][1]]
    main = max(dict.fromkeys(payments), key=payments.count)  # the most used; on a tie, the first
    by_currency: dict[str, list[str]] = {main: []}
    for path, currency in found:
        by_currency.setdefault(currency, []).append(path.strip("/").replace("/", "."))
    amounts = "; ".join(f"{currency}: {', '.join(fields)}" for currency, fields in by_currency.items())
    path = next(p for p, c in found if c != main)
    floor = spec.liability.cap.floor
    if spec.liability.cap.kind == "fees_paid" and floor is not None and floor.amount and floor.currency != main:
        yield finding("money.mixed_currencies", "warning", "/liability/cap/floor/currency", variant="cap_floor",
                      amounts=amounts, currency=main, floor_currency=floor.currency)
        return
    yield finding("money.mixed_currencies", "warning", path if path.endswith("/currency") else f"{path}/currency",
                  amounts=amounts, currency=main)
