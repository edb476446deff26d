"""The installable app: build the one-folder bundle with scripts/build, then use only it.

Everything below runs dist/uppfoljaren/uppfoljaren (or an installed copy of it) from a
temporary working directory without the source tree on any path, as an officer's laptop
would. The build is done once for the module; a second run reuses an up-to-date build.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from app.db import alembic_config, head_revision, make_engine, sqlite_url

ROOT = Path(__file__).resolve().parents[2]
BUNDLE_DIR = ROOT / "dist" / "uppfoljaren"
MAX_BUNDLE_BYTES = 250 * 1000 * 1000

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="scripts/build makes the Linux bundle; Windows uses the .iss")


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.fixture(scope="module")
def bundle() -> Iterator[Path]:
    result = subprocess.run([str(ROOT / "scripts" / "build")], cwd=ROOT, capture_output=True,
                            text=True, timeout=480)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    exe = BUNDLE_DIR / "uppfoljaren"
    assert exe.is_file() and os.access(exe, os.X_OK)
    # A shared lock keeps another scripts/build from replacing the bundle under these tests.
    with open(ROOT / "build" / ".bundle-lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_SH)
        yield exe


def run(exe: Path, *args: str, cwd: Path, env: dict[str, str] | None = None,
        unset: tuple[str, ...] = (), timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run the bundle with nothing of the source tree reachable (no PYTHONPATH, no venv)."""
    drop = {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", *unset}
    clean = {k: v for k, v in os.environ.items() if k not in drop}
    clean["QT_QPA_PLATFORM"] = "offscreen"
    clean.update(env or {})
    return subprocess.run([str(exe), *args], cwd=cwd, env=clean, capture_output=True, text=True,
                          timeout=timeout)


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result.stdout


def test_bundle_is_small_and_self_contained(bundle: Path) -> None:
    size = folder_size(BUNDLE_DIR)
    print(f"bundle size: {size / 1e6:.1f} MB")
    assert size <= MAX_BUNDLE_BYTES
    internal = BUNDLE_DIR / "_internal"
    # What the program reads as files at run time travels with it.
    assert (internal / "app" / "migrations" / "env.py").is_file()
    assert (internal / "app" / "migrations" / "script.py.mako").is_file()
    assert sorted(p.name for p in (internal / "app" / "migrations" / "versions").glob("*.py")) == \
        sorted(p.name for p in (ROOT / "app" / "migrations" / "versions").glob("*.py"))
    assert (internal / "app" / "data" / "reference.yaml").is_file()
    assert list((internal / "app" / "templates").glob("*.yaml"))
    assert (internal / "resources" / "fonts" / "DejaVuSans.ttf").is_file()
    assert (internal / "resources" / "icons" / "app.svg").is_file()
    qt = internal / "PySide6" / "Qt"
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so",
                   "printsupport/libcupsprintersupport.so"):
        assert (qt / "plugins" / plugin).is_file(), plugin
    # Unused Qt stays out: no QtQuick/QML, WebEngine, Multimedia, 3D.
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6WebEngineCore.so.6",
                     "libQt6Multimedia.so.6", "libQt63DCore.so.6", "QtQuick.abi3.so"):
        assert unwanted not in names, unwanted
    assert not (internal / "tests").exists() and not (internal / "benchmarks").exists()
    assert not [p for p in BUNDLE_DIR.rglob("*") if p.is_symlink() and not p.exists()]
    assert list((ROOT / "dist").glob(f"uppfoljaren-{project_version()}-linux-*.tar.gz"))
    assert (BUNDLE_DIR / "share" / "applications" / "uppfoljaren.desktop").is_file()
    assert (BUNDLE_DIR / "share" / "icons" / "hicolor" / "256x256" / "apps" / "uppfoljaren.png").is_file()


def test_version_is_pyprojects(bundle: Path, tmp_path: Path) -> None:
    assert ok(run(bundle, "--version", cwd=tmp_path)).strip() == f"uppfoljaren {project_version()}"


