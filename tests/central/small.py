"""A small hand-made set of follow-ups whose statistics are counted by hand."""

from __future__ import annotations

from typing import Any

UNITS = {
    "U1": ("Ekbacken", "vob", "egen_regi", "Aby", "Norr"),
    "U2": ("Björkhagen", "vob", "privat_regi", "Aby", "Norr"),
    "U3": ("Hemtjänst Cedern", "hemtjanst", "privat_regi", "Bstad", "Syd"),
}


def snapshot(followup: str, unit: str, year: int, part: str,
             answers: dict[str, dict[str, str]], findings: list[dict[str, Any]] | None = None,
             reviews: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    name, type_code, regiform, district, region = UNITS[unit]
    return {
        "format_version": 1, "kind": "uppfoljaren.part_revision", "draft": False,
        "visit": {"id": followup, "year": year, "visit_start": f"{year}-05-02T09:00:00"},
        "unit": {"id": unit, "name": name, "type_code": type_code, "regiform_code": regiform,
                 "district": district, "followup_district": district, "region": region,
                 "provider": "Utföraren AB"},
        "template": {"id": "t", "name": "Mall", "version": "2025.1"},
        "part": {"code": part, "revision": 1, "label": part,
                 "summary": [{"field": "s", "label": "Sammanfattning",
                              "text": f"Sammanfattning {followup} {part}"}]},
        "sections": [
            {"id": area, "title": f"Område {area}",
             "questions": [{"id": q, "text": f"Fråga {q}?",
                            "answer": {"answer": code, "answered": True}}
                           for q, code in questions.items()]}
            for area, questions in answers.items()],
        "findings": findings or [],
        "previous_deficiencies": reviews or [],
    }


def small_set() -> list[dict[str, Any]]:
    brist = {"id": 101, "kind": "brist", "text": "Rutin saknas", "questions": [{"id": "q1"}],
             "required_action": "Ta fram rutin", "deadline": "2023-09-01", "remedy": "snarast",
             "action_plan_received": None}
    brist2 = {**brist, "id": 102, "text": "Journal brister", "deadline": "2030-01-01"}
    brist3 = {**brist, "id": 103, "text": "Delegering saknas", "deadline": "2023-06-01"}
    return [
        snapshot("F1", "U1", 2023, "sol",
                 {"a1": {"q1": "uppfyllt", "q2": "delvis"},
                  "a2": {"q3": "ej_uppfyllt", "q4": "ej_aktuellt"}}, [brist, brist2]),
        snapshot("F1", "U1", 2023, "hsl", {"a3": {"q5": "uppfyllt"}}),
        snapshot("F2", "U2", 2023, "sol",
                 {"a1": {"q1": "ej_uppfyllt", "q2": "uppfyllt"}}, [brist3]),
        snapshot("F3", "U3", 2023, "sol",
                 {"a1": {"q1": "uppfyllt"}, "a2": {"q3": "uppfyllt", "q4": "ej_bedomt"}}),
        snapshot("F4", "U3", 2022, "sol", {"a1": {"q1": "delvis", "q2": "delvis"}}),
        snapshot("F5", "U1", 2024, "sol", {"a1": {"q1": "uppfyllt"}},
                 reviews=[{"previous_finding_id": 101, "status": "atgardad"},
                          {"previous_finding_id": 103, "status": "ej_atgardad"}]),
    ]
