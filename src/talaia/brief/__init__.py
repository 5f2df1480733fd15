"""Weekly briefs: what an analyst sends colleagues about one week, as self-contained HTML (and PDF)."""

from talaia.brief.data import Brief, BriefAlert, BriefIncident, BriefSource, WeekCount, gather_brief
from talaia.brief.pdf import find_chromium, html_to_pdf
from talaia.brief.render import render_brief

__all__ = ["Brief", "BriefAlert", "BriefIncident", "BriefSource", "WeekCount", "find_chromium", "gather_brief",
           "html_to_pdf", "render_brief"]
