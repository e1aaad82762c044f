"""Stock Discuz! X3.4 markup for every page the demo portal serves (discuz-x.md §3–§6).

Each `render_*` function returns the page as text; `encode_page` turns it into bytes in
the portal's charset (characters the charset lacks become ``&#N;`` entities, as on real
GBK/Big5 sites).  Runtime-built URLs keep a raw ``&``; template URLs use ``&amp;``.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from html import escape

from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.content import (
    REACTION_LABELS,
    ArticleData,
    Paragraph,
    Picture,
    Subheading,
    absolute_date,
    article,
    category_names,
    relative_date,
    shown_date,
    translator,
)
from citynews_scraper.demo.labels import CLICK_ICONS, label
from citynews_scraper.demo.site import (
    BY_ID,
    PortalIndex,
    ancestors,
    children,
    portal_now,
    siblings,
)
from citynews_scraper.demo.urls import (
    article_href,
    caturl,
    inner_nav_href,
    list_href,
    pager_href,
)
from citynews_scraper.demo.vocab import CATEGORIES, COMMENT_TEXTS, GUEST_NAMES

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


def encode_page(config: DemoConfig, text: str) -> bytes:
    return text.encode(PYTHON_CODEC[config.encoding], errors="xmlcharrefreplace")


def content_type(config: DemoConfig) -> str:
    return f"text/html; charset={CHARSET_LABEL[config.encoding]}"


def _e(text: str) -> str:
    return escape(text, quote=False)


def _a(text: str) -> str:
    return escape(text, quote=True)


# --- page frame ---------------------------------------------------------------------------

def _head(ctx: Ctx, title: str, body_class: str, body_id: str = "nv_portal") -> str:
    charset = CHARSET_LABEL[ctx.config.encoding]
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<title>{_e(title)} -  Powered by Discuz!</title>
<meta name="keywords" content="{_a(title)}" />
<meta name="description" content="{_a(title)} ,{_a(ctx.bbname)}" />
<meta name="generator" content="Discuz! X3.4" />
<meta name="author" content="Discuz! Team and Comsenz UI Team" />
<meta name="copyright" content="2001-2017 Comsenz Inc." />
<meta name="MSSmartTagsPreventParsing" content="True" />
<meta http-equiv="MSThemeCompatible" content="Yes" />
<base href="{ctx.base}" /><link rel="stylesheet" type="text/css" href="data/cache/style_1_common.css?Ab1" /><link rel="stylesheet" type="text/css" href="data/cache/style_1_portal_view.css?Ab1" /><script type="text/javascript">var STYLEID = '1', STATICURL = 'static/', IMGDIR = 'static/image/common', VERHASH = 'Ab1', charset = '{charset}', discuz_uid = '0', cookiepre = 'px_2132_', cookiedomain = '', cookiepath = '/', showusercard = '1', attackevasive = '0', disallowfloat = 'newthread', creditnotice = '1|威望|,2|金钱|,3|贡献|', defaultstyle = '', REPORTURL = '', SITEURL = '{ctx.base}', JSPATH = 'static/js/', CSSPATH = 'data/cache/style_', DYNAMICURL = '';</script>
<script src="static/js/common.js?Ab1" type="text/javascript"></script>
<meta name="application-name" content="{_a(ctx.bbname)}" />
<link rel="alternate" type="application/rss+xml" title="{_a(ctx.bbname)}" href="{ctx.base}portal.php?mod=rss" />
<script src="static/js/portal.js?Ab1" type="text/javascript"></script>
</head>

<body id="{body_id}" class="{body_class}" onkeydown="if(event.keyCode==27) return false;">
<div id="append_parent"></div><div id="ajaxwaitid"></div>
<div id="toptb" class="cl">
<div class="wp">
<div class="z"><a href="javascript:;"  onclick="setHomepage('{ctx.base}');">{ctx.t("set_home")}</a><a href="{ctx.base}"  onclick="addFavorite(this.href, '{_a(ctx.bbname)}');return false;">{ctx.t("bookmark")}</a></div>
<div class="y"><a id="switchblind" href="javascript:;" onclick="toggleBlind(this)" title="开启辅助访问" class="switchblind">开启辅助访问</a></div>
</div>
</div>
{_header_nav(ctx)}
<div id="wp" class="wp">
"""


