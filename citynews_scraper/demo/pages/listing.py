"""Channel list pages (portal/list.htm) and the stale 热门阅读 DIY block under them."""

from __future__ import annotations

from citynews_scraper.demo.content import (
    Picture,
    absolute_date,
    article,
    category_names,
)
from citynews_scraper.demo.pages.frame import (
    Ctx,
    attr,
    crumbs,
    diy_block,
    esc,
    foot,
    head,
    multi,
    sidebar,
)
from citynews_scraper.demo.site import BY_ID, ancestors, children
from citynews_scraper.demo.urls import article_href, caturl, list_href
from citynews_scraper.demo.vocab import CATEGORIES


def list_pages(ctx: Ctx, catid: int) -> int:
    return max(1, -(-ctx.index.count(catid) // ctx.config.perpage))


def _list_entry(ctx: Ctx, aid: int, list_catid: int) -> str:
    data = article(ctx.config, aid)
    href = article_href(ctx.config, aid)
    style = f' style="{data.highlight}"' if data.highlight else ""
    thumb = next((b for p in data.pages[:1] for b in p.blocks if isinstance(b, Picture)), None)
    thumb_html = (f'<div class="atc"><a href="{href}" target="_blank"><img src="{thumb.path}.thumb.jpg" alt="{attr(data.title)}" class="tn" /></a></div>'
                  if thumb else "")
    catlabel = ""
    if children(list_catid):
        catlabel = (f'{ctx.t("category")}: <label><a href="{caturl(ctx.base, ctx.config, data.catid)}" class="xi2">'
                    f"{esc(category_names(ctx.config, data.catid)[-1])}</a></label>&nbsp;&nbsp;")
    return (f'<dl class="bbda cl">\n<dt class="xs2"><a href="{href}" target="_blank" class="xi2"{style}>{esc(data.title)}</a></dt>\n'
            f'<dd class="xs2 cl">\n{thumb_html}\n{esc(data.summary or "")}\n</dd>\n'
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
            f'<a href="{caturl(ctx.base, ctx.config, c.catid)}" class="xi2">{esc(ctx.tr(c.name))}</a>' for c in subs)
        sub_row = f'<div class="bm_c bbda">{ctx.t("sub_cats")}:&nbsp;&nbsp;{links}</div>'
    entries = "\n".join(_list_entry(ctx, aid, catid) for aid in ids)
    hot = _hot_block(ctx, catid, page)
    pager = multi(ctx, page, list_pages(ctx, catid), lambda k: _amp(list_href(ctx.base, ctx.config, catid, k)))
    pager_html = f'<div class="pgs cl">{pager}</div>' if pager else ""
    page_part = f" - {ctx.t('page_pre')}{page}{ctx.t('page_unit')}" if page > 1 else ""
    return head(ctx, f"{name}{page_part} - {ctx.bbname}", f"pg_list {classes}") + f"""{crumbs(ctx, catid, link_last=False)}
<div id="ct" class="ct2 wp cl">
<div class="mn">
<div class="bm">
<div class="bm_h cl">
<a href="portal.php?mod=rss&amp;catid={catid}" class="y xi2 rss" target="_blank" title="RSS">{ctx.t("rss")}</a>
<h1 class="xs2">{esc(name)}</h1>
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
{sidebar(ctx, catid)}
</div>
</div>
""" + foot(ctx)


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
    links = "".join(f'<li><a href="{article_href(ctx.config, aid)}" target="_blank">{esc(article(ctx.config, aid).title)}</a></li>'
                    for aid in hot_ids(ctx, catid, page))
    if not links:
        return ""
    return diy_block(100 + catid, ctx.t("hot_reads"), None, f'<div class="module cl xl xl1"><ul>{links}</ul></div>')


def _amp(url: str) -> str:
    return url.replace("&", "&amp;")
