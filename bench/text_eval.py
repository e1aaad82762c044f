"""Text-layer evaluation over ../shared/corpora (skips when the corpora are absent).

1. decoding: every page of cwced-zh (truth: manifest.tsv), the GNE pages (UTF-8 whatever
   they declare), the NetEase GBK pages and the other Chinese fixtures decode with the true
   codec, and with no U+FFFD where the bytes are valid in it;
2. clean paragraphs: `clean_text` must change none (beyond whitespace normalisation) and
   should flag none; run on the paragraphs as they are and on their Traditional form;
3. generated damage: real clean paragraphs corrupted through each codec path; per class,
   the share that `clean_text` restores exactly and counts under the right name;
4. time (CPU time of this process, so that other jobs on the machine do not count):
   `clean_text` over every paragraph field vs decode + lxml parse of the same pages, and
   `extract_article` on the Discuz! fixtures with the repairs vs with whitespace folding only.

Usage: python bench/text_eval.py [--cases 2000] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252 for the generators)
import opencc
from lxml import html as lxml_html

# Run from a checkout: this repository's package, and bench/ for text_corpora.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import text_corpora as corpora

from citynews_scraper.text import RepairLog, clean_text, decode, normalize_space
from citynews_scraper.text.freq import HAN
from citynews_scraper.text.lang import detect_lang

SEED = 20261128
REPEAT = 15
# Pinyin the seed mirror injected (character → syllable), for the pinyin generator.
SEED_PINYIN = {
    "鄉": "xiāng", "網": "wǎng", "內": "nèi", "區": "qū", "數": "shù", "發": "fā", "關": "guān",
    "業": "yè", "進": "jìn", "環": "huán", "優": "yōu", "現": "xiàn", "經": "jīng", "設": "shè",
    "礎": "chǔ", "標": "biāo", "準": "zhǔn", "質": "zhì", "機": "jī", "責": "zé", "節": "jié",
    "規": "guī", "統": "tǒng", "續": "xù", "產": "chǎn", "護": "hù", "領": "lǐng", "導": "dǎo",
    "負": "fù", "衛": "wèi", "務": "wù", "學": "xué", "達": "dá", "構": "gòu", "養": "yǎng",
    "擔": "dān", "調": "diào",
}
ENTITIES = {"“": "&ldquo;", "”": "&rdquo;", "—": "&mdash;", "·": "&middot;", "&": "&amp;", "…": "&hellip;"}


# --- 1. decoding ------------------------------------------------------------------------
def decode_report() -> dict[str, object]:
    sets = {
        "cwced-zh": corpora.cwced_pages(), "gne": corpora.gne_pages(),
        "netease-gbk": corpora.netease_pages(), "other-zh": corpora.other_zh_pages(),
    }
    report: dict[str, object] = {}
    for name, pages in sets.items():
        total = right = clean = valid = 0
        wrong: list[str] = []
        for page_id, body, truth in pages:
            total += 1
            decoded = decode(body)
            if decoded.encoding == truth:
                right += 1
            else:
                wrong.append(f"{page_id}: {decoded.encoding} ({decoded.source}) ≠ {truth}")
            if _valid(body, truth):
                valid += 1
                clean += decoded.replacements == body.decode(truth).count("\ufffd")
        report[name] = {"pages": total, "right_codec": right, "strictly_valid": valid,
                        "valid_without_new_fffd": clean, "wrong": wrong}
    return report


def _valid(body: bytes, codec: str) -> bool:
    try:
        body.decode(codec)
        return True
    except UnicodeDecodeError:
        return False


# --- 2. clean paragraphs ------------------------------------------------------------------
def clean_report(paragraphs: list[str]) -> dict[str, object]:
    t2 = opencc.OpenCC("s2t")
    chinese = [p for p in paragraphs if HAN.search(p)]
    report: dict[str, object] = {}
    for label, paras in (("as_is", paragraphs), ("traditional", [t2.convert(p) for p in chinese])):
        changed, flagged, examples, by_repair = 0, Counter(), [], Counter()
        for para in paras:
            log = RepairLog()
            out = clean_text(para, log)
            if out != normalize_space(para):
                changed += 1
                by_repair.update(log.repairs)
                if len(examples) < 10:
                    examples.append({"in": para[:120], "out": out[:120], "repairs": log.repairs_list()})
            flagged.update(log.flags)
        report[label] = {"paragraphs": len(paras), "chinese": sum(1 for p in paras if HAN.search(p)),
                         "changed": changed, "changed_by_repair": dict(by_repair), "flags": dict(flagged),
                         "examples": examples}
    report["in_a_record_known_damaged"] = known_damaged_report(paragraphs)
    return report


KNOWN = ("gbk_as_latin1", "utf8_as_gbk", "big5_as_gbk", "gbk_as_big5")


def known_damaged_report(paragraphs: list[str]) -> dict[str, object]:
    """Clean paragraphs cleaned with a log that already holds one repair of each Han/GBK
    class: the lower bar short fields of a damaged record get must still leave clean text."""
    changed, examples = Counter(), []
    for para in paragraphs:
        baseline = clean_text(para, RepairLog())
        for name in KNOWN:
            log = RepairLog()
            log.repaired(name)
            out = clean_text(para, log)
            if out != baseline:
                changed[name] += 1
                if len(examples) < 10:
                    examples.append({"class": name, "in": para[-80:], "out": out[-80:]})
    return {"paragraphs": len(paragraphs), "changed": dict(changed), "examples": examples}


# --- 3. generated damage ------------------------------------------------------------------
def _codec_path(encode: str, decode_as: str) -> Callable[[str], str | None]:
    def corrupt(text: str) -> str | None:
        try:
            return text.encode(encode).decode(decode_as)
        except (UnicodeEncodeError, UnicodeDecodeError):
            return None

    return corrupt


def _longest_prefix(encode: str, decode_as: str) -> Callable[[str], tuple[str, str] | None]:
    """Damage the longest prefix that survives the codec path strictly (≥ 4 Han characters):
    a whole paragraph rarely survives UTF-8 → GBK (one odd byte before a space breaks it)."""
    corrupt = _codec_path(encode, decode_as)

    def damage(text: str) -> tuple[str, str] | None:
        for end in range(len(text), 0, -1):
            if len(HAN.findall(text[:end])) < 4:
                return None
            damaged = corrupt(text[:end])
            if damaged is not None:
                return damaged, text[:end]
        return None

    return damage


def _traditional(corrupt: Callable[[str], str | None]) -> Callable[[str], str | None]:
    t2 = opencc.OpenCC("s2t")
    return lambda text: corrupt(t2.convert(text))


def _entities(text: str) -> str | None:
    if not any(ch in text for ch in ENTITIES):
        return None
    escaped = "".join(ENTITIES.get(ch, ch) for ch in text)
    return escaped.replace("&", "&amp;", 1) if "&amp;" not in escaped else escaped


def _pinyin(text: str) -> str | None:
    rng = random.Random(text)
    out, added = [], 0
    for ch in opencc.OpenCC("s2t").convert(text):
        out.append(ch)
        if ch in SEED_PINYIN:
            out.append(rng.choice(["({})", "({} )", "（{}）"]).format(SEED_PINYIN[ch]))
            added += 1
    return "".join(out) if added else None


# class → (corruption, how the expected clean text is derived from the paragraph)
GENERATORS: dict[str, tuple[Callable[[str], object], Callable[[str], str]]] = {
    "gbk_as_latin1": (_codec_path("gbk", "latin-1"), lambda p: p),
    "gbk_as_latin1(cp1252)": (_codec_path("gbk", "sloppy-windows-1252"), lambda p: p),
    "utf8_as_latin1": (_codec_path("utf-8", "latin-1"), lambda p: p),
    "utf8_as_cp1252": (_codec_path("utf-8", "sloppy-windows-1252"), lambda p: p),
    "utf8_as_gbk": (_longest_prefix("utf-8", "gbk"), lambda p: p),
    "big5_as_gbk": (_traditional(_codec_path("big5hkscs", "gb18030")), lambda p: opencc.OpenCC("s2t").convert(p)),
    "gbk_as_big5": (_codec_path("gbk", "big5hkscs"), lambda p: p),
    "html_entities": (_entities, lambda p: p),
    "pinyin_annotations": (_pinyin, lambda p: opencc.OpenCC("s2t").convert(p)),
}


_SENTENCE_END = re.compile(r"(?<=[。！？])")


def case_pool(paragraphs: list[str]) -> list[str]:
    """Chinese paragraphs and their sentences, shuffled: the texts damage is generated from.

    Sentences are added because a whole paragraph rarely survives UTF-8 → GBK strictly
    (one odd byte before a space breaks it), and strict survivors are what can be undone.
    """
    chinese = [p for p in paragraphs if len(HAN.findall(p)) >= 4 and detect_lang(p) in ("zh-Hans", "zh-Hant")]
    sentences = [s.strip() for p in chinese for s in _SENTENCE_END.split(p)]
    pool = list(dict.fromkeys(chinese + [s for s in sentences if len(HAN.findall(s)) >= 4]))
    random.Random(SEED).shuffle(pool)
    return pool


def generated_report(paragraphs: list[str], cases: int) -> dict[str, object]:
    chinese = case_pool(paragraphs)
    report: dict[str, object] = {}
    for name, (corrupt, expected_of) in GENERATORS.items():
        repair = name.split("(")[0]
        total = right = untouched = 0
        misses: list[dict[str, str]] = []
        for para in chinese:
            if total >= cases:
                break
            damaged = corrupt(para)
            if isinstance(damaged, tuple):  # (damaged, the part of `para` it came from)
                damaged, para = damaged
            if damaged is None or damaged == para:
                continue
            total += 1
            log = RepairLog()
            out = clean_text(damaged, log)
            if out == normalize_space(expected_of(para)) and log.repairs.get(repair):
                right += 1
                continue
            untouched += out == normalize_space(damaged)
            if len(misses) < 5:
                misses.append({"expected": para[:80], "got": out[:80], "repairs": ",".join(log.repairs_list())})
        report[name] = {"cases": total, "right": right, "accuracy": round(right / total, 4) if total else None,
                        "left_as_is": untouched, "misrepaired": total - right - untouched, "misses": misses}
    return report


# --- 4. time ------------------------------------------------------------------------------
def _page_fields(body: bytes) -> tuple[str, list[str]]:
    text = decode(body).text
    tree = lxml_html.fromstring(text)
    return text, [node.text_content() for node in tree.iter("p", "h1", "title", "li")]


def time_report(pages: list[bytes]) -> dict[str, object]:
    parse_times, clean_times = [], []
    for body in pages:
        start = time.process_time()
        _, fields = _page_fields(body)
        parse_times.append(time.process_time() - start)
        start = time.process_time()
        log = RepairLog()
        for field in fields:
            clean_text(field, log)
        clean_times.append(time.process_time() - start)
    parse, clean = sum(parse_times), sum(clean_times)
    report: dict[str, object] = {
        "pages": len(pages), "decode_parse_ms_per_page": round(1000 * parse / len(pages), 3),
        "clean_text_ms_per_page": round(1000 * clean / len(pages), 3),
        "clean_over_parse": round(clean / parse, 3),
    }
    report.update(_extract_share())
    return report


def _extract_share() -> dict[str, object]:
    """Share of `extract_article` time spent in the text layer's `clean_text`, fixtures/discuz."""
    try:
        import extract_speed  # the lead's benchmark: its page loader

        from citynews_scraper.extract import article
    except ImportError:
        return {}
    pages = extract_speed.load_pages()
    if not pages:
        return {}
    real = article.clean_text

    def run() -> float:
        start = time.process_time()
        for url, body, headers in pages:
            extract_speed.ours(url, body, headers)
        return time.process_time() - start

    def stub(text: str, log: RepairLog) -> str:
        return normalize_space(text)

    run()  # warm up caches (tables, OpenCC, compiled regexes)
    with_text, without = [], []
    try:
        for _ in range(REPEAT):  # alternate, so drift on a shared machine hits both alike
            article.clean_text = real  # type: ignore[assignment]
            with_text.append(run())
            article.clean_text = stub  # type: ignore[assignment]
            without.append(run())
    finally:
        article.clean_text = real  # type: ignore[assignment]
    with_text, without = min(with_text), min(without)
    return {"extract_pages": len(pages), "extract_ms_per_page": round(1000 * with_text / len(pages), 3),
            "extract_ms_per_page_without_repairs": round(1000 * without / len(pages), 3),
            "text_layer_added": round(with_text / without - 1, 3),
            "text_layer_share": _text_share(article, run)}


