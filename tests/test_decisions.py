"""One test per decision of decisions.md: the spec option selects the matching clause text.

Each case changes an example spec, builds the agreement, and checks which clause
variant was chosen, that the values reach the text with the right numbers, and that
every cross-reference in the article points at the right article.
"""

import copy

import pytest

from conftest import load_example_data
from ipclauses import assemble, load_spec
from ipclauses.agreement import Ref, plain
from specgen import set_path

MONEY = {"amount": 2500000, "currency": "JPY"}


def case(row, example, changes=None, variants=None, absent=(), texts=None, whole=()):
    return pytest.param(example, changes or {}, variants or {}, absent, texts or {}, whole, id=row)


def _roles(data, a, b):
    data["parties"][0]["role"], data["parties"][1]["role"] = a, b


CASES = [
    # --- NDA ------------------------------------------------------------------
    case("nda-one-way", "nda-mutual-ja", {"confidentiality.direction": "one_way", "_roles": ("discloser", "recipient")},
         {"confidentiality.duty": "one_way", "nda.next_step": "recipient_decides"}),
    case("nda-mutual", "nda-mutual-ja", {}, {"confidentiality.duty": "mutual", "nda.next_step": "both_decide"}),
    case("nda-signing-date", "nda-mutual-ja", {"signing_date": "2026-04-03"}, whole=["2026年4月3日"]),
    case("nda-purpose-broad", "nda-mutual-ja", {"purpose.limited_to_evaluation": False, "purpose.project_name": "Project Kestrel"},
         {"nda.purpose": "evaluation_and_execution"}, texts={"nda.purpose": ["Project Kestrel"]}),
    case("nda-definition-all", "nda-mutual-ja", {"confidentiality.definition": "all_disclosed"}, {"confidentiality.definition": "all_disclosed"}),
    case("nda-definition-marked", "nda-mutual-ja", {"confidentiality.definition": "marked"}, {"confidentiality.definition": "marked"}),
    case("nda-definition-confirmed", "nda-mutual-ja", {"confidentiality.definition": "marked_or_confirmed", "confidentiality.confirmation_days": 21},
         {"confidentiality.definition": "marked_or_confirmed"}, texts={"confidentiality.definition": ["21日以内"]}),
    case("nda-exclusions-discloser-proves", "nda-mutual-ja", {"confidentiality.exclusions_proved_by": "discloser"},
         texts={"confidentiality.definition": ["情報を開示した当事者は"]}),
    case("nda-recipients-affiliates", "nda-mutual-ja", {"confidentiality.permitted_recipients.affiliates": True},
         texts={"confidentiality.duty": ["共通の支配下にある会社"]}),
    case("nda-announce-either", "nda-mutual-ja", {"confidentiality.announcement": "either_may_announce"},
         {"confidentiality.announcement": "either_may_announce"}),
    case("nda-announce-agreed", "nda-mutual-ja", {"confidentiality.announcement": "agreed_text", "confidentiality.announcement_text": "両社はCNF外装部品の共同評価を開始した。"},
         {"confidentiality.announcement": "agreed_text"}, texts={"confidentiality.announcement": ["両社はCNF外装部品の共同評価を開始した。"]}),
    case("nda-copies-consent", "nda-mutual-ja", {"confidentiality.copies": "consent_required"}, {"confidentiality.copies": "consent_required"}),
    case("nda-no-reverse-engineering-ban", "nda-mutual-ja", {"confidentiality.reverse_engineering_banned": False}, absent=["confidentiality.reverse_engineering"]),
    case("nda-inspection", "nda-mutual-ja", {"confidentiality.inspection": True}, {"confidentiality.inspection": "inspection"}),
    case("nda-return-certificate", "nda-mutual-ja", {"confidentiality.return_certificate": True}, {"confidentiality.return": "with_certificate"}),
    case("nda-survival", "nda-mutual-ja", {"confidentiality.survival_years": 5, "confidentiality.trade_secrets_survive": True},
         texts={"general.term": ["5年", "期間の制限なく"]}),
    case("nda-penalty", "nda-mutual-ja", {"remedies.penalty": MONEY}, texts={"nda.remedies": ["金2,500,000円"]}),
    case("nda-next-step", "nda-mutual-ja", {"next_step": {"decision_months": 3, "next_agreement": "jrd"}}, {"nda.next_step": "both_decide"},
         texts={"nda.next_step": ["3か月"]}),
    case("nda-cap-amount", "nda-mutual-ja", {"liability.cap": {"kind": "amount", "amount": MONEY}}, {"nda.remedies": "cap_amount"},
         texts={"nda.remedies": ["金2,500,000円"]}),
    case("nda-derived-ip", "nda-mutual-ja", {"confidentiality.derived_ip_to_discloser": True}, {"confidentiality.derived_ip": "to_discloser"}),
    # --- clauses all agreements share ------------------------------------------
    case("term-renewal", "nda-mutual-ja", {"term.renewal": {"automatic": True, "renewal_months": 6, "notice_days": 45}},
         {"general.term": "automatic_renewal"}, texts={"general.term": ["6か月", "45日"]}),
    case("termination-change-of-control", "poc-ai-en", {"termination.change_of_control": True, "termination.breach_cure_days": 45},
         {"general.termination": "change_of_control"}, texts={"general.termination": ["45 days"]}),
    case("disputes-arbitration", "poc-ai-en", {"disputes": {"forum": "arbitration", "arbitration": {"institution": "SIAC", "seat": "Singapore"}}},
         {"general.disputes": "arbitration"}, texts={"general.disputes": ["Singapore"]}),
    case("disputes-mediation", "poc-ai-en", {"disputes": {"forum": "ip_mediation_then_court", "court": "Osaka District Court"}},
         {"general.disputes": "ip_mediation_then_court"}, texts={"general.disputes": ["Osaka District Court"]}),
    case("signatures-two-originals", "nda-mutual-ja", {"signing": {"electronic": False, "counterparts": False}}, {"general.signature": "two_originals"}),
    case("signatures-electronic", "poc-ai-en", {"signing": {"electronic": True, "counterparts": False}}, {"general.signature": "electronic"}),
    case("liability-fees-paid", "poc-ai-en", {"liability": {"cap": {"kind": "fees_paid"}}}, {"general.liability": "fees_paid"}),
    case("liability-one-party", "poc-ai-en", {"liability": {"cap": {"kind": "amount", "amount": MONEY}, "cap_applies_to": "only", "capped_party": "lumivision"}},
         {"general.liability": "one_party_poc"}, texts={"general.liability": ["JPY 2,500,000"]}),
    # --- PoC --------------------------------------------------------------------
    case("poc-work", "poc-ai-en", {"poc.acceptance_days": 12, "poc.payment_days": 40},
         {"poc.work": "services_for_effort", "poc.report": "deemed_acceptance"},
         texts={"poc.report": ["31 August 2026", "12 days"], "poc.fee": ["40 days"]}),
    case("poc-fee-zero", "poc-ai-en", {"poc.fee": {"amount": 0, "currency": "JPY"}}, {"poc.fee": "no_fee"}),
    case("poc-next-fee-if-none", "poc-ai-en", {"next_step": {"decision_months": 2, "fee_if_none": MONEY}}, {"poc.next_step": "fee_if_none"},
         texts={"poc.next_step": ["JPY 2,500,000", "2 months"]}),
    case("poc-next-discount", "poc-ai-en", {"next_step": {"decision_months": 2, "discount_if_follows": 15}}, {"poc.next_step": "discount_if_follows"},
         texts={"poc.next_step": ["15%"]}),
    case("poc-supersedes-nda", "poc-ai-en", {"confidentiality.supersedes_nda": {"title": "Mutual NDA on weld inspection", "date": "2026-01-15"}},
         {"confidentiality.supersedes": "supersedes", "general.entire_agreement": "keeps_earlier_nda"},
         texts={"confidentiality.supersedes": ["Mutual NDA on weld inspection", "15 January 2026"]}),
    case("poc-owner-customer", "poc-ai-en", {"results.ownership": {"rule": "sole", "owner": "tokai"}}, {"poc.results_ownership": "sole"}),
    case("poc-joint", "poc-ai-en", {"results.ownership": {"rule": "joint", "shares": "by_contribution"}},
         {"poc.results_ownership": "joint", "poc.joint_results": "consent_required"}),
    case("poc-inventor", "poc-ai-en", {"results.ownership": {"rule": "inventor"}, "results.joint_rules": {"third_party_licensing": "consent_given"}},
         {"poc.results_ownership": "inventor", "poc.joint_results": "consent_given"}),
    case("poc-by-field", "poc-ai-en", {"results.ownership": {"rule": "by_field", "fields": [{"field": "Weld-seam image models", "owner": "lumivision"}]}},
         {"poc.results_ownership": "by_field"}, whole=["Weld-seam image models"]),
    case("poc-copyright-separate", "poc-ai-en", {"results.copyright_ownership": {"rule": "joint"}}, {"poc.results_copyright": "joint"}),
    case("poc-report-internal", "poc-ai-en", {"poc.report_use": "internal_business"}, {"poc.report_use": "internal_business"}),
    case("poc-warranty-knowledge", "poc-ai-en", {"warranties": "knowledge_qualified"}, {"poc.warranties": "knowledge_qualified"}),
    case("poc-materials", "poc-ai-en", {"poc.materials": "Forty labelled photographs of valve bodies."}, {"poc.materials": "listed"},
         texts={"poc.materials": ["Forty labelled photographs of valve bodies."]}),
    case("poc-filing-feedback-subcontracting", "poc-ai-en", {"poc.notice_of_filing": True, "poc.feedback_free_use": True, "poc.subcontracting_allowed": True},
         {"poc.filing_notice": "advance_notice", "poc.feedback": "free_use", "poc.subcontracting": "with_notice"}),
    case("poc-licence-to-customer", "poc-ai-en",
         {"licence": {"exclusivity": "exclusive_then_non_exclusive", "exclusive_months": 6, "non_use_fallback_months": 3,
                      "field": "Visual inspection of machined aluminium parts", "royalty": {"kind": "paid", "running_percent": 1.5}}},
         {"poc.licence": "exclusive_then_non_exclusive", "poc.royalty": "paid"},
         texts={"poc.licence": ["6 months", "Visual inspection of machined aluminium parts"], "poc.royalty": ["1.5%"]}),
    case("poc-licence-free-non-exclusive", "poc-ai-en", {"licence": {"royalty": {"kind": "free"}}},
         {"poc.licence": "non_exclusive"}, absent=["poc.royalty"]),
    # --- joint R&D ----------------------------------------------------------------
    case("jrd-sole", "jrd-startup-ja", {}, {"jrd.ownership": "sole", "jrd.licence": "exclusive_then_non_exclusive"}),
    case("jrd-joint-consent-given", "jrd-university-ja", {"results.ownership": {"rule": "joint", "shares": "equal"}, "results.joint_rules": {"third_party_licensing": "consent_given"}},
         {"jrd.ownership": "joint", "jrd.joint_ownership": "consent_given_university"}),
    case("jrd-inventor", "jrd-university-ja", {}, {"jrd.ownership": "inventor", "jrd.option": "exclusive_licence"}),
    case("jrd-by-field", "jrd-university-ja", {"results.ownership": {"rule": "by_field", "fields": [{"field": "電極材料の組成", "owner": "seiryo-u"}]}},
         {"jrd.ownership": "by_field"}, whole=["電極材料の組成"]),
    case("jrd-decide-later", "jrd-university-ja", {"results.ownership": {"rule": "decide_later"}}, {"jrd.ownership": "decide_later"}),
    case("jrd-option-assignment", "jrd-university-ja", {"option.kind": "assignment", "option.exercise_months": 9}, {"jrd.option": "assignment"},
         texts={"jrd.option": ["9か月"]}),
    case("jrd-licence-non-exclusive", "jrd-startup-ja", {"licence.exclusivity": "non_exclusive", "licence.exclusive_months": None, "licence.non_use_fallback_months": None},
         {"jrd.licence": "non_exclusive"}),
    case("jrd-licence-exclusive", "jrd-startup-ja", {"licence.exclusivity": "exclusive", "licence.exclusive_months": 30}, {"jrd.licence": "exclusive"},
         texts={"jrd.licence": ["30か月"]}),
    case("jrd-royalty", "jrd-startup-ja", {"licence.royalty": {"kind": "paid", "running_percent": 2.5}}, {"jrd.royalty": "paid"}, texts={"jrd.royalty": ["2.5%"]}),
    case("jrd-sublicensing-named", "jrd-startup-ja", {"licence.sublicensing": "named", "licence.sublicensees": ["大和電機九州株式会社"]},
         whole=["大和電機九州株式会社"]),
    case("jrd-background-free", "jrd-startup-ja", {"background_ip.licence_for_exploitation": "non_exclusive_free"}, {"jrd.background_ip": "non_exclusive_free"}),
    case("jrd-filing-each", "jrd-university-ja", {"filing.by": "each_for_own_share", "filing.advance_notice_days": 21},
         {"jrd.filing": "each_for_own_share"}, texts={"jrd.filing": ["21日"]}),
    case("jrd-improvements-none", "jrd-startup-ja", {"improvements.grant_back": "none"}, {"jrd.improvements": "improver_no_grant_back"}),
    case("jrd-improvements-original-owner", "jrd-startup-ja", {"improvements.owner": "original_owner"}, {"jrd.improvements": "original_owner"}),
    case("jrd-publication-university", "jrd-university-ja", {"publication.notice_days": 45, "publication.delay_days": 75},
         {"jrd.publication": "academic_freedom_university"}, texts={"jrd.publication": ["45日", "75日"]}),
    case("jrd-publication-consent", "jrd-startup-ja", {"publication.academic_freedom": False}, {"jrd.publication": "consent"}),
    case("jrd-non-compete", "jrd-startup-ja", {"non_compete": {"scope": "車載用放熱シートの開発", "months": 18}}, {"jrd.non_compete": "scope_and_months"},
         texts={"jrd.non_compete": ["車載用放熱シートの開発", "18か月"]}),
    case("jrd-costs-own", "jrd-startup-ja", {"jrd.costs": {"rule": "each_bears_own"}}, {"jrd.costs": "each_bears_own"}),
    case("jrd-costs-fixed", "jrd-startup-ja", {"jrd.costs.amount": MONEY}, {"jrd.costs": "one_party_pays_fixed"}, texts={"jrd.costs": ["金2,500,000円"]}),
    case("jrd-committee", "jrd-startup-ja", {"jrd.steering_committee": {"members_per_party": 3, "meets_every_months": 2}}, {"jrd.steering_committee": "standard"},
         texts={"jrd.steering_committee": ["3名"]}),
    case("jrd-insolvency-assignment", "jrd-startup-ja", {"assignment_on_insolvency": True}, {"jrd.insolvency_assignment": "fair_value"}),
    case("jrd-warranty", "jrd-startup-ja", {"warranties": "knowledge_qualified"}, {"jrd.warranties": "knowledge_qualified"}),
    # --- licence --------------------------------------------------------------------
    case("license-exclusive-then", "license-en", {}, {"license.grant": "exclusive_then_non_exclusive", "license.infringement": "licensee_step_in"},
         texts={"license.grant": ["36 months", "12 months"]}),
    case("license-non-exclusive", "license-grantback-en", {}, {"license.grant": "non_exclusive", "license.infringement": "licensor_controls"}),
    case("license-exclusive-whole-term", "license-en", {"licence.exclusivity": "exclusive", "licence.exclusive_months": None, "licence.exclusive_perpetual": True},
         {"license.grant": "exclusive_whole_term"}),
    case("license-territory", "license-en", {}, texts={"license.definitions": ["Japan", "Republic of Korea"]}),
    case("license-sublicensing-affiliates", "license-en", {"licence.sublicensing": "affiliates"}, {"license.restrictions": "affiliates"}),
    case("license-royalty-free", "license-grantback-en", {"licence.royalty": {"kind": "free"}}, {"license.royalties": "royalty_free"},
         absent=["license.reports", "license.audit", "license.no_refund"]),
    case("license-royalty-paid", "license-en", {}, {"license.royalties": "paid", "license.audit": "audit"}, texts={"license.royalties": ["3%"]}),
    case("license-no-audit", "license-en", {"licence.royalty.audit": False}, {"license.audit": "records_only"}),
    case("license-grant-back-sublicensable", "license-en", {"improvements.grant_back": "non_exclusive_sublicensable"},
         {"license.improvements": "grant_back_sublicensable"}),
    case("license-warranty", "license-en", {"warranties": "knowledge_qualified"}, {"license.warranties": "knowledge_qualified"}),
    case("license-no-sell-off", "license-en", {"licensed.sell_off_months": 0}, {"license.effects": "no_sell_off"}),
    case("license-sell-off", "license-en", {"licensed.sell_off_months": 4}, {"license.effects": "sell_off"}, texts={"license.effects": ["4 months"]}),
    case("license-no-export", "license-en", {"licensed.export_control": False}, absent=["license.export"]),
    case("license-term-years", "license-en", {"licence.term": {"kind": "years", "years": 7}}, texts={"license.grant": ["7 years"]}),
]


