"""What a cold CLI start would redo is kept in the user's cache, and only a cache the user alone controls is used.

Clause templates are compiled once (as Python keeps .pyc files) and the base DOCX template's
docxtpl preparation is kept, so a build imports neither docxtpl nor python-docx and parses
no Jinja. A damaged entry is ignored; a folder others can write is never read.
"""

from __future__ import annotations

import sys

import jinja2
import pytest

from conftest import EXAMPLES
from ipclauses import library as library_module
from ipclauses.library import _compile, _PlainTemplate, load_library

IF_TEMPLATE = "{% if flag %}Flag is on for {{ name }}.{% else %}Off.{% endif %}"


@pytest.fixture
def own_cache(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("IPCLAUSES_CACHE_DIR", str(cache))
    _compile.cache_clear()
    yield cache
    _compile.cache_clear()


def _no_jinja_compiler(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("compiled again although the cache holds the code")

    monkeypatch.setattr(jinja2.Environment, "compile", refuse)


def test_a_compiled_clause_template_is_read_back_from_the_cache(own_cache, monkeypatch):
    first = _compile(IF_TEMPLATE).render({"flag": True, "name": "Meiho"})
    assert list(own_cache.glob("jinja-*.json"))
    _compile.cache_clear()
    _no_jinja_compiler(monkeypatch)
    assert _compile(IF_TEMPLATE).render({"flag": True, "name": "Meiho"}) == first == "Flag is on for Meiho."


@pytest.mark.parametrize("damage", [b"garbage", b""])
def test_a_damaged_compiled_entry_is_ignored_and_rewritten(own_cache, damage):
    _compile(IF_TEMPLATE)
    [entry] = own_cache.glob("jinja-*.json")
    good = entry.read_bytes()
    entry.write_bytes(damage + good[len(damage) + 10:])
    _compile.cache_clear()
    assert _compile(IF_TEMPLATE).render({"flag": False, "name": "x"}) == "Off."
    assert entry.read_bytes() == good


def test_a_cache_others_can_write_is_never_read(own_cache, monkeypatch):
    """A forged entry (another template's code under this text's name) is used only if the folder were trusted."""
    import marshal

    from ipclauses import cache

    _compile(IF_TEMPLATE)
    [entry] = own_cache.glob("jinja-*.json")
    forged_code = library_module._environment().compile("FORGED {{ name }}{% if flag %}{% endif %}")
    cache.write(entry, "jinja", marshal.dumps(forged_code), keep=10)
    _compile.cache_clear()
    assert _compile(IF_TEMPLATE).render({"flag": True, "name": "x"}) == "FORGED x", "the trusted cache is read"
    own_cache.chmod(0o777)
    _compile.cache_clear()
    assert _compile(IF_TEMPLATE).render({"flag": True, "name": "x"}) == "Flag is on for x."


def test_a_warm_build_needs_neither_docxtpl_nor_a_jinja_parse(own_cache, monkeypatch):
    from ipclauses import load_spec
    from ipclauses.build import document_bytes
    from ipclauses.docx_render import _template

    def fresh_process() -> None:  # as a process that read the library from its cache: nothing compiled yet
        _template.cache_clear()
        _compile.cache_clear()
        for variant in (v for c in load_library().clauses.values() for v in c.variants):
            variant._compiled.clear()
            for effect in variant.effects:
                effect._compiled.clear()

    spec = load_spec(EXAMPLES[0])
    fresh_process()
    _, cold = document_bytes(spec)
    assert list(own_cache.glob("template-*.json")) and list(own_cache.glob("jinja-*.json"))
    fresh_process()
    monkeypatch.setitem(sys.modules, "docxtpl", None)  # importing it now fails
    _no_jinja_compiler(monkeypatch)
    try:
        _, warm = document_bytes(spec)
    finally:
        _template.cache_clear()
    assert warm == cold


def test_plain_texts_render_exactly_as_jinja_renders_them():
    """Texts whose only markup is {{ name }} skip Jinja: same text, same refusals."""
    from ipclauses.errors import RenderError

    env = library_module._environment()
    lib = load_library()
    sources = {text for c in lib.clauses.values() for v in c.variants for kind in ("text", "summary")
               for text in getattr(v, kind).values()}
    sources |= {t for c in lib.clauses.values() for v in c.variants for e in v.effects for t in e.text.values()}
    plain = [s for s in sources if _PlainTemplate.of(s) is not None]
    assert len(plain) > 300
    for source in plain:
        names = sorted(library_module.names_used(env.parse(source)))
        context = {n: f"<{n} 1,000円>" for n in names}
        assert _PlainTemplate.of(source).render(context) == env.from_string(source).render(context), source
    source = "Pay {{ fee }} by {{ date }}.\n"
    for context in ({"fee": "JPY 1"}, {"fee": None, "date": "1 May"}):
        with pytest.raises(RenderError) as fast:
            lib.render(_PlainTemplate.of(source), context, "x")
        with pytest.raises(RenderError) as slow:
            lib.render(env.from_string(source), context, "x")
        assert str(fast.value) == str(slow.value)
    for not_plain in ("{{ a | upper }}", "{{ a.b }}", "{% if a %}x{% endif %}", "{# note #}", "a }} b", "x\r\ny"):
        assert _PlainTemplate.of(not_plain) is None, not_plain
