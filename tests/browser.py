"""Headless Debian Chromium driven by Playwright (Playwright cannot download its own browser here)."""

from __future__ import annotations

import contextlib

from kurikulum.pdf import CHROMIUM_ARGS, find_chromium


@contextlib.contextmanager
def chromium_page(**options):
    """A new page; ``options`` go to ``new_page`` (e.g. ``java_script_enabled=False``)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
        try:
            yield browser.new_page(**options)
        finally:
            browser.close()
