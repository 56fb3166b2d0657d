"""What a document is, read once per document: its date, the region it is about and its kind
(work report, statistical bulletin, monthly release, news), each with where it came from.

The caller may give any of them (``indicators extract --doc-date``, a ``metadata.csv`` beside the
documents); what is given wins over what is read from the text.

    >>> meta = read_document_meta("2025年中华人民共和国国务院政府工作报告\\n\\n各位代表：…")
    >>> meta.date, meta.region_name, meta.region_code, meta.kind
    ('2025', '全国', '100000', 'work_report')

``date`` is ISO 8601, reduced to a month or a year when the text says no more (2025: a work report
whose title gives only the year it was delivered). For a bulletin whose title gives only the year
it reports on (2024年…统计公报), that year is its date: its 上年 and 年末 are read against it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import regex

from ..lang import vocab as V
from ..lang.gazetteer import (
    SOURCE_REACH,
    TOWN_ENDS,
    TOWN_LEVEL,
    adcode_rows,
    find_places,
    issuer_places,
    short_name,
    town_names,
    two_char_county,
)
from ..lang.regions import NATIONAL, Region, encloses, lookup
from ..schema import DOC_KINDS, iso_date
from .dates import parse_date
from .report import Part


@dataclass(frozen=True)
class DocumentMeta:
    date: str = ""             # ISO date (2025-03-05), reduced (2025-03, 2025) when that is all that is known
    date_source: str = ""      # given, dateline, title, 发布时间, file name
    region_name: str = ""      # 全国, 安徽省, 鞍山市 …
    region_code: str = ""      # 6-digit division code; 全国 is 100000
    region_source: str = ""    # given, title, issuer, dateline, source (a release's 来源 line), account (a WeChat
                               # byline's), file name
    kind: str = "other"        # one of DOC_KINDS
    kind_source: str = ""      # given, title, head, dateline …
    title: str = ""


@dataclass
class ChunkState:
    """What one chunk of a document hands to the next, so context survives a chunk boundary."""

    section: str = ""          # headline of the article the previous chunk ended in
    part: Part | None = None   # the part of a work report (review, plan) the previous chunk ended in


_HEAD_CHARS = 1500             # title, dateline and issuer sit at the top
_TITLE_LINES = 4
_MAX_TITLE = 60
# The source line of a government body's release (来源：江西省交通运输厅, 发布单位：洛阳市统计局).
_GOVERNMENT_BODY = r"(?P<body>\p{Han}{2,14}?(?:厅|局|委员会|委|办公室|政府|办事处|管委会))"
_SOURCE_LINE = regex.compile(rf"(?:来源|发布单位|发布机构)[:：]\s*{_GOVERNMENT_BODY}")
# 江西省商务厅举行2024年1—8月全省外贸运行情况新闻发布会: the body holding a press conference, whose place it speaks of
_HOST_LINE = regex.compile(rf"{_GOVERNMENT_BODY}(?:举行|召开|举办)[^\n]*?新闻发布会")


def _source_body(head: str) -> str:
    """The government body a release's source line names, or ''."""
    found = _SOURCE_LINE.search(head[:SOURCE_REACH])
    return found.group("body") if found is not None else ""


def _source_town(body: str) -> str:
    """The town or subdistrict whose office the source line names (来源：开福区四方坪街道办事处), or ''."""
    return next((name for name, level in issuer_places(body).items() if level == TOWN_LEVEL), "") if body else ""


def _source_region(body: str) -> Region | None:
    """The province's or city's region whose government body the source line names, or None."""
    for _, place in find_places(body):
        region = _region(place)
        if region is not None and body.startswith(place) and region.level in ("省", "市", "县"):
            return region
    return None


# The national level: State Council, NBS, the National People's Congress, the People's Republic.
_NATIONAL = re.compile(r"国务院|国家统计局(?![\u4e00-\u9fff]{1,8}调查总?队)|全国人民代表大会|中华人民共和国(?:20|19|[０-９一二])|中华人民共和国国民经济")
# ——2024年3月5日在第十四届全国人民代表大会第二次会议上 / （2025年1月14日在安徽省第十四届人民代表大会第三次会议上）
_CONGRESS = re.compile(
    r"(?P<date>(?:19|20|１９|２０|[一二][〇○零一二三四五六七八九]{3})[^\n在]{1,16}?日)\s*在\s*"
    r"(?P<place>[\u4e00-\u9fff]{0,12}?)第[一二三四五六七八九十]{1,3}届(?:全国)?人民代表大会")
