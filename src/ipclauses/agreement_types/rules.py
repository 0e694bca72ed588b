"""Cross-field rules for the parts of a deal that several agreement types share.

A type's `cross_check` calls the ones that apply to it: the results (PoC, joint
R&D), a licence's usage scope (PoC, joint R&D, licence), background IP (joint R&D,
licence), and the common terms only some types use. `described_as` names the type
in the message (an `AgreementName`: "an NDA"). The rules every type shares stay in
`loading.cross_check`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..messages import AgreementName, message
from ..spec import AiDevelopment, BackgroundIp, CommonSpec, Party, Results, UsageScope, add_months, term_end
from .base import Finding, Problems, finding


def mutual_confidentiality_only(spec: CommonSpec, described_as: AgreementName, out: Problems) -> None:
    if spec.confidentiality.direction == "one_way":
        out.add("/confidentiality/direction", message("rule.mutual_only", agreement=described_as))


def no_announcement(spec: CommonSpec, described_as: AgreementName, out: Problems) -> None:
    if spec.confidentiality.announcement != "none":
        out.add("/confidentiality/announcement", message("rule.no_announcement", agreement=described_as))


def no_earlier_nda(spec: CommonSpec, described_as: AgreementName, out: Problems) -> None:
    if spec.confidentiality.supersedes_nda:
        out.add("/confidentiality/supersedes_nda", message("rule.no_earlier_nda", agreement=described_as))


def results_parties(results: Results, out: Problems) -> None:
    """Every party the results name is one of the deal's parties."""
    for i, d in enumerate(results.deliverables):
        out.party_ref(d.created_by, f"/results/deliverables/{i}/created_by")
    for key in ("ownership", "copyright_ownership"):
        rule = getattr(results, key)
        if rule is None:
            continue
        if rule.rule == "sole":
            out.party_ref(rule.owner, f"/results/{key}/owner")
        elif rule.rule == "by_field":
            for i, f in enumerate(rule.fields):
                out.party_ref(f.owner, f"/results/{key}/fields/{i}/owner")


def background_parties(background: BackgroundIp, out: Problems) -> None:
    for i, item in enumerate(background.items):
        out.party_ref(item.party, f"/background_ip/items/{i}/party")


def usage_scope(lic: UsageScope, results: Results | None, out: Problems) -> None:
    """A licence's usage scope: parties, exclusivity, sublicensing, term, territory and royalty.

    With results that are not solely owned, the licence must say who grants it and who
    receives it: neither follows from the ownership.
    """
    add = out.add
    if results is not None and results.ownership.rule != "sole" and (lic.licensor is None or lic.licensee is None):
        missing = "licensor" if lic.licensor is None else "licensee"
        add(f"/licence/{missing}", message("licence.parties_missing", rule=results.ownership.rule))
    out.party_ref(lic.licensor, "/licence/licensor")
    out.party_ref(lic.licensee, "/licence/licensee")
    if lic.licensor is not None and lic.licensor == lic.licensee:
        add("/licence/licensee", message("licence.same_party"))
    if lic.exclusivity == "exclusive_then_non_exclusive" and lic.exclusive_months is None:
        add("/licence/exclusive_months", message("licence.exclusive_months_missing"))
    if lic.exclusivity == "exclusive" and lic.exclusive_months is None and not lic.exclusive_perpetual:
        add("/licence/exclusive_months", message("licence.exclusive_period_missing"))
    if lic.exclusivity == "non_exclusive" and (lic.exclusive_months or lic.exclusive_perpetual or lic.non_use_fallback_months):
        add("/licence/exclusivity", message("licence.non_exclusive_with_terms"))
    if lic.exclusive_months is not None and lic.exclusive_perpetual:
        add("/licence/exclusive_perpetual", message("licence.perpetual_and_months"))
    if lic.sublicensing == "named" and not lic.sublicensees:
        add("/licence/sublicensees", message("licence.sublicensees_missing"))
    if lic.sublicensing != "named" and lic.sublicensees:
        add("/licence/sublicensees", message("licence.sublicensees_unused"))
    if lic.term.kind == "years" and lic.term.years is None:
        add("/licence/term/years", message("licence.term_years_missing"))
    if lic.term.kind != "years" and lic.term.years is not None:
        add("/licence/term/years", message("licence.term_years_unused"))
    if "worldwide" in lic.territory and len(lic.territory) > 1:
        add("/licence/territory", message("licence.worldwide_and_countries"))
    roy = lic.royalty
    if roy.kind == "paid" and not (roy.upfront or roy.running_percent or roy.milestones):
        add("/licence/royalty", message("licence.paid_without_amounts"))
    if roy.kind == "free" and (roy.upfront or roy.running_percent or roy.milestones or roy.minimum_annual):
        add("/licence/royalty/kind", message("licence.free_with_amounts"))
    if roy.minimum_annual and not roy.running_percent:
        add("/licence/royalty/minimum_annual", message("licence.minimum_without_running"))


