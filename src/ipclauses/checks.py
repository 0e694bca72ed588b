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
from typing import cast

from . import agreement_types
from .agreement_types.base import Finding as Finding  # defined beside AgreementType, whose checks return it
from .conditions import party_by_id, party_fact
from .spec import AnySpec, CommonSpec, NonCompete, OwnershipRule, Party, Results, UsageScope
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
        yield Finding(
            "purpose.vague", "error", "/purpose/description",
            "The purpose is too vague to limit how information and results may be used.",
            "Every use restriction in the agreement refers to the Purpose; a purpose such as "
            "'business collaboration' or 「新規事業に関する協業の検討」 names no technology, product or "
            "deliverable, so it lets the other side use what you share for almost anything.",
            "Name the technology, the product or use, and what the parties will evaluate or develop, "
            "e.g. 'evaluating cellulose nanofibre film X for battery separators in product Y'.",
        )


@check
def project_context(spec: CommonSpec) -> Iterator[Finding]:
    project = spec.project
    if not project.objective:
        yield Finding(
            "project.objective_missing", "warning", "/project/objective",
            "The collaboration's objective is not stated.",
            "Collaborations fail most often because the parties never agreed what success looks like.",
            "Write one sentence on what the project should achieve and by when.",
        )
    if not project.kpis:
        yield Finding(
            "project.kpis_missing", "info", "/project/kpis",
            "No success measures (KPIs) are stated.",
            "Without shared measures, the decision to continue or stop becomes a negotiation.",
            "List two or three measurable targets, e.g. 'defect detection rate of 98% on the test set'.",
        )
    if not project.roles:
        yield Finding(
            "project.roles_missing", "info", "/project/roles",
            "Who does what in the project is not stated.",
            "Unclear roles lead to gaps in the work and arguments about who caused a delay.",
            "Add each party's tasks under project.roles.",
        )
    if not project.decision_maker:
        yield Finding(
            "project.decision_maker_missing", "info", "/project/decision_maker",
            "Nobody is named as deciding for the project.",
            "When the parties disagree, the people on the ground need to know who decides.",
            "Name the role or committee that takes decisions, e.g. 'the steering committee'.",
        )


@check
def mixed_script_names(spec: CommonSpec) -> Iterator[Finding]:
    for i, party in enumerate(spec.parties):
        for key in ("short_name", "legal_name"):
            used = mixes_scripts(getattr(party, key))
            if used:
                yield Finding(
                    "parties.mixed_script_name", "warning", f"/parties/{i}/{key}",
                    f"The name {getattr(party, key)!r} mixes letters of {', '.join(used)} scripts.",
                    "Letters of different scripts can look identical (a Cyrillic 'Т' and a Latin 'T'), so a name "
                    "that mixes them may not be the name it seems, and searches of registers will not find it.",
                    "Retype the name with the letters of one script (Japanese names may mix kanji, kana and Latin).",
                )


def _joint(rule: OwnershipRule | None) -> bool:
    return rule is not None and (rule.rule in ("joint", "inventor") or (rule.rule == "by_field" and rule.otherwise == "joint"))


