"""How healthy a finished run was: its error rate, from the manifest counts (for the exit status)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Outcomes of everything a run tried: list pages and articles.  Errors are what a person may
# have to look at: lost articles, lost list pages and records the schema rejected.  Deleted
# articles (404 showmessage) are the portal's doing, not errors.
ERROR_COUNTS = ("failed", "list_pages_failed", "articles_rejected")
OK_COUNTS = ("articles_written", "duplicates", "deleted", "list_pages")
# Losses the portal chose, not faults: an article that redirects to another site (a Discuz!
# 跳转URL article).  Still listed in the manifest (`lost`, `failed_by_kind`), not errors.
PORTAL_CHOICES = ("offsite_redirect",)
# Records a harvest chose not to write (manifest ``harvest`` section): tried, not errors.
HARVEST_DROPS = ("done", "older", "unchanged")


@dataclass(frozen=True)
class ErrorRate:
    errors: int
    attempts: int

    @property
    def percent(self) -> float:
        return 100.0 * self.errors / self.attempts if self.attempts else 0.0

    def above(self, limit_percent: float) -> bool:
        return self.percent > limit_percent


def error_rate(counts: dict[str, Any], harvest: dict[str, Any] | None = None) -> ErrorRate:
    """Errors among all list pages and articles a run dealt with.

    >>> error_rate({"articles_written": 95, "failed": 5}).percent
    5.0
    >>> error_rate({}).percent
    0.0
    >>> error_rate({"articles_written": 9, "failed": 1, "failed_by_kind": {"offsite_redirect": 1}}).percent
    0.0
    """
    chosen = sum(int((counts.get("failed_by_kind") or {}).get(kind, 0) or 0) for kind in PORTAL_CHOICES)
    errors = sum(int(counts.get(name, 0) or 0) for name in ERROR_COUNTS) - chosen
    fine = sum(int(counts.get(name, 0) or 0) for name in OK_COUNTS) + chosen
    fine += sum(int((harvest or {}).get(name, 0) or 0) for name in HARVEST_DROPS)
    return ErrorRate(errors, errors + fine)
