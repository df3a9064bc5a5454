"""Demo destinations and safety alerts for a new site, in Chinese and English. Idempotent and offline.

Registered with the ``seed_demo_content`` hook (home/demo.py): ``seed_destinations(stdout)``. What
exists already is left as it is, so a second run changes nothing. The local emergency numbers are the
real public ones; the levels, the embassy and consulate contacts (``@example.org``, numbers with
``5550``), the alerts and the change notes are made up, and every page says so.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone, translation

from home.demo import DemoSeeder, rich
from home.models import HomePage

from .levels import Region, RiskLevel
from .models import (
    AlertIndexPage,
    ChangeNote,
    ConsularContact,
    Destination,
    DestinationIndexPage,
    DestinationPage,
    SafetyAlertPage,
    VisaRequirement,
)

LANGUAGES = ("zh-hans", "en")


@dataclass(frozen=True)
class Place:
    """One demo destination: its facts, the demo embassy (and consulate) and a few sentences of prose."""

    code: str
    region: str
    level: int
    numbers: tuple  # police, ambulance, fire: the real public numbers
    visa: str
    calling: str  # country calling code and the capital's area code, for the demo phone numbers
    capital: tuple  # (Chinese, English)
    currency: tuple
    safety: tuple
    laws: tuple
    position: str  # longitude,latitude of the capital, for the map link
    visa_free_days: int | None = None
    passport_months: int = 6
    consulate: tuple | None = None  # (city zh, city en, calling code + area code)
    health: tuple = field(default=("", ""))


V = VisaRequirement
R = Region

PLACES = [
    Place(
        "US",
        R.NORTH_AMERICA,
        1,
        ("911", "911", "911"),
        V.VISA_REQUIRED,
        "1202",
        ("华盛顿", "Washington, D.C."),
        ("美元", "US dollar"),
        (
            "部分城市枪支暴力案件多发，夜间避免独自前往偏僻街区。",
            "Gun violence is frequent in some cities: avoid quiet streets alone at night.",
        ),
        (
            "各州法律不同；未满 21 岁饮酒违法，随身携带护照或身份证件。",
            "Laws differ by state; drinking under 21 is illegal. Carry your passport or ID.",
        ),
        "-77.04,38.91",
        consulate=("纽约", "New York", "1212"),
        health=(
            "医疗费用很高，务必购买足额医疗保险。",
            "Medical care is very expensive: buy full health insurance.",
        ),
    ),
    Place(
        "GB",
        R.EUROPE,
        0,
        ("999", "999", "999"),
        V.VISA_REQUIRED,
        "4420",
        ("伦敦", "London"),
        ("英镑", "pound sterling"),
        (
            "伦敦等大城市扒窃和手机抢夺较多，在街头使用手机时留意周围。",
            "Pickpocketing and phone snatching are common in London: mind your phone in the street.",
        ),
        ("车辆靠左行驶，过马路先看右侧。", "Traffic drives on the left: look right before crossing."),
        "-0.13,51.51",
        consulate=("曼彻斯特", "Manchester", "44161"),
    ),
    Place(
        "AU",
        R.OCEANIA,
        0,
        ("000", "000", "000"),
        V.E_VISA,
        "612",
        ("堪培拉", "Canberra"),
        ("澳元", "Australian dollar"),
        (
            "海滩请在红黄旗之间游泳，注意离岸流、鲨鱼和强烈紫外线。",
            "Swim between the red and yellow flags; beware of rip currents, sharks and strong sun.",
        ),
        (
            "严格的生物安全检疫：食品、肉类和植物入境必须申报。",
            "Strict biosecurity: declare all food, meat and plants on arrival.",
        ),
        "149.13,-35.28",
        consulate=("悉尼", "Sydney", "612"),
    ),
    Place(
        "CA",
        R.NORTH_AMERICA,
        0,
        ("911", "911", "911"),
        V.VISA_REQUIRED,
        "1613",
        ("渥太华", "Ottawa"),
        ("加元", "Canadian dollar"),
        (
            "冬季严寒，出行前关注天气预报，驾车备好冬季轮胎。",
            "Winters are severe: check the forecast and fit winter tyres.",
        ),
        (
            "大麻在部分情况下合法，但携带出入境属于违法行为。",
            "Cannabis is legal in some cases, but taking it across the border is a crime.",
        ),
        "-75.70,45.42",
        consulate=("多伦多", "Toronto", "1416"),
    ),
    Place(
        "JP",
        R.ASIA,
        0,
        ("110", "119", "119"),
        V.VISA_REQUIRED,
        "813",
        ("东京", "Tokyo"),
        ("日元", "yen"),
        (
            "地震和台风较多，熟悉住所附近的避难场所。",
            "Earthquakes and typhoons are common: know the evacuation site near where you live.",
        ),
        (
            "部分常见感冒药含有日本禁止的成分，携带药品前请核实。",
            "Some common cold medicines contain banned ingredients: check before you bring medicine.",
        ),
        "139.69,35.69",
        consulate=("大阪", "Osaka", "816"),
    ),
    Place(
        "KR",
        R.ASIA,
        0,
        ("112", "119", "119"),
        V.VISA_REQUIRED,
        "822",
        ("首尔", "Seoul"),
        ("韩元", "won"),
        ("警惕以高薪兼职为名的招聘诈骗。", "Beware of job scams that promise well-paid part-time work."),
        (
            "留学生打工需事先取得许可，违规打工可能被遣返。",
            "Students need permission before taking a job; working without it can lead to removal.",
        ),
        "126.98,37.57",
    ),
    Place(
        "SG",
        R.ASIA,
        0,
        ("999", "995", "995"),
        V.VISA_FREE,
        "65",
        ("新加坡", "Singapore"),
        ("新加坡元", "Singapore dollar"),
        (
            "社会治安良好，但需警惕冒充官员的电话诈骗。",
            "Crime is low, but beware of phone scams by fake officials.",
        ),
        (
            "禁止在公共场所吸烟、乱扔垃圾，违者重罚；严禁携带电子烟。",
            "Smoking in public places and littering bring heavy fines; e-cigarettes are banned.",
        ),
        "103.82,1.35",
        visa_free_days=30,
    ),
    Place(
        "MY",
        R.ASIA,
        0,
        ("999", "999", "994"),
        V.VISA_FREE,
        "603",
        ("吉隆坡", "Kuala Lumpur"),
        ("林吉特", "ringgit"),
        (
            "飞车抢夺时有发生，背包请背在远离马路的一侧。",
            "Bag snatching from motorbikes happens: carry your bag away from the road.",
        ),
        (
            "毒品犯罪处罚极重；尊重伊斯兰教习俗。",
            "Drug offences carry very heavy penalties; respect Islamic customs.",
        ),
        "101.69,3.14",
        visa_free_days=30,
        consulate=("槟城", "Penang", "604"),
    ),
    Place(
        "TH",
        R.ASIA,
        1,
        ("191", "1669", "199"),
        V.VISA_FREE,
        "662",
        ("曼谷", "Bangkok"),
        ("泰铢", "baht"),
        (
            "警惕以高薪招聘为名将人骗至边境地区从事电信诈骗。",
            "Beware of well-paid job offers that lure people to border areas to work for scam gangs.",
        ),
        (
            "不得有任何对王室不敬的言行；电子烟违法。",
            "Any disrespect to the royal family is a crime; e-cigarettes are illegal.",
        ),
        "100.50,13.76",
        visa_free_days=30,
        consulate=("清迈", "Chiang Mai", "6653"),
        health=(
            "雨季注意登革热，做好防蚊措施。",
            "In the rainy season, protect yourself from mosquitoes and dengue fever.",
        ),
    ),
    Place(
        "DE",
        R.EUROPE,
        0,
        ("110", "112", "112"),
        V.VISA_REQUIRED,
        "4930",
        ("柏林", "Berlin"),
        ("欧元", "euro"),
        ("火车站等人流密集处注意防范扒窃。", "Watch out for pickpockets at railway stations and in crowds."),
        ("须在入住后两周内办理居住登记。", "Register your address within two weeks of moving in."),
        "13.40,52.52",
        passport_months=3,
        consulate=("法兰克福", "Frankfurt", "4969"),
    ),
    Place(
        "FR",
        R.EUROPE,
        1,
        ("17", "15", "18"),
        V.VISA_REQUIRED,
        "331",
        ("巴黎", "Paris"),
        ("欧元", "euro"),
        (
            "巴黎旅游景点和地铁针对中国游客的盗抢案件较多。",
            "Theft targeting Chinese visitors is common at Paris sights and on the metro.",
        ),
        (
            "须随身携带身份证件，警察可随时查验。",
            "Carry identification: the police may ask for it at any time.",
        ),
        "2.35,48.86",
        passport_months=3,
        consulate=("马赛", "Marseille", "334"),
    ),
    Place(
        "IT",
        R.EUROPE,
        0,
        ("112", "118", "115"),
        V.VISA_REQUIRED,
        "396",
        ("罗马", "Rome"),
        ("欧元", "euro"),
        (
            "热门景点扒窃多发，警惕假冒警察检查钱包。",
            "Pickpocketing is common at famous sights; beware of fake police asking to see your wallet.",
        ),
        (
            "乘坐公交须先购票并打卡，逃票罚款较重。",
            "Buy and validate tickets before riding public transport; fines are heavy.",
        ),
        "12.50,41.90",
        passport_months=3,
    ),
    Place(
        "NZ",
        R.OCEANIA,
        0,
        ("111", "111", "111"),
        V.VISA_REQUIRED,
        "644",
        ("惠灵顿", "Wellington"),
        ("新西兰元", "New Zealand dollar"),
        ("户外徒步前登记行程，天气变化快。", "Register your route before hiking: the weather changes fast."),
        ("入境检疫严格，未申报食品将被罚款。", "Border checks are strict: undeclared food brings a fine."),
        "174.78,-41.29",
        consulate=("奥克兰", "Auckland", "649"),
    ),
    Place(
        "RU",
        R.EUROPE,
        1,
        ("102", "103", "101"),
        V.E_VISA,
        "7495",
        ("莫斯科", "Moscow"),
        ("卢布", "rouble"),
        (
            "注意防范针对外国人的抢劫和假警察勒索。",
            "Beware of robberies of foreigners and fake police demanding money.",
        ),
        (
            "入境后须按规定办理移民登记。",
            "Register with the migration authorities after arrival, as required.",
        ),
        "37.62,55.76",
        consulate=("圣彼得堡", "Saint Petersburg", "7812"),
    ),
    Place(
        "AE",
        R.MIDDLE_EAST,
        0,
        ("999", "998", "997"),
        V.VISA_FREE,
        "9712",
        ("阿布扎比", "Abu Dhabi"),
        ("迪拉姆", "dirham"),
        ("夏季高温，避免正午户外活动。", "Summers are very hot: stay indoors at midday."),
        (
            "斋月期间白天不要在公共场所饮食；衣着应保守。",
            "During Ramadan, do not eat or drink in public in daytime; dress modestly.",
        ),
        "54.37,24.45",
        visa_free_days=30,
        consulate=("迪拜", "Dubai", "9714"),
    ),
    Place(
        "SA",
        R.MIDDLE_EAST,
        1,
        ("999", "997", "998"),
        V.E_VISA,
        "96611",
        ("利雅得", "Riyadh"),
        ("里亚尔", "riyal"),
        ("关注地区局势，远离边境地区。", "Follow the regional situation and stay away from border areas."),
        (
            "严禁饮酒；尊重宗教习俗，衣着应保守。",
            "Alcohol is banned; respect religious customs and dress modestly.",
        ),
        "46.68,24.71",
        consulate=("吉达", "Jeddah", "96612"),
    ),
    Place(
        "EG",
        R.AFRICA,
        1,
        ("122", "123", "180"),
        V.VISA_ON_ARRIVAL,
        "202",
        ("开罗", "Cairo"),
        ("埃及镑", "Egyptian pound"),
        ("在旅游景点警惕强行推销和宰客。", "At tourist sights, beware of pushy sellers and overcharging."),
        ("禁止拍摄军事设施和政府建筑。", "Do not photograph military sites or government buildings."),
        "31.24,30.04",
    ),
    Place(
        "ZA",
        R.AFRICA,
        2,
        ("10111", "10177", "10177"),
        V.VISA_REQUIRED,
        "2712",
        ("比勒陀利亚", "Pretoria"),
        ("兰特", "rand"),
        (
            "持枪抢劫和入室盗窃多发，避免夜间出行和展示财物。",
            "Armed robbery and burglary are common: avoid going out at night and showing valuables.",
        ),
        ("须随身携带护照复印件和居留证件。", "Carry a copy of your passport and your residence permit."),
        "28.19,-25.75",
        consulate=("约翰内斯堡", "Johannesburg", "2711"),
    ),
    Place(
        "KE",
        R.AFRICA,
        2,
        ("999", "999", "999"),
        V.E_VISA,
        "25420",
        ("内罗毕", "Nairobi"),
        ("肯尼亚先令", "Kenyan shilling"),
        (
            "大选和示威期间局势可能紧张，远离人群聚集地。",
            "Elections and protests can turn tense: stay away from crowds.",
        ),
        ("禁止使用一次性塑料袋。", "Single-use plastic bags are banned."),
        "36.82,-1.29",
        health=(
            "部分地区有疟疾，出发前咨询医生。",
            "Malaria is present in some areas: see a doctor before you go.",
        ),
    ),
    Place(
        "NG",
        R.AFRICA,
        2,
        ("112", "112", "112"),
        V.VISA_REQUIRED,
        "2349",
        ("阿布贾", "Abuja"),
        ("奈拉", "naira"),
        (
            "部分地区绑架案件多发，外出须有安保安排。",
            "Kidnappings are frequent in some areas: travel only with security arrangements.",
        ),
        ("外汇兑换须通过正规渠道。", "Exchange money only through licensed channels."),
        "7.49,9.06",
        consulate=("拉各斯", "Lagos", "2341"),
        health=(
            "疟疾高发，做好防蚊措施并备好药品。",
            "Malaria is common: protect yourself from mosquitoes and carry medicine.",
        ),
    ),
    Place(
        "BR",
        R.LATIN_AMERICA,
        1,
        ("190", "192", "193"),
        V.VISA_REQUIRED,
        "5561",
        ("巴西利亚", "Brasília"),
        ("雷亚尔", "real"),
        (
            "大城市抢劫案件较多，不要在街头使用贵重物品。",
            "Robberies are frequent in big cities: keep valuables out of sight in the street.",
        ),
        (
            "须随身携带身份证件；毒品犯罪处罚严厉。",
            "Carry identification; drug offences are punished severely.",
        ),
        "-47.88,-15.79",
        consulate=("圣保罗", "São Paulo", "5511"),
    ),
    Place(
        "ES",
        R.EUROPE,
        0,
        ("091", "061", "080"),
        V.VISA_REQUIRED,
        "3491",
        ("马德里", "Madrid"),
        ("欧元", "euro"),
        ("巴塞罗那、马德里街头扒窃较多。", "Pickpocketing is common in Barcelona and Madrid."),
        ("在公共场所饮酒可能被罚款。", "Drinking in public places can bring a fine."),
        "-3.70,40.42",
        passport_months=3,
        consulate=("巴塞罗那", "Barcelona", "3493"),
    ),
    Place(
        "MM",
        R.ASIA,
        2,
        ("199", "192", "191"),
        V.E_VISA,
        "9567",
        ("内比都", "Naypyidaw"),
        ("缅元", "kyat"),
        (
            "部分地区武装冲突持续，电信诈骗团伙以高薪诱骗务工人员。",
            "Fighting continues in some areas, and scam gangs lure workers with well-paid jobs.",
        ),
        ("不得非法越境，不要参与赌博。", "Never cross the border illegally, and do not gamble."),
        "96.13,19.76",
        consulate=("曼德勒", "Mandalay", "952"),
    ),
    Place(
        "SD",
        R.AFRICA,
        3,
        ("999", "999", "999"),
        V.VISA_REQUIRED,
        "249183",
        ("喀土穆", "Khartoum"),
        ("苏丹镑", "Sudanese pound"),
        (
            "武装冲突持续，安全形势严重恶化。",
            "Armed conflict continues and the situation has gravely worsened.",
        ),
        ("遵守宵禁和当地安全部门的指示。", "Obey curfews and the instructions of the local security forces."),
        "32.53,15.50",
    ),
]

LEVEL_SENTENCES = {
    RiskLevel.NONE: (
        "目前暂无安全提醒，当地总体安全形势稳定，但仍需防范盗抢和诈骗。",
        "There is no current safety reminder: the situation is generally stable, "
        "but guard against theft and scams.",
    ),
    RiskLevel.PAY_ATTENTION: (
        "目前的提醒级别为“注意安全”：请关注当地治安形势，防范盗抢、诈骗等风险。",
        "The current level is “Pay attention to safety”: follow the local situation "
        "and guard against theft and scams.",
    ),
    RiskLevel.TRAVEL_WITH_CAUTION: (
        "目前的提醒级别为“谨慎前往”：部分地区治安形势严峻，如非必要请勿前往高风险地区。",
        "The current level is “Travel with caution”: parts of the country are dangerous; "
        "avoid high-risk areas unless you must go.",
    ),
    RiskLevel.DO_NOT_TRAVEL: (
        "目前的提醒级别为“暂勿前往”：请暂勿前往；已在当地的中国公民请尽快转移到安全地区。",
        "The current level is “Do not travel for now”: do not go; Chinese citizens there "
        "should move to safety as soon as they can.",
    ),
}

DEMO_NOTE = (
    "（演示内容：本页的提醒级别、使领馆联系方式和文字均为演示数据，不代表官方意见；当地报警和急救电话为公开号码。）",
    "(Demo content: the level, the embassy contacts and the text on this page are made up for the "
    "demonstration and are not official advice; the local emergency numbers are the real public ones.)",
)

INDEXES = {
    DestinationIndexPage: {
        "slug": "destinations",
        "zh-hans": {
            "title": "目的地安全",
            "intro": "出行前了解目的地国家或地区的安全形势、出入境要求和紧急联系方式。",
        },
        "en": {
            "title": "Destinations",
            "intro": "Before you go, look up the safety situation, entry requirements and emergency contacts "
            "of your destination country or region.",
        },
    },
    AlertIndexPage: {
        "slug": "alerts",
        "zh-hans": {
            "title": "安全提醒",
            "intro": "中国驻外使领馆和外事办公室发布的最新安全提醒（演示内容）。",
        },
        "en": {
            "title": "Safety alerts",
            "intro": "The latest safety reminders from Chinese embassies and consulates and the Foreign "
            "Affairs Office (demo content).",
        },
    },
}

# (slug, level, destinations, starts days ago, ends in days (negative: ended), zh, en). One destination
# each: an alert with several cannot be published while Destination.Meta.ordering is ["country"]
# (modelcluster sorts them in memory, and Country objects do not compare).
ALERTS = [
    (
        "demo-us-public-safety",
        RiskLevel.PAY_ATTENTION,
        ["US"],
        10,
        None,
        {
            "title": "提醒在美中国公民注意公共场所安全",
            "summary": "近期美国多地发生公共场所枪击案件，提醒在美中国公民注意安全（演示内容）。",
            "body": "<p>请避免前往人员密集且安保薄弱的场所，"
            "遇到枪击时迅速撤离或就地隐蔽，并拨打 911 报警。</p>",
            "source": "中国驻美国大使馆（演示）",
        },
        {
            "title": "Chinese citizens in the US: take care in public places",
            "summary": "Shootings in public places have happened in several US cities; take care "
            "(demo content).",
            "body": "<p>Avoid crowded places with little security. If shooting starts, get away or hide, "
            "and call 911.</p>",
            "source": "Chinese Embassy in the US (demo)",
        },
    ),
    (
        "demo-france-summer-theft",
        RiskLevel.PAY_ATTENTION,
        ["FR"],
        150,
        -60,
        {
            "title": "暑期赴法国旅游请防范盗抢",
            "summary": "暑期旅游旺季，法国针对中国游客的盗抢案件增多（演示内容，已过期）。",
            "body": "<p>请妥善保管护照和财物，护照与复印件分开存放，遇到盗抢及时报警并联系使领馆。</p>",
            "source": "外事办公室（演示）",
        },
        {
            "title": "Summer travel in France: guard against theft",
            "summary": "In the summer season, theft targeting Chinese visitors rose in France "
            "(demo content, ended).",
            "body": "<p>Keep your passport and money safe, keep a copy apart from the passport, "
            "and report any theft to the police and the consulate.</p>",
            "source": "Foreign Affairs Office (demo)",
        },
    ),
    (
        "demo-south-africa-robbery",
        RiskLevel.TRAVEL_WITH_CAUTION,
        ["ZA"],
        20,
        90,
        {
            "title": "提醒中国公民谨慎前往南非治安高风险地区",
            "summary": "近期南非针对中国公民的持枪抢劫案件增多，请谨慎前往（演示内容）。",
            "body": "<p>避免夜间出行，不要随身携带大量现金，遇到抢劫不要反抗，事后立即报警（10111）。</p>",
            "source": "中国驻南非大使馆（演示）",
        },
        {
            "title": "Travel with caution to high-crime areas of South Africa",
            "summary": "Armed robberies of Chinese citizens have risen in South Africa (demo content).",
            "body": "<p>Avoid going out at night, carry little cash, do not resist a robber, and call the "
            "police (10111) afterwards.</p>",
            "source": "Chinese Embassy in South Africa (demo)",
        },
    ),
    (
        "demo-kenya-elections",
        RiskLevel.TRAVEL_WITH_CAUTION,
        ["KE"],
        5,
        30,
        {
            "title": "选举期间谨慎前往肯尼亚",
            "summary": "选举期间可能发生示威和冲突，请谨慎前往并远离人群聚集地（演示内容）。",
            "body": "<p>请关注当地新闻，储备必要的食品和饮用水，保持通讯畅通。</p>",
            "source": "外事办公室（演示）",
        },
        {
            "title": "Travel with caution to Kenya during the elections",
            "summary": "Protests and clashes may break out during the elections; stay away from crowds "
            "(demo content).",
            "body": "<p>Follow the local news, keep food and water at home, and keep your phone charged.</p>",
            "source": "Foreign Affairs Office (demo)",
        },
    ),
    (
        "demo-sudan-do-not-travel",
        RiskLevel.DO_NOT_TRAVEL,
        ["SD"],
        60,
        None,
        {
            "title": "提醒中国公民暂勿前往苏丹",
            "summary": "苏丹武装冲突持续，安全形势严重恶化，请暂勿前往（演示内容）。",
            "body": "<p>已在苏丹的中国公民请加强防范，尽快转移到安全地区，并与使馆保持联系。</p>",
            "source": "中国驻苏丹大使馆（演示）",
        },
        {
            "title": "Chinese citizens: do not travel to Sudan for now",
            "summary": "Armed conflict continues in Sudan and the situation has gravely worsened; do not go "
            "(demo content).",
            "body": "<p>Chinese citizens in Sudan should take precautions, move to safety as soon as "
            "they can and stay in touch with the embassy.</p>",
            "source": "Chinese Embassy in Sudan (demo)",
        },
    ),
]

# (code, days ago, zh, en)
CHANGE_NOTES = [
    ("US", 10, "提醒级别调整为“注意安全”（演示）。", "Level raised to “Pay attention to safety” (demo)."),
    (
        "ZA",
        20,
        "提醒级别调整为“谨慎前往”，更新了使馆领保电话（演示）。",
        "Level raised to “Travel with caution”; new consular protection number (demo).",
    ),
    ("SD", 60, "提醒级别调整为“暂勿前往”（演示）。", "Level raised to “Do not travel for now” (demo)."),
    ("TH", 45, "更新了免签入境停留天数（演示）。", "Visa-free stay updated (demo)."),
]


def demo_number(calling_and_area, suffix):
    """A made-up number in E.164: the country and area code, then 5550 and four digits."""
    return f"+{calling_and_area}5550{suffix:04d}"


def seed_destinations(stdout):
    """The ``seed_demo_content`` hook: demo destinations, their pages and alerts, in both languages."""
    with index_each_page_once([DestinationIndexPage, DestinationPage, AlertIndexPage, SafetyAlertPage]):
        DestinationSeeder(stdout).run()


@contextmanager
def index_each_page_once(models):
    """Index each saved page once at the end, not at each of its three saves (create, revision, publish).

    Segmenting Chinese text for the search index is most of the seeding time; this halves it.
    """
    try:
        from modelsearch import index
        from modelsearch.signal_handlers import post_save_signal_handler
    except ImportError:  # another search package: index as usual
        yield
        return
    saved = set()

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved.add((sender, instance.pk))

    paused = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    for model in paused:
        post_save.connect(remember, sender=model, weak=False, dispatch_uid=f"demo-index-{model.__name__}")
    try:
        yield
    finally:
        for model in paused:
            post_save.disconnect(sender=model, dispatch_uid=f"demo-index-{model.__name__}")
            post_save.connect(post_save_signal_handler, sender=model)
    for model, pk in saved:
        instance = model.objects.filter(pk=pk).first()
        if instance is not None:
            index.insert_or_update_object(instance)


class DestinationSeeder(DemoSeeder):
    """Runs after home's seeder (the home pages exist); its page helpers are home's."""

    @transaction.atomic
    def run(self):
        home = HomePage.objects.filter(locale=self.zh, depth=2).first()
        if home is None:
            return
        today = timezone.localdate()
        found = {place.country.code: place for place in Destination.objects.filter(country__in=self.codes())}
        places = {spec.code: found.get(spec.code) or self.destination(spec, today) for spec in PLACES}
        self.change_notes(places)
        index = self.index_page(home, DestinationIndexPage)
        existing = set(
            DestinationPage.objects.filter(locale=self.zh).values_list("destination_id", flat=True)
        )
        translated = set(
            DestinationPage.objects.filter(locale=self.en).values_list("destination_id", flat=True)
        )
        for spec in PLACES:
            place = places[spec.code]
            if place.pk not in existing:
                self.destination_page(index, spec, place)
            elif place.pk not in translated:
                page = DestinationPage.objects.get(locale=self.zh, destination=place)
                self.translate(page, self.prose(spec, place, "en"))
        alert_index = self.index_page(home, AlertIndexPage)
        alerts = {page.slug: page for page in SafetyAlertPage.objects.child_of(alert_index)}
        translated = set(
            SafetyAlertPage.objects.filter(
                locale=self.en, translation_key__in=[a.translation_key for a in alerts.values()]
            ).values_list("translation_key", flat=True)
        )
        for spec in ALERTS:
            self.alert(alert_index, places, alerts, translated, *spec)

    # --- facts ----------------------------------------------------------------------------------

    def codes(self):
        return [spec.code for spec in PLACES]

    def destination(self, spec, today):
        """The demo facts of a destination not there yet (an officer's facts are never overwritten)."""
        police, ambulance, fire = spec.numbers
        place = Destination.objects.create(
            country=spec.code,
            region=spec.region,
            risk_level=spec.level,
            police_number=police,
            ambulance_number=ambulance,
            fire_number=fire,
            visa_requirement=spec.visa,
            visa_free_days=spec.visa_free_days,
            passport_validity_months=spec.passport_months,
            entry_rules_checked_on=today - timedelta(days=30),
            # One destination is overdue for review, so editors see the reminder in the admin.
            review_by=today - timedelta(days=3) if spec.code == "EG" else today + timedelta(days=90),
            is_demo=True,
        )
        contacts = [self.contact(place, spec, spec.capital, spec.calling, ConsularContact.Kind.EMBASSY, 0)]
        if spec.consulate:
            city_zh, city_en, calling = spec.consulate
            contacts.append(
                self.contact(
                    place, spec, (city_zh, city_en), calling, ConsularContact.Kind.CONSULATE_GENERAL, 1
                )
            )
        ConsularContact.objects.bulk_create(contacts)
        self.log(f"Created the demo destination {spec.code}")
        return place

    def contact(self, place, spec, city, calling, kind, order):
        city_zh, city_en = city
        country_zh, country_en = self.country_names(place)
        if kind == ConsularContact.Kind.EMBASSY:
            name_zh = f"中国驻{country_zh}大使馆（演示）"
            name_en = f"Embassy of China in {country_en} (demo)"
        else:
            name_zh = f"中国驻{city_zh}总领事馆（演示）"
            name_en = f"Consulate-General of China in {city_en} (demo)"
        return ConsularContact(
            destination=place,
            sort_order=order,
            kind=kind,
            name_zh=name_zh,
            name_en=name_en,
            address=f"1 Example Road, {city_en} (demo address)",
            phone=demo_number(calling, 100),
            emergency_phone=demo_number(calling, 199),
            email=f"consular-{spec.code.lower()}{order or ''}@example.org",
            hours_zh="周一至周五 9:00–12:00，14:00–17:00（当地时间，节假日除外）",
            hours_en="Mon–Fri 9:00–12:00 and 14:00–17:00 local time, except public holidays",
            map_url=f"https://uri.amap.com/marker?position={spec.position}" if order == 0 else "",
        )

    def country_names(self, place):
        names = []
        for language in LANGUAGES:
            with translation.override(language):
                names.append(str(place.country.name))
        return names

    def change_notes(self, places):
        noted = set(
            ChangeNote.objects.filter(destination__in=places.values()).values_list(
                "destination_id", flat=True
            )
        )
        for code, days, summary_zh, summary_en in CHANGE_NOTES:
            place = places[code]
            if place.pk in noted:
                continue
            note = ChangeNote.objects.create(
                destination=place, summary_zh=summary_zh, summary_en=summary_en, risk_level=place.risk_level
            )
            ChangeNote.objects.filter(pk=note.pk).update(created_at=timezone.now() - timedelta(days=days))

    # --- pages ----------------------------------------------------------------------------------

    def index_page(self, home, model):
        return self.child_page(home, model, INDEXES[model])

    def prose(self, spec, place, language):
        i = LANGUAGES.index(language)
        name = self.country_names(place)[i]
        police = spec.numbers[0]
        level = LEVEL_SENTENCES[RiskLevel(spec.level)][i]
        health = spec.health[i]
        if language == "zh-hans":
            return {
                "title": name,
                "summary": f"{name}是中国留学生和外派员工的常去之地。{level}{DEMO_NOTE[0]}",
                "safety_and_security": (
                    f"<p>{spec.safety[0]}</p><p>遇到紧急情况，先拨打当地报警电话 {police}，"
                    "再联系中国驻当地使领馆，或拨打外交部全球领事保护与服务应急呼叫中心 12308"
                    f"（境外拨打 +86-10-12308）。</p><p>{DEMO_NOTE[0]}</p>"
                ),
                "local_laws": f"<p>{spec.laws[0]}</p><p>遵守当地法律法规，尊重当地风俗习惯。</p>",
                "health": f"<p>{health}出发前购买覆盖当地的医疗保险，随身携带常用药品及处方。</p>",
                "other_entry_requirements": "<p>入境时可能被要求出示返程机票、住宿证明和足够的资金证明；"
                "留学和工作人员请随身携带录取通知书或工作合同（演示内容）。</p>",
                "money": (
                    f"<p>当地货币为{spec.currency[0]}。请通过银行或正规兑换点兑换外币，"
                    "不要随身携带大量现金，警惕以“换汇”为名的诈骗。</p>"
                ),
            }
        return {
            "title": name,
            "summary": f"{name} is a common destination for Chinese students and employees. {level} "
            + DEMO_NOTE[1],
            "safety_and_security": (
                f"<p>{spec.safety[1]}</p><p>In an emergency, call the local police on {police} first, "
                "then contact the Chinese embassy or consulate, or call the Global Emergency Call Centre "
                "for Consular Protection and Services, 12308 (from abroad +86-10-12308).</p>"
                f"<p>{DEMO_NOTE[1]}</p>"
            ),
            "local_laws": f"<p>{spec.laws[1]}</p><p>Obey the local laws and respect local customs.</p>",
            "health": (
                f"<p>{health + ' ' if health else ''}Buy health insurance that covers you there before "
                "you go, and carry your usual medicines with their prescriptions.</p>"
            ),
            "other_entry_requirements": (
                "<p>Border officers may ask for a return ticket, proof of accommodation and enough money "
                "for the stay; students and employees should carry their admission letter or work contract "
                "(demo content).</p>"
            ),
            "money": (
                f"<p>The local currency is the {spec.currency[1]}. Change money at banks or licensed "
                "exchange offices, carry little cash, and beware of “currency exchange” scams.</p>"
            ),
        }

    def destination_page(self, index, spec, place):
        page = DestinationPage(
            slug=spec.code.lower(), destination=place, **self.prose(spec, place, "zh-hans")
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        self.translate(page, self.prose(spec, place, "en"))
        self.log(f"Created the destination pages of {spec.code}")
        return page

    def alert(self, index, places, alerts, translated, slug, level, codes, starts, ends, zh, en):
        page = alerts.get(slug)
        now = timezone.now()
        if page is None:
            page = SafetyAlertPage(
                slug=slug,
                level=level,
                valid_from=now - timedelta(days=starts),
                valid_until=now + timedelta(days=ends) if ends is not None else None,
                **self.alert_text(zh),
            )
            page.destinations = [places[code] for code in codes]
            index.add_child(instance=page)
            page.save_revision().publish()
            self.log(f"Created the alert {slug}")
        if page.translation_key not in translated:
            self.translate(page, self.alert_text(en))
        return page

    def alert_text(self, text):
        return {
            "title": text["title"],
            "summary": text["summary"],
            "body": [rich(text["body"])],
            "source": text["source"],
        }
