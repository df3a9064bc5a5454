"""Demo events for a new site, in Chinese and English. Idempotent and offline.

Registered with the ``seed_demo_content`` hook (home/demo.py): ``seed_events(stdout)``. It adds the
events index under each home page and eleven events of every type in Beijing districts: upcoming ones
(dated from the day it runs, Beijing time), past ones with an after-event report, one lecture that is
full with a waitlist, one invitation-only company visit and online sessions. What exists already is
left as it is, so a second run changes nothing and keeps editors' changes.

The demo registrations go through ``events.registration.register`` like any other, so they use
``@example.org`` addresses, and the emails they queue are withdrawn before the transaction commits:
seeding never delivers mail.
"""

# ruff: noqa: E501 - demo prose reads better unwrapped

import datetime
from contextlib import contextmanager
from urllib.parse import quote

from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model

from home.demo import DemoSeeder, rich
from home.models import Audience, HomePage
from outbox.models import Message

from .invitations import invite
from .models import EventIndexPage, EventPage, EventType, Invitation, Registration
from .registration import register
from .sync import event_for

LANGUAGES = ("zh-hans", "en")
DEMO_EMAIL_DOMAIN = "@example.org"

INDEX = {
    "slug": "events",
    "zh-hans": {
        "title": "活动",
        "intro": "社区展览、专家讲座、校园行前培训和走进企业活动，欢迎报名参加。以下活动均为演示内容。",
    },
    "en": {
        "title": "Events",
        "intro": "Community exhibitions, expert lectures, campus pre-departure sessions and company visits: "
        "register and join us. The events below are demo content.",
    },
}


def amap(position, name):
    """An Amap marker link (Amap opens in mainland China, Google Maps does not)."""
    return f"https://uri.amap.com/marker?position={position}&name={quote(name)}"


