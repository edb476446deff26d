"""Entry script for the PyInstaller bundle: the same main() as `uppfoljaren`."""

import multiprocessing

from app.cli.main import main

if __name__ == "__main__":
    # Report batches and the sync's catch-up render PDFs in "spawn" worker
    # processes; in the bundle such a child starts this same executable, and
    # freeze_support() turns it into the worker instead of a second app.
    multiprocessing.freeze_support()
    raise SystemExit(main())
