"""A real browser (Debian's Chromium through Playwright): log in, open the Kharkova case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("Chromium is missing: run `make install` (it installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.mark.django_db(transaction=True)
def test_login_and_read_the_kharkova_timeline(browser, live_server, django_user_model, ingested_examples):
    django_user_model.objects.create_user("monitor", password="a-long-test-password", role="viewer")
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/")
    assert "/login/" in page.url
    page.fill("input[name=username]", "monitor")
    page.fill("input[name=password]", "a-long-test-password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/cases/")
    page.click("text=Larisa Kharkova")
    page.wait_for_selector("ol.timeline li.event")
    assert "Sentencing" in page.inner_text("ol.timeline")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "kharkova-case.png"), full_page=True)
    # Clicking a source opens the document with that sentence highlighted.
    page.click("ol.timeline a.evidence >> nth=0")
    page.wait_for_selector(".hl-selected")
    assert page.locator(".hl-selected").first.is_visible()
    page.screenshot(path=str(ARTIFACTS / "kharkova-source.png"))
