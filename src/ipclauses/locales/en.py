"""English: Article 1 (Purpose), paragraphs 1.1, 1.2 when there are several, items (a)."""

from __future__ import annotations

import re

from .base import (
    AgreementWords,
    BalanceWords,
    BilingualWords,
    ChangesWords,
    ChecklistWords,
    FormatWords,
    InterviewWords,
    KeyTermWords,
    ListPattern,
    Locale,
    MessageWords,
    NumberingWords,
    OverviewWords,
    PhraseWords,
    RedlineWords,
    ResultsWords,
    ScheduleWords,
    SignatureWords,
    StyleRule,
    SummaryHeadings,
    SummaryWords,
    Words,
)

_CAP_ZERO_WHY = "A cap of zero means {who} pays nothing for most breaches of the agreement, which is rarely what anyone intends."
_CAP_ZERO_FEES_FIX = (
    'Give the cap a floor above 0 (liability.cap.floor, e.g. {{"amount": 5000000, "currency": "JPY"}}), '
    'cap liability at a fixed amount ("kind": "amount"), or leave it uncapped ("kind": "none").'
)
_CAP_ZERO_AMOUNT_FIX = (
    'Set liability.cap.amount to a real figure, for example the fees or the likely loss, or leave liability '
    'uncapped ("kind": "none").'
)
_PERSONAL_DATA_WHY = (
    "Images, recordings and records often show or describe people: a worker caught by a line camera, a patient "
    "in medical data. Then Japan's Act on the Protection of Personal Information (APPI) applies: the provider needs "
    "a lawful basis to give the data and must supervise the recipient, the recipient must keep it secure, and a "
    "leak may have to be reported to the Personal Information Protection Commission. Without an article on it, "
    "the agreement sets no rules on security, subcontractors, transfers abroad, leaks or deletion."
)
_PERSONAL_DATA_FIX = (
    'Find out whether the data includes personal information. If it does, add "personal_data": {{"provided_by": '
    '["<id of the party that gives it>"]}}, with "sensitive": true for medical or other sensitive data and '
    '"cross_border": true if it may be handled outside Japan. If it does not, add "personal_data": {{"provided_by": []}} '
    "to record that, and remove or blur people in images before they are shared."
)
_POC_FREE_WHY = (
    "Startups are often asked for free PoCs; the model contracts warn that this undervalues the work "
    "and leaves no commitment from the customer."
)
_POC_FREE_FIX = "Agree a fee, or at least a fee if no next agreement follows (next_step.fee_if_none)."
_POC_OPEN_WHY = (
    "Once the results exist, each side knows what they are worth, and agreeing who owns them gets much harder. "
    "Until the parties agree, neither may file a patent, license or sell the results, or use them beyond the PoC. "
    "If they never agree, each party owns what its own people made and anything made together is owned jointly, "
    "which is rarely what either side wanted."
)
_JRD_NON_COMPETE_MESSAGE = (
    "For {months} months after the agreement ends, each party is barred from research in "
    "'{scope}' even when it does that research on its own."
)
_JRD_NON_COMPETE_WHY = (
    "The Japan Fair Trade Commission's guidelines on joint research and development accept, once the project "
    "is over, only a limit on research with third parties on the same theme, for a reasonable period. Stopping "
    "a party from doing its own research after the project is in principle an unfair trade practice, however "
    "short the period."
)
_JRD_NON_COMPETE_STARTUP = " A startup that may not keep developing its own core technology loses the business it was built on."
_JRD_NON_COMPETE_FIX = (
    'Set "non_compete.after_term": "third_parties_only", so that after the end only research with or for third '
    "parties in that field is restricted, for the months given."
)
# A duty to hand one's improvements to the other party by assignment or exclusive licence (licence and joint
# R&D findings: assign_back_improvements, exclusive_grant_back).
_LICENCE_HANDOVER_WHY = (
    "The Japan Fair Trade Commission's IP guidelines treat a duty on the licensee to assign its improvements "
    "to the licensor, or to license them to it exclusively, as in principle an unfair trade practice, paid "
    "for or not: it takes away the licensee's reason to improve the technology and strengthens the licensor's "
    "hold on the market."
)
_JRD_HANDOVER_WHY = (
    "The Japan Fair Trade Commission's guidelines on joint research and development treat a duty to assign "
    "improvements to the other participant, or to license them to it exclusively, as in principle an unfair "
    "trade practice (its IP guidelines say the same of a licensee's improvements), paid for or not: it takes "
    "away the improver's reason to improve the technology and strengthens the other party's hold on the market."
)
_JRD_ASSIGN_BACK_FIX = (
    'Let each party own the improvements it makes ("improvements.owner": "improver") and give the other party '
    'a non-exclusive licence instead ("improvements.grant_back": "non_exclusive_free").'
)
_MAKE_GRANT_BACK_NON_EXCLUSIVE = 'Make the grant-back non-exclusive ("improvements.grant_back": "non_exclusive_free"), so that '

