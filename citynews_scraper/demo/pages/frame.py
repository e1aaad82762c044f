"""The page frame every portal page shares: head, nav, footer, breadcrumb, pager, sidebar, DIY block.

`Ctx` carries the config, the site URL (``<base href>``) and the list index.  Runtime-built
URLs keep a raw ``&``; template URLs use ``&amp;`` (as the Discuz! template compiler does).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from html import escape

from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.content import (
    ArticleData,
    absolute_date,
    relative_date,
    translator,
)
from citynews_scraper.demo.labels import label
from citynews_scraper.demo.site import (
    PortalIndex,
    ancestors,
    children,
    portal_now,
    siblings,
)
from citynews_scraper.demo.urls import caturl

CHARSET_LABEL = {"gbk": "gbk", "utf-8": "utf-8", "big5": "big5"}
PYTHON_CODEC = {"gbk": "gbk", "utf-8": "utf-8", "big5": "big5"}
MAX_COMMENTS_SHOWN = 20  # the view page shows the newest 20 (portal_view.php)
RELATED_SPAN = 3  # 相关阅读 links the ids within this distance (deleted ones included)
# Links a polite crawler must not follow: off-site, users, forum, misc, login.
OFFSITE_LINKS = (("大江网", "http://www.jxnews.com.cn/"), ("Discuz! 官方", "http://www.discuz.net/"),
                 ("Comsenz", "http://www.comsenz.com/"))


@dataclass(frozen=True)
class Ctx:
    """What every page needs: the config, the site URL (``<base href>``) and the list index."""

    config: DemoConfig
    base: str
    index: PortalIndex

    @property
    def tc(self) -> bool:
        return self.config.traditional

    def t(self, key: str) -> str:
        return label(key, self.tc)

    def tr(self, text: str) -> str:
        return translator(self.config)(text)

    @property
    def bbname(self) -> str:
        return self.tr(self.config.site_name)

    # The parts of the frame that are the same on every page, rendered once per portal state:
    # the server shares the benchmark machine's cores with the crawl it serves.
    @cached_property
    def nav_html(self) -> str:
        return _render_header_nav(self)

    @cached_property
    def foot_html(self) -> str:
        return _render_foot(self)


def encode_page(config: DemoConfig, text: str) -> bytes:
    return text.encode(PYTHON_CODEC[config.encoding], errors="xmlcharrefreplace")


def content_type(config: DemoConfig) -> str:
    return f"text/html; charset={CHARSET_LABEL[config.encoding]}"


def esc(text: str) -> str:
    return escape(text, quote=False)


def attr(text: str) -> str:
    return escape(text, quote=True)


# --- page frame ---------------------------------------------------------------------------

def head(ctx: Ctx, title: str, body_class: str, body_id: str = "nv_portal") -> str:
    charset = CHARSET_LABEL[ctx.config.encoding]
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{esc(title)} -  Powered by Discuz!</title>
<meta name="keywords" content="{attr(title)}" />
<meta name="description" content="{attr(title)} ,{attr(ctx.bbname)}" />
<meta name="generator" content="Discuz! X3.4" />
<meta name="author" content="Discuz! Team and Comsenz UI Team" />
<meta name="copyright" content="2001-2017 Comsenz Inc." />
<meta name="MSSmartTagsPreventParsing" content="True" />
<meta http-equiv="MSThemeCompatible" content="Yes" />
<base href="{ctx.base}" /><link rel="stylesheet" type="text/css" href="data/cache/style_1_common.css?Ab1" /><link rel="stylesheet" type="text/css" href="data/cache/style_1_portal_view.css?Ab1" /><script type="text/javascript">var STYLEID = '1', STATICURL = 'static/', IMGDIR = 'static/image/common', VERHASH = 'Ab1', charset = '{charset}', discuz_uid = '0', cookiepre = 'px_2132_', cookiedomain = '', cookiepath = '/', showusercard = '1', attackevasive = '0', disallowfloat = 'newthread', creditnotice = '1|威望|,2|金钱|,3|贡献|', defaultstyle = '', REPORTURL = '', SITEURL = '{ctx.base}', JSPATH = 'static/js/', CSSPATH = 'data/cache/style_', DYNAMICURL = '';</script>
<script src="static/js/common.js?Ab1" type="text/javascript"></script>
<meta name="application-name" content="{attr(ctx.bbname)}" />
<link rel="alternate" type="application/rss+xml" title="{attr(ctx.bbname)}" href="{ctx.base}portal.php?mod=rss" />
<script src="static/js/portal.js?Ab1" type="text/javascript"></script>
</head>

<body id="{body_id}" class="{body_class}" onkeydown="if(event.keyCode==27) return false;">
<div id="append_parent"></div><div id="ajaxwaitid"></div>
<div id="toptb" class="cl">
<div class="wp">
<div class="z"><a href="javascript:;"  onclick="setHomepage('{ctx.base}');">{ctx.t("set_home")}</a><a href="{ctx.base}"  onclick="addFavorite(this.href, '{attr(ctx.bbname)}');return false;">{ctx.t("bookmark")}</a></div>
<div class="y"><a id="switchblind" href="javascript:;" onclick="toggleBlind(this)" title="开启辅助访问" class="switchblind">开启辅助访问</a></div>
</div>
</div>
{_header_nav(ctx)}
<div id="wp" class="wp">
"""


