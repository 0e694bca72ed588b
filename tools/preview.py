"""Print the assembled agreement for a spec as plain text (for writers of clause files).

Usage: python3 tools/preview.py SPEC.json [--summaries]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ipclauses.assemble import assemble
from ipclauses.errors import IpclausesError
from ipclauses.library import load_library
from ipclauses.loading import load_spec

try:
    spec = load_spec(sys.argv[1])
    agreement = assemble(spec, load_library())
except IpclausesError as exc:
    sys.exit(f"error: {exc}")
print(agreement.text())
if "--summaries" in sys.argv:
    print("\n--- summaries ---")
    for art in agreement.articles:
        print(f"{art.heading} [{art.clause_id}/{art.variant_id}, {art.balance}]: {art.summary}")
