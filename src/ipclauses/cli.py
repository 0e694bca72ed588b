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
from .schema_text import languages as schema_languages
from .spec import DOCUMENT_LANGUAGES

if TYPE_CHECKING:
    from .batch import BatchResult
    from .checks import Finding
    from .library import Clause
    from .spec import AnySpec
    from .verification import Verification

# Clause files hold text in these languages; a locale may borrow another's clause text.
_CLAUSE_LANGUAGES = sorted({locale.clause_text_language for locale in locales()})

# What `build` writes beside an agreement and `summary` writes: a page any browser opens, which
# the people who read summaries (not lawyers) can open without Word or a Markdown viewer.
SUMMARY_FORMAT = "html"

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


# Where a command's --lang is kept for its validation errors, which the group reports after the command ends.
_MESSAGES_LANG = "ipclauses.messages_lang"


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value in locale_codes():
        ctx.meta[_MESSAGES_LANG] = value
    return value


def _messages_language() -> str:
    """The language of validation errors: the command's --lang, else the user's locale (LC_ALL, LC_MESSAGES, LANG)."""
    from .messages import user_language

    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get(_MESSAGES_LANG) if ctx is not None else None
    return chosen if isinstance(chosen, str) else user_language()


def _say(id: str, /, lang: str | None = None, **params: object) -> str:
    """A CLI message from the catalogue, in `lang` or the user's language (--lang where a command has it, else the locale's)."""
    from .locales import prevailing_locale
    from .messages import message

    return message(id, **params).render(prevailing_locale(lang or _messages_language()))


def _report(exc: IpclausesError) -> None:
    if isinstance(exc, SpecError):
        _fail(exc.render(_messages_language()))
    if isinstance(exc, LibraryError):  # for legal staff editing clause files, who read the files' own keys
        _fail(_say("cli.library_problems", problems=exc))
    _fail(_say("cli.error", message=exc.render(_messages_language())))


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
                _echo(_say("cli.interrupted_nothing_written"), err=True)
            elif count == 1:
                _echo(_say("cli.interrupted_after", path=last[-1]), err=True)
            elif count == 2:
                _echo(_say("cli.interrupted_after_two", first=last[-2], second=last[-1]), err=True)
            else:
                _echo(_say("cli.interrupted_after_many", count=count, last=last[-1]), err=True)
            sys.exit(130)
        except OSError as exc:
            import errno
            import os

            if exc.errno != errno.ENAMETOOLONG or exc.filename is None:
                raise
            from .build import describe_os_error

            _fail(_say("cli.error", message=describe_os_error(os.fsdecode(exc.filename), exc)))  # a name the file system cannot hold
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
@click.option("--lang", type=click.Choice(locale_codes()), default=None, callback=_remember_lang,
              help="Language of the messages (default: from the locale, LANG); --json stays English, with message ids.")
def validate(specs: tuple[str, ...], as_json: bool, resolved: bool, lang: str | None) -> None:
    """Check deal specs (files, or - for standard input) and report every problem.

    \b
    Examples:
        ipclauses validate examples/poc-ai-en.json
        ipclauses validate --resolved examples/poc-ai-en.json
    """
    from .assemble import resolved_spec

    results = []
    failed = False
    for source in specs:
        try:
            spec = _load(source)
        except SpecError as exc:
            failed = True
            results.append({"file": exc.source, "valid": False,
                            "errors": [{"path": p.path, "message": p.message, "id": p.id or None} for p in exc.errors]})
            if not as_json:
                _echo(exc.render(_messages_language()), err=True)
            continue
        results.append({"file": source if source != "-" else "<stdin>", "valid": True, "errors": []})
        if resolved:
            results[-1]["resolved"] = resolved_spec(spec)
            if not as_json:
                _echo(json.dumps(resolved_spec(spec), ensure_ascii=False, indent=2))
        elif not as_json:
            _echo(_say("cli.valid", file=results[-1]["file"], type=spec.type, language=spec.language), err=True)
    if as_json:
        _echo(json.dumps(results, ensure_ascii=False, indent=2))
    sys.exit(EXIT_INPUT if failed else 0)


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the schema to this file instead of standard output.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--lang", type=click.Choice(schema_languages()), default=None,
              help="Language of the titles, descriptions and option explanations (default: English); the schema "
                   "accepts the same specs in every language.")