def _header_nav(ctx: Ctx) -> str:
    return ctx.nav_html


def _render_header_nav(ctx: Ctx) -> str:
    tops = children(None)
    items = "".join(
        f'<li id="mn_P{c.catid}" onmouseover="showMenu({{\'ctrlid\':this.id,\'ctrlclass\':\'hover\',\'duration\':2}})">'
        f'<a href="{caturl(ctx.base, ctx.config, c.catid)}" hidefocus="true"  >{esc(ctx.tr(c.name))}</a></li>'
        for c in tops
    )
    menus = "".join(
        f'<ul class="p_pop h_pop" id="snav_mn_P{c.catid}" style="display: none">'
        + "".join(f'<li><a href="{caturl(ctx.base, ctx.config, s.catid)}" hidefocus="true" >{esc(ctx.tr(s.name))}</a></li>'
                  for s in children(c.catid))
        + "</ul>"
        for c in tops
    )
    return f"""<div id="hd">
<div class="wp">
<div class="hdc cl"><h2><a href="./" title="{attr(ctx.bbname)}"><img src="static/image/common/logo.png" alt="{attr(ctx.bbname)}" border="0" /></a></h2>
<form method="post" autocomplete="off" id="lsform" action="member.php?mod=logging&amp;action=login&amp;loginsubmit=yes&amp;infloat=yes&amp;lssubmit=yes" onsubmit="return lsSubmit();">
<div class="fastlg cl"><div class="y pns"><table cellspacing="0" cellpadding="0"><tr>
<td><input type="text" name="username" id="ls_username" autocomplete="off" class="px vm" /></td>
<td class="fastlg_l"><label for="ls_cookietime"><input type="checkbox" name="cookietime" id="ls_cookietime" class="pc" value="2592000" />自动登录</label></td>
<td>&nbsp;<a href="javascript:;" onclick="showWindow('login', 'member.php?mod=logging&action=login&viewlostpw=1')">找回密码</a></td>
</tr><tr><td><input type="password" name="password" id="ls_password" class="px vm" autocomplete="off" /></td>
<td class="fastlg_l"><button type="submit" class="pn vm" style="width: 75px;"><em>{ctx.t("login")}</em></button></td>
<td>&nbsp;<a href="member.php?mod=register" class="xi2 xw1">{ctx.t("register")}</a></td></tr></table></div></div>
</form>
</div>
<div id="nv">
<a href="javascript:;" id="qmenu" onmouseover="delayShow(this, function () {{showMenu({{'ctrlid':'qmenu','pos':'34!','ctrlclass':'a','duration':2}});showUpgradeinfo()}})">快捷导航</a>
<ul><li class="a" id="mn_portal" ><a href="portal.php" hidefocus="true" title="Portal"  >{ctx.t("portal")}<span>Portal</span></a></li>
<li id="mn_forum" ><a href="forum.php" hidefocus="true" title="BBS"  >{ctx.t("forum")}<span>BBS</span></a></li>
{items}
<li id="mn_home" ><a href="home.php" hidefocus="true" title="Space"  >{ctx.t("space")}<span>Space</span></a></li></ul>
</div>
{menus}
<div id="mu" class="cl"></div>
</div>
</div>
"""


def foot(ctx: Ctx) -> str:
    return ctx.foot_html


def _render_foot(ctx: Ctx) -> str:
    offsite = "".join(f'<a href="{url}" target="_blank">{esc(name)}</a><span class="pipe">|</span>' for name, url in OFFSITE_LINKS)
    return f"""</div>
<div id="ft" class="wp cl">
<div id="flk" class="y">
<p>
<a href="misc.php?mod=faq" >帮助</a><span class="pipe">|</span><a href="mailto:admin@example.com" >{ctx.t("contact")}</a><span class="pipe">|</span>{offsite}<strong><a href="{ctx.base}" target="_blank">{esc(ctx.bbname)}</a></strong>
</p>
<p class="xs0">GMT+8, {absolute_date(portal_now(ctx.config))}<span id="debuginfo"></span></p>
</div>
<div id="frt">
<p>Powered by <strong><a href="http://www.discuz.net" target="_blank">Discuz!</a></strong> <em>X3.4</em></p>
<p class="xs0">&copy; 2001-2017 <a href="http://www.comsenz.com" target="_blank">Comsenz Inc.</a></p>
</div>
</div>
<script src="home.php?mod=misc&ac=sendmail&rand=1700000000" type="text/javascript"></script>
<div id="scrolltop"><span hidefocus="true"><a title="返回顶部" onclick="window.scrollTo('0','0')" class="scrolltopa" ><b>返回顶部</b></a></span></div>
</body>
</html>
"""


