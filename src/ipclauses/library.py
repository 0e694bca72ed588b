"""The clause library: load, validate and render clause files.

A library is a folder of TOML files that legal staff edit (see clause_library/README.md):
- library.toml: the library's version;
- vocabulary/*.toml: categories, balance labels, party kinds, defined terms;
- variables/*.toml: every variable clause text may use, and where it comes from in the spec;
- <category>/<clause>.toml: one clause each, with its variants.

Loading validates everything and reports every problem as `file:line: key: message`.
Clause text is Jinja rendered in a sandbox with StrictUndefined: a clause file can
ask only for declared variables, and a missing value is an error, never a blank.

A firm's library (`--library DIR`) may come from a shared drive, so it is only
semi-trusted: it may fail to load, but never make ipclauses read outside its folder,
run for minutes or fill the memory. The MAX_* limits below say how.
"""

from __future__ import annotations

import difflib
import fnmatch
import hashlib
import json
import math
import operator
import os
import re
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import suppress
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, lru_cache, wraps
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, operators, optimizeconst
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import cache as user_cache
from . import formatting
from .conditions import (
    MISSING,
    ConditionTooComplex,
    OverlapBudget,
    alternatives,
    check_condition,
    describe,
    holds,
    lookup,
    overlap_between,
    path_annotation,
    who_problems,
)
from .errors import LibraryError, Problem, RenderError
from .resources import data_dir
from .safe_read import NotARegularFile, read_regular_file

LANGS = ("ja", "en")
REF_MARK = "\x00ref:{}\x00"  # control characters never survive spec validation, so this cannot collide
REF_PATTERN = re.compile(r"""ref\(\s*["']([^"']+)["']\s*\)""")
REF_MARK_PATTERN = re.compile("\x00ref:([^\x00]+)\x00")

CLAUSE_KEYS = {"id", "category", "title", "agreements", "order", "include_when", "defines", "uses", "refs", "variants", "survives"}
# How long a clause outlives the agreement (`survives`): for the confidentiality period, or
# without a time limit (ownership, licences' own terms, disputes ...). general.term lists them.
SURVIVAL = {"confidentiality_period": "surviving_with_confidentiality", "indefinitely": "surviving_indefinitely"}
# Variables assembly computes from the chosen clauses rather than from the spec: each lists the
# surviving articles as live cross-references ("Articles 9, 10 and 12"), or is unset when none.
ASSEMBLY_VARIABLES = frozenset(SURVIVAL.values())
CLAUSE_REQUIRED = {"id", "category", "title", "agreements", "order", "variants"}
VARIANT_KEYS = {"id", "when", "default", "like", "balance", "title", "text", "summary", "commentary", "effects"}
VARIANT_REQUIRED = {"id", "balance", "text", "summary", "commentary"}
LIKE_REQUIRED = {"id", "like"}  # a variant with `like` takes text, summary, balance, commentary and effects from another
INHERITED = ("balance", "text", "summary", "commentary", "effects")
# What a variant does, as the summary shows it (see clause_library/README.md, "Effects").
EFFECT_KINDS = ("owns", "may", "must", "cannot", "keeps_secret", "pays", "receives", "ends")
EFFECT_KEYS = {"kind", "who", "when", "text", "what"}
EFFECT_WHO_EACH = "each"
# Variables an effect's text has besides the declared ones: the party it concerns, the others, a list entry.
EFFECT_VARIABLES = frozenset({"party", "other", "item"})
VARIABLE_KEYS = {"from", "format", "description"}

# What a library may make ipclauses do. Each is far above what the bundled library needs.
MAX_FILE_BYTES = 1024 * 1024  # one TOML file (the largest bundled one is under 100 kB)
MAX_FOLDER_ENTRIES = 2_000  # files and folders walked in one library folder (bundled: about 120)
MAX_FOLDER_BYTES = 16 * 1024 * 1024  # all TOML files of one library folder (bundled: about 1 MB)
MAX_VARIANTS = 2_000  # in the whole library, as each costs compile time at load (bundled: about 160)
MAX_TEXT_CHARS = 5_000_000  # any text or list a template builds, and a rendered clause: over twice a whole spec (2 MiB)
MAX_WORK_CHARS = 50_000_000  # characters built or read in one rendering of one template (at most about a second)
MAX_NUMBER_BITS = 256  # numbers in clause text are days, years and amounts
MAX_LOOP_STEPS = 10_000  # loop iterations in one rendering of one template
MAX_PROBLEMS = 500  # problems listed in one LibraryError; the rest are counted
MAX_OVERLAPS_REPORTED = 10  # per clause: more means the conditions need rethinking, not a longer list
MAX_OVERLAP_STEPS = 10_000  # combinations tried, in the whole library, to check that variants exclude each other (bundled: about 230)


def _agreements() -> tuple[str, ...]:
    """The registered agreement types: a clause file may be written for any of them."""
    from .agreement_types import names

    return tuple(names())


@dataclass(frozen=True)
class Variable:
    name: str
    source: str
    format: str
    description: str


def _compiled_once(owner: object, compiled: dict[tuple[str, str], Template], kind: str, lang: str) -> Template:
    """owner.<kind>[lang] compiled, kept in `compiled` (filled at load from files, else on first use)."""
    key = (kind, lang)
    found = compiled.get(key)
    if found is None:
        source: str = getattr(owner, kind)[lang]
        found = compiled[key] = _compile(source)
    return found


@dataclass
class Effect:
    """One thing a variant does, in plain words: who it concerns, what kind of thing, and when.

    `who` is "each" (every party), a role ("licensee"), a computed fact ("@results.sole_owner"),
    a path to a party id ("jrd.costs.payer") or to each entry of a list ("jrd.roles[].party").
    """

    kind: str
    text: dict[str, str]
    who: str | None = None
    when: dict[str, Any] = field(default_factory=dict)
    what: dict[str, str] | None = None  # owns: the thing owned, for the results table
    _compiled: dict[tuple[str, str], Template] = field(default_factory=dict, repr=False, compare=False)

    def template(self, kind: str, lang: str) -> Template:
        return _compiled_once(self, self._compiled, kind, lang)

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "who": self.who, "when": self.when, "what": self.what}


@dataclass
class Variant:
    """One option of a clause, with `like` already resolved: text, summary, balance and commentary are its own."""

    id: str
    when: dict[str, Any]
    balance: str
    text: dict[str, str]
    summary: dict[str, str]
    commentary: dict[str, str]
    effects: list[Effect] = field(default_factory=list)
    uses_variables: list[str] = field(default_factory=list)  # filled at load, so a build looks up only these
    like: str | None = None  # the variant its text comes from, as the file says (for display)
    default: bool = False  # chosen when no other variant's `when` holds (a variant without `when` is the default)
    # The article's title when this variant is chosen, where its text changes what the article is about
    # (the clause's title otherwise); never taken from a `like` variant.
    title: dict[str, str] | None = None
    _compiled: dict[tuple[str, str], Template] = field(default_factory=dict, repr=False, compare=False)
    _origin: dict[str, int] = field(default_factory=dict, repr=False, compare=False)  # kind -> variant whose file text it is

    def template(self, kind: str, lang: str) -> Template:
        """The compiled text or summary template: compiled at load from files, else on first use."""
        return _compiled_once(self, self._compiled, kind, lang)


@dataclass
class Clause:
    id: str
    category: str
    title: dict[str, str]
    agreements: list[str]
    order: dict[str, int]
    include_when: dict[str, Any]
    defines: list[str]
    uses: list[str]
    refs: list[str]
    variants: list[Variant]
    source: str
    survives: str | None = None  # a key of SURVIVAL, or None: it ends with the agreement

    def applies(self, spec: Any) -> bool:
        return spec.type in self.agreements and holds(spec, self.include_when)

    def choose(self, spec: Any) -> Variant:
        """The one variant whose `when` holds, else the default; never a matter of the variants' order.

        The loader refuses two variants (neither the default) whose conditions can both hold.
        """
        fitting = [v for v in self.variants if not v.default and holds(spec, v.when)]
        if len(fitting) > 1:  # the loader's overlap check makes this impossible; never guess between them
            raise RenderError(f"clause {self.id} ({self.source}): variants {fitting[0].id!r} and {fitting[1].id!r} "
                              "both fit this spec; make their conditions exclusive")
        if fitting:
            return fitting[0]
        default = next((v for v in self.variants if v.default), None)
        if default is not None and holds(spec, default.when):
            return default
        raise RenderError(f"clause {self.id} ({self.source}): no variant fits this spec; "
                          "add a variant without `when` (or with `default = true`)")