def schema(output: Path | None, force: bool, lang: str | None) -> None:
    """Print the deal spec's JSON Schema (draft-07, for editors).

    Every field has a title and a description, and every option says what it
    means, whom it favours and when it fits, shown by editors as you type.

    To keep completion working after copying an example elsewhere, write the
    schema next to the spec and set the spec's "$schema" to it:

    \b
        ipclauses schema -o deal-spec.schema.json
        "$schema": "./deal-spec.schema.json"

    \b
    Examples:
        ipclauses schema --lang ja -o deal-spec.schema.json
        ipclauses schema > deal-spec.schema.json
    """
    from .build import write_atomic
    from .schema import schema_text

    text = schema_text(lang)
    if output is None:
        _echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"), force=force)
        _echo(_say("cli.wrote", path=output), err=True)


class _Prompter:
    """The interview's terminal: one question at a time with click's prompt, on standard output."""

    def show(self, text: str) -> None:
        _echo(text)

    def ask(self, prompt: str, default: str) -> str:
        return str(click.prompt(visible(prompt), default=default, show_default=bool(default)))


@main.command("new")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("deal.json"), show_default=True,
              help="Where to write the spec.")
@click.option("--lang", type=click.Choice(locale_codes()), default=None, callback=_remember_lang,
              help="Language of the questions and of the errors (default: your locale's, from LANG).")
