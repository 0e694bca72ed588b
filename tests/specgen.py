"""Make valid specs that satisfy a clause condition, starting from the examples.

Used to prove that every variant of every clause is reachable by some real spec,
and by the decision tests to build one spec per option.
"""

from __future__ import annotations

import copy
import json

from conftest import EXAMPLES
from ipclauses import SpecError, load_spec
from ipclauses.conditions import literal_values, path_annotation

MONEY = {"amount": 1_000_000, "currency": "JPY"}

# Values to use when a condition needs an optional field to be present.
SAMPLES = {
    "remedies.penalty": MONEY,
    "next_step": {"decision_months": 6, "next_agreement": "jrd"},
    "next_step.fee_if_none": MONEY,
    "next_step.discount_if_follows": 10,
    "confidentiality.supersedes_nda": {"title": "Mutual NDA on battery materials", "date": "2025-10-01"},
    "confidentiality.announcement_text": "The parties have started a joint evaluation of new battery materials.",
    "purpose.project_name": "Project Aurora",
    "poc.materials": "Three hundred annotated images of weld seams supplied as PNG files.",
    "jrd.steering_committee": {"members_per_party": 2, "meets_every_months": 3},
    "jrd.materials": "Prototype electrolyte samples, 500 g per quarter.",
    "licence": {"exclusivity": "non_exclusive", "royalty": {"kind": "free"}},
    "option": {"kind": "exclusive_licence", "holder": None, "exercise_months": 6},
    "non_compete": {"scope": "solid-state electrolytes for vehicle batteries", "months": 24},
    "liability.capped_party": None,
    "liability.cap.amount": MONEY,
    "disputes.arbitration": {"institution": "JCAA", "seat": "Tokyo"},
    "licence.royalty.upfront": MONEY,
    "licence.royalty.running_percent": 3,
    "licence.royalty.minimum_annual": MONEY,
    "licence.royalty.milestones": [{"event": "First commercial sale", "amount": MONEY}],
    "licence.field": "automotive batteries",
    "licence.products": "battery cells",
    "licence.exclusive_months": 24,
    "licence.non_use_fallback_months": 12,
    "licence.sublicensees": ["Example Manufacturing Ltd."],
    "licence.term.years": 5,
    "licensed.trademarks": ["AURORA"],
    "licensed.know_how": "Process parameters for coating cathode particles.",
    "results.copyright_ownership": {"rule": "joint", "shares": "equal"},
    "project.objective": "Decide whether the material can be mass-produced.",
    # an AI model developed under a PoC or a joint R&D; its developer is set from the spec's parties (_sample)
    "ai": {"stage": "poc", "developer": None, "model": "a model that detects weld defects in images",
           "training_data": {"description": "annotated images of weld seams"}},
    "ai.reuse_excluded": "any maker of welding equipment",
    "ai.acceptance_tests": "recall of at least 95% on the agreed test set",
}

# When validation names one of these paths, set it so the spec becomes valid.
FIXUPS = {
    "/licence/exclusive_months": ("licence.exclusive_months", 24),
    "/disputes/arbitration": ("disputes.arbitration", {"institution": "JCAA", "seat": "Tokyo"}),
    "/liability/cap/amount": ("liability.cap.amount", MONEY),
    "/confidentiality/announcement_text": ("confidentiality.announcement_text", SAMPLES["confidentiality.announcement_text"]),
    "/licence/sublicensees": ("licence.sublicensees", ["Example Manufacturing Ltd."]),
    "/licence/term/years": ("licence.term.years", 5),
    "/licence/royalty": ("licence.royalty.running_percent", 3),
    "/licence/royalty/minimum_annual": ("licence.royalty.running_percent", 3),
    "/licence/licensed/trademarks": ("licensed.trademarks", ["AURORA"]),
    "/licensed/trademarks": ("licensed.trademarks", ["AURORA"]),
    "/ownership/lead_party": ("ownership.lead_party", "softgrip"),  # a consortium example's member
}


def _ids(data):
    return [p["id"] for p in data["parties"]]


def set_path(data: dict, path: str, value) -> None:
    parts = path.split(".")
    node = data
    for part in parts[:-1]:
        if isinstance(node, list):
            node = node[int(part)]
            continue
        if node.get(part) is None:
            node[part] = {}
        node = node[part]
    if value is None and isinstance(node, dict):
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = value


