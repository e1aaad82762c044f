"""Write fixtures/{dedecms,phpcms,empirecms,wordpress,generic-list}/<case>/ (run by hand:
``.venv/bin/python tests/cms/build_fixtures.py``).

Every page is made by the project from what each CMS's stock templates render (DedeCMS
``article_article.htm`` / ``list_article.htm``, PHPCMS v9 ``content/show.html`` /
``list.html``, EmpireCMS news templates, WordPress classic and block themes); none is copied
from a real site or corpus.  The expected values are written here by hand from what each
page shows, independently of the parsers.  Output per case: ``page.html`` (raw bytes in the
case's encoding; multi-page cases ``page1.html``, ``page2.html``), ``request.json`` (URL,
response headers, frozen fetch clock, what the case covers) and ``expected.json`` (record
fields) or ``expected_listing.json`` (listing fields).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
FETCHED = "2026-11-28T08:00:00Z"


def write_case(
    cms: str, case: str, url: str, pages: list[tuple[str, str, dict[str, str]]], covers: str,
    expected: dict[str, Any] | None = None, listing: dict[str, Any] | None = None,
) -> None:
    """pages: (file name, HTML text, headers); the text is encoded with the charset the case names."""
    folder = ROOT / cms / case
    folder.mkdir(parents=True, exist_ok=True)
    for name, text, headers in pages:
        codec = {"gbk": "gb18030", "gb2312": "gb18030"}.get(headers.get("X-Fixture-Codec", "utf-8"), "utf-8")
        (folder / name).write_bytes(text.encode(codec))
    request = {
        "url": url,
        "fetched_at": FETCHED,
        "pages": [{"file": name, "headers": {k: v for k, v in h.items() if not k.startswith("X-")}} for name, _, h in pages],
        "covers": covers,
    }
    dump = {"ensure_ascii": False, "indent": 2}
    (folder / "request.json").write_text(json.dumps(request, **dump) + "\n", "utf-8")  # type: ignore[arg-type]
    if expected is not None:
        (folder / "expected.json").write_text(json.dumps(expected, **dump) + "\n", "utf-8")  # type: ignore[arg-type]
    if listing is not None:
        (folder / "expected_listing.json").write_text(json.dumps(listing, **dump) + "\n", "utf-8")  # type: ignore[arg-type]


GBK_HEADER = {"Content-Type": "text/html; charset=gb2312", "X-Fixture-Codec": "gbk"}
GBK_NO_CHARSET = {"Content-Type": "text/html", "X-Fixture-Codec": "gbk"}
UTF8_HEADER = {"Content-Type": "text/html; charset=utf-8"}
UTF8_NO_CHARSET = {"Content-Type": "text/html"}

# --- DedeCMS ----------------------------------------------------------------------

DEDE_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{title}_{channel}_萍乡新闻网</title>
<meta name="keywords" content="灯会,萍乡" />
<meta name="description" content="{description}" />
<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css" />
<script language="javascript" type="text/javascript" src="/include/dedeajax2.js"></script>
</head>
<body class="articleview">
<div class="header"><div class="top w960 center"><div class="title"><h1><a href="http://www.pxnews.cn/"><img src="/templets/default/images/logo.gif" alt="萍乡新闻网"/></a></h1></div></div>
<div class="module blue mT10 wrapper w963"><div id="navMenu"><ul>
<li><a href='/'><span>主页</span></a></li>
<li><a href='/a/shehui/'><span>社会</span></a></li>
<li><a href='/a/jingji/'><span>经济</span></a></li>
</ul></div></div></div>
<div class="w960 center clear mt1">
<div class="pleft">
<div class="place"><strong>当前位置:</strong> <a href='http://www.pxnews.cn/'>主页</a> &gt; <a href='/a/shehui/'>社会</a> &gt; {sub}</div>
<div class="viewbox">
<div class="title"><h2>{title}</h2></div>
<div class="info">
<small>时间:</small>{date}<small>来源:</small>{source} <small>作者:</small>{writer} <small>点击:</small>
<script src="/plus/count.php?view=yes&aid={aid}&mid=1" type='text/javascript' language="javascript"></script>{shown}次</div>
<div class="intro">{description}</div>
<div class="content">
<table width='100%'><tr><td>
<div id="contentMidPicAD" style="float:right; clear:both; top:0; vertical-align:top;"><a href="/plus/ad_js.php?aid=3">广告</a></div>
{body}
</td></tr></table>
</div>
<div class="dede_pages"><ul class="pagelist">{pager}</ul></div>
<div class="boxoff"><strong>------分隔线----------------------------</strong></div>
<div class="handle">
<div class="context"><ul><li>上一篇：<a href='/a/shehui/2023/0104/1233.html'>城区新增三处停车场</a> </li><li>下一篇：没有了 </li></ul></div>
<div class="actbox"><ul><li id="act-fav"><a href="/plus/stow.php?aid={aid}" target="_blank">收藏</a></li>
<li id="act-err"><a href="/plus/erraddsave.php?aid={aid}&title={title}" target="_blank">挑错</a></li>
<li id="act-pus"><a href="/plus/recommend.php?aid={aid}" target="_blank">推荐</a></li>
<li id="act-pnt"><a href="#" onClick="window.print();">打印</a></li></ul></div>
</div>
</div>
</div>
<div class="pright"><div class="commend"><dl class="tbox"><dt><strong>推荐内容</strong></dt><dd><ul class="d4">
<li><a href="/a/shehui/2023/0101/1200.html">元旦假期全市接待游客十万人次</a></li></ul></dd></dl></div></div>
</div>
<div class="footer w960 center mt1 clear"><div class="footer_body"><p class="powered">Powered by <a href="http://www.dedecms.com" title="织梦内容管理系统(DedeCms)--国内最专业的PHP网站管理系统，轻松建站的首选利器。" target="_blank"><strong>DedeCMS<small>V57_GBK_SP1</small></strong></a> &copy; 2004-2023 Desdev Inc.</p></div></div>
</body>
</html>
"""

DEDE_BODY = """<p>　　1月4日晚，萍乡市2023年春节灯会在秋收起义广场开幕，二十余组大型彩灯吸引了众多市民前来观赏。</p>
<p align="center"><img src="/uploads/allimg/230105/1-230105102A0.jpg" alt="灯会现场" width="600" height="400" /></p>
<p align="center">市民在广场观看彩灯（记者 李明 摄）</p>
<p>　　本次灯会以&ldquo;兔年迎春&rdquo;为主题，展期将持续到元宵节，每晚18时至22时亮灯。</p>
<p><strong>交通提示</strong></p>
<p>　　灯会期间，广场周边道路实行临时交通管制，请市民尽量绿色出行。</p>
<p>（责任编辑：王芳）</p>"""


