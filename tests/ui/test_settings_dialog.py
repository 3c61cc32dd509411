"""Settings: the course to open next time is chosen among the installed packs; backups are listed in words."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QListWidget

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
