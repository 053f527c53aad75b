"""Họp Hội đồng: the year's council, the meeting (minutes' header), who attended, the votes, the discussion.

Each vote is typed in its row's spin box; the result ("4/5 phiếu đồng ý (80%),
đạt …") is worked out by the service under the award's rule and shown as soon
as the count is saved. A refused count (more votes than voters) keeps the old one.
"""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.text import clean_line, clean_text
from app.errors import UserError
from app.services import council
from ui.dialogs.error_dialog import show_error
from ui.widgets.optional_date import OptionalDate
from ui.dossier import (
    GREEN,
    ID_ROLE,
    RED,
    AutoField,
    DossierView,
    fit_rows,
    make_table,
    note_label,
)
from app.services.changes import short
from ui.dossier.council_models import AttendanceModel, MembersModel, VotesDelegate, VotesModel
from ui.dossier.council_rules_dialog import edit_rules
from ui.dossier.council_written import WrittenVotesBox
from ui.widgets.autosave import text_box, transient


def parse_time(text: str) -> time | None | str:
    """"8:30", "08h30", "8 giờ 30", "14" as a time; "" as none; anything else comes back as the text."""
    text = clean_line(text).lower()
    if not text:
        return None
    found = re.fullmatch(r"(\d{1,2})\s*(?:[:hg.]|giờ)?\s*(\d{2})?\s*(?:phút|p)?", text)
    if found and int(found.group(1)) < 24 and int(found.group(2) or 0) < 60:
        return time(int(found.group(1)), int(found.group(2) or 0))
    return text


