"""One version of a deal, read from a spec file or from an ipclauses DOCX that embeds its spec.

Redlines and "what changed" compare two versions. Legal staff hold either the specs or
the DOCX files they sent out (which carry their resolved spec in the provenance part),
so both are accepted wherever a version is asked for.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .spec import AnySpec

VersionSource = str | os.PathLike[str] | AnySpec


def is_docx(path: str | os.PathLike[str]) -> bool:
    """A path named .docx, or a file that starts as a zip does ("PK")."""
    if Path(path).suffix.lower() in (".docx", ".docm"):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(2) == b"PK"
    except OSError:
        return False  # loading the spec says what is wrong with the path


@dataclass(frozen=True)
class Version:
    spec: AnySpec
    name: str | None  # the file's name, for reports
    # A DOCX's text as it is now, as fingerprints (docx_body.py) before and after its tracked changes; None for a spec.
    text: tuple[str, str] | None


def read_version(source: VersionSource) -> Version:
    """A version of a deal: a spec (path or model) or an ipclauses DOCX, with what the DOCX records of its text.

    Raises SpecError for a spec that does not validate (an embedded one is named
    "<file> (embedded spec)"), and DocumentError for a DOCX that is not a readable
    ipclauses agreement.
    """
    if not isinstance(source, (str, os.PathLike)):
        return Version(source, None, None)
    from .loading import load_spec

    name = os.path.basename(os.fspath(source))
    if is_docx(source):
        from .docx_body import column_fingerprints, read_columns, read_paragraphs, view_fingerprints
        from .docx_read import DOCUMENT_PART, MAX_DOCUMENT_BYTES, W, open_docx, read_provenance
        from .locales import document_languages

        with open_docx(source) as package:
            record = read_provenance(package)
            spec = load_spec(record["spec"], origin=f"{os.fspath(source)} (embedded spec)")
            columns = len(document_languages(spec.language))
            if columns > 1:  # a bilingual agreement's text is what each column says (docx_body.document_fingerprint)
                text = column_fingerprints(read_columns(package.read_xml(DOCUMENT_PART, MAX_DOCUMENT_BYTES), columns))
            else:
                text = view_fingerprints(list(read_paragraphs(package.iter_elements(DOCUMENT_PART, MAX_DOCUMENT_BYTES, f"{W}p"))))
        return Version(spec, name, text)
    return Version(load_spec(Path(source)), name, None)


def load_version(source: VersionSource) -> AnySpec:
    """The validated spec of a version (see `read_version`)."""
    return read_version(source).spec
