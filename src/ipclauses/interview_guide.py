"""The ownership decision guide of `ipclauses new`: a few answers about the deal -> who should own the results.

Like the Lambert Toolkit's decision guide, it asks who brings the core technology, who pays,
who will exploit the results (and whether in different fields), whether a university is a party
and whether the results must be published, and recommends an ownership rule and a usage scope.
The rules follow the model contracts and the law (law-facts.md, agreements.md):

- a co-owner may license jointly owned results only with the other's consent (Patent Act art. 73),
  so joint ownership suits only parties that both exploit in the same field;
- a startup must stay free to license its core technology, and the JFTC's startup guideline names
  taking the results it created, or unlimited exclusivity, as problem practices: it owns, and the
  company gets a licence in its field, exclusive for a limited period when the company pays;
- a university must publish and use results for research and teaching, and it does not manufacture:
  it keeps its inventions (with 不実施補償 on joint ones) and the company gets an option to an
  exclusive licence, unless the company pays for research that builds on its own technology or
  need not be published, where the company owns.

`recommend` is a pure function; the words of a recommendation are the Locale's (`words.interview`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .locales import Locale

__all__ = ["BOTH", "EACH", "NO_LICENCE", "OPTION", "GuideAnswers", "Recommendation", "recommend"]

BOTH = "both"  # both parties bring the core technology, or both will exploit the results
EACH = "each"  # each party pays its own costs
NO_LICENCE = "none"  # the owner exploits the results itself: no licence is needed
OPTION = "option"  # the other party gets an option to take an exclusive licence


@dataclass(frozen=True)
class GuideAnswers:
    """The deal as the guide sees it: each party's id and kind, and the answers to its questions.

    `core_technology` and `exploiter` are a party id or BOTH; `payer` is a party id or EACH.
    """

    parties: tuple[tuple[str, str], ...]  # (id, kind) of each party, in the spec's order
    core_technology: str
    payer: str
    exploiter: str
    separate_fields: bool = False  # both exploit, each in its own field
    publish: bool = False  # the results must be published (a university's research, public funding)

    @property
    def university(self) -> str | None:
        """The university among two parties when the other is not one."""
        kinds = dict(self.parties)
        found = [p for p, k in self.parties if k == "university"]
        return found[0] if len(found) == 1 and len(kinds) == 2 else None

    @property
    def startup(self) -> str | None:
        found = [p for p, k in self.parties if k == "startup"]
        return found[0] if len(found) == 1 else None

    def other(self, party: str) -> str:
        return next(p for p, _ in self.parties if p != party)


@dataclass(frozen=True)
class Recommendation:
    """An ownership rule and a usage scope, and the reason for them (a key of the locale's `guide_reasons`).

    `scope` is NO_LICENCE, OPTION, or the exclusivity of a licence from the owner to `licensee`.
    """

    rule: str  # sole, joint, inventor or by_field
    owner: str | None  # with rule "sole"
    scope: str
    licensee: str | None  # who gets the licence or the option
    reason: str
    university: str | None = None  # the university party, named by the reasons that concern it
    academic_freedom: bool = False  # a university keeps the right to publish and to use the results

    def text(self, names: Mapping[str, str], locale: Locale) -> str:
        """The recommendation in a line, then its two-sentence reason: `names` gives each party id's short name."""
        words, phrases = locale.words.interview, locale.words.phrases
        params = {
            "owner": names.get(self.owner or "", ""),
            "licensee": names.get(self.licensee or "", ""),
            "university": names.get(self.university or "", ""),
            "other": next((name for party, name in names.items() if self.owner and party != self.owner), ""),
        }
        ownership = phrases.ownership[self.rule].format(owner=params["owner"], shares=phrases.shares["equal"])
        return words.guide_recommends.format(ownership=ownership, scope=words.guide_scopes[self.scope].format(**params),
                                             reason=words.guide_reasons[self.reason].format(**params))


def recommend(answers: GuideAnswers) -> Recommendation:
    """The ownership rule and usage scope the guide recommends for these answers."""
    university = answers.university
    if university is not None:
        company = answers.other(university)
        if answers.payer == company and (answers.core_technology == company or not answers.publish):
            return Recommendation("sole", company, NO_LICENCE, None, "university_funded", university, answers.publish)
        if answers.exploiter in (company, BOTH):
            return Recommendation("inventor", None, OPTION, company, "university_option", university, answers.publish)
        return Recommendation("inventor", None, NO_LICENCE, None, "university_inventor", university, answers.publish)
    startup = answers.startup
    owner = answers.core_technology
    if owner == BOTH and startup is not None:
        owner = startup  # the startup's technology is its business: it keeps the results it builds on
    if owner != BOTH:
        other = answers.other(owner)
        if answers.exploiter == owner:
            return Recommendation("sole", owner, NO_LICENCE, None, "owner_exploits")
        exclusive = answers.payer == other
        scope = "exclusive_then_non_exclusive" if exclusive else "non_exclusive"
        who = "startup" if owner == startup else "owner"
        return Recommendation("sole", owner, scope, other, f"{who}_{'exclusive' if exclusive else 'non_exclusive'}")
    if answers.exploiter != BOTH:
        exploiter = answers.exploiter
        return Recommendation("sole", exploiter, "non_exclusive", answers.other(exploiter), "exploiter_owns")
    if answers.separate_fields:
        return Recommendation("by_field", None, NO_LICENCE, None, "split_by_field")
    return Recommendation("joint", None, NO_LICENCE, None, "joint_same_field")


# Every reason `recommend` can give: the locales' `guide_reasons` must have a text for each.
REASONS = ("university_funded", "university_option", "university_inventor", "owner_exploits", "startup_exclusive",
           "startup_non_exclusive", "owner_exclusive", "owner_non_exclusive", "exploiter_owns", "split_by_field",
           "joint_same_field")
SCOPES = (NO_LICENCE, OPTION, "non_exclusive", "exclusive_then_non_exclusive")
