"""The demo awareness content: articles, real-life cases, brochures and videos, in Chinese and English.

Plain data, read by ``home.demo.DemoSeeder``. The files named here live in ``home/demo_media/``
(made once by ``scripts/make_demo_media.py``). Every case is made up for teaching
(``is_illustrative``): no real person's data. ``age`` is how many days ago a page was first
published, so the index lists a believable mix, newest first.
"""

# ruff: noqa: E501 - demo prose reads better unwrapped

import uuid


def rich(html):
    return {"type": "paragraph", "value": html, "id": str(uuid.uuid4())}


def callout(level, title, html):
    return {
        "type": "callout",
        "value": {"level": level, "title": title, "text": html},
        "id": str(uuid.uuid4()),
    }


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}, "id": str(uuid.uuid4())}


def faq(title, items):
    return {
        "type": "accordion",
        "value": {"title": title, "items": [{"question": q, "answer": a} for q, a in items]},
        "id": str(uuid.uuid4()),
    }


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}, "id": str(uuid.uuid4())}


INDEX = {
    "slug": "knowledge",
    "zh-hans": {
        "title": "安全知识",
        "intro": "领事保护知识、真实案例、宣传册和视频：出国前读一读，遇到情况知道怎么办。",
    },
    "en": {
        "title": "Safety knowledge",
        "intro": "Consular protection guides, real-life cases, brochures and videos: read them before you go, "
        "and know what to do when something happens.",
    },
}

# Images drawn by scripts/make_demo_media.py: file name -> title in the image library.
IMAGES = {
    "hero-fraud.png": "演示图片 · 电话诈骗 Demo image: phone scam",
    "hero-passport.png": "演示图片 · 护照 Demo image: passport",
    "hero-mind.png": "演示图片 · 心理健康 Demo image: mental health",
    "hero-disaster.png": "演示图片 · 自然灾害 Demo image: natural disaster",
    "hero-traffic.png": "演示图片 · 交通安全 Demo image: road safety",
    "hero-plane.png": "演示图片 · 出入境 Demo image: entry and exit",
    "hero-shield.png": "演示图片 · 人身安全 Demo image: personal safety",
    "hero-health.png": "演示图片 · 卫生健康 Demo image: health",
    "hero-scales.png": "演示图片 · 法律 Demo image: the law",
    "hero-metro.png": "演示图片 · 地铁 Demo image: metro",
    "hero-scooter.png": "演示图片 · 摩托车 Demo image: scooter",
    "hero-cash-machine.png": "演示图片 · 取款机 Demo image: cash machine",
    "hero-brochure-travel-safety.png": "演示图片 · 海外安全出行手册 Demo image: travel safety brochure",
    "hero-brochure-study-abroad.png": "演示图片 · 出国留学安全指南 Demo image: study abroad brochure",
    "hero-brochure-company-staff.png": "演示图片 · 企业外派人员海外安全 Demo image: company staff brochure",
    "cover-travel-safety.png": "宣传册封面 · 海外安全出行手册 Brochure cover: travel safety abroad",
    "cover-study-abroad.png": "宣传册封面 · 出国留学安全指南 Brochure cover: study abroad safety",
    "cover-company-staff.png": "宣传册封面 · 企业外派人员海外安全 Brochure cover: company staff",
    "poster-12308.png": "视频海报 · 记住 12308 Video poster: remember 12308",
    "poster-three-things.png": "视频海报 · 出发前三件事 Video poster: three things before you go",
}

