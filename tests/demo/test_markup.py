"""The pages follow stock Discuz! X3.4 markup (shared/reference/discuz-x.md), spot-checked."""

from __future__ import annotations

import re

from citynews_scraper.demo.app import PortalApp
from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.content import article, ground_truth
from citynews_scraper.demo.site import ancestors, children
from citynews_scraper.demo.vocab import CATEGORIES
from citynews_scraper.text import decode
from tests.demo.conftest import BASE, get, page


def _multipage_aid(config: DemoConfig, pages: int) -> int:
    return next(int(r["article_id"]) for r in ground_truth(config, BASE) if r["pages"] == pages)


def test_same_config_serves_the_same_bytes() -> None:
    one, two = PortalApp(DemoConfig(), BASE), PortalApp(DemoConfig(), BASE)
    for target in ("/", "/portal.php?mod=list&catid=1&page=2", "/portal.php?mod=view&aid=7", "/robots.txt"):
        assert get(one, target).body == get(two, target).body


def test_article_page_skeleton(app: PortalApp) -> None:
    aid = _multipage_aid(app.config, 2)
    sel = page(app, f"/portal.php?mod=view&aid={aid}")
    data = article(app.config, aid)
    assert sel.css("base::attr(href)").get() == BASE
    assert sel.css("body#nv_portal.pg_view")
    assert sel.css('meta[name="generator"]::attr(content)').get() == "Discuz! X3.4"
    assert sel.css("title::text").get().endswith(" -  Powered by Discuz!")
    crumbs = sel.css("#pt .z a::text").getall()
    assert crumbs[1] == "门户" and "查看内容" in sel.css("#pt .z").xpath("string()").get()
    assert sel.css("#ct .mn .bm.vw h1.ph::text").get() == data.title
    meta = sel.css("p.xg1").xpath("string()").get()
    assert "发布者: " in meta and "查看: " in meta and "评论: " in meta and len(sel.css("p.xg1 span.pipe")) >= 3
    assert sel.css("em#_viewnum::text").get() == str(data.views)
    assert sel.css("td#article_content div.vm_pagetitle.xw1::text").get() == data.pages[0].title
    assert sel.css("div.ptw.pbw div.pg a.nxt::attr(href)").get() == f"portal.php?mod=view&aid={aid}&page=2"
    assert f'aid={aid}&amp;page=2"' in get(app, f"/portal.php?mod=view&aid={aid}").body.decode("gbk")
    assert [a.attrib["id"] for a in sel.css("#click_div a[id^=click_aid_]")] == [f"click_aid_{aid}_{k}" for k in range(1, 6)]
    assert [a.xpath("normalize-space(text()[last()])").get() for a in sel.css("#click_div a")] == ["路过", "雷人", "握手", "鲜花", "鸡蛋"]
    assert sel.css("#related_article h3::text").get() == "相关阅读" and sel.css("#raid_div li a")
    assert sel.css("#comment h3::text").get() == "最新评论"
    assert sel.css(".sd h2::text").get() == "相关分类"
    assert sel.css("input#portalview")


def test_second_page_and_inner_nav() -> None:
    config = DemoConfig()
    app = PortalApp(config, BASE)
    aid = next(int(r["article_id"]) for r in ground_truth(config, BASE) if article(config, int(r["article_id"])).inner_nav)
    sel = page(app, f"/portal.php?mod=view&aid={aid}&page=2")
    assert " - 第2页 - " in sel.css("title::text").get()
    assert sel.css("div.pg strong::text").get() == "2" and sel.css("div.pg a.prev")
    assert sel.css("#inner_nav h3::text").get() == "本文导航"
    assert sel.css("#inner_nav a::attr(href)").getall()[1] == f"portal.php?mod=view&aid={aid}&page=2"
    assert get(app, f"/portal.php?mod=view&aid={aid}&page=9").status == 404


