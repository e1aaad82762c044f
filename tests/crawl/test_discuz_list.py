"""The Discuz! listing parser on hand-made list and home pages (raw GBK bytes + headers)."""

from __future__ import annotations

from datetime import UTC, datetime

from citynews_scraper.extract.listing import ListEntry, fill_from_listing, parse_listing
from citynews_scraper.extract.urls import UrlRules
from citynews_scraper.record import Article

SITE = "http://city.example.cn/"
HEADERS = {"Content-Type": "text/html; charset=gbk"}
NOW = datetime(2024, 3, 1, 4, 0, tzinfo=UTC)

LIST_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>城事资讯 - 萍乡城事网 - Powered by Discuz!</title><meta name="generator" content="Discuz! X3.4" />
<base href="http://city.example.cn/" /></head>
<body id="nv_portal" class="pg_list pg_list_1">
<div id="hd"><ul><li id="mn_portal"><a href="portal.php">门户</a></li>
<li id="mn_P1"><a href="http://city.example.cn/news/">城事资讯</a></li>
<li id="mn_forum"><a href="forum.php">论坛</a></li></ul>
<ul class="p_pop h_pop" id="snav_mn_P1"><li><a href="http://city.example.cn/news/fenghuang/">凤凰街</a></li></ul></div>
<div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm">萍乡城事网</a> <em>&rsaquo;</em>
<a href="portal.php">门户</a> <em>&rsaquo;</em> 城事资讯</div></div>
<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm">
<div class="bm_h cl"><h1 class="xs2">城事资讯</h1></div>
<div class="bm_c bbda">下级分类:&nbsp;&nbsp;<a href="http://city.example.cn/portal.php?mod=list&amp;catid=7" class="xi2">安源区</a></div>
<div class="bm_c xld">
<dl class="bbda cl"><dt class="xs2"><a href="portal.php?mod=view&aid=31" target="_blank" class="xi2">凤凰街夜市开张</a></dt>
<dd class="xs2 cl"><div class="atc"><a href="portal.php?mod=view&aid=31"><img src="data/attachment/portal/202403/01/a.jpg.thumb.jpg" class="tn" /></a></div>夜市今晚开张，摊位三百个。</dd>
<dd><span class="xg1"> 2024-2-28 19:05</span></dd></dl>
<dl class="bbda cl"><dt class="xs2"><a href="article-30-1.html" class="xi2">老街改造</a></dt>
<dd class="xs2 cl">老街改造完成。</dd><dd><span class="xg1"> 2024-2-27 8:00</span></dd></dl>
</div></div>
<div class="pgs cl"><div class="pg"><strong>1</strong><a href="http://city.example.cn/news/index.php?page=2">2</a>
<label><span title="共 2 页"> / 2 页</span></label><a href="http://city.example.cn/news/index.php?page=2" class="nxt">下一页</a></div></div>
</div>
<div class="sd pph"><div class="bm"><div class="bm_h"><h2>相关分类</h2></div>
<ul><li>&#8226; <a href="http://city.example.cn/sports/">体育</a></li></ul></div>
<div id="portal_block_5" class="block move-span"><div class="dxb_bc"><ul>
<li><a href="portal.php?mod=view&amp;aid=9">热门：九号文章</a></li>
<li><a href="portal.php?mod=view&aid=31">重复的链接</a></li>
<li><a href="home.php?mod=space&uid=1">admin</a></li>
<li><a href="http://elsewhere.example.com/article-5-1.html">站外</a></li></ul></div></div></div></div>
<div id="ft"><a href="member.php?mod=register">注册</a><a href="misc.php?mod=faq">帮助</a></div>
</body></html>""".encode("gbk")


def listing():  # type: ignore[no-untyped-def]
    return parse_listing(LIST_PAGE, f"{SITE}news/", HEADERS, fetched_at=NOW)


def test_main_entries_carry_summary_date_and_thumbnail() -> None:
    first, second = listing().entries[:2]
    assert (first.url, first.article_id, first.title) == (f"{SITE}portal.php?mod=view&aid=31", "31", "凤凰街夜市开张")
    assert first.summary == "夜市今晚开张，摊位三百个。"
    assert first.published_at_raw == "2024-2-28 19:05"
    assert first.thumbnail == f"{SITE}data/attachment/portal/202403/01/a.jpg.thumb.jpg"
    assert (second.url, second.article_id) == (f"{SITE}article-30-1.html", "30")


def test_article_links_outside_the_list_are_found_once_and_never_users() -> None:
    urls = [e.url for e in listing().entries]
    assert urls.count(f"{SITE}portal.php?mod=view&aid=31") == 1
    assert f"{SITE}portal.php?mod=view&aid=9" in urls  # DIY block, &amp; decoded
    assert not any("home.php" in u or "member.php" in u for u in urls)
    # Off-site links are returned (the spider drops them by allowed domains).
    assert "http://elsewhere.example.com/article-5-1.html" in urls


def test_next_page_and_page_number() -> None:
    result = listing()
    assert result.next_page == f"{SITE}news/index.php?page=2"
    assert result.page_number == 1
    assert result.parser == "discuz_x"


def test_channels_from_nav_subnav_children_and_sidebar() -> None:
    channels = listing().channels
    for url in (f"{SITE}news/", f"{SITE}news/fenghuang/", f"{SITE}portal.php?mod=list&catid=7", f"{SITE}sports/"):
        assert url in channels
    assert not any(u.endswith(("forum.php", "portal.php")) or "mod=space" in u for u in channels)


def test_non_discuz_page_is_not_recognised() -> None:
    page = b"<html><head><title>Hello</title></head><body><a href='/x'>x</a></body></html>"
    result = parse_listing(page, "http://plain.example.org/", {"Content-Type": "text/html"}, fetched_at=NOW)
    assert result.parser != "discuz_x" and result.entries == []


def test_profile_patterns_reach_the_listing_parser() -> None:
    page = LIST_PAGE.replace(b"article-30-1.html", b"a/30_1.shtml")
    plain = parse_listing(page, f"{SITE}news/", HEADERS, fetched_at=NOW)
    ruled = parse_listing(page, f"{SITE}news/", HEADERS, fetched_at=NOW, rules=UrlRules([r"/a/(?P<aid>\d+)_(?P<page>\d+)\.shtml$"]))
    assert [e.article_id for e in plain.entries][:2] == ["31", None]
    assert [e.article_id for e in ruled.entries][:2] == ["31", "30"]


def _article(**values: object) -> Article:
    base = {"url": f"{SITE}article-30-1.html", "title": "t", "cms": "discuz_x", "encoding": "gb18030",
            "encoding_source": "header", "fetched_at": "2024-03-01T04:00:00Z"}
    return Article(**{**base, **values})  # type: ignore[arg-type]


def test_list_metadata_only_fills_missing_fields() -> None:
    entry = ListEntry(url="u", summary="列表摘要", published_at_raw="2024-2-27 8:00")
    bare = _article()
    assert fill_from_listing(bare, entry, NOW) == ["summary", "published_at"]
    assert (bare.summary, bare.published_at, bare.published_at_raw) == ("列表摘要", "2024-02-27T08:00:00+08:00", "2024-2-27 8:00")
    full = _article(summary="页面摘要", published_at="2024-02-27T08:01:00+08:00", published_at_raw="2024-2-27 08:01")
    assert fill_from_listing(full, entry, NOW) == []
    assert (full.summary, full.published_at) == ("页面摘要", "2024-02-27T08:01:00+08:00")


def _fixture(name: str) -> tuple[bytes, str, dict[str, str]]:
    import json
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "fixtures" / "discuz" / name
    request = json.loads((folder / "request.json").read_text("utf-8"))
    page = request["pages"][0]
    return (folder / page["file"]).read_bytes(), request["url"], page["headers"]


def test_a_list_page_written_by_someone_else() -> None:
    # fixtures/discuz/err-list-page was made for the article parser's tests, not for this parser.
    body, url, headers = _fixture("err-list-page")
    result = parse_listing(body, url, headers, fetched_at=NOW)
    assert result.parser == "discuz_x" and result.page_number == 1
    assert [e.article_id for e in result.entries] == ["6120", "6033", "5980"]
    assert result.entries[0].published_at_raw == "2023-4-3 10:26"
    assert result.next_page == "http://www.pxcsw.cn/portal.php?mod=list&catid=1&page=2"
    assert "http://www.pxcsw.cn/portal.php?mod=list&catid=2" in result.channels
    assert not any("forum.php" in c or "archiver" in c or "member.php" in c for c in result.channels)


def test_the_anti_scraping_fixture_gives_its_signed_url() -> None:
    from citynews_scraper.extract.urls import dsign_target

    body, url, _ = _fixture("err-antitheft")
    assert dsign_target(body.decode("latin-1"), url) == url + "&_dsign=5f3a9c1e"
