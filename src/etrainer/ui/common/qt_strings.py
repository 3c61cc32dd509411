"""Qt's own dialog strings that Qt's Ukrainian catalog (qtbase_uk.qm of this PySide6) does not translate.

Qt renamed these labels of the standard (non-native) file dialog, and qtbase_uk still has only the old
texts («Look in:», «Files of type:»), so the dialog showed «&Look in:» and «Files of &type:» in English.
Marking them here puts them into eTrainer's catalog under Qt's own context, which is loaded after
qtbase and so fills the gap (tests/ui/test_export_dialog.py opens the dialog and checks every label).
This module is never imported: only lupdate reads it.
"""

from etrainer.i18n import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
