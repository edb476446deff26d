"""Attaching a file to the visit or to one answer (copied into the data folder)."""

from __future__ import annotations

from pathlib import Path

from app.services import visits as visits_service
from app.ui.visits.controller import VisitContext


def attach_file(visit: VisitContext, path: str, *, question_id: str | None = None) -> bool:
    """Copy ``path`` in through the service. A file over the size limit is
    refused by the service with its message, which the window shows."""
    return visit.write(
        f"attach:{path}:{question_id}",
        lambda s: visits_service.add_attachment(
            s, visit.visit_id, Path(path), who=visit.who, question_id=question_id,
            attachments_dir=visit.ui.paths.attachments_dir,
        ),
    )
