"""The demo question bank (quizzes/demo.py): real questions on consular protection, in both languages.

Each question: a stable slug (its translation key is derived from it), kind, topic slug (home/demo.py
TOPICS), difficulty, an optional "learn more" page (a slug under the demo "knowledge" index), the text
and explanation per language, and its choices as ``(correct, zh, en)`` or ``(correct, zh, en, zh
feedback, en feedback)``. Which choices are correct is written once, for every language.

The facts follow the Regulations on Consular Protection and Assistance (in force since 1 September
2023) and the demo articles in home/demo_content.py.
"""

# ruff: noqa: E501 - demo prose reads better unwrapped

from dataclasses import dataclass

from .models import Difficulty, QuestionKind

SINGLE, MULTIPLE, TRUE_FALSE = QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.TRUE_FALSE
EASY, MEDIUM, HARD = Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD


@dataclass(frozen=True)
class DemoQuestion:
    slug: str
    kind: str
    topic: str
    difficulty: int
    learn_more: str | None
    zh: tuple  # (text, explanation)
    en: tuple
    choices: tuple  # (correct, zh, en[, zh feedback, en feedback])


def true_false(answer, zh_feedback="", en_feedback=""):
    """The two choices of a true/false question; the feedback goes with the wrong one."""
    return (
        (answer, "正确", "True", "" if answer else zh_feedback, "" if answer else en_feedback),
        (not answer, "错误", "False", zh_feedback if answer else "", en_feedback if answer else ""),
    )


# --- Quiz 1: consular protection basics (fixed questions) ------------------------------------------