@check
def joint_ownership_rules(spec: CommonSpec) -> Iterator[Finding]:
    results: Results | None = getattr(spec, "results", None)
    if results is None:
        return
    if (_joint(results.ownership) or _joint(results.copyright_ownership)) and "joint_rules" not in results.model_fields_set:
        yield Finding(
            "ownership.joint_rules_default", "warning", "/results/joint_rules",
            "Results may be jointly owned, but the spec does not say who may use or license them.",
            "Under Japanese Patent Act art. 73 a co-owner cannot license or assign its share without the "
            "other's consent, so either party can block the other's licensing.",
            "Set results.joint_rules: whether each may practise freely, whether consent to third-party "
            "licences is given now, and how costs are shared.",
        )
    if results.copyright_ownership is not None and results.copyright_ownership.rule == "decide_later":
        yield Finding(
            "ownership.copyright_decide_later", "warning", "/results/copyright_ownership/rule",
            "Copyright in the results (software, data, models, documents) is left to be decided later.",
            "Until it is agreed, neither side can safely use, publish or license the code and documents the "
            "project produces, and the party whose staff wrote them is the author by default.",
            "Choose a rule now for copyright (sole, joint or by field), or drop copyright_ownership so it "
            "follows the ownership rule.",
        )
    if _joint(results.ownership) and results.joint_rules.third_party_licensing == "consent_required" and any(
            p.kind == "startup" for p in spec.parties):
        startup = next(p for p in spec.parties if p.kind == "startup")
        yield Finding(
            "ownership.joint_blocks_startup", "warning", "/results/joint_rules/third_party_licensing",
            f"Jointly owned results can be licensed only with every owner's consent, and {startup.short_name} is a startup.",
            "A startup earns from its technology by licensing it; if the larger partner can refuse consent to "
            "each licence (Patent Act art. 73), it can hold the startup's business hostage.",
            'Give consent now (results.joint_rules.third_party_licensing: "consent_given"), or agree sole '
            "ownership by the startup with a licence to the partner.",
        )
    if results.ownership.rule == "decide_later":
        yield Finding(
            "ownership.decide_later", "warning", "/results/ownership/rule",
            "Ownership of the results is left to be decided later.",
            "Agreeing ownership after valuable results exist is the classic source of disputes: by then each "
            "side knows what they are worth.",
            "Choose a rule now (sole, joint, inventor-based or by field); it can still differ for copyright.",
        )


@check
def exclusive_licence_bounds(spec: CommonSpec) -> Iterator[Finding]:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None or lic.exclusivity == "non_exclusive":
        return
    if lic.exclusive_perpetual:
        yield Finding(
            "licence.exclusive_no_period", "warning", "/licence/exclusive_perpetual",
            "The licence is exclusive for its whole term.",
            "A long exclusivity can lock the owner's core technology away, especially for a startup.",
            "Limit exclusivity to a period (licence.exclusive_months), then non-exclusive.",
        )
    if not lic.field and not lic.products:
        yield Finding(
            "licence.exclusive_no_field", "warning", "/licence/field",
            "The exclusive licence covers every field of use.",
            "Exclusivity in all fields stops the owner from working with anyone else, even in unrelated markets.",
            "Limit the licence to the licensee's field or products (licence.field, licence.products).",
        )
    if lic.non_use_fallback_months is None and getattr(spec, "diligence", None) is None:
        yield Finding(
            "licence.exclusive_no_fallback", "warning", "/licence/non_use_fallback_months",
            "The exclusive licence does not end if the licensee does not use it.",
            "A licensee can take exclusivity and shelve the technology; the owner then earns nothing from it.",
            "Set licence.non_use_fallback_months, e.g. 12, after which exclusivity falls away, or, in a licence "
            "agreement, a diligence duty (diligence.first_sale_months).",
        )
    owner_is_startup = (licensor := _licensor(spec)) is not None and licensor.kind == "startup"
    if owner_is_startup and lic.royalty.kind == "paid" and lic.royalty.running_percent and not lic.royalty.minimum_annual:
        yield Finding(
            "licence.exclusive_no_minimum", "info", "/licence/royalty/minimum_annual",
            "An exclusive licence from a startup has no minimum royalty.",
            "With a running royalty only, the startup earns nothing while the licensee's sales are slow.",
            "Add licence.royalty.minimum_annual.",
        )


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
        yield Finding(
            "licence.no_affiliate_sublicence", "info", "/licence/sublicensing",
            f"{licensee.short_name} may not sublicense, not even to its affiliates.",
            "Large companies often manufacture or sell through group companies; without a right to "
            "sublicense them, the licence may not cover how the business really runs.",
            'Consider "sublicensing": "affiliates".',
        )


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
        yield Finding(
            "confidentiality.survival_shorter_than_licence", "warning", "/confidentiality/survival_years",
            f"Confidentiality survives {conf.survival_years} years, less than the licence period.",
            "Know-how licensed for longer than it stays confidential can be disclosed while the licensee still pays for it.",
            "Make confidentiality last at least as long as the licence, or protect trade secrets while they stay secret.",
        )
    if not conf.trade_secrets_survive:
        yield Finding(
            "confidentiality.trade_secrets_expire", "warning", "/confidentiality/trade_secrets_survive",
            "Trade secrets lose protection when the confidentiality period ends.",
            "Know-how such as process parameters keeps its value for much longer than a few years.",
            'Set "trade_secrets_survive": true.',
        )


