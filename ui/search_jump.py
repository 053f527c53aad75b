"""Where a search hit takes the clerk: the page that shows it, with it selected."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.queries.search import Hit

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def go_to(window: MainWindow, hit: Hit) -> None:
    if hit.kind == "task":
        window.open_task(hit.id)
        return
    from ui.pages.dossier_page import DossierPage
    from ui.pages.officials_page import OfficialsPage
    from ui.pages.plans_page import PlansPage
    from ui.pages.scoring_page import ScoringPage

    kind = {"plan": PlansPage, "official": OfficialsPage, "criterion": ScoringPage, "nominee": DossierPage}[hit.kind]
    page = window.page(kind)
    window.nav.setCurrentRow(window.stack.indexOf(page))  # shown first: a page reads its data when first shown
    if hit.kind == "plan":
        page.reload(select_id=hit.id)
    elif hit.kind == "official":
        page.show_inactive.setChecked(True)  # a former official is found too
        page.select(hit.id)
    elif hit.kind == "criterion":
        page.show_criterion(hit.year, hit.id)
    else:
        page.show_nomination(hit.year, hit.owner_id, hit.id)