def licence_scope_terms(spec: CommonSpec, lic: UsageScope, out: Problems, *, described_as: AgreementName,
                        report: bool = False, listed_patents: bool | None = None) -> None:
    """When exclusivity starts (licence.exclusive_from) and whether it is registered (licence.registered_exclusive).

    `report`: the agreement has a Report the customer accepts (a PoC), so exclusivity may start then.
    `listed_patents`: whether the spec lists the licensed patents; None where the type lists none and so
    cannot set up a registered exclusive licence (a PoC or joint R&D licenses results, not listed patents).
    """
    exclusivity_start(spec, lic, out, report=report)
    registered_exclusive(spec, lic, out, described_as=described_as, listed_patents=listed_patents)


def licence_end(spec: CommonSpec, lic: UsageScope) -> dt.date | None:
    """The last day of the licence where its term fixes one (a number of years, or the agreement's initial term)."""
    if lic.term.kind == "years" and lic.term.years:
        return add_months(spec.effective_date, lic.term.years * 12) - dt.timedelta(days=1)
    if lic.term.kind == "agreement_term":
        return term_end(spec)
    return None  # patent_life: no fixed end


def exclusivity_start(spec: CommonSpec, lic: UsageScope, out: Problems, *, report: bool = False) -> None:
    """licence.exclusive_from: a start other than the licence's own needs exclusivity, and a date within the licence."""
    start = lic.exclusive_from
    if start == "start":
        return
    path = "/licence/exclusive_from"
    shown = f'"{start}"' if isinstance(start, str) else start.isoformat()
    if lic.exclusivity == "non_exclusive":
        out.add(path, message("licence.exclusive_from_non_exclusive", start=shown))
        return
    if isinstance(start, str):  # "report_acceptance"
        if not report:
            out.add(path, message("licence.report_acceptance_only_poc"))
        return
    if start < spec.effective_date:
        out.add(path, message("licence.exclusive_from_too_early", start=start.isoformat(),
                              effective=spec.effective_date.isoformat()))
        return
    end = licence_end(spec, lic)
    if end is not None and start > end:
        longer = message("licence.lengthen_years" if lic.term.kind == "years" else "licence.lengthen_term")
        out.add(path, message("licence.exclusive_from_too_late", start=start.isoformat(), end=end.isoformat(),
                              longer=longer))


# Territory names that mean Japan, where a registered exclusive licence (専用実施権) exists.
_JAPAN = frozenset({"japan", "日本", "日本国", "jp", "jpn"})


