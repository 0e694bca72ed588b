"""PDF output: LibreOffice converts Word documents this package rendered, and each PDF is checked.

LibreOffice runs headless with a private, temporary profile, so it never touches the user's
own and works while another LibreOffice is open. It exits 0 even when a conversion fails, so
nothing is taken on its word: each PDF must exist and be a PDF, and, where poppler's pdffonts
and fontconfig can tell, embed all its fonts, one of them covering the document's language.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from .errors import PdfError
from .locales import Locale
from .messages import message
from .resources import data_dir

TIMEOUT = 180.0  # seconds for one LibreOffice run; a start with a new profile takes a few

# Where LibreOffice's installers put it, for when it is not on PATH.
_INSTALLED = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
_SYSTEM_FONTCONFIG = Path("/etc/fonts/fonts.conf")


def find_soffice() -> str | None:
    """LibreOffice's soffice: on PATH, or where its installer puts it; None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in _INSTALLED if os.path.isfile(path)), None)


def _install_command(locale: Locale) -> str:
    return "sudo apt-get install " + " ".join(("libreoffice-writer-nogui", *locale.pdf_font_packages))


def _no_fonts(locale: Locale) -> PdfError:
    packages = " ".join(locale.pdf_font_packages)
    how = message("pdf.install_fonts", packages=packages) if packages else message("pdf.install_a_font")
    return PdfError(message("pdf.no_font", tag=locale.tag, how=how))


def docx_to_pdf(documents: Sequence[bytes], *, locale: Locale, created: date, timeout: float = TIMEOUT) -> list[bytes]:
    """Each Word document as PDF bytes, all converted in one LibreOffice run (its start-up is most of the cost).

    `locale` is the documents' language, whose fonts are checked; `created` (the agreement's
    date) stands in for the clock in the PDF, so the same documents give the same bytes.
    Raises PdfError when LibreOffice or the language's fonts are missing, or a PDF fails its checks.
    """
    soffice = find_soffice()
    if soffice is None:
        raise PdfError(message("pdf.no_libreoffice", command=_install_command(locale)))
    covering = _fonts_covering(locale.code)
    if covering is not None and not covering:
        raise _no_fonts(locale)
    with tempfile.TemporaryDirectory(prefix="ipclauses-pdf-") as work:
        root = Path(work)
        sources = [root / f"document-{n}.docx" for n in range(len(documents))]
        for path, data in zip(sources, documents, strict=True):
            path.write_bytes(data)
        said = _convert(soffice, root, sources, timeout)
        return [_checked(root / "pdf" / f"{path.stem}.pdf", said, covering, locale, created) for path in sources]


def _convert(soffice: str, root: Path, sources: list[Path], timeout: float) -> str:
    """Run LibreOffice on the sources, writing PDFs into root/pdf; returns what it said on stderr."""
    args = [
        soffice, f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless", "--norestore", "--nolockcheck",
        "--infilter=MS Word 2007 XML", "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(root / "pdf"),
        *map(str, sources),
    ]
    env = dict(os.environ, TZ="UTC")  # a creation date in UTC has the one form _reproducible replaces
    if "FONTCONFIG_FILE" not in env and _SYSTEM_FONTCONFIG.is_file():
        env["FONTCONFIG_FILE"] = str(data_dir("templates") / "fonts.conf")
    try:
        process = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   cwd=root, env=env, start_new_session=os.name == "posix")
    except OSError as exc:
        from .build import os_reason

        raise PdfError(message("pdf.cannot_start", soffice=soffice, reason=os_reason(exc))) from None
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise PdfError(message("pdf.timeout", seconds=timeout)) from None
    except BaseException:  # Ctrl-C: LibreOffice runs in its own session, so stop it here
        _stop(process)
        raise
    return stderr.decode("utf-8", "replace").strip()


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and the processes it started (its launcher starts the real one)."""
    with contextlib.suppress(OSError):
        if os.name == "posix":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=10)


def _checked(pdf: Path, said: str, covering: set[str] | None, locale: Locale, created: date) -> bytes:
    detail = message("pdf.libreoffice_said", said=said[-500:]) if said else ""
    try:
        data = pdf.read_bytes()
    except FileNotFoundError:
        raise PdfError(message("pdf.no_pdf", detail=detail)) from None
    if not data.startswith(b"%PDF-"):
        raise PdfError(message("pdf.not_a_pdf", detail=detail))
    fonts = _pdf_fonts(pdf)
    if fonts is not None:
        missing = sorted({name for name, embedded in fonts.items() if not embedded})
        if missing:
            raise PdfError(message("pdf.fonts_not_embedded", fonts=", ".join(missing)))
        if covering is not None and not covering & fonts.keys():
            raise _no_fonts(locale)
    return _reproducible(data, created)


# --- fonts ------------------------------------------------------------------------------------


def _fonts_covering(language: str) -> set[str] | None:
    """PostScript names of the installed fonts that cover a language, or None where fontconfig is not there to ask."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None  # macOS and Windows: LibreOffice finds the system's fonts without fontconfig
    try:
        result = subprocess.run([fc_list, "--format", "%{postscriptname}\n", f":lang={language}"],
                                capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    return {line.strip() for line in result.stdout.splitlines() if line.strip()}


_SUBSET_PREFIX = re.compile(r"[A-Z]{6}\+")


def _pdf_fonts(pdf: Path) -> dict[str, bool] | None:
    """Each font a PDF uses (its PostScript name) and whether it is embedded; None without poppler's pdffonts."""
    pdffonts = shutil.which("pdffonts")
    if pdffonts is None:
        return None
    try:
        result = subprocess.run([pdffonts, str(pdf)], capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        raise PdfError(message("pdf.unreadable", reason=result.stderr.strip()[-300:]))
    fonts: dict[str, bool] = {}
    for line in result.stdout.splitlines()[2:]:  # after the header and its rule
        fields = line.split()
        if len(fields) >= 6:  # name, type (may be two words), encoding, emb, sub, uni, object, generation
            name = _SUBSET_PREFIX.sub("", fields[0], count=1)
            fonts[name] = fonts.get(name, True) and fields[-5] == "yes"
    return fonts


# --- same documents, same bytes ---------------------------------------------------------------

_CREATION_DATE = re.compile(rb"/CreationDate\(D:(\d{14})Z'\)")
# The file's ID, and LibreOffice's checksum of the document in the trailer: both hash the clock's time.
_HASHES = (re.compile(rb"/ID \[ ?<([0-9A-F]{32})>\s*<([0-9A-F]{32})> ?\]"), re.compile(rb"/DocChecksum /([0-9A-F]{32})"))


def _reproducible(pdf: bytes, created: date) -> bytes:
    """The PDF with the clock's time, and the hashes that include it, replaced in place by values from its content.

    Each replacement has the original's length, so the cross-reference offsets stay right.
    """
    out = bytearray(pdf)
    for match in _CREATION_DATE.finditer(pdf):
        out[match.start(1):match.end(1)] = f"{created:%Y%m%d}000000".encode("ascii")
    spans = [match.span(group) for pattern in _HASHES for match in pattern.finditer(pdf) for group in range(1, pattern.groups + 1)]
    for start, end in spans:
        out[start:end] = b"0" * (end - start)
    digest = hashlib.sha256(out).hexdigest()[:32].upper().encode("ascii")
    for start, end in spans:
        out[start:end] = digest
    return bytes(out)
