"""Evaluate the generic extractor against trafilatura and GNE, same pages, same code, same run.

Usage (from the repository root)::

    .venv/bin/python bench/generic_eval.py                 # cwced-zh + held-out + English
    .venv/bin/python bench/generic_eval.py --only cwced    # one corpus; --only may repeat
    # corpora: cwced | heldout | gne-gold | cx-gold | gne-silver | cx-silver | aeb
    .venv/bin/python bench/generic_eval.py --markdown      # print the tables as Markdown for docs
    .venv/bin/python bench/generic_eval.py --gold-dir DIR  # a hand-labelled set outside the repo:
    # DIR/pages/* and DIR/labels.json (bench/heldout/README.md fields, plus `body` paragraphs)

Reads ``../shared/corpora`` (relative to the repository root); a corpus that is absent is
skipped with a note.  Writes nothing.  Every extractor gets the same decoded text (our
`decode`), so the figures compare extraction, not charset guessing.

Metrics (the rules are documented in docs/generic-extraction.md, "Evaluation"):

- body F1: character 4-grams of the text with all whitespace removed, P/R/F1 per page,
  mean over pages (Chinese corpora); the English benchmark uses its own upstream metric
  (4-gram shingles over ``\\w+`` tokens, tp/fp/fn normalised per page, summed).
- date to the day: the label's own precision (``2018`` → year, ``1998-3`` → month,
  ``2005-5-7`` → day) must match; a label ``UNKNOWN`` (or the known misspelling
  ``UNKNWON``) is right only when the extractor gives no date; an empty label is
  unlabelled and skipped.
- date to the minute: only pages whose label has a time; day and hour:minute must match.
- title (labelled sets): exact, whitespace removed.
- author: the label and the prediction become name sets (split on whitespace and
  ``、，,;；/|``, brackets stripped, case folded); right when the sets are equal;
  ``UNKNOWN`` means the empty set; an empty label is skipped.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from citynews_scraper.extract.dates import parse_absolute
from citynews_scraper.extract.page import DEFAULT_TZ, Page
from citynews_scraper.text import decode

ROOT = Path(__file__).resolve().parent.parent

CORPORA = ROOT.parent / "shared" / "corpora"
# A fixed clock for relative dates: the corpora are saved pages, nothing on them is "today".
FETCHED_AT = datetime(2026, 1, 1, tzinfo=UTC)
NO_LABEL = {"UNKNOWN", "UNKNWON"}


# --------------------------------------------------------------------------- data


@dataclass
class Sample:
    """One labelled page. `None` labels are not scored; "" author/date labels mean "none"."""

    corpus: str
    key: str
    body: bytes
    url: str = "http://example.invalid/"
    headers: dict[str, str] = field(default_factory=dict)
    text: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    with_snippets: list[str] = field(default_factory=list)
    without_snippets: list[str] = field(default_factory=list)
    # The writer alone when the label keeps it apart from the credit (gne-gold); None: use `author`.
    writer: str | None = None
    # When the page was saved, for a page that shows a relative date (`3小时前`); None: FETCHED_AT.
    fetched_at: datetime | None = None


@dataclass
class Output:
    title: str = ""
    body: str = ""
    author: str = ""
    date: datetime | None = None
    # When there is no full date, the date text shown (``2003年5月``) is scored at its
    # own precision, like a label.
    date_raw: str = ""
    # The `author` field alone (ours puts 责任编辑 in `publisher`; see run_ours).
    author_only: str | None = None
    seconds: float = 0.0


def _label(path: Path) -> str | None:
    """A cwced label file: None when empty (label error: unlabelled), "" for UNKNOWN."""
    raw = path.read_text("utf-8").strip() if path.exists() else ""
    if not raw:
        return None
    return "" if raw in NO_LABEL else raw


def load_cwced() -> Iterator[Sample]:
    base = CORPORA / "cwced-zh"
    for page in sorted((base / "original").glob("*.html")):
        uid = page.stem
        yield Sample(
            "cwced-zh", uid, page.read_bytes(),
            text=(base / "cleaned" / f"{uid}.txt").read_text("utf-8"),
            author=_label(base / "author" / f"{uid}.txt"),
            date=_label(base / "date" / f"{uid}.txt"),
        )


def _html_text(html: str) -> str:
    import lxml.html

    tree = lxml.html.fromstring(html)
    for block in tree.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr"):
        block.tail = "\n" + (block.tail or "")
    return tree.text_content()


def load_heldout() -> Iterator[Sample]:
    """Chinese pages from other projects' test suites (never used for tuning)."""
    base = CORPORA / "zh-fixtures"
    yield from _readability(base / "readability")
    yield from _newspaper(base / "newspaper4k")
    yield from _trafilatura_zh(base / "trafilatura")