def registered_exclusive(spec: CommonSpec, lic: UsageScope, out: Problems, *, described_as: AgreementName,
                         listed_patents: bool | None) -> None:
    """licence.registered_exclusive: a 専用実施権 (Patent Act of Japan art. 77) over the listed patents.

    It exists only in Japanese patents, takes effect on registration, and leaves the patentee unable to work
    the patents within its scope. It cannot turn non-exclusive without cancelling the registration (and the
    sublicences granted under it), so every option that would make it non-exclusive is refused rather than
    drafted as a cancellation part-way through the licence.
    """
    if not lic.registered_exclusive:
        return
    path = "/licence/registered_exclusive"
    if listed_patents is None:
        out.add(path, message("licence.registered_only_licence", agreement=described_as))
        return
    if lic.exclusivity == "non_exclusive":
        out.add(path, message("licence.registered_needs_exclusive"))
    elif lic.exclusivity == "exclusive_then_non_exclusive":
        out.add(path, message("licence.registered_then_non_exclusive"))
    if lic.non_use_fallback_months is not None:
        out.add(path, message("licence.registered_non_use_fallback"))
    if spec.disputes.governing_law != "japan":
        out.add(path, message("licence.registered_needs_japanese_law", law=spec.disputes.governing_law))
    if "patents" not in lic.subject:
        out.add(path, message("licence.registered_needs_patents"))
    elif not listed_patents:
        out.add(path, message("licence.registered_needs_listed_patents"))
    if "worldwide" not in lic.territory and not any(t.strip().casefold() in _JAPAN for t in lic.territory):
        out.add(path, message("licence.registered_needs_japan"))


# --- improvements (joint R&D, licence) ---------------------------------------------------------------
# What the JFTC guidelines say of a duty to hand one's improvements to the other party (law-facts.md,
# "Competition law"): an assignment-back, or an exclusive licence of them, is in principle an unfair
# trade practice, under the IP guidelines (a licensee's improvements, to the licensor) as under the joint
# R&D guidelines (a participant's, to the others); a non-exclusive licence is in principle not, but one
# the other party may pass on to others (a sublicensable grant-back) can be.


def improvement_pitfall(owner: str, grant_back: str) -> tuple[str, str] | None:
    """The improvements term the JFTC guidelines object to, as (finding name, JSON path of the field to change).

    The type's deal check makes the finding whose id is "licence." or "jrd." and the name (each id written
    out in a `finding()` call, where tests/test_findings_language.py looks for it), in its own words.
    With "owner": "original_owner" the improvements are assigned, and the grant-back (if any) is a licence
    back to the improver, so only the assignment-back counts.
    """
    if owner == "original_owner":
        return ("assign_back_improvements", "/improvements/owner")
    if grant_back == "exclusive":
        return ("exclusive_grant_back", "/improvements/grant_back")
    if grant_back == "non_exclusive_sublicensable":
        return ("sublicensable_grant_back", "/improvements/grant_back")
    return None


# Money terms a clause prints only in some deals: a value given where no clause would print it is
# refused, never dropped. The joint R&D joint-ownership clause is included for these ownership rules.
_MAY_BE_JOINT = ("joint", "inventor", "by_field", "decide_later")


def money_terms(spec: CommonSpec, out: Problems, *, drafts_compensation: bool = True,
                described_as: AgreementName | None = None) -> None:
    """The royalty currency, a background IP royalty and compensation for not practising, where they can apply.

    For the types with a licence, background IP or results (joint R&D, licence, PoC). A type whose clauses do not
    draft compensation for not practising (the PoC) passes `drafts_compensation=False` and its `described_as`.
    """
    background: BackgroundIp | None = getattr(spec, "background_ip", None)
    if background is not None and background.royalty_percent is not None and \
            background.licence_for_exploitation != "non_exclusive_reasonable":
        out.add("/background_ip/royalty_percent",
                message("money.background_royalty_unused", licence=background.licence_for_exploitation))
    lic: UsageScope | None = getattr(spec, "licence", None)
    if lic is not None and lic.royalty.currency is not None and lic.royalty.running_percent is None:
        out.add("/licence/royalty/currency", message("money.currency_without_running"))
    results: Results | None = getattr(spec, "results", None)
    if results is None or results.joint_rules.non_practice_compensation_percent is None:
        return
    path = "/results/joint_rules/non_practice_compensation_percent"
    rules = [r.rule for r in (results.ownership, results.copyright_ownership) if r is not None]
    if not drafts_compensation:
        out.add(path, message("money.compensation_not_drafted", agreement=described_as or ""))
    elif not any(rule in _MAY_BE_JOINT for rule in rules):
        out.add(path, message("money.compensation_without_joint"))