# Deal-check findings by id (or id#variant): (message, why, fix) templates; the fields each is given
# are the ones its English template names. These are the findings' English texts (and their --json).
_FINDINGS: dict[str, tuple[str, str, str]] = {
    # --- consortium ---
    "consortium.no_deadlock_rule": (  # {parties}
        "Nothing says what happens when the steering committee of {parties} parties cannot decide.",
        "With three or more parties a vote can stall, and a stalled committee stops the work packages and the funder's reports.",
        'Choose "consortium.committee.deadlock": "escalation" (the parties\' executives decide) or '
        '"coordinator_casting_vote".',
    ),
    "consortium.no_leaving_rule": (
        "Nothing says how a member may leave the consortium, or what happens to its results and access rights.",
        "A member that walks out mid-project can take results the others need, or keep access it no longer earns.",
        'Set "membership.leaving" to "notice" or "consent", and choose what a leaver keeps.',
    ),
    "consortium.exploiter_without_access": (  # {party} {kind}
        "{party} is to exploit the results, but a party of its kind gets access rights for exploitation only by a "
        "separate agreement.",
        "The others can refuse that agreement, so the party that is meant to bring the results to market may be "
        "unable to use them.",
        'Give parties of its kind access on "fair_reasonable" or "royalty_free" terms, or take it off the exploiters.',
    ),
    "consortium.no_exploiter": (
        "No party is named as the one that will exploit the results.",
        "Access rights, ownership and the funder's reports all turn on who will use the results after the project.",
        'Name the exploiting parties in "access.exploiters".',
    ),
    "consortium.transfer_needs_approval": (  # {funder}
        "Results are to be assigned to another party, but the funding flows down the Bayh-Dole terms.",
        "Under article 17 of the Industrial Technology Enhancement Act such an assignment needs {funder}'s prior "
        "approval, which takes time and may be refused.",
        "Plan the approval into the timetable, or let creators keep their results and grant access rights instead.",
    ),
    "consortium.party_without_budget": (  # {party}
        "{party} has no line in the budget.",
        "A party that does work but has no budget may stop when its own money runs out.",
        "Give it a budget line, even one of 0, so the parties agree that it works at its own cost.",
    ),
    "consortium.background_unlisted": (
        "No party lists its background.",
        "Access rights and the veto on a party's own background work only for what the agreement identifies.",
        'List what each party brings in "background_ip.items".',
    ),
    # --- joint_filing ---
    "joint_filing.university_no_revenue": (  # {university} {company}
        "{university} co-owns the invention with {company} but receives nothing: no compensation for not practising "
        "(不実施補償) is set, and no share of licence income is fixed.",
        "{company} may work the invention freely, and a university does not make or sell products itself. With no "
        "compensation and no fixed share of licence income, {university} bears a share of the rights (and a veto on "
        "licences and assignments) without any return, which university rules usually forbid; the dispute then comes "
        "after sales start.",
        "Set joint_rules.non_practice_compensation_percent (a percentage of {company}'s net sales of products that use "
        "the invention), or make licence income follow the shares (\"joint_rules.licence_income\": \"by_share\"), or both.",
    ),
    "joint_filing.no_non_practice_compensation": (  # {university} {company}
        "{university} shares in licence income, but receives nothing when {company} works the invention itself: no "
        "compensation for not practising (不実施補償) is set.",
        "Under Patent Act art. 73 each co-owner works the invention without paying the other. {university} does not "
        "manufacture, so without compensation its only income from the invention is its share of licence income.",
        "Agree a rate in joint_rules.non_practice_compensation_percent, or record that {university} waives compensation "
        "(for example because {company} bears all the filing costs).",
    ),
    "joint_filing.licence_income_open": (
        "A licence to a third party needs both co-owners' consent, but nothing says how its income is shared.",
        "The co-owner asked for consent can still set terms when it consents, but leaving the split open invites a "
        "deadlock at the moment a licensee is waiting.",
        "Choose \"joint_rules.licence_income\": \"by_share\" (income follows the shares) or \"licensing_party\".",
    ),
    "joint_filing.licence_income_open#consent_given": (
        "Each co-owner may license third parties without asking, and nothing says how the licence income is shared.",
        "The licensing co-owner collects the income and the other has no contractual claim to any of it, while the "
        "licences compete with its own use of the invention.",
        "Choose \"joint_rules.licence_income\": \"by_share\", or require consent "
        "(\"joint_rules.third_party_licensing\": \"consent_required\").",
    ),
    "joint_filing.share_without_costs": (  # {payer} {other} {share}
        "{payer} pays every cost of the application, while {other} holds a {share}% share without paying.",
        "That is common when a company funds a university's share, but {other} keeps the co-owner's veto on licences "
        "and assignments, and its share is not reduced if it never contributes.",
        "Confirm that this is intended, and consider letting {payer} weigh it in the other terms (a lower compensation "
        "rate, or consent to licences given in advance), or share the costs by share.",
    ),
    "joint_filing.no_take_over": (
        "Nothing says what happens when a co-owner abandons its share or stops paying for the rights.",
        "A co-owner that stops paying fees can let a patent lapse for both, and an abandoned share passes to the other "
        "co-owner only as the law provides, with no notice period to act on.",
        "Set \"abandonment.other_may_take_over\": true, so a co-owner that wants to drop its share gives notice and "
        "offers it to the other.",
    ),
    "joint_filing.foreign_filing_blocked": (
        "Filing abroad needs both co-owners, and if either declines nobody files.",
        "Either co-owner can then stop protection abroad, even where the other needs it for its products, and the "
        "priority deadline (12 months) will not wait for a negotiation.",
        "Let the co-owner that wants to file go ahead alone (\"foreign_filing.if_one_declines\": \"other_files_alone\").",
    ),
    # --- data_provision ---
    "data_provision.personal_data_unlimited": (  # {scope}
        'The data contains personal information, but the recipient may use it beyond a stated purpose ("{scope}").',
        "Japan's APPI lets personal information be used only within the purpose it was obtained and given for. A provider "
        "that hands it over for any use has no lawful basis for giving it, and the personal information article, which "
        "limits its use to the Purpose, then contradicts the scope of use.",
        'Set "permitted_use.scope": "purpose_only" and state the purpose precisely, or anonymise the data first '
        '("provided_data.personal_info": "anonymised").',
    ),
    "data_provision.personal_data_unlimited#pseudonymised": (  # {scope}
        'The data contains pseudonymised information, but the recipient may use it beyond a stated purpose ("{scope}").',
        "Pseudonymised information may be used only for the purposes published for it, and as a rule may not be given "
        "to a third party at all (APPI art. 41). The recipient can hold it only to handle it for the provider, within "
        "the provider's purpose.",
        'Set "permitted_use.scope": "purpose_only" and state the purpose precisely, or anonymise the data first '
        '("provided_data.personal_info": "anonymised").',
    ),
    "data_provision.derived_open": (
        "Ownership of the data, models and other results derived from the data is left to be agreed later.",
        "Derived data is where the value of a data deal lies. Left open, neither party can safely build on it, and the "
        "party that holds it will claim it.",
        'Choose an owner in "derived_data.owner" ("recipient" or "provider"), and decide with '
        '"derived_data.provider_may_use" whether the provider may use what the recipient derives.',
    ),
    "data_provision.redistribution_personal": (  # {redistribution}
        'The recipient may pass the data on ("{redistribution}"), and the data contains personal information.',
        "Giving personal information to another company, an affiliate included, is a provision to a third party under "
        "the APPI that needs the individuals' consent or another lawful basis. The personal information article also "
        "forbids it without the provider's written consent.",
        'Set "permitted_use.redistribution": "none", or anonymise the data before it may be passed on.',
    ),
    "data_provision.no_lawful_source": (  # {recipient}
        "{recipient} may build products on the data, but the provider does not warrant that it obtained the data "
        "lawfully or may provide it.",
        "If the data was collected unlawfully, or a third party's rights or contract limit its use, products built on "
        "it may have to be withdrawn, and the recipient has no claim against the provider.",
        'Set "data_quality.warranty": "lawful_source" (or "agreed_levels"), so that the provider at least warrants that '
        "it obtained the data lawfully and has the right to provide it.",
    ),
    "data_provision.restricted_passed_on": (
        "The data is restricted-access data, but the recipient may pass it on to its affiliates without asking.",
        "Data shared under access controls is protected as shared data with limited access (Unfair Competition "
        "Prevention Act art. 2(7)) only while access stays limited to those it is provided to. Passing it on freely "
        "weakens the provider's case.",
        'Consider "permitted_use.redistribution": "with_consent", so that every affiliate that receives the data is one '
        "the provider agreed to.",
    ),
    # --- ai_use ---
    "ai_use.input_reuse_unlimited": (  # {provider} {user}
        "{provider} may use {user}'s input data for any purpose, and the agreement sets no limit on that use.",
        "Input data often holds a user's trade secrets, production know-how or data about people. Once {provider} "
        "may use it freely, {user} cannot stop it from being studied, kept, passed on or built into other products, "
        "and its confidentiality protection is worth little. METI's Contract Guidelines on AI and Data expect the "
        "parties to agree the purpose and limits of any reuse.",
        'Limit the reuse: "input_data.improvement_use": "de_identified" (only to improve the service, in a form that '
        'identifies neither {user} nor its data), "opt_out" (the same, unless {user} says no), or "none".',
    ),
    "ai_use.input_reuse_unlimited#other_customers": (  # {provider} {user}
        "{provider} may use {user}'s input data for any purpose, including models for other customers, and the "
        "agreement sets no limit on that use.",
        "Input data often holds a user's trade secrets, production know-how or data about people. A model trained on "
        "it and sold to others, competitors among them, can carry what {user} learnt to them, and {user} cannot stop "
        "it. METI's Contract Guidelines on AI and Data expect the parties to agree the purpose and limits of any reuse.",
        'Limit the reuse: "input_data.improvement_use": "de_identified" or "opt_out", and decide whether other '
        'customers may benefit ("input_data.other_customers").',
    ),
    "ai_use.model_without_code": (  # {provider} {user}
        "{user} owns its customised model, but only {provider} keeps the code that trains it.",
        "A trained model goes stale as the data changes. Without the training code (and the settings used), {user} "
        "cannot train the model again, move it to another provider or check how it was made, so owning it gives "
        "{user} little, and {provider} stays the only party able to maintain it.",
        'Have the training code delivered with the model ("customised_model.training_code": "delivered"), or let '
        '{provider} own the model and grant {user} the use it needs ("customised_model.owner": "provider").',
    ),
    "ai_use.no_availability_target": (  # {provider} {user}
        "The service has no availability target.",
        "Without a target, {provider} promises only reasonable efforts to keep the service running, and {user} "
        "has no measure to point to when it is down.",
        'Set "service_level.availability_percent" (for example 99.5), or keep none if the service is not critical '
        "to {user}'s operations.",
    ),
    "ai_use.no_availability_target#usage": (  # {provider} {user}
        "{user} pays for its use of the service, but the service has no availability target.",
        "Usage fees tie {user}'s business to the service: it depends on the service being there when it needs it. "
        "Without a target, {provider} promises only reasonable efforts, and {user} has no measure to point to when "
        "the service is down, nor a reason to pay less.",
        'Set "service_level.availability_percent" (for example 99.5), so that both sides know what the fees buy.',
    ),
    "ai_use.personal_data_without_appi": (  # {provider} {user}
        "{user}'s input data contains personal information, but the agreement has no article on handling it.",
        "Sending personal information to {provider} for processing is an entrustment under Japan's Act on the "
        "Protection of Personal Information (APPI): {user} must supervise {provider}, and {provider} must keep the "
        "data secure. Without an article on it, the agreement sets no rules on security, subcontractors, transfers "
        "abroad, leaks or deletion, and nothing stops personal information from reaching the reuse for improving "
        "the model.",
        'Add "personal_data": {{"provided_by": ["<id of {user}>"]}}, with "sensitive": true for health or other '
        'sensitive data and "cross_border": true if the service runs outside Japan; or, if the inputs hold no '
        'personal information after all, set "input_data.personal_data": false.',
    ),
    "ai_use.unlimited_model_changes": (  # {provider} {user}
        "{provider} may change the model at any time without notice.",
        "A changed model can give different outputs for the same input. {user} may have built checks, thresholds "
        "and processes on how the model behaves today, and a silent change can break them before anyone notices.",
        'Require notice of material changes ("model_changes.rule": "notice"), with the right to leave '
        '("notice_and_exit") or to stay on the earlier version for a while ("prior_version").',
    ),
    # Money terms: the late-payment rate against the usual ceiling, in Japan ("#japan") or elsewhere.
    "money.late_interest_high#japan": (  # {rate}
        "Late payments carry interest at {rate}% a year, more than the 14.6% that Japanese practice treats as the ceiling.",
        "14.6% a year is the most a business may charge a consumer for late payment (Consumer Contract Act) and the rate "
        "a contractor owes on late payment under the Subcontract Act. Between businesses a higher agreed rate is not "
        "unlawful as such, but these ceilings, like the Interest Rate Restriction Act's for loans, show where Japanese "
        "courts see excess, and a court may cut down a rate it finds excessive as against public policy.",
        "Lower late_interest_percent to 14.6 or less, unless what late payment really costs the creditor justifies more.",
    ),
    "money.late_interest_high": (  # {rate}
        "Late payments carry interest at {rate}% a year, more than the 14.6% commonly used as a ceiling in Japanese contracts.",
        "Under English or Singapore law a late-payment rate well above the creditor's likely loss may be treated as a "
        "penalty and not enforced (Singapore courts still ask whether it is a genuine pre-estimate of the loss), and a "
        "New York court may refuse one that is plainly out of proportion. Japanese limits such as the Consumer Contract "
        "Act's 14.6% for consumers and the Interest Rate Restriction Act's for loans are a useful yardstick.",
        "Lower late_interest_percent to 14.6 or less, or keep a higher rate only if it reflects what late payment really "
        "costs the creditor, such as its cost of borrowing.",
    ),
    "money.mixed_currencies": (  # {amounts} {currency}
        "The amounts in this agreement are not all in one currency ({amounts}).",
        "Each amount is paid in its own currency and the agreement fixes no rate between them, so totals and "
        "comparisons depend on an exchange rate nobody agreed. A different currency is also a common typing slip.",
        "Put every amount in {currency} unless the difference is deliberate; if it is, agree how and on which day "
        "amounts are converted.",
    ),
    "money.mixed_currencies#cap_floor": (  # {amounts} {currency} {floor_currency}
        "The floor of the liability cap is in {floor_currency}, but the amounts paid under this agreement are in "
        "{currency} ({amounts}).",
        "The cap is the greater of the amounts payable under the agreement and the floor, so the two must be compared; "
        "in different currencies that comparison depends on an exchange rate, and on a day, that the agreement does not fix.",
        "Give the floor in {currency} (liability.cap.floor.currency) unless the difference is deliberate; if it is, "
        "agree the exchange rate and the day it is taken.",
    ),
    "jrd.no_non_practice_compensation": (  # {university} {company}
        "Results are co-owned by {university} and {company}, and each may use them freely, but no compensation for "
        "not practising (不実施補償) is set.",
        "A university does not make or sell products itself. When each co-owner may use the joint results freely, "
        "{company} can exploit them without paying, and {university} earns nothing from that use. Universities usually "
        "ask for compensation for not practising, a percentage of the company's sales of products that use the results; "
        "left open, it tends to come back as a dispute once sales start.",
        "Decide it now: set results.joint_rules.non_practice_compensation_percent, or confirm with {university} that it "
        "waives compensation and leave it out.",
    ),
    "purpose.vague": (
        "The purpose is too vague to limit how information and results may be used.",
        "Every use restriction in the agreement refers to the Purpose; a purpose such as "
        "'business collaboration' or \u300c新規事業に関する協業の検討\u300d names no technology, product or "
        "deliverable, so it lets the other side use what you share for almost anything.",
        "Name the technology, the product or use, and what the parties will evaluate or develop, "
        "e.g. 'evaluating cellulose nanofibre film X for battery separators in product Y'.",
    ),
    "project.objective_missing": (
        "The collaboration's objective is not stated.",
        "Collaborations fail most often because the parties never agreed what success looks like.",
        "Write one sentence on what the project should achieve and by when.",
    ),
    "project.kpis_missing": (
        "No success measures (KPIs) are stated.",
        "Without shared measures, the decision to continue or stop becomes a negotiation.",
        "List two or three measurable targets, e.g. 'defect detection rate of 98% on the test set'.",
    ),
    "project.roles_missing": (
        "Who does what in the project is not stated.",
        "Unclear roles lead to gaps in the work and arguments about who caused a delay.",
        "Add each party's tasks under project.roles.",
    ),
    "project.decision_maker_missing": (
        "Nobody is named as deciding for the project.",
        "When the parties disagree, the people on the ground need to know who decides.",
        "Name the role or committee that takes decisions, e.g. 'the steering committee'.",
    ),
    "parties.mixed_script_name": (  # {name} {scripts}
        "The name {name!r} mixes letters of {scripts} scripts.",
        "Letters of different scripts can look identical (a Cyrillic 'Т' and a Latin 'T'), so a name "
        "that mixes them may not be the name it seems, and searches of registers will not find it.",
        "Retype the name with the letters of one script (Japanese names may mix kanji, kana and Latin).",
    ),
    "ownership.joint_rules_default": (
        "Results may be jointly owned, but the spec does not say who may use or license them.",
        "Under Japanese Patent Act art. 73 a co-owner cannot license or assign its share without the "
        "other's consent, so either party can block the other's licensing.",
        "Set results.joint_rules: whether each may practise freely, whether consent to third-party "
        "licences is given now, and how costs are shared.",
    ),
    "ownership.copyright_decide_later": (
        "Copyright in the results (software, data, models, documents) is left to be decided later.",
        "Until it is agreed, neither side can safely use, publish or license the code and documents the "
        "project produces, and the party whose staff wrote them is the author by default.",
        "Choose a rule now for copyright (sole, joint or by field), or drop copyright_ownership so it "
        "follows the ownership rule.",
    ),
    "ownership.joint_blocks_startup": (  # {startup}
        "Jointly owned results can be licensed only with every owner's consent, and {startup} is a startup.",
        "A startup earns from its technology by licensing it; if the larger partner can refuse consent to "
        "each licence (Patent Act art. 73), it can hold the startup's business hostage.",
        'Give consent now (results.joint_rules.third_party_licensing: "consent_given"), or agree sole '
        "ownership by the startup with a licence to the partner.",
    ),
    "ownership.decide_later": (
        "Ownership of the results is left to be decided later.",
        "Agreeing ownership after valuable results exist is the classic source of disputes: by then each "
        "side knows what they are worth.",
        "Choose a rule now (sole, joint, inventor-based or by field); it can still differ for copyright.",
    ),
    "licence.exclusive_no_period": (
        "The licence is exclusive for its whole term.",
        "A long exclusivity can lock the owner's core technology away, especially for a startup.",
        "Limit exclusivity to a period (licence.exclusive_months), then non-exclusive.",
    ),
    "licence.exclusive_no_field": (
        "The exclusive licence covers every field of use.",
        "Exclusivity in all fields stops the owner from working with anyone else, even in unrelated markets.",
        "Limit the licence to the licensee's field or products (licence.field, licence.products).",
    ),
    "licence.exclusive_no_fallback": (
        "The exclusive licence does not end if the licensee does not use it.",
        "A licensee can take exclusivity and shelve the technology; the owner then earns nothing from it.",
        "Set licence.non_use_fallback_months, e.g. 12, after which exclusivity falls away, or, in a licence "
        "agreement, a diligence duty (diligence.first_sale_months).",
    ),
    "licence.exclusive_no_minimum": (
        "An exclusive licence from a startup has no minimum royalty.",
        "With a running royalty only, the startup earns nothing while the licensee's sales are slow.",
        "Add licence.royalty.minimum_annual.",
    ),
    "licence.no_affiliate_sublicence": (  # {licensee}
        "{licensee} may not sublicense, not even to its affiliates.",
        "Large companies often manufacture or sell through group companies; without a right to "
        "sublicense them, the licence may not cover how the business really runs.",
        'Consider "sublicensing": "affiliates".',
    ),
    "confidentiality.survival_shorter_than_licence": (  # {years}
        "Confidentiality survives {years} years, less than the licence period.",
        "Know-how licensed for longer than it stays confidential can be disclosed while the licensee still pays for it.",
        "Make confidentiality last at least as long as the licence, or protect trade secrets while they stay secret.",
    ),
    "confidentiality.trade_secrets_expire": (
        "Trade secrets lose protection when the confidentiality period ends.",
        "Know-how such as process parameters keeps its value for much longer than a few years.",
        'Set "trade_secrets_survive": true.',
    ),
    "confidentiality.marked_only": (
        "Only information marked as confidential is protected.",
        "In a deal with samples, demonstrations or site visits, much is shared orally or by showing, and "
        "none of that would be protected.",
        'Consider "marked_or_confirmed": oral disclosures become confidential when confirmed in writing.',
    ),
    "non_compete.broad": (  # {months} {scope}
        "The non-compete runs {months} months with the scope '{scope}'.",
        "A wide or long non-compete can stop a startup from doing its core business and may breach competition law.",
        "Limit it to the specific product and field of the project, for 12 to 24 months after the end.",
    ),
    "liability.one_sided_cap": (  # {party}; two parties
        "Only {party}'s liability is capped.",
        "The other party carries unlimited liability for the same kind of breach.",
        'Cap both parties\' liability ("cap_applies_to": "both"), or explain the difference.',
    ),
    "liability.one_sided_cap#many": (  # {party}; three parties or more
        "Only {party}'s liability is capped.",
        "The other parties carry unlimited liability for the same kind of breach.",
        'Cap both parties\' liability ("cap_applies_to": "both"), or explain the difference.',
    ),
    "disputes.law_court_mismatch": (  # {law} {court}
        "The governing law ({law}) and the court ({court}) are in different countries.",
        "A court applying foreign law is slow and expensive, and a judgment may be hard to enforce abroad.",
        'Use arbitration ("forum": "arbitration"), or choose the law and court of one country.',
    ),
    "licence.no_audit": (
        "A running royalty is paid on Net Sales, but the licensor cannot audit the books.",
        "Without audit rights, the licensor must take the licensee's reports on trust.",
        'Set "audit": true.',
    ),
    "term.notice_longer_than_term": (
        "The notice period for stopping renewal is longer than the initial term.",
        "Notice would have to be given before the agreement even starts, so it renews whatever the parties want.",
        "Shorten term.renewal.notice_days.",
    ),
    # A cap at the fees with nothing payable: for both parties or for the one capped {party}, with a floor of 0 or none.
    "liability.cap_zero#fees": (
        "Liability is capped at the fees payable under this agreement, but nothing is payable and there is no floor, "
        "so the cap is 0.",
        _CAP_ZERO_WHY.format(who="a party"),
        _CAP_ZERO_FEES_FIX,
    ),
    "liability.cap_zero#fees_floor": (
        "Liability is capped at the fees payable under this agreement, but nothing is payable and the floor is 0, "
        "so the cap is 0.",
        _CAP_ZERO_WHY.format(who="a party"),
        _CAP_ZERO_FEES_FIX,
    ),
    "liability.cap_zero#fees_one": (
        "{party}'s liability is capped at the fees payable under this agreement, but nothing is payable and there "
        "is no floor, so the cap is 0.",
        _CAP_ZERO_WHY.format(who="{party}"),
        _CAP_ZERO_FEES_FIX,
    ),
    "liability.cap_zero#fees_floor_one": (
        "{party}'s liability is capped at the fees payable under this agreement, but nothing is payable and the "
        "floor is 0, so the cap is 0.",
        _CAP_ZERO_WHY.format(who="{party}"),
        _CAP_ZERO_FEES_FIX,
    ),
    "liability.cap_zero#amount": (
        "Liability is capped at a fixed amount of 0.",
        _CAP_ZERO_WHY.format(who="a party"),
        _CAP_ZERO_AMOUNT_FIX,
    ),
    "liability.cap_zero#amount_one": (
        "{party}'s liability is capped at a fixed amount of 0.",
        _CAP_ZERO_WHY.format(who="{party}"),
        _CAP_ZERO_AMOUNT_FIX,
    ),
    "licence.exclusivity_outlasts_licence": (  # {exclusive_months} {months}
        "Exclusivity is set for {exclusive_months} months, but the licence itself lasts only {months} months.",
        "The licence ends first, so the promised exclusivity is never fully given, and the parties may each "
        "believe a different end date.",
        "Shorten licence.exclusive_months, or make the licence last longer (licence.term).",
    ),
    # Data in {field} (a dotted spec path): a medium ({word}), or data ({data}) with words for people ({people}).
    "personal_data.unstated": (
        "The deal shares data ({field} mentions \"{word}\"), but the spec does not say whether any of it is "
        "personal information.",
        _PERSONAL_DATA_WHY,
        _PERSONAL_DATA_FIX,
    ),
    "personal_data.unstated#people": (
        "The deal shares data ({field} mentions \"{data}\" and \"{people}\", which suggests information about "
        "people), but the spec does not say whether any of it is personal information.",
        _PERSONAL_DATA_WHY,
        _PERSONAL_DATA_FIX,
    ),
    "nda.one_way_against_startup": (  # {discloser} {recipient}
        "Only {discloser}'s information is protected, but {recipient} will likely share its own.",
        "In open innovation the startup usually shows its technology too; a one-way NDA leaves that unprotected.",
        'Consider a mutual NDA ("direction": "mutual").',
    ),
    "poc.free": (
        "The PoC is unpaid.",
        _POC_FREE_WHY,
        _POC_FREE_FIX,
    ),
    "poc.free#startup": (  # {provider}
        "The PoC is unpaid, and {provider}, a startup, does the work.",
        _POC_FREE_WHY,
        _POC_FREE_FIX,
    ),
    "poc.ownership_open": (  # {due}: the date the Report is due, YYYY-MM-DD
        "Who owns the results and the copyright in the Report is not decided. The agreement only says the parties "
        "will agree it before the Report is delivered, by {due} at the latest.",
        _POC_OPEN_WHY,
        "Decide before signing, and at the latest before the Report is due on {due}: who owns the results and the "
        "copyright in the Report, and whether the other party gets a licence to use them. Then set "
        "results.ownership (and results.copyright_ownership if copyright differs) and, for a licence, licence.",
    ),
    "poc.ownership_open#ip": (  # {due}
        "Who owns the inventions and know-how in the results is not decided. The agreement only says the parties "
        "will agree it before the Report is delivered, by {due} at the latest.",
        _POC_OPEN_WHY,
        "Decide before signing, and at the latest before the Report is due on {due}: who owns the inventions and "
        "know-how in the results, and whether the other party gets a licence to use them. Then set "
        "results.ownership and, for a licence, licence.",
    ),
    "poc.ownership_open#copyright": (  # {due}
        "Who owns the copyright in the results, the Report included, is not decided. The agreement only says the "
        "parties will agree it before the Report is delivered, by {due} at the latest.",
        _POC_OPEN_WHY,
        "Decide before signing, and at the latest before the Report is due on {due}: who owns the copyright in the "
        "Report, software, data and models, and whether the other party gets a licence to use them. Then set "
        "results.copyright_ownership and, for a licence, licence.",
    ),
    "background.no_exploitation_licence": (  # {owner}
        "{owner} owns the results, but the other party's background IP is needed to use them "
        "and no licence for exploitation is given.",
        "Results that cannot be used without the other side's background IP are worth little, and the "
        "other side can block their use.",
        "Give a licence for exploitation (non_exclusive_reasonable or non_exclusive_free), or say why none is needed.",
    ),
    "university.no_publication_right": (
        "The university has no stated right to publish results or use them for research and teaching.",
        "Universities must publish; an agreement that blocks it is usually refused or breached.",
        'Set "publication.academic_freedom": true with a notice and delay period for patent filing.',
    ),
    "university.long_publication_delay": (  # {days}
        "Publication can be delayed by {days} days.",
        "Delays beyond about 90 days are unusual and hold back students' theses and papers.",
        "Consider 60 to 90 days, enough to file a patent application.",
    ),
    # {months} {scope}; with startups among the parties, {startups}: their names.
    "jrd.non_compete_own_rnd": (
        _JRD_NON_COMPETE_MESSAGE,
        _JRD_NON_COMPETE_WHY,
        _JRD_NON_COMPETE_FIX,
    ),
    "jrd.non_compete_own_rnd#startup": (
        _JRD_NON_COMPETE_MESSAGE + " {startups} is a startup.",
        _JRD_NON_COMPETE_WHY + _JRD_NON_COMPETE_STARTUP,
        _JRD_NON_COMPETE_FIX,
    ),
    "jrd.non_compete_own_rnd#startups": (
        _JRD_NON_COMPETE_MESSAGE + " {startups} are startups.",
        _JRD_NON_COMPETE_WHY + _JRD_NON_COMPETE_STARTUP,
        _JRD_NON_COMPETE_FIX,
    ),
    "licence.assign_back_improvements": (  # {licensor} {licensee}
        "{licensee} must assign the improvements it makes alone to {licensor} (an assignment-back).",
        _LICENCE_HANDOVER_WHY,
        'Let each side own what it makes ("improvements.owner": "improver") and give the licensor a non-exclusive '
        'licence instead ("improvements.grant_back": "non_exclusive_free").',
    ),
    "licence.sublicensable_grant_back": (  # {licensor} {licensee}
        "{licensor} gets a free licence to {licensee}'s improvements with no time limit, "
        "and may sublicense them to its group companies and to its other licensees, who may compete with "
        "{licensee}.",
        "A non-exclusive grant-back is in principle acceptable under the Japan Fair Trade Commission's IP "
        "guidelines, but one the licensor may pass on to other licensees hands the licensee's work to its "
        "competitors for nothing. That can weaken the licensee's reason to improve the technology and strengthen "
        "the licensor's position, and can then be an unfair trade practice.",
        'Limit the grant-back to the licensor\'s own use for the licence term ("improvements.grant_back": '
        '"non_exclusive_free"), or agree a fee and a short list of who may be sublicensed.',
    ),
    "licence.exclusive_grant_back": (  # {licensor} {licensee}
        "{licensee} must give {licensor} an exclusive licence to the improvements it makes alone, for as long as "
        "the licence lasts (an exclusive grant-back): meanwhile {licensee} may not license them to anyone else.",
        _LICENCE_HANDOVER_WHY,
        _MAKE_GRANT_BACK_NON_EXCLUSIVE + "{licensee} stays free to license its improvements to others.",
    ),
    # Joint R&D: Improvements are those a party makes to the results outside the research; each party is
    # the improver of its own and gives (or assigns) them to the other.
    "jrd.assign_back_improvements": (
        "An improvement a party makes to the results outside the research goes to the party that owns the results "
        "it improves: the improver must assign it, for a price to be agreed (an assignment-back).",
        _JRD_HANDOVER_WHY,
        _JRD_ASSIGN_BACK_FIX,
    ),
    "jrd.assign_back_improvements#sole": (  # {owner} {other}
        "{other} must assign the improvements it makes to the results outside the research to {owner}, which owns "
        "the results, for a price to be agreed (an assignment-back).",
        _JRD_HANDOVER_WHY,
        _JRD_ASSIGN_BACK_FIX,
    ),
    "jrd.exclusive_grant_back": (
        "Each party must give the other an exclusive licence to the improvements it makes to the results outside "
        "the research, within the other's rights in the results (an exclusive grant-back): there, the improver "
        "may only use them itself and may not license them to anyone else.",
        _JRD_HANDOVER_WHY,
        _MAKE_GRANT_BACK_NON_EXCLUSIVE + "each party stays free to license its improvements to others.",
    ),
    "jrd.sublicensable_grant_back": (
        "Each party must let the other use the improvements it makes to the results outside the research free of "
        "charge, and the other may sublicense them to its group companies and to the companies it licenses the "
        "results to.",
        "A non-exclusive grant-back is in principle acceptable under the Japan Fair Trade Commission's guidelines, "
        "but one the other party may pass on to its licensees hands the improver's work to third parties, perhaps "
        "its competitors, for nothing. That can weaken the improver's reason to improve the technology, and can "
        "then be an unfair trade practice.",
        'Limit the grant-back to the other party\'s own use ("improvements.grant_back": "non_exclusive_free"), or '
        "agree a fee and a short list of who may be sublicensed.",
    ),
    "licence.licensee_prosecutes_non_exclusive": (  # {licensor} {licensee}
        "{licensee} prosecutes and maintains {licensor}'s patents although its licence is not exclusive.",
        "{licensor} stays free to license the same patents to others, who then depend on how "
        "{licensee} handles office actions, amendments and renewal fees. Handing prosecution to the "
        "licensee is usual only where it alone exploits the patents, under an exclusive licence.",
        'Let the licensor prosecute ("prosecution.by": "licensor"), with the licensee paying the costs '
        '("prosecution.costs": "licensee") if that was the point, or make the licence exclusive.',
    ),
    "licence.no_sublicence_income_share": (  # {licensor} {licensee}
        "{licensee} may sublicense anyone, and keeps every upfront or milestone fee its sublicensees "
        "pay it: {licensor} shares only in their sales, through the running royalty.",
        "With free sublicensing {licensee} can in effect license {licensor}'s technology "
        "to others for fees that are not tied to sales, and those fees pass the licensor by.",
        'Agree a share of sublicence income ("licence.royalty.sublicence_income_percent", e.g. 20), or limit '
        'sublicensing to affiliates or named companies.',
    ),
    "term.renews_after_licence": (  # {renewal_months} {months} {years}
        "The agreement renews automatically for {renewal_months} months at a time after its initial term of "
        "{months} months, but the licence lasts {years} years and has ended by then.",
        "A licence agreement that renews after its licence has ended would keep the parties bound by "
        "confidentiality, improvement and grant-back duties with nothing licensed; the agreement therefore does "
        "not renew past the end of the licence, and the renewal the spec asks for never happens.",
        'Make the licence follow the agreement and its renewals ("licence.term": {{"kind": "agreement_term"}}), '
        'or set "term.renewal.automatic": false, or make the licence longer than the initial term (licence.term.years).',
    ),
    # --- ai in poc and jrd ---
    "ai.reuse_unlimited": (  # {developer} {partner}
        "{developer} may reuse the model trained on {partner}'s data, and its trained parameters, for any other "
        "customer, with no limit.",
        "What a model has learned from the training data stays in its trained parameters, so a model reused for a "
        "competitor of {partner} carries {partner}'s data, and the know-how in it, to that competitor. Copyright "
        "may not protect trained parameters, so only the contract can set the limit.",
        'Limit the reuse: exclude {partner}\'s competitors ("ai.reuse": "except_competitors", naming them in '
        '"ai.reuse_excluded"), require consent ("with_consent"), or let {developer} reuse only its own inference '
        "program and not the trained parameters (\"none\").",
    ),
    "ai.reuse_unlimited#personal": (  # {developer} {partner}
        "{developer} may reuse the model trained on {partner}'s data, which contains personal information, for any "
        "other customer, with no limit.",
        "A model trained on personal information can reveal it (through memorised examples or inference attacks), "
        "and the people in the data agreed at most to its use for this project. Reuse for others with no limit also "
        "carries {partner}'s data and know-how to its competitors.",
        'Limit the reuse ("ai.reuse": "with_consent" or "none"), and settle in the work description how '
        "{developer} shows that no personal information can be recovered from a model before it is reused.",
    ),
    "ai.data_provider_no_model_use": (  # {developer} {partner}
        "{partner} provides training data but gets no right to use the trained model: {developer} owns the "
        "model, its parameters and the inference program, and {partner} may not use them.",
        "The party whose data made the model usually expects at least to use the model it paid for with its "
        "data. With no right of use, every later use needs a new agreement with {developer}, on its terms.",
        'Give {partner} a right of use ("ai.partner_use": "purpose_only" or "internal_business"), or a share in '
        'the model ("ai.model_owner": "joint" or "partner").',
    ),
    "ai.parameters_without_program": (  # {developer} {partner}
        "{partner} owns (or co-owns) the trained model or its parameters, but the inference program stays with "
        "{developer} and {partner} may not use it.",
        "Trained parameters do nothing without the program that runs them: {partner} would own a model it "
        "cannot use without a further agreement with {developer}. This is the AI version of owning a model whose "
        "only working copy the other side keeps.",
        'Give {partner} a right to use the inference program ("ai.partner_use": "internal_business"), or have '
        'it own the program too ("ai.inference_program_owner").',
    ),
    "ai.no_acceptance_tests": (  # {developer} {partner}
        "The model is developed for use, but no acceptance tests are agreed.",
        "A statistical model's accuracy cannot be promised in advance, so the agreement gives no warranty of "
        "accuracy; without agreed tests there is then no measure of whether {developer} has delivered, and "
        "acceptance turns into a dispute.",
        'Describe the tests and their targets in "ai.acceptance_tests" (the test data, the measures such as '
        "recall or error rate, and the threshold), as a best-efforts target rather than a warranty.",
    ),
    "ai.no_acceptance_tests#delivered": (  # {developer} {partner}
        "A trained model is delivered with the Report, but no acceptance tests are agreed for it.",
        "Accuracy is not warranted, so without agreed tests {partner} has no measure to accept or reject the "
        "delivered model, and the PoC's result is harder to judge.",
        'Describe the tests and their targets in "ai.acceptance_tests", ideally the same ones as the PoC\'s KPIs.',
    ),
}

