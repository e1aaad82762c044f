"""One JSON object per line, UTF-8, CJK unescaped, flushed per record (a crash loses no written line)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import jsonlines


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


class JsonlWriter:
    """Append records to a JSON Lines file (created with its folders on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        self._file: IO[str] | None = None
        self._writer: jsonlines.Writer | None = None

    def write(self, record: dict[str, Any]) -> None:
        if self._writer is None:
            self._open()
        assert self._writer is not None and self._file is not None
        self._writer.write(record)
        self._file.flush()
        self.count += 1

    def _open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("a", encoding="utf-8", newline="\n")
        # flush=False: we flush the file ourselves, once per record.
        self._writer = jsonlines.Writer(self._file, dumps=_dumps)

    def touch(self) -> None:
        """Create the (empty) file so a run with no records still leaves its output."""
        if self._writer is None:
            self._open()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        if self._file is not None:
            self._file.close()
        self._writer = self._file = None