class CouncilTab(QWidget):
    def __init__(self, edits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = edits
        self.view: DossierView | None = None
        self.members_model = MembersModel(self)
        self.members = make_table(self.members_model, "council_members")
        self.role = QComboBox(objectName="member_role", editable=True, toolTip="Vai trò trong Hội đồng")
        self.role.addItems(council.council_roles())
        self.person = QComboBox(objectName="member_name", editable=True,
                                toolTip="Chọn trong danh sách cán bộ, công chức hoặc gõ họ tên người khác")
        self.person.lineEdit().setPlaceholderText("Họ và tên")
        self.person.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.person.setMinimumContentsLength(12)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.member_title = QLineEdit(objectName="member_title", placeholderText="Chức vụ")
        self.add_member_button = QPushButton("Thêm", objectName="add_member", clicked=lambda: self.add_member())
        self.remove_member_button = QPushButton("Bỏ khỏi Hội đồng", objectName="remove_member",
                                                clicked=self.remove_member)
        self.copy_button = QPushButton(objectName="copy_members", clicked=self.copy_members)
        self.number = QLineEdit(objectName="meeting_number", placeholderText="Ví dụ: 01/BB-HĐTĐKT")
        self.held_on = OptionalDate("held_on")
        self.starts_at = QLineEdit(objectName="starts_at", placeholderText="giờ:phút")
        self.ends_at = QLineEdit(objectName="ends_at", placeholderText="giờ:phút")
        for clock, sample in ((self.starts_at, "07:45"), (self.ends_at, "10:15")):
            clock.setProperty("sample", sample)  # a time: what a test may type there
        self.place = QLineEdit(objectName="place", placeholderText="Ví dụ: Hội trường UBND xã")
        self.chair, self.secretary = QComboBox(objectName="chair"), QComboBox(objectName="secretary")
        self.method = QComboBox(objectName="method")
        for key, label in council.METHODS.items():
            self.method.addItem(label[:1].upper() + label[1:], key)
        self.attendance_model = AttendanceModel(self)
        self.attendance = make_table(self.attendance_model, "attendance")
        self.attendance.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.quorum = QLabel(objectName="quorum", wordWrap=True)
        self.rules_button = QPushButton(objectName="council_rules", clicked=self.open_rules)
        self.written = WrittenVotesBox()
        self.votes_model = VotesModel(self)
        self.votes = make_table(self.votes_model, "votes")
        self.votes_delegate = VotesDelegate(self.votes)
        self.votes.setItemDelegateForColumn(VotesModel.COUNT, self.votes_delegate)
        self.discussion = text_box("discussion", 5,
                                   "Hội đồng thảo luận, phân tích, đánh giá…; Chủ tịch Hội đồng kết luận")
        self.fields = self._fields()
        self._build()
        for table, widths in ((self.members, (150, 170)), (self.attendance, (230, 60, 110)),
                              (self.votes, (160, 150, 90, 170))):
            for column, width in enumerate(widths):
                table.horizontalHeader().resizeSection(column, width)
        self.attendance_model.marked.connect(self.mark)
        self.votes_model.voted.connect(self.vote)
        self.written.model.written.connect(self.write_vote)
        self.members.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.person.activated.connect(self._person_chosen)
        self.person.lineEdit().returnPressed.connect(lambda: self.add_member())

    def _fields(self) -> dict[str, AutoField]:
        def saver(name: str, what: str):
            return lambda key, value: self._save_meeting(key, name, value, what)

        def line(edit: QLineEdit, name: str, what: str) -> AutoField:
            return AutoField(lambda: clean_line(edit.text()), edit.setText, saver(name, what), [edit.textEdited],
                             [edit.editingFinished], (), self)

        def clock(edit: QLineEdit, name: str, what: str) -> AutoField:
            return AutoField(lambda: parse_time(edit.text()), lambda t: edit.setText(f"{t:%H:%M}" if t else ""),
                             saver(name, what), (), [edit.editingFinished], (), self)

        def choice(box: QComboBox, name: str, what: str) -> AutoField:
            return AutoField(box.currentData, lambda v: box.setCurrentIndex(max(0, box.findData(v))),
                             saver(name, what), (), [box.currentIndexChanged], (), self)

        day, talk = self.held_on, self.discussion
        return {
            "number": line(self.number, "number", "Sửa số biên bản"),
            "place": line(self.place, "place", "Sửa địa điểm họp"),
            "starts_at": clock(self.starts_at, "starts_at", "Sửa giờ bắt đầu họp"),
            "ends_at": clock(self.ends_at, "ends_at", "Sửa giờ kết thúc họp"),
            "held_on": AutoField(day.value, lambda v: day.set_value(v, self._year()), saver("held_on", "Sửa ngày họp"),
                                 [day.edit.dateChanged], [day.given.toggled, day.edit.editingFinished], (), self),
            "chair_id": choice(self.chair, "chair_id", "Chọn người chủ trì"),
            "secretary_id": choice(self.secretary, "secretary_id", "Chọn thư ký"),
            "method": choice(self.method, "method", "Sửa hình thức biểu quyết"),
            "discussion": AutoField(lambda: clean_text(talk.toPlainText()), talk.setPlainText,
                                    saver("discussion", "Sửa nội dung thảo luận"), [talk.textChanged], (), [talk],
                                    self),
        }

    def _build(self) -> None:
        members_box = QGroupBox(objectName="members_box")
        members = QVBoxLayout(members_box)
        members.addWidget(self.members)
        adding = QHBoxLayout()
        for entry in (self.role, self.person, self.member_title):
            transient(entry)  # the entry row of "Thêm": nothing there is a record until the button adds it
        adding.addWidget(self.role, 2)
        adding.addWidget(self.person, 3)
        adding.addWidget(self.member_title, 2)
        adding.addWidget(self.add_member_button)
        members.addLayout(adding)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_member_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        members.addLayout(buttons)
        self.members_box = members_box
        meeting_box = QGroupBox("Cuộc họp (biên bản)")
        form = QFormLayout(meeting_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Số biên bản:", self.number)
        form.addRow("Ngày họp:", self.held_on)
        hours = QHBoxLayout()
        for label, edit in (("Bắt đầu", self.starts_at), ("kết thúc", self.ends_at)):
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00:00") * 3)
            hours.addWidget(QLabel(label))
            hours.addWidget(edit)
        hours.addStretch(1)
        form.addRow("Giờ họp:", hours)
        form.addRow("Địa điểm:", self.place)
        form.addRow("Chủ trì:", self.chair)
        form.addRow("Thư ký:", self.secretary)
        form.addRow("Biểu quyết:", self.method)
        attendance_box = QGroupBox("Thành viên dự họp")
        attendance = QVBoxLayout(attendance_box)
        attendance.addWidget(self.attendance)
        attendance.addWidget(self.quorum)
        attendance.addWidget(self.rules_button)
        votes_box = QGroupBox("Kết quả biểu quyết")
        votes = QVBoxLayout(votes_box)
        votes.addWidget(self.votes)
        votes.addWidget(note_label("Gõ số phiếu đồng ý của các thành viên dự họp rồi nhấn Enter. Ý kiến bằng văn "
                                   "bản của thành viên vắng mặt nhập ở bảng dưới; với danh hiệu tính trên tổng số "
                                   "thành viên Hội đồng (như Chiến sĩ thi đua cơ sở) ý kiến đó được cộng vào."))
        talk_box = QGroupBox("Nội dung thảo luận, kết luận")
        QVBoxLayout(talk_box).addWidget(self.discussion)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(4, 0, 4, 0)
        for box in (members_box, meeting_box, attendance_box, votes_box, self.written, talk_box):
            column.addWidget(box)
        column.addStretch(1)
        self.scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll)
        self.sections = {"members": members_box, "meeting": meeting_box, "votes": votes_box, "written": self.written}

    def _year(self) -> int:
        return self.view.dossier.year if self.view else self.held_on.edit.date().year()

    # --- showing ------------------------------------------------------------------------

    def show_view(self, view: DossierView) -> None:
        self.view = view
        held, year = view.meeting, view.dossier.year
        self.members_box.setTitle(f"Thành viên Hội đồng Thi đua - Khen thưởng năm {year}")
        self.copy_button.setText(f"Chép từ năm {year - 1}")
        self.members_model.show_rows(view.members, lambda member: member.id)
        self._fill_people()
        self.attendance_model.show_rows(held.attendance, lambda item: item.member.id)
        rules = {key: outcome.rule.describe() for key, outcome in view.outcomes.items() if outcome.rule}
        votes = [(item, rules.get(item.id, ""), view.outcome_text(item.id), view.outcome_state(item.id))
                 for item in view.nominations]
        self.votes_delegate.maximum = max(held.present, 0)  # written votes are entered apart
        self.votes_delegate.locked = view.decision.issued
        self._show_votes(votes)
        for table, count in ((self.members, len(view.members)), (self.attendance, held.total),
                             (self.votes, len(votes))):
            fit_rows(table, count)
        self._fill_members(self.chair, "chair_id", held.chair)
        self._fill_members(self.secretary, "secretary_id", held.secretary)
        key = view.dossier.id
        for name in ("number", "place", "starts_at", "ends_at", "held_on", "method", "discussion"):
            self.fields[name].show(key, getattr(held, name))
        self._show_quorum(view)
        self.rules_button.setText(f"Quy chế của Hội đồng năm {year}…")
        self.written.show_view(view)
        self._enable()

    def _show_votes(self, rows) -> None:
        same = [row[0].id for row in rows] == [self.votes_model.index(r, 0).data(ID_ROLE)
                                               for r in range(self.votes_model.rowCount())]
        self.votes_model.show_rows(rows, lambda row: row[0].id)
        if not same:  # new rows: their spin boxes are made again
            for row in range(len(rows)):
                index = self.votes_model.index(row, VotesModel.COUNT)
                self.votes.openPersistentEditor(index)
                self.votes.indexWidget(index).lineEdit().deselect()  # the view selects an editor's text

    def _fill_members(self, box: QComboBox, name: str, chosen) -> None:
        field = self.fields[name]
        with field.autosave:
            box.clear()
            box.addItem("— chưa chọn —", None)
            for member in self.view.members:
                box.addItem(f"{member.full_name} ({member.role})", member.id)
            box.setCurrentIndex(max(0, box.findData(chosen.id if chosen else None)))
        field.saved = box.currentData()  # filled from what is saved: there is no choice of the clerk's to keep
        field.show(self.view.dossier.id, chosen.id if chosen else None)

    def _show_quorum(self, view: DossierView) -> None:
        held = view.meeting
        if held.total == 0:
            self.quorum.setText(f"Chưa có thành viên Hội đồng năm {view.dossier.year}: "
                                "thêm ở trên hoặc chép từ năm trước.")
            self.quorum.setStyleSheet(f"color: {RED}")
            return
        written = f"; {held.written} thành viên vắng mặt có ý kiến bằng văn bản" if held.written else ""
        self.quorum.setText(held.quorum_text() + written + ".")
        self.quorum.setStyleSheet(f"color: {GREEN if held.quorum_met else RED}; font-weight: bold")

    def _enable(self) -> None:
        self.remove_member_button.setEnabled(self.members.currentIndex().isValid())
        self.copy_button.setEnabled(self.view is not None and not self.view.members)

    def show_section(self, name: str) -> None:
        box = self.sections.get(name)
        if box is not None:
            self.scroll.ensureWidgetVisible(box, 0, 0)

    def select(self, nomination_id: int | None) -> None:
        """Go to a nominee's vote."""
        self.show_section("votes")
        row = self.votes_model.row_of(nomination_id)
        if row >= 0:
            index = self.votes_model.index(row, VotesModel.COUNT)
            self.votes.setCurrentIndex(index)
            editor = self.votes.indexWidget(index)
            if editor is not None:
                editor.setFocus()

    def flush(self) -> None:
        for field in self.fields.values():
            field.flush()

    # --- editing --------------------------------------------------------------------------

    def _save_meeting(self, dossier_id: int, name: str, value, what: str) -> bool:
        if isinstance(value, str) and name in ("starts_at", "ends_at"):
            show_error(self, UserError(f"“{value}” không phải là giờ.", "Gõ giờ theo dạng 08:00 hoặc 14:30."))
            return False
        return self.edits.meeting(dossier_id, what, **{name: value})

    def vote(self, nomination_id: int, votes_for: int | None) -> bool:
        item = self.view.nomination(nomination_id) if self.view else None
        if item is None:
            return False
        text = f"Nhập {votes_for} phiếu — {short(item.name)}" if votes_for is not None else \
            f"Xóa số phiếu — {short(item.name)}"
        if self.edits.votes(nomination_id, votes_for, text):
            return True
        index = self.votes_model.index(self.votes_model.row_of(nomination_id), VotesModel.COUNT)
        self.votes_model.dataChanged.emit(index, index)  # the spin box goes back to the count saved
        return False

    def write_vote(self, nomination_id: int, member_id: int, agrees: bool | None) -> bool:
        item, member = self.view.nomination(nomination_id), next(m for m in self.view.members if m.id == member_id)
        word = {True: "đồng ý", False: "không đồng ý", None: "xóa"}[agrees]
        return self.edits.written(nomination_id, member_id, agrees,
                                  f"Ý kiến văn bản của {short(member.full_name)}: {word} — {short(item.name)}")

    def open_rules(self) -> bool:
        return self.view is not None and edit_rules(self, self.edits, self.view.dossier.id)

    def mark(self, member_id: int, present: bool, reason: str, written: bool) -> bool:
        member = next((item for item in self.view.members if item.id == member_id), None) if self.view else None
        if member is None:
            return False
        what = "có mặt" if present else "vắng mặt"
        return self.edits.attendance(self.view.dossier.id, member_id, (present, reason, written),
                                     f"Đánh dấu {short(member.full_name)} {what}")

    def _fill_people(self) -> None:
        """The officials to pick from (a name typed that is not among them is an outside member)."""
        typed = self.person.currentText()
        self.person.blockSignals(True)
        self.person.clear()
        for official in self.view.people:
            self.person.addItem(official.full_name, official.id)
            self.person.setItemData(self.person.count() - 1, official.position, Qt.ItemDataRole.UserRole + 1)
        self.person.setCurrentIndex(-1)
        self.person.setEditText(typed)
        self.person.blockSignals(False)

    def _person_chosen(self, row: int) -> None:
        self.member_title.setText(self.person.itemData(row, Qt.ItemDataRole.UserRole + 1) or "")

    def _entered_member(self) -> tuple[str, int | None, str, str]:
        name = clean_line(self.person.currentText())
        row = self.person.findText(name, Qt.MatchFlag.MatchFixedString)
        official_id = self.person.itemData(row) if row >= 0 else None
        return clean_line(self.role.currentText()), official_id, name, clean_line(self.member_title.text())

    def add_member(self, role: str | None = None, official_id: int | None = None, full_name: str = "",
                   title: str = "") -> int | None:
        """Add a member (no role given: the one entered under the table); returns the new id."""
        if self.view is None:
            return None
        typed = role is None
        if typed:
            role, official_id, full_name, title = self._entered_member()
        year = self.view.dossier.year
        outcome = self.edits.apply(lambda: council.add_member(self.edits.store, year, role, official_id, full_name,
                                                              title))
        if not outcome.ok:
            return None
        added = outcome.value
        if typed:
            self.person.setEditText("")
            self.member_title.clear()
            self.role.setCurrentIndex(max(0, self.role.findText("Ủy viên")))
        return added.value

    def remove_member(self) -> None:
        index = self.members.currentIndex()
        if self.view is None or not index.isValid():
            return
        member = self.view.members[index.row()]
        self.edits.apply(lambda: council.remove_member(self.edits.store, member.id))

    def copy_members(self) -> None:
        if self.view is None:
            return
        year, store = self.view.dossier.year, self.edits.store
        outcome = self.edits.apply(lambda: council.copy_members(store, year - 1, year))
        if outcome.ok and not outcome.value.value:  # done, but last year had nobody to copy
            show_error(self, UserError(f"Năm {year - 1} chưa có danh sách Hội đồng để chép.",
                                       "Thêm từng thành viên bằng nút “Thêm thành viên…”."))
