"""Schedule sections that several agreement types share, each built from one part of the spec.

A type's module lists the ones its agreement carries, in order, in its `schedule` hook.
"""

from __future__ import annotations

from ..agreement import ScheduleSection
from ..locales import Locale
from ..spec import BackgroundIp, CommonSpec, LicensedRights, Results, UsageScope


def _names(spec: CommonSpec) -> dict[str, str]:
    return {p.id: p.short_name for p in spec.parties}


def results_sections(spec: CommonSpec, results: Results, locale: Locale, *, delivery: bool = False) -> list[ScheduleSection]:
    """The deliverables and the fields of a by-field ownership rule; with `delivery` (a PoC), whether each
    result is handed over with the Report, which the report article refers to this section for."""
    words, names = locale.words.schedule, _names(spec)
    sections = []
    if results.deliverables:
        def described(kind: str, party: str, delivered: bool) -> str:
            if not delivery or kind == "report":
                pattern = words.deliverable
            else:
                pattern = words.deliverable_delivered if delivered else words.deliverable_kept
            return pattern.format(kind=words.deliverable_kinds[kind], party=party)

        sections.append(ScheduleSection(words.deliverables, None, [
            (d.name, described(d.kind, names[d.created_by], d.delivered)) for d in results.deliverables
        ]))
    for heading, rule in ((words.fields, results.ownership), (words.copyright_fields, results.copyright_ownership)):
        if rule is not None and rule.rule == "by_field":
            sections.append(ScheduleSection(heading, None, [(f.field, names[f.owner]) for f in rule.fields]))
    return sections


def background_sections(spec: CommonSpec, background: BackgroundIp, locale: Locale) -> list[ScheduleSection]:
    if not background.items:
        return []
    names = _names(spec)
    return [ScheduleSection(locale.words.schedule.background, None, [(names[i.party], i.description) for i in background.items])]


def licensed_sections(licensed: LicensedRights, locale: Locale) -> list[ScheduleSection]:
    words = locale.words.schedule
    sections = []
    if licensed.patents:
        sections.append(ScheduleSection(words.patents, None, [(p.number, p.title) for p in licensed.patents]))
    if licensed.trademarks:
        sections.append(ScheduleSection(words.trademarks, None, [(str(i), t) for i, t in enumerate(licensed.trademarks, 1)]))
    return sections


def licence_sections(lic: UsageScope | None, locale: Locale) -> list[ScheduleSection]:
    if lic is None:
        return []
    words = locale.words.schedule
    sections = []
    if lic.royalty.milestones:
        sections.append(ScheduleSection(words.royalty_milestones, None, [(m.event, locale.money(m.amount)) for m in lic.royalty.milestones]))
    if lic.sublicensees:
        sections.append(ScheduleSection(words.sublicensees, None, [(str(i), n) for i, n in enumerate(lic.sublicensees, 1)]))
    return sections
