"""English: Article 1 (Purpose), paragraphs 1.1, 1.2 when there are several, items (a)."""

from __future__ import annotations

import re

from .base import (
    AgreementWords,
    BalanceWords,
    ChangesWords,
    ChecklistWords,
    FormatWords,
    KeyTermWords,
    ListPattern,
    Locale,
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
}

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
            },
            names={
                "nda": "Non-Disclosure Agreement",
                "poc": "Proof of Concept Agreement",
                "jrd": "Joint Research and Development Agreement",
                "license": "Licence Agreement",
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
    ),
)
