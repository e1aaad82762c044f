"""Records go to ``<output>.part`` while a run is on and are renamed to ``<output>`` when it ends.

So a reader never sees a half-finished dump under the final name.  A run that was killed
(SIGKILL, power cut) or stopped with Ctrl-C leaves the ``.part`` file; the next run with the
same state continues it: `recover_part` cuts a last line that was interrupted mid-write
(bytes after the last newline, or a last line that is not valid JSON) and returns the records
already there, which the run then does not write again.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PART_SUFFIX = ".part"


def part_path(output: str | os.PathLike[str]) -> Path:
    """``out.jsonl`` → ``out.jsonl.part``."""
    path = Path(output)
    return path.with_name(path.name + PART_SUFFIX)


@dataclass
class Recovered:
    """What a previous, interrupted run left in the ``.part`` file."""

    records: list[dict[str, Any]] = field(default_factory=list)
    cut_bytes: int = 0  # bytes of a broken last line removed


def recover_part(part: Path) -> Recovered:
    """Make `part` end on a whole, valid JSON line; the records it holds (empty if absent)."""
    if not part.exists():
        return Recovered()
    data = part.read_bytes()
    keep = data.rfind(b"\n") + 1  # everything after the last newline was cut mid-write
    lines = data[:keep].splitlines()
    records = []
    for number, line in enumerate(lines):
        try:
            records.append(json.loads(line))
        except ValueError:
            if number != len(lines) - 1:
                raise ValueError(f"{part}: line {number + 1} is not valid JSON; not continuing this file") from None
            keep -= len(line) + 1  # a flushed but garbled last line: the record is written again
    if keep < len(data):
        with part.open("r+b") as handle:
            handle.truncate(keep)
            os.fsync(handle.fileno())
    return Recovered(records, len(data) - keep)


def finish_part(part: Path, final: Path) -> bool:
    """Rename `part` to `final` (atomic on one file system); False when there is no part file."""
    if not part.exists():
        return False
    os.replace(part, final)
    return True