def _header_nav(ctx: Ctx) -> str:
    tops = children(None)
    items = "".join(
        f'<li id="mn_P{c.catid}" onmouseover="showMenu({{\'ctrlid\':this.id,\'ctrlclass\':\'hover\',\'duration\':2}})">'
        f'<a href="{caturl(ctx.base, ctx.config, c.catid)}" hidefocus="true"  >{_e(ctx.tr(c.name))}</a></li>'
        for c in tops
    )
    menus = "".join(
        f'<ul class="p_pop h_pop" id="snav_mn_P{c.catid}" style="display: none">'
        + "".join(f'<li><a href="{caturl(ctx.base, ctx.config, s.catid)}" hidefocus="true" >{_e(ctx.tr(s.name))}</a></li>'
                  for s in children(c.catid))
        + "</ul>"
        for c in tops
    )
    return f"""<div id="hd">
<div class="wp">
<div class="hdc cl"><h2><a href="./" title="{_a(ctx.bbname)}"><img src="static/image/common/logo.png" alt="{_a(ctx.bbname)}" border="0" /></a></h2>
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


def _foot(ctx: Ctx) -> str:
    offsite = "".join(f'<a href="{url}" target="_blank">{_e(name)}</a><span class="pipe">|</span>' for name, url in OFFSITE_LINKS)
    return f"""</div>
<div id="ft" class="wp cl">
<div id="flk" class="y">
<p>
<a href="misc.php?mod=faq" >帮助</a><span class="pipe">|</span><a href="mailto:admin@example.com" >{ctx.t("contact")}</a><span class="pipe">|</span>{offsite}<strong><a href="{ctx.base}" target="_blank">{_e(ctx.bbname)}</a></strong>
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


def _crumbs(ctx: Ctx, catid: int, link_last: bool) -> str:
    chain = ancestors(catid)
    parts = [f'<a href="./" class="nvhm" title="{ctx.t("home")}">{_e(ctx.bbname)}</a> <em>&rsaquo;</em>',
             f'<a href="portal.php">{ctx.t("portal")}</a> <em>&rsaquo;</em>']
    for category in chain[:-1]:
        parts.append(f'<a href="{caturl(ctx.base, ctx.config, category.catid)}">{_e(ctx.tr(category.name))}</a> <em>&rsaquo;</em>')
    last = chain[-1]
    if link_last:
        parts.append(f'<a href="{caturl(ctx.base, ctx.config, last.catid)}">{_e(ctx.tr(last.name))}</a> <em>&rsaquo;</em>\n{ctx.t("view_content")}')
    else:
        parts.append(_e(ctx.tr(last.name)))
    return '<div id="pt" class="bm cl">\n<div class="z">\n' + "\n".join(parts) + "\n</div>\n</div>\n"


def _pager(ctx: Ctx, current: int, last: int, href: Callable[[int], str]) -> str:
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


def _sidebar(ctx: Ctx, catid: int) -> str:
    related = "".join(f'<li><a href="{caturl(ctx.base, ctx.config, c.catid)}">{_e(ctx.tr(c.name))}</a></li>' for c in siblings(catid))
    html = (f'<div class="bm"><div class="bm_h cl"><h2>{ctx.t("related_cats")}</h2></div>'
            f'<div class="bm_c"><ul class="xl xl2 cl">{related}</ul></div></div>')
    subs = children(catid)
    if subs:
        items = "".join(f'<li><a href="{caturl(ctx.base, ctx.config, c.catid)}">{_e(ctx.tr(c.name))}</a></li>' for c in subs)
        html += (f'<div class="bm"><div class="bm_h cl"><h2>{ctx.t("sub_cats")}</h2></div>'
                 f'<div class="bm_c"><ul class="xl xl2 cl">{items}</ul></div></div>')
    return html


# --- article body -------------------------------------------------------------------------

def _paragraph(block: Paragraph) -> str:
    text = _e(block.text)
    return (
        f"<p>\u3000\u3000{text}</p>",
        f'<p style="text-indent: 2em;">{text}</p>',
        f"<p>&nbsp; &nbsp; {text}</p>",
        f'<p><span style="font-size: 16px;">{text}</span></p>',
    )[block.style]