def test_counts_zero_and_nonzero() -> None:
    config = DemoConfig()
    app = PortalApp(config, BASE)
    recs = list(ground_truth(config, BASE))
    zero = next(r for r in recs if r["comments"] == 0)
    some = next(r for r in recs if r["comments"] > 0)
    sel = page(app, f"/portal.php?mod=view&aid={zero['article_id']}")
    assert not sel.css("p.xg1 em#_commentnum") and re.search(r"评论: 0\s*$", sel.css("p.xg1").xpath("string()").get().split("|")[3])
    sel = page(app, f"/portal.php?mod=view&aid={some['article_id']}")
    assert sel.css("p.xg1 a em#_commentnum::text").get() == str(some["comments"])
    ems = [a.css("em::text").get() for a in sel.css("#click_div a[id^=click_aid_]")]
    assert [int(e) if e else 0 for e in ems] == list(some["reactions"].values())


def test_captions_follow_their_images() -> None:
    config = DemoConfig()
    app = PortalApp(config, BASE)
    record = next(r for r in ground_truth(config, BASE) if r["pages"] == 1 and any(i["caption"] for i in r["images"]))
    sel = page(app, f"/portal.php?mod=view&aid={record['article_id']}")
    image = next(i for i in record["images"] if i["caption"])
    path = image["src"][len(BASE):]
    holder = sel.xpath(f'//td[@id="article_content"]//p[.//img[starts-with(@src, "{path}")]]')
    assert holder.xpath("normalize-space(following-sibling::p[1])").get() == image["caption"]


def test_list_page_markup() -> None:
    app = PortalApp(DemoConfig(perpage=5), BASE)
    sel = page(app, "/portal.php?mod=list&catid=1")
    assert "pg_list" in sel.css("body::attr(class)").get() and "pg_list_1" in sel.css("body::attr(class)").get()
    entries = sel.css("#ct .mn .bm_c.xld dl.bbda")
    assert len(entries) == 5
    assert all(dl.css("dt a::attr(href)").re(r"^portal\.php\?mod=view&aid=\d+$") for dl in entries)
    assert all(dl.css("dd span.xg1::text").re(r"^ \d{4}-\d{1,2}-\d{1,2} \d\d:\d\d$") for dl in entries)
    assert sel.css("#ct .mn .bm_c.xld div.atc img.tn")
    assert sel.css("div.bm_c.bbda").xpath("string()").get().startswith("下级分类:")
    assert sel.css("div.pg a.nxt::attr(href)").get() == BASE + "portal.php?mod=list&catid=1&page=2"
    assert sel.css("div.pg span::attr(title)").re_first(r"共 (\d+) 页")
    assert sel.css(".sd h2::text").get() == "相关分类"


def test_parent_lists_include_child_articles() -> None:
    config = DemoConfig(perpage=1000)
    app = PortalApp(config, BASE)
    top = set(page(app, "/portal.php?mod=list&catid=1").css("dl.bbda dt a::attr(href)").getall())
    child = set(page(app, "/portal.php?mod=list&catid=2").css("dl.bbda dt a::attr(href)").getall())
    grandchild = set(page(app, "/portal.php?mod=list&catid=15").css("dl.bbda dt a::attr(href)").getall())
    assert grandchild and grandchild <= child <= top


def test_home_page_navigation_and_blocks(app: PortalApp) -> None:
    sel = page(app, "/")
    tops = children(None)
    assert [li.attrib["id"] for li in sel.css("#nv li[id^=mn_P]")] == [f"mn_P{c.catid}" for c in tops]
    for top in tops:
        assert len(sel.css(f"ul#snav_mn_P{top.catid} a")) == len(children(top.catid))
    assert sel.css("div#portal_block_1.block div#portal_block_1_content.dxb_bc li a")
    assert sel.css("#portal_block_1 em span[title]::attr(title)").re(r"^\d{4}-\d{1,2}-\d{1,2} \d\d:\d\d$")
    hrefs = sel.css("a::attr(href)").getall()
    for trap in ("forum.php", "home.php", "member.php?mod=register", "misc.php?mod=faq", "space-uid-1.html", "http://www.discuz.net/"):
        assert any(h.startswith(trap) for h in hrefs), trap


