"""Core, storage and services run without Qt."""

from __future__ import annotations

import subprocess
import sys


def test_storage_and_services_do_not_import_qt() -> None:
    code = ("import sys\n"
            "import etrainer.core.progress.completion, etrainer.core.learner.profiles, etrainer.core.learner.notes\n"
            "import etrainer.core.course.search\n"
            "import etrainer.storage.db, etrainer.storage.recovery, etrainer.storage.search_index\n"
            "import etrainer.services.facade, etrainer.core.course.reader\n"
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
