"""Author, source and editor from the credit lines around the article.

Field mapping (record-v1): ``author`` is the person who wrote it (作者, 记者, 文, 执笔,
a trailing ``（记者 胡晓蓉）`` / ``（姚峰 上海报道）``, 本贴由…发表); ``source`` is the
outlet (来源 / 来自 / 出处); ``publisher`` is the portal editor who put it online
(责任编辑 / 编辑), because that is the role record-v1's publisher names (the portal
account).  A 来源 value that is a person's name (``来源: 尹娟``) is the author, not an
outlet.  The role word is never part of a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from citynews_scraper.extract.generic import vocab
from citynews_scraper.extract.generic.lines import Line
from citynews_scraper.extract.generic.zones import Zones

_ROLE_ALT = "|".join(sorted(map(re.escape, vocab.AUTHOR_ROLES), key=len, reverse=True))
_EDITOR_ALT = "|".join(sorted(map(re.escape, vocab.EDITOR_ROLES), key=len, reverse=True))
_SOURCE_ALT = "|".join(sorted(map(re.escape, vocab.SOURCE_ROLES), key=len, reverse=True))
_HAN_NAME = r"[\u4e00-\u9fff·]{2,4}"

# 作者：张三 李四 / 记者 张三 / 文/张三 / 文/图 张三 — role, a separator, then the value.
AUTHOR_LABEL = re.compile(
    rf"(?:^|[\s【\[(（|>])(?:{_ROLE_ALT})(?:\s*[:：/]|(?<=[文图]/[图文])\s)\s*(?P<value>.+)"
)
# 来源：证券时报网作者：李在山 (fields glued together) / | 作者 魏星 / |作者魏星 / 《棱镜》作者 周纯:
# 作者 needs no boundary before a colon; after a field boundary it needs no separator at all
# when Han names follow up to the end of the field.
AUTHOR_GLUED = re.compile(
    rf"作者\s*[:：]\s*(?P<value>.+)"
    rf"|(?:(?:^|[\s】》>])作者\s+|\|\s*作者\s*)(?P<spaced>{_HAN_NAME}(?:\s+{_HAN_NAME})*)(?=$|[\s|)）】])"
)
# 记者张三 / 本报记者罗科苏盈发自北京 / 交汇点记者 徐睿翔 (no separator: a Han name follows).
# 界面新闻记者 | 周慧敏: a bar may stand between the role and the name.
# 記者林佳穎／台北即時報導: Traditional-script role words, a full-width slash after the name.
REPORTER = re.compile(
    rf"(?:记者|記者|通讯员|通訊員)\s*(?:[|｜]\s*)?"
    rf"(?P<value>{_HAN_NAME}(?:[\s、]+{_HAN_NAME})*)(?=$|[\s)）】/／]|发自|發自|报道|報道|報導|摄|攝)"
)
# （中央社記者張怡文花蓮14日電）: a wire dateline, the name glued to the place and the day.  The
# name is taken as two or three characters and the place as two or three (a place of one
# character does not occur), so 記者王明台北14日電 reads 王明 and 記者張怡文花蓮14日電 張怡文.
WIRE_DATELINE = re.compile(
    r"[（(][\u4e00-\u9fff]{0,6}?[记記]者(?P<value>[\u4e00-\u9fff]{2,3})[\u4e00-\u9fff]{2,3}\d{1,2}日[电電]"
)
# 文｜赵宇航 / 作者 | 韩知秋 / 作者,吉田美和 (a screen-reader label before the name): a bar, or a
# comma on a line of its own; the value must be a person's name (a bar also separates menus).
AUTHOR_BAR = re.compile(
    r"(?:^|[\s(（【，,])(?:文|作者|撰文|记者|記者)\s*[|｜]\s*(?P<value>[^|｜]+)"
    rf"|^(?:作者|記者|记者|撰文)\s*[,，]\s*(?P<alone>{_HAN_NAME})$"
)
# A role word between two names of one credit (通讯员 叶蓓 记者 方建国): a separator.
_INNER_ROLE = re.compile(
    r"(?<=[\u4e00-\u9fff])\s+(?:本报|本報|特约|特約|见习|見習|实习|實習)?(?:记者|記者|通讯员|通訊員)\s*"
    r"(?=[\u4e00-\u9fff])"
)
# （记者 胡晓蓉） / （常书香 马丹阳 ） / （姚峰 上海报道） at the end of the last paragraph.
TRAILING_CREDIT = re.compile(
    rf"[（(]\s*(?:(?:本报|特约|见习|实习)?记者|通讯员)?\s*(?P<value>{_HAN_NAME}(?:[\s、]+{_HAN_NAME}){{0,4}}?)"
    r"\s*(?:[\u4e00-\u9fff]{0,4}报道|供稿|整理)?\s*[)）]\s*$"
)
# 石佳/中国青年报: a byline line of writer / outlet (the outlet names itself as one).
NAME_SLASH_OUTLET = re.compile(rf"^(?P<value>{_HAN_NAME})\s*/\s*(?P<outlet>[^/\s]{{2,12}})$")
# 本贴由大卫于2005年8月12日16:12:21在…发表 (forum posts).
POSTED_BY = re.compile(r"由\s*(?P<value>[^\s于]{1,16})\s*于\s*(?:19|20)\d\d")
# A whole short line that is a credit: the role word opens it (a bracket may come first).
CREDIT_LINE_CHARS = 40
# Any author pattern, on a body-zone line this short (《棱镜》作者 周纯, 新京报记者 陆一夫).
SHORT_CREDIT_CHARS = 20
MAX_LINK_SHARE = 0.5
CREDIT_LINE = re.compile(rf"^[【\[(（]?\s*(?:{_ROLE_ALT})\s*[:：/]\s*(?P<value>.+)")
# A footer line of fields that opens with the source: 本文来源：某报 作者：某某 责任编辑：某某.
SOURCE_LINE = re.compile(rf"^[【\[(（]?\s*(?:本文|文章|稿件|新闻)?(?:{_SOURCE_ALT})\s*[:：]")
EDITOR_LINE = re.compile(rf"^[【\[(（]?\s*(?:{_EDITOR_ALT})\s*[:：]\s*(?P<value>[^】\])）]+)")
EDITOR_LABEL = re.compile(rf"(?:{_EDITOR_ALT})\s*[:：]\s*(?P<value>[^】\])）]+)")
# 界面新闻编辑 | 黄月: after a bar only a name ends the credit (a bar also separates menu items);
# 编辑 李晓敏: a line of its own, the role and a name.
EDITOR_BAR = re.compile(
    rf"(?:{_EDITOR_ALT})\s*[|｜]\s*(?P<value>{_HAN_NAME})(?=$|\s)|^(?:{_EDITOR_ALT})\s+(?P<alone>{_HAN_NAME})$"
)
CHIEF_EDITOR_LABEL = re.compile(r"(?:责任编辑|責任編輯|责编|責編)\s*[:：]\s*(?P<value>[^】\])）]+)")
SOURCE_LABEL = re.compile(rf"(?:{_SOURCE_ALT})\s*[:：]\s*(?P<value>.+)")
# Words that end a name inside a credit line (what the reporter did, where from).
_NAME_END = re.compile(r"(?:发自|發自|报道|報道|報導|摄影?|攝影?|采写|整理|整合|编译|供稿|综合|实习生|通讯员).*$")
_PLACE_REPORTED = re.compile(r"[\u4e00-\u9fff]{1,6}(?:报道|報道|報導)")
_EDGE_PUNCT = "　 :：，,。.;；|/\\【】[]()（）<>《》\"“”'"
MAX_VALUE_CHARS = 40
# A role word glued to a name (作者：记者王敬照) is not part of the name.
# An outlet may come first: 南都见习记者 林子沛, 观察者网专栏作者 王文.
# The outlet may hold Latin letters, digits or a plus: 南方+记者, N视频记者.
_ROLE_PREFIX = re.compile(
    r"^[\u4e00-\u9fffA-Za-z0-9+＋]{0,8}?(?:新华社|本报|本報|本台|本网|特约|特約|见习|实习|专栏)?(?:记者|記者|通讯员|通訊員|评论员|撰稿人?|作者)\s*"
)
# A writer's role opening a credit value (作者：文/刘某 图/蒋某, 文/图 刘某): a separator must
# follow, since 文 is also a surname (文静).
_WRITER_LEAD = re.compile(r"^(?:(?:文\s*[/／]\s*图|图\s*[/／]\s*文)\s*[:：]?|(?:文字?|撰文)\s*[/／:：|｜])\s*")
# …and "text and pictures" after the name (作者：记者 黄某 文/图).
_TEXT_AND_PHOTO_TAIL = re.compile(r"\s+(?:文\s*[/／]\s*图|图\s*[/／]\s*文)$")
# Staff codes glued to an editor's name: 杨倩_NF4425, 韩保林 PK155.
_STAFF_CODE = re.compile(r"_[A-Za-z]{1,4}\d{2,}$")
_CODE_ONLY = re.compile(r"[A-Z]{1,4}\d{2,}")
_NAME_SPLIT = re.compile(r"[、，,\s]+(?![^()（）]*[)）])")
# ``&`` joins the last name of a list (叨叨姐、胡一刀&李小飞刀), but is part of a user name on
# its own (放飞&心情): it separates only in a value that is already a list.
_LIST_AMPERSAND = re.compile(r"\s*[&＆]\s*")
# zachwang(王志宏): a staff login with the person's name in brackets; the name is the credit.
_LOGIN_NAME = re.compile(r"^[A-Za-z][\w.\-]*\s*[(（]\s*(?P<name>[\u4e00-\u9fff·]{2,4})\s*[)）]?$")
# Markup debris and URLs are not names (``作者： size="20"``).
_NOT_NAME_CHARS = re.compile(r"[=\"<>{}]|https?:|www\.")
# Body lines searched at the start (credits such as 本报记者…发自北京 open the text).
EDGE_LINES = 3
# Lines right above the headline searched last (a dateline and byline set above it).
ABOVE_TITLE_LINES = 2
ABOVE_TITLE_ROLES = ("作者", "记者", "编辑", "来源")
MAX_NAMES = 6
# A bare name line under the headline: this many lines below it, and wholly a link.
UNDER_TITLE_LINES = 2
FULL_LINK = 0.9
# The page's copyright line sits among its last lines; the owner is named before 版权所有.
COPYRIGHT_LINES = 6
COPYRIGHT_OWNER = re.compile(
    r"(?:^|\s)(?P<name>[^\s©]{2,12})\s*(?:版权所有|版權所有)"
    r"|(?:Copyright|©)\s*(?:(?:19|20)\d\d(?:\s*[-~]\s*(?:19|20)\d\d)?\s*)?(?P<owner>[\u4e00-\u9fff]{2,12})"
)


@dataclass
class Credits:
    author: str | None = None
    source: str | None = None
    publisher: str | None = None


def _trim(value: str) -> str:
    """The value before the next field on the line, edge punctuation and a leading role
    word (本报记者 李明) removed."""
    value = _ROLE_PREFIX.sub("", value.strip(_EDGE_PUNCT)).strip()
    value = _WRITER_LEAD.sub("", value)
    value = _INNER_ROLE.sub(" ", value)
    stop = vocab.FIELD_STOP.search(value)
    if stop and stop.start() == 0 and stop.group().strip():
        return ""  # an empty field: 作者：责任编辑：肖春芳 names the editor, not an author
    value = value[: stop.start()] if stop and stop.start() > 0 else value
    value = _TEXT_AND_PHOTO_TAIL.sub("", value).strip(_EDGE_PUNCT)
    # 光明网-《光明日报》: the closing mark of a title inside the value stays.
    return value + "》" if value.count("《") > value.count("》") else value


def _names(value: str) -> str | None:
    """A credit value as space-separated names, or None when it is not names."""
    value = _trim(value)
    if login := _LOGIN_NAME.match(value):
        value = login["name"]
    if not value or len(value) > MAX_VALUE_CHARS or value in vocab.NOT_A_NAME or _NOT_NAME_CHARS.search(value):
        return None
    if re.search(r"[、，,]", value):
        value = _LIST_AMPERSAND.sub("、", value)
    names = [_STAFF_CODE.sub("", n.strip(_EDGE_PUNCT)) for n in _NAME_SPLIT.split(value)]
    if any(_is_organisation(n) for n in names):
        return None
    # 记者 刘某 东营报道: a word glued to 报道 after the name is the place reported from.
    names = names[:1] + [n for n in names[1:] if not _PLACE_REPORTED.fullmatch(n)]
    names = [_NAME_END.sub("", n) if re.fullmatch(r"[\u4e00-\u9fff]+", n) else n for n in names]
    names = [_ROLE_PREFIX.sub("", n) if len(n) > 4 or _ROLE_PREFIX.fullmatch(n) is None else n for n in names]
    names = [n for n in names if n and n not in vocab.NOT_A_NAME and not n.isdigit()]
    if len(names) > 1:  # a staff code after a name (韩保林 PK155) is not a second person
        names = [n for n in names if not _CODE_ONLY.fullmatch(n)]
    if len(names) > 1 and _is_outlet(names[0]) and all(is_person(n) for n in names[1:]):
        names = names[1:]  # 文/观察者网 刘程辉: the outlet, then the writer
    if not names or len(names) > MAX_NAMES:
        return None
    return " ".join(names)


def _is_organisation(name: str) -> bool:
    """True for 医技药剂党支部-like values: longer than a name, ending in an office word."""
    return len(name) > 4 and name.endswith(vocab.ORGANISATION_SUFFIXES)


def _is_outlet(value: str) -> bool:
    return not is_person(value) and any(word in value for word in vocab.OUTLET_WORDS)


def is_person(value: str) -> bool:
    """True for a value that looks like a Chinese person's name rather than an outlet."""
    return bool(re.fullmatch(rf"{_HAN_NAME}(?:\s+{_HAN_NAME})*", value)) and not any(
        word in value for word in vocab.OUTLET_WORDS
    )


