"""Small Discuz! X3.4 pages built in code for unit tests (full fixtures live in fixtures/)."""

from __future__ import annotations

STOCK_HEAD = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{title} - 凤凰街 - 萍乡城事网 - Powered by Discuz!</title>
<meta name="generator" content="Discuz! X3.4" /><base href="http://www.pxcs.cn/" /></head>
<body id="nv_portal" class="pg_view">
<div id="pt" class="bm cl"><div class="z"><a href="./" class="nvhm" title="首页">萍乡城事网</a> <em>&rsaquo;</em>
<a href="portal.php">门户</a> <em>&rsaquo;</em> <a href="portal.php?mod=list&amp;catid=1">城事资讯</a> <em>&rsaquo;</em> 查看内容</div></div>
<div id="ct" class="ct2 wp cl"><div class="mn"><div class="bm vw">
<div class="h hm"><h1 class="ph">{title}</h1>
<p class="xg1">2022-10-25 15:22<span class="pipe">|</span>发布者: <a href="home.php?mod=space&amp;uid=1">admin</a><span class="pipe">|</span>查看: <em id="_viewnum">12</em><span class="pipe">|</span>评论: 0</p></div>
<div class="d"><table cellpadding="0" cellspacing="0" class="vwtb"><tr><td id="article_content">
"""
STOCK_TAIL = """</td></tr></table>{pager}
<div id="click_div"><table class="atd"><tr>
<td><a href="#" id="click_aid_{aid}_1"><img src="static/image/click/luguo.gif" alt="" /><br />路过</a></td>
</tr></table></div></div></div></div></div></body></html>"""


def stock_page(body: str, *, title: str = "凤凰街新闻", aid: int = 67, pager: str = "", charset: str = "gbk") -> bytes:
    """A stock X3.4 article page around `body`, encoded in `charset`."""
    html = STOCK_HEAD.format(charset=charset, title=title) + body + STOCK_TAIL.format(aid=aid, pager=pager)
    return html.encode("gb18030" if charset == "gbk" else charset)


def pager(aid: int, current: int, total: int) -> str:
    """The article pager `div.pg` as X3.4 renders it for page `current` of `total`."""
    links = "".join(
        f"<strong>{k}</strong>" if k == current else f'<a href="portal.php?mod=view&aid={aid}&amp;page={k}">{k}</a>'
        for k in range(1, total + 1)
    )
    return f'<div class="ptw pbw cl"><div class="pg">{links}<label><span title="共 {total} 页"> / {total} 页</span></label></div></div>'
