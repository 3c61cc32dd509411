"""Learner profiles: create, list, rename, delete, PIN, choose (remembered as the last profile)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from etrainer.core.ids import LearnerId
from etrainer.core.learner.profiles import (
    BadPin,
    Profile,
    ProfileNameTaken,
    ProfileNotFound,
    clean_field,
    clean_name,
    hash_pin,
    name_key,
    new_salt,
    pin_matches,
)
from etrainer.services.saving import Sessions, guarded
from etrainer.services.settings import GlobalSetting
from etrainer.storage.models import utc_now
from etrainer.storage.repositories import MISSING, LearnerRepository, SettingRepository


class ProfileService:
    def __init__(self, sessions: Sessions, *, clock: Callable[[], datetime] = utc_now) -> None:
        self._sessions = guarded(sessions)  # database refusals become SaveFailed
        self._clock = clock

    def create(self, name: str, branch: str = "", position: str = "", pin: str | None = None) -> Profile:
        """A new profile. Raises ProfileNameEmpty, ProfileNameTooLong, ProfileNameTaken,
        ProfileFieldTooLong or PinFormat (an empty `pin` means no PIN)."""
        cleaned = clean_name(name)
        branch, position = clean_field(branch), clean_field(position)
        secret = _pin_columns(pin) if pin else {}
        try:
            with self._sessions.begin() as session:
                repository = LearnerRepository(session)
                _check_free(repository, cleaned, None)
                profile = repository.add(name=cleaned, name_key=name_key(cleaned), branch=branch,
                                         position=position, created_at=self._clock())
                if secret:
                    profile = repository.update(profile.id, **secret) or profile
                return profile
        except IntegrityError as error:  # the same name saved at the same moment elsewhere
            raise ProfileNameTaken(name=cleaned) from error

    def list(self) -> list[Profile]:
        """Every profile, by name."""
        with self._sessions.begin() as session:
            return LearnerRepository(session).all()

    def get(self, learner: LearnerId) -> Profile:
        with self._sessions.begin() as session:
            return _existing(LearnerRepository(session).get(learner))

    def update(self, learner: LearnerId, *, name: str | None = None, branch: str | None = None,
               position: str | None = None) -> Profile:
        """Change the given fields (None leaves a field as it is); same errors as `create`."""
        fields: dict[str, str] = {}
        if name is not None:
            fields["name"] = clean_name(name)
            fields["name_key"] = name_key(fields["name"])
        if branch is not None:
            fields["branch"] = clean_field(branch)
        if position is not None:
            fields["position"] = clean_field(position)
        try:
            with self._sessions.begin() as session:
                repository = LearnerRepository(session)
                if "name" in fields:
                    _check_free(repository, fields["name"], learner)
                return _existing(repository.update(learner, **fields))
        except IntegrityError as error:
            raise ProfileNameTaken(name=fields.get("name", "")) from error

    def rename(self, learner: LearnerId, name: str) -> Profile:
        return self.update(learner, name=name)

    def set_pin(self, learner: LearnerId, pin: str | None) -> Profile:
        """Set a new PIN (4–8 digits; PinFormat otherwise), or remove it with None or ""."""
        fields = _pin_columns(pin) if pin else {"pin_hash": None, "pin_salt": None}
        with self._sessions.begin() as session:
            return _existing(LearnerRepository(session).update(learner, **fields))

    def verify_pin(self, learner: LearnerId, pin: str) -> bool:
        """True when the profile has no PIN or `pin` is its PIN (compared in constant time)."""
        with self._sessions.begin() as session:
            repository = LearnerRepository(session)
            _existing(repository.get(learner))
            stored = repository.pin(learner)
        return stored is None or pin_matches(pin, *stored)

    def choose(self, learner: LearnerId, pin: str | None = None) -> Profile:
        """Start working as this learner: checks the PIN (BadPin), records the activity and
        remembers the profile as the last one used."""
        if not self.verify_pin(learner, pin or ""):
            raise BadPin()
        return self.touch(learner)

    def touch(self, learner: LearnerId) -> Profile:
        """The learner is working now: records the activity (shown as "last activity") and remembers
        her as the last profile used."""
        with self._sessions.begin() as session:
            profile = _existing(LearnerRepository(session).update(learner, last_active_at=self._clock()))
            SettingRepository(session).put(GlobalSetting.LAST_PROFILE, int(learner))
            return profile

    def last_profile(self) -> Profile | None:
        """The profile chosen last, if it still exists."""
        with self._sessions.begin() as session:
            value = SettingRepository(session).get(GlobalSetting.LAST_PROFILE)
            if value is MISSING or not isinstance(value, int) or isinstance(value, bool):
                return None
            return LearnerRepository(session).get(LearnerId(value))

    def delete(self, learner: LearnerId) -> None:
        """Delete the profile and everything recorded for it (visits, progress, bookmarks, notes, settings)."""
        with self._sessions.begin() as session:
            if not LearnerRepository(session).delete(learner):
                raise ProfileNotFound()
            settings = SettingRepository(session)
            if settings.get(GlobalSetting.LAST_PROFILE) == learner:
                settings.remove(GlobalSetting.LAST_PROFILE)


def _check_free(repository: LearnerRepository, name: str, learner: LearnerId | None) -> None:
    """Raise ProfileNameTaken (naming the existing profile) if another profile has this name in any case."""
    owner = repository.id_for_key(name_key(name))
    if owner is not None and owner != learner:
        existing = repository.get(owner)
        raise ProfileNameTaken(name=existing.name if existing else name)


def _existing(profile: Profile | None) -> Profile:
    if profile is None:
        raise ProfileNotFound()
    return profile


def _pin_columns(pin: str) -> dict[str, bytes]:
    salt = new_salt()
    return {"pin_salt": salt, "pin_hash": hash_pin(pin, salt)}