def _author_in(text: str, last_paragraph: bool) -> str | None:
    for pattern in (AUTHOR_LABEL, AUTHOR_GLUED, REPORTER, POSTED_BY):
        for match in pattern.finditer(text):
            names = _names(match.group("value") or match.group("spaced") if pattern is AUTHOR_GLUED
                           else match.group("value"))
            if pattern is REPORTER and (text[match.end():].lstrip().startswith("摄")
                                        or match.group("value").endswith("摄")):
                continue  # （记者 周涛 摄）: a photo credit, not the writer
            if names and pattern is REPORTER and text[match.end():].startswith(("报道", "報道", "報導")) \
                    and " " in names:
                names = names.rsplit(" ", 1)[0]  # 记者 彭冲 山东冠县报道: the last word is a place
            if names and pattern is REPORTER:
                names = _names_before(text, match.start(), names)
            if names and (pattern in (AUTHOR_LABEL, AUTHOR_GLUED, POSTED_BY) or is_person(names.split()[0])):
                return names
    for match in AUTHOR_BAR.finditer(text):
        names = _names(match["value"] or match["alone"])
        if names and all(is_person(n) for n in names.split()):
            return names
    if wire := WIRE_DATELINE.search(text):
        return wire["value"]
    slash = NAME_SLASH_OUTLET.match(text)
    if slash and is_person(slash["value"]) and any(w in slash["outlet"] for w in vocab.OUTLET_WORDS):
        return slash["value"]
    trailing = TRAILING_CREDIT.search(text) if last_paragraph else None
    credit = trailing.group("value").split() if trailing else []
    if len(credit) > 1 and not is_person(credit[0]):
        credit = credit[1:]  # （网易财经 张艳）: the outlet, then the writer
    if credit and all(is_person(n) for n in credit):
        return " ".join(credit)
    return None


