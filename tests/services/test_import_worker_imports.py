"""A workspace import's worker process imports only what checking a progress file needs: every worker pays its
imports at start-up (each is a fresh "spawn" interpreter)."""

from __future__ import annotations

import subprocess
import sys


def test_the_checking_code_imports_no_yaml_database_or_qt() -> None:
    code = ("import sys\n"
            "import etrainer.services.import_reading\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'yaml', 'sqlalchemy', 'PySide6', 'markdown'}))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
