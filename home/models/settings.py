import string

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from ..reader_language import in_reader_language

ICP_FILING_SITE = "https://beian.miit.gov.cn/"
PUBLIC_SECURITY_FILING_SITE = "https://beian.mps.gov.cn/"
PUBLIC_SECURITY_RECORD_URL = "https://beian.mps.gov.cn/#/query/webSearch?code="


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Contacts, hotline and crisis banner: editable in the admin, with texts in both languages."""

    class BannerLevel(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Warning")
        EMERGENCY = "emergency", _("Emergency")

    office_name_zh = models.CharField(_("office name (Chinese)"), max_length=120, default="外事办公室")
    office_name_en = models.CharField(
        _("office name (English)"), max_length=120, default="Foreign Affairs Office", blank=True
    )
    campaign_name_zh = models.CharField(
        _("campaign name (Chinese)"), max_length=120, default="领事保护进万家"
    )
    campaign_name_en = models.CharField(
        _("campaign name (English)"), max_length=120, default="Consular Protection for All", blank=True
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    hotline = models.CharField(_("consular hotline (in China)"), max_length=20, default="12308")
    hotline_abroad = models.CharField(
        _("consular hotline from abroad (E.164)"), max_length=20, default="+861012308"
    )
    hotline_abroad_display = models.CharField(
        _("consular hotline from abroad, as shown"), max_length=30, default="+86-10-12308"
    )
    emergency_text_zh = models.TextField(
        _("emergency guidance (Chinese)"),
        default=(
            "在海外遇到紧急情况，请先拨打当地报警或急救电话，"
            "再联系中国驻当地使领馆或拨打 12308 热线（24 小时）。"
        ),
    )
    emergency_text_en = models.TextField(
        _("emergency guidance (English)"),
        blank=True,
        default=(
            "In an emergency abroad, first call the local police or ambulance, then contact the Chinese "
            "embassy or consulate, or call the 12308 hotline (24 hours)."
        ),
    )
    office_address_zh = models.CharField(_("office address (Chinese)"), max_length=250, blank=True)
    office_address_en = models.CharField(_("office address (English)"), max_length=250, blank=True)
    office_phone = models.CharField(_("office phone (E.164)"), max_length=20, blank=True)
    office_phone_display = models.CharField(_("office phone, as shown"), max_length=30, blank=True)
    office_email = models.EmailField(_("office email"), blank=True)
    wechat_qr = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("WeChat QR code"),
    )
    host_organisation_zh = models.CharField(
        _("host organisation (Chinese)"),
        max_length=120,
        blank=True,
        help_text=_("The organisation that runs the site, shown in the footer as 主办单位."),
    )
    host_organisation_en = models.CharField(_("host organisation (English)"), max_length=120, blank=True)
    icp_filing_number = models.CharField(
        _("ICP filing number"),
        max_length=60,
        blank=True,
        help_text=_(
            "As issued, for example 京ICP备12345678号-1; the footer links it to the MIIT filing system."
        ),
    )
    public_security_filing_number = models.CharField(
        _("public security filing number"),
        max_length=60,
        blank=True,
        help_text=_(
            "As issued, for example 京公网安备11010102000001号; the footer links it to its record on "
            "the public security filing system."
        ),
    )
    consular_website_url = models.URLField(
        _("address of the consular service website (中国领事服务网)"),
        blank=True,
        default="https://cs.mfa.gov.cn/",
    )
    consular_app_url = models.URLField(
        _("download page of the China Consular Affairs app (中国领事 APP)"),
        blank=True,
        help_text=_("Without one, the footer tells people to search for the app in their app store."),
    )
    consular_wechat_account = models.CharField(
        _("name of the consular WeChat account"),
        max_length=60,
        blank=True,
        default="领事直通车",
        help_text=_("The footer tells people to search for it in WeChat. Leave empty to leave it out."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement page"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact page"),
    )
    banner_enabled = models.BooleanField(_("show the site-wide banner"), default=False)
    banner_level = models.CharField(
        _("banner level"), max_length=10, choices=BannerLevel.choices, default=BannerLevel.WARNING
    )
    banner_text_zh = models.CharField(_("banner text (Chinese)"), max_length=300, blank=True)
    banner_text_en = models.CharField(_("banner text (English)"), max_length=300, blank=True)
    banner_link = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("banner link"),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("office_name_zh"),
                FieldPanel("office_name_en"),
                FieldPanel("campaign_name_zh"),
                FieldPanel("campaign_name_en"),
                FieldPanel("logo"),
            ],
            heading=_("Office"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("hotline"),
                FieldPanel("hotline_abroad"),
                FieldPanel("hotline_abroad_display"),
                FieldPanel("emergency_text_zh"),
                FieldPanel("emergency_text_en"),
            ],
            heading=_("Emergency"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("office_address_zh"),
                FieldPanel("office_address_en"),
                FieldPanel("office_phone"),
                FieldPanel("office_phone_display"),
                FieldPanel("office_email"),
                FieldPanel("wechat_qr"),
            ],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("host_organisation_zh"),
                FieldPanel("host_organisation_en"),
                FieldPanel("icp_filing_number"),
                FieldPanel("public_security_filing_number"),
                FieldPanel("accessibility_page"),
                FieldPanel("contact_page"),
                FieldPanel("consular_website_url"),
                FieldPanel("consular_app_url"),
                FieldPanel("consular_wechat_account"),
            ],
            heading=_("Footer"),
            help_text=_("The privacy notice the footer links to is the one chosen in the account settings."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("banner_enabled"),
                FieldPanel("banner_level"),
                FieldPanel("banner_text_zh"),
                FieldPanel("banner_text_en"),
                FieldPanel("banner_link"),
            ],
            heading=_("Site-wide banner"),
        ),
    ]

    select_related = ["logo", "wechat_qr", "banner_link"]

    class Meta:
        verbose_name = _("portal settings")

    @classmethod
    def for_default_site(cls):
        """The settings of the default site, for work done without a request (a worker, a PDF)."""
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site is not None else cls()

    @property
    def office_name(self):
        return in_reader_language(self.office_name_zh, self.office_name_en)

    @property
    def campaign_name(self):
        return in_reader_language(self.campaign_name_zh, self.campaign_name_en)

    @property
    def emergency_text(self):
        return in_reader_language(self.emergency_text_zh, self.emergency_text_en)

    @property
    def office_address(self):
        return in_reader_language(self.office_address_zh, self.office_address_en)

    @property
    def banner_text(self):
        return in_reader_language(self.banner_text_zh, self.banner_text_en)

    @property
    def host_organisation(self):
        return in_reader_language(self.host_organisation_zh, self.host_organisation_en)

    @property
    def icp_filing_url(self):
        return ICP_FILING_SITE

    @property
    def public_security_record_url(self):
        """The filing's record on the public security filing system, found by the number's digits."""
        code = "".join(
            character for character in self.public_security_filing_number if character in string.digits
        )
        return f"{PUBLIC_SECURITY_RECORD_URL}{code}" if code else PUBLIC_SECURITY_FILING_SITE

    @property
    def show_banner(self):
        return self.banner_enabled and bool(self.banner_text)