def test_deleted_articles_are_linked_but_answer_404(app: PortalApp) -> None:
    deleted = [aid for aid in range(1, app.config.articles + 1) if not app.ctx.index.live(aid)]
    linked = set(page(app, "/").css("a::attr(href)").getall())
    for aid in deleted:
        neighbour = page(app, f"/portal.php?mod=view&aid={aid - 1}")
        linked |= set(neighbour.css("#raid_div a::attr(href)").getall())
        reply = get(app, f"/portal.php?mod=view&aid={aid}")
        assert reply.status == 404
        assert "抱歉，指定的文章不存在或已被删除！" in reply.body.decode("gbk")
        assert f"portal.php?mod=view&aid={aid}" in linked
    entries = {href for c in (1, 5, 9, 12) for p in (1, 2, 3)
               for href in page(app, f"/portal.php?mod=list&catid={c}&page={p}").css("dl.bbda dt a::attr(href)").getall()}
    assert not any(f"portal.php?mod=view&aid={aid}" in entries for aid in deleted)


def test_rewrite_and_folders() -> None:
    app = PortalApp(DemoConfig(rewrite=True, folders=True, perpage=5), BASE)
    sel = page(app, "/news/")
    assert sel.css("dl.bbda dt a::attr(href)").re(r"^article-\d+-1\.html$")
    assert sel.css("div.pg a.nxt::attr(href)").get() == BASE + "news/index.php?page=2"
    assert page(app, "/news/index.php?page=2").css("div.pg strong::text").get() == "2"
    assert sel.css("#nv li#mn_P1 a::attr(href)").get() == BASE + "news/"
    redirect = get(app, "/portal.php?mod=list&catid=2&page=3")
    assert redirect.status == 301 and dict(redirect.headers)["Location"] == BASE + "news/fenghuang/index.php?page=3"
    assert get(app, "/news/fenghuang/liziyuan/").status == 200
    aid = _multipage_aid(app.config, 2)
    view = page(app, f"/article-{aid}-1.html")
    assert view.css("div.pg a.nxt::attr(href)").get() == f"article-{aid}-2.html"
    assert get(app, f"/article-{aid}-2.html").status == 200
    assert get(PortalApp(DemoConfig(), BASE), f"/article-{aid}-1.html").status == 404


def test_encodings_round_trip() -> None:
    for encoding, codec, word in (("gbk", "gb18030", "发布者"), ("utf-8", "utf-8", "发布者"), ("big5", "big5hkscs", "發佈者")):
        config = DemoConfig(articles=10, encoding=encoding)
        app = PortalApp(config, BASE)
        reply = get(app, "/portal.php?mod=view&aid=1")
        headers = dict(reply.headers)
        assert headers["Content-Type"] == f"text/html; charset={'big5' if encoding == 'big5' else encoding}"
        decoded = decode(reply.body, headers)
        assert (decoded.encoding, decoded.source, decoded.replacements) == (codec, "header", 0)
        assert word in decoded.text and article(config, 1).title in decoded.text
        assert f'content="text/html; charset={headers["Content-Type"].split("=")[1]}"' in decoded.text


def test_big5_pages_are_traditional() -> None:
    app = PortalApp(DemoConfig(articles=10, encoding="big5"), BASE)
    sel = page(app, "/portal.php?mod=view&aid=3")
    assert sel.css("#pt .z a::text").getall()[1] == "門戶" and "查看內容" in sel.css("#pt .z").xpath("string()").get()
    assert "萍鄉城事網" in sel.css("title::text").get()


def test_robots_txt(app: PortalApp) -> None:
    from urllib.robotparser import RobotFileParser

    robots = RobotFileParser()
    robots.parse(get(app, "/robots.txt").body.decode().splitlines())
    assert robots.can_fetch("citynews", BASE + "portal.php?mod=list&catid=1")
    assert robots.can_fetch("citynews", BASE + "portal.php?mod=view&aid=1")
    assert robots.can_fetch("citynews", BASE + "article-1-1.html")
    for path in ("home.php?mod=space&uid=1", "member.php?mod=register", "forum.php", "misc.php?mod=faq"):
        assert not robots.can_fetch("citynews", BASE + path)


def test_antitheft_redirects_the_first_view_only() -> None:
    config = DemoConfig(articles=5, antitheft=True)
    app = PortalApp(config, BASE)
    first = get(app, "/portal.php?mod=view&aid=1").body.decode("gbk")
    assert 'id="article_content"' not in first and "location" in first
    target = re.search(r"location\.href='([^']+)'", first)[1]
    assert re.fullmatch(re.escape(BASE) + r"portal\.php\?mod=view&aid=1&_dsign=[0-9a-f]{8}", target)
    assert 'id="article_content"' in get(app, "/" + target[len(BASE):]).body.decode("gbk")
    assert 'id="article_content"' in get(app, "/portal.php?mod=view&aid=1").body.decode("gbk")


