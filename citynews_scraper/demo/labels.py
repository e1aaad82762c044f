"""Template strings of the stock theme, Simplified (SC) and Traditional (TC), as data.

From discuz-x.md §7 (X3.4 SC and the official-style TC language pack).
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "publisher": ("发布者", "發佈者"),
    "views": ("查看", "查看"),
    "comments": ("评论", "評論"),
    "author": ("原作者", "原作者"),
    "from": ("来自", "來自"),
    "summary": ("摘要", "摘要"),
    "view_content": ("查看内容", "查看內容"),
    "portal": ("门户", "門戶"),
    "forum": ("论坛", "論壇"),
    "space": ("家园", "家園"),
    "home": ("首页", "首頁"),
    "related_cats": ("相关分类", "相關分類"),
    "sub_cats": ("下级分类", "下級分類"),
    "prev": ("上一篇：", "上一篇："),
    "next": ("下一篇：", "下一篇："),
    "related": ("相关阅读", "相關閱讀"),
    "inner_nav": ("本文导航", "本文導航"),
    "page_pre": ("第", "第"),
    "page_unit": ("页", "頁"),
    "all_comments": ("查看全部评论", "查看全部評論"),
    "latest_comments": ("最新评论", "最新評論"),
    "post_comment": ("发表评论", "發表評論"),
    "next_page": ("下一页", "下一頁"),
    "total": ("共", "共"),
    "page_tip": ("输入页码，按回车快速跳转", "輸入頁碼，按 Enter 快速跳轉"),
    "rss": ("订阅", "訂閱"),
    "category": ("分类", "分類"),
    "favorite": ("收藏", "收藏"),
    "share": ("分享", "分享"),
    "invite": ("邀请", "邀請"),
    "recent_clicks": ("刚表态过的朋友", "剛表態過的朋友"),
    "deleted": ("抱歉，指定的文章不存在或已被删除！", "抱歉，指定的文章不存在或已被刪除！"),
    "no_category": ("抱歉，您要查看的分类不存在或已被删除！", "抱歉，您要查看的分類不存在或已被刪除！"),
    "back": ("[点击这里返回上一页]", "[點擊這裡返回上一頁]"),
    "notice": ("提示信息", "提示信息"),
    "latest_news": ("最新资讯", "最新資訊"),
    "photo_news": ("图片新闻", "圖片新聞"),
    "hot_reads": ("热门阅读", "熱門閱讀"),
    "more": ("更多", "更多"),
    "links": ("友情链接", "友情鏈接"),
    "login": ("登录", "登錄"),
    "register": ("立即注册", "立即註冊"),
    "guest": ("游客", "遊客"),
    "hot_threads": ("论坛热帖", "論壇熱帖"),
    "set_home": ("设为首页", "設為首頁"),
    "bookmark": ("收藏本站", "收藏本站"),
    "contact": ("联系我们", "聯繫我們"),
    "redirecting": ("正在跳转，请稍候……", "正在跳轉，請稍候……"),
}

# Reaction buttons in page order: (icon, slot clickid); labels live in content.REACTION_LABELS.
CLICK_ICONS: tuple[tuple[str, int], ...] = (
    ("luguo.gif", 11), ("leiren.gif", 12), ("woshou.gif", 13), ("xianhua.gif", 14), ("jidan.gif", 15),
)


def label(key: str, traditional: bool) -> str:
    """The template string `key` in the portal's script."""
    return LABELS[key][1 if traditional else 0]