def dedecms() -> None:
    url = "http://www.pxnews.cn/a/shehui/2023/0105/1234.html"
    title = "萍乡春节灯会开幕 二十余组彩灯点亮广场"
    description = "1月4日晚，萍乡市2023年春节灯会在秋收起义广场开幕，二十余组大型彩灯吸引了众多市民前来观赏。"
    html = DEDE_HEAD.format(
        charset="gb2312", title=title, channel="社会", description=description, sub="",
        date="2023-01-05 10:25", source='<a href="http://www.jxnews.com.cn/" target="_blank">大江网</a>',
        writer="李明", aid=1234, shown="", body=DEDE_BODY, pager="",
    )
    write_case("dedecms", "v57-default-gbk", url, [("page.html", html, GBK_HEADER)],
               "DedeCMS 5.7 GBK default template: <small> labels in div.info, 来源 as a link, count.php script "
               "without a number (views null), #contentMidPicAD ad in the body, centred caption after an image, "
               "bold subheading kept, trailing 责任编辑 line dropped, 主页 root and empty trailing crumb",
               expected={
                   "url": url, "cms": "dedecms", "article_id": "1234", "title": title, "publisher": None,
                   "author": "李明", "source": "大江网", "source_url": "http://www.jxnews.com.cn/",
                   "published_at": "2023-01-05T10:25:00+08:00", "published_at_raw": "2023-01-05 10:25",
                   "category": ["社会"], "summary": description,
                   "paragraphs": [
                       "1月4日晚，萍乡市2023年春节灯会在秋收起义广场开幕，二十余组大型彩灯吸引了众多市民前来观赏。",
                       "本次灯会以“兔年迎春”为主题，展期将持续到元宵节，每晚18时至22时亮灯。",
                       "交通提示",
                       "灯会期间，广场周边道路实行临时交通管制，请市民尽量绿色出行。",
                   ],
                   "images": [{"src": "http://www.pxnews.cn/uploads/allimg/230105/1-230105102A0.jpg",
                               "caption": "市民在广场观看彩灯（记者 李明 摄）", "alt": "灯会现场"}],
                   "reactions": {}, "views": None, "comments": None, "pages": 1, "lang": "zh-Hans",
                   "encoding": "gb18030", "encoding_source": "header",
               })

    # A multi-page article: page 1 and page 2 (…_2.html), pager in ul.pagelist.
    url = "http://www.pxnews.cn/a/jingji/1301.html"
    title = "萍乡经开区一季度工业产值同比增长一成"

    def pager(current: int) -> str:
        items = ["<li><a>共2页: </a></li>"]
        items.append("<li><a href='#'>上一页</a></li>" if current == 1 else "<li><a href='1301.html'>上一页</a></li>")
        for k, name in ((1, "1301.html"), (2, "1301_2.html")):
            items.append(f'<li class="thisclass"><a href=\'#\'>{k}</a></li>' if k == current else f"<li><a href='{name}'>{k}</a></li>")
        items.append("<li><a href='1301_2.html'>下一页</a></li>" if current == 1 else "<li><a href='#'>下一页</a></li>")
        return "".join(items)

    pages = []
    for number, body in (
        (1, "<p>一季度，萍乡经开区规模以上工业总产值同比增长10.2%。</p><p>其中电子信息产业增长最快。</p>"),
        (2, "<p>下一步，经开区将继续推进重点项目建设。</p><p>力争全年产值突破千亿元。</p>"),
    ):
        html = DEDE_HEAD.format(
            charset="utf-8", title=title, channel="经济", description="一季度，萍乡经开区规模以上工业总产值同比增长10.2%。",
            sub="", date="2023-04-12 16:05", source="萍乡日报", writer="佚名", aid=1301,
            shown="2048", body=body, pager=pager(number),
        ).replace("/a/shehui/'>社会", "/a/jingji/'>经济")
        pages.append((f"page{number}.html", html, UTF8_NO_CHARSET))
    write_case("dedecms", "v57sp2-utf8-multipage-saved", url, pages,
               "DedeCMS 5.7 SP2 UTF-8 (meta charset only), two pages {aid}.html + {aid}_2.html merged, pager "
               "li.thisclass, page saved from a browser so count.php left 2048 in the page (views 2048), "
               "作者 佚名 is a placeholder (author null), plain-text 来源",
               expected={
                   "url": url, "cms": "dedecms", "article_id": "1301", "title": title, "publisher": None,
                   "author": None, "source": "萍乡日报", "source_url": None,
                   "published_at": "2023-04-12T16:05:00+08:00", "published_at_raw": "2023-04-12 16:05",
                   "category": ["经济"], "summary": "一季度，萍乡经开区规模以上工业总产值同比增长10.2%。",
                   "paragraphs": ["一季度，萍乡经开区规模以上工业总产值同比增长10.2%。", "其中电子信息产业增长最快。",
                                  "下一步，经开区将继续推进重点项目建设。", "力争全年产值突破千亿元。"],
                   "images": [], "views": 2048, "comments": None, "pages": 2, "lang": "zh-Hans",
                   "encoding": "utf-8", "encoding_source": "meta",
               })

    # A city theme on DedeCMS: own markup, 发布时间 in 年月日 form, 记者 label, count script.
    url = "http://www.lxnews.gov.cn/news/lxyw/20220308/5678.html"
    html = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>芦溪县召开春耕生产现场推进会-芦溪新闻网</title>
<link href="/templets/lx2020/css/main.css" rel="stylesheet"></head>
<body>
<div class="top-nav"><a href="/">首页</a><a href="/news/lxyw/">芦溪要闻</a></div>
<div class="position">您现在的位置：<a href="/">首页</a> &gt; <a href="/news/">新闻中心</a> &gt; <a href="/news/lxyw/">芦溪要闻</a></div>
<div class="article">
<h1>芦溪县召开春耕生产现场推进会</h1>
<div class="info">发布时间：2022年3月8日 09:30 &nbsp;| 来源：芦溪县融媒体中心 &nbsp;| 记者：张三 &nbsp;| 浏览：<script src="/plus/count.php?view=yes&amp;aid=5678"></script></div>
<div class="article-content">
<p>3月7日，芦溪县在银河镇召开春耕生产现场推进会。</p>
<p>会议要求，各乡镇要抓住当前有利天气，加快春耕备耕进度。</p>
<div class="bdsharebuttonbox"><a href="#" class="bds_more" data-cmd="more">分享到：</a></div>
</div></div>
<div class="footer">Copyright 芦溪新闻网</div>
</body></html>"""
    write_case("dedecms", "city-theme-utf8", url, [("page.html", html, UTF8_NO_CHARSET)],
               "a county portal theme on DedeCMS: own class names (div.article, div.article-content), detected "
               "by templets path + count.php; 发布时间 in 年月日 form, 记者 as author, | separators, share bar "
               "dropped, no number for 浏览 (views null), title without the site suffix",
               expected={
                   "url": url, "cms": "dedecms", "article_id": "5678", "title": "芦溪县召开春耕生产现场推进会",
                   "author": "张三", "source": "芦溪县融媒体中心", "source_url": None,
                   "published_at": "2022-03-08T09:30:00+08:00", "published_at_raw": "2022年3月8日 09:30",
                   "category": ["新闻中心", "芦溪要闻"], "summary": None,
                   "paragraphs": ["3月7日，芦溪县在银河镇召开春耕生产现场推进会。", "会议要求，各乡镇要抓住当前有利天气，加快春耕备耕进度。"],
                   "images": [], "views": None, "comments": None, "pages": 1,
                   "encoding": "utf-8", "encoding_source": "meta",
               })

    # List pages.
    items = "".join(
        f"""<li><a href='/a/shehui/2023/01{d:02d}/{aid}.html' class='preview'><img src='/uploads/allimg/2301{d:02d}/{aid}-1.jpg'/></a>
