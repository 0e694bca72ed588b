"""What changed in a deal between two versions, in plain words for people who are not lawyers.

A redline shows the changed wording; this says what the change does: who now owns the
results, how long secrecy lasts, what a party may newly do. It never reads the clause
text. Both versions are projected as the summary projects a deal (summary.py), from
the chosen variants' effects, in one language, and the two projections are compared
point by point:

- each article is matched by its clause, so a renumbered article is no change; an
  article only one version has is added or removed;
- inside an article, the summary's points are matched by where they belong (the
  results table by what is owned, a party's may/must/cannot list, the confidentiality,
  money and ending sections); a point that differs only in part pairs with its
  nearest counterpart ("was ... now ..."), the rest are new or gone;
- an article whose option changed but whose points did not says so with its plain summary;
- a point that says the same of the same parties is no change, whatever they are called
  now: a renamed party shows only among the spec values;
- each change carries the balance shift of its article (the option's balance label, as
  the summary resolves it to a party); the deal-check findings are compared by id and
  path, and each new or resolved one also stands under the first change of an article
  that reads the field it is about; the changed spec values are listed for legal staff.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .assemble import resolved_spec, sentence_case
from .checks import Finding
from .compare import similarity, tokens
from .library import Clause, Library, Variant
from .locales import Locale, get_locale, prevailing_locale
from .spec import AnySpec
from .summary import PARTY_KINDS, favoured_party
from .versions import VersionSource, load_version

if TYPE_CHECKING:
    from .draft import Draft

ChangeKind = Literal["changed", "added", "removed"]
Subject = Literal["article", "option", "result", "party", "confidentiality", "money", "ending"]
SECTIONS = ("confidentiality", "money", "ending")
_PAIRING_THRESHOLD = 0.5  # points sharing at least half their words are one point changed, not two
_NARROW_WORDS = 3  # a number changed in an otherwise equal sentence shows as "5 years → 3 years"
_NARROW_CHARS = 24  # ... with at most this much of the phrase around it where words are not spaced


@dataclass(frozen=True)
class Change:
    """One thing that moved in the deal, in the report's language.

    `text` is the whole change as a reader sees it, without its article; `was` and `now`
    are what changed ("" for an added or removed thing's missing side), and
    `was_text`/`now_text` the full points they come from. `article` is NEW's label, or
    OLD's for a removed article.
    """

    kind: ChangeKind
    subject: Subject
    topic: str  # "Confidentiality", "Daiwa may", an article's title, what is owned
    text: str
    was: str
    now: str
    article: str  # "Article 12" / "第12条"
    article_id: str  # the clause id, the same in both versions
    balance: str = ""  # the article's balance shift: "now favours Daiwa", "now balanced", or ""
    party: str = ""  # the id of the party a may/must/cannot point is about
    variant_was: str = ""  # the article's chosen option in OLD ("" when OLD has no such article)
    variant_now: str = ""
    was_text: str = ""
    now_text: str = ""
    # The deal-check findings, new or resolved, about a spec field this article reads (each on
    # the first change of the first article that reads it; all of them are also on DealChanges).
    new_findings: tuple[Finding, ...] = ()
    resolved_findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ValueChange:
    """A spec value that differs: `path` is a JSON pointer, as deal-check findings give it."""

    kind: ChangeKind
    path: str
    was: Any = None  # the JSON value (None where `kind` is "added")
    now: Any = None


@dataclass(frozen=True)
class DealChanges:
    """What changed between two versions of a deal: `changes` in NEW's article order, then removed articles."""

    language: str
    title: str
    old_name: str
    new_name: str
    changes: tuple[Change, ...]
    balance_was: str  # the whole deal's balance verdict in each version, as the summary says it
    balance_now: str
    balance_changed: bool  # the verdicts differ other than in the parties' names
    new_findings: tuple[Finding, ...]  # deal-check findings NEW has and OLD had not (by id and path)
    resolved_findings: tuple[Finding, ...]
    values: tuple[ValueChange, ...] = ()

    @property
    def locale(self) -> Locale:
        return get_locale(self.language)

    @property
    def unchanged(self) -> bool:
        """The two versions make the same deal, with the same findings and spec values."""
        return not (self.changes or self.balance_changed or self.new_findings or self.resolved_findings or self.values)

    def lines(self) -> list[str]:
        """Each change as one line with its article (and, first in its article, the balance shift)."""
        words = self.locale.words
        out = []
        shown: set[str] = set()
        for change in self.changes:
            if change.balance and change.article_id not in shown:
                out.append(words.changes.with_balance.format(text=change.text, article=change.article, balance=change.balance))
            else:
                out.append(words.summary.headings.with_article.format(text=change.text, article=change.article))
            shown.add(change.article_id)
        return out


# --- the API -----------------------------------------------------------------------------


def changes(
    old: VersionSource, new: VersionSource, *, library: Library | str | os.PathLike[str] | None = None,
    lang: str | None = None,
) -> DealChanges:
    """What changed from OLD to NEW: specs (paths or models) or ipclauses DOCX files.

    Written in NEW's language unless `lang` names another (UnknownLocaleError if none has
    that code). Raises SpecError, DocumentError or RenderError as loading and building a
    version do.
    """
    from .draft import make_draft
    from .library import load_library

    lib = library if isinstance(library, Library) or library is None else load_library(Path(library))
    old_spec, new_spec = load_version(old), load_version(new)
    locale = prevailing_locale(lang or new_spec.language)
    before = make_draft(old_spec, lib, lang=locale.code)
    after = make_draft(new_spec, lib, lang=locale.code)
    comparison = _Comparison(before, after, locale)
    old_keys = {(f.id, f.path) for f in before.summary.findings}
    new_keys = {(f.id, f.path) for f in after.summary.findings}
    came = tuple(f for f in after.summary.findings if (f.id, f.path) not in old_keys)
    gone = tuple(f for f in before.summary.findings if (f.id, f.path) not in new_keys)
    found = comparison.with_findings(list(comparison.changes()), came, gone)
    old_name, new_name = _name(old, before), _name(new, after)
    return DealChanges(
        language=locale.code,
        title=locale.words.changes.title.format(old=old_name, new=new_name),
        old_name=old_name,
        new_name=new_name,
        changes=tuple(found),
        balance_was=before.summary.balance_verdict,
        balance_now=after.summary.balance_verdict,
        balance_changed=comparison.differ(before.summary.balance_verdict, after.summary.balance_verdict),
        new_findings=came,
        resolved_findings=gone,
        values=tuple(_value_changes(resolved_spec(old_spec), resolved_spec(new_spec))),
    )


def _name(source: VersionSource, draft: Draft) -> str:
    """A version as reports name it: its file name, or its agreement's title."""
    if isinstance(source, (str, os.PathLike)):
        return os.path.basename(os.fspath(source))
    return draft.agreement.title


# --- the comparison ------------------------------------------------------------------------

Bucket = tuple[str, ...]  # where a point belongs inside its article: ("result",), ("party", id, kind), (section,)


@dataclass(frozen=True)
class _Point:
    """A summary point: the same in both versions if its words are, or if they are but for a party's new name."""

    bucket: Bucket
    same: str  # what it says with each party's name as the party's id
    text: str
    what: str = ""  # a result's thing owned, which names it


@dataclass(frozen=True)
class _ArticleView:
    """One version's article: its label, title, option, balance and the summary's points that cite it."""

    clause_id: str
    label: str
    title: str
    variant: str
    favours: str  # the party id its option favours, or ""
    summary: str
    points: tuple[_Point, ...]
    reads: frozenset[str]  # JSON pointers of the spec fields its option's text, effects and conditions read


def _articles(draft: Draft, names: Names) -> dict[str, _ArticleView]:
    summary, spec = draft.summary, draft.spec
    points: dict[str, list[_Point]] = {}

    def neutral(text: str) -> str:
        return _neutral(text, names)

    def add(article_id: str | None, point: _Point) -> None:
        points.setdefault(article_id or "", []).append(point)

    for row in summary.results:
        add(row.point.article_id, _Point(("result",), neutral(row.what + "\n" + row.point.text), row.point.text, row.what))
    for party, listed in zip(spec.parties, summary.parties, strict=True):
        for kind in PARTY_KINDS:
            for pt in getattr(listed, kind):
                add(pt.article_id, _Point(("party", party.id, kind), neutral(pt.text), pt.text))
    for section in SECTIONS:
        for pt in getattr(summary, section):
            add(pt.article_id, _Point((section,), neutral(pt.text), pt.text))
    out = {}
    for art, (clause, variant) in zip(draft.agreement.articles, draft.plan.chosen, strict=True):
        favours = draft.library.vocabulary["balance"].get(art.balance, {}).get("favours", "")
        favoured = favoured_party(spec, favours)
        out[art.clause_id] = _ArticleView(
            art.clause_id, art.label, art.title, art.variant_id, favoured.id if favoured else "", art.summary,
            tuple(points.get(art.clause_id, ())), _reads(clause, variant, draft.library),
        )
    return out


Names = Sequence[tuple[str, str]]  # (short name, party id) of both versions' parties, longest name first


def _names(*specs: AnySpec) -> Names:
    found = {(p.short_name, p.id) for spec in specs for p in spec.parties}
    found |= {(name[:1].upper() + name[1:], party_id) for name, party_id in found}  # "the University" opening a sentence
    return sorted(found, key=lambda n: (-len(n[0]), n))  # "Kamo Photonics" before "Kamo"


def _neutral(text: str, names: Names) -> str:
    """`text` with each party's name, old or new, as its id: a renamed party changes no point."""
    for name, party_id in names:
        text = text.replace(name, f"\x00{party_id}\x00")
    return text


def _reads(clause: Clause, variant: Variant, library: Library) -> frozenset[str]:
    """The spec fields (as JSON pointers) an article's option reads; computed facts ("@...") name none."""
    paths = {library.variables[name].source for name in variant.uses_variables if name in library.variables}
    for condition in (clause.include_when, variant.when, *(effect.when for effect in variant.effects)):
        paths |= _condition_paths(condition)
    return frozenset("/" + path.replace(".", "/") for path in paths if not path.startswith("@"))


def _condition_paths(condition: dict[str, Any]) -> set[str]:
    found = set()
    for key, expected in condition.items():
        if key == "any":
            for sub in expected:
                found |= _condition_paths(sub)
        else:
            found.add(key)
    return found


def _concerns(reads: frozenset[str], finding: Finding) -> bool:
    """A finding is about an article that reads its field, a field inside it, or the object holding it."""
    return any(finding.path == p or finding.path.startswith(p + "/") or p.startswith(finding.path + "/") for p in reads)


class _Comparison:
    def __init__(self, before: Draft, after: Draft, locale: Locale) -> None:
        self.locale = locale
        self.words = locale.words.changes
        self.names = _names(before.spec, after.spec)
        self.old, self.new = _articles(before, self.names), _articles(after, self.names)
        parties = [*after.spec.parties, *(p for p in before.spec.parties if p.id not in {q.id for q in after.spec.parties})]
        self.party_names = {p.id: p.short_name for p in parties}  # NEW's names, OLD's for a party NEW has not
        self.party_order = {p.id: n for n, p in enumerate(parties)}

    def changes(self) -> Iterator[Change]:
        for clause_id, new in self.new.items():
            yield from self._article(self.old.get(clause_id), new)
        for clause_id, old in self.old.items():
            if clause_id not in self.new:
                yield from self._article(old, None)

    def differ(self, was: str, now: str) -> bool:
        """Two texts say different things, not only the same of parties called differently."""
        return was != now and _neutral(was, self.names) != _neutral(now, self.names)

    def with_findings(self, found: list[Change], came: Sequence[Finding], gone: Sequence[Finding]) -> tuple[Change, ...]:
        """The changes, each first change of an article carrying the new and resolved findings about it."""
        placed: dict[int, tuple[list[Finding], list[Finding]]] = {}
        for findings, side in ((came, 0), (gone, 1)):
            for f in findings:
                # the changes of an article are together, so the first that concerns it opens its article
                at = next((n for n, c in enumerate(found) if _concerns(self._reads(c.article_id), f)), None)
                if at is not None:
                    placed.setdefault(at, ([], []))[side].append(f)
        return tuple(
            replace(c, new_findings=tuple(placed[n][0]), resolved_findings=tuple(placed[n][1])) if n in placed else c
            for n, c in enumerate(found)
        )

    def _reads(self, clause_id: str) -> frozenset[str]:
        views = [v for v in (self.old.get(clause_id), self.new.get(clause_id)) if v is not None]
        return frozenset().union(*(v.reads for v in views))

    # one article

    def _article(self, old: _ArticleView | None, new: _ArticleView | None) -> Iterator[Change]:
        view = new or old
        assert view is not None
        where = _Where(view.label, view.clause_id, self._balance(old, new), old.variant if old else "",
                       new.variant if new else "")
        found: list[Change] = []
        if old is None:
            line = self.words.added_article.format(title=view.title, text=view.summary)
            found.append(where.change("added", "article", view.title, self._sentence(line), "", view.summary))
        elif new is None:
            line = self.words.removed_article.format(title=view.title, text=view.summary)
            found.append(where.change("removed", "article", view.title, self._sentence(line), view.summary, ""))
        found += self._points(old.points if old else (), new.points if new else (), where)
        if old is not None and new is not None and not found and (
            old.variant != new.variant or self.differ(old.summary, new.summary) or where.balance
        ):  # the points did not move, but the option (or what its summary says) did
            subject: Subject = "option" if old.variant != new.variant else "article"
            found.append(self._changed(where, subject, new.title, old.summary, new.summary))
        yield from found

    def _balance(self, old: _ArticleView | None, new: _ArticleView | None) -> str:
        was, now = old.favours if old else "", new.favours if new else ""
        if was == now:
            return ""
        if new is None:
            return self.words.no_longer_favours.format(party=self.party_names[was])
        if now:
            return self.words.now_favours.format(party=self.party_names[now])
        return self.words.now_balanced

    # the points of one article

    def _points(self, olds: Sequence[_Point], news: Sequence[_Point], where: _Where) -> Iterator[Change]:
        """The points only one version makes, paired within their bucket where one is the other changed."""
        gone, came = list(olds), list(news)
        for key in (_words, _meaning):
            common = Counter(map(key, gone)) & Counter(map(key, came))
            gone, came = _without(gone, common, key), _without(came, common, key)
        for bucket in sorted({p.bucket for p in [*gone, *came]}, key=self._rank):
            removed = [p for p in gone if p.bucket == bucket]
            added = [p for p in came if p.bucket == bucket]
            pairs = _pair(removed, added)
            for was, now in pairs:
                yield self._changed(where, _subject(bucket), self._topic(now), was.text, now.text, _party(now))
            for point in added:
                if all(now is not point for _, now in pairs):
                    yield self._one(where, "added", point)
            for point in removed:
                if all(was is not point for was, _ in pairs):
                    yield self._one(where, "removed", point)

    def _rank(self, bucket: Bucket) -> tuple[int, int, int]:
        """Results first, then each party's may, must and cannot, then the sections."""
        head = bucket[0]
        if head == "result":
            return (0, 0, 0)
        if head == "party":
            return (1, self.party_order[bucket[1]], PARTY_KINDS.index(bucket[2]))
        return (2, SECTIONS.index(head), 0)

    def _one(self, where: _Where, kind: Literal["added", "removed"], point: _Point) -> Change:
        words, topic = self.words, self._topic(point)
        if point.bucket[0] == "party":
            template = words.added_point if kind == "added" else words.removed_point
            line = template.format(topic=topic, text=self._continuing(point.text))
        else:
            line = (words.added if kind == "added" else words.removed).format(topic=topic, text=point.text)
        was, now = ("", point.text) if kind == "added" else (point.text, "")
        return where.change(kind, _subject(point.bucket), topic, self._sentence(line), was, now, _party(point))

    def _changed(self, where: _Where, subject: Subject, topic: str, was: str, now: str, party: str = "") -> Change:
        was_part, now_part = _narrow(was, now)
        line = self._sentence(self.words.changed.format(topic=topic, was=was_part, now=now_part))
        return where.change("changed", subject, topic, line, was_part, now_part, party, was_text=was, now_text=now)

    def _topic(self, point: _Point) -> str:
        head = point.bucket[0]
        if head == "result":
            return point.what
        if head == "party":
            _, party_id, kind = point.bucket
            return self.words.party_topic.format(party=self.party_names[party_id], kind=self.words.party_kinds[kind])
        return self.words.sections[head]

    def _sentence(self, text: str) -> str:
        """A line that may open with a party called "the University" reads "The University"."""
        return sentence_case(text, list(self.party_names.values())) if self.locale.capitalise_sentence_start else text

    def _continuing(self, text: str) -> str:
        """A point ("Sublicense to its affiliates.") continuing a sentence ("New: Daiwa may ..."): no capital."""
        if not self.locale.capitalise_sentence_start or not text[:1].isupper() or not text[1:2].islower():
            return text
        if any(text.startswith(name) for name in self.party_names.values()):
            return text
        return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class _Where:
    """The article a change is in, as every change there records it."""

    article: str
    article_id: str
    balance: str
    variant_was: str
    variant_now: str

    def change(self, kind: ChangeKind, subject: Subject, topic: str, text: str, was: str, now: str, party: str = "", *,
               was_text: str | None = None, now_text: str | None = None) -> Change:
        return Change(
            kind=kind, subject=subject, topic=topic, text=text, was=was, now=now, article=self.article,
            article_id=self.article_id, balance=self.balance, party=party, variant_was=self.variant_was,
            variant_now=self.variant_now, was_text=was if was_text is None else was_text,
            now_text=now if now_text is None else now_text,
        )


_SUBJECTS: dict[str, Subject] = {
    "result": "result", "party": "party", "confidentiality": "confidentiality", "money": "money", "ending": "ending",
}


def _subject(bucket: Bucket) -> Subject:
    return _SUBJECTS[bucket[0]]


def _party(point: _Point) -> str:
    """The id of the party a may/must/cannot point is about, or ""."""
    return point.bucket[1] if point.bucket[0] == "party" else ""


def _words(point: _Point) -> tuple[object, ...]:
    return point.bucket, point.what, point.text


def _meaning(point: _Point) -> tuple[object, ...]:
    return point.bucket, point.same


def _without(points: Sequence[_Point], common: Counter[tuple[object, ...]],
             key: Callable[[_Point], tuple[object, ...]]) -> list[_Point]:
    """`points` less as many points of each key as `common` counts."""
    left = Counter(common)
    out = []
    for point in points:
        if left[key(point)] > 0:
            left[key(point)] -= 1
        else:
            out.append(point)
    return out


def _pair(removed: Sequence[_Point], added: Sequence[_Point]) -> list[tuple[_Point, _Point]]:
    """Each added point with the removed one it most resembles (at least half the same words), in NEW's order.

    Results pair by what is owned: the same thing owned differently is one change.
    """
    taken: set[int] = set()
    pairs: list[tuple[_Point, _Point]] = []
    for now in added:
        best, best_score = -1, _PAIRING_THRESHOLD
        for n, was in enumerate(removed):
            if n in taken:
                continue
            score = 1.0 if now.what and was.what == now.what else similarity([was.what + was.text], [now.what + now.text])
            if score > best_score or (score == best_score and best < 0):
                best, best_score = n, score
        if best >= 0:
            taken.add(best)
            pairs.append((removed[best], now))
    return pairs


def _narrow(was: str, now: str) -> tuple[str, str]:
    """Two sentences that differ only in a number, cut to the number and what it counts.

    Where words are spaced, the number with its unit or currency ("5 years", "JPY 5,000");
    where they are not, the stretch between punctuation marks around it (「終わってから3年間」).
    Other pairs, and stretches too long to read as a phrase, stay whole.
    """
    a, b = tokens(was), tokens(now)
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    mid_a, mid_b = a[start:len(a) - end], b[start:len(b) - end]
    for mid in (mid_a, mid_b):
        words = [t for t in mid if not t.isspace()]
        if not words or len(words) > _NARROW_WORDS or not any(c.isdigit() for c in "".join(words)):
            return was, now
    after = len(a) - end  # the first token after the change, the same in both
    bare = all(_is_number(mid[-1]) for mid in (mid_a, mid_b))
    if bare and after < len(a) and _is_word(a[after]):  # "3年間": the unit follows unspaced
        left, right = start, after
        while left > 0 and (_is_word(a[left - 1]) or _is_number(a[left - 1])):
            left -= 1
        while right < len(a) and (_is_word(a[right]) or _is_number(a[right])):
            right += 1
        head, tail = "".join(a[left:start]), "".join(a[after:right])
        if len(head + tail) > _NARROW_CHARS:
            return was, now
    else:
        head = tail = ""
        code = _spaced_word(a, start - 1, -1)
        if code is not None and code[0].isascii() and code[0].isupper() and len(code[0]) > 1:
            head = "".join(a[code[1]:start])  # the currency code before an amount: "JPY 5,000"
        elif bare and (unit := _spaced_word(a, after, 1)) is not None:
            tail = "".join(a[after:unit[1] + 1])  # the unit after a number: "5 years"
        elif bare and code is not None:
            head = "".join(a[code[1]:start])  # the word a number closes: "October 2027"
    return head + "".join(mid_a) + tail, head + "".join(mid_b) + tail


def _spaced_word(toks: Sequence[str], i: int, step: int) -> tuple[str, int] | None:
    """The word one space away from `i` (towards `step`), with its index; None if no such word is there."""
    if not (0 <= i < len(toks)) or toks[i] != " ":
        return None
    i += step
    if 0 <= i < len(toks) and _is_word(toks[i]):
        return toks[i], i
    return None


def _is_word(token: str) -> bool:
    return token[:1].isalpha()


def _is_number(token: str) -> bool:
    return token[:1].isdigit() and all(c.isdigit() or c in ",." for c in token)


# --- spec values ------------------------------------------------------------------------------


def _leaves(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(JSON pointer, value) of every value: objects and lists of objects are walked, other lists are values."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, f"{path}/{str(key).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(data, list) and any(isinstance(item, (dict, list)) for item in data):
        for n, item in enumerate(data):
            yield from _leaves(item, f"{path}/{n}")
    else:
        yield path, data


def _value_changes(old: dict[str, Any], new: dict[str, Any]) -> Iterator[ValueChange]:
    before, after = dict(_leaves(old)), dict(_leaves(new))
    for path, value in after.items():
        if path not in before:
            if value is not None and value != [] and value != {}:
                yield ValueChange("added", path, None, value)
        elif before[path] != value:
            yield ValueChange("changed", path, before[path], value)
    for path, value in before.items():
        if path not in after and value is not None and value != [] and value != {}:
            yield ValueChange("removed", path, value, None)