@dataclass
class Library:
    version: str
    name: str
    clauses: dict[str, Clause]
    variables: dict[str, Variable]
    terms: dict[str, dict[str, str]]
    vocabulary: dict[str, dict[str, Any]]
    sources: list[str]
    content_sha256: str  # SHA-256 of every library file used (bundled and overlay), for provenance

    def clauses_for(self, agreement: str) -> list[Clause]:
        chosen = [c for c in self.clauses.values() if agreement in c.agreements]
        return sorted(chosen, key=lambda c: (c.order[agreement], c.id))

    def context(self, spec: Any, names: Iterable[str] | None = None) -> dict[str, Any]:
        """Declared variables' values for this spec (all, or the names given), in the spec's language."""
        out: dict[str, Any] = {}
        chosen = self.variables.values() if names is None else [self.variables[n] for n in names if n in self.variables]
        for var in chosen:
            value = lookup(spec, var.source)
            if value is MISSING:
                continue
            if var.format == "party" and isinstance(value, str):
                value = next((p for p in spec.parties if p.id == value), None)
            out[var.name] = formatting.format_value(value, var.format, spec.language)
        return out

    def render(self, template: Template, context: dict[str, Any], where: str) -> str:
        try:
            return template.render(context)
        except jinja2.UndefinedError as exc:
            raise RenderError(f"{where}: {exc.message}; the spec does not give this value") from None
        except _MissingValue as exc:
            raise RenderError(f"{where}: a value the clause needs is not set in the spec ({exc})") from None
        except jinja2.exceptions.SecurityError as exc:
            raise RenderError(f"{where}: refused by the sandbox: {exc}") from None
        except jinja2.TemplateError as exc:
            raise RenderError(f"{where}: {exc}") from None
        except (ArithmeticError, ValueError, TypeError, LookupError, RecursionError) as exc:
            # Clause text is data: its mistakes (1/0, 'a' + 1, deep recursion) are the library's, not a crash.
            raise RenderError(f"{where}: the clause text fails: {exc}") from None


class _MissingValue(Exception):
    pass


def _finalize(value: Any) -> Any:
    # A None reaching the text means the spec lacks a value the clause prints: refuse, never blank.
    if value is None:
        raise _MissingValue("empty value")
    return value


def _ref(clause_id: str) -> str:
    return REF_MARK.format(clause_id)


# --- the sandbox -------------------------------------------------------------
#
# Jinja's sandbox keeps templates away from Python internals, not from building a
# 1.5 GB string or a number with 10**8 digits. The classes below add bounds: an
# operator, filter or literal checks the size of its result before Python builds it,
# methods are limited to a few harmless ones, and each rendering has a budget of loop
# steps and of characters built or read, so no clause can run for minutes.

# Methods of plain values (str, int, list, dict) clause text may call; none makes a value larger
# (not split either: a million one-letter texts take a hundred times the memory of the text).
_SAFE_METHODS = frozenset({
    "upper", "lower", "capitalize", "title", "casefold", "swapcase", "strip", "lstrip", "rstrip",
    "startswith", "endswith", "count", "find", "rfind", "index", "rindex",
    "partition", "rpartition", "removeprefix", "removesuffix", "isdigit", "isdecimal", "isnumeric",
    "isalpha", "isalnum", "isspace", "islower", "isupper", "istitle", "keys", "values", "items", "get",
})
_PLAIN_TYPES = (str, bytes, int, float, complex, list, tuple, dict, set, frozenset)
_SAFE_FILTERS = {"upper", "lower", "capitalize", "title", "trim", "length", "join", "default", "replace", "first", "last"}
# Not divisibleby, odd or even: on a text they run `text % number`, printf-style padding of any width.
_SAFE_TESTS = {
    "defined", "undefined", "none", "boolean", "true", "false", "integer", "float", "number", "string", "sequence",
    "mapping", "iterable", "in", "sameas", "lower", "upper", "eq", "equalto", "==", "ne", "!=", "lt", "lessthan", "<",
    "le", "<=", "gt", "greaterthan", ">", "ge", ">=",
}

_T = TypeVar("_T")


def _size(value: Any, limit: int = MAX_TEXT_CHARS) -> int:
    """About how many characters `value` prints as, counted only up to just past `limit`.

    A list may hold the same long text many times; counting stops early, so this is
    never slower than building `limit` characters.
    """
    total = 0
    pending = [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, str):
            total += len(item)
        elif isinstance(item, (list, tuple)):
            total += 2 + 2 * len(item)
            pending.extend(item)
        elif isinstance(item, dict):
            total += 2 + 4 * len(item)
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 1
        else:
            total += 1
    return total


def _too_long(what: str) -> SecurityError:
    return SecurityError(f"{what} would be longer than {MAX_TEXT_CHARS:,} characters")


@dataclass
class _Budget:
    """What one rendering of one template has done so far."""

    steps: int = 0  # loop iterations
    chars: int = 0  # characters built or read by operators, filters, methods and output


_budget: ContextVar[_Budget | None] = ContextVar("ipclauses_render_budget", default=None)


def _charge(chars: int) -> None:
    budget = _budget.get()
    if budget is None:  # folding constants while compiling, or the load-time check: sizes are bounded anyway
        return
    budget.chars += chars
    if budget.chars > MAX_WORK_CHARS:
        raise SecurityError(f"the clause builds or reads more than {MAX_WORK_CHARS:,} characters in one rendering")


def _check_binop(op: str, left: Any, right: Any) -> int:
    """Refuse `left op right` when its result would be larger than clause text could need.

    Checked before Python computes the result, from the operands' sizes alone. Returns
    about how many characters the result takes (0 for a number), for the budget.
    """
    if op == "%" and isinstance(left, str):
        raise SecurityError("formatting text with % is not allowed in clause text")
    if isinstance(left, int) and isinstance(right, int):
        if op == "**" and right > 0 and abs(left) > 1:
            # |left| >= 2, so the result has at least `right` bits: test that before the logarithm.
            bits = math.inf if right > MAX_NUMBER_BITS else right * math.log2(abs(left))
        elif op == "*":
            bits = left.bit_length() + right.bit_length()
        elif op == "+":
            bits = max(left.bit_length(), right.bit_length()) + 1
        else:
            return 0
        if bits > MAX_NUMBER_BITS:
            raise SecurityError(f"a number in clause text may have at most {MAX_NUMBER_BITS} bits "
                                f"(`{op}` here would make a larger one)")
        return 0
    size = 0
    if op == "*":
        sequence, times = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(sequence, (str, list, tuple)) and isinstance(times, int):
            size = _size(sequence) * max(times, 0)
            if size > MAX_TEXT_CHARS:
                raise _too_long(f"repeating a {type(sequence).__name__} {times} times")
    elif op == "+" and isinstance(left, (str, list, tuple)) and isinstance(right, (str, list, tuple)):
        size = _size(left) + _size(right)
        if size > MAX_TEXT_CHARS:
            raise _too_long("adding these")
    return size


def _bounded_join(value: Iterable[Any], separator: Any = "") -> str:
    """The `join` filter, refusing a result longer than MAX_TEXT_CHARS before building it."""
    if _size(value) > MAX_TEXT_CHARS:
        raise _too_long("join: the list")
    items = [str(item) for item in value]
    between = str(separator)
    length = sum(map(len, items)) + len(between) * max(len(items) - 1, 0)
    if length > MAX_TEXT_CHARS:
        raise _too_long("join: the result")
    _charge(length)
    return between.join(items)


