"""Settings: the course to open next time is chosen among the installed packs; backups are listed in words."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QListWidget, QWidget

from etrainer.exchange.course_pack import add_pack
from etrainer.paths import packs_dir
from etrainer.prefs import Prefs
from etrainer.services.facade import open_app_services
from etrainer.ui.settings_dialog import SettingsDialog

GOOD = Path(__file__).parents[1] / "data" / "packs" / "good"


def test_choosing_the_course_for_the_next_start(qtbot, tmp_path):
    data = tmp_path / "data"
    services = open_app_services(data)
    add_pack(GOOD, packs_dir(data))
    prefs = Prefs.load(data)
    dialog = SettingsDialog(services, prefs, data)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QComboBox, "courseBox")
    ids = [box.itemData(i) for i in range(box.count())]
    assert set(ids) == {"e-services-in-libraries", "test-course"}
    box.setCurrentIndex(ids.index("test-course"))
    assert Prefs.load(data).course_id == "test-course"
    services.close()


def test_backups_are_described_in_words(qtbot, tmp_path):
    data = tmp_path / "data"
    services = open_app_services(data)
    services.backup_now("manual")
    dialog = SettingsDialog(services, Prefs.load(data), data)
    qtbot.addWidget(dialog)
    item = dialog.findChild(QListWidget, "backupList").item(0).text()
    assert "made by hand" in item and "KB" in item
    services.close()
    shutil.rmtree(data, ignore_errors=True)


def test_the_methodists_settings_fit_1024_wide_in_the_projector_theme(qtbot, tmp_path):
    """The workspace and LRS sections shown: nothing asks for a horizontal scroll bar at 1024×768 in the
    projector's large type (a long radio-button text once did: radio buttons do not wrap)."""
    from PySide6.QtWidgets import QApplication, QScrollArea

    from etrainer.i18n import install_translators
    from etrainer.ui.theme import Theme, apply_theme

    app = QApplication.instance()
    before = app.styleSheet(), app.property("etrainerTheme")
    translators = install_translators(app, "uk")
    apply_theme(app, Theme.PROJECTOR)
    data = tmp_path / "data"
    services = open_app_services(data)
    try:
        dialog = SettingsDialog(services, Prefs.load(data), data)
        qtbot.addWidget(dialog)
        dialog._role.setCurrentIndex(dialog._role.findData("methodist"))
        dialog.findChild(type(dialog._server), "workspaceServerRadio").setChecked(True)
        dialog.resize(1024 - 16, 768 - 48)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.findChild(QScrollArea, "settingsScroll").isVisible())
        scroll = dialog.findChild(QScrollArea, "settingsScroll")
        assert dialog.findChild(QWidget, "workspaceBox").isVisible()
        assert scroll.widget().minimumSizeHint().width() <= scroll.viewport().width(), dialog._server.text()
        assert dialog.minimumSizeHint().width() <= 1024 - 16
    finally:
        services.close()
        for translator in translators:
            app.removeTranslator(translator)
        app.setStyleSheet(before[0])
        app.setProperty("etrainerTheme", before[1])
