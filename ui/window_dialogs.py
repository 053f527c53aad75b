"""Windows the main window opens: the progress report, the award registers and statistics, the year's turn,
the reporting periods, search and help (kept apart so ``ui/main_window.py`` stays small)."""

from __future__ import annotations


def modal(dialog) -> None:
    from ui.main_window import _exec  # what was typed is saved before and after, the dialog freed on this thread

    _exec(dialog)


class WindowDialogs:
    """Mixed into MainWindow (which gives store, undo_stack, notify, nav and the pages)."""

    def open_progress_report(self) -> None:
        from ui.dialogs.progress_report_dialog import ProgressReportDialog

        modal(ProgressReportDialog(self.store, self, undo_stack=self.undo_stack, notify=self.notify))

    def open_award_history(self) -> None:
        from ui.dialogs.award_history_dialog import AwardHistoryDialog

        modal(AwardHistoryDialog(self.store, self.undo_stack, self.notify, self))

    def open_award_kinds(self) -> None:
        from ui.dialogs.award_kinds_dialog import AwardKindsDialog

        modal(AwardKindsDialog(self.store, self.undo_stack, self.notify, self))

    def open_registration(self) -> None:
        from ui.dialogs.registration_dialog import RegistrationDialog

        modal(RegistrationDialog(self.store, self.undo_stack, self.notify, self))

    def open_certificates(self) -> None:
        from ui.dialogs.certificates_dialog import CertificatesDialog

        modal(CertificatesDialog(self.store, self.undo_stack, self.notify, self))

    def open_award_statistics(self) -> None:
        from ui.dialogs.award_statistics_dialog import AwardStatisticsDialog

        modal(AwardStatisticsDialog(self.store, self))

    def open_reporting_periods(self) -> None:
        from ui.dialogs.reporting_periods_dialog import ReportingPeriodsDialog

        modal(ReportingPeriodsDialog(self.store, self.undo_stack, self))

    def open_year_start(self) -> None:
        from ui.dialogs.year_start import YearStartDialog

        modal(YearStartDialog(self.store, self, undo_stack=self.undo_stack, notify=self.notify))

    def import_appraisal(self) -> None:
        """Tệp → “Nhập kết quả thẩm định…”: on the scoring page, which shows the appraised points once taken."""
        from ui.pages.scoring_page import ScoringPage

        page = self.page(ScoringPage)
        self.nav.setCurrentRow(self.stack.indexOf(page))  # shown first: a page reads its data when first shown
        page.import_appraisal()

    def open_search(self) -> None:
        """Ctrl+F: one box that finds plans, officials, tasks, criteria and nominees and goes to the one chosen."""
        from ui.dialogs.search_dialog import SearchDialog
        from ui.search_jump import go_to

        if getattr(self, "_search", None) is None:
            self._search = SearchDialog(lambda: self.store, lambda hit: go_to(self, hit), self)
        self._search.open()

    def show_help(self) -> None:
        """F1: the guide at the page of the screen in view (one window, reused)."""
        from app.help_topics import topic_for_page
        from ui.main_window import PAGES
        from ui.dialogs.help_dialog import HelpDialog

        if getattr(self, "_help", None) is None:
            self._help = HelpDialog(self)
        self._help.open_at(topic_for_page(PAGES[max(0, self.nav.currentRow())].module))