def test_demo_database_is_created(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    out = ok(run(bundle, "demo", "--data-dir", str(data), cwd=tmp_path))
    assert "Demodatabasen skapad" in out
    assert (data / "uppfoljaren.sqlite3").is_file()
    units = json.loads(ok(run(bundle, "units", "list", "--format", "json", "--data-dir", str(data),
                              cwd=tmp_path)))
    assert len(units) > 100


def test_report_renders_a_pdf(bundle: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    commands = ok(run(bundle, "--help", cwd=tmp_path))
    assert "report" in commands.split("options:")[0]
    data = tmp_path / "data"
    ok(run(bundle, "demo", "--data-dir", str(data), cwd=tmp_path))
    visits = json.loads(ok(run(bundle, "visits", "list", "--format", "json", "--data-dir", str(data),
                               cwd=tmp_path)))
    assert visits, "the demo database has no follow-ups to report on"
    visit = next((v for v in visits if v["status"] == "faststalld"), visits[0])
    pdf = tmp_path / "rapport.pdf"
    ok(run(bundle, "report", visit["id"], "--out", str(pdf), "--data-dir", str(data), cwd=tmp_path))
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    document = " ".join(page.extract_text() or "" for page in reader.pages)
    assert visit["unit_name"].split()[0] in document


def test_report_batch_renders_in_worker_processes(bundle: Path, tmp_path: Path) -> None:
    """``report --year`` renders on "spawn" workers: in the bundle each worker
    is this executable again, which must become a worker, not a second app."""
    from pypdf import PdfReader

    data = tmp_path / "data"
    ok(run(bundle, "demo", "--data-dir", str(data), cwd=tmp_path))
    visits = json.loads(ok(run(bundle, "visits", "list", "--format", "json", "--data-dir",
                               str(data), cwd=tmp_path)))
    done = [v for v in visits if v["status"] == "faststalld" and v["year"] == 2025]
    assert done, "the demo has no finalized follow-ups in 2025"
    district = done[0]["district"]
    out = tmp_path / "rapporter"
    batch = run(bundle, "report", "--year", "2025", "--district", district, "--workers", "2",
                "--out-dir", str(out), "--data-dir", str(data), cwd=tmp_path, timeout=400)
    ok(batch)
    assert "worker processes failed" not in batch.stderr  # not the in-process fallback
    pdfs = sorted(out.rglob("*.pdf"))
    assert len(pdfs) == sum(1 for v in done if v["district"] == district) > 1
    for pdf in pdfs[:3]:
        assert len(PdfReader(pdf).pages) >= 1


def test_sync_prepares_and_pushes_every_finalized_part(bundle: Path, tmp_path: Path) -> None:
    """The installed app's first sync of the demo: every finalized part with a
    stored snapshot is prepared (PDFs on worker processes) and pushed once;
    a second sync sends nothing."""
    from app.services.share.layout import Share

    data, share = tmp_path / "data", tmp_path / "share"
    ok(run(bundle, "demo", "--data-dir", str(data), cwd=tmp_path))
    Share(share).init(created_by_device="centralen", create_root=True)  # as IT sets it up
    with sqlite3.connect(data / "uppfoljaren.sqlite3") as db:
        (finalized,) = db.execute("SELECT count(*) FROM part_revision WHERE finalized_at "
                                  "IS NOT NULL AND snapshot IS NOT NULL").fetchone()
    assert finalized > 12  # enough for the catch-up to start its workers
    first = run(bundle, "sync", "--share", str(share), "--data-dir", str(data), cwd=tmp_path,
                timeout=600)
    assert "worker processes failed" not in first.stderr  # not the in-process fallback
    with sqlite3.connect(data / "uppfoljaren.sqlite3") as db:
        states = dict(db.execute("SELECT state, count(*) FROM outbox GROUP BY state"))
    assert states == {"verified": finalized}, (states, first.stdout[-2000:], first.stderr[-2000:])
    packages = list((share / "devices").glob("*/outbox/*.pkg"))
    assert len(packages) == finalized
    second = run(bundle, "sync", "--share", str(share), "--data-dir", str(data), cwd=tmp_path)
    assert f"Fanns redan: {finalized}" in second.stdout + second.stderr, second.stdout
    assert "Skickade: 0" in second.stdout + second.stderr


def test_gui_starts_offscreen_and_quits(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    # The first start would create the demo database; made beforehand, start-up is quick and
    # the timer quits a fully started window (every page's code loaded from the bundle).
    ok(run(bundle, "demo", "--data-dir", str(data), cwd=tmp_path))
    result = run(bundle, "--data-dir", str(data), cwd=tmp_path,
                 env={"UPPFOLJAREN_QUIT_AFTER_MS": "4000"})
    ok(result)
    assert "Traceback" not in result.stderr and "Fatal" not in result.stderr, result.stderr


def install(bundle_dir: Path, prefix: Path) -> Path:
    result = subprocess.run([str(bundle_dir / "install.sh"), str(prefix)], capture_output=True,
                            text=True, timeout=180)
    ok(result)
    return prefix / "bin" / "uppfoljaren"


def test_data_live_in_platformdirs_and_survive_an_upgrade(bundle: Path, tmp_path: Path) -> None:
    """Installed like IT does, without --data-dir: data go where platformdirs says, the
    install folder stays untouched, and reinstalling (an upgrade) keeps every unit."""
    prefix = tmp_path / "prefix"
    exe = install(BUNDLE_DIR, prefix)
    installed = prefix / "opt" / "uppfoljaren"
    before = sorted(str(p.relative_to(installed)) for p in installed.rglob("*"))
    desktop = (prefix / "share" / "applications" / "uppfoljaren.desktop").read_text(encoding="utf-8")
    assert f"Exec={exe}\n" in desktop

    # conftest points HOME and XDG_* into a temp folder; the data-dir variable is dropped.
    no_data_dir = ("UPPFOLJAREN_DATA_DIR",)
    ok(run(exe, "demo", cwd=tmp_path, unset=no_data_dir))
    database = Path(os.environ["XDG_DATA_HOME"]) / "uppfoljaren" / "uppfoljaren.sqlite3"
    assert database.is_file()
    units = ok(run(exe, "units", "list", "--format", "csv", cwd=tmp_path, unset=no_data_dir))
    ok(run(exe, cwd=tmp_path, unset=no_data_dir, env={"UPPFOLJAREN_QUIT_AFTER_MS": "3000"}))
    assert sorted(str(p.relative_to(installed)) for p in installed.rglob("*")) == before

    exe = install(BUNDLE_DIR, prefix)  # the next release replaces the program folder
    assert database.is_file()
    assert ok(run(exe, "units", "list", "--format", "csv", cwd=tmp_path, unset=no_data_dir)) == units


def make_first_release_database(path: Path) -> None:
    """A database as the first release left it: schema 0001, one unit."""
    engine = make_engine(sqlite_url(path))
    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO region (id, name) VALUES (1, 'Innerstaden')"))
        conn.execute(text("INSERT INTO district (id, name, region_id) VALUES (1, 'Södermalm', 1)"))
        conn.execute(text("INSERT INTO unit_type (code, name, short_name, is_care_home, sort_order)"
                          " VALUES ('vob', 'Vård- och omsorgsboende', 'VoB', 1, 0)"))
        conn.execute(text("INSERT INTO regiform (code, name, sort_order) VALUES ('egen_regi', 'Egen regi', 0)"))
        conn.execute(text(
            "INSERT INTO unit (id, name, type_code, regiform_code, address, followup_district_id,"
            " outside_city) VALUES ('E1', 'Gamla boendet', 'vob', 'egen_regi', 'Gatan 1', 1, 0)"))
    engine.dispose()


def test_first_release_database_is_upgraded_by_the_bundle(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = data / "uppfoljaren.sqlite3"
    make_first_release_database(database)

    listing = json.loads(ok(run(bundle, "units", "list", "--format", "json", "--data-dir", str(data),
                                cwd=tmp_path)))
    assert [(u["enhets_id"], u["namn"]) for u in listing] == [("E1", "Gamla boendet")]
    backups = list(data.glob("uppfoljaren.sqlite3.backup-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    with sqlite3.connect(database) as upgraded:
        assert upgraded.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