_SPEECH_HEAD = 400          # a speech's dateline (——2025年1月8日在…人民代表大会…上) stands right under its title
_RELEASED = re.compile(r"(?:发布|公布|发稿|印发|成文)(?:时间|日期)\s*[:：]?\s*(?P<date>[^\n]{4,24})")
_DATELINE_DATE = re.compile(r"^(?:[^\n]{0,20}?)(?P<date>(?:19|20)[0-9]{2}\s*[-/年.]\s*[0-9]{1,2}\s*[-/月.]\s*[0-9]{1,2}日?)",
                            re.MULTILINE)
# A day written out (2024年10月23日) or in numerals (2024-10-23, 2024/10/23, 2024.10.23, with a time after it
# on a web page: 2024-10-23 09:30).
_DAY = (r"(?:19|20)[0-9]{2}\s*(?:年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日"
        r"|(?P<sep>[-/.])[0-9]{1,2}(?P=sep)[0-9]{1,2}(?![0-9])(?:\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?)")
_DATE_LINE = re.compile(rf"^[\s（(]*(?P<date>{_DAY})[\s）)]*$", re.MULTILINE)
# A masthead or issue line that ends with its date after a gap: 管委会主办　　2023年11月30日, 第46期 2024年3月5日 星期二,
# 四川省统计局  2024-10-23.
_MASTHEAD_DATE = re.compile(
    rf"^[^\n]{{2,40}}?[ \t\u3000](?P<date>{_DAY})"
    r"(?:[ \t\u3000]*(?:星期|周)[一二三四五六日天])?[ \t\u3000]*$", re.MULTILINE)
_WORK_REPORT = re.compile(r"政府工作报告|向大会报告政府工作|报告政府工作|向大会报告工作|计划执行情况与[^\n]{0,20}计划草案的报告")
_BULLETIN = re.compile(r"统计公报")
_TOWN_SAYS = re.compile(r"\s*[：:]")
_CITED_TITLE = re.compile(r"《[^》\n]*》")
# A township's station named by the town's short name (太和市场监管所开展…检查, 石莲派出所…): its story is about
# that town, when the text names the town in full (太和镇)
_TOWN_STATION = regex.compile(r"(?P<name>\p{Han}{2,3}?)(?:市场监管所|市场监督管理所|派出所|司法所|财政所|税务所|供电所"
                              r"|卫生院|中心卫生院|农技站|农业服务中心|林业站|水利站|中心学校|交警中队)")
_TOWN_DOC = re.compile(r"(?:[0-9]{4}年)?(?:(?:度|上半年|前三季度)?(?:工作简报|工作动态|工作总结|工作要点|工作计划|工作安排|工作汇报|工作情况)|简报)")
# ... and a title opening with the town, its year, then what the work was on (张浦镇2024年度安全生产和应急管理工作总结)
_TOWN_DOC_ON = re.compile(rf"(?:[0-9]{{4}}年)度?[^\n]{{0,24}}?{_TOWN_DOC.pattern}")
# A residents' community's or a village's own report: its name, perhaps its committee, then its year and what it
# reports on, or 村务公开 (八大关街道汇泉湾社区2024年度…工作总结, 上庄村2024年度村务公开…, 双河村2024年度村务和集体经济收支情况公开)
_TOWN_ABOVE = re.compile(r"[\u4e00-\u9fff]{2,5}?(?:街道|镇|乡)(?=[\u4e00-\u9fff]{2,4}?(?:社区|村))")
_NO_VILLAGE_ENDS = ("乡村", "农村")        # (和美乡村2024年建设工作总结: the countryside, no village)
# ... or its collective's (泖口村股份经济合作社2024年度财务公开暨收益分配方案: the village's shareholders' cooperative)
_VILLAGE_FIRM = r"(?:股份)?经济合作社|股份合作社"
# ... or its party branch's head's (龙凤村党支部书记2023年度抓基层党建工作述职报告)
_VILLAGE_HEAD = r"(?:党支部|党总支|党委)(?:书记)?(?:、?(?:村委会|居委会)?主任)?"
_DUTY_REPORT_WORDS = r"述职(?:述廉)?报告"
_DUTY_REPORT = rf"(?:[0-9]{{4}}年)度?[^\n]{{0,16}}?{_DUTY_REPORT_WORDS}"
# ... and a town's head's (泉城路街道党工委书记2023年度述职报告)
_TOWN_HEAD_REPORT = re.compile(rf"(?:党工委|党委|人民政府|办事处)?(?:书记|镇长|乡长|主任)?{_DUTY_REPORT}")
# A community's or a village's name (not 全村, 本社区, 各村: a scope)
_COMMUNITY_NAME = r"(?P<name>(?![全本我该各每这那其])[\u4e00-\u9fff]{2,4}?(?:社区|村))"
_COMMUNITY_DOC = re.compile(
    rf"{_COMMUNITY_NAME}"
    rf"(?:居民委员会|村民委员会|居委会|村委会|{_VILLAGE_FIRM}|{_VILLAGE_HEAD})?"
    rf"(?=(?:{_TOWN_DOC_ON.pattern})|(?:{_TOWN_DOC.pattern})|(?:[0-9]{{4}}年度?)?[^\n]{{0,12}}?(?:村务|财务|居务)[^\n]{{0,12}}?公开"
    rf"|(?:[0-9]{{4}}年度?)?工作报告|{_DUTY_REPORT})")      # (…桃源社区居民委员会2023年度工作报告)
