"""The methodist's workspace speaks Ukrainian conventions: names by surname in Ukrainian order,
numbers with a decimal comma and «69 %», tags by their titles, small samples flagged; it fits a
1024 px screen and a person's card does not narrow the matrix."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QTableView, QTextBrowser

from etrainer.core.course.pack import load_pack
from etrainer.core.progress.dashboard import DashboardData, LearnerRecord, LessonRecord, module_matrix
from etrainer.core.progress.item_analysis import ItemStat
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.facade import open_app_services
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import open_workspace
from etrainer.ui.methodist.models import CollatingProxy, ItemModel, MatrixModel
from etrainer.ui.methodist.window import WorkspaceWindow

COURSE = load_pack(bundled_course_dir()).course
NBSP = "\u00a0"


@pytest.fixture
def ukrainian():
    before = QLocale()
    QLocale.setDefault(QLocale("uk"))
    yield
    QLocale.setDefault(before)


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    root = tmp_path_factory.mktemp("inbox")
    services = open_app_services(root / "data")
    make_demo_learners(services, COURSE, 3, seed=4)
    for number, profile in enumerate(services.profiles.list()):
        services.transfer.export_progress(profile.id, COURSE, root / f"l{number}.etprogress")
    services.close()
    return root


@pytest.fixture
def window(qtbot, tmp_path, inbox, ukrainian):
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    window = WorkspaceWindow(WorkspaceService(workspace, COURSE))
    qtbot.addWidget(window)
    window.import_paths([inbox])
    yield window
    workspace.dispose()


def _column(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_names_sort_by_surname_in_ukrainian_order_not_by_code_point(qtbot):
    names = ["Ірина Коваль", "Ігор Бондар", "Богдан Ющенко", "Олена Ґудзь", "Андрій Коваль", "Єва Гнатюк"]
    learners = tuple(LearnerRecord(f"u{i}", name) for i, name in enumerate(names))
    model = MatrixModel()
    model.set_matrix(module_matrix(COURSE, DashboardData(learners)))
    proxy = CollatingProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    shown = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert shown == ["Ігор Бондар", "Єва Гнатюк", "Олена Ґудзь", "Андрій Коваль", "Ірина Коваль", "Богдан Ющенко"]


def test_percentages_and_decimals_follow_the_locale(qtbot, ukrainian):
    read = tuple(LessonRecord("u0", lesson.id, lesson.module_id, datetime(2026, 10, 1, tzinfo=UTC))
                 for lesson in COURSE.modules[0].lessons)
    model = MatrixModel()
    model.set_matrix(module_matrix(COURSE, DashboardData((LearnerRecord("u0", "Ірина Коваль"),), read)))
    course_share = model.index(0, 2).data()
    assert course_share.endswith(f"{NBSP}%") and "." not in course_share
    items = ItemModel()
    items.set_rows([ItemStat("q1", "quiz", "Питання", "single_choice", 6, 0.45, -0.64, ())])
    assert items.index(0, 3).data() == f"45{NBSP}%"
    assert items.index(0, 4).data() == "\u22120,64"  # a decimal comma and the minus sign


def test_item_statistics_from_fewer_than_ten_answers_are_flagged(qtbot, ukrainian):
    items = ItemModel()
    items.set_rows([ItemStat("q1", "quiz", "Мало", "single_choice", 6, 0.5, 0.1, ()),
                    ItemStat("q2", "quiz", "Досить", "single_choice", 10, 0.5, 0.1, ())])
    assert "small sample" in items.index(0, 2).data() and items.index(1, 2).data() == "10"
    assert "6" in items.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_competencies_show_tag_titles_with_unclipped_headers(window):
    view = window.findChild(QTableView, "tagTable")
    shown = _column(view, 0)
    assert "«Світове кафе»" in shown and "Публічний комп'ютер" in shown
    assert not {"world-cafe", "qtsp", "public-pc"} & set(shown)
    header = view.horizontalHeader()
    for column in range(view.model().columnCount() - 1):  # the last one stretches
        assert view.columnWidth(column) >= header.sectionSizeHint(column), column


def test_the_window_fits_a_1024_screen_and_the_card_leaves_the_matrix_its_width(window, qtbot):
    assert window.minimumSizeHint().width() <= 1024
    assert window.width() <= window.screen().availableGeometry().width()
    window.resize(1024, 740)
    window.show()
    qtbot.waitExposed(window)
    matrix = window.findChild(QTableView, "matrixTable")
    matrix.selectRow(0)
    qtbot.wait(10)
    card = window.findChild(QTextBrowser, "learnerDetail")
    assert "55" in card.toPlainText()  # the course in units: 38 lessons, 9 quizzes, 8 walkthroughs
    assert matrix.viewport().width() > 900  # the card is below, not beside
    # the learner's columns, one per module, then «Есе» (marked / waiting)
    module_widths = [matrix.columnWidth(c) for c in range(3, 3 + len(COURSE.modules))]
    assert matrix.model().columnCount() == 3 + len(COURSE.modules) + 1 and min(module_widths) > 40
    bar = matrix.horizontalScrollBar()
    bar.setValue(bar.maximum())
    last = matrix.model().columnCount() - 1
    assert matrix.columnViewportPosition(last) + matrix.columnWidth(last) <= matrix.viewport().width() + 1


@pytest.mark.parametrize("theme", ["light", "contrast", "projector"])
def test_in_every_theme_the_window_fits_1024_by_768(qtbot, tmp_path, theme, ukrainian):
    from PySide6.QtWidgets import QApplication

    from etrainer.ui.theme import Theme, apply_theme

    app = QApplication.instance()
    before = app.styleSheet(), app.property("etrainerTheme")
    apply_theme(app, Theme(theme))
    workspace = open_workspace(tmp_path / "workspace.sqlite3")
    try:
        window = WorkspaceWindow(WorkspaceService(workspace, COURSE))
        qtbot.addWidget(window)
        window.show()
        hint = window.minimumSizeHint()
        # Room on a 1024×768 screen for the frame (16 px) and the title bar and a panel (48 px).
        assert hint.width() <= 1024 - 16 and hint.height() <= 768 - 48, (theme, hint.toTuple())
    finally:
        workspace.dispose()
        app.setStyleSheet(before[0])
        app.setProperty("etrainerTheme", before[1])


def _luminance(color) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def test_coloured_module_cells_carry_their_own_dark_text(qtbot):
    """The high-contrast theme's text is white: on the light state fills it vanished (WCAG AA needs 4.5:1)."""
    model = MatrixModel()
    read = tuple(LessonRecord("u0", lesson.id, lesson.module_id, datetime(2026, 10, 1, tzinfo=UTC))
                 for lesson in COURSE.modules[0].lessons[:1])
    model.set_matrix(module_matrix(COURSE, DashboardData((LearnerRecord("u0", "Ірина Коваль"),), read)))
    for column in range(3, model.columnCount()):
        index = model.index(0, column)
        background = index.data(Qt.ItemDataRole.BackgroundRole).color()
        foreground = index.data(Qt.ItemDataRole.ForegroundRole).color()
        light, dark = sorted((_luminance(background), _luminance(foreground)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 4.5, column
