"""Swedish text for the demo follow-ups (fictional, no personal data)."""

from __future__ import annotations

NOTES: dict[str, list[str] | str] = {
    "preanalysis": [
        "Patientsäkerhetsberättelsen och avvikelsestatistiken har gåtts igenom före besöket. "
        "Antalet fallavvikelser har ökat något jämfört med föregående år.",
        "Rutiner för synpunkter och klagomål samt bemanningsschema har begärts in och lästs. "
        "Inga klagomål har kommit in till stadsdelen under året.",
        "Föregående uppföljnings brister och utförarens åtgärdsplan har lästs inför besöket.",
        "Genomförandeplaner har begärts in som stickprov. Verksamheten har haft byte av "
        "enhetschef under året.",
    ],
    "method": [
        "Intervju med enhetschef och verksamhetschef, samtal med tre medarbetare och "
        "rundvandring i verksamheten. Stickprov i fem genomförandeplaner.",
        "Intervjuer med ledning och personal på två avdelningar; granskning av rutiner "
        "och dokumentation på plats.",
        "Besöket inleddes med ledningen och fortsatte med personalgrupper utan chef "
        "närvarande. Observation vid lunch.",
    ],
    "irregularity": "Uppgifter om utförd tid i verksamhetssystemet stämmer inte med "
                    "schemat. Ärendet har lämnats till avtalsansvarig för utredning.",
}

COMMENTS = {
    "delvis": [
        "Rutinen finns men är inte reviderad på över två år.",
        "Personalen känner till rutinen, men den följs inte fullt ut på alla avdelningar.",
        "Dokumentationen är ofullständig i två av fem granskade genomförandeplaner.",
        "Arbetet har påbörjats men är inte infört i hela verksamheten.",
        "Ledningen beskriver arbetssättet, men det saknas dokumentation som visar uppföljning.",
    ],
    "ej_uppfyllt": [
        "Det finns ingen dokumenterad rutin och personalen kunde inte beskriva arbetssättet.",
        "Inga av de granskade genomförandeplanerna var uppdaterade senaste halvåret.",
        "Kravet är inte uppfyllt; verksamheten har inte tagit fram det som avtalet kräver.",
        "Utbildningen har inte genomförts för nyanställd personal.",
    ],
    "ej_aktuellt": [
        "Verksamheten har inga kunder som berörs av kravet.",
        "Gäller inte enhetens uppdrag.",
    ],
}

ACTIONS = [
    "Utföraren ska ta fram en skriftlig rutin, införa den och säkerställa att all personal "
    "känner till den.",
    "Utföraren ska se till att samtliga genomförandeplaner upprättas och följs upp minst "
    "var sjätte månad.",
    "Utföraren ska säkerställa att all personal, även timanställda, får den utbildning "
    "som avtalet kräver.",
    "Utföraren ska inkomma med en åtgärdsplan som visar hur kravet ska uppfyllas och när.",
    "Utföraren ska följa upp arbetet i ledningssystemet och redovisa resultatet till "
    "stadsdelsförvaltningen.",
]

IMPROVEMENTS = [
    "Rutinerna kan med fördel revideras med fastställda datum och ansvariga.",
    "Verksamheten kan utveckla hur de äldres synpunkter tas tillvara i det dagliga arbetet.",
    "Introduktionen av nya medarbetare kan göras mer strukturerad.",
    "Uppföljningen av avvikelser kan återkopplas tydligare till personalgruppen.",
]

STRENGTHS = {
    "sol": [
        "Personalen beskriver ett respektfullt bemötande och känner de äldres önskemål väl.",
        "Verksamheten har ett väl fungerande arbete med genomförandeplaner.",
        "Ledningen har en tydlig struktur för det systematiska kvalitetsarbetet.",
        "Aktiviteter erbjuds varje dag och anpassas efter de äldres intressen.",
    ],
    "hsl": [
        "Läkemedelshanteringen är väl strukturerad med tydliga delegeringar.",
        "Teamträffar med sjuksköterska, läkare och omsorgspersonal hålls regelbundet.",
        "Fallpreventionen är väl förankrad i personalgruppen.",
    ],
}

PREVIOUS_COMMENTS = {
    "atgardad": ["Åtgärdat; rutinen finns och personalen känner till den.",
                 "Åtgärdat enligt inlämnad åtgärdsplan."],
    "delvis": ["Arbetet är påbörjat men inte slutfört.",
               "Delvis åtgärdat; återstår att införa i hela verksamheten."],
    "ej_atgardad": ["Inte åtgärdat; bristen kvarstår och följs upp på nytt.",
                    "Ingen åtgärd har vidtagits sedan föregående uppföljning."],
}

SUMMARIES = {
    "summary_individualisering": [
        "De äldres individuella behov och önskemål tas i huvudsak tillvara genom "
        "genomförandeplaner som följs upp.",
        "Genomförandeplanerna behöver bli mer individuella; i övrigt fungerar arbetet väl.",
    ],
    "summary_trygghet": [
        "Verksamheten bedöms ge en trygg omsorg med kontinuitet i personalgruppen.",
        "Tryggheten påverkas av hög personalomsättning; ledningen arbetar med frågan.",
    ],
    "summary_inflytande": [
        "De äldre och deras närstående ges möjlighet att påverka insatsernas utformning.",
        "Formerna för inflytande kan utvecklas, till exempel genom regelbundna brukarmöten.",
    ],
    "summary_halso_sjukvard": [
        "Hälso- och sjukvården bedrivs i huvudsak enligt avtal och gällande föreskrifter.",
        "Läkemedelshantering och dokumentation behöver förbättras; övriga områden uppfyller "
        "kraven.",
    ],
}

FACTCHECK = {
    "reply": ["Enheten har inga synpunkter på rapportens faktauppgifter.",
              "Enheten påpekade att antalet platser var fel angivet."],
    "changes": ["Inga ändringar.", "Antalet platser har rättats i rapporten."],
}
