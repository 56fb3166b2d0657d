"""The topic taxonomy file: loading, validation, keyword weighting and a user's own file."""

import pytest

import indicators
from indicators.lang.topics import load_taxonomy, parse_taxonomy, topic_labels

DEFAULT_KEYS = ["economy", "investment", "industry", "consumption", "fiscal", "agriculture", "energy",
                "employment_income", "prices", "public_services", "environment", "governance",
                "infrastructure", "culture", "other"]


def test_default_taxonomy_has_the_guideline_keys_in_order_with_chinese_labels():
    labels = topic_labels()
    assert list(labels) == DEFAULT_KEYS
    assert labels["investment"] == "投资与项目"
    assert labels["public_services"] == "民生与公共服务"


@pytest.mark.parametrize(("text", "topic"), [
    ("全市固定资产投资增长7.1%", "investment"),
    ("规上工业增加值增长6.5%", "industry"),
    ("社会消费品零售总额增长5%", "consumption"),
    ("一般公共预算收入增长3%", "fiscal"),
    ("粮食总产量达到260万吨", "agriculture"),
    ("预计亩产能达到4000斤左右", "agriculture"),     # 亩产 (yield per mu), not 产能 (capacity)
    ("全县果园面积达到18.6万亩", "agriculture"),
    ("全县柑橘种植面积26万亩，年产量约40万吨", "agriculture"),   # 年产量 (a year's output), not 年产
    ("全社会用电量增长4%", "energy"),
    ("城镇新增就业3.2万人", "employment_income"),
    ("居民消费价格上涨1.5%", "prices"),
    ("办结群众诉求25万件", "public_services"),
    ("栽植树木3700株", "environment"),
    ("取消调整行政职权事项329项", "governance"),
    ("新建高速公路80公里", "infrastructure"),
    ("全市重点商圈累计接待客流4.68亿人次", "consumption"),   # a shopping district's visitors, not a transport's
    ("小寨商圈今年新引进首店27家", "consumption"),
    ("公交日均客流达到86万人次", "infrastructure"),
    ("每千人口执业医师3.10人", "public_services"),      # health workers per head, not other
    ("全年毛茶产量1.15万吨", "agriculture"),             # a crop's output, not industry's 产量
    ("全镇莲藕产量约3.2万吨", "agriculture"),
    ("全县党参产量1.2万吨", "agriculture"),
    ("设立收购网点213个", "agriculture"),
    ("全市水泥产量1126.5万吨", "industry"),             # an industrial product's output stays industry
    ("每万人口全科医生3.62人", "public_services"),
    ("警示教育馆展示图片700余张", "culture"),
    ("广义货币(M2)余额同比增长6.8%", "fiscal"),
    ("年末国家外汇储备32380亿美元", "fiscal"),
    ("前三季度净投放现金4110亿元", "fiscal"),
    ("挖掘机械实现销售收入150.16亿元", "industry"),
    ("新建改扩建学校42所，新增学位2.1万个", "public_services"),
    ("农村最低生活保障人数98.4万人", "public_services"),
    # population has no topic of its own: every gold accepts other for it, not always economy or public services
    ("城镇人口192.4万人，乡村人口153.2万人", "other"),
    ("全年出生人口2.31万人，人口出生率为6.34‰", "other"),
    ("限额以上单位新能源汽车零售额增长46.8%", "consumption"),   # the retail statistics, not the car industry
    ("全年实现保费收入128.6亿元", "fiscal"),
    ("大蒜良种覆盖率达到95%以上", "agriculture"),
    ("微型计算机设备2681.4万台，增长9.7%；太阳能电池5127.8万千瓦", "industry"),   # products, not power
    ("全国服务业生产指数同比增长6.1%", "economy"),
    ("带动村集体经营性收入1650万元", "agriculture"),
    ("兑现各类惠企资金4.7亿元", "fiscal"),
    ("外出务工农村劳动力总量19014万人", "employment_income"),
    ("参加工伤保险人数61.8万人", "public_services"),     # social insurance, not 加工 (industry) + 保险 (finance)
    ("全市已投入收割机3200余台、烘干机组860套", "agriculture"),
    ("全市陶瓷企业达到7300多家，陶瓷从业人员超过15万人", "industry"),
    ("带动周边群众就业600余人", "employment_income"),    # 群众就业 (jobs), not 群众 (public services)
    ("新发展设施蔬菜大棚320个", "agriculture"),
    ("改造城镇老旧小区126个", "public_services"),
    ("全区千兆光网覆盖家庭超过26万户", "infrastructure"),
    ("全年发生各类生产安全事故86起", "public_services"),
    ("全年全市总用水量15.6亿立方米", "environment"),
    ("新增停车位320个，安装路灯86盏", "infrastructure"),
    ("带动脱贫户1.28万户增收", "agriculture"),
    ("全市共有旅行社156家", "consumption"),
    ("户籍业务办理时限由5个工作日压缩至3个工作日内", "governance"),
    ("建成柑橘标准化示范基地2个", "agriculture"),
    ("集团现有在岗职工3.2万人", "employment_income"),
    ("技能人才总量达到1520万人，其中高技能人才462万人", "employment_income"),    # a labour force's skills
    ("全年各级劳动人事争议调解仲裁机构共处理争议案件16.84万件", "employment_income"),   # labour relations
    ("全年新设立博士后科研工作站41个", "employment_income"),
    ("参加失业保险人数46.3万人", "public_services"),               # social insurance stays a public service
    ("审计发现问题金额28.36亿元，已完成整改43项", "governance"),          # an audit's findings
    ("全镇216家民宿平均入住率达92%以上", "consumption"),            # tourism's lodgings
    ("主要支出科目情况：教育支出1036.8亿元，增长5.2%", "fiscal"),        # a budget's functional accounts
    ("分级次看，省级收入389.6亿元，增长4.2%", "fiscal"),
    ("预计未来三天累计雨量30～60毫米，气温22℃～29℃", "environment"),     # the weather
    ("国家支持启动了197个调整改造项目", "investment"),                # (调整改造 holds no 整改)
    ("今年化学需氧量、氨氮排放量要分别下降2%", "environment"),
    ("综合治理水土流失面积4.8万平方公里", "environment"),
    ("提请全国人大常委会审议法律议案10件，制定修订行政法规15部", "governance"),
    ("外出农民工1.59亿人，增长3.4%", "employment_income"),
    ("62支代表队、2100余名运动员参赛", "culture"),
    ("科技进步贡献率提高到58.5%", "industry"),
    ("今年安排中央本级支出增长3.9%", "fiscal"),
    ("市本级“三公”经费预算安排1.26亿元", "fiscal"),
    ("调入资金15.6亿元，上年结余7.2亿元", "fiscal"),
    ("压减一般性支出10%以上", "fiscal"),
    # a building verb weighs less than what is built
    ("新建改建农村公路500公里", "infrastructure"),
    ("新建桥梁4座", "infrastructure"),
    ("新建公共充电桩1650个", "infrastructure"),
    ("新建改扩建中小学11所", "public_services"),
    ("新开工亿元以上项目163个，竣工投产128个", "investment"),
    ("全国建成投产大中型基本建设项目95个", "investment"),
    ("新建商品房销售面积85090万平方米", "investment"),
    ("新增限额以上商贸企业150家", "consumption"),
    ("国营商业在商品零售中的比重达到63%", "consumption"),
    ("一般工商业电价平均降低10%", "prices"),             # 工商业 (industry and commerce), not 商业
    ("西气东输管道全线贯通并投入商业运营", "industry"),   # 商业运营 is a plant's start of operation
    ("新增节水灌溉面积666.7万公顷", "agriculture"),
    ("新增供电能力10万千伏安", "energy"),
    ("合作社共收获小龙虾约18万公斤，销售收入超过720万元", "agriculture"),
    ("全年新登记经营主体86.5万户", "industry"),     # firms registered: most labellers file them under firms
    ("对外承包工程完成营业额36.8亿美元", "consumption"),
    ("六大高耗能行业增加值增长3.6%", "energy"),
    ("西部陆海新通道海铁联运班列开行近8500列", "infrastructure"),
    ("家电以旧换新带动销售额超过1500亿元", "consumption"),
    ("全省今年累计投入抗旱资金9.6亿元", "agriculture"),
    ("企业办理施工许可的时间压缩至5个工作日以内", "governance"),
    ("柳溪港年吞吐能力达到500万吨", "infrastructure"),
    ("今天天气很好", "other"),
])
def test_classify_by_keywords(text, topic):
    assert load_taxonomy().classify((text, 1.0)) == topic