BASICS = [
    DemoQuestion(
        "hotline-from-abroad",
        SINGLE,
        "personal-safety",
        EASY,
        "remember-12308",
        (
            "在境外遇到紧急情况，想拨打外交部全球领事保护与服务应急呼叫中心，应该拨哪个号码？",
            "12308 在国内可以直接拨打；在境外要加国家和区号，拨打 +86-10-12308（或 0086-10-12308）。",
        ),
        (
            "You are abroad and in an emergency. Which number reaches the Global Emergency Call Centre for Consular Protection and Services?",
            "In China you dial 12308 directly; from abroad add the country and area codes: +86-10-12308 (or 0086-10-12308).",
        ),
        (
            (True, "+86-10-12308", "+86-10-12308"),
            (
                False,
                "12308（不加国家和区号）",
                "12308 (without country and area code)",
                "只拨 12308 在国内才能接通；在境外要拨 +86-10-12308。",
                "12308 alone works only inside China; from abroad dial +86-10-12308.",
            ),
            (
                False,
                "+86-10-12315",
                "+86-10-12315",
                "12315 是国内的消费者投诉热线，不是领事保护热线。",
                "12315 is China's consumer complaints line, not the consular protection hotline.",
            ),
        ),
    ),
    DemoQuestion(
        "hotline-hours",
        TRUE_FALSE,
        "personal-safety",
        EASY,
        "what-12308-can-do",
        (
            "12308 热线只在北京时间工作日的办公时间有人接听。",
            "12308 全年无休，24 小时有人接听。无论身处哪个时区，遇到紧急情况都可以随时拨打。",
        ),
        (
            "The 12308 hotline is answered only during office hours on working days, Beijing time.",
            "12308 is answered 24 hours a day, every day of the year. Whatever your time zone, you can call it in an emergency.",
        ),
        true_false(
            False,
            "12308 是 24 小时热线，节假日和夜间也有人接听。",
            "12308 is a 24-hour line, answered at night and on holidays too.",
        ),
    ),
    DemoQuestion(
        "embassy-can-help",
        MULTIPLE,
        "detention-and-legal-trouble",
        MEDIUM,
        "what-12308-can-do",
        (
            "下列哪些是中国驻外使领馆可以为中国公民提供的协助？（多选）",
            "使领馆可以协助联系国内亲属，提供当地律师、翻译和医院等信息，为证件遗失的公民补发护照或签发旅行证。住宿、机票等费用由当事人自己承担，使领馆也不能代办当地的签证、居留和工作许可。",
        ),
        (
            "Which of these can a Chinese embassy or consulate do for a Chinese citizen? (Choose all that apply.)",
            "The embassy can help you contact your family, give you names of local lawyers, interpreters and hospitals, and issue a new passport or a travel document when yours is lost. You pay your own hotel and tickets, and the embassy cannot get you local visas, residence or work permits.",
        ),
        (
            (True, "协助联系国内的家人", "Help you contact your family in China"),
            (
                True,
                "提供当地律师、翻译和医院的信息",
                "Give you names of local lawyers, interpreters and hospitals",
            ),
            (
                True,
                "为护照遗失的公民补发护照或签发旅行证",
                "Issue a new passport or a travel document when yours is lost",
            ),
            (
                False,
                "替当事人支付酒店和机票费用",
                "Pay your hotel and plane tickets",
                "领事保护与协助中产生的费用由当事人自己承担。",
                "The costs of consular assistance are paid by the person helped.",
            ),
            (
                False,
                "为当事人办理当地的工作许可",
                "Get you a local work permit",
                "签证、居留和工作许可由驻在国主管部门审批，使领馆不能代办。",
                "Visas, residence and work permits are issued by the host country; the embassy cannot obtain them for you.",
            ),
        ),
    ),
    DemoQuestion(
        "release-from-jail",
        TRUE_FALSE,
        "detention-and-legal-trouble",
        MEDIUM,
        "rights-in-detention",
        (
            "中国公民在国外因涉嫌违法被捕，使领馆可以出面要求当地警方或法院放人。",
            "使领馆不能干涉驻在国的司法程序，也不能帮您获释或减刑。它可以探视被拘押的公民，要求当地依法公正处理，保障当事人的合法权益和人道主义待遇。",
        ),
        (
            "If a Chinese citizen is arrested abroad on suspicion of an offence, the embassy can ask the local police or court to let them go.",
            "The embassy cannot interfere in the host country's justice or get you released or your sentence cut. It can visit detained citizens, urge the authorities to handle the case fairly and by law, and see that your lawful rights and humane treatment are respected.",
        ),
        true_false(
            False,
            "使领馆不能干涉当地司法，不能把人“捞出来”。",
            "The embassy cannot interfere in local justice or get anyone out of jail.",
        ),
    ),
    DemoQuestion(
        "rights-when-detained",
        MULTIPLE,
        "detention-and-legal-trouble",
        HARD,
        "rights-in-detention",
        (
            "在海外被警方拘留时，下列哪些做法是正确的？（多选）",
            "根据《维也纳领事关系公约》，您有权要求拘押机关通知中国使领馆；可以要求由律师代理，必要时获得翻译；看不懂的文件不要签字。请冷静配合执法，使领馆可以提供律师名单，但不能担任您的律师。",
        ),
        (
            "You are detained by the police abroad. Which of these are right? (Choose all that apply.)",
            "Under the Vienna Convention on Consular Relations you can ask that the Chinese embassy or consulate be told; you can ask for a lawyer and, if needed, an interpreter; do not sign what you do not understand. Stay calm and cooperate. The embassy can give you a list of lawyers but cannot act as your lawyer.",
        ),
        (
            (
                True,
                "要求拘押机关通知中国驻当地使领馆",
                "Ask the authorities to tell the Chinese embassy or consulate",
            ),
            (True, "在弄懂内容之前，不在任何文件上签字", "Sign nothing until you understand it"),
            (True, "要求由律师代理，需要时获得翻译", "Ask for a lawyer and, if needed, an interpreter"),
            (
                False,
                "与警察争执，拒不配合",
                "Argue with the police and refuse to cooperate",
                "对抗执法只会让情况更糟。保持冷静，通过合法途径维护权利。",
                "Resisting makes things worse. Stay calm and defend your rights through lawful means.",
            ),
            (
                False,
                "请使领馆官员担任自己的辩护律师",
                "Ask a consular officer to be your defence lawyer",
                "使领馆不提供法律服务，但可以提供当地律师名单供您选择。",
                "The embassy does not give legal services, but it can give you a list of local lawyers.",
            ),
        ),
    ),
    DemoQuestion(
        "consular-visit",
        SINGLE,
        "detention-and-legal-trouble",
        MEDIUM,
        "rights-in-detention",
        (
            "使领馆得知一名中国公民在当地被拘押后，通常会怎么做？",
            "使领馆会视情况探视当事人或与其通话，了解其健康状况和所受待遇，要求当地有关部门依法公正处理，并应当事人要求通知其家人。保释金、律师费和罚款由当事人自己承担。",
        ),
        (
            "When the embassy learns that a Chinese citizen has been detained, what does it usually do?",
            "Where it can, the embassy visits or phones the person, checks on their health and treatment, urges the authorities to handle the case fairly and by law, and tells their family if they wish. Bail, lawyers' fees and fines are paid by the person.",
        ),
        (
            (
                True,
                "探视或与当事人通话，了解其状况，敦促当地依法公正处理",
                "Visit or phone the person, check on them, and urge a fair, lawful process",
            ),
            (
                False,
                "替当事人缴纳保释金",
                "Pay the person's bail",
                "使领馆不能替当事人支付保释金、律师费或罚款。",
                "The embassy cannot pay bail, lawyers' fees or fines.",
            ),
            (
                False,
                "派领事官员出庭为当事人辩护",
                "Send a consular officer to defend the person in court",
                "领事官员不能担任律师，也不能参与诉讼。",
                "Consular officers are not lawyers and do not take part in proceedings.",
            ),
            (
                False,
                "不予过问，由家属自行处理",
                "Nothing: it is for the family to deal with",
                "使领馆会关注被拘押中国公民的合法权益和人道主义待遇。",
                "The embassy looks after detained citizens' lawful rights and humane treatment.",
            ),
        ),
    ),
    DemoQuestion(
        "lost-passport-first-step",
        SINGLE,
        "lost-documents",
        EASY,
        "lost-passport",
        (
            "护照在国外被盗或丢失，通常第一步应该做什么？",
            "先向当地警方报案并取得报案证明，再通过“中国领事”APP或向中国驻当地使领馆申请补发护照或旅行证。不要轻信声称能“加急代办”的中介。",
        ),
        (
            "Your passport is stolen or lost abroad. What is usually the first thing to do?",
            "Report it to the local police and get a police report, then apply for a new passport or a travel document through the China Consular Affairs app or at the Chinese embassy or consulate. Do not trust agents who promise to “speed it up”.",
        ),
        (
            (True, "向当地警方报案并取得报案证明", "Report it to the local police and get a police report"),
            (
                False,
                "直接去机场，凭身份证登机回国",
                "Go to the airport and fly home on your ID card",
                "出入境需要有效的护照或旅行证，身份证不能用于国际航班。",
                "International flights need a valid passport or travel document; an ID card is not enough.",
            ),
            (
                False,
                "在网上找中介“加急代办”新护照",
                "Find an online agent to “fast-track” a new passport",
                "护照只能由使领馆签发，“代办”中介可能是骗局。",
                "Only the embassy or consulate issues passports; such agents may be scams.",
            ),
        ),
    ),
    DemoQuestion(
        "travel-document",
        SINGLE,
        "lost-documents",
        MEDIUM,
        "lost-passport",
        (
            "护照在国外丢失，又急着回国，可以向中国驻当地使领馆申请什么证件？",
            "急于回国的，可以申请《中华人民共和国旅行证》，持旅行证回国；继续在当地学习、工作的，可以申请补发护照。所需材料和办理时间以使领馆公布为准。",
        ),
        (
            "You have lost your passport abroad and need to get home soon. What can you apply for at the Chinese embassy or consulate?",
            "If you need to go home soon, apply for a Travel Document of the People's Republic of China and travel home on it; if you stay to study or work, apply for a new passport. The embassy's website lists the papers and times.",
        ),
        (
            (True, "中华人民共和国旅行证", "A Travel Document of the People's Republic of China"),
            (False, "往来港澳通行证", "An Exit-Entry Permit for Hong Kong and Macao"),
            (
                False,
                "驻在国的居留许可",
                "A residence permit of the host country",
                "居留许可由驻在国签发，不能代替护照出入境。",
                "A residence permit is issued by the host country and does not replace a passport.",
            ),
        ),
    ),
    DemoQuestion(
        "embassy-cannot-do",
        MULTIPLE,
        "detention-and-legal-trouble",
        HARD,
        "what-12308-can-do",
        (
            "下列哪些事情，使领馆不能替您做？（多选）",
            "使领馆不能替您支付罚款、住宿、交通和医疗费用，不能为您订酒店、买机票，也不能代办签证延期或工作许可。遇到意外时协助通知国内亲属，敦促当地警方依法处理案件，都是使领馆可以做的。",
        ),
        (
            "Which of these can the embassy NOT do for you? (Choose all that apply.)",
            "The embassy cannot pay your fines, hotel, travel or medical bills, book hotels or flights for you, or get you a visa extension or a work permit. Telling your family after an accident and urging the police to handle your case by law are things it can do.",
        ),
        (
            (True, "替您缴纳罚款", "Pay your fine"),
            (True, "替您预订酒店和机票", "Book your hotel and flights"),
            (True, "替您办理签证延期和工作许可", "Get you a visa extension or a work permit"),
            (
                False,
                "您遭遇意外时，协助通知国内亲属",
                "Help tell your family in China after an accident",
                "这是使领馆可以做的：协助联系家人。",
                "The embassy can do this: help you reach your family.",
            ),
            (
                False,
                "敦促当地警方依法处理您报的案件",
                "Urge the local police to handle the case you reported by law",
                "这是使领馆可以做的：敦促驻在国有关部门依法公正处理。",
                "The embassy can do this: urge the authorities to handle it fairly and by law.",
            ),
        ),
    ),
    DemoQuestion(
        "disaster-help",
        SINGLE,
        "disasters-and-evacuation",
        MEDIUM,
        "natural-disasters",
        (
            "驻在国发生强烈地震等重大自然灾害时，中国驻当地使领馆会做什么？",
            "使领馆会发布安全提醒，了解中国公民受影响的情况，必要时协助撤离。请听从当地政府的疏散安排，关注使领馆官网、微信公众号和 12308 发布的信息，平安后及时告诉家人。",
        ),
        (
            "A major earthquake or other disaster strikes the country you are in. What will the Chinese embassy or consulate do?",
            "The embassy issues safety reminders, finds out how Chinese citizens are affected and, if needed, helps them leave. Follow the local authorities' evacuation orders, watch the embassy's website, WeChat account and 12308, and tell your family once you are safe.",
        ),
        (
            (
                True,
                "发布安全提醒，了解受影响情况，必要时协助撤离",
                "Issue safety reminders, check who is affected, and help people leave if needed",
            ),
            (
                False,
                "赔偿中国公民在灾害中的财产损失",
                "Pay Chinese citizens for what they lost in the disaster",
                "使领馆不承担财产损失赔偿，这正是需要购买保险的原因之一。",
                "The embassy does not pay for lost property; that is one reason to buy insurance.",
            ),
            (
                False,
                "要求当地政府给予中国公民优于当地人的待遇",
                "Demand better treatment for Chinese citizens than for local people",
                "使领馆可以要求依法妥善处理，但不能为您争取优于当地人的待遇。",
                "The embassy can ask for proper, lawful treatment, not better treatment than local people get.",
            ),
        ),
    ),
    DemoQuestion(
        "who-pays",
        TRUE_FALSE,
        "health",
        MEDIUM,
        "health-abroad",
        (
            "领事保护与协助过程中产生的住宿、交通、医疗等费用，由当事人自己承担。",
            "2023 年 9 月 1 日起施行的《中华人民共和国领事保护与协助条例》明确，领事保护与协助过程中产生的费用由当事人承担。使领馆可以提供医院信息、协助联系家人，但医疗费要自己付，所以出国前要买好保险。",
        ),
        (
            "The costs of consular protection and assistance, such as hotels, travel and medical bills, are paid by the person helped.",
            "The Regulations on Consular Protection and Assistance, in force since 1 September 2023, say so. The embassy can name hospitals and help reach your family, but you pay the medical bills: buy insurance before you go.",
        ),
        true_false(
            True,
            "使领馆不能代付医疗费、住宿费等费用，这些由本人或保险承担。",
            "The embassy cannot pay medical or hotel bills; you or your insurance pay them.",
        ),
    ),
    DemoQuestion(
        "medical-bills",
        SINGLE,
        "health",
        EASY,
        "appendicitis-exchange-student",
        (
            "在国外突发急病住院，使领馆能提供的帮助是？",
            "使领馆可以提供当地医院信息，协助联系家人；医疗费用由本人或保险承担。出国前购买覆盖门诊、住院和紧急医疗转运的保险，记下保险公司的 24 小时救援电话。",
        ),
        (
            "You fall ill abroad and need hospital care. How can the embassy help?",
            "The embassy can tell you about local hospitals and help reach your family; you or your insurance pay the bills. Before you go, buy insurance covering doctors, hospital stays and medical evacuation, and note the insurer's 24-hour assistance number.",
        ),
        (
            (
                True,
                "提供当地医院信息，协助联系家人",
                "Tell you about local hospitals and help reach your family",
            ),
            (
                False,
                "支付全部医疗费用",
                "Pay all your medical bills",
                "使领馆不能代付医疗费用。",
                "The embassy cannot pay medical bills.",
            ),
            (
                False,
                "派医生到医院为您治疗",
                "Send a doctor to treat you",
                "使领馆不提供医疗服务，但可以提供医院和医生信息。",
                "The embassy gives no medical care, but can tell you about hospitals and doctors.",
            ),
        ),
    ),
]

