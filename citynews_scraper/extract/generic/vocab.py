"""Vocabularies of Chinese news portals: boilerplate lines, role words, outlet words.

Data only; the modules that use them say how.  Each entry is here because it showed up
on real portal pages around the article text (sina, sohu, 163, xinhuanet, people, city
portals) — add to the lists, not to the code.
"""

from __future__ import annotations

import re

# A paragraph that IS one of these (after whitespace removal) is chrome, not text.
BOILERPLATE_LINE = re.compile(
    r"^(?:"
    r"[【\[(（]?(?:责任编辑|責任編輯|编辑|編輯|责编|本文编辑|网络编辑|审核|校对|监制|制作|摄影|摄像|文字|供图|图源|圖源)[】\])）]?[:：].{0,30}"
    r"|[【\[(（](?:责任编辑|编辑|責任編輯|編輯|责编)[:：][^】\])）]{0,20}[】\])）]"
    r"|(?:文章|本文|稿件|新闻|信息)?来源[:：].{0,30}|(?:文章|本文)?來源[:：].{0,30}"
    r"|(?:上一篇|下一篇|上一页|下一页|上一條|下一條|上一条|下一条)(?:[:：>].{0,60})?"
    r"|(?:上一篇|下一篇|上一页|下一页|上页|下页|首页|尾页|末页|\d{1,3}|[<>«»])+"
    r"|(?:分享到|分享|转发到|扫一扫|微信扫一扫|扫描二维码|打开微信)(?:[:：].{0,40}|(?:微信|微博|QQ空间|QQ|朋友圈|豆瓣|人人网|腾讯微博|新浪微博|复制链接|:|：){0,12})"
    r"|(?:相关阅读|相关新闻|相关链接|相关报道|相关文章|延伸阅读|推荐阅读|热点推荐|精彩推荐|猜你喜欢|热门推荐|更多精彩|今日推荐|图片精选)[:：>]*.{0,10}"
    r"|.{0,20}(?:版权所有|版權所有|All Rights Reserved|Copyright|©|ICP备|ICP證|公网安备|经营许可证"
    r"|禁止商业转载|未经授权禁止|转载请注明|转载申请|不得转载|严禁转载|禁止转载).{0,120}"
    r"|(?:【[^】]{1,12}】)+"
    r"|(?:打印本页|打印|字号|关闭窗口|关闭|收藏本文|收藏|纠错|举报|返回顶部|返回首页|返回目录|返目录|举报/反馈|[+＋]?关注|字体[:：]?大中小|发表评论|我来说两句|我要评论|网友评论|查看评论|更多>>|更多)"
    r"|返回搜狐[，,]?查看更多"
    # Platform statements under self-media posts (网易号, 搜狐号) and a news tip line.
    r"|(?:特别声明|平台声明)[:：].{0,160}|Notice[:：]?Thecontentabove.{0,300}"
    r"|.{0,12}报料(?:热线|电话|邮箱)?[:：].{0,40}"
    r"|声明[:：]该文观点仅代表作者本人.{0,80}"
    r"|(?:当前位置|您的位置|你的位置|您现在的位置)[:：].{0,80}"
    r"|本文(?:地址|链接|网址)[:：].{0,120}"
    r"|\(?(?:点击|阅读|浏览)[:：]?\d+次?\)?"
    r")$",
    re.IGNORECASE,
)

# Closing remarks set apart from the text, dropped from the article's last paragraphs only
# (`clean.drop_footer`; as boilerplate everywhere they would also shrink a short article's
# block while the body extractor still weighs it): disclaimers (郑重声明：…, 免责声明：…), a
# credit wholly in brackets (（作者：某某 编辑：某某）, （文章来源：某某网）, （本文首发于…，作者｜某某）),
# 本内容为作者独立观点…, 本文来自某某，原文链接：…, a follow prompt.
CLOSING_REMARK = re.compile(
    r"^(?:[^，。]{0,6}声明[:：].{0,200}"
    r"|[（(](?:作者|文章来源|来源|來源|本文首发于|本文首發於|本文来自|本文來自|本文转自|本文轉自)[^（()）]{0,60}[）)]\d{0,8}"
    r"|本(?:文|内容|內容)(?:仅|僅)?(?:为|為|系|代表)作者(?:个人|個人|独立|獨立)?观点.{0,120}"
    r"|本文来自.{0,30}原文链接[:：].{0,120}"
    r"|(?:微信)?扫一扫.{0,6}关注.{0,12})$"
)

