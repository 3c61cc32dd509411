"""Entry point of the PyInstaller bundle: `etrainer` (and `etrainer-cli.exe` on Windows) run `etrainer.cli.main`.

`multiprocessing.freeze_support()` comes first: the methodist's workspace import checks files in worker
processes started with "spawn", which run this same executable; in such a child it runs the worker and
exits instead of starting the program again (a no-op in the program itself and outside a bundle).

Two Windows details are settled before the program starts:
- the windowed `etrainer.exe` has no console, so `sys.stdout` and `sys.stderr` are None and the
  first `print` (argparse's `--version`, a warning) would raise: they are pointed at the null device;
- output redirected to a file or a pipe would use the ANSI code page, which cannot encode Ukrainian
  text (`--selftest`, `check`): redirected streams are switched to UTF-8. A console is left alone
  (Python writes Unicode to it directly).
Everything else is the same as `python -m etrainer`.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _prepare_streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
        elif sys.platform == "win32" and not stream.isatty() and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")


def main() -> int:
    _prepare_streams()
    from etrainer.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
