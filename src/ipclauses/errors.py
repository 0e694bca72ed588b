"""Every error ipclauses raises on purpose. The CLI maps each to a message and an exit code."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from .locales import Locale, get_locale, reference_locale
from .messages import Message


class IpclausesError(Exception):
    """Base class: anything the user can fix by changing their input or options.

    Made from a catalogue message, an error reads in English as a string and in any language by
    `render(lang)`; one made from text alone reads the same in all.
    """

    def __init__(self, text: str | Message = "") -> None:
        self.catalogued = text if isinstance(text, Message) else None
        super().__init__(text.render(reference_locale()) if isinstance(text, Message) else text)

    def render(self, lang: str | None = None) -> str:
        """The error in the language `lang` (a locale code; default English)."""
        if self.catalogued is None or lang is None:
            return str(self)
        return self.catalogued.render(get_locale(lang))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located by a JSON pointer (spec) or a key (clause file).

    `message` is in English. A problem made with `Problem.of` from a catalogue message also
    keeps its message `id` and `params`, so `text(locale)` gives it in any language; one made
    with its text alone (the clause library's) reads the same in all.
    """

    path: str
    message: str
    id: str = field(default="", compare=False)
    params: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, path: str, message: Message) -> Problem:
        return cls(path, message.render(reference_locale()), message.id, message.params)

    def text(self, locale: Locale) -> str:
        """The message in `locale`'s words."""
        return Message(self.id, self.params).render(locale) if self.id else self.message

    def __iter__(self) -> Iterator[str]:  # lets callers unpack `for path, message in err.errors`
        return iter((self.path, self.message))


class SpecError(IpclausesError):
    """Raised by `load_spec` when a deal spec is not valid JSON or breaks the spec's rules.

    `.errors` lists every problem found, each a `Problem(path, message)` where `path`
    is a JSON pointer such as `/parties/0/kind`; `.source` names the file or "<stdin>".
    `str()` is in English; `render(lang)` gives the same lines in another language.
    """

    def __init__(self, source: str, errors: list[Problem]):
        self.source = source
        self.errors = list(errors)
        super().__init__(self.render())

    def render(self, lang: str | None = None) -> str:
        """One line per problem, `source: /pointer: message`, in the language `lang` (a locale code; default English)."""
        locale = reference_locale() if lang is None else get_locale(lang)
        return "\n".join(f"{self.source}: {p.path or '/'}: {p.text(locale)}" for p in self.errors)


class LibraryError(IpclausesError):
    """Raised when a clause library (bundled or a --library directory) has invalid files.

    `.errors` lists every problem, each a `Problem(path, message)` where `path` is
    `file.toml: key` so legal staff can find it.
    """

    def __init__(self, errors: list[Problem]):
        self.errors = list(errors)
        super().__init__("\n".join(f"{p.path}: {p.message}" for p in self.errors))


class RenderError(IpclausesError):
    """Raised when a clause cannot be rendered from a spec (a value is missing or a template fails)."""


class OutputError(IpclausesError):
    """Raised when an output file cannot be written, or would overwrite a file without --force."""


class DocumentError(IpclausesError):
    """Raised when a DOCX to read (inspect, verify, redline) is not a readable ipclauses DOCX, or is unsafe to read."""


class PdfError(IpclausesError):
    """Raised when a PDF cannot be made: LibreOffice or the fonts it needs are missing, or its conversion failed."""