def _names_before(text: str, start: int, names: str) -> str:
    """``中央纪委国家监委网站 刘泽宇 通讯员 程曦``: on a short credit line the names before the
    role word (after an outlet, if any) are writers too."""
    if len(text) > CREDIT_LINE_CHARS or (start and not text[start - 1].isspace()):
        return names  # 融媒记者 / 新民晚报记者 X: a word glued to the role qualifies it, names none
    tokens = text[:start].split()
    people = [t for t in tokens if is_person(t)]
    rest = tokens[: len(tokens) - len(people)]
    if not people or tokens[len(rest):] != people or len(rest) > 1 or rest and not _is_outlet(rest[0]):
        return names
    return " ".join([*people, names])


def _editor_in(text: str) -> str | None:
    """The 责任编辑 / 编辑 credit of a line: after a colon, or a person's name after a bar.
    责任编辑 wins over a plain 编辑 on the same line (编辑：王某 责任编辑：刘某)."""
    if (match := CHIEF_EDITOR_LABEL.search(text)) and (names := _names(match.group("value"))):
        return names
    if match := EDITOR_LABEL.search(text):
        return _names(match.group("value"))
    match = EDITOR_BAR.search(text)
    name = match and (match["value"] or match["alone"])
    return name if name and is_person(name) else None


