"""The clause library: load, validate and render clause files.

A library is a folder of TOML files that legal staff edit (see clause_library/README.md):
- library.toml: the library's version;
- vocabulary/*.toml: categories, balance labels, party kinds, defined terms;
- variables/*.toml: every variable clause text may use, and where it comes from in the spec;
- <category>/<clause>.toml: one clause each, with its variants.

Loading validates everything and reports every problem as `file:line: key: message`.
Clause text is Jinja rendered in a sandbox with StrictUndefined: a clause file can
ask only for declared variables, and a missing value is an error, never a blank.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from . import formatting
from .conditions import MISSING, check_condition, holds, lookup, path_annotation
from .errors import LibraryError, Problem, RenderError
from .resources import data_dir

AGREEMENTS = ("nda", "poc", "jrd", "license")
LANGS = ("ja", "en")
REF_MARK = "\x00ref:{}\x00"  # control characters never survive spec validation, so this cannot collide
REF_PATTERN = re.compile(r"""ref\(\s*["']([^"']+)["']\s*\)""")
REF_MARK_PATTERN = re.compile("\x00ref:([^\x00]+)\x00")

CLAUSE_KEYS = {"id", "category", "title", "agreements", "order", "include_when", "defines", "uses", "refs", "variants"}
CLAUSE_REQUIRED = {"id", "category", "title", "agreements", "order", "variants"}
VARIANT_KEYS = {"id", "when", "balance", "text", "summary", "commentary"}
VARIANT_REQUIRED = {"id", "balance", "text", "summary", "commentary"}
VARIABLE_KEYS = {"from", "format", "description"}


@dataclass(frozen=True)
class Variable:
    name: str
    source: str
    format: str
    description: str


@dataclass
class Variant:
    id: str
    when: dict
    balance: str
    text: dict[str, str]
    summary: dict[str, str]
    commentary: dict[str, str]
    uses_variables: list[str] = field(default_factory=list)  # filled at load, so a build looks up only these
    _compiled: dict = field(default_factory=dict, repr=False, compare=False)

    def template(self, kind: str, lang: str) -> jinja2.Template:
        """The compiled text or summary template, compiled on first use (most builds need few)."""
        key = (kind, lang)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = _environment().from_string(getattr(self, kind)[lang])
        return compiled


@dataclass
class Clause:
    id: str
    category: str
    title: dict[str, str]
    agreements: list[str]
    order: dict[str, int]
    include_when: dict
    defines: list[str]
    uses: list[str]
    refs: list[str]
    variants: list[Variant]
    source: str

    def applies(self, spec) -> bool:
        return spec.type in self.agreements and holds(spec, self.include_when)

    def choose(self, spec) -> Variant:
        """The first variant whose condition holds (a variant without `when` always holds)."""
        for variant in self.variants:
            if holds(spec, variant.when):
                return variant
        raise RenderError(f"clause {self.id} ({self.source}): no variant fits this spec; add a variant without `when`")


@dataclass
class Library:
    version: str
    name: str
    clauses: dict[str, Clause]
    variables: dict[str, Variable]
    terms: dict[str, dict[str, str]]
    vocabulary: dict[str, dict[str, dict]]
    sources: list[str]

    def clauses_for(self, agreement: str) -> list[Clause]:
        chosen = [c for c in self.clauses.values() if agreement in c.agreements]
        return sorted(chosen, key=lambda c: (c.order[agreement], c.id))

    def context(self, spec, names=None) -> dict[str, Any]:
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

    def render(self, template: jinja2.Template, context: dict, where: str) -> str:
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


class _MissingValue(Exception):
    pass


def _finalize(value):
    # A None reaching the text means the spec lacks a value the clause prints: refuse, never blank.
    if value is None:
        raise _MissingValue("empty value")
    return value


def _ref(clause_id: str) -> str:
    return REF_MARK.format(clause_id)


@cache
def _environment() -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # clause text is plain text; the DOCX writer escapes for XML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        finalize=_finalize,
    )
    env.globals = {"ref": _ref}
    env.filters = {k: v for k, v in env.filters.items() if k in _SAFE_FILTERS}
    return env


_SAFE_FILTERS = {"upper", "lower", "capitalize", "title", "trim", "length", "join", "default", "replace", "first", "last"}


# --- loading ---------------------------------------------------------------


def _line_of(raw: str, key: str, occurrence: int = 0) -> int:
    """Best-effort line of a key (or `[[variants]]` header) in a TOML file, for error messages."""
    pattern = re.compile(r"^\s*(\[\[\s*variants\s*\]\])" if key == "[[variants]]" else rf"^\s*{re.escape(key)}\s*[=.]")
    seen = 0
    for number, line in enumerate(raw.splitlines(), 1):
        if pattern.match(line):
            if seen == occurrence:
                return number
            seen += 1
    return 1


class _Collector:
    def __init__(self):
        self.problems: list[Problem] = []

    def add(self, file: str, line: int, key: str, message: str):
        self.problems.append(Problem(f"{file}:{line}: {key}", message))


def _read_toml(path: Path, label: str, out: _Collector) -> tuple[dict | None, str]:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        out.add(label, 1, "-", "not UTF-8 text; save the file as UTF-8")
        return None, ""
    try:
        return tomllib.loads(raw), raw
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        out.add(label, int(m.group(1)) if m else 1, "-", f"not valid TOML: {exc}")
        return None, raw


def _bilingual(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == set(LANGS)
        and all(isinstance(v, str) and v.strip() for v in value.values())
    )


def _load_vocabulary(root: Path, out: _Collector) -> tuple[dict, dict[str, dict[str, str]]]:
    vocab: dict[str, dict[str, dict]] = {}
    for name in ("categories", "balance", "party_kinds"):
        path = root / "vocabulary" / f"{name}.toml"
        data, _ = _read_toml(path, _label(root, path), out)
        vocab[name] = data or {}
    terms: dict[str, dict[str, str]] = {}
    # Defined terms may be split over several files (terms.toml, terms-jrd.toml, ...).
    for terms_path in sorted((root / "vocabulary").glob("terms*.toml")):
        label = _label(root, terms_path)
        terms_raw, raw = _read_toml(terms_path, label, out)
        for term_id, value in (terms_raw or {}).items():
            if not _bilingual(value):
                out.add(label, _line_of(raw, term_id), term_id, "a defined term needs ja and en, e.g. { ja = \"秘密情報\", en = \"Confidential Information\" }")
            elif term_id in terms:
                out.add(label, _line_of(raw, term_id), term_id, "defined term declared twice")
            else:
                terms[term_id] = value
    return vocab, terms


def _label(root: Path, path: Path) -> str:
    try:
        return str(Path(root.name) / path.relative_to(root))
    except ValueError:
        return str(path)


def _load_variables(root: Path, out: _Collector) -> dict[str, Variable]:
    variables: dict[str, Variable] = {}
    for path in sorted((root / "variables").glob("*.toml")):
        label = _label(root, path)
        data, raw = _read_toml(path, label, out)
        for name, entry in (data or {}).items():
            line = _line_of(raw, f"[{name}]") if f"[{name}]" in raw else _line_of(raw, name)
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
            if entry["format"] not in formatting.FORMATS:
                out.add(label, line, f"{name}.format", f"unknown format {entry['format']!r} (allowed: {', '.join(formatting.FORMATS)})")
            if not any(path_annotation(a, entry["from"])[0] for a in AGREEMENTS):
                out.add(label, line, f"{name}.from", f"{entry['from']!r} is not a spec field or computed fact")
            if name in variables:
                out.add(label, line, name, "declared twice")
            variables[name] = Variable(name, entry["from"], entry["format"], entry["description"])
    return variables


def _clause_files(root: Path) -> list[Path]:
    skip = {"vocabulary", "variables"}
    return sorted(
        p for p in root.rglob("*.toml")
        if p.parent != root and p.relative_to(root).parts[0] not in skip
    )


def _parse_clause(path: Path, label: str, data: dict, raw: str, vocab: dict, out: _Collector) -> Clause | None:
    before = len(out.problems)
    for key in sorted(set(data) - CLAUSE_KEYS):
        out.add(label, _line_of(raw, key), key, f"unknown key (allowed: {', '.join(sorted(CLAUSE_KEYS))})")
    for key in sorted(CLAUSE_REQUIRED - set(data)):
        out.add(label, 1, key, "missing")
    if len(out.problems) > before:
        return None
    cid = data["id"]
    if not isinstance(cid, str) or not re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", cid):
        out.add(label, _line_of(raw, "id"), "id", "must look like \"nda.purpose\" (lower case, dot-separated)")
    if data["category"] not in vocab["categories"]:
        out.add(label, _line_of(raw, "category"), "category", f"unknown category {data['category']!r} (see vocabulary/categories.toml)")
    elif path.parent.name != data["category"] and path.parent.parent.name != data["category"]:
        out.add(label, _line_of(raw, "category"), "category", f"file is in folder {path.parent.name!r} but category is {data['category']!r}")
    if not _bilingual(data["title"]):
        out.add(label, _line_of(raw, "title"), "title", "needs ja and en, e.g. { ja = \"目的\", en = \"Purpose\" }")
    agreements = data["agreements"]
    if not isinstance(agreements, list) or not agreements or not set(agreements) <= set(AGREEMENTS):
        out.add(label, _line_of(raw, "agreements"), "agreements", f"a list of agreement types from {', '.join(AGREEMENTS)}")
        agreements = [a for a in agreements if a in AGREEMENTS] if isinstance(agreements, list) else []
    order = data["order"]
    if isinstance(order, int):
        order = {a: order for a in agreements}
    if not isinstance(order, dict) or set(order) != set(agreements) or not all(isinstance(v, int) for v in order.values()):
        out.add(label, _line_of(raw, "order"), "order", "a whole number, or a table with one for each agreement type")
        order = {a: 0 for a in agreements}
    include_when = data.get("include_when", {})
    for msg in check_condition(include_when, agreements or list(AGREEMENTS)):
        out.add(label, _line_of(raw, "include_when"), "include_when", msg)
    lists = {}
    for key in ("defines", "uses", "refs"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            out.add(label, _line_of(raw, key), key, "a list of names")
            value = []
        lists[key] = value
    variants = []
    raw_variants = data["variants"]
    if not isinstance(raw_variants, list) or not raw_variants:
        out.add(label, _line_of(raw, "[[variants]]"), "variants", "at least one [[variants]] table")
        raw_variants = []
    seen_ids = set()
    for index, entry in enumerate(raw_variants):
        line = _line_of(raw, "[[variants]]", index)
        key_base = f"variants[{index}]"
        if not isinstance(entry, dict):
            out.add(label, line, key_base, "must be a table")
            continue
        for key in sorted(set(entry) - VARIANT_KEYS):
            out.add(label, line, f"{key_base}.{key}", f"unknown key (allowed: {', '.join(sorted(VARIANT_KEYS))})")
        missing = VARIANT_REQUIRED - set(entry)
        for key in sorted(missing):
            out.add(label, line, f"{key_base}.{key}", "missing")
        if missing:
            continue
        if entry["id"] in seen_ids:
            out.add(label, line, f"{key_base}.id", f"variant id {entry['id']!r} used twice")
        seen_ids.add(entry["id"])
        if entry["balance"] not in vocab["balance"]:
            out.add(label, line, f"{key_base}.balance", f"unknown balance label {entry['balance']!r} (see vocabulary/balance.toml)")
        for key in ("text", "summary", "commentary"):
            if not _bilingual(entry[key]):
                out.add(label, line, f"{key_base}.{key}", "needs non-empty ja and en")
        when = entry.get("when", {})
        for msg in check_condition(when, agreements or list(AGREEMENTS)):
            out.add(label, line, f"{key_base}.when", msg)
        variants.append(
            Variant(entry["id"], when, entry["balance"], entry["text"], entry["summary"], entry["commentary"])
        )
    if variants and any(not v.when for v in variants[:-1]):
        out.add(label, 1, "variants", "only the last variant may leave out `when` (variants after it could never be chosen)")
    if len(out.problems) > before:
        return None
    return Clause(cid, data["category"], data["title"], agreements, order, include_when,
                  lists["defines"], lists["uses"], lists["refs"], variants, label)


def _compile(lib: Library, env: ImmutableSandboxedEnvironment, raw_by_clause: dict[str, str], out: _Collector):
    """Compile every text and summary; check variables, references and defined terms."""
    for clause in lib.clauses.values():
        raw = raw_by_clause.get(clause.id, "")
        for index, variant in enumerate(clause.variants):
            line = _line_of(raw, "[[variants]]", index)
            used: set[str] = set()
            for kind in ("text", "summary"):
                for lang in LANGS:
                    key = f"variants[{index}].{kind}.{lang}"
                    source = getattr(variant, kind)[lang]
                    try:
                        ast = env.parse(source)  # checked here; compiled only when a build needs it
                    except jinja2.TemplateSyntaxError as exc:
                        out.add(clause.source, line + (exc.lineno or 1), key, f"template error: {exc.message}")
                        continue
                    for problem in _unsafe_constructs(ast):
                        out.add(clause.source, line, key, problem)
                    used |= names_used(ast) - {"ref"}
                    for name in sorted(names_used(ast) - {"ref"}):
                        var = lib.variables.get(name)
                        if var is None:
                            close = _close(name, lib.variables)
                            out.add(clause.source, line, key, f"variable {name!r} is not declared in variables/*.toml{close}")
                        else:
                            for agreement in clause.agreements:
                                if not path_annotation(agreement, var.source)[0]:
                                    out.add(clause.source, line, key, f"variable {name!r} ({var.source}) does not exist in a {agreement} spec")
                    for target in REF_PATTERN.findall(source):
                        if target not in clause.refs:
                            out.add(clause.source, line, key, f"ref({target!r}) is not listed in refs")
            variant.uses_variables = sorted(used)
        for target in clause.refs:
            other = lib.clauses.get(target)
            if other is None:
                out.add(clause.source, _line_of(raw, "refs"), "refs", f"unknown clause id {target!r}{_close(target, lib.clauses)}")
            else:
                missing = [a for a in clause.agreements if a not in other.agreements]
                if missing:
                    out.add(clause.source, _line_of(raw, "refs"), "refs", f"{target} is not part of {', '.join(missing)} agreements")
        for key in ("defines", "uses"):
            for term in getattr(clause, key):
                if term not in lib.terms:
                    out.add(clause.source, _line_of(raw, key), key, f"unknown defined term {term!r} (add it to vocabulary/terms.toml){_close(term, lib.terms)}")


def names_used(ast) -> set[str]:
    """Variables a template reads and does not set itself (cheaper than jinja2.meta, which compiles)."""
    from jinja2 import nodes

    stored, loaded = set(), set()
    for node in ast.find_all(nodes.Name):
        (loaded if node.ctx == "load" else stored).add(node.name)
    return loaded - stored


def _unsafe_constructs(ast) -> list[str]:
    """Template features clause text never needs and a hostile library could abuse.

    The sandbox refuses these at render time too; refusing them at load time tells the
    author where, before any document is built.
    """
    from jinja2 import nodes

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


def _close(name: str, known) -> str:
    import difflib

    match = difflib.get_close_matches(name, list(known), n=1, cutoff=0.7)
    return f" (did you mean {match[0]!r}?)" if match else ""


def load_library(extra: str | Path | None = None) -> Library:
    """Load the bundled clause library, layering a firm's own folder of clause files over it.

    Clauses in `extra` replace bundled clauses with the same id or add new ones. Raises
    `LibraryError` listing every problem found.
    """
    return _load(str(Path(extra).resolve()) if extra is not None else None)


def _cache_dir() -> Path | None:
    if os.environ.get("IPCLAUSES_NO_CACHE"):
        return None
    base = os.environ.get("IPCLAUSES_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "ipclauses"
    )
    return Path(base)


def _fingerprint(roots: list[Path]) -> str:
    """Hash of every file of the library (content, not times) and of the loader's own version."""
    from . import __version__

    digest = hashlib.sha256(f"{__version__}\n{_CACHE_FORMAT}".encode())
    for root in roots:
        for path in sorted(p for p in root.rglob("*.toml") if p.is_file()):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
        digest.update(b"\1")
    return digest.hexdigest()


