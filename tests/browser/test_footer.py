"""axe-core in Chromium on the site map page with every part of the footer drawn (filing numbers,
host organisation, official sources, WeChat QR code), at 360 and 1280 px, in both languages."""

import pytest
from wagtail.models import Site

from home.models import PortalSettings
from tests.browser.test_accessibility import blocking_violations


@pytest.fixture
def full_footer(rebuild_site):
    from tests.home.factories import ImageFactory

    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.icp_filing_number = "京ICP备12345678号-1"
    settings.public_security_filing_number = "京公网安备11010102000001号"
    settings.consular_app_url = "https://consular.example.cn/app/"
    settings.wechat_qr = ImageFactory(title="公众号二维码", file__width=240, file__height=240)
    settings.save()


@pytest.mark.parametrize("width", [360, 1280], ids=lambda width: f"{width}px")
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_site_map_and_full_footer_have_no_serious_axe_violations(page_at, full_footer, language, width):
    page = page_at(width, language)
    response = page.goto(f"/{language}/site-map/")
    assert response is not None and response.ok
    page.wait_for_load_state("load")
    assert page.locator("footer .site-footer__filing a").count() == 2
    assert page.locator("footer img").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations at {width}px:\n{summary}"