@click.option("--answers", "answers_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Take the answers from this JSON or TOML file, keyed by question id, instead of asking.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
def new(output: Path, lang: str | None, answers_file: Path | None, force: bool) -> None:
    """Write a new deal spec by answering questions, one at a time.

    Asks in deal order (type, parties, purpose, results and ownership, scope of
    use, confidentiality, money, term, disputes), skips what does not apply, and
    recommends who should own the results. Then writes the spec, runs the deal
    checks and offers to build the agreement.

    \b
    Examples:
        ipclauses new -o deal.json --lang ja
        ipclauses new --answers examples/answers/poc-ai-en.json -o poc.json
    """
    from .build import write_atomic
    from .checks import run_checks
    from .interview import SCHEMA_FILE, confirm, read_answers, run_interview, spec_text
    from .locales import get_locale
    from .messages import user_language

    lang = lang or user_language()
    if output.exists() and not force:
        _fail(_say("cli.error", lang, message=_say("cli.already_exists", lang, path=output)))
    given = read_answers(answers_file) if answers_file is not None else None
    prompter = None if given is not None else _Prompter()
    outcome = run_interview(lang, terminal=prompter, given=given, source=str(answers_file or "<interview>"),
                            schema=f"./{SCHEMA_FILE}")
    words = get_locale(lang).words.interview
    write_atomic(output, spec_text(outcome.document).encode("utf-8"), force=force)
    _echo(words.wrote.format(path=output))
    schema_lang = f" --lang {lang}" if lang in schema_languages() else ""
    _echo(words.schema_hint.format(command=f"ipclauses schema{schema_lang} -o {output.parent / SCHEMA_FILE}"))
    if outcome.ignored:
        _echo(words.ignored.format(ids=", ".join(outcome.ignored)))
    locale = get_locale(lang)
    findings = [f.in_locale(locale) for f in run_checks(outcome.spec)]
    _echo(words.findings if findings else words.no_findings)
    for f in findings:
        _echo(words.finding.format(severity=locale.words.summary.headings.severity[f.severity], message=f.message, fix=f.fix))
    wanted = outcome.build if prompter is None else confirm(prompter, lang, words.build)
    if wanted:
        _build_single(str(output), None, force=force, no_summary=False, summary_format=SUMMARY_FORMAT,
                      despite_errors=False, library=None)
    else:
        _echo(words.build_later.format(command=f"ipclauses build {output}"))


@main.group()
def clauses() -> None:
    """Browse the clause library."""


@clauses.command("list")
@click.option("--type", "agreement", type=click.Choice(agreement_type_names()), help="Only clauses of this agreement type.")
@click.option("--category", help="Only clauses of this category.")
@click.option("--lang", type=click.Choice(_CLAUSE_LANGUAGES), default="en", show_default=True,
              help="Language of the titles (--json gives every language).")
@click.option("--json", "as_json", is_flag=True, help="Print the clauses as JSON, for tools.")
@library_option
def clauses_list(agreement: str | None, category: str | None, lang: str, as_json: bool, library: Path | None) -> None:
    """List clauses with their variants.

    \b
    Examples:
        ipclauses clauses list --type nda --lang ja
        ipclauses clauses list --category ip --json
    """
    from .library import load_library

    lib = load_library(library)
    if category and category not in lib.vocabulary["categories"]:
        raise click.BadParameter(_say("cli.unknown_category", allowed=", ".join(lib.vocabulary["categories"])),
                                 param_hint="--category")
    chosen = lib.clauses_for(agreement) if agreement else sorted(lib.clauses.values(), key=lambda c: c.id)
    chosen = [c for c in chosen if not category or c.category == category]
    if as_json:
        listed = [{"id": c.id, "title": c.title, "category": c.category, "agreements": c.agreements,
                   "variants": [v.id for v in c.variants], "file": c.source} for c in chosen]
        _echo(json.dumps(listed, ensure_ascii=False, indent=2))
        return
    for clause in chosen:
        variants = ", ".join(v.id for v in clause.variants)
        _echo(_say("clauses.listed", id=clause.id, title=clause.title[lang], agreements=", ".join(clause.agreements),
                   variants=variants))


@clauses.command("show")
@click.argument("clause_id")
@click.option("--lang", type=click.Choice([*_CLAUSE_LANGUAGES, "both"]), default="both", show_default=True,
              help="Language of the texts shown.")
@click.option("--json", "as_json", is_flag=True, help="Print the clause as JSON, for tools.")
@library_option
def clauses_show(clause_id: str, lang: str, as_json: bool, library: Path | None) -> None:
    """Show a clause: every variant's condition, text, summary, balance and commentary.

    \b
    Examples:
        ipclauses clauses show confidentiality.definition --lang ja
        ipclauses clauses show confidentiality.definition --json
    """
    from .library import load_library

    lib = load_library(library)
    clause = lib.clauses.get(clause_id)
    if clause is None:
        import difflib

        close = difflib.get_close_matches(clause_id, list(lib.clauses), n=3)
        missing = (_say("cli.no_clause", clause=clause_id, close=", ".join(close)) if close
                   else _say("cli.no_clause_list", clause=clause_id))
        _fail(_say("cli.error", message=missing))
        return
    langs = _CLAUSE_LANGUAGES if lang == "both" else [lang]
    if as_json:
        _echo(json.dumps(_clause_json(clause, langs), ensure_ascii=False, indent=2))
        return
    _echo(f"{clause.id}: {' / '.join(clause.title[l] for l in langs)}")
    _echo(_say("clauses.about", category=clause.category, agreements=", ".join(clause.agreements), file=clause.source))
    if clause.include_when:
        _echo(_say("clauses.included_when", condition=json.dumps(clause.include_when, ensure_ascii=False)))
    for variant in clause.variants:
        _echo("")
        _echo(_say("clauses.variant", id=variant.id, balance=variant.balance))
        if variant.when:
            _echo(_say("clauses.chosen_when_default" if variant.default else "clauses.chosen_when",
                       condition=json.dumps(variant.when, ensure_ascii=False)))
        else:
            _echo(_say("clauses.chosen_otherwise"))
        if variant.like:
            _echo(_say("clauses.text_from", id=variant.like))
        for l in langs:
            for heading, texts in (("clauses.text", variant.text), ("clauses.summary", variant.summary),
                                   ("clauses.commentary", variant.commentary)):
                _echo(_say(heading, language=l))
                _echo(texts[l].strip())


def _clause_json(clause: Clause, langs: list[str]) -> dict[str, object]:
    """A clause as `clauses show --json` prints it: texts in `langs`, conditions as the clause file writes them."""
    def pick(texts: dict[str, str]) -> dict[str, str]:
        return {l: texts[l].strip() for l in langs}

    return {
        "id": clause.id, "title": pick(clause.title), "category": clause.category, "agreements": clause.agreements,
        "file": clause.source, "included_when": clause.include_when or None,
        "variants": [{"id": v.id, "balance": v.balance, "default": v.default, "when": v.when or None, "text_from": v.like,
                      "text": pick(v.text), "summary": pick(v.summary), "commentary": pick(v.commentary)}
                     for v in clause.variants],
    }


SEVERITY_ORDER = ("error", "warning", "info")


def _in_language(findings: Iterable[Finding], lang: str) -> list[Finding]:
    """The findings with their message, why and fix in the language `lang` (a spec's `language`, or --lang);
    of a bilingual spec's ("ja+en"), in its prevailing language."""
    from .locales import UnknownLocaleError, prevailing_locale

    try:
        locale = prevailing_locale(lang)
    except UnknownLocaleError as e:
        raise click.BadParameter(str(e), param_hint="--lang") from None
    return [f.in_locale(locale) for f in findings]


def _finding_line(f: Finding, source: str) -> str:
    return f"{source}: {f.path}: {f.severity}: {f.message} ({f.id})"


def _show_findings(findings: list[Finding], source: str, lang: str, *, err: bool) -> None:
    """Each finding's message, why and fix: what `check` reports (stdout), and `build` beside its output (stderr)."""
    for f in _in_language(findings, lang):
        _echo(_finding_line(f, source), err=err)
        _echo(_say("cli.why", lang, text=f.why), err=err)
        _echo(_say("cli.fix", lang, text=f.fix), err=err)


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path), default=None,
              help="Output .docx path (default: next to the spec), - for standard output, or a folder for several specs.")
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=None,
              help="Processes for a batch build (default: one per CPU).")