def _bounded_replace(value: Any, old: Any, new: Any, count: int | None = None) -> str:
    """The `replace` filter, refusing a result longer than MAX_TEXT_CHARS before building it."""
    if _size([value, old, new]) > MAX_TEXT_CHARS:
        raise _too_long("replace: the text")
    text, old, new = str(value), str(old), str(new)
    found = text.count(old) if old else len(text) + 1
    if count is not None:
        found = min(found, count) if count >= 0 else found
    length = len(text) + found * (len(new) - len(old))
    if length > MAX_TEXT_CHARS:
        raise _too_long("replace: the result")
    _charge(len(text) + length)
    return text.replace(old, new, -1 if count is None else count)


def _charged(original: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that charges the rendering's budget for the size of its arguments (upper reads all of them)."""
    @wraps(original)  # keeps Jinja's pass_context/pass_eval_context marks
    def charged(*args: Any, **kwargs: Any) -> Any:
        _charge(sum(_size(arg) for arg in args if isinstance(arg, (str, list, tuple, dict))))
        return original(*args, **kwargs)

    return charged


class _ClauseTemplate(jinja2.Template):
    """A template whose every rendering gets a fresh budget (see _Budget)."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        token = _budget.set(_Budget())
        try:
            rendered: str = super().render(*args, **kwargs)
            return rendered
        finally:
            _budget.reset(token)


class _ClauseCodeGenerator(CodeGenerator):
    """Compiles clause text so that loops, `~`, comparisons and literals answer to the rendering's budget."""

    def visit_For(self, node: nodes.For, frame: Frame) -> None:
        if node.recursive:
            self.fail("recursive loops are not allowed in clause text", node.lineno)
        counted = nodes.Call(nodes.EnvironmentAttribute("loop_items"), [node.iter], [], None, None, lineno=node.lineno)
        super().visit_For(nodes.For(node.target, counted, node.body, node.else_, node.test, False, lineno=node.lineno),
                          frame)

    @optimizeconst
    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")

    def visit_Operand(self, node: nodes.Operand, frame: Frame) -> None:
        # `in` and `==` read the whole text on their right: charge for it.
        self.write(f" {operators[node.op]} environment.read(")
        self.visit(node.expr, frame)
        self.write(")")

    def visit_List(self, node: nodes.List, frame: Frame) -> None:
        self.write("environment.literal(")
        super().visit_List(node, frame)
        self.write(")")

    def visit_Dict(self, node: nodes.Dict, frame: Frame) -> None:
        self.write("environment.literal(")
        super().visit_Dict(node, frame)
        self.write(")")

    def visit_Tuple(self, node: nodes.Tuple, frame: Frame) -> None:
        if node.ctx != "load":  # a loop's or {% set %}'s target, not a value
            super().visit_Tuple(node, frame)
            return
        self.write("environment.literal(")
        super().visit_Tuple(node, frame)
        self.write(")")


class _ClauseSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, bounded in memory and time as well as in reach."""

    intercepted_binops = frozenset({"+", "*", "**", "%"})
    code_generator_class = _ClauseCodeGenerator
    template_class = _ClauseTemplate

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        _charge(_check_binop(operator, left, right))
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # A method reads its whole text or list (upper, split, count): charge for it.
        _charge(_size(getattr(__obj, "__self__", None)) + sum(_size(arg) for arg in args))
        return super().call(__context, __obj, *args, **kwargs)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # ljust, center, zfill, format, join, encode, to_bytes, ... build values of any size.
        if isinstance(obj, _PLAIN_TYPES) and attr not in _SAFE_METHODS:
            return False
        return super().is_safe_attribute(obj, attr, value)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        # Jinja hands out str.format before asking is_safe_attribute: refuse it here.
        if super().wrap_str_format(value) is None:
            return None
        refused: Callable[..., str] = self.undefined("format() is not allowed in clause text", exc=SecurityError)
        return refused

    def concat(self, parts: Iterable[Any]) -> str:
        """Join rendered pieces as Jinja does, refusing a text longer than MAX_TEXT_CHARS."""
        pieces: list[str] = []
        total = 0
        for part in parts:
            if not isinstance(part, str):
                if _size(part) > MAX_TEXT_CHARS:
                    raise _too_long("the text")
                part = str(part)
            total += len(part)
            if total > MAX_TEXT_CHARS:
                raise _too_long("the text")
            pieces.append(part)
        _charge(total)
        return "".join(pieces)

    def loop_items(self, items: Iterable[_T]) -> Iterator[_T]:
        """The items of a {% for %} loop, counted against the rendering's budget."""
        budget = _budget.get()
        if budget is None:
            raise SecurityError("clause text is rendered only with Template.render, which bounds its loops")
        for item in items:
            budget.steps += 1
            if budget.steps > MAX_LOOP_STEPS:
                raise SecurityError(f"loops ran more than {MAX_LOOP_STEPS:,} times in one rendering")
            yield item

    def read(self, value: _T) -> _T:
        """A value a comparison reads, charged to the rendering's budget."""
        _charge(_size(value))
        return value

    def literal(self, value: _T) -> _T:
        """A list, tuple or dict written in the template, refused if it prints as too long a text."""
        size = _size(value)
        if size > MAX_TEXT_CHARS:
            raise _too_long("a list in clause text")
        _charge(size)
        return value


class Template(Protocol):
    def render(self, context: Mapping[str, Any], /) -> str: ...


_PLAIN_OUTPUT = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")


class _PlainTemplate:
    """A text whose only markup is {{ name }}: filled in without Jinja, with Jinja's result.

    Most clause sentences and effects are such texts, and Jinja spends most of a rendering
    setting up its context; this does the same work (a missing name or a None value is
    refused, never blank; one trailing newline is dropped) for a fifth of the time.
    """

    def __init__(self, parts: list[tuple[str, str | None]]) -> None:
        self.parts = parts

    @classmethod
    def of(cls, source: str) -> _PlainTemplate | None:
        if "\r" in source:
            return None  # Jinja normalises newlines: leave that to it
        if source.endswith("\n"):
            source = source[:-1]  # keep_trailing_newline=False
        parts: list[tuple[str, str | None]] = []
        pos = 0
        for match in _PLAIN_OUTPUT.finditer(source):
            parts.append((source[pos:match.start()], match.group(1)))
            pos = match.end()
        parts.append((source[pos:], None))
        if any(marker in literal for literal, _ in parts for marker in ("{{", "{%", "{#", "}}", "%}", "#}")):
            return None
        return cls(parts)

    def render(self, context: Mapping[str, Any], /) -> str:
        out: list[str] = []
        for literal, name in self.parts:
            out.append(literal)
            if name is None:
                continue
            if name not in context:
                raise jinja2.UndefinedError(f"'{name}' is undefined")
            value = _finalize(context[name])
            out.append(value if isinstance(value, str) else str(value))
        text = "".join(out)
        if len(text) > MAX_TEXT_CHARS:
            raise _too_long("the text")
        return text


@lru_cache(maxsize=4096)
def _compile(source: str) -> Template:
    """A template compiled once per process, shared by variants with the same text (`like`).

    Jinja's compiled code is kept in the user's cache (cache.compiled_template).
    """
    plain = _PlainTemplate.of(source)
    if plain is not None:
        return plain
    result: Template = user_cache.compiled_template(_environment(), source, "clause")
    return result


@cache
def _environment() -> _ClauseSandbox:
    env = _ClauseSandbox(
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # clause text is plain text; the DOCX writer escapes for XML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_finalize,
    )
    env.globals = {"ref": _ref}  # no range, lipsum, cycler, dict or namespace
    env.filters = {k: _charged(v) for k, v in env.filters.items() if k in _SAFE_FILTERS}
    env.filters.update(join=_bounded_join, replace=_bounded_replace)
    env.tests = {k: _charged(cast(Callable[..., Any], v)) for k, v in env.tests.items() if k in _SAFE_TESTS}
    return env


# --- static checks of a template ---------------------------------------------


def names_used(ast: nodes.Template) -> set[str]:
    """Variables a template reads and does not set itself (cheaper than jinja2.meta, which compiles)."""
    stored: set[str] = set()
    loaded: set[str] = set()
    for node in ast.find_all(nodes.Name):
        (loaded if node.ctx == "load" else stored).add(node.name)
    return loaded - stored


def _unsafe_constructs(ast: nodes.Template) -> list[str]:
    """Template features clause text never needs and a hostile library could abuse.

    The sandbox refuses these at render time too; refusing them at load time tells the
    author where, before any document is built.
    """
    problems = []
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Include, nodes.Import, nodes.FromImport,
                              nodes.Extends, nodes.Macro, nodes.CallBlock)):
        if isinstance(node, nodes.Getattr) and not node.attr.startswith("_"):
            continue
        if isinstance(node, nodes.Getitem):
            arg = node.arg
            if not (isinstance(arg, nodes.Const) and isinstance(arg.value, str) and arg.value.startswith("_")):
                continue
        what = type(node).__name__
        detail = f" ({node.attr})" if isinstance(node, nodes.Getattr) else ""
        problems.append(f"template uses {what}{detail}, which clause text may not use (only variables, if/for/set and ref())")
    return sorted(set(problems))