def get_path(data: dict, path: str):
    node = data
    for part in path.split("."):
        if isinstance(node, list):
            node = node[int(part)] if int(part) < len(node) else None
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
    return node


def _ownership(rule: str, data: dict) -> dict:
    a, _b = _ids(data)
    return {
        "sole": {"rule": "sole", "owner": a},
        "joint": {"rule": "joint", "shares": "equal"},
        "inventor": {"rule": "inventor"},
        "by_field": {"rule": "by_field", "fields": [{"field": "cathode materials", "owner": a}]},
        "decide_later": {"rule": "decide_later"},
    }[rule]


def _sample(path: str, data: dict):
    value = copy.deepcopy(SAMPLES.get(path))
    if path == "option":
        value["holder"] = _ids(data)[1]
    if path == "liability.capped_party":
        value = _ids(data)[0]
    if path == "next_step.decider":
        value = _ids(data)[0]
    if path == "personal_data.provided_by":
        value = [_ids(data)[0]]
    if path == "ai":  # a PoC's model is trained by its provider
        value["developer"] = next((p["id"] for p in data["parties"] if p.get("role") == "provider"), _ids(data)[1])
    return value


def apply(data: dict, condition: dict, agreement: str) -> None:
    """Change data so the condition holds (best effort; validation decides)."""
    for path, expected in condition.items():
        if path == "any":
            apply(data, expected[0], agreement)
            continue
        if path == "@has.university":
            data["parties"][1]["kind"] = "university" if expected else "startup"
            if not expected:
                data["parties"][0]["kind"] = "large_company"
            continue
        if path == "@has.startup":
            data["parties"][1]["kind"] = "startup" if expected else "university"
            if not expected:
                data["parties"][0]["kind"] = "large_company"
            continue
        if path == "@copyright.separate":
            set_path(data, "results.copyright_ownership", SAMPLES["results.copyright_ownership"] if expected else None)
            continue
        if path.startswith("@") or path == "type":
            continue  # the agreement type is chosen by the caller, never changed here
        if isinstance(expected, dict):
            (op, arg), = expected.items()
            if op == "set":
                current = get_path(data, path)
                if arg and current in (None, [], False):
                    value = _sample(path, data)
                    if value is None:
                        _ok, types = path_annotation(agreement, path)
                        value = True if bool in types else value
                    set_path(data, path, value)
                elif not arg:
                    set_path(data, path, None)
                continue
            if op == "in":
                value = arg[0]
            elif op == "not":
                allowed = literal_values(path_annotation(agreement, path)[1]) or []
                value = next(v for v in allowed if v != arg and v is not None)
            elif op == "contains":
                current = list(get_path(data, path) or [])
                value = current if arg in current else current + [arg]
            elif op == "gt":
                value = arg + 1
            elif op == "lt":
                value = max(arg - 1, 1)
            else:
                raise ValueError(op)
        else:
            value = expected[0] if isinstance(expected, list) else expected
        if path.startswith("results.") and path.endswith("ownership.rule"):  # a JRD's or PoC's ownership rule union
            set_path(data, path.rsplit(".", 1)[0], _ownership(value, data))
        elif path == "confidentiality.direction" and value == "one_way" and agreement == "nda":
            set_path(data, path, value)
            data["parties"][0]["role"], data["parties"][1]["role"] = "discloser", "recipient"
        elif path == "confidentiality.direction" and value == "mutual" and agreement == "nda":
            set_path(data, path, value)
            for p in data["parties"]:
                p["role"] = "party"
        else:
            set_path(data, path, copy.deepcopy(value))