<a href="/a/shehui/" class="lmname">社会</a><a href="/a/shehui/2023/01{d:02d}/{aid}.html" class="title">{t}</a>
<span class="info"><small>日期：</small>2023-01-{d:02d} 09:00:00<small>点击：</small>{100 + d}<small>好评：</small>0</span>
<p class="intro">{t}的详细报道。</p></li>"""
        for d, aid, t in ((5, 1234, "萍乡春节灯会开幕"), (4, 1233, "城区新增三处停车场"), (3, 1232, "萍乡北站春运首日客流平稳"))
    )
    pagelist = ("<li><a href='list_3_1.html'>首页</a></li><li><a href='list_3_1.html'>上一页</a></li>"
                "<li><a href='list_3_1.html'>1</a></li><li class=\"thisclass\">2</li><li><a href='list_3_3.html'>3</a></li>"
                "<li><a href='list_3_3.html'>下一页</a></li><li><a href='list_3_5.html'>末页</a></li>"
                "<span class=\"pageinfo\">共 <strong>5</strong>页<strong>48</strong>条</span>")
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" /><title>社会_萍乡新闻网</title>
<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css" /></head>
<body class="articlelist">
<div class="header"><div id="navMenu"><ul><li><a href='/'><span>主页</span></a></li><li><a href='/a/shehui/'><span>社会</span></a></li><li><a href='/a/jingji/'><span>经济</span></a></li></ul></div></div>
<div class="pleft"><div class="place"><strong>当前位置:</strong> <a href='http://www.pxnews.cn/'>主页</a> &gt; <a href='/a/shehui/'>社会</a> &gt; </div>
<div class="listbox"><ul class="e2">{items}</ul></div>
<div class="dede_pages"><ul class="pagelist">{pagelist}</ul></div></div>
<div class="pright"><div class="commend"><dl class="tbox"><dt><strong>推荐内容</strong></dt><dd><ul class="d4"><li><a href="/a/jingji/1301.html">萍乡经开区一季度工业产值同比增长一成</a></li></ul></dd></dl></div></div>
<div class="footer"><p class="powered">Powered by <a href="http://www.dedecms.com"><strong>DedeCMS</strong></a></p></div>
</body></html>"""
    write_case("dedecms", "list-v57-gbk", "http://www.pxnews.cn/a/shehui/list_3_2.html", [("page.html", html, GBK_HEADER)],
               "DedeCMS list_article.htm page 2 of 5 (list_3_2.html): div.listbox a.title entries with dates, "
               "pagelist li.thisclass current, 下一页 → list_3_3.html, 末页 not taken; sidebar 推荐内容 not an entry",
               listing={
                   "parser": "dedecms",
                   "entries": ["http://www.pxnews.cn/a/shehui/2023/0105/1234.html", "http://www.pxnews.cn/a/shehui/2023/0104/1233.html",
                               "http://www.pxnews.cn/a/shehui/2023/0103/1232.html"],
                   "first_entry": {"title": "萍乡春节灯会开幕", "published_at_raw": "2023-01-05 09:00:00",
                                   "thumbnail": "http://www.pxnews.cn/uploads/allimg/230105/1234-1.jpg"},
                   "absent": ["http://www.pxnews.cn/a/jingji/1301.html"],
                   "next_page": "http://www.pxnews.cn/a/shehui/list_3_3.html", "page_number": 2,
               })

    pagelist = ("<li><a href='/plus/list.php?tid=3&TotalResult=48&PageNo=1'>首页</a></li>"
                "<li><a href='/plus/list.php?tid=3&TotalResult=48&PageNo=4'>上一页</a></li>"
                "<li><a href='/plus/list.php?tid=3&TotalResult=48&PageNo=4'>4</a></li><li class=\"thisclass\">5</li>"
                "<span class=\"pageinfo\">共 <strong>5</strong>页<strong>48</strong>条</span>")
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>社会_萍乡新闻网</title>
<script src="/include/dedeajax2.js"></script></head><body>
<div class="listbox"><ul class="e2">
<li><a href="/plus/view.php?aid=1001" class="title">一年前的旧闻一</a><span class="info"><small>日期：</small>2022-01-05</span></li>
<li><a href="/plus/view.php?aid=1000" class="title">一年前的旧闻二</a><span class="info"><small>日期：</small>2022-01-04</span></li>
</ul></div>
<div class="dede_pages"><ul class="pagelist">{pagelist}</ul></div></body></html>"""
    write_case("dedecms", "list-dynamic-last-utf8", "http://www.pxnews.cn/plus/list.php?tid=3&TotalResult=48&PageNo=5",
               [("page.html", html, UTF8_HEADER)],
               "DedeCMS dynamic list (/plus/list.php?tid=&PageNo=) on its last page: no 下一页 → next_page null; "
               "/plus/view.php?aid= entries",
               listing={
                   "parser": "dedecms",
                   "entries": ["http://www.pxnews.cn/plus/view.php?aid=1001", "http://www.pxnews.cn/plus/view.php?aid=1000"],
                   "next_page": None, "page_number": 5,
               })


# --- PHPCMS v9 --------------------------------------------------------------------

PHPCMS_PAGE = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta http-equiv="X-UA-Compatible" content="IE=7" />
<title>{title} - {channel} - 九江新闻网</title>
<meta name="keywords" content="九江">
<meta name="description" content="{description}">
<link href="http://www.jjnews.cn/statics/css/reset.css" rel="stylesheet" type="text/css" />
<link href="http://www.jjnews.cn/statics/css/default_blue.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="http://www.jjnews.cn/statics/js/jquery.min.js"></script>
<script type="text/javascript" src="http://www.jjnews.cn/statics/js/jquery.sgallery.js"></script>
<script type="text/javascript" src="http://www.jjnews.cn/statics/js/search_common.js"></script>
</head>
<body>
<div class="body-top"><div class="content"><a href="http://www.jjnews.cn/index.php?m=member&c=index&a=login">登录</a></div></div>
<div class="header"><div class="nav-bar"><map><span class="nav-home"><a href="http://www.jjnews.cn">首页</a></span>
<a href="http://www.jjnews.cn/html/news/">新闻中心</a><a href="http://www.jjnews.cn/html/tiyu/">体育</a></map></div></div>
<div class="main">
<div class="col-left">
<div class="crumbs"><a href="http://www.jjnews.cn">首页</a><span> &gt; </span><a href="http://www.jjnews.cn/html/news/">新闻中心</a> > <a href="http://www.jjnews.cn/html/news/local/">本地新闻</a> >  正文</div>
<div id="Article">
<h1>{title}<br />
<span>{date}&nbsp;&nbsp;&nbsp;来源：{source}&nbsp;&nbsp;&nbsp;评论：<a href="#comment_iframe" id="comment">0</a> 点击：<span id="hits">{hits}</span></span></h1>
<div class="summary">{description}</div>
<div class="content">
{body}
</div>
<div id="pages" class="text-c">{pages}</div>
<p style="margin-bottom:10px"><strong>相关热词搜索：</strong><a href="http://www.jjnews.cn/index.php?m=content&c=tag&a=lists&tag=%E4%B9%9D%E6%B1%9F" class="blue">九江</a></p>
<p class="f14"><strong>上一篇：</strong><a href="http://www.jjnews.cn/html/2021/local_0611/3455.html">浔阳江头夜送客</a><br />
<strong>下一篇：</strong><a href="http://www.jjnews.cn/html/2021/local_0613/3457.html">庐山云雾茶开采</a></p>
</div>
<div class="box"><iframe src="http://www.jjnews.cn/index.php?m=comment&c=index&a=init&commentid=content_12-{id}-1&iframe=1" width="100%" height="100%" id="comment_iframe" frameborder="0" scrolling="no"></iframe></div>
</div>
</div>
<div class="footer"><p>Powered by <strong><a href="http://www.phpcms.cn" target="_blank">PHPCMS</a></strong> <em>v9</em> &copy; 2021</p></div>
<script language="JavaScript" src="http://www.jjnews.cn/api.php?op=count&id={id}&modelid=1"></script>
</body>
</html>
"""


def phpcms() -> None:
    url = "http://www.jjnews.cn/html/2021/local_0612/3456.html"
    title = "九江长江大桥完成年度检测"
    description = "6月11日，九江长江大桥完成年度技术状况检测，各项指标正常。"
    body = """<p>　　6月11日，九江长江大桥完成年度技术状况检测，各项指标正常。</p>
<p style="text-align: center;"><img alt="" src="http://www.jjnews.cn/uploadfile/2021/0612/20210612083015842.jpg" style="width: 600px; height: 400px;" /></p>
<p style="text-align: center;">检测人员在桥面作业</p>
<p>　　此次检测历时十天，检测人员对主桥钢梁、桥墩和支座逐一进行了检查。</p>"""
    html = PHPCMS_PAGE.format(
        charset="gbk", title=title, channel="本地新闻", description=description, date="2021-06-12 08:30:15",
        source="<a href='http://www.jjxw.cn/' target='_blank' style='color:#AAA'>九江日报</a>", hits="", body=body,
        pages="", id=3456,
    )
    write_case("phpcms", "v9-default-gbk", url, [("page.html", html, {"Content-Type": "text/html; charset=gbk", "X-Fixture-Codec": "gbk"})],
               "PHPCMS v9 stock show.html, GBK: title and the date/source span share the h1, 来源 link (copyfrom "
               "name|url), stock 评论 placeholder 0 (comments null), empty span#hits (views null), div.summary, "
               "centred caption, crumbs with 正文",
               expected={
                   "url": url, "cms": "phpcms", "article_id": "3456", "title": title, "publisher": None, "author": None,
                   "source": "九江日报", "source_url": "http://www.jjxw.cn/",
                   "published_at": "2021-06-12T08:30:15+08:00", "published_at_raw": "2021-06-12 08:30:15",
                   "category": ["新闻中心", "本地新闻"], "summary": description,
                   "paragraphs": ["6月11日，九江长江大桥完成年度技术状况检测，各项指标正常。",
                                  "此次检测历时十天，检测人员对主桥钢梁、桥墩和支座逐一进行了检查。"],
                   "images": [{"src": "http://www.jjnews.cn/uploadfile/2021/0612/20210612083015842.jpg",
                               "caption": "检测人员在桥面作业", "alt": None}],
                   "reactions": {}, "views": None, "comments": None, "pages": 1, "lang": "zh-Hans",
                   "encoding": "gb18030", "encoding_source": "header",
               })

    base = "http://www.jjnews.cn/index.php?m=content&c=index&a=show&catid=12&id=789"
    title = "鄱阳湖进入丰水期 候鸟保护区加强巡护"

    def pages_html(current: int) -> str:
        prev = f'<a class="a1" href="{base}&amp;page=1">上一页</a>'
        nums = "".join(f"<span>{k}</span>" if k == current else f'<a href="{base}&amp;page={k}">{k}</a>' for k in (1, 2))
        nxt = f'<a class="a1" href="{base}&amp;page={min(current + 1, 2)}">下一页</a>'
        return f"{prev} {nums} {nxt}"

    pages = []
    for number, body in (
        (1, "<p>入汛以来，鄱阳湖水位持续上涨。</p><p>保护区管理局增派巡护人员。</p>"),
        (2, "<p>巡护队每天两次巡湖。</p><p>发现非法捕捞行为将依法查处。</p>"),
    ):
        html = PHPCMS_PAGE.format(
            charset="utf-8", title=title, channel="本地新闻", description="入汛以来，鄱阳湖水位持续上涨。",
            date="2022-06-20 17:45:00", source="九江新闻网", hits="356", body=body, pages=pages_html(number), id=789,
        ).replace('id="comment">0<', 'id="comment">5<')
        pages.append((f"page{number}.html", html, UTF8_HEADER))
    write_case("phpcms", "v9-dynamic-utf8-multipage-saved", base, pages,
               "PHPCMS v9 dynamic URLs (index.php?m=content&c=index&a=show&catid=&id=), two pages (&page=2) "
               "merged, pager div#pages with <span> current, browser-saved page: span#hits 356 (views) and the "
               "comment iframe's count 5 (comments)",
               expected={
                   "url": base, "cms": "phpcms", "article_id": "789", "title": title, "author": None,
                   "source": "九江新闻网", "source_url": None,
                   "published_at": "2022-06-20T17:45:00+08:00", "published_at_raw": "2022-06-20 17:45:00",
                   "category": ["新闻中心", "本地新闻"], "summary": "入汛以来，鄱阳湖水位持续上涨。",
                   "paragraphs": ["入汛以来，鄱阳湖水位持续上涨。", "保护区管理局增派巡护人员。", "巡护队每天两次巡湖。",
                                  "发现非法捕捞行为将依法查处。"],
                   "images": [], "views": 356, "comments": 5, "pages": 2, "encoding": "utf-8", "encoding_source": "header",
               })

    url = "http://news.xyrb.cn/html/2023/shizheng_0301/2201.html"
    html = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>新余市政府召开第十次常务会议_时政_新余日报网</title>
