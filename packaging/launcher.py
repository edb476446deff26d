"""Entry script for the PyInstaller bundle: the same main() as `uppfoljaren`."""

from app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
