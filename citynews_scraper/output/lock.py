"""One run per site: an exclusive `fcntl.flock` on ``<state dir>/<site>.lock``.

The kernel drops a flock when its process dies, however it dies (SIGKILL included), so a
crashed run never leaves a stale lock behind; the file itself stays (it only holds the
holder's pid, for the message).  A process holds each lock once: `acquire` returns the
lock it already holds (the CLI takes it before Scrapy starts, the spider asks again).
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO


class LockHeld(Exception):
    """Another process runs this site; the message is one line."""


class RunLock:
    """An exclusive lock held until `release` or the end of the process."""

    def __init__(self, path: Path, handle: IO[str]) -> None:
        self.path = path
        self._handle: IO[str] | None = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None
            _HELD.pop(self.path, None)


_HELD: dict[Path, RunLock] = {}


def acquire(path: Path, what: str = "this site") -> RunLock:
    """Take the lock at `path` without waiting; `LockHeld` when another process has it."""
    path = Path(path).resolve()
    if path in _HELD:
        return _HELD[path]
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip()
        handle.close()
        who = f" (pid {holder})" if holder.isdigit() else ""
        raise LockHeld(f"another run of {what} is active{who}; lock {path}") from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    lock = RunLock(path, handle)
    _HELD[path] = lock
    return lock
