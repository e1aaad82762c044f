"""Merge the JSONL files of a distributed crawl's workers into one dump and one manifest.

Records are read in the order of the files given (a killed worker's ``.part`` file included:
a last line cut mid-write is skipped and counted); the first record of each article id (URL
when there is no id) and of each content hash is kept, later ones are dropped and counted.
The manifests found beside the inputs (``<name>.manifest.json``) are summed: numbers add up,
lists are joined, and an article one worker lost and another wrote is no longer lost.
Rejects files (``….rejects.jsonl``, which a shell glob picks up) are skipped and listed.
The output is written to ``<output>.part`` and renamed, like a crawl's.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from citynews_scraper.output.jsonl import JsonlWriter
from citynews_scraper.output.manifest import run_paths
from citynews_scraper.output.partfile import PART_SUFFIX, part_path

REJECTS_SUFFIX = ".rejects.jsonl"  # records that failed the schema, not records to merge


@dataclass
class MergeResult:
    output: Path
    manifest: Path
    written: int = 0
    read: int = 0
    duplicate_id: int = 0
    duplicate_hash: int = 0
    bad_lines: list[str] = field(default_factory=list)  # "file:line: reason"
    missing_manifests: list[str] = field(default_factory=list)
    skipped_inputs: list[str] = field(default_factory=list)  # rejects files (a shell glob picks them up)

    def summary(self) -> dict[str, Any]:
        return {
            "inputs_read": self.read,
            "written": self.written,
            "duplicates_by_id": self.duplicate_id,
            "duplicates_by_content_hash": self.duplicate_hash,
            "bad_lines": self.bad_lines,
            "inputs_without_manifest": self.missing_manifests,
            "skipped_inputs": self.skipped_inputs,
        }


def read_records(path: Path, bad: list[str]) -> Iterator[dict[str, Any]]:
    """Valid JSON object lines of `path`; the others are noted in `bad`."""
    with path.open("rb") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                cut = "" if line.endswith(b"\n") else " (cut mid-write)"
                bad.append(f"{path}:{number}: not valid JSON{cut}")
                continue
            if isinstance(record, dict):
                yield record
            else:
                bad.append(f"{path}:{number}: not a JSON object")


def _key(record: dict[str, Any]) -> str:
    return str(record.get("article_id") or record.get("url"))


def merge(inputs: Iterable[str | os.PathLike[str]], output: str | os.PathLike[str]) -> MergeResult:
    """Write the deduplicated union of `inputs` to `output` and the summed manifest beside it."""
    given = [Path(p) for p in inputs]
    paths = [p for p in given if not p.name.endswith(REJECTS_SUFFIX)]
    target = run_paths(output, "merge", _now()).output
    result = MergeResult(target, run_paths(output, "merge", _now()).manifest)
    result.skipped_inputs = [str(p) for p in given if p not in paths]
    ids: set[str] = set()
    hashes: set[str] = set()
    writer = JsonlWriter(part_path(target))
    part_path(target).unlink(missing_ok=True)
    writer.touch()
    try:
        for path in paths:
            for record in read_records(path, result.bad_lines):
                result.read += 1
                key, digest = _key(record), record.get("content_hash")
                if key in ids:
                    result.duplicate_id += 1
                    continue
                if digest and digest in hashes:
                    result.duplicate_hash += 1
                    continue
                ids.add(key)
                if digest:
                    hashes.add(digest)
                writer.write(record)
                result.written += 1
    finally:
        writer.close()
    os.replace(part_path(target), target)
    manifests = [m for m in (_manifest_of(p, result) for p in paths) if m is not None]
    merged = sum_manifests(manifests, ids)
    merged["output"] = {"records": str(target), "manifest": str(result.manifest)}
    merged["merge"] = {"inputs": [str(p) for p in paths], **result.summary()}
    merged.setdefault("counts", {})["articles_written"] = result.written
    merged["counts"]["duplicates"] = merged["counts"].get("duplicates", 0) + result.duplicate_id + result.duplicate_hash
    tmp = result.manifest.with_name(result.manifest.name + ".tmp")
    tmp.write_text(json.dumps(merged, ensure_ascii=False, indent=2) + "\n", "utf-8")
    os.replace(tmp, result.manifest)
    return result


def _manifest_of(path: Path, result: MergeResult) -> dict[str, Any] | None:
    name = path.name[: -len(PART_SUFFIX)] if path.name.endswith(PART_SUFFIX) else path.name
    candidate = run_paths(path.with_name(name), "merge", _now()).manifest
    if not candidate.exists():
        result.missing_manifests.append(str(path))
        return None
    return json.loads(candidate.read_text("utf-8"))


def sum_manifests(manifests: list[dict[str, Any]], written_keys: set[str]) -> dict[str, Any]:
    """Numbers add up, lists are joined; losses of articles that were written after all are dropped."""
    merged: dict[str, Any] = {}
    for manifest in manifests:
        _add(merged, {k: v for k, v in manifest.items() if k != "output"})
    if manifests:
        merged["started_at"] = min(m.get("started_at", "") for m in manifests)
        merged["finished_at"] = max(m.get("finished_at", "") for m in manifests)
        reasons = sorted({str(m.get("finish_reason")) for m in manifests})
        merged["finish_reason"] = reasons[0] if len(reasons) == 1 else ", ".join(reasons)
        merged["site"] = manifests[0].get("site")
        merged["start_urls"] = sorted({u for m in manifests for u in m.get("start_urls", [])})
        merged["workers"] = len(manifests)
    lost = merged.get("lost", [])
    merged["lost"] = [loss for loss in lost if not _written(loss, written_keys)]
    if len(merged["lost"]) < len(lost):
        merged["lost_then_written_by_another_worker"] = len(lost) - len(merged["lost"])
    return merged


def _written(loss: dict[str, Any], written_keys: set[str]) -> bool:
    from citynews_scraper.extract.urls import UrlRules

    if loss.get("what") != "article":
        return False
    ref = UrlRules().article_ref(loss.get("url", ""))
    return bool(ref and ref.aid in written_keys) or loss.get("url") in written_keys


def _add(into: dict[str, Any], value: dict[str, Any]) -> None:
    for key, item in value.items():
        if isinstance(item, bool) or item is None or isinstance(item, str):
            into.setdefault(key, item)
        elif isinstance(item, (int, float)):
            into[key] = into.get(key, 0) + item
        elif isinstance(item, list):
            into.setdefault(key, []).extend(item)
        elif isinstance(item, dict):
            _add(into.setdefault(key, {}), item)


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)
