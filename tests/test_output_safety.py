"""Writing outputs: all or nothing, never over what the user did not ask to replace, and the truth when it fails."""

import errno
import os
import socket

import pytest
from click.testing import CliRunner

from conftest import NDA_EXAMPLE
from ipclauses import OutputError, load_spec
from ipclauses.build import document_bytes, write_atomic, write_with_summary
from ipclauses.cli import main


@pytest.fixture(scope="module")
def nda():
    spec = load_spec(NDA_EXAMPLE)
    return spec, document_bytes(spec)[1]


def _build(*args):
    return CliRunner().invoke(main, ["build", str(NDA_EXAMPLE), *map(str, args)])


def _fail_call(monkeypatch, name, number, exc):
    """Make os.<name> raise exc on its number-th call from now on (once)."""
    real = getattr(os, name)
    calls = []

    def fake(*args, **kwargs):
        calls.append(args)
        if len(calls) == number:
            raise exc
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, fake)


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


# --- disk full and failures between the agreement and its summary ------------------------------


def test_disk_full_while_writing_the_summary_leaves_no_lone_agreement(tmp_path, monkeypatch):
    # The second file flushed to disk is the summary: the agreement's temporary file is already written.
    _fail_call(monkeypatch, "fsync", 2, OSError(errno.ENOSPC, "No space left on device"))
    result = _build("-o", tmp_path / "a.docx")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert "a.summary.html: could not be written (No space left on device); nothing was changed" in result.stderr
    assert _names(tmp_path) == [], "nothing was changed: true"


def test_disk_full_while_writing_the_summary_keeps_the_old_files_with_force(tmp_path, monkeypatch):
    (tmp_path / "a.docx").write_bytes(b"old agreement")
    (tmp_path / "a.summary.html").write_bytes(b"old summary")
    _fail_call(monkeypatch, "fsync", 2, OSError(errno.ENOSPC, "No space left on device"))
    result = _build("-o", tmp_path / "a.docx", "--force")
    assert result.exit_code == 1 and "nothing was changed" in result.stderr
    assert (tmp_path / "a.docx").read_bytes() == b"old agreement"
    assert (tmp_path / "a.summary.html").read_bytes() == b"old summary"
    assert _names(tmp_path) == ["a.docx", "a.summary.html"]


def test_a_summary_that_cannot_be_put_in_place_takes_the_new_agreement_back(tmp_path, monkeypatch, nda):
    spec, data = nda
    _fail_call(monkeypatch, "link", 2, OSError(errno.ENOSPC, "No space left on device"))  # the summary's link
    with pytest.raises(OutputError, match=r"a\.summary\.html: could not be written .*; nothing was changed"):
        write_with_summary(spec, tmp_path / "a.docx", data, summary_format="html")
    assert _names(tmp_path) == []


def test_a_replaced_agreement_without_its_new_summary_is_named(tmp_path, monkeypatch, nda):
    spec, data = nda
    (tmp_path / "a.docx").write_bytes(b"old agreement")
    (tmp_path / "a.summary.html").write_bytes(b"old summary")
    _fail_call(monkeypatch, "replace", 2, OSError(errno.EIO, "Input/output error"))
    with pytest.raises(OutputError) as info:
        write_with_summary(spec, tmp_path / "a.docx", data, summary_format="html", force=True)
    message = str(info.value)
    assert "a.docx: was written, but " in message and "a.summary.html could not be (Input/output error)" in message
    assert "nothing was changed" not in message
    assert (tmp_path / "a.docx").read_bytes() == data, "what the message says was written"
    assert (tmp_path / "a.summary.html").read_bytes() == b"old summary"
    assert _names(tmp_path) == ["a.docx", "a.summary.html"], "no temporary file left"


# --- Ctrl-C in a single build ------------------------------------------------------------------


def test_ctrl_c_between_agreement_and_summary_leaves_nothing_and_says_so(tmp_path, monkeypatch):
    _fail_call(monkeypatch, "link", 2, KeyboardInterrupt())
    result = _build("-o", tmp_path / "a.docx")
    assert result.exit_code == 130
    assert "interrupted; no output was written" in result.stderr
    assert _names(tmp_path) == []


def test_ctrl_c_after_replacing_the_agreement_says_it_was_written(tmp_path, monkeypatch):
    (tmp_path / "a.docx").write_bytes(b"old agreement")
    _fail_call(monkeypatch, "replace", 2, KeyboardInterrupt())
    result = _build("-o", tmp_path / "a.docx", "--force")
    assert result.exit_code == 130
    assert f"interrupted after writing {tmp_path / 'a.docx'}" in result.stderr
    assert "no output was written" not in result.stderr
    assert (tmp_path / "a.docx").read_bytes() != b"old agreement"


def test_ctrl_c_after_both_files_are_written_names_them(tmp_path, monkeypatch):
    import click

    real = click.echo

    def interrupted_echo(message=None, *args, **kwargs):  # Ctrl-C while printing "wrote ...": all is on disk
        if str(message).startswith("wrote "):
            raise KeyboardInterrupt
        return real(message, *args, **kwargs)

    monkeypatch.setattr(click, "echo", interrupted_echo)
    result = _build("-o", tmp_path / "a.docx")
    assert result.exit_code == 130
    assert f"interrupted after writing {tmp_path / 'a.docx'} and {tmp_path / 'a.summary.html'}" in result.stderr
    assert _names(tmp_path) == ["a.docx", "a.summary.html"]


# --- outputs that are not regular files are never replaced -------------------------------------


def _symlink(path):
    target = path.with_name("kept.txt")
    target.write_bytes(b"the file the link points to")
    path.symlink_to(target)


def _fifo(path):
    os.mkfifo(path)