# --- an AI model developed under a PoC or a joint R&D (the optional "ai" block) ------------------------


def ai_partner(spec: CommonSpec, ai: AiDevelopment) -> Party | None:
    """The party that does not develop the model (both types with an "ai" block are bilateral)."""
    return next((p for p in spec.parties if p.id != ai.developer), None)


def ai_data_providers(spec: CommonSpec, ai: AiDevelopment) -> list[Party]:
    """The parties that provide the training data."""
    developer, partner = spec.party(ai.developer), ai_partner(spec, ai)
    chosen = {"partner": [partner], "developer": [developer], "both": [developer, partner]}[ai.training_data.provided_by]
    return [p for p in chosen if p is not None]


def ai_development(spec: CommonSpec, ai: AiDevelopment | None, out: Problems, *, stages: tuple[str, ...] = ()) -> None:
    """The parties the block names exist; the stage fits the agreement; personal training data has the
    personal data article; a reuse limit is given exactly when the option needs one."""
    if ai is None:
        return
    out.party_ref(ai.developer, "/ai/developer")
    if stages and ai.stage not in stages:
        out.add("/ai/stage", message("ai.stage_not_in_agreement", stage=ai.stage, stages=" / ".join(stages)))
    if ai.training_data.personal_data and spec.party(ai.developer):
        providers = ai_data_providers(spec, ai)
        named = spec.personal_data.provided_by if spec.personal_data is not None else []
        if not any(p.id in named for p in providers):
            out.add("/personal_data", message("ai.personal_training_data",
                                              providers=", ".join(f'"{p.id}"' for p in providers)))
    if ai.reuse == "except_competitors" and ai.reuse_excluded is None:
        out.add("/ai/reuse_excluded", message("ai.reuse_excluded_missing"))
    elif ai.reuse != "except_competitors" and ai.reuse_excluded is not None:
        out.add("/ai/reuse_excluded", message("ai.reuse_excluded_unused", reuse=ai.reuse))
    if ai.parameters_owner is not None and ai.parameters_owner == ai.model_owner:
        out.add("/ai/parameters_owner", message("ai.parameters_owner_same", owner=ai.model_owner))


def ai_findings(spec: CommonSpec, ai: AiDevelopment | None, results: Results) -> Iterator[Finding]:
    """Deal checks of the "ai" block: unlimited reuse of a model trained on the partner's data, a data
    provider with no right to the model, parameters that cannot be run, and no acceptance tests."""
    if ai is None:
        return
    developer, partner = spec.party(ai.developer), ai_partner(spec, ai)
    if developer is None or partner is None:
        return
    names = {"developer": developer.short_name, "partner": partner.short_name}
    partner_data = ai.training_data.provided_by in ("partner", "both")
    if ai.reuse == "free" and partner_data:
        yield finding("ai.reuse_unlimited", "warning", "/ai/reuse",
                      variant="personal" if ai.training_data.personal_data else "", **names)
    parameters = ai.parameters_owner or ai.model_owner
    partner_owns_model = ai.model_owner != "developer" or parameters != "developer"
    if ai.partner_use == "none":
        if partner_data and not partner_owns_model and ai.inference_program_owner == "developer":
            yield finding("ai.data_provider_no_model_use", "warning", "/ai/partner_use", **names)
        elif partner_owns_model and ai.inference_program_owner == "developer":
            yield finding("ai.parameters_without_program", "warning", "/ai/partner_use", **names)
    if ai.acceptance_tests is None:
        if ai.stage in ("development", "further_training"):
            yield finding("ai.no_acceptance_tests", "warning", "/ai/acceptance_tests", **names)
        elif any(d.kind == "model" and d.delivered for d in results.deliverables):
            yield finding("ai.no_acceptance_tests", "info", "/ai/acceptance_tests", variant="delivered", **names)

