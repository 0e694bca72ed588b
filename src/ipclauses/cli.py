"""Command line: a thin layer that parses options, calls the library and maps its errors.

Exit codes: 0 success; 1 bad input or a build that could not be done; 2 usage errors.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .agreement_types import names as agreement_type_names
from .errors import DocumentError, IpclausesError, LibraryError, SpecError
from .locales import codes as locale_codes
from .locales import locales
from .renderers import formats as renderer_formats

if TYPE_CHECKING:
    from .checks import Finding
    from .compare import Piece
    from .spec import AnySpec
    from .verification import Verification

# Clause files hold text in these languages; a locale may borrow another's clause text.
_CLAUSE_LANGUAGES = sorted({locale.clause_text_language for locale in locales()})

EXIT_INPUT = 1
EXIT_USAGE = 2  # as click exits on a bad option


def _library_version() -> str:
    from .library import load_library

    try:
        return load_library().version
    except LibraryError:
        return "invalid"


# Control characters (ESC, CSI) drive a terminal, and bidi controls reorder a line: text that
# came from a spec, a clause file or a DOCX is shown with them spelled out instead.
_UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]")


def visible(text: str) -> str:
    """Text as it may go to a terminal: control, bidi and zero-width characters spelled out as \\uXXXX."""
    return _UNSHOWABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _echo(message: str = "", *, err: bool = False, nl: bool = True) -> None:
    click.echo(visible(message), err=err, nl=nl)


def _fail(message: str) -> None:
    _echo(message, err=True)
    sys.exit(EXIT_INPUT)


def _report(exc: IpclausesError) -> None:
    if isinstance(exc, SpecError):
        _fail(exc.render())
    if isinstance(exc, LibraryError):
        _fail("the clause library has problems:\n" + str(exc))
    _fail(f"error: {exc}")


def _load(source: str) -> AnySpec:
    """Load a spec from a path or '-' (stdin)."""
    from .loading import decode, load_spec, read_bounded, validate_data

    if source == "-":
        raw = read_bounded(sys.stdin.buffer, "<stdin>")
        return validate_data(decode(raw, "<stdin>"), "<stdin>")
    return load_spec(Path(source))


library_option = click.option(
    "--library", "library", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Folder of your own clause files, layered over the bundled library.",
)


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        from .build import written_so_far  # already imported with the package: costs nothing

        # Every file goes through ipclauses.build, which counts what this process wrote.
        before = written_so_far()[0]
        try:
            return super().invoke(ctx)
        except IpclausesError as exc:
            _report(exc)
        except KeyboardInterrupt:
            total, last = written_so_far()
            count = total - before
            if count == 0:
                _echo("interrupted; no output was written", err=True)
            elif count <= 2:
                _echo(f"interrupted after writing {' and '.join(map(str, last[-count:]))}", err=True)
            else:
                _echo(f"interrupted after writing {count} files, the last {last[-1]}", err=True)
            sys.exit(130)
        except OSError as exc:
            import errno
            import os

            if exc.errno != errno.ENAMETOOLONG or exc.filename is None:
                raise
            from .build import describe_os_error

            _fail(f"error: {describe_os_error(os.fsdecode(exc.filename), exc)}")  # a name the file system cannot hold
        return None


def _print_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    _echo(f"ipclauses {__version__} (clause library {_library_version()})")
    ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_print_version,
              help="Show the version of ipclauses and of its clause library.")
def main() -> None:
    """Draft open-innovation agreements (NDA, PoC, joint R&D, licence) from a deal spec."""


@main.command()
@click.argument("specs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print results as JSON for other tools.")
@click.option("--resolved", is_flag=True, help="Print each spec with every default filled in.")
def validate(specs: tuple[str, ...], as_json: bool, resolved: bool) -> None:
    """Check deal specs (files, or - for standard input) and report every problem."""
    from .assemble import resolved_spec

    results = []
    failed = False
    for source in specs:
        try:
            spec = _load(source)
        except SpecError as exc:
            failed = True
            results.append({"file": exc.source, "valid": False, "errors": [{"path": p.path, "message": p.message} for p in exc.errors]})
            if not as_json:
                _echo(exc.render(), err=True)
            continue
        results.append({"file": source if source != "-" else "<stdin>", "valid": True, "errors": []})
        if resolved:
            results[-1]["resolved"] = resolved_spec(spec)
            if not as_json:
                _echo(json.dumps(resolved_spec(spec), ensure_ascii=False, indent=2))
        elif not as_json:
            _echo(f"{results[-1]['file']}: valid {spec.type} spec ({spec.language})", err=True)
    if as_json:
        _echo(json.dumps(results, ensure_ascii=False, indent=2))
    sys.exit(EXIT_INPUT if failed else 0)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file instead of standard output.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def schema(output: Path | None, force: bool) -> None:
    """Print the deal spec's JSON Schema (draft-07, for editors)."""
    from .build import write_atomic
    from .schema import schema_text

    text = schema_text()
    if output is None:
        _echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"), force=force)
        _echo(f"wrote {output}", err=True)