def _socket(path):
    if len(os.fsencode(path)) > 100:
        pytest.skip("the folder's path is too long for a Unix socket name")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()


def _device(path):
    try:
        os.mknod(path, 0o600 | 0o020000, os.makedev(1, 3))  # a character device like /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs privileges")


@pytest.mark.parametrize("make,kind", [(_symlink, "symbolic link"), (_fifo, "named pipe"), (_socket, "socket"),
                                       (_device, "device")], ids=["symlink", "fifo", "socket", "device"])
@pytest.mark.parametrize("which", ["a.docx", "a.summary.html"])
def test_force_never_replaces_what_is_not_a_regular_file(tmp_path, make, kind, which):
    make(tmp_path / which)
    before = {p.name: os.lstat(p) for p in tmp_path.iterdir()}
    result = _build("-o", tmp_path / "a.docx", "--force")
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"{tmp_path / which}: is a {kind}" in result.stderr and "even with --force" in result.stderr
    after = {p.name: os.lstat(p) for p in tmp_path.iterdir()}
    assert after.keys() == before.keys(), "nothing written beside it either"
    assert all((after[n].st_ino, after[n].st_mode) == (before[n].st_ino, before[n].st_mode) for n in before)
    if make is _symlink:
        assert (tmp_path / "kept.txt").read_bytes() == b"the file the link points to"


# --- names the file system cannot hold ---------------------------------------------------------


def test_an_output_name_over_255_bytes_is_a_clear_error(tmp_path, nda):
    _, data = nda
    name = "契約" * 50 + ".docx"  # 305 bytes in UTF-8
    with pytest.raises(OutputError, match="the file name is 305 bytes long; file systems allow at most 255"):
        write_atomic(tmp_path / name, data)
    result = _build("-o", tmp_path / name)
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "the file name is 305 bytes long" in result.stderr
    assert _names(tmp_path) == []


def test_a_long_but_valid_name_is_written(tmp_path, nda):
    _, data = nda
    name = "x" * 250 + ".docx"  # the temporary file's name would be longer than 255: it is shortened
    write_atomic(tmp_path / name, data)
    assert _names(tmp_path) == [name]


def test_a_summary_name_over_255_bytes_leaves_no_agreement(tmp_path, nda):
    spec, data = nda
    with pytest.raises(OutputError, match=r"summary\.html: the file name is 258 bytes long"):
        write_with_summary(spec, tmp_path / ("x" * 245 + ".docx"), data, summary_format="html")
    assert _names(tmp_path) == []


# --- the stale-temporary sweep ---------------------------------------------------------------


def test_a_folder_is_listed_once_for_stale_temporaries_not_once_per_write(tmp_path, monkeypatch, nda):
    # Listing a folder of 10,000 outputs cost milliseconds per write, and a batch wrote 10,000 times.
    _, data = nda
    real = os.scandir
    listed = []

    def scandir(path="."):
        listed.append(os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for i in range(20):
        write_atomic(tmp_path / f"{i}.docx", data)
    assert listed.count(str(tmp_path)) == 1
    assert len(_names(tmp_path)) == 20


# --- in the user's language ---------------------------------------------------------------------

JAPANESE_USER = {"LANG": "ja_JP.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
ENGLISH_USER = {"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def test_an_existing_output_without_force_reads_in_japanese(tmp_path):
    out = tmp_path / "a.docx"
    out.write_bytes(b"edited by hand")
    args = ["build", str(NDA_EXAMPLE), "-o", str(out)]
    result = CliRunner(env=JAPANESE_USER).invoke(main, args)
    assert result.exit_code == 1
    assert f"エラー：{out}：既にあります。置き換えるには --force を付けてください" in result.stderr.splitlines()
    result = CliRunner(env=ENGLISH_USER).invoke(main, args)
    assert f"error: {out}: already exists; use --force to replace it" in result.stderr.splitlines()
    assert out.read_bytes() == b"edited by hand"


def test_an_output_that_is_a_folder_reads_in_japanese(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    args = ["summary", str(NDA_EXAMPLE), "-o", str(folder)]
    result = CliRunner(env=JAPANESE_USER).invoke(main, args)
    assert result.exit_code == 1
    assert result.stderr == f"エラー：{folder}：フォルダです。{folder / 'agreement.docx'} のようにファイル名を指定してください\n"
    result = CliRunner(env=ENGLISH_USER).invoke(main, args)
    assert result.stderr == f"error: {folder}: is a directory; give a file name such as {folder / 'agreement.docx'}\n"
    assert _names(tmp_path) == ["drafts"] and _names(folder) == []


def test_what_the_os_says_keeps_its_english_words_and_is_explained_in_japanese(tmp_path):
    from ipclauses.build import describe_os_error
    from ipclauses.locales import get_locale

    en, ja = get_locale("en"), get_locale("ja")
    denied = describe_os_error(tmp_path / "a.docx", OSError(errno.EACCES, "Permission denied"))
    assert denied.render(en) == f"{tmp_path / 'a.docx'}: cannot be used (Permission denied)"
    assert denied.render(ja) == f"{tmp_path / 'a.docx'}：使えません（権限がありません：Permission denied）"
    odd = describe_os_error("a.docx", OSError(errno.EIO, "Input/output error"))
    assert (odd.render(en), odd.render(ja)) == ("a.docx: cannot be used (Input/output error)", "a.docx：使えません（Input/output error）")
    long = describe_os_error("契約" * 50 + ".docx", OSError(errno.ENAMETOOLONG, "File name too long"))
    assert long.render(ja).endswith("：ファイル名が 305 バイトあります。ファイルシステムで使えるのは 255 バイトまでです。短い名前にしてください")
    error = OutputError(denied)
    assert str(error) == denied.render(en) and error.render("ja") == denied.render(ja)
