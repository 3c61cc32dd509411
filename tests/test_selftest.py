"""`etrainer --selftest` passes on a working checkout and names the failing step otherwise."""

from __future__ import annotations

import io

from etrainer import selftest


def test_the_selftest_passes_and_leaves_no_data_behind(tmp_path, monkeypatch):
    monkeypatch.setattr(selftest.tempfile, "tempdir", str(tmp_path))
    out = io.StringIO()
    assert selftest.run_selftest(out) == 0
    text = out.getvalue()
    assert "progress written and read" in text and "selftest: passed" in text
    assert "ok — PostgreSQL driver: psycopg 3." in text  # the test extra installs it, as the bundles carry it
    from PySide6.QtCore import QCoreApplication
    assert QCoreApplication.translate("QuizPage", "Right") == "Right"  # no translator left installed
    assert list(tmp_path.iterdir()) == []


def test_a_failing_step_is_named_and_exits_1(monkeypatch):
    def broken(state):
        raise RuntimeError("no lessons")

    steps = [(name, broken if name == "bundled course" else step) for name, step in selftest._STEPS]
    monkeypatch.setattr(selftest, "_STEPS", steps)
    out = io.StringIO()
    assert selftest.run_selftest(out) == 1
    assert "FAILED at “bundled course”: no lessons" in out.getvalue()
