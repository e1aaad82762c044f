"""`citynews merge` (output/merge.py): one dump from worker files, manifests summed.  No Redis needed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from citynews_scraper.output.merge import merge
from tests.distributed.conftest import citynews, read_jsonl


def record(aid: int, digest: str) -> dict[str, Any]:
    return {"article_id": str(aid), "url": f"http://x.test/portal.php?mod=view&aid={aid}", "content_hash": digest}


def write(path: Path, records: list[dict[str, Any]], tail: bytes = b"") -> Path:
    path.write_bytes(b"".join(json.dumps(r).encode() + b"\n" for r in records) + tail)
    return path


def test_keeps_one_record_per_id_and_per_content_hash(tmp_path: Path) -> None:
    a = write(tmp_path / "out-a.jsonl", [record(1, "h1"), record(2, "h2")])
    b = write(tmp_path / "out-b.jsonl", [record(2, "h2"), record(3, "h1"), record(4, "h4")])
    result = merge([a, b], tmp_path / "all.jsonl")
    assert [r["article_id"] for r in read_jsonl(tmp_path / "all.jsonl")] == ["1", "2", "4"]
    assert (result.read, result.written, result.duplicate_id, result.duplicate_hash) == (5, 3, 1, 1)
    assert not (tmp_path / "all.jsonl.part").exists()


def test_rejects_files_are_skipped(tmp_path: Path) -> None:
    a = write(tmp_path / "out-a.jsonl", [record(1, "h1")])
    rejects = write(tmp_path / "out-a.rejects.jsonl", [{"reason": "bad", "errors": ["bad"], "record": record(2, "h2")}])
    result = merge([a, rejects], tmp_path / "all.jsonl")
    assert result.written == 1 and result.skipped_inputs == [str(rejects)]


def test_a_killed_workers_part_file_is_read_up_to_its_cut_line(tmp_path: Path) -> None:
    part = write(tmp_path / "out-dead.jsonl.part", [record(1, "h1")], tail=b'{"article_id": "2", "ur')
    result = merge([part], tmp_path / "all.jsonl")
    assert result.written == 1
    assert result.bad_lines == [f"{part}:2: not valid JSON (cut mid-write)"]
    assert result.missing_manifests == [str(part)]


def test_manifests_are_summed_and_recovered_losses_dropped(tmp_path: Path) -> None:
    a = write(tmp_path / "out-a.jsonl", [record(1, "h1")])
    b = write(tmp_path / "out-b.jsonl", [record(2, "h2")])
    lost = {"url": "http://x.test/portal.php?mod=view&aid=2", "reason": "timeout", "kind": "timeout", "what": "article"}
    other = {
        "url": "http://x.test/portal.php?mod=view&aid=9",
        "reason": "http 500",
        "kind": "http_500",
        "what": "article",
    }
    for path, counts, losses, started in (
        (
            a,
            {"articles_written": 1, "deleted": 2, "failed_by_kind": {"timeout": 1}},
            [lost, other],
            "2026-01-01T00:00:02Z",
        ),
        (b, {"articles_written": 1, "deleted": 3, "failed_by_kind": {"timeout": 2}}, [], "2026-01-01T00:00:01Z"),
    ):
        manifest = {
            "started_at": started,
            "finished_at": started,
            "site": "x",
            "start_urls": ["http://x.test/"],
            "finish_reason": "finished",
            "counts": counts,
            "lost": losses,
            "deleted": [],
            "stats": {},
        }
        path.with_name(path.stem + ".manifest.json").write_text(json.dumps(manifest))
    merge([a, b], tmp_path / "all.jsonl")
    merged = json.loads((tmp_path / "all.manifest.json").read_text())
    assert merged["counts"]["articles_written"] == 2
    assert merged["counts"]["deleted"] == 5
    assert merged["counts"]["failed_by_kind"] == {"timeout": 3}
    assert merged["lost"] == [other]
    assert merged["lost_then_written_by_another_worker"] == 1
    assert merged["started_at"] == "2026-01-01T00:00:01Z"
    assert merged["workers"] == 2


def test_cli_merges_and_refuses_missing_inputs(tmp_path: Path) -> None:
    a = write(tmp_path / "out-a.jsonl", [record(1, "h1")])
    proc = citynews("merge", "-o", str(tmp_path / "all.jsonl"), str(a), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "1 records written" in proc.stdout
    proc = citynews("merge", "-o", str(tmp_path / "all.jsonl"), str(tmp_path / "nope.jsonl"), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"citynews: error: {tmp_path / 'nope.jsonl'}: no such file"