def _unknown_filters_and_tests(ast: nodes.Template, env: _ClauseSandbox) -> list[tuple[int, str]]:
    """Compiling finds an unknown filter only outside {% if %}; inside, Jinja waits until rendering."""
    problems = []
    for node in ast.find_all((nodes.Filter, nodes.Test)):
        known, kind = (env.filters, "filter") if isinstance(node, nodes.Filter) else (env.tests, "test")
        if node.name not in known:
            problems.append((node.lineno, f"unknown {kind} {node.name!r} (allowed: {', '.join(sorted(known))})"))
    return problems


class _NotFixed(Exception):
    """An expression that depends on the spec, so it can be judged only when rendering."""


_FIXED_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "**": operator.pow, "%": operator.mod,
}


def _fixed_value(node: nodes.Node) -> Any:
    """The value of an expression of literals only, computed within the sandbox's bounds."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, (nodes.List, nodes.Tuple)) and getattr(node, "ctx", "load") == "load":
        return _environment().literal([_fixed_value(item) for item in node.items])
    if isinstance(node, nodes.Neg):
        return -_fixed_value(node.node)
    if isinstance(node, nodes.BinExpr) and node.operator in _FIXED_BINOPS:
        left, right = _fixed_value(node.left), _fixed_value(node.right)
        _check_binop(node.operator, left, right)
        return _FIXED_BINOPS[node.operator](left, right)
    if isinstance(node, nodes.Concat):
        return _environment().concat(_fixed_value(part) for part in node.nodes)
    if isinstance(node, nodes.Filter) and node.name in ("join", "replace") and node.node is not None \
            and not node.kwargs and node.dyn_args is None and node.dyn_kwargs is None:
        bounded: Callable[..., str] = _environment().filters[node.name]
        return bounded(_fixed_value(node.node), *[_fixed_value(arg) for arg in node.args])
    raise _NotFixed


def _unbounded_constructs(ast: nodes.Template) -> list[tuple[int, str]]:
    """(template line, problem) for each size or time bomb visible without a spec.

    The sandbox refuses the same things when rendering; finding them here names the
    line before any document is built.
    """
    problems: set[tuple[int, str]] = set()
    pending: list[nodes.Node] = [ast]
    while pending:
        node = pending.pop()
        if isinstance(node, nodes.Expr):
            try:
                _fixed_value(node)
                continue  # all literals, and within bounds
            except SecurityError as exc:
                problems.add((node.lineno, str(exc)))
                continue
            except (_NotFixed, ArithmeticError, ValueError, TypeError, LookupError):
                pass  # depends on the spec, or fails in a way rendering reports: look inside
        attr = node.attr if isinstance(node, nodes.Getattr) else None
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            attr = node.arg.value
        if attr is not None and not attr.startswith("_") and attr not in _SAFE_METHODS \
                and any(hasattr(kind, attr) for kind in _PLAIN_TYPES):
            problems.add((node.lineno, f"{attr}() is not allowed in clause text"))
        if isinstance(node, nodes.Mod) and isinstance(node.left, nodes.Const) and isinstance(node.left.value, str):
            problems.add((node.lineno, "formatting text with % is not allowed in clause text"))
        if isinstance(node, nodes.Pow) and isinstance(node.right, nodes.Const) and isinstance(node.right.value, int) \
                and node.right.value > MAX_NUMBER_BITS:
            problems.add((node.lineno, f"a number in clause text may have at most {MAX_NUMBER_BITS} bits "
                                       f"(** {node.right.value} would make a larger one)"))
        pending.extend(node.iter_child_nodes())
    return sorted(problems)


@lru_cache(maxsize=4096)  # a process that loads several libraries (tests, a server) compiles shared text once
def _check_template(source: str) -> tuple[Template | None, frozenset[str], tuple[tuple[int, str], ...]]:
    """Parse, check and compile one template: (template, variables it reads, ((line, problem), ...))."""
    env = _environment()
    try:
        ast = env.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        return None, frozenset(), ((exc.lineno or 1, f"template error: {exc.message}"),)
    except RecursionError:
        return None, frozenset(), ((1, "template error: brackets or tags nested too deeply"),)
    except (ValueError, OverflowError) as exc:  # e.g. a number literal with more than 4,300 digits
        return None, frozenset(), ((1, f"template error: {exc}"),)
    names = frozenset(names_used(ast) - {"ref", "loop"})  # loop: what {% for %} provides
    try:
        problems = tuple([(1, p) for p in _unsafe_constructs(ast)] + _unknown_filters_and_tests(ast, env)
                         + _unbounded_constructs(ast))
    except RecursionError:
        problems = ((1, "template error: expressions nested too deeply"),)
    if problems:
        return None, names, problems
    try:
        # Compiling finds what only the compiler sees (recursive loops, Python's nesting limits);
        # the compiled template then serves this process's builds.
        template = env.template_class.from_code(env, env.compile(ast), env.make_globals(None), None)
    except jinja2.TemplateSyntaxError as exc:
        return None, names, ((exc.lineno or 1, f"template error: {exc.message}"),)
    except (RecursionError, SyntaxError, MemoryError):  # Python's own limits on nesting in compiled code
        return None, names, ((1, "template error: nested too deeply to compile"),)
    return _PlainTemplate.of(source) or template, names, ()


# --- reading library folders ----------------------------------------------------


@dataclass
class _Folder:
    """The TOML files of one library folder, each read once within the limits above."""

    root: Path
    files: dict[Path, bytes] = field(default_factory=dict)  # path relative to root -> content
    refused: set[Path] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def label(self, relative: Path) -> str:
        return str(Path(self.root.name) / relative)

    def refuse(self, relative: Path, message: str) -> None:
        self.refused.add(relative)
        self.problems.append(Problem(f"{self.label(relative)}:1: -", message))


class _Refused(Exception):
    pass


def _read_folder(root: Path) -> _Folder:
    """Every *.toml file under root. Links to folders are not followed; links to files only inside root."""
    folder = _Folder(root)
    real_root = os.path.realpath(root)
    walk_errors: list[OSError] = []
    entries = total = 0
    for here, dirnames, filenames in os.walk(root, onerror=walk_errors.append):
        dirnames.sort()
        entries += len(dirnames) + len(filenames)
        if entries > MAX_FOLDER_ENTRIES:
            folder.problems.append(Problem(str(root), f"holds more than {MAX_FOLDER_ENTRIES} files and folders; "
                                                      "is this the folder of clause files?"))
            break
        base = Path(here)
        for name in dirnames:
            relative = (base / name).relative_to(root)
            if (base / name).is_symlink():
                folder.refuse(relative, "is a link to a folder; links to folders are not followed (copy the folder in)")
            elif name.endswith(".toml"):
                folder.refuse(relative, "is a folder, not a clause file")
        for name in sorted(filenames):
            if not name.endswith(".toml"):
                continue
            relative = (base / name).relative_to(root)
            try:
                content = _read_library_file(base / name, real_root)
            except _Refused as exc:
                folder.refuse(relative, str(exc))
                continue
            total += len(content)
            if total > MAX_FOLDER_BYTES:
                folder.problems.append(Problem(str(root), f"its TOML files add up to more than "
                                                          f"{MAX_FOLDER_BYTES // 2**20} MiB; is this the folder of clause files?"))
                return folder
            folder.files[relative] = content
    for error in walk_errors:
        folder.problems.append(Problem(str(error.filename), f"cannot be read ({error.strerror})"))
    return folder


def _read_library_file(path: Path, real_root: str) -> bytes:
    """A library file's bytes: refuses links out of the library, anything but a plain file, and big files."""
    if path.is_symlink():
        target = os.path.realpath(path)
        if not os.path.exists(target):
            raise _Refused("is a link to nothing (a missing file, or a loop of links)")
        if not target.startswith(real_root.rstrip(os.sep) + os.sep):
            raise _Refused("is a link to a file outside the library folder; copy the file in instead")
    try:
        content = read_regular_file(path, MAX_FILE_BYTES)
    except NotARegularFile:
        raise _Refused("is not a plain file (a folder, pipe or device); a clause file is a TOML text file") from None
    except OSError as exc:
        raise _Refused(f"cannot be read ({exc.strerror})") from None
    if len(content) > MAX_FILE_BYTES:
        raise _Refused(f"is larger than {MAX_FILE_BYTES // 1024:,} KiB; a clause file is a few dozen kB")
    return content


