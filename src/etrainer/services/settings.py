"""Remembered settings: installation-wide (language, theme, window geometry, last profile) and
per learner (reader zoom, last lesson). Values are JSON; typed accessors check and default them.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

from etrainer.core.ids import LearnerId
from etrainer.i18n import DEFAULT_LANGUAGE, LANGUAGES
from etrainer.services.saving import Sessions, guarded
from etrainer.storage.repositories import MISSING, InstallationRepository, SettingRepository

if TYPE_CHECKING:
    from etrainer.services.workspace_server import WorkspaceLocation

THEMES = ("light", "high-contrast")
DEFAULT_THEME = "light"
ZOOM_MIN, ZOOM_MAX, ZOOM_DEFAULT = 50, 300, 100
"""Reader zoom in percent."""


class GlobalSetting(StrEnum):
    LAST_PROFILE = "last-profile"
    LANGUAGE = "ui.language"
    THEME = "ui.theme"
    WINDOW_GEOMETRY = "ui.window-geometry"
    WORKSPACE = "workspace.location"
    LRS_ENDPOINT = "lrs.endpoint"
    LRS_USER = "lrs.user"


class LearnerSetting(StrEnum):
    ZOOM = "reader.zoom"
    LAST_LESSON = "reader.last-lesson"
    LRS_CONSENT = "lrs.consent"
    """The LRS address the learner agreed to send her records to (after the export dialog's consent)."""


class SettingsService:
    def __init__(self, sessions: Sessions) -> None:
        self._sessions = guarded(sessions)  # database refusals become SaveFailed

    def get(self, key: str, default: Any = None, learner: LearnerId | None = None) -> Any:
        """A setting's JSON value (`learner=None`: installation-wide), or `default` when unset."""
        with self._sessions.begin() as session:
            value = SettingRepository(session).get(key, learner)
        return default if value is MISSING else value

    def set(self, key: str, value: Any, learner: LearnerId | None = None) -> None:
        """Store a JSON-serialisable value; `None` removes the setting."""
        with self._sessions.begin() as session:
            repository = SettingRepository(session)
            if value is None:
                repository.remove(key, learner)
            else:
                repository.put(key, value, learner)

    def language(self) -> str:
        value = self.get(GlobalSetting.LANGUAGE)
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        self.set(GlobalSetting.LANGUAGE, language)

    def theme(self) -> str:
        value = self.get(GlobalSetting.THEME)
        return value if value in THEMES else DEFAULT_THEME

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        self.set(GlobalSetting.THEME, theme)

    def zoom(self, learner: LearnerId) -> int:
        """The learner's reader zoom in percent (ZOOM_MIN–ZOOM_MAX, default 100)."""
        value = self.get(LearnerSetting.ZOOM, learner=learner)
        if isinstance(value, bool) or not isinstance(value, int | float):
            return ZOOM_DEFAULT
        return min(ZOOM_MAX, max(ZOOM_MIN, round(value)))

    def set_zoom(self, learner: LearnerId, percent: int) -> int:
        """Store the zoom, clamped to ZOOM_MIN–ZOOM_MAX; returns the stored value."""
        clamped = min(ZOOM_MAX, max(ZOOM_MIN, int(percent)))
        self.set(LearnerSetting.ZOOM, clamped, learner)
        return clamped

    def window_geometry(self) -> str | None:
        """The main window's saved geometry (base64 text of QWidget.saveGeometry()), or None."""
        value = self.get(GlobalSetting.WINDOW_GEOMETRY)
        return value if isinstance(value, str) else None

    def set_window_geometry(self, geometry: str | None) -> None:
        self.set(GlobalSetting.WINDOW_GEOMETRY, geometry)

    def workspace_location(self) -> WorkspaceLocation:
        """Where the methodist's workspace is (default: the file in the data folder)."""
        from etrainer.services.workspace_server import WorkspaceLocation

        return WorkspaceLocation.from_json(self.get(GlobalSetting.WORKSPACE))

    def set_workspace_location(self, location: WorkspaceLocation) -> None:
        """Keep the location (host, port, database, user, service name; there is no password field)."""
        self.set(GlobalSetting.WORKSPACE, location.as_json())

    def lrs_consent(self, learner: LearnerId) -> str | None:
        """The LRS address of Settings when the learner has agreed to send her records there; None when no LRS
        is configured or she has not agreed (to this address): then nothing is sent, queued or started."""
        endpoint = self.get(GlobalSetting.LRS_ENDPOINT)
        if not isinstance(endpoint, str) or not endpoint.strip():
            return None
        return endpoint.strip() if self.get(LearnerSetting.LRS_CONSENT, learner=learner) == endpoint.strip() else None

    def set_lrs_consent(self, learner: LearnerId, endpoint: str | None) -> None:
        """Remember that the learner agreed to send her records to `endpoint` (None: forget it)."""
        self.set(LearnerSetting.LRS_CONSENT, endpoint.strip() if endpoint else None, learner)

    def installation_id(self) -> str:
        """This installation's stable uuid (for signing exported files)."""
        with self._sessions.begin() as session:
            return InstallationRepository(session).uid()
