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


_PROSE = "".join(f"<p>萍乡市第{n}批老旧小区改造工程近日启动，涉及十二个小区，预计惠及居民三千余户，工期约半年。</p>" for n in range(6))


def test_headline_in_a_minor_heading_wins_over_a_site_suffix_after_a_bare_hyphen() -> None:
    html = (f"<html><head><title>阿里发布最强芯片：一块顶十块GPU-EDN 电子技术设计</title></head><body>"
            f"<div class='nav'>首页 新闻</div><h4>阿里发布最强芯片：一块顶十块GPU</h4>"
            f"<div>时间：2019-09-25 作者：网络整理</div><div class='content'>{_PROSE}</div></body></html>")
    assert PARSER.parse(_page(html.encode("utf-8"))).title == "阿里发布最强芯片：一块顶十块GPU"


def test_channel_name_in_title_gives_way_to_the_dated_heading_above_the_body() -> None:
    html = (f"<html><head><title>新闻动态--某某学会官网</title></head><body>"
            f"<div class='crumb'>首页 - 新闻动态</div><h5>2019年人文地理学术年会在西南大学成功举行！</h5>"
            f"<div>发布时间：2019-05-18 来源：某某学会</div><div class='detail'>{_PROSE}</div></body></html>")
    assert PARSER.parse(_page(html.encode("utf-8"))).title == "2019年人文地理学术年会在西南大学成功举行！"


def test_hidden_share_box_heading_is_not_the_title() -> None:
    html = (f"<html><head><title>武汉的声音：有英勇的你！-新华网</title></head><body>"
            f"<div class='h-title'>武汉的声音：有英勇的你！</div><div class='content'>{_PROSE}</div>"
            f"<div style='display: none'><div class='share-title'>武汉的声音：有英勇的你！-新华网</div></div></body></html>")
    assert PARSER.parse(_page(html.encode("utf-8"))).title == "武汉的声音：有英勇的你！"


def test_self_media_account_is_the_publisher() -> None:
    html = (f"<html><head><title>某地冷空气来袭 多地开启降温模式</title></head><body><h1>某地冷空气来袭 多地开启降温模式</h1>"
            f"<div>原创 某某城市报道 2019-11-25 10:37:31</div><div class='content'>{_PROSE}</div></body></html>")
    draft = PARSER.parse(_page(html.encode("utf-8")))
    assert (draft.publisher, draft.author) == ("某某城市报道", None)


def test_editor_line_stays_the_publisher_over_an_outlet_dateline() -> None:
    html = (f"<html><head><title>某地冷空气来袭 多地开启降温模式</title></head><body><h1>某地冷空气来袭 多地开启降温模式</h1>"
            f"<div>某某日报 2019-11-25 10:37:31</div><div class='content'>{_PROSE}</div><p>责任编辑：张小迪</p></body></html>")
    assert PARSER.parse(_page(html.encode("utf-8"))).publisher == "张小迪"


def _scripted(header: str) -> bytes:
    article = "".join(f"<p>某某市近日启动老旧小区改造工程，第{n}批涉及十二个小区，预计惠及居民三千余户。</p>" for n in range(4))
    return (f"<html><head><title>某某市改造工程启动</title></head><body><h1>某某市改造工程启动</h1>{header}"
            f"<div>{article}</div><script>var createTime = '2023-06-01 12:01';</script></body></html>").encode()


def test_a_script_set_time_stands_in_only_when_the_page_shows_none() -> None:
    assert PARSER.parse(_page(_scripted(""))).published_at == "2023-06-01T12:01:00+08:00"
    shown = PARSER.parse(_page(_scripted("<div>发布时间：2023-05-31 09:30</div>")))
    assert shown.published_at == "2023-05-31T09:30:00+08:00"


def _posted(statement: str) -> bytes:
    article = "".join(f"<p>某某市近日启动老旧小区改造工程，第{n}批涉及十二个小区，预计惠及居民三千余户。</p>" for n in range(4))
    return (f"<html><head><title>某某市改造工程启动</title></head><body><h1>某某市改造工程启动</h1>"
            f"<div>2024-05-20 11:36:08 来源: 某某特区报</div><div>{article}</div><p>{statement}</p></body></html>").encode()


def test_on_a_self_media_page_the_source_slot_names_the_posting_account() -> None:
    statement = "特别声明：以上内容为自媒体平台“某某号”用户上传并发布，本平台仅提供信息存储服务。"
    assert PARSER.parse(_page(_posted(statement))).publisher == "某某特区报"
    assert PARSER.parse(_page(_posted("本文观点不代表本网立场。"))).publisher is None


def test_the_account_name_line_above_the_text_is_not_a_paragraph() -> None:
    article = "".join(f"<p>某某市近日启动老旧小区改造工程，第{n}批涉及十二个小区，预计惠及居民三千余户。</p>" for n in range(4))
    page = (f"<html><head><title>某某市改造工程启动</title></head><body><h1>某某市改造工程启动</h1>"
            f"<div><p><a href='/u/1'>某某晚报</a></p><p>2024-09-20 10:58 安徽</p><p>关注</p>{article}</div>"
            f"</body></html>").encode()
    draft = PARSER.parse(_page(page))
    assert draft.publisher == "某某晚报" and draft.paragraphs[0].startswith("某某市近日")
