"""Cross-field rules for the parts of a deal that several agreement types share.

A type's `cross_check` calls the ones that apply to it: the results (PoC, joint
R&D), a licence's usage scope (PoC, joint R&D, licence), background IP (joint R&D,
licence), and the common terms only some types use. `described_as` names the type
in the message ("an NDA"). The rules every type shares stay in `loading.cross_check`.
"""

from __future__ import annotations

from ..spec import BackgroundIp, CommonSpec, Results, UsageScope
from .base import Problems


def mutual_confidentiality_only(spec: CommonSpec, described_as: str, out: Problems) -> None:
    if spec.confidentiality.direction == "one_way":
        out.add("/confidentiality/direction",
                f'{described_as} protects both parties\' information: use "mutual" (one_way is for NDAs)')


def no_announcement(spec: CommonSpec, described_as: str, out: Problems) -> None:
    if spec.confidentiality.announcement != "none":
        out.add("/confidentiality/announcement",
                f'announcements are drafted for NDAs and joint R&D; {described_as} keeps "none"')


def no_earlier_nda(spec: CommonSpec, described_as: str, out: Problems) -> None:
    if spec.confidentiality.supersedes_nda:
        out.add("/confidentiality/supersedes_nda",
                f"applies to PoC and joint R&D agreements, not to {described_as} (remove it)")


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
        add(f"/licence/{missing}", f'is missing: with "{results.ownership.rule}" ownership, name who grants and who '
            "receives the licence (licensor and licensee)")
    out.party_ref(lic.licensor, "/licence/licensor")
    out.party_ref(lic.licensee, "/licence/licensee")
    if lic.licensor is not None and lic.licensor == lic.licensee:
        add("/licence/licensee", "is the same party as the licensor")
    if lic.exclusivity == "exclusive_then_non_exclusive" and lic.exclusive_months is None:
        add("/licence/exclusive_months", 'is missing: "exclusive_then_non_exclusive" needs the months of exclusivity')
    if lic.exclusivity == "exclusive" and lic.exclusive_months is None and not lic.exclusive_perpetual:
        add(
            "/licence/exclusive_months",
            'is missing: an exclusive licence needs a period, or "exclusive_perpetual": true to say it lasts the whole term',
        )
    if lic.exclusivity == "non_exclusive" and (lic.exclusive_months or lic.exclusive_perpetual or lic.non_use_fallback_months):
        add("/licence/exclusivity", "is non_exclusive but exclusivity terms are given (remove them or change exclusivity)")
    if lic.exclusive_months is not None and lic.exclusive_perpetual:
        add("/licence/exclusive_perpetual", "cannot be true together with exclusive_months (choose one)")
    if lic.sublicensing == "named" and not lic.sublicensees:
        add("/licence/sublicensees", 'is empty: "named" sublicensing needs the names')
    if lic.sublicensing != "named" and lic.sublicensees:
        add("/licence/sublicensees", 'is only used with "sublicensing": "named"')
    if lic.term.kind == "years" and lic.term.years is None:
        add("/licence/term/years", 'is missing: a licence term of kind "years" needs the number of years')
    if lic.term.kind != "years" and lic.term.years is not None:
        add("/licence/term/years", 'is only used with "kind": "years"')
    if "worldwide" in lic.territory and len(lic.territory) > 1:
        add("/licence/territory", '"worldwide" cannot be combined with named countries')
    roy = lic.royalty
    if roy.kind == "paid" and not (roy.upfront or roy.running_percent or roy.milestones):
        add("/licence/royalty", 'is "paid" but gives no upfront, running_percent or milestones (say what is paid)')
    if roy.kind == "free" and (roy.upfront or roy.running_percent or roy.milestones or roy.minimum_annual):
        add("/licence/royalty/kind", 'is "free" but amounts are given (remove them or set "paid")')
    if roy.minimum_annual and not roy.running_percent:
        add("/licence/royalty/minimum_annual", "a minimum annual royalty needs a running_percent to be a minimum of")
