"""The region of a fact: the place its sentence names, what 全市/全省 stands for, or the place its
article or document is about."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

import regex

from ..lang import vocab as V
from ..lang.gazetteer import PROVINCE_LEVEL, TOWN_ENDS, TOWN_LEVEL, VILLAGE_LEVEL, leading_place, place_levels
from ..lang.regions import lookup
from .clauses import (
    MAX_CLAUSE,
    ONLY_A_BREAK,
    clause_end,
    clause_start,
    compared_at,
    is_han,
    respectively_clause,
    scan_back,
)
from .dates import small_number
from .layout import DATELINE, Block
from .period import PERIOD

if TYPE_CHECKING:
    from .document import BlockContext, DocumentContext

_LISTED = frozenset(V.LIST_JOINERS + "等")
SCOPES = frozenset(V.COUNTRY_SCOPES)
_COUNTRY = tuple(V.COUNTRY_SCOPES)
CAPTION = re.compile(r"\s*(?:图为|图：|图:|（图|\(图)")


def filed_from(block: Block) -> int:
    """Length of a dateline such as 本报常州、榆林8月28日电 or 本报济宁11月21日讯: the places in it are where
    the story was filed, not what it is about (【城厢镇】, by contrast, is)."""
    m = DATELINE.match(block.text)
    return m.end() if m and m.group().endswith(("电", "讯")) else 0



def region_for(doc: DocumentContext, ctx: BlockContext, block: Block, local: int,
               sentence: tuple[int, int], quoted: bool = True) -> str:
    """The place a fact is about: named before it in its sentence; else what 全市/全省 before it
    stands for; else named later in its clause; else earlier in its paragraph (or, for a paragraph
    opening with a quote, the one before it); else the place its article (or document) names most;
    else a bare 全省/全市."""
    s0, s1 = sentence
    text = block.text
    national = doc.about in SCOPES
    before = doc.quoted_on(block) if quoted and not doc.about else None
    floor = before.offset if before is not None else block.offset
    i = bisect_right(ctx._place_pos, local) - 1
    if _AT in text[:_SCENE_LEAD] and (scene := _scene(doc, ctx, text, local)):
        return scene                   # 在新河村，种粮大户李国华…: a village or town set as the paragraph's scene
    if (i > 0 and ctx._place_pos[i - 1] >= s0 and text[ctx._place_pos[i] - 1:ctx._place_pos[i]] in _PLACE_LAST
            and _opens_firm_after_place(doc, ctx, text, i)):
        return ctx.places[i - 1][1]    # 泗安镇浙江鑫晟新材料有限公司年产20万吨: the place before the firm's is where it is
    if i >= 0 and text[local - 1:local] in V.OPENING_BRACKETS and ctx._place_pos[i] + len(ctx.places[i][1]) == local - 1:
        return ctx.places[i][1]        # 四川（268.4万人）、河南（243.1万人）: a member's figure in brackets after it
    if (i >= 0 and ctx._place_pos[i] >= s0 and text.find(_EACH, ctx._place_pos[i], local) >= 0 and ctx.default_place
            and _EACH_PART.search(text, ctx._place_pos[i], local)):
        return ctx.default_place       # 偃师区…分别增长…，各县区增速介于-2.1%—15.4%之间: the city's spread
    if (i >= 0 and ctx.default_place and (text.find(_SPREAD, max(s0, local - _SPREAD_REACH), local) >= 0
                                          or (text.find(_SPREAD_END, local, local + _SPREAD_AFTER) >= 0
                                              and text.find(_SPREAD_IN, max(s0, local - _SPREAD_REACH), local) >= 0))
            and ctx._place_pos[i] < (clause0 := clause_start(text, local, s0))
            and (_EACH_PART.search(text, 0, ctx._place_pos[i]) or _EACH_PART.search(text, clause0, local))):
        return ctx.default_place       # 从各县市区看，…镜湖区最高；优良天数比例介于80.9%—86.6%之间: so is this one
                                       # (各县市区中，…无为市最高；PM2.5年均浓度在29-36微克/立方米之间; …偃师区上涨
                                       # 0.1%，其余县区涨幅在0.2%-0.5%之间: the rest's spread)
    if (i >= 0 and ctx.default_place and (group := _GROUP_SUBJECT.search(text, max(s0, local - _GROUP_REACH), local))
            and not any(ch in V.CLAUSE_END for ch in text[group.end():local])):
        return ctx.default_place       # …分别为…，三地合计占全市的47.1%: the places together, the page's place
    if (ctx.default_place and (local == 0 or text[local - 1] in _PARTS_LEAD)
            and _ALL_PARTS_COUNTED.match(text, local)):
        return ctx.default_place       # 12个盟市经济全部实现正增长, 阿荣旗、扎赉特旗等12个旗县: the count of the page's
                                       # place's parts (not 全区16个街道, 周边12个乡镇: of the place named before)
    if (i >= 0 and text[(e := ctx._place_pos[i] + len(ctx.places[i][1])):e + 1] in _GROUP_NEXT   # (cheap test first)
            and ctx._place_pos[i] >= clause_start(text, local, s0)
            and (group := counted_group(text, *ctx.places[i]))[1] >= 0 and (local == group[1] or group[0])):
        return ctx.default_place if local == group[1] else group[0]    # (see counted_group; a figure of its clause)
    if (i >= 0 and ctx._place_pos[i] >= s0 and (not national or governs(text, ctx.places[i], local, s0))
            and (not ctx.has_generic_within(ctx._place_pos[i], local)     # 全国增长5%，我省增长5.8%
                 or (text[(e := ctx._place_pos[i] + len(ctx.places[i][1])):e + 1] == _ALL
                     and _whole_of_it(text, e, local)))   # (内蒙古全区…)
            and not _partners(text, *ctx.places[i])
            and not _listed_before_semicolon(text, ctx._place_pos[i], len(ctx.places[i][1]), local)
            and not _list_closed_before(text, ctx._place_pos[i], len(ctx.places[i][1]), local)
            and not (text[ctx._place_pos[i] - 1:ctx._place_pos[i]] in _AMONG_LAST
                     and _part_before_semicolon(text, ctx._place_pos[i], local))
            and not _in_closed_aside(text, ctx._place_pos[i], local, s0)     # …增长4.3%（全国增长5.2%），…
            and not (doc.encloses_about(ctx.places[i][1])
                     and (not (_governs_as_subject(text, ctx.places[i], local, s0) or _heads_sentence(ctx, text, i, s0))
                          or _LISTED_BY.match(text, ctx._place_pos[i] + len(ctx.places[i][1]))
                          or _FIRM_AFTER.match(text, ctx._place_pos[i] + len(ctx.places[i][1]))))):
        return ctx.places[i][1]
    if i > 0 and ctx._place_pos[i] >= s0 and _partners(text, *ctx.places[i]):
        k = i - 1                      # 嘉善县已与上海市青浦区、…吴江区实现126项…: the place acting with them
        while k >= 0 and ctx._place_pos[k] >= s0 and _partners(text, *ctx.places[k]):
            k -= 1
        if (k >= 0 and s0 <= (pos := ctx._place_pos[k]) == scan_back(text, pos, s0, V.CLAUSE_END)
                and not mentioned_only(text, *ctx.places[k])):
            return ctx.places[k][1]    # (the subject opening its clause, for the sentence's later clauses too)
    if (closing := text.find(_QUOTE_CLOSE, local, local + _QUOTE_REACH)) >= 0 and (
            speaker := _speaker_place(ctx, text, local, closing)):
        return speaker                 # “项目从签约到开工仅用了两个多月。”贡江镇负责人介绍: the speaker's place
    default = ctx.default_place
    generic = ctx.last_generic_within(max(s0, local - MAX_CLAUSE), local)
    if generic is not None and _in_closed_aside(text, generic[0], local, s0):
        generic = None                 # 同比增长4.3%（全国增长5.2%），比上半年加快0.2个百分点: the aside's own
    if generic is not None:
        if generic[0] in ctx.share_bases and default:
            return default             # 占全省沿海港口的六成以上: a part of the province, the article's place
        return _resolve_generic(doc, generic[1], default, block.offset + local, floor)
    clause_stop = clause_end(text, local, s1)
    j = i + 1
    if j < len(ctx._place_pos) and ctx._place_pos[j] < clause_stop and (
            not national or not mentioned_only(text, *ctx.places[j])) and not (
            doc.encloses_about(ctx.places[j][1]) and _FIRM_AFTER.match(text, ctx._place_pos[j] + len(ctx.places[j][1]))):
        return ctx.places[j][1]        # (not 与镇里其他6个村入股溪口镇强村公司 in 上徐村's report: its town's firm)
    if national:
        return default                 # a national report's figure is national unless its clause says otherwise
    # Earlier in the paragraph, unless the place was one of a list (郑州、洛阳、南阳分别增长…).
    while i >= 0 and not doc.about:
        pos, name = ctx.places[i]
        after = text[pos + len(name):pos + len(name) + 1]
        if (after not in _LISTED and text[pos - 1:pos] not in _LISTED
                and not (pos < s0 and _BREAKDOWN_OPEN.match(text, scan_back(text, pos, 0, V.SENTENCE_END)))
                and not doc.encloses_about(name)
                and not (i > 0 and text[pos - 1:pos] in _PLACE_LAST and _opens_firm_after_place(doc, ctx, text, i))):
            if (name[-1] in _TOWN_LAST and doc.level(name) == TOWN_LEVEL
                    and (later := ctx.last_generic_within(pos, s0)) is not None
                    and later[1][-1] != name[-1]):
                break                  # 南陵县许镇镇，种粮大户…。据县农业农村局统计，今年全县…: the 全县 after the town
            if pos < s0 and _WENT_HOME.search(text, pos, local) is not None:
                break                  # 在西安一家公司做了两年运营，2021年回到老家…。…卖了十几单: home again, not there
            return name
        i -= 1
    earlier = ctx.last_generic_within(0, local) if not doc.about else None
    if earlier is not None and earlier[0] in ctx.share_bases and default:
        return default                 # …占全省税费收入的22.6%。其中，税收收入…: the whole a share was of is not it
    if earlier is not None:            # 全市已开工…。同时，…累计改造各类管网326公里: the paragraph's 全市, not
        return _resolve_generic(doc, earlier[1], default, block.offset + local, floor)   # the article's district
    if not doc.about and _NATIONAL_BODY.search(text, 0, local):
        return V.COUNTRY_SCOPES[0]     # 国家发展改革委有关负责人介绍，今年1万亿元…: the country's, not the page's place
    if before is not None:             # “增量政策的效应正在持续显现。”这位负责人说，…: the paragraph before's
        end = len(before.text)         # (but not a town it visited: a farmer's words are of the county's story)
        place = region_for(doc, doc.block(before), before, end, before.sentence_at(end - 1), quoted=False)
        if doc.level(place) != TOWN_LEVEL:
            return place
    if default:
        return default
    return ctx.generic_place


_RESPECTIVE = V.RESPECTIVELY
# Coming home from a place named before (回到老家, 回的老家, 返乡创业, 回乡; not 返乡青年, who they are): the paragraph's
# later sentences are not there
_WENT_HOME = re.compile(r"(?:回(?:到|了|的)?(?:老家|家乡|村里|县里)|返乡|回乡)(?!青年|大学生|人员|创业者|能人|农民工|人才)")
_AT, _SCENE_LEAD = "在", 3
_TOWNS_AND_VILLAGES = frozenset({TOWN_LEVEL, VILLAGE_LEVEL})
_NAMES_A_BODY = re.compile(r"(?!的)[\u4e00-\u9fff]{1,12}?(?:合作社|联合社|有限责任公司|有限公司|股份公司|集团|公司|协会)")
# A paragraph opening with 在 and a place, set as a clause of its own (在新河村，…; 在隔壁的三星村，…; 在司竹镇金官村，…)
_SCENE = re.compile(rf"[ \u3000]{{0,2}}在[^{V.CLAUSE_END}{V.LIST_COMMA}\n]{{2,16}}(?=[{V.COMMAS}])")


def _scene(doc: DocumentContext, ctx: BlockContext, text: str, local: int) -> str:
    """The village or town a paragraph opens by setting its scene in, when it is not the document's own place
    (nor one that lies in) and no other town or village but the document's own is named between it and the figure
    (在隔壁的三星村，汉寿县岩汪湖镇…合作社理事长告诉记者，合作社有社员86户: 三星村); else ''."""
    opened = _SCENE.match(text)
    if opened is None or opened.end() > local:
        return ""
    k = bisect_right(ctx._place_pos, opened.end()) - 1
    if k < 0 or ctx._place_pos[k] + len(ctx.places[k][1]) != opened.end():
        return ""
    scene = ctx.places[k][1]
    if scene == doc.about or doc.level(scene) not in _TOWNS_AND_VILLAGES or doc.encloses_about(scene):
        return ""
    for pos, name in ctx.places[k + 1:]:
        if pos >= local:
            break
        if name != doc.about and doc.level(name) in _TOWNS_AND_VILLAGES and not _NAMES_A_BODY.match(text, pos + len(name)):
            return ""                  # (another town or village named since speaks for its figures, as usual; not
                                       # one that opens a firm's name: 汉寿县岩汪湖镇丰禾农机专业合作社理事长…)
    if ctx.has_generic_within(opened.end(), local):
        return ""                      # (全镇, 全县 between: the whole, not the scene)
    return scene


_TOWN_LAST = frozenset(end[-1] for end in TOWN_ENDS)     # (镇, 乡, 道: a cheap test before the level's look-up)
_JOINT_LEAD = re.compile(r"\s*(?:其中|另外|此外|同时)?\s*[，,]?\s*")
_JOINT_GAP = frozenset(V.LIST_JOINERS)
# 两市, 三地, 四县: places counted (after their list, or as a clause's subject)
_PLACES_COUNTED = r"[两二三四五六七八九十]{1,2}(?:地|市|县|区|省)"
_JOINT_TAIL = re.compile(rf"(?:{_PLACES_COUNTED}|等地|等)?")
_MORE_THAN_NAMED = re.compile(r"等[0-9０-９一二三四五六七八九十两]")


def joint_places(text: str, s0: int, local: int) -> str:
    """广州、深圳两市重点商圈客流…增长三至四成: the places a clause opens with, listed, whose one figure is of
    them together ("广州、深圳", as a labeller writes it); '' when the clause opens otherwise, names one place,
    or pairs its places with figures (分别)."""
    clause0 = scan_back(text, local, s0, V.CLAUSE_END + V.COLONS)    # (a list's 、 ends no clause here)
    lead = _JOINT_LEAD.match(text, clause0, local)
    pos = lead.end() if lead else clause0
    names = []
    while pos < local:
        name = leading_place(text[pos:pos + 12])
        if not name:
            break
        names.append(name)
        pos += len(name)
        if text[pos:pos + 1] not in _JOINT_GAP:
            break
        pos += 1
    if len(names) < 2 or text[pos - 1:pos] in _JOINT_GAP or _RESPECTIVE in text[pos:local] or local - pos <= 1:
        return ""                      # (杭州、宁波…金华5个城市: the figure counts them)
    if _MORE_THAN_NAMED.match(text, pos):
        return ""                      # 九江、吉安、宜春等6个设区市: more places than it names
    tail = _JOINT_TAIL.match(text, pos)
    if text[tail.end():tail.end() + 1] in _JOINT_GAP:
        return ""                      # 河北、陕西两省和援藏企业实施…: others with them
    return V.LIST_COMMA.join(names)


_AMONG_LEAD = ("其中", "其中，", "其中,")
_AMONG_LAST = frozenset(lead[-1] for lead in _AMONG_LEAD)


def _part_before_semicolon(text: str, pos: int, local: int) -> bool:
    """…1680万亩，其中阿拉善盟治理沙化土地210万亩；森林覆盖率达到23.5%: a part named after 其中 is the place of
    its own clause run only, not of what follows the semicolon."""
    return text.endswith(_AMONG_LEAD, max(0, pos - 3), pos) and any(ch in V.SEMICOLONS for ch in text[pos:local])


def _listed_before_semicolon(text: str, pos: int, length: int, local: int) -> bool:
    """株洲、湘潭、衡阳三市分别增长…；14个市州中有12个…: a member of a list in a part of the sentence before a
    semicolon paired with that part's figures, not with the next part's."""
    return ((text[pos - 1:pos] in _LISTED or text[pos + length:pos + length + 1] in _LISTED)
            and any(mark in text[pos + length:local] for mark in V.SEMICOLONS))


def _list_closed_before(text: str, pos: int, length: int, local: int) -> bool:
    """抽查越城区、柯桥区…新昌县，发现：…38家养老机构…; 在中牟县、荥阳市、新郑市等地，城乡公交一体化线路达到96条:
    the last member of a list of places that closes a clause before the figure's names where something was done,
    not whose figure it is (a 分别 list pairs its members elsewhere)."""
    return (pos > 0 and text[pos - 1] in V.LIST_JOINERS and (m := _LIST_CLOSE.match(text, pos + length)) is not None
            and m.end() <= local)


_LIST_CLOSE = re.compile(rf"(?:等地|等)?{V.char_class(V.CLAUSE_END + V.COLONS)}")


# 三地合计, 两市共, 三县累计: places counted together as a clause's subject
_GROUP_REACH = 16
# (or a clause that opens with the sum's share: 东台市、射阳县、大丰区…分别为…，合计占全市的56.2%; not …，共计2000株,
# one place's total)
_GROUP_SUBJECT = re.compile(rf"{_PLACES_COUNTED}(?:合计|共计|总计|累计|共)|(?<=[，,])(?:合计|共计|总计)约?占")
_QUOTE_OPEN, _QUOTE_CLOSE, _QUOTE_REACH = "“", "”", 120
_AT = "在"
_SAID = re.compile(r"说|介绍|表示|告诉记者")
_SAID_REACH = 30
_SPEAKER = re.compile(r"(?:相关|有关)?(?:负责人|负责同志|党委书记|党委副书记|书记|镇长|乡长|县长|区长|市长|局长|主任|总经理|董事长)")


def _speaker_place(ctx: BlockContext, text: str, local: int, closing: int) -> str:
    """The place of the one who says a quote the figure at ``local`` is in, named right after it, or ''."""
    opening = text.rfind(_QUOTE_OPEN, 0, local)
    if opening < 0 or text.rfind(_QUOTE_CLOSE, opening, local) >= 0:
        return ""                      # (not inside a quote)
    k = bisect_right(ctx._place_pos, closing)
    if k >= len(ctx.places):
        return ""
    name = ctx.places[k][1]
    if ctx._place_pos[k] == closing + 1:
        return name if _SPEAKER.match(text, closing + 1 + len(name)) else ""
    if ctx._place_pos[k] == closing + 1 + len(_AT) and text.startswith(_AT, closing + 1):
        # “用了3000元的券…”在潍城区一家汽车4S店，刚提车的市民王先生说: where the one who says it was
        said = _SAID.search(text, ctx._place_pos[k] + len(name), ctx._place_pos[k] + len(name) + _SAID_REACH)
        return name if said is not None and not any(ch in V.SENTENCE_END for ch in text[closing:said.start()]) else ""
    return ""


def _whole_of_it(text: str, end: int, local: int) -> bool:
    """内蒙古全区全社会用电量3742亿千瓦时: the 全区 right after a place is all of it, and no other generic follows."""
    m = GENERIC_PLACE.match(text, end)
    return m is not None and m.group()[0] == _ALL and GENERIC_PLACE.search(text, m.end(), local) is None


_ALL = "全"


def _in_closed_aside(text: str, pos: int, local: int, s0: int) -> bool:
    """Whether ``pos`` lies inside brackets that close before ``local``."""
    if _CLOSING.search(text, pos, local) is None:
        return False                     # cheap test first: most places have no bracket closing after them
    opened = _OPENING_BEFORE.search(text, s0, pos)
    return opened is not None and opened.group() in V.OPENING_BRACKETS


_CLOSING = re.compile(V.char_class(V.CLOSING_BRACKETS))
# the last bracket before a place, opening or closing
_OPENING_BEFORE = re.compile(V.char_class(V.OPENING_BRACKETS + V.CLOSING_BRACKETS) + r"(?=[^（()）]*$)")


# (not one acting with a province's or a city's: 国务院和省政府共批准建设用地18.3万亩 is the province's land)
_NATIONAL_BODY = re.compile(rf"(?:{V.NATIONAL_BODIES})(?![和与及、](?:省|市|县|自治区|区)(?:人民)?政府)")
# 各县区, 各省（区、市）: every part of the place a document is about, not the part named before
_EACH = "各"
_EACH_PART = re.compile(r"(?:各|其余|其他)(?:县区|区县|县市区|县（市、区）|县\(市、区\)|乡镇|镇街|镇（街）|街镇|市州|地市|省份|省区市"
                        r"|省（区、市）|省\(区、市\))")
_SPREAD, _SPREAD_REACH = "介于", 16
# ... or 在…之间 around the figure (之间, rarer, is looked for first)
_SPREAD_IN, _SPREAD_END, _SPREAD_AFTER = "在", "之间", 24


# 分区域看，东部地区…，东北地区下降3.7%。: the places of a breakdown speak for its own sentence only.
_BREAKDOWN_OPEN = re.compile(V.BREAKDOWN_OPENER)


# A place only mentioned: a partner (与上海合作), a beneficiary (对口支援新疆), a project or policy area
# named after it (海南自由贸易港, 京津冀协同发展, 西部大开发) — not the place a figure is about.
_MENTION_BEFORE = re.compile(r"(?:与|同|和|对口支援|支援|援助|援建|帮扶|支持|推动|推进|加快|建设|举办|召开|在|到|赴|向|对|从|为|及|、)$")
_MENTION_AFTER = re.compile(
    r"(?:自由贸易港|自贸港|自由贸易试验区|自贸试验区|自贸区|协同发展|一体化|大开发|振兴|崛起|新区|经济带|经济圈|城市群"
    r"|都市圈|示范区|试验区|开发区|综合试验区|合作|冬奥|奥运|世博|进博|峰会|论坛|等地|等省|等|和|、|及|地震|灾区|特大)")


# 县里还与济南、青岛等地4所高校共建研发平台: places a partner is from, not what the figure is about; nor
# the markets goods sell to (产品畅销珠三角、港澳等地，电商销售额占比…), nor where a delegation goes
# (赴长三角、珠三角等地开展小分队招商80余批次).
_PARTNERS_AFTER = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,6}?)*等(?:地|省|市|国|城市|地区|省份|高校)")
_PARTNERS_BEFORE = re.compile(r"(?:与|同|跟|销往|畅销|远销|热销|运往|发往|出口到|出口至|赴|前往)(?:[\u4e00-\u9fff]{2,6}?[、和及与])*$")


# 嘉善县已与上海市青浦区、江苏省苏州市吴江区实现…: places a place acts with (the one before 与 is the subject)
_PARTNERS_OF_A_PLACE = re.compile(r"(?:省|市|县|区|旗|镇|乡|街道)(?:已经?|还|也|先后|积极|率先)?(?:与|同|跟)"
                                  r"(?:[^，,。；;：:、]{2,12}?[、和及与])*[^，,。；;：:、]{0,8}$")
_PARTNERS_REACH = 30


def _partners(text: str, pos: int, name: str) -> bool:
    """Whether the place at ``pos`` is in a list of partners' places (与济南、青岛等地…, 嘉善县已与…吴江区实现…)."""
    window = text[pos - _PARTNERS_REACH if pos > _PARTNERS_REACH else 0:pos]
    return ((_PARTNERS_AFTER.match(text, pos + len(name)) is not None and _PARTNERS_BEFORE.search(window) is not None)
            or (("与" in window or "同" in window or "跟" in window)     # (cheap test first)
                and _PARTNERS_OF_A_PLACE.search(window) is not None))