@click.option("--force", is_flag=True, help="Replace output files if they exist.")
@click.option("--no-summary", is_flag=True, help="Do not write the plain-language summary next to the agreement.")
@click.option("--pdf", is_flag=True,
              help="Also write a PDF of the agreement (and of its summary) beside it, through LibreOffice.")
@click.option("--summary-format", type=click.Choice(renderer_formats("summary")), default=SUMMARY_FORMAT, show_default=True,
              help="Format of the plain-language summary written beside each agreement: html opens in any browser.")
@click.option("--json", "as_json", is_flag=True,
              help="Print each spec's outcome as JSON (file, outputs, status, warnings, errors), for tools; "
                   "builds as a batch, into the folder -o names.")
@click.option("--despite-errors", is_flag=True,
              help="Build even if the deal checks find error-level problems (they are still shown).")
@click.option("--lang", type=click.Choice(DOCUMENT_LANGUAGES), default=None, callback=_remember_lang,
              help="Draft in this language for this run, whatever the spec says: ja+en puts Japanese and English side "
                   "by side, Japanese prevailing.")
@library_option
def build(specs: tuple[str, ...], output: Path | None, jobs: int | None, force: bool, no_summary: bool, as_json: bool,
          summary_format: str, despite_errors: bool, library: Path | None, pdf: bool = False, lang: str | None = None) -> None:
    """Build the DOCX agreement for each deal spec, with its plain-language summary.

    With several specs (or -o naming a folder), builds them in parallel into the folder
    given by -o and reports each failure without stopping the others, and each
    spec's warnings.

    \b
    Examples:
        ipclauses build examples/poc-ai-en.json -o poc.docx
        ipclauses build examples/nda-mutual-ja.json --lang ja+en -o nda-bilingual.docx
        ipclauses build examples/*.json -o drafts/ -j 2 --json
    """
    if len(specs) > 1 or jobs is not None or as_json or (output is not None and output.is_dir()):
        _build_batch(specs, output, jobs, force, no_summary, summary_format, despite_errors, library, as_json, pdf, lang)
        return
    _build_single(specs[0], output, force, no_summary, summary_format, despite_errors, library, pdf, lang)