@main.group()
def clauses() -> None:
    """Browse the clause library."""


@clauses.command("list")
@click.option("--type", "agreement", type=click.Choice(agreement_type_names()), help="Only clauses of this agreement type.")
@click.option("--category", help="Only clauses of this category.")
@click.option("--lang", type=click.Choice(_CLAUSE_LANGUAGES), default="en", show_default=True)
@library_option
def clauses_list(agreement: str | None, category: str | None, lang: str, library: Path | None) -> None:
    """List clauses with their variants."""
    from .library import load_library

    lib = load_library(library)
    if category and category not in lib.vocabulary["categories"]:
        raise click.BadParameter(f"unknown category (allowed: {', '.join(lib.vocabulary['categories'])})", param_hint="--category")
    chosen = lib.clauses_for(agreement) if agreement else sorted(lib.clauses.values(), key=lambda c: c.id)
    for clause in chosen:
        if category and clause.category != category:
            continue
        variants = ", ".join(v.id for v in clause.variants)
        _echo(f"{clause.id:40} {clause.title[lang]}  [{', '.join(clause.agreements)}]  variants: {variants}")


@clauses.command("show")
@click.argument("clause_id")
@click.option("--lang", type=click.Choice([*_CLAUSE_LANGUAGES, "both"]), default="both", show_default=True)
@library_option
def clauses_show(clause_id: str, lang: str, library: Path | None) -> None:
    """Show a clause: every variant's condition, text, summary, balance and commentary."""
    from .library import load_library

    lib = load_library(library)
    clause = lib.clauses.get(clause_id)
    if clause is None:
        import difflib

        close = difflib.get_close_matches(clause_id, list(lib.clauses), n=3)
        hint = f" (did you mean {', '.join(close)}?)" if close else " (see 'ipclauses clauses list')"
        _fail(f"error: no clause {clause_id!r}{hint}")
        return
    langs = _CLAUSE_LANGUAGES if lang == "both" else [lang]
    _echo(f"{clause.id}: {' / '.join(clause.title[l] for l in langs)}")
    _echo(f"category: {clause.category}; agreements: {', '.join(clause.agreements)}; file: {clause.source}")
    if clause.include_when:
        _echo(f"included when: {json.dumps(clause.include_when, ensure_ascii=False)}")
    for variant in clause.variants:
        _echo("")
        _echo(f"== variant {variant.id} ({variant.balance})")
        if variant.when:
            _echo(f"chosen when: {json.dumps(variant.when, ensure_ascii=False)}" + (" (the default)" if variant.default else ""))
        else:
            _echo("chosen when: no other variant's condition holds (the default)")
        if variant.like:
            _echo(f"text from: variant {variant.like}")
        for l in langs:
            _echo(f"-- text ({l})")
            _echo(variant.text[l].strip())
            _echo(f"-- summary ({l})")
            _echo(variant.summary[l].strip())
            _echo(f"-- commentary ({l})")
            _echo(variant.commentary[l].strip())