def mentioned_only(text: str, pos: int, name: str) -> bool:
    """Whether the place at ``pos`` is only mentioned (a partner, a project, one of a list); not 在北京，… (a
    clause of its own: where what follows happens)."""
    if text.startswith(_IN, pos - 1) and text[pos + len(name):pos + len(name) + 1] in V.COMMAS:
        return False
    return bool(_MENTION_BEFORE.search(text, max(0, pos - 4), pos) or _MENTION_AFTER.match(text, pos + len(name)))


_IN = "在"
# 其中，福建省重点项目27个 in 安溪县's bulletin: projects on the province's list are the county's projects
_LISTED_BY = re.compile(r"(?:重点|重大|级)")
# 位于湄潭经济开发区的贵州湄韵茶业有限公司年产5000吨 in 湄潭's news: the province in a firm's name is not its place
_FIRM_AFTER = re.compile(r"(?!的)[\u4e00-\u9fff]{1,10}?(?:有限责任公司|有限公司|股份公司|集团|公司)")


def governs(text: str, place: tuple[int, str], local: int, s0: int) -> bool:
    """Whether a place named before a fact is what the fact is about: it opens the fact's clause
    (上海市地区生产总值增长5%) and is not merely mentioned."""
    pos, name = place
    return pos >= clause_start(text, local, s0) and not mentioned_only(text, pos, name)




