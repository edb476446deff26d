"""First start: picking an officer already in the register fills role and district."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Officer
from app.ui.visits.first_start_dialog import FirstStartDialog


def test_known_officer_fills_role_and_district(qtbot, demo_sessions, tmp_path) -> None:
    from app.paths import resolve_paths
    from app.settings import Settings
    from app.ui.context import UiContext
    from app.ui.tasks import SyncTaskRunner

    paths = resolve_paths(tmp_path / "data").ensure()
    ctx = UiContext(paths=paths, sessions=demo_sessions, settings=Settings.load(paths.settings_file),
                    tasks=SyncTaskRunner())
    with demo_sessions() as session:
        mas = session.scalars(select(Officer).where(Officer.role == "mas")).first()
        expected = (mas.name, mas.district.name)
    dialog = FirstStartDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText(expected[0])
    dialog.name.completer().activated.emit(expected[0])
    assert dialog.role.currentData() == "mas"
    assert dialog.district.currentData() == expected[1]
    dialog.accept()
    assert (ctx.settings.officer_name, ctx.settings.officer_role,
            ctx.settings.officer_district) == (expected[0], "mas", expected[1])