def load_gne_silver() -> Iterator[Sample]:
    """GNE's test pages scored against GNE's OWN output (silver; biased towards GNE)."""
    yield from _gne_silver(CORPORA / "zh-fixtures" / "gne")


def load_cx_silver() -> Iterator[Sample]:
    """NetEase GBK pages with cx-extractor's body text (silver: a tool's output)."""
    base = CORPORA / "zh-fixtures" / "cx-netease-gbk"
    for page in sorted((base / "RawHtml").glob("*.html.gz"), key=lambda p: int(p.name.split(".")[0])):
        number = page.name.split(".")[0]
        text = base / "Text" / f"{number}.txt"
        if text.exists():
            yield Sample("cx (silver)", number, gzip.decompress(page.read_bytes()),
                         text=text.read_bytes().decode("gb18030", errors="replace"))


def _iso_label(value: str | None) -> str | None:
    """An ISO timestamp label as ``Y-m-d H:M``, or ``Y-m-d`` when it has no time of day
    (snapshots write midnight for a date without a time)."""
    if not value:
        return None
    day, _, clock = value.replace("T", " ").partition(" ")
    clock = clock[:5]
    return f"{day} {clock}" if clock and clock != "00:00" else day


def _readability(base: Path) -> Iterator[Sample]:
    for folder in sorted(p for p in base.iterdir() if p.is_dir()):
        meta = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
        published = meta.get("publishedTime")
        yield Sample(
            "readability (gold)", folder.name, (folder / "source.html").read_bytes(),
            headers={"Content-Type": "text/html; charset=utf-8"},
            text=_html_text((folder / "expected.html").read_text("utf-8")),
            # A null byline is Readability not finding one, not "no author": unscored.
            title=meta.get("title"), author=meta.get("byline") or None,
            date=_iso_label(published),
        )


def _newspaper(base: Path) -> Iterator[Sample]:
    for page in sorted((base / "html").glob("*.html")):
        meta_path = base / "metadata" / f"{page.stem}.json"
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.exists() else {}
        published = meta.get("publish_date")
        yield Sample(
            "newspaper4k (silver)", page.stem, page.read_bytes(),
            url=meta.get("url", "http://example.invalid/"),
            text=(base / "txt" / f"{page.stem}.txt").read_text("utf-8"),
            title=meta.get("title"),
            author=" ".join(meta.get("authors", [])) or None,
            date=_iso_label(published),
        )


def _trafilatura_zh(base: Path) -> Iterator[Sample]:
    cases = json.loads((base / "evaldata-zh.json").read_text("utf-8"))
    for url, case in cases.items():
        yield Sample(
            "trafilatura (gold snippets)", case["file"], (base / case["file"]).read_bytes(), url=url,
            title=case.get("title"), author=case.get("author"), date=case.get("date"),
            with_snippets=case.get("with", []), without_snippets=case.get("without", []),
        )


_GNE_RESULT = re.compile(r">{5,}(?P<path>[^>]+)>{5,}\n(?P<json>\{.*?\n\})\n<{5,}", re.DOTALL)


