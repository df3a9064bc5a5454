"""axe-core in Chromium: no serious or critical violations on the public pages people use most."""

import pytest
from axe_playwright_python.sync_playwright import Axe

BLOCKING = {"serious", "critical"}
WIDTHS = [360, 1280]


def blocking_violations(page):
    """Run axe on the loaded page; return the serious/critical violations and a readable summary."""
    violations = Axe().run(page).response["violations"]
    blocking = [violation for violation in violations if violation.get("impact") in BLOCKING]
    summary = "\n".join(
        f"- {violation['id']} ({violation['impact']}): {violation['help']}; "
        f"first node {violation['nodes'][0]['target'] if violation['nodes'] else '-'} "
        f"of {len(violation['nodes'])}"
        for violation in blocking
    )
    return blocking, summary


def check_page(page_at, path, width, language):
    page = page_at(width, language)
    response = page.goto(path)
    assert response is not None and response.ok, f"{path} answered {response and response.status}"
    page.wait_for_load_state("load")
    blocking, summary = blocking_violations(page)
    assert blocking == [], f"axe found serious/critical violations on {path} at {width}px:\n{summary}"


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_home_page_has_no_serious_axe_violations(page_at, language, width):
    check_page(page_at, f"/{language}/", width, language)


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/zh-hans/about/", "zh-hans"),
        ("/en/about/", "en"),
        ("/zh-hans/search/?q=领事", "zh-hans"),
        ("/en/search/?q=passports", "en"),
        ("/zh-hans/accounts/login/", "zh-hans"),
        ("/en/accounts/signup/", "en"),
    ],
    ids=["about-zh", "about-en", "search-zh", "search-en", "login-zh", "signup-en"],
)
def test_other_pages_have_no_serious_axe_violations(page_at, path, language, width):
    check_page(page_at, path, width, language)