SEVERITY_ORDER = ("error", "warning", "info")


def _show_findings(findings: list[Finding], source: str, lang: str) -> None:
    """Each finding's message, why and fix in the language `lang` (a spec's `language`, or --lang)."""
    from .locales import UnknownLocaleError, get_locale

    try:
        locale = get_locale(lang)
    except UnknownLocaleError as e:
        raise click.BadParameter(str(e), param_hint="--lang") from None
    for f in (f.in_locale(locale) for f in findings):
        _echo(f"{source}: {f.path}: {f.severity}: {f.message} ({f.id})", err=True)
        _echo(f"    why: {f.why}", err=True)
        _echo(f"    fix: {f.fix}", err=True)


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path), default=None,
              help="Output .docx path (default: next to the spec), - for standard output, or a folder for several specs.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Processes for a batch build (default: one per CPU).")
@click.option("--force", is_flag=True, help="Replace output files if they exist.")
@click.option("--no-summary", is_flag=True, help="Do not write the plain-language summary next to the agreement.")
@click.option("--summary-format", type=click.Choice(renderer_formats("summary")), default="html", show_default=True)
@click.option("--despite-errors", is_flag=True,
              help="Build even if the deal checks find error-level problems (they are still shown).")
@library_option
def build(specs: tuple[str, ...], output: Path | None, jobs: int | None, force: bool, no_summary: bool,
          summary_format: str, despite_errors: bool, library: Path | None) -> None:
    """Build the DOCX agreement for each deal spec, with its plain-language summary.

    With several specs (or -o naming a folder), builds them in parallel into the folder
    given by -o and reports each failure without stopping the others.
    """
    if len(specs) > 1 or jobs is not None or (output is not None and output.is_dir()):
        _build_batch(specs, output, jobs, force, no_summary, summary_format, despite_errors, library)
        return
    _build_single(specs[0], output, force, no_summary, summary_format, despite_errors, library)


def _build_batch(specs: tuple[str, ...], output: Path | None, jobs: int | None, force: bool, no_summary: bool,
                 summary_format: str, despite_errors: bool, library: Path | None) -> None:
    import time

    from .batch import BatchResult, build_many

    if output is None or str(output) == "-":
        raise click.UsageError("several specs need -o FOLDER for the agreements")
    if "-" in specs:
        raise click.UsageError("standard input (-) cannot be part of a batch build")
    started = time.perf_counter()
    failures: list[BatchResult] = []
    written = 0  # counted as results arrive, so a Ctrl-C can say what was written
    try:
        with click.progressbar(length=len(specs), label="building", file=sys.stderr) as bar:
            def progress(result: BatchResult) -> None:
                nonlocal written
                if result.ok:
                    written += 1
                else:
                    failures.append(result)
                bar.update(1)

            results = build_many(specs, output, jobs, library=library, force=force,
                                 summary_format=None if no_summary else summary_format,
                                 despite_errors=despite_errors, on_result=progress)
    except KeyboardInterrupt:
        for result in failures:
            _echo(f"{result.spec}: {result.error}", err=True)
        agreements = "1 agreement was" if written == 1 else f"{written} agreements were"
        _echo(f"interrupted: {agreements} written into {output} before the interrupt"
              f"{f'; {len(failures)} failed' if failures else ''}; the rest were not built", err=True)
        sys.exit(130)
    for result in failures:
        _echo(f"{result.spec}: {result.error}", err=True)
    elapsed = time.perf_counter() - started
    built = sum(r.ok for r in results)
    _echo(
        f"built {built} of {len(results)} agreements into {output} in {elapsed:.1f} s "
        f"({built / elapsed if elapsed else 0:.0f} per second); {len(failures)} failed",
        err=True,
    )
    if failures:
        sys.exit(EXIT_INPUT)