def test_longest_keyword_wins_over_a_shorter_one_inside_it():
    # 警示教育 (culture) must not also count as 教育 (public services).
    assert load_taxonomy().classify(("警示教育活动", 1.0)) == "culture"


def test_weak_keywords_weigh_less_than_specific_ones():
    # 农村 is weak (agriculture); 厕所 is specific (public services).
    assert load_taxonomy().classify(("农村户用厕所", 1.0)) == "public_services"


def test_invalid_files_are_named_with_the_reason():
    with pytest.raises(ValueError, match=r"my\.toml: not valid TOML"):
        parse_taxonomy("[a\nlabel=", "my.toml")
    with pytest.raises(ValueError, match="needs a table with a string 'label'"):
        parse_taxonomy("[a]\nkeywords=['x']\n", "my.toml")
    with pytest.raises(ValueError, match="must be ASCII"):
        parse_taxonomy('["投资"]\nlabel="投资"\n', "my.toml")


def test_extract_uses_a_users_own_taxonomy(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[trees]\nlabel = "树木"\nkeywords = ["刺槐"]\n\n[rest]\nlabel = "其他"\n', encoding="utf-8")
    table = indicators.extract("当天共栽植刺槐5000株。", taxonomy=str(path))
    assert table["topic"].tolist() == ["trees"]
    assert indicators.extract("当天共栽植刺槐5000株。")["topic"].tolist() == ["environment"]
