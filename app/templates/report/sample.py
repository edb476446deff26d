"""Realistic Swedish sample reports for tests, benchmarks and the report preview.

Everything is drawn from a seeded ``random.Random``, so a seed always gives the
same ``ReportData`` (and so the same PDF bytes). The units and people are
invented.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from app.templates.report.data import (
    Area,
    Deficiency,
    Method,
    Officer,
    Participant,
    PreviousDeficiency,
    QuestionResult,
    ReportData,
    ReviewedDocument,
    Summary,
    UnitFacts,
)
from app.templates.report.sample_questions import QUESTION_BANK

_UNITS = (
    ("Solgläntans vård- och omsorgsboende", "Vård- och omsorgsboende", "Entreprenad",
     "Omsorgsgruppen Linnéa AB", "Äldreomsorgsnämnden", "Hägerstensvägen 112, 126 49 Hägersten",
     "Hägersten-Älvsjö", "64 platser"),
    ("Ekbackens äldreboende", "Vård- och omsorgsboende", "Egen regi",
     "Stockholms stad, Bromma stadsdelsförvaltning", "Bromma stadsdelsnämnd",
     "Ekbacksvägen 4, 168 69 Bromma", "Bromma", "48 platser"),
    ("Björkhagens servicehus", "Servicehus", "Egen regi",
     "Stockholms stad, Skarpnäcks stadsdelsförvaltning", "Skarpnäcks stadsdelsnämnd",
     "Malmövägen 21, 121 53 Johanneshov", "Skarpnäck", "90 lägenheter"),
    ("Hemtjänst Östra Söder – Södermalm", "Hemtjänst", "Privat regi",
     "Östra Söders Omsorg AB", "Stockholms stad (äldreförvaltningen)",
     "Götgatan 78, 118 30 Stockholm", "Södermalm", "135 kunder"),
)
_FIRST = ("Åsa", "Björn", "Märta", "Jörgen", "Eva", "Lars", "Sofia", "Öjvind", "Ingrid", "Hassan",
          "Leila", "Per", "Karin", "Mikael", "Ülkü")
_LAST = ("Lindström", "Åkesson", "Öberg", "Karlsson", "Nyström", "Bäckström", "Sjögren", "Ali",
         "Holmqvist", "Ekström", "Nordén", "Wästberg")
_COMMENTS = (
    "Rutinen finns och är känd av den personal vi intervjuade.",
    "Enhetschefen redogjorde för hur rutinen följs upp vid arbetsplatsträffar varje månad.",
    "Dokumentationen är aktuell för de genomförandeplaner vi tog del av, men uppföljningen "
    "sker inte alltid inom sex månader.",
    "Personalen beskrev arbetssättet samstämmigt. Skriftlig rutin saknas dock för "
    "nattpersonalen.",
    "Enligt ledningen pågår ett förbättringsarbete som ska vara klart under våren; vi "
    "följer upp resultatet vid nästa uppföljning.",
    "Stickprov i tre journaler visade att riskbedömningar i Senior alert görs vid inflyttning "
    "men inte följs upp regelbundet.",
    "Verksamheten har en tydlig ansvarsfördelning mellan enhetschef, sjuksköterska och MAS.",
    "Det finns en skriftlig plan, men personalen kände inte till var den förvaras.",
)
_EVIDENCE = ("Dokument", "Intervju ledning", "Intervju personal", "Observation", "Stickprov")
_DOCUMENTS = ("Ledningssystem för systematiskt kvalitetsarbete", "Patientsäkerhetsberättelse",
              "Sammanställning av avvikelser och klagomål", "Bemanningsschema för tre veckor",
              "Kompetensutvecklingsplan", "Rutin för lex Sarah", "Läkemedelsrutiner",
              "Verksamhetsberättelse")
_ANSWERS = ("uppfyllt",) * 12 + ("delvis",) * 3 + ("ej_uppfyllt",) * 2 + ("ej_aktuellt",) * 2 \
    + ("ej_bedomt",)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _questions(rng: random.Random, n_questions: int) -> tuple[Area, ...]:
    """Take questions from the bank in order (cycling with a round suffix past its end)."""
    areas: dict[str, list[QuestionResult]] = {}
    flat = [(a, part, i, text) for a, part, qs in QUESTION_BANK for i, text in enumerate(qs, 1)]
    for n in range(n_questions):
        area, part, i, text = flat[n % len(flat)]
        round_no = n // len(flat)
        qid = f"{QUESTION_BANK.index(next(b for b in QUESTION_BANK if b[0] == area)) + 1}.{i}"
        if round_no:
            qid, area = f"{qid}.{round_no + 1}", f"{area} (del {round_no + 1})"
        if text.endswith("?"):
            answer = rng.choice(_ANSWERS)
        else:  # a question that asks for a figure, not an assessment
            answer = f"{rng.randint(55, 95)} %"
        comment = "" if answer == "uppfyllt" and rng.random() < 0.3 else rng.choice(_COMMENTS)
        evidence = tuple(sorted(rng.sample(_EVIDENCE, rng.randint(1, 3)), key=_EVIDENCE.index))
        areas.setdefault(area, []).append(
            QuestionResult(id=qid, text=text, part=part, answer=answer, comment=comment,
                           evidence=evidence))
    return tuple(Area(title=t, questions=tuple(qs)) for t, qs in areas.items())


def _deficiencies(rng: random.Random, areas: tuple[Area, ...], n: int,
                  visit: date) -> tuple[Deficiency, ...]:
    flat = [q for a in areas for q in a.questions]
    weak = [q for q in flat if q.answer in ("ej_uppfyllt", "delvis")]
    pool = weak + [q for q in flat if q not in weak] or [None]
    out = []
    for i in range(n):
        q = pool[i % len(pool)]
        urgent = i < max(1, n // 3)
        out.append(Deficiency(
            question_id=q.id if q else str(i + 1),
            question_text=q.text if q else "Övrig iakttagelse",
            description=rng.choice(_COMMENTS),
            required_action=rng.choice((
                "Utföraren ska ta fram en skriftlig rutin och se till att all personal känner "
                "till den.",
                "Utföraren ska redovisa en åtgärdsplan med tidplan och ansvarig.",
                "Genomförandeplaner ska upprättas och följas upp för samtliga boende.",
            )),
            deadline=visit + timedelta(days=30 if urgent else 120),
            kind="snarast" if urgent else "nasta",
        ))
    return tuple(out)


def sample_report_data(n_questions: int = 70, n_deficiencies: int = 4, finalized: bool = True,
                       seed: int = 1, internal_copy: bool = False) -> ReportData:
    rng = random.Random(seed)
    name, utype, regiform, provider, party, address, district, places = rng.choice(_UNITS)
    year = 2025
    visit = date(year, 9, 1) + timedelta(days=rng.randint(0, 70))
    areas = _questions(rng, n_questions)
    officers = (Officer(_name(rng), "verksamhetsuppfoljare"), Officer(_name(rng), "mas"))
    documents = tuple(
        ReviewedDocument(d, visit - timedelta(days=rng.randint(5, 25))
                         if rng.random() < 0.85 else None)
        for d in rng.sample(_DOCUMENTS, 5))
    return ReportData(
        organisation_name="Stockholms stad, " + (
            "äldreförvaltningen" if regiform == "Privat regi" else f"{district} stadsdelsförvaltning"),
        year=year,
        report_id=f"VU-{year}-{rng.randint(100, 999)}",
        revision=rng.randint(1, 4),
        unit=UnitFacts(name=name, unit_type=utype, regiform=regiform, provider=provider,
                       contract_party=party, address=address, district=district,
                       follow_up_district=district, places=places,
                       head_of_operations=_name(rng)),
        visit_on=visit,
        officers=officers,
        template_name="Uppföljning av vård- och omsorgsboende, servicehus och hemtjänst",
        template_version=f"{year}.1",
        finalized_on=visit + timedelta(days=42) if finalized else None,
        previous_visit_on=visit - timedelta(days=730),
        summary=Summary(
            individualisering="Genomförandeplanerna är i huvudsak aktuella och beskriver hur "
            "den enskilde vill ha sin hjälp. Kontaktmannaskapet fungerar väl.",
            trygghet="De boende har tillgång till personal dygnet runt. Rutinerna för "
            "avvikelser och lex Sarah är kända av personalen.\n\nNattbemanningen bör dock ses "
            "över under helger.",
            inflytande="Boenderåd hålls varje kvartal, och synpunkter tas tillvara i "
            "verksamhetens förbättringsarbete.",
            halso_sjukvard="Läkemedelshanteringen är säker och delegeringar är aktuella. "
            "Riskbedömningar görs vid inflyttning men följs inte alltid upp.",
        ),
        strengths=("Engagerad ledning med tydlig närvaro i verksamheten.",
                   "Väl fungerande samverkan med läkarorganisationen.",
                   "Boenderåd och anhörigträffar hålls regelbundet."),
        improvements=("Uppföljningen av genomförandeplaner kan bli mer systematisk.",
                       "Introduktionen av timanställda kan dokumenteras bättre."),
        deficiencies=_deficiencies(rng, areas, n_deficiencies, visit),
        previous_deficiencies=(
            PreviousDeficiency("Genomförandeplaner saknades för flera boende.",
                               "Upprätta genomförandeplaner för samtliga boende.", "atgardad",
                               "Samtliga stickprov visade aktuella planer."),
            PreviousDeficiency("Rutin för hantering av den enskildes pengar saknades.",
                               "Ta fram och implementera en rutin.", "delvis",
                               "Rutin finns men är inte känd av all personal."),
            PreviousDeficiency("Brandskyddsronder dokumenterades inte.",
                               "Dokumentera brandskyddsronder enligt plan.", "ej_atgardad", ""),
        ),
        method=Method(
            pre_analysis="Inför besöket begärdes dokument in från utföraren. Resultaten från "
            "föregående uppföljning och inkomna klagomål gicks igenom.",
            documents=documents,
            visit_time="09.00–14.30",
            participants=(Participant("Enhetschef", 1), Participant("Sjuksköterska", 2),
                          Participant("Undersköterska", 3), Participant("Kontaktman", 2)),
            notes="Intervjuerna genomfördes separat med ledning och personal.",
            fact_check_on=visit + timedelta(days=28) if finalized else None,
        ),
        areas=areas,
        internal_copy=internal_copy,
        internal_note="Uppgifter om tidrapportering har lämnats till förvaltningens "
        "avtalsenhet för vidare utredning." if internal_copy else "",
    )
