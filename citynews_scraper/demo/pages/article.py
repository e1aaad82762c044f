"""The article view page (portal/view.htm): meta line, body, pager, reactions, nav, comments."""

from __future__ import annotations

import hashlib
import random
from datetime import timedelta
from functools import lru_cache

from citynews_scraper.demo.config import DemoConfig
from citynews_scraper.demo.content import (
    REACTION_LABELS,
    ArticleData,
    Paragraph,
    Picture,
    Subheading,
    absolute_date,
    article,
    shown_date,
    translator,
)
from citynews_scraper.demo.labels import CLICK_ICONS, label
from citynews_scraper.demo.pages.frame import (
    Ctx,
    attr,
    crumbs,
    esc,
    foot,
    head,
    multi,
    sidebar,
)
from citynews_scraper.demo.site import BY_ID
from citynews_scraper.demo.urls import article_href, inner_nav_href, pager_href
from citynews_scraper.demo.vocab import COMMENT_TEXTS, GUEST_NAMES

MAX_COMMENTS_SHOWN = 20  # the view page shows the newest 20 (portal_view.php)
RELATED_SPAN = 3  # 相关阅读 links the ids within this distance (deleted ones included)

def _paragraph(block: Paragraph) -> str:
    text = esc(block.text)
    return (
        f"<p>\u3000\u3000{text}</p>",
        f'<p style="text-indent: 2em;">{text}</p>',
        f"<p>&nbsp; &nbsp; {text}</p>",
        f'<p><span style="font-size: 16px;">{text}</span></p>',
    )[block.style]


def _subheading(block: Subheading) -> str:
    text = esc(block.text)
    return (f'<p style="text-align: center;"><strong>{text}</strong></p>', f"<h3>{text}</h3>")[block.style]


def _picture(block: Picture) -> str:
    path = block.path
    image = (
        f'<a href="{path}" target="_blank"><img src="{path}.thumb.jpg" /></a>',
        f'<a href="{path}" target="_blank"><img src="{path}" width="600" height="400" /></a>',
        f'<img src="{path}" alt="{attr(block.alt or "")}" border="0" />',
    )[block.style]
    html = f'<p style="text-align: center;">{image}</p>'
    if block.caption:
        html += f'\n<p style="text-align: center;">{esc(block.caption)}</p>'
    return html


def _body(data: ArticleData, page: int) -> str:
    """td#article_content: page title, then the editor HTML (with the odd empty spacer)."""
    rng = random.Random(f"{data.aid}:{page}:spacers")
    current = data.pages[page - 1]
    parts = []
    if current.title:
        parts.append(f'<div class="vm_pagetitle xw1">{esc(current.title)}</div>')
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
    text = esc(shown).replace("\u00a0", "&nbsp;")
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
        f'{ctx.t("publisher")}: <a href="home.php?mod=space&amp;uid={data.publisher_uid}">{esc(data.publisher)}</a><span class="pipe">|</span>',
        f'{ctx.t("views")}: <em id="_viewnum">{data.views}</em><span class="pipe">|</span>',
        f'{ctx.t("comments")}: {comments}',
    ]
    if data.author:
        parts.append(f'<span class="pipe">|</span>{ctx.t("author")}: {esc(data.author)}')
    if data.source:
        source = (f'<a href="{attr(data.source_url)}" target="_blank">{esc(data.source)}</a>' if data.source_url else esc(data.source))
        parts.append(f'<span class="pipe">|</span>{ctx.t("from")}: {source}')
    return '<p class="xg1">\n' + "\n".join(parts) + "\n</p>"


def _clicks(ctx: Ctx, data: ArticleData) -> str:
    top = max(data.reactions) or 1
    cells = []
    buttons = zip(CLICK_ICONS, REACTION_LABELS[ctx.tc], data.reactions, strict=True)  # five of each
    for slot, ((icon, clickid), name, count) in enumerate(buttons, 1):
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
        f'<li>&bull; <a href="{inner_nav_href(data.aid, k)}">{ctx.t("page_pre")} {k} {ctx.t("page_unit")} {esc(p.title or "")}</a></li>'
        for k, p in enumerate(data.pages, 1)
    )
    return (f'<div id="inner_nav" class="ptn xs1">\n<h3>{ctx.t("inner_nav")}</h3>\n'
            f'<ul class="xl xl2 cl">{items}</ul>\n</div>')


