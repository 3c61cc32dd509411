"""SettingsService: installation-wide and per-learner settings, checked and defaulted."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from etrainer.core.learner.profiles import Profile
from etrainer.services.profiles import ProfileService
from etrainer.services.settings import (
    DEFAULT_THEME,
    ZOOM_DEFAULT,
    ZOOM_MAX,
    ZOOM_MIN,
    GlobalSetting,
    LearnerSetting,
    SettingsService,
)
from etrainer.storage.models import SettingRow


@pytest.fixture
def settings(sessions: sessionmaker[Session]) -> SettingsService:
    return SettingsService(sessions)


def test_language_defaults_to_ukrainian_and_can_be_english(settings: SettingsService) -> None:
    assert settings.language() == "uk"
    settings.set_language("en")
    assert settings.language() == "en"
    with pytest.raises(ValueError):
        settings.set_language("xx")
    assert settings.language() == "en"


def test_an_unknown_stored_value_falls_back_to_the_default(settings: SettingsService) -> None:
    settings.set(GlobalSetting.LANGUAGE, "klingon")
    settings.set(GlobalSetting.THEME, 42)
    assert (settings.language(), settings.theme()) == ("uk", DEFAULT_THEME)


def test_theme(settings: SettingsService) -> None:
    settings.set_theme("high-contrast")
    assert settings.theme() == "high-contrast"
    with pytest.raises(ValueError):
        settings.set_theme("neon")


def test_zoom_is_per_learner_and_clamped(
        settings: SettingsService, learner: Profile, sessions: sessionmaker[Session]) -> None:
    other = ProfileService(sessions).create("Віра")
    assert settings.zoom(learner.id) == ZOOM_DEFAULT
    assert settings.set_zoom(learner.id, 140) == 140
    assert settings.set_zoom(other.id, 1000) == ZOOM_MAX
    assert (settings.zoom(learner.id), settings.zoom(other.id)) == (140, ZOOM_MAX)
    assert settings.set_zoom(learner.id, 1) == ZOOM_MIN
    settings.set(LearnerSetting.ZOOM, "big", learner.id)
    assert settings.zoom(learner.id) == ZOOM_DEFAULT


def test_window_geometry_round_trip(settings: SettingsService) -> None:
    assert settings.window_geometry() is None
    settings.set_window_geometry("AdnQywADAAAAAAA=")
    assert settings.window_geometry() == "AdnQywADAAAAAAA="
    settings.set_window_geometry(None)
    assert settings.window_geometry() is None


def test_global_and_learner_values_of_one_key_are_separate(settings: SettingsService, learner: Profile) -> None:
    settings.set("reader.zoom", 90)
    settings.set("reader.zoom", 120, learner.id)
    settings.set("reader.zoom", 95)
    assert settings.get("reader.zoom") == 95
    assert settings.get("reader.zoom", learner=learner.id) == 120
    assert settings.get("missing", default="d") == "d"


def test_json_values_keep_their_type(settings: SettingsService) -> None:
    value = {"розмір": [1, 2.5, None, True], "назва": "Є ґ ї"}
    settings.set("custom", value)
    assert settings.get("custom") == value


def test_the_database_refuses_a_second_global_row_for_a_key(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(IntegrityError), sessions.begin() as session:
        session.add_all([SettingRow(learner_id=None, key="ui.theme", value='"light"'),
                         SettingRow(learner_id=None, key="ui.theme", value='"dark"')])


def test_installation_id_is_stable(settings: SettingsService, sessions: sessionmaker[Session]) -> None:
    first = settings.installation_id()
    assert len(first) == 36
    assert SettingsService(sessions).installation_id() == first