def _build_batch(specs: tuple[str, ...], output: Path | None, jobs: int | None, force: bool, no_summary: bool,
                 summary_format: str, despite_errors: bool, library: Path | None, as_json: bool, pdf: bool,
                 lang: str | None = None) -> None:
    import time

    from .batch import build_many

    if output is None or str(output) == "-":
        raise click.UsageError(_say("cli.batch_needs_folder"))
    if "-" in specs:
        raise click.UsageError(_say("cli.batch_no_stdin"))
    started = time.perf_counter()
    arrived: list[BatchResult] = []  # as results arrive, so a Ctrl-C can say what was written
    try:
        with click.progressbar(length=len(specs), label=_say("cli.building"), file=sys.stderr) as bar:
            def progress(result: BatchResult) -> None:
                arrived.append(result)
                bar.update(1)

            results = build_many(specs, output, jobs, library=library, force=force,
                                 summary_format=None if no_summary else summary_format,
                                 despite_errors=despite_errors, on_result=progress, pdf=pdf, lang=lang)
    except KeyboardInterrupt:
        _show_batch(arrived, as_json)
        written = sum(r.ok for r in arrived)
        failed = len(arrived) - written
        agreements = _say("cli.agreement_written") if written == 1 else _say("cli.agreements_written", count=written)
        _echo(_say("cli.batch_interrupted_failed" if failed else "cli.batch_interrupted", written=agreements,
                   folder=output, failed=failed), err=True)
        sys.exit(130)
    _show_batch(results, as_json)
    elapsed = time.perf_counter() - started
    built = sum(r.ok for r in results)
    warnings = sum(len(r.warnings) for r in results)
    rate = f"{built / elapsed if elapsed else 0:.0f}"
    _echo(_say("cli.batch_built", built=built, total=len(results), folder=output, seconds=f"{elapsed:.1f}", rate=rate,
               failed=len(results) - built, warnings=warnings), err=True)
    if built < len(results):
        sys.exit(EXIT_INPUT)


def _show_batch(results: list[BatchResult], as_json: bool) -> None:
    """Each spec's findings (errors and warnings) and why it failed, naming the spec once a line; or all of it as JSON."""
    from .locales import get_locale

    if as_json:
        _echo(json.dumps([_batch_json(r) for r in results], ensure_ascii=False, indent=2))
        return
    for result in results:
        # a spec that could not be read has no language, and no findings either
        for f in _in_language(result.findings, result.language) if result.language else result.findings:
            _echo(_finding_line(f, result.spec), err=True)
        locale = get_locale(_messages_language())
        for problem in result.problems:  # in the user's language, as a single build says it
            text = problem.text(locale)
            _echo(f"{result.spec}: {problem.path}: {text}" if problem.path else f"{result.spec}: {text}", err=True)


def _batch_json(result: BatchResult) -> dict[str, object]:
    """One spec of a batch for tools: the same keys for every spec, texts in English as `check --json` gives them."""
    def finding(f: Finding) -> dict[str, str | None]:
        return {"id": f.id, "path": f.path, "message": f.message}

    return {
        "file": result.spec,
        "status": "built" if result.ok else "failed",
        "output": result.output,
        "summary": result.summary,
        "pdfs": list(result.pdfs),
        "companions": list(result.companions),
        "articles": result.articles,
        "warnings": [finding(f) for f in result.warnings],
        "errors": [finding(f) for f in result.findings if f.severity == "error"]
                  + [{"id": None, "path": p.path or None, "message": p.message} for p in result.problems],
    }


