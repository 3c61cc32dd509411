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


def test_the_certificate_is_not_offered_before_the_course_is_passed_and_says_why(qtbot, tmp_path):
    course = load_pack(bundled_course_dir()).course
    services = open_app_services(tmp_path / "data")
    learner = services.profiles.create("Нова Людина", "", "")
    dialog = ExportDialog(services, course, learner)
    qtbot.addWidget(dialog)
    assert not dialog.findChild(QRadioButton, "format-certificate").isEnabled()
    reason = dialog.findChild(QLabel, "certificateReason").text()
    assert "0 of 38" in reason and "0 of 9" in reason and "0 of 8" in reason
    assert dialog.findChild(QRadioButton, "format-progress").isEnabled()
    services.close()


def test_a_disabled_save_button_does_not_look_like_the_primary_one(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from etrainer.ui.theme import Theme, apply_theme

    app = QApplication.instance()
    before = app.styleSheet(), app.property("etrainerTheme")
    apply_theme(app, Theme.LIGHT)
    course = load_pack(bundled_course_dir()).course
    services = open_app_services(tmp_path / "data")
    try:
        dialog = ExportDialog(services, course, services.profiles.create("Нова Людина", "", ""))
        qtbot.addWidget(dialog)
        dialog.show()
        save = dialog.findChild(QPushButton, "saveExportButton")

        def fill() -> tuple[int, int, int]:
            return save.grab().toImage().pixelColor(6, save.height() // 2).getRgb()[:3]

        disabled = fill()
        dialog.findChild(QCheckBox, "consentBox").setChecked(True)
        enabled = fill()
        assert save.isEnabled() and enabled != disabled  # the yellow primary fill only when it can be pressed
        assert sum(enabled) < sum(disabled) or enabled[2] < 100  # enabled: the saturated yellow (low blue)
    finally:
        services.close()
        app.setStyleSheet(before[0])
        app.setProperty("etrainerTheme", before[1])


def test_the_standard_file_dialog_speaks_ukrainian(qtbot):
    from PySide6.QtWidgets import QApplication, QFileDialog

    from etrainer.i18n import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "uk")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(dialog)
        labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
        # qtbase_uk lacks Qt's current «&Look in:» and «Files of &type:»: eTrainer's catalog fills them in.
        assert labels == {"lookInLabel": "&Перегляд в:", "fileNameLabel": "&Ім'я файлу:",
                          "fileTypeLabel": "&Тип файлів:"}
        buttons = {button.text() for button in dialog.findChildren(QPushButton)}
        assert buttons == {"&Зберегти", "Скасувати"}
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def test_in_large_type_the_dialog_fits_a_1024_by_768_screen(qtbot, tmp_path):
    from PySide6.QtWidgets import QApplication

    from etrainer.ui.theme import Theme, apply_theme

    app = QApplication.instance()
    before = app.styleSheet(), app.property("etrainerTheme")
    apply_theme(app, Theme.PROJECTOR)
    course = load_pack(bundled_course_dir()).course
    services = open_app_services(tmp_path / "data")
    try:
        dialog = ExportDialog(services, course, services.profiles.create("Нова Людина", "", ""))
        qtbot.addWidget(dialog)
        dialog.show()
        hint = dialog.minimumSizeHint()
        assert hint.width() <= 1024 - 16 and hint.height() <= 768 - 48, hint.toTuple()
    finally:
        services.close()
        app.setStyleSheet(before[0])
        app.setProperty("etrainerTheme", before[1])