def _content_sha256(folders: Iterable[_Folder]) -> str:
    """SHA-256 over every file of these folders: relative paths and contents, in a fixed order."""
    digest = hashlib.sha256()
    for folder in folders:
        for relative in sorted(folder.files):
            content = folder.files[relative]
            digest.update(f"{relative.as_posix()}\0{len(content)}\0".encode() + content)
        digest.update(b"\1")  # the end of one folder: the same file bundled or in an overlay hashes apart
    return digest.hexdigest()


_KEY_LINE = re.compile(r"""\s*(?:
    \[\[\s*(?P<array>[^\[\]]*?)\s*\]\]
  | \[\s*(?P<table>[^\[\]]*?)\s*\]
  | (?P<key>[A-Za-z0-9_-]+(?:\s*\.\s*[A-Za-z0-9_-]+)*|"[^"]*"|'[^']*')\s*[=.]
)""", re.VERBOSE)
_OPENS_MULTILINE = re.compile(r"""=\s*(?:'''|\"\"\")\s*$""")


class _LineIndex:
    """Where each key and table header of one TOML file is, found in one pass (for error messages)."""

    def __init__(self, raw: str):
        self._lines: dict[str, list[int]] = {}
        self._opens_multiline: set[int] = set()
        for number, line in enumerate(raw.splitlines(), 1):
            m = _KEY_LINE.match(line)
            if m is None:
                continue
            if m["array"] is not None:
                self._add(f"[[{m['array']}]]", number)
            elif m["table"] is not None:
                self._add(f"[{m['table']}]", number)
            else:
                dotted = re.sub(r"\s+", "", m["key"]).strip("\"'")
                self._add(dotted, number)
                if "." in dotted:
                    self._add(dotted.split(".")[0], number)
                if _OPENS_MULTILINE.search(line):
                    self._opens_multiline.add(number)

    def _add(self, key: str, number: int) -> None:
        self._lines.setdefault(key, []).append(number)

    def line(self, key: str, occurrence: int = 0) -> int:
        """The line of the key's `occurrence`-th appearance (`[[variants]]`, `[name]` or a key); 1 if unknown."""
        lines = self._lines.get(key, [])
        return lines[occurrence] if occurrence < len(lines) else 1

    def after(self, line: int, key: str) -> int:
        """Line of the first appearance of key at or after `line` (e.g. `like` in a variant); `line` if none."""
        lines = self._lines.get(key, [])
        at = bisect_right(lines, line - 1)
        return lines[at] if at < len(lines) else line

    def nth_after(self, line: int, key: str, n: int) -> int:
        """Line of the n-th appearance of key at or after `line` (the n-th [[variants.effects]] of a variant)."""
        lines = self._lines.get(key, [])
        at = bisect_right(lines, line - 1) + n
        return lines[at] if at < len(lines) else line

    def first(self, *keys: str) -> int:
        return next((self._lines[k][0] for k in keys if k in self._lines), 1)

    def text_start(self, after: int, *keys: str) -> int:
        """Line of the first line of text of a key after line `after` (e.g. text.ja in a variant)."""
        for key in keys:
            lines = self._lines.get(key, [])
            at = bisect_right(lines, after - 1)
            if at < len(lines):
                return lines[at] + (1 if lines[at] in self._opens_multiline else 0)
        return after


_NO_LINES = _LineIndex("")


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.count = 0  # every problem found, including those left out of the list

    def add(self, file: str, line: int, key: str, message: str) -> None:
        self.count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(f"{file}:{line}: {key}", message))

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.count += 1
            if len(self.problems) < MAX_PROBLEMS:
                self.problems.append(problem)

    def raise_if_any(self) -> None:
        if self.count:
            left_out = self.count - len(self.problems)
            more = [Problem("...", f"and {left_out} more problems")] if left_out else []
            raise LibraryError(self.problems + more)


def _read_toml(folder: _Folder, relative: Path, out: _Collector) -> tuple[dict[str, Any] | None, _LineIndex]:
    label = folder.label(relative)
    content = folder.files.get(relative)
    if content is None:
        if relative not in folder.refused:  # a refused file is reported already
            out.add(label, 1, "-", "missing: the library needs this file")
        return None, _NO_LINES
    try:
        raw = content.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        out.add(label, 1, "-", "not UTF-8 text; save the file as UTF-8")
        return None, _NO_LINES
    index = _LineIndex(raw)
    try:
        return tomllib.loads(raw), index
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        out.add(label, int(m.group(1)) if m else 1, "-", f"not valid TOML: {exc}")
    except RecursionError:
        out.add(label, 1, "-", "not valid TOML: arrays or tables nested too deeply")
    return None, index


def _bilingual(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == set(LANGS)
        and all(isinstance(v, str) and v.strip() for v in value.values())
    )


def _load_vocabulary(folder: _Folder, out: _Collector) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, str]]]:
    vocab: dict[str, dict[str, Any]] = {}
    for name in ("categories", "balance", "party_kinds"):
        data, _ = _read_toml(folder, Path("vocabulary", f"{name}.toml"), out)
        vocab[name] = data or {}
    terms: dict[str, dict[str, str]] = {}
    # Defined terms may be split over several files (terms.toml, terms-jrd.toml, ...).
    for relative in sorted(r for r in folder.files if r.parent == Path("vocabulary") and fnmatch.fnmatch(r.name, "terms*.toml")):
        label = folder.label(relative)
        terms_raw, index = _read_toml(folder, relative, out)
        for term_id, value in (terms_raw or {}).items():
            if not _bilingual(value):
                out.add(label, index.line(term_id), term_id, "a defined term needs ja and en, e.g. { ja = \"秘密情報\", en = \"Confidential Information\" }")
            elif term_id in terms:
                out.add(label, index.line(term_id), term_id, "defined term declared twice")
            else:
                terms[term_id] = value
    return vocab, terms


def _load_variables(folder: _Folder, out: _Collector) -> dict[str, Variable]:
    variables: dict[str, Variable] = {}
    for relative in sorted(r for r in folder.files if r.parent == Path("variables")):
        label = folder.label(relative)
        data, index = _read_toml(folder, relative, out)
        for name, entry in (data or {}).items():
            line = index.first(f"[{name}]", name)
            if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
                out.add(label, line, name, "variable names are lower_snake_case")
                continue
            if not isinstance(entry, dict):
                out.add(label, line, name, "must be a table with from, format and description")
                continue
            for key in set(entry) - VARIABLE_KEYS:
                out.add(label, line, f"{name}.{key}", f"unknown key (allowed: {', '.join(sorted(VARIABLE_KEYS))})")
            missing = VARIABLE_KEYS - set(entry)
            if missing:
                out.add(label, line, name, f"missing {', '.join(sorted(missing))}")
                continue
            if not all(isinstance(entry[key], str) for key in VARIABLE_KEYS):
                out.add(label, line, name, "from, format and description are each a text")
                continue
            if entry["format"] not in formatting.FORMATS:
                out.add(label, line, f"{name}.format", f"unknown format {entry['format']!r} (allowed: {', '.join(formatting.FORMATS)})")
            if not any(path_annotation(a, entry["from"])[0] for a in _agreements()):
                out.add(label, line, f"{name}.from", f"{entry['from']!r} is not a spec field or computed fact")
            if name in variables:
                out.add(label, line, name, "declared twice")
            variables[name] = Variable(name, entry["from"], entry["format"], entry["description"])
    return variables