def _build_single(spec: str, output: Path | None, force: bool, no_summary: bool, summary_format: str,
                  despite_errors: bool, library: Path | None, pdf: bool = False, lang: str | None = None) -> None:
    from .build import write_outputs
    from .draft import make_draft
    from .library import load_library
    from .renderers import render

    if output is None:
        if spec == "-":
            raise click.UsageError(_say("cli.stdin_needs_output"))
        output = Path(spec).with_suffix(".docx")
    to_stdout = str(output) == "-"
    if to_stdout and pdf:
        raise click.UsageError(_say("cli.pdf_needs_file"))
    if to_stdout and sys.stdout.isatty():
        raise click.UsageError(_say("cli.docx_to_terminal"))
    loaded = _load(spec)
    draft = make_draft(loaded, load_library(library), lang=lang)
    findings = draft.findings
    source = "<stdin>" if spec == "-" else spec
    _show_findings(findings, source, draft.agreement.language, err=True)
    errors = [f for f in findings if f.severity == "error"]
    for name, companion in draft.companions:  # an agreement drafted beside it is checked as well
        _show_findings(companion.findings, f"{source} ({name})", draft.agreement.language, err=True)
        errors += [f for f in companion.findings if f.severity == "error"]
    if errors and not despite_errors:
        _fail(_say("cli.not_built", source=source, count=len(errors)))
    data = render(draft, "agreement", "docx")
    if to_stdout:
        stream = sys.stdout.buffer  # click.get_binary_stream is deprecated from click 8.5
        stream.write(data)
        stream.flush()
        return
    written = write_outputs(draft, output, data, summary_format=None if no_summary else summary_format, pdf=pdf,
                            force=force)
    _echo(_say("cli.wrote_agreement", path=output, articles=len(draft.columns[0].articles), size=len(data)), err=True)
    for path in written[1:]:
        _echo(_say("cli.wrote", path=path), err=True)


@main.command()
@click.argument("spec", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=Path), default=None,
              help="Write to this file (default: standard output for md and html).")
@click.option("--format", "fmt", type=click.Choice(renderer_formats("summary")), default=SUMMARY_FORMAT, show_default=True,
              help="html opens in any browser, docx in Word; md is plain text.")