# Validation messages by id (see messages.py): `str.format` templates, given the fields each names. These are
# the messages' English texts (and those of `validate --json`); every locale has the same ids.
_MESSAGES = {
    # --- consortium ---
    "consortium.coordinator_role": "a consortium has one coordinator that runs its administration",
    "consortium.member_role": 'give every other party "role": "member"',
    "consortium.no_renewal": "a consortium runs for its project's term and does not renew automatically (set it to false)",
    "consortium.cap_for_all": 'a consortium caps every party\'s liability alike (use "both")',
    "consortium.budget_currencies": "gives budgets in several currencies ({currencies}): use one",
    "consortium.party_without_work": '"{party}" leads no work package (give it one, or remove the party)',
    "consortium.unanimous_matters_unused": 'is only used with "voting": "majority" (with unanimity every matter is unanimous)',
    "consortium.matter_twice": "names a matter twice",
    "consortium.casting_vote_with_unanimity": "a casting vote breaks a tie in a vote by majority; with unanimity choose \"escalation\"",
    "consortium.notice_days_unused": 'is only used with "leaving": "notice"',
    "consortium.lead_party_missing": 'is missing: "lead_party" ownership needs the party that takes the results',
    "consortium.lead_party_unused": 'is only used with "rule": "lead_party"',
    "consortium.joint_shares_unused": 'is only used with "rule": "joint_creators"',
    "consortium.objection_after_publication": "must be shorter than the {notice} days' notice of a publication",
    # --- joint_filing ---
    "joint_filing.country_missing": 'is missing: a "foreign" application needs the country it is filed in',
    "joint_filing.country_unused": 'is only used with "route": "foreign" (this application is "{route}")',
    "joint_filing.share_twice": 'lists the party "{party}" more than once',
    "joint_filing.share_missing": 'gives no share for the party "{party}": list each party once with "shares": "stated"',
    "joint_filing.shares_sum": "the stated shares add up to {total}%, not 100%",
    "joint_filing.shares_unused": 'is only used with "shares": "stated"',
    "joint_filing.filing_party_missing": 'is missing: "by": "filing_party" needs the party that handles the application',
    "joint_filing.filing_party_unused": 'is only used with "by": "filing_party"',
    "joint_filing.cost_payer_missing": 'is missing: "costs": "one_party" needs the party that pays',
    "joint_filing.cost_payer_unused": 'is only used with "costs": "one_party"',
    "joint_filing.no_filing_party_to_decide": '"filing_party" needs a filing party: set "procedure.by": "filing_party", or let both decide ("both")',
    "joint_filing.declining_blocks_decision": '"no_filing" lets either party stop a foreign filing, so the filing party cannot decide alone: choose "other_files_alone", or "decided_by": "both"',
    # --- data_provision ---
    "roles.data_provision": "a data provision agreement has a provider who provides the data and a recipient who uses it",
    "data_provision.purpose_scope": (
        'is not used in a data provision agreement: what the recipient may use the data for is "permitted_use.scope" '
        "(remove it)"
    ),
    "data_provision.provider_use_unused": (
        'is true, but the provider\'s right to use Derived Data is drafted only when the recipient owns it '
        '("derived_data.owner" is "{owner}"; remove it)'
    ),
    "data_provision.levels_missing": (
        'is missing: "data_quality.warranty": "agreed_levels" needs the agreed quality levels, e.g. "no more than 1% '
        'missing values in any month"'
    ),
    "data_provision.levels_unused": 'is set, but "data_quality.warranty" is "{warranty}": give levels only with "agreed_levels"',
    "data_provision.fee_missing": 'is missing: a "{kind}" fee needs an amount above 0 (or "data_fees.kind": "free")',
    "data_provision.free_with_amount": 'is set, but "data_fees.kind" is "free" (remove the amount, or choose "fixed" or "per_delivery")',
    "data_provision.late_interest_free": "is set, but the data is provided free, so there is no payment to charge interest on (remove it)",
    "data_provision.interval_missing": (
        'is missing: periodic delivery ("provided_data.delivery": "periodic") needs the months between deliveries'
    ),
    "data_provision.interval_unused": 'is set, but the data is delivered once: use "provided_data.delivery": "periodic", or remove it',
    "data_provision.delivery_before_start": "is before the effective date",
    "data_provision.delivery_after_end": (
        "falls on {due}, after the initial term ends on {end} (lengthen term.months or move the delivery)"
    ),
    "data_provision.personal_data_missing": (
        'is missing: the data contains {kind} information ("provided_data.personal_info": "{kind}"), so give '
        '"personal_data" with the provider in "provided_by"'
    ),
    "data_provision.personal_data_unused": (
        'is given, but "provided_data.personal_info" is "{kind}": set it to "personal" or "pseudonymised", or remove '
        '"personal_data"'
    ),
    "data_provision.personal_data_from_provider": 'must name the provider alone: ["{provider}"]',
    # --- ai_use ---
    "roles.ai_use": "an AI service use agreement has a provider who offers the service and a user who uses it",
    "ai_use.monthly_fee_missing": 'fees of kind "{kind}" need a monthly fee: add fees.monthly_fee',
    "ai_use.monthly_fee_unused": 'usage fees have no monthly fee: remove fees.monthly_fee, or use "fixed_and_usage"',
    "ai_use.unit_price_missing": 'fees of kind "{kind}" need a price per unit of use: add fees.unit_price',
    "ai_use.unit_missing": 'fees of kind "{kind}" need the unit the price is for (e.g. "1,000 requests"): add fees.unit',
    "ai_use.usage_terms_unused": 'a fixed fee has no price per unit: remove fees.unit_price and fees.unit, or use "fixed_and_usage"',
    "ai_use.other_customers_without_use": 'the provider does not use the input data at all ("none"), so other customers cannot benefit: remove other_customers or allow a use',
    "ai_use.prior_version_unused": 'prior_version_months applies only to "prior_version", not "{rule}": remove it',
    "ai_use.notice_unused": 'with "free" changes the provider gives no notice: remove notice_days, or choose a rule with notice',
    "ai_use.training_code_unused": "the provider owns the customised model, so it keeps its training code: remove training_code",
    # the command line
    "cli.error": "error: {message}",
    "cli.warning": "warning: {message}",
    "cli.wrote": "wrote {path}",
    "cli.wrote_agreement": "wrote {path} ({articles} articles, {size:,} bytes)",
    "cli.valid": "{file}: valid {type} spec ({language})",
    "cli.no_findings": "{source}: no findings",
    "cli.not_built": "{source}: not built: {count} error-level finding(s) above; fix them, or pass --despite-errors to build anyway",
    "cli.already_exists": "{path} already exists; choose another -o, or pass --force to replace it",
    "cli.why": "    why: {text}",
    "cli.fix": "    fix: {text}",
    "cli.building": "building",
    "cli.batch_built": "built {built} of {total} agreements into {folder} in {seconds} s ({rate} per second); {failed} failed; {warnings} warning(s)",
    "output.exists": "{path}: already exists; use --force to replace it",
    "output.exists_or_no_summary": "{path}: already exists; use --force to replace it, or --no-summary",
    "output.no_folder": "{folder}: folder does not exist; create it first",
    "verify.file": "verify: {file}",
    "verify.library": "built with: clause library {recorded}",
    "verify.library_changed": "built with: clause library {recorded}, but {installed} is installed (or its files differ): differences below may come from the library, not from edits",
    "verify.text_unrecorded": "text: the file records no fingerprint of its text (built before ipclauses recorded one)",
    "verify.text_as_written": "text: as ipclauses wrote it",
    "verify.text_edited": "text: edited since ipclauses wrote it",
    "verify.record_stale": "record: the recorded spec does not produce the recorded text: the provenance was changed, or left over from another build (forged or stale)",
    "verify.edited": "edited: {article}",
    "verify.changed": "  changed: {text}",
    "verify.inserted": "  inserted: {text}",
    "verify.deleted": "  deleted: {text}",
    "verify.added": "added: {article}",
    "verify.removed": "removed: {article}",
    "verify.tracked_insertion": "tracked insertion: {article} (by {by}): {text}",
    "verify.tracked_deletion": "tracked deletion: {article} (by {by}): {text}",
    "verify.comment": "comment: {article} (by {by}): {text}",
    "verify.unknown_author": "unknown",
    "verify.problem": "problem: {problem}",
    "verify.exact": "result: exactly what its recorded spec produces",
    "verify.differs": "result: differs from what its recorded spec produces",
    "cli.interrupted_nothing_written": "interrupted; no output was written",
    "cli.library_problems": "the clause library has problems:\n{problems}",
    "cli.interrupted_after": "interrupted after writing {path}",
    "cli.interrupted_after_two": "interrupted after writing {first} and {second}",
    "cli.interrupted_after_many": "interrupted after writing {count} files, the last {last}",
    "cli.batch_interrupted": "interrupted: {written} written into {folder} before the interrupt; the rest were not built",
    "cli.batch_interrupted_failed": "interrupted: {written} written into {folder} before the interrupt; {failed} failed; the rest were not built",
    "cli.agreements_written": "{count} agreements were",
    "cli.agreement_written": "1 agreement was",
    "cli.batch_needs_folder": "a batch build (several specs, -j or --json) needs -o FOLDER for the agreements",
    "cli.batch_no_stdin": "standard input (-) cannot be part of a batch build",
    "cli.stdin_needs_output": "with a spec from standard input, give -o FILE or -o -",
    "cli.pdf_needs_file": "--pdf writes files beside the agreement: give -o FILE",
    "cli.docx_to_terminal": "refusing to write a DOCX file to a terminal; use -o FILE or redirect the output",
    "cli.binary_to_terminal": "refusing to write a DOCX or PDF file to a terminal; use -o FILE",
    "cli.plain_author": "give a plain name, without control or invisible characters",
    "cli.redline_needs_output": "a DOCX redline needs -o FILE (or --format md, html or json to print it)",
    "cli.unknown_category": "unknown category (allowed: {allowed})",
    "cli.no_clause": "no clause '{clause}' (did you mean {close}?)",
    "cli.no_clause_list": "no clause '{clause}' (see 'ipclauses clauses list')",
    "clauses.listed": "{id:40} {title}  [{agreements}]  variants: {variants}",
    "clauses.about": "category: {category}; agreements: {agreements}; file: {file}",
    "clauses.included_when": "included when: {condition}",
    "clauses.variant": "== variant {id} ({balance})",
    "clauses.chosen_when": "chosen when: {condition}",
    "clauses.chosen_when_default": "chosen when: {condition} (the default)",
    "clauses.chosen_otherwise": "chosen when: no other variant's condition holds (the default)",
    "clauses.text_from": "text from: variant {id}",
    "clauses.text": "-- text ({language})",
    "clauses.summary": "-- summary ({language})",
    "clauses.commentary": "-- commentary ({language})",
    "inspect.title": "title: {title}",
    "inspect.clauses": "clauses:",
    "inspect.problems": "integrity: {count} problem(s), see the warnings",
    "inspect.consistent": "integrity: the embedded spec matches its recorded hash, and the document properties match the provenance",
    "inspect.note": "note: {note}",
    "inspect.notice": "inspect reports what this file records about how it was built. Provenance is a record, not a signature: whoever can edit the file can edit the record too, and inspect does not compare the agreement's text (word/document.xml) with the recorded spec.",
    "redline.text_not_recorded": "{name}: its text is not what its recorded spec produces with this clause library (edited after it was built, or built with another library version): the redline compares against the text rebuilt from its spec; run `ipclauses verify {name}` to see the differences",
    # reading a DOCX (inspect, verify, redline)
    "document.in_file": "{name}: {problem}",
    "document.ask_again": "ask for the file as Word saved it",
    "document.not_found": "file not found",
    "document.is_folder": "is a folder, not a DOCX file",
    "document.not_regular_file": "is not a regular file (a device, pipe or socket); not read",
    "document.unreadable": "cannot be read ({reason})",
    "document.too_large": "larger than {limit} MB, too large to be an agreement; not read",
    "document.empty": "is empty (0 bytes), not a DOCX file",
    "document.not_a_zip": "not a DOCX file ({reason}); a DOCX is a zip, and this file is not one",
    "document.cut_short": "the DOCX (a zip) is damaged: it has no zip directory at its end, so it was probably cut short; copy or download it again",
    "document.damaged": "the DOCX (a zip) is damaged ({reason}); {ask_again}",
    "document.too_many_members": "the zip lists more than {limit:,} members, far more than a DOCX holds; not read",
    "document.unsafe_member": "the zip member {member} {why}; not read ({ask_again})",
    "document.member_control_character": "has a control character in its name, which no DOCX part has",
    "document.member_backslash": "has a backslash in its name: a zip separates folders with /, and some tools unpack \\ as a folder",
    "document.member_absolute_path": "has an absolute path, which could write anywhere when the file is unpacked",
    "document.member_parent_folder": "has a .. in its path, which could write outside the folder the file is unpacked into",
    "document.duplicate_part": "holds {part} {count} times; a DOCX holds each part once",
    "document.missing_part": "has no {part}; it is not a complete DOCX",
    "document.missing_properties": "has no {part} (the document properties); it is not a complete DOCX",
    "document.encrypted": "{part} is encrypted; a DOCX is not (save it again without a password)",
    "document.compression": "{part} uses zip compression method {method}, which a DOCX never uses; {ask_again}",
    "document.part_too_large": "{part} is larger than {limit:,} bytes uncompressed, too large for an ipclauses DOCX; not read",
    "document.parts_too_large": "reading {part} would take the parts read together past {limit:,} bytes uncompressed, too much for an ipclauses DOCX; not read",
    "document.long_prolog": "{part} has more than {limit} KB of comments or instructions before its first element, which no DOCX part has; not read",
    "document.doctype": "{part} declares a DOCTYPE, which a DOCX part never has (entities are not read); not read",
    "document.bad_xml": "{part} is not well-formed XML ({reason})",
    "document.not_custom_properties": "{part} is not a custom-properties part",
    "document.no_provenance": "holds no ipclauses provenance (was it written by ipclauses?)",
    "document.not_provenance": "holds no ipclauses provenance ({part} is something else)",
    "document.provenance_too_deep": "provenance is nested more than {limit} levels deep; not read",
    "document.provenance_not_unicode": "provenance holds text that is not valid Unicode (a lone surrogate)",
    "document.provenance_damaged": "provenance is damaged ({reason})",
    "document.provenance_json_too_deep": "its JSON is nested too deeply",
    "document.provenance_not_object": "it is {kind}, not an object",
    "document.provenance_lacks": "it lacks {keys}",
    "document.provenance_not_string_map": "{key} is not an object of strings",
    "document.provenance_bad_choices": "choices is not a list of objects with clause, variant and article",
    "document.provenance_spec_not_object": "spec is {kind}, not an object",
    "document.provenance_bad_fingerprint": "body_sha256 is not a string",
    "document.json_boolean": "true or false",
    "document.json_duplicate_key": "an object gives the same key twice",
    "document.json_not_a_number": "{text} is not a JSON number",
    "document.spec_does_not_load": "its recorded spec does not load with this version of ipclauses, so it cannot be rebuilt:\n{problems}",
    # the interview's answers file
    "answers.no_such_question": '"{key}": no such question',
    "answers.no_such_question_did_you_mean": '"{key}": no such question (did you mean "{close}"?)',
    "answers.file_not_found": "file not found (check the path)",
    "answers.not_regular_file": "is {kind}, not an answers file",
    "answers.unreadable": "cannot be read: {reason}",
    "answers.too_large": "is larger than {limit:,} bytes, too large to be answers",
    "answers.not_utf8": "not UTF-8 text (save the file as UTF-8)",
    "answers.invalid_json": "not valid JSON at line {line}, column {column}: {reason}",
    "answers.invalid_toml": "not valid TOML: {reason}{at}",
    "answers.toml_at": " (at line {line}, column {column})",
    "answers.toml_at_end": " (at end of document)",
    "answers.toml_invalid_statement": "Invalid statement",
    "answers.toml_expected_equals": "Expected '=' after a key in a key/value pair",
    "answers.toml_invalid_value": "Invalid value",
    "answers.toml_unclosed_array": "Unclosed array",
    "answers.toml_unclosed_inline_table": "Unclosed inline table",
    "answers.toml_unterminated_string": "Unterminated string",
    "answers.toml_overwrite": "Cannot overwrite a value",
    "answers.toml_invalid_key": "Invalid initial character for a key part",
    "answers.toml_invalid_date": "Invalid date or datetime",
    "answers.toml_expected_newline": "Expected newline or end of document after a statement",
    "answers.toml_unclosed_table": "Expected ']' at the end of a table declaration",
    "answers.toml_unclosed_array_table": "Expected ']]' at the end of an array declaration",
    "answers.toml_declared_twice": "Cannot declare {table} twice",
    "answers.toml_illegal_character": "Illegal character {character}",
    "answers.toml_found_invalid_character": "Found invalid character {character}",
    "answers.toml_expected": "Expected {what}",
    "answers.not_object": 'must be an object of answers keyed by question id, e.g. {{"type": "nda"}}',
    # making a PDF
    "pdf.no_libreoffice": "a PDF needs LibreOffice, which is not installed (no soffice on PATH); install it: on Debian or Ubuntu: {command}; on macOS or Windows: the installer from https://www.libreoffice.org/download/",
    "pdf.no_font": "no font for {tag} text is installed, so the PDF cannot show this document's text; {how}",
    "pdf.install_fonts": "on Debian or Ubuntu: sudo apt-get install {packages}",
    "pdf.install_a_font": "install a font for it",
    "pdf.cannot_start": "{soffice}: LibreOffice cannot be started ({reason}); reinstall it",
    "pdf.timeout": "LibreOffice did not finish converting to PDF within {seconds:.0f} seconds; try again, or open the DOCX in LibreOffice to see what holds it up",
    "pdf.no_pdf": "LibreOffice wrote no PDF{detail}; try again, or open the DOCX in LibreOffice to see what it reports",
    "pdf.libreoffice_said": " (LibreOffice said: {said})",
    "pdf.not_a_pdf": "LibreOffice wrote a file that is not a PDF{detail}",
    "pdf.fonts_not_embedded": "the PDF does not embed its fonts ({fonts}), so it would look different on another computer; check that LibreOffice may embed them",
    "pdf.unreadable": "LibreOffice wrote a PDF that cannot be read ({reason})",
    # writing output
    "output.name_too_long": "{path}: the file name is {size} bytes long; file systems allow at most {limit}: choose a shorter name",
    "output.path_too_long": "{path}: the path is too long for the file system; choose a shorter name or folder",
    "output.cannot_use": "{path}: cannot be used ({reason})",
    "output.is_directory": "{path}: is a directory; give a file name such as {example}",
    "output.not_regular_file": "{path}: is a {kind}, not a regular file; it is never replaced, even with --force: remove it or choose another name",
    "output.kind_symbolic_link": "symbolic link",
    "output.kind_fifo": "named pipe (FIFO)",
    "output.kind_device": "device",
    "output.kind_socket": "socket",
    "output.kind_special": "special file",
    "output.not_a_folder": "{folder}: is not a folder",
    "output.cannot_write_here": "{folder}: cannot write here ({reason})",
    "output.not_written": "{path}: could not be written ({reason}); nothing was changed",
    "output.partly_written_one": "{written}: was written, but {path} could not be ({reason}); build again with --force to write them all",
    "output.partly_written": "{written}: were written, but {path} could not be ({reason}); build again with --force to write them all",
    "output.pdf_same_name": "{path}: its PDF would have the same name; give the agreement a name ending in .docx",
    "output.not_built_findings": "not built: {count} error-level deal-check finding(s) ({ids}); fix them, or pass --despite-errors to build anyway",
    "output.batch_folder_is_file": "{path}: is a file; give a folder for a batch build",
    "output.cannot_create_folder": "{path}: cannot create the output folder ({reason})",
    "output.same_file_name": "has the same file name as {other}, so both would write {name}; rename one",
    "output.same_output": "would write {name}, which {other} writes too; rename one",
    "output.internal_error": "internal error ({kind}: {error}); please report it",
    "output.no_worker": "not built: no worker process could be started ({reason})",
    "output.worker_died": "the worker building it died ({why})",
    "output.worker_silent": "it stopped answering",
    "output.worker_out_of_memory": "killed by signal 9, perhaps out of memory",
    "output.worker_killed_named": "killed by signal {signal}, {name}",
    "output.worker_killed": "killed by signal {signal}",
    "output.worker_exited": "exited with status {code}",
    # why the OS refused (its own words in English; other languages say what they mean first)
    "output.reason_permission": "{strerror}",
    "output.reason_no_space": "{strerror}",
    "output.reason_read_only": "{strerror}",
    "output.reason_loop": "{strerror}",
    "output.reason_not_a_folder": "{strerror}",
    "output.reason_not_found": "{strerror}",
    # reading the spec
    "spec.file_not_found": "file not found (check the path)",
    "spec.is_directory": "is a directory, not a spec file",
    "spec.permission_denied": "cannot be read (permission denied)",
    "spec.not_regular_file": "is {kind}, not a spec file (give the path of a .json file, or - for standard input)",
    "spec.unreadable": "cannot be read: {reason} (give the path of a .json file)",
    "spec.symlink_loop": "a symbolic link that leads round in a loop",
    "spec.too_large_file": "is too large: a deal spec is at most {limit:,} bytes",
    "spec.too_large_input": "input is {size:,} bytes; a deal spec is at most {limit:,} bytes",
    "spec.too_large_text": "text is larger than {limit:,} bytes, too large to be a deal spec",
    "spec.not_utf8": "not UTF-8 text (bad byte at line {line}); save the file as UTF-8",
    "spec.invalid_json": "not valid JSON at line {line}, column {column}: {reason}{hint}",
    "spec.too_deep_json": "nested too deeply to be a deal spec (at most {limit} levels)",
    "spec.too_deep": "nested too deeply to be a deal spec",
    "spec.not_object": "the spec must be a JSON object {{...}}, not {kind}",
    "file_kind.fifo": "a named pipe (FIFO)",
    "file_kind.character_device": "a character device",
    "file_kind.block_device": "a block device",
    "file_kind.socket": "a socket",
    "file_kind.directory": "a directory",
    "file_kind.special": "a special file",
    "json_kind.array": "an array",
    "json_kind.string": "a string",
    "json_kind.number": "a number",
    "json_kind.boolean": "true/false",
    "json_kind.null": "null",
    # what the JSON decoder says (its own words, which the English message keeps), and the usual cause
    "json.expecting_value": "Expecting value",
    "json.expecting_property_name": "Expecting property name enclosed in double quotes",
    "json.expecting_colon": "Expecting ':' delimiter",
    "json.expecting_comma": "Expecting ',' delimiter",
    "json.unterminated_string": "Unterminated string starting at",
    "json.control_character": "Invalid control character at",
    "json.invalid_escape": "Invalid \\escape",
    "json.invalid_unicode_escape": "Invalid \\uXXXX escape",
    "json.extra_data": "Extra data",
    "json.trailing_comma_object": "Illegal trailing comma before end of object",
    "json.trailing_comma_array": "Illegal trailing comma before end of array",
    "json_hint.missing_comma": " (a comma is probably missing at the end of line {line})",
    "json_hint.single_quotes": ' (JSON needs double quotes "...", not single quotes)',
    "json_hint.comment": " (JSON has no comments; remove it)",
    "json_hint.trailing_comma": " (remove the comma at the end of line {line}: JSON allows no comma after the last item)",
    # values that no agreement can hold
    "value.too_deep": "nested more than {limit} levels deep (a deal spec is never this deep)",
    "value.duplicate_key": 'key "{key}" appears more than once in this object (keep one)',
    "value.key_control_character": "a key holds the control character {char}",
    "value.key_unsafe_character": (
        "a key holds {code_point} ({name}) at position {position}, {reason}; an agreement must show exactly what it "
        "says (remove it: it is often pasted in invisibly)"
    ),
    "value.unsafe_character": (
        "holds {code_point} ({name}) at position {position}, {reason}; an agreement must show exactly what it says "
        "(remove it: it is often pasted in invisibly)"
    ),
    "unsafe.c1_control": "a C1 control character",
    "unsafe.bidi_control": "a bidirectional control, which can make text display in another order than it reads",
    "unsafe.invisible": "an invisible character",
    "unsafe.lone_variation_selector": "a variation selector with no character to vary",
    "unsafe.invisible_format": "an invisible format character",
    "value.integer_too_long": "is a number with more than {digits} digits; no deal needs one (check the value)",
    "value.number_too_long": (
        "is a number with {length:,} characters; no deal needs more than {digits} significant digits (check the value)"
    ),
    "value.not_finite": "is not a finite number (write digits, e.g. 2.5)",
    "value.too_large": "{value} is far too large to be a value in a deal (check the value)",
    "value.too_many_digits": (
        "{value} has {digits} significant digits; at most {limit} can be kept exactly (shorten it: the agreement "
        "prints the number exactly as given, never rounded)"
    ),
    "value.too_small": "{value} is too small to be kept exactly (the agreement never prints a rounded number)",
    "value.control_character": (
        "holds the character {char} at position {position}, which a Word document cannot contain (remove it; it is "
        "often pasted in invisibly)"
    ),
    "value.blank": "is blank (write a value, or leave the field out)",
    "value.line_break": "holds a line break or tab; write the value on one line (the agreement sets the layout)",
    # fields: missing, unknown, of the wrong type or out of range
    "field.missing": 'required field "{name}" is missing (add it)',
    "field.missing_somewhere": "a required field is missing",
    "field.unknown": 'unknown field "{name}"{hint}',
    "field.did_you_mean": ' (did you mean "{name}"?)',
    "field.allowed_here": " (allowed here: {names})",
    "field.not_allowed": "{value} is not allowed (allowed: {allowed})",
    "field.tag_missing": 'required field "{name}" is missing (allowed: {allowed})',
    "field.invalid_date": "{value} is not a valid date (write YYYY-MM-DD, e.g. 2026-04-01)",
    "field.date_or_period": "{value} is not allowed: write a date (YYYY-MM-DD, e.g. 2026-04-01) or a period such as {example}",
    "field.date_or_choice": "{value} is not allowed: write a date (YYYY-MM-DD, e.g. 2026-04-01) or one of {allowed}",
    "field.one_period": 'give exactly one of "days", "weeks" or "months", e.g. {{"weeks": 3}}',
    "field.more_than": "{value} is out of range (must be more than {limit})",
    "field.at_least": "{value} is out of range (must be at least {limit})",
    "field.less_than": "{value} is out of range (must be less than {limit})",
    "field.at_most": "{value} is out of range (must be at most {limit})",
    "field.too_few": "has {actual} {unit} (must have at least {limit})",
    "field.too_many": "has {actual} {unit} (must have at most {limit})",
    "unit.item": "item",
    "unit.items": "items",
    "unit.characters": "characters",
    "field.empty": "is empty (write a value)",
    "field.text_too_long": "is longer than {limit} characters (shorten it)",
    "field.bad_party_id": (
        "{value} is not a valid party id (lower-case letters, digits, '-' or '_', starting with a letter, at most 32 "
        "characters)"
    ),
    "field.not_whole_number": "{value} is not a whole number (write digits, e.g. 30)",
    "field.not_number": "{value} is not a number",
    "field.not_true_or_false": "{value} is not true or false",
    "field.not_text": "{value} is not text (put it in double quotes)",
    "field.not_object": "must be an object, e.g. {example}, not {value}",
    "field.not_object_plain": "must be an object {{...}}, not {value}",
    "field.not_array": "must be an array [...], not {value}",
    "field.other": "{detail}",
    # parties and their roles
    "rule.party_id_taken": '"{id}" is used by another party (give each party its own id)',
    "rule.not_a_party": '"{value}" is not a party id (allowed: {known})',
    "rule.too_many_parties": "{agreement} has {how_many} parties; remove {extra} (found {n})",
    "rule.too_few_parties": "{agreement} has {how_many} parties; add {more} more (found {n})",
    "rule.remove_this_party": "this one",
    "rule.remove_these_parties": "this one and those after it",
    "count.exactly": "exactly {n}",
    "count.at_least": "at least {n}",
    "count.between": "{low} to {high}",
    "rule.role_needed": 'needs exactly one party with "role": "{role}" ({why}); found {found}',
    "rule.role_needed_here": (
        'needs exactly one party with "role": "{role}" ({why}); found {found} (this party has "{current}"; set "{role}" '
        "here)"
    ),
    "rule.role_needed_change": 'needs exactly one party with "role": "{role}" ({why}); found {found} (change this one)',
    "rule.role_not_fitting": '"{role}" does not fit this deal (allowed: {allowed})',
    "rule.role_not_fitting_hint": '"{role}" does not fit this deal (allowed: {allowed}; {hint})',
    "roles.one_way_nda": "a one-way confidentiality duty needs to know who discloses and who receives",
    "roles.or_one_way": 'or set confidentiality.direction to "one_way"',
    "roles.poc": "a PoC has a provider who verifies and a customer who asks for it",
    "roles.license": "a licence has a licensor and a licensee",
    "rule.same_name": (
        "is the same as the {whose} of {other} ({name}) once look-alike letters, width and invisible characters are "
        "set aside; a reader could take one party for the other (give each party a name that differs in what it shows)"
    ),
    "rule.look_alike_name": (
        "looks the same as the {whose} of {other} ({name}) once look-alike letters, width and invisible characters "
        "are set aside; a reader could take one party for the other (give each party a name that differs in what it "
        "shows)"
    ),
    "name_kind.short_name": "short name",
    "name_kind.legal_name": "legal name",
    # terms every agreement has
    "rule.signing_date_late": "is more than a year after the effective date (check both dates)",
    "rule.announcement_text_missing": 'is missing: "agreed_text" needs the text of the announcement',
    "rule.announcement_text_unused": 'is only used with "announcement": "agreed_text" (remove it or change announcement)',
    "rule.earlier_nda_later": "is after this agreement's effective date (an earlier NDA must be earlier)",
    "rule.listed_twice": 'lists "{party}" twice (name each party once)',
    "rule.personal_data_unused": (
        'is only used when a party provides personal information (name it in "provided_by", or remove this field: '
        '"provided_by": [] says none is exchanged)'
    ),
    "rule.personal_data_every_party": (
        "with more than two parties, list every party: the article on personal information is drafted for one party "
        "giving it to the other, or for every party giving and receiving it"
    ),
    "rule.cap_amount_missing": 'is missing: a cap of kind "amount" needs the amount',
    "rule.cap_amount_unused": 'is only used with "kind": "amount" (the cap is "{kind}")',
    "rule.cap_floor_unused": (
        'is only used with "kind": "fees_paid" (the cap is "{kind}"); remove it, or cap at the fees with this floor'
    ),
    "rule.capped_party_missing": 'is missing: "cap_applies_to": "only" needs the party whose liability is capped',
    "rule.capped_party_unused": 'is only used with "cap_applies_to": "only"',
    "rule.arbitration_missing": 'is missing: arbitration needs {{"institution": ..., "seat": ...}}',
    "rule.title_language_unused": 'is a title in "{language}", which this agreement is not written in ("{languages}"): remove it, or set "language" to include it',
    "rule.court_missing": "is missing: name the court with exclusive jurisdiction",
    "rule.not_drafted": "is not drafted in {agreement}: it has no text for it, so it would not appear in the agreement; remove it",
    "rule.court_unused": 'is only used when "forum" is "court" or "ip_mediation_then_court" (remove it)',
    "rule.arbitration_unused": 'is only used when "forum" is "arbitration" (forum is "{forum}")',
    "rule.mediation_months_unused": (
        'is only used when "forum" is "ip_mediation_then_court" (forum is "{forum}"): remove it, or set "forum" to '
        '"ip_mediation_then_court"'
    ),
    "rule.mutual_only": '{agreement} protects both parties\' information: use "mutual" (one_way is for NDAs)',
    "rule.no_announcement": 'announcements are drafted for NDAs and joint R&D; {agreement} keeps "none"',
    "rule.no_earlier_nda": "applies to PoC and joint R&D agreements, not to {agreement} (remove it)",
    # a licence's usage scope (PoC, joint R&D, licence)
    "licence.parties_missing": (
        'is missing: with "{rule}" ownership, name who grants and who receives the licence (licensor and licensee)'
    ),
    "licence.same_party": "is the same party as the licensor",
    "licence.exclusive_months_missing": 'is missing: "exclusive_then_non_exclusive" needs the months of exclusivity',
    "licence.exclusive_period_missing": (
        'is missing: an exclusive licence needs a period, or "exclusive_perpetual": true to say it lasts the whole term'
    ),
    "licence.non_exclusive_with_terms": (
        "is non_exclusive but exclusivity terms are given (remove them or change exclusivity)"
    ),
    "licence.perpetual_and_months": "cannot be true together with exclusive_months (choose one)",
    "licence.sublicensees_missing": 'is empty: "named" sublicensing needs the names',
    "licence.sublicensees_unused": 'is only used with "sublicensing": "named"',
    "licence.term_years_missing": 'is missing: a licence term of kind "years" needs the number of years',
    "licence.term_years_unused": 'is only used with "kind": "years"',
    "licence.worldwide_and_countries": '"worldwide" cannot be combined with named countries',
    "licence.paid_without_amounts": 'is "paid" but gives no upfront, running_percent or milestones (say what is paid)',
    "licence.free_with_amounts": 'is "free" but amounts are given (remove them or set "paid")',
    "licence.minimum_without_running": "a minimum annual royalty needs a running_percent to be a minimum of",
    "licence.exclusive_from_non_exclusive": (
        'is {start} but the licence is non-exclusive: a start of exclusivity needs "exclusivity": "exclusive" or '
        '"exclusive_then_non_exclusive" (remove it or change exclusivity)'
    ),
    "licence.report_acceptance_only_poc": (
        '"report_acceptance" is only for a PoC, where the customer accepts a Report: give the date exclusivity '
        'starts, or "start"'
    ),
    "licence.exclusive_from_too_early": (
        "is {start}, before the effective date {effective} (exclusivity cannot start before the agreement does)"
    ),
    "licence.exclusive_from_too_late": "is {start}, after the licence ends on {end} (move it earlier, or lengthen {longer})",
    "licence.lengthen_years": "licence.term.years",
    "licence.lengthen_term": "term.months, or the licence term (licence.term)",
    "licence.registered_only_licence": (
        "is only for licence agreements, which list the patents licensed; {agreement} licenses its results by "
        "contract (remove it)"
    ),
    "licence.registered_needs_exclusive": (
        'needs "exclusivity": "exclusive": a registered exclusive licence (senyo jisshiken) is exclusive by nature '
        "(make the licence exclusive, or remove registered_exclusive)"
    ),
    "licence.registered_then_non_exclusive": (
        'cannot be combined with "exclusive_then_non_exclusive": a registered exclusive licence (senyo jisshiken) '
        'cannot turn non-exclusive without cancelling its registration; use "exclusive" (with exclusive_months to '
        "limit the licence), or remove registered_exclusive for a contractual exclusive licence"
    ),
    "licence.registered_non_use_fallback": (
        "cannot be combined with non_use_fallback_months: a registered exclusive licence (senyo jisshiken) cannot be "
        "made non-exclusive by notice without cancelling its registration; remove non_use_fallback_months (a "
        'licensor can end the licence for non-use instead: diligence with "consequence": "terminate"), or remove '
        "registered_exclusive"
    ),
    "licence.registered_needs_japanese_law": (
        "needs Japanese law: a senyo jisshiken is a right under the Patent Act of Japan, drafted here only under "
        '"disputes.governing_law": "japan" (not "{law}")'
    ),
    "licence.registered_needs_patents": 'needs "patents" in licence.subject: a senyo jisshiken is a right in patents',
    "licence.registered_needs_listed_patents": (
        "needs the patents listed in licensed.patents: the registration names each patent"
    ),
    "licence.registered_needs_japan": (
        'needs Japan in licence.territory (or "worldwide"): a senyo jisshiken exists only in Japanese patents'
    ),
    "money.background_royalty_unused": (
        "is the royalty for a licence of background IP on reasonable terms, but licence_for_exploitation is "
        '"{licence}" (set it to "non_exclusive_reasonable", or remove royalty_percent)'
    ),
    "money.currency_without_running": (
        "is the currency of the running royalty, but no running_percent is given (give one, or remove the currency)"
    ),
    "money.compensation_not_drafted": (
        "is drafted in joint R&D agreements, not in {agreement} (remove it, or agree it in the joint R&D agreement)"
    ),
    "money.compensation_without_joint": (
        "is paid between co-owners, but no results are jointly owned under the ownership rules (remove it, or choose "
        "an ownership rule that can make results joint)"
    ),
    # NDA
    "nda.no_fees_to_cap": 'an NDA has no fees: use "none" or "amount"',
    "nda.next_step_fees": "fee_if_none and discount_if_follows belong in a PoC, not an NDA (remove them)",
    "nda.late_interest": "is set, but an NDA has no payments to charge interest on (remove it)",
    # PoC
    "poc.report_before_start": "is before the effective date (the Report cannot be due before work starts)",
    "poc.report_after_end": (
        "falls on {due}, after the agreement ends on {end} (lengthen term.months or move the deadline)"
    ),
    "poc.comments_after_filing": (
        "is {comment} days, not shorter than the {notice} days' notice before filing (poc.filing_notice_days): the "
        "filing party must have the comments before it files, so shorten the comment period or lengthen the notice"
    ),
    "poc.decider_with_fee": (
        'is "{decider}", but next_step.fee_if_none is what {customer} pays for deciding not to go on, so only '
        '{customer} (the customer) can be the decider with it: set "decider": "{customer_id}" or leave it out, or '
        "remove fee_if_none"
    ),
    "poc.report_by_provider": (
        '"{name}" is of kind "report", but the Report is written by {provider} (use kind "documents" for a written '
        "result the customer creates)"
    ),
    "poc.report_always_delivered": (
        '"{name}" is of kind "report", and the Report is always delivered (use kind "documents" for a written result '
        "that is kept)"
    ),
    "poc.delivered_only_from_provider": (
        '"{name}" is created by {creator}, and only what {provider} creates is delivered with the Report: set '
        '"delivered": false'
    ),
    "poc.never_handed_over": (
        '"{name}" would belong to {customer} but never be handed over to it: set "delivered": true, or let '
        "{provider} own it"
    ),
    # joint R&D
    "jrd.milestone_before_start": "is before the effective date",
    "jrd.milestone_after_end": "falls on {due}, after the agreement ends on {end}",
    "jrd.payer_missing": 'is missing: "one_party_pays" needs the paying party',
    "jrd.joint_filing_not_joint": 'a joint filing agreement follows jointly owned results, but results.ownership.rule is "{rule}" (make it "joint" or "inventor", or remove this entry)',
    "jrd.joint_filing_shares_unused": 'are for results owned "by_contribution"; with equal shares, remove them',
    "jrd.joint_filing_shares_missing": 'are missing: with results owned "by_contribution", give each party\'s share of this invention, e.g. [{{"party": "a", "percent": 60}}, {{"party": "b", "percent": 40}}]',
    "jrd.costs_unused": 'payer, amount and payment_days are only used with "rule": "one_party_pays"',
    "jrd.non_compete_too_long": "is more than 60 months; competition law rarely allows a longer restriction",
    "jrd.exclusive_grant_back_of_assigned": (
        'is "exclusive", but with "owner": "original_owner" the improver assigns its improvements and the grant-back '
        'is the licence back to it, which is never exclusive (choose "none", "non_exclusive_free" or '
        '"non_exclusive_sublicensable", or set "owner": "improver")'
    ),
    # licence agreement
    "license.role_disagrees": 'is "{value}" but the party with role "{role}" is "{expected}" (remove it or make them agree)',
    "license.nothing_licensed": "names no patents and no know-how: list what is licensed",
    "license.trademarks_missing": 'is empty but the licence subject includes "trademark" (list the marks)',
    "license.income_share_without_sublicensing": (
        'is set but sublicensing is "none": there is no sublicence income to share (remove it or allow sublicensing)'
    ),
    "license.income_share_with_free_royalty": (
        'is set but the royalty is "free": a share of sublicence income is a payment (make the royalty "paid" or '
        "remove it)"
    ),
    "license.prosecution_without_patents": (
        'applies to licensed patents, but the licence subject does not include "patents" (remove it)'
    ),
    "license.take_over_unused": (
        'applies when the licensor prosecutes; with "by": "licensee" the licensor takes back what the licensee drops '
        "(remove it)"
    ),
    "license.first_sale_both": "or first_sale_by: exactly one is needed, and the diligence gives both",
    "license.first_sale_neither": "or first_sale_by: exactly one is needed, and the diligence gives neither",
    "license.first_sale_too_early": "is {date}, not after the effective date {effective}",
    "license.already_non_exclusive": (
        'is "non_exclusive" but the licence is already non-exclusive (use "terminate", or make the licence exclusive)'
    ),
    "license.registered_with_consequence": (
        'cannot be combined with "diligence.consequence": "{consequence}": a registered exclusive licence (senyo '
        "jisshiken) cannot be made non-exclusive without cancelling its registration (set the consequence to "
        '"terminate", or remove registered_exclusive)'
    ),
    # --- ai in poc and jrd ---
    "ai.stage_not_in_agreement": (
        'is "{stage}", but this agreement covers the stages {stages}: a later stage needs its own agreement '
        "(a joint R&D agreement for development or further training)"
    ),
    "ai.personal_training_data": (
        'the training data contains personal information ("ai.training_data.personal_data"), so the agreement needs '
        'the article on personal information: add "personal_data" naming the party that provides it '
        '({providers}) in "provided_by"'
    ),
    "ai.reuse_excluded_missing": (
        'is needed with "reuse": "except_competitors": name the competitors or the business field the model may '
        "not be reused for"
    ),
    "ai.reuse_excluded_unused": 'is only used with "reuse": "except_competitors" (it is "{reuse}"): remove it',
    "ai.parameters_owner_same": (
        'is "{owner}", the same as model_owner: leave it out (it is for trained parameters owned apart from the model)'
    ),
    "ai.developer_not_provider": (
        'must be the provider {provider}, which carries out the PoC and trains the model ("developer": "{provider_id}")'
    ),
}