def _subheading(block: Subheading) -> str:
    text = _e(block.text)
    return (f'<p style="text-align: center;"><strong>{text}</strong></p>', f"<h3>{text}</h3>")[block.style]


def _picture(block: Picture) -> str:
    path = block.path
    image = (
        f'<a href="{path}" target="_blank"><img src="{path}.thumb.jpg" /></a>',
        f'<a href="{path}" target="_blank"><img src="{path}" width="600" height="400" /></a>',
        f'<img src="{path}" alt="{_a(block.alt or "")}" border="0" />',
    )[block.style]
    html = f'<p style="text-align: center;">{image}</p>'
    if block.caption:
        html += f'\n<p style="text-align: center;">{_e(block.caption)}</p>'
    return html


def _body(data: ArticleData, page: int) -> str:
    """td#article_content: page title, then the editor HTML (with the odd empty spacer)."""
    rng = random.Random(f"{data.aid}:{page}:spacers")
    current = data.pages[page - 1]
    parts = []
    if current.title:
        parts.append(f'<div class="vm_pagetitle xw1">{_e(current.title)}</div>')
    for block in current.blocks:
        if isinstance(block, Picture):
            parts.append(_picture(block))
        elif isinstance(block, Subheading):
            parts.append(_subheading(block))
        else:
            parts.append(_paragraph(block))
        if rng.random() < 0.15:
            parts.append("<p><br /></p>")
    return "<div><div>" + "\n".join(parts) + "</div></div>"


def _date_html(ctx: Ctx, data: ArticleData) -> str:
    shown, title = shown_date(ctx.config, data)
    text = _e(shown).replace("\u00a0", "&nbsp;")
    return f'<span title="{title}">{text}</span>' if title else text


def _meta_line(ctx: Ctx, data: ArticleData) -> str:
    aid = data.aid
    if data.comments:
        comments = (f'<a href="portal.php?mod=comment&id={aid}&idtype=aid" title="{ctx.t("all_comments")}">'
                    f'<em id="_commentnum">{data.comments}</em></a>')
    else:
        comments = "0"
    parts = [
        f"{_date_html(ctx, data)}<span class=\"pipe\">|</span>",
        f'{ctx.t("publisher")}: <a href="home.php?mod=space&amp;uid={data.publisher_uid}">{_e(data.publisher)}</a><span class="pipe">|</span>',
        f'{ctx.t("views")}: <em id="_viewnum">{data.views}</em><span class="pipe">|</span>',
        f'{ctx.t("comments")}: {comments}',
    ]
    if data.author:
        parts.append(f'<span class="pipe">|</span>{ctx.t("author")}: {_e(data.author)}')
    if data.source:
        source = (f'<a href="{_a(data.source_url)}" target="_blank">{_e(data.source)}</a>' if data.source_url else _e(data.source))
        parts.append(f'<span class="pipe">|</span>{ctx.t("from")}: {source}')
    return '<p class="xg1">\n' + "\n".join(parts) + "\n</p>"


def _clicks(ctx: Ctx, data: ArticleData) -> str:
    top = max(data.reactions) or 1
    cells = []
    for slot, ((icon, clickid), name, count) in enumerate(zip(CLICK_ICONS, REACTION_LABELS[ctx.tc], data.reactions), 1):
        digest = hashlib.md5(f"{clickid}{data.aid}".encode()).hexdigest()[:8]
        bar = (f'<div class="atdc"><div class="ac{(data.aid + slot) % 4 + 1}" style="height:{count * 50 // top}px;">'
               f"<em>{count}</em></div></div>") if count else ""
        cells.append(
            f'<td>\n<a href="home.php?mod=spacecp&amp;ac=click&amp;op=add&amp;clickid={clickid}&amp;idtype=aid&amp;id={data.aid}'
            f'&amp;hash={digest}&amp;handlekey=clickhandle" id="click_aid_{data.aid}_{slot}" '
            f'onclick="if(!$(\'click_aid_{data.aid}_{slot}\').className.match(/.*?a_dianjiguo.*?/)){{ajaxmenu(this);}}doane(event);">\n'
            f'{bar}<img src="static/image/click/{icon}" alt="" /><br />{name}</a>\n</td>'
        )
    return ('<div id="click_div">\n<table cellpadding="0" cellspacing="0" class="atd">\n<tr>'
            + "\n".join(cells) + "</tr>\n</table>\n</div>")


