"""Where eTrainer finds its bundled files and keeps the user's data.

The data folder is, in order: the `--data-dir` option (passed in), the `ETRAINER_DATA_DIR`
environment variable, or the per-user data folder that platformdirs names.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "etrainer"
DATA_DIR_ENV = "ETRAINER_DATA_DIR"


def bundle_root() -> Path:
    """The folder holding `lessons/`, `resources/` and `docs/guides/`, in this order of places:

    a PyInstaller bundle (`sys._MEIPASS`); an installed wheel (`etrainer/bundle/`, written by the
    build hook in setup.py); the source tree (a checkout, or an editable install of it).
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    here = Path(__file__).resolve().parent
    if (here / "bundle" / "lessons").is_dir():
        return here / "bundle"
    return here.parents[1]


def bundled_course_dir() -> Path:
    return bundle_root() / "lessons"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def themes_dir() -> Path:
    return resources_dir() / "themes"


def guides_dir() -> Path:
    """The user guides (markdown, Ukrainian) shown from the Help menu."""
    return bundle_root() / "docs" / "guides"


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def make_private(path: Path) -> None:
    """On POSIX, restrict `path` to its owner (0700 for a folder, 0600 for a file) if this user owns it;
    nothing happens elsewhere, for a missing file or one of another user, or when it cannot be changed."""
    if os.name != "posix":
        return
    try:
        status = path.stat()
        if status.st_uid != os.getuid():
            return
        mode = PRIVATE_DIR_MODE if path.is_dir() else PRIVATE_FILE_MODE
        if status.st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:
        return


def make_private_dir(path: Path) -> None:
    """Create the folder `path` (and its parents) if missing; a folder created here is private (0700)."""
    if path.is_dir():
        return
    path.mkdir(parents=True, exist_ok=True)
    make_private(path)


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The user's data folder, created (private to the user on POSIX) if missing."""
    path = data_dir_path(explicit)
    make_private_dir(path)
    return path


def data_dir_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The data folder `data_dir` would use, without creating it (for `etrainer doctor`)."""
    if explicit:
        path = Path(explicit)
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV])
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))
    return path.expanduser().resolve()


def database_path(data: Path) -> Path:
    return data / "etrainer.sqlite"


def backups_dir(data: Path) -> Path:
    return data / "backups"


def packs_dir(data: Path) -> Path:
    """Course packs the user added from a folder or a zip file live here, one folder each."""
    return data / "packs"
