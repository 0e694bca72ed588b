"""Read DOCX files that anyone may have made or edited, within bounds.

inspect, verify and redline read files from counterparties, so nothing in them is
trusted: the file's size, the zip's claims about its members and their names, the
XML of every part and the JSON of the provenance are bounded and checked before use,
and every failure is a DocumentError naming the file and what to do, never a traceback.

    with open_docx(path) as package:               # bounded bytes, a checked zip
        if package.has("word/comments.xml"):
            comments = package.read_xml("word/comments.xml", MAX_XML_PART_BYTES)
        for p in package.iter_elements(DOCUMENT_PART, MAX_DOCUMENT_BYTES, W + "p"):
            ...                                     # each paragraph whole, dropped after

`inspect_docx` reads a build's record (properties, provenance, stable ids) on top of it.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from types import TracebackType
from typing import IO, Any, TypedDict

from lxml import etree  # type: ignore[import-untyped]  # no stubs in the project's dependencies

from .assemble import json_sha256
from .docx_render import PROPERTY_NAMES, PROVENANCE_NS, W_NS
from .errors import DocumentError
from .locales import reference_locale
from .messages import Message, message
from .safe_read import NotARegularFile, read_regular_file

W = f"{{{W_NS}}}"  # WordprocessingML's namespace as lxml spells it in tags: W + "p"

# An ipclauses DOCX is well under 1 MB; 50 MB leaves room for images added in Word.
MAX_DOCX_BYTES = 50 * 1024 * 1024
# Entries in the zip's central directory: a DOCX has a few dozen. zipfile builds an
# object per entry on opening, so a 50 MB file of empty entries would cost ~600 MB.
MAX_ZIP_MEMBERS = 5000
MAX_XML_PART_BYTES = 4 * 1024 * 1024  # docProps/core.xml, docProps/custom.xml, word/comments.xml
MAX_PROVENANCE_BYTES = 8 * 1024 * 1024  # a 2 MB spec, escaped as XML text
# word/document.xml, parsed as a stream: an agreement's is a few hundred KB; a long one
# edited in Word, some MB.
MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
MAX_TOTAL_READ_BYTES = 28 * 1024 * 1024  # all parts one package reads, together
MAX_JSON_DEPTH = 64  # a spec is at most 32 deep; nothing deeper reaches a recursive encoder
_CHUNK = 64 * 1024
# How far into a part to look for a DOCTYPE before the root element. Past it (a prolog
# of huge comments), the parsed tree's own record of a DOCTYPE refuses it instead.
_PROLOG_WINDOW = 64 * 1024

CORE_PART = "docProps/core.xml"
DOCUMENT_PART = "word/document.xml"
CUSTOM_PART = "docProps/custom.xml"
PROVENANCE_PART = "customXml/item1.xml"
_CUSTOM_PROPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
# A central directory entry starts with this signature; zipfile refuses an entry without it.
_CENTRAL_DIR_SIGNATURE = b"PK\x01\x02"
# Errors the zip module and zlib raise on damaged archives (bad CRC, bad deflate data,
# truncated or malformed headers, undecodable names, unsupported features).
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, struct.error, OSError)
_ASK_AGAIN = message("document.ask_again")

NOTICE = str(message("inspect.notice"))  # in English for `inspect --json`; the CLI says it in the user's language


# --- the file and its zip ----------------------------------------------------------------

DocxSource = str | os.PathLike[str] | IO[bytes]


def document_error(name: str, problem: Message) -> DocumentError:
    """A DocumentError about the file `name`: "name: problem", in the reader's language."""
    return DocumentError(message("document.in_file", name=name, problem=problem))


