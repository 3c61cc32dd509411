"""Start-up preferences kept in a small JSON file in the data folder (read before any database
is opened, so the first window paints fast): interface language, theme, window geometry, the
active course and who uses this PC (`role`: librarian, trainer or methodist; empty until the
first run asks). Per-learner settings (zoom, last lesson) live in the database."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

FILE_NAME = "preferences.json"


@dataclass(slots=True)
class Prefs:
    language: str = "uk"
    theme: str = "light"
    geometry: str = ""
    course_id: str = ""
    role: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> Prefs:
        try:
            data = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # deep nesting stops the parser: a broken file like any
            return cls()                               # other, read as the defaults and left as it is
        if not isinstance(data, dict):
            return cls()
        prefs = cls()
        for key in ("language", "theme", "geometry", "course_id", "role"):
            if isinstance(data.get(key), str):
                setattr(prefs, key, data[key])
        if isinstance(data.get("extra"), dict):
            prefs.extra = data["extra"]
        return prefs

    def save(self, folder: Path) -> None:
        """Write to a temporary file, then rename, so a power cut never leaves half a file."""
        fd, tmp = tempfile.mkstemp(prefix=".prefs-", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(self), handle, ensure_ascii=False, indent=2)
        os.replace(tmp, folder / FILE_NAME)
