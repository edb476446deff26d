"""A small valid template text to mutate in the validation tests."""

from __future__ import annotations

MINIMAL = """\
format: 1
template:
  id: test-mall
  name: Testmall
  version: "2030.1"
  valid_from: 2030-01-01
  unit_types: [vob, hemtjanst]
sections:
  - id: ledning
    title: Ledning
    questions:
      - id: ledningssystem
        text: Finns ett ledningssystem?
        part: sol
        basis: SOSFS 2011:9
        guidance:
          fulfilled: Det finns och är känt.
          partly: Det finns men är okänt.
          not_fulfilled: Det saknas.
          look_at: Ledningssystemet.
          staff_knowledge: Fråga personalen.
        documents: [Ledningssystem]
      - id: omsattning
        text: Personalomsättning senaste året?
        part: sol
        basis: Avtal
        answer: number
        number_unit: "%"
        guidance:
          look_at: Personalstatistik.
  - id: lakemedel
    title: Läkemedel
    unit_types: [vob]
    questions:
      - id: lakemedelsrutiner
        text: Finns läkemedelsrutiner?
        part: hsl
        basis: HSLF-FS 2017:37
        guidance:
          fulfilled: Ja, aktuella.
          partly: Inaktuella.
          not_fulfilled: Saknas.
          look_at: Rutinen.
"""


def replace(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)