def _opens_firm_after_place(doc: DocumentContext, ctx: BlockContext, text: str, i: int) -> bool:
    """Whether the ``i``-th place of the paragraph is a province opening a firm's name right after another place
    (泗安镇浙江鑫晟新材料有限公司): the firm is where that place is, whatever province its name gives."""
    pos, name = ctx.places[i]
    return (ctx._place_pos[i - 1] + len(ctx.places[i - 1][1]) == pos and doc.level(name) == PROVINCE_LEVEL
            and _FIRM_AFTER.match(text, pos + len(name)) is not None)


def _governs_as_subject(text: str, place: tuple[int, str], local: int, s0: int) -> bool:
    """Whether a place governs the fact (see governs) as its clause's subject or where its subject lies (位于鼓楼区的
    某公司), not as the object of a verb (完成长江经济带入河排污口排查整治, 拥有浙江省特级教师): how a division the
    document's own place lies in is told apart from one its figures are merely of."""
    pos = place[0]
    return governs(text, place, local, s0) and (_opens_clause(text, pos) or text.endswith(_LIES_IN, 0, pos))


def _heads_sentence(ctx: BlockContext, text: str, i: int, s0: int) -> bool:
    """Whether the ``i``-th place of the paragraph is the subject its sentence opens with, after at most a time
    (1-10月，湖南省快递业务量累计完成32.47亿件，同比增长21.5%；快递业务收入…): what the sentence's later
    clauses are about too, even in a bulletin of a place inside it."""
    pos, name = ctx.places[i]
    start = clause_start(text, pos, s0)
    if start != pos or mentioned_only(text, pos, name):
        return False
    while s0 < start and text[s0].isspace():
        s0 += 1
    if start == s0:
        return True
    k = bisect_left(ctx._period_pos, s0)
    return (k < len(ctx.periods) and ctx._period_pos[k] == s0
            and ONLY_A_BREAK.fullmatch(text, s0 + len(ctx.periods[k][1]), start) is not None)