# Each event: facts the same in every language, then its text per language. ``day`` counts from the
# day seeding runs (negative: past), ``start``/``end`` are Beijing times on that day.
EVENTS = [
    {
        "slug": "dongcheng-community-exhibition",
        "type": EventType.EXHIBITION,
        "day": 6,
        "start": (9, 30),
        "end": (16, 30),
        "district": "东城区",
        "position": "116.417,39.936",
        "registration_required": False,
        "audiences": ["community", "travellers"],
        "zh-hans": {
            "title": "“领事保护进万家”社区宣传展（东四街道）",
            "summary": "展板、宣传册和安全知识问答：了解出境前要做的准备和海外遇险时如何求助。无需报名，欢迎随时参观。（演示活动）",
            "venue": "东四街道社区文化活动中心",
            "address": "北京市东城区东四北大街 107 号（演示地址）",
            "speakers": [("东四街道社区工作人员", "现场讲解")],
            "body": "<p>展览分为“出发之前”“海外遇险”“证件遗失”“防范诈骗”四个部分，现场发放《海外安全出行手册》。"
            "参加安全知识问答的居民可领取纪念品。</p><p>展览全天开放，讲解员每整点讲解一次，每次约 20 分钟。</p>",
        },
        "en": {
            "title": "“Consular Protection for All” community exhibition (Dongsi)",
            "summary": "Posters, brochures and a safety quiz: what to prepare before going abroad and how to get "
            "help in trouble. No registration needed: drop in any time. (Demo event)",
            "venue": "Dongsi Community Cultural Centre",
            "address": "107 Dongsi North Street, Dongcheng District, Beijing (demo address)",
            "speakers": [("Dongsi community staff", "Guided tours")],
            "body": "<p>Four sections: “Before you go”, “In trouble abroad”, “Lost documents” and “Scams”. "
            "Copies of the Travel Safety Abroad brochure are handed out, and residents who take the safety "
            "quiz get a small gift.</p><p>Open all day, with a 20-minute guided tour on the hour.</p>",
        },
    },
    {
        "slug": "emergency-skills-lecture",
        "type": EventType.LECTURE,
        "day": 10,
        "start": (14, 0),
        "end": (16, 0),
        "district": "海淀区",
        "position": "116.310,39.983",
        "capacity": 3,
        "audiences": ["community", "travellers"],
        # Full, with a waitlist: three confirmed, then two waiting (both languages share the places).
        "registrations": [
            ("王芳", "demo-wang.fang@example.org", "zh-hans"),
            ("Li Wei", "demo-li.wei@example.org", "en"),
            ("张伟", "demo-zhang.wei@example.org", "zh-hans"),
            ("刘洋", "demo-liu.yang@example.org", "zh-hans"),
            ("Emma Chen", "demo-emma.chen@example.org", "en"),
        ],
        "zh-hans": {
            "title": "专家讲座：海外突发事件应急技能",
            "summary": "地震、火灾、恐怖袭击和交通事故发生时怎么办？急救专家和领事官员现场演示。（演示活动，名额有限）",
            "venue": "海淀区文化馆小剧场",
            "address": "北京市海淀区中关村大街 28 号（演示地址）",
            "speakers": [("陈静（演示）", "急救培训讲师"), ("赵明（演示）", "外事办公室领事保护处")],
            "body": "<p>讲座介绍海外常见突发事件的应对要点，并现场演示心肺复苏和止血包扎。</p>"
            "<p>讲座名额有限，报满后可以加入候补名单；有人取消报名时，候补者按顺序自动递补并收到邮件。</p>",
        },
        "en": {
            "title": "Expert lecture: emergency skills abroad",
            "summary": "What to do in an earthquake, a fire, a terrorist attack or a road accident: a first-aid "
            "trainer and a consular officer show you. (Demo event, few places)",
            "venue": "Haidian Cultural Centre, small theatre",
            "address": "28 Zhongguancun Street, Haidian District, Beijing (demo address)",
            "speakers": [
                ("Chen Jing (demo)", "First-aid trainer"),
                ("Zhao Ming (demo)", "Consular Protection Division, Foreign Affairs Office"),
            ],
            "body": "<p>The key steps for common emergencies abroad, with a live demonstration of CPR and "
            "bandaging.</p><p>Places are few. When the lecture is full you can join the waitlist: when "
            "someone cancels, the next person on it gets the place and an email.</p>",
        },
    },
    {
        "slug": "online-pre-departure-first-lesson",
        "type": EventType.ONLINE,
        "day": 8,
        "start": (20, 0),
        "end": (21, 0),
        "district": "",
        "online_url": "https://meeting.example.org/j/demo-first-lesson",
        "capacity": 500,
        "audiences": ["students", "travellers"],
        "zh-hans": {
            "title": "线上直播：出国留学行前安全第一课",
            "summary": "在家就能参加：出发前三件事、如何登记领事信息、遇到电信诈骗怎么办。报名后通过邮件获得直播链接。（演示活动）",
            "venue": "线上直播",
            "address": "",
            "speakers": [("孙悦（演示）", "外事办公室领事保护处")],
            "body": "<p>直播约 45 分钟，最后 15 分钟回答观众提问。报名成功后，直播链接会发送到您的邮箱，"
            "也可以在“我的活动”中找到。</p>",
        },
        "en": {
            "title": "Online: the first safety lesson before studying abroad",
            "summary": "Join from home: three things to do before you go, registering with the consulate, "
            "and phone scams. The link to the live stream comes by email. (Demo event)",
            "venue": "Online (live stream)",
            "address": "",
            "speakers": [("Sun Yue (demo)", "Consular Protection Division, Foreign Affairs Office")],
            "body": "<p>About 45 minutes, with 15 minutes of questions at the end. Once you are registered, "
            "the link to the live stream is in your email and under “My events”.</p>",
        },
    },
    {
        "slug": "campus-pre-departure-changping",
        "type": EventType.CAMPUS,
        "day": 14,
        "start": (19, 0),
        "end": (20, 30),
        "district": "昌平区",
        "position": "116.283,40.154",
        "capacity": 200,
        "closes_days_before": 1,
        "audiences": ["students"],
        "zh-hans": {
            "title": "校园行前培训：留学生海外安全与心理健康",
            "summary": "即将出国留学的同学请来：安全出行、租房防骗、心理调适和紧急求助，一晚讲清楚。报名在活动前一天截止。（演示活动）",
            "venue": "示例大学沙河校区图书馆报告厅",
            "address": "北京市昌平区沙河高教园区示例路 1 号（演示地址）",
            "speakers": [("周华（演示）", "高校国际交流处"), ("吴敏（演示）", "心理咨询师")],
            "body": "<p>培训内容：目的地安全形势查询、租房和打工中的常见骗局、独自在外的心理调适、"
            "遇到紧急情况时如何联系使领馆和拨打 12308。</p><p>请携带学生证，现场扫码签到。</p>",
        },
        "en": {
            "title": "Campus pre-departure session: safety and well-being for students abroad",
            "summary": "For students about to study abroad: travelling safely, rental scams, coping alone "
            "and getting help, in one evening. Registration closes the day before. (Demo event)",
            "venue": "Example University Shahe Campus, library lecture hall",
            "address": "1 Example Road, Shahe Higher Education Park, Changping District, Beijing (demo address)",
            "speakers": [
                ("Zhou Hua (demo)", "International Office of the university"),
                ("Wu Min (demo)", "Counsellor"),
            ],
            "body": "<p>Checking how safe your destination is, common rental and job scams, looking after "
            "yourself alone abroad, and how to reach the embassy or call 12308 in an emergency.</p>"
            "<p>Bring your student card; you check in at the door with your QR code.</p>",
        },
    },
    {
        "slug": "company-visit-overseas-projects",
        "type": EventType.COMPANY_VISIT,
        "day": 20,
        "start": (10, 0),
        "end": (11, 30),
        "district": "朝阳区",
        "position": "116.461,39.909",
        "capacity": 40,
        "is_private": True,
        "invitations": ["demo-hr@example.org", "demo-engineer@example.org"],
        "audiences": ["employees"],
        "zh-hans": {
            "title": "走进企业：示例建设集团外派员工海外安全培训",
            "summary": "为即将赴海外项目工作的员工提供安全培训和领事保护“服务包”。仅限受邀员工参加。（演示活动）",
            "venue": "示例建设集团有限公司 8 层会议室",
            "address": "北京市朝阳区建国门外大街 1 号（演示地址）",
            "speakers": [("赵明（演示）", "外事办公室领事保护处")],
            "body": "<p>培训结合企业海外项目所在国家的安全形势，介绍员工出行、驻地安全和突发事件应对，"
            "并向企业提供领事保护“服务包”。</p><p>本次活动仅限受邀员工参加，请使用邀请邮件中的链接报名。</p>",
        },
        "en": {
            "title": "Company visit: overseas safety for Example Construction Group staff",
            "summary": "Safety training and a consular protection “service package” for staff about to work "
            "on projects abroad. By invitation only. (Demo event)",
            "venue": "Example Construction Group, meeting room on the 8th floor",
            "address": "1 Jianguomenwai Street, Chaoyang District, Beijing (demo address)",
            "speakers": [("Zhao Ming (demo)", "Consular Protection Division, Foreign Affairs Office")],
            "body": "<p>Safety in the countries of the company's projects abroad: travel, site security and "
            "emergencies, and the consular protection “service package” for the company.</p><p>By "
            "invitation only: please register with the link in your invitation email.</p>",
        },
    },
    {
        "slug": "anti-fraud-lecture-cbd",
        "type": EventType.LECTURE,
        "day": 17,
        "start": (12, 30),
        "end": (13, 30),
        "district": "朝阳区",
        "position": "116.459,39.913",
        "capacity": 80,
        "opens_days_before": 14,
        "audiences": ["employees", "travellers"],
        "zh-hans": {
            "title": "午间讲座：识破针对中国公民的海外诈骗",
            "summary": "“冒充使领馆”“冒充警察”电话诈骗怎么识别？午休一小时，在国贸听民警和领事官员讲真实案例。（演示活动）",
            "venue": "国贸商城会议中心 3 号厅",
            "address": "北京市朝阳区建国门外大街 1 号（演示地址）",
            "speakers": [("钱磊（演示）", "反诈民警"), ("孙悦（演示）", "外事办公室领事保护处")],
            "body": "<p>使领馆不会通过电话要求转账，也不会索要银行卡密码。讲座用真实案例讲解常见诈骗手法和识别要点。</p>"
            "<p>活动前两周开放报名。</p>",
        },
        "en": {
            "title": "Lunchtime lecture: spotting scams aimed at Chinese citizens abroad",
            "summary": "Calls from “the embassy” or “the police”: a police officer and a consular officer "
            "show real cases in your lunch hour, at Guomao. (Demo event)",
            "venue": "China World Mall Conference Centre, hall 3",
            "address": "1 Jianguomenwai Street, Chaoyang District, Beijing (demo address)",
            "speakers": [
                ("Qian Lei (demo)", "Anti-fraud police officer"),
                ("Sun Yue (demo)", "Consular Protection Division, Foreign Affairs Office"),
            ],
            "body": "<p>Embassies never ask you to transfer money by phone, or for your bank card PIN. Real "
            "cases show the usual tricks and how to spot them.</p><p>Registration opens two weeks "
            "before.</p>",
        },
    },
    {
        "slug": "xicheng-exhibition-spring",
        "type": EventType.EXHIBITION,
        "day": -12,
        "start": (9, 0),
        "end": (17, 0),
        "district": "西城区",
        "position": "116.366,39.912",
        "registration_required": False,
        "audiences": ["community"],
        "photo": "hero-shield.png",
        "zh-hans": {
            "title": "社区领事保护宣传展（西长安街街道）",
            "summary": "一天之内约 600 名居民参观展览，300 多人参加了安全知识问答。（演示活动）",
            "venue": "西长安街街道社区服务中心",
            "address": "北京市西城区府右街 2 号（演示地址）",
            "speakers": [("西长安街街道社区工作人员", "现场讲解")],
            "body": "<p>展板介绍海外安全常识和领事保护职责范围，现场发放宣传册并开展安全知识问答。</p>",
            "report": "<p>展览当天约 600 名居民前来参观，共发放宣传册 800 余份，300 多人参加了安全知识问答。"
            "不少老人说，子女在国外留学，今天终于知道遇到困难该找谁了。</p>",
            "photo_alt": "展板前，讲解员向居民介绍领事保护知识（演示图片）",
            "caption": "展览现场（演示图片）",
        },
        "en": {
            "title": "Community consular protection exhibition (Xichang'anjie)",
            "summary": "About 600 residents came in one day, and more than 300 took the safety quiz. (Demo event)",
            "venue": "Xichang'anjie Community Service Centre",
            "address": "2 Fuyou Street, Xicheng District, Beijing (demo address)",
            "speakers": [("Xichang'anjie community staff", "Guided tours")],
            "body": "<p>Posters on staying safe abroad and what consular protection can do, brochures and a "
            "safety quiz.</p>",
            "report": "<p>About 600 residents came, took more than 800 brochures, and more than 300 did the "
            "safety quiz. Several grandparents with grandchildren studying abroad said they now know "
            "whom to call in trouble.</p>",
            "photo_alt": "A guide tells residents about consular protection in front of a poster (demo image)",
            "caption": "At the exhibition (demo image)",
        },
    },
    {
        "slug": "campus-pre-departure-haidian",
        "type": EventType.CAMPUS,
        "day": -30,
        "start": (15, 0),
        "end": (17, 0),
        "district": "海淀区",
        "position": "116.326,39.992",
        "capacity": 300,
        "audiences": ["students"],
        "photo": "hero-plane.png",
        "zh-hans": {
            "title": "校园行前培训：暑期出国交流同学安全须知",
            "summary": "260 名即将出国交流的同学参加，培训后行前测验平均分 92 分。（演示活动）",
            "venue": "示例大学国际交流中心报告厅",
            "address": "北京市海淀区学院路 37 号（演示地址）",
            "speakers": [("周华（演示）", "高校国际交流处"), ("赵明（演示）", "外事办公室领事保护处")],
            "body": "<p>面向暑期赴海外交流、实习的同学，介绍出入境、证件保管和紧急求助。</p>",
            "report": "<p>260 名同学参加了培训，现场答疑 40 分钟。同学们最关心的问题是护照遗失后如何补办"
            "和遇到电信诈骗怎么办。培训后的行前测验平均分为 92 分。</p>",
            "photo_alt": "同学们在报告厅听行前安全培训（演示图片）",
            "caption": "培训现场（演示图片）",
        },
        "en": {
            "title": "Campus pre-departure session: safety for summer exchange students",
            "summary": "260 students going abroad came; their average pre-departure quiz score was 92. (Demo event)",
            "venue": "Example University International Exchange Centre, lecture hall",
            "address": "37 Xueyuan Road, Haidian District, Beijing (demo address)",
            "speakers": [
                ("Zhou Hua (demo)", "International Office of the university"),
                ("Zhao Ming (demo)", "Consular Protection Division, Foreign Affairs Office"),
            ],
            "body": "<p>For students going abroad for summer exchanges and internships: border crossings, "
            "keeping documents safe and getting help.</p>",
            "report": "<p>260 students took part, with 40 minutes of questions. What they asked most: how to "
            "replace a lost passport and what to do about phone scams. Their average score in the "
            "pre-departure quiz afterwards was 92.</p>",
            "photo_alt": "Students at the pre-departure safety session in the lecture hall (demo image)",
            "caption": "At the session (demo image)",
        },
    },
    {
        "slug": "fengtai-disaster-lecture",
        "type": EventType.LECTURE,
        "day": -45,
        "start": (9, 30),
        "end": (11, 30),
        "district": "丰台区",
        "position": "116.287,39.858",
        "capacity": 120,
        "audiences": ["community", "travellers"],
        "photo": "hero-disaster.png",
        "zh-hans": {
            "title": "专家讲座：海外自然灾害与紧急撤离",
            "summary": "地震、台风、洪水来临时如何自救，使领馆组织撤离时怎样配合。（演示活动）",
            "venue": "丰台区图书馆多功能厅",
            "address": "北京市丰台区丰台镇示例街 9 号（演示地址）",
            "speakers": [("郑强（演示）", "应急管理专家")],
            "body": "<p>讲解常见自然灾害的预警信号、避险要点，以及使领馆组织撤离时的联络和集合方式。</p>",
            "report": "<p>110 名居民参加了讲座。专家用三个真实案例讲解了灾害中的自救要点，"
            "提醒大家出国前登记领事信息、把 12308 存进手机。</p>",
            "photo_alt": "专家讲解地震避险要点（演示图片）",
            "caption": "讲座现场（演示图片）",
        },
        "en": {
            "title": "Expert lecture: natural disasters and evacuation abroad",
            "summary": "Staying safe in an earthquake, a typhoon or a flood, and what to do when the embassy "
            "organises an evacuation. (Demo event)",
            "venue": "Fengtai District Library, multi-purpose hall",
            "address": "9 Example Street, Fengtai Town, Fengtai District, Beijing (demo address)",
            "speakers": [("Zheng Qiang (demo)", "Emergency management expert")],
            "body": "<p>Warning signs of common natural disasters, how to take shelter, and how embassies "
            "contact and gather people in an evacuation.</p>",
            "report": "<p>110 residents came. Three real cases showed how people kept themselves safe; the "
            "expert reminded everyone to register with the consulate before going and to save 12308 in "
            "their phone.</p>",
            "photo_alt": "The expert explains how to take shelter in an earthquake (demo image)",
            "caption": "At the lecture (demo image)",
        },
    },
    {
        "slug": "online-phone-scams",
        "type": EventType.ONLINE,
        "day": -21,
        "start": (19, 30),
        "end": (20, 30),
        "district": "",
        "online_url": "https://meeting.example.org/j/demo-phone-scams",
        "capacity": 1000,
        "audiences": ["students", "employees", "travellers"],
        "zh-hans": {
            "title": "线上直播：海外电信诈骗防范",
            "summary": "近 900 人在线观看，回看视频已上传至“安全知识”栏目。（演示活动）",
            "venue": "线上直播",
            "address": "",
            "speakers": [("钱磊（演示）", "反诈民警")],
            "body": "<p>以“冒充使领馆”“冒充公检法”诈骗为例，讲解识别和应对方法。</p>",
            "report": "<p>直播当晚近 900 人在线观看，收到提问 120 多条。民警特别提醒：任何要求转账到"
            "“安全账户”的电话都是诈骗。</p>",
        },
        "en": {
            "title": "Online: phone scams abroad",
            "summary": "Almost 900 people watched live; the recording is in “Safety knowledge”. (Demo event)",
            "venue": "Online (live stream)",
            "address": "",
            "speakers": [("Qian Lei (demo)", "Anti-fraud police officer")],
            "body": "<p>Calls from fake embassies, police and courts: how to recognise and handle them.</p>",
            "report": "<p>Almost 900 people watched and sent more than 120 questions. The police officer's "
            "reminder: any call asking you to move money to a “safe account” is a scam.</p>",
        },
    },
    {
        "slug": "company-visit-tongzhou",
        "type": EventType.COMPANY_VISIT,
        "day": -60,
        "start": (14, 30),
        "end": (16, 0),
        "district": "通州区",
        "position": "116.656,39.909",
        "capacity": 60,
        "audiences": ["employees"],
        "zh-hans": {
            "title": "走进企业：城市副中心外贸企业座谈",
            "summary": "与 12 家有海外业务的企业座谈，了解员工外派中的安全需求。（演示活动）",
            "venue": "通州区示例商务中心 2 层会议室",
            "address": "北京市通州区运河东大街 1 号（演示地址）",
            "speakers": [("赵明（演示）", "外事办公室领事保护处")],
            "body": "<p>座谈会介绍领事保护“服务包”，听取企业在员工外派、海外项目安全方面的需求。</p>",
            "report": "<p>12 家企业的人力资源和安全负责人参加了座谈。会后已有 5 家企业预约了走进企业培训。</p>",
        },
        "en": {
            "title": "Company visit: round table with trading companies in the city sub-centre",
            "summary": "A round table with 12 companies with business abroad on their staff's safety needs. "
            "(Demo event)",
            "venue": "Tongzhou Example Business Centre, meeting room on the 2nd floor",
            "address": "1 Yunhe East Street, Tongzhou District, Beijing (demo address)",
            "speakers": [("Zhao Ming (demo)", "Consular Protection Division, Foreign Affairs Office")],
            "body": "<p>The consular protection “service package”, and what companies need to keep staff "
            "and projects abroad safe.</p>",
            "report": "<p>HR and safety leads from 12 companies came. Five companies have since booked an "
            "on-site training.</p>",
        },
    },
]