# ... or whose byline names it, when the title does not (2024年度社区党委书记抓基层党建工作述职报告 over
# 江汉区唐家墩街道和谐里社区党委书记　王晓红)
_DUTY_REPORT_TITLE = re.compile(_DUTY_REPORT_WORDS)
_HEAD_BYLINE = re.compile(rf"{_COMMUNITY_NAME}{_VILLAGE_HEAD}"
                          r"[ \t\u3000]+[\u4e00-\u9fff]{2,4}[ \t\u3000]*$")
_MONTHLY = re.compile(
    rf"(?:(?:{V.SMALL_NUMBER})\s*(?:{V.char_class(V.RANGE_DASHES)}|{V.alternation(V.RANGE_WORDS)})\s*)?"
    rf"(?:(?:{V.SMALL_NUMBER})月份?|(?:前|第)?[一二三四1-4]季度|[上下]半年|前(?:{V.SMALL_NUMBER})个?月份?)[^\n]{{0,16}}"
    r"(?:经济运行|主要统计数据|统计数据|统计月报|主要指标|国民经济|运行情况|运行态势)"
    r"|统计月报|月度数据")
_NEWS = re.compile(r"本报讯|本报记者|新华社[^\n，,]{0,20}电|记者\s*[\u4e00-\u9fff]{2,4}|通讯员|第\s*[0-9０-９]+\s*版|"
                   + V.alternation(V.DAILY_PAPER_ENDS))
_GENERIC = re.compile(rf"{V.char_class(V.GENERIC_PREFIXES)}(?:省|市)")
_MIN_GENERIC = 5               # a report about a province says 全省 or 我省 again and again
_MIN_NAMED = 3
_SCAN_CHARS = 30000            # how much of a document is read to find what it is about, when its head does not say
# 一、2024年工作回顾 (the report is of the year after), 二、2025年主要目标任务 (of that year)
_HEADING_YEAR = re.compile(
    r"^\s*[一二三四五六七八九十]{1,2}、\s*(?P<year>(?:19|20)[0-9]{2})\s*年(?P<what>[^\n]{0,24}?)"
    r"(?:(?P<review>回顾|工作总结)|(?P<plan>目标|任务|工作安排|重点工作|总体要求|主要工作))", re.MULTILINE)
_FILE_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
_PROVINCIAL_LEAD = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,8}?(?:省|自治区|市|州|盟|县|区|旗))(?:省长|代省长|市长|代市长|县长|区长|州长|主席|人民政府)")