def _search_order(lines: list[Line], zones: Zones) -> list[tuple[int, str]]:
    """Header lines, the first two and last three body lines, the tail, then the short
    lines right above the headline (WordPress sets 发布于 … 作者 X there, links and all)."""
    header = range(zones.header_start, zones.body_start)
    body = list(range(zones.body_start, zones.body_end))
    edges = body[:EDGE_LINES] + [i for i in body[-3:] if i not in body[:EDGE_LINES]]
    tail = range(zones.body_end, zones.tail_end)
    above = [i for i in range(max(0, zones.header_start - ABOVE_TITLE_LINES), zones.header_start)
             if len(lines[i].text) <= CREDIT_LINE_CHARS and any(w in lines[i].text for w in ABOVE_TITLE_ROLES)]
    # A linked byline opening the body (聯合報 / 記者<a>林佳穎</a>／台北報導) is read when it names a role.
    opening = [i for i in body[:1] if len(lines[i].text) <= CREDIT_LINE_CHARS
               and any(w in lines[i].text for w in (*ABOVE_TITLE_ROLES, "記者", "作者"))]
    return [(i, lines[i].text) for i in [*header, *edges, *tail] if lines[i].link_share <= 0.5
            or i in header or i in opening] + [(i, lines[i].text) for i in above]


