"""HTML to PDF through headless Chromium (Debian's ``chromium``); nothing is fetched."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from talaia.errors import BrowserUnavailableError

__all__ = ["CHROMIUM_FLAGS", "find_chromium", "html_to_pdf"]

# headless, offline and quiet: no sandbox (CI runs as root), no GPU, no network chatter
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync")
_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str:
    """The Chromium to run: $TALAIA_CHROMIUM, else the first of chromium, chromium-browser, google-chrome
    on PATH; BrowserUnavailableError when there is none."""
    wanted = os.environ.get("TALAIA_CHROMIUM")
    if wanted:
        if shutil.which(wanted):
            return wanted
        raise BrowserUnavailableError(f"TALAIA_CHROMIUM is {wanted!r}, which is not an executable")
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise BrowserUnavailableError(
        "a PDF needs headless Chromium, which is not installed (Debian: apt-get install chromium; "
        "or point TALAIA_CHROMIUM at a Chromium or Chrome executable); the HTML brief was written")


def html_to_pdf(html: Path, pdf: Path, *, timeout: float = 120.0) -> Path:
    """Print ``html`` to ``pdf`` (A4, no header or footer) with headless Chromium."""
    browser = find_chromium()
    with tempfile.TemporaryDirectory(prefix="talaia-chromium-") as profile:
        command = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--no-pdf-header-footer",
                   f"--print-to-pdf={pdf.resolve()}", html.resolve().as_uri()]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise BrowserUnavailableError(f"Chromium did not print {html} within {timeout:.0f} s") from None
    if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        raise BrowserUnavailableError(f"Chromium could not print {html} (exit {done.returncode}): {detail[0]}")
    return pdf
