"""Charset decisions: bytes + headers → (codec, source), on pages built in the test."""

from __future__ import annotations

import codecs

import pytest

from citynews_scraper.text import decode
from citynews_scraper.text.decode import codec_for, header_charset, meta_charset, sample

ARTICLE = "萍乡城事网：老旧小区改造，事关群众安居乐业。安源区凤凰街以增进人民福祉为出发点和落脚点。" * 20
TRAD = "萍鄉城事網：老舊小區改造，事關群眾安居樂業。安源區鳳凰街以增進人民福祉為出發點和落腳點。" * 20


def page(text: str, meta: str | None = None) -> str:
    head = f'<meta http-equiv="Content-Type" content="text/html; charset={meta}">' if meta else ""
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


def ct(charset: str) -> dict[str, str]:
    return {"Content-Type": f"text/html; charset={charset}"}


def test_bom_wins() -> None:
    decoded = decode(codecs.BOM_UTF8 + page(ARTICLE, "gbk").encode("utf-8"), ct("gbk"))
    assert (decoded.encoding, decoded.source) == ("utf-8", "bom")
    assert not decoded.text.startswith("\ufeff")


def test_header_checked_and_trusted_when_it_fits() -> None:
    decoded = decode(page(ARTICLE).encode("gb18030"), ct("GB2312"))
    assert (decoded.encoding, decoded.source, decoded.replacements) == ("gb18030", "header", 0)
    assert ARTICLE in decoded.text


def test_lying_utf8_header_over_gbk_bytes_falls_to_meta() -> None:
    decoded = decode(page(ARTICLE, "gbk").encode("gb18030"), ct("utf-8"))
    assert (decoded.encoding, decoded.source, decoded.replacements) == ("gb18030", "meta", 0)


def test_utf8_page_labelled_gbk_everywhere_is_utf8() -> None:
    decoded = decode(page(ARTICLE, "gb2312").encode("utf-8"), ct("gbk"))
    assert (decoded.encoding, decoded.source) == ("utf-8", "detected")
    assert ARTICLE in decoded.text


def test_header_naming_utf8_is_the_source_for_utf8() -> None:
    assert decode(page(ARTICLE).encode("utf-8"), ct("UTF-8")).source == "header"


@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1252", "latin1"])
def test_never_single_byte_for_valid_gbk(label: str) -> None:
    decoded = decode(page(ARTICLE).encode("gb18030"), ct(label))
    assert decoded.encoding == "gb18030"
    assert ARTICLE in decoded.text


def test_undeclared_gbk_is_detected() -> None:
    decoded = decode(page(ARTICLE).encode("gbk"))
    assert (decoded.encoding, decoded.source) == ("gb18030", "detected")


def test_undeclared_big5_is_big5hkscs() -> None:
    decoded = decode(page(TRAD).encode("big5hkscs"))
    assert decoded.encoding == "big5hkscs"
    assert TRAD in decoded.text


def test_big5_bytes_labelled_gb2312_read_as_big5() -> None:
    decoded = decode(page(TRAD, "gb2312").encode("big5hkscs"))
    assert (decoded.encoding, decoded.source) == ("big5hkscs", "detected")


def test_gbk_bytes_labelled_big5_read_as_gbk() -> None:
    decoded = decode(page(ARTICLE, "big5").encode("gbk"))
    assert decoded.encoding == "gb18030"


def test_negligible_broken_pairs_keep_the_label() -> None:
    body = page(ARTICLE * 5, "gbk").encode("gb18030")
    broken = body.replace("改造".encode("gbk"), "改".encode("gbk") + b"\xb8", 1)
    decoded = decode(broken, ct("gbk"))
    assert (decoded.encoding, decoded.source) == ("gb18030", "header")
    assert decoded.replacements >= 1


def test_declared_is_trusted_unconditionally() -> None:
    decoded = decode(page(ARTICLE).encode("utf-8"), ct("utf-8"), declared="gbk")
    assert (decoded.encoding, decoded.source) == ("gb18030", "given")


def test_ascii_page() -> None:
    decoded = decode(b"<html><body>hello</body></html>")
    assert (decoded.encoding, decoded.source) == ("utf-8", "detected")
    assert decoded.text.endswith("</html>")


def test_ascii_page_keeps_its_label_unless_it_is_not_ascii_compatible() -> None:
    assert decode(b"<html><body>hello</body></html>", ct("gbk")).source == "header"
    decoded = decode(b"<html><body>hello</body></html>", ct("utf-16"))
    assert (decoded.encoding, decoded.text) == ("utf-8", "<html><body>hello</body></html>")


@pytest.mark.parametrize(
    "head",
    [
        b'<meta charset="gbk">',
        b"<meta http-equiv='Content-Type' content='text/html;charset=GB2312'/>",
        b'<meta httpequiv="ContentType" content="text/html; charset=gbk">',
        b'<META CONTENT="text/html; charset = gbk" HTTP-EQUIV="content-type">',
        b'<?xml version="1.0" encoding="GBK"?>',
    ],
)
def test_meta_scan_is_lenient(head: bytes) -> None:
    assert codec_for(meta_charset(b"<html><head>" + head + b"</head></html>")) == "gb18030"


def test_header_charset_case_insensitive() -> None:
    assert header_charset({"content-TYPE": 'text/html; charset="Big5"'}) == "Big5"
    assert header_charset({"Content-Type": "text/html"}) is None


def test_sample_cuts_at_ascii() -> None:
    body = ("<p>" + "中文字" * 37 + "</p>\n").encode("utf-8") * 2000
    sampled = sample(body, 64 * 1024)
    assert len(sampled) < len(body)
    sampled.decode("utf-8")  # no split character
    assert sample(("中" * 50_000).encode("utf-8"), 1024) == ("中" * 50_000).encode("utf-8")


def test_detector_reached_for_bytes_no_chinese_codec_fits() -> None:
    # KOI8-R Russian: invalid as UTF-8, GB18030 and Big5 alike → the detector decides.
    text = "<html><body><p>" + "Самые популярные кулинарные блоги и фудблогеры. " * 30 + "</p></body></html>"
    body = text.encode("koi8-r")
    decoded = decode(body)
    assert (decoded.encoding, decoded.source) == ("koi8-r", "detected")
    assert "кулинарные" in decoded.text


def test_gbk_page_with_a_utf8_include_decodes_both() -> None:
    body = page("正文：老旧小区改造。" * 3).encode("gb18030").replace(
        b"<title>t</title>", "<title>t</title><div>作者：王磊 来源：上饶日报</div>".encode()
    )
    decoded = decode(body)
    assert (decoded.encoding, decoded.source, decoded.replacements) == ("gb18030", "detected", 0)
    assert decoded.utf8_segments == 2  # 作者：王磊 and 来源：上饶日报 (the space between is ASCII)
    assert "作者：王磊 来源：上饶日报" in decoded.text and "正文：老旧小区改造。" in decoded.text