<link href="/statics/css/xyrb/style.css" rel="stylesheet" type="text/css" /></head>
<body><div class="nav"><a href="/">首页</a><a href="/html/shizheng/">时政</a></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/html/shizheng/">时政</a> &gt; 正文</div>
<div class="article">
<h1>新余市政府召开第十次常务会议</h1>
<div class="info">时间：2023-03-01 18:20　作者：刘洋　来源：新余日报　点击：<span id="hits"></span></div>
<div class="content">
<p>2月28日，市长主持召开市政府第十次常务会议。</p>
<p>会议研究了优化营商环境等事项。</p>
<p>编辑：陈晨</p>
</div></div>
<script src="/api.php?op=count&id=2201&modelid=1"></script>
</body></html>"""
    write_case("phpcms", "city-theme-utf8", url, [("page.html", html, UTF8_HEADER)],
               "a city-paper theme on PHPCMS v9 (statics paths, api.php?op=count): div.article h1 (no span), info line "
               "with U+3000 separators and 作者, empty span#hits, trailing 编辑 line dropped, no summary block → "
               "no description meta → summary null",
               expected={
                   "url": url, "cms": "phpcms", "article_id": "2201", "title": "新余市政府召开第十次常务会议",
                   "author": "刘洋", "source": "新余日报", "published_at": "2023-03-01T18:20:00+08:00",
                   "published_at_raw": "2023-03-01 18:20", "category": ["时政"], "summary": None,
                   "paragraphs": ["2月28日，市长主持召开市政府第十次常务会议。", "会议研究了优化营商环境等事项。"],
                   "views": None, "comments": None, "pages": 1,
               })

    items = "".join(
        f'<li><span class="rt">2021-06-{d:02d} 08:30:15</span>·<a href="http://www.jjnews.cn/html/2021/local_06{d:02d}/{i}.html" target="_blank">{t}</a></li>'
        for d, i, t in ((12, 3456, "九江长江大桥完成年度检测"), (11, 3455, "浔阳江头夜送客"), (10, 3454, "九江港货物吞吐量创新高"))
    )
    html = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk" /><title>本地新闻 - 九江新闻网</title>
<link href="http://www.jjnews.cn/statics/css/default_blue.css" rel="stylesheet" type="text/css" /></head><body>
<div class="header"><div class="nav-bar"><a href="http://www.jjnews.cn">首页</a><a href="http://www.jjnews.cn/html/news/">新闻中心</a><a href="http://www.jjnews.cn/html/news/local/">本地新闻</a></div></div>
<div class="main"><div class="col-left">
<div class="crumbs"><a href="http://www.jjnews.cn">首页</a><span> &gt; </span><a href="http://www.jjnews.cn/html/news/">新闻中心</a> > <a href="http://www.jjnews.cn/html/news/local/">本地新闻</a> >  列表</div>
<ul class="list lh24 f14">{items}<li class="bk20 hr"></li></ul>
<div id="pages" class="text-c"><a class="a1">75条</a> <a class="a1" href="http://www.jjnews.cn/html/news/local/index.html">上一页</a> <a href="http://www.jjnews.cn/html/news/local/index.html">1</a> <span>2</span> <a href="http://www.jjnews.cn/html/news/local/3.html">3</a> <a class="a1" href="http://www.jjnews.cn/html/news/local/3.html">下一页</a></div>
</div><div class="col-auto"><div class="box"><h5 class="title-2">排行</h5><ul class="content digg"><li><a href="http://www.jjnews.cn/html/2020/local_0101/1000.html">去年的热门文章</a></li></ul></div></div></div>
<div class="footer">Powered by <strong><a href="http://www.phpcms.cn">PHPCMS</a></strong></div></body></html>"""
    write_case("phpcms", "list-v9-gbk", "http://www.jjnews.cn/html/news/local/2.html", [("page.html", html, GBK_NO_CHARSET)],
               "PHPCMS v9 static list page 2 ({catdir}/2.html), GBK declared only in meta: ul.list entries with "
               "span.rt dates, div#pages <span> current, 下一页 → 3.html; 排行 box not an entry",
               listing={
                   "parser": "phpcms",
                   "entries": ["http://www.jjnews.cn/html/2021/local_0612/3456.html", "http://www.jjnews.cn/html/2021/local_0611/3455.html",
                               "http://www.jjnews.cn/html/2021/local_0610/3454.html"],
                   "first_entry": {"title": "九江长江大桥完成年度检测", "published_at_raw": "2021-06-12 08:30:15"},
                   "absent": ["http://www.jjnews.cn/html/2020/local_0101/1000.html"],
                   "next_page": "http://www.jjnews.cn/html/news/local/3.html", "page_number": 2,
               })

    lists = "http://www.jjnews.cn/index.php?m=content&c=index&a=lists&catid=12"
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>本地新闻 - 九江新闻网</title>
<script src="/statics/js/jquery.min.js"></script></head><body>
<div class="col-left"><ul class="list lh24 f14">
<li><span class="rt">2019-01-02 10:00:00</span>·<a href="http://www.jjnews.cn/index.php?m=content&amp;c=index&amp;a=show&amp;catid=12&amp;id=12">最早的一篇</a></li>
</ul>
<div id="pages" class="text-c"><a class="a1">75条</a> <a class="a1" href="{lists}&amp;page=2">上一页</a> <a href="{lists}&amp;page=1">1</a> <a href="{lists}&amp;page=2">2</a> <span>3</span> <a class="a1" href="{lists}&amp;page=3">下一页</a></div>
</div></body></html>"""
    write_case("phpcms", "list-dynamic-last-utf8", f"{lists}&page=3", [("page.html", html, UTF8_HEADER)],
               "PHPCMS v9 dynamic list on its last page: 下一页 points at the page itself → next_page null",
               listing={
                   "parser": "phpcms",
                   "entries": ["http://www.jjnews.cn/index.php?a=show&c=index&catid=12&id=12&m=content"],
                   "next_page": None, "page_number": 3,
               })


# --- EmpireCMS --------------------------------------------------------------------

def empirecms() -> None:
    url = "http://www.cdnews.cn/news/local/2020-08-15/5678.html"
    title = "常德柳叶湖环湖马拉松开放报名"
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}_本地新闻_常德新闻网</title>
<meta name="keywords" content="马拉松" /><meta name="description" content="柳叶湖环湖马拉松今日开放报名。" />
<link href="/skin/default/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/e/data/js/ajax.js"></script>
</head><body>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="top"><tr><td><a href="/e/member/login/">会员登录</a> | <a href="/e/member/register/">注册</a></td></tr></table>
<table width="100%" border="0" cellpadding="0" cellspacing="0" class="nav"><tr><td class="nav_global"><ul>
<li><a href="/">首页</a></li><li><a href="/news/">新闻中心</a></li><li><a href="/news/local/">本地新闻</a></li></ul></td></tr></table>
<table width="100%" border="0" cellspacing="10" cellpadding="0"><tr valign="top"><td class="main">
<div class="position">现在的位置：<a href="/">首页</a>&nbsp;>&nbsp;<a href="/news/">新闻中心</a>&nbsp;>&nbsp;<a href="/news/local/">本地新闻</a></div>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="title_info">
<tr><td><h1>{title}</h1></td></tr>
<tr><td class="info">发布时间：2020-08-15 16:40:12 &nbsp;&nbsp; 作者：陈静 &nbsp;&nbsp; 来源：<a href="http://www.changdenews.com/" target="_blank">常德日报</a> &nbsp;&nbsp; 点击：<script src=/e/public/ViewClick/?classid=3&id=5678&addclick=1></script> 次</td></tr>
</table>
<div id="text">
<p>　　记者从柳叶湖旅游度假区获悉，2020柳叶湖环湖马拉松今日起开放报名。</p>
<p>　　本次赛事设全程、半程和健康跑三个项目，总规模一万人。</p>
<p style="text-align:center"><img src="/d/file/news/local/2020-08-15/8f3c2b1a.jpg" border="0" alt="" /></p>
<p style="text-align:center">图为去年赛事起跑现场</p>
</div>
<p align="center" class="pageLink"></p>
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="digg"><tr><td><a href="JavaScript:makeRequest('/e/public/digg/?classid=3&id=5678&dotop=1&doajax=1&ajaxarea=diggnum','EchoReturnedText','GET','');">顶一下</a></td></tr></table>
</td></tr></table>
<div class="footer">Powered by <a href="http://www.phome.net" target="_blank"><strong>EmpireCMS</strong></a></div>
</body></html>"""
    write_case("empirecms", "v7-default-gbk", url, [("page.html", html, {"Content-Type": "text/html", "X-Fixture-Codec": "gbk"})],
               "EmpireCMS 7.x default news template, GBK declared in meta only: table.title_info h1, info cell with "
               "发布时间/作者/来源 link, ViewClick addclick script without a number (views null), body #text, caption "
               "starting with 图为, empty p.pageLink, 现在的位置 breadcrumb",
               expected={
                   "url": url, "cms": "empirecms", "article_id": "5678", "title": title, "publisher": None,
                   "author": "陈静", "source": "常德日报", "source_url": "http://www.changdenews.com/",
                   "published_at": "2020-08-15T16:40:12+08:00", "published_at_raw": "2020-08-15 16:40:12",
                   "category": ["新闻中心", "本地新闻"], "summary": "柳叶湖环湖马拉松今日开放报名。",
                   "paragraphs": ["记者从柳叶湖旅游度假区获悉，2020柳叶湖环湖马拉松今日起开放报名。",
                                  "本次赛事设全程、半程和健康跑三个项目，总规模一万人。"],
                   "images": [{"src": "http://www.cdnews.cn/d/file/news/local/2020-08-15/8f3c2b1a.jpg",
                               "caption": "图为去年赛事起跑现场", "alt": None}],
                   "reactions": {}, "views": None, "comments": None, "pages": 1, "lang": "zh-Hans",
                   "encoding": "gb18030", "encoding_source": "meta",
               })

    url = "https://www.hhnews.cn/shehui/9012.html"
    title = "怀化高铁南站新增至广州方向车次"

    def page(number: int, body: str) -> str:
        pager = (
            '<a title="Total record">&nbsp;<b>2</b> </a>&nbsp;&nbsp;'
            + ("<b>1</b>&nbsp;<a href='/shehui/9012_2.html'>2</a>&nbsp;<a href='/shehui/9012_2.html'>下一页</a>"
               if number == 1 else "<a href='/shehui/9012.html'>上一页</a>&nbsp;<a href='/shehui/9012.html'>1</a>&nbsp;<b>2</b>")
        )
        return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 怀化新闻网</title>
