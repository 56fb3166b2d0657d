"""Document metadata read from a document's head (title, dateline, issuer, 发布时间) or its file name,
and what a caller gives. The heads are written for these tests in the styles of real documents."""

from __future__ import annotations

import pytest

from indicators.engine.metadata import given_date, read_document_meta

HEADS = [
    # (head, file name, date, date_source, region_name, region_code, kind)
    ("2025年中华人民共和国国务院政府工作报告\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。",
     "2025.txt", "2025", "title", "全国", "100000", "work_report"),
    ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理　李强\n各位代表：",
     "", "2024-03-05", "dateline", "全国", "100000", "work_report"),
    ("1990年国务院政府工作报告\n\n——１９９０年３月２０日在第七届全国人民代表大会第三次会议上\n国务院总理李鹏各位代表！",
     "", "1990-03-20", "dateline", "全国", "100000", "work_report"),
    ("政府工作报告\n——2025年1月14日在安徽省第十四届人民代表大会第三次会议上\n安徽省省长　王清宪\n各位代表：",
     "", "2025-01-14", "dateline", "安徽省", "340000", "work_report"),
    ("政府工作报告\n（2025年1月15日在鞍山市第十七届人民代表大会第五次会议上）\n市长　某某\n各位代表：",
     "", "2025-01-15", "dateline", "鞍山市", "210300", "work_report"),
    # a congress's place the gazetteer holds twice (青山区 of Wuhan and of Baotou): its name, no code
    ("政府工作报告\n——2026年1月12日在青山区第十届人民代表大会第五次会议上\n区长　李某\n各位代表：",
     "", "2026-01-12", "dateline", "青山区", "", "work_report"),
    ("2025年湖南省政府工作报告\n\n各位代表：\n\n现在，我代表省人民政府，向大会报告工作。",
     "", "2025", "title", "湖南省", "430000", "work_report"),
    ("政府工作报告\n\n各位代表：\n\n现在，我代表省人民政府，向大会报告工作，请予审议。",
     "浙江省2024年政府工作报告.txt", "2024", "file name", "浙江省", "330000", "work_report"),
    ("中华人民共和国2024年国民经济和社会发展统计公报\n\n国家统计局\n2025年2月28日\n\n2024年是…",
     "", "2025-02-28", "dateline", "全国", "100000", "statistical_bulletin"),
    ("鞍山市2023年国民经济和社会发展统计公报\n\n鞍山市统计局\n国家统计局鞍山调查队\n",
     "", "2023", "title", "鞍山市", "210300", "statistical_bulletin"),
    # a province's bulletin is co-issued with the national bureau's survey corps (调查总队): not national
    ("湖南省2024年国民经济和社会发展统计公报（摘录）\n\n湖南省统计局　国家统计局湖南调查总队\n（2025年3月18日）\n\n2024年，…",
     "", "2025-03-18", "dateline", "湖南省", "430000", "statistical_bulletin"),
    ("2024年1-10月份全省经济运行情况\n发布时间：2024-11-20 来源：河南省统计局\n\n1-10月份，全省…",
     "", "2024-11-20", "发布时间", "河南省", "410000", "monthly_release"),
    # a subdistrict's office as the source (开福区四方坪街道办事处): the subdistrict's release, not its district's
    ("四方坪街道2024年工作总结及2025年工作思路\n\n来源：开福区四方坪街道办事处　　发布时间：2024-12-27 16:08\n\n2024年，…",
     "", "2024-12-27", "发布时间", "四方坪街道", "", "other"),
    ("2024年全区经济运行情况\n\n来源：开福区人民政府　　发布时间：2025-01-20\n\n2024年，全区…",
     "", "2025-01-20", "发布时间", "开福区", "430105", "other"),
    ("鞍山日报　2024年4月18日　星期四　第2版\n\n本报讯（记者 王明）前三季度，鞍山…",
     "", "2024-04-18", "dateline", "", "", "news"),
    # a national release in the news (国家统计局 in its title, no place but 全国) is about the country; a
    # story whose title names a province is not, nor one a national body only comments on
    ("国家统计局：前11个月全国规模以上工业企业利润下降4.7%\n\n新华社北京12月27日电 国家统计局27日发布数据显示，…",
     "", "", "", "全国", "100000", "news"),
    ("国家统计局：前三季度江苏经济增长5.5%\n\n新华社南京10月20日电 …", "", "", "", "", "", "news"),
    # an agency's city before the colon names who speaks; the place after it what the release is of
    ("南京海关：前三季度江苏外贸进出口4.07万亿元 同比增长6.8%\n\n据南京海关统计,今年前三季度,江苏省货物贸易…",
     "", "", "", "江苏省", "320000", "other"),
    ("人民银行南京分行：江苏10月末本外币贷款余额增长8.1%\n\n10月末，全省…", "", "", "", "江苏省", "320000", "other"),
    # ... but with no place after the colon the agency's own city, and a bare place before the colon is the place
    ("青岛海关：前三季度全关区进出口增长5%\n\n据统计，…", "", "", "", "青岛市", "370200", "other"),
    ("苏州：与上海合作项目集中签约\n\n10月12日，…", "", "", "", "苏州市", "320500", "other"),
    # a story about one subdistrict or town, named before its title's colon (not 特色小镇：…, no town's name)
    ("米市巷街道：家门口的服务暖到居民心坎上\n\n拱墅区融媒体中心讯（记者 沈佳怡）11月20日上午，…",
     "", "", "", "米市巷街道", "", "news"),
    ("特色小镇：产业集聚效应显现\n\n本报讯（记者 沈悦）今年以来，…", "", "", "", "", "", "news"),
    # a township's own bulletin, its county named first (湄潭县石莲乡工作简报): the township's
    ("湄潭县石莲乡工作简报\n\n（2025年第11期）\n\n今年以来，我乡…", "", "", "", "石莲乡", "", "other"),
    # ... or its plan or summary of a year (蜀山区笔架山街道2025年工作计划): the subdistrict's, not its district's
    ("蜀山区笔架山街道2025年工作计划\n\n2024年，笔架山街道全年完成固定资产投资28.6亿元。", "", "2025", "title", "笔架山街道", "",
     "other"),
    ("安吉县天荒坪镇2024年度工作总结\n\n全镇实现农业总产值5.2亿元。", "", "2024", "title", "天荒坪镇", "", "other"),
    # ... or its party committee's (中共安溪县感德镇委员会): the town's, not its county's
    ("中共安溪县感德镇委员会关于2024年度乡村振兴工作情况的总结\n\n感委〔2024〕58号\n\n2024年，感德镇党委…全年毛茶产量1.26万吨。",
     "", "2024", "title", "感德镇", "", "other"),
    # (a town's committee for something, not the town's party committee, is no issuer)
    ("安溪县2024年乡镇工作委员会工作总结\n\n全县毛茶产量7万吨。", "", "2024", "title", "安溪县", "350524", "other"),
    # the body that published a release (来源：安徽省科学技术厅), not a national one it cites, nor a cited bulletin's kind
    ("我省研发投入强度首次突破2.8%\n发布日期：2025-09-18　　来源：安徽省科学技术厅\n\n近日，国家统计局、科学技术部、"
     "财政部联合发布《2024年全国科技经费投入统计公报》。", "", "2025-09-18", "发布时间", "安徽省", "340000", "other"),
    # a line that introduces the body (…经国家统计局核定，现将…公布如下：) is no title line: the province's bulletin
    ("湖南省2024年人口变动情况统计公报\n\n湖南省统计局\n2025年3月18日\n\n根据2024年全省人口变动情况抽样调查结果，"
     "经国家统计局核定，现将2024年湖南省人口主要数据公布如下：\n\n一、常住人口总量",
     "", "2025-03-18", "dateline", "湖南省", "430000", "statistical_bulletin"),
    ("多地晒出前三季度“成绩单”\n\n新华社北京10月28日电（记者 刘洋）国家统计局数据显示，…", "", "", "", "", "", "news"),
    ("各位代表：\n\n现在，我代表省人民政府，向大会报告工作。\n\n一、2024年工作回顾\n\n过去一年，全省上下…湖南经济回升，"
     "全省地区生产总值增长4.8%，湖南外贸增长8%，全省就业稳定。湖南…全省…我省…", "report.txt", "2025", "headings", "湖南省",
     "430000", "work_report"),
    ("各位代表：\n\n现在，我代表省人民政府，向大会报告工作。\n\n一、2024年工作回顾\n\n全省…湖南…全省…湖北…全省…湖南…"
     "全省…湖北…我省", "report.txt", "2025", "headings", "", "", "work_report"),
    # a title's span of months (1-10月份) is no day of January
    ("2025年1-10月份全省经济运行情况\n\n工业生产稳中有升。1-10月份，全省…", "", "2025", "title", "", "", "monthly_release"),
    # a newsletter's masthead line ends with its date after a gap
    ("园区动态\n2023年第11期（总第46期）\n临河经济技术开发区管委会主办　　2023年11月30日\n\n■要闻\n\n四季度重点项目集中签约",
     "", "2023-11-30", "dateline", "临河经济技术开发区", "", "other"),
    # ... but a date inside a sentence or a heading (截至2024年3月5日) dates nothing
    ("全市经济运行情况\n截至2024年3月5日，全市…\n统计数据截至2024年3月5日\n", "", "", "", "", "", "other"),
    # a short first paragraph is body, not a title line: the district it names is not the page's region
    ("热线上半年办理情况通报\n\n全市17个县区中，城东区满意率最高。\n\n上半年共受理群众诉求86.42万件。", "", "", "", "", "", "other"),
    # a release of a quarter or a half year, dated in numerals after its issuer or on a line of its own
    ("前三季度全省经济运行稳中有进\n四川省统计局  2024-10-23\n\n根据地区生产总值统一核算结果，前三季度，全省…",
     "", "2024-10-23", "dateline", "四川省", "510000", "monthly_release"),
    ("上半年全市经济运行情况\n2024/07/18 09:30\n\n上半年，全市…", "", "2024-07-18", "dateline", "", "", "monthly_release"),
    # ... but a telephone number is no date
    # a community head's duty report whose title names no community: the one its byline names (not its district's);
    # a byline over some other piece is its writer's, no issuer
    ("2024年度社区党委书记抓基层党建工作述职报告\n\n江汉区唐家墩街道和谐里社区党委书记　王晓红\n（2024年12月26日）\n\n"
     "各位领导、同志们：\n\n2024年，我带领社区“两委”班子扎实工作。", "", "2024-12-26", "dateline", "和谐里社区", "", "other"),
    ("关于加强社区治理的几点思考\n\n江汉区唐家墩街道和谐里社区党委书记　王晓红\n\n近年来，社区治理面临新情况。",
     "", "", "", "江汉区", "420103", "other"),
    # a subdistrict's summary whose name opens with a province's short name (湖南路街道): the subdistrict's
    ("湖南路街道2024年度平安建设和网格化社会治理工作总结\n\n2024年，湖南路街道扎实推进平安建设。", "", "2024", "title",
     "湖南路街道", "", "other"),
    # a press conference's transcript, held by a province's body: about the province, not the city its answers name
    # most (but not one held by a 新闻办 naming no place, nor a body's forum that is no press conference)
    ("湖南省商务厅举行2025年前三季度全省外贸运行情况新闻发布会\n（文字实录）\n\n时间：2025年10月21日上午10:00\n"
     "发布人：省商务厅副厅长 王军\n\n主持人：各位记者朋友，上午好！欢迎大家参加今天的新闻发布会。\n\n王军：长沙市进出口增长8%。",
     "", "2025-10-21", "dateline", "湖南省", "430000", "news"),
    ("省政府新闻办举行2025年前三季度外贸运行情况新闻发布会\n（文字实录）\n\n时间：2025年10月21日上午10:00\n\n"
     "主持人：各位记者朋友，上午好！欢迎大家参加今天的新闻发布会。\n\n王军：长沙市进出口增长8%。",
     "", "2025-10-21", "dateline", "", "", "news"),
    ("湖南省商务厅举行外贸企业座谈会\n\n时间：2025年10月21日上午10:00\n\n主持人：各位记者朋友，上午好！欢迎大家参加今天的"
     "新闻发布会。\n\n王军：长沙市进出口增长8%。", "", "2025-10-21", "dateline", "", "", "news"),
    ("关于做好春季农业生产的通知\n咨询电话：028-85201234\n\n各乡镇：…", "", "", "", "", "", "other"),
    ("关于做好春季农业生产的通知\n\n各乡镇：\n\n…", "notice.txt", "", "", "", "", "other"),
    ("关于做好春季农业生产的通知\n\n各乡镇：\n\n…", "notices/2023年通知.txt", "2023", "file name", "", "", "other"),
]


