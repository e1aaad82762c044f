"""The evaluation rules of bench/generic_eval.py (labels, dates, names, F1), offline."""

from __future__ import annotations

import importlib.util
import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "generic_eval", Path(__file__).resolve().parents[2] / "bench" / "generic_eval.py"
)
assert _SPEC and _SPEC.loader
ev = importlib.util.module_from_spec(_SPEC)
sys.modules["generic_eval"] = ev  # dataclasses look their module up while the file runs
_SPEC.loader.exec_module(ev)

TZ = timezone(timedelta(hours=8))


@pytest.mark.parametrize("label,parts", [
    ("2005-5-7 21:23:57", {"y": 2005, "m": 5, "d": 7, "H": 21, "M": 23}),
    ("1998-3", {"y": 1998, "m": 3}),
    ("2018", {"y": 2018}),
    ("2019年09月07日 08:05:32", {"y": 2019, "m": 9, "d": 7, "H": 8, "M": 5}),
    ("UNKNOWN", {}),
])
def test_label_parts(label: str, parts: dict[str, int]) -> None:
    assert ev.label_parts(label) == parts


def test_date_right_at_the_label_precision() -> None:
    moment = datetime(2003, 5, 20, 10, 0, tzinfo=TZ)
    assert ev.date_right("2003-5", moment, minute=False)
    assert not ev.date_right("2003-6", moment, minute=False)
    assert ev.date_right("2003-5-20 10:00", moment, minute=True)
    assert not ev.date_right("2003-5-20 10:01", moment, minute=True)


def test_unknown_label_wants_no_date_and_shown_text_counts() -> None:
    assert ev.date_right("", None, minute=False)
    assert not ev.date_right("", datetime(2003, 5, 20, tzinfo=TZ), minute=False)
    assert ev.date_right("2003-5", None, minute=False, raw="2003年5月")
    assert not ev.date_right("2003-5-20", None, minute=False, raw="2003年5月")


def test_name_sets() -> None:
    assert ev.name_set("周思博 (Joel Spolsky)") == ev.name_set("周思博 Joel Spolsky")
    assert ev.name_set("常书香、马丹阳") == ev.name_set("马丹阳 常书香")
    assert ev.name_set("UNKNOWN") == frozenset()


def test_body_f1_ignores_whitespace() -> None:
    assert ev.body_f1("今天 天气\n很好", "今天天气很好") == 1.0
    assert ev.body_f1("今天天气很好", "") == 0.0
    assert 0 < ev.body_f1("今天天气很好", "今天天气不好") < 1


def test_aeb_score_normalises_per_page() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    assert ev.aeb_score([(text, text)]) == (1.0, 1.0, 1.0)
    precision, recall, _ = ev.aeb_score([(text, ""), (text, text)])
    assert precision == 1.0 and recall == 0.5


def test_iso_labels_without_time_are_days() -> None:
    assert ev._iso_label("2023-11-17T00:00:00") == "2023-11-17"
    assert ev._iso_label("2017-03-10T08:42:00+08:00") == "2017-03-10 08:42"


@pytest.mark.parametrize("label,credit", [
    ({"author": "陆一夫", "account": None, "editor": "姚立伟"}, "陆一夫"),
    ({"author": None, "account": "去驴行", "editor": None}, "去驴行"),
    ({"author": None, "account": None, "editor": "杨倩"}, "杨倩"),
    ({"author": None, "account": None, "editor": None}, ""),
])
def test_gne_gold_credit_is_writer_else_account_else_editor(label: dict[str, str | None], credit: str) -> None:
    assert ev.credit_label(label) == credit


def test_gne_gold_labels_file_is_well_formed() -> None:
    pages = json.loads(ev.LABELS.read_text("utf-8"))["pages"]
    assert len(pages) == 67
    fields = {"kind", "title", "date", "author", "account", "editor", "source"}
    for name, label in pages.items():
        assert name.endswith(".html.gz") and fields <= set(label), name
        assert label["kind"] in {"news", "exclude"}
        assert label["date"] is None or ev.label_parts(label["date"]).keys() >= {"y", "m", "d"}


def test_labelled_sample_reads_the_optional_keys_of_a_gold_dir_label() -> None:
    label = {"kind": "news", "title": "标题", "date": "2025-02-26", "author": None, "account": "某号",
             "editor": "孟凡", "url": "https://example.cn/a/1.html", "headers": {"Content-Type": "text/html"},
             "body": ["第一段。", "第二段。"], "saved_at": "2025-02-26T14:40:00+08:00"}
    sample = ev.labelled_sample("set (gold)", "23-page.html", b"<html></html>", label, {"X": "1"})
    assert sample.key == "23-page" and sample.url == "https://example.cn/a/1.html"
    assert sample.headers == {"X": "1", "Content-Type": "text/html"}
    assert sample.text == "第一段。\n第二段。" and sample.author == "某号" and sample.writer == ""
    assert sample.fetched_at == datetime(2025, 2, 26, 14, 40, tzinfo=TZ)


def test_labelled_sample_without_body_scores_no_body_and_keeps_unscored_dates_out() -> None:
    label = {"kind": "news", "title": "标题", "date": None, "author": "张三", "account": None, "editor": None,
             "unscored": ["date"]}
    sample = ev.labelled_sample("gne (gold)", "tests/163/1.html.gz", b"", label, {})
    assert sample.key == "tests/163/1" and sample.text is None and sample.date is None
    assert sample.fetched_at is None and sample.url == "http://example.invalid/"


def test_gold_dir_loads_pages_and_labels(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a.html").write_bytes("<html><body><p>正文</p></body></html>".encode("gbk"))
    labels = {"pages": {"a.html": {"kind": "news", "title": "T", "date": None, "author": None, "account": None,
                                   "editor": None, "body": ["正文"]},
                        "gone.html": {"kind": "news", "title": "T", "date": None, "author": None,
                                      "account": None, "editor": None}}}
    (tmp_path / "labels.json").write_text(json.dumps(labels), "utf-8")
    samples = list(ev.load_gold_dir(tmp_path))
    assert [s.key for s in samples] == ["a"] and samples[0].text == "正文" and samples[0].date == ""