_INTERVIEW = InterviewWords(
    intro="Answer one question at a time. Press Enter to take the answer in [brackets]; type ? for help. "
    "Questions you do not need are skipped, and details keep the balanced defaults unless you ask to set them.",
    sections={
        "joint_filing": "The invention and its joint filing",
        "consortium": "The consortium",
        "ai_service": "The AI service",
        "deal": "The agreement", "parties": "The parties", "purpose": "Purpose and objectives", "work": "The work",
        "results": "Results and ownership", "background": "What each party brings (background IP)",
        "scope": "Scope of use (licence)", "confidentiality": "Confidentiality", "money": "Money",
        "term": "Term and ending", "disputes": "Disputes",
        "data_provision": "The data and its use",
        "ai": "The AI model: data, ownership and reuse",
    },
    section="\n== {title} ==",
    questions={
        "parties.count": "How many parties sign the agreement?",
        "roles.coordinator": "Which party is the coordinator?",
        "funding": "Is the project publicly funded?",
        "type": "What kind of agreement is it?",
        "language": "Which language should the agreement be written in?",
        "title": "Title of the agreement",
        "party.legal_name": "Party {n}: full registered name",
        "party.short_name": 'Party {n}: short name the agreement uses for it (e.g. "Yamada")',
        "party.id": "Party {n}: id used inside the spec (lower-case letters, digits and -)",
        "party.kind": "Party {n}: what kind of organisation is it?",
        "party.address": "Party {n}: registered address",
        "party.representative.name": "Party {n}: name of the person who signs",
        "party.representative.title": 'Party {n}: title of the person who signs (e.g. "President")',
        "confidentiality.direction": "Will both parties disclose information, or only one?",
        "roles.discloser": "Which party discloses the information?",
        "roles.provider": "Which party carries out the PoC (the provider)?",
        "roles.provider#ai_use": "Which party provides the AI service (the provider)?",
        "roles.provider#data_provision": "Which party provides the data (the provider)?",
        "roles.licensor": "Which party grants the licence (the licensor)?",
        "purpose.description": "What are the parties working together on? Be specific: it limits how information may be used",
        "purpose.project_name": "Project name",
        "purpose.limited_to_evaluation": "Limit the purpose to evaluating the joint project?",
        "project.objective": "What should the collaboration achieve?",
        "project.kpis": "How will you measure success (KPIs)?",
        "project.roles": "What does each party do in the project?",
        "project.risk_split": "How are risks and costs split?",
        "project.decision_maker": "Who decides for the project?",
        "poc.verification": "What will the PoC verify?",
        "poc.report_deadline": "When is the Report due?",
        "poc.report_use": "How may the customer use the Report?",
        "jrd.theme": "What is the research theme?",
        "jrd.roles": "Who does what in the research?",
        "jrd.schedule": "Milestones of the research",
        "jrd.steering_committee": "Will a steering committee run the research?",
        "jrd.costs.rule": "Who pays for the research?",
        "jrd.costs.payer": "Which party pays?",
        "customised_model": "Will the provider train a customised model on the user's data for the user?",
        "more.ai_service": "Set the remaining details of the service (maintenance notice, grace period before suspension)?",
        "more.joint_filing": "Set the remaining details (days of notice before a filing deadline, notice before giving up a share)?",
        "more.work": "Set the PoC's remaining details (periods for notice of patent filings)?",
        "results.deliverables": "What results do you expect (reports, software, data, inventions)?",
        "guide": "Would you like a recommendation on who should own the results (a few questions)?",
        "guide.core_technology": "Who brings the core technology?",
        "guide.payer": "Who pays for the work?",
        "guide.exploiter": "Who will exploit the results commercially?",
        "guide.separate_fields": "Will each exploit them in its own, different field?",
        "guide.publish": "Must the results be published (academic research, public funding)?",
        "guide.accept": "Take this recommendation?",
        "results.ownership.rule": "Who owns inventions, patents and know-how in the results?",
        "results.ownership.owner": "Which party owns them?",
        "results.ownership.fields": "Which party owns the results of which field?",
        "results.copyright_ownership.rule": "Who owns copyright in software, documents, data and models?",
        "results.copyright_ownership.owner": "Which party owns the copyright?",
        "option.kind": "Does a party get an option on the other's results?",
        "option.holder": "Which party holds the option?",
        "non_compete": "Will the parties agree not to compete on the theme?",
        "more.results": "Set the remaining details of the results (moral rights, filing notice, notice of improvements)?",
        "background_ip.items": "What does each party bring (patents, know-how)?",
        "licence": "Does the party that does not own the results get a licence to use them?",
        "licence.licensor": "Which party grants the licence?",
        "licence.licensee": "Which party receives the licence?",
        "licence.subject": "What does the licence cover?",
        "licensed.patents": "Which patents are licensed?",
        "licensed.know_how": "Which know-how is licensed?",
        "licence.field": "In which field may the licensee use it? (leave out for every field)",
        "licence.territory": 'Where may the licensee use it ("worldwide", or countries)?',
        "licence.exclusivity": "Is the licence exclusive?",
        "diligence": "Must the licensee start selling by a deadline?",
        "more.scope": "Set the remaining details of the licence (registration, sell-off, export control, patent lapses, challenges)?",
        "confidentiality.definition": "What counts as confidential information?",
        "confidentiality.survival_years": "For how many years after the end does confidentiality last?",
        "confidentiality.supersedes_nda": "Does this agreement replace an earlier NDA between the parties?",
        "personal_data.provided_by": "Does a party give personal information to the other?",
        "more.confidentiality": "Set the remaining details of confidentiality (who may receive it, copies, return, inspection)?",
        "currency": "In which currency are amounts paid?",
        "poc.fee": "What is the PoC fee?",
        "jrd.costs.amount": "How much does the paying party pay?",
        "licence.royalty.kind": "Is the licence paid or free?",
        "licence.royalty.running_percent": "Running royalty, as a percentage of net sales",
        "more.money": "Set the remaining details of payments (payment periods, interest on late payment)?",
        "effective_date": "When does the agreement take effect?",
        "term.months": "How many months does the agreement run?",
        "term.renewal.automatic": "Does the agreement renew automatically?",
        "next_step": "Must a decision on a next agreement be made by a deadline?",
        "warranties": "What does each party warrant about its results and rights?",
        "termination.change_of_control": "May a party end the agreement if the other comes under new control?",
        "liability.cap.kind": "Is liability for damages capped?",
        "more.term": "Set the remaining details (signing date, liability rules, signing method)?",
        "disputes.governing_law": "Which law governs the agreement?",
        "disputes.forum": "How are disputes resolved?",
        "disputes.court": "Which court has exclusive jurisdiction?",
        "poc.acceptance_days": "Within how many days of receiving the Report does the customer inspect it?",
        "poc.notice_of_filing": "Must a party tell the other before it files a patent application on the results?",
        "poc.feedback_free_use": "May the provider use the customer's feedback on its technology freely?",
        "poc.subcontracting_allowed": "May the provider subcontract part of the work by giving notice (without consent)?",
        "results.joint_rules.each_may_practise": "May each co-owner use jointly owned results itself, without the other's consent?",
        "results.joint_rules.third_party_licensing": "Does licensing jointly owned results to others need the other owner's consent?",
        "results.joint_rules.cost_sharing": "How do co-owners share the costs of jointly owned patents?",
        "results.joint_rules.non_practice_compensation_percent": "Non-practice compensation: % of the practising co-owner's net sales",
        "option.exercise_months": "For how many months may the holder exercise the option?",
        "filing.by": "Who decides on and files patent applications for the results?",
        "filing.costs": "Who pays for filing and keeping the patents?",
        "improvements.owner": "Who owns improvements to the results?",
        "improvements.grant_back": "Does a party that improves the results license its improvements to the other (grant-back)?",
        "improvements.notice_days": "Within how many days must a party tell the other of an improvement?",
        "publication.academic_freedom": "May a university publish the results and use them for research and teaching?",
        "publication.notice_days": "How many days' notice must a party give before publishing results?",
        "publication.delay_days": "For how many days may the other party delay a publication to file a patent?",
        "background_ip.licence_for_project": "May each party use the other's background IP free of charge for the project?",
        "background_ip.licence_for_exploitation": "If exploiting the results needs the other party's background IP, what happens?",
        "licence.sublicensing": "May the licensee grant sublicences?",
        "licence.term.kind": "How long does the licence last?",
        "confidentiality.announcement": "May the parties announce the collaboration?",
        "termination.breach_cure_days": "How many days does a party have to cure a breach before the other may terminate?",
        "keep": "Keep these?",
        "add_item": "Add item {n}?",
    },
    help={
        "roles.coordinator": "The coordinator runs the administration, chairs the steering committee and deals with the funder; every other party is a member.",
        "roles.discloser": "The discloser shows its information; the recipient keeps it secret and uses it only for the purpose.",
        "roles.provider": "The provider carries out the verification and writes the Report; the other party is the customer.",
        "roles.provider#ai_use": "The provider runs the model or service; the other party is the user.",
        "roles.provider#data_provision": "The provider gives the data; the other party receives it and uses it.",
        "roles.licensor": "The licensor owns the patents or know-how and lets the licensee use them.",
        "guide": "The guide asks who brings the core technology, who pays, who will exploit the results and whether they "
        "must be published, and recommends who owns the results and how the other party may use them. You may take "
        "it or choose another rule.",
        "guide.core_technology": "The party whose existing technology the work builds on. Choose both if each brings an essential part.",
        "guide.payer": "The party that pays for the work, or each party bearing its own costs.",
        "guide.exploiter": "The party that will make or sell products or services using the results.",
        "guide.separate_fields": "For example, one sells the material and the other the finished products.",
        "guide.publish": "Universities need to publish their research; public funding may also require it.",
        "guide.accept": "Yes takes the recommended ownership and scope of use; no lets you choose them yourself.",
        "more.ai_service": "No keeps the balanced defaults.",
        "more.joint_filing": "No keeps the balanced defaults.",
        "more.work": "No keeps the balanced defaults.",
        "more.results": "No keeps the balanced defaults.",
        "more.scope": "No keeps the balanced defaults.",
        "more.confidentiality": "No keeps the balanced defaults.",
        "more.money": "No keeps the balanced defaults.",
        "more.term": "No keeps the balanced defaults.",
    },
    choices={
        "both": "Both parties", "each": "Each party bears its own costs", "none": "None",
        "same": "The same rule as inventions and patents", "unstated": "Not checked yet",
    },
    option="  {n}. {label}: {meaning}",
    option_plain="  {n}. {label}",
    favours=" [{favours}]",
    favours_party="{favours}: {party}",
    example="  Example of {label}: {example}",
    choose="Your choice (number or name)",
    choose_many="Your choices (numbers or names, separated by commas)",
    yes="yes",
    no="no",
    yes_words=("y", "true"),
    no_words=("n", "false"),
    yes_no_hint=" (yes/no)",
    optional=" (Enter to leave out)",
    date_hint=" (YYYY-MM-DD)",
    period_hint=" (a date YYYY-MM-DD, or a period such as 12 weeks)",
    money=" (amount in {currency})",
    units={"days": ("days", "day"), "weeks": ("weeks", "week"), "months": ("months", "month")},
    list_item="  {n}",
    list_end=" (one per line; an empty line ends the list)",
    current="  - {item}",
    invalid={
        "required": "An answer is needed here.",
        "number": "Write a number, e.g. 30.",
        "integer": "Write a whole number, e.g. 30.",
        "date": "Write a date as YYYY-MM-DD, e.g. 2026-04-01.",
        "period": "Write a date (2026-04-01) or a period after the effective date (12 weeks, 3 months).",
        "yes_no": "Answer yes or no.",
        "choice": "Choose an option by its number or name ({choices}).",
        "choice_many": "List options by number or name, separated by commas.",
        "text": "Write text.",
        "party_id": 'Use lower-case letters, digits, - or _, starting with a letter (at most 32), e.g. "acme".',
        "list": 'Give a list of texts, e.g. ["Japan", "Korea"].',
        "records": "Give a list of items, each an object of its fields.",
        "record_key": 'item {n}: no field "{key}" (fields: {allowed})',
        "record_missing": 'item {n}: "{key}" is missing',
        "record_item": "item {n}, {key}: {message}",
    },
    problem="{id} ({path}): {message}",
    missing="{id}: no answer ({question}); add it to the answers",
    guide_recommends="Recommendation:\n  results: {ownership}\n  use: {scope}\nWhy: {reason}",
    guide_scopes={
        "none": "no licence is needed: the owner exploits the results itself",
        "option": "{licensee} gets an option to take an exclusive licence",
        "non_exclusive": "{licensee} gets a non-exclusive licence in its field",
        "exclusive_then_non_exclusive": "{licensee} gets a licence in its field, exclusive for a limited period, then non-exclusive",
    },
    guide_reasons={
        "university_funded": "{owner} pays for the research, and the results build on its technology or need not be "
        "published, so it owns them and may exploit and license them freely. {university} keeps what a university "
        "needs: the right to use the results for research and teaching.",
        "university_option": "Each party owns what its own researchers invent, so {university} keeps its inventions and "
        "may publish, and {licensee} gets an option to an exclusive licence in its field. A co-owner may license jointly "
        "made inventions only with the other's consent (Patent Act art. 73), so agree non-practice compensation "
        "(fujisshi hosho) for {university}, which does not manufacture.",
        "university_inventor": "Each party owns what its own researchers invent, so {university} keeps its inventions and "
        "may publish them. A co-owner may license jointly made inventions only with the other's consent (Patent Act "
        "art. 73), so settle consent and non-practice compensation in the agreement.",
        "owner_exploits": "{owner} brings the core technology and will exploit the results itself, so it owns them "
        "outright. Joint ownership would only add consent rules (Patent Act art. 73) that neither party needs.",
        "startup_exclusive": "{owner} brings the core technology and must stay free to license it, which joint ownership "
        "would block (Patent Act art. 73: a co-owner needs the other's consent to license). {licensee} pays for the "
        "work, so it gets a licence in its field that is exclusive for a limited period, not ownership or unlimited "
        "exclusivity, which the JFTC's guideline on startups warns against.",
        "startup_non_exclusive": "{owner} brings the core technology and must stay free to license it, which joint "
        "ownership would block (Patent Act art. 73: a co-owner needs the other's consent to license). {licensee} gets "
        "a non-exclusive licence in its field, so it can use the results while {owner} keeps its business.",
        "owner_exclusive": "{owner} brings the core technology, so it owns the results and keeps them free to license. "
        "{licensee} pays for the work and will exploit the results, so it gets a licence in its field, exclusive for a "
        "limited period and non-exclusive after that.",
        "owner_non_exclusive": "{owner} brings the core technology, so it owns the results and keeps them free to "
        "license. {licensee}, which will exploit them, gets a non-exclusive licence in its field.",
        "exploiter_owns": "Both parties bring core technology, but only {owner} will exploit the results, so it owns them "
        "and avoids the consent rules of joint ownership (Patent Act art. 73). {licensee} gets a non-exclusive licence "
        "so that it can keep using what it helped create.",
        "split_by_field": "Both parties bring core technology and will exploit the results in different fields, so each "
        "owns the results of its own field. This avoids joint ownership, under which neither could license the results "
        "without the other's consent (Patent Act art. 73).",
        "joint_same_field": "Both parties bring core technology and will exploit the results in the same field, so they "
        "own them jointly. Under Patent Act art. 73 each may use them but neither may license them without the other's "
        "consent, so say in the agreement whether that consent is given in advance.",
    },
    wrote="Wrote {path}.",
    schema_hint="For completion and checks in your editor, put the schema beside it: {command}",
    build_later="Build the agreement when you are ready: {command}",
    findings="What the deal checks found:",
    finding="  {severity}: {message}\n    {fix}",
    no_findings="The deal checks found nothing to point out.",
    build="Build the agreement now?",
    ignored="Not used, as the other answers make them irrelevant: {ids}",
)


