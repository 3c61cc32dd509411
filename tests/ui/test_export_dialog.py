"""«Export for the methodist»: consent first, then a signed file that the workspace can read."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QRadioButton

from etrainer.core.course.pack import load_pack
from etrainer.core.progress.file import read_progress_file
from etrainer.paths import bundled_course_dir
from etrainer.services.demo_data import make_demo_learners
from etrainer.services.facade import open_app_services
from etrainer.ui.export_dialog import ExportDialog


def test_the_learner_sees_the_contents_consents_and_saves(qtbot, tmp_path):
    course = load_pack(bundled_course_dir()).course
    services = open_app_services(tmp_path / "data")
    make_demo_learners(services, course, 1, seed=3)
    learner = services.profiles.list()[0]
    dialog = ExportDialog(services, course, learner)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "consentText").text()
    assert learner.name in text and "PIN" in text
    save = dialog.findChild(QPushButton, "saveExportButton")
    assert not save.isEnabled()  # nothing leaves before the learner agrees
    consent = dialog.findChild(QCheckBox, "consentBox")
    qtbot.mouseClick(consent, Qt.MouseButton.LeftButton, pos=QPoint(6, consent.height() // 2))
    assert save.isEnabled()
    target = tmp_path / "out.etprogress"
    dialog.export_to(target)
    assert dialog.written == target
    document = read_progress_file(target)
    assert document.learner.name == learner.name and document.record_count > 0
    assert "Saved" in dialog.findChild(QLabel, "exportMessage").text()
    services.close()


def test_a_certificate_is_refused_with_a_sentence_when_the_course_is_not_done(qtbot, tmp_path):
    course = load_pack(bundled_course_dir()).course
    services = open_app_services(tmp_path / "data")
    learner = services.profiles.create("Нова Людина", "", "")
    dialog = ExportDialog(services, course, learner)
    qtbot.addWidget(dialog)
    dialog.findChild(QRadioButton, "format-certificate").setChecked(True)
    dialog.export_to(tmp_path / "cert.pdf")
    assert dialog.written is None
    assert "not saved" in dialog.findChild(QLabel, "exportMessage").text()
    assert not (tmp_path / "cert.pdf").exists()
    services.close()
