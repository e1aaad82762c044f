"""`citynews extract` as a user runs it: a real subprocess, real files, exit statuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from citynews_scraper.record import schema_errors
from tests.pages import pager, stock_page

FROZEN = "2026-11-28T08:00:00Z"


def citynews(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "citynews_scraper.cli", *args],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "article.html"
    path.write_bytes(stock_page("<p>第一段。</p><p>第二段。</p>"))
    return path


def test_one_page_gives_one_valid_line(page: Path, tmp_path: Path) -> None:
    done = citynews("extract", "--fetched-at", FROZEN, str(page), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert schema_errors(record) == []
    # No --url: the page's base href and aid name the article.
    assert record["url"] == "http://www.pxcs.cn/portal.php?mod=view&aid=67"
    assert record["paragraphs"] == ["第一段。", "第二段。"]
    assert record["fetched_at"] == FROZEN
    assert "第一段" in lines[0]  # CJK is not ASCII-escaped


def test_header_is_treated_as_http_header(tmp_path: Path) -> None:
    path = tmp_path / "utf8-labelled-gbk.html"
    path.write_bytes(stock_page("<p>萍乡新闻。</p>", charset="utf-8"))
    done = citynews("extract", "--header", "Content-Type: text/html; charset=utf-8", str(path), cwd=tmp_path)
    record = json.loads(done.stdout)
    assert (record["encoding"], record["encoding_source"]) == ("utf-8", "header")
    assert record["paragraphs"] == ["萍乡新闻。"]


def test_failures_are_one_line_each_and_exit_1(page: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    done = citynews("extract", str(page), "missing.html", str(tmp_path), "empty.html", "image.html", cwd=tmp_path)
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) == 1  # the good page still comes out
    errors = done.stderr.splitlines()
    assert errors == [
        "citynews: missing.html: no such file",
        f"citynews: {tmp_path}: is a directory, expected a saved page",
        "citynews: empty.html: empty body: the page has no bytes",
        "citynews: image.html: not an HTML page: binary body (PNG image)",
    ]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["--bogus", "x.html"], "unrecognized arguments: --bogus"),
        (["--header", "no-colon", "x.html"], "--header 'no-colon': expected 'Name: value'"),
        (["--encoding", "klingon", "x.html"], "--encoding 'klingon': unknown charset"),
        (["--url", "ftp://x", "x.html"], "--url 'ftp://x': expected an http(s) URL"),
        (["--script", "latin", "x.html"], "argument --script: invalid choice: 'latin'"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str, tmp_path: Path) -> None:
    done = citynews("extract", *args, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and message in done.stderr, done.stderr


def test_merge_joins_pages_in_page_order(tmp_path: Path) -> None:
    first = stock_page('<div class="vm_pagetitle xw1">上篇</div><p>甲。</p>', pager=pager(67, 1, 2))
    second = stock_page('<div class="vm_pagetitle xw1">下篇</div><p>乙。</p>', pager=pager(67, 2, 2))
    (tmp_path / "p1.html").write_bytes(first)
    (tmp_path / "p2.html").write_bytes(second)
    url = "http://www.pxcs.cn/portal.php?mod=view&aid=67"
    done = citynews("extract", "--merge", "--url", url, "p2.html", "p1.html", cwd=tmp_path)
    record = json.loads(done.stdout)
    assert record["pages"] == 2
    assert record["paragraphs"] == ["上篇", "甲。", "下篇", "乙。"]
    assert record["url"] == url


def test_script_conversion_is_counted(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes(stock_page("<p>萍乡新闻。</p>", title="萍乡新闻"))
    done = citynews("extract", "--script", "hant", "p.html", cwd=tmp_path)
    record = json.loads(done.stdout)
    assert record["paragraphs"] == ["萍鄉新聞。"]
    assert any(repair.startswith("s2t:") for repair in record["repairs"])


def _portal_page(canonical: str = "", og: str = "") -> bytes:
    """A made-up non-Discuz! article page, optionally naming its own URL."""
    head = (f'<link rel="canonical" href="{canonical}">' if canonical else "") + (
        f'<meta property="og:url" content="{og}">' if og else "")
    return (f"<html><head><meta charset='utf-8'><title>某某区新建口袋公园_某某网</title>{head}</head><body>"
            "<h1>某某区新建口袋公园</h1><div>2024-05-20 09:30 来源：某某日报</div>"
            "<div><p>记者从某某区园林局获悉，今年以来全区新建三座口袋公园，方便市民就近休闲。</p>"
            "<p>新建的公园分布在老城区，每座面积约两千平方米，设置了健身步道和儿童游乐设施。</p></div>"
            "</body></html>").encode()


def test_saved_non_discuz_pages_without_url_use_their_own_canonical_url(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(_portal_page(canonical="https://news.example.cn/2024/0520/1.html"))
    (tmp_path / "b.html").write_bytes(_portal_page(og="https://news.example.cn/2024/0520/2.html"))
    done = citynews("extract", "--fetched-at", FROZEN, "a.html", "b.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["url"] for r in records] == ["https://news.example.cn/2024/0520/1.html",
                                           "https://news.example.cn/2024/0520/2.html"]
    assert all(r["cms"] == "generic" and not schema_errors(r) for r in records)
    assert done.stderr == ""


def test_a_saved_page_naming_no_url_gets_a_placeholder_and_a_note(tmp_path: Path) -> None:
    (tmp_path / "saved page.html").write_bytes(_portal_page())
    done = citynews("extract", "--fetched-at", FROZEN, "saved page.html", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["url"] == "http://saved-page.invalid/saved%20page.html" and not schema_errors(record)
    assert record["published_at"] == "2024-05-20T09:30:00+08:00"
    assert done.stderr.count("\n") == 1 and "names no URL of its own" in done.stderr and "--url" in done.stderr


def test_url_option_still_wins_and_help_says_what_happens_without_it(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(_portal_page(canonical="https://news.example.cn/2024/0520/1.html"))
    done = citynews("extract", "--url", "https://www.example.cn/n/9.html", "a.html", cwd=tmp_path)
    assert json.loads(done.stdout)["url"] == "https://www.example.cn/n/9.html"
    shown = citynews("extract", "--help", cwd=tmp_path).stdout
    assert "canonical" in shown and "og:url" in shown and "placeholder" in shown
