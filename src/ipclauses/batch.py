"""Build many agreements at once, in parallel processes, without one failure stopping the rest.

The parent hands each worker process one spec at a time over its own pipe, so it always
knows which spec a worker holds. A worker that dies (killed for memory, crashed) costs
only the spec it held, reported as failed; a new worker takes its place.
"""

from __future__ import annotations

import contextlib
import errno
import multiprocessing
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection, wait
from multiprocessing.context import ForkContext, SpawnContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from .build import describe_os_error, os_reason, summary_path, sweep_stale_temporaries
from .errors import IpclausesError, OutputError, Problem, SpecError
from .messages import Message, message

if TYPE_CHECKING:
    from .checks import Finding

_SHOWN = ("error", "warning")  # the findings a batch reports; info ones are for `check`


@dataclass(frozen=True)
class BatchResult:
    """What happened to one spec of a batch.

    `problems` say why it failed, each without the spec's own name (the caller names it once);
    `findings` are its deal-check findings of severity error or warning, whether or not it was
    built, with `language` the agreement's language to show them in.
    """

    spec: str
    output: str | None  # the .docx written, or None when it failed
    problems: tuple[Problem, ...] = ()
    articles: int = 0
    summary: str | None = None  # the summary written beside the agreement, if any
    findings: tuple[Finding, ...] = ()
    language: str | None = None  # None when the spec could not be read
    pdfs: tuple[str, ...] = ()  # with pdf: the agreement's PDF, then its summary's
    companions: tuple[str, ...] = ()  # agreements drafted beside it (a joint R&D's joint filing agreements)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def error(self) -> str | None:
        """Why it failed, in words for people, one line per problem; None when it was built."""
        if not self.problems:
            return None
        return "\n".join(f"{p.path}: {p.message}" if p.path else p.message for p in self.problems)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == "warning")


def _failed(spec: str, why: Message) -> BatchResult:
    return BatchResult(spec, None, (Problem.of("", why),))


@dataclass(frozen=True)
class _Options:
    out_dir: str
    library: str | None
    force: bool
    summary_format: str | None
    despite_errors: bool
    pdf: bool = False
    lang: str | None = None  # the language to draft in, whatever each spec says


_OPTIONS: _Options | None = None


def _init(options: _Options) -> None:
    """Remember the options and load the library once (before forking, so workers share it)."""
    global _OPTIONS
    _OPTIONS = options
    from .library import load_library

    # Whatever goes wrong is reported per spec by _build_one; a worker that died here would
    # only be replaced by another that dies the same way.
    with contextlib.suppress(Exception):
        load_library(options.library)


def _build_one(spec_path: str) -> BatchResult:
    from .build import write_outputs
    from .draft import make_draft
    from .library import load_library
    from .loading import load_spec
    from .renderers import render

    options = _OPTIONS
    assert options is not None
    out = Path(options.out_dir) / (Path(spec_path).stem + ".docx")
    findings: tuple[Finding, ...] = ()
    language = None
    try:
        spec = load_spec(Path(spec_path))
        draft = make_draft(spec, load_library(options.library), lang=options.lang)
        findings = tuple(f for f in draft.findings if f.severity in _SHOWN)
        language = draft.agreement.language
        errors = [f for f in findings if f.severity == "error"]
        if errors and not options.despite_errors:
            ids = ", ".join(dict.fromkeys(f.id for f in errors))
            raise OutputError(message("output.not_built_findings", count=len(errors), ids=ids))
        data = render(draft, "agreement", "docx")
        written = write_outputs(draft, out, data, summary_format=options.summary_format, pdf=options.pdf,
                                force=options.force)
        summary = summary_path(out, options.summary_format) if options.summary_format else None
        pdfs = tuple(str(p) for p in written if p.suffix == ".pdf" and p != summary)
        companions = tuple(str(p) for p in written[1:] if p.suffix == ".docx" and p != summary)
        return BatchResult(spec_path, str(out), (), len(draft.columns[0].articles), None if summary is None else str(summary),
                           findings, language, pdfs, companions)
    except SpecError as exc:
        # "/" for the whole document, as SpecError's own lines say: a problem without a path has no pointer
        return BatchResult(spec_path, None, tuple(p if p.path else replace(p, path="/") for p in exc.errors))
    except IpclausesError as exc:  # a catalogued error keeps its message, to be shown in the user's language
        problem = Problem.of("", exc.catalogued) if exc.catalogued is not None else Problem("", str(exc))
        return BatchResult(spec_path, None, (problem,), findings=findings, language=language)
    except Exception as exc:  # one broken spec must not stop a batch of hundreds
        internal = message("output.internal_error", kind=type(exc).__name__, error=str(exc))
        return BatchResult(spec_path, None, (Problem.of("", internal),), findings=findings, language=language)