# --- Quiz 2: fraud and personal safety (drawn from the fraud-and-scams and personal-safety topics) -

SAFETY = [
    DemoQuestion(
        "embassy-call-scam",
        SINGLE,
        "fraud-and-scams",
        EASY,
        "phone-scams",
        (
            "您接到自称“中国驻当地大使馆”的电话，说您的护照或签证有问题、涉嫌犯罪，要求您配合调查，把钱转到“安全账户”。您应该怎么做？",
            "这是典型的冒充使领馆电话诈骗。使领馆不会通过电话要求转账，也不存在“安全账户”。挂断电话，通过使领馆官网公布的号码回拨核实，或拨打 12308。",
        ),
        (
            "A caller says they are “the Chinese embassy”: your passport or visa has a problem, you are suspected of a crime, and you must move your money to a “safe account”. What do you do?",
            "This is the classic fake-embassy scam. The embassy never asks you to transfer money by phone, and there is no “safe account”. Hang up and call back on the number on the embassy's official website, or call 12308.",
        ),
        (
            (
                True,
                "挂断电话，用使领馆官网公布的号码回拨核实，或拨打 12308",
                "Hang up and check by calling the number on the embassy's website, or 12308",
            ),
            (
                False,
                "按对方要求转账，证明自己清白",
                "Transfer the money to prove your innocence",
                "使领馆从不要求转账汇款，要您转账的一定是骗子。",
                "The embassy never asks for money transfers: anyone who does is a scammer.",
            ),
            (
                False,
                "把护照号码和银行卡密码告诉对方，方便“核查”",
                "Give them your passport number and bank PIN so they can “check”",
                "任何情况下都不要透露银行卡密码和验证码。",
                "Never give anyone your bank PIN or verification codes.",
            ),
        ),
    ),
    DemoQuestion(
        "embassy-never-asks-money",
        TRUE_FALSE,
        "fraud-and-scams",
        EASY,
        "phone-scams",
        (
            "中国驻外使领馆不会通过电话要求您转账汇款，也不会索要您的银行卡密码。",
            "使领馆不会通过电话要求转账、缴纳“保证金”，也不会索要银行卡密码和验证码。凡是这样要求的来电，都是诈骗。",
        ),
        (
            "Chinese embassies and consulates never ask you by phone to transfer money, or for your bank card PIN.",
            "The embassy never asks by phone for a transfer or a “deposit”, or for your PIN or verification codes. Any call that does is a scam.",
        ),
        true_false(
            True,
            "记住：使领馆不会要求转账，要求转账的“使馆来电”都是诈骗。",
            "Remember: the embassy never asks for transfers; a “call from the embassy” that does is a scam.",
        ),
    ),
    DemoQuestion(
        "caller-id",
        TRUE_FALSE,
        "fraud-and-scams",
        MEDIUM,
        "phone-scams",
        (
            "来电显示的号码和使领馆官网上的号码一模一样，就可以确定这通电话不是诈骗。",
            "来电号码可以被伪造，不能作为判断依据。请挂断后，自己查找使领馆官网公布的号码回拨核实。",
        ),
        (
            "If the number on your screen is exactly the embassy's number from its website, the call cannot be a scam.",
            "Caller numbers can be faked, so they prove nothing. Hang up, look up the embassy's number on its website yourself, and call back.",
        ),
        true_false(
            False,
            "骗子可以伪造来电显示，号码一致也不代表真是使领馆。",
            "Scammers can fake caller ID: a matching number does not mean it is the embassy.",
        ),
    ),
    DemoQuestion(
        "virtual-kidnapping",
        SINGLE,
        "fraud-and-scams",
        HARD,
        "virtual-kidnapping",
        (
            "家长收到消息：在国外留学的孩子被“绑架”了，对方发来孩子被捆绑的视频，要求马上支付赎金，并且不许报警。最恰当的做法是？",
            "这很可能是“虚拟绑架”：骗子先冒充警察，以“秘密调查”为由让学生切断与家人的联系、自拍“被绑”视频，再向家长索要赎金。先设法直接联系孩子本人或其同学、学校，同时向国内公安机关报案或拨打 12308，核实之前不要转账。",
        ),
        (
            "Parents get a message: their child studying abroad has been “kidnapped”. A video shows the child tied up; the ransom must be paid at once, and the police must not be told. What is the best thing to do?",
            "This is most likely a “virtual kidnapping”: scammers posing as police tell the student to cut off contact for a “secret investigation” and film a fake kidnapping, then ask the parents for money. Try to reach the child, their classmates or university directly, and report it to the police in China or call 12308. Pay nothing before checking.",
        ),
        (
            (
                True,
                "设法直接联系孩子、同学或学校，同时报警或拨打 12308，核实前不转账",
                "Try to reach the child, classmates or university, and call the police or 12308; pay nothing before checking",
            ),
            (
                False,
                "按对方要求马上付款，确保孩子安全",
                "Pay at once to keep the child safe",
                "付款前先核实：大多数此类“绑架”是骗局，孩子往往安然无恙。",
                "Check before paying: most such “kidnappings” are scams and the child is safe.",
            ),
            (
                False,
                "听对方的话，不报警也不告诉任何人",
                "Do as told: no police, tell nobody",
                "“不许报警”正是骗子切断核实渠道的手段。",
                "“No police” is how scammers stop you from checking.",
            ),
        ),
    ),
    DemoQuestion(
        "scam-signs",
        MULTIPLE,
        "fraud-and-scams",
        MEDIUM,
        "phone-scams",
        (
            "下列哪些是电信诈骗的常见特征？（多选）",
            "骗子常常声称您涉嫌犯罪、要求“保密”，催您立即行动，并要求把钱转入所谓“安全账户”。提醒您到官网查看通知、进行出国登记，是正常的安全提醒。",
        ),
        (
            "Which of these are common signs of a phone scam? (Choose all that apply.)",
            "Scammers say you are suspected of a crime, tell you to keep it secret, rush you, and ask you to move money to a “safe account”. Being told to read a notice on an official website, or to register your trip, is an ordinary safety reminder.",
        ),
        (
            (
                True,
                "声称您涉嫌犯罪，要求“保密”、不许告诉家人",
                "Saying you are suspected of a crime and must tell no one, not even family",
            ),
            (True, "要求把钱转入所谓“安全账户”", "Asking you to move money to a “safe account”"),
            (True, "催促您立即行动，不给时间核实", "Rushing you so you have no time to check"),
            (
                False,
                "提醒您到使领馆官网查看安全提醒",
                "Telling you to read the safety reminders on the embassy's website",
                "这是正常的安全提醒，不是诈骗特征。",
                "That is an ordinary reminder, not a sign of a scam.",
            ),
        ),
    ),
    DemoQuestion(
        "job-scam",
        SINGLE,
        "fraud-and-scams",
        MEDIUM,
        "job-scams-abroad",
        (
            "网上有人招聘去东南亚做“高薪轻松”的客服工作，包机票，说不用办工作签证，先用旅游签证入境就行。您应该怎么做？",
            "“高薪、轻松、包机票、不用工作签证”是海外招聘陷阱的典型特征，不少人因此被骗到境外从事电信诈骗等违法活动，甚至被限制人身自由。出国工作要通过正规渠道，办理合法的工作签证和工作许可。",
        ),
        (
            "Someone online offers an “easy, well-paid” customer service job in Southeast Asia with the flight paid, and says you need no work visa: just enter on a tourist visa. What do you do?",
            "“High pay, easy work, free flight, no work visa” are the marks of a job trap: many people lured this way end up forced into scam centres and lose their freedom. Work abroad only through proper channels, with a lawful work visa and permit.",
        ),
        (
            (
                True,
                "高度警惕，不要前往：工作要通过正规渠道，办理合法工作签证",
                "Be very wary and do not go: work abroad only through proper channels, with a work visa",
            ),
            (
                False,
                "接受，先用旅游签证入境，到了再换签证",
                "Accept: enter on a tourist visa and change it later",
                "旅游签证不能用于工作，非法务工可能被罚款、拘留和遣返。",
                "A tourist visa does not allow work; working illegally can mean fines, detention and deportation.",
            ),
            (
                False,
                "先交“培训费”保住名额",
                "Pay the “training fee” to keep your place",
                "先收费是诈骗的常见套路。",
                "Asking for money up front is a common scam.",
            ),
        ),
    ),
    DemoQuestion(
        "atm-helper",
        SINGLE,
        "fraud-and-scams",
        MEDIUM,
        "atm-card-swap",
        (
            "在国外用取款机取钱时，一位“热心人”上前说机器有问题，要帮您操作。您应该怎么做？",
            "这是常见的“调包”盗刷手法：对方趁帮忙时偷看密码、调换银行卡。婉拒帮助，输密码时用手遮挡；卡被吞或被调包，立即致电银行挂失。尽量在银行营业厅内的取款机取款。",
        ),
        (
            "At a cash machine abroad, a “helpful” stranger says the machine is faulty and offers to help. What do you do?",
            "This is a common card-swap trick: while “helping”, they watch your PIN and switch your card. Say no, cover the keypad, and if the machine keeps or someone swaps your card, call your bank at once to block it. Use machines inside bank branches where you can.",
        ),
        (
            (
                True,
                "婉拒帮助，遮挡密码；卡出问题立即致电银行挂失",
                "Say no, cover your PIN, and call the bank at once if anything happens to the card",
            ),
            (
                False,
                "让对方帮忙操作，并告诉他密码",
                "Let them help and tell them your PIN",
                "任何人都不应知道您的密码。",
                "Nobody should ever know your PIN.",
            ),
            (
                False,
                "把卡留在机器里，跟对方去找工作人员",
                "Leave the card in the machine and go with them to find staff",
                "离开取款机，正好给了同伙取走银行卡的机会。",
                "Walking away gives an accomplice the chance to take your card.",
            ),
        ),
    ),
    DemoQuestion(
        "document-habits",
        MULTIPLE,
        "personal-safety",
        EASY,
        "theft-and-robbery-lecture",
        (
            "出行时保管证件，下列哪些是好习惯？（多选）",
            "出发前把护照、签证等证件复印或拍照，与原件分开保存；护照原件放在酒店保险箱，外出携带复印件（当地法律要求随身携带原件的除外）。证件丢失时，复印件能让补办快得多。",
        ),
        (
            "Which of these are good habits for keeping your documents safe while travelling? (Choose all that apply.)",
            "Before you go, copy or photograph your passport and visa and keep the copies apart from the originals; leave the passport in the hotel safe and carry a copy (unless local law says you must carry the original). Copies make a lost document much quicker to replace.",
        ),
        (
            (
                True,
                "出发前复印或拍下护照、签证，与原件分开保存",
                "Copy or photograph your passport and visa before you go, and keep them apart from the originals",
            ),
            (
                True,
                "护照原件放在酒店保险箱，外出带复印件（当地法律要求携带原件的除外）",
                "Leave the passport in the hotel safe and carry a copy (unless local law says to carry the original)",
            ),
            (
                False,
                "把护照交给刚认识的人“代为保管”",
                "Let someone you have just met “look after” your passport",
                "护照不要交给陌生人，包括自称能“代办手续”的人。",
                "Never hand your passport to strangers, including people offering to “arrange things”.",
            ),
            (
                False,
                "护照、现金和银行卡都放在同一个包里",
                "Keep passport, cash and bank cards in the same bag",
                "一个包丢了，就全丢了。请分开存放。",
                "Lose that bag and you lose everything: keep them apart.",
            ),
        ),
    ),
    DemoQuestion(
        "armed-robbery",
        SINGLE,
        "personal-safety",
        MEDIUM,
        "theft-and-robbery-lecture",
        (
            "在国外街头遭遇持刀抢劫，首先应该怎么做？",
            "人身安全永远放在第一位：不与劫匪硬拼，交出财物，记住劫匪特征，事后尽快报警并取得报案证明，挂失银行卡、补办证件。需要协助时联系中国驻当地使领馆或拨打 12308。",
        ),
        (
            "Someone threatens you with a knife in the street abroad and demands your things. What should you do first?",
            "Your safety comes first: do not fight, hand over your things, remember what the robber looks like, then report it to the police as soon as you can and get a report, block your cards and replace your documents. For help, contact the Chinese embassy or consulate or call 12308.",
        ),
        (
            (
                True,
                "不与劫匪硬拼，交出财物，事后尽快报警",
                "Do not fight; hand your things over and call the police as soon as you can",
            ),
            (
                False,
                "奋力反抗，保护财物",
                "Fight back to protect your things",
                "财物丢了可以再挣，人身安全最重要。",
                "Things can be replaced; you cannot.",
            ),
            (
                False,
                "追赶劫匪，夺回财物",
                "Chase the robber to get your things back",
                "追赶可能让您受伤，或被引到更危险的地方。",
                "Chasing can get you hurt or lead you somewhere more dangerous.",
            ),
        ),
    ),
    DemoQuestion(
        "register-trip",
        TRUE_FALSE,
        "personal-safety",
        EASY,
        "three-things-before-you-go",
        (
            "出国前在“中国领事”APP进行出国及海外中国公民自愿登记，便于使领馆在紧急情况下联系到您。",
            "登记是自愿的，但很有用：当地发生重大突发事件时，使领馆可以据此联系您、向您发送安全提醒和提供协助。",
        ),
        (
            "Registering your trip in the China Consular Affairs app before you go helps the embassy reach you in an emergency.",
            "Registration is voluntary but worth it: when something serious happens where you are, the embassy can use it to reach you, send you safety reminders and help.",
        ),
        true_false(
            True,
            "登记后，使领馆才能在紧急情况下找到您。",
            "Once registered, the embassy can find you in an emergency.",
        ),
    ),
    DemoQuestion(
        "emergency-card-pin",
        SINGLE,
        "personal-safety",
        EASY,
        "emergency-card",
        (
            "下列哪一项不应该写在随身携带的紧急联系卡上？",
            "紧急联系卡上应写中国驻当地使领馆的领事保护电话、12308（境外拨打 +86-10-12308）、国内紧急联系人和保险公司救援电话。银行卡密码任何时候都不要写下来随身携带。",
        ),
        (
            "Which of these should NOT go on the emergency card you carry?",
            "The card should hold the consular protection number of the Chinese embassy or consulate, 12308 (from abroad +86-10-12308), an emergency contact at home, and your insurer's assistance number. Never write down your bank PIN and carry it.",
        ),
        (
            (True, "银行卡密码", "Your bank card PIN"),
            (
                False,
                "中国驻当地使领馆的领事保护电话",
                "The consular protection number of the Chinese embassy or consulate",
                "这正是紧急联系卡上最重要的号码之一。",
                "That is one of the most important numbers on the card.",
            ),
            (
                False,
                "国内紧急联系人的电话",
                "The phone number of an emergency contact at home",
                "出事时，别人需要知道该联系谁。",
                "If something happens, people need to know whom to call.",
            ),
            (False, "保险公司的 24 小时救援电话", "Your insurer's 24-hour assistance number"),
        ),
    ),
    DemoQuestion(
        "airport-ride",
        SINGLE,
        "personal-safety",
        MEDIUM,
        "travel-safety-brochure",
        (
            "深夜抵达一座陌生城市的机场，去酒店最稳妥的方式是？",
            "乘坐机场正规出租车，或通过正规平台叫车，上车后把车牌号发给家人或朋友。不要搭乘在到达大厅主动揽客的车辆，也不要在深夜独自步行穿过不熟悉的街区。",
        ),
        (
            "You land in an unfamiliar city late at night. What is the safest way to get to your hotel?",
            "Take an official airport taxi or book a ride through a licensed app, and send the number plate to family or a friend. Do not take rides from people touting in the arrivals hall, or walk alone at night through streets you do not know.",
        ),
        (
            (
                True,
                "乘坐正规出租车或通过正规平台叫车，把车牌号发给亲友",
                "An official taxi or a licensed ride app, sending the number plate to family or a friend",
            ),
            (
                False,
                "搭乘在到达大厅主动揽客的私家车",
                "A private car from someone touting in the arrivals hall",
                "“黑车”可能高价宰客，甚至抢劫乘客。",
                "Unlicensed drivers may overcharge or even rob passengers.",
            ),
            (False, "步行前往，顺便熟悉环境", "Walk, to get to know the area"),
        ),
    ),
    DemoQuestion(
        "fake-police-check",
        TRUE_FALSE,
        "fraud-and-scams",
        MEDIUM,
        "theft-and-robbery-lecture",
        (
            "在国外街头，有人自称便衣警察，要检查您的钱包和银行卡。您可以要求对方出示证件，必要时拨打当地报警电话核实。",
            "冒充便衣警察“检查钱包”是一些地方常见的骗局，骗子会趁机偷走现金或记下卡号。您可以要求对方出示证件，提出到附近的警察局处理，或拨打当地报警电话核实。",
        ),
        (
            "In the street abroad, someone says they are a plain-clothes police officer and wants to check your wallet and bank cards. You may ask for their ID and, if in doubt, call the local police to check.",
            "Fake plain-clothes police “checking wallets” is a common trick in some places: they take cash or note card numbers. Ask to see their ID, offer to go to the nearest police station, or call the local police to check.",
        ),
        true_false(
            True,
            "核实身份是您的权利，真警察不会因此为难您。",
            "Checking who they are is your right; real police will not hold it against you.",
        ),
    ),
]