def _inner_nav(ctx: Ctx, data: ArticleData) -> str:
    if not data.inner_nav:
        return ""
    items = "".join(
        f'<li>&bull; <a href="{inner_nav_href(data.aid, k)}">{ctx.t("page_pre")} {k} {ctx.t("page_unit")} {_e(p.title or "")}</a></li>'
        for k, p in enumerate(data.pages, 1)
    )
    return (f'<div id="inner_nav" class="ptn xs1">\n<h3>{ctx.t("inner_nav")}</h3>\n'
            f'<ul class="xl xl2 cl">{items}</ul>\n</div>')


def _pren(ctx: Ctx, aid: int) -> str:
    before, after = ctx.index.neighbours(aid)
    parts = []
    if before:
        parts.append(f'<em>{ctx.t("prev")}<a href="{article_href(ctx.config, before)}">{_e(article(ctx.config, before).title)}</a></em>')
    if after:
        parts.append(f'<em>{ctx.t("next")}<a href="{article_href(ctx.config, after)}">{_e(article(ctx.config, after).title)}</a></em>')
    return f'<div class="pren pbm cl">\n{"".join(parts)}\n</div>' if parts else ""


def related_ids(ctx: Ctx, aid: int) -> list[int]:
    """相关阅读: the nearest ids on both sides, deleted ones included (the link list is stale)."""
    near = [aid + d * s for d in range(1, RELATED_SPAN + 1) for s in (-1, 1)]
    return [i for i in near if ctx.index.exists(i)][:4]


def _related(ctx: Ctx, aid: int) -> str:
    items = "".join(
        f'<li>&bull; <a href="{article_href(ctx.config, other)}" target="_blank">{_e(article(ctx.config, other).title)}</a></li>'
        for other in related_ids(ctx, aid)
    )
    if not items:
        return ""
    return (f'<div id="related_article" class="bm">\n<div class="bm_h cl">\n<h3>{ctx.t("related")}</h3>\n</div>\n'
            f'<div class="bm_c" style="padding-top: 10px;">\n<ul class="xl xl2 cl" id="raid_div">\n'
            f'<input type="hidden" value="{aid}" />\n{items}\n</ul>\n</div>\n</div>')


def comment_entries(ctx: Ctx, data: ArticleData, limit: int) -> str:
    rng = random.Random(f"{ctx.config.seed}:{data.aid}:comments")
    entries = []
    for number in range(min(data.comments, limit)):
        cid = data.aid * 100 + number
        when = data.dateline + timedelta(minutes=rng.randint(5, 600) * (number + 1))
        if rng.random() < 0.6:
            uid = rng.randint(100, 9000)
            who = f'<a href="home.php?mod=space&amp;uid={uid}" class="xi2 xw1" c="1">{_e(ctx.tr(rng.choice(GUEST_NAMES)))}</a>'
        else:
            who = ctx.t("guest")
        entries.append(
            f'<a name="comment_anchor_{cid}"></a>\n<dl id="comment_{cid}_li" class="ptm pbm bbda cl">\n'
            f'<dt class="mbm">\n<span class="y xw0 xi2"></span>\n{who}\n'
            f'<span class="xg1 xw0">{absolute_date(when)}</span>\n</dt>\n'
            f"<dd>{_e(ctx.tr(rng.choice(COMMENT_TEXTS)))}</dd>\n</dl>"
        )
    return "\n".join(entries)


