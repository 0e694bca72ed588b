"""A real browser opens every example's summary: headless Chromium shows its text, and the page logs no errors."""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import shutil
import subprocess
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import EXAMPLES, NDA_EXAMPLE, example_ids
from ipclauses import load_spec
from ipclauses.draft import make_draft
from ipclauses.renderers import render

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"))), None)
REQUIRED = os.environ.get("IPCLAUSES_REQUIRE_BROWSER") == "1"

if os.name != "posix":
    pytest.skip("Chromium is driven through a pipe that bash sets up", allow_module_level=True)
if not CHROMIUM:
    if REQUIRED:
        raise RuntimeError("Chromium is required in CI (apt: chromium)")
    pytest.skip("Chromium not installed", allow_module_level=True)

# A page with a script error and a console error, to show that the check sees them.
_BROKEN = ('<!DOCTYPE html><html><head><title>broken</title></head><body>'
           '<script>console.error("logged"); notAFunction();</script></body></html>')


@dataclass
class Page:
    dom: str  # the document as the browser built it
    console: list[str]  # every script error and console message of the page


class _Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe, so one start serves every page.

    Chromium reads commands on its fd 3 and writes replies and events on its fd 4, each a JSON
    message ended by a NUL byte.
    """

    def __init__(self, profile: Path) -> None:
        commands_in, self._commands = map(_above_4, os.pipe())
        self._replies, replies_out = map(_above_4, os.pipe())
        args = [CHROMIUM, "--headless=new", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
                "--no-default-browser-check", f"--user-data-dir={profile}", "about:blank"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(1, "--no-sandbox")  # Chromium refuses to start as root with its sandbox
        self._log = profile.with_name("chromium.log")
        with self._log.open("wb") as log:
            self.process = subprocess.Popen(
                ["bash", "-c", f'exec "$0" "$@" 3<&{commands_in} 4>&{replies_out}', *args],  # (sh takes one-digit fds)
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, pass_fds=(commands_in, replies_out),
            )
        os.close(commands_in)
        os.close(replies_out)
        self._buffer = b""
        self._last_id = 0
        self.events: list[dict] = []

    def _message(self) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._replies], [], [], 60)
            chunk = os.read(self._replies, 1 << 20) if ready else b""
            if not chunk:
                said = self._log.read_text(encoding="utf-8", errors="replace")[-2000:]
                raise RuntimeError(f"Chromium stopped answering; it said:\n{said}")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self._last_id += 1
        command = {"id": self._last_id, "method": method, "params": params or {}}
        if session:
            command["sessionId"] = session
        os.write(self._commands, json.dumps(command).encode("utf-8") + b"\0")
        while True:
            message = self._message()
            if message.get("id") == self._last_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def _wait_for(self, method: str, session: str) -> None:
        while not any(e.get("method") == method and e.get("sessionId") == session for e in self.events):
            self.events.append(self._message())

    def open(self, path: Path) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page"):
            self.send(f"{domain}.enable", session=session)
        self.send("Page.navigate", {"url": path.as_uri()}, session)
        self._wait_for("Page.loadEventFired", session)
        dom = self.send("Runtime.evaluate", {"expression": "document.documentElement.outerHTML", "returnByValue": True},
                        session)["result"]["value"]
        self.send("Target.closeTarget", {"targetId": target})
        return Page(dom, [_said(e) for e in self.events if e.get("sessionId") == session and _said(e)])

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.send("Browser.close")
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._commands)
        os.close(self._replies)


def _above_4(fd: int) -> int:
    """The file descriptor moved to 10 or above, where the shell's redirections to 3 and 4 cannot clobber it."""
    import fcntl  # POSIX only, as the pipe Chromium is driven through

    moved = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return moved


def _said(event: dict) -> str:
    """What a DevTools event says a page logged or threw; "" for other events."""
    params = event.get("params", {})
    if event.get("method") == "Runtime.exceptionThrown":
        details = params["exceptionDetails"]
        return details.get("exception", {}).get("description") or details.get("text", "")
    if event.get("method") == "Runtime.consoleAPICalled":
        return f"console.{params['type']}: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params["args"])
    if event.get("method") == "Log.entryAdded":
        return f"{params['entry']['level']}: {params['entry']['text']}"
    return ""


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Page]:
    """Every example's summary, a bilingual one, and the broken page, opened in one browser."""
    work = tmp_path_factory.mktemp("browser")
    files = {}
    for path in EXAMPLES:
        files[path.stem] = work / f"{path.stem}.summary.html"
        files[path.stem].write_bytes(render(make_draft(load_spec(path)), "summary", "html"))
    files["bilingual"] = work / "bilingual.summary.html"  # one bilingual page: each section in both languages
    files["bilingual"].write_bytes(render(make_draft(load_spec(NDA_EXAMPLE), lang="ja+en"), "summary", "html"))
    files["broken"] = work / "broken.html"
    files["broken"].write_text(_BROKEN, encoding="utf-8")
    browser = _Browser(work / "profile")
    try:
        return {name: browser.open(file) for name, file in files.items()}
    finally:
        browser.close()


class _Reader(HTMLParser):
    """The text a reader sees, the ids, the links within the page and the scripts of a document."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.scripts = 0
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"] or "")
        if tag == "a" and (found.get("href") or "").startswith("#"):
            self.links.append((found["href"] or "")[1:])
        self.scripts += tag == "script"
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def _read(dom: str) -> _Reader:
    reader = _Reader()
    reader.feed(dom)
    return reader


def test_the_check_sees_a_script_error_and_a_console_error(pages):
    console = pages["broken"].console
    assert any("notAFunction is not defined" in message for message in console), console
    assert "console.error: logged" in console


@pytest.mark.parametrize("path", EXAMPLES, ids=example_ids())
def test_the_summary_renders_with_its_text_and_no_script_errors(pages, path):
    page = pages[path.stem]
    assert page.console == [], "the page logged to its console"
    shown = _read(page.dom)
    assert shown.scripts == 0
    text = re.sub(r"\s+", " ", " ".join(shown.text))
    summary = make_draft(load_spec(path)).summary
    assert summary.title in text
    for party in summary.parties:
        assert party.heading in text
    for label in summary.article_labels:
        assert label in text
    assert shown.links, "article numbers link to the list of articles"
    assert set(shown.links) <= shown.ids, f"links to no anchor: {set(shown.links) - shown.ids}"
    assert {f"article-{n}" for n in range(1, len(summary.article_labels) + 1)} <= shown.ids


def test_a_bilingual_summary_renders_both_languages_with_each_columns_links(pages):
    page = pages["bilingual"]
    assert page.console == [], "the page logged to its console"
    shown = _read(page.dom)
    text = re.sub(r"\s+", " ", " ".join(shown.text))
    for lang in ("ja", "en"):
        summary = make_draft(load_spec(NDA_EXAMPLE), lang=lang).summary
        assert summary.title in text
        assert {f"{lang}-article-{n}" for n in range(1, len(summary.article_labels) + 1)} <= shown.ids
    assert shown.links and set(shown.links) <= shown.ids, f"links to no anchor: {set(shown.links) - shown.ids}"