def test_static_mode() -> None:
    config = DemoConfig(static=True, perpage=5)
    app = PortalApp(config, BASE)
    sel = page(app, "/news/index.html")
    hrefs = sel.css("dl.bbda dt a::attr(href)").getall()
    assert all(re.fullmatch(r"news/(\w+/)*\d{6}/\d{8}\.html", h) for h in hrefs)
    assert sel.css("div.pg a.nxt::attr(href)").get() == BASE + "news/index.php?page=2"
    assert page(app, "/").css("#nv li#mn_P1 a::attr(href)").get() == BASE + "news/index.html"
    aid = int(hrefs[0][-13:-5])
    assert get(app, "/" + hrefs[0]).status == 200
    redirect = get(app, f"/portal.php?mod=view&aid={aid}")
    assert redirect.status == 302 and dict(redirect.headers)["Location"] == BASE + hrefs[0]
    month = hrefs[0].split("/")[-2]
    assert get(app, "/" + hrefs[0].replace(month, "199901")).status == 404
    multi = _multipage_aid(config, 2)
    first = next(r["url"] for r in ground_truth(config, BASE) if r["article_id"] == str(multi))
    assert page(app, "/" + first[len(BASE):]).css("div.pg a.nxt::attr(href)").get() == first[len(BASE):-5] + "2.html"


ODD_TARGETS = (
    "/portal.php?mod=view&aid=abc", "/portal.php?mod=view", "/portal.php?mod=view&aid=0", "/portal.php?mod=view&aid=-3",
    "/portal.php?mod=view&aid=1&page=0", "/portal.php?mod=view&aid=1&page=99999999999999999999",
    "/portal.php?mod=view&aid=99999999999999999999999", "/portal.php?mod=list&catid=999", "/portal.php?mod=list",
    "/portal.php?mod=list&catid=1&page=99999999999", "/portal.php?mod=nonsense", "/article-0-1.html",
    "/article-99999999999999999999-1.html", "/news/202401/99999999999999999999.html", "/news/../robots.txt",
    "/news", "/news/nowhere/", "/portal.php?mod=comment&id=99999", "/_demo/grow?articles=abc", "/%ff%fe",
    "/portal.php?mod=view&aid=1&_dsign=zzzz", "//double//slash", "/?mod=view&aid=1",
)


def test_odd_requests_get_a_clean_answer() -> None:
    for config in (DemoConfig(articles=10), DemoConfig(articles=10, rewrite=True, folders=True),
                   DemoConfig(articles=10, static=True, antitheft=True)):
        app = PortalApp(config, BASE)
        for target in ODD_TARGETS:
            assert get(app, target).status in (200, 301, 302, 404), target
    assert get(app, "/_demo/grow?articles=0").status == 400 and app.config.articles == 10


def test_every_deleted_article_is_linked_from_each_of_its_lists() -> None:
    config = DemoConfig(articles=300, perpage=7)
    app = PortalApp(config, BASE)
    deleted = {aid for aid in range(1, 301) if not app.ctx.index.live(aid)}
    assert len(deleted) > 10
    for top in children(None):
        linked: list[int] = []
        for number in range(1, 200):
            sel = page(app, f"/portal.php?mod=list&catid={top.catid}&page={number}")
            hot = sel.css("#diycontentbottom .dxb_bc a::attr(href)").re(r"aid=(\d+)$")
            linked += [int(aid) for aid in hot if int(aid) in deleted]
            assert not set(map(int, sel.css("#ct .mn .bm_c.xld dl.bbda dt a::attr(href)").re(r"aid=(\d+)$"))) & deleted
            if not sel.css("div.pg a.nxt"):
                break
        mine = {aid for aid in deleted if app.ctx.index.category(aid) in {c.catid for c in CATEGORIES if top.catid in {a.catid for a in ancestors(c.catid)}}}
        assert sorted(linked) == sorted(mine) and mine