def source_name(source: DocxSource) -> str:
    """How messages name a source: its path, or a stream's name ("<stdin>")."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    return str(getattr(source, "name", "<stream>"))


def read_source(source: DocxSource, name: str) -> bytes:
    """The file's bytes, at most MAX_DOCX_BYTES; devices, pipes and folders are refused unread."""
    too_large = document_error(name, message("document.too_large", limit=MAX_DOCX_BYTES // (1024 * 1024)))
    not_regular = document_error(name, message("document.not_regular_file"))
    if isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        try:
            info = os.stat(path)
            if stat.S_ISDIR(info.st_mode):
                raise document_error(name, message("document.is_folder"))
            if not stat.S_ISREG(info.st_mode):
                raise not_regular
            if info.st_size > MAX_DOCX_BYTES:
                raise too_large
            # Opened without blocking and checked again: a file swapped for a pipe cannot hang it.
            data = read_regular_file(path, MAX_DOCX_BYTES)
        except NotARegularFile:
            raise not_regular from None
        except FileNotFoundError:
            raise document_error(name, message("document.not_found")) from None
        except OSError as exc:
            raise document_error(name, message("document.unreadable", reason=exc.strerror or str(exc))) from None
    else:
        chunks: list[bytes] = []
        total = 0
        while total <= MAX_DOCX_BYTES:  # a stream may return less than asked: read on to the limit
            chunk = source.read(MAX_DOCX_BYTES + 1 - total)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
    if len(data) > MAX_DOCX_BYTES:
        raise too_large
    return data


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _unsafe_member_name(member: str) -> Message | None:
    """What makes a member name unsafe to unpack or to name in a message, or None when nothing does."""
    if any(ord(c) < 0x20 for c in member):
        return message("document.member_control_character")
    if "\\" in member:
        return message("document.member_backslash")
    if member.startswith("/") or (len(member) > 1 and member[1] == ":" and member[0].isascii() and member[0].isalpha()):
        return message("document.member_absolute_path")
    if ".." in member.split("/"):
        return message("document.member_parent_folder")
    return None


def _not_a_zip(name: str, data: bytes, exc: Exception) -> DocumentError:
    if not data:
        return document_error(name, message("document.empty"))
    if not data.startswith(b"PK"):
        return document_error(name, message("document.not_a_zip", reason=str(exc)))
    if isinstance(exc, zipfile.BadZipFile) and "not a zip file" in str(exc):  # no end-of-directory record
        return document_error(name, message("document.cut_short"))
    return _damaged(name, exc)


def _damaged(name: str, exc: Exception) -> DocumentError:
    what = str(exc) if isinstance(exc, zipfile.BadZipFile) else f"{type(exc).__name__}: {exc}"
    return document_error(name, message("document.damaged", reason=what, ask_again=_ASK_AGAIN))


class DocxPackage:
    """A DOCX opened for reading: its zip checked, its parts read on demand, each within a limit.

    Every member name was checked on opening. `read_part` counts what it reads against
    `budget`, the bytes all parts may take together; every failure is a DocumentError.
    """

    def __init__(self, zf: zipfile.ZipFile, name: str, budget: int) -> None:
        self._zf = zf
        self.name = name
        self.total_budget = budget
        self.budget = budget  # what is left of it
        self.names: tuple[str, ...] = tuple(zf.namelist())  # in the zip's order, duplicates kept

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self._zf.close()

    def has(self, part: str) -> bool:
        """Whether the zip holds `part`; a part given twice is refused."""
        count = self.names.count(part)
        if count > 1:  # which copy a reader takes is up to the reader: refuse rather than guess
            raise document_error(self.name, message("document.duplicate_part", part=part, count=count))
        return count == 1

    def read_part(self, part: str, limit: int) -> bytes:
        """The part's bytes, uncompressed: at most `limit` and what is left of the budget."""
        if not self.has(part):
            raise document_error(self.name, message("document.missing_part", part=part))
        try:
            return self._read(part, limit)
        except DocumentError:
            raise
        except _ZIP_ERRORS as exc:
            raise _damaged(self.name, exc) from None

    def _read(self, part: str, limit: int) -> bytes:
        info = self._zf.getinfo(part)
        if info.flag_bits & 0x1:
            raise document_error(self.name, message("document.encrypted", part=part))
        # bzip2 and lzma decompress without an output bound per call; a DOCX uses only these two.
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise document_error(
                self.name, message("document.compression", part=part, method=info.compress_type, ask_again=_ASK_AGAIN)
            )
        if self.budget < limit:  # what is left of the budget is the tighter bound
            limit = self.budget
            too_large = document_error(self.name, message("document.parts_too_large", part=part, limit=self.total_budget))
        else:
            too_large = document_error(self.name, message("document.part_too_large", part=part, limit=limit))
        if info.file_size > limit:  # an honest header lets us refuse at once; a lying one is caught below
            raise too_large
        chunks: list[bytes] = []
        total = 0
        with self._zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):  # decompressed a chunk at a time: never more than asked
                total += len(chunk)
                if total > limit:
                    raise too_large
                chunks.append(chunk)
        self.budget -= total
        return b"".join(chunks)

    def read_xml(self, part: str, limit: int) -> Any:
        """The part parsed whole (lxml root element); see `parse_xml`."""
        return parse_xml(self.read_part(part, limit), part, self.name)

    def iter_elements(self, part: str, limit: int, tag: str, *more_tags: str) -> Iterator[Any]:
        """The part's elements with one of these tags, each whole when yielded; see `iter_elements`."""
        return iter_elements(self.read_part(part, limit), part, self.name, tag, *more_tags)


def open_docx(
    source: DocxSource, *, name: str | None = None, budget: int = MAX_TOTAL_READ_BYTES,
) -> DocxPackage:
    """Open a DOCX from a path or a binary stream (read to MAX_DOCX_BYTES at most).

    The zip's directory is checked before any part is read: at most MAX_ZIP_MEMBERS
    members, and no member name with "..", an absolute path, a backslash or a control
    character. `name` names the file in messages (default: the path or stream's name).
    Raises DocumentError for anything that is not a readable zip.
    """
    name = source_name(source) if name is None else name
    data = read_source(source, name)
    if data.count(_CENTRAL_DIR_SIGNATURE) > MAX_ZIP_MEMBERS:
        raise document_error(name, message("document.too_many_members", limit=MAX_ZIP_MEMBERS))
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise _not_a_zip(name, data, exc) from None
    for info in zf.infolist():
        why = _unsafe_member_name(info.orig_filename)
        if why is not None:
            zf.close()
            raise document_error(
                name, message("document.unsafe_member", member=_quoted(info.orig_filename), why=why, ask_again=_ASK_AGAIN)
            )
    return DocxPackage(zf, name, budget)


# --- XML -----------------------------------------------------------------------------------


def _prolog_codec(data: bytes) -> tuple[str, int]:
    """The codec of an XML part's first bytes, and the length of its byte order mark."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    if data.startswith(b"<\0"):
        return "utf-16-le", 0
    if data.startswith(b"\0<"):
        return "utf-16-be", 0
    return "utf-8", 0


def _prolog_declares_doctype(data: bytes) -> bool | None:
    """Whether the part declares a DOCTYPE before its root element; None if its prolog runs past the window."""
    codec, bom = _prolog_codec(data)
    text = codecs.getincrementaldecoder(codec)(errors="replace").decode(data[bom:bom + _PROLOG_WINDOW])
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        for opening, closing in (("<?", "?>"), ("<!--", "-->")):
            if text.startswith(opening, pos):
                end = text.find(closing, pos + len(opening))
                if end < 0:
                    return None if len(data) - bom > _PROLOG_WINDOW else False  # cut short: the parser says so
                pos = end + len(closing)
                break
        else:
            return text.startswith("<!DOCTYPE", pos)


def _refuse_doctype(data: bytes, part: str, name: str) -> None:
    # Checked before parsing, so an entity bomb or an external entity is never parsed at all.
    # Other encodings than UTF-8 and UTF-16 (which a DOCX part never uses) meet the check after parsing.
    declares = _prolog_declares_doctype(data)
    if declares:
        raise _doctype_error(part, name)
    if declares is None:
        raise document_error(name, message("document.long_prolog", part=part, limit=_PROLOG_WINDOW // 1024))


def _doctype_error(part: str, name: str) -> DocumentError:
    return document_error(name, message("document.doctype", part=part))


def _has_doctype(root: Any) -> bool:
    docinfo = root.getroottree().docinfo
    return bool(docinfo.doctype or docinfo.internalDTD is not None or docinfo.externalDTD is not None)


def _parser_options() -> dict[str, bool]:
    # No entity expansion, no network, no DTD loading, libxml2's own size and depth limits.
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}


def parse_xml(data: bytes, part: str, name: str) -> Any:
    """A part of file `name` parsed whole (an lxml element); a DOCTYPE (so any entity) is refused."""
    _refuse_doctype(data, part, name)
    try:
        root = etree.fromstring(data, etree.XMLParser(**_parser_options()))
    except etree.XMLSyntaxError as exc:
        raise document_error(name, message("document.bad_xml", part=part, reason=str(exc))) from None
    if _has_doctype(root):
        raise _doctype_error(part, name)
    return root


def iter_elements(data: bytes, part: str, name: str, tag: str, *more_tags: str) -> Iterator[Any]:
    """The part's elements with one of the tags, in document order, each whole when yielded.

    Parsed as a stream: everything outside those elements is dropped as soon as it is
    parsed, and each yielded element once the caller moves on, so a large part costs
    time but not memory. One inside another of the tags comes with the outer one, not
    separately (a text box's paragraphs inside a paragraph). A DOCTYPE is refused.
    """
    tags = (tag, *more_tags)
    _refuse_doctype(data, part, name)
    events = etree.iterparse(io.BytesIO(data), events=("end",), **_parser_options())
    checked = False
    try:
        for _, element in events:
            if not checked:  # any DOCTYPE comes before the first element ends
                if _has_doctype(element):
                    raise _doctype_error(part, name)
                checked = True
            if next(element.iterancestors(*tags), None) is not None:
                continue  # part of an element still being read
            if element.tag in tags:
                yield element
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as exc:
        raise document_error(name, message("document.bad_xml", part=part, reason=str(exc))) from None


# --- the build's record -------------------------------------------------------------------
#
# inspect reports what an ipclauses DOCX records about its build and where that record
# contradicts itself.


class Disagreement(TypedDict):
    """A custom property whose value in docProps/custom.xml differs from the provenance part's copy."""

    key: str
    custom_xml: str | None  # None: the property is missing there
    provenance: str | None


class Integrity(TypedDict):
    spec_sha256_computed: str  # of the embedded spec, as assemble.spec_sha256 computes it
    spec_hash_matches: bool  # the spec_sha256 recorded in both places equals the computed one
    disagreements: list[Disagreement]


class Inspection(TypedDict):
    """What `inspect_docx` returns: the file's record, and where the record contradicts itself."""

    notice: str
    core_properties: dict[str, str]  # from docProps/core.xml
    custom_properties: dict[str, str]  # from docProps/custom.xml
    choices: list[dict[str, str | int]]  # from the provenance part
    spec: dict[str, Any]  # from the provenance part
    # The stable id ("nda.purpose/p2/i1") of every article, paragraph and item whose bookmark
    # is in word/document.xml, in document order; empty for a file from before ids were recorded.
    paragraph_ids: list[str]
    integrity: Integrity
    problems: list[str]  # one sentence per integrity problem; empty when the record is consistent


def _core_properties(package: DocxPackage) -> dict[str, str]:
    root = package.read_xml(CORE_PART, MAX_XML_PART_BYTES)
    return {etree.QName(el).localname: el.text or "" for el in root.iterchildren(tag=etree.Element)}


def _custom_properties(package: DocxPackage) -> tuple[dict[str, str], list[str]]:
    """Properties by name, and a problem for each name given more than once."""
    root = package.read_xml(CUSTOM_PART, MAX_XML_PART_BYTES)
    if root.tag != f"{{{_CUSTOM_PROPS_NS}}}Properties":
        raise document_error(package.name, message("document.not_custom_properties", part=CUSTOM_PART))
    props: dict[str, str] = {}
    problems: list[str] = []
    for prop in root.iterchildren(f"{{{_CUSTOM_PROPS_NS}}}property"):
        key = prop.get("name")
        if key is None:
            continue
        value_el = next(prop.iterchildren(tag=etree.Element), None)
        value = (value_el.text or "") if value_el is not None else ""
        if key in props:
            problems.append(f"{CUSTOM_PART} gives the property {key} more than once")
        props[key] = value
    return props, problems


def _json_type(value: object) -> Message:
    """What a JSON value that is not an object is, in words: "an array", "true or false", ..."""
    if isinstance(value, list):
        return message("json_kind.array")
    if isinstance(value, str):
        return message("json_kind.string")
    if isinstance(value, bool):
        return message("document.json_boolean")
    if value is None:
        return message("json_kind.null")
    return message("json_kind.number")


class _RefusedJson(ValueError):
    """JSON the decoder would take but the provenance refuses; `reason` says why, in the catalogue's words."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.render(reference_locale()))
        self.reason = reason


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):  # readers disagree on which copy wins, so refuse
        raise _RefusedJson(message("document.json_duplicate_key"))
    return out


def _refuse_constant(text: str) -> Any:
    raise _RefusedJson(message("document.json_not_a_number", text=text))


def _check_json_values(value: object, name: str) -> None:
    """Refuse nesting beyond MAX_JSON_DEPTH and text that is not Unicode (lone surrogates), without recursion."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_JSON_DEPTH:
            raise document_error(name, message("document.provenance_too_deep", limit=MAX_JSON_DEPTH))
        if isinstance(item, dict):
            stack.extend((k, depth) for k in item)
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
        elif isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                raise document_error(name, message("document.provenance_not_unicode")) from None


def _is_choice(value: object) -> bool:
    return (
        isinstance(value, dict)
        and isinstance(value.get("clause"), str)
        and isinstance(value.get("variant"), str)
        and type(value.get("article")) is int  # not bool
    )


class Provenance(TypedDict):
    """The provenance part of an ipclauses DOCX, each field of the right type."""

    custom_properties: dict[str, str]
    choices: list[dict[str, str | int]]
    spec: dict[str, Any]
    paragraph_ids: dict[str, str]  # bookmark name -> stable id; empty in files from before ids were recorded
    body_sha256: str | None  # the fingerprint of the body's text when written (docx_body.py); None in older files


def has_provenance(package: DocxPackage) -> bool:
    """Whether the package holds the two parts an ipclauses build writes its record to."""
    return package.has(PROVENANCE_PART) and package.has(CUSTOM_PART)


def read_provenance(package: DocxPackage) -> Provenance:
    """The build's record from the provenance part, checked field by field."""
    name = package.name

    def damaged(reason: object) -> DocumentError:
        return document_error(name, message("document.provenance_damaged", reason=reason))

    if not has_provenance(package):
        raise document_error(name, message("document.no_provenance"))
    root = package.read_xml(PROVENANCE_PART, MAX_PROVENANCE_BYTES)
    if root.tag != f"{{{PROVENANCE_NS}}}provenance" or len(root):
        raise document_error(name, message("document.not_provenance", part=PROVENANCE_PART))
    try:
        recorded = json.loads(root.text or "", object_pairs_hook=_no_duplicate_keys, parse_constant=_refuse_constant)
    except RecursionError:
        raise damaged(message("document.provenance_json_too_deep")) from None
    except ValueError as exc:  # JSONDecodeError, and numbers of more than 4300 digits
        raise damaged(exc.reason if isinstance(exc, _RefusedJson) else str(exc)) from None
    _check_json_values(recorded, name)
    if not isinstance(recorded, dict):
        raise damaged(message("document.provenance_not_object", kind=_json_type(recorded)))
    missing = [key for key in ("custom_properties", "choices", "spec") if key not in recorded]
    if missing:
        raise damaged(message("document.provenance_lacks", keys=", ".join(missing)))
    props, choices, spec = recorded["custom_properties"], recorded["choices"], recorded["spec"]
    if not isinstance(props, dict) or not all(isinstance(v, str) for v in props.values()):
        raise damaged(message("document.provenance_not_string_map", key="custom_properties"))
    if not isinstance(choices, list) or not all(_is_choice(c) for c in choices):
        raise damaged(message("document.provenance_bad_choices"))
    if not isinstance(spec, dict):
        raise damaged(message("document.provenance_spec_not_object", kind=_json_type(spec)))
    ids = recorded.get("paragraph_ids", {})  # files from before ids were recorded have none
    if not isinstance(ids, dict) or not all(isinstance(v, str) for v in ids.values()):
        raise damaged(message("document.provenance_not_string_map", key="paragraph_ids"))
    body_sha256 = recorded.get("body_sha256")
    if body_sha256 is not None and not isinstance(body_sha256, str):
        raise damaged(message("document.provenance_bad_fingerprint"))
    return Provenance(
        body_sha256=body_sha256,
        custom_properties=props,
        choices=[{"clause": c["clause"], "variant": c["variant"], "article": c["article"]} for c in choices],
        spec=spec,
        paragraph_ids=ids,
    )


def bookmark_names(package: DocxPackage) -> list[str]:
    """The names of word/document.xml's bookmarks, in document order (none if it has no document part)."""
    if not package.has(DOCUMENT_PART):
        return []
    name_attr = f"{W}name"
    marks = package.iter_elements(DOCUMENT_PART, MAX_DOCUMENT_BYTES, f"{W}bookmarkStart")
    return [mark.get(name_attr) or "" for mark in marks]


def inspect_docx(source: DocxSource, *, name: str | None = None) -> Inspection:
    """What an ipclauses DOCX records about its build, and where that record contradicts itself.

    Core properties come from docProps/core.xml and custom properties from
    docProps/custom.xml; choices and spec from the provenance part; paragraph_ids from
    the bookmarks in word/document.xml, named through the provenance part's map. `integrity` and
    `problems` report a spec whose SHA-256 differs from the recorded spec_sha256, and
    every custom property whose two copies disagree. The record is not a signature:
    a consistent record proves nothing about who made the file or its text.

    `name` names the file in messages (default: the path, or the stream's name).
    Raises `DocumentError` for a file that is not a readable ipclauses DOCX (or is
    too large or malformed to read safely).
    """
    with open_docx(source, name=name) as package:
        return inspect_package(package, read_provenance(package))


def inspect_package(package: DocxPackage, record: Provenance, bookmarks: list[str] | None = None) -> Inspection:
    """`inspect_docx` of a package already open, whose provenance `record` is already read.

    `bookmarks` are word/document.xml's bookmark names in document order, if the caller
    has read the document already (each part is read once: reads count against one budget).
    """
    if not package.has(CORE_PART):
        raise document_error(package.name, message("document.missing_properties", part=CORE_PART))
    core = _core_properties(package)
    custom, problems = _custom_properties(package)
    ids = record["paragraph_ids"]
    # The bookmarks say where each paragraph is now (after any edits), the map what it is.
    if bookmarks is None and ids:
        bookmarks = bookmark_names(package)
    found = [ids[mark] for mark in bookmarks or [] if mark in ids]
    recorded = record["custom_properties"]

    # A property a user added in Word is not part of the record; one ipclauses writes must agree in both places.
    keys = sorted(recorded.keys() | (custom.keys() & set(PROPERTY_NAMES)))
    disagreements = [
        Disagreement(key=key, custom_xml=custom.get(key), provenance=recorded.get(key))
        for key in keys
        if custom.get(key) != recorded.get(key)
    ]
    for d in disagreements:
        problems.append(
            f"the property {d['key']} is {_shown(d['custom_xml'])} in {CUSTOM_PART} "
            f"but {_shown(d['provenance'])} in the provenance part ({PROVENANCE_PART})"
        )

    spec = record["spec"]
    computed = json_sha256(spec)
    stated = {where: props.get("spec_sha256") for where, props in ((CUSTOM_PART, custom), (PROVENANCE_PART, recorded))}
    for where, value in stated.items():
        if value is None:
            problems.append(f"{where} records no spec_sha256, so the embedded spec cannot be checked against it")
        elif value != computed:
            problems.append(
                f"the embedded spec's SHA-256 is {computed}, but {where} records spec_sha256 {_shown(value)}: "
                "the spec or its hash was changed after the build"
            )
    return Inspection(
        notice=NOTICE,
        core_properties=core,
        custom_properties=custom,
        choices=record["choices"],
        spec=spec,
        paragraph_ids=found,
        integrity=Integrity(
            spec_sha256_computed=computed,
            spec_hash_matches=all(value == computed for value in stated.values()),
            disagreements=disagreements,
        ),
        problems=problems,
    )


def _shown(value: str | None) -> str:
    return "missing" if value is None else json.dumps(value, ensure_ascii=False)