def _gne_silver(base: Path) -> Iterator[Sample]:
    for match in _GNE_RESULT.finditer((base / "result.txt").read_text("utf-8")):
        path = base / (match.group("path") + ".gz")
        if not path.exists():
            continue
        result = json.loads(match.group("json"))
        date = result.get("publish_time") or ""
        yield Sample(
            "gne (silver)", match.group("path"), gzip.decompress(path.read_bytes()),
            headers={"Content-Type": "text/html; charset=utf-8"},
            text=result.get("content"), title=result.get("title"),
            # GNE's own silver dates without a year (``09月07日``) cannot be scored.
            date=date if re.match(r"(19|20)\d\d", date) else None,
        )


LABELS = ROOT / "bench" / "heldout" / "gne-labels.json"
CX_LABELS = ROOT / "bench" / "heldout" / "cx-labels.json"


def credit_label(label: dict[str, str | None]) -> str:
    """The credit, as the cwced labels have it: the writer, else the self-media account,
    else the 责任编辑; none credited → "" (right only when the extractor gives none)."""
    return label.get("author") or label.get("account") or label.get("editor") or ""


def load_gne_gold() -> Iterator[Sample]:
    """GNE's test pages with our hand labels (bench/heldout/README.md): title, date, credit."""
    yield from _hand_labelled("gne (gold)", CORPORA / "zh-fixtures" / "gne", LABELS,
                              {"Content-Type": "text/html; charset=utf-8"})


def load_cx_gold() -> Iterator[Sample]:
    """25 NetEase GBK pages hand-labelled after the gne-gold changes (a held-out check)."""
    yield from _hand_labelled("cx (gold)", CORPORA / "zh-fixtures" / "cx-netease-gbk", CX_LABELS, {})


def _hand_labelled(corpus: str, base: Path, labels: Path, headers: dict[str, str]) -> Iterator[Sample]:
    data = json.loads(labels.read_text("utf-8"))
    pages = data.get("pages", data)  # {"pages": {...}} or the per-file mapping itself
    for name, label in sorted(pages.items()):
        path = base / name
        if label.get("kind", "news") != "news" or not path.exists():
            continue
        body = path.read_bytes()
        yield labelled_sample(corpus, name, gzip.decompress(body) if name.endswith(".gz") else body,
                              label, headers)


def labelled_sample(corpus: str, name: str, body: bytes, label: dict, headers: dict[str, str]) -> Sample:
    """One hand-labelled page (bench/heldout/README.md rules) as a Sample. Optional label keys
    a labels file outside the repo may add: `url`, `headers` (over the corpus default), `body`
    (or `paragraphs`: the article paragraphs, body F1 is scored), `saved_at` (ISO time the page was saved,
    the clock for a relative date)."""
    unscored = set(label.get("unscored", []))
    paragraphs = label.get("body", label.get("paragraphs"))
    saved_at = label.get("saved_at")
    return Sample(
        corpus, name.removesuffix(".gz").removesuffix(".html"), body,
        url=label.get("url") or "http://example.invalid/", headers={**headers, **label.get("headers", {})},
        text="\n".join(paragraphs) if paragraphs is not None else None,
        title=label["title"], author=credit_label(label), writer=label["author"] or "",
        date=None if "date" in unscored else (label["date"] or ""),
        fetched_at=datetime.fromisoformat(saved_at) if saved_at else None,
    )


def load_gold_dir(base: Path) -> Iterator[Sample]:
    """A hand-labelled set kept outside the repository: base/pages/* and base/labels.json,
    labelled and scored like gne-gold, plus body F1 when the labels give the paragraphs."""
    yield from _hand_labelled(f"{base.name} (gold)", base / "pages", base / "labels.json", {})


def load_aeb() -> Iterator[Sample]:
    base = CORPORA / "aeb-scrapinghub"
    truth = json.loads((base / "ground-truth.json").read_text("utf-8"))
    for key, item in sorted(truth.items()):
        yield Sample(
            "aeb-scrapinghub", key, gzip.decompress((base / "html" / f"{key}.html.gz").read_bytes()),
            url=item.get("url") or "http://example.invalid/",
            headers={"Content-Type": "text/html; charset=utf-8"}, text=item["articleBody"],
        )


# --------------------------------------------------------------------------- extractors

Extractor = Callable[[str, Sample], Output]


