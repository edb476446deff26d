"""Pull: template versions and unit registers, each validated before use."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from app.models.register import Unit
from app.models.sync import PulledFile
from app.models.template import TemplateVersion
from app.services.share.layout import Share
from app.services.share.pull import publish_for_pull
from app.services.sync import run_sync
from app.services.task_state import TaskState
from app.services.template_format import shipped_template_files
from app.services.templates import active_template
from app.services.units import IMPORT_HEADERS, list_units
from tests.sync_app.conftest import Laptop


def _share(tmp_path: Path) -> Share:
    share = Share(tmp_path / "share")
    share.init(created_by_device="centralen", create_root=True)
    return share


def test_good_template_is_activated_and_bad_one_refused(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    share = _share(tmp_path)
    laptop = make_laptop("a", share=share.root)
    newest = shipped_template_files()[-1].read_text(encoding="utf-8")
    good = newest.replace('version: "2027.1"', 'version: "2028.1"').replace(
        "valid_from: 2026-09-01", "valid_from: 2027-09-01")
    assert good != newest
    publish_for_pull(share, "templates", "uppfoljningsmall-2028.1.yaml", good.encode("utf-8"))
    bad = good.replace('version: "2028.1"', 'version: "2029.1"').replace(
        "sections:", "sektioner:")
    publish_for_pull(share, "templates", "uppfoljningsmall-2029.1.yaml", bad.encode("utf-8"))
    # The same version number as an installed one, with other content: refused too.
    clash = newest.replace("name: Uppföljningsmall äldreomsorg", "name: Ändrad mall")
    publish_for_pull(share, "templates", "uppfoljningsmall-2027.1-andrad.yaml",
                     clash.encode("utf-8"))
    with laptop.sessions() as session:
        before = session.scalar(select(func.count()).select_from(TemplateVersion))
        active_before = active_template(session, date(2027, 1, 1))[0]

    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert report.pulled == 1
    assert len(report.refused) == 2 and report.failed
    assert any("uppfoljningsmall-2029.1.yaml" in m for m in report.refused)
    assert any("2027.1" in m and "annat innehåll" in m for m in report.refused)
    with laptop.sessions() as session:
        versions = set(session.scalars(select(TemplateVersion.version)))
        assert session.scalar(select(func.count()).select_from(TemplateVersion)) == before + 1
        assert "2028.1" in versions and "2029.1" not in versions
        # The bad files changed nothing: the version in use before is still the one in use.
        assert active_template(session, date(2027, 1, 1))[0] == active_before
        assert active_template(session, date(2027, 10, 1))[1].version == "2028.1"
        refused = session.scalars(select(PulledFile).where(PulledFile.accepted.is_(False))).all()
        assert {r.name for r in refused} == {"uppfoljningsmall-2029.1.yaml",
                                             "uppfoljningsmall-2027.1-andrad.yaml"}
        assert all(r.reason for r in refused)

    # Files already seen are not read or reported again.
    again = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert again.pulled == 0 and again.refused == []


def _register(laptop: Laptop, rename: dict[str, str] | None = None,
              bad_type: str | None = None) -> bytes:
    with laptop.sessions() as session:
        rows = [r.as_import_record() for r in list_units(session)]
    for row in rows:
        if rename and row["enhets_id"] in rename:
            row["namn"] = rename[row["enhets_id"]]
    if bad_type is not None:
        rows[1]["typ"] = bad_type
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=IMPORT_HEADERS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_bad_unit_register_is_refused_and_a_good_one_applied(
        make_laptop: Callable[..., Laptop], tmp_path: Path) -> None:
    share = _share(tmp_path)
    laptop = make_laptop("a", share=share.root)
    with laptop.sessions() as session:
        first = session.scalars(select(Unit).order_by(Unit.id)).first()
        assert first is not None
        unit_id, old_name = first.id, first.name
    bad = _register(laptop, rename={unit_id: "Nytt namn i felaktig fil"}, bad_type="slott")
    publish_for_pull(share, "units", "enhetsregister-1.csv", bad)
    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert report.pulled == 0 and len(report.refused) == 1
    assert "enhetsregister-1.csv" in report.refused[0] and "slott" in report.refused[0]
    with laptop.sessions() as session:
        assert session.get(Unit, unit_id).name == old_name  # nothing applied

    good = _register(laptop, rename={unit_id: "Solgläntan (nytt namn)"})
    publish_for_pull(share, "units", "enhetsregister-2.csv", good)
    report = run_sync(laptop.sessions, laptop.paths, laptop.settings, None, TaskState())
    assert report.pulled == 1 and report.refused == []
    with laptop.sessions() as session:
        assert session.get(Unit, unit_id).name == "Solgläntan (nytt namn)"