<link rel="stylesheet" href="/skin/hh2019/css/main.css"></head><body>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/shehui/">社会</a></div>
<div class="news_title"><h1>{title}</h1></div>
<div class="news_info">日期：2021-12-30 07:50 &nbsp; 来源：怀化日报 &nbsp; 作者：杨帆 &nbsp; 点击：2345</div>
<div class="news_content">{body}</div>
<div class="pageLink">{pager}</div>
<script src="/e/public/onclick/?enews=donews&classid=5&id=9012"></script>
</body></html>"""

    write_case("empirecms", "v75-onclick-utf8-multipage", url,
               [("page1.html", page(1, "<p>12月30日起，怀化南站新增两对至广州南站的高铁列车。</p>"), UTF8_HEADER),
                ("page2.html", page(2, "<p>新增车次全程运行约四小时。</p><p>车票已在12306开售。</p>"), UTF8_HEADER)],
               "EmpireCMS 7.5 UTF-8 city theme (div.news_title/news_info/news_content), [!--onclick--] printed the "
               "click count into the page (views 2345), two pages {id}.html + {id}_2.html merged, pager with the "
               "'Total record' count and <b> current; detected from /e/public/ and /skin/ paths",
               expected={
                   "url": url, "cms": "empirecms", "article_id": "9012", "title": title, "author": "杨帆",
                   "source": "怀化日报", "source_url": None, "published_at": "2021-12-30T07:50:00+08:00",
                   "published_at_raw": "2021-12-30 07:50", "category": ["社会"],
                   "paragraphs": ["12月30日起，怀化南站新增两对至广州南站的高铁列车。", "新增车次全程运行约四小时。", "车票已在12306开售。"],
                   "images": [], "views": 2345, "comments": None, "pages": 2, "encoding": "utf-8", "encoding_source": "header",
               })

    url = "http://www.ydsb.cn/ym/xhy/60213.html"
    title = "益阳资江二桥主体完工"
    html = f"""<html lang="zh-CN"><head><meta charset="UTF-8">