def run_ours(html: str, sample: Sample) -> Output:
    from citynews_scraper.extract.cms.generic import PARSER

    decoded = decode(sample.body, sample.headers)
    page = Page.build(sample.url, decoded, sample.fetched_at or FETCHED_AT, DEFAULT_TZ)
    draft = PARSER.parse(page)
    date = datetime.fromisoformat(draft.published_at) if draft.published_at else None
    # record-v1 keeps the original author apart from the portal's editor (publisher,
    # from 责任编辑); the corpora label whoever the page credits, so the credit is
    # the author when there is one, else the editor (docs/generic-extraction.md).
    credited = draft.author or draft.publisher or ""
    return Output(draft.title or "", "\n".join(draft.paragraphs), credited, date, draft.published_at_raw or "",
                  author_only=draft.author or "")


def run_trafilatura(html: str, sample: Sample) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=sample.url, with_metadata=True)
    if doc is None:
        return Output()
    return Output(doc.title or "", doc.text or "", doc.author or "", _to_datetime(doc.date))


def run_gne(html: str, sample: Sample) -> Output:
    from gne import GeneralNewsExtractor

    try:
        result = GeneralNewsExtractor().extract(html)
    except Exception:  # noqa: BLE001 - GNE raises anything on pages it cannot read: a miss, not a crash
        return Output()
    return Output(result.get("title") or "", result.get("content") or "", result.get("author") or "",
                  _to_datetime(result.get("publish_time")))


def extractors() -> dict[str, Extractor]:
    found: dict[str, Extractor] = {"ours": run_ours, "trafilatura": run_trafilatura}
    try:
        import gne  # noqa: F401

        found["gne"] = run_gne
    except ImportError:
        print("note: gne is not installed (pip install -e .[bench]); skipped", file=sys.stderr)
    return found


def _to_datetime(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return parse_absolute(text, DEFAULT_TZ)


# --------------------------------------------------------------------------- metrics

_SPACE = re.compile(r"\s+")


def char_ngrams(text: str, n: int = 4) -> Counter[str]:
    """Character n-grams of `text` with every whitespace character removed."""
    flat = _SPACE.sub("", text)
    return Counter(flat[i:i + n] for i in range(max(0, len(flat) - n + 1)))


def prf(gold: Counter[str] | Counter[tuple[str, ...]], pred: Counter) -> tuple[float, float, float]:
    """Precision, recall, F1 of two n-gram multisets (both empty → 1, 1, 1)."""
    if not gold and not pred:
        return 1.0, 1.0, 1.0
    overlap = sum((gold & pred).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(gold.values()) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def body_f1(gold: str, pred: str) -> float:
    return prf(char_ngrams(gold), char_ngrams(pred))[2]


_WORD = re.compile(r"\w+")


def word_shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The English benchmark's shingles: 4-grams over ``\\w+`` tokens."""
    tokens = _WORD.findall(text)
    return Counter(tuple(tokens[i:i + n]) for i in range(max(0, len(tokens) - n + 1)))


def aeb_score(pairs: Iterable[tuple[str, str]]) -> tuple[float, float, float]:
    """Upstream evaluate.py: tp/fp/fn per page normalised to sum 1, summed, then P/R/F1."""
    tp = fp = fn = 0.0
    for gold, pred in pairs:
        g, p = word_shingles(gold), word_shingles(pred)
        hit = sum((g & p).values())
        miss_p, miss_g = sum(p.values()) - hit, sum(g.values()) - hit
        total = hit + miss_p + miss_g
        if total:
            tp, fp, fn = tp + hit / total, fp + miss_p / total, fn + miss_g / total
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


_LABEL_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)(?:\s*[-/.年]\s*(?P<m>\d{1,2})(?:\s*[-/.月]\s*(?P<d>\d{1,2}))?)?"
    r"(?:\D{0,3}?(?P<H>\d{1,2})[:：](?P<M>\d{2}))?"
)


def label_parts(label: str) -> dict[str, int]:
    """The parts a free-form date label gives: ``1998-3`` → {y, m}; ``2005-5-7 21:23:57`` → y…M."""
    match = _LABEL_DATE.search(label)
    if not match:
        return {}
    return {k: int(v) for k, v in match.groupdict().items() if v is not None}


