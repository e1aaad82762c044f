"""The portal home (portal.php): DIY blocks of latest articles, photos, channels and links."""

from __future__ import annotations

from citynews_scraper.demo.content import Picture, article
from citynews_scraper.demo.pages.frame import (
    OFFSITE_LINKS,
    Ctx,
    attr,
    diy_block,
    esc,
    foot,
    head,
    u_date,
)
from citynews_scraper.demo.site import children
from citynews_scraper.demo.urls import article_href, caturl


def _link_list(ctx: Ctx, ids: list[int]) -> str:
    items = []
    for aid in ids:
        data = article(ctx.config, aid)
        items.append(f'<li><em>{u_date(ctx, data)}</em><a href="{article_href(ctx.config, aid)}" title="{attr(data.title)}" target="_blank">'
                     f"{esc(data.title)}</a></li>")
    return '<div class="module cl xl xl1"><ul>' + "".join(items) + "</ul></div>"


def render_home(ctx: Ctx) -> str:
    """portal.php: DIY blocks. The 最新资讯 block was cached before some deletions (stale links)."""
    latest = ctx.index.latest(12)
    blocks = [diy_block(1, ctx.t("latest_news"), None, _link_list(ctx, latest))]
    photos = []
    for aid in ctx.index.latest(40):
        data = article(ctx.config, aid)
        pic = next((b for p in data.pages for b in p.blocks if isinstance(b, Picture)), None)
        if pic and ctx.index.live(aid):
            photos.append(f'<li style="width: 140px;"><div class="c"><a href="{article_href(ctx.config, aid)}" target="_blank">'
                          f'<img src="{pic.path}.thumb.jpg" width="130" height="90" alt="{attr(data.title)}" /></a></div>'
                          f'<p><a href="{article_href(ctx.config, aid)}" title="{attr(data.title)}" target="_blank">{esc(data.title)}</a></p></li>')
        if len(photos) == 4:
            break
    blocks.append(diy_block(2, ctx.t("photo_news"), None, '<div class="module cl ml"><ul>' + "".join(photos) + "</ul></div>"))
    for top in children(None):
        ids = ctx.index.newest_first(top.catid, 0, 6)
        blocks.append(diy_block(10 + top.catid, ctx.tr(top.name), caturl(ctx.base, ctx.config, top.catid), _link_list(ctx, ids)))
    hot = ('<div class="module cl xl xl1"><ul>'
           '<li><a href="forum.php?mod=viewthread&amp;tid=1024" target="_blank">鹅湖公园周末有灯光秀吗？</a></li>'
           '<li><a href="forum.php?mod=viewthread&amp;tid=1031" target="_blank">求推荐安源区的老字号米粉店</a></li>'
           '<li><a href="space-uid-1.html" target="_blank">admin 的个人空间</a></li>'
           '<li><a href="home.php?mod=space&amp;uid=2&amp;do=blog&amp;id=77" target="_blank">城事小编的日志</a></li></ul></div>')
    blocks.append(diy_block(3, ctx.t("hot_threads"), "forum.php", ctx.tr(hot)))
    links = "".join(f'<li><a href="{url}" target="_blank">{esc(name)}</a></li>' for name, url in OFFSITE_LINKS)
    blocks.append(diy_block(4, ctx.t("links"), None, f'<div class="module cl xl xl1"><ul>{links}</ul></div>'))
    body = "\n".join(blocks)
    return head(ctx, f"{ctx.t('portal')} - {ctx.bbname}", "pg_index") + f"""<div id="ct" class="wp cl">
<div id="diy1" class="area">
<div id="frame_portal" class="frame move-span cl frame-1">
<div id="frame_portal_left" class="column frame-1-c">
<div id="frame_portal_left_temp" class="move-span temp"></div>
{body}
</div>
</div>
</div>
</div>
""" + foot(ctx)
