"""Print the plain-language summary of bundled examples (all, or those named by stem), for reviewing clause effects."""

from __future__ import annotations

import sys
from pathlib import Path

from ipclauses import load_spec, summarize

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main(stems: list[str]) -> None:
    for path in sorted(EXAMPLES.glob("*.json")):
        if stems and path.stem not in stems:
            continue
        print(f"===== {path.stem}")
        print(summarize(load_spec(path)))


if __name__ == "__main__":
    main(sys.argv[1:])