# A WeChat article's byline: its account, when it was posted, and the province it was posted from (婺源文旅
# 2024-03-18 20:15 江西), which says where the account's phone was, not what the article is about
# (the layout may join the byline to the lines around it, so the province is known by name, not by the line's end:
# a provincial division's short name, from the gazetteer)
@cache
def _byline() -> regex.Pattern[str]:
    provinces = {short_name(name) for code, name in adcode_rows() if code[2:] == _PROVINCE_CODE_TAIL}
    return regex.compile(r"(?P<account>[^\s：:，。]{2,20})[ \u3000]+20[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}"
                         r"(?:[ \u3000]+[0-9]{1,2}:[0-9]{2})?[ \u3000]+"
                         rf"(?P<province>{V.alternation(provinces)})(?![省市])")


_PROVINCE_CODE_TAIL = "0" * 10        # (a province's 12-digit adcode: 360000000000)


def _posted_byline(text: str) -> regex.Match[str] | None:
    """The WeChat byline near the top of ``text``, or None."""
    if "-" not in text[:_HEAD_CHARS]:           # (cheap test first: the byline's date has dashes)
        return None
    return _byline().search(text, 0, _HEAD_CHARS)


def posted_from(text: str) -> tuple[int, int] | None:
    """The span of the province a WeChat byline near the top of ``text`` was posted from, or None."""
    m = _posted_byline(text)
    return m.span("province") if m is not None else None


# What a government or media account's name ends with after its place's short name (婺源文旅, 洛阳发布, 安吉融媒)
_ACCOUNT_ENDS = ("文旅", "发布", "融媒", "新闻", "日报", "晚报", "宣传", "政务", "在线", "头条", "统计", "商务", "文化旅游")


def _account_region(head: str) -> Region | None:
    """The place a WeChat byline's account is named after (婺源文旅: 婺源县), or None."""
    if (m := _posted_byline(head)) is None:
        return None
    account = m.group("account")
    for size in (3, 2):
        if account[size:].startswith(_ACCOUNT_ENDS) and (region := _region(account[:size])) is not None:
            return region
    return None


def _without_posted_from(head: str) -> str:
    """``head`` with the province a WeChat byline was posted from blanked out (its length kept)."""
    span = posted_from(head)
    if span is None:
        return head
    return head[:span[0]] + " " * (span[1] - span[0]) + head[span[1]:]


def _head_lines(text: str) -> list[str]:
    return [line.strip() for line in text[:_HEAD_CHARS].splitlines() if line.strip()]


def _region(name: str, within: str = "") -> Region | None:
    return lookup(name, within) if name else None


# A title that opens with an agency and a colon (南京海关：, 人民银行南京分行：, 青岛海关：)
_AGENCY_SAYS = re.compile(r"[\u4e00-\u9fff]{2,14}?(?:海关|分行|支行|分局|管理局|监管局|统计局|调查队|局|厅|委员会|中心|公司|集团)"
                          r"\s*[：:]")


def _titled_town(title: str, after: re.Pattern[str], opens: bool = False) -> str:
    """The town or subdistrict a title names right before what ``after`` matches (the places above it may come
    first: 湄潭县石莲乡工作简报, 济南市历下区泉城路街道…), or ''; with ``opens``, only one the title opens with
    (米市巷街道：…)."""
    rest = title
    while True:                    # (济南市历下区泉城路街道…: the city, then the district, then the town)
        opening = next((name for name in town_names(rest) if rest.startswith(name)), "")
        if opening and after.match(rest, len(opening)):
            return opening         # 湖南路街道2024年度…工作总结, 武侯区玉林街道…: a town whose name opens with a place's
        above = next((p for at, p in find_places(rest) if at == 0), "")
        if not above:
            break
        rest = rest[len(above):]
    for name in town_names(rest):
        at = rest.find(name)
        if (not opens or at == 0) and after.match(rest, at + len(name)):
            return name
    return ""


def _station_town(title: str, text: str) -> str:
    """The town whose station (_TOWN_STATION) the title names, written in full in ``text``, or ''."""
    for m in _TOWN_STATION.finditer(title):
        for suffix in TOWN_ENDS:
            if m.group("name") + suffix in text:
                return m.group("name") + suffix
    return ""