def _text_share(article: object, run: Callable[[], float]) -> float:
    """Share of `extract_article` time spent inside the text layer's entry points (decode,
    clean_text, detect_lang, convert_script), timed by wrapping them."""
    from citynews_scraper.extract import page as page_module

    # Page.from_bytes (extract/page.py) decodes; extract/article.py calls the other three.
    places = [(page_module, "decode"), *((article, name) for name in ("clean_text", "detect_lang", "convert_script"))]
    originals = {(module, name): getattr(module, name) for module, name in places}
    spent = [0.0]

    def timed(func: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - start
        return wrapper

    totals, texts = [], []
    try:
        for (module, name), func in originals.items():
            setattr(module, name, timed(func))
        for _ in range(REPEAT):
            spent[0] = 0.0
            totals.append(run())
            texts.append(spent[0])
    finally:
        for (module, name), func in originals.items():
            setattr(module, name, func)
    return round(statistics.median(t / total for t, total in zip(texts, totals, strict=True)), 3)


def _all_pages() -> Iterator[bytes]:
    for source in (corpora.cwced_pages(), corpora.gne_pages(), corpora.netease_pages(), corpora.other_zh_pages()):
        for _, body, _ in source:
            yield body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="generated cases per class")
    parser.add_argument("--json", type=Path, help="also write the full report here")
    parser.add_argument("--skip", nargs="*", default=[], choices=["decode", "clean", "generated", "time"])
    args = parser.parse_args()
    if not corpora.available():
        print(f"skipped: {corpora.CORPORA} not found")
        return 0
    paragraphs = corpora.clean_paragraphs()
    report: dict[str, object] = {}
    if "decode" not in args.skip:
        report["decode"] = decode_report()
    if "clean" not in args.skip:
        report["clean"] = clean_report(paragraphs)
    if "generated" not in args.skip:
        report["generated"] = generated_report(paragraphs, args.cases)
    if "time" not in args.skip:
        report["time"] = time_report(list(_all_pages()))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
    print(json.dumps(_summary(report), ensure_ascii=False, indent=1))
    return 0


def _summary(report: dict[str, object]) -> dict[str, object]:
    """The report without the long example lists."""
    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("examples", "misses") or v}
        return value

    return strip(report)  # type: ignore[return-value]


if __name__ == "__main__":
    sys.exit(main())