@check
def marked_only_with_samples(spec: CommonSpec) -> Iterator[Finding]:
    conf = spec.confidentiality
    shares_things = agreement_types.type_of(spec).shares_materials or conf.reverse_engineering_banned or conf.inspection
    if conf.definition == "marked" and shares_things:
        yield Finding(
            "confidentiality.marked_only", "info", "/confidentiality/definition",
            "Only information marked as confidential is protected.",
            "In a deal with samples, demonstrations or site visits, much is shared orally or by showing, and "
            "none of that would be protected.",
            'Consider "marked_or_confirmed": oral disclosures become confidential when confirmed in writing.',
        )


@check
def non_compete_bounds(spec: CommonSpec) -> Iterator[Finding]:
    nc: NonCompete | None = getattr(spec, "non_compete", None)
    if nc is None:
        return
    if nc.months > 24 or len(nc.scope.strip()) < 15:
        yield Finding(
            "non_compete.broad", "warning", "/non_compete",
            f"The non-compete runs {nc.months} months with the scope '{nc.scope}'.",
            "A wide or long non-compete can stop a startup from doing its core business and may breach competition law.",
            "Limit it to the specific product and field of the project, for 12 to 24 months after the end.",
        )


@check
def one_sided_liability(spec: CommonSpec) -> Iterator[Finding]:
    liab = spec.liability
    if liab.cap_applies_to == "only" and liab.cap.kind != "none":
        capped = party_by_id(spec, liab.capped_party)
        yield Finding(
            "liability.one_sided_cap", "warning", "/liability/cap_applies_to",
            f"Only {capped.short_name if capped else 'one party'}'s liability is capped.",
            "The other party carries unlimited liability for the same kind of breach." if len(spec.parties) == 2
            else "The other parties carry unlimited liability for the same kind of breach.",
            'Cap both parties\' liability ("cap_applies_to": "both"), or explain the difference.',
        )


_JAPANESE_COURT = re.compile(r"(Tokyo|Osaka|Japan|東京|大阪|地方裁判所|District Court)", re.I)


@check
def law_and_forum(spec: CommonSpec) -> Iterator[Finding]:
    disp = spec.disputes
    if disp.forum == "arbitration" or not disp.court:
        return
    japanese_court = bool(_JAPANESE_COURT.search(disp.court))
    if japanese_court != (disp.governing_law == "japan"):
        yield Finding(
            "disputes.law_court_mismatch", "info", "/disputes",
            f"The governing law ({disp.governing_law}) and the court ({disp.court}) are in different countries.",
            "A court applying foreign law is slow and expensive, and a judgment may be hard to enforce abroad.",
            'Use arbitration ("forum": "arbitration"), or choose the law and court of one country.',
        )


@check
def running_royalty_without_audit(spec: CommonSpec) -> Iterator[Finding]:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is not None and lic.royalty.running_percent and not lic.royalty.audit:
        yield Finding(
            "licence.no_audit", "info", "/licence/royalty/audit",
            "A running royalty is paid on Net Sales, but the licensor cannot audit the books.",
            "Without audit rights, the licensor must take the licensee's reports on trust.",
            'Set "audit": true.',
        )


@check
def renewal_notice(spec: CommonSpec) -> Iterator[Finding]:
    renewal = spec.term.renewal
    if renewal.automatic and renewal.notice_days > spec.term.months * 30:
        yield Finding(
            "term.notice_longer_than_term", "warning", "/term/renewal/notice_days",
            "The notice period for stopping renewal is longer than the initial term.",
            "Notice would have to be given before the agreement even starts, so it renews whatever the parties want.",
            "Shorten term.renewal.notice_days.",
        )