def _resolve_generic(doc: DocumentContext, generic: str, default: str, pos: int, floor: int) -> str:
    """全市 in an article about 鞍山 is 鞍山, in 新泰市's bulletin 新泰市; 全区 in 吴兴区's notice is 吴兴区; 全镇
    is the town named last; on a page about many places, 全省 is the province named last in its paragraph
    (广东省统计局20日发布，…全省规模以上工业…), else the one the document names most."""
    level = _PREFECTURE_LEVEL if generic == _WHOLE_PREFECTURE else V.LEVEL_OF_SUFFIX[generic[-1]]
    unresolved = default if generic[0] == _THAT and default else generic    # (该区 of a zone the gazetteer lacks)
    if level == "乡":
        if doc.about and doc.level(doc.about) == TOWN_LEVEL:
            return doc.about                # 全镇 in 熊口镇's own report: the town
        return doc.town_before(pos) or unresolved
    if generic[0] in V.OWN_PREFIXES and (paper := doc.paper) and doc.level(paper) == level:
        return paper                        # 我县 in 今日霍邱: the paper's county
    if not doc.about and (near := doc.place_before(pos, level, floor)):
        if default and doc.level(near) != level and doc.level(default) == level and doc.encloses(default, near):
            return default                  # 在宁乡市新建…，并对全市配变…: on a page about 长沙, 全市 is 长沙, not
                                            # the county-level city it names
        return near                         # (a page's own place is only the one it names most)
    if default and (doc.level(default) == level
                    or (doc.full_names.get(default, default).endswith(generic[-1]) and not default.endswith(_COMMUNITY))
                    or (level == _PREFECTURE_LEVEL and default in V.MUNICIPALITIES)):
        return default                      # (全市 in 新泰市's bulletin, or 监利's story: a county-level city, itself;
                                            # 全市 in a story about 重庆: the municipality)
    if (found := doc.place_of_level(level)):
        return found
    if generic[-1] == _DISTRICT and (region := doc.place_of_level(PROVINCE_LEVEL)) and _is_autonomous(region):
        return region                       # 全区, 我区 in 内蒙古自治区农牧厅's release (no district named): the region
    return unresolved


def _is_autonomous(name: str) -> bool:
    return (region := lookup(name)) is not None and region.name.endswith(_AUTONOMOUS_REGION)


_DISTRICT, _AUTONOMOUS_REGION = "区", "自治区"
_THAT = "该"
_COMMUNITY = "社区"     # (a residents' community ends in 区 but is no district: its 全区 is its district's)
_WHOLE_PREFECTURE = "全地区"       # 阿里地区's 全地区: the prefecture, not a district
_PREFECTURE_LEVEL = "市"


# Places listed and then counted (汪洋镇、龙正镇两所中心卫生院, 赣州、上饶、九江3个设区市, 榆林、延安两地建成的…) are a
# group: a figure of it is the group's ("汪洋镇、龙正镇", as labellers write it), not its last member's; the count
# itself is of the page's place (but 南昌、赣州两市分别增长…: each member its own)
_GROUP_COUNT = regex.compile(
    r"(?P<n>[0-9]{1,2}|[一二三四五六七八九十两]{1,3})(?:个|所|家|座|条|处)?\p{Han}{0,2}?[市县区镇乡地省州盟旗所家个座条处]"
    rf"(?P<each>{V.char_class(V.SEMICOLONS + V.SENTENCE_END, negate=True)}*{V.RESPECTIVELY})?")
# A ranking among the place's peers after it (继续保持全省前列, 位居全国前十位)
_RANKED_AMONG = re.compile(r"前列|前茅|第一方阵|首位|前[0-9一二三四五六七八九十]{1,2}(?:位|名|强)"
                           r"|第[0-9一二三四五六七八九十]{1,3}(?:位|名|家|个|批|所|座)")   # (成为全市第4家; not 全省第三产业)
_AFTER_FIRST = frozenset("前第首")
# (the peers may be named between: 在全国机场中排名第22位, 在全省县域经济中位居前列)
_RANKED_IN = re.compile(r"(?:[\u4e00-\u9fff]{1,8}?中)?(?:排名|排在|位居|位列|居)(?:第|前|首)|率先|领先")   # (在全省率先推行…)
_PLACE_LAST = frozenset(V.LEVEL_OF_SUFFIX)    # (cheap test first: a place right before another ends in one of these)
_GROUP_NEXT = frozenset(V.LIST_JOINERS + "0123456789一二三四五六七八九十两")
_NAME_REACH = 8
# A count of a division's parts (12个盟市, 14个市州, 92个旗县（市、区）): of the division, whatever place comes before
_PARTS_LEAD = frozenset(V.CLAUSE_SEPARATORS + "\n等")
_ALL_PARTS_COUNTED = regex.compile(rf"[0-9]{{1,3}}个(?:{V.alternation(V.DIVISION_PARTS)})")
_TOWN_NAME = 3
_NAME_LIKE = regex.compile(rf"\p{{Han}}{{1,6}}?(?:{V.alternation(V.PLACE_LIKE_ENDS)})")


