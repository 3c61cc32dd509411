"""AppServices: the services over the data folder's database, as the UI and the CLI open them."""

from __future__ import annotations

from pathlib import Path

from etrainer.core.course.model import Course
from etrainer.paths import database_path
from etrainer.services.facade import open_app_services, open_services
from etrainer.storage.backup import BackupReason
from etrainer.storage.errors import DatabaseStartedFresh


def test_open_index_search_and_summarize(tmp_path: Path, course: Course) -> None:
    services = open_app_services(tmp_path)
    try:
        assert services.recovery_message is None
        assert services.index_course(course) and not services.index_course(course)
        assert [hit.lesson_id for hit in services.search.search("цифрові")] == ["diia-portal"]
        profile = services.profiles.create("Оксана", "Філія 1", "бібліотекарка")
        assert services.last_profile_id() is None
        services.profiles.touch(profile.id)
        assert services.last_profile_id() == profile.id
        services.learning.mark_read(profile.id, "kep")
        [row] = services.profile_summaries(course)
        assert (row["name"], row["branch"], row["completed"], row["total"], row["completion"]) == \
            ("Оксана", "Філія 1", 1, 4, 25)
        assert row["last_active"] is not None
    finally:
        services.close()


def test_backup_and_restore_through_the_facade(tmp_path: Path) -> None:
    services = open_app_services(tmp_path)
    try:
        services.profiles.create("Оксана")
        backup = services.backup_now("manual")
        services.profiles.create("Віра")
        [info] = [i for i in services.backups.list_backups() if i.path == backup]
        services.restore_backup(info)
        assert [p.name for p in services.profiles.list()] == ["Оксана"]
        assert any(i.reason is BackupReason.PRE_RESTORE for i in services.backups.list_backups())
    finally:
        services.close()


def test_a_damaged_database_is_reported_once(tmp_path: Path) -> None:
    database_path(tmp_path).write_bytes(b"not a database at all" * 50)
    services = open_services(tmp_path)
    try:
        assert isinstance(services.recovery_message, DatabaseStartedFresh)
        assert services.profile_summaries() == []
    finally:
        services.close()
    again = open_app_services(tmp_path)
    try:
        assert again.recovery_message is None
    finally:
        again.close()
