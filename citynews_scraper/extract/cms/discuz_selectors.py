"""Discuz! X portal markup as named data: selectors (XPath) and label vocabularies.

Every entry cites the variant it exists for (see shared/reference/discuz-x.md).  The
parser tries the alternatives of a field in order and takes the first that matches.
"""

from __future__ import annotations

import re

# --- page recognition -------------------------------------------------------------
# Ids are looked up with XPath id() — a hash lookup in libxml2's HTML documents, where a
# `//*[@id=…]` scan of the whole tree costs as much as 30 such lookups.
GENERATOR = "/html/head/meta[translate(@name,'GENERATOR','generator')='generator']/@content"
DISCUZ_MARKERS = (
    "/html/body[@id='nv_portal']",
    "id('article_content')",
    "id('portalview')",
    "id('click_div')//a[starts-with(@id,'click_aid_')]",
    "id('pt')//a[contains(@href,'portal.php')]",
)
# The message is the first <p>; later ones are script-written "go back" links.
SHOWMESSAGE = "id('messagetext')/p[1] | id('messagetext')[not(p)]"
LIST_PAGE = (
    "//body[contains(concat(' ', @class, ' '), ' pg_list')]"
    " | //div[contains(@class,'xld')]//dl[contains(@class,'bbda')]"
)

# --- article header ---------------------------------------------------------------
# Scope, relative to the body: the article box `.bm.vw` (stock), `article.vw` (linux.cn
# theme), else the content column `#ct`.
ARTICLE_BOX = ("ancestor::*[contains(concat(' ', @class, ' '), ' vw ')][1]", "ancestor::*[@id='ct'][1]")
TITLE = (
    ".//h1[contains(concat(' ', @class, ' '), ' ph ')]",  # X1.5 (ph hm) – X3.5, xs5 themes
    ".//h1[@id='article_title']",  # linux.cn theme
    ".//div[contains(concat(' ', @class, ' '), ' h ')]//div/b",  # X2: <div><b>title</b></div>
    ".//div[contains(concat(' ', @class, ' '), ' h ')]//h1",
)
META_LINE = (
    ".//div[contains(concat(' ', @class, ' '), ' h ')]//p[contains(concat(' ', @class, ' '), ' xg1 ')]",
    # themes: the first p/div under the header holding the fields, often as <span>s
    ".//div[contains(concat(' ', @class, ' '), ' h ')]/*[self::p or self::div][1]",
    ".//p[contains(concat(' ', @class, ' '), ' xg1 ')]",
)
SUMMARY = ".//div[contains(concat(' ', @class, ' '), ' s ')]"
# X2+: div#pt > div.z; X1.5: the links sit directly in div#pt.
BREADCRUMB = "id('pt')//div[contains(concat(' ', @class, ' '), ' z ')] | id('pt')[not(.//div)]"

# --- body -------------------------------------------------------------------------
BODY = (
    "id('article_content')",  # X2+ (td), themes (div)
    "//table[contains(concat(' ', @class, ' '), ' vwtb ')]//td",  # X1.5: td without id
    "//div[contains(concat(' ', @class, ' '), ' vw ')]//div[contains(concat(' ', @class, ' '), ' d ')]",
)
PAGE_TITLE_CLASS = "vm_pagetitle"
# Inside the body: skipped with their content (their tail text stays).  Checked per element
# in Python (a set lookup) rather than by one big XPath, which cost more than the parse.
BODY_JUNK_TAGS = frozenset(
    ["script", "style", "noscript", "iframe", "object", "embed", "form", "input", "button", "select", "textarea"]
)
BODY_JUNK_CLASSES = frozenset((
    # ads: a_pr (in article), a_af, and the banner slots a_t/a_h/a_mu/a_fl/a_fr/a_cn
    "a_pr", "a_af", "a_mu", "a_cn", "a_t", "a_h", "a_fl", "a_fr",
    # attachment tips of forum images, attachment links and their download counts
    "tip", "aimg_tip", "attach", "attach_nopermission", "attach_tips",
    # pagers, previous/next, tags
    "pg", "pgs", "pren", "ptg",
))
BODY_JUNK_IDS = frozenset(("inner_nav", "click_div", "related_article", "comment"))
# Share widgets of themes and common services, and forum image menus (aimg_N_menu).
BODY_JUNK_ID_PARTS = ("share", "_menu")
BODY_JUNK_CLASS_PARTS = ("share", "jiathis")

