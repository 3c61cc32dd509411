"""The welcome tour pages through and can be skipped; guides open in the safe viewer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QStackedWidget, QTextBrowser

from etrainer.paths import guides_dir
from etrainer.ui.welcome import GUIDES, GuideViewer, WelcomeTour


def test_the_tour_goes_to_its_end(qtbot):
    tour = WelcomeTour()
    qtbot.addWidget(tour)
    tour.show()
    pages = tour.findChild(QStackedWidget, "tourPages")
    next_button = tour.findChild(QPushButton, "tourNextButton")
    for index in range(pages.count() - 1):
        assert tour.findChild(QLabel, "tourCounter").text() == f"{index + 1} / {pages.count()}"
        qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert pages.currentIndex() == pages.count() - 1
    qtbot.mouseClick(next_button, Qt.MouseButton.LeftButton)
    assert tour.result() == QDialog.DialogCode.Accepted and tour.read_to_end


def test_the_tour_can_be_skipped_at_once(qtbot):
    tour = WelcomeTour()
    qtbot.addWidget(tour)
    tour.show()
    qtbot.mouseClick(tour.findChild(QPushButton, "skipTourButton"), Qt.MouseButton.LeftButton)
    assert tour.result() == QDialog.DialogCode.Rejected and not tour.read_to_end


def test_every_guide_exists_and_renders(qtbot):
    for name in GUIDES.values():
        path = guides_dir() / name
        assert path.is_file(), path
        viewer = GuideViewer(path)
        qtbot.addWidget(viewer)
        text = viewer.findChild(QTextBrowser, "guideBrowser").toPlainText()
        assert len(text) > 500 and "cannot be read" not in text


def test_a_missing_guide_is_said_in_words(qtbot, tmp_path):
    viewer = GuideViewer(tmp_path / "nope.md")
    qtbot.addWidget(viewer)
    assert "cannot be read" in viewer.findChild(QTextBrowser, "guideBrowser").toPlainText()