def _listed_name(text: str) -> str:
    """The place name ``text`` starts with: one the gazetteer knows, or a town's or county's (白舍镇)."""
    return leading_place(text) or ((m := _NAME_LIKE.match(text)) and m.group()) or ""


def counted_group(text: str, pos: int, name: str) -> tuple[str, int]:
    """The members of the list that the place ``name`` at ``pos`` is in, joined (汪洋镇、龙正镇; '' when its
    sentence goes on to pair them with figures, 分别), and where the count closing it starts, when such a count
    closes it; ('', -1) otherwise."""
    end = pos + len(name)
    if text[end:end + 1] not in _GROUP_NEXT:
        return "", -1                  # (cheap test first: most places are followed by neither)
    names = [name]
    at = end
    while text[at:at + 1] in V.LIST_JOINERS and (following := _listed_name(text[at + 1:at + 1 + _NAME_REACH])):
        names.append(following)
        at += 1 + len(following)
    count = _GROUP_COUNT.match(text, at)
    if count is None:
        return "", -1
    first = pos
    while text[first - 1:first] in V.LIST_JOINERS:
        earlier = next((text[k:first - 1] for k in range(first - 3, max(0, first - 1 - _NAME_REACH) - 1, -1)
                        if leading_place(text[k:first - 1]) == text[k:first - 1]), "")
        if not earlier and _NAME_LIKE.fullmatch(text, max(0, first - 1 - _TOWN_NAME), first - 1):
            earlier = text[first - 1 - _TOWN_NAME:first - 1]        # 太和镇、白舍镇: a town's name, most often three
        if not earlier:                                              # characters (not 完成太和镇)
            break
        names.insert(0, earlier)
        first -= 1 + len(earlier)
    n = 2 if count.group("n") == "两" else small_number(count.group("n"))
    if len(names) < 2 or n != len(names):
        return "", -1
    return ("" if count.group("each") else V.LIST_COMMA.join(names)), count.start()


def elsewhere(text: str, pos: int, end: int = -1) -> bool:
    """Whether the place at ``pos`` (ending at ``end``, when known) is one a figure is compared with
    (高于全省), the country a share is of (占全国的20.6%), the whole a level is a share of (人均地区生产总值
    仅为全省平均水平的七成左右), or where people or goods come from or go (来自全国20多个省的1200余家单位,
    远销全国), a title the country gives (是全国产粮大县): not the place the figure is about."""
    if text.startswith(_WHOLE_COUNTRY, pos) and (_TITLE_AFTER.match(text, pos + len(_WHOLE_COUNTRY))
                                                 or text.startswith(_SURVEYS, pos + len(_WHOLE_COUNTRY))):
        return True                      # 新增“四好农村路”全国示范县2个: a title the country gives; 第七次全国人口普查:
                                         # a survey's name
    if text[pos:pos + 1] == _ALL_OF:     # (cheap test first: most places are named, not 全…)
        if end > pos and text[end:end + 1] == _WIDE:
            return True                  # 建设全国性综合交通枢纽, 全省性活动: nationwide, an adjective
        if text.startswith(_EVERYWHERE, pos):
            return True                  # 把高山茶卖到了全国各地, 全国各地的游客: where goods go or people come from
        if pos > 1 and text.endswith(_INCLUDED_IN, pos - 2, pos):
            return True                  # 列入全市老旧小区改造计划的小区共3个: whose plan, not where the figure is
    if end > pos and text[end:end + 1] in _AFTER_FIRST and _RANKED_AMONG.match(text, end):
        return True                      # 继续保持全省前列, 成为全市第4家…: where the place ranks among its peers
    if end > pos > 0 and text[pos - 1] == _IN and _RANKED_IN.match(text, end):
        return True                      # 在全国机场中排名第22位, 在全省率先推行: likewise (not 在全省开展…)
    if (end > pos > 1 and text[pos - 1] in _LIES_IN_LAST and text.endswith(_LIES_IN, pos - 2, pos)
            and _PART_OF_A_PLACE.match(text, end)):
        return True                      # 湖南路街道位于鼓楼区中部: where the subject lies, not what it is
    if pos == 0:
        return False
    if text[pos - 1] == _IN and _GUIDED_BY.match(text, pos):
        return True                      # 在浏阳市人大常委会的指导下, 在昆山市委、市政府的坚强领导下: who guides, not where
    if "0" <= text[pos - 1] <= "9" and text.startswith(_WHOLE_COUNTRY, pos):
        return True                      # 可通过12325全国粮食和物资储备监管热线反映: a hotline's name after its number
    if text[pos - 1] not in _ELSEWHERE_LAST:
        return False                     # cheap test first: every case below ends in one of these characters
    if text[pos - 1] in V.LIST_JOINERS:  # 高于全国、全省, 来自杭州、上海: a later member of such a list is one too
        member = _SCOPE_MEMBER_BEFORE.search(text, max(0, pos - V.SCOPE_MEMBER_REACH), pos)
        if member is not None:
            return elsewhere(text, member.start())
        if not _ORIGIN_NEAR.search(text, max(0, pos - _ORIGIN_REACH), pos):
            return False        # (cheap test first: no origin word within a list's reach)
        for k in (2, 3):        # 来自陕西、山西、山东、河北: back member by member to the word before the first
            first = pos - 1 - k
            if first > 0 and all(is_han(ch) for ch in text[first:pos - 1]):
                if text.endswith(V.ORIGIN_WORDS, max(0, first - 2), first):
                    return True
                if text[first - 1] == V.LIST_COMMA and elsewhere(text, first):
                    return True
        return False
    return (compared_at(text, pos)
            or ((text[pos - 1] == V.SHARE_OF or text.endswith(_SHARE_OF_LEADS, max(0, pos - 3), pos))
                and text.startswith((*_COUNTRY, *_ABOVE_A_CITY), pos))    # (占同期全省进出口总值的44.6%: 苏州's share)
            or (text.endswith(_TITLE_LEAD, max(0, pos - 2), pos) and text.startswith(_WHOLE_COUNTRY, pos))
            or text.endswith(V.ORIGIN_WORDS, max(0, pos - 2), pos)
            or (text[pos - 1] == _DONE_MARK and text.endswith(V.ORIGIN_WORDS, max(0, pos - 3), pos - 1))
            or (text.endswith(_CHANNEL_LEAD, max(0, pos - 2), pos) and text.startswith(_COUNTRY, pos))
            or (end > pos and text.endswith(_SHARE_BASE_LEAD, max(0, pos - 3), pos)
                and _SHARE_BASE_AFTER.match(text, end) is not None))


# 为全省平均水平的七成, 是全国的1.5倍, 相当于全市的三分之一: the place before 的 and a figure is a base.
_SHARE_BASE_LEAD = (*V.MULTIPLE_BASE_LEAD, "相当于", "不到", "不足")
_ORIGIN_NEAR = re.compile(V.alternation(V.ORIGIN_WORDS))
_ORIGIN_REACH = 40
# The last character of every word that makes a place one named elsewhere (比, 占, 来自, 相当于 …).
# 是全国产粮大县, 入选全国百强县: a title the country gives, not the country's figure; 以建设全国肉牛产业集群为抓手,
# 打造全国重要的…基地: one a place works towards.
_TITLE_LEAD = ("是", "为", "入选", "获评", "评为", "建设", "打造", "创建", "争创", "建成")
# 通过全国12315平台受理诉求12.86万件: the country's platform is the channel, not where the figure is
_CHANNEL_LEAD = ("通过", "依托", "借助", "利用")
_WHOLE_COUNTRY = V.COUNTRY_SCOPES[0]     # (not 欧盟为我国第二大贸易伙伴: the trade is the country's)
_TITLE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:示范|先进|文明|模范|优秀|重点文物|文物保护单位|非物质文化遗产|非遗"
                          r"|重点村|重点镇|名村|名镇|首店|首家|首发|首批|宣传月|宣传周|宣传日|活动月|活动周)"
                          # (全省拥有全国重点实验室15个: the country's rank of lab, right after it; not 全国共有…)
                          r"|(?:重点实验室|工程技术研究中心|工程研究中心|技术创新中心)"
                          # (全国U17女子足球锦标赛, 全国旅游投诉举报平台: an event's or a platform's name; not 全国建成…平台300个)
                          r"|(?:(?![建有共达累])[\u4e00-\u9fffA-Za-z0-9]){0,10}?(?:锦标赛|联赛|大赛|运动会|平台)(?![0-9０-９])")