def _titled_community(title: str, pattern: re.Pattern[str] = _COMMUNITY_DOC) -> str:
    """The residents' community or village whose own report the title is, after the places it lies in
    (八大关街道汇泉湾社区2024年度居民服务…工作总结, 四都乡上庄村2024年度村务公开…), or ''; with ``pattern``
    _HEAD_BYLINE, the one a duty report's byline names its head of."""
    rest = title
    while True:                  # (青岛市市南区八大关街道: each of the places above it, in turn; 玉林街道 is a
        town = _TOWN_ABOVE.match(rest)      # subdistrict's name whole, not the city 玉林 and a 街道芳华社区)
        above = town.group() if town else next((p for at, p in find_places(rest) if at == 0), "")
        if not above:
            break
        rest = rest[len(above):]
    m = pattern.match(rest)
    return m.group("name") if m and not m.group("name").endswith(_NO_VILLAGE_ENDS) else ""


def _read_region(head: str, title: str, name: str) -> tuple[Region | None, str, str]:
    """(region, where it came from, its name as written when the gazetteer lacks it)."""
    congress = _CONGRESS.search(head)
    congress_place = ""
    if congress is not None:
        place = congress.group("place")
        if not place or place.endswith("全国") or "全国人民代表大会" in congress.group(0):
            return NATIONAL, "dateline", ""
        region = _region(place)
        if region is not None:
            return region, "dateline", ""
        if place.endswith(TOWN_ENDS) and place in town_names(place):
            return None, "dateline", place    # 在大瑶镇第十八届人民代表大会: a town's congress, no division of the table
        congress_place = place        # 在青山区第十届人民代表大会: a name the gazetteer lacks or holds twice
    if _NATIONAL.search(title):
        return NATIONAL, "title", ""
    title_issuers = issuer_places(title)
    town = next((n for n, level in title_issuers.items() if level == TOWN_LEVEL), "")
    if not town and _TOWN_DOC.search(title):
        town = (_titled_town(title, _TOWN_DOC)      # 湄潭县石莲乡工作简报: the township's own bulletin
                or _titled_town(title, _TOWN_DOC_ON, opens=True))     # 张浦镇2024年度安全生产…工作总结
    if not town and _DUTY_REPORT_TITLE.search(title):
        town = _titled_town(title, _TOWN_HEAD_REPORT)      # 泉城路街道党工委书记2023年度述职报告
    if town:                                      # 开福区四方坪街道办事处: the subdistrict's, not its district's
        return None, "issuer", town
    lines = title.split("\n")
    # (a title broken after its issuer: 西陵区云集街道桃源社区居民委员会 / 2023年度工作报告)
    lines += [a + b for a, b in pairwise(lines) if not b.startswith(_DASH)]
    community = next((found for line in lines if (found := _titled_community(line.lstrip(_DASH)))), "")
    if not community and _DUTY_REPORT_TITLE.search(title):
        community = next((found for line in lines if (found := _titled_community(line, _HEAD_BYLINE))), "")
    if community:                                 # 汇泉湾社区…工作总结: the community's, not its district's (also
                                                  # a subtitle's: 凝心聚力强堡垒…\n——三里庵街道梅岭社区2024年…工作总结)
        return None, "issuer", community
    for issuer in title_issuers:                  # 云泽市2023年…公报, 湖州市吴兴区人民政府…
        if (region := _region(issuer)) is not None:
            return region, "title", ""
    agency = _AGENCY_SAYS.match(title)
    for _, place in find_places(title[agency.end():]) if agency else ():
        region = _region(place)                   # 南京海关：前三季度江苏外贸…: the agency's city names who speaks,
        if region is not None and region.level != "区域":     # the place after the colon what it speaks of
            return region, "title", ""
    title_places = find_places(title)
    for k, (pos, place) in enumerate(title_places):
        if two_char_county(place) and any(place in i and place != i for i in title_issuers):
            continue                               # a two-character county inside an issuer the gazetteer lacks
                                                   # (丰县 in 禾丰县; but 芜湖 in 芜湖高新技术产业开发区 is its city)
        region = _region(place)
        if region is not None and region.level != "区域":
            if k + 1 < len(title_places) and title_places[k + 1][0] == pos + len(place):
                inner = _region(title_places[k + 1][1])   # 成都市武侯区卫生健康局: the district the city's name
                if inner is not None and encloses(region, inner):     # leads to
                    return inner, "title", ""
            return region, "title", ""
    issuers = {**title_issuers, **issuer_places(head)}
    for issuer in issuers:
        if (region := _region(issuer)) is not None:
            return region, "issuer", ""
    lead = _PROVINCIAL_LEAD.search(head)
    if lead is not None and (region := _region(lead.group("name"))) is not None:
        return region, "issuer", ""
    if _NATIONAL.search(head[:300]):
        return NATIONAL, "head", ""
    for _, place in find_places(name):
        region = _region(place)
        if region is not None and region.level != "区域":
            return region, "file name", ""
    if congress_place:
        return None, "dateline", congress_place
    if issuers:                       # an issuer the gazetteer lacks (a new county, a fictional city)
        return None, "issuer", next(iter(issuers))
    return None, "", ""