def _credit_lines_in_body(lines: list[Line], zones: Zones, credits: Credits) -> None:
    """Fill author / editor from short lines inside the body zone that *are* credit lines
    (``责任编辑：张迪``, ``采写：南都记者 余毅菁``): when the body zone runs past the article
    (promotions, the next story), such a line is not at its edges."""
    for line in lines[zones.body_start:zones.body_end]:
        text = line.text
        if len(text) > CREDIT_LINE_CHARS or line.link_share > MAX_LINK_SHARE:
            continue
        if credits.author is None and (match := CREDIT_LINE.match(text)):
            credits.author = _names(match.group("value"))
        if credits.author is None and len(text) <= SHORT_CREDIT_CHARS:
            credits.author = _author_in(text, last_paragraph=False)
        if credits.publisher is None and (match := EDITOR_LINE.match(text)):
            credits.publisher = _names(match.group("value"))
        if SOURCE_LINE.match(text):  # 本文来源：中国新闻网 作者：李金磊 责任编辑：NF055
            if credits.author is None:
                credits.author = _author_in(text, last_paragraph=False)
            if credits.publisher is None and (match := EDITOR_LABEL.search(text)):
                credits.publisher = _names(match.group("value"))


def linked_name_under_title(lines: list[Line], zones: Zones) -> str | None:
    """A writer's name shown as a bare link line right under the headline (联合早报, 知乎):
    one person's name, opening with a common surname (`vocab.COMMON_SURNAMES`; a channel
    link has the same shape)."""
    for line in lines[zones.header_start + 1: zones.header_start + 1 + UNDER_TITLE_LINES]:
        text = line.text
        if line.link_share >= FULL_LINK and is_person(text) and " " not in text \
                and text[0] in vocab.COMMON_SURNAMES and text not in vocab.NOT_A_NAME \
                and not vocab.UI_WORD.search(text):
            return text
    return None