def _pren(ctx: Ctx, aid: int) -> str:
    before, after = ctx.index.neighbours(aid)
    parts = []
    if before:
        parts.append(f'<em>{ctx.t("prev")}<a href="{article_href(ctx.config, before)}">{esc(article(ctx.config, before).title)}</a></em>')
    if after:
        parts.append(f'<em>{ctx.t("next")}<a href="{article_href(ctx.config, after)}">{esc(article(ctx.config, after).title)}</a></em>')
    return f'<div class="pren pbm cl">\n{"".join(parts)}\n</div>' if parts else ""


def related_ids(ctx: Ctx, aid: int) -> list[int]:
    """相关阅读: the nearest ids on both sides, deleted ones included (the link list is stale)."""
    near = [aid + d * s for d in range(1, RELATED_SPAN + 1) for s in (-1, 1)]
    return [i for i in near if ctx.index.exists(i)][:4]


def _related(ctx: Ctx, aid: int) -> str:
    items = "".join(
        f'<li>&bull; <a href="{article_href(ctx.config, other)}" target="_blank">{esc(article(ctx.config, other).title)}</a></li>'
        for other in related_ids(ctx, aid)
    )
    if not items:
        return ""
    return (f'<div id="related_article" class="bm">\n<div class="bm_h cl">\n<h3>{ctx.t("related")}</h3>\n</div>\n'
            f'<div class="bm_c" style="padding-top: 10px;">\n<ul class="xl xl2 cl" id="raid_div">\n'
            f'<input type="hidden" value="{aid}" />\n{items}\n</ul>\n</div>\n</div>')


def comment_entries(ctx: Ctx, data: ArticleData, limit: int) -> str:
    return _comment_entries(ctx.config, data.aid, limit)


# Comments depend on the article alone; every page of an article and every crawl asks again.
# As many entries as content.py keeps articles: a smaller cache missed on every request of a
# crawl that walks 5,000 articles in order.
@lru_cache(maxsize=8192)
def _comment_entries(config: DemoConfig, aid: int, limit: int) -> str:
    data = article(config, aid)
    tr = translator(config)
    rng = random.Random(f"{config.seed}:{data.aid}:comments")
    entries = []
    for number in range(min(data.comments, limit)):
        cid = data.aid * 100 + number
        when = data.dateline + timedelta(minutes=rng.randint(5, 600) * (number + 1))
        if rng.random() < 0.6:
            uid = rng.randint(100, 9000)
            who = f'<a href="home.php?mod=space&amp;uid={uid}" class="xi2 xw1" c="1">{esc(tr(rng.choice(GUEST_NAMES)))}</a>'
        else:
            who = label("guest", config.traditional)
        entries.append(
            f'<a name="comment_anchor_{cid}"></a>\n<dl id="comment_{cid}_li" class="ptm pbm bbda cl">\n'
            f'<dt class="mbm">\n<span class="y xw0 xi2"></span>\n{who}\n'
            f'<span class="xg1 xw0">{absolute_date(when)}</span>\n</dt>\n'
            f"<dd>{esc(tr(rng.choice(COMMENT_TEXTS)))}</dd>\n</dl>"
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
    summary = (f'<div class="s"><div><strong>{ctx.t("summary")}</strong>: {esc(data.summary)}</div></div>' if data.summary else "")
    # multi() appends "&amp;page=" to the raw "…&aid=N" URL: both separators on one href.
    pager = multi(ctx, page, len(data.pages), lambda k: pager_href(ctx.config, aid, k).replace("&page=", "&amp;page="))
    pager_html = f'<div class="ptw pbw cl">{pager}</div>' if pager else ""
    return head(ctx, title, "pg_view") + f"""<script src="static/js/forum_viewthread.js?Ab1" type="text/javascript"></script>
<script type="text/javascript">zoomstatus = parseInt(1), imagemaxwidth = '600', aimgcount = new Array();</script>
{crumbs(ctx, data.catid, link_last=True)}
<div id="ct" class="ct2 wp cl">
<div class="mn">
<div class="bm vw">
<div class="h hm">
<h1 class="ph">{esc(data.title)}</h1>
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
{sidebar(ctx, data.catid)}
</div>
</div>
<input type="hidden" id="portalview" value="1">
""" + foot(ctx)