ARTICLES = [
    {
        "slug": "phone-scams",
        "age": 3,
        "hero": "hero-fraud.png",
        "topics": ["fraud-and-scams"],
        "audiences": ["students", "community", "travellers"],
        "zh-hans": {
            "title": "防范电信诈骗：接到“使馆来电”先挂断、再核实",
            "summary": "诈骗分子常冒充使领馆、快递公司或国内公检法机关，以“涉嫌犯罪”“包裹异常”为由要求转账。请记住：使领馆不会通过电话要求您转账汇款。",
            "hero_image_alt": "一部手机屏幕上显示红色警示标志，旁边是来电信号。",
            "body": [
                heading("常见骗局"),
                rich(
                    "<p>近年来，针对海外中国公民的电信诈骗屡有发生。诈骗分子通常先播放语音提示，自称“大使馆”“领事馆”或“国际快递”，"
                    "称您有“重要文件待领取”“护照异常”或“包裹内发现违禁品”，随后把电话转接给冒充国内公安、检察院的“办案人员”，"
                    "以“涉嫌洗钱”“配合调查”为名，要求您对家人保密，把钱转到“安全账户”或缴纳“保证金”。</p>"
                ),
                callout(
                    "warning",
                    "记住这三个“不会”",
                    "<ul><li>使领馆不会通过电话、短信或社交软件要求您转账汇款，也不会索要银行卡号和密码。</li>"
                    "<li>国内公检法机关不会通过电话办案，更不存在所谓“安全账户”。</li>"
                    "<li>使领馆不会把您的电话转接给国内公安机关。</li></ul>",
                ),
                heading("接到可疑电话怎么办"),
                rich(
                    "<ol><li>立即挂断，不透露个人信息、证件号码和银行信息。</li>"
                    "<li>通过使领馆官方网站公布的电话号码主动回拨核实，或拨打 12308 咨询。</li>"
                    "<li>已经转账的，立即联系银行止付，向当地警方报案，保留通话记录、转账凭证等证据。</li>"
                    "<li>告诉家人和同学，特别提醒刚出国的新生。</li></ol>"
                ),
                faq(
                    "常见问题",
                    [
                        (
                            "来电显示是使馆的号码，也可能是假的吗？",
                            "<p>可能。来电号码可以被伪造，不能作为判断依据。请挂断后自己查找官方号码回拨。</p>",
                        ),
                        (
                            "对方知道我的姓名和护照号码，是真的吗？",
                            "<p>不一定。诈骗分子可能通过信息泄露获得您的个人信息。知道您的信息，不代表对方就是官方机构。</p>",
                        ),
                        (
                            "国内家人接到“孩子被绑架”的电话怎么办？",
                            "<p>保持冷静，先设法直接联系孩子本人或其同学、学校；同时向国内公安机关报案，或拨打 12308 求助。核实之前，不要转账。</p>",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Phone scams: hang up on “embassy calls”, then check",
            "summary": "Scammers pretend to be a Chinese embassy, a courier or the police back home, and demand money because you are “under investigation” or “a parcel was seized”. Remember: embassies and consulates never ask you to transfer money by phone.",
            "hero_image_alt": "A phone showing a red warning sign, with signal waves of an incoming call.",
            "body": [
                heading("How the scam goes"),
                rich(
                    "<p>Chinese citizens abroad keep receiving scam calls. A recorded voice claims to be “the embassy”, “the consulate” "
                    "or “an international courier” and says an important document is waiting, your passport has a problem or a parcel in "
                    "your name contains something illegal. You are then put through to a fake police officer or prosecutor in China, who "
                    "says you are suspected of money laundering, tells you to keep it secret from your family, and asks you to move your "
                    "money to a “safe account” or pay a “deposit”.</p>"
                ),
                callout(
                    "warning",
                    "Three things that never happen",
                    "<ul><li>An embassy or consulate never asks you to transfer money by phone, text or social media, and never asks for "
                    "your card number or PIN.</li>"
                    "<li>The police and prosecutors in China do not handle cases by phone, and there is no such thing as a “safe account”.</li>"
                    "<li>An embassy never puts your call through to the police in China.</li></ul>",
                ),
                heading("If you get a suspicious call"),
                rich(
                    "<ol><li>Hang up. Give no personal details, document numbers or bank information.</li>"
                    "<li>Call the embassy or consulate back on the number on its official website, or call 12308.</li>"
                    "<li>If you have already paid, call your bank at once to stop the payment, report it to the local police, and keep "
                    "call logs and transfer receipts.</li>"
                    "<li>Tell your family and classmates, especially students who have just arrived.</li></ol>"
                ),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "The caller ID showed the embassy's number. Can that be fake?",
                            "<p>Yes. Caller IDs can be spoofed and prove nothing. Hang up and call back on a number you looked up yourself.</p>",
                        ),
                        (
                            "The caller knew my name and passport number. Is it real?",
                            "<p>Not necessarily. Scammers can get personal data from leaks. Knowing your details does not make them officials.</p>",
                        ),
                        (
                            "My family in China got a call saying I have been kidnapped. What should they do?",
                            "<p>Stay calm and try to reach you directly, or your classmates or school; report it to the police in China or call "
                            "12308. Never pay before checking.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "job-scams-abroad",
        "age": 11,
        "hero": None,
        "topics": ["fraud-and-scams", "personal-safety"],
        "audiences": ["community", "employees", "students"],
        "zh-hans": {
            "title": "警惕“高薪海外招聘”陷阱",
            "summary": "“工作轻松、月入数万、包机票食宿”——这样的海外招聘很可能是陷阱。有人被骗出境后被扣押护照、限制人身自由，被迫从事电信诈骗等违法活动。",
            "hero_image_alt": "",
            "body": [
                heading("陷阱的常见特征"),
                rich(
                    "<ul><li>工作内容含糊，只说“客服”“打字员”“网络推广”，待遇却远高于正常水平；</li>"
                    "<li>不要求学历和经验，催着您尽快出发，由“中介”代办一切；</li>"
                    "<li>让您持旅游签证或以免签方式入境，“先上岗后办证”，甚至安排绕道偷越国境；</li>"
                    "<li>到达后以“统一保管”为名收走护照和手机。</li></ul>"
                ),
                quote("天上不会掉馅饼。越是“轻松高薪”，越要多问几个为什么。", "社区领事保护讲座上的一句提醒"),
                callout(
                    "warning",
                    "出国务工请走正规渠道",
                    "<p>出国务工应通过具有对外劳务合作经营资格的企业，签订书面合同，办理目的国合法的工作签证和工作许可。"
                    "不要持旅游签证或以免签方式出境务工。</p>",
                ),
                heading("如果已经身陷困境"),
                rich(
                    "<p>在确保安全的前提下，设法向当地警方报警，或联系中国驻当地使领馆、拨打 12308，尽量说清所在位置（城市、地标、建筑特征）。"
                    "家人得知情况后，可以向国内公安机关报案，并提供聊天记录、转账记录等线索。</p>"
                ),
            ],
        },
        "en": {
            "title": "Beware of “high-paid jobs abroad”",
            "summary": "“Easy work, high pay, flights and housing included”: a job abroad advertised like this may well be a trap. Some people lured abroad have had their passports taken, been held against their will and forced into phone fraud and other crimes.",
            "hero_image_alt": "",
            "body": [
                heading("Warning signs"),
                rich(
                    "<ul><li>The job is vague (“customer service”, “typist”, “online marketing”) but the pay is far above normal.</li>"
                    "<li>No qualifications or experience needed; you are rushed to leave and an “agent” arranges everything.</li>"
                    "<li>You are told to enter on a tourist visa or visa-free and “get the papers later”, or even to cross a border "
                    "illegally.</li>"
                    "<li>On arrival, your passport and phone are taken “for safekeeping”.</li></ul>"
                    "<h3>Who can help</h3>"
                    "<p>Most universities abroad have a free, confidential counselling service; you can also talk to your tutor, student "
                    "services, friends and family. Many student health insurance plans cover counselling: check yours before you go.</p>"
                ),
                quote(
                    "There is no free lunch. The easier and better paid a job sounds, the more questions you should ask.",
                    "A reminder from a community consular protection lecture",
                ),
                callout(
                    "warning",
                    "Work abroad only through proper channels",
                    "<p>Go through a company licensed for overseas labour services, sign a written contract, and get a proper work visa "
                    "and permit for the destination. Never go to work abroad on a tourist visa or visa-free.</p>",
                ),
                heading("If you are already in trouble"),
                rich(
                    "<p>When it is safe to do so, call the local police, contact the Chinese embassy or consulate, or call 12308, and "
                    "describe where you are as well as you can (city, landmarks, buildings). Families who learn of it can report to the "
                    "police in China and hand over chat logs and payment records.</p>"
                ),
            ],
        },
    },
    {
        "slug": "lost-passport",
        "age": 6,
        "hero": "hero-passport.png",
        "topics": ["lost-documents", "entry-and-exit"],
        "audiences": ["travellers", "students"],
        "zh-hans": {
            "title": "护照丢失怎么办",
            "summary": "护照在境外丢失或被盗，不要慌：先报警取得证明，再向中国驻当地使领馆申请补发护照或旅行证。出国前做好备份，能省去很多麻烦。",
            "hero_image_alt": "一本红色护照，旁边是一个放大镜。",
            "body": [
                heading("三步办好补证"),
                rich(
                    "<h3>第一步：报警并保存证明</h3>"
                    "<p>发现护照丢失或被盗后，请尽快向当地警方报案，索取报案证明。证明上应写明您的姓名、证件号码和丢失经过。"
                    "不少国家的出入境管理部门在您离境时会要求出示这一证明。</p>"
                    "<h3>第二步：联系使领馆申请证件</h3>"
                    "<p>您可以通过“中国领事”APP在线申请，或按照中国驻当地使领馆网站的说明办理。一般需要准备：</p>"
                    "<ul><li>申请表和符合要求的证件照片；</li><li>丢失护照的复印件或照片、国内身份证等身份证明；</li>"
                    "<li>报案证明；</li><li>当地签证或居留证明的复印件（如有）。</li></ul>"
                    "<p>急于回国的，可以申请旅行证；继续在当地学习、工作的，可以申请补发护照。所需材料和办理时间以使领馆公布为准。</p>"
                    "<h3>第三步：处理签证和居留</h3>"
                    "<p>原护照上的签证或居留许可不能继续使用时，请向当地移民部门咨询补办手续，以免离境时遇到麻烦。</p>"
                ),
                callout(
                    "info",
                    "出发前就做好备份",
                    "<ul><li>护照资料页和签证页各复印两份，一份随身、一份留在住处，与原件分开存放；</li>"
                    "<li>在手机和云端保存证件照片，并发给国内家人一份；</li><li>准备两张备用证件照片。</li></ul>",
                ),
                faq(
                    "常见问题",
                    [
                        (
                            "补办证件需要多长时间？",
                            "<p>视所在使领馆和申请方式而定，请提前查询使领馆公告。不要轻信声称可以“加急代办”的中介。</p>",
                        ),
                        (
                            "护照丢了还能坐飞机回国吗？",
                            "<p>可以持使领馆签发的旅行证回国。请预留办理时间，并向航空公司确认所需证件。</p>",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "What to do if you lose your passport",
            "summary": "Lost your passport abroad, or had it stolen? Don't panic: report it to the police and get a report, then ask the Chinese embassy or consulate for a new passport or a travel document. A few copies made before you go save a lot of trouble.",
            "hero_image_alt": "A red passport next to a magnifying glass.",
            "body": [
                heading("Three steps"),
                rich(
                    "<h3>Step 1: report it to the police</h3>"
                    "<p>Report the loss or theft to the local police as soon as you can and ask for a police report with your name, your "
                    "passport number and what happened. Many countries' border officers ask for it when you leave.</p>"
                    "<h3>Step 2: apply to the embassy or consulate</h3>"
                    "<p>Apply online in the China Consular Affairs app, or follow the instructions on the website of the Chinese embassy "
                    "or consulate. You will usually need:</p>"
                    "<ul><li>the application form and photos that meet the requirements;</li>"
                    "<li>a copy or photo of the lost passport, your Chinese ID card or other proof of identity;</li>"
                    "<li>the police report;</li><li>copies of your local visa or residence permit, if any.</li></ul>"
                    "<p>If you need to go home soon, apply for a travel document; if you are staying to study or work, apply for a new "
                    "passport. The embassy or consulate's own notices on documents and processing times prevail.</p>"
                    "<h3>Step 3: sort out your visa and residence</h3>"
                    "<p>If the visa or residence permit in the old passport can no longer be used, ask the local immigration office how "
                    "to replace it, so that leaving the country goes smoothly.</p>"
                ),
                callout(
                    "info",
                    "Make copies before you go",
                    "<ul><li>Copy your passport's photo page and visa twice: keep one with you and one where you stay, apart from the "
                    "passport.</li><li>Keep photos of your documents on your phone and in the cloud, and send a set to your family.</li>"
                    "<li>Take two spare passport photos.</li></ul>",
                ),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "How long does a replacement take?",
                            "<p>It depends on the embassy or consulate and how you apply: check its notices early. Do not trust agents who "
                            "promise to “speed it up” for a fee.</p>",
                        ),
                        (
                            "Can I fly home without a passport?",
                            "<p>Yes, with a travel document issued by the embassy or consulate. Allow time to get it, and check with your "
                            "airline which documents it needs.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "student-mental-health",
        "age": 9,
        "hero": "hero-mind.png",
        "topics": ["mental-health"],
        "audiences": ["students", "community"],
        "zh-hans": {
            "title": "海外留学心理健康：别一个人扛",
            "summary": "离开熟悉的环境，文化差异、语言压力、学业和孤独都可能让人情绪低落。这很常见，也可以求助：了解自己的情绪信号，知道该找谁帮忙。",
            "hero_image_alt": "一颗红色的心，四周是金色的阳光和两片绿叶。",
            "body": [
                rich(
                    "<p>初到海外的几个月，新鲜感过后常常伴随“文化冲击”：听不懂课、交不到朋友、饮食不习惯、和国内家人作息错开。"
                    "适度的焦虑和想家是正常的适应反应；但如果情绪问题持续影响学习和生活，就需要认真对待。</p>"
                ),
                heading("留意这些信号"),
                rich(
                    "<ul><li>持续两周以上情绪低落，对什么都提不起兴趣；</li><li>失眠或睡得过多，食欲明显变化；</li>"
                    "<li>回避与人交往，长时间不出门、不上课；</li><li>反复出现“活着没意思”的念头。</li></ul>"
                    "<h3>可以向谁求助</h3>"
                    "<p>大多数海外高校都设有免费、保密的心理咨询服务，也可以向导师、学生事务部门、同学和家人倾诉。"
                    "很多留学生医疗保险涵盖心理咨询，出国前请了解保险条款。</p>"
                ),
                callout(
                    "emergency",
                    "情况紧急时",
                    "<p>如果您或身边的人有伤害自己的想法或行为，请立即拨打当地急救电话，或前往最近医院的急诊。"
                    "也可以联系学校的紧急支持热线，或拨打 12308 请使领馆协助联系家人。</p>",
                ),
                faq(
                    "家长常问",
                    [
                        (
                            "孩子好几天联系不上，怎么办？",
                            "<p>先通过孩子的同学、室友、房东和学校了解情况；仍然联系不上的，可以拨打 12308 或联系中国驻当地使领馆，请其协助了解情况。</p>",
                        ),
                        (
                            "家长可以怎样支持孩子？",
                            "<p>多倾听、少评判，约定固定的视频通话时间，关注孩子的作息和情绪变化，不要只问成绩。</p>",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Mental health when studying abroad: you don't have to cope alone",
            "summary": "Far from home, culture shock, language, coursework and loneliness can all bring you down. That is common, and help is there: know the warning signs and whom to turn to.",
            "hero_image_alt": "A red heart in a circle of golden sun rays, with two green leaves.",
            "body": [
                rich(
                    "<p>After the first excitement, many students go through culture shock: lectures are hard to follow, friends are hard "
                    "to make, the food is strange and family at home is asleep when you are awake. Some anxiety and homesickness is a normal "
                    "part of settling in; but if low mood keeps getting in the way of study and daily life, take it seriously.</p>"
                ),
                heading("Warning signs"),
                rich(
                    "<ul><li>Feeling low or losing interest in everything for more than two weeks;</li>"
                    "<li>sleeping badly or far too much, eating much more or less;</li>"
                    "<li>avoiding people, staying in, skipping classes;</li><li>thinking again and again that life is not worth living.</li></ul>"
                ),
                callout(
                    "emergency",
                    "In an emergency",
                    "<p>If you or someone near you is thinking about self-harm or has hurt themselves, call the local emergency number or "
                    "go to the nearest hospital's emergency department now. You can also call your university's emergency support line, "
                    "or call 12308 and the embassy or consulate can help contact your family.</p>",
                ),
                faq(
                    "Parents often ask",
                    [
                        (
                            "We have not heard from our child for days. What should we do?",
                            "<p>Ask their classmates, flatmates, landlord and university first. If you still cannot reach them, call 12308 or "
                            "the Chinese embassy or consulate, who can help find out how they are.</p>",
                        ),
                        (
                            "How can we support our child?",
                            "<p>Listen more and judge less, agree a regular time for video calls, notice changes in sleep and mood, and ask "
                            "about more than grades.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "natural-disasters",
        "age": 15,
        "hero": "hero-disaster.png",
        "topics": ["disasters-and-evacuation"],
        "audiences": ["travellers", "community", "students", "employees"],
        "zh-hans": {
            "title": "遭遇自然灾害，如何避险与撤离",
            "summary": "地震、台风、洪水和山火可能突然发生。出行前了解目的地的灾害风险；灾害来临时听从当地政府指令，关注中国驻当地使领馆的通知，及时向家人报平安。",
            "hero_image_alt": "海浪涌向岸边，山坡高处有一座房子，一个箭头指向高处。",
            "body": [
                heading("出发前"),
                rich(
                    "<ul><li>查询目的地在出行季节的主要灾害风险，例如台风季、雨季、山火季；</li>"
                    "<li>在“中国领事”APP进行出国及海外中国公民自愿登记，便于使领馆在紧急情况下联系您；</li>"
                    "<li>下载当地的官方预警应用，记下当地报警和急救电话，以及住处的疏散路线。</li></ul>"
                ),
                heading("灾害发生时"),
                rich(
                    "<p><strong>地震：</strong>在室内就近躲到结实的桌子下，保护头颈，不要乘电梯，不要急着跑出楼外；"
                    "在海边感到强烈或持续的摇晃，立即向高处撤离，防范海啸。</p>"
                    "<p><strong>台风和洪水：</strong>留在坚固的建筑内，远离门窗，不要涉水或驾车通过积水路段。</p>"
                    "<p><strong>山火：</strong>关注当地消防部门的指令，一旦要求撤离，立即行动。</p>"
                    "<h3>需要撤离时</h3>"
                    "<p>听从当地政府的疏散安排。中国驻当地使领馆会通过官方网站、微信公众号和 12308 发布安全提醒和协助信息。"
                    "到达安全地点后，请第一时间向国内家人报平安。</p>"
                ),
                callout(
                    "warning",
                    "应急包随时备好",
                    "<ul><li>护照、签证及复印件，少量现金和银行卡；</li><li>饮用水、食物、常用药品；</li>"
                    "<li>手电筒、充电宝、口哨。</li></ul>",
                ),
            ],
        },
        "en": {
            "title": "Natural disasters: how to stay safe and evacuate",
            "summary": "Earthquakes, typhoons, floods and wildfires can strike suddenly. Know the risks at your destination before you go; when disaster strikes, follow the local authorities, watch for notices from the Chinese embassy or consulate, and tell your family you are safe.",
            "hero_image_alt": "Waves rolling towards the shore, a house high on a hill and an arrow pointing uphill.",
            "body": [
                heading("Before you go"),
                rich(
                    "<ul><li>Find out which disasters are likely at your destination in that season: typhoons, heavy rain, wildfires.</li>"
                    "<li>Register your trip in the China Consular Affairs app, so that the embassy or consulate can reach you in an "
                    "emergency.</li>"
                    "<li>Install the local official warning app; note the local police and ambulance numbers and the way out of where you "
                    "stay.</li></ul>"
                ),
                heading("When disaster strikes"),
                rich(
                    "<p><strong>Earthquake:</strong> indoors, get under a sturdy table and protect your head and neck; do not use lifts and "
                    "do not rush outside. On the coast, if the shaking is strong or long, move to high ground at once: a tsunami may follow.</p>"
                    "<p><strong>Typhoon or flood:</strong> stay inside a solid building, away from windows and doors; do not walk or drive "
                    "through flood water.</p>"
                    "<p><strong>Wildfire:</strong> follow the local fire service; when told to leave, leave at once.</p>"
                    "<h3>If you need to evacuate</h3>"
                    "<p>Follow the evacuation plans of the local authorities. The Chinese embassy or consulate publishes safety reminders "
                    "and help on its website, its WeChat account and through 12308. Once you are safe, let your family at home know.</p>"
                ),
                callout(
                    "warning",
                    "Keep a grab bag ready",
                    "<ul><li>Passport, visa and copies; some cash and a bank card;</li><li>water, food and your medicines;</li>"
                    "<li>a torch, a power bank and a whistle.</li></ul>",
                ),
            ],
        },
    },
    {
        "slug": "driving-abroad",
        "age": 19,
        "hero": "hero-traffic.png",
        "topics": ["traffic"],
        "audiences": ["travellers", "employees", "students"],
        "zh-hans": {
            "title": "海外驾车，安全第一",
            "summary": "在国外开车，先弄清驾照是否有效、车辆保险怎么买、车辆靠哪边行驶。遵守当地交通法规，不酒驾、不疲劳驾驶；遇到事故，先救人、再报警、保留证据。",
            "hero_image_alt": "一条笔直的公路伸向远方，路边立着红绿灯。",
            "body": [
                heading("驾照在当地是否有效"),
                rich(
                    "<p>我国不是1949年《道路交通公约》和1968年《道路交通公约》的缔约国，不签发所谓“国际驾照”，网上售卖的“国际驾照”没有法律效力。"
                    "各国对中国驾照的认可规定不同：有的允许持中国驾照加认可的翻译件在一定期限内驾驶，有的要求考取或换领当地驾照。"
                    "出发前请向目的国驻华使领馆或当地交通管理部门核实。</p>"
                ),
                heading("上路之前"),
                rich(
                    "<ul><li>英国、澳大利亚、日本、泰国、南非等国车辆靠左行驶，转弯和进出环岛时要格外小心；</li>"
                    "<li>租车时购买足额保险，检查车况并拍照留证；</li>"
                    "<li>所有乘客系好安全带，儿童按规定使用安全座椅；</li>"
                    "<li>绝不酒后驾驶；长途驾驶每两小时休息一次。</li></ul>"
                    "<h3>步行和骑行</h3>"
                    "<p>过马路前看清来车方向：在车辆靠左行驶的国家，要先看右边。租用摩托车或电动滑板车前，确认需要什么驾驶资格，"
                    "骑行时戴好头盔，并了解保险是否承保。</p>"
                ),
                callout(
                    "emergency",
                    "发生交通事故时",
                    "<ol><li>打开危险报警闪光灯，在车后放置警示标志，人员撤到安全地带；</li>"
                    "<li>有人受伤，立即拨打当地急救电话；</li>"
                    "<li>报警，不要“私了”；拍照记录现场，与对方交换驾照、车牌和保险信息；</li>"
                    "<li>联系保险公司和租车公司；需要帮助时，联系中国驻当地使领馆或拨打 12308。</li></ol>",
                ),
            ],
        },
        "en": {
            "title": "Driving abroad: safety first",
            "summary": "Before you drive abroad, check that your licence is valid there, how the car is insured and which side of the road traffic keeps to. Keep to the local rules, never drink and drive, rest when tired; after a crash, help the injured, call the police and keep evidence.",
            "hero_image_alt": "A straight road running into the distance, with traffic lights at the side.",
            "body": [
                heading("Is your licence valid there?"),
                rich(
                    "<p>China is not a party to the 1949 or the 1968 Convention on Road Traffic and issues no “international driving "
                    "permit”: the ones sold online have no legal force. Countries treat Chinese licences differently: some accept a Chinese "
                    "licence with an approved translation for a limited time, others require a local licence. Check with the country's "
                    "embassy in China or the local transport authority before you go.</p>"
                ),
                heading("Before you set off"),
                rich(
                    "<ul><li>In the UK, Australia, Japan, Thailand, South Africa and other countries traffic keeps to the left: take extra "
                    "care at turns and roundabouts.</li>"
                    "<li>When you hire a car, take full insurance, check the car and photograph any damage.</li>"
                    "<li>Everyone wears a seat belt; children use the child seats the law requires.</li>"
                    "<li>Never drink and drive; on long drives, take a break every two hours.</li></ul>"
                    "<h3>On foot and on two wheels</h3>"
                    "<p>Before crossing, check which way the traffic comes: where it keeps to the left, look right first. Before hiring a "
                    "motorbike or e-scooter, check which licence you need, wear a helmet and find out whether your insurance covers "
                    "you.</p>"
                ),
                callout(
                    "emergency",
                    "After a crash",
                    "<ol><li>Switch on the hazard lights, put out the warning triangle and get everyone to a safe place.</li>"
                    "<li>If anyone is hurt, call the local ambulance number at once.</li>"
                    "<li>Call the police rather than settling privately; photograph the scene and exchange licence, number plate and "
                    "insurance details.</li>"
                    "<li>Tell your insurer and the hire company; if you need help, contact the Chinese embassy or consulate or call "
                    "12308.</li></ol>",
                ),
            ],
        },
    },
    {
        "slug": "entry-and-exit-tips",
        "age": 24,
        "hero": "hero-plane.png",
        "topics": ["entry-and-exit"],
        "audiences": ["travellers", "students", "employees"],
        "zh-hans": {
            "title": "出入境注意事项",
            "summary": "护照有效期、签证类型、海关申报和检疫规定，都会影响您能否顺利出入境。出发前花十分钟核对一遍，能避免在机场被拒登机或被拒入境。",
            "hero_image_alt": "一架红色飞机沿着虚线航线飞向远方。",
            "body": [
                heading("证件"),
                rich(
                    "<ul><li>护照有效期一般应在6个月以上，并留有足够的空白签证页；</li>"
                    "<li>签证类型要与出行目的一致：旅游签证不能用于工作或学习；</li>"
                    "<li>免签、落地签和电子签证也有停留期限和条件，以目的国官方公布为准。</li></ul>"
                    "<h3>入境检查时</h3>"
                    "<p>如实回答边检官员的问题，备好回程机票、住宿信息、邀请函或录取通知书等材料。被拒绝入境时保持冷静，"
                    "了解拒绝的理由，可以要求联系中国驻当地使领馆。</p>"
                ),
                heading("海关与检疫"),
                rich(
                    "<p>多数国家对携带现金设有申报规定，例如进出欧盟携带1万欧元及以上现金须申报；"
                    "我国规定，出入境携带人民币现钞超过2万元，或外币现钞折合超过5000美元的，须向海关申报。"
                    "澳大利亚、新西兰等国对食品、种子和动植物制品的检疫非常严格，未申报可能被罚款。</p>"
                ),
                callout(
                    "warning",
                    "不替陌生人携带物品",
                    "<p>无论对方给出什么理由，都不要替陌生人携带行李或包裹。一旦其中夹带毒品或违禁品，承担法律责任的是携带者。</p>",
                ),
                faq(
                    "常见问题",
                    [
                        (
                            "在国外的停留期快到了怎么办？",
                            "<p>在到期前向当地移民部门申请延期，或按时离境。逾期滞留可能被罚款、拘留、遣返，并影响今后再次入境。</p>",
                        ),
                        (
                            "出入境时可以带药品吗？",
                            "<p>自用的处方药请随身带好医生处方或说明（最好有英文版），数量以合理自用为限。"
                            "部分国家对含麻醉或精神类成分的药品管制严格，出发前请查询目的国规定。</p>",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Entry and exit: what to check",
            "summary": "Passport validity, the right visa, customs declarations and biosecurity rules all decide whether you get through the border smoothly. Ten minutes of checking before you go can save you from being refused boarding or entry.",
            "hero_image_alt": "A red plane flying along a dotted flight path.",
            "body": [
                heading("Documents"),
                rich(
                    "<ul><li>Your passport should usually be valid for at least six more months, with enough blank visa pages.</li>"
                    "<li>Your visa must match your purpose: a tourist visa is not for work or study.</li>"
                    "<li>Visa-free entry, visas on arrival and e-visas also have limits and conditions: the destination's official "
                    "rules prevail.</li></ul>"
                    "<h3>At the border</h3>"
                    "<p>Answer the border officer's questions truthfully, and have your return ticket, accommodation details and any "
                    "invitation or admission letter ready. If you are refused entry, stay calm, ask for the reason, and ask to contact "
                    "the Chinese embassy or consulate.</p>"
                ),
                heading("Customs and biosecurity"),
                rich(
                    "<p>Most countries have rules on declaring cash: entering or leaving the EU with 10,000 euros or more in cash, for "
                    "example, you must declare it. China requires travellers to declare more than 20,000 yuan in RMB cash, or foreign "
                    "cash worth more than 5,000 US dollars. Australia, New Zealand and others are very strict about food, seeds, plants and "
                    "animal products: undeclared items can mean a fine.</p>"
                ),
                callout(
                    "warning",
                    "Never carry things for strangers",
                    "<p>Whatever the reason given, do not carry luggage or parcels for people you do not know. If drugs or banned goods "
                    "are found inside, the person carrying them is held responsible.</p>",
                ),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "My permitted stay is nearly over. What should I do?",
                            "<p>Apply to the local immigration office for an extension before it ends, or leave on time. Overstaying can mean "
                            "a fine, detention or removal, and trouble entering again later.</p>",
                        ),
                        (
                            "Can I take medicines across the border?",
                            "<p>Carry the prescription or a doctor's letter (ideally in English) for your own prescription medicines, in "
                            "reasonable amounts. Some countries strictly control medicines containing narcotic or psychotropic substances: "
                            "check the destination's rules first.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "rights-in-detention",
        "age": 30,
        "hero": "hero-scales.png",
        "topics": ["detention-and-legal-trouble"],
        "audiences": ["travellers", "employees", "students"],
        "zh-hans": {
            "title": "在海外被拘押时，您有哪些权利",
            "summary": "在国外因涉嫌违法被警方拘留时，请保持冷静，配合执法，但不要在看不懂的文件上签字。您有权要求通知中国使领馆，使领馆会依法探视，维护您的合法权益。",
            "hero_image_alt": "一架天平，两边的托盘保持平衡。",
            "body": [
                rich(
                    "<p>身在海外，必须遵守当地法律。如果因涉嫌违法被拘留或逮捕，请记住三点：冷静配合，知道自己的权利，及时求助。</p>"
                ),
                heading("您可以要求"),
                rich(
                    "<ul><li>通知中国驻当地使领馆：根据《维也纳领事关系公约》，您有权要求拘押机关通知使领馆；</li>"
                    "<li>由律师代理，需要时获得翻译；</li><li>通知家人；</li>"
                    "<li>在弄懂内容之前，不在任何文件上签字。</li></ul>"
                ),
                heading("使领馆能做什么"),
                rich(
                    "<p>得知中国公民被拘押后，使领馆会视情况探视或与您通话，了解您的健康状况和所受待遇；"
                    "要求当地有关部门依法公正处理，保障您的合法权益和人道主义待遇；应您的要求通知家人；"
                    "提供当地律师和翻译的名单供您参考。</p>"
                ),
                callout(
                    "info",
                    "使领馆不能做什么",
                    "<p>使领馆不能干涉驻在国的司法程序，不能帮您获释或减刑，不能替您支付保释金、律师费和罚款，也不能担任您的律师或翻译。</p>",
                ),
            ],
        },
        "en": {
            "title": "Detained abroad: your rights",
            "summary": "If the police abroad detain you on suspicion of an offence, stay calm and cooperate, but do not sign anything you do not understand. You have the right to have the Chinese embassy or consulate told; it will visit you and protect your lawful rights.",
            "hero_image_alt": "A pair of scales, its two pans in balance.",
            "body": [
                rich(
                    "<p>Abroad, you must obey the local law. If you are detained or arrested on suspicion of an offence, remember three "
                    "things: stay calm and cooperate, know your rights, and ask for help early.</p>"
                ),
                heading("You can ask"),
                rich(
                    "<ul><li>for the Chinese embassy or consulate to be told: under the Vienna Convention on Consular Relations you have "
                    "the right to ask the authorities holding you to inform it;</li>"
                    "<li>for a lawyer, and an interpreter when you need one;</li><li>for your family to be told;</li>"
                    "<li>to understand any document before you sign it.</li></ul>"
                ),
                heading("What the embassy or consulate can do"),
                rich(
                    "<p>Once it learns that a Chinese citizen is detained, the embassy or consulate will, as circumstances allow, visit or "
                    "call you to check on your health and treatment; ask the local authorities to handle the case fairly under the law and "
                    "to respect your lawful rights and humane treatment; tell your family if you wish; and give you a list of local lawyers "
                    "and interpreters.</p>"
                ),
                callout(
                    "info",
                    "What it cannot do",
                    "<p>It cannot interfere in the host country's judicial process, get you released or your sentence reduced, pay bail, "
                    "legal fees or fines for you, or act as your lawyer or interpreter.</p>",
                ),
            ],
        },
    },
    {
        "slug": "what-12308-can-do",
        "age": 1,
        "hero": "hero-shield.png",
        "topics": ["personal-safety", "detention-and-legal-trouble"],
        "audiences": ["community", "employees", "students", "travellers"],
        "zh-hans": {
            "title": "12308 能做什么、不能做什么",
            "summary": "外交部全球领事保护与服务应急呼叫中心 12308 全天候提供领事保护咨询和协助。了解领事保护的范围，遇到事情才能找对门路。",
            "hero_image_alt": "一面红色盾牌，中间是金色的对勾。",
            "body": [
                callout(
                    "emergency",
                    "记下这个号码",
                    "<p>国内拨打 12308；境外拨打 +86-10-12308。24 小时有人接听。</p>",
                ),
                heading("可以帮您"),
                rich(
                    "<ul><li>解答领事保护与协助和证件办理方面的问题；</li>"
                    "<li>遇到人身安全危险、被抢被盗、意外事故、自然灾害等紧急情况时，协调中国驻当地使领馆提供协助；</li>"
                    "<li>协助联系您在国内的家人；</li><li>提供当地律师、翻译、医院等信息供您参考；</li>"
                    "<li>在重大突发事件中，发布安全提醒，协助撤离。</li></ul>"
                ),
                heading("不能替您做"),
                rich(
                    "<ul><li>支付住宿、交通、医疗、律师费或罚款等费用；</li>"
                    "<li>干涉当地司法程序，或为您争取优于当地人的待遇；</li>"
                    "<li>代办签证、居留、工作许可，或处理商业和劳务纠纷；</li>"
                    "<li>提供翻译、导游、订票等私人服务。</li></ul>"
                    "<p>2023年9月1日起施行的《中华人民共和国领事保护与协助条例》明确了领事保护与协助的职责和范围，也提醒大家：在海外要遵守当地法律、"
                    "尊重当地风俗，做好安全防范，领事保护与协助过程中产生的费用由当事人承担。</p>"
                ),
                faq(
                    "常见问题",
                    [
                        (
                            "除了打电话，还有哪些途径？",
                            "<p>可以通过“中国领事”APP和中国领事服务网了解安全提醒和证件办理信息，也可以直接拨打中国驻当地使领馆网站公布的领事保护电话。</p>",
                        ),
                        (
                            "不紧急的事情也能打 12308 吗？",
                            "<p>可以咨询，但请把线路优先留给紧急求助的人：证件办理等事项，建议先查询使领馆网站或“中国领事”APP。</p>",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "12308: what it can and cannot do",
            "summary": "12308, the Global Emergency Call Centre for Consular Protection and Services, gives consular protection advice and help around the clock. Knowing what consular protection covers tells you where to turn when something happens.",
            "hero_image_alt": "A red shield with a golden tick.",
            "body": [
                callout(
                    "emergency",
                    "Keep this number",
                    "<p>In China dial 12308; from abroad dial +86-10-12308. Someone answers 24 hours a day.</p>",
                ),
                heading("It can"),
                rich(
                    "<ul><li>answer questions about consular protection and assistance and about travel documents;</li>"
                    "<li>in an emergency (danger to your safety, robbery or theft, an accident, a natural disaster), ask the Chinese "
                    "embassy or consulate to assist you;</li>"
                    "<li>help you contact your family in China;</li><li>give you information on local lawyers, interpreters and hospitals;</li>"
                    "<li>in a major crisis, publish safety reminders and help with evacuation.</li></ul>"
                ),
                heading("It cannot"),
                rich(
                    "<ul><li>pay for accommodation, travel, medical care, lawyers or fines;</li>"
                    "<li>interfere in local court cases or get you better treatment than local people;</li>"
                    "<li>apply for visas, residence or work permits for you, or settle business or employment disputes;</li>"
                    "<li>provide private services such as interpreting, guiding or booking tickets.</li></ul>"
                    "<p>The Regulations of the People's Republic of China on Consular Protection and Assistance, in force since 1 September "
                    "2023, set out what consular protection and assistance covers, and remind everyone abroad to obey local laws, respect "
                    "local customs and take care of their own safety; the costs that arise are paid by the person concerned.</p>"
                ),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "Besides calling, how else can I get help?",
                            "<p>The China Consular Affairs app and the China Consular Service website carry safety reminders and document "
                            "information; you can also call the consular protection number on the website of the Chinese embassy or "
                            "consulate.</p>",
                        ),
                        (
                            "Can I call 12308 about something that is not urgent?",
                            "<p>You can, but please keep the lines free for emergencies: for documents, look at the embassy's website or the "
                            "China Consular Affairs app first.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "theft-and-robbery-lecture",
        "age": 35,
        "hero": None,
        "topics": ["personal-safety"],
        "audiences": ["community", "travellers"],
        "zh-hans": {
            "title": "专家讲座纪要：海外防盗防抢十个好习惯",
            "summary": "在社区“领事保护进万家”专家讲座上，主讲人分享了海外防盗防抢的经验。盗抢多发生在景点、车站和夜间，养成这些习惯，能大大降低风险。",
            "hero_image_alt": "",
            "body": [
                rich(
                    "<p>本文根据社区专家讲座整理。主讲人提醒，在许多旅游城市，针对游客的扒窃和抢夺时有发生；"
                    "游客携带现金多、结伴拍照时注意力分散，容易成为不法分子的目标。</p>"
                ),
                heading("十个好习惯"),
                rich(
                    "<ol><li>少带现金，分开存放，多用银行卡和移动支付；</li>"
                    "<li>背包背在身前，手机不放在裤子后袋或餐桌上；</li>"
                    "<li>在景点、地铁、车站提高警惕，留意主动搭讪、问路、请您签名或“不小心”把东西洒在您身上的人；</li>"
                    "<li>不在公共场合清点现金，不佩戴贵重首饰；</li>"
                    "<li>护照原件放在酒店保险箱，外出带复印件（当地法律要求随身携带原件的除外）；</li>"
                    "<li>夜间避免独自前往偏僻街区；</li><li>乘坐正规出租车或网约车，上车前核对车牌；</li>"
                    "<li>住处锁好门窗；</li><li>不与陌生人争执，不跟陌生人去“好玩的地方”；</li>"
                    "<li>遇到抢劫，生命安全第一，不要反抗和追赶。</li></ol>"
                ),
                quote("财物丢了可以再挣，人身安全永远放在第一位。", "讲座主讲人"),
                callout(
                    "emergency",
                    "被盗被抢之后",
                    "<p>尽快报警并取得报案证明，挂失银行卡，补办证件。需要协助时，联系中国驻当地使领馆或拨打 12308。</p>",
                ),
            ],
        },
        "en": {
            "title": "Lecture notes: ten habits against theft and robbery abroad",
            "summary": "At a “Consular Protection for All” lecture in the community, the speaker shared how to avoid theft and robbery abroad. Most happen at sights, stations and at night; these habits cut the risk a great deal.",
            "hero_image_alt": "",
            "body": [
                rich(
                    "<p>Notes from an expert lecture in the community. In many tourist cities, the speaker said, pickpocketing and bag "
                    "snatching aimed at visitors are common; tourists carrying cash and busy taking photos together are easy targets.</p>"
                ),
                heading("Ten habits"),
                rich(
                    "<ol><li>Carry little cash, split it up, and pay by card or phone.</li>"
                    "<li>Wear your bag in front; keep your phone out of back pockets and off café tables.</li>"
                    "<li>At sights, on the metro and at stations, watch out for people who start a chat, ask the way, want a signature or "
                    "“accidentally” spill something on you.</li>"
                    "<li>Do not count money in public or wear valuable jewellery.</li>"
                    "<li>Leave your passport in the hotel safe and carry a copy (unless local law says you must carry the original).</li>"
                    "<li>Avoid quiet streets alone at night.</li><li>Take licensed taxis or ride-hailing cars and check the number plate.</li>"
                    "<li>Lock doors and windows where you stay.</li><li>Do not argue with strangers or follow them to “fun places”.</li>"
                    "<li>If robbed, your life comes first: do not resist or give chase.</li></ol>"
                ),
                quote("Money can be earned again; your safety always comes first.", "The lecturer"),
                callout(
                    "emergency",
                    "After a theft or robbery",
                    "<p>Report it to the police and get a report, block your bank cards and replace your documents. If you need help, "
                    "contact the Chinese embassy or consulate or call 12308.</p>",
                ),
            ],
        },
    },
    {
        "slug": "health-abroad",
        "age": 41,
        "hero": "hero-health.png",
        "topics": ["health"],
        "audiences": ["travellers", "students", "employees"],
        "zh-hans": {
            "title": "出国健康：行前准备与海外就医",
            "summary": "出国前做一次体检，备好常用药，买一份包含医疗和紧急救援的保险；在国外生病受伤时，及时就医并保存好病历和单据。",
            "hero_image_alt": "一个红色十字，下方是一条心电图曲线。",
            "body": [
                heading("行前准备"),
                rich(
                    "<ul><li>了解目的地的传染病风险和入境卫生要求，部分国家要求出示黄热病疫苗接种证明；</li>"
                    "<li>带好常用药和个人处方药，并保留医生处方，最好有英文说明；</li>"
                    "<li>购买覆盖境外门诊、住院和紧急医疗转运的保险，记下保险公司的24小时救援电话；</li>"
                    "<li>患有慢性病的，出发前请咨询医生，确认行程安排是否合适。</li></ul>"
                ),
                heading("在国外生病受伤时"),
                rich(
                    "<p>紧急情况请拨打当地急救电话，例如欧盟各国为112，美国为911，英国为999，澳大利亚为000。"
                    "不紧急时，可以先联系保险公司，由其推荐合作医院。海外医疗费用可能很高，请保存好病历、诊断书和收据，以便理赔。</p>"
                ),
                callout(
                    "info",
                    "留意饮食和气候",
                    "<p>在热带地区注意防蚊、防晒和补水；喝瓶装水，生冷食物要谨慎。前往高原、极寒等特殊环境，请提前做好专门准备。</p>",
                ),
                faq(
                    "常见问题",
                    [
                        (
                            "使领馆能帮我支付医疗费吗？",
                            "<p>不能。医疗费用由本人承担，这正是需要购买保险的原因。使领馆可以提供医院信息，协助联系家人。</p>",
                        ),
                        (
                            "药品可以邮寄到国外吗？",
                            "<p>许多国家对药品进口和邮寄有严格规定，请事先向目的国海关查询，以免被扣留或受罚。</p>",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Health abroad: preparing and getting treatment",
            "summary": "Before you go, get a check-up, pack your usual medicines and buy insurance that covers medical care and emergency evacuation; if you fall ill or are injured abroad, see a doctor early and keep your records and receipts.",
            "hero_image_alt": "A red cross above the line of a heartbeat trace.",
            "body": [
                heading("Before you go"),
                rich(
                    "<ul><li>Find out about infectious diseases and health entry rules at your destination: some countries ask for proof "
                    "of yellow fever vaccination.</li>"
                    "<li>Pack your usual and prescription medicines with the prescription, ideally with an English explanation.</li>"
                    "<li>Buy insurance covering treatment, hospital stays and medical evacuation abroad, and note the insurer's 24-hour "
                    "assistance number.</li>"
                    "<li>If you have a long-term condition, ask your doctor whether your plans suit you.</li></ul>"
                ),
                heading("If you fall ill or are hurt"),
                rich(
                    "<p>In an emergency call the local number: 112 across the EU, 911 in the US, 999 in the UK, 000 in Australia. When it "
                    "is not urgent, call your insurer first: it can recommend a hospital it works with. Treatment abroad can be very "
                    "expensive: keep medical records, diagnoses and receipts for your claim.</p>"
                ),
                callout(
                    "info",
                    "Food and climate",
                    "<p>In the tropics, protect yourself from mosquitoes and the sun and drink enough; drink bottled water and be careful "
                    "with raw food. Prepare specially for high altitude or extreme cold.</p>",
                ),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "Can the embassy pay my medical bills?",
                            "<p>No. You pay for your own treatment, which is exactly why you need insurance. The embassy or consulate can "
                            "tell you about hospitals and help you contact your family.</p>",
                        ),
                        (
                            "Can medicines be posted to me abroad?",
                            "<p>Many countries strictly control imported and posted medicines: check with the destination's customs first, "
                            "or they may be held and you may be fined.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "emergency-card",
        "age": 47,
        "hero": None,
        "topics": ["personal-safety", "health"],
        "audiences": ["students", "travellers", "community"],
        "zh-hans": {
            "title": "紧急联系卡：出发前填好这张卡",
            "summary": "一张随身携带的紧急联系卡，能在您受伤、生病或手机丢失时，让别人迅速联系到您的家人和使领馆。",
            "hero_image_alt": "",
            "body": [
                rich(
                    "<p>手机没电、丢失，或者受伤无法说话时，一张纸质的紧急联系卡可能比任何应用都管用。"
                    "在校园行前培训和社区展览上，我们都会请大家当场填好这张卡。</p>"
                ),
                heading("卡上写什么"),
                rich(
                    "<ul><li>姓名（中英文）、血型、过敏史和正在服用的药物；</li>"
                    "<li>国内紧急联系人及电话（含国家代码 +86）；</li>"
                    "<li>在当地的住址，学校或单位的名称和电话；</li>"
                    "<li>中国驻当地使领馆的领事保护电话；</li><li>12308（境外拨打 +86-10-12308）；</li>"
                    "<li>保险公司名称、保单号和救援电话。</li></ul>"
                ),
                callout(
                    "info",
                    "小贴士",
                    "<p>把卡放在钱包里显眼的位置；在手机锁屏界面设置紧急联系人和医疗信息，并和国内家人分享您的行程。</p>",
                ),
                faq(
                    "常见问题",
                    [
                        (
                            "卡上要写护照号码吗？",
                            "<p>不建议。护照号码是敏感信息，可以保存在证件复印件里，与紧急联系卡分开存放。</p>",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "The emergency card: fill it in before you go",
            "summary": "An emergency card in your wallet lets others reach your family and the embassy or consulate quickly if you are hurt, ill or have lost your phone.",
            "hero_image_alt": "",
            "body": [
                rich(
                    "<p>When your phone is flat or lost, or you are hurt and cannot speak, a paper emergency card can do more than any app. "
                    "At campus pre-departure sessions and community exhibitions we ask everyone to fill one in on the spot.</p>"
                ),
                heading("What to write on it"),
                rich(
                    "<ul><li>Your name (in Chinese and English), blood group, allergies and the medicines you take;</li>"
                    "<li>an emergency contact in China and their number (with the country code +86);</li>"
                    "<li>your local address, and the name and number of your school or employer;</li>"
                    "<li>the consular protection number of the Chinese embassy or consulate;</li>"
                    "<li>12308 (from abroad +86-10-12308);</li><li>your insurer, policy number and assistance number.</li></ul>"
                ),
                callout(
                    "info",
                    "Tips",
                    "<p>Keep the card where it is easy to find in your wallet; set emergency contacts and medical details on your phone's "
                    "lock screen, and share your travel plans with your family.</p>",
                ),
                faq(
                    "Frequently asked questions",
                    [
                        (
                            "Should I write my passport number on it?",
                            "<p>Better not. Your passport number is sensitive: keep it with your document copies, apart from the card.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
    {
        "slug": "company-staff-abroad",
        "age": 53,
        "hero": None,
        "topics": ["personal-safety", "mental-health", "disasters-and-evacuation"],
        "audiences": ["employees"],
        "zh-hans": {
            "title": "走进企业：外派员工海外安全常见问题",
            "summary": "我们走进有海外业务的企业，了解需求并提供“服务包”。这里汇总了企业和外派员工最常问的问题：风险评估、应急预案、安全提醒等级和员工心理关怀。",
            "hero_image_alt": "",
            "body": [
                rich(
                    "<p>“服务包”包括：外派前安全培训、目的地安全形势介绍、应急预案编制指导，以及宣传册、视频和安全知识问答。"
                    "有需要的企业可以联系外事办公室预约“走进企业”活动。</p>"
                ),
                heading("企业应当做到"),
                rich(
                    "<ul><li>派员前评估项目所在地的安全风险，关注外交部和使领馆发布的安全提醒；</li>"
                    "<li>为员工办理合法的工作签证和工作许可，购买境外人身意外和医疗保险；</li>"
                    "<li>制定应急预案，明确联络人，定期演练；</li>"
                    "<li>做好外派人员信息登记，与中国驻当地使领馆保持联系。</li></ul>"
                ),
                callout(
                    "warning",
                    "看清安全提醒等级",
                    "<p>安全提醒分为“注意安全”“谨慎前往”“暂勿前往”三个等级。对提醒为“暂勿前往”的国家或地区，请暂缓派员；"
                    "已在当地的人员要做好安全防护，必要时及时撤离。</p>",
                ),
                faq(
                    "企业常问",
                    [
                        (
                            "员工在海外遇到劳务纠纷怎么办？",
                            "<p>依法通过当地劳动部门或法律途径解决。使领馆可以提供当地律师信息，但不能代替企业或员工处理商业和劳务纠纷。</p>",
                        ),
                        (
                            "员工长期驻外、心理压力大，怎么办？",
                            "<p>安排合理的轮休和探亲，为员工提供心理咨询渠道，鼓励员工与家人保持联系；管理人员要留意员工的情绪变化。</p>",
                        ),
                        (
                            "当地局势突然动荡，怎么办？",
                            "<p>启动应急预案，减少外出，储备必要物资，与使领馆保持联系，按照安全提醒的建议安排撤离。</p>",
                        ),
                    ],
                ),
            ],
        },
        "en": {
            "title": "Company visits: common questions on staff safety abroad",
            "summary": "We visit companies with overseas operations to learn what they need and offer a “service package”. Here are the questions companies and their staff abroad ask most: risk assessment, emergency plans, safety reminder levels and staff wellbeing.",
            "hero_image_alt": "",
            "body": [
                rich(
                    "<p>The “service package” includes pre-departure safety training, briefings on destinations, guidance on emergency "
                    "plans, and brochures, videos and safety quizzes. Companies can contact the Foreign Affairs Office to book a visit.</p>"
                ),
                heading("What a company should do"),
                rich(
                    "<ul><li>Assess the risks where staff will work before sending them, and follow the safety reminders of the Ministry "
                    "of Foreign Affairs and the embassies and consulates.</li>"
                    "<li>Get proper work visas and permits, and accident and medical insurance abroad.</li>"
                    "<li>Write an emergency plan, name the contacts, and practise it regularly.</li>"
                    "<li>Keep a record of staff abroad and stay in touch with the Chinese embassy or consulate.</li></ul>"
                ),
                callout(
                    "warning",
                    "Know the reminder levels",
                    "<p>Safety reminders come in three levels: pay attention to safety, travel with caution, do not travel for now. Do "
                    "not send staff to a country or region marked “do not travel for now”; staff already there should take protective "
                    "measures and leave in time if needed.</p>",
                ),
                faq(
                    "Companies often ask",
                    [
                        (
                            "An employee abroad has an employment dispute. What now?",
                            "<p>Settle it through the local labour authorities or the courts. The embassy or consulate can give "
                            "information on local lawyers but cannot settle business or employment disputes for anyone.</p>",
                        ),
                        (
                            "Staff on long postings are under strain. What helps?",
                            "<p>Plan proper rest and home leave, offer access to counselling, encourage staff to keep in touch with their "
                            "families, and make sure managers notice changes in mood.</p>",
                        ),
                        (
                            "What if the situation in the country suddenly turns unstable?",
                            "<p>Start the emergency plan, limit movements, stock up on essentials, stay in touch with the embassy or "
                            "consulate, and evacuate as the safety reminders advise.</p>",
                        ),
                    ],
                ),
            ],
        },
    },
]

CASES = [
    {
        "slug": "metro-pickpocket-passport",
        "age": 5,
        "hero": "hero-metro.png",
        "country": "FR",
        "year": 2023,
        "topics": ["lost-documents", "personal-safety"],
        "audiences": ["students", "travellers"],
        "zh-hans": {
            "title": "留学生地铁上被盗护照，使馆指导补办证件",
            "summary": "一名刚到法国的留学生在地铁换乘时被盗，护照、银行卡和现金一起丢失。报警后，他在使馆指导下通过“中国领事”APP申请补发护照。",
            "hero_image_alt": "一列蓝色地铁列车，旁边是一个带警示标志的红色包。",
            "what_happened": "<p>一名研究生新生抵达法国的第二天，在地铁换乘时被几个人围住“问路”。走出车站后，他发现背包拉链被拉开，装有护照、银行卡和现金的钱包不见了。</p>",
            "what_went_wrong": "<p>护照原件、银行卡和现金放在同一个钱包里，背包背在身后；出国前也没有保存证件的复印件或照片。</p>",
            "how_help_came": "<p>他拨打 12308 后，值班人员告诉他先向警方报案、取得报案证明。中国驻法国大使馆指导他通过“中国领事”APP申请补发护照，并提醒他及时挂失银行卡，向当地移民部门咨询居留手续。</p>",
            "lessons": [
                "证件、银行卡和现金分开存放",
                "背包背在身前，遇到围拢过来“问路”的人提高警惕",
                "出国前保存证件复印件和电子照片",
                "证件丢失后先报警，取得报案证明",
            ],
        },
        "en": {
            "title": "A student's passport stolen on the metro: the embassy guides him through a new one",
            "summary": "A student who had just arrived in France was pickpocketed while changing trains: passport, bank cards and cash all gone. After reporting it to the police, he applied for a new passport through the China Consular Affairs app with the embassy's guidance.",
            "hero_image_alt": "A blue metro train, next to a red bag with a warning sign.",
            "what_happened": "<p>On his second day in France, a new postgraduate student was surrounded by several people “asking the way” while changing metro lines. Outside the station he found his backpack open and his wallet, with his passport, bank cards and cash, gone.</p>",
            "what_went_wrong": "<p>His passport, cards and cash were all in one wallet, and the backpack was on his back; he had no copies or photos of his documents.</p>",
            "how_help_came": "<p>He called 12308, where the duty officer told him first to report the theft to the police and get a report. The Chinese Embassy in France guided him through applying for a new passport in the China Consular Affairs app, and reminded him to block his bank cards and ask the immigration office about his residence permit.</p>",
            "lessons": [
                "Keep documents, cards and cash in different places",
                "Wear your backpack in front; be wary of groups crowding round to “ask the way”",
                "Keep copies and photos of your documents before you leave",
                "After losing a document, report it to the police first and get a report",
            ],
        },
    },
    {
        "slug": "virtual-kidnapping",
        "age": 13,
        "hero": None,
        "country": "AU",
        "year": 2022,
        "topics": ["fraud-and-scams", "personal-safety"],
        "audiences": ["students", "community"],
        "zh-hans": {
            "title": "“虚拟绑架”：一通假警察电话，险些让家人付出“赎金”",
            "summary": "一名留学生接到自称“国内公安”的电话，被告知涉嫌犯罪，在对方操纵下切断了与外界的联系，并拍下“被绑”视频。国内家人收到视频后，险些支付巨额“赎金”。",
            "hero_image_alt": "",
            "what_happened": "<p>一名在澳大利亚读本科的学生接到电话，对方先冒充快递公司，再转接给自称国内公安的“警官”，称其身份信息被用于洗钱，要求其“配合秘密调查”。在对方一步步的要求下，学生退掉租住的房间，关闭社交账号，独自住进旅馆，并按指示拍下自己被捆绑的视频。随后，诈骗分子把视频发给学生在国内的父母，索要“赎金”。</p>",
            "what_went_wrong": "<p>学生相信了“秘密调查不能告诉任何人”的说法，主动切断了与家人和同学的联系；家人收到视频后，第一反应是筹钱转账。</p>",
            "how_help_came": "<p>家人在转账前拨打了 12308。值班人员判断这是典型的“虚拟绑架”骗局，建议家人暂停转账、向国内公安机关报案，同时协调中国驻当地总领事馆联系当地警方。当地警方当天找到了这名学生，确认其人身安全。</p>",
            "lessons": [
                "国内公检法机关不会通过电话办案，更不会要求“秘密配合”",
                "接到“涉嫌犯罪”的电话，先挂断，再向家人、学校或使领馆核实",
                "家人收到“绑架”信息，先设法联系当事人，同时报警、拨打 12308",
                "核实之前，绝不转账",
            ],
        },
        "en": {
            "title": "“Virtual kidnapping”: a fake police call nearly cost a family a “ransom”",
            "summary": "A student got a call from a supposed police officer in China saying he was under investigation. Step by step he was made to cut himself off and film himself “tied up”; his parents, sent the video, nearly paid a large “ransom”.",
            "hero_image_alt": "",
            "what_happened": "<p>An undergraduate in Australia got a call from a “courier company”, which put him through to a “police officer” in China. His identity, he was told, had been used for money laundering and he had to help with a “secret investigation”. Following instruction after instruction, he gave up his room, closed his social media accounts, checked into a hotel alone and filmed himself tied up. The scammers sent the video to his parents in China and demanded a ransom.</p>",
            "what_went_wrong": "<p>The student believed that a “secret investigation” meant telling no one, and cut himself off from family and friends; his parents' first thought on seeing the video was to raise the money.</p>",
            "how_help_came": "<p>Before paying, the parents called 12308. The duty officer recognised a typical “virtual kidnapping” scam, advised them to hold off paying and report it to the police in China, and asked the Chinese consulate general to contact the local police, who found the student safe the same day.</p>",
            "lessons": [
                "The police in China do not handle cases by phone or ask for “secret cooperation”",
                "Told by phone you are a suspect? Hang up, then check with family, your school or the embassy",
                "Families sent a “kidnapping” message: try to reach the person, call the police and 12308",
                "Never pay before checking",
            ],
        },
    },
    {
        "slug": "student-under-pressure",
        "age": 21,
        "hero": None,
        "country": "GB",
        "year": 2021,
        "topics": ["mental-health"],
        "audiences": ["students", "community"],
        "zh-hans": {
            "title": "论文压力下“失联”一周：室友和学校伸出援手",
            "summary": "一名硕士留学生因论文压力，一连多天不出门、不回消息，国内父母联系不上。室友察觉异常，陪他去了学校的心理咨询中心，他及时得到了帮助。",
            "hero_image_alt": "",
            "what_happened": "<p>一名在英国攻读一年制硕士的学生，临近论文截止时几门课程成绩不理想，担心不能按期毕业。他一连一周不出门、不上课，也不回复家人和同学的消息，国内父母十分着急。</p>",
            "what_went_wrong": "<p>他觉得“说出来很丢人”，没有把压力告诉任何人，也不知道学校有免费的心理咨询；父母只知道孩子的电话号码，没有室友和学校的联系方式。</p>",
            "how_help_came": "<p>父母拨打 12308 求助。值班人员建议他们联系学校，并请中国驻英国大使馆教育处与校方沟通。与此同时，室友察觉到异常，陪他去了学校的心理咨询中心。学校为他安排了心理辅导，并按程序办理了论文延期。</p>",
            "lessons": [
                "情绪低落持续两周以上，要主动求助",
                "出国前了解学校的心理咨询和学生支持服务",
                "家长留好孩子室友和学校的联系方式",
                "学业可以调整，健康和生命最重要",
            ],
        },
        "en": {
            "title": "A week out of touch under thesis pressure: a flatmate and the university step in",
            "summary": "Under pressure over his thesis, a master's student stayed in for days and stopped answering messages; his parents could not reach him. His flatmate noticed and took him to the university's counselling service, where he got help in time.",
            "hero_image_alt": "",
            "what_happened": "<p>A student on a one-year master's course in the UK had poor marks in several modules as his thesis deadline approached, and feared he would not graduate on time. For a week he did not leave his room or go to class, and answered no messages from family or friends. His parents in China were frantic.</p>",
            "what_went_wrong": "<p>He felt it would be shameful to talk about it, told no one, and did not know the university offered free counselling; his parents had only his phone number, not his flatmates' or the university's.</p>",
            "how_help_came": "<p>His parents called 12308. The duty officer advised them to contact the university and asked the Education Section of the Chinese Embassy in the UK to get in touch with it. Meanwhile his flatmate noticed something was wrong and went with him to the counselling service. The university arranged counselling and, following its procedures, an extension for his thesis.</p>",
            "lessons": [
                "If you have felt low for more than two weeks, ask for help",
                "Before you go, find out about your university's counselling and student support",
                "Parents: keep contact details for your child's flatmates and university",
                "Studies can be rearranged; health and life matter most",
            ],
        },
    },
    {
        "slug": "island-scooter-crash",
        "age": 27,
        "hero": "hero-scooter.png",
        "country": "TH",
        "year": 2024,
        "topics": ["traffic", "health"],
        "audiences": ["travellers"],
        "zh-hans": {
            "title": "无证骑摩托车摔伤，保险拒赔，医疗费全部自付",
            "summary": "两名游客在海岛租摩托车出游，在弯道上摔伤。因为没有当地认可的驾驶资格，保险公司拒绝理赔，医疗费用只能自己承担。",
            "hero_image_alt": "公路上的一辆红色摩托车，旁边是一顶黄色头盔。",
            "what_happened": "<p>两名游客在泰国一座海岛上租了一辆摩托车环岛游。雨后路面湿滑，车辆在一处下坡弯道侧滑，骑车人手臂骨折，同伴膝盖擦伤，两人被送往当地一家私立医院治疗。</p>",
            "what_went_wrong": "<p>两人都没有摩托车驾驶资格和当地认可的驾驶证件，也没有戴头盔；他们购买的旅游保险规定，无证驾驶造成的伤害不予理赔。租车时，他们也没有检查车况。</p>",
            "how_help_came": "<p>同伴拨打 12308 后，中国驻当地总领事馆提供了医院和翻译服务的信息，协助联系了国内家属，并提醒他们与医院沟通费用，保存好病历和单据。医疗费用由当事人自行承担。</p>",
            "lessons": [
                "没有驾驶资格不骑摩托车，骑行必须戴头盔",
                "买保险前看清除外条款",
                "雨天和山路放慢速度",
                "租车前检查车况，拍照留证",
            ],
        },
        "en": {
            "title": "No licence, a scooter crash, and insurance that would not pay",
            "summary": "Two tourists hired a scooter on an island and crashed on a bend. Because they had no licence recognised there, their insurer refused to pay and they had to cover the medical bills themselves.",
            "hero_image_alt": "A red motor scooter on a road, next to a yellow helmet.",
            "what_happened": "<p>Two tourists hired a motor scooter to ride round an island in Thailand. After rain the road was slippery; on a downhill bend the scooter slid, the rider broke an arm and the passenger grazed a knee. Both were taken to a private hospital.</p>",
            "what_went_wrong": "<p>Neither had a motorcycle licence or any licence recognised locally, and neither wore a helmet; their travel insurance excluded injuries from riding without a licence. They had not checked the scooter before hiring it.</p>",
            "how_help_came": "<p>The passenger called 12308. The Chinese consulate general gave them information on hospitals and interpreters, helped them reach their families, and advised them to discuss costs with the hospital and keep all medical records and receipts. The medical costs were theirs to pay.</p>",
            "lessons": [
                "Do not ride a motorbike without a licence; always wear a helmet",
                "Read the exclusions before you buy insurance",
                "Slow down in the rain and on hill roads",
                "Check a hired vehicle and photograph it before you ride",
            ],
        },
    },
    {
        "slug": "earthquake-family-trip",
        "age": 33,
        "hero": "hero-disaster.png",
        "country": "JP",
        "year": 2024,
        "topics": ["disasters-and-evacuation"],
        "audiences": ["travellers", "community"],
        "zh-hans": {
            "title": "旅途中遇到强烈地震：一家三口安全避险",
            "summary": "一家三口在日本自由行时遇到强烈地震。因为提前下载了预警应用、了解了避难场所，他们在余震中安全撤离，并及时向国内家人报了平安。",
            "hero_image_alt": "海浪涌向岸边，山坡高处有一座房子，一个箭头指向高处。",
            "what_happened": "<p>一家三口自由行期间，夜里在酒店遇到强烈地震，手机同时响起地震预警。酒店广播通知住客前往附近的指定避难场所。部分铁路暂停运行，返程航班也受到影响。</p>",
            "what_went_wrong": "<p>这次他们做得不错，但也有可以改进的地方：药品和充电宝放在行李箱深处，撤离时来不及拿；家人之间没有约定走散后的集合地点。</p>",
            "how_help_came": "<p>他们在“中国领事”APP上看到了中国驻日本使领馆发布的安全提醒，了解了交通恢复情况和注意事项。12308 值班人员提醒他们关注余震和海啸预警，等交通恢复后再安排返程。</p>",
            "lessons": [
                "出发前下载当地的官方预警应用，了解住处附近的避难场所",
                "随身小包放好证件、药品、充电宝和少量现金",
                "和家人约定走散后的集合地点",
                "安全后第一时间报平安",
            ],
        },
        "en": {
            "title": "A strong earthquake on holiday: a family gets to safety",
            "summary": "A family of three travelling in Japan was caught by a strong earthquake. Having installed the warning app and learned where the shelters were, they got out safely through the aftershocks and let their family at home know.",
            "hero_image_alt": "Waves rolling towards the shore, a house high on a hill and an arrow pointing uphill.",
            "what_happened": "<p>A family of three on an independent trip were in their hotel at night when a strong earthquake hit and their phones sounded the earthquake warning. The hotel told guests over the speakers to go to a nearby designated shelter. Some train lines stopped and their flight home was affected.</p>",
            "what_went_wrong": "<p>They did well, but could have done better: their medicines and power bank were deep in a suitcase and left behind, and they had not agreed where to meet if they got separated.</p>",
            "how_help_came": "<p>In the China Consular Affairs app they read the safety reminder from the Chinese embassy and consulates in Japan, with news on transport and what to watch out for. The 12308 duty officer reminded them to watch for aftershock and tsunami warnings and to travel home once transport was running again.</p>",
            "lessons": [
                "Before you go, install the local official warning app and find the shelters near where you stay",
                "Keep documents, medicines, a power bank and some cash in a small bag",
                "Agree with your family where to meet if you get separated",
                "Once safe, tell your family straight away",
            ],
        },
    },
    {
        "slug": "undeclared-cash",
        "age": 39,
        "hero": None,
        "country": "DE",
        "year": 2019,
        "topics": ["entry-and-exit", "detention-and-legal-trouble"],
        "audiences": ["employees", "travellers"],
        "zh-hans": {
            "title": "入境未申报大额现金，被海关暂扣并罚款",
            "summary": "一名企业员工入境德国时随身携带超过1万欧元现金，没有按规定申报，现金被海关暂扣，本人被处以罚款，行程也受到耽误。",
            "hero_image_alt": "",
            "what_happened": "<p>一名企业员工赴德国参加展会，为了支付展位费用，随身带了约1.5万欧元现金。入境时他走了“无申报通道”，被海关抽查发现。</p>",
            "what_went_wrong": "<p>他不知道进出欧盟携带1万欧元及以上现金必须申报，以为“自己的钱不用申报”；公司在行前培训中也没有提醒这一规定，而这笔费用本可以通过银行转账支付。</p>",
            "how_help_came": "<p>他联系了中国驻当地总领事馆。领事官员向他介绍了当地海关的相关规定和申诉途径，提供了当地律师名单，提醒他配合调查、如实说明资金来源，并说明使领馆不能干预海关依法处理。他提供资金来源证明并缴纳罚款后，取回了现金。</p>",
            "lessons": [
                "进出欧盟携带1万欧元及以上现金须申报",
                "大额费用尽量通过银行转账支付",
                "拿不准时，主动走申报通道询问",
                "企业行前培训应包括目的地的海关规定",
            ],
        },
        "en": {
            "title": "Undeclared cash at the border: held by customs, and a fine",
            "summary": "An employee entering Germany carried more than 10,000 euros in cash without declaring it. Customs held the money and fined him, and his trip was delayed.",
            "hero_image_alt": "",
            "what_happened": "<p>An employee travelling to a trade fair in Germany carried about 15,000 euros in cash to pay for the company's stand. He walked through the “nothing to declare” channel and was stopped for a customs check.</p>",
            "what_went_wrong": "<p>He did not know that cash of 10,000 euros or more must be declared when entering or leaving the EU, and thought his own money needed no declaration; the company's pre-departure briefing had not mentioned it, and the fee could have been paid by bank transfer.</p>",
            "how_help_came": "<p>He contacted the Chinese consulate general. A consular officer explained the customs rules and how to appeal, gave him a list of local lawyers, advised him to cooperate and explain truthfully where the money came from, and made clear that the consulate could not interfere with customs acting under the law. He recovered the cash after proving its source and paying the fine.</p>",
            "lessons": [
                "Declare cash of 10,000 euros or more when entering or leaving the EU",
                "Pay large sums by bank transfer where you can",
                "When unsure, go to the declaration channel and ask",
                "Companies' pre-departure training should cover the destination's customs rules",
            ],
        },
    },
    {
        "slug": "atm-card-swap",
        "age": 45,
        "hero": "hero-cash-machine.png",
        "country": "ZA",
        "year": 2020,
        "topics": ["fraud-and-scams", "personal-safety"],
        "audiences": ["employees", "travellers"],
        "zh-hans": {
            "title": "取款机前的“热心人”：银行卡被调包盗刷",
            "summary": "一名在海外项目工作的工程师在取款机前接受了陌生人的“帮助”，银行卡被调包、密码被偷看，账户随即被盗刷。",
            "hero_image_alt": "一台取款机，一只手遮住键盘，旁边是一张红色银行卡。",
            "what_happened": "<p>一名在南非项目工作的工程师在商场外的取款机取钱，机器提示“卡片未退出”。旁边一名男子主动上前“指导”他重新输入密码，随后说机器坏了，让他去找银行。工程师离开后不久，手机就收到了多笔取款短信。</p>",
            "what_went_wrong": "<p>他在无人值守的取款机取款，输入密码时没有遮挡，还接受了陌生人的“帮助”；一时也找不到银行的挂失电话。</p>",
            "how_help_came": "<p>他通过国内银行的客服冻结了银行卡，并向当地警方报案。企业的安全联络人联系了中国驻南非大使馆，使馆提醒他保留报案证明和交易记录，用于向银行申请调查，并在安全提醒中提示在当地的中国公民警惕此类骗局。</p>",
            "lessons": [
                "尽量在银行营业厅内或有保安的取款机取款",
                "输入密码时用手遮挡，不接受陌生人“帮忙”",
                "卡被吞时就地联系银行，不要离开",
                "出国前记下银行的挂失电话",
            ],
        },
        "en": {
            "title": "A “helpful” stranger at the cash machine: a swapped card and an emptied account",
            "summary": "An engineer working on a project abroad accepted a stranger's “help” at a cash machine; his card was swapped, his PIN watched, and money was taken from his account.",
            "hero_image_alt": "A cash machine with a hand covering the keypad, next to a red bank card.",
            "what_happened": "<p>An engineer on a project in South Africa was taking out money at a machine outside a shopping centre when it said his card had not been returned. A man next to him offered to help, watched him enter his PIN again, then said the machine was broken and he should go to the bank. Soon after, text messages reported several withdrawals.</p>",
            "what_went_wrong": "<p>He used an unattended machine, did not cover the keypad and accepted help from a stranger; and he could not quickly find his bank's number to block the card.</p>",
            "how_help_came": "<p>He blocked the card through his bank's customer service in China and reported the theft to the local police. His company's security contact told the Chinese Embassy in South Africa, which advised him to keep the police report and transaction records for his claim with the bank, and warned Chinese citizens there about the scam in a safety reminder.</p>",
            "lessons": [
                "Use cash machines inside banks or with security staff nearby",
                "Cover the keypad and accept no help from strangers",
                "If the machine keeps your card, call the bank on the spot and do not walk away",
                "Note your bank's card-blocking number before you go",
            ],
        },
    },
    {
        "slug": "appendicitis-exchange-student",
        "age": 50,
        "hero": None,
        "country": "US",
        "year": 2025,
        "topics": ["health"],
        "audiences": ["students"],
        "zh-hans": {
            "title": "交换生突发急性阑尾炎：医疗保险派上了用场",
            "summary": "一名交换生在美国突发急性阑尾炎，住院做了手术。因为出国前按学校要求购买了医疗保险，大部分费用由保险支付。",
            "hero_image_alt": "",
            "what_happened": "<p>一名在美国交换学习的本科生夜里腹痛难忍，室友帮她拨打了911，救护车把她送到医院，确诊为急性阑尾炎，当天做了手术。</p>",
            "what_went_wrong": "<p>腹痛刚开始时，她以为只是“吃坏了肚子”，拖了一整天才就医；手机里没有保存保险卡信息，在急诊登记时耽误了一些时间。</p>",
            "how_help_came": "<p>学校的国际学生办公室协助她联系了保险公司。她的父母拨打 12308 后，值班人员请中国驻当地总领事馆与学校取得联系，及时向父母反馈了她的治疗情况。住院和手术费用大部分由保险支付。</p>",
            "lessons": [
                "出国前购买覆盖住院和手术的医疗保险",
                "把保险卡信息存在手机里，也放一份在钱包里",
                "身体不适及早就医，不要硬扛",
                "记住当地急救电话：美国是 911",
            ],
        },
        "en": {
            "title": "Appendicitis on an exchange year: the health insurance paid off",
            "summary": "An exchange student in the United States had acute appendicitis and needed an operation. She had bought the health insurance her university required, so most of the bill was covered.",
            "hero_image_alt": "",
            "what_happened": "<p>An undergraduate on an exchange year in the United States woke at night with severe stomach pain. Her flatmate called 911, an ambulance took her to hospital, and she was diagnosed with acute appendicitis and operated on the same day.</p>",
            "what_went_wrong": "<p>At first she thought it was something she had eaten and waited a whole day before seeing a doctor; her insurance card details were not on her phone, which slowed her registration in the emergency department.</p>",
            "how_help_came": "<p>The university's international student office helped her contact the insurer. Her parents called 12308, and the duty officer asked the Chinese consulate general to contact the university, so the parents were kept informed about her treatment. Insurance paid most of the hospital and surgery costs.</p>",
            "lessons": [
                "Buy health insurance that covers hospital stays and surgery before you go",
                "Keep your insurance card details on your phone and a copy in your wallet",
                "See a doctor early when you feel unwell",
                "Know the local emergency number: 911 in the US",
            ],
        },
    },
]

BROCHURES = [
    {
        "slug": "travel-safety-brochure",
        "age": 8,
        "pdf": "brochure-travel-safety.pdf",
        "cover": "cover-travel-safety.png",
        "hero": "hero-brochure-travel-safety.png",
        "language": "bilingual",
        "topics": ["personal-safety", "entry-and-exit", "traffic", "health"],
        "audiences": ["travellers", "community"],
        "zh-hans": {
            "title": "海外安全出行手册（中英双语）",
            "summary": "四页小册子：出行前准备、在海外的安全常识、紧急情况怎么办，以及领事保护能做什么、不能做什么。",
            "hero_image_alt": "宣传册封面：海外安全出行手册。",
            "document_title": "海外安全出行手册（中英双语）",
            "description": "<p>中英双语，适合在社区展览和讲座现场发放，也可以下载后自行打印（A5 纸张）。</p>",
        },
        "en": {
            "title": "Travel safety abroad (Chinese and English)",
            "summary": "A four-page leaflet: getting ready, staying safe abroad, what to do in an emergency, and what consular protection can and cannot do.",
            "hero_image_alt": "Brochure cover: travel safety abroad.",
            "description": "<p>In Chinese and English, for community exhibitions and lectures; download and print it yourself on A5 paper.</p>",
        },
    },
    {
        "slug": "study-abroad-brochure",
        "age": 17,
        "pdf": "brochure-study-abroad.pdf",
        "cover": "cover-study-abroad.png",
        "hero": "hero-brochure-study-abroad.png",
        "language": "zh-hans",
        "topics": ["personal-safety", "mental-health", "fraud-and-scams"],
        "audiences": ["students"],
        "zh-hans": {
            "title": "出国留学安全指南",
            "summary": "校园行前培训的配套资料：出发前的准备、保管好证件、防范诈骗、心理健康和紧急求助。",
            "hero_image_alt": "宣传册封面：出国留学安全指南。",
            "document_title": "出国留学安全指南",
            "description": "<p>三页，中文。发给即将出国的同学和家长，也适合在行前培训课上使用。</p>",
        },
        "en": {
            "title": "Study abroad safety guide (in Chinese)",
            "summary": "The handout for campus pre-departure sessions: getting ready, keeping documents safe, avoiding scams, mental health and getting help in an emergency.",
            "hero_image_alt": "Brochure cover: study abroad safety guide.",
            "description": "<p>Three pages, in Chinese. For students about to leave and their parents, and for pre-departure classes.</p>",
        },
    },
    {
        "slug": "company-staff-brochure",
        "age": 29,
        "pdf": "brochure-company-staff.pdf",
        "cover": "cover-company-staff.png",
        "hero": "hero-brochure-company-staff.png",
        "language": "bilingual",
        "topics": ["personal-safety", "disasters-and-evacuation"],
        "audiences": ["employees"],
        "zh-hans": {
            "title": "企业外派人员海外安全（服务包资料）",
            "summary": "“走进企业”服务包的介绍：外办能为企业提供什么，企业应当为外派员工做到什么。",
            "hero_image_alt": "宣传册封面：企业外派人员海外安全。",
            "document_title": "企业外派人员海外安全（服务包资料）",
            "description": "<p>两页，中英双语。供企业人事和安全负责人参考，可在员工行前培训时发放。</p>",
        },
        "en": {
            "title": "Overseas safety for company staff (service package)",
            "summary": "The company “service package” in brief: what the Foreign Affairs Office offers, and what a company should do for staff it sends abroad.",
            "hero_image_alt": "Brochure cover: overseas safety for company staff.",
            "description": "<p>Two pages, in Chinese and English. For HR and security managers, and to hand out at staff pre-departure training.</p>",
        },
    },
]

VIDEOS = [
    {
        "slug": "remember-12308",
        "age": 2,
        "video": "video-12308.mp4",
        "poster": "poster-12308.png",
        "width": 480,
        "height": 270,
        "duration": 6.0,
        "topics": ["personal-safety"],
        "audiences": ["community", "travellers", "students", "employees"],
        "zh-hans": {
            "title": "记住这个号码：12308",
            "summary": "六秒钟的小视频：在海外遇到紧急情况，拨打 12308，境外拨打 +86-10-12308。",
            "hero_image_alt": "红色背景上有一部白色手机，旁边是大字 12308 和 +86-10-12308。",
            "media_title": "演示视频 · 记住 12308 Demo video: remember 12308",
            "captions": "captions-12308.zh-hans.vtt",
            "captions_title": "字幕（中文）· 记住 12308",
            "transcript": "<p>在海外遇到紧急情况？请拨打外交部全球领事保护与服务应急呼叫中心 12308。境外拨打 +86-10-12308，24 小时有人接听。</p>",
        },
        "en": {
            "title": "Remember this number: 12308",
            "summary": "A six-second clip: in an emergency abroad, call 12308; from abroad, dial +86-10-12308.",
            "hero_image_alt": "A white phone on a red background, next to the number 12308 and +86-10-12308 in large type.",
            "captions": "captions-12308.en.vtt",
            "captions_title": "Captions (English) · Remember 12308",
            "transcript": "<p>In an emergency abroad? Call 12308, the Global Emergency Call Centre for Consular Protection and Services. From abroad, dial +86-10-12308. Someone answers 24 hours a day.</p>",
        },
    },
    {
        "slug": "three-things-before-you-go",
        "age": 12,
        "video": "video-three-things.mp4",
        "poster": "poster-three-things.png",
        "width": 480,
        "height": 270,
        "duration": 6.0,
        "topics": ["entry-and-exit", "health"],
        "audiences": ["travellers", "students"],
        "zh-hans": {
            "title": "出发前做好三件事",
            "summary": "六秒钟的小视频：出国登记、购买保险、填好紧急联系卡。",
            "hero_image_alt": "三张依次出现的卡片，编号 1、2、3：手机上的对勾、带十字的盾牌、一张联系卡。",
            "media_title": "演示视频 · 出发前三件事 Demo video: three things before you go",
            "captions": "captions-three-things.zh-hans.vtt",
            "captions_title": "字幕（中文）· 出发前三件事",
            "transcript": "<p>出发前，做好三件事。第一：在“中国领事”APP进行出国登记。第二：购买包含医疗和紧急救援的境外保险。第三：填好紧急联系卡，随身携带。</p>",
        },
        "en": {
            "title": "Three things to do before you go",
            "summary": "A six-second clip: register your trip, buy insurance, fill in an emergency card.",
            "hero_image_alt": "Three cards appearing one after another, numbered 1, 2 and 3: a tick on a phone, a shield with a cross, a contact card.",
            "captions": "captions-three-things.en.vtt",
            "captions_title": "Captions (English) · Three things before you go",
            "transcript": "<p>Three things to do before you go. One: register your trip in the China Consular Affairs app. Two: buy insurance that covers medical care and emergency evacuation. Three: fill in an emergency card and carry it with you.</p>",
        },
    },
]