# --- counts, ids, pager -----------------------------------------------------------
REACTION_BUTTONS = "id('click_div')//a[starts-with(@id,'click_')]"
VIEWS = "id('_viewnum')"
COMMENTS_IN_META = ".//em[@id='_commentnum']"
# Relative to the article box; the second form catches themes without a `.vw` box.
ARTICLE_PAGER = (
    ".//div[contains(concat(' ', @class, ' '), ' pg ')]",
    "id('article_content')/following::div[contains(concat(' ', @class, ' '), ' pg ')][1]",
)
AID_SOURCES = (
    ("id('click_div')//a[starts-with(@id,'click_aid_')]/@id", re.compile(r"click_aid_(\d+)_")),
    ("id('a_favorite')/@href", re.compile(r"[?&](?:amp;)?id=(\d+)")),
    ("id('_commentnum')/ancestor::a[1]/@href", re.compile(r"[?&](?:amp;)?id=(\d+)")),
    ("id('raid_div')/input/@value", re.compile(r"^(\d+)$")),
    ("//a[contains(@href,'mod=comment') and contains(@href,'idtype=aid')]/@href", re.compile(r"[?&](?:amp;)?id=(\d+)")),
    ("//*[starts-with(@id,'article_delete_')]/@id", re.compile(r"article_delete_(\d+)")),
)

# --- vocabularies (Simplified, Traditional official and Taiwan usage, customised themes)
META_LABELS: dict[str, tuple[str, ...]] = {
    "publisher": ("发布者", "發佈者", "發布者", "发布人", "發佈人"),
    "author": ("原作者", "作者"),
    "source": ("来自", "來自", "来源", "來源", "出处", "出處"),
    "views": ("查看", "檢視", "点击", "點擊", "阅读", "閱讀", "浏览", "瀏覽", "人气", "人氣"),
    "comments": ("评论", "評論"),
    "date": ("发布时间", "發佈時間", "發布時間", "发表于", "發表於", "发布", "發佈", "發布", "时间", "時間", "日期"),
}
PORTAL_ROOT_WORDS = ("门户", "門戶", "首页", "首頁")
VIEW_CONTENT_WORDS = ("查看内容", "查看內容", "檢視內容")
SUMMARY_LABELS = ("摘要",)
MODERATION_SUFFIXES = ("(待审核)", "(待審核)", "（待审核）", "（待審核）")
TITLE_SUFFIX = re.compile(r"\s*-\s*Powered by Discuz!.*$", re.I)

# --- images and captions ----------------------------------------------------------
PLACEHOLDER_IMAGES = ("none.gif", "loading.gif", "blank.gif")
DECORATION_IMAGE_PATHS = (
    "static/image/smiley/", "static/image/common/", "static/image/filetype/", "static/image/click/",
)
CAPTION_CLASSES = ("pgc-img-caption", "img-caption", "image-caption", "caption", "img_desc", "pic-desc")
# Short lines that name the photographer or start with 图为 are captions wherever they sit.
CAPTION_TEXT = re.compile(
    r"^(?:图为|圖為|图：|圖：|图:|圖:|上图|上圖|下图|下圖|左图|左圖|右图|右圖|组图|組圖)"
    r"|[（(][^（()）]{0,30}(?:供图|供圖|摄|攝|图|圖|摄影|攝影|图片|圖片)[）)]?$"
    r"|^[（(]?(?:图片来源|圖片來源|图片来自|圖片來自|摄影|攝影|记者[^，。]{0,8}摄)"
)
CAPTION_MAX_MARKED = 120  # a caption with a marker (class, 图为, 供图) may be this long
CAPTION_MAX_CENTRED = 40  # an unmarked centred line right after an image: captions are short
THUMB_SUFFIX = re.compile(r"\.thumb\.(?:jpe?g|png|gif)$", re.I)
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp)(?:$|\?)", re.I)
FILENAME_ALT = re.compile(r"^[^\s/]+\.(?:jpe?g|png|gif|bmp|webp)$", re.I)

BLOCK_TAGS = frozenset((
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th tbody thead blockquote section "
    "article center pre figure figcaption header footer aside address hr"
).split())
HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
BOLD_TAGS = frozenset(("strong", "b"))
