"""The remaining pages: showmessage (404), the anti-scraping script, comments, traps, robots.txt."""

from __future__ import annotations

from citynews_scraper.demo.content import article
from citynews_scraper.demo.pages.article import comment_entries
from citynews_scraper.demo.pages.frame import CHARSET_LABEL, Ctx, esc, foot, head


def render_message(ctx: Ctx, key: str) -> str:
    """showmessage(): the page behind a 404 for a deleted article or a missing category."""
    return head(ctx, f"{ctx.t('notice')} - {ctx.bbname}", "pg_view") + f"""<div id="ct" class="wp cl w">
<div class="nfl">
<div class="f_c altw">
<div id="messagetext" class="alert_error">
<p>{ctx.t(key)}</p>
<script type="text/javascript">
if(history.length > (BROWSER.ie ? 0 : 1)) {{
document.write('<p class="alert_btnleft"><a href="javascript:history.back()">{ctx.t("back")}</a></p>');
}} else {{
document.write('<p class="alert_btnleft"><a href="./">[ {esc(ctx.bbname)} {ctx.t("home")} ]</a></p>');
}}
</script>
</div>
</div>
</div>
</div>
""" + foot(ctx)


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
    return head(ctx, f"{data.title} - {ctx.t('comments')} - {ctx.bbname}", "pg_comment") + f"""<div id="ct" class="wp cl">
<div class="bm"><div class="bm_h"><h1 class="ph">{esc(data.title)}</h1></div>
<div id="comment_ul" class="bm_c">{comment_entries(ctx, data, 25)}</div></div>
</div>
""" + foot(ctx)


def render_trap(ctx: Ctx, script: str) -> str:
    """A user / forum / login page: served, but a polite crawler never asks for it."""
    return head(ctx, f"{script} - {ctx.bbname}", "pg_trap", body_id="nv_home") + f"""<div id="ct" class="wp cl">
<p>{esc(script)}</p>
</div>
""" + foot(ctx)


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