def _build_single(spec: str, output: Path | None, force: bool, no_summary: bool, summary_format: str,
                  despite_errors: bool, library: Path | None) -> None:
    from .build import write_with_summary
    from .draft import make_draft
    from .library import load_library
    from .renderers import render

    if output is None:
        if spec == "-":
            raise click.UsageError("with a spec from standard input, give -o FILE or -o -")
        output = Path(spec).with_suffix(".docx")
    to_stdout = str(output) == "-"
    if to_stdout and sys.stdout.isatty():
        raise click.UsageError("refusing to write a DOCX file to a terminal; use -o FILE or redirect the output")
    loaded = _load(spec)
    draft = make_draft(loaded, load_library(library))
    findings = draft.findings
    source = "<stdin>" if spec == "-" else spec
    _show_findings(findings, source, draft.agreement.language)
    errors = [f for f in findings if f.severity == "error"]
    if errors and not despite_errors:
        _fail(f"{source}: not built: {len(errors)} error-level finding(s) above; fix them, or pass --despite-errors to build anyway")
    agreement, data = draft.agreement, render(draft, "agreement", "docx")
    if to_stdout:
        stream = sys.stdout.buffer  # click.get_binary_stream is deprecated from click 8.5
        stream.write(data)
        stream.flush()
        return
    summary_path = write_with_summary(draft, output, data, summary_format=None if no_summary else summary_format,
                                      force=force)
    _echo(f"wrote {output} ({len(agreement.articles)} articles, {len(data):,} bytes)", err=True)
    if summary_path is not None:
        _echo(f"wrote {summary_path}", err=True)


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path), default=None,
              help="Write to this file (default: standard output for md and html).")
@click.option("--format", "fmt", type=click.Choice(renderer_formats("summary")), default="md", show_default=True)
@click.option("--lang", type=click.Choice(locale_codes()), default=None, help="Summary language (default: the agreement's).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@library_option
def summary(spec: str, output: Path | None, fmt: str, lang: str | None, force: bool, library: Path | None) -> None:
    """Write the plain-language summary of a deal for people who are not lawyers."""
    from .summary import summarize

    loaded = _load(spec)
    from .library import load_library

    result = summarize(loaded, lang=lang, format=fmt, library=load_library(library))
    _emit(result, output, force)


def _emit(result: str | bytes, output: Path | None, force: bool) -> None:
    """Text or a DOCX to standard output (text only, on a terminal) or to a file, never overwritten without --force."""
    from .build import write_atomic

    data = result if isinstance(result, bytes) else result.encode("utf-8")
    if output is None or str(output) == "-":
        if isinstance(result, bytes) and sys.stdout.isatty():
            raise click.UsageError("refusing to write a DOCX file to a terminal; use -o FILE")
        stream = sys.stdout.buffer  # click.get_binary_stream is deprecated from click 8.5
        stream.write(data)
        stream.flush()
        return
    write_atomic(output, data, force=force)
    _echo(f"wrote {output}", err=True)


def _revision_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .redline_model import revision_date

    try:
        return None if value is None else revision_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path), default=None,
              help="Write to this file (needed for docx; default: standard output for md, html and json).")
@click.option("--format", "fmt", type=click.Choice(["docx", "md", "html", "json"]), default="docx", show_default=True,
              help="docx: NEW's agreement with tracked changes; md, html, json: the changed passages as text.")