_WIDE = "性"
_EVERYWHERE = "全国各地"
_INCLUDED_IN = ("列入", "纳入")
# 在…的(坚强)领导下, 在…的指导下: the bodies a place's work is guided by, in the frame that opens its clause
_GUIDED_BY = re.compile(rf"{V.char_class(V.CLAUSE_END, negate=True)}{{0,24}}?的(?:坚强|正确|有力)?(?:领导|指导|关心|支持|帮助)(?:和[^，,。；;]{{0,12}})?下")
_LIES_IN = ("位于", "地处")
_LIES_IN_LAST = frozenset(w[-1] for w in _LIES_IN)
_PART_OF_A_PLACE = re.compile(r"(?:东|西|南|北|中|东南|东北|西南|西北)部|中心|腹地|境内|以[东西南北]")
# 占全省…的 in a city's sentence: the province is what the share is of (not 占全市…的, a city page's own whole)
_ABOVE_A_CITY = ("全省",)
_ALL_OF = "全"
_SURVEYS = ("人口普查", "经济普查", "农业普查", "污染源普查", "人口抽样调查",
            "国土调查", "土壤普查", "文物普查")          # (结合第三次全国国土调查成果，完成…图斑2317个)
_SHARE_OF_LEADS = (V.SHARE_OF + "同期", V.SHARE_OF + "全年",    # 占同期我国外贸总值的21.2%
                       V.SHARE_OF + "到", V.SHARE_OF + "了")          # 能占到全国大田玉米用种量的一半以上
# (with the gap it names: 高于全国1.0个百分点、全省0.8个百分点)
_SCOPE_MEMBER_BEFORE = re.compile(rf"{V.SCOPE}(?:{V.SCOPE_GAP})?{V.char_class(V.LIST_JOINERS)}$")
_DONE_MARK = "了"       # 卖到了全国20多个省区市: where goods went, 了 after the verb
_ELSEWHERE_LAST = frozenset(V.LIST_JOINERS + V.COMPARISON_BASE + V.EXCEEDS[0][-1] + V.SHARE_OF + "期年到了" + "".join(w[-1] for w in (*V.ORIGIN_WORDS, *_SHARE_BASE_LEAD,
                                                                                      *_TITLE_LEAD, *_CHANNEL_LEAD)))
# (是全省开发区平均水平的2.1倍: a peer group of the place may stand between)
_SHARE_BASE_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:平均水平|平均值|平均|水平)?的[近约]?[{V.ARABIC_DIGIT}{V.CN_DIGITS}十百]")


def in_a_name(text: str, pos: int, name: str) -> bool:
    """中欧班列（武汉）全年开行1072列, 中国（河南）自由贸易试验区: a place in brackets inside a name says which
    one, not what a figure is about; nor does one opening a short quoted title (获得“全国粮食生产先进县”称号),
    one inside a quoted word (“基层治理四平台”: 四平 is no place there), or a customs district named after
    its city (南京海关 speaks for a province)."""
    after = pos + len(name)
    if text.startswith(_NAMED_AFTER_PLACE, after):
        return True                    # (在浏阳日报等平台刊发稿件42篇: a paper's name, not where the figure is)
    if (text[pos - 1:pos] == _OF and _FIRM_AFTER.match(text, after) is not None
            and place_levels().get(name) == PROVINCE_LEVEL):
        return True                    # (位于信丰高新区的江西赣丰智能装备有限公司: a province opening a firm's name)
    if ((opened := text.rfind(_QUOTE_OPEN, max(0, pos - _TITLE_REACH), pos)) >= 0     # (cheap test first)
            and is_han(text[pos - 1:pos]) and is_han(text[after:after + 1])
            and (close := text.find(_QUOTE_CLOSE, after, after + _TITLE_REACH)) >= 0
            and not any(ch in V.CLAUSE_END or ch == _QUOTE_CLOSE for ch in text[opened:pos])
            and not any(ch in V.CLAUSE_END for ch in text[after:close])):
        return True
    if pos > 0 and text[pos - 1] in _TITLE_OPENS:
        close = text.find(_TITLE_CLOSES[text[pos - 1]], after, after + _TITLE_REACH)
        if close >= 0 and not any(ch in V.CLAUSE_END for ch in text[after:close]):
            return True
    if text[after:after + 1] == _QUOTE_CLOSE and (
            (opened := text.rfind(_QUOTE_OPEN, max(0, pos - _TITLE_REACH), pos)) >= 0
            and not any(ch in V.CLAUSE_END for ch in text[opened:pos])):
        return True                    # “秋享安吉·乐购湖州”消费季: a place ending a short quoted name
    return (pos > 1 and text[pos - 1] in V.OPENING_BRACKETS and text[after:after + 1] in V.CLOSING_BRACKETS
            and is_han(text[pos - 2]) and is_han(text[after + 1:after + 2]))


_OF = "的"
AGENCY_OF_CITY = "海关"
_NAMED_AFTER_PLACE = (AGENCY_OF_CITY, *V.MEDIA_OUTLET_ENDS)
_BOOK_REACH = 40


