"""The sum check of a financing table (``documents.financing``, a KKR appendix's "Kommune / 1.000 kr.").

The rows' amounts should add up to the total the source states. The check is computed from the
rows as they are now (an editor may have corrected an amount since extraction), never stored in
the YAML: a stored sum would go stale with the first correction. ``ok`` is None when the source
states no total: there is nothing to check against.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FinancingCheck:
    row_sum: int | float
    total: int | float | None
    ok: bool | None  # None: the source states no total


def check_financing(financing: Mapping[str, Any]) -> FinancingCheck:
    total = financing.get("total_tkr")
    row_sum = sum(row.get("amount_tkr") or 0 for row in financing.get("rows") or [])
    return FinancingCheck(row_sum, total, None if total is None else row_sum == total)


def with_check(financing: Mapping[str, Any]) -> dict[str, Any]:
    """The table as the API gives it: the rows' sum (``sum_tkr``) right after the rows, the check
    (``sum_ok``) last, both computed (see the module docstring)."""
    check = check_financing(financing)
    table: dict[str, Any] = {}
    for key, value in financing.items():
        if key not in ("sum_tkr", "sum_ok"):
            table[key] = value
        if key == "rows":
            table["sum_tkr"] = check.row_sum
    table.setdefault("sum_tkr", check.row_sum)
    table["sum_ok"] = check.ok
    return table