# --- Quiz 3: pre-departure for students (fixed questions) ------------------------------------------

STUDENTS = [
    DemoQuestion(
        "student-visa",
        SINGLE,
        "entry-and-exit",
        EASY,
        "entry-and-exit-tips",
        (
            "出国读学位课程，应该办理哪类签证？",
            "签证类型要与出行目的一致：去读书就办理学生签证。旅游签证不能用于学习或工作，免签入境通常也只允许短期停留。具体要求以目的国官方公布为准。",
        ),
        (
            "You are going abroad to study for a degree. Which visa do you need?",
            "Your visa must match the purpose of your stay: to study, get a student visa. A tourist visa does not allow study or work, and visa-free entry usually allows only short stays. The destination's official rules decide.",
        ),
        (
            (True, "学生签证", "A student visa"),
            (
                False,
                "旅游签证，入境后再转换",
                "A tourist visa, to change after arrival",
                "旅游签证不能用于学习，很多国家也不允许入境后转换签证类型。",
                "A tourist visa does not allow study, and many countries do not let you switch after arrival.",
            ),
            (
                False,
                "不用办，免签入境就行",
                "None: enter visa-free",
                "免签一般只允许短期停留，不能用于长期学习。",
                "Visa-free entry usually covers short stays only, not years of study.",
            ),
        ),
    ),
    DemoQuestion(
        "passport-validity",
        SINGLE,
        "entry-and-exit",
        MEDIUM,
        "entry-and-exit-tips",
        (
            "出国前核对证件时，护照的有效期一般应至少还有多久？",
            "护照有效期一般应在 6 个月以上，并留有足够的空白签证页；留学时间较长的，还要留意护照是否会在学习期间到期，提前办理换发。",
        ),
        (
            "Checking your documents before you go: how long should your passport still be valid, as a rule?",
            "As a rule, more than six months, with enough blank visa pages. For a long course, check whether the passport will expire during your studies and renew it in time.",
        ),
        (
            (True, "6 个月以上", "More than six months"),
            (False, "1 个月以上", "More than one month"),
            (
                False,
                "出发当天有效就行",
                "Valid on the day you leave is enough",
                "很多国家要求入境时护照剩余有效期不少于 6 个月。",
                "Many countries require six months' validity left when you arrive.",
            ),
        ),
    ),
    DemoQuestion(
        "part-time-work",
        TRUE_FALSE,
        "entry-and-exit",
        HARD,
        "entry-and-exit-tips",
        (
            "持学生签证在国外打工，只要雇主愿意雇用，就不受工作时间和岗位的限制。",
            "多数国家对留学生打工有严格规定，例如限制学期中每周的工作小时数（英国学位课程学生学期中一般每周不超过 20 小时），有的岗位不允许从事。能否打工、能打多少，以签证或居留许可载明的条件为准；违规打工可能导致签证被取消、被遣返。",
        ),
        (
            "On a student visa you may work abroad as much and at whatever you like, as long as an employer will hire you.",
            "Most countries set strict rules for students' work, such as a weekly limit in term time (in the UK, usually 20 hours a week for degree students) and jobs you may not do. Your visa or residence permit says what you may do; breaking it can cost you the visa and get you deported.",
        ),
        true_false(
            False,
            "留学生打工受签证条件限制，违规可能被取消签证。",
            "Students' work is limited by their visa conditions; breaking them can cost you the visa.",
        ),
    ),
    DemoQuestion(
        "consular-registration",
        SINGLE,
        "entry-and-exit",
        EASY,
        "three-things-before-you-go",
        (
            "为什么建议留学生在“中国领事”APP进行出国及海外中国公民自愿登记？",
            "登记后，当地发生重大突发事件时，使领馆能及时联系到您，向您发送安全提醒并提供协助。登记是自愿、免费的，不会替您支付任何费用，也不是申请签证的条件。",
        ),
        (
            "Why should students register in the China Consular Affairs app before going abroad?",
            "When something serious happens where you are, the embassy can reach you quickly, send safety reminders and help. Registration is voluntary and free; it pays for nothing and is not a condition for a visa.",
        ),
        (
            (
                True,
                "发生突发事件时，使领馆能及时联系到您并提供协助",
                "In an emergency, the embassy can reach you quickly and help",
            ),
            (
                False,
                "登记后，使领馆会为您支付学费和生活费",
                "Once registered, the embassy pays your fees and living costs",
                "使领馆不承担个人费用。",
                "The embassy does not pay personal costs.",
            ),
            (
                False,
                "不登记就拿不到学生签证",
                "Without it you cannot get a student visa",
                "签证由目的国签发，与领事登记无关。",
                "Visas are issued by the destination country; registration has nothing to do with it.",
            ),
        ),
    ),
    DemoQuestion(
        "student-insurance",
        MULTIPLE,
        "health",
        MEDIUM,
        "health-abroad",
        (
            "出国留学前购买保险，下列哪些做法是对的？（多选）",
            "选择覆盖境外门诊、住院和紧急医疗转运的保险；记下保单号和保险公司的 24 小时救援电话；了解学校或签证是否要求购买指定的医疗保险（例如澳大利亚的海外学生健康保险 OSHC）。海外医疗费用可能很高，就医后要保存好病历和单据以便理赔。",
        ),
        (
            "Buying insurance before you study abroad: which of these are right? (Choose all that apply.)",
            "Choose cover for doctors, hospital stays and medical evacuation abroad; note the policy number and the insurer's 24-hour assistance number; check whether your university or visa requires a particular health cover (such as Overseas Student Health Cover in Australia). Care abroad can be very expensive: keep medical records and receipts to claim.",
        ),
        (
            (
                True,
                "选择覆盖门诊、住院和紧急医疗转运的保险",
                "Choose cover for doctors, hospital stays and medical evacuation",
            ),
            (
                True,
                "记下保单号和保险公司的 24 小时救援电话",
                "Note the policy number and the insurer's 24-hour assistance number",
            ),
            (
                True,
                "了解学校或签证是否要求购买指定的医疗保险",
                "Check whether your university or visa requires a particular health cover",
            ),
            (
                False,
                "年轻身体好，不用买保险",
                "Skip it: you are young and healthy",
                "意外和急病难以预料，海外一次住院可能花费数万元。",
                "Accidents and sudden illness happen; one hospital stay abroad can cost a fortune.",
            ),
            (
                False,
                "看完病就把病历和收据扔掉",
                "Throw away records and receipts after seeing a doctor",
                "理赔需要病历、诊断书和收据，请保存好。",
                "You need records, diagnoses and receipts to claim: keep them.",
            ),
        ),
    ),
    DemoQuestion(
        "emergency-contacts",
        MULTIPLE,
        "personal-safety",
        MEDIUM,
        "emergency-card",
        (
            "出发前，应该记下哪些紧急联系方式？（多选）",
            "记下中国驻当地使领馆的领事保护电话、12308（境外拨打 +86-10-12308）、当地报警和急救电话、学校国际学生办公室的联系方式。除了存在手机里，还要写在紧急联系卡上随身携带，手机丢失或没电时也能找到。",
        ),
        (
            "Which emergency contacts should you note before you leave? (Choose all that apply.)",
            "The consular protection number of the Chinese embassy or consulate, 12308 (from abroad +86-10-12308), the local police and ambulance numbers, and your university's international student office. Keep them on an emergency card as well as in your phone, in case the phone is lost or flat.",
        ),
        (
            (
                True,
                "中国驻当地使领馆的领事保护电话",
                "The consular protection number of the Chinese embassy or consulate",
            ),
            (True, "当地的报警和急救电话", "The local police and ambulance numbers"),
            (True, "学校国际学生办公室的联系方式", "Your university's international student office"),
            (
                False,
                "不用抄写，存在手机里就够了",
                "Nothing on paper: the phone is enough",
                "手机丢失或没电时，就找不到这些号码了。",
                "If your phone is lost or flat, the numbers are gone.",
            ),
        ),
    ),
    DemoQuestion(
        "rental-scam",
        SINGLE,
        "fraud-and-scams",
        MEDIUM,
        "study-abroad-brochure",
        (
            "您在网上看到一套租金明显低于市场价的公寓，“房东”说人在外地，要求您先转押金，再把钥匙寄给您。您应该怎么做？",
            "“价格低得反常、房东不能见面、先付款再看房”是租房骗局的典型特征。不要付款；坚持实地看房或视频看房，通过学校住宿办公室或正规中介核实房源和房东身份。",
        ),
        (
            "You find a flat online far below the usual rent. The “landlord” is away and asks for the deposit first; the keys will come by post. What do you do?",
            "“Too cheap, landlord cannot meet, pay before viewing” are the marks of a rental scam. Do not pay; insist on a viewing (in person or by video) and check the flat and the landlord through your university's accommodation office or a licensed agent.",
        ),
        (
            (
                True,
                "不付款，坚持看房，并通过学校或正规中介核实",
                "Pay nothing, insist on a viewing, and check through the university or a licensed agent",
            ),
            (
                False,
                "马上转账，以免被别人抢先",
                "Pay at once before someone else gets it",
                "制造紧迫感，正是骗子的惯用手法。",
                "Rushing you is exactly what scammers do.",
            ),
            (
                False,
                "通过对方发来的链接付款，更安全",
                "Pay through the link they send: it is safer",
                "陌生链接可能是钓鱼网站，会盗取您的银行卡信息。",
                "Unknown links may be phishing sites that steal your card details.",
            ),
        ),
    ),
    DemoQuestion(
        "feeling-low",
        SINGLE,
        "mental-health",
        EASY,
        "student-mental-health",
        (
            "到国外后，您连续几周情绪低落、失眠，不想去上课。最好的做法是？",
            "离开熟悉的环境，情绪低落很常见，也可以求助。大多数海外高校都有免费、保密的心理咨询服务；也可以向导师、学生事务部门、同学和家人倾诉。遇到危险时，拨打当地急救电话。",
        ),
        (
            "Some weeks after arriving abroad you feel low, cannot sleep and do not want to go to class. What is best?",
            "Feeling low in a new place is common, and help is there. Most universities abroad have free, confidential counselling; you can also talk to your tutor, student services, friends and family. If you are in danger, call the local emergency number.",
        ),
        (
            (
                True,
                "向学校心理咨询服务、导师或家人朋友求助",
                "Ask for help: university counselling, your tutor, family or friends",
            ),
            (
                False,
                "一个人扛着，不告诉任何人",
                "Keep it to yourself",
                "别一个人扛：说出来是解决问题的第一步。",
                "Do not carry it alone: talking is the first step.",
            ),
            (
                False,
                "靠喝酒缓解压力",
                "Drink to take the edge off",
                "饮酒会加重抑郁和失眠。",
                "Alcohol makes low mood and sleeplessness worse.",
            ),
        ),
    ),
    DemoQuestion(
        "carry-for-stranger",
        TRUE_FALSE,
        "entry-and-exit",
        EASY,
        "entry-and-exit-tips",
        (
            "在机场，有陌生人请您帮忙把一件行李带上飞机，只要对方给报酬，就可以帮忙。",
            "无论对方给出什么理由或报酬，都不要替陌生人携带行李或包裹。一旦其中夹带毒品或违禁品，承担法律责任的是携带者。",
        ),
        (
            "At the airport a stranger asks you to take a bag onto the plane for them. If they pay you, it is fine to help.",
            "Whatever the reason or reward, never carry bags or parcels for strangers. If drugs or banned goods are inside, the person carrying them answers for it in law.",
        ),
        true_false(
            False,
            "替陌生人带东西，出了问题责任在您。",
            "If you carry it, you answer for what is inside.",
        ),
    ),
    DemoQuestion(
        "cash-declaration",
        SINGLE,
        "entry-and-exit",
        HARD,
        "undeclared-cash",
        (
            "按照我国海关规定，出境时携带外币现钞折合超过多少美元，须向海关申报？",
            "我国规定，出入境携带外币现钞折合超过 5000 美元，或人民币现钞超过 2 万元的，须向海关申报。目的国也有自己的规定，例如进出欧盟携带 1 万欧元及以上现金须申报。",
        ),
        (
            "Under Chinese customs rules, above what amount of foreign currency cash (in US dollars) must you declare it when leaving China?",
            "China requires you to declare foreign cash worth more than 5,000 US dollars, or more than 20,000 yuan in renminbi notes, when entering or leaving. Your destination has its own rules: the EU, for example, requires a declaration for 10,000 euros or more.",
        ),
        (
            (True, "5000 美元", "5,000 US dollars"),
            (False, "1000 美元", "1,000 US dollars"),
            (
                False,
                "2 万美元",
                "20,000 US dollars",
                "2 万是人民币现钞的申报门槛（2 万元），外币是折合 5000 美元。",
                "20,000 is the limit for renminbi notes (20,000 yuan); for foreign cash it is 5,000 US dollars.",
            ),
            (
                False,
                "不用申报，现金多少都可以带",
                "No need to declare any amount",
                "未申报大额现金可能被暂扣并罚款。",
                "Undeclared large sums can be held and fined.",
            ),
        ),
    ),
]

QUESTIONS = BASICS + SAFETY + STUDENTS