def _article_text(article):
    return "\n".join(plain(p.segments) + "\n" + "\n".join(plain(i.segments) for i in p.items) for p in article.paragraphs)


@pytest.mark.parametrize("example,changes,variants,absent,texts,whole", CASES)
def test_decision_selects_and_renders_the_matching_clause(example, changes, variants, absent, texts, whole):
    data = copy.deepcopy(load_example_data(example))
    for path, value in changes.items():
        if path == "_roles":
            _roles(data, *value)
        else:
            set_path(data, path, copy.deepcopy(value))
    spec = load_spec(data)
    agreement = assemble(spec)
    chosen = {a.clause_id: a for a in agreement.articles}
    for clause_id, variant_id in variants.items():
        assert clause_id in chosen, f"{clause_id} is not in the agreement"
        assert chosen[clause_id].variant_id == variant_id
    for clause_id in absent:
        assert clause_id not in chosen
    for clause_id, snippets in texts.items():
        text = _article_text(chosen[clause_id])
        for snippet in snippets:
            assert snippet in text, (clause_id, snippet)
    full = agreement.text()
    for snippet in whole:
        assert snippet in full
    labels = {a.clause_id: a.label for a in agreement.articles}
    for clause_id in [*variants, *texts]:
        for para in chosen[clause_id].paragraphs:
            for seg in [*para.segments, *(s for i in para.items for s in i.segments)]:
                if isinstance(seg, Ref):
                    assert seg.text == labels[seg.target], "cross-reference shows the target's number"