# Markers after which the rest of a page is related links, comments and footers; the
# body is cut there when the marker comes after most of the text.
TAIL_MARKER = re.compile(
    r"^[■●◆▲·•]?\s*(?:相关阅读|相关新闻|相关链接|相关报道|相关文章|相关专题|延伸阅读|推荐阅读|"
    r"热点推荐|精彩推荐|猜你喜欢|热门推荐|"
    r"上一篇|下一篇|返回搜狐|网友评论|最新评论|发表评论|(?:文章)?关键[词字][:：]|标签[:：]|"
    r"我来说两句|请发表您的看法|更多精彩|【发表评论】|声明[:：]该文观点"
    # Heading words that also open sentences (热门新闻的背后…): only as a heading of their own.
    r"|(?:推荐新闻|为您推荐|为你推荐|相关推荐|大家都在看|热点新闻|热门新闻)(?:$|[:：>]))"
)

# Table and box-drawing debris left when layout tables become text.
DEBRIS_LINE = re.compile(r"^[\s|│┃└┘┌┐├┤─━→←↑↓▼▲►◄\-:·•*]*$")

# Role words that introduce a person in a credit line.  The value is the record field.
AUTHOR_ROLES = (
    "作者", "作\u3000者", "文", "撰文", "记者", "本报记者", "本台记者", "特约记者", "见习记者",
    "实习记者", "执笔", "执笔人", "文字", "采写", "撰稿", "撰稿人", "通讯员", "文/图", "图/文", "口述",
    # Traditional-script forms (Hong Kong, Taiwan, Macau pages).
    "記者", "本報記者", "特約記者", "通訊員", "執筆",
)
EDITOR_ROLES = ("责任编辑", "責任編輯", "责编", "编辑", "編輯", "本文编辑", "网络编辑")
SOURCE_ROLES = ("来源", "來源", "文章来源", "稿件来源", "新闻来源", "信息来源", "出处", "来自", "來自", "转自", "出自")

# Words that make a 来源 value an outlet rather than a person.
OUTLET_WORDS = (
    "网", "報", "报", "社", "台", "刊", "杂志", "雜誌", "频道", "頻道", "新闻", "新聞", "日报",
    "晚报", "周刊", "中心", "客户端", "公众号", "微信", "微博", "官方", "出版", "局", "委", "厅",
    "部", "办", "院", "所", "会", "站", "电视", "广播", "传媒", "集团", "公司", "转载", "原创",
    "本站", "整理", "综合", "编译", "转自", "来源", "news", "com", "cn", ".",
    # Offices and news-item words: 无锡交警, 某某发布 (a government account), 商讯.
    "交警", "公安", "政府", "法院", "发布", "讯",
)

# A credit value ending in one of these names an organisation, not a person
# (作者：医技药剂党支部); only values longer than a personal name are checked.
ORGANISATION_SUFFIXES = (
    "党支部", "支部", "党委", "委员会", "办公室", "编辑部", "工作室", "中心", "研究院", "研究所", "协会",
    "学会", "公司", "集团", "医院", "学校", "大学", "学院", "科室", "管理处",
)