def _shown_as_editor(lines: list[Line], zones: Zones, name: str) -> bool:
    """True when the page credits `name` as a plain 编辑 beside a different 责任编辑 (央视:
    编辑：王某 责任编辑：刘某, the meta author being the web editor).  A sole 编辑 credit that
    repeats the meta author may be the writer-editor of a small page, so it does not count."""
    plain = chief = False
    for line in lines[zones.header_start: zones.tail_end]:
        for match in CHIEF_EDITOR_LABEL.finditer(line.text):
            chief = chief or not _trim(match.group("value")).startswith(name)
        for match in EDITOR_LABEL.finditer(line.text):
            plain = plain or _trim(match.group("value")).startswith(name)
    return plain and chief


def page_outlets(lines: list[Line], meta_source: str | None) -> set[str]:
    """The outlet names the page gives itself: the source meta and the owner of its
    copyright line (第一财经 版权所有)."""
    outlets = {meta_source} if meta_source else set()
    for line in lines[-COPYRIGHT_LINES:]:
        outlets.update(match["name"] or match["owner"] for match in COPYRIGHT_OWNER.finditer(line.text))
    return outlets


def _without_outlet(author: str, lines: list[Line], meta_source: str | None) -> str:
    """作者：第一财经 孙莉萍 / 文｜财新 王力为: the first word is dropped when the page names it
    as its outlet (or the outlet's name opens with it: 财新 of Copyright 财新网)."""
    first, rest = author.split(" ", 1)
    return rest if any(o.startswith(first) for o in page_outlets(lines, meta_source)) else author


def read_credits(lines: list[Line], zones: Zones, meta_author: str | None = None,
                 meta_source: str | None = None) -> Credits:
    """Author, source and editor (publisher) from the lines around the body."""
    credits = Credits()
    last_body = zones.body_end - 1
    for index, text in _search_order(lines, zones):
        if credits.author is None:
            credits.author = _author_in(text, index >= last_body - 2 and index <= last_body)
        if credits.publisher is None:
            credits.publisher = _editor_in(text)
        if credits.source is None:
            match = SOURCE_LABEL.search(text)
            credits.source = _trim(match.group("value")) or None if match else None
    if credits.author is None or credits.publisher is None:
        _credit_lines_in_body(lines, zones, credits)
    if credits.source and credits.author is None and is_person(credits.source):
        credits.author, credits.source = credits.source, None
    if credits.source and (credits.source in vocab.NOT_A_SOURCE or _NOT_NAME_CHARS.search(credits.source)):
        credits.source = None
    if credits.author is None:
        credits.author = linked_name_under_title(lines, zones)
    if credits.author is None and meta_author and not any(w in meta_author for w in vocab.OUTLET_WORDS) \
            and not _shown_as_editor(lines, zones, meta_author):
        credits.author = _names(meta_author)
    if credits.author and " " in credits.author:
        credits.author = _without_outlet(credits.author, lines, meta_source)
    credits.source = credits.source or None
    return credits