@check
def cap_without_fees(spec: CommonSpec) -> Iterator[Finding]:
    """Every way the liability cap comes to zero, for both parties or for the one capped party.

    A cap at the fees ("fees_paid") is the greater of what is payable under the agreement and the
    floor: zero when the deal pays nothing and there is no floor, or a floor of 0. A fixed cap
    ("amount") is zero when its amount is 0.
    """
    liab = spec.liability
    cap = liab.cap
    whose, who = "Liability", "a party"
    if liab.cap_applies_to == "only":
        capped = party_by_id(spec, liab.capped_party)
        name = capped.short_name if capped else "one party"
        whose, who = f"{name}'s liability", name
    why = f"A cap of zero means {who} pays nothing for most breaches of the agreement, which is rarely what anyone intends."
    if cap.kind == "fees_paid" and (cap.floor is None or cap.floor.amount == 0) and agreement_types.type_of(spec).unpaid(spec):
        floor = " and the floor is 0" if cap.floor is not None else " and there is no floor"
        yield Finding(
            "liability.cap_zero", "warning", "/liability/cap/floor" if cap.floor is not None else "/liability/cap/kind",
            f"{whose} is capped at the fees payable under this agreement, but nothing is payable{floor}, so the cap is 0.",
            why,
            'Give the cap a floor above 0 (liability.cap.floor, e.g. {"amount": 5000000, "currency": "JPY"}), '
            'cap liability at a fixed amount ("kind": "amount"), or leave it uncapped ("kind": "none").',
        )
    elif cap.kind == "amount" and cap.amount is not None and cap.amount.amount == 0:
        yield Finding(
            "liability.cap_zero", "warning", "/liability/cap/amount",
            f"{whose} is capped at a fixed amount of 0.",
            why,
            'Set liability.cap.amount to a real figure, for example the fees or the likely loss, or leave liability '
            'uncapped ("kind": "none").',
        )


@check
def exclusivity_outlasts_licence(spec: CommonSpec) -> Iterator[Finding]:
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is None or not lic.exclusive_months:
        return
    months = {"agreement_term": spec.term.months, "years": (lic.term.years or 0) * 12}.get(lic.term.kind)
    if months and lic.exclusive_months > months:
        yield Finding(
            "licence.exclusivity_outlasts_licence", "warning", "/licence/exclusive_months",
            f"Exclusivity is set for {lic.exclusive_months} months, but the licence itself lasts only {months} months.",
            "The licence ends first, so the promised exclusivity is never fully given, and the parties may each "
            "believe a different end date.",
            "Shorten licence.exclusive_months, or make the licence last longer (licence.term).",
        )


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
    about_people = len(words) == 2
    mentions = " and ".join(f'"{w}"' for w in words) + (", which suggests information about people" if about_people else "")
    yield Finding(
        "personal_data.unstated", "warning" if about_people else "info", "/personal_data",
        f"The deal shares data ({path.strip('/').replace('/', '.')} mentions {mentions}), but the spec does not say "
        "whether any of it is personal information.",
        "Images, recordings and records often show or describe people: a worker caught by a line camera, a patient "
        "in medical data. Then Japan's Act on the Protection of Personal Information (APPI) applies: the provider needs "
        "a lawful basis to give the data and must supervise the recipient, the recipient must keep it secure, and a "
        "leak may have to be reported to the Personal Information Protection Commission. Without an article on it, "
        "the agreement sets no rules on security, subcontractors, transfers abroad, leaks or deletion.",
        'Find out whether the data includes personal information. If it does, add "personal_data": {"provided_by": '
        '["<id of the party that gives it>"]}, with "sensitive": true for medical or other sensitive data and '
        '"cross_border": true if it may be handled outside Japan. If it does not, add "personal_data": {"provided_by": []} '
        "to record that, and remove or blur people in images before they are shared.",
    )