def seed_events(stdout):
    """The ``seed_demo_content`` hook: the events index and demo events, in both languages."""
    EventSeeder(stdout).run()


class EventSeeder(DemoSeeder):
    """Runs after home's seeder (the home pages exist); its page helpers are home's."""

    def run(self):
        pages = self.pages()
        self.people(pages)

    @transaction.atomic
    def pages(self):
        """The index and the event pages in both languages; returns {slug: Chinese page}."""
        home = HomePage.objects.filter(locale=self.zh, depth=2).first()
        if home is None:
            return {}
        index = self.index_page(home)
        pages = {page.slug: page for page in EventPage.objects.child_of(index)}
        translated = set(
            EventPage.objects.filter(
                locale=self.en, translation_key__in=[page.translation_key for page in pages.values()]
            ).values_list("translation_key", flat=True)
        )
        today = timezone.localdate()
        for spec in EVENTS:
            page = pages.get(spec["slug"])
            if page is None:
                page = pages[spec["slug"]] = self.event_page(index, spec, today)
            if page.translation_key not in translated:
                self.translate(page, self.text(spec, "en"))
                self.log(f"Translated the event {spec['slug']} into English")
        return pages

    @transaction.atomic
    def people(self, pages):
        """Registrations and invitations, in a transaction of their own after the pages' commits:
        what publishing a page does on commit (telling registrants of a change) finds nobody yet."""
        for spec in EVENTS:
            page = pages.get(spec["slug"])
            if page is None:
                continue
            if spec.get("registrations"):
                self.registrations(page, spec["registrations"])
            if spec.get("invitations"):
                self.invitations(page, spec["invitations"])

    def index_page(self, home):
        return self.child_page(home, EventIndexPage, INDEX)

    # --- events ---------------------------------------------------------------------------------

    def event_page(self, index, spec, today):
        day = today + datetime.timedelta(days=spec["day"])
        starts = at(day, spec["start"])
        page = EventPage(
            slug=spec["slug"],
            event_type=spec["type"],
            starts_at=starts,
            ends_at=at(day, spec["end"]),
            district=spec["district"],
            map_url=amap(spec["position"], spec["zh-hans"]["venue"]) if spec.get("position") else "",
            online_url=spec.get("online_url", ""),
            registration_required=spec.get("registration_required", True),
            capacity=spec.get("capacity"),
            is_private=spec.get("is_private", False),
            **self.text(spec, "zh-hans"),
        )
        if "opens_days_before" in spec:
            page.registration_opens_at = starts - datetime.timedelta(days=spec["opens_days_before"])
        if "closes_days_before" in spec:
            page.registration_closes_at = starts - datetime.timedelta(days=spec["closes_days_before"])
        page.audiences = list(Audience.objects.filter(slug__in=spec["audiences"]))
        index.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"Created the event {spec['slug']}")
        return page

    def text(self, spec, language):
        """The fields one language's page has in its own words."""
        text = spec[language]
        report = []
        if text.get("report"):
            report.append(rich(text["report"]))
            image = self.image(spec.get("photo"))
            if image is not None:
                report.append(image_block(image, text["photo_alt"], text["caption"]))
        return {
            "title": text["title"],
            "summary": text["summary"],
            "venue": text["venue"],
            "address": text["address"],
            "speakers": [speaker(name, role) for name, role in text["speakers"]],
            "body": [rich(text["body"])],
            "report": report,
        }

    def image(self, name):
        """A photo from the demo images home/demo.py loaded (none when they are not there)."""
        if not name:
            return None
        return get_image_model().objects.filter(title=self.image_title(name)).first()

    def registrations(self, page, people):
        """Demo registrations, once: none are added to an event that has any (kept or cancelled)."""
        if Registration.objects.filter(event__translation_key=page.translation_key).exists():
            return
        event = event_for(page)
        with demo_mail_withdrawn():
            for name, email, language in people:
                register(event, name=name, email=email, language=language)
        self.log(f"Registered {len(people)} demo people for {page.slug}")

    def invitations(self, page, emails):
        """Demo invitations to a private event, once: none when the event has any."""
        if Invitation.objects.filter(event__translation_key=page.translation_key).exists():
            return
        with demo_mail_withdrawn():
            invite(event_for(page), emails, language="zh-hans")
        self.log(f"Invited {len(emails)} demo people to {page.slug}")


@contextmanager
def demo_mail_withdrawn():
    """Withdraw the emails queued inside the block to demo addresses, before anything is sent.

    Demo people have no mailbox. The outbox delivers a message only after the transaction commits
    and only while it is pending, so a message cancelled here is never sent.
    """
    last = Message.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    yield
    Message.objects.filter(
        pk__gt=last, recipient__endswith=DEMO_EMAIL_DOMAIN, status=Message.Status.PENDING
    ).update(status=Message.Status.CANCELLED, dedupe_key=None)


def at(day, hour_minute):
    """An aware datetime at a Beijing wall-clock time on `day` (the site's time zone)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(*hour_minute)))


def speaker(name, role):
    return {"type": "speaker", "value": {"name": name, "role": role}}


def image_block(image, alt_text, caption):
    return {"type": "image", "value": {"image": image.pk, "alt_text": alt_text, "caption": caption}}
