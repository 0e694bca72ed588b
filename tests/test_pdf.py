"""PDF output: LibreOffice converts the agreement and its summary; each PDF is checked before anything is written."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

import ipclauses.pdf as pdf
from conftest import ROOT
from ipclauses import load_spec
from ipclauses.cli import main
from ipclauses.draft import make_draft
from ipclauses.errors import PdfError

JA_EXAMPLE = ROOT / "examples" / "jrd-university-ja.json"
EN_EXAMPLE = ROOT / "examples" / "license-en.json"
PDFTOTEXT = shutil.which("pdftotext")
REQUIRED = os.environ.get("IPCLAUSES_REQUIRE_SOFFICE") == "1"
posix_only = pytest.mark.skipif(os.name != "posix", reason="the stand-in LibreOffice is a shell script")


def _cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.fixture
def no_libreoffice(tmp_path, monkeypatch):
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(pdf, "_INSTALLED", ())
    out = tmp_path / "out"
    out.mkdir()
    return out


@pytest.fixture
def stand_in_soffice(tmp_path, monkeypatch):
    """Put a shell script called soffice first on PATH, running the given body (LibreOffice's own arguments in $@)."""
    folder = tmp_path / "bin"
    folder.mkdir()

    def install(body: str) -> None:
        script = folder / "soffice"
        script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin")

    return install


# --- without LibreOffice, or when it fails: a clear error, and nothing written ----------------


def test_without_libreoffice_build_pdf_says_how_to_install_it_and_writes_nothing(no_libreoffice):
    result = _cli("build", JA_EXAMPLE, "-o", no_libreoffice / "deal.docx", "--pdf")
    assert result.exit_code == 1
    message = result.stderr
    assert "LibreOffice" in message and "not installed" in message
    assert "apt-get install libreoffice-writer-nogui fonts-ipaexfont-mincho fonts-ipaexfont-gothic" in message
    assert "macOS or Windows" in message and "libreoffice.org" in message
    assert _files(no_libreoffice) == [], "no agreement without its PDF, and no temporary file"


def test_without_libreoffice_summary_pdf_is_the_same_clear_error(no_libreoffice):
    result = _cli("summary", EN_EXAMPLE, "--format", "pdf", "-o", no_libreoffice / "summary.pdf")
    assert result.exit_code == 1 and "LibreOffice" in result.stderr and "libreoffice-writer-nogui" in result.stderr
    assert "fonts-ipaexfont" not in result.stderr, "an English document needs no Japanese fonts"
    assert _files(no_libreoffice) == []


def test_without_libreoffice_the_error_reads_in_the_users_language(no_libreoffice):
    args = ["build", str(JA_EXAMPLE), "-o", str(no_libreoffice / "deal.docx"), "--pdf"]
    result = CliRunner(env={"LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}).invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "エラー：PDF を作るには LibreOffice が必要ですが、インストールされていません（PATH に soffice がありません）。"
        "Debian・Ubuntu では次のコマンドでインストールしてください："
        "sudo apt-get install libreoffice-writer-nogui fonts-ipaexfont-mincho fonts-ipaexfont-gothic。"
        "macOS・Windows では https://www.libreoffice.org/download/ からインストーラーを入手してください")
    result = CliRunner(env={"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}).invoke(main, args)
    assert result.stderr.splitlines()[-1] == (
        "error: a PDF needs LibreOffice, which is not installed (no soffice on PATH); install it: on Debian or Ubuntu: "
        "sudo apt-get install libreoffice-writer-nogui fonts-ipaexfont-mincho fonts-ipaexfont-gothic; "
        "on macOS or Windows: the installer from https://www.libreoffice.org/download/")
    assert _files(no_libreoffice) == []


def test_a_pdf_error_reads_in_japanese():
    from ipclauses.locales import get_locale

    missing = pdf._no_fonts(get_locale("ja"))
    assert str(missing) == ("no font for ja-JP text is installed, so the PDF cannot show this document's text; "
                            "on Debian or Ubuntu: sudo apt-get install fonts-ipaexfont-mincho fonts-ipaexfont-gothic")
    assert missing.render("ja") == ("この文書の言語（ja-JP）のフォントがインストールされていないため、PDF に文書の文字を表示できません。"
                                    "Debian・Ubuntu では次のコマンドでインストールしてください："
                                    "sudo apt-get install fonts-ipaexfont-mincho fonts-ipaexfont-gothic")
    with pytest.raises(PdfError) as caught:
        pdf._checked(Path("/nonexistent/none.pdf"), "Error: source file could not be loaded", None, get_locale("ja"), None)
    assert str(caught.value) == ("LibreOffice wrote no PDF (LibreOffice said: Error: source file could not be loaded); "
                                 "try again, or open the DOCX in LibreOffice to see what it reports")
    assert caught.value.render("ja") == ("LibreOffice が PDF を書き出しませんでした（LibreOffice のメッセージ："
                                         "Error: source file could not be loaded）。もう一度試すか、DOCX を LibreOffice で開いて、"
                                         "表示される内容を確認してください")


def test_an_existing_pdf_fails_the_build_before_anything_is_converted_or_written(tmp_path, monkeypatch):
    def must_not_run(*args, **kwargs):
        raise AssertionError("converted although the build could not be written")

    monkeypatch.setattr(pdf, "docx_to_pdf", must_not_run)
    (tmp_path / "deal.pdf").write_bytes(b"%PDF- the user's own")
    result = _cli("build", JA_EXAMPLE, "-o", tmp_path / "deal.docx", "--pdf")
    assert result.exit_code == 1 and "deal.pdf: already exists; use --force" in result.stderr
    assert _files(tmp_path) == ["deal.pdf"] and (tmp_path / "deal.pdf").read_bytes() == b"%PDF- the user's own"


def test_missing_japanese_fonts_are_named_with_their_packages(no_libreoffice, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "_fonts_covering", lambda language: set())  # fontconfig knows no font for Japanese
    result = _cli("build", JA_EXAMPLE, "-o", no_libreoffice / "deal.docx", "--pdf")
    assert result.exit_code == 1
    assert "no font for ja-JP text" in result.stderr
    assert "apt-get install fonts-ipaexfont-mincho fonts-ipaexfont-gothic" in result.stderr
    assert _files(no_libreoffice) == []


@posix_only
@pytest.mark.parametrize(("body", "says"), [
    ("exit 0", "LibreOffice wrote no PDF"),
    ('while [ $# -gt 0 ]; do [ "$1" = --outdir ] && mkdir -p "$2" && echo "General Error" > "$2/document-0.pdf"; shift; done',
     "not a PDF"),
], ids=["no-file", "not-a-pdf"])
def test_libreoffice_exiting_0_is_not_taken_on_its_word(tmp_path, stand_in_soffice, body, says):
    stand_in_soffice(body)
    out = tmp_path / "out"
    out.mkdir()
    result = _cli("build", EN_EXAMPLE, "-o", out / "deal.docx", "--pdf")
    assert result.exit_code == 1 and says in result.stderr
    assert _files(out) == []


@posix_only
def test_a_libreoffice_that_hangs_is_stopped(stand_in_soffice):
    stand_in_soffice("exec sleep 60")
    draft = make_draft(load_spec(EN_EXAMPLE))
    with pytest.raises(PdfError, match="did not finish converting to PDF within 1 seconds"):
        pdf.docx_to_pdf([b"PK"], locale=draft.summary.locale, created=draft.spec.effective_date, timeout=1)


def test_the_clock_and_the_random_file_id_give_way_to_the_content():
    import datetime

    def made(clock: bytes, file_id: bytes) -> bytes:
        return (b"%PDF-1.7\n1 0 obj<</CreationDate(D:" + clock + b"Z')>>endobj\ntrailer\n<</ID [ <" + file_id
                + b">\n<" + file_id + b"> ]\n/DocChecksum /" + file_id[::-1] + b">>\n%%EOF\n")

    created = datetime.date(2025, 4, 1)
    first = pdf._reproducible(made(b"20261201034526", b"0EB606036BC8F35CBB2F28D69294DC4A"), created)
    second = pdf._reproducible(made(b"20270102101010", b"1234567890ABCDEF1234567890ABCDEF"), created)
    assert first == second and len(first) == len(made(b"20261201034526", b"0" * 32))
    assert b"/CreationDate(D:20250401000000Z')" in first


# --- with LibreOffice ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def libreoffice():
    if not (pdf.find_soffice() and PDFTOTEXT):
        if REQUIRED:
            raise RuntimeError("LibreOffice and pdftotext are required in CI (apt: libreoffice-writer-nogui poppler-utils)")
        pytest.skip("LibreOffice or pdftotext not installed")


def _text(path: Path) -> str:
    text = subprocess.run([PDFTOTEXT, "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", text)  # pdftotext spaces out mixed scripts; compare without spaces


@pytest.fixture(scope="module")
def built(libreoffice, tmp_path_factory):
    """Each example built with --pdf once: LibreOffice's start-up costs seconds."""
    folder = tmp_path_factory.mktemp("pdf")
    results = {
        "ja": _cli("build", JA_EXAMPLE, "-o", folder / "ja.docx", "--pdf"),
        "en": _cli("build", EN_EXAMPLE, "-o", folder / "en.docx", "--pdf", "--no-summary"),
    }
    return folder, results


@pytest.mark.parametrize(("lang", "example"), [("ja", JA_EXAMPLE), ("en", EN_EXAMPLE)])
def test_build_pdf_writes_a_pdf_with_every_article_heading(built, lang, example):
    folder, results = built
    assert results[lang].exit_code == 0, results[lang].output
    assert f"wrote {folder / f'{lang}.pdf'}" in results[lang].stderr
    text = _text(folder / f"{lang}.pdf")
    agreement = make_draft(load_spec(example)).agreement
    for article in agreement.articles:
        # The number comes from Word numbering, the title from the text: together they show the numbering rendered.
        assert re.sub(r"\s+", "", article.heading) in text, article.heading
    assert all(re.sub(r"\s+", "", p.legal_name) in text for p in load_spec(example).parties)


def test_japanese_fonts_are_embedded(built):
    folder, _ = built
    if shutil.which("pdffonts") is None:
        pytest.skip("poppler's pdffonts not installed")
    listing = subprocess.run(["pdffonts", str(folder / "ja.pdf")], check=True, capture_output=True, text=True).stdout
    fonts = [line.split() for line in listing.splitlines()[2:]]
    assert fonts and all(f[-5] == "yes" for f in fonts), listing
    assert any("IPAexMincho" in f[0] for f in fonts) and any("IPAexGothic" in f[0] for f in fonts), \
        "text in Mincho and headings in Gothic, as the template's Word fonts ask"


def test_the_summary_pdf_is_written_beside_the_summary_and_summary_format_pdf_gives_the_same_bytes(built, tmp_path):
    folder, _ = built
    assert _files(folder) == ["en.docx", "en.pdf", "ja.docx", "ja.pdf", "ja.summary.html", "ja.summary.pdf"]
    summary = make_draft(load_spec(JA_EXAMPLE)).summary
    assert summary.title.replace(" ", "") in _text(folder / "ja.summary.pdf")
    result = _cli("summary", JA_EXAMPLE, "--format", "pdf", "-o", tmp_path / "summary.pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "summary.pdf").read_bytes() == (folder / "ja.summary.pdf").read_bytes(), "same spec, same bytes"



def test_a_batch_build_with_pdf_gives_each_spec_the_pdfs_a_single_build_gives(built, tmp_path):
    folder, _ = built
    batch = tmp_path / "batch"
    result = _cli("build", JA_EXAMPLE, EN_EXAMPLE, "-o", batch, "-j", "2", "--pdf", "--json")
    assert result.exit_code == 0, result.output
    reported = {Path(r["file"]).stem: r["pdfs"] for r in json.loads(result.stdout)}
    ja, en = Path(JA_EXAMPLE).stem, Path(EN_EXAMPLE).stem
    assert reported == {ja: [str(batch / f"{ja}.pdf"), str(batch / f"{ja}.summary.pdf")],
                        en: [str(batch / f"{en}.pdf"), str(batch / f"{en}.summary.pdf")]}
    # the same spec gives the same PDF, built alone or in a batch
    assert (batch / f"{ja}.pdf").read_bytes() == (folder / "ja.pdf").read_bytes()
    assert (batch / f"{ja}.summary.pdf").read_bytes() == (folder / "ja.summary.pdf").read_bytes()
    assert re.sub(r"\s+", "", make_draft(load_spec(EN_EXAMPLE)).agreement.articles[0].heading) in _text(batch / f"{en}.pdf")