@click.option("--author", default="ipclauses", show_default=True, help="The author Word shows for every tracked change.")
@click.option("--date", callback=_revision_date, default=None, metavar="DATE",
              help="Date the tracked changes: YYYY-MM-DD, an ISO date-time, or 'now' (default: no date, so the same "
                   "versions give the same file).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@library_option
def redline(old: str, new: str, output: Path | None, fmt: str, author: str, date: str | None, force: bool,
            library: Path | None) -> None:
    """Compare two versions of a deal (specs or ipclauses DOCX files), article by article.

    The DOCX is NEW's agreement with Word tracked changes against OLD: accept them all
    and it is NEW's agreement, reject them all and it is OLD's. Articles are matched by
    the clause they come from, so a renumbered article is no change; words are compared
    word by word in English and by runs of one script (kanji, kana, ...) in Japanese.
    """
    from .library import load_library
    from .redline_model import redline as compare_versions
    from .unicode_safety import unsafe_character

    if not author.strip() or unsafe_character(author) is not None or not author.isprintable():
        raise click.BadParameter("give a plain name, without control or invisible characters", param_hint="--author")
    if fmt == "docx" and output is None:
        raise click.UsageError("a DOCX redline needs -o FILE (or --format md, html or json to print it)")
    result = compare_versions(old, new, library=load_library(library), author=author, date=date)
    for warning in result.warnings:
        _echo(f"warning: {warning}", err=True)
    if fmt == "docx":
        from .redline_docx import redline_docx

        _emit(redline_docx(result), output, force)
    else:
        from .redline_text import FORMATS

        _emit(FORMATS[fmt](result), output, force)


@main.command("changes")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path), default=None,
              help="Write to this file (default: standard output).")
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md", show_default=True)
@click.option("--lang", type=click.Choice(locale_codes()), default=None, help="Report language (default: NEW's).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@library_option
def changes_command(old: str, new: str, output: Path | None, fmt: str, lang: str | None, force: bool,
                    library: Path | None) -> None:
    """Say in plain words what changed in the deal between two versions (specs or ipclauses DOCX files).

    Works from the two specs and the clause options they choose, not the wording: who owns
    what, what each side may, must and cannot do, secrecy, money and ending, each with its
    article and the balance shift there, and the deal-check findings that are new or resolved.
    """
    from .deal_changes import changes
    from .deal_changes_render import render_changes
    from .library import load_library

    _emit(render_changes(changes(old, new, library=load_library(library), lang=lang), fmt), output, force)


@main.command("check")
@click.argument("specs", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print findings as JSON.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True,
              help="Exit 1 when a finding of this severity or worse is found.")
@click.option("--drafting", is_flag=True, help="Also check the assembled agreement's drafting (terms, references, style).")
@click.option("--lang", default=None, metavar="CODE",
              help="Language of the findings' texts (default: each spec's language); --json stays English.")
@library_option
def check_command(specs: tuple[str, ...], as_json: bool, fail_on: str, drafting: bool, lang: str | None,
                  library: Path | None) -> None:
    """Tell where a deal is vague, lopsided or inconsistent, and why."""
    from .assemble import assemble
    from .checks import run_checks
    from .drafting import drafting_findings
    from .library import load_library

    report = []
    worst = len(SEVERITY_ORDER)
    for source in specs:
        loaded = _load(source)
        findings = run_checks(loaded)
        if drafting:
            findings += drafting_findings(assemble(loaded, load_library(library)), loaded)
        for f in findings:
            worst = min(worst, SEVERITY_ORDER.index(f.severity))
        if as_json:
            report.append({"file": source, "findings": [f.as_dict() for f in findings]})
        else:
            _show_findings(findings, source, lang or loaded.language)
            if not findings:
                _echo(f"{source}: no findings", err=True)
    if as_json:
        _echo(json.dumps(report, ensure_ascii=False, indent=2))
    if fail_on != "never" and worst <= SEVERITY_ORDER.index(fail_on):
        sys.exit(EXIT_INPUT)


@main.command()
@click.argument("docx", type=click.Path(dir_okay=False, path_type=Path, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print everything as JSON, with any integrity problems.")
def inspect(docx: Path, as_json: bool) -> None:
    """Show what an ipclauses DOCX records: versions, spec hash and chosen clauses.

    DOCX may be - to read the file from standard input (within the same limits).

    Checks that the record agrees with itself (the embedded spec against its recorded
    hash, the document properties against the provenance part) and exits 1 when it
    does not. The record is not a signature, and the agreement's text is not compared.
    """
    from .docx_read import inspect_docx

    info = inspect_docx(sys.stdin.buffer, name="<stdin>") if str(docx) == "-" else inspect_docx(docx)
    # Every line goes out through _echo, which spells out control and bidi characters.
    if as_json:
        _echo(json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        core = info["core_properties"]
        props = info["custom_properties"]
        _echo(f"title: {core.get('title', '')}")
        for key in ("agreement_type", "language", "ipclauses_version", "clause_library_version", "spec_sha256"):
            _echo(f"{key}: {props.get(key, '')}")
        if "clause_library_sha256" in props:  # files built before it was recorded lack it
            _echo(f"clause_library_sha256: {props['clause_library_sha256']}")
        _echo("clauses:")
        for choice in info["choices"]:
            _echo(f"  {choice['article']:>3}  {choice['clause']} ({choice['variant']})")
        if info["problems"]:
            _echo(f"integrity: {len(info['problems'])} problem(s), see the warnings")
        else:
            _echo("integrity: the embedded spec matches its recorded hash, and the document properties match the provenance")
        _echo(f"note: {info['notice']}")
    for problem in info["problems"]:
        _echo(f"warning: {problem}", err=True)
    if info["problems"]:
        sys.exit(EXIT_INPUT)


def _marked(pieces: Iterable[Piece]) -> str:
    return "".join(p.text if p.op == "equal" else f"[-{p.text}-]" if p.op == "delete" else f"{{+{p.text}+}}" for p in pieces)


def _show_verification(result: Verification) -> None:
    lines = [f"verify: {result.file}"]
    versions = f"clause library {result.recorded_library_version}"
    if result.library_changed:
        versions += (f", but {result.installed_library_version} is installed (or its files differ): "
                     "differences below may come from the library, not from edits")
    lines.append(f"built with: {versions}")
    if result.text_matches_record is None:
        lines.append("text: the file records no fingerprint of its text (built before ipclauses recorded one)")
    else:
        lines.append("text: as ipclauses wrote it" if result.text_matches_record else "text: edited since ipclauses wrote it")
    if not result.record_matches_spec:
        lines.append("record: the recorded spec does not produce the recorded text: the provenance was changed, "
                     "or left over from another build (forged or stale)")
    for drift in result.edited:
        lines.append(f"edited: {drift.article}")
        lines += [f"  {change.status}: {_marked(change.pieces)}" for change in drift.changes]
    lines += [f"added: {label}" for label in result.added]
    lines += [f"removed: {label}" for label in result.removed]
    for change in result.tracked_changes:
        when = f", {change.date}" if change.date else ""
        lines.append(f"tracked {change.kind}: {change.article} (by {change.author or 'unknown'}{when}): {change.text}")
    for comment in result.comments:
        lines.append(f"comment: {comment.article} (by {comment.author or 'unknown'}): {comment.text}")
    lines += [f"problem: {problem}" for problem in result.problems]
    lines.append("result: exactly what its recorded spec produces" if result.exact else "result: differs from what its recorded spec produces")
    for line in lines:
        _echo(line)


@main.command("verify")
@click.argument("docx", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON, for tools.")
@library_option
def verify_command(docx: str, as_json: bool, library: Path | None) -> None:
    """Check a draft that came back: is it exactly what its recorded spec produces?

    Rebuilds the agreement from the spec the file records and compares it article by
    article: articles edited, added or removed outside ipclauses, tracked changes and
    comments, and a changed clause library. Opening and saving in Word or LibreOffice
    is not a change. Exit code 0 when the file is exactly what its spec produces, 1
    when it differs, 2 when it cannot be verified (not an ipclauses DOCX, bad options).
    """
    import dataclasses

    from .library import load_library
    from .verification import verify

    try:
        if docx == "-":
            from .docx_read import read_source

            result = verify(io.BytesIO(read_source(sys.stdin.buffer, "<stdin>")), library=load_library(library), name="<stdin>")
        else:
            result = verify(docx, library=load_library(library))
    except DocumentError as exc:
        _echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if as_json:
        _echo(json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        _show_verification(result)
    sys.exit(0 if result.exact else EXIT_INPUT)


if __name__ == "__main__":  # pragma: no cover
    main()
