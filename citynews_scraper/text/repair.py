"""Text repairs applied to every record string, each counted in a `RepairLog`.

`clean_text` is the single entry point the extractor calls per string field; it runs the
repairs in a fixed order and then normalises whitespace.  Repairs are conservative: a
change is made only when it is provably a repair (see docs/text-repair.md).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from citynews_scraper.text.normalize import normalize_space


@dataclass
class RepairLog:
    """Counts of repairs made and of problems flagged (but left) over one record."""

    repairs: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)

    def repaired(self, name: str, count: int = 1) -> None:
        if count:
            self.repairs[name] += count

    def flag(self, name: str, count: int = 1) -> None:
        if count:
            self.flags[name] += count

    def merge(self, other: RepairLog) -> None:
        self.repairs.update(other.repairs)
        self.flags.update(other.flags)

    @staticmethod
    def _as_list(counter: Counter[str]) -> list[str]:
        return [f"{name}:{count}" for name, count in sorted(counter.items()) if count > 0]

    def repairs_list(self) -> list[str]:
        """`repairs` for the record: ``name:count``, sorted by name."""
        return self._as_list(self.repairs)

    def flags_list(self) -> list[str]:
        """`quality_flags` for the record: ``name:count``, sorted by name."""
        return self._as_list(self.flags)


def clean_text(text: str, log: RepairLog) -> str:
    """Repair and normalise one string field, counting what was done in `log`."""
    return normalize_space(text)


def finish_log(log: RepairLog) -> None:
    """Page-level flags computed once every field has been cleaned."""