<title>{title}--益阳都市报</title>
<meta name="description" content="益阳资江二桥主体工程近日完工。">
<link rel="stylesheet" href="http://www.ydsb.cn/skin/ecms/css/style.css">
<script type="text/javascript" src="http://www.ydsb.cn/e/data/js/ajax.js"></script>
<link rel="canonical" href="http://www.ydsb.cn/ym/xhy/60213.html">
</head>
<body class="single single-post postid-1 single-format-standard">
<div id="page" class="hfeed site"><header id="masthead" class="site-header"><nav id="site-nav" class="main-nav"><ul class="down-menu nav-menu">
<li><a href="/">首页</a></li><li><a href="http://www.ydsb.cn/ym/">要闻</a></li></ul></nav></header>
<nav class="breadcrumb"><a href="http://www.ydsb.cn/">首页</a>&nbsp;&gt;&nbsp;<a href="http://www.ydsb.cn/ym/">要闻</a>&nbsp;&gt;&nbsp;<a href="http://www.ydsb.cn/ym/xhy/">头条</a> &gt; 正文 </nav>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main" role="main">
<article id="post-60213" class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-h1">{title}</h1></header>
<div class="entry-content"><div class="single-content">
<div class="ad-pc ad-site"><a href="#" target="_blank"><img src="/skin/ecms/img/850x118-1.jpg" alt="广告"></a></div>
<p>益阳资江二桥主体工程近日完工，预计年底通车。</p><p>大桥全长2.4公里，双向六车道。(文/图 周明)</p>
</div>
<div class="clear"><p align="center" class="pageLink"></p></div>
<div id="social"><span class="like"><a href="JavaScript:makeRequest('http://www.ydsb.cn/e/public/digg/?classid=38&amp;id=60213&amp;dotop=1&amp;doajax=1&amp;ajaxarea=diggnum','EchoReturnedText','GET','');" class="favorite">赞 <i class="count" id="diggnum"><script src="http://www.ydsb.cn/e/public/ViewClick/?classid=38&amp;id=60213&amp;down=5"></script>7</i></a></span></div>
<footer class="single-footer"><ul class="single-meta"><li class="comment"><a href="http://www.ydsb.cn/ym/xhy/60213.html#comments">查看评论</a></li>
<li class="views"> 阅读 <script src="http://www.ydsb.cn/e/public/ViewClick/?classid=38&amp;id=60213&amp;addclick=1"></script>816</li></ul>
<div class="single-cat-tag"><div class="single-cat">发布日期：2022-11-02 10:12:45&nbsp;&nbsp;所属分类：<a href="http://www.ydsb.cn/ym/xhy/">头条</a></div></div></footer>
</div></article>
<div class="authorbio"><ul class="spostinfo"><li><strong>版权声明</strong> 来源：益阳都市报 时间：2022-11-02 10:12:45 作者：</li>
<li><strong>转载请注明：</strong><a href="http://www.ydsb.cn/ym/xhy/60213.html" rel="bookmark">{title} | 益阳都市报</a></li></ul></div>
</main></div></div></div></body></html>"""
    write_case("empirecms", "wp-port-theme-utf8-saved", url, [("page.html", html, UTF8_NO_CHARSET)],
               "EmpireCMS with a theme ported from WordPress (body.single-post, article.type-post.status-publish): "
               "detected as empirecms, not wordpress; browser-saved page: the addclick ViewClick left 816 (views), "
               "the down=5 ViewClick is a digg count (not views); 发布日期 in .single-cat; 来源 in the copyright "
               "box; empty 作者 (author null); ad block dropped",
               expected={
                   "url": url, "cms": "empirecms", "article_id": "60213", "title": title, "author": None,
                   "source": "益阳都市报", "published_at": "2022-11-02T10:12:45+08:00",
                   "published_at_raw": "2022-11-02 10:12:45", "category": ["要闻", "头条"],
                   "summary": "益阳资江二桥主体工程近日完工。",
                   "paragraphs": ["益阳资江二桥主体工程近日完工，预计年底通车。", "大桥全长2.4公里，双向六车道。(文/图 周明)"],
                   "images": [], "views": 816, "comments": None, "pages": 1, "encoding": "utf-8", "encoding_source": "meta",
               })

    items = "".join(
        f'<li><span>2020-08-{d:02d}</span><a href="/news/local/2020-08-{d:02d}/{i}.html" target="_blank">{t}</a></li>'
        for d, i, t in ((15, 5678, "常德柳叶湖环湖马拉松开放报名"), (14, 5677, "常德城区新增公交线路"), (13, 5676, "桃花源景区推出夜游项目"))
    )
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312" /><title>本地新闻_常德新闻网</title>
<link href="/skin/default/css/style.css" rel="stylesheet" type="text/css" /></head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">新闻中心</a></li><li><a href="/news/local/">本地新闻</a></li></ul></div>
<div class="position">现在的位置：<a href="/">首页</a>&nbsp;>&nbsp;<a href="/news/">新闻中心</a>&nbsp;>&nbsp;本地新闻</div>
<div class="news_list"><ul>{items}</ul></div>
<div class="epages"><a title="Total record">&nbsp;<b>48</b> </a>&nbsp;&nbsp;<a href="/news/local/index.html">首页</a>&nbsp;<a href="/news/local/index.html">上一页</a>&nbsp;<a href="/news/local/index.html">1</a>&nbsp;<b>2</b>&nbsp;<a href="/news/local/index_3.html">3</a>&nbsp;<a href="/news/local/index_3.html">下一页</a>&nbsp;<a href="/news/local/index_4.html">尾页</a></div>
<div class="side"><h3>热门排行</h3><ul><li><a href="/news/local/2019-01-01/100.html">去年的热门文章一则</a></li></ul></div>
<div class="footer"><a href="/e/member/login/">登录</a></div></body></html>"""
    write_case("empirecms", "list-index-gbk", "http://www.cdnews.cn/news/local/index_2.html", [("page.html", html, GBK_HEADER)],
               "EmpireCMS list page 2 (index_2.html): div.news_list entries with dates, epages pager with the Total "
               "record count in a link, <b>2</b> current, 下一页 → index_3.html, 尾页 not taken; sidebar not an entry",
               listing={
                   "parser": "empirecms",
                   "entries": ["http://www.cdnews.cn/news/local/2020-08-15/5678.html", "http://www.cdnews.cn/news/local/2020-08-14/5677.html",
                               "http://www.cdnews.cn/news/local/2020-08-13/5676.html"],
                   "first_entry": {"title": "常德柳叶湖环湖马拉松开放报名", "published_at_raw": "2020-08-15"},
                   "absent": ["http://www.cdnews.cn/news/local/2019-01-01/100.html"],
                   "next_page": "http://www.cdnews.cn/news/local/index_3.html", "page_number": 2,
               })


# --- WordPress --------------------------------------------------------------------

def wordpress() -> None:
    url = "https://www.pxlife.net/2022/04/06/spring-tea/"
    title = "武功山春茶开采 茶农忙采摘"
    html = f"""<!DOCTYPE html>
<html lang="zh-CN" class="no-js no-svg"><head>
<meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} &#8211; 萍乡生活网</title>
<link rel='stylesheet' id='twentyseventeen-style-css' href='https://www.pxlife.net/wp-content/themes/twentyseventeen/style.css?ver=20221101' media='all' />
<link rel="https://api.w.org/" href="https://www.pxlife.net/wp-json/" />
<meta name="generator" content="WordPress 5.9.3" />
<link rel="canonical" href="https://www.pxlife.net/2022/04/06/spring-tea/" />
<link rel='shortlink' href='https://www.pxlife.net/?p=321' />
</head>
<body class="post-template-default single single-post postid-321 single-format-standard has-sidebar colors-light">
<div id="page" class="site"><header id="masthead" class="site-header" role="banner"><div class="site-branding"><p class="site-title"><a href="https://www.pxlife.net/" rel="home">萍乡生活网</a></p></div>
<nav id="site-navigation" class="main-navigation"><ul id="top-menu" class="menu"><li><a href="https://www.pxlife.net/category/local/">本地</a></li></ul></nav></header>
<div class="site-content-contain"><div id="content" class="site-content"><div class="wrap"><div id="primary" class="content-area"><main id="main" class="site-main" role="main">
<article id="post-321" class="post-321 post type-post status-publish format-standard hentry category-local">
<header class="entry-header">
<div class="entry-meta"><span class="posted-on"><span class="screen-reader-text">发布于</span> <a href="https://www.pxlife.net/2022/04/06/spring-tea/" rel="bookmark"><time class="entry-date published" datetime="2022-04-06T09:15:00+08:00">2022年4月6日</time><time class="updated" datetime="2022-04-07T10:00:00+08:00">2022年4月7日</time></a></span><span class="byline"> 作者 <span class="author vcard"><a class="url fn n" href="https://www.pxlife.net/author/zhou/">周记者</a></span></span></div>
<h1 class="entry-title">{title}</h1></header>
<div class="entry-content">
<p>清明前后，武功山海拔八百米以上的茶园陆续开采。</p>
<figure class="wp-block-image size-large"><img loading="lazy" width="1024" height="683" src="https://www.pxlife.net/wp-content/uploads/2022/04/tea-1024x683.jpg" alt="采茶" class="wp-image-322" srcset="https://www.pxlife.net/wp-content/uploads/2022/04/tea-1024x683.jpg 1024w, https://www.pxlife.net/wp-content/uploads/2022/04/tea-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" /><figcaption>茶农在武功山茶园采摘春茶</figcaption></figure>
<h2>今年产量预计增加</h2>
<p>据介绍，今年春茶产量预计比去年增加两成。</p>
<div class="sharedaddy sd-sharing-enabled"><div class="robots-nocontent sd-block sd-social"><h3 class="sd-title">分享此文：</h3><ul><li><a href="#">微博</a></li></ul></div></div>
</div>
<footer class="entry-footer"><span class="cat-tags-links"><span class="cat-links"><span class="screen-reader-text">分类</span><a href="https://www.pxlife.net/category/local/" rel="category tag">本地</a></span></span></footer>
</article>
<nav class="navigation post-navigation" role="navigation"><div class="nav-links"><div class="nav-previous"><a href="https://www.pxlife.net/2022/04/05/qingming/" rel="prev">上一篇文章 清明祭扫</a></div></div></nav>
</main></div><aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">近期文章</h2><ul><li><a href="https://www.pxlife.net/2022/04/05/qingming/">清明祭扫</a></li></ul></section></aside></div></div></div></div>
</body></html>"""
    write_case("wordpress", "twentyseventeen-zh", url, [("page.html", html, UTF8_HEADER)],
               "WordPress 5.9 classic theme (Twenty Seventeen, zh_CN): time.entry-date.published datetime with offset "
               "(raw = the shown 2022年4月6日, not the updated time), author vcard, cat-links category, "
               "figure/figcaption caption, sized image src kept (no link to the original), h2 subheading, "
               "sharedaddy share bar dropped, post id from body class postid-321",
               expected={
                   "url": url, "cms": "wordpress", "article_id": "321", "title": title, "publisher": None,
                   "author": "周记者", "source": None, "source_url": None,
                   "published_at": "2022-04-06T09:15:00+08:00", "published_at_raw": "2022年4月6日",
                   "category": ["本地"], "summary": None,
                   "paragraphs": ["清明前后，武功山海拔八百米以上的茶园陆续开采。", "今年产量预计增加", "据介绍，今年春茶产量预计比去年增加两成。"],
                   "images": [{"src": "https://www.pxlife.net/wp-content/uploads/2022/04/tea-1024x683.jpg",
                               "caption": "茶农在武功山茶园采摘春茶", "alt": "采茶"}],
                   "reactions": {}, "views": None, "comments": None, "pages": 1, "lang": "zh-Hans",
                   "encoding": "utf-8", "encoding_source": "header",
               })

    url = "https://blog.jjcity.cn/2024/02/01/city-lights/"
    title = "九江城市灯光秀春节上演"

    def page(number: int, body: str) -> str:
        links = "".join(
            f'<span class="post-page-numbers current" aria-current="page">{k}</span>' if k == number
            else f'<a href="{url if k == 1 else url + "2/"}" class="post-page-numbers">{k}</a>'
            for k in (1, 2)
        )
        return f"""<!DOCTYPE html><html lang="zh-Hans"><head><meta charset="UTF-8">
<title>{title} – 九江城市生活</title>
<link rel="https://api.w.org/" href="https://blog.jjcity.cn/wp-json/" />
<link rel='stylesheet' id='wp-block-library-css' href='https://blog.jjcity.cn/wp-includes/css/dist/block-library/style.min.css' />
</head>
<body class="post-template-default single single-post postid-88 single-format-standard wp-embed-responsive">
<div class="wp-site-blocks"><header class="wp-block-template-part"><nav class="wp-block-navigation"><a href="https://blog.jjcity.cn/category/city/">城市</a></nav></header>
<main class="wp-block-group"><div class="wp-block-group">
<h1 class="wp-block-post-title">{title}</h1>
<div class="wp-block-template-part"><div class="wp-block-group">
<div class="wp-block-post-date"><time datetime="2024-02-01T12:05:11+00:00">2024年2月1日</time></div>
<div class="wp-block-post-author-name">李四</div>
<div class="taxonomy-category wp-block-post-terms"><a href="https://blog.jjcity.cn/category/city/" rel="tag">城市</a></div>
</div></div></div>
<div class="entry-content wp-block-post-content is-layout-constrained">{body}
<div class="page-links">页面： {links}</div></div>
</main></div></body></html>"""

    write_case("wordpress", "block-theme-multipage", url,
               [("page1.html", page(1, "<p>春节期间，九江滨江灯光秀每晚上演。</p>"), UTF8_HEADER),
                ("page2.html", page(2, "<p>灯光秀每场二十分钟。</p><p>市民可在琵琶亭观看。</p>"), UTF8_HEADER)],
               "WordPress block theme (Twenty Twenty-Four), no generator meta (wp-includes + api.w.org): "
               "wp-block-post-title/date/author-name, a UTC datetime converted to site time (+08:00), taxonomy "
               "category, <!--nextpage--> pages /slug/ and /slug/2/ merged via div.page-links",
               expected={
                   "url": url, "cms": "wordpress", "article_id": "88", "title": title, "author": "李四",
                   "published_at": "2024-02-01T20:05:11+08:00", "published_at_raw": "2024年2月1日",
                   "category": ["城市"],
                   "paragraphs": ["春节期间，九江滨江灯光秀每晚上演。", "灯光秀每场二十分钟。", "市民可在琵琶亭观看。"],
                   "images": [], "views": None, "pages": 2, "encoding": "utf-8", "encoding_source": "header",
               })

    url = "https://www.jxcity.com.cn/archives/1024"
    html = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>赣江新区新开一条公交专线 - 江西城市网</title>
