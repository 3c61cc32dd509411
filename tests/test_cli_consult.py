"""`etrainer consult …`: the command-line contracts, run as subprocesses like a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

LESSONS = Path(__file__).resolve().parents[1] / "lessons"


def etrainer(*argv: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    extra = ["--data-dir", str(data)] if data is not None else []
    return subprocess.run([sys.executable, "-m", "etrainer", *argv, *extra], capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from etrainer.services.facade import open_services

    folder = tmp_path_factory.mktemp("data")
    services = open_services(folder)
    services.profiles.create("Олена Петренко", "Степове", "бібліотекарка")
    services.close()
    return folder


def stored(data: Path) -> int:
    from etrainer.services.consultations import ConsultationService
    from etrainer.services.facade import open_services

    services = open_services(data)
    try:
        return sum(len(ConsultationService(services.database.sessions).list(p.id)) for p in services.profiles.list())
    finally:
        services.close()


def test_services_lists_the_pack_list_as_json() -> None:
    done = etrainer("consult", "services", "--course", str(LESSONS), "--json")
    assert done.returncode == 0, done.stderr
    services = json.loads(done.stdout)["services"]
    assert {"id": "criminal-record", "title": "Дія: витяг про несудимість", "module": "diia"} in services
    assert all(set(s) == {"id", "title", "module"} for s in services)


def test_add_then_list(data: Path) -> None:
    done = etrainer("consult", "add", "--profile", "олена петренко", "--service", "ehealth-declaration",
                    "--outcome", "partly", "--minutes", "20", "--channel", "web-portal", "--age-band", "age-60-plus",
                    "--alone-next-time", "no", "--note", "30 хв черга на сайті", data=data)
    assert done.returncode == 0, done.stderr
    listed = etrainer("consult", "list", "--profile", "Олена Петренко", "--json", data=data)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)["consultations"]
    assert [(r["service"], r["outcome"], r["minutes"], r["note"]) for r in rows][-1:] == [
        ("ehealth-declaration", "partly", 20, "30 хв черга на сайті")]
    assert set(rows[0]) == {"id", "at", "service", "outcome", "minutes", "note"}
    assert rows[0]["at"].endswith("Z")


@pytest.mark.parametrize(("extra", "message"), [
    (["--service", "subsidy", "--note", "тел. 067 123 45 67"], "phone number"),
    (["--service", "subsidy", "--note", "olena@ukr.net"], "e-mail"),
    (["--service", "passport-abroad"], "“passport-abroad” is not a known service"),
    (["--service", "subsidy", "--channel", "pigeon"], "“pigeon” is not a known channel"),
])
def test_a_refused_add_exits_1_with_the_reason_and_stores_nothing(data: Path, extra: list[str],
                                                                  message: str) -> None:
    before = stored(data)
    done = etrainer("consult", "add", "--profile", "Олена Петренко", "--outcome", "done", "--minutes", "10", *extra,
                    data=data)
    assert done.returncode == 1
    assert message in done.stderr
    assert stored(data) == before


def test_import_reports_refused_rows(data: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "month.csv"
    sheet.write_text("date;service;outcome;minutes;note\n2026-11-02;other;done;5;\n"
                     "2026-11-03;subsidy;done;10;card 4111 1111 1111 1111\n", encoding="utf-8-sig")
    done = etrainer("consult", "import", str(sheet), "--profile", "Олена Петренко", data=data)
    assert done.returncode == 0, done.stderr
    assert f"{sheet}: row 3: The note looks like it holds a payment card number." in done.stdout
    assert done.stdout.strip().endswith("1 consultation(s) imported, 1 row(s) refused")


def test_an_unknown_profile_exits_1(data: Path) -> None:
    done = etrainer("consult", "list", "--profile", "Ніхто", data=data)
    assert done.returncode == 1 and "No profile is named “Ніхто”" in done.stderr


def test_check_reports_the_consultation_list_at_its_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    from etrainer.cli import main

    pack = tmp_path / "pack"
    shutil.copytree(Path(__file__).resolve().parent / "data" / "packs" / "good", pack)
    (pack / "consultations.yaml").write_text(
        "services:\n  - id: kep\n    title: КЕП\n    module: no-such-module\n  - id: kep\n    title: Ще\n",
        encoding="utf-8")
    assert main(["check", str(pack)]) == 1
    out = capsys.readouterr().out
    assert f"{pack.as_posix()}/consultations.yaml:5: duplicate id “kep” in `services:` (first at line 2)" in out
    assert f"{pack.as_posix()}/consultations.yaml:2: service “kep”: no module “no-such-module” in the course" in out


def test_a_full_disk_is_one_sentence_and_stores_nothing(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    from tests.faults import disk_full

    from etrainer import cli
    from etrainer.services import facade

    sheet = tmp_path / "month.csv"
    rows = "".join(f"2026-11-{day:02};other;done;5;consultation number {n} at the desk\n"
                   for n in range(400) for day in [n % 28 + 1])  # enough rows to need new pages
    sheet.write_text("date;service;outcome;minutes;note\n" + rows, encoding="utf-8-sig")
    before = stored(data)
    real_open = facade.open_services

    def open_full(*args: object, **kwargs: object) -> object:
        services = real_open(*args, **kwargs)
        disk_full(services.database.engine, data / "etrainer.sqlite")
        return services

    monkeypatch.setattr(facade, "open_services", open_full)
    assert cli.main(["consult", "import", str(sheet), "--profile", "Олена Петренко", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert err == (f"No consultation of {sheet} was imported: no space left on the disk holding the progress "
                   "database. Free some space and import the file again.\n")
    monkeypatch.setattr(facade, "open_services", real_open)
    assert stored(data) == before
