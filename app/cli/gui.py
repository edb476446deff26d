"""Starting the GUI from the command line (the only CLI module that imports Qt)."""

from __future__ import annotations


def run_gui(data_dir: str | None) -> int:
    from app.ui.application import run

    return run(data_dir)