_CACHE_FORMAT = 2
_CACHE_KEEP = 20


def _to_json(lib: Library) -> str:
    data = {
        "version": lib.version, "name": lib.name, "terms": lib.terms, "vocabulary": lib.vocabulary,
        "sources": lib.sources,
        "variables": [[v.name, v.source, v.format, v.description] for v in lib.variables.values()],
        "clauses": [
            {**{k: getattr(c, k) for k in ("id", "category", "title", "agreements", "order", "include_when",
                                             "defines", "uses", "refs", "source")},
             "variants": [{k: getattr(v, k) for k in ("id", "when", "balance", "text", "summary", "commentary", "uses_variables")}
                          for v in c.variants]}
            for c in lib.clauses.values()
        ],
    }
    return json.dumps(data, ensure_ascii=False)


def _from_json(text: str) -> Library:
    data = json.loads(text)
    clauses = {}
    for c in data["clauses"]:
        variants = [Variant(**v) for v in c.pop("variants")]
        clauses[c["id"]] = Clause(**c, variants=variants)
    variables = {v[0]: Variable(*v) for v in data["variables"]}
    return Library(data["version"], data["name"], clauses, variables, data["terms"], data["vocabulary"], data["sources"])


@cache
def _load(extra: str | None) -> Library:
    """Load a validated library: from the cache when no file changed, else from the files."""
    roots = [data_dir("clause_library")] + ([Path(extra)] if extra is not None and Path(extra).is_dir() else [])
    folder = _cache_dir()
    cached = None
    if folder is not None:
        cached = folder / f"library-{_fingerprint(roots)}.json"
        try:
            return _from_json(cached.read_text(encoding="utf-8"))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # no cache yet, or an unreadable one: load from the files
    lib = _load_files(extra)
    if cached is not None:
        try:  # best effort: a read-only home only costs speed
            folder.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(_to_json(lib), encoding="utf-8")
            os.replace(tmp, cached)
            # Each edit of a library makes a new entry: keep the newest few, not every one ever made.
            entries = sorted(folder.glob("library-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in entries[_CACHE_KEEP:]:
                old.unlink()
        except OSError:
            pass
    return lib


def _load_files(extra: str | None) -> Library:
    root = data_dir("clause_library")
    out = _Collector()
    meta, _ = _read_toml(root / "library.toml", _label(root, root / "library.toml"), out)
    vocab, terms = _load_vocabulary(root, out)
    variables = _load_variables(root, out)
    clauses: dict[str, Clause] = {}
    raw_by_clause: dict[str, str] = {}
    version = str((meta or {}).get("version", "0"))
    name = "ipclauses"
    sources = [str(root)]
    roots = [root]
    if extra is not None:
        extra_root = Path(extra)
        if not extra_root.is_dir():
            raise LibraryError([Problem(str(extra_root), "is not a folder of clause files")])
        roots.append(extra_root)
        sources.append(str(extra_root))
        extra_meta = extra_root / "library.toml"
        if extra_meta.exists():
            data, _ = _read_toml(extra_meta, _label(extra_root, extra_meta), out)
            name = str((data or {}).get("name", extra_root.name))
            version = f"{version}+{name}-{(data or {}).get('version', '0')}"
        else:
            version = f"{version}+{extra_root.name}"
    for lib_root in roots:
        files = _clause_files(lib_root)
        if lib_root is not root and not files:
            out.add(str(lib_root), 1, "-", "holds no clause files (<category>/<clause>.toml)")
        for path in files:
            label = _label(lib_root, path)
            data, raw = _read_toml(path, label, out)
            if data is None:
                continue
            clause = _parse_clause(path, label, data, raw, vocab, out)
            if clause is None:
                continue
            if clause.id in clauses and clauses[clause.id].source.split("/")[0] == label.split("/")[0]:
                out.add(label, _line_of(raw, "id"), "id", f"clause id {clause.id!r} is also used by {clauses[clause.id].source}")
            clauses[clause.id] = clause
            raw_by_clause[clause.id] = raw
    lib = Library(version, name, clauses, variables, terms, vocab, sources)
    _compile(lib, _environment(), raw_by_clause, out)
    if out.problems:
        raise LibraryError(out.problems)
    return lib
