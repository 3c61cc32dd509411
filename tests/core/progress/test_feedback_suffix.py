"""The reply file's suffix is repeated in ui/feedback_flow.py (imported before the first paint): both agree."""

from etrainer.core.progress.feedback import FEEDBACK_SUFFIX


def test_the_window_knows_the_same_feedback_suffix() -> None:
    import ast
    from pathlib import Path

    source = Path(__file__).resolve().parents[3] / "src" / "etrainer" / "ui" / "feedback_flow.py"
    values = [node.value.value for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
              if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "FEEDBACK_SUFFIX" for t in node.targets)]
    assert values == [FEEDBACK_SUFFIX]