def make_valid(data: dict, tries: int = 6):
    """Load the spec, applying FIXUPS for known cross-field consequences; None if it stays invalid."""
    for _ in range(tries):
        try:
            return load_spec(copy.deepcopy(data))
        except SpecError as exc:
            fixed = False
            for path, _message in exc.errors:
                if path in FIXUPS:
                    target, value = FIXUPS[path]
                    set_path(data, target, copy.deepcopy(value))
                    fixed = True
                elif path == "/licence/exclusivity":
                    for key in ("exclusive_months", "exclusive_perpetual", "non_use_fallback_months"):
                        data["licence"].pop(key, None)
                    fixed = True
                elif path == "/licence/exclusive_perpetual":
                    data["licence"].pop("exclusive_perpetual", None)
                    fixed = True
                elif path == "/licence/registered_exclusive" and "non_use_fallback_months" in _message:
                    data["licence"].pop("non_use_fallback_months", None)  # a registered exclusive licence has none
                    fixed = True
                elif path.startswith("/licence/royalty") and "free" in _message:
                    for key in ("upfront", "running_percent", "milestones", "minimum_annual"):
                        data["licence"]["royalty"].pop(key, None)
                    fixed = True
                elif path.startswith("/fees/") and data.get("type") == "ai_use":
                    # an AI service's fees: add the amount its kind needs, or drop one it does not use
                    fees, key = data["fees"], path.rsplit("/", 1)[1]
                    if fees.get(key) is None:
                        fees[key] = "1,000 requests" if key == "unit" else copy.deepcopy(MONEY)
                    else:
                        fees.pop(key)
                    fixed = True
                elif path == "/liability/capped_party":
                    data["liability"]["capped_party"] = _ids(data)[0]
                    fixed = True
                elif path == "/jrd/costs/payer":
                    data["jrd"]["costs"]["payer"] = _ids(data)[0]
                    fixed = True
                elif path == "/jrd/costs":
                    data["jrd"]["costs"].pop("payer", None)
                    data["jrd"]["costs"].pop("amount", None)
                    fixed = True
                elif path == "/liability/cap/kind" and "NDA" in _message:
                    data["liability"]["cap"] = {"kind": "none"}
                    fixed = True
                elif path == "/disputes/arbitration" and "only used" in _message:
                    data["disputes"].pop("arbitration", None)
                    fixed = True
                elif path == "/disputes/court":
                    data["disputes"]["court"] = "Tokyo District Court"
                    fixed = True
                elif (data.get("type") == "data_provision" and _fix_data_provision(data, path)) or (
                        data.get("ai") and _fix_ai(data, path)):
                    fixed = True
            if not fixed:
                return None
    return None


def _fix_data_provision(data: dict, path: str) -> bool:
    """A data provision spec's cross-field consequences: give what an option needs, drop what it does not use."""
    needs = {"/data_fees/amount": ("data_fees", "amount", MONEY), "/data_quality/levels": ("data_quality", "levels", "99% complete"),
             "/provided_data/update_every_months": ("provided_data", "update_every_months", 1)}
    if path in needs:
        group, key, value = needs[path]
        holder = data.setdefault(group, {})
        if holder.get(key) is None:
            holder[key] = copy.deepcopy(value)
        else:
            holder.pop(key)
        return True
    if path == "/derived_data/provider_may_use":
        data["derived_data"]["provider_may_use"] = False
        return True
    if path == "/personal_data":
        if data.get("personal_data") is None:
            provider = next(p["id"] for p in data["parties"] if p.get("role") == "provider")
            data["personal_data"] = {"provided_by": [provider]}
        else:
            data.pop("personal_data")
        return True
    if path == "/late_interest_percent":
        data.pop("late_interest_percent", None)
        return True
    return False


def _fix_ai(data: dict, path: str) -> bool:
    """An "ai" block's cross-field consequences: the reuse limit its option needs, and the personal data article."""
    ai = data["ai"]
    if path == "/ai/reuse_excluded":
        if ai.get("reuse_excluded") is None:
            ai["reuse_excluded"] = SAMPLES["ai.reuse_excluded"]
        else:
            ai.pop("reuse_excluded")
        return True
    if path == "/ai/parameters_owner":
        ai.pop("parameters_owner", None)
        return True
    if path == "/personal_data" and ai.get("training_data", {}).get("personal_data"):
        partner = next(p["id"] for p in data["parties"] if p["id"] != ai["developer"])
        data["personal_data"] = {"provided_by": [partner]}
        return True
    return False


def bases(agreement: str) -> list[dict]:
    out = []
    for path in EXAMPLES:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["type"] == agreement:
            out.append(data)
    return out


def spec_where(agreement: str, *conditions: dict):
    """A valid spec of the type, built from an example, for which all conditions hold, or None."""
    from ipclauses.conditions import holds

    for base in bases(agreement):
        data = copy.deepcopy(base)
        for cond in conditions:
            apply(data, cond, agreement)
        spec = make_valid(data)
        if spec is not None and all(holds(spec, c) for c in conditions):
            return spec
    return None
