"""Compare a dump with a ground truth (the demo portal's): every article once, every field equal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# Fields that legitimately differ between runs.
VOLATILE = ("fetched_at",)


@dataclass
class Comparison:
    expected: int
    matched: int = 0
    missing: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    mismatched: dict[str, list[str]] = field(default_factory=dict)  # article id → fields that differ

    @property
    def ok(self) -> bool:
        return self.matched == self.expected and not (self.unexpected or self.duplicated)

    def first_problems(self, limit: int = 5) -> list[str]:
        """Up to `limit` one-line descriptions of what differs."""
        lines = [f"missing article {key}" for key in self.missing]
        lines += [f"article {key} is not in the ground truth" for key in self.unexpected]
        lines += [f"article {key} written more than once" for key in self.duplicated]
        lines += [f"article {key}: {', '.join(fields)} differ" for key, fields in self.mismatched.items()]
        return lines[:limit]


def _key(record: dict[str, Any]) -> str:
    return str(record.get("article_id") or record.get("url"))


def compare_records(
    records: Iterable[dict[str, Any]],
    truth: Iterable[dict[str, Any]],
    ignore: Iterable[str] = VOLATILE,
    expected_values: dict[str, Any] | None = None,
) -> Comparison:
    """Match `records` to `truth` by article id and compare every field but `ignore`.

    `expected_values` overrides truth fields that depend on how the crawl was run
    (e.g. ``{"site": "demo"}``).
    """
    skip = set(ignore)
    wanted = {_key(r): {**r, **(expected_values or {})} for r in truth}
    result = Comparison(expected=len(wanted))
    seen: set[str] = set()
    for record in records:
        key = _key(record)
        if key in seen:
            result.duplicated.append(key)
            continue
        seen.add(key)
        if key not in wanted:
            result.unexpected.append(key)
            continue
        differ = [name for name, value in wanted[key].items() if name not in skip and record.get(name) != value]
        if differ:
            result.mismatched[key] = differ
        else:
            result.matched += 1
    result.missing = sorted((k for k in wanted if k not in seen), key=lambda k: (len(k), k))
    return result
