"""`etrainer profiles --reset-pin NAME` and `etrainer demo-data --to-workspace`."""

from __future__ import annotations

from etrainer.cli import main
from etrainer.services.facade import open_services
from etrainer.services.methodist import WorkspaceService
from etrainer.storage.workspace import default_workspace_path, open_workspace


def test_a_forgotten_pin_is_removed_by_name(tmp_path, capsys):
    services = open_services(tmp_path)
    services.profiles.create("Оля Тест", "", "", pin="1234")
    services.close()
    assert main(["profiles", "--data-dir", str(tmp_path), "--reset-pin", "оля тест"]) == 0
    assert "Оля Тест" in capsys.readouterr().out
    services = open_services(tmp_path)
    assert not services.profiles.list()[0].has_pin
    services.close()
    assert main(["profiles", "--data-dir", str(tmp_path), "--reset-pin", "Ніхто"]) == 1
    assert "no profile named “Ніхто”" in capsys.readouterr().err


def test_demo_learners_go_straight_into_the_workspace(tmp_path, capsys):
    assert main(["demo-data", "--data-dir", str(tmp_path), "--learners", "2", "--to-workspace"]) == 0
    assert "imported into the workspace" in capsys.readouterr().out
    workspace = open_workspace(default_workspace_path(tmp_path))
    try:
        assert len(WorkspaceService(workspace).imported_files()) == 2
    finally:
        workspace.dispose()


def test_a_progress_file_named_on_a_command_line_goes_to_the_command(tmp_path, capsys):
    from etrainer.cli import _split_opened_files

    assert _split_opened_files(["--data-dir", "D", "anna.etprogress"], {"workspace"}) == (
        ["anna.etprogress"], ["--data-dir", "D"])  # a double-click: the app opens the file
    assert main(["demo-data", "--data-dir", str(tmp_path), "--learners", "1"]) == 0
    services = open_services(tmp_path)
    name = services.profiles.list()[0].name
    services.close()
    out = tmp_path / "out.etprogress"
    assert main(["export-progress", "--data-dir", str(tmp_path), "--profile", name, "--format", "progress",
                 "-o", str(out)]) == 0
    assert out.is_file()