@pytest.mark.parametrize("head,name,date,date_source,region,code,kind", HEADS)
def test_metadata_from_the_head(head, name, date, date_source, region, code, kind):
    meta = read_document_meta(head, name)
    assert (meta.date, meta.date_source) == (date, date_source)
    assert (meta.region_name, meta.region_code) == (region, code)
    assert meta.kind == kind
    assert bool(meta.region_source) == bool(region)


def test_given_values_win_and_say_so():
    head = HEADS[0][0]
    meta = read_document_meta(head, "2025.txt", date="2025-03-05", region="安徽", kind="work_report")
    assert (meta.date, meta.date_source) == ("2025-03-05", "given")
    assert (meta.region_name, meta.region_code, meta.region_source) == ("安徽省", "340000", "given")
    assert (meta.kind, meta.kind_source) == ("work_report", "given")


def test_a_given_region_the_gazetteer_lacks_is_kept_without_a_code():
    meta = read_document_meta("…", region="云泽市")
    assert (meta.region_name, meta.region_code) == ("云泽市", "")


@pytest.mark.parametrize("text,iso", [
    ("2025-03-05", "2025-03-05"), ("2025-3-5", "2025-03-05"),
    ("2025-03", "2025-03"), ("2025", "2025"), (" 2025-03-05 ", "2025-03-05"),
])
def test_given_dates(text, iso):
    assert given_date(text) == iso


@pytest.mark.parametrize("text", ["2025-02-30", "2025-13-01", "25-03-05", "March 2025", "", "2025-03-05x", "2025年3月5日", "0999"])
def test_bad_given_dates_are_refused(text):
    with pytest.raises(ValueError, match="is not a date"):
        given_date(text)