LOCALE = Locale(
    code="en",
    tag="en-GB",
    clause_text_language="en",
    number_first_paragraph=True,
    item_numbering="lower_letter",
    signature_layout="signature_lines",
    capitalise_sentence_start=True,
    style_rules=(
        StyleRule(
            id="drafting.and_or", severity="warning", pattern=re.compile(r"\band/or\b", re.I),
            what='"and/or"', why='Write "A or B or both": "and/or" is ambiguous.',
        ),
        StyleRule(
            id="drafting.number_words", severity="warning",
            pattern=re.compile(
                r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fourteen|fifteen|twenty|thirty|forty|sixty|ninety|hundred)\s*\(\d+\)",
                re.I,
            ),
            what="a number in words and digits", why="Write numbers in digits only; two forms can disagree.",
        ),
    ),
    words=Words(
        formats=FormatWords(
            date="{day} {month_name} {year}",
            month_names=(
                "January", "February", "March", "April", "May", "June",
                "July", "August", "September", "October", "November", "December",
            ),
            money={"JPY": "JPY {amount}", "USD": "USD {amount}", "EUR": "EUR {amount}", "GBP": "GBP {amount}"},
            thousands_separator=",",
            decimal_separator=".",
            and_list=ListPattern(two="{0} and {1}", start="{0}, {1}", middle="{0}, {1}", end="{0}, and {1}"),
            or_list=ListPattern(two="{0} or {1}", start="{0}, {1}", middle="{0}, {1}", end="{0}, or {1}"),
            quote='"{term}"',
            full_stop=".",
            keywords={"worldwide": "worldwide"},
            periods={"days": ("{n} day", "{n} days"), "weeks": ("{n} week", "{n} weeks"),
                     "months": ("{n} month", "{n} months")},
            by_date="by {date}",
            within_period="within {period} from the effective date",
            period_from_start="{period} from the effective date",
        ),
        numbering=NumberingWords(
            article="Article {number}",
            article_title="({title})",
            heading_separator=" ",
            paragraph="{article}.{number}",
            item="({n})",
            sentence_joiner=" ",
        ),
        agreement=AgreementWords(
            titles={
                "nda": "Non-Disclosure Agreement",
                "poc": "Proof of Concept Agreement",
                "jrd": "Joint Research and Development Agreement",
                "license": "Licence Agreement",
                "consortium": "Consortium Agreement",
                "joint_filing": "Joint Patent Application Agreement",
                "data_provision": "Data Provision Agreement",
                "ai_use": "AI Service Use Agreement",
            },
            names={
                "nda": "Non-Disclosure Agreement",
                "poc": "Proof of Concept Agreement",
                "jrd": "Joint Research and Development Agreement",
                "license": "Licence Agreement",
                "consortium": "Consortium Agreement",
                "joint_filing": "Joint Patent Application Agreement",
                "data_provision": "Data Provision Agreement",
                "ai_use": "AI Service Use Agreement",
            },
            preamble_party='{legal_name}, of {address} ("{short_name}")',
            preamble_parties=ListPattern(two="{0}, and {1}", start="{0}, {1}", middle="{0}, {1}", end="{0}, and {1}"),
            preamble='This {name} (this "Agreement") is made with effect from {date} between {parties}. The parties agree as follows.',
            signing_intro="Signed by the authorised representatives of the parties.",
        ),
        signature=SignatureWords(
            date_blank="Date: ____________________",
            dated="Date: {date}",
            seal="",
            name="Name",
            title="Title",
            signature="Signature",
            for_party="For",
        ),
        bilingual=BilingualWords(
            language_names={"ja": "Japanese", "en": "English"},
            column="{language}",
            prevailing_column="{language} (prevailing)",
            clause_title="Language",
            clause_text="This Agreement is made in {languages}. If the two versions differ, the {prevailing} version prevails.",
        ),
        key_terms=KeyTermWords(
            heading="Key terms",
            note="This table summarises the key terms; if it differs from the articles, the articles prevail.",
            parties="Parties",
            purpose="Purpose",
            term="Term",
            ownership="Ownership of results",
            licence="Licence scope",
            confidentiality="Confidentiality",
            fee="Money",
            party='{legal_name} ("{short_name}")',
            party_separator="; ",
            term_value="{start} to {end} ({months} months)",
            renewal=", then renews for {months} months at a time",
            confidentiality_years="{years} years after the agreement ends",
            confidentiality_until_end="until the agreement ends",
            trade_secrets=" (trade secrets for as long as they stay secret)",
        ),
        phrases=PhraseWords(
            ownership={
                "sole": "{owner} owns them alone",
                "joint": "owned jointly ({shares} shares)",
                "inventor": "each party owns what its people create; joint creations are owned jointly",
                "by_field": "split by field (see the Schedule)",
                "decide_later": "to be agreed case by case",
            },
            shares={"equal": "equal", "by_contribution": "by contribution"},
            exclusivity={
                "non_exclusive": "non-exclusive",
                "exclusive_then_non_exclusive": "exclusive for {months} months, then non-exclusive",
                "exclusive": "exclusive",
            },
            exclusive_for_months=" for {months} months",
            exclusive_from_date="non-exclusive before {date}, then {exclusivity}",
            exclusive_from_report="non-exclusive until the Report is accepted, then {exclusivity}",
            registered_exclusive=" (Japanese patents: registered exclusive licence, senyo jisshiken)",
            scope="{exclusivity}; {field}; territory: {territory}",
            scope_field="field: {field}",
            scope_all_fields="all fields",
        ),
        schedule=ScheduleWords(
            title="Schedule",
            project="Project overview (for information)",
            project_note="This part records the parties' shared understanding for information only; it does not bind the parties.",
            objective="Objective",
            kpi="Success measure {n}",
            risk_split="Risk split",
            decision_maker="Who decides",
            roles="Roles",
            role="Roles: {party}",
            milestones="Schedule of work",
            deliverables="Deliverables",
            deliverable="{kind} ({party})",
            deliverable_delivered="{kind} ({party}; delivered with the Report)",
            deliverable_kept="{kind} ({party}; not delivered, kept by {party})",
            deliverable_kinds={
                "report": "report", "software": "software", "data_set": "data set", "model": "model",
                "invention": "invention", "design": "design", "documents": "documents",
            },
            fields="Ownership by field",
            copyright_fields="Ownership by field (copyright)",
            background="Background IP",
            patents="Licensed Patents",
            trademarks="Licensed trademarks",
            royalty_milestones="Milestone payments",
            sublicensees="Permitted sublicensees",
        ),
        summary=SummaryWords(
            headings=SummaryHeadings(
                title="Plain-language summary: {title}",
                disclaimer="This summary is not part of the agreement and is not legal advice. If it differs from the agreement, the agreement wins. Each point names the article to read.",
                overview="The deal in brief",
                results="Results: who owns them and who may use them",
                parties="What each side may, must and cannot do",
                may="May",
                must="Must",
                cannot="Cannot",
                secret="What stays secret",
                money="Money",
                ending="How it ends",
                checklist="Collaboration checklist",
                balance="Balance",
                findings="Points to check",
                articles="Article by article",
                not_stated="not stated",
                no_findings="No issues found.",
                severity={"error": "Must fix", "warning": "Warning", "info": "Note"},
                with_article="{text} ({article})",
                article_separator=", ",
                bullet="\u2022 ",
            ),
            overview=OverviewWords(
                parties=ListPattern(two="{0} and {1}", start="{0}, {1}", middle="{0}, {1}", end="{0}, and {1}"),
                deal="{parties} sign this {name}. Its purpose: {purpose}",
                nda_mutual="Each side keeps what the other shares secret and uses it only for this purpose.",
                nda_one_way="{recipient} keeps what {discloser} shares secret and uses it only for this purpose.",
                poc="{provider} runs a technical test for {customer} and delivers a report {deadline}.",
                jrd="The two sides research and develop together. Results: {ownership}.",
                license="{licensor} lets {licensee} use its {subject} ({scope}).",
                licence_subjects={"patents": "patents", "know_how": "know-how", "copyright": "copyright works",
                                  "trademark": "trademarks"},
                # --- consortium ---
                consortium=("{count} parties carry out one project together, in {packages} work packages; "
                            "{coordinator} coordinates."),
                consortium_words={
                    "work_packages": "Work packages", "work_package": "{name} (led by {lead})", "budget": "Budget",
                    "access_rights": "Access rights for exploitation", "background": "Background",
                    "coordinator": "Coordinator", "funder": "Public funding", "funding": "{funder} ({programme})",
                },
                consortium_access_terms={
                    "fair_reasonable": "on fair and reasonable terms", "royalty_free": "royalty-free",
                    "separate_agreement": "only by a separate agreement",
                },
                # --- joint_filing ---
                joint_filing="The parties file for their jointly made invention \u201c{invention}\u201d together and agree how each may use, license and give up its share.",
                joint_filing_schedule={
                    "invention": "The Invention", "title": "Title of the invention", "summary": "Summary",
                    "inventor": "Inventor ({party})", "applications": "The Applications", "application": "Application {n}",
                    "application_value": "{office}: {number}{date}", "route_japan": "Japan Patent Office",
                    "route_pct": "International application (PCT)", "not_filed": "to be filed",
                    "filed_on": ", filed on {date}", "to_file_on": ", to be filed by {date}", "shares": "Shares",
                    "countries": "Countries planned for foreign filing", "share_separator": "; ",
                },
                # --- data_provision ---
                data_provision="{provider} provides data to {recipient}, which may use it {scope}.",
                data_provision_scopes={"purpose_only": "only for the stated purpose",
                                       "internal": "for any of its own internal purposes",
                                       "product_development": "for the purpose and to develop its own products and services"},
                data_provision_per_delivery="{amount} per delivery",
                # --- ai_use ---
                ai_use="{provider} lets {user} use {service}, an AI service; {user} pays for it and answers for how it uses the outputs.",
                ai_use_monthly="{amount} a month",
                ai_use_per_unit="{amount} per {unit}",
            ),
            results=ResultsWords(header=("What", "Who owns it, and who may use it", "Article")),
            checklist=ChecklistWords(
                purpose="Purpose and success measures shared?",
                roles="Roles and risk split clear?",
                decides="Who decides?",
            ),
            balance=BalanceWords(
                balanced="Overall the deal is balanced.",
                leans="Overall the deal leans towards {leader}.",
                favours="Overall the deal clearly favours {leader}.",
                counts=" ({counts}; {total} articles in all.)",
                count="{count} favour {party}",
                header=("Article", "Clause", "Favours"),
            ),
        ),
        redline=RedlineWords(
            heading="Redline: {old} → {new}",
            title="Title",
            preamble="Preamble",
            signature="Signature block",
            inserted="Inserted",
            deleted="Deleted",
            changed="Changed",
            counts="Articles: {changed} changed, {inserted} inserted, {deleted} deleted.",
            no_changes="The two versions have the same text.",
            legend="Deleted text is marked [-like this-], inserted text {+like this+}.",
        ),
        changes=ChangesWords(
            title="What changed in the deal: {old} → {new}",
            intro="What the changes do to the deal, in plain words. This list is not part of the agreement and is not legal advice; the redline shows the changed wording.",
            no_changes="No changes: the two versions make the same deal.",
            heading="What changed",
            changed="{topic}: was {was} → now {now}",
            added="New ({topic}): {text}",
            removed="Removed ({topic}): {text}",
            added_point="New: {topic} {text}",
            removed_point="No longer: {topic} {text}",
            added_article="New article ({title}): {text}",
            removed_article="Article removed ({title}): {text}",
            party_topic="{party} {kind}",
            party_kinds={"may": "may", "must": "must", "cannot": "cannot"},
            sections={"confidentiality": "Confidentiality", "money": "Money", "ending": "How it ends"},
            now_favours="now favours {party}",
            now_balanced="now balanced",
            no_longer_favours="no longer favours {party}",
            with_balance="{text} ({article}; {balance})",
            balance="Balance of the whole deal",
            findings_new="New points to check",
            findings_resolved="Points resolved",
            finding_new="New point to check ({severity}): {message}",
            finding_resolved="Resolved ({severity}): {message}",
            values="Changed spec values (for legal staff)",
            value="{path}: {was} → {now}",
            not_set="(not set)",
        ),
        findings=_FINDINGS,
        interview=_INTERVIEW,
        messages=MessageWords(
            or_list=ListPattern(two="{0} or {1}", start="{0}, {1}", middle="{0}, {1}", end="{0} or {1}"),
            list_separator=", ",
            counts=("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
            agreement_types={"nda": "an NDA", "poc": "a PoC agreement", "jrd": "a joint R&D agreement",
                             "license": "a licence agreement", "consortium": "a consortium agreement", "data_provision": "a data provision agreement",
                             "ai_use": "an AI service use agreement",
                             "joint_filing": "a joint patent application agreement"},
            templates=_MESSAGES,
        ),
    ),
)