@click.option("--lang", type=click.Choice(DOCUMENT_LANGUAGES), default=None,
              help="Summary language (default: the agreement's); ja+en writes both, Japanese first.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@library_option
def summary(spec: str, output: Path | None, fmt: str, lang: str | None, force: bool, library: Path | None) -> None:
    """Write the plain-language summary of a deal for people who are not lawyers.

    \b
    Examples:
        ipclauses summary examples/poc-ai-en.json -o poc.summary.html
        ipclauses summary examples/poc-ai-en.json --lang ja --format docx -o poc-ja.docx
        ipclauses summary examples/nda-mutual-ja.json --lang ja+en -o nda.summary.html
    """
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
            raise click.UsageError(_say("cli.binary_to_terminal"))
        stream = sys.stdout.buffer  # click.get_binary_stream is deprecated from click 8.5
        stream.write(data)
        stream.flush()
        return
    write_atomic(output, data, force=force)
    _echo(_say("cli.wrote", path=output), err=True)


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

    \b
    Examples:
        ipclauses redline v1.docx deal-v2.json -o redline.docx
        ipclauses redline v1.docx deal-v2.json --format md
    """
    from .library import load_library
    from .redline_model import redline as compare_versions
    from .unicode_safety import unsafe_character

    if not author.strip() or unsafe_character(author) is not None or not author.isprintable():
        raise click.BadParameter(_say("cli.plain_author"), param_hint="--author")
    if fmt == "docx" and output is None:
        raise click.UsageError(_say("cli.redline_needs_output"))
    result = compare_versions(old, new, library=load_library(library), author=author, date=date)
    for warning in result.warnings:
        _echo(_say("cli.warning", message=warning), err=True)  # a Message: in the user's language
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

    \b
    Examples:
        ipclauses changes v1.docx deal-v2.json
        ipclauses changes v1.docx deal-v2.json --lang ja --format html -o changes.html
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
@click.option("--lang", default=None, metavar="CODE", callback=_remember_lang,
              help="Language of the findings' texts (default: each spec's language) and of a spec's validation errors "
                   "(default: from the locale, LANG); --json stays English.")
@library_option
def check_command(specs: tuple[str, ...], as_json: bool, fail_on: str, drafting: bool, lang: str | None,
                  library: Path | None) -> None:
    """Tell where a deal is vague, lopsided or inconsistent, and why.

    Findings go to standard output, errors (a spec that cannot be read) to standard error.

    \b
    Examples:
        ipclauses check examples/poc-ai-en.json --drafting
        ipclauses check examples/*.json --fail-on warning --json
    """
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
            _show_findings(findings, source, lang or loaded.language, err=False)
            if not findings:
                _echo(_say("cli.no_findings", source=source))
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

    \b
    Examples:
        ipclauses inspect poc.docx
        ipclauses inspect poc.docx --json
    """
    from .docx_read import inspect_docx

    info = inspect_docx(sys.stdin.buffer, name="<stdin>") if str(docx) == "-" else inspect_docx(docx)
    # Every line goes out through _echo, which spells out control and bidi characters.
    if as_json:
        _echo(json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        core = info["core_properties"]
        props = info["custom_properties"]
        _echo(_say("inspect.title", title=core.get("title", "")))
        for key in ("agreement_type", "language", "ipclauses_version", "clause_library_version", "spec_sha256"):
            _echo(f"{key}: {props.get(key, '')}")
        if "clause_library_sha256" in props:  # files built before it was recorded lack it
            _echo(f"clause_library_sha256: {props['clause_library_sha256']}")
        _echo(_say("inspect.clauses"))
        for choice in info["choices"]:
            _echo(f"  {choice['article']:>3}  {choice['clause']} ({choice['variant']})")
        if info["problems"]:
            _echo(_say("inspect.problems", count=len(info["problems"])))
        else:
            _echo(_say("inspect.consistent"))
        _echo(_say("inspect.note", note=_say("inspect.notice")))
    for problem in info["problems"]:
        _echo(_say("cli.warning", message=problem), err=True)
    if info["problems"]:
        sys.exit(EXIT_INPUT)


_VERIFY_CHANGE = {"changed": "verify.changed", "inserted": "verify.inserted", "deleted": "verify.deleted"}
_VERIFY_TRACKED = {"insertion": "verify.tracked_insertion", "deletion": "verify.tracked_deletion"}


def _show_verification(result: Verification) -> None:
    """The verification for people, in the user's language; the labels come from the message catalogue."""
    from .redline_text import wdiff

    lines = [_say("verify.file", file=result.file)]
    if result.library_changed:
        lines.append(_say("verify.library_changed", recorded=result.recorded_library_version,
                          installed=result.installed_library_version))
    else:
        lines.append(_say("verify.library", recorded=result.recorded_library_version))
    text = {None: "verify.text_unrecorded", True: "verify.text_as_written", False: "verify.text_edited"}
    lines.append(_say(text[result.text_matches_record]))
    if not result.record_matches_spec:
        lines.append(_say("verify.record_stale"))
    for drift in result.edited:
        lines.append(_say("verify.edited", article=drift.article))
        lines += [_say(_VERIFY_CHANGE[change.status], text=wdiff(change.pieces)) for change in drift.changes]
    lines += [_say("verify.added", article=label) for label in result.added]
    lines += [_say("verify.removed", article=label) for label in result.removed]
    unknown = _say("verify.unknown_author")
    for change in result.tracked_changes:
        author = change.author or unknown
        lines.append(_say(_VERIFY_TRACKED[change.kind], article=change.article, text=change.text,
                          by=f"{author}, {change.date}" if change.date else author))
    lines += [_say("verify.comment", article=c.article, by=c.author or unknown, text=c.text) for c in result.comments]
    lines += [_say("verify.problem", problem=problem) for problem in result.problems]
    lines.append(_say("verify.exact" if result.exact else "verify.differs"))
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

    \b
    Examples:
        ipclauses verify returned.docx
        ipclauses verify returned.docx --json
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
        _echo(_say("cli.error", message=exc.render(_messages_language())), err=True)
        sys.exit(EXIT_USAGE)
    if as_json:
        _echo(json.dumps(dataclasses.asdict(result), ensure_ascii=False, indent=2, sort_keys=True))
    else:
        _show_verification(result)
    sys.exit(0 if result.exact else EXIT_INPUT)


if __name__ == "__main__":  # pragma: no cover
    main()