<meta name="description" content="赣江新区开通至南昌西站的公交专线。">
<link rel='stylesheet' href='https://www.jxcity.com.cn/wp-content/themes/begin/style.css' type='text/css' media='all' />
<script type='text/javascript' src='https://www.jxcity.com.cn/wp-includes/js/jquery/jquery.min.js'></script></head>
<body class="post-template-default single single-post postid-1024">
<div class="breadcrumb"><a href="https://www.jxcity.com.cn/">首页</a> &gt; <a href="https://www.jxcity.com.cn/category/jiaotong/">交通</a> &gt; 正文</div>
<article id="post-1024" class="post-1024 post type-post status-publish">
<h1 class="entry-title">赣江新区新开一条公交专线</h1>
<div class="entry-meta"><span class="date">2023-09-18 07:30</span> <span class="source">来源：江西日报</span> <span class="views">阅读：<span class="post-views-count">1,234</span></span></div>
<div class="entry-content single-content"><p>9月18日起，赣江新区开通至南昌西站的公交专线。</p><p>专线全程约25公里。</p>
<div class="post-tags">标签：<a href="https://www.jxcity.com.cn/tag/bus/" rel="tag">公交</a></div></div>
</article></body></html>"""
    write_case("wordpress", "begin-theme-views", url, [("page.html", html, UTF8_HEADER)],
               "a Chinese WordPress theme: no generator, no <time>, date as text in the entry-meta, 来源 label, a "
               "post-views plugin count 1,234 (views 1234), breadcrumb with 正文, tags dropped from the body, "
               "/archives/N permalink",
               expected={
                   "url": url, "cms": "wordpress", "article_id": "1024", "title": "赣江新区新开一条公交专线",
                   "author": None, "source": "江西日报", "published_at": "2023-09-18T07:30:00+08:00",
                   "published_at_raw": "2023-09-18 07:30", "category": ["交通"], "summary": "赣江新区开通至南昌西站的公交专线。",
                   "paragraphs": ["9月18日起，赣江新区开通至南昌西站的公交专线。", "专线全程约25公里。"],
                   "views": 1234, "comments": None, "pages": 1,
               })

    posts = "".join(
        f"""<article id="post-{i}" class="post-{i} post type-post status-publish format-standard hentry category-local">
<header class="entry-header"><div class="entry-meta"><time class="entry-date published" datetime="2022-04-0{d}T09:00:00+08:00">2022年4月{d}日</time></div>
<h2 class="entry-title"><a href="https://www.pxlife.net/2022/04/0{d}/{slug}/" rel="bookmark">{t}</a></h2></header>
<div class="entry-content"><p>{t}。</p></div></article>"""
        for i, d, slug, t in ((321, 6, "spring-tea", "武功山春茶开采"), (320, 5, "qingming", "清明祭扫"), (319, 4, "bus-line", "新公交线路开通"))
    )
    html = f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>本地 &#8211; 第2页 &#8211; 萍乡生活网</title>
<meta name="generator" content="WordPress 5.9.3" /></head>
<body class="archive paged category category-local paged-2 category-paged-2">
<header id="masthead"><nav id="site-navigation" class="main-navigation"><ul class="menu"><li><a href="https://www.pxlife.net/category/local/">本地</a></li><li><a href="https://www.pxlife.net/category/food/">美食</a></li></ul></nav></header>
<main id="main" class="site-main">{posts}
<nav class="navigation pagination" role="navigation"><h2 class="screen-reader-text">文章导航</h2><div class="nav-links">
<a class="prev page-numbers" href="https://www.pxlife.net/category/local/"><span class="screen-reader-text">上一页</span></a>
<a class="page-numbers" href="https://www.pxlife.net/category/local/">1</a>
<span aria-current="page" class="page-numbers current">2</span>
<a class="page-numbers" href="https://www.pxlife.net/category/local/page/3/">3</a>
<a class="next page-numbers" href="https://www.pxlife.net/category/local/page/3/"><span class="screen-reader-text">下一页</span></a></div></nav>
</main>
<aside id="secondary"><section class="widget"><ul><li><a href="https://www.pxlife.net/2021/12/31/year-end/">年终回顾文章</a></li></ul></section></aside>
</body></html>"""
    write_case("wordpress", "list-category-paged", "https://www.pxlife.net/category/local/page/2/", [("page.html", html, UTF8_HEADER)],
               "WordPress category archive page 2: h2.entry-title links, the_posts_pagination with span.current "
               "and a.next.page-numbers → /page/3/, nav menu categories as channels, sidebar widget not an entry",
               listing={
                   "parser": "wordpress",
                   "entries": ["https://www.pxlife.net/2022/04/06/spring-tea/", "https://www.pxlife.net/2022/04/05/qingming/",
                               "https://www.pxlife.net/2022/04/04/bus-line/"],
                   "first_entry": {"title": "武功山春茶开采", "published_at_raw": "2022年4月6日"},
                   "absent": ["https://www.pxlife.net/2021/12/31/year-end/"],
                   "next_page": "https://www.pxlife.net/category/local/page/3/", "page_number": 2,
                   "channels": ["https://www.pxlife.net/category/local/", "https://www.pxlife.net/category/food/"],
               })

    html = """<!DOCTYPE html><html><head><meta charset="UTF-8"><title>九江城市生活</title>
<link rel='stylesheet' href='https://blog.jjcity.cn/wp-content/themes/twentyfifteen/style.css' /></head>
<body class="home blog">
<main id="main" class="site-main">
<article id="post-88" class="post-88 post type-post status-publish hentry"><header class="entry-header"><h2 class="entry-title"><a href="https://blog.jjcity.cn/2024/02/01/city-lights/" rel="bookmark">九江城市灯光秀春节上演</a></h2></header></article>
<article id="post-87" class="post-87 post type-post status-publish hentry"><header class="entry-header"><h2 class="entry-title"><a href="https://blog.jjcity.cn/2024/01/28/snow/" rel="bookmark">庐山迎来今冬第一场雪</a></h2></header></article>
<nav class="navigation posts-navigation"><div class="nav-links"><div class="nav-previous"><a href="https://blog.jjcity.cn/page/2/">较早文章</a></div></div></nav>
</main></body></html>"""
    write_case("wordpress", "list-home-older-posts", "https://blog.jjcity.cn/", [("page.html", html, UTF8_HEADER)],
               "WordPress home (body.home.blog), posts navigation with only div.nav-previous 较早文章 (older posts "
               "= the next page) → /page/2/",
               listing={
                   "parser": "wordpress",
                   "entries": ["https://blog.jjcity.cn/2024/02/01/city-lights/", "https://blog.jjcity.cn/2024/01/28/snow/"],
                   "next_page": "https://blog.jjcity.cn/page/2/", "page_number": 1,
               })