def _most_named(text: str) -> Region | None:
    """A report with no title or issuer that speaks of 全省 (or 全市) and names one province (or city)
    far more often than any other is about that one."""
    generic = _GENERIC.findall(text)
    if len(generic) < _MIN_GENERIC:
        return None
    level = max(("省", "市"), key=lambda lv: sum(1 for g in generic if g[-1] == lv))
    counts: dict[Region, int] = {}
    for _, place in find_places(text):
        region = _region(place)
        if region is not None and region.level == level:
            counts[region] = counts.get(region, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < _MIN_NAMED or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def _read_kind(head: str, title: str) -> tuple[str, str]:
    if _WORK_REPORT.search(title):
        return "work_report", "title"
    if _BULLETIN.search(title):
        return "statistical_bulletin", "title"
    if _NEWS.search(head) and not _CONGRESS.search(head[:_SPEECH_HEAD]):
        return "news", "head"         # (not a report delivered at a congress that names a paper: 在浏阳日报…刊发稿件42篇)
    if _MONTHLY.search(title):
        return "monthly_release", "title"
    if _WORK_REPORT.search(head):
        return "work_report", "head"
    if _BULLETIN.search(_CITED_TITLE.sub("", head[:300])):
        return "statistical_bulletin", "head"     # (not …联合发布《2024年全国科技经费投入统计公报》: a bulletin cited)
    return "other", ""


_DASH = "—"
_OPENS_WITH_YEAR = re.compile(r"\s*(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年")


def _read_date(head: str, title: str, name: str, kind: str) -> tuple[str, str]:
    congress = _CONGRESS.search(head)
    if congress is not None and (date := parse_date(congress.group("date"))):
        return date, "dateline"
    released = _RELEASED.search(head)
    if released is not None and (date := parse_date(released.group("date"))):
        return date, "发布时间"
    alone = _DATE_LINE.search(head[:600])                  # a line that is only a date: the release date
    if alone is not None and (date := parse_date(alone.group("date"))):
        return date, "dateline"
    masthead = _MASTHEAD_DATE.search(head[:600])
    if masthead is not None and (date := parse_date(masthead.group("date"))):
        return date, "dateline"
    if kind == "news":
        dated = _DATELINE_DATE.search(head[:400])
        if dated is not None and (date := parse_date(dated.group("date"))):
            return date, "dateline"
    date = parse_date(title)
    if date:
        return date[:4] if kind in ("work_report", "statistical_bulletin") else date, "title"
    years = _FILE_YEAR.findall(name.rsplit("/", 1)[-1])
    if len(years) == 1:
        return years[0], "file name"
    return "", ""


def _date_from_headings(text: str) -> str:
    """The year of a work report that states none at its top, from its parts' headings."""
    m = _HEADING_YEAR.search(text)
    if m is None:
        return ""
    return str(int(m.group("year")) + (1 if m.group("review") else 0))


def given_date(date: str) -> str:
    """A date a caller gives (2025-03-05, 2025-03, 2025) as ISO; ValueError when it is not one."""
    return iso_date(date)


def given_agrees(given: Mapping[str, str], date: str, region_name: str, kind: str) -> bool:
    """Whether what a caller gives (date, region, kind; empty values say nothing) is what a document
    already holds: a stored document given other metadata must be extracted again. A given value that
    cannot be read disagrees, so the extraction names the problem."""
    try:
        if given.get("date") and given_date(given["date"]) != date:
            return False
    except ValueError:
        return False
    if given.get("region"):
        found = lookup(given["region"])
        if (found.name if found else given["region"]) != region_name:
            return False
    return not given.get("kind") or given["kind"] == kind


def read_document_meta(text: str, name: str = "", *, date: str | None = None, region: str | None = None,
                       kind: str | None = None) -> DocumentMeta:
    """The document's metadata: what the caller gives, else what its title, dateline, issuer and
    file name say. ``text`` need only be the document's beginning."""
    head = _without_posted_from(text[:_HEAD_CHARS])
    lines = _head_lines(head)
    top = []                                    # the lines above the speech or the body: title, dateline, issuer
    for line in lines[:_TITLE_LINES]:
        if line.startswith("各位代表") or len(line) > _MAX_TITLE or line[-1] in V.SENTENCE_END + V.COLONS:
            break                               # (a short first paragraph is body, not a title line; nor one
                                                # that introduces: …经国家统计局核定，现将…公布如下：)
        top.append(line)
    title = next((line for line in top if not line.startswith("——")), "")
    # A slogan's title may leave the year to a subtitle (凝心聚力强堡垒 共建共治暖民心\n——…社区2024年…工作总结); a line
    # of dashes opening with a date is a speech's dateline instead
    subtitle = next((line.lstrip(_DASH) for line in top
                     if line.startswith("——") and not _OPENS_WITH_YEAR.match(line.lstrip(_DASH))), "")
    if kind:
        if kind not in DOC_KINDS:
            raise ValueError(f"{kind!r} is not a kind of document (one of {', '.join(DOC_KINDS)})")
        doc_kind, kind_source = kind, "given"
    else:
        doc_kind, kind_source = _read_kind(head, "\n".join(top))
    if date:
        doc_date, date_source = given_date(date), "given"
    else:
        doc_date, date_source = _read_date(head, subtitle if subtitle and not parse_date(title) else title, name,
                                           doc_kind)
        if not doc_date and doc_kind == "work_report" and (doc_date := _date_from_headings(text[:_SCAN_CHARS])):
            date_source = "headings"
    source_body = _source_body(head) if doc_kind == "news" and not region else ""
    if region:
        found = lookup(region)
        region_name = found.name if found else region
        region_code, region_source = (found.code if found else ""), "given"
    elif doc_kind == "news" and _NATIONAL.search(title) and all(p in V.COUNTRY_SCOPES for _, p in find_places(title)):
        # 国家统计局：前11个月全国规模以上工业企业利润下降4.7%: a national release, about the country
        region_name, region_code, region_source = NATIONAL.name, NATIONAL.code, "title"
    elif doc_kind == "news" and (town := _source_town(source_body)):
        region_name, region_code, region_source = town, "", "source"     # a subdistrict's own release
    elif doc_kind == "news" and (town := _titled_town(title, _TOWN_SAYS, opens=True)):
        # 米市巷街道：家门口的服务"暖"到居民心坎上: a story about one town or subdistrict, named before the colon
        region_name, region_code, region_source = town, "", "title"
    elif doc_kind == "news" and (town := _station_town(title, head)):
        region_name, region_code, region_source = town, "", "title"      # (_TOWN_STATION)
    elif doc_kind == "news" and (source := _source_region(source_body)) is not None:
        # 来源：江西省交通运输厅: one government body's release, about its place
        region_name, region_code, region_source = source.name, source.code, "source"
    elif (doc_kind == "news" and not region and (host := _HOST_LINE.match(title)) is not None
          and (source := _source_region(host.group("body"))) is not None):
        region_name, region_code, region_source = source.name, source.code, "title"     # (_HOST_LINE)
    elif doc_kind == "news":
        region_name = region_code = region_source = ""   # a page of news is about many places
    else:
        found, region_source, unknown = _read_region(head, "\n".join(top), name)
        if region_source in ("head", "") and (source := _source_region(_source_body(head))) is not None:
            # 来源：安徽省科学技术厅 over 近日，国家统计局…联合发布…: the body that published it, not one it cites
            found, region_source, unknown = source, "source", ""
        if found is None and not unknown and (found := _account_region(text[:_HEAD_CHARS])) is not None:
            region_source = "account"       # 婺源文旅 2024-03-18 20:15 江西: the county's own account
        if found is None and not unknown and (found := _most_named(text[:_SCAN_CHARS])) is not None:
            region_source = "text"
        region_name = found.name if found else unknown
        region_code = found.code if found else ""
    return DocumentMeta(
        date=doc_date, date_source=date_source,
        region_name=region_name, region_code=region_code, region_source=region_source,
        kind=doc_kind, kind_source=kind_source, title=title,
    )
