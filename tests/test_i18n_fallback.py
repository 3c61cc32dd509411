"""A checkout or editable install whose .qm files were never compiled still starts in Ukrainian."""

from __future__ import annotations

import shutil

from PySide6.QtCore import QCoreApplication, QTranslator

from etrainer.i18n import catalog_dir
from etrainer.paths import translations_dir


def test_a_missing_qm_is_compiled_from_its_ts_source(tmp_path, qapp):
    shutil.copy(translations_dir() / "etrainer_uk.ts", tmp_path)
    folder = catalog_dir(tmp_path, "uk")
    assert folder != tmp_path and (folder / "etrainer_uk.qm").is_file()
    translator = QTranslator()
    assert translator.load("etrainer_uk", str(folder))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("ExportDialog", "Save the file…") == "Зберегти файл…"
    finally:
        QCoreApplication.removeTranslator(translator)
        shutil.rmtree(folder)


def test_a_compiled_catalog_is_used_where_it_is(tmp_path):
    (tmp_path / "etrainer_uk.qm").write_bytes(b"")
    (tmp_path / "etrainer_uk.ts").write_text("<TS/>")
    assert catalog_dir(tmp_path, "uk") == tmp_path
