"""The generic parser as a registry member: low score, chosen only as the fallback."""

from __future__ import annotations

from datetime import UTC, datetime

from citynews_scraper.extract.cms import choose_parser, registry
from citynews_scraper.extract.cms.generic import GENERIC_SCORE, PARSER
from citynews_scraper.extract.page import Page
from citynews_scraper.text import decode
from tests.pages import stock_page

NOW = datetime(2024, 1, 1, tzinfo=UTC)
PLAIN = "<html><head><title>一篇文章</title></head><body><p>这是一篇普通的文章，没有任何内容管理系统的标记。</p></body></html>"


def _page(body: bytes) -> Page:
    return Page.build("http://example.cn/a.html", decode(body), NOW)


def test_registered() -> None:
    assert registry()["generic"] is PARSER


def test_scores_low_but_above_zero_on_any_page_with_text() -> None:
    assert 0 < PARSER.score(_page(PLAIN.encode("utf-8"))) == GENERIC_SCORE < 0.5


def test_scores_zero_on_an_empty_page() -> None:
    assert PARSER.score(_page(b"<html><body>  </body></html>")) == 0


def test_chosen_for_an_unknown_page() -> None:
    assert choose_parser(_page(PLAIN.encode("utf-8"))).name == "generic"


def test_not_chosen_for_a_discuz_page() -> None:
    assert choose_parser(_page(stock_page("<p>凤凰街的新闻正文。</p>"))).name == "discuz_x"
