"""Translation helpers that any layer may import.

`QT_TRANSLATE_NOOP` marks a string for the catalog without importing Qt, so core code can
carry translatable sentences; the UI translates them when it shows them.
`install_translators` is the only function here that touches Qt, and it imports Qt lazily.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
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
    for name, folder in (("qtbase", qt_dir), ("etrainer", str(catalog_dir(translations_dir(), language)))):
        translator = QTranslator(app)
        if translator.load(f"{name}_{language}", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def catalog_dir(folder: Path, language: str) -> Path:
    """The folder holding `etrainer_<language>.qm`: `folder`, or, when only the .ts source is there (a
    checkout or editable install nobody compiled), a temporary folder it is compiled into with PySide6's
    lrelease. A failed compilation leaves the English source strings."""
    name = f"etrainer_{language}"
    if (folder / f"{name}.qm").is_file() or not (folder / f"{name}.ts").is_file():
        return folder
    import subprocess  # only for a catalog nobody compiled: not on the way to the first paint

    import PySide6

    tool = next((p for p in (Path(PySide6.__file__).parent / n for n in ("lrelease", "lrelease.exe")) if p.is_file()),
                None)
    if tool is None:
        return folder
    try:
        target = Path(tempfile.mkdtemp(prefix="etrainer-translations-"))
        subprocess.run([str(tool), "-silent", str(folder / f"{name}.ts"), "-qm", str(target / f"{name}.qm")],
                       check=True, capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return folder
    return target