def predicted_parts(pred: datetime | None, raw: str = "") -> dict[str, int]:
    """The date parts a prediction gives: all of a datetime, else those of the shown text."""
    if pred is not None:
        return {"y": pred.year, "m": pred.month, "d": pred.day, "H": pred.hour, "M": pred.minute}
    return label_parts(raw) if raw else {}


def date_right(label: str, pred: datetime | None, minute: bool, raw: str = "") -> bool:
    """True when the prediction agrees with the label to the day (or the label's
    precision) / to the minute; a part the label has and the prediction lacks is wrong."""
    parts = label_parts(label)
    values = predicted_parts(pred, raw)
    if not parts:
        return not values
    keys = ("y", "m", "d", "H", "M") if minute else ("y", "m", "d")
    return all(values.get(k) == parts[k] for k in keys if k in parts)


_NAME_SPLIT = re.compile(r"[\s、，,;；/|]+")
_NAME_STRIP = re.compile(r"[()（）\[\]【】<>《》\"“”]")


def name_set(text: str) -> frozenset[str]:
    """A credit line as a set of names (the author-match normalisation rule)."""
    text = _NAME_STRIP.sub(" ", text or "").casefold()
    return frozenset(name for name in _NAME_SPLIT.split(text) if name and name != "unknown")


def title_right(gold: str, pred: str) -> bool:
    return _SPACE.sub("", gold) == _SPACE.sub("", pred)


# --------------------------------------------------------------------------- running


@dataclass
class Scores:
    body: list[float] = field(default_factory=list)
    title: list[bool] = field(default_factory=list)
    day: list[bool] = field(default_factory=list)
    minute: list[bool] = field(default_factory=list)
    author: list[bool] = field(default_factory=list)
    author_only: list[bool] = field(default_factory=list)
    snippets: list[bool] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    aeb_pairs: list[tuple[str, str]] = field(default_factory=list)


def score_sample(sample: Sample, out: Output, scores: Scores, english: bool) -> None:
    scores.seconds.append(out.seconds)
    if sample.text is not None:
        if english:
            scores.aeb_pairs.append((sample.text, out.body))
        else:
            scores.body.append(body_f1(sample.text, out.body))
    if sample.title:
        scores.title.append(title_right(sample.title, out.title))
    if sample.date is not None:
        scores.day.append(date_right(sample.date, out.date, minute=False, raw=out.date_raw))
        if "H" in label_parts(sample.date):
            scores.minute.append(date_right(sample.date, out.date, minute=True, raw=out.date_raw))
    if sample.author is not None:
        scores.author.append(name_set(sample.author) == name_set(out.author))
        only = out.author if out.author_only is None else out.author_only
        writer = sample.author if sample.writer is None else sample.writer
        scores.author_only.append(name_set(writer) == name_set(only))
    for snippet in sample.with_snippets:
        scores.snippets.append(snippet in out.body)
    for snippet in sample.without_snippets:
        scores.snippets.append(snippet not in out.body)


def run_one(extract: Extractor, html: str, sample: Sample) -> Output:
    start = time.perf_counter()
    out = extract(html, sample)
    out.seconds = time.perf_counter() - start
    return out


def evaluate(samples: list[Sample], names: dict[str, Extractor], english: bool,
             verbose: bool) -> dict[str, Scores]:
    results = {name: Scores() for name in names}
    if samples:  # warm-up: imports and caches are not part of any extractor's time
        html = decode(samples[0].body, samples[0].headers).text
        for extract in names.values():
            extract(html, samples[0])
    for sample in samples:
        html = decode(sample.body, sample.headers).text
        for name, extract in names.items():
            out = run_one(extract, html, sample)
            score_sample(sample, out, results[name], english)
            if verbose and name == "ours":
                _explain(sample, out, results[name])
    return results


