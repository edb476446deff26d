"""The Uppföljningar page and the visit window (issue 5, the UI half).

For the shell:
  - page: ``page("uppfoljningar", lazy("app.ui.visits.visits_page", "VisitsPage"))``;
    ``VisitsPage(ctx)`` has ``on_shown()`` and ``flush_all()``;
  - first start: ``app.ui.visits.first_start_dialog.ensure_officer(ctx, parent)``
    shows ``FirstStartDialog`` when ``ctx.settings.officer_name`` is empty.

Nothing is imported here, so the page's lazy import stays cheap. The layout:
visit_window (six steps), one view module per step, controller (what the
steps share), writer (the one door for writes), autosave and undo (bindings
and commands), save_status (Sparat / Kan inte spara).
"""