# A byline value ends where one of these starts (the next field on the same line).
FIELD_STOP = re.compile(
    r"\s*(?:作者|(?:文章|稿件|信息|新闻)来源|来源|來源|记者|编辑|責任編輯|责任编辑|发布时间|發佈時間|发布日期|时间|時間|日期|网友评论|网友|发表评论|我要评论|查看评论|发表|举报|"
    r"浏览|阅读|点击|字号|字体|分享|评论|出处|出自|编辑|返回|(?:译者|翻译|译|摄影|摄|采写|撰文|执笔|文字)\s*[:：]|【|\[|\||\(?\d{4}[-/年.]"
    # The next role of a credit line (王某 审核：刘某, 陆某 图/沈某, 徐某选稿：陈某): with a colon or a slash.
    r"|(?:审核|审校|审稿|终审|复审|初审|校对|选稿|摄像|摄影|摄|图片|图|美编|监制|制片|统筹|策划|视频|剪辑|出品|责编)\s*[:：/]"
    # A picture credit run into the byline (作者：某某，题图来自：视觉中国).
    r"|[，,]?\s*(?:题图|頭圖|头图|封面图?|配图)\s*(?:来自|來自|来源|來源)?\s*[:：]"
    r"|\d+\s*(?:秒|分钟|小时|天|周)前|刚刚|今天|昨天|前天)"
)

# The commonest Chinese surnames (about 85% of people): a bare linked line under the
# headline is read as the writer's name only when it opens with one of these (a channel
# link such as 财经 has the same shape otherwise).  Characters that open channel names
# (国内, 文化, 海外, 时尚, 新闻, 金融, 房产, 游戏 …) are left out on purpose.
COMMON_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董"
    "袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛"
    "闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃武戴莫孔向汤湯常温溫康施牛樊葛邢齐齊易乔喬伍庞龐"
    "颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂苗谷"
    "盛曲翁冉骆駱蓝藍路辛靳管柴蒙鲍鮑喻祁蒲滕屈饶饒解牟艾尤阳陽穆农農司卓古吉缪繆简簡车車项項连連芦蘆"
    "麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂佟应應臧闵閔苟邬鄔边邊卞姬师師仇栾欒隋商刁沙荣榮巫寇"
    "桑郎甄丛叢仲虞敖巩鞏佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥班储儲栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺"
    "楼樓盘盤满滿闻聞位厉厲伊仝区區郜阚闞花权權强強帅帥屠豆朴盖蓋练練廉禹井祖漆巴丰支卿狄计計索宣晋晉初"
    "容敬扈晁芮普阙闕浦戈伏鹿薄邸雍辜羊阿乌烏母裘亓修邰赫杭况況那宿鲜鮮印逯隆茹诸諸战戰慕危玉银銀亢嵇"
    "哈湛宾賓戎勾茅於呼居揭干但尉冶斯元束檀衣展阴陰昝智幸奉植衡富尧堯闭閉由"
)

# Words of buttons and labels around a byline (关注, 登录 …): a line holding one is no name.
UI_WORD = re.compile(
    r"来源|作者|时间|日期|编辑|发布|字号|分享|举报|关注|首页|登录|注册|评论|收藏|原创|正文|搜索|更多|返回|订阅|点赞|打印"
)

# Values that are not names at all.
NOT_A_NAME = frozenset({
    "佚名", "未知", "admin", "管理员", "本站", "网络", "网友", "匿名", "转载", "原创", "不详",
    "本网", "编辑", "记者", "作者", "来源", "搜索", "通讯员", "实习生", "摄影", "摄", "本报记者",
    "系统管理员", "网络整理", "整理", "综合",
})

# 来源 values that name no outlet.
NOT_A_SOURCE = frozenset({
    "转载", "转载文章", "原创", "本站", "本站原创", "网络", "网络转载", "互联网", "网友", "网友投稿", "投稿",
    "未知", "佚名", "不详", "综合", "本网", "整理",
})

# Site-name separators in <title>: 标题_频道_网站, 标题 - 网站, 标题|网站.
TITLE_SEPARATORS = re.compile(r"\s*(?:_{1,2}|\s-{1,2}\s|-{2}|\s\|\s|｜|—{1,2}|::|»|>>)\s*")