# --- Ctrl-C ------------------------------------------------------------------------------------


class _Interrupt:
    """SIGINT handler for a batch: the first Ctrl-C lets the specs being built finish (so what
    was written is known and reported), a second one stops at once."""

    requested = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True


@contextlib.contextmanager
def _interrupt_between_specs() -> Iterator[_Interrupt]:
    interrupt = _Interrupt()
    # Only where Ctrl-C would raise KeyboardInterrupt anyway: never override a caller's own handler.
    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield interrupt
        return
    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield interrupt
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Hold SIGINT back while a worker starts: it inherits the block until it has set SIGINT aside,
    so a Ctrl-C at that moment cannot end it with a traceback; the parent gets the signal after."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


# --- workers -----------------------------------------------------------------------------------


def _work(conn: Connection, options: _Options, inherited: list[Connection]) -> None:
    """A worker process: build each spec path received, send back its result, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for other in inherited:  # forked copies of the parent's ends of other workers' pipes:
        other.close()  # held open here, they would keep those workers waiting if the parent died
    _init(options)
    with contextlib.suppress(EOFError, OSError):  # the parent has gone: stop quietly
        while (spec := conn.recv()) is not None:
            conn.send(_build_one(spec))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    task: tuple[int, str] | None = None  # (index, spec path) being built


def _death(process: BaseProcess) -> Message:
    process.join(5)
    code = process.exitcode
    if code is None:
        return message("output.worker_silent")
    if code < 0:
        if -code == 9:  # SIGKILL: what the kernel's out-of-memory killer sends
            return message("output.worker_out_of_memory")
        try:
            return message("output.worker_killed_named", signal=-code, name=signal.Signals(-code).name)
        except ValueError:
            return message("output.worker_killed", signal=-code)
    return message("output.worker_exited", code=code)


def _run_workers(todo: list[tuple[int, str]], jobs: int, options: _Options,
                 report: Callable[[int, BatchResult], None], interrupt: _Interrupt) -> None:
    # fork shares the loaded library with the workers; elsewhere spawn reloads it (from the cache).
    fork = "fork" in multiprocessing.get_all_start_methods()
    ctx: ForkContext | SpawnContext = multiprocessing.get_context("fork") if fork else multiprocessing.get_context("spawn")
    if fork:
        _init(options)  # loaded once here, shared by every worker, and by a replacement at once
    queue = deque(todo)
    workers: list[_Worker] = []

    def give(worker: _Worker) -> None:
        worker.task = queue.popleft() if queue and not interrupt.requested else None
        with contextlib.suppress(OSError):  # a dead worker: its sentinel tells, and it holds this task
            worker.conn.send(None if worker.task is None else worker.task[1])

    def start() -> None:
        parent_end, child_end = ctx.Pipe()
        inherited = [w.conn for w in workers] if fork else []
        try:
            process = ctx.Process(target=_work, args=(child_end, options, inherited), daemon=True)
            with _sigint_blocked():
                process.start()
        except OSError as exc:
            parent_end.close()
            if workers:
                return  # go on with the workers there are
            while queue:
                index, spec = queue.popleft()
                report(index, _failed(spec, message("output.no_worker", reason=os_reason(exc))))
            return
        finally:
            child_end.close()
        worker = _Worker(process, parent_end)
        workers.append(worker)
        give(worker)

    finished = False
    try:
        for _ in range(jobs):
            start()
        while busy := [w for w in workers if w.task is not None]:
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
            for worker in busy:
                if worker.conn not in ready and worker.process.sentinel not in ready:
                    continue
                assert worker.task is not None
                index, spec = worker.task
                result = None
                with contextlib.suppress(EOFError, OSError):
                    if worker.conn.poll():
                        result = worker.conn.recv()
                alive = result is not None and worker.process.sentinel not in wait([worker.process.sentinel], 0)
                if result is None:
                    result = _failed(spec, message("output.worker_died", why=_death(worker.process)))
                report(index, result)
                if alive:
                    give(worker)
                    continue
                worker.task = None
                workers.remove(worker)
                worker.conn.close()
                if worker.process.is_alive():  # its pipe broke, yet it runs: it is of no more use
                    worker.process.kill()
                worker.process.join(5)
                if queue and not interrupt.requested:
                    start()  # a replacement, with the library already loaded when forked
        finished = True
    finally:
        _stop(workers, patient=finished)


def _stop(workers: list[_Worker], *, patient: bool) -> None:
    """End the workers: told to stop, they finish; otherwise (an error, a second Ctrl-C) they are killed."""
    for worker in workers:
        if worker.task is not None or not patient:
            worker.process.terminate()
    for worker in workers:
        worker.process.join(10 if patient else 2)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(2)
        worker.conn.close()


# --- the batch ---------------------------------------------------------------------------------


def build_many(
    specs: Iterable[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    jobs: int | None = None,
    *,
    library: str | os.PathLike[str] | None = None,
    force: bool = False,
    summary_format: str | None = "html",
    despite_errors: bool = False,
    on_result: Callable[[BatchResult], None] | None = None,
    pdf: bool = False,
    lang: str | None = None,
) -> list[BatchResult]:
    """Build every spec into out_dir (created if missing), `jobs` processes at a time.

    Each spec gives <stem>.docx (and <stem>.summary.<format> unless summary_format is
    None); with `pdf`, <stem>.pdf and the summary's PDF beside them, one LibreOffice run per spec. A spec that fails, or whose worker process dies, is reported in its
    BatchResult; the others go on. `on_result` is called in the calling process as each
    result arrives (for progress). Results come back in the order of `specs`. `lang` drafts every spec
    in that language ("ja+en": both side by side) for this run.

    On Ctrl-C the specs being built are finished and reported through `on_result`, no
    more are started, and KeyboardInterrupt is raised: every output written was reported.
    """
    paths = [os.fspath(s) for s in specs]
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(message("output.batch_folder_is_file", path=out)) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise OutputError(describe_os_error(out, exc)) from None
        raise OutputError(message("output.cannot_create_folder", path=out, reason=os_reason(exc))) from None
    sweep_stale_temporaries(out)  # once for the batch, not once per write
    options = _Options(str(out), None if library is None else str(Path(library).resolve()), force, summary_format, despite_errors,
                       pdf, lang)
    results: list[BatchResult | None] = [None] * len(paths)

    def report(index: int, result: BatchResult) -> None:
        results[index] = result
        if on_result:
            on_result(result)

    todo: list[tuple[int, str]] = []
    claimed: dict[str, str] = {}  # every output name of the batch (agreements and summaries) -> its spec
    for index, spec in enumerate(paths):
        stem = Path(spec).stem
        names = [stem + ".docx"] + ([summary_path(stem + ".docx", summary_format).name] if summary_format else [])
        if pdf:
            names += [stem + ".pdf"] + ([summary_path(stem + ".docx", "pdf").name] if summary_format else [])
        clash = next((name for name in names if name in claimed), None)
        if clash is None:
            claimed.update(dict.fromkeys(names, spec))
            todo.append((index, spec))
        elif clash == names[0] and Path(claimed[clash]).stem == stem:
            report(index, _failed(spec, message("output.same_file_name", other=claimed[clash], name=clash)))
        else:
            report(index, _failed(spec, message("output.same_output", name=clash, other=claimed[clash])))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    with _interrupt_between_specs() as interrupt:
        if jobs == 1:
            _init(options)
            for index, spec in todo:
                if interrupt.requested:
                    break
                report(index, _build_one(spec))
        else:
            _run_workers(todo, jobs, options, report, interrupt)
    if interrupt.requested:
        raise KeyboardInterrupt
    return [r for r in results if r is not None]