def _explain(sample: Sample, out: Output, scores: Scores) -> None:
    body = f"{scores.body[-1]:.3f}" if scores.body and sample.text is not None else "-"
    title = "" if not sample.title or title_right(sample.title, out.title) else f" title={out.title!r}"
    print(f"{sample.key[:28]:28} body={body} date={out.date} label={sample.date!r} "
          f"author={out.author!r} label={sample.author!r}{title}", file=sys.stderr)


def _mean(values: list[float] | list[bool]) -> str:
    return f"{statistics.fmean(values):.3f}" if values else "–"


def table(title: str, results: dict[str, Scores], english: bool, markdown: bool) -> str:
    columns = ["extractor", "body F1", "title", "date (day)", "date (minute)", "author",
               "author field only", "snippets", "ms/page", "speed vs trafilatura"]
    base = statistics.fmean(results["trafilatura"].seconds) if "trafilatura" in results else None
    rows = []
    for name, s in results.items():
        body = f"{aeb_score(s.aeb_pairs)[2]:.3f}" if english else _mean(s.body)
        per_page = statistics.fmean(s.seconds) if s.seconds else 0.0
        ratio = f"{per_page / base:.2f}×" if base else "–"
        rows.append([name, body, _mean(s.title), _mean(s.day), _mean(s.minute), _mean(s.author),
                     _mean(s.author_only), _mean(s.snippets), f"{per_page * 1000:.1f}", ratio])
    counts = next(iter(results.values()))
    heading = (f"{title}: {len(counts.seconds)} pages (scored: body {len(counts.body) or len(counts.aeb_pairs)}, "
               f"title {len(counts.title)}, day {len(counts.day)}, minute {len(counts.minute)}, "
               f"author {len(counts.author)}, snippets {len(counts.snippets)})")
    if markdown:
        lines = [f"**{heading}**", "", "| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(columns)]
    lines = [heading, "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines) + "\n"


CORPUS_LOADERS: dict[str, tuple[str, Callable[[], Iterator[Sample]], Path, bool]] = {
    "cwced": ("cwced-zh (tuning set)", load_cwced, CORPORA / "cwced-zh", False),
    "heldout": ("zh-fixtures gold (held out)", load_heldout, CORPORA / "zh-fixtures", False),
    "gne-gold": ("zh-fixtures/gne, hand-labelled (held out, gold)", load_gne_gold,
                 CORPORA / "zh-fixtures" / "gne", False),
    "cx-gold": ("zh-fixtures/cx-netease-gbk, 25 hand-labelled (held out, gold)", load_cx_gold,
                CORPORA / "zh-fixtures" / "cx-netease-gbk", False),
    "gne-silver": ("zh-fixtures/gne vs GNE's own output (held out, silver)", load_gne_silver,
                   CORPORA / "zh-fixtures", False),
    "cx-silver": ("zh-fixtures/cx-netease-gbk vs cx-extractor output (held out, silver)", load_cx_silver,
                  CORPORA / "zh-fixtures" / "cx-netease-gbk", False),
    "aeb": ("aeb-scrapinghub (English)", load_aeb, CORPORA / "aeb-scrapinghub", True),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=sorted(CORPUS_LOADERS), action="append")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables for docs")
    parser.add_argument("--verbose", action="store_true", help="per-page lines for ours (stderr)")
    parser.add_argument("--without", action="append", default=[], help="skip an extractor")
    parser.add_argument("--gold-dir", type=Path, action="append", default=[],
                        help="a hand-labelled set outside the repo (DIR/pages/*, DIR/labels.json); "
                             "alone, only these sets are scored")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    names = {k: v for k, v in extractors().items() if k not in args.without}
    loaders = dict(CORPUS_LOADERS)
    for base in args.gold_dir:
        loaders[str(base)] = (f"{base} (hand-labelled, gold)", partial(load_gold_dir, base), base / "labels.json",
                              False)
    default = [] if args.gold_dir else list(CORPUS_LOADERS)
    for key in (args.only or default) + [str(base) for base in args.gold_dir]:
        title, loader, path, english = loaders[key]
        if not path.exists():
            print(f"skip {title}: {path} is absent")
            continue
        results = evaluate(list(loader()), names, english, args.verbose)
        print(table(title, results, english, args.markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