def _comments(ctx: Ctx, data: ArticleData) -> str:
    aid = data.aid
    total = ""
    if data.comments:
        total = (f'<p class="ptm pbm"><a href="portal.php?mod=comment&id={aid}&idtype=aid" class="xi2">'
                 f'{ctx.t("all_comments")}(<em id="_commentnum">{data.comments}</em>)</a></p>')
    return (f'<div id="comment" class="bm">\n<div class="bm_h cl">\n'
            f'<a href="portal.php?mod=comment&id={aid}&idtype=aid" class="y xi2">{ctx.t("post_comment")}</a>\n'
            f'<h3>{ctx.t("latest_comments")}</h3>\n</div>\n<div id="comment_ul" class="bm_c">\n'
            f"{comment_entries(ctx, data, MAX_COMMENTS_SHOWN)}\n{total}\n"
            f'<form id="cform" name="cform" action="portal.php?mod=portalcp&ac=comment" method="post" autocomplete="off">\n'
            f'<div class="tedt"><div class="area"><textarea name="message" rows="3" class="pt" id="message"></textarea></div></div>\n'
            f'<p class="pnpost"><a href="member.php?mod=logging&amp;action=login" onclick="showWindow(\'login\', this.href)" class="y">{ctx.t("login")}</a>'
            f'<button type="submit" name="commentsubmit_btn" value="true" id="commentsubmit_btn" class="pn"><strong>{ctx.t("comments")}</strong></button></p>\n'
            f'<input type="hidden" name="aid" value="{aid}" />\n</form>\n</div>\n</div>')


def render_article(ctx: Ctx, aid: int, page: int) -> str:
    """The article view page `page` (1-based; callers check it exists)."""
    data = article(ctx.config, aid)
    catname = ctx.tr(BY_ID[data.catid].name)
    page_part = f" - {ctx.t('page_pre')}{page}{ctx.t('page_unit')}" if page > 1 else ""
    title = f"{data.title}{page_part} - {catname} - {ctx.bbname}"
    summary = (f'<div class="s"><div><strong>{ctx.t("summary")}</strong>: {_e(data.summary)}</div></div>' if data.summary else "")
    # multi() appends "&amp;page=" to the raw "…&aid=N" URL: both separators on one href.
    pager = _pager(ctx, page, len(data.pages), lambda k: pager_href(ctx.config, aid, k).replace("&page=", "&amp;page="))
    pager_html = f'<div class="ptw pbw cl">{pager}</div>' if pager else ""
    return _head(ctx, title, "pg_view") + f"""<script src="static/js/forum_viewthread.js?Ab1" type="text/javascript"></script>
<script type="text/javascript">zoomstatus = parseInt(1), imagemaxwidth = '600', aimgcount = new Array();</script>
{_crumbs(ctx, data.catid, link_last=True)}
<div id="ct" class="ct2 wp cl">
<div class="mn">
<div class="bm vw">
<div class="h hm">
<h1 class="ph">{_e(data.title)}</h1>
{_meta_line(ctx, data)}
</div>
{summary}
<div class="d">
<table cellpadding="0" cellspacing="0" class="vwtb"><tr><td id="article_content">{_body(data, page)}</td></tr></table>
{pager_html}
{_clicks(ctx, data)}
{_inner_nav(ctx, data)}
</div>
<div class="o cl ptm pbm">
<a href="home.php?mod=spacecp&amp;ac=favorite&amp;type=article&amp;id={aid}&amp;handlekey=favoritearticlehk_{aid}" id="a_favorite" onclick="showWindow(this.id, this.href, 'get', 0);" class="oshr ofav">{ctx.t("favorite")}</a>
<a href="home.php?mod=spacecp&amp;ac=share&amp;type=article&amp;id={aid}&amp;handlekey=sharearticlehk_{aid}" id="a_share" onclick="showWindow(this.id, this.href, 'get', 0);" class="oshr">{ctx.t("share")}</a>
<a href="misc.php?mod=invite&amp;action=article&amp;id={aid}" id="a_invite" onclick="showWindow('invite', this.href, 'get', 0);" class="oshr oivt">{ctx.t("invite")}</a>
</div>
{_pren(ctx, aid)}
</div>
{_related(ctx, aid)}
{_comments(ctx, data)}
</div>
<div class="sd pph">
{_sidebar(ctx, data.catid)}
</div>
</div>
<input type="hidden" id="portalview" value="1">
""" + _foot(ctx)


# --- lists and home -------------------------------------------------------------------------

