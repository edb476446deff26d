"""Type-ahead filter speed over 10,000 units, through the real page and model.

Types a few words into the Verksamheter page's search field one keystroke at a
time (each keystroke filters and repaints the shown table, offscreen) and
prints the median and worst time per keystroke. Target: median <= 30 ms.

    .venv/bin/python benchmarks/unit_filter.py [--units 10000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402

from app.services.units import UnitRow  # noqa: E402

TYPES = [("vob", "Vård- och omsorgsboende"), ("profilboende", "Profilboende"),
         ("servicehus", "Servicehus"), ("hemtjanst", "Hemtjänst"),
         ("dagverksamhet", "Dagverksamhet")]
FORMS = [("egen_regi", "Egen regi"), ("entreprenad", "Entreprenad"),
         ("privat_regi", "Privat regi")]
DISTRICTS = ["Bromma", "Enskede-Årsta-Vantör", "Farsta", "Hägersten-Älvsjö", "Hässelby-Vällingby",
             "Kungsholmen", "Norrmalm", "Rinkeby-Kista", "Skarpnäck", "Skärholmen",
             "Spånga-Tensta", "Södermalm", "Östermalm"]
WORDS = ["Solgläntan", "Ekbacken", "Lindgården", "Björkhagen", "Sjöudden", "Rosengården",
         "Tallkrogen", "Lärkan", "Humlegården", "Vintergatan", "Ängsbacken", "Fyrbåken"]
STREETS = ["Storgatan", "Kyrkvägen", "Skolgatan", "Hantverkargatan", "Ringvägen", "Götgatan"]
QUERIES = ["solg", "ekbacken 1", "hemtjänst", "gatan 12", "attendo"]


def synthetic_units(count: int, seed: int = 7) -> list[UnitRow]:
    rng = random.Random(seed)
    rows = []
    for number in range(count):
        type_code, type_name = rng.choice(TYPES)
        form_code, form_name = rng.choice(FORMS)
        district = rng.choice(DISTRICTS)
        rows.append(UnitRow(
            id=f"E{number:06d}", name=f"{rng.choice(WORDS)} {type_name.lower()} {number}",
            type_code=type_code, type_name=type_name, regiform_code=form_code,
            regiform_name=form_name,
            provider=rng.choice(["Attendo", "Vardaga", "Stockholms stad", "Humana", "Norlandia"]),
            address=f"{rng.choice(STREETS)} {rng.randint(1, 120)}", district=district,
            followup_district=district, region="Region", outside_city=False,
            places=rng.randint(10, 200), parity=rng.choice(["udda", "jamn", None]),
            active_from=None, active_to=None, manager="",
        ))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=10_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from app.ui.units_page import UnitsView

    view = UnitsView()
    view.resize(1300, 800)
    view.set_units(synthetic_units(args.units))
    view.show()
    app.processEvents()
    times: list[float] = []
    cpu: list[float] = []

    def keystroke(text: str) -> None:
        start, start_cpu = time.perf_counter(), time.process_time()
        view.search.setText(text)
        app.processEvents()
        view.repaint()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)

    for query in QUERIES:
        for end in range(1, len(query) + 1):
            keystroke(query[:end])
        for end in range(len(query) - 1, -1, -1):  # backspace back to empty
            keystroke(query[:end])
    start = time.perf_counter()
    view.table.sortByColumn(4, view.table.horizontalHeader().sortIndicatorOrder())
    app.processEvents()
    sort_ms = (time.perf_counter() - start) * 1000
    print(f"units: {args.units}, keystrokes: {len(times)}")
    print(f"type-ahead per keystroke: median {statistics.median(times):.1f} ms, "
          f"worst {max(times):.1f} ms (target: median <= 30 ms)")
    print(f"CPU per keystroke (less sensitive to other load): median "
          f"{statistics.median(cpu):.1f} ms")
    print(f"sort by provider: {sort_ms:.1f} ms")
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