def crumbs(ctx: Ctx, catid: int, link_last: bool) -> str:
    chain = ancestors(catid)
    parts = [f'<a href="./" class="nvhm" title="{ctx.t("home")}">{esc(ctx.bbname)}</a> <em>&rsaquo;</em>',
             f'<a href="portal.php">{ctx.t("portal")}</a> <em>&rsaquo;</em>']
    for category in chain[:-1]:
        parts.append(f'<a href="{caturl(ctx.base, ctx.config, category.catid)}">{esc(ctx.tr(category.name))}</a> <em>&rsaquo;</em>')
    last = chain[-1]
    if link_last:
        parts.append(f'<a href="{caturl(ctx.base, ctx.config, last.catid)}">{esc(ctx.tr(last.name))}</a> <em>&rsaquo;</em>\n{ctx.t("view_content")}')
    else:
        parts.append(esc(ctx.tr(last.name)))
    return '<div id="pt" class="bm cl">\n<div class="z">\n' + "\n".join(parts) + "\n</div>\n</div>\n"


def multi(ctx: Ctx, current: int, last: int, href: Callable[[int], str]) -> str:
    """helper_page::multi(): first/prev, a window of up to 10 numbers, last, the jump box, 下一页."""
    if last <= 1:
        return ""
    start = max(1, min(current - 4, last - 9))
    stop = min(last, start + 9)
    parts = []
    if start > 1:
        parts.append(f'<a href="{href(1)}" class="first">1 ...</a>')
    if current > 1:
        parts.append(f'<a href="{href(current - 1)}" class="prev">&nbsp;&nbsp;</a>')
    for number in range(start, stop + 1):
        parts.append(f"<strong>{number}</strong>" if number == current else f'<a href="{href(number)}">{number}</a>')
    if stop < last:
        parts.append(f'<a href="{href(last)}" class="last">... {last}</a>')
    unit = ctx.t("page_unit")
    parts.append(f'<label><input type="text" name="custompage" class="px" size="2" title="{ctx.t("page_tip")}" value="{current}" '
                 f'onkeydown="if(event.keyCode==13) {{window.location=\'{href(1)}\'; doane(event);}}" />'
                 f'<span title="{ctx.t("total")} {last} {unit}"> / {last} {unit}</span></label>')
    if current < last:
        parts.append(f'<a href="{href(current + 1)}" class="nxt">{ctx.t("next_page")}</a>')
    return '<div class="pg">' + "".join(parts) + "</div>"


def sidebar(ctx: Ctx, catid: int) -> str:
    related = "".join(f'<li><a href="{caturl(ctx.base, ctx.config, c.catid)}">{esc(ctx.tr(c.name))}</a></li>' for c in siblings(catid))
    html = (f'<div class="bm"><div class="bm_h cl"><h2>{ctx.t("related_cats")}</h2></div>'
            f'<div class="bm_c"><ul class="xl xl2 cl">{related}</ul></div></div>')
    subs = children(catid)
    if subs:
        items = "".join(f'<li><a href="{caturl(ctx.base, ctx.config, c.catid)}">{esc(ctx.tr(c.name))}</a></li>' for c in subs)
        html += (f'<div class="bm"><div class="bm_h cl"><h2>{ctx.t("sub_cats")}</h2></div>'
                 f'<div class="bm_c"><ul class="xl xl2 cl">{items}</ul></div></div>')
    return html


def diy_block(bid: int, title: str, more: str | None, inner: str) -> str:
    more_html = f'<span class="titletext"><a href="{more}" class="xi2">更多&rsaquo;</a></span>' if more else ""
    return (f'<div id="portal_block_{bid}" class="block move-span">\n'
            f'<div class="blocktitle title"><span class="titletext">{esc(title)}</span>{more_html}</div>\n'
            f'<div id="portal_block_{bid}_content" class="dxb_bc">{inner}</div>\n</div>')


def u_date(ctx: Ctx, data: ArticleData) -> str:
    """A DIY block date in dgmdate 'u' form: relative text in a span whose title is absolute."""
    absolute = absolute_date(data.dateline)
    relative = relative_date(data.dateline, portal_now(ctx.config), ctx.tc)
    if relative is None:
        return absolute
    return f'<span title="{absolute}">{esc(relative).replace(chr(0xA0), "&nbsp;")}</span>'