def list_pages(ctx: Ctx, catid: int) -> int:
    return max(1, -(-ctx.index.count(catid) // ctx.config.perpage))


def _list_entry(ctx: Ctx, aid: int, list_catid: int) -> str:
    data = article(ctx.config, aid)
    href = article_href(ctx.config, aid)
    style = f' style="{data.highlight}"' if data.highlight else ""
    thumb = next((b for p in data.pages[:1] for b in p.blocks if isinstance(b, Picture)), None)
    thumb_html = (f'<div class="atc"><a href="{href}" target="_blank"><img src="{thumb.path}.thumb.jpg" alt="{_a(data.title)}" class="tn" /></a></div>'
                  if thumb else "")
    catlabel = ""
    if children(list_catid):
        catlabel = (f'{ctx.t("category")}: <label><a href="{caturl(ctx.base, ctx.config, data.catid)}" class="xi2">'
                    f"{_e(category_names(ctx.config, data.catid)[-1])}</a></label>&nbsp;&nbsp;")
    return (f'<dl class="bbda cl">\n<dt class="xs2"><a href="{href}" target="_blank" class="xi2"{style}>{_e(data.title)}</a></dt>\n'
            f'<dd class="xs2 cl">\n{thumb_html}\n{_e(data.summary or "")}\n</dd>\n'
            f'<dd>\n{catlabel}<span class="xg1"> {absolute_date(data.dateline)}</span>\n</dd>\n</dl>')


def render_list(ctx: Ctx, catid: int, page: int) -> str:
    """Channel list page `page` of `catid`: its own and its descendants' articles, newest first."""
    per = ctx.config.perpage
    ids = ctx.index.newest_first(catid, (page - 1) * per, page * per)
    chain = ancestors(catid)
    classes = " ".join(f"pg_list_{c.catid}" for c in chain)
    name = ctx.tr(BY_ID[catid].name)
    subs = children(catid)
    sub_row = ""
    if subs:
        links = '<span class="pipe">|</span>'.join(
            f'<a href="{caturl(ctx.base, ctx.config, c.catid)}" class="xi2">{_e(ctx.tr(c.name))}</a>' for c in subs)
        sub_row = f'<div class="bm_c bbda">{ctx.t("sub_cats")}:&nbsp;&nbsp;{links}</div>'
    entries = "\n".join(_list_entry(ctx, aid, catid) for aid in ids)
    hot = _hot_block(ctx, catid, page)
    pager = _pager(ctx, page, list_pages(ctx, catid), lambda k: _amp(list_href(ctx.base, ctx.config, catid, k)))
    pager_html = f'<div class="pgs cl">{pager}</div>' if pager else ""
    page_part = f" - {ctx.t('page_pre')}{page}{ctx.t('page_unit')}" if page > 1 else ""
    return _head(ctx, f"{name}{page_part} - {ctx.bbname}", f"pg_list {classes}") + f"""{_crumbs(ctx, catid, link_last=False)}
<div id="ct" class="ct2 wp cl">
<div class="mn">
<div class="bm">
<div class="bm_h cl">
<a href="portal.php?mod=rss&amp;catid={catid}" class="y xi2 rss" target="_blank" title="RSS">{ctx.t("rss")}</a>
<h1 class="xs2">{_e(name)}</h1>
</div>
{sub_row}
<div class="bm_c xld">
{entries}
</div>
</div>
{pager_html}
<div id="diycontentbottom" class="area">{hot}</div>
</div>
<div class="sd pph">
{_sidebar(ctx, catid)}
</div>
</div>
""" + _foot(ctx)


def hot_ids(ctx: Ctx, catid: int, page: int) -> list[int]:
    """热门阅读 under list page `page`: its three most viewed entries, plus every deleted
    article of the channel whose id falls in the page's stretch of the list (the block was
    cached before they were deleted).  The pages' stretches cover ids 1..N, so every deleted
    article stays linked from exactly one page of each list it belonged to."""
    per = ctx.config.perpage
    ids = ctx.index.newest_first(catid, (page - 1) * per, page * per)
    if not ids:
        return []
    popular = sorted(ids, key=lambda aid: -article(ctx.config, aid).views)[:3]
    above = ctx.index.newest_first(catid, (page - 1) * per - 1, (page - 1) * per) if page > 1 else []
    upper = above[0] if above else ctx.config.articles + 1
    lower = 0 if page >= list_pages(ctx, catid) else ids[-1]
    subtree = {c.catid for c in CATEGORIES if catid in {a.catid for a in ancestors(c.catid)}}
    gone = [aid for aid in range(upper - 1, lower, -1)
            if not ctx.index.live(aid) and ctx.index.category(aid) in subtree]
    return popular + gone


def _hot_block(ctx: Ctx, catid: int, page: int) -> str:
    links = "".join(f'<li><a href="{article_href(ctx.config, aid)}" target="_blank">{_e(article(ctx.config, aid).title)}</a></li>'
                    for aid in hot_ids(ctx, catid, page))
    if not links:
        return ""
    return _block(100 + catid, ctx.t("hot_reads"), None, f'<div class="module cl xl xl1"><ul>{links}</ul></div>')


def _amp(url: str) -> str:
    return url.replace("&", "&amp;")


def _block(bid: int, title: str, more: str | None, inner: str) -> str:
    more_html = f'<span class="titletext"><a href="{more}" class="xi2">更多&rsaquo;</a></span>' if more else ""
    return (f'<div id="portal_block_{bid}" class="block move-span">\n'
            f'<div class="blocktitle title"><span class="titletext">{_e(title)}</span>{more_html}</div>\n'
            f'<div id="portal_block_{bid}_content" class="dxb_bc">{inner}</div>\n</div>')


def _u_date(ctx: Ctx, data: ArticleData) -> str:
    """A DIY block date in dgmdate 'u' form: relative text in a span whose title is absolute."""
    absolute = absolute_date(data.dateline)
    relative = relative_date(data.dateline, portal_now(ctx.config), ctx.tc)
    if relative is None:
        return absolute
    return f'<span title="{absolute}">{_e(relative).replace(chr(0xA0), "&nbsp;")}</span>'


def _link_list(ctx: Ctx, ids: list[int]) -> str:
    items = []
    for aid in ids:
        data = article(ctx.config, aid)
        items.append(f'<li><em>{_u_date(ctx, data)}</em><a href="{article_href(ctx.config, aid)}" title="{_a(data.title)}" target="_blank">'
                     f"{_e(data.title)}</a></li>")
    return '<div class="module cl xl xl1"><ul>' + "".join(items) + "</ul></div>"


def render_home(ctx: Ctx) -> str:
    """portal.php: DIY blocks. The 最新资讯 block was cached before some deletions (stale links)."""
    latest = ctx.index.latest(12)
    blocks = [_block(1, ctx.t("latest_news"), None, _link_list(ctx, latest))]
    photos = []
    for aid in ctx.index.latest(40):
        data = article(ctx.config, aid)
        pic = next((b for p in data.pages for b in p.blocks if isinstance(b, Picture)), None)
        if pic and ctx.index.live(aid):
            photos.append(f'<li style="width: 140px;"><div class="c"><a href="{article_href(ctx.config, aid)}" target="_blank">'
                          f'<img src="{pic.path}.thumb.jpg" width="130" height="90" alt="{_a(data.title)}" /></a></div>'
                          f'<p><a href="{article_href(ctx.config, aid)}" title="{_a(data.title)}" target="_blank">{_e(data.title)}</a></p></li>')
        if len(photos) == 4:
            break
    blocks.append(_block(2, ctx.t("photo_news"), None, '<div class="module cl ml"><ul>' + "".join(photos) + "</ul></div>"))
    for top in children(None):
        ids = ctx.index.newest_first(top.catid, 0, 6)
        blocks.append(_block(10 + top.catid, ctx.tr(top.name), caturl(ctx.base, ctx.config, top.catid), _link_list(ctx, ids)))
    hot = ('<div class="module cl xl xl1"><ul>'
           '<li><a href="forum.php?mod=viewthread&amp;tid=1024" target="_blank">鹅湖公园周末有灯光秀吗？</a></li>'
           '<li><a href="forum.php?mod=viewthread&amp;tid=1031" target="_blank">求推荐安源区的老字号米粉店</a></li>'
           '<li><a href="space-uid-1.html" target="_blank">admin 的个人空间</a></li>'
           '<li><a href="home.php?mod=space&amp;uid=2&amp;do=blog&amp;id=77" target="_blank">城事小编的日志</a></li></ul></div>')
    blocks.append(_block(3, ctx.t("hot_threads"), "forum.php", ctx.tr(hot)))
    links = "".join(f'<li><a href="{url}" target="_blank">{_e(name)}</a></li>' for name, url in OFFSITE_LINKS)
    blocks.append(_block(4, ctx.t("links"), None, f'<div class="module cl xl xl1"><ul>{links}</ul></div>'))
    body = "\n".join(blocks)
    return _head(ctx, f"{ctx.t('portal')} - {ctx.bbname}", "pg_index") + f"""<div id="ct" class="wp cl">
<div id="diy1" class="area">
<div id="frame_portal" class="frame move-span cl frame-1">
<div id="frame_portal_left" class="column frame-1-c">
<div id="frame_portal_left_temp" class="move-span temp"></div>
{body}
</div>
</div>
</div>
</div>
""" + _foot(ctx)


# --- other pages ----------------------------------------------------------------------------

def render_message(ctx: Ctx, key: str) -> str:
    """showmessage(): the page behind a 404 for a deleted article or a missing category."""
    return _head(ctx, f"{ctx.t('notice')} - {ctx.bbname}", "pg_view") + f"""<div id="ct" class="wp cl w">
<div class="nfl">
<div class="f_c altw">
<div id="messagetext" class="alert_error">
<p>{ctx.t(key)}</p>
<script type="text/javascript">
if(history.length > (BROWSER.ie ? 0 : 1)) {{
document.write('<p class="alert_btnleft"><a href="javascript:history.back()">{ctx.t("back")}</a></p>');
}} else {{
document.write('<p class="alert_btnleft"><a href="./">[ {_e(ctx.bbname)} {ctx.t("home")} ]</a></p>');
}}
</script>
</div>
</div>
</div>
</div>
""" + _foot(ctx)


def render_antitheft(ctx: Ctx, target: str) -> str:
    """helper_antitheft: no article, only a script sending the browser to `target` (with _dsign)."""
    charset = CHARSET_LABEL[ctx.config.encoding]
    parts = [target[i:i + 7] for i in range(0, len(target), 7)]
    joined = "+".join(f"'{p}'" for p in parts)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}" /></head><body>
<script type="text/javascript">var _0x1={joined};setTimeout(function(){{location.href=_0x1;}}, 10);
/* location.href='{target}' */</script>
<noscript>{ctx.t("redirecting")}</noscript>
</body></html>
"""


def render_comment_page(ctx: Ctx, aid: int) -> str:
    """portal.php?mod=comment: every comment of an article (a crawler has no need for it)."""
    data = article(ctx.config, aid)
    return _head(ctx, f"{data.title} - {ctx.t('comments')} - {ctx.bbname}", "pg_comment") + f"""<div id="ct" class="wp cl">
<div class="bm"><div class="bm_h"><h1 class="ph">{_e(data.title)}</h1></div>
<div id="comment_ul" class="bm_c">{comment_entries(ctx, data, 25)}</div></div>
</div>
""" + _foot(ctx)


def render_trap(ctx: Ctx, script: str) -> str:
    """A user / forum / login page: served, but a polite crawler never asks for it."""
    return _head(ctx, f"{script} - {ctx.bbname}", "pg_trap", body_id="nv_home") + f"""<div id="ct" class="wp cl">
<p>{_e(script)}</p>
</div>
""" + _foot(ctx)


ROBOTS_TXT = """#
# robots.txt for Discuz! X3
#

User-agent: *
Disallow: /api/
Disallow: /data/
Disallow: /source/
Disallow: /install/
Disallow: /template/
Disallow: /config/
Disallow: /uc_client/
Disallow: /uc_server/
Disallow: /static/
Disallow: /admin.php
Disallow: /search.php
Disallow: /member.php
Disallow: /api.php
Disallow: /misc.php
Disallow: /connect.php
Disallow: /plugin.php
Disallow: /home.php
Disallow: /forum.php
Disallow: /space-
Disallow: /_demo/
Disallow: /portal.php?mod=portalcp*
Disallow: /portal.php?mod=comment*
Disallow: /*?mod=misc*
Disallow: /*?mod=attachment*
Disallow: /*mobile=yes*
"""

# A 1×1 GIF for every attachment URL (crawlers do not need the images; browsers get something).
PIXEL = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
         b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")