def _clause_files(folder: _Folder) -> list[Path]:
    skip = {"vocabulary", "variables"}
    return sorted(r for r in folder.files if len(r.parts) > 1 and r.parts[0] not in skip)


def _parse_clause(relative: Path, label: str, data: dict[str, Any], index: _LineIndex,
                  vocab: dict[str, dict[str, Any]], out: _Collector, budget: OverlapBudget) -> Clause | None:
    before = out.count
    for key in sorted(set(data) - CLAUSE_KEYS):
        out.add(label, index.line(key), key, f"unknown key (allowed: {', '.join(sorted(CLAUSE_KEYS))})")
    for key in sorted(CLAUSE_REQUIRED - set(data)):
        out.add(label, 1, key, "missing")
    if out.count > before:
        return None
    cid = data["id"]
    if not isinstance(cid, str) or not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", cid):
        out.add(label, index.line("id"), "id", "must look like \"nda.purpose\" (lower case, dot-separated)")
    category = data["category"]
    if not isinstance(category, str) or category not in vocab["categories"]:
        out.add(label, index.line("category"), "category", f"unknown category {category!r} (see vocabulary/categories.toml)")
    elif category not in relative.parts[-3:-1]:  # its folder, or the folder above it
        out.add(label, index.line("category"), "category", f"file is in folder {relative.parent.name!r} but category is {category!r}")
    if not _bilingual(data["title"]):
        out.add(label, index.line("title"), "title", "needs ja and en, e.g. { ja = \"目的\", en = \"Purpose\" }")
    agreements = data["agreements"]
    if not isinstance(agreements, list) or not agreements or not all(a in _agreements() for a in agreements):
        out.add(label, index.line("agreements"), "agreements", f"a list of agreement types from {', '.join(_agreements())}")
        agreements = [a for a in agreements if a in _agreements()] if isinstance(agreements, list) else []
    order = data["order"]
    if isinstance(order, int):
        order = {a: order for a in agreements}
    if not isinstance(order, dict) or set(order) != set(agreements) or not all(isinstance(v, int) for v in order.values()):
        out.add(label, index.line("order"), "order", "a whole number, or a table with one for each agreement type")
        order = {a: 0 for a in agreements}
    include_when = data.get("include_when", {})
    for msg in check_condition(include_when, agreements or list(_agreements())):
        out.add(label, index.line("include_when"), "include_when", msg)
    lists = {}
    for key in ("defines", "uses", "refs"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            out.add(label, index.line(key), key, "a list of names")
            value = []
        lists[key] = value
    raw_variants = data["variants"]
    if not isinstance(raw_variants, list) or not raw_variants:
        out.add(label, index.line("[[variants]]"), "variants", "at least one [[variants]] table")
        raw_variants = []
    entries = _check_variants(label, index, raw_variants, agreements, vocab, out)
    variants = _resolve_likes(label, index, entries, out)
    if out.count > before:
        return None
    _check_defaults(label, index, variants, out)
    if out.count == before:  # comparing conditions only makes sense when each is well formed
        _check_overlaps(label, index, variants, agreements, include_when, out, budget)
    if out.count > before:
        return None
    survives = data.get("survives")
    if survives is not None and survives not in SURVIVAL:
        out.add(label, index.line("survives"), "survives", f"one of {', '.join(SURVIVAL)} (leave it out when the clause ends with the agreement)")
        return None
    return Clause(cid, category, data["title"], agreements, order, include_when,
                  lists["defines"], lists["uses"], lists["refs"], variants, label, survives)


def _check_variants(label: str, index: _LineIndex, raw_variants: list[Any], agreements: list[str],
                    vocab: dict[str, dict[str, Any]], out: _Collector) -> dict[str, tuple[int, dict[str, Any]]]:
    """Each [[variants]] table checked on its own: variant id -> (its number in the file, its table)."""
    entries: dict[str, tuple[int, dict[str, Any]]] = {}
    for number, entry in enumerate(raw_variants):
        line = index.line("[[variants]]", number)
        key_base = f"variants[{number}]"
        if not isinstance(entry, dict):
            out.add(label, line, key_base, "must be a table")
            continue
        for key in sorted(set(entry) - VARIANT_KEYS):
            out.add(label, line, f"{key_base}.{key}", f"unknown key (allowed: {', '.join(sorted(VARIANT_KEYS))})")
        like = entry.get("like")
        missing = (VARIANT_REQUIRED if like is None else LIKE_REQUIRED) - set(entry)
        for key in sorted(missing):
            out.add(label, line, f"{key_base}.{key}", "missing")
        if missing:
            continue
        if like is not None:
            if not isinstance(like, str):
                out.add(label, index.after(line, "like"), f"{key_base}.like", "the id of another variant of this clause, e.g. like = \"strict\"")
            if "text" in entry:
                out.add(label, index.after(line, "text"), f"{key_base}.text",
                        f"a variant with `like` takes its text from {like!r}: remove this text, or remove `like`")
        if not isinstance(entry["id"], str):
            out.add(label, line, f"{key_base}.id", "a short name such as \"strict\"")
        elif entry["id"] in entries:
            out.add(label, line, f"{key_base}.id", f"variant id {entry['id']!r} used twice")
        else:
            entries[entry["id"]] = (number, entry)
        if "default" in entry and not isinstance(entry["default"], bool):
            out.add(label, index.after(line, "default"), f"{key_base}.default", "true or false")
        elif entry.get("default") is False and not entry.get("when"):
            out.add(label, index.after(line, "default"), f"{key_base}.default",
                    "a variant without `when` always fits, so it is the default: give it a `when`, or remove `default = false`")
        if "balance" in entry and (not isinstance(entry["balance"], str) or entry["balance"] not in vocab["balance"]):
            out.add(label, line, f"{key_base}.balance", f"unknown balance label {entry['balance']!r} (see vocabulary/balance.toml)")
        for key in ("title", "text", "summary", "commentary"):
            if key in entry and not _bilingual(entry[key]):
                out.add(label, line, f"{key_base}.{key}", "needs non-empty ja and en")
        for msg in check_condition(entry.get("when", {}), agreements or list(_agreements())):
            out.add(label, line, f"{key_base}.when", msg)
        if "effects" in entry:
            entry["effects"] = _parse_effects(label, index, line, key_base, entry["effects"], agreements, out)
    return entries


def _parse_effects(label: str, index: _LineIndex, line: int, key_base: str, raw: Any, agreements: list[str],
                   out: _Collector) -> list[Effect]:
    """A variant's [[variants.effects]] tables, each checked: what it is, whom it concerns, when it holds."""
    if not isinstance(raw, list):
        out.add(label, line, f"{key_base}.effects", "a list of [[variants.effects]] tables")
        return []
    effects = []
    for number, item in enumerate(raw):
        key = f"{key_base}.effects[{number}]"
        where = index.nth_after(line, "[[variants.effects]]", number)
        if not isinstance(item, dict):
            out.add(label, where, key, "must be a table")
            continue
        bad = False
        for name in sorted(set(item) - EFFECT_KEYS):
            out.add(label, where, f"{key}.{name}", f"unknown key (allowed: {', '.join(sorted(EFFECT_KEYS))})")
            bad = True
        kind = item.get("kind")
        if kind not in EFFECT_KINDS:
            out.add(label, where, f"{key}.kind", f"one of {', '.join(EFFECT_KINDS)}")
            bad = True
        if not _bilingual(item.get("text")):
            out.add(label, where, f"{key}.text", "needs non-empty ja and en, the effect in plain words")
            bad = True
        if kind == "owns" and not _bilingual(item.get("what")):
            out.add(label, where, f"{key}.what", "an `owns` effect needs `what` in ja and en: the thing owned")
            bad = True
        elif kind != "owns" and "what" in item:
            out.add(label, where, f"{key}.what", "only an `owns` effect has `what`")
            bad = True
        who = item.get("who")
        if who is None and kind in ("may", "must", "cannot"):
            out.add(label, where, f"{key}.who", f"a `{kind}` effect needs `who`: the party it concerns")
            bad = True
        elif who is not None:
            for msg in who_problems(who, agreements or list(_agreements())):
                out.add(label, where, f"{key}.who", msg)
                bad = True
        for msg in check_condition(item.get("when", {}), agreements or list(_agreements())):
            out.add(label, where, f"{key}.when", msg)
            bad = True
        if not bad:
            effects.append(Effect(str(kind), item["text"], who, item.get("when", {}), item.get("what")))
    return effects


def _resolve_likes(label: str, index: _LineIndex, entries: dict[str, tuple[int, dict[str, Any]]],
                   out: _Collector) -> list[Variant]:
    """Variants in file order, each with the text, summary, balance and commentary `like` gives it."""
    variants = []
    for variant_id, (number, entry) in sorted(entries.items(), key=lambda item: item[1][0]):
        fields = {key: entry[key] for key in INHERITED if key in entry}
        origin = {key: number for key in fields}
        chain = [variant_id]
        current = entry
        while isinstance(current.get("like"), str):
            target = current["like"]
            if target not in entries:
                if len(chain) == 1:  # reported once, by the variant that names it
                    known = ", ".join(sorted(entries))
                    out.add(label, index.after(index.line("[[variants]]", number), "like"), f"variants[{number}].like",
                            f"no variant {target!r} in this clause{_close(target, entries)} (variants: {known})")
                break
            if target in chain:
                if target == variant_id:  # reported by each variant of the circle
                    out.add(label, index.after(index.line("[[variants]]", number), "like"), f"variants[{number}].like",
                            f"`like` goes round in a circle: {' -> '.join([*chain, target])}; one of them must have its own text")
                break
            chain.append(target)
            target_number, current = entries[target]
            for key in INHERITED:
                if key not in fields and key in current:
                    fields[key] = current[key]
                    origin[key] = target_number
        if set(fields) | {"effects"} != set(INHERITED):
            continue  # a broken `like`, reported above
        variant = Variant(variant_id, entry.get("when", {}), fields["balance"], fields["text"], fields["summary"],
                          fields["commentary"], effects=list(fields.get("effects", [])), like=entry.get("like"),
                          default=entry.get("default") is True, title=entry.get("title"))
        variant._origin = origin
        variants.append(variant)
    return variants


def _check_defaults(label: str, index: _LineIndex, variants: list[Variant], out: _Collector) -> None:
    """At most one default: the variant marked `default = true`, or the one that leaves out `when`."""
    defaults = []
    for number, variant in enumerate(variants):
        if not variant.when:
            variant.default = True
        if variant.default:
            defaults.append((number, variant))
    for number, variant in defaults[1:]:
        first_number, first = defaults[0]
        out.add(label, index.line("[[variants]]", number), f"variants[{number}]",
                f"{first.id!r} (line {index.line('[[variants]]', first_number)}) and {variant.id!r} are both the default "
                "(a variant is the default when it has `default = true` or no `when`); at most one variant may be chosen "
                "when no other fits")


def _check_overlaps(label: str, index: _LineIndex, variants: list[Variant], agreements: list[str],
                    include_when: dict[str, Any], out: _Collector, budget: OverlapBudget) -> None:
    """Refuse two variants, neither the default, whose `when`s can hold for the same spec."""
    contenders = [(number, v) for number, v in enumerate(variants) if not v.default]
    reported = 0
    try:
        include = alternatives(include_when)
        terms = {number: alternatives(v.when) for number, v in contenders}
        for at, (first_number, first) in enumerate(contenders):
            for number, variant in contenders[at + 1:]:
                found = overlap_between(agreements, include, terms[first_number], terms[number], budget)
                if found is None:
                    continue
                reported += 1
                if reported > MAX_OVERLAPS_REPORTED:
                    out.add(label, index.line("[[variants]]"), "variants",
                            f"more than {MAX_OVERLAPS_REPORTED} pairs of variants overlap; fix those above first")
                    return
                agreement, example = found
                out.add(label, index.line("[[variants]]", number), f"variants[{number}].when",
                        f"{variant.id!r} and {first.id!r} (line {index.line('[[variants]]', first_number)}) both hold "
                        f"when {describe({'type': agreement, **example})}: make their conditions exclusive, "
                        "or mark the one to choose when no other fits `default = true`")
    except ConditionTooComplex as exc:
        out.add(label, index.line("[[variants]]"), "variants", f"the variants' conditions are too complex to compare: {exc}")


def _check_templates(lib: Library, indexes: dict[str, _LineIndex], out: _Collector) -> None:
    """Compile every text and summary; check variables, references and defined terms."""
    for clause in lib.clauses.values():
        index = indexes.get(clause.id, _NO_LINES)
        for number, variant in enumerate(clause.variants):
            used: set[str] = set()
            for kind in ("text", "summary"):
                written = variant._origin.get(kind, number)  # the variant whose table holds this text
                header = index.line("[[variants]]", written)
                for lang in LANGS:
                    key = f"variants[{written}].{kind}.{lang}"
                    start = index.text_start(header, f"{kind}.{lang}", kind)
                    source = getattr(variant, kind)[lang]
                    template, names, problems = _check_template(source)
                    if template is not None:
                        variant._compiled[(kind, lang)] = template
                    used |= names
                    if written != number:
                        continue  # text taken with `like`: checked, and any problem reported, where it is written
                    for lineno, problem in problems:
                        out.add(clause.source, start + lineno - 1, key, problem)
                    _check_variables(lib, clause, names - ASSEMBLY_VARIABLES, start, key, out)
                    for target in REF_PATTERN.findall(source):
                        if target not in clause.refs:
                            out.add(clause.source, start, key, f"ref({target!r}) is not listed in refs")
            if variant._origin.get("effects", number) == number:  # effects taken with `like` are checked where written
                used |= _check_effects(lib, clause, index, number, variant, out)
            else:
                used |= {n for e in variant.effects for n in _effect_names(e)}
            variant.uses_variables = sorted(used - EFFECT_VARIABLES - ASSEMBLY_VARIABLES)
        for target in clause.refs:
            other = lib.clauses.get(target)
            if other is None:
                out.add(clause.source, index.line("refs"), "refs", f"unknown clause id {target!r}{_close(target, lib.clauses)}")
            else:
                missing = [a for a in clause.agreements if a not in other.agreements]
                if missing:
                    out.add(clause.source, index.line("refs"), "refs", f"{target} is not part of {', '.join(missing)} agreements")
        for key in ("defines", "uses"):
            for term in getattr(clause, key):
                if term not in lib.terms:
                    out.add(clause.source, index.line(key), key, f"unknown defined term {term!r} (add it to vocabulary/terms.toml){_close(term, lib.terms)}")


def _effect_names(effect: Effect) -> set[str]:
    names: set[str] = set()
    for kind in ("text", "what"):
        for lang in LANGS if getattr(effect, kind) else ():
            names |= _check_template(getattr(effect, kind)[lang])[1]
    return names


def _check_effects(lib: Library, clause: Clause, index: _LineIndex, number: int, variant: Variant, out: _Collector) -> set[str]:
    """Compile each effect's text; check its variables. Returns the declared variables the effects use."""
    used: set[str] = set()
    header = index.line("[[variants]]", number)
    for at, effect in enumerate(variant.effects):
        line = index.nth_after(header, "[[variants.effects]]", at)
        key_base = f"variants[{number}].effects[{at}]"
        for kind in ("text", "what"):
            if getattr(effect, kind) is None:
                continue
            for lang in LANGS:
                key = f"{key_base}.{kind}.{lang}"
                source = getattr(effect, kind)[lang]
                template, names, problems = _check_template(source)
                if template is not None:
                    effect._compiled[(kind, lang)] = template
                for lineno, problem in problems:
                    out.add(clause.source, line + lineno - 1, key, problem)
                if REF_PATTERN.search(source):
                    out.add(clause.source, line, key, "an effect names no article: the summary adds the one that binds")
                used |= _check_variables(lib, clause, names - EFFECT_VARIABLES, line, key, out)
    return used


def _check_variables(lib: Library, clause: Clause, names: Iterable[str], line: int, key: str, out: _Collector) -> set[str]:
    """Each variable a text reads is declared and exists for every agreement type of the clause; returns the declared ones."""
    declared = set()
    for name in sorted(names):
        var = lib.variables.get(name)
        if var is None:
            out.add(clause.source, line, key, f"variable {name!r} is not declared in variables/*.toml{_close(name, lib.variables)}")
            continue
        declared.add(name)
        for agreement in clause.agreements:
            if not path_annotation(agreement, var.source)[0]:
                out.add(clause.source, line, key, f"variable {name!r} ({var.source}) does not exist in a {agreement} spec")
    return declared


def _close(name: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(name, list(known), n=1, cutoff=0.7)
    return f" (did you mean {match[0]!r}?)" if match else ""


# --- loading, with a cache --------------------------------------------------------


def load_library(extra: str | Path | None = None) -> Library:
    """Load the bundled clause library, layering a firm's own folder of clause files over it.

    Clauses in `extra` replace bundled clauses with the same id or add new ones. Raises
    `LibraryError` listing every problem found.
    """
    if extra is None:
        return _load(None)
    folder = Path(extra)
    with suppress(OSError, RuntimeError):  # a loop of links: reported just below as not a folder
        folder = folder.resolve()
    if not folder.is_dir():
        found = "it is a file" if folder.exists() else "nothing is there"
        raise LibraryError([Problem(str(extra), f"is not a folder of clause files (check the path): {found}")])
    return _load(str(folder))


@cache
def _load(extra: str | None) -> Library:
    """Load a validated library: from the cache when no file changed, else from the files."""
    folders = [_read_folder(data_dir("clause_library"))] + ([_read_folder(Path(extra))] if extra is not None else [])
    content_sha256 = _content_sha256(folders)
    entry = None
    if not any(f.problems for f in folders):  # a library with unreadable files is reported, never cached
        entry = _cache_entry(content_sha256)
    if entry is not None:
        cached = _read_cache(entry, content_sha256)
        if cached is not None:
            return cached
    lib = _load_files(folders, content_sha256)
    if entry is not None:
        _write_cache(entry, lib)
    return lib


def _load_files(folders: list[_Folder], content_sha256: str) -> Library:
    bundled = folders[0]
    out = _Collector()
    for folder in folders:
        out.extend(folder.problems)
    meta, _ = _read_toml(bundled, Path("library.toml"), out)
    vocab, terms = _load_vocabulary(bundled, out)
    variables = _load_variables(bundled, out)
    version = str((meta or {}).get("version", "0"))
    name = "ipclauses"
    if len(folders) > 1:
        name, version = _overlay_version(folders[1], version, out)
    clauses: dict[str, Clause] = {}
    owner: dict[str, int] = {}  # clause id -> which folder it came from
    indexes: dict[str, _LineIndex] = {}
    budget = OverlapBudget(MAX_OVERLAP_STEPS)
    for number, folder in enumerate(folders):
        files = _clause_files(folder)
        if number > 0 and not files:
            out.add(str(folder.root), 1, "-", "holds no clause files (<category>/<clause>.toml)")
        for relative in files:
            label = folder.label(relative)
            data, index = _read_toml(folder, relative, out)
            if data is None:
                continue
            try:
                clause = _parse_clause(relative, label, data, index, vocab, out, budget)
            except RecursionError:
                out.add(label, 1, "-", "conditions nested too deeply")
                continue
            if clause is None:
                continue
            if owner.get(clause.id) == number:
                out.add(label, index.line("id"), "id", f"clause id {clause.id!r} is also used by {clauses[clause.id].source}")
            clauses[clause.id] = clause
            owner[clause.id] = number
            indexes[clause.id] = index
    variant_count = sum(len(c.variants) for c in clauses.values())
    if variant_count > MAX_VARIANTS:
        out.add(str(folders[-1].root), 1, "-", f"the library has {variant_count} variants; at most {MAX_VARIANTS} are allowed")
        out.raise_if_any()  # before compiling them all, which would take minutes
    lib = Library(version, name, clauses, variables, terms, vocab, [str(f.root) for f in folders], content_sha256)
    _check_templates(lib, indexes, out)
    out.raise_if_any()
    return lib


_DECLARED = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


def _overlay_version(overlay: _Folder, base_version: str, out: _Collector) -> tuple[str, str]:
    """(name, version) of the bundled library with an overlay: its declared name and version, else its content hash.

    Never the folder's name, which says nothing about the clauses in it.
    """
    declared: dict[str, Any] = {}
    if Path("library.toml") in overlay.files:
        data, index = _read_toml(overlay, Path("library.toml"), out)
        declared = data or {}
        for key in ("name", "version"):
            value = declared.get(key)
            if value is not None and not (isinstance(value, str) and _DECLARED.fullmatch(value)):
                out.add(overlay.label(Path("library.toml")), index.line(key), key,
                        "letters, digits, '.', '_' or '-' (at most 64), e.g. \"2025.1\"")
                declared.pop(key)
    name = declared.get("name")
    overlay_version = declared.get("version") or _content_sha256([overlay])[:12]
    return name or "ipclauses", f"{base_version}+{name or 'overlay'}-{overlay_version}"


def _cache_dir() -> Path | None:
    return user_cache.folder()


def _cache_entry(content_sha256: str) -> Path | None:
    """Where the validated library for this content and this version of the loader is cached."""
    from . import __version__

    return user_cache.entry("library", __version__, str(_CACHE_FORMAT), content_sha256)


_CACHE_FORMAT = 6  # 5: variants carry their effects; 6: clauses say whether they survive
_CACHE_KEEP = 20


def _read_cache(entry: Path, content_sha256: str) -> Library | None:
    payload = user_cache.read(entry, "library")
    if payload is None:
        return None
    try:
        lib = _from_json(payload.decode("utf-8"))
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    return lib if lib.content_sha256 == content_sha256 else None


def _write_cache(entry: Path, lib: Library) -> None:
    user_cache.write(entry, "library", _to_json(lib).encode("utf-8"), _CACHE_KEEP)


def _to_json(lib: Library) -> str:
    data = {
        "version": lib.version, "name": lib.name, "terms": lib.terms, "vocabulary": lib.vocabulary,
        "sources": lib.sources, "content_sha256": lib.content_sha256,
        "variables": [[v.name, v.source, v.format, v.description] for v in lib.variables.values()],
        "clauses": [
            {**{k: getattr(c, k) for k in ("id", "category", "title", "agreements", "order", "include_when",
                                             "defines", "uses", "refs", "source", "survives")},
             "variants": [{**{k: getattr(v, k) for k in ("id", "when", "balance", "text", "summary", "commentary", "uses_variables",
                                                          "like", "default", "title")},
                           "effects": [e.as_dict() for e in v.effects]}
                          for v in c.variants]}
            for c in lib.clauses.values()
        ],
    }
    return json.dumps(data, ensure_ascii=False)


def _from_json(text: str) -> Library:
    data = json.loads(text)
    clauses = {}
    for c in data["clauses"]:
        variants = [Variant(**{**v, "effects": [Effect(**e) for e in v["effects"]]}) for v in c.pop("variants")]
        clauses[c["id"]] = Clause(**c, variants=variants)
    variables = {v[0]: Variable(*v) for v in data["variables"]}
    return Library(data["version"], data["name"], clauses, variables, data["terms"], data["vocabulary"], data["sources"],
                   data["content_sha256"])
