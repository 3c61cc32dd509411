"""Translation helpers that any layer may import.

`QT_TRANSLATE_NOOP` marks a string for the catalog without importing Qt, so core code can
carry translatable sentences; the UI translates them when it shows them.
`install_translators` is the only function here that touches Qt, and it imports Qt lazily.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtCore import QCoreApplication

DEFAULT_LANGUAGE = "uk"
LANGUAGES = ("uk", "en")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context`; return it unchanged."""
    return text


def install_translators(app: QCoreApplication, language: str) -> list[object]:
    """Load Qt's own and eTrainer's catalogs for `language`; return them to keep them alive."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from etrainer.paths import translations_dir

    installed: list[object] = []
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(language))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("etrainer", str(translations_dir()))):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
