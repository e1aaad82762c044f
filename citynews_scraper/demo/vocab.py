"""The demo portal's vocabulary: categories, names and sentence templates, as data.

Text is assembled from these pieces by `content.py`; slots are ``{name}`` fields filled
from `SLOTS`.  Everything is Simplified Chinese; Big5 mode converts with OpenCC.
Nothing here may look like mirror-site damage (no ASCII brackets after Han characters,
no U+FFFD), so the extractor's repairs leave the text alone.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    """A portal category (频道): id, name, folder name (folder mode) and parent id."""

    catid: int
    name: str
    folder: str
    parent: int | None


CATEGORIES: tuple[Category, ...] = (
    Category(1, "城事资讯", "news", None),
    Category(2, "凤凰街", "fenghuang", 1),
    Category(3, "安源新闻", "anyuan", 1),
    Category(4, "社区动态", "shequ", 1),
    Category(15, "李子园社区", "liziyuan", 2),
    Category(5, "民生服务", "life", None),
    Category(6, "教育资讯", "edu", 5),
    Category(7, "医疗健康", "health", 5),
    Category(8, "交通出行", "traffic", 5),
    Category(9, "文化旅游", "culture", None),
    Category(10, "非遗传承", "heritage", 9),
    Category(11, "旅游攻略", "travel", 9),
    Category(12, "便民公告", "notice", None),
    Category(13, "停水停电", "outage", 12),
    Category(14, "招聘求职", "jobs", 12),
)

# Where new articles go: (catid, weight).  Mostly leaves, some straight into a channel.
CATEGORY_WEIGHTS: tuple[tuple[int, int], ...] = (
    (1, 2), (2, 5), (3, 5), (4, 4), (15, 3), (5, 1), (6, 4), (7, 4), (8, 4),
    (9, 1), (10, 3), (11, 3), (12, 1), (13, 2), (14, 2),
)

# Portal accounts (发布者) with their uids.
PUBLISHERS: tuple[tuple[str, int], ...] = (
    ("admin", 1), ("城事小编", 2), ("凤凰街道办", 7), ("萍乡头条", 12), ("安源发布", 15),
    ("民生热线", 23), ("文旅萍乡", 31), ("编辑部", 4),
)
# 原作者: a reporter's name when the page names one.
# 刘䶮 (U+4DAE, CJK Ext. A) is outside GBK and Big5: those pages carry it as &#19886;.
AUTHORS: tuple[str, ...] = ("罗建华", "刘晓云", "陈思远", "王海燕", "李明杰", "张婷", "黄志强", "周丽萍", "刘䶮")
# 来自: outlet, and its link when the page shows one (None: plain text).
SOURCES: tuple[tuple[str, str | None], ...] = (
    ("大江网", "http://www.jxnews.com.cn/"),
    ("萍乡日报", None),
    ("萍乡头条客户端", "http://www.pxtt.example.cn/"),
    ("江西新闻网", "http://jiangxi.example.com/news/"),
    ("安源区融媒体中心", None),
    ("互联网", None),
)

SLOTS: dict[str, tuple[str, ...]] = {
    "district": ("安源区", "湘东区", "芦溪县", "上栗县", "莲花县", "经开区"),
    "street": ("凤凰街", "八一街", "东大街", "丹江街", "后埠街", "白源街", "城郊管委会"),
    "community": ("李子园小区", "建设路社区", "楚萍东路社区", "跃进社区", "南正街社区", "滨河社区", "公园路社区"),
    "place": ("鹅湖公园", "萍水河畔", "秋收起义广场", "孽龙洞", "武功山", "杨岐山", "安源路矿工人运动纪念馆"),
    "org": (
        "市住建局", "区城管局", "市卫健委", "市教育局", "市交通运输局", "区文广新旅局", "市供电公司", "市自来水公司",
    ),
    "project": (
        "老旧小区改造", "雨污分流工程", "背街小巷整治", "口袋公园建设", "智慧停车项目", "学校扩容工程", "便民服务中心",
    ),
    "campaign": ("文明创建", "邻里守望", "平安社区", "清洁家园", "全民健身", "书香萍乡", "学雷锋志愿服务"),
    "thing": ("停车位", "充电桩", "休闲座椅", "健身器材", "垃圾分类投放点", "路灯", "无障碍通道", "文化长廊"),
    "people": ("居民", "志愿者", "党员干部", "网格员", "退休教师", "青年学生", "社区工作者"),
    "num": ("30", "50", "80", "120", "200", "300", "500", "1200"),
    "pct": ("15%", "20%", "32%", "45%", "60%", "85%"),
    "month": ("3月", "5月", "6月", "9月", "10月", "11月"),
    "food": ("萍乡炒粉", "莲花血鸭", "上栗花炮糕", "湘东米粉", "芦溪擂茶"),
    "art": ("湘东傩面具", "萍乡春锣", "莲花落", "上栗花灯", "芦溪竹编"),
}

TITLE_TEMPLATES: tuple[str, ...] = (
    "{street}：{project}“焕新颜” 群众幸福指数再“升级”",
    "{district}{project}全面完工 惠及{num}余户{people}",
    "{community}开展“{campaign}”主题活动",
    "{org}发布{month}便民服务新举措",
    "家门口的{thing}多了 {community}居民点赞",
    "{place}周边交通优化方案公布",
    "{district}新增{num}个{thing}",
    "走进{community}：小小网格连着千家万户",
    "{art}：一门手艺守了一辈子",
    "周末去哪儿？{place}一日游攻略",
    "{org}提醒：{month}起这些事项可网上办理",
    "舌尖上的萍乡：{food}",
    "点赞👍 {community}的“网格管家”又上新了",
    "{street}{campaign}志愿服务队成立",
    "关于{district}部分区域临时停水的通知",
    "{district}{num}名{people}参加技能培训",
    "{project}进展顺利 预计年底投入使用",
)

# Subheadings (小标题) inside longer articles.
SUBHEADINGS: tuple[str, ...] = (
    "家园美了 环境优了 百姓乐了", "把好事办好 把实事办实", "问需于民 问计于民",
    "多方联动 形成合力", "下一步工作打算", "记者手记", "居民说", "办理指南",
    "一、基本情况", "二、主要做法", "三、取得成效",
)

SENTENCES: tuple[str, ...] = (
    "近日，{district}{street}组织开展“{campaign}”主题活动，吸引{num}余名{people}参与。",
    "{project}事关群众安居乐业，{street}以增进人民福祉为出发点和落脚点，致力把小区建设成为环境优美、整洁有序的美丽家园。",
    "走进{community}，映入眼帘的是平整干净的路面、因地制宜划定的{thing}和错落在绿植间的休闲座椅。",
    "据{org}相关负责人介绍，今年以来全市共投入资金{num}万元，完成改造面积{num}万平方米。",
    "“以前下雨天出门都要穿雨靴，现在路面平整了，心里也敞亮了。”在这里住了三十多年的{people}老李笑着说。",
    "截至{month}底，该项目已完成总工程量的{pct}，各项工作正有序推进。",
    "活动现场，{people}们分工协作，清理卫生死角，劝导不文明行为，用实际行动守护美丽家园。",
    "{org}提醒广大市民，办理相关业务可通过“赣服通”或现场窗口两种方式进行。",
    "下一步，{street}将继续聚焦群众急难愁盼问题，推动更多民生实事落地见效。",
    "据了解，{place}周边新增{thing}{num}处，有效缓解了节假日期间的停车难问题。",
    "在{place}，记者看到不少市民带着孩子前来游玩，拍照打卡，其乐融融。",
    "{art}是当地传承数百年的民间技艺，被列入省级非物质文化遗产代表性项目名录。",
    "老手艺人每天坚持在工作室里忙碌，一刀一凿都透着对传统技艺的敬畏。",
    "为方便游客出行，景区开通了往返市区的旅游专线，每天发车{num}班次。",
    "{food}香辣可口，是不少在外游子心中难以忘怀的家乡味道。",
    "受管网改造施工影响，{district}部分区域将于{month}中旬临时停水，请居民提前做好储水准备。",
    "本次招聘面向社会公开进行，共提供岗位{num}个，报名时间截至{month}底。",
    "医生建议，换季时节老人和儿童要注意保暖，出现发热症状应及时就医。",
    "{org}相关负责人表示，将持续优化服务流程，让群众少跑腿、好办事。",
    "今年，{district}把{project}列为重点民生工程，实行挂图作战、倒排工期。",
    "社区还组建了由{people}组成的议事会，小区改什么、怎么改，由居民说了算。",
    "项目建成后，将惠及周边{num}余户家庭，进一步提升群众的获得感和幸福感。",
    "{community}党支部书记介绍，社区共有网格员{num}名，做到了小事不出网格、大事不出社区。",
    "当天，志愿者们还为行动不便的老人送去米面油等生活物资，并陪他们拉家常。",
    "为确保工程质量，施工单位严格落实安全生产责任，每道工序都经过监理验收。",
    "不少市民表示，家门口的变化看得见、摸得着，日子过得越来越有奔头。",
    "记者从{org}获悉，全市中小学秋季学期新增学位{num}个，基本满足适龄儿童入学需求。",
    "{place}景区将在节假日期间推出系列文化活动，包括非遗展演、民俗体验等。",
    "该路段高峰时段车流量较大，交警部门提示驾驶员提前规划出行路线。",
    "目前，相关线路的调整方案已在公交站台张贴公示，市民可留意查看。",
)

# Caption texts (图片说明): the short paragraph right after an image.
CAPTIONS: tuple[str, ...] = (
    "（{street} 供图）", "图为{community}改造后的新面貌", "（记者 {author} 摄）",
    "图为{people}参加{campaign}活动", "{place}一角", "图为施工现场",
    "（{org} 供图）", "图为{art}作品",
)
# Alt texts some editors fill in.
ALTS: tuple[str, ...] = ("现场图片", "活动现场", "街区一角", "宜居的家园")

COMMENT_TEXTS: tuple[str, ...] = (
    "点赞！家门口越来越漂亮了。", "希望我们小区也能早点改造。", "停车位还是不够啊。",
    "支持，为社区工作者点赞。", "周末带孩子去看看。", "这个好，办事方便多了。",
    "什么时候完工？", "老家的味道，想念！",
)
GUEST_NAMES: tuple[str, ...] = ("萍水相逢", "鹅湖边的风", "老安源", "小李飞刀", "武功山人", "湘东妹子")
