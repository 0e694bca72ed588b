"""Build many agreements at once, in parallel processes, without one failure stopping the rest."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import IpclausesError, OutputError


@dataclass(frozen=True)
class BatchResult:
    """What happened to one spec of a batch."""

    spec: str
    output: str | None  # the .docx written, or None when it failed
    error: str | None  # why it failed, in words for people
    articles: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class _Options:
    out_dir: str
    library: str | None
    force: bool
    summary_format: str | None
    despite_errors: bool


_OPTIONS: _Options | None = None


def _init(options: _Options) -> None:
    """Per worker process: remember the options and load the library once."""
    global _OPTIONS
    _OPTIONS = options
    from .library import load_library

    try:
        load_library(options.library)
    except IpclausesError:
        pass  # reported per spec by _build_one


def _build_one(spec_path: str) -> BatchResult:
    from .build import document_bytes, write_with_summary
    from .checks import run_checks
    from .loading import load_spec

    options = _OPTIONS
    assert options is not None
    out = Path(options.out_dir) / (Path(spec_path).stem + ".docx")
    try:
        spec = load_spec(Path(spec_path))
        errors = [f for f in run_checks(spec) if f.severity == "error"]
        if errors and not options.despite_errors:
            raise OutputError(f"not built: {errors[0].path}: {errors[0].message} ({errors[0].id}); pass --despite-errors to build anyway")
        agreement, data = document_bytes(spec, options.library)
        write_with_summary(spec, out, data, summary_format=options.summary_format, library=options.library,
                           force=options.force)
        return BatchResult(spec_path, str(out), None, len(agreement.articles))
    except IpclausesError as exc:
        return BatchResult(spec_path, None, str(exc))
    except Exception as exc:  # one broken spec must not stop a batch of hundreds
        return BatchResult(spec_path, None, f"internal error ({type(exc).__name__}: {exc}); please report it")


def build_many(
    specs: Iterable[str | os.PathLike],
    out_dir: str | os.PathLike,
    jobs: int | None = None,
    *,
    library: str | os.PathLike | None = None,
    force: bool = False,
    summary_format: str | None = "html",
    despite_errors: bool = False,
    on_result: Callable[[BatchResult], None] | None = None,
) -> list[BatchResult]:
    """Build every spec into out_dir (created if missing), `jobs` processes at a time.

    Each spec gives <stem>.docx (and <stem>.summary.<format> unless summary_format is
    None). A spec that fails is reported in its BatchResult; the others go on.
    `on_result` is called in the calling process as each result arrives (for progress).
    Results come back in the order of `specs`.
    """
    specs = [str(s) for s in specs]
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: is a file; give a folder for a batch build")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror})") from None
    options = _Options(str(out), None if library is None else str(Path(library).resolve()), force, summary_format, despite_errors)
    results: dict[int, BatchResult] = {}
    todo: list[tuple[int, str]] = []
    seen: dict[str, str] = {}
    for index, spec in enumerate(specs):
        stem = Path(spec).stem
        if stem in seen:
            results[index] = BatchResult(spec, None, f"has the same file name as {seen[stem]}, so both would write {stem}.docx; rename one")
            if on_result:
                on_result(results[index])
        else:
            seen[stem] = spec
            todo.append((index, spec))
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    if jobs == 1:
        _init(options)
        for index, spec in todo:
            results[index] = _build_one(spec)
            if on_result:
                on_result(results[index])
    else:
        # fork shares the loaded library with the workers; elsewhere spawn reloads it (from the cache).
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        ctx = multiprocessing.get_context(method)
        with ctx.Pool(jobs, initializer=_init, initargs=(options,)) as pool:
            paths = [spec for _, spec in todo]
            chunk = max(1, min(16, len(paths) // (jobs * 8) or 1))
            for (index, _), result in zip(todo, pool.imap(_build_one, paths, chunksize=chunk), strict=False):
                results[index] = result
                if on_result:
                    on_result(result)
    return [results[i] for i in range(len(specs))]