# --- generic listings -------------------------------------------------------------

GENERIC_HEAD = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}" /><title>{title}</title></head><body>
<div class="header"><div class="logo"><a href="/">城市新闻网</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/shms/">社会民生</a></li><li><a href="/xwzx/2023/0101/t20230101_1.html">置顶的一篇头条新闻稿</a></li></ul></div>
<div class="main"><div class="left">
"""
GENERIC_TAIL = """</div>
<div class="right"><h3>热点排行</h3><ul><li><a href="/xwzx/2022/1201/t20221201_77.html">去年十二月的热点文章</a></li></ul></div></div>
<div class="footer"><a href="/about/">关于我们</a> <a href="/xwzx/2020/0101/t20200101_9.html">页脚里的一篇稿件链接</a> 版权所有</div></body></html>"""


def generic_lists() -> None:
    entries = [(f"/xwzx/2023/03{d:02d}/t202303{d:02d}_{400 + d}.html", f"第{d}号市政新闻：城市建设稳步推进", f"2023-03-{d:02d}") for d in (9, 8, 7, 6)]
    items = "".join(f'<li><a href="{u}" target="_blank">{t}</a><span class="date">{dt}</span></li>' for u, t, dt in entries)
    html = GENERIC_HEAD.format(charset="gbk", title="新闻中心_城市新闻网") + f"""<ul class="list">{items}</ul>
<div class="pages"><a href="/xwzx/index.html">首页</a> <a href="/xwzx/index.html">上一页</a> <a href="/xwzx/index.html">1</a> <font color="red">2</font> <a href="/xwzx/index_2.html">3</a> <a href="/xwzx/index_2.html">下一页</a> <a href="/xwzx/index_9.html">尾页</a></div>
""" + GENERIC_TAIL
    site = "http://www.citynews.gov.cn"
    write_case("generic-list", "trs-xiayiye-gbk", f"{site}/xwzx/index_1.html", [("page.html", html, GBK_HEADER)],
               "a government-style list (TRS t20230309_409.html URLs), GBK: main list first and in order, the nav "
               "link, the sidebar and the footer link are not entries, 下一页 wins over 尾页, <font> current page",
               listing={
                   "parser": "generic",
                   "entries": [site + u for u, _, _ in entries],
                   "first_entry": {"title": entries[0][1], "published_at_raw": "2023-03-09",
                                   "published_at": "2023-03-09T00:00:00+08:00"},
                   "absent": [f"{site}/xwzx/2023/0101/t20230101_1.html", f"{site}/xwzx/2022/1201/t20221201_77.html",
                              f"{site}/xwzx/2020/0101/t20200101_9.html"],
                   "next_page": f"{site}/xwzx/index_2.html", "page_number": 2,
                   "channels": [f"{site}/xwzx/", f"{site}/shms/"],
               })

    items = "".join(
        f'<div class="item"><h3><a href="/news/{i}.html">{t}</a></h3><p>{t}，详细内容请点击阅读全文。</p><div class="meta">2024-05-{d:02d} 10:{d:02d}</div></div>'
        for i, d, t in ((9031, 20, "城区老旧小区改造全面启动"), (9030, 19, "市图书馆新馆开放试运行"), (9029, 18, "夜间经济街区人气火爆"))
    )
    html = GENERIC_HEAD.format(charset="utf-8", title="城市 | 城市新闻网") + f"""<div class="news-items">{items}</div>
<div class="pagination"><a href="/news/list-1.html">1</a><a href="/news/list-2.html">2</a><span class="current">3</span><a href="/news/list-4.html">4</a><a href="/news/list-5.html">5</a></div>
""" + GENERIC_TAIL
    write_case("generic-list", "numeric-pager-utf8", "https://www.citynews.cn/news/list-3.html", [("page.html", html, UTF8_HEADER)],
               "a list with a numeric pager only (no 下一页): span.current 3 → the link labelled 4; entries in "
               "div items with h3 links, summaries and minute dates",
               listing={
                   "parser": "generic",
                   "entries": ["https://www.citynews.cn/news/9031.html", "https://www.citynews.cn/news/9030.html",
                               "https://www.citynews.cn/news/9029.html"],
                   "first_entry": {"title": "城区老旧小区改造全面启动", "published_at_raw": "2024-05-20 10:20",
                                   "summary": "城区老旧小区改造全面启动，详细内容请点击阅读全文。"},
                   "next_page": "https://www.citynews.cn/news/list-4.html", "page_number": 3,
               })

    items = "".join(
        f'<tr><td><a href="/show.asp?id={i}">{t}</a></td><td>[{d}]</td></tr>'
        for i, d, t in ((771, "2019-7-3", "县城供水管网改造完工通水"), (770, "2019-7-2", "防汛应急演练在河堤举行"))
    )
    html = GENERIC_HEAD.format(charset="utf-8", title="县城新闻") + f"""<table class="newslist">{items}</table>
<div class="page"><a href="/list.asp?page=1">&lt;&lt;</a> <a href="/list.asp?page=1">&lt;</a> <b>2</b> <a href="/list.asp?page=3">&gt;</a> <a href="/list.asp?page=12">&gt;&gt;</a></div>
""" + GENERIC_TAIL
    write_case("generic-list", "gt-symbols-query-page", "http://www.xian-news.cn/list.asp?page=2", [("page.html", html, UTF8_HEADER)],
               "an ASP portal: ?id= article links in a table, pager of < > symbols and ?page=N: '>' is the next "
               "page, '>>' the last (never taken); bracketed dates",
               listing={
                   "parser": "generic",
                   "entries": ["http://www.xian-news.cn/show.asp?id=771", "http://www.xian-news.cn/show.asp?id=770"],
                   "first_entry": {"title": "县城供水管网改造完工通水", "published_at_raw": "2019-7-3"},
                   "next_page": "http://www.xian-news.cn/list.asp?page=3", "page_number": 2,
               })

    html = GENERIC_HEAD.format(charset="utf-8", title="社会民生") + """<ul class="list"><li><a href="/shms/2023/0915/8848.html">社区食堂开进老街</a></li></ul>
<div class="page">共1页 <a href="/shms/">首页</a> 上一页 下一页 <a href="/shms/">尾页</a></div>
""" + GENERIC_TAIL
    write_case("generic-list", "last-page-no-link", "http://www.citynews.gov.cn/shms/", [("page.html", html, UTF8_HEADER)],
               "a one-page list: 下一页 is plain text (no link) and 尾页 points at the page itself → next_page null",
               listing={
                   "parser": "generic",
                   "entries": ["http://www.citynews.gov.cn/shms/2023/0915/8848.html"],
                   "next_page": None, "page_number": 1,
               })


if __name__ == "__main__":
    dedecms()
    phpcms()
    empirecms()
    wordpress()
    generic_lists()
