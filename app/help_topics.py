"""The guide shipped with the app (``resources/help/*.md``): one short page per screen, readable offline.

F1 opens the page of the screen in view; the guide's table of contents is ``TOPICS``' order.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.paths import resource

# (file, the page module whose F1 opens it); "index" is the guide's first page.
TOPICS = (
    ("index", ""),
    ("dashboard", "ui.pages.dashboard_page"),
    ("plans", "ui.pages.plans_page"),
    ("checklist", "ui.pages.checklist_page"),
    ("scoring", "ui.pages.scoring_page"),
    ("emulation", "ui.pages.emulation_page"),
    ("dossier", "ui.pages.dossier_page"),
    ("profile", "ui.pages.profile_page"),
    ("officials", "ui.pages.officials_page"),
    ("tong-hop", ""),  # the receiving (Tổng hợp) window's own page: its F1 opens it by key
)


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    markdown: str


def topic(key: str) -> Topic:
    """One page of the guide; its title is its first heading."""
    text = resource("help", f"{key}.md").read_text(encoding="utf-8")
    first = next((line for line in text.splitlines() if line.startswith("# ")), key)
    return Topic(key, first.removeprefix("# ").strip(), text)


def topic_for_page(module: str) -> str:
    """The guide's page for the screen whose widget lives in ``module`` (the first page when none matches)."""
    return next((key for key, page in TOPICS if page and page == module), "index")


def all_topics() -> list[Topic]:
    return [topic(key) for key, _ in TOPICS]
