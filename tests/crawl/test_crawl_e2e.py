"""End-to-end: real `citynews crawl` subprocesses against the demo portal, started from its home page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from citynews_scraper.output.compare import compare_records
from tests.crawl.conftest import crawl

pytestmark = pytest.mark.e2e


def assert_matches_ground_truth(records: list[dict[str, Any]], portal: Any) -> None:
    result = compare_records(records, portal.ground_truth())
    assert result.ok, result.first_problems(10)
    assert result.matched == result.expected > 0


@pytest.mark.parametrize("config", [
    {"encoding": "gbk"},
    {"encoding": "gbk", "rewrite": True, "folders": True},
    {"encoding": "utf-8", "rewrite": True},
    {"encoding": "utf-8", "folders": True},
    {"encoding": "big5"},
], ids=lambda c: "-".join(f"{k}={v}" for k, v in c.items()))
def test_every_live_article_once_and_every_field_right(demo: Any, tmp_path: Path, config: dict[str, Any]) -> None:
    portal = demo(**config)
    proc, records, manifest = crawl(portal, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert_matches_ground_truth(records, portal)
    counts = manifest["counts"]
    assert counts["articles_written"] == len(records)
    assert counts["failed"] == 0 and manifest["lost"] == []
    assert counts["deleted"] == len(manifest["deleted"]) >= 1
    assert set(manifest["deleted"]) <= set(portal.deleted_article_urls())
    assert counts["article_pages"] > len(records)  # multi-page articles were followed
    # Never a user, space, forum, misc or login page.
    paths = [path for _, path, _ in portal.request_log]
    assert not [p for p in paths if any(s in p for s in ("home.php", "space-", "forum.php", "misc.php", "member.php"))]


def test_faults_on_a_fifth_of_the_urls_still_get_every_article(demo: Any, tmp_path: Path) -> None:
    portal = demo(faults=0.2, hang_seconds=3.0)
    proc, records, manifest = crawl(portal, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert_matches_ground_truth(records, portal)
    assert manifest["counts"]["retries"] > 0


def test_persistent_faults_list_every_lost_article_with_its_reason(demo: Any, tmp_path: Path) -> None:
    # Faulted URLs fail 5 times, more than the 2 retries: some articles must be lost, and said so.
    portal = demo(faults=0.2, fault_attempts=5, hang_seconds=3.0)
    # (The error rate is far above the default --max-error-rate: exit status 1 is covered by the harvest tests.)
    proc, records, manifest = crawl(portal, tmp_path, "--retries", "2", "--max-error-rate", "100")
    assert proc.returncode == 0, proc.stderr
    written = {r["url"] for r in records}
    lost = {loss["url"]: loss for loss in manifest["lost"]}
    assert lost and all(loss["reason"] and loss["kind"] for loss in lost.values())
    lost_lists = [url for url, loss in lost.items() if loss["what"] == "list"]
    missing = [r["url"] for r in portal.ground_truth() if r["url"] not in written]
    assert missing
    unexplained = [url for url in missing if url not in lost]
    # An article missing without its own entry can only be one whose list page was lost (and listed).
    assert not unexplained or lost_lists, unexplained
    assert manifest["counts"]["failed"] == sum(1 for loss in lost.values() if loss["what"] == "article")
    result = compare_records(records, portal.ground_truth())
    assert not result.mismatched and not result.duplicated and not result.unexpected


def test_anti_scraping_page_is_followed_once(demo: Any, tmp_path: Path) -> None:
    portal = demo(antitheft=True, rewrite=True)
    proc, records, manifest = crawl(portal, tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert_matches_ground_truth(records, portal)
    assert manifest["counts"]["antiscraping_followed"] >= len(records)


def test_limits_stop_the_crawl(demo: Any, tmp_path: Path) -> None:
    portal = demo(articles=120)
    proc, records, manifest = crawl(portal, tmp_path, "--max-articles", "10", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert len(records) == 10 and len({r["article_id"] for r in records}) == 10
    assert manifest["counts"]["articles_written"] == 10
    assert proc.stdout == "" and proc.stderr == ""  # --quiet


def test_max_list_pages_bounds_each_channel(demo: Any, tmp_path: Path) -> None:
    portal = demo(articles=60, perpage=5)
    (tmp_path / "full").mkdir()
    (tmp_path / "part").mkdir()
    _, full, full_manifest = crawl(portal, tmp_path / "full")
    _, part, part_manifest = crawl(portal, tmp_path / "part", "--max-list-pages", "1")
    assert part_manifest["stats"].get("citynews/lists/limit_reached", 0) > 0
    assert part_manifest["counts"]["list_pages"] < full_manifest["counts"]["list_pages"]
    assert 0 < len(part) < len(full)


def test_default_output_path_and_manifest(demo: Any, tmp_path: Path) -> None:
    from tests.crawl.conftest import FAST, citynews, read_jsonl

    portal = demo(articles=20)
    proc = citynews("crawl", "--start-url", portal.base_url, "--site", "pingxiang", *FAST, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    outputs = list((tmp_path / "output" / "pingxiang").glob("*.jsonl"))
    assert len(outputs) == 1 and outputs[0].name.endswith("Z.jsonl")
    records = read_jsonl(outputs[0])
    assert records and {r["site"] for r in records} == {"pingxiang"}
    assert outputs[0].with_name(outputs[0].name.replace(".jsonl", ".manifest.json")).exists()
    assert "articles written" in proc.stdout


def test_scrapy_crawl_portal_works_too(demo: Any, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    from tests.crawl.conftest import ROOT, read_jsonl

    portal = demo(articles=30, rewrite=True)
    out = tmp_path / "scrapy.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"start_url={portal.base_url}", "-a", "site=pingxiang",
         "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", f"CITYNEWS_OUTPUT={out}", "-s", "LOG_LEVEL=WARNING"],
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    records = read_jsonl(out)
    result = compare_records(records, portal.ground_truth(), expected_values={"site": "pingxiang"})
    assert result.ok, result.first_problems()
    assert (tmp_path / "scrapy.manifest.json").exists()


def test_citynews_demo_checks_itself_against_the_ground_truth(tmp_path: Path) -> None:
    from tests.crawl.conftest import citynews

    proc = citynews("demo", "--articles", "40", "--encoding", "utf-8", "--rewrite", "--folders", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    last = proc.stdout.strip().splitlines()[-1]
    matched, expected = last.split()[0].split("/")
    assert last.endswith("articles match the ground truth") and matched == expected and int(expected) > 30
    assert list((tmp_path / "output" / "demo").glob("*.jsonl")) and "Traceback" not in proc.stderr


def test_live_progress_line_on_a_terminal(demo: Any, tmp_path: Path) -> None:
    import os
    import pty
    import subprocess
    import sys

    from tests.crawl.conftest import FAST, ROOT

    portal = demo(articles=40, latency_ms=20)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "citynews_scraper.cli", "crawl", "--start-url", portal.base_url, *FAST, "-o", "o.jsonl"],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE, stderr=follower, text=True,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    stdout, _ = proc.communicate(timeout=120)
    os.close(leader)
    terminal = b"".join(chunks).decode("utf-8", "replace")
    assert proc.returncode == 0
    assert "\r[" in terminal and "articles" in terminal and "/s)" in terminal and terminal.endswith("\n")
    assert "Traceback" not in terminal
    assert "articles written" in stdout  # the summary table


def test_a_dynamic_list_url_redirected_to_its_folder(demo: Any, tmp_path: Path) -> None:
    from tests.crawl.conftest import FAST, citynews, read_jsonl

    portal = demo(articles=40, folders=True)
    start = portal.base_url + "portal.php?mod=list&catid=1"  # answers 301 to the folder URL
    proc = citynews("crawl", "--start-url", start, *FAST, "-o", "o.jsonl", "--quiet", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = compare_records(read_jsonl(tmp_path / "o.jsonl"), portal.ground_truth())
    assert result.ok, result.first_problems()
    import json

    manifest = json.loads((tmp_path / "o.manifest.json").read_text("utf-8"))
    assert manifest["counts"]["redirects"] >= 1
