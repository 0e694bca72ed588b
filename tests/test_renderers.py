"""Outputs are a registry keyed by document and format: each renderer reads one Draft."""

from __future__ import annotations

import pkgutil
import re

import pytest

import ipclauses.renderers as renderers
from conftest import EXAMPLES, load_example_data
from ipclauses import load_spec
from ipclauses.draft import make_draft
from ipclauses.renderers import Renderer, formats, get_renderer, register, render, unregister


def test_every_renderer_module_is_found_by_document_and_format():
    modules = {m.name for m in pkgutil.iter_modules(renderers.__path__)}
    assert modules == {"agreement_docx", "summary_docx", "summary_html", "summary_markdown", "summary_pdf"}
    assert formats("agreement") == ("docx",)
    assert formats("summary") == ("docx", "html", "md", "pdf")
    with pytest.raises(ValueError, match=r"unknown summary format 'odt' \(allowed: docx, html, md, pdf\)"):
        get_renderer("summary", "odt")


def test_a_new_format_is_one_registration_and_reads_the_same_draft():
    def plain_text(draft) -> bytes:
        return "\n".join(f"{a.heading}\n{a.text()}" for a in draft.agreement.articles).encode("utf-8")

    register(Renderer("agreement", "txt", plain_text, "plain text"))
    try:
        assert formats("agreement") == ("docx", "txt")
        draft = make_draft(load_spec(EXAMPLES[0]))
        text = render(draft, "agreement", "txt").decode("utf-8")
        assert draft.agreement.articles[0].heading in text
        docx = render(draft, "agreement", "docx")
        assert docx.startswith(b"PK"), "both formats from the one Draft"
        with pytest.raises(ValueError, match="already registered"):
            register(Renderer("agreement", "txt", plain_text))
        with pytest.raises(ValueError, match="unknown document 'memo'"):
            register(Renderer("memo", "txt", plain_text))
    finally:
        unregister("agreement", "txt")
    assert formats("agreement") == ("docx",)


def test_the_cli_offers_the_registered_summary_formats():
    from click.testing import CliRunner

    from ipclauses.cli import main

    result = CliRunner().invoke(main, ["summary", "--help"])
    assert "[docx|html|md|pdf]" in result.output


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_japanese_sentences_in_a_summary_are_not_split_by_spaces(fmt):
    # jrd-startup-ja has a finding; its message, why and fix, and the overview's two sentences,
    # run on as Japanese prose does, with no space after 。
    draft = make_draft(load_spec(load_example_data("jrd-startup-ja")))
    assert draft.summary.findings, "the example should have a finding for this test to mean anything"
    text = render(draft, "summary", fmt).decode("utf-8")
    # (a space before a table's | or a tag's < is layout, not prose)
    assert not re.search(r"。 [^|<]", text)
    assert draft.summary.findings[0].why in text