def in_cited_title(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` is inside a cited document's title (按照《河南省人民政府关于调整全省最低工资标准的通知》调整为…):
    its places and its 全省 name who issued it and for whom, not what the figure beside it is about."""
    opened = text.rfind(V.BOOK_TITLE_OPEN, max(0, start - _BOOK_REACH), start)
    if opened < 0 or text.find(V.BOOK_TITLE_CLOSE, opened, start) >= 0:
        return False
    close = text.find(V.BOOK_TITLE_CLOSE, end, end + _BOOK_REACH)
    return close >= 0 and "\n" not in text[opened:close]
_TITLE_CLOSES = {"“": "”", "《": "》"}
_TITLE_OPENS = frozenset(_TITLE_CLOSES)
_TITLE_REACH = 12


def is_origin(text: str, pos: int, name: str) -> bool:
    """由江苏常州客商投资建设, 浙江商会, 温州籍, 香港同胞, 香港是最大外资来源地: where investors, people or
    capital come from; 对台湾地区进出口, 天津市东西部协作资金: the partner a place trades with or is helped by.
    Neither is what a figure is about."""
    end = pos + len(name)
    return ((_PEOPLE_FROM_CHAR.search(text, end, end + _PEOPLE_FROM_REACH) is not None     # cheap test first
             and _PEOPLE_FROM.match(text, end) is not None)
            or (text[pos - 1:pos] == _TOWARDS and _TRADED.match(text, end) is not None)
            or text.startswith(_PAIRED_AID, end)
            or (text.find(_SOURCE, end, end + _SOURCE_REACH) >= 0 and _SOURCE_OF.match(text, end) is not None))


_TOWARDS = V.TOWARDS
_NATIVE_OF = "籍"
# 争取天津市东西部协作资金4260万元 in 渭源县's report: the partner who helps, not the place helped
_PAIRED_AID = ("东西部协作", "对口支援", "对口帮扶", "对口协作", "财政援助", "援助资金", "帮扶资金")
# 香港地区仍是最大外资来源地，实际投资9.4亿美元: where the investment comes from
_SOURCE, _SOURCE_REACH = "来源", 12
_SOURCE_OF = re.compile(r"[\u4e00-\u9fff]{0,10}?来源(?:地|国)")
_TRADED = re.compile(r"(?:地区)?(?:的)?(?:进出口|出口|进口|贸易|投资)")


# (天津企业来渭投资; 籍 only right after the name: 温州籍, not 安吉县户籍人口)
_PEOPLE_FROM = re.compile(rf"{_NATIVE_OF}|[\u4e00-\u9fff]{{0,3}}?(?:{V.alternation(w for w in V.PEOPLE_OF_PLACE if w != _NATIVE_OF)}"
                          r"|企业(?=来|到|赴))")
_PEOPLE_FROM_CHAR = re.compile(V.char_class("".join({w[0] for w in V.PEOPLE_OF_PLACE}) + "企"))
_PEOPLE_FROM_REACH = 6


def is_venue(text: str, pos: int, name: str) -> bool:
    """签约活动在视高街道举行: a place between 在 and an event's verb (perhaps a site within it first: 在八里镇金鼎矿业
    …开展义务植树活动) is where it was held; 成都一家新能源
    科技企业与开发区签订协议: a place before 一家/某 is where one firm comes from (not a town's: its own firm; nor one
    after 在 before 一家: 在江阴市一家电缆企业的生产车间 is where the story is, 在江西某服饰企业 a firm's name); 城关至襄阳东站, 从岳阳
    到上海: a place after 至, or after 到 with 从 before, is where a road goes; 依托洛阳北郊机场: a station or an airport
    not opening its clause is a site; 走访…广州市场: a market a reporter visited; 赴长三角、珠三角开展招商活动: where
    people went to do something. None is what a figure is about."""
    after = pos + len(name)
    near = text[after:after + _SITE_REACH]       # (cheap tests first: most places name no station or market)
    if (_STATION_LAST in near or _AIRPORT in near) and (
            _STATION_NAMED.match(text, after) is not None and not _opens_clause(text, pos)):
        return True                    # 依托洛阳北郊机场, 在长沙南站周边: a site (not 全年贵阳机场航班…: the city's own)
    if (_MARKET_LAST in near or _SHOP_LAST in near) and (
            _SITE_NAMED.match(text, after) is not None
            and _VISITED.search(text, max(0, pos - _VISIT_REACH), pos) is not None):
        return True                    # 记者走访涧西区广州市场、西工区中州路农贸市场发现: a market a reporter visited
    if text[pos - 1:pos] not in _VENUE_BEFORE and text[after:after + 1] not in _VENUE_AFTER:
        return False                   # cheap test first: every case below has one of these next to the place
    if (text[pos - 1] in _GONE_TO_LAST or text[pos - 1] in V.LIST_JOINERS) and (
            _GONE_TO.search(text, max(0, pos - _LISTED_REACH), pos) is not None
            and _ACTIVITY_AFTER.match(text, after) is not None):
        return True                    # 先后赴长三角、珠三角开展招商活动27批次: where people went to do it
    return ((pos > 0 and text[pos - 1] == _IN and _EVENT_AT_SITE.match(text, after) is not None)
            or (text.startswith(_ONE_FIRM, after) and not name.endswith(TOWN_ENDS)
                and not (text[pos - 1:pos] == _IN and text.startswith(_ONE_FIRM[0], after)))
            or (pos > 1 and text[pos - 1] == _TO and not text[pos - 2].isdigit())
            or (text.startswith(_TO, after) and is_han(text[after + 1:after + 2]))    # 南昌至九江高速: a route's start
            or (pos > 1 and text[pos - 1] == _TO_FROM[1] and _FROM_PLACE.search(text, max(0, pos - 8), pos - 1) is not None)
            or on_a_street(text, pos, name)
            or text.endswith(_SET_UP_IN, max(0, pos - len(_SET_UP_IN)), pos)
            or (after < len(text) and text[after] in _ROUTE_DASHES and is_han(text[after + 1:after + 2]))   # 福州—厦门
            or (pos > 1 and text[pos - 1] in _ROUTE_DASHES and is_han(text[pos - 2]))
            or _ROUTE_FROM_STATION.match(text, after) is not None      # 荆州南站至公安县城快速通道: a route's end
            or (pos > 0 and text[pos - 1] in V.LIST_JOINERS
                and _LISTED_AFTER_TO.search(text, max(0, pos - _LISTED_REACH), pos) is not None))


# The characters next to a place that on_a_street needs (a caller's cheap test before the call)
STREET_AFTER = frozenset("路街大")


def on_a_street(text: str, pos: int, name: str) -> bool:
    """陇海西路 (海西), 中山街 (中山), （中原区桐柏北路）: a place inside a road's name or naming one, or opening an
    address in brackets."""
    after = pos + len(name)
    bracketed = pos > 0 and text[pos - 1] in V.OPENING_BRACKETS
    if text[after:after + 1] not in STREET_AFTER and not bracketed:
        return False                   # cheap test first
    return ((text[after:after + 1] in STREET_AFTER and _ROAD.match(text, after) is not None)
            or (bracketed and _ADDRESS.match(text, after) is not None))


# (not 郑州路网: a city's road network)
_ROAD = re.compile(r"(?:路|街|大道|大街)(?![网况面径线道])")     # (nor 街道, a subdistrict)
_ADDRESS = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:路|街|大道|大街)(?:[0-9０-９]+号)?[）)]")


_ONE_FIRM = ("一家", "某")
# 在视高街道举行, 在八里镇金鼎矿业范家岭排岩场开展义务植树活动: an event held there, perhaps at a site within it
_EVENT_AT_SITE = re.compile(rf"[\u4e00-\u9fff]{{0,12}}?(?:{V.alternation(V.EVENT_VERBS)}|开展[\u4e00-\u9fff]{{0,10}}?活动)")
_STATION = ("南站", "北站", "东站", "西站", "火车站", "高铁站", "机场")
_VENUE_BEFORE = frozenset("在至到—－（(赴往" + "".join(V.LIST_JOINERS))       # (the character before or after a place that each test below needs;
_VENUE_AFTER = frozenset("一某至—－路街大" + "".join(w[0] for w in _STATION))      # '' is in neither)
_ROUTE_DASHES = "—－"     # 1000千伏福州—厦门特高压交流工程, 陇东—山东直流: a line's ends
_SET_UP_IN = "设在"    # 集中开工活动在各设区市同步举行，主会场设在赣州: where the event's main venue is
_TO = "至"      # 南漳县城关至襄阳东站快速通道, 延伸至武汉: where a road or a line goes, not what it is of
_TO_FROM = ("从", "到")    # 从岳阳到上海的运输时间: likewise
_FROM_PLACE = re.compile(r"从[\u4e00-\u9fff]{2,6}$")
# 荆州南站至公安县城快速通道: a station where a route starts (贵阳机场单日旅客吞吐量 is 贵阳's own)
_ROUTE_FROM_STATION = re.compile(rf"(?:{V.alternation(_STATION)})[至{_ROUTE_DASHES}]")
# A station or an airport named after a place, perhaps with its own name between (洛阳北郊机场, 长沙黄花国际机场)
_STATION_NAMED = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{V.alternation(_STATION)})")
_STATION_LAST, _AIRPORT = "站", "机场"
# What may open a clause before its subject: times, and words that link it to the clause before
_CLAUSE_LEAD = re.compile(rf"(?:{PERIOD.pattern}|其中|同时|此外|另外|目前|期间|\s)*"
                          # (遵义新舟机场、铜仁凤凰机场旅客吞吐量分别…: a list of stations opening it)
                          rf"(?:[\u4e00-\u9fff]{{2,8}}?(?:{V.alternation(_STATION)}){V.char_class(V.LIST_JOINERS)})*")
_CLAUSE_LEAD_STOPS = V.CLAUSE_END + V.COLONS + "\n"
_CLAUSE_LEAD_REACH = 24


def _opens_clause(text: str, pos: int) -> bool:
    """Whether the place at ``pos`` is its clause's subject, after at most a time (全年贵阳机场航班放行正常率,
    截至2024年末，贵阳机场通航城市): a station or an airport so placed is its city's own; one after a verb or in a
    list (依托洛阳北郊机场, 在长沙南站周边新建, 保障了…、南昌昌北国际机场三期扩建等) is a site."""
    start = pos
    while start > 0 and pos - start < _CLAUSE_LEAD_REACH and text[start - 1] not in _CLAUSE_LEAD_STOPS:
        start -= 1
    return _CLAUSE_LEAD.fullmatch(text, start, pos) is not None


_LIST_GOES_ON = rf"(?:{V.char_class(V.LIST_JOINERS)}[\u4e00-\u9fff]{{2,6}}?)*"     # 、周口、商丘和南阳: the list's rest
_LIST_SO_FAR = rf"(?:[\u4e00-\u9fff]{{2,6}}?{V.char_class(V.LIST_JOINERS)})*"     # 长三角、: the members before a place
# 赴长三角、珠三角开展招商活动: places people went to, to do something there
_GONE_TO = re.compile(rf"(?:赴|前往){_LIST_SO_FAR}$")
_GONE_TO_LAST = frozenset("赴往")
_ACTIVITY_AFTER = re.compile(rf"{_LIST_GOES_ON}(?:等地|等)?(?:地区)?"
                             r"(?:开展|举办|参加|考察|招商|推介|对接|洽谈|学习|参展|拜访|就业|务工)")
# 记者走访涧西区广州市场、西工区中州路农贸市场: markets a reporter visited, named after their place
_SITES = ("市场", "商场", "门店")
_SITE_REACH = 12
_SITE_NAMED = re.compile(rf"[\u4e00-\u9fff]{{0,8}}?(?:{V.alternation(_SITES)})")
_MARKET_LAST, _SHOP_LAST = "场", "店"      # (the last characters of _SITES: a cheap test first)
_VISITED = re.compile(r"(?:走访|探访|来到|走进)[^，,。；;]{0,24}$")
_VISIT_REACH = 28
# 开通至广州、杭州的航线: the later places of a list a route goes to
_LISTED_AFTER_TO = re.compile(rf"{_TO}{_LIST_SO_FAR}(?<={V.char_class(V.LIST_JOINERS)})$")   # (one member at least)
_LISTED_REACH = 24


# 鲁家村党委书记钱海东, 记者 张海东: a title and a surname before a place's name make it a person's name
_TITLES = frozenset("书记 主任 局长 县长 市长 镇长 乡长 区长 省长 村长 经理 记者 院长 校长 所长 站长 社长 厂长 处长 科长 主席 "
                    "会长 部长 队长 董事长 理事长 通讯员".split())
_TITLE_LAST = frozenset(title[-1] for title in _TITLES)
PERSON_TITLE_ENDS = _TITLE_LAST | {" "}      # the character two before a place in a person's name (书记钱海东)


# 在驻马店、周口、商丘、南阳4个市启动…收购库点112个, 杭州、宁波…5个城市已开通: places counted as a group
# are where a figure is spread over, not one the figure is about (the page's place is)
_COUNTED_AS_GROUP = re.compile(rf"(?:{V.alternation(V.ZONE_ENDS)})?" + _LIST_GOES_ON + rf"等?(?:[0-9一二三四五六七八九十]{{1,2}}个(?:{V.alternation(V.COUNTED_PLACES)})"
                               r"|[两二三四五六七八九十]{1,2}(?:省|市|县)(?![份长委级]))")     # (河北、陕西两省)
_EACH_OF_THEM = re.compile(rf"{V.char_class(V.SENTENCE_END + V.SEMICOLONS, negate=True)}{{0,30}}?(?:分别|(?<![亩人户日])均|合计|共计|总计)")   # (not 亩均, 人均; 平均 is the group's)
# 在岷阳镇、梅川镇等大中型安置区建成帮扶车间14个: places given as examples of what is counted (not 济南、青岛等地)
_EXAMPLES_OF = re.compile(_LIST_GOES_ON + r"等(?![地省市县区城])[\u4e00-\u9fff]")
_EXAMPLES = "等"


def in_counted_group(text: str, pos: int, name: str) -> bool:
    """Whether the place at ``pos`` is one of a list the text then counts (驻马店、周口…4个市; a zone of it too:
    赣江新区、南昌高新区等15个开发区), not one that
    goes on to give each its figure or their sum (赣州、九江、上饶三市入境游客分别增长…, …三省…合计约4.2亿亩)."""
    end = pos + len(name)
    if not ((pos > 0 and text[pos - 1] in V.LIST_JOINERS) or (end < len(text) and text[end] in V.LIST_JOINERS)):   # (not 邯郸市18个县: its own)
        return False
    counted = _COUNTED_AS_GROUP.match(text, end)
    return counted is not None and _EACH_OF_THEM.match(text, counted.end()) is None


def given_as_example(text: str, pos: int, name: str) -> bool:
    """Whether the place at ``pos`` is one of a list of examples (岷阳镇、梅川镇等大中型安置区)."""
    end = pos + len(name)
    return (text[end:end + 1] in V.LIST_JOINERS or text.startswith(_EXAMPLES, end)) and _EXAMPLES_OF.match(text, end) is not None


def in_person_name(text: str, pos: int) -> bool:
    """Whether the place at ``pos`` is the given name in a person's name after a title and a surname (书记钱海东,
    记者 张海东)."""
    if pos < 3 or (text[pos - 2] not in _TITLE_LAST and text[pos - 2] != " ") or not is_han(text[pos - 1]):
        return False                                              # (cheap test first: a title's last character)
    end = pos - 1 if text[pos - 2] != " " else pos - 2          # where the title ends (a space may follow it)
    return text[end - 2:end] in _TITLES or text[end - 3:end] in _TITLES


def first_generic(text: str) -> str:
    for m in GENERIC_PLACE.finditer(text):
        if not elsewhere(text, m.start(), m.end()):
            return m.group()
    return ""


# Used only when no place is named anywhere in the document: 全省地区生产总值 … -> 全省.
# (该镇 after a town's name: the one named last, as 全镇 is)
# (not 日本市场, 资本市场, 该市场, 该区域: words that hold 本市, 该区)
GENERIC_PLACE = re.compile(rf"全地区|全{V.char_class(''.join(V.LEVEL_OF_SUFFIX))}"
                           r"|(?<![日资成基根样版])[本我该](?:省|市|县|区|镇|乡)(?![场域间])")


_ALL_OF_THEM = "均"
_OPENS_CLAUSE = re.compile(r"\s*(?:其中[，,]?)?")


def respective_places(ctx: BlockContext, block: Block, local_start: int, floor: int) -> list[str]:
    """The places listed before 分别 (沈阳市和大连市…分别增长5.6%和6.1%), in order; [] when none."""
    start, m = respectively_clause(block.text, local_start, floor)
    if not m:
        return []
    if start == m.start() and start - 1 > floor:
        # 广东、江苏、山东位列前三，分别为10.2万亿元…: the clause before lists them
        start = scan_back(block.text, start - 1, floor, V.CLAUSE_END + V.COLONS)
    places = [name for pos, name in ctx.places if start <= pos < m.start()]
    if not places and start - 1 <= floor < start:
        # 南昌、九江…吉安5个设区市接待游客均超过400万人次，分别接待…, 攀枝花、广安、遂宁增速超过10%，分别达到…:
        # a figure every place shares stands between the list and its 分别 (the list opens its clause, or 均 says so)
        before = scan_back(block.text, start - 1, 0, V.CLAUSE_END + V.COLONS)
        each = block.text.rfind(_ALL_OF_THEM, before, start)
        listed = [(pos, name) for pos, name in ctx.places if before <= pos < (each if each >= 0 else floor)]
        if (len(listed) > 1 and all(block.text[p + len(n):p + len(n) + 1] in _LISTED for p, n in listed[:-1])
                and (each >= 0 or _OPENS_CLAUSE.fullmatch(block.text, before, listed[0][0]))):
            places = [name for _, name in listed]
    if not places and start - 1 > floor and block.text[start - 1] in V.COMMAS:
        # 上海、北京继续领跑，前三季度GDP分别为…: a clause naming only the measure, after one listing the places
        before = scan_back(block.text, start - 1, floor, V.CLAUSE_END + V.COLONS)
        listed = [(pos, name) for pos, name in ctx.places if before <= pos < start]
        if len(listed) > 1 and all(block.text[p + len(n):p + len(n) + 1] in _LISTED for p, n in listed[:-1]):
            places = [name for _, name in listed]
    return places
