<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="18"/>
        <source>Om Uppföljaren</source>
        <translation>About Uppföljaren</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="22"/>
        <source>Programmets ikon</source>
        <translation>Application icon</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="28"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="31"/>
        <source>Stöd för verksamhetsuppföljning inom äldreomsorgen: planering, besök, bedömningar och rapporter. Fungerar utan nätverk och synkar när det finns.</source>
        <translation>Support for following up elder care providers: planning, visits, assessments and reports. Works without a network and synchronises when one is available.</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="36"/>
        <source>Qt %1, PySide6 %2, Python %3</source>
        <translation>Qt %1, PySide6 %2, Python %3</translation>
    </message>
    <message>
        <location filename="../../app/ui/about_dialog.py" line="41"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/ui/application.py" line="170"/>
        <source>Ett oväntat fel inträffade. Detaljer finns i loggen.</source>
        <translation>An unexpected error occurred. Details are in the log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="173"/>
        <source>Uppföljaren kan inte starta.</source>
        <translation>Uppföljaren cannot start.</translation>
    </message>
</context>
<context>
    <name>AssessmentView</name>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="70"/>
        <source>Sök fråga eller vägledning (Ctrl+F)</source>
        <translation>Search questions or guidance (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="119"/>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="126"/>
        <source>Tal</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="157"/>
        <source>Båda delarna</source>
        <translation>Both parts</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="286"/>
        <source>Svar: %1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="348"/>
        <source>Underlag</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="371"/>
        <source>Ny brist</source>
        <translation>New deficiency</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="377"/>
        <source>Bifoga fil till frågan</source>
        <translation>Attach file to the question</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="389"/>
        <source>Besvarade %1 av %2</source>
        <translation>Answered %1 of %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="159"/>
        <source>Hälso- och sjukvård (HSL)</source>
        <translation>Health care (HSL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/assessment_view.py" line="159"/>
        <source>Omsorg (SoL)</source>
        <translation>Care (SoL)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="132"/>
        <source>Ändringslogg</source>
        <translation>Change log</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="143"/>
        <source>Filtrera på person, fält eller text</source>
        <translation>Filter by person, field or text</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="40"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="41"/>
        <source>Vem</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="42"/>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="43"/>
        <source>Fält</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="44"/>
        <source>Tidigare värde</source>
        <translation>Previous value</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="45"/>
        <source>Nytt värde</source>
        <translation>New value</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="51"/>
        <source>svar</source>
        <translation>answer</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="52"/>
        <source>kommentar</source>
        <translation>comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="53"/>
        <source>underlag</source>
        <translation>evidence</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="54"/>
        <source>tal</source>
        <translation>number</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="55"/>
        <source>ja/nej</source>
        <translation>yes/no</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/audit_dialog.py" line="70"/>
        <source>Sammanfattning: %1</source>
        <translation>Summary: %1</translation>
    </message>
</context>
<context>
    <name>CannotSaveBanner</name>
    <message>
        <location filename="../../app/ui/visits/save_status.py" line="53"/>
        <source>Försök igen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/save_status.py" line="60"/>
        <source>Programmet försöker igen när du ändrar något, eller tryck på Försök igen.</source>
        <translation>The program tries again when you change something, or press Try again.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/save_status.py" line="62"/>
        <source>Kan inte spara.</source>
        <translation>Cannot save.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="50"/>
        <source>Konflikter på den gemensamma mappen</source>
        <translation>Conflicts in the shared folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="59"/>
        <source>Verksamhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="59"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="59"/>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="60"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="60"/>
        <source>Versioner</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="68"/>
        <source>Arbetar</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="112"/>
        <source>Visa</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="113"/>
        <source>Visa versionernas rapporter: %1</source>
        <translation>Show the versions&apos; reports: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="131"/>
        <source>Det finns inga konflikter på den gemensamma mappen just nu.</source>
        <translation>There are no conflicts in the shared folder right now.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="52"/>
        <source>Samma del och revision finns i flera olika versioner. Alla versioner sparas. Visa kontrollerar varje version och öppnar dess rapport så att du kan jämföra och bestämma vilken som gäller. Versioner i karantän har flyttats undan som skadade eller ersatta; en skadad version öppnas aldrig.</source>
        <translation>The same part and revision exists in several different versions. All versions are kept. Show checks each version and opens its report so that you can compare them and decide which one applies. Versions in quarantine were moved aside as damaged or replaced; a damaged version is never opened.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="120"/>
        <source>%1, dator %2</source>
        <translation>%1, computer %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="170"/>
        <source>Kontrollerad; rapporten öppnad</source>
        <translation>Verified; the report was opened</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="173"/>
        <source>Kan inte visas: %1</source>
        <translation>Cannot be shown: %1</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <location filename="../../app/ui/visits/document_model.py" line="30"/>
        <source>Dokument</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/document_model.py" line="31"/>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/document_model.py" line="32"/>
        <location filename="../../app/ui/visits/document_model.py" line="109"/>
        <source>Mottaget</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/document_model.py" line="33"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/document_model.py" line="110"/>
        <source>Inte mottaget</source>
        <translation>Not received</translation>
    </message>
</context>
<context>
    <name>ExtraFollowupDialog</name>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="43"/>
        <source>Extra uppföljning %1</source>
        <translation>Extra follow-up %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="48"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="60"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="64"/>
        <source>Beskrivning av skälet</source>
        <translation>Description of the reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="65"/>
        <source>T.ex. vilka brister som ska kontrolleras igen</source>
        <translation>E.g. which deficiencies are to be checked again</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="67"/>
        <source>Planerat datum:</source>
        <translation>Planned date:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="74"/>
        <source>Planerat datum</source>
        <translation>Planned date</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="78"/>
        <source>&amp;Enhet:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="79"/>
        <source>&amp;Skäl:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="80"/>
        <source>&amp;Beskrivning:</source>
        <translation>&amp;Description:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="86"/>
        <source>Den extra uppföljningen läggs till utöver rytmen och sparas direkt. Handläggare kan väljas i tabellen.</source>
        <translation>The extra follow-up is added on top of the rhythm and saved at once. Officers can be chosen in the table.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="92"/>
        <source>Lägg till</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="93"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="62"/>
        <source>Annat</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="62"/>
        <source>Klagomål</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="62"/>
        <source>Misstänkta oegentligheter</source>
        <translation>Suspected irregularities</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="62"/>
        <source>Ny enhet</source>
        <translation>New unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_extra_dialog.py" line="62"/>
        <source>Återkontroll av allvarliga brister</source>
        <translation>Recheck of serious deficiencies</translation>
    </message>
</context>
<context>
    <name>FactcheckView</name>
    <message>
        <location filename="../../app/ui/visits/factcheck_view.py" line="29"/>
        <source>Utkastet skickas till enheten för sakgranskning: enheten rättar sakfel, inte bedömningarna. Skriv in svaret och vad som ändrades, med datum.</source>
        <translation>The draft is sent to the unit for a fact check: the unit corrects factual errors, not the assessments. Enter the reply and what was changed, with dates.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/factcheck_view.py" line="33"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/factcheck_view.py" line="39"/>
        <location filename="../../app/ui/visits/factcheck_view.py" line="53"/>
        <source>Utkast skickat</source>
        <translation>Draft sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/factcheck_view.py" line="40"/>
        <location filename="../../app/ui/visits/factcheck_view.py" line="56"/>
        <source>Svar mottaget</source>
        <translation>Reply received</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/factcheck_view.py" line="43"/>
        <source>Enhetens synpunkter</source>
        <translation>The unit&apos;s comments</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/factcheck_view.py" line="45"/>
        <source>Vad som ändrades i rapporten, och varför</source>
        <translation>What was changed in the report, and why</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/factcheck_view.py" line="46"/>
        <location filename="../../app/ui/visits/factcheck_view.py" line="58"/>
        <source>Enhetens svar</source>
        <translation>The unit&apos;s reply</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/factcheck_view.py" line="47"/>
        <location filename="../../app/ui/visits/factcheck_view.py" line="61"/>
        <source>Ändringar efter sakgranskningen</source>
        <translation>Changes after the fact check</translation>
    </message>
</context>
<context>
    <name>FinalizeView</name>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="111"/>
        <source>Kontrollera</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="112"/>
        <source>Fastställ…</source>
        <translation>Finalize…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="113"/>
        <source>Ändra (ny revision)…</source>
        <translation>Change (new revision)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="114"/>
        <source>Ta över delen</source>
        <translation>Take over the part</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="116"/>
        <source>Bara delens ägare kan fastställa den. Ta över när ägaren är borta.</source>
        <translation>Only the part&apos;s owner can finalize it. Take it over when the owner is away.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="118"/>
        <source>Jag har läst varje träff och personuppgifterna ska stå kvar i rapporten</source>
        <translation>I have read every match and the personal data is to stay in the report</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="136"/>
        <source>Det här saknas eller behöver ses över (klicka för att gå dit)</source>
        <translation>Missing or needs checking (click to go there)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="143"/>
        <source>Visa revision</source>
        <translation>Show revision</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="145"/>
        <source>Revisioner:</source>
        <translation>Revisions:</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="188"/>
        <source>ingen ägare</source>
        <translation>no owner</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="191"/>
        <source>Fastställd revision %1 av %2, %3.</source>
        <translation>Revision %1 finalized by %2, %3.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="194"/>
        <source>Utkast, revision %1. Ägare: %2. Besvarade %3 av %4.</source>
        <translation>Draft, revision %1. Owner: %2. Answered %3 of %4.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="207"/>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="209"/>
        <source>fastställd %1</source>
        <translation>finalized %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="217"/>
        <source>Delen är låst; tidigare revisioner kan läsas nedan. En ändring görs som en ny revision med en motivering.</source>
        <translation>The part is locked; earlier revisions can be read below. A change is made as a new revision with a justification.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="248"/>
        <source>Fastställ</source>
        <translation>Finalize</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="249"/>
        <source>Fastställa %1? Delen låses. En senare ändring görs som en ny revision med en motivering; den fastställda revisionen finns kvar.</source>
        <translation>Finalize %1? The part will be locked. A later change is made as a new revision with a justification; the finalized revision is kept.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="234"/>
        <source>Inget saknas. Delen kan fastställas.</source>
        <translation>Nothing is missing. The part can be finalized.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="236"/>
        <source>%1 saker saknas, %2 möjliga personuppgifter.</source>
        <translation>Items missing: %1. Possible personal data: %2.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="305"/>
        <source>Paketet för synkronisering kunde inte förberedas nu. Det görs vid nästa synkronisering; den fastställda delen är sparad.</source>
        <translation>The package for synchronisation could not be prepared now. It will be made at the next synchronisation; the finalized part is saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="51"/>
        <source>Hälso- och sjukvård (HSL)</source>
        <translation>Health care (HSL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="51"/>
        <source>Omsorg (SoL)</source>
        <translation>Care (SoL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="59"/>
        <source>fynd</source>
        <translation>finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="68"/>
        <source>kommentaren till «%1»</source>
        <translation>the comment on «%1»</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="59"/>
        <source>krav på åtgärd</source>
        <translation>required action</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="63"/>
        <source>sammanfattningen %1</source>
        <translation>the summary %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="61"/>
        <source>tidigare brist</source>
        <translation>previous deficiency</translation>
    </message>
</context>
<context>
    <name>FindingListModel</name>
    <message>
        <location filename="../../app/ui/visits/finding_model.py" line="82"/>
        <source>(ingen text än)</source>
        <translation>(no text yet)</translation>
    </message>
</context>
<context>
    <name>FindingsView</name>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="69"/>
        <source>Ny styrka</source>
        <translation>New strength</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="71"/>
        <source>Nytt förbättringsområde</source>
        <translation>New area for improvement</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="72"/>
        <source>Ny brist</source>
        <translation>New deficiency</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="85"/>
        <source>Ta bort fyndet…</source>
        <translation>Remove finding…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="96"/>
        <source>Fynd</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="102"/>
        <source>Vad som iakttagits</source>
        <translation>What was observed</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="110"/>
        <source>Vad utföraren ska göra</source>
        <translation>What the provider must do</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="114"/>
        <source>Välj hur bristen följs upp</source>
        <translation>Choose how the deficiency is followed up</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="120"/>
        <location filename="../../app/ui/visits/findings_view.py" line="176"/>
        <source>Åtgärdsplan mottagen</source>
        <translation>Action plan received</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="121"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="122"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="123"/>
        <source>Frågor</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="125"/>
        <location filename="../../app/ui/visits/findings_view.py" line="168"/>
        <source>Krav på åtgärd</source>
        <translation>Required action</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="126"/>
        <location filename="../../app/ui/visits/findings_view.py" line="174"/>
        <source>Senast</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="127"/>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="133"/>
        <source>Sammanfattande bedömning</source>
        <translation>Overall assessment</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="163"/>
        <source>Typ av fynd</source>
        <translation>Type of finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="166"/>
        <source>Fyndets text</source>
        <translation>Text of the finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="171"/>
        <source>Uppföljning av brist</source>
        <translation>Follow-up of deficiency</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="190"/>
        <source>Nya fynd i: %1</source>
        <translation>New findings in: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="228"/>
        <source>Välj eller lägg till ett fynd</source>
        <translation>Choose or add a finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="265"/>
        <source>Ingen fråga kopplad.</source>
        <translation>No question linked.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="267"/>
        <source>Koppla en fråga …</source>
        <translation>Link a question …</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="313"/>
        <source>Nytt fynd</source>
        <translation>New finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="319"/>
        <source>Ta bort fyndet</source>
        <translation>Remove finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="320"/>
        <source>Ta bort fyndet? Det syns fortfarande i ändringsloggen.</source>
        <translation>Remove the finding? It will still show in the change log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="325"/>
        <source>Ta bort fynd</source>
        <translation>Remove finding</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Brist</source>
        <translation>Deficiency</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Följs upp vid nästa uppföljning</source>
        <translation>Followed up at the next follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Följs upp vid överenskommen tidpunkt</source>
        <translation>Followed up at an agreed time</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Förbättringsområde</source>
        <translation>Area for improvement</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Hälso- och sjukvård</source>
        <translation>Health care</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Hälso- och sjukvård (HSL)</source>
        <translation>Health care (HSL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Individualisering</source>
        <translation>Individualisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Inflytande</source>
        <translation>Influence</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Omsorg (SoL)</source>
        <translation>Care (SoL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Styrka</source>
        <translation>Strength</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Trygghet</source>
        <translation>Safety and security</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="264"/>
        <source>ta bort</source>
        <translation>remove</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/findings_view.py" line="73"/>
        <source>Åtgärdas snarast (åtgärdsplan från utföraren)</source>
        <translation>To be remedied promptly (action plan from the provider)</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../app/ui/visits/first_start_dialog.py" line="35"/>
        <source>Välkommen till Uppföljaren</source>
        <translation>Welcome to Uppföljaren</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/first_start_dialog.py" line="39"/>
        <source>Ange vem som använder datorn. Namnet står vid varje ändring du gör i en uppföljning, och listan Mina uppföljningar utgår från det.</source>
        <translation>Say who uses this computer. The name is shown with every change you make in a follow-up, and the list My follow-ups is based on it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/first_start_dialog.py" line="45"/>
        <source>För- och efternamn</source>
        <translation>First and last name</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/first_start_dialog.py" line="56"/>
        <source>Verksamhetsuppföljare (omsorg, SoL)</source>
        <translation>Follow-up officer (care, SoL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/first_start_dialog.py" line="57"/>
        <source>MAS (hälso- och sjukvård, HSL)</source>
        <translation>MAS (health care, HSL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/first_start_dialog.py" line="68"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/first_start_dialog.py" line="69"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/first_start_dialog.py" line="70"/>
        <source>Stadsdelsförvaltning</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/first_start_dialog.py" line="98"/>
        <source>Skriv ditt namn.</source>
        <translation>Enter your name.</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="314"/>
        <source>Vad som granskas</source>
        <translation>What is reviewed</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="315"/>
        <source>Uppfyllt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="316"/>
        <source>Delvis uppfyllt</source>
        <translation>Partly met</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="317"/>
        <source>Ej uppfyllt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="318"/>
        <source>Personalens kunskap</source>
        <translation>Staff knowledge</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="329"/>
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="320"/>
        <source>Vägledning</source>
        <translation>Guidance</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="55"/>
        <source>Lämna över till en kollega</source>
        <translation>Hand over to a colleague</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="57"/>
        <source>Del att lämna över</source>
        <translation>Part to hand over</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="59"/>
        <source>Mottagare</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="63"/>
        <source>Arbetar</source>
        <translation>Working</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="72"/>
        <source>Uppföljning och del:</source>
        <translation>Follow-up and part:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="73"/>
        <source>Till:</source>
        <translation>To:</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="80"/>
        <source>Lämna över</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="82"/>
        <source>Försök igen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="99"/>
        <source>Läser den gemensamma mappen…</source>
        <translation>Reading the shared folder…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="129"/>
        <source>Ingen kollegas dator har synkroniserat med den gemensamma mappen ännu.</source>
        <translation>No colleague&apos;s computer has synced with the shared folder yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="138"/>
        <source>Något gick fel när listan lästes. Detaljer finns i loggen.</source>
        <translation>Something went wrong while reading the list. Details are in the log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="150"/>
        <source>Lämnar över…</source>
        <translation>Handing over…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="174"/>
        <source>Kunde inte lämna över</source>
        <translation>Could not hand over</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="185"/>
        <source>(fastställd)</source>
        <translation>(finalized)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="187"/>
        <source>(överlämnad till %1)</source>
        <translation>(handed over to %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="193"/>
        <source>Dator %1 (handläggarens namn är inte känt)</source>
        <translation>Computer %1 (the officer&apos;s name is not known)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="195"/>
        <source>verksamhetsuppföljare</source>
        <translation>follow-up officer</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="196"/>
        <source>MAS</source>
        <translation>MAS</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="199"/>
        <source>(dator %1)</source>
        <translation>(computer %1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="163"/>
        <source>Överlämnad</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="75"/>
        <source>Delen skickas via den gemensamma mappen, med sina bilagor. Kollegan får den som ett utkast vid sin nästa synkronisering. Din kopia finns kvar men markeras som överlämnad.</source>
        <translation>The part is sent through the shared folder, with its attachments. Your colleague gets it as a draft at their next sync. Your copy stays but is marked as handed over.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_handover_dialog.py" line="164"/>
        <source>%1 är överlämnad till %2.</source>
        <translation>%1 has been handed over to %2.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="43"/>
        <source>Importera enheter</source>
        <translation>Import units</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="49"/>
        <source>Fel i filen</source>
        <translation>Problems in the file</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="51"/>
        <source>Rad</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="51"/>
        <source>Kolumn</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="51"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="51"/>
        <source>Fel</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="61"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="62"/>
        <source>&amp;Kopiera felen</source>
        <translation>&amp;Copy problems</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="63"/>
        <source>Kopiera felen till urklipp</source>
        <translation>Copy the problems to the clipboard</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="76"/>
        <source>%1 är importerad: %2 nya, %3 ändrade och %4 oförändrade enheter.</source>
        <translation>%1 was imported: %2 new, %3 changed and %4 unchanged units.</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="121"/>
        <source>Enhetsregister (*.csv *.xlsx *.xlsm);;Alla filer (*)</source>
        <translation>Unit register (*.csv *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="160"/>
        <source>Importerar enheter</source>
        <translation>Importing units</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="136"/>
        <source>Läser och kontrollerar %1…</source>
        <translation>Reading and checking %1…</translation>
    </message>
</context>
<context>
    <name>IssueListModel</name>
    <message>
        <location filename="../../app/ui/visits/issue_model.py" line="82"/>
        <source>%1 «%2» i %3</source>
        <translation>%1 «%2» in %3</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/sync_page.py" line="39"/>
        <source>Fastställd, inte paketerad ännu</source>
        <translation>Finalized, not packaged yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="32"/>
        <source>Inläst i uppföljningen</source>
        <translation>Read into the follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="33"/>
        <source>Konflikt: delen har ändrats här</source>
        <translation>Conflict: the part has been changed here</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="34"/>
        <source>Inte inläst: delen är din</source>
        <translation>Not read in: the part is yours</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="35"/>
        <source>Inte inläst: samma eller nyare revision finns här</source>
        <translation>Not read in: the same or a newer revision is here</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="36"/>
        <source>Inte inläst: uppföljningen finns inte här</source>
        <translation>Not read in: the follow-up is not on this computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="37"/>
        <source>Läses in vid nästa synkronisering</source>
        <translation>Read in at the next sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="41"/>
        <source>Karantän: skadad eller ersatt version</source>
        <translation>Quarantine: damaged or replaced version</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_conflicts_dialog.py" line="42"/>
        <source>Gemensamma mappen</source>
        <translation>The shared folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Antal platser</source>
        <translation>Number of places</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Anteckning om misstänkta oegentligheter</source>
        <translation>Note on suspected irregularities</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Anteckningar i föranalysen</source>
        <translation>Pre-analysis notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Avvikelser senaste året</source>
        <translation>Deviations in the last year</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Belagda platser</source>
        <translation>Occupied places</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Bemanning dag (antal)</source>
        <translation>Day staffing (number)</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Bemanning natt (antal)</source>
        <translation>Night staffing (number)</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Besök genomfört</source>
        <translation>Visit done</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Besökets slut</source>
        <translation>End of visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Besökets start</source>
        <translation>Start of visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Brist</source>
        <translation>Deficiency</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Dagverksamhet</source>
        <translation>Day care</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Delvis uppfyllt</source>
        <translation>Partly met</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Delvis åtgärdad</source>
        <translation>Partly remedied</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Egen regi</source>
        <translation>Municipal operation</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Ej aktuellt</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Ej bedömt</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Ej uppfyllt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Ej åtgärdad</source>
        <translation>Not remedied</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Enhetens svar i sakgranskningen</source>
        <translation>The unit&apos;s reply in the fact check</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Entreprenad</source>
        <translation>Contracted</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Fastställd</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Föranalys</source>
        <translation>Pre-analysis</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Förbättringsområde</source>
        <translation>Area for improvement</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Hemtjänst</source>
        <translation>Home care</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Hälso- och sjukvård</source>
        <translation>Health care</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Hälso- och sjukvård (HSL)</source>
        <translation>Health care (HSL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Individualisering</source>
        <translation>Individualisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Inflytande</source>
        <translation>Influence</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Klagomål senaste året</source>
        <translation>Complaints in the last year</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Konflikt – en person behöver välja</source>
        <translation>Conflict – someone needs to choose</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Lex Maria-anmälningar</source>
        <translation>Lex Maria notifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Lex Sarah-rapporter</source>
        <translation>Lex Sarah reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Metod</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Misstanke om oegentligheter</source>
        <translation>Suspected irregularities</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Mottagen centralt</source>
        <translation>Received centrally</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Nyckeltal</source>
        <translation>Key figures</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Omsorg (SoL)</source>
        <translation>Care (SoL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Personnummer</source>
        <translation>Personal identity number</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Privat regi</source>
        <translation>Private operation</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Profilboende</source>
        <translation>Profile home</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Rapportutkast</source>
        <translation>Report draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Servicehus</source>
        <translation>Service housing</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Skickad och kontrollerad</source>
        <translation>Sent and verified</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Skickad, ej kontrollerad</source>
        <translation>Sent, not verified</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Styrka</source>
        <translation>Strength</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Svar på sakgranskningen</source>
        <translation>Reply to the fact check</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Synkad</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Telefonnummer</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Trygghet</source>
        <translation>Safety and security</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Uppfyllt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Utkast</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Utkast skickat för sakgranskning</source>
        <translation>Draft sent for fact check</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>VoB</source>
        <translation>Care home</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Väntar på att skickas</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Vård- och omsorgsboende</source>
        <translation>Care home</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Ändringar efter sakgranskningen</source>
        <translation>Changes after the fact check</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Årsarbetare</source>
        <translation>Full-time equivalents</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="24"/>
        <source>Åtgärdad</source>
        <translation>Remedied</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="154"/>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="158"/>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="161"/>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174"/>
        <source>Skapar demodatabasen första gången, det tar en liten stund…</source>
        <translation>Creating the demo database the first time; this takes a moment…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>Öppnar databasen…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="176"/>
        <source>Navigering</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="177"/>
        <source>Sida</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="178"/>
        <source>&amp;Importera enheter…</source>
        <translation>&amp;Import units…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="179"/>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="180"/>
        <source>&amp;Om Uppföljaren</source>
        <translation>&amp;About Uppföljaren</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="181"/>
        <source>Växla mellan navigering och sida</source>
        <translation>Switch between navigation and page</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="187"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="189"/>
        <source>Data: %1</source>
        <translation>Data: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="218"/>
        <source>Sidan %1 kunde inte visas. Detaljer finns i loggen.</source>
        <translation>The page %1 could not be shown. Details are in the log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="313"/>
        <source>Import klar: %1 nya, %2 ändrade, %3 oförändrade enheter.</source>
        <translation>Import done: %1 new, %2 changed, %3 unchanged units.</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../app/ui/navigation.py" line="61"/>
        <source>Planering</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="62"/>
        <source>Verksamheter</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="63"/>
        <source>Uppföljningar</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="64"/>
        <source>Rapporter</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="65"/>
        <source>Synk</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="66"/>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../app/ui/navigation.py" line="67"/>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>NewVisitDialog</name>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="67"/>
        <source>Ny uppföljning</source>
        <translation>New follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="84"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="85"/>
        <source>Uppföljningsår</source>
        <translation>Follow-up year</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="93"/>
        <source>Starta</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="105"/>
        <source>Välj en enhet i listan.</source>
        <translation>Choose a unit in the list.</translation>
    </message>
</context>
<context>
    <name>NoticeBanner</name>
    <message>
        <location filename="../../app/ui/visits/save_status.py" line="78"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OfficerDelegate</name>
    <message>
        <location filename="../../app/ui/plan_delegates.py" line="71"/>
        <source>Välj handläggare</source>
        <translation>Choose officer</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_delegates.py" line="72"/>
        <source>Ej tilldelad</source>
        <translation>Not assigned</translation>
    </message>
</context>
<context>
    <name>OverviewCharts</name>
    <message>
        <location filename="../../app/ui/overview_charts.py" line="84"/>
        <source>Andel Uppfyllt av de bedömda frågorna</source>
        <translation>Share Met of the assessed questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_charts.py" line="63"/>
        <source>Andel Uppfyllt per område – %1 och hela staden</source>
        <translation>Share Met per area – %1 and the whole city</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_charts.py" line="66"/>
        <source>Hela staden</source>
        <translation>The whole city</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../app/ui/overview_page.py" line="45"/>
        <source>Översikt</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="51"/>
        <source>Översikt – resultat i hela staden</source>
        <translation>Overview – results across the city</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="59"/>
        <location filename="../../app/ui/overview_page.py" line="70"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="61"/>
        <location filename="../../app/ui/overview_page.py" line="70"/>
        <source>Indelning</source>
        <translation>Grouping</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="62"/>
        <source>Stadsdel</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="62"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="63"/>
        <source>Regiform</source>
        <translation>Form of operation</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="64"/>
        <source>Enhetstyp</source>
        <translation>Unit type</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="67"/>
        <location filename="../../app/ui/overview_page.py" line="71"/>
        <source>Jämför</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="68"/>
        <source>Uppdatera</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="77"/>
        <source>Områden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="78"/>
        <source>Grupper</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="79"/>
        <source>Fråga</source>
        <translation>Question</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="79"/>
        <source>Uppfyllt (vald)</source>
        <translation>Met (selected)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="80"/>
        <source>Delvis (vald)</source>
        <translation>Partly (selected)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="80"/>
        <source>Ej uppfyllt (vald)</source>
        <translation>Not met (selected)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="81"/>
        <source>Uppfyllt (staden)</source>
        <translation>Met (city)</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="81"/>
        <source>Uppföljningar</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="82"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="82"/>
        <source>Uppfyllt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="82"/>
        <source>Delvis</source>
        <translation>Partly</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="83"/>
        <source>Ej uppfyllt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="91"/>
        <source>Frågor i området</source>
        <translation>Questions in the area</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="92"/>
        <source>Enheterna bakom siffran</source>
        <translation>Units behind the figure</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="135"/>
        <source>Hämtar statistiken…</source>
        <translation>Fetching the statistics…</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="150"/>
        <source>Statistiken kunde inte hämtas: %1</source>
        <translation>The statistics could not be fetched: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="164"/>
        <source>Statistik från äldreförvaltningen, %1. Samma siffror som kommandot uppfoljaren central stats.</source>
        <translation>Statistics from the elder care administration, %1. The same figures as the command uppfoljaren central stats.</translation>
    </message>
    <message>
        <location filename="../../app/ui/overview_page.py" line="243"/>
        <source>%1: %2 uppföljningar</source>
        <translation>%1 – follow-ups: %2</translation>
    </message>
</context>
<context>
    <name>PlanCalendar</name>
    <message>
        <location filename="../../app/ui/plan_calendar.py" line="25"/>
        <source>Kalender med planerade besök</source>
        <translation>Calendar of planned visits</translation>
    </message>
</context>
<context>
    <name>PlanDateDelegate</name>
    <message>
        <location filename="../../app/ui/plan_delegates.py" line="45"/>
        <source>Planerat datum</source>
        <translation>Planned date</translation>
    </message>
</context>
<context>
    <name>PlanTableModel</name>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Besök genomfört</source>
        <translation>Visit done</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="92"/>
        <source>Ej tilldelad</source>
        <translation>Not assigned</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="199"/>
        <source>Enheten ligger utanför staden; stadsdelen är tilldelad.</source>
        <translation>The unit is outside the city; the district has been assigned.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="90"/>
        <source>Extra</source>
        <translation>Extra</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Fastställd</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Föranalys</source>
        <translation>Pre-analysis</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>MAS</source>
        <translation>MAS</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Planerad</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Rapport utkast</source>
        <translation>Report draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Regiform</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="90"/>
        <source>Rytm</source>
        <translation>Rhythm</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Stadsdel</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Synkad</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="216"/>
        <source>Varning:</source>
        <translation>Warning:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_table_model.py" line="73"/>
        <source>Verksamhetsuppföljare</source>
        <translation>Follow-up officer</translation>
    </message>
</context>
<context>
    <name>PlanningPage</name>
    <message>
        <location filename="../../app/ui/planning_page.py" line="133"/>
        <source>Ändra datum</source>
        <translation>Change date</translation>
    </message>
    <message>
        <location filename="../../app/ui/planning_page.py" line="137"/>
        <source>Ta bort datum</source>
        <translation>Remove date</translation>
    </message>
    <message>
        <location filename="../../app/ui/planning_page.py" line="141"/>
        <source>Ta bort extra uppföljning</source>
        <translation>Remove extra follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/planning_page.py" line="145"/>
        <source>Lägg till extra uppföljning…</source>
        <translation>Add extra follow-up…</translation>
    </message>
    <message>
        <location filename="../../app/ui/planning_page.py" line="185"/>
        <source>Excel-arbetsbok (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../app/ui/planning_page.py" line="186"/>
        <source>iCalendar (*.ics)</source>
        <translation>iCalendar (*.ics)</translation>
    </message>
    <message>
        <location filename="../../app/ui/planning_page.py" line="188"/>
        <source>Exportera planen</source>
        <translation>Export the plan</translation>
    </message>
</context>
<context>
    <name>PlanningView</name>
    <message>
        <location filename="../../app/ui/plan_view.py" line="64"/>
        <source>Planår</source>
        <translation>Plan year</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="67"/>
        <source>Sök enhet eller enhets-id</source>
        <translation>Search unit or unit id</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="69"/>
        <source>Sök i planen</source>
        <translation>Search the plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="70"/>
        <source>E&amp;xtra uppföljning…</source>
        <translation>E&amp;xtra follow-up…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="71"/>
        <source>&amp;Fördela otilldelade</source>
        <translation>&amp;Assign unassigned</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="73"/>
        <source>Föreslår handläggare för uppföljningar utan handläggare, så att belastningen blir jämn inom stadsdelen. Gjorda val ändras inte.</source>
        <translation>Suggests officers for follow-ups without one, so that the workload is even within the district. Choices already made are not changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="75"/>
        <source>Rytmre&amp;gler…</source>
        <translation>Rhythm ru&amp;les…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="76"/>
        <source>Vilka år varje enhetstyp följs upp</source>
        <translation>Which years each unit type is followed up</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="78"/>
        <source>&amp;Exportera</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="81"/>
        <source>Excel (.xlsx)…</source>
        <translation>Excel (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="82"/>
        <source>Kalender för Outlook (.ics)…</source>
        <translation>Calendar for Outlook (.ics)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="87"/>
        <source>&amp;År:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="98"/>
        <source>Filtrera på stadsdel</source>
        <translation>Filter by district</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="99"/>
        <source>Filtrera på typ</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="100"/>
        <source>Filtrera på regiform</source>
        <translation>Filter by form of operation</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="101"/>
        <source>Filtrera på handläggare</source>
        <translation>Filter by officer</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="102"/>
        <source>Filtrera på status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="103"/>
        <source>Bara med var&amp;ning</source>
        <translation>Only with a war&amp;ning</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="106"/>
        <source>S&amp;tadsdel:</source>
        <translation>&amp;District:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="106"/>
        <source>T&amp;yp:</source>
        <translation>T&amp;ype:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="107"/>
        <source>&amp;Regiform:</source>
        <translation>&amp;Form:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="108"/>
        <source>&amp;Handläggare:</source>
        <translation>&amp;Officer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="109"/>
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="120"/>
        <source>Antal per status</source>
        <translation>Count per status</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="124"/>
        <source>Årsplan</source>
        <translation>Year plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="152"/>
        <source>Besök den valda dagen</source>
        <translation>Visits on the chosen day</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="159"/>
        <source>Dubbelklicka på ett besök för att visa det i listan, där datum och handläggare ändras.</source>
        <translation>Double-click a visit to show it in the list, where the date and officers are changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="172"/>
        <location filename="../../app/ui/plan_view.py" line="181"/>
        <source>Varningar</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="179"/>
        <source>&amp;Lista</source>
        <translation>&amp;List</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="180"/>
        <source>&amp;Kalender</source>
        <translation>&amp;Calendar</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="218"/>
        <location filename="../../app/ui/plan_view.py" line="219"/>
        <location filename="../../app/ui/plan_view.py" line="221"/>
        <location filename="../../app/ui/plan_view.py" line="223"/>
        <location filename="../../app/ui/plan_view.py" line="224"/>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="271"/>
        <source>%1 uppföljningar</source>
        <translation>Follow-ups: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="273"/>
        <source>%1 varningar</source>
        <translation>Warnings: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="274"/>
        <source>&amp;Varningar (%1)</source>
        <translation>&amp;Warnings (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="287"/>
        <source>Besök %1 (%2)</source>
        <translation>Visits %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="291"/>
        <source>ej tilldelad</source>
        <translation>not assigned</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="225"/>
        <source>Besök genomfört</source>
        <translation>Visit done</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="225"/>
        <source>Fastställd</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="225"/>
        <source>Föranalys</source>
        <translation>Pre-analysis</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="225"/>
        <source>Planerad</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="225"/>
        <source>Rapport utkast</source>
        <translation>Report draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_view.py" line="225"/>
        <source>Synkad</source>
        <translation>Synced</translation>
    </message>
</context>
<context>
    <name>PreanalysisView</name>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="60"/>
        <source>Begärda dokument</source>
        <translation>Requested documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="84"/>
        <source>Nyckeltal och anteckningar</source>
        <translation>Key figures and notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="97"/>
        <source>Vad som är känt före besöket</source>
        <translation>What is known before the visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="99"/>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="103"/>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="108"/>
        <source>Brister från föregående uppföljning</source>
        <translation>Deficiencies from the previous follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="113"/>
        <source>Bilagor</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="132"/>
        <source>Inga bilagor. Bifoga filer med Bifoga fil i verktygsraden eller vid en fråga.</source>
        <translation>No attachments. Attach files with Attach file in the toolbar or at a question.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="142"/>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="147"/>
        <source>Misstanke om oegentligheter</source>
        <translation>Suspected irregularities</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="143"/>
        <source>Misstänkta oegentligheter (visas tydligt i besöket)</source>
        <translation>Suspected irregularities (shown clearly in the visit)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="145"/>
        <source>Vad som misstänks och vad som gjorts</source>
        <translation>What is suspected and what has been done</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="149"/>
        <source>Anteckning om misstanke</source>
        <translation>Note on the suspicion</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="180"/>
        <source>%1 av %2 dokument mottagna. Bocka i Mottaget; dubbelklicka på datumet för att ändra det.</source>
        <translation>%1 of %2 documents received. Tick Received; double-click the date to change it.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="196"/>
        <source>Inga brister att följa upp från en tidigare fastställd uppföljning.</source>
        <translation>No deficiencies to follow up from an earlier finalized follow-up.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="203"/>
        <source>Från %1 (%2)</source>
        <translation>From %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="206"/>
        <source>Krav på åtgärd: </source>
        <translation>Required action: </translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="212"/>
        <source>Inte bedömd</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="216"/>
        <source>Vad som gjorts, och vad som visar det</source>
        <translation>What has been done, and what shows it</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="220"/>
        <source>Tidigare brist</source>
        <translation>Previous deficiency</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="221"/>
        <source>Tidigare brist, kommentar</source>
        <translation>Previous deficiency, comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="229"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="230"/>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="269"/>
        <source>Dokument</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Antal platser</source>
        <translation>Number of places</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Avvikelser senaste året</source>
        <translation>Deviations in the last year</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Belagda platser</source>
        <translation>Occupied places</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Bemanning dag (antal)</source>
        <translation>Day staffing (number)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Bemanning natt (antal)</source>
        <translation>Night staffing (number)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Delvis åtgärdad</source>
        <translation>Partly remedied</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Ej åtgärdad</source>
        <translation>Not remedied</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Klagomål senaste året</source>
        <translation>Complaints in the last year</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Lex Maria-anmälningar</source>
        <translation>Lex Maria notifications</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Lex Sarah-rapporter</source>
        <translation>Lex Sarah reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="207"/>
        <source>Senast: </source>
        <translation>Deadline: </translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Årsarbetare</source>
        <translation>Full-time equivalents</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/preanalysis_view.py" line="93"/>
        <source>Åtgärdad</source>
        <translation>Remedied</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../app/ui/tasks.py" line="207"/>
        <source>Något gick fel. Arbetet avbröts och inget har sparats i halvfärdigt skick. Detaljer finns i loggen.</source>
        <translation>Something went wrong. The work was stopped and nothing was saved half-done. Details are in the log.</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../app/ui/tasks.py" line="172"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="41"/>
        <source>Uppfyllt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="42"/>
        <source>Delvis</source>
        <translation>Partly</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="43"/>
        <source>Ej uppf.</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="44"/>
        <source>Ej akt.</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="45"/>
        <source>Ej bed.</source>
        <translation>Unrated</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="129"/>
        <source>Skriv talet</source>
        <translation>Enter the number</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="133"/>
        <source>Svar:</source>
        <translation>Answer:</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="154"/>
        <location filename="../../app/ui/visits/question_editor.py" line="261"/>
        <source>Ej uppfyllt: en brist ska skrivas i Fynd, kopplad till frågan.</source>
        <translation>Not met: a deficiency must be written under Findings, linked to the question.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="157"/>
        <source>Skapa brist…</source>
        <translation>Create deficiency…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="164"/>
        <source>Kommentar: vad bedömningen bygger på</source>
        <translation>Comment: what the assessment is based on</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="168"/>
        <source>Underlag:</source>
        <translation>Evidence:</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="178"/>
        <source>Bifoga fil till frågan…</source>
        <translation>Attach file to the question…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="184"/>
        <source>Delen är fastställd och kan inte ändras här. Under Fastställ kan en ny revision öppnas, med en motivering.</source>
        <translation>The part is finalized and cannot be changed here. Under Finalize a new revision can be opened, with a justification.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="213"/>
        <source>Grund: %1</source>
        <translation>Basis: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="223"/>
        <source>Förra uppföljningen: frågan besvarades inte.</source>
        <translation>Previous follow-up: the question was not answered.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="226"/>
        <source>Inget svar</source>
        <translation>No answer</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="227"/>
        <source>Förra uppföljningen (%1): </source>
        <translation>Previous follow-up (%1): </translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="231"/>
        <source>Bilagor: %1</source>
        <translation>Attachments: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="232"/>
        <source>Inga bilagor till frågan.</source>
        <translation>No attachments to the question.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="253"/>
        <source>Kommentar (krävs för detta svar)</source>
        <translation>Comment (required for this answer)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="253"/>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="260"/>
        <source>Ej uppfyllt: en brist är kopplad till frågan (se Fynd).</source>
        <translation>Not met: a deficiency is linked to the question (see Findings).</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Delvis uppfyllt</source>
        <translation>Partly met</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Dokument</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Ej aktuellt</source>
        <translation>Not applicable</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Ej bedömt</source>
        <translation>Not assessed</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Ej uppfyllt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Hälso- och sjukvård (HSL)</source>
        <translation>Health care (HSL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Intervju ledning</source>
        <translation>Management interview</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Intervju personal</source>
        <translation>Staff interview</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Omsorg (SoL)</source>
        <translation>Care (SoL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_editor.py" line="171"/>
        <source>Stickprov</source>
        <translation>Sample check</translation>
    </message>
</context>
<context>
    <name>QuestionTreeModel</name>
    <message>
        <location filename="../../app/ui/visits/question_model.py" line="180"/>
        <source>%1 av %2 frågor besvarade</source>
        <translation>%1 of %2 questions answered</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/question_model.py" line="153"/>
        <source>Inte besvarad</source>
        <translation>Not answered</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="77"/>
        <source>Ändra fastställd del</source>
        <translation>Change finalized part</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="79"/>
        <source>%1 är fastställd. En ändring blir en ny revision; den fastställda revisionen finns kvar och kan läsas. Skriv varför den ändras.</source>
        <translation>%1 is finalized. A change becomes a new revision; the finalized revision is kept and can be read. Write why it is being changed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/finalize_view.py" line="85"/>
        <source>Ny revision</source>
        <translation>New revision</translation>
    </message>
</context>
<context>
    <name>ReceivedView</name>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="55"/>
        <source>Verksamhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="55"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="55"/>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="55"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="56"/>
        <source>Slag</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="56"/>
        <source>Från dator</source>
        <translation>From computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="56"/>
        <source>Mottagen (enhetens tid)</source>
        <translation>Received (device time)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="57"/>
        <source>Läge</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="64"/>
        <source>Läs mottagen del…</source>
        <translation>Read received part…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="65"/>
        <source>Läs den valda mottagna delen</source>
        <translation>Read the selected received part</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="67"/>
        <source>Öppnar delen så som kollegan skickade den, som en rapport.</source>
        <translation>Opens the part as the colleague sent it, as a report.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="81"/>
        <source>Fastställd del</source>
        <translation>Finalized part</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="81"/>
        <source>Överlämnad</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_received_view.py" line="95"/>
        <source>Delen har ändrats här och hos kollegan. Den lokala delen är orörd och den mottagna finns kvar här; ingen skrivs över. Läs den mottagna och kom överens om vilken som gäller.</source>
        <translation>The part has been changed both here and by the colleague. The local part is untouched and the received one is kept here; neither is overwritten. Read the received one and agree on which one applies.</translation>
    </message>
</context>
<context>
    <name>ReportBatchDialog</name>
    <message>
        <location filename="../../app/ui/report_batch.py" line="43"/>
        <location filename="../../app/ui/report_batch.py" line="111"/>
        <source>Skapa alla rapporter</source>
        <translation>Create all reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="47"/>
        <source>alla stadsdelar</source>
        <translation>all districts</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="49"/>
        <source>{count} fastställda uppföljningar {year}, {scope}. {drafts} som inte är fastställda tas inte med.</source>
        <translation>Finalized follow-ups {year}, {scope}: {count}. Not finalized, left out: {drafts}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="54"/>
        <source>Välj…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="61"/>
        <source>Mapp</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="63"/>
        <source>Skapa rapporter</source>
        <translation>Create reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="71"/>
        <source>Mapp för rapporterna</source>
        <translation>Folder for the reports</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="89"/>
        <source>Skapar rapporter…</source>
        <translation>Creating reports…</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="94"/>
        <source>{written} rapporter skrevs.</source>
        <translation>Reports written: {written}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="96"/>
        <source>Misslyckades:</source>
        <translation>Failed:</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_batch.py" line="105"/>
        <source>Avbrutet. Rapporter som redan skrevs finns kvar, hela.</source>
        <translation>Cancelled. Reports already written are kept, complete.</translation>
    </message>
</context>
<context>
    <name>ReportPreview</name>
    <message>
        <location filename="../../app/ui/report_preview.py" line="108"/>
        <location filename="../../app/ui/report_preview.py" line="153"/>
        <source>Välj en uppföljning för att se rapporten.</source>
        <translation>Choose a follow-up to see the report.</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="110"/>
        <source>Intern kopia</source>
        <translation>Internal copy</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="111"/>
        <source>Med anteckningen om misstänkta oegentligheter. Lämnas aldrig ut.</source>
        <translation>With the note on suspected irregularities. Never to be handed out.</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="114"/>
        <source>Skriv ut…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="115"/>
        <source>Spara som…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="116"/>
        <source>Öppna i PDF-läsare</source>
        <translation>Open in PDF viewer</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="146"/>
        <source>Skapar rapporten…</source>
        <translation>Creating the report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="166"/>
        <source>{title} – {pages} sidor</source>
        <translation>{title} – pages: {pages}</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="169"/>
        <source> (utkast: uppföljningen är inte fastställd)</source>
        <translation> (draft: the follow-up is not finalized)</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="175"/>
        <source>Rapporten kunde inte skapas: {error}</source>
        <translation>The report could not be created: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="184"/>
        <source>Spara rapporten</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="185"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="196"/>
        <source>Kan inte spara</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="197"/>
        <source>Rapporten kunde inte sparas i {path}: {error}</source>
        <translation>The report could not be saved in {path}: {error}</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_preview.py" line="218"/>
        <source>Skriv ut rapporten</source>
        <translation>Print the report</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/report_preview.py" line="228"/>
        <source>Förhandsgranska rapport</source>
        <translation>Preview report</translation>
    </message>
</context>
<context>
    <name>ReportTableModel</name>
    <message>
        <location filename="../../app/ui/report_list_model.py" line="23"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_list_model.py" line="24"/>
        <source>Stadsdel</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_list_model.py" line="25"/>
        <source>Platsbesök</source>
        <translation>Site visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_list_model.py" line="26"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_list_model.py" line="27"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../app/ui/report_list_model.py" line="74"/>
        <source>Utkast ({status})</source>
        <translation>Draft ({status})</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../app/ui/reports_page.py" line="37"/>
        <source>Alla</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_page.py" line="37"/>
        <source>Fastställda</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_page.py" line="37"/>
        <source>Utkast</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_page.py" line="38"/>
        <source>Skapa alla rapporter…</source>
        <translation>Create all reports…</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_page.py" line="41"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_page.py" line="41"/>
        <source>Stadsdel</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_page.py" line="42"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_page.py" line="60"/>
        <source>Uppföljningar</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_page.py" line="92"/>
        <source>Alla stadsdelar</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../app/ui/reports_page.py" line="111"/>
        <source>{n} uppföljningar</source>
        <translation>Follow-ups: {n}</translation>
    </message>
</context>
<context>
    <name>RevisionDialog</name>
    <message>
        <location filename="../../app/ui/visits/revision_dialog.py" line="26"/>
        <source>fastställd %1 av %2</source>
        <translation>finalized %1 by %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/revision_dialog.py" line="31"/>
        <source>Motivering</source>
        <translation>Justification</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/revision_dialog.py" line="48"/>
        <source>Fynd</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/revision_dialog.py" line="49"/>
        <source>Krav på åtgärd</source>
        <translation>Required action</translation>
    </message>
</context>
<context>
    <name>RhythmRulesDialog</name>
    <message>
        <location filename="../../app/ui/plan_rules_dialog.py" line="30"/>
        <source>Rytmregler</source>
        <translation>Rhythm rules</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_rules_dialog.py" line="36"/>
        <source>Rytm för %1</source>
        <translation>Rhythm for %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_rules_dialog.py" line="48"/>
        <source>Ändringar sparas direkt och gäller för alla planer som visas efter ändringen. En enhet med egen paritet i registret följer sin egen rytm. Uppföljningar som redan påbörjats ligger kvar.</source>
        <translation>Changes are saved at once and apply to every plan shown after the change. A unit with its own parity in the register follows its own rhythm. Follow-ups already started stay as they are.</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_rules_dialog.py" line="54"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_rules_dialog.py" line="38"/>
        <source>Jämna år</source>
        <translation>Even years</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_rules_dialog.py" line="38"/>
        <source>Udda år</source>
        <translation>Odd years</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_rules_dialog.py" line="38"/>
        <source>Varje år</source>
        <translation>Every year</translation>
    </message>
</context>
<context>
    <name>SaveStatusLabel</name>
    <message>
        <location filename="../../app/ui/visits/save_status.py" line="29"/>
        <source>Alla ändringar sparas automatiskt</source>
        <translation>All changes are saved automatically</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/save_status.py" line="33"/>
        <source>Sparat %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/save_status.py" line="37"/>
        <source>Inte sparat</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/settings_page.py" line="47"/>
        <source>Mall</source>
        <translation>Template</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="62"/>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="63"/>
        <source>Allmänt</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="64"/>
        <source>Handläggare</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="65"/>
        <location filename="../../app/ui/settings_page.py" line="159"/>
        <source>Gemensam mapp</source>
        <translation>Shared folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="103"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="108"/>
        <source>&amp;Språk:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="110"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="112"/>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="114"/>
        <source>Logotyp</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="116"/>
        <source>Ingen logotyp: rapporterna får stadens standard</source>
        <translation>No logo: reports use the city&apos;s standard</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="117"/>
        <source>&amp;Välj…</source>
        <translation>&amp;Choose…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="118"/>
        <location filename="../../app/ui/settings_page.py" line="246"/>
        <source>Välj logotyp</source>
        <translation>Choose logo</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="120"/>
        <source>&amp;Logotyp:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="121"/>
        <source>Logotypen visas i rapporternas sidhuvud (PNG eller JPEG).</source>
        <translation>The logo is shown in the report header (PNG or JPEG).</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="130"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="132"/>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="134"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="135"/>
        <source>Inte vald</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="136"/>
        <source>Verksamhetsuppföljare</source>
        <translation>Follow-up officer</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="137"/>
        <source>MAS (medicinskt ansvarig sjuksköterska)</source>
        <translation>MAS (medically responsible nurse)</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="140"/>
        <source>&amp;Roll:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="142"/>
        <source>Stadsdel</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="143"/>
        <source>Hela staden</source>
        <translation>The whole city</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="152"/>
        <source>S&amp;tadsdel:</source>
        <translation>&amp;District:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="162"/>
        <source>V&amp;älj…</source>
        <translation>C&amp;hoose…</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="163"/>
        <location filename="../../app/ui/settings_page.py" line="252"/>
        <source>Välj gemensam mapp</source>
        <translation>Choose shared folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="165"/>
        <source>&amp;Mapp:</source>
        <translation>&amp;Folder:</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="168"/>
        <source>Status för gemensam mapp</source>
        <translation>Shared folder status</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="234"/>
        <source>Ingen mapp vald: den inbyggda demomappen används.</source>
        <translation>No folder chosen: the built-in demo folder is used.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="237"/>
        <source>✓ Mappen finns och kan användas.</source>
        <translation>✓ The folder exists and can be used.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="240"/>
        <source>Mappen finns inte eller går inte att nå just nu. Kontrollera sökvägen; arbetet sparas lokalt tills mappen går att nå.</source>
        <translation>The folder does not exist or cannot be reached right now. Check the path; work is kept locally until the folder can be reached.</translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_page.py" line="247"/>
        <source>Bilder (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../app/ui/sync_page.py" line="54"/>
        <source>Synk med den gemensamma mappen</source>
        <translation>Sync with the shared folder</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="64"/>
        <location filename="../../app/ui/sync_page.py" line="66"/>
        <source>Synka nu</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="68"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="69"/>
        <source>Avbryt synkroniseringen</source>
        <translation>Cancel the sync</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="72"/>
        <source>Lämna över…</source>
        <translation>Hand over…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="73"/>
        <source>Lämna över en del till en kollega</source>
        <translation>Hand over a part to a colleague</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="78"/>
        <source>Visa konflikter…</source>
        <translation>Show conflicts…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="79"/>
        <source>Visa versionerna i konflikt</source>
        <translation>Show the versions in conflict</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="83"/>
        <source>Förlopp</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="125"/>
        <source>Väntar</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="126"/>
        <source>Skickade</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="146"/>
        <source>Verksamhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="146"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="146"/>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="146"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="128"/>
        <source>Från kollegor</source>
        <translation>From colleagues</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="147"/>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="147"/>
        <source>Skickad (enhetens tid)</source>
        <translation>Sent (device time)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="147"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="175"/>
        <source>Gemensam mapp: %1</source>
        <translation>Shared folder: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="182"/>
        <source>Synkläget kunde inte läsas.</source>
        <translation>The sync status could not be read.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="191"/>
        <source>Väntar (%1)</source>
        <translation>Waiting (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="192"/>
        <source>Skickade (%1)</source>
        <translation>Sent (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="194"/>
        <source>Från kollegor (%1)</source>
        <translation>From colleagues (%1)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="207"/>
        <source>Ingen synkronisering har körts ännu.</source>
        <translation>No sync has been run yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="210"/>
        <source>Senaste synkronisering %1: %2</source>
        <translation>Last sync %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="212"/>
        <source>lyckades</source>
        <translation>succeeded</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="212"/>
        <source>något behöver åtgärdas</source>
        <translation>something needs attention</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="214"/>
        <source>%1 fastställda delar har inte paketerats ännu.</source>
        <translation>Finalized parts not yet packaged: %1.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="259"/>
        <source>Startar…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="260"/>
        <source>Synkroniserar…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="270"/>
        <source>Avbryter efter pågående paket…</source>
        <translation>Cancelling after the current package…</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="294"/>
        <source>Synkroniseringen avbröts. Det som hann skickas är komplett; resten skickas nästa gång.</source>
        <translation>The sync was cancelled. What was sent is complete; the rest is sent next time.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="297"/>
        <source>Synkroniseringen kunde inte göras.</source>
        <translation>The sync could not be done.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="299"/>
        <source>Synkroniseringen är klar, men något behöver åtgärdas.</source>
        <translation>The sync is done, but something needs attention.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="301"/>
        <source>Synkroniseringen lyckades.</source>
        <translation>The sync succeeded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="302"/>
        <source>Skickade: %1 · Fanns redan: %2 · Hämtade: %3 · Från kollegor: %4 · Konflikter: %5 · Fel: %6</source>
        <translation>Sent: %1 · Already there: %2 · Fetched: %3 · From colleagues: %4 · Conflicts: %5 · Errors: %6</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="315"/>
        <source>Obs: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="325"/>
        <source>Synkroniseringen avbröts.</source>
        <translation>The sync was cancelled.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="331"/>
        <source>Något gick fel under synkroniseringen. Inget har gått förlorat; detaljer finns i loggen.</source>
        <translation>Something went wrong during the sync. Nothing has been lost; details are in the log.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="333"/>
        <source>Synkroniseringen kunde inte slutföras.</source>
        <translation>The sync could not be completed.</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="196"/>
        <source>Från kollegor (%1, konflikter: %2)</source>
        <translation>From colleagues (%1, conflicts: %2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/sync_page.py" line="201"/>
        <source>Mottagna delar som inte har lästs in eftersom samma del har ändrats här: %1. Båda versionerna finns kvar och ingen skrivs över. &lt;a href=&quot;received&quot;&gt;Visa dem under Från kollegor&lt;/a&gt;.</source>
        <translation>Received parts not read in because the same part has been changed here: %1. Both versions are kept and neither is overwritten. &lt;a href=&quot;received&quot;&gt;Show them under From colleagues&lt;/a&gt;.</translation>
    </message>
</context>
<context>
    <name>TemplatePage</name>
    <message>
        <location filename="../../app/ui/template_page.py" line="110"/>
        <source>Mallversion</source>
        <translation>Template version</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="114"/>
        <source>&amp;Läs in ny version…</source>
        <translation>&amp;Load new version…</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="118"/>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="126"/>
        <source>Sök i frågor och vägledning</source>
        <translation>Search questions and guidance</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="127"/>
        <source>Sök i mallen</source>
        <translation>Search the template</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="133"/>
        <source>Filtrera på enhetstyp</source>
        <translation>Filter by unit type</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="134"/>
        <source>Alla enhetstyper</source>
        <translation>All unit types</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="138"/>
        <source>Filtrera på del</source>
        <translation>Filter by part</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="139"/>
        <source>Båda delarna</source>
        <translation>Both parts</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="148"/>
        <source>&amp;Sök:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="158"/>
        <source>Områden och frågor</source>
        <translation>Areas and questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="169"/>
        <source>Vägledning för vald fråga</source>
        <translation>Guidance for the chosen question</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="183"/>
        <source>&amp;Frågor</source>
        <translation>&amp;Questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="184"/>
        <source>Versions&amp;historik</source>
        <translation>Version &amp;history</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="195"/>
        <source>Inlästa mallversioner</source>
        <translation>Loaded template versions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="199"/>
        <source>Jämför från version</source>
        <translation>Compare from version</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="201"/>
        <source>Jämför med version</source>
        <translation>Compare with version</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="205"/>
        <source>Skillnader mellan versionerna</source>
        <translation>Differences between the versions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="208"/>
        <source>Jämför version</source>
        <translation>Compare version</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="210"/>
        <source>med</source>
        <translation>with</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="247"/>
        <location filename="../../app/ui/template_page.py" line="268"/>
        <source> (gäller nu)</source>
        <translation> (current)</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="265"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="265"/>
        <source>Giltig från</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="265"/>
        <source>Områden</source>
        <translation>Areas</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="265"/>
        <source>Frågor</source>
        <translation>Questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="266"/>
        <source>Inläst</source>
        <translation>Loaded</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="266"/>
        <source>Fil</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="284"/>
        <source>Ingen mall är inläst.</source>
        <translation>No template is loaded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="286"/>
        <source>%1, giltig från %2</source>
        <translation>%1, valid from %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="298"/>
        <source>%1 av %2 frågor</source>
        <translation>%1 of %2 questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="343"/>
        <source>Läs in mallversion</source>
        <translation>Load template version</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="343"/>
        <source>Mallfiler (*.yaml *.yml)</source>
        <translation>Template files (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="357"/>
        <source>Version %1 är inläst.</source>
        <translation>Version %1 is loaded.</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="358"/>
        <source>Version %1 var redan inläst med samma innehåll.</source>
        <translation>Version %1 was already loaded with the same content.</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="373"/>
        <source>Uppföljningsmall</source>
        <translation>Follow-up template</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="379"/>
        <source>… och %1 till (se detaljer).</source>
        <translation>… and %1 more (see details).</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="40"/>
        <source>(ny plats i området)</source>
        <translation>(new position in the area)</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="59"/>
        <source>Andra ändringar</source>
        <translation>Other changes</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="62"/>
        <source>Borttaget område</source>
        <translation>Removed area</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="53"/>
        <source>Borttagna frågor</source>
        <translation>Removed questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="36"/>
        <source>Del</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="127"/>
        <source>Delvis uppfyllt</source>
        <translation>Partly met</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="334"/>
        <source>Det finns ingen version att jämföra.</source>
        <translation>There is no version to compare.</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="134"/>
        <source>Dokument till föranalysen</source>
        <translation>Documents for the pre-analysis</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="128"/>
        <source>Ej uppfyllt</source>
        <translation>Not met</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="56"/>
        <source>Flyttade frågor</source>
        <translation>Moved questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="123"/>
        <source>Grund</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="122"/>
        <source>Gäller</source>
        <translation>Applies to</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="36"/>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="45"/>
        <source>Inga skillnader.</source>
        <translation>No differences.</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="109"/>
        <source>Ja / Nej, med kommentar</source>
        <translation>Yes / No, with comment</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="111"/>
        <source>Kommentar krävs utom vid Uppfyllt. Ej uppfyllt föreslår en brist.</source>
        <translation>A comment is required except for Met. Not met suggests a deficiency.</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="51"/>
        <source>Nya frågor</source>
        <translation>New questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="63"/>
        <source>Nytt namn på område</source>
        <translation>Renamed area</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="61"/>
        <source>Nytt område</source>
        <translation>New area</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="55"/>
        <source>Omformulerade frågor</source>
        <translation>Reworded questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="36"/>
        <source>Område / fråga</source>
        <translation>Area / question</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="130"/>
        <source>Personalens kunskap</source>
        <translation>Staff knowledge</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="124"/>
        <source>Svar</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="107"/>
        <source>Tal</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="126"/>
        <source>Uppfyllt</source>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="129"/>
        <source>Vad som granskas</source>
        <translation>What is reviewed</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_tree.py" line="125"/>
        <source>Vägledning</source>
        <translation>Guidance</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_page.py" line="290"/>
        <source>Välj en fråga för att se dess vägledning.</source>
        <translation>Choose a question to see its guidance.</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="57"/>
        <source>Ändrad vägledning</source>
        <translation>Changed guidance</translation>
    </message>
    <message>
        <location filename="../../app/ui/template_diff_view.py" line="49"/>
        <source>Ändrat i mallens huvud</source>
        <translation>Changed in the template header</translation>
    </message>
</context>
<context>
    <name>UnitDetail</name>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="41"/>
        <source>Enhetsdetaljer</source>
        <translation>Unit details</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="46"/>
        <source>Välj en enhet i listan för att se uppgifterna här.</source>
        <translation>Choose a unit in the list to see its details here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="72"/>
        <source>Enhets-id</source>
        <translation>Unit id</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="73"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="74"/>
        <source>Regiform</source>
        <translation>Form of operation</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="75"/>
        <source>Utförare</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="76"/>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="77"/>
        <source>Stadsdel</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="78"/>
        <source>Uppföljande stadsdel</source>
        <translation>Follow-up district</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="79"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="80"/>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="81"/>
        <source>Uppföljningsår</source>
        <translation>Follow-up years</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="82"/>
        <source>Verksamhetschef</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="83"/>
        <source>Aktiv</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="121"/>
        <source>Utanför staden</source>
        <translation>Outside the city</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="125"/>
        <source>Udda år</source>
        <translation>Odd years</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="125"/>
        <source>Jämna år</source>
        <translation>Even years</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="126"/>
        <source>Inte bestämt</source>
        <translation>Not decided</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="138"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="140"/>
        <source>från %1</source>
        <translation>from %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="142"/>
        <source>till %1</source>
        <translation>until %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_detail.py" line="143"/>
        <source>Tills vidare</source>
        <translation>Until further notice</translation>
    </message>
</context>
<context>
    <name>UnitTableModel</name>
    <message>
        <location filename="../../app/ui/unit_table_model.py" line="73"/>
        <source>Utanför staden</source>
        <translation>Outside the city</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_table_model.py" line="94"/>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_table_model.py" line="95"/>
        <source>Enhets-id</source>
        <translation>Unit id</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_table_model.py" line="96"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_table_model.py" line="97"/>
        <source>Regiform</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_table_model.py" line="98"/>
        <source>Utförare</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_table_model.py" line="99"/>
        <source>Stadsdel</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_table_model.py" line="100"/>
        <source>Uppföljande stadsdel</source>
        <translation>Follow-up district</translation>
    </message>
    <message>
        <location filename="../../app/ui/unit_table_model.py" line="101"/>
        <source>Platser</source>
        <translation>Places</translation>
    </message>
</context>
<context>
    <name>UnitsView</name>
    <message>
        <location filename="../../app/ui/units_page.py" line="70"/>
        <source>Sök på namn, enhets-id, utförare eller adress</source>
        <translation>Search by name, unit id, provider or address</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="71"/>
        <source>Sök enhet</source>
        <translation>Search units</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="75"/>
        <source>Filtrera på stadsdel</source>
        <translation>Filter by district</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="76"/>
        <source>Filtrera på typ</source>
        <translation>Filter by type</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="77"/>
        <source>Filtrera på regiform</source>
        <translation>Filter by form of operation</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="80"/>
        <source>Antal enheter som visas</source>
        <translation>Number of units shown</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="82"/>
        <source>&amp;Sök:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="96"/>
        <source>Enheter</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="188"/>
        <source>Alla stadsdelar</source>
        <translation>All districts</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="190"/>
        <source>Alla typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="192"/>
        <source>Alla regiformer</source>
        <translation>All forms</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="246"/>
        <source>1 enhet</source>
        <translation>1 unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="247"/>
        <source>%1 enheter</source>
        <translation>%1 units</translation>
    </message>
    <message>
        <location filename="../../app/ui/units_page.py" line="249"/>
        <source>Visar %1 av %2 enheter</source>
        <translation>Showing %1 of %2 units</translation>
    </message>
</context>
<context>
    <name>VisitStepView</name>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="35"/>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="41"/>
        <source>Besöket började</source>
        <translation>The visit started</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="42"/>
        <source>Besöket slutade</source>
        <translation>The visit ended</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="43"/>
        <source>Besökets start</source>
        <translation>Start of visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="45"/>
        <source>Besökets slut</source>
        <translation>End of visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="49"/>
        <source>Deltagare från verksamheten</source>
        <translation>Participants from the unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="62"/>
        <source>Deltagare: %1</source>
        <translation>Participants: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="66"/>
        <location filename="../../app/ui/visits/visit_step_view.py" line="70"/>
        <source>Metod</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="69"/>
        <source>Hur besöket gjordes: intervjuer, rundvandring, stickprov i dokumentation …</source>
        <translation>How the visit was done: interviews, walk-through, document samples …</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="59"/>
        <source>Annan</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="59"/>
        <source>Arbetsterapeut/fysioterapeut</source>
        <translation>Occupational therapist/physiotherapist</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="59"/>
        <source>Enhetschef</source>
        <translation>Unit manager</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="59"/>
        <source>Kvalitetsansvarig</source>
        <translation>Quality manager</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="59"/>
        <source>MAS hos utföraren</source>
        <translation>The provider&apos;s MAS</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="59"/>
        <source>Personal</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="59"/>
        <source>Sjuksköterska</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_step_view.py" line="59"/>
        <source>Verksamhetschef HSL</source>
        <translation>Head of health care (HSL)</translation>
    </message>
</context>
<context>
    <name>VisitTableModel</name>
    <message>
        <location filename="../../app/ui/visits/visit_list_model.py" line="41"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_list_model.py" line="42"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_list_model.py" line="43"/>
        <source>Stadsdel</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_list_model.py" line="44"/>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_list_model.py" line="45"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_list_model.py" line="46"/>
        <source>Uppföljare (SoL)</source>
        <translation>Follow-up officer (SoL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_list_model.py" line="47"/>
        <source>MAS (HSL)</source>
        <translation>MAS (HSL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_list_model.py" line="48"/>
        <source>Platsbesök</source>
        <translation>Site visit</translation>
    </message>
</context>
<context>
    <name>VisitWindow</name>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="47"/>
        <source>1  Föranalys</source>
        <translation>1  Pre-analysis</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="48"/>
        <source>2  Platsbesök</source>
        <translation>2  Site visit</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="49"/>
        <source>3  Bedömning</source>
        <translation>3  Assessment</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="50"/>
        <source>4  Fynd</source>
        <translation>4  Findings</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="51"/>
        <source>5  Sakgranskning</source>
        <translation>5  Fact check</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="52"/>
        <source>6  Fastställ</source>
        <translation>6  Finalize</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="139"/>
        <source>Uppföljning</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="142"/>
        <source>Ångra</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="145"/>
        <source>Gör om</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="152"/>
        <source>Ångra: %1</source>
        <translation>Undo: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="155"/>
        <source>Sök fråga</source>
        <translation>Search questions</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="158"/>
        <source>Bifoga fil…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="160"/>
        <source>Ändringslogg…</source>
        <translation>Change log…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="162"/>
        <source>Förhandsgranska rapport</source>
        <translation>Preview report</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="176"/>
        <source>%1 – uppföljning %2</source>
        <translation>%1 – follow-up %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="181"/>
        <source>fastställd</source>
        <translation>finalized</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="181"/>
        <source>utkast</source>
        <translation>draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="182"/>
        <source>ingen ägare</source>
        <translation>no owner</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="187"/>
        <source>Mall %1</source>
        <translation>Template %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="194"/>
        <source>Misstanke om oegentligheter</source>
        <translation>Suspected irregularities</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="235"/>
        <source>Bifoga fil till uppföljningen</source>
        <translation>Attach file to the follow-up</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="257"/>
        <source>Kan inte spara</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="258"/>
        <source>Ändringar är inte sparade eftersom databasen inte går att skriva till. Stänger du nu går de förlorade. Stänga ändå?</source>
        <translation>Changes are not saved because the database cannot be written to. If you close now they will be lost. Close anyway?</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="110"/>
        <source>Hälso- och sjukvård (HSL)</source>
        <translation>Health care (HSL)</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visit_window.py" line="110"/>
        <source>Omsorg (SoL)</source>
        <translation>Care (SoL)</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="44"/>
        <source>Föranalys</source>
        <translation>Pre-analysis</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="45"/>
        <source>Besök genomfört</source>
        <translation>Visit done</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="46"/>
        <source>Rapportutkast</source>
        <translation>Report draft</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="47"/>
        <source>Fastställd</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="48"/>
        <source>Synkad</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="139"/>
        <source>Uppföljningar</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="142"/>
        <source>Alla år</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="148"/>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="151"/>
        <source>Mina uppföljningar</source>
        <translation>My follow-ups</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="154"/>
        <source>Sök enhet, stadsdel eller uppföljare</source>
        <translation>Search unit, district or officer</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="156"/>
        <source>Ny uppföljning…</source>
        <translation>New follow-up…</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="157"/>
        <location filename="../../app/ui/visits/visits_page.py" line="228"/>
        <source>Öppna</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="211"/>
        <source>Inga uppföljningar med de här valen.</source>
        <translation>No follow-ups match these choices.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/visits/visits_page.py" line="212"/>
        <source>%n uppföljningar</source>
        <translation>
            <numerusform>%n follow-up</numerusform>
            <numerusform>%n follow-ups</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="228"/>
        <source>Välj en uppföljning i listan.</source>
        <translation>Choose a follow-up in the list.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../app/ui/i18n.py" line="57"/>
        <source>, rad %1</source>
        <translation>, line %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/i18n.py" line="60"/>
        <source>, kolumn %1</source>
        <translation>, column %1</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="169"/>
        <source>&apos;{value}&apos; ska vara ja eller nej</source>
        <translation>&apos;{value}&apos; must be yes or no (ja/nej)</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="195"/>
        <source>&apos;{value}&apos; ska vara udda, jämn eller tom</source>
        <translation>&apos;{value}&apos; must be odd (udda), even (jämn) or empty</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="192"/>
        <source>&apos;{value}&apos; är inte ett heltal</source>
        <translation>&apos;{value}&apos; is not a whole number</translation>
    </message>
    <message>
        <location filename="../../app/services/templates.py" line="229"/>
        <source>... och {count} frågor till.</source>
        <translation>... and {count} more questions.</translation>
    </message>
    <message>
        <location filename="../../app/ui/visits/visits_page.py" line="56"/>
        <source>Ange ditt namn under Inställningar först.</source>
        <translation>Enter your name under Settings first.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="184"/>
        <source>Ange varför den fastställda uppföljningen ändras.</source>
        <translation>Give the reason why the finalized follow-up is changed.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/preanalysis.py" line="71"/>
        <source>Antalet för {name} ska vara ett heltal 0–999.</source>
        <translation>The number for {name} must be a whole number 0–999.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="143"/>
        <source>Bara delens ägare ({owner}) kan fastställa {part}. Ta över delen först om ägaren är borta.</source>
        <translation>Only the part&apos;s owner ({owner}) can finalize {part}. Take over the part first if the owner is away.</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="349"/>
        <source>Bara extra uppföljningar kan tas bort ur planen.</source>
        <translation>Only extra follow-ups can be removed from the plan.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="149"/>
        <source>Behörighet saknas för att {action} {path} i den centrala mappen. Kontrollera med IT att du har skrivrätt. Inget har gått förlorat; synkroniseringen kan köras igen.</source>
        <translation>You are not permitted to {action} {path} in the shared folder. Check with IT that you have write access. Nothing has been lost; the sync can be run again.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/lifecycle.py" line="306"/>
        <source>Besökets slut ligger före dess start.</source>
        <translation>The visit&apos;s end is before its start.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/lifecycle.py" line="303"/>
        <source>Besökets start ligger efter dess slut.</source>
        <translation>The visit&apos;s start is after its end.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/attachments.py" line="93"/>
        <source>Bilagan {attachment_id} finns inte.</source>
        <translation>Attachment {attachment_id} does not exist.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_attachments.py" line="83"/>
        <source>Bilagan {item} ({path}) har ändrats eller skadats sedan den lades till.</source>
        <translation>Attachment {item} ({path}) has been changed or damaged since it was added.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_attachments.py" line="79"/>
        <source>Bilagan {item} ({path}) kan inte läsas: {strerror}.</source>
        <translation>Attachment {item} ({path}) cannot be read: {strerror}.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_attachments.py" line="87"/>
        <source>Bilagan {item} är {size}; en bilaga får vara högst {limit}.</source>
        <translation>Attachment {item} is {size}; an attachment may be at most {limit}.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_attachments.py" line="279"/>
        <source>Bilagorna i {package} kunde inte hämtas: {reason} Delen finns här; bilagorna hämtas vid nästa synkronisering.</source>
        <translation>The attachments in {package} could not be fetched: {reason} The part is here; the attachments are fetched at the next sync.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_attachments.py" line="92"/>
        <source>Bilagorna är tillsammans mer än {limit}, mer än ett paket får rymma. Ta bort eller minska några bilagor.</source>
        <translation>The attachments together are more than {limit}, more than a package may hold. Remove some attachments or make them smaller.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="127"/>
        <source>Bristen följs redan upp i en senare uppföljning och kan inte tas bort.</source>
        <translation>The deficiency is already followed up in a later follow-up and cannot be removed.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="55"/>
        <source>Bristen saknar krav på åtgärd – {text}</source>
        <translation>The deficiency has no required action – {text}</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="58"/>
        <source>Bristen saknar sätt att följas upp – {text}</source>
        <translation>The deficiency has no way of being followed up – {text}</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="62"/>
        <source>Bristen saknar tidpunkt för åtgärd – {text}</source>
        <translation>The deficiency has no deadline for action – {text}</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="160"/>
        <source>Databasen {database} är skapad av en nyare version av Uppföljaren (schema {revision}). Uppdatera programmet; databasen har inte ändrats.</source>
        <translation>The database {database} was created by a newer version of Uppföljaren (schema {revision}). Update the program; the database has not been changed.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="174"/>
        <source>Datamappen {parent} ligger på en nätverksenhet. Uppföljaren sparar bara på datorns egen disk, så att inget går förlorat om nätverket försvinner. Välj en mapp på den lokala disken.</source>
        <translation>The data folder {parent} is on a network drive. Uppföljaren only saves on the computer&apos;s own disk, so that nothing is lost if the network disappears. Choose a folder on the local disk.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_handover.py" line="115"/>
        <source>Datorn {recipient} har ingen publicerad nyckel i den gemensamma mappen. Kollegan behöver synkronisera en gång först.</source>
        <translation>Computer {recipient} has no published key in the shared folder. Your colleague needs to sync once first.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="46"/>
        <source>Datumet</source>
        <translation>The date</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="258"/>
        <source>Datumet {day} ligger inte i planåret {year}.</source>
        <translation>The date {day} is not in the plan year {year}.</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="327"/>
        <source>Datumet {planned_date} ligger inte i år {year}.</source>
        <translation>The date {planned_date} is not in the year {year}.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/common.py" line="144"/>
        <source>Delen ({part}) är överlämnad till {recipient} och ändras där. Den kommer tillbaka hit när kollegan har synkat sin version.</source>
        <translation>The part ({part}) has been handed over to {recipient} and is changed there. It comes back here when your colleague has synced their version.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/errors.py" line="54"/>
        <source>Delen kan inte fastställas; {count} saker saknas:{items}</source>
        <translation>The part cannot be finalized; {count} things are missing:{items}</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/common.py" line="150"/>
        <source>Delen är fastställd ({part}, revision {revision}) och kan inte ändras. Öppna en ny revision med en motivering för att ändra.</source>
        <translation>The part is finalized ({part}, revision {revision}) and cannot be changed. Open a new revision with a reason to change it.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="188"/>
        <source>Delen är inte fastställd; den kan ändras direkt.</source>
        <translation>The part is not finalized; it can be changed directly.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="139"/>
        <source>Delen är redan fastställd (revision {revision}).</source>
        <translation>The part is already finalized (revision {revision}).</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="154"/>
        <source>Den centrala mappen går inte att nå ({path}). Kontrollera att datorn är ansluten till stadens nätverk och att enheten är monterad. Inget har gått förlorat; synkroniseringen kan köras igen.</source>
        <translation>The shared folder cannot be reached ({path}). Check that the computer is connected to the city network and that the drive is mounted. Nothing has been lost; the sync can be run again.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/layout.py" line="246"/>
        <source>Den centrala mappen {root} finns inte eller är inte ansluten. Kontrollera att datorn är ansluten till stadens nätverk och att enheten är monterad. Inget har gått förlorat; synkroniseringen kan köras igen.</source>
        <translation>The shared folder {root} does not exist or is not connected. Check that the computer is connected to the city network and that the drive is mounted. Nothing has been lost; the sync can be run again.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/layout.py" line="196"/>
        <source>Den centrala mappen {root} har formatversion {version}, men den här versionen av Uppföljaren förstår bara upp till {supported}. Uppdatera programmet innan du synkroniserar.</source>
        <translation>The shared folder {root} has format version {version}, but this version of Uppföljaren only understands up to {supported}. Update the program before you sync.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="144"/>
        <source>Den centrala mappen är full: det gick inte att {action} {path}. Be IT frigöra utrymme på servern. Inget har gått förlorat; synkroniseringen kan köras igen.</source>
        <translation>The shared folder is full: could not {action} {path}. Ask IT to free up space on the server. Nothing has been lost; the sync can be run again.</translation>
    </message>
    <message>
        <location filename="../../app/services/central/overview.py" line="67"/>
        <source>Den centrala mappen är inte ansluten.</source>
        <translation>The shared folder is not connected.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/signing.py" line="149"/>
        <source>Den här datorns signeringsnyckel i nyckelringen är skadad och kan inte användas ({exc}). Kontakta IT.</source>
        <translation>This computer&apos;s signing key in the keyring is damaged and cannot be used ({exc}). Contact IT.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_conflicts.py" line="223"/>
        <source>Den mottagna delen {package} finns inte här.</source>
        <translation>The received part {package} is not on this computer.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="173"/>
        <source>Den tidigare bristen hör inte till uppföljningen.</source>
        <translation>The previous deficiency does not belong to the follow-up.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/preanalysis.py" line="26"/>
        <source>Dokumentet {doc_id} hör inte till uppföljningen.</source>
        <translation>Document {doc_id} does not belong to the follow-up.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/preanalysis.py" line="46"/>
        <source>Dokumentets namn</source>
        <translation>The document&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="50"/>
        <source>Ej uppfyllt utan brist med krav på åtgärd – {where}</source>
        <translation>Not met without a deficiency with required action – {where}</translation>
    </message>
    <message>
        <location filename="../../app/services/central/publish.py" line="49"/>
        <source>En annan fil med namnet {name} är redan publicerad och ersätts aldrig. Ge den nya versionen ett nytt namn (till exempel med versionsnumret).</source>
        <translation>Another file named {name} is already published and is never replaced. Give the new version a new name (for example with the version number).</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="321"/>
        <source>Enheten {unit_id} finns inte i registret.</source>
        <translation>Unit {unit_id} is not in the register.</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="334"/>
        <source>Enheten {unit_id} har redan en extra uppföljning {year}.</source>
        <translation>Unit {unit_id} already has an extra follow-up in {year}.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="158"/>
        <source>Ett fel uppstod när programmet skulle {action} {path} i den centrala mappen ({detail}). Inget har gått förlorat; synkroniseringen kan köras igen.</source>
        <translation>An error occurred when the program was to {action} {path} in the shared folder ({detail}). Nothing has been lost; the sync can be run again.</translation>
    </message>
    <message>
        <location filename="../../app/cli/plan.py" line="95"/>
        <source>Excel-formatet kräver --output FIL.xlsx.</source>
        <translation>The Excel format needs --output FILE.xlsx.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="348"/>
        <source>Filen har formatversion {fmt}; programmet läser version {supported}.</source>
        <translation>The file has format version {fmt}; the program reads version {supported}.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="250"/>
        <source>Filen innehåller tecken som inte är giltig text.</source>
        <translation>The file contains characters that are not valid text.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="383"/>
        <source>Filen kan inte öppnas ({strerror}).</source>
        <translation>The file cannot be opened ({strerror}).</translation>
    </message>
    <message>
        <location filename="../../app/services/share/layout.py" line="190"/>
        <source>Filen {marker_path} är skadad eller inte en markeringsfil för Uppföljaren. Kontakta den centrala förvaltningen.</source>
        <translation>The file {marker_path} is damaged or not a marker file for Uppföljaren. Contact the central administration.</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="206"/>
        <source>Filen {name} importerades inte: {rows_with_errors} rad(er) har fel. Inget har ändrats.</source>
        <translation>The file {name} was not imported: {rows_with_errors} row(s) have errors. Nothing has been changed.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/attachments.py" line="36"/>
        <source>Filen {name} kan inte läsas ({strerror}).</source>
        <translation>The file {name} cannot be read ({strerror}).</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="94"/>
        <source>Filen {name} kunde inte läsas.</source>
        <translation>The file {name} could not be read.</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="99"/>
        <source>Filen {name} kunde inte tolkas som CSV eller Excel.</source>
        <translation>The file {name} could not be read as CSV or Excel.</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="116"/>
        <source>Filen {name} saknar kolumner.</source>
        <translation>The file {name} is missing columns.</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="83"/>
        <source>Filen {name} är för stor ({size} MB).</source>
        <translation>The file {name} is too large ({size} MB).</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/attachments.py" line="62"/>
        <source>Filen {name} är större än 25 MB.</source>
        <translation>The file {name} is larger than 25 MB.</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="105"/>
        <source>Filen {name} är tom.</source>
        <translation>The file {name} is empty.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/attachments.py" line="43"/>
        <source>Filen {name} är {size}; en bilaga får vara högst {limit}. Minska filen (t.ex. lägre upplösning på fotot) eller dela upp den.</source>
        <translation>The file {name} is {size}; an attachment may be at most {limit}. Make the file smaller (e.g. a lower resolution photo) or split it.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="139"/>
        <source>Filen {path} används av ett annat program (till exempel antivirus eller en förhandsvisning), så det gick inte att {action} den. Inget har gått förlorat; synkroniseringen kan köras igen.</source>
        <translation>The file {path} is in use by another program (for example antivirus or a preview), so it could not {action} it. Nothing has been lost; the sync can be run again.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="82"/>
        <source>Filen {path} från den centrala mappen togs inte i bruk: {reason} Den version som redan används gäller fortfarande.</source>
        <translation>The file {path} from the shared folder was not taken into use: {reason} The version already in use still applies.</translation>
    </message>
    <message>
        <location filename="../../app/services/central/publish.py" line="120"/>
        <source>Filen {path} kan inte läsas ({strerror}).</source>
        <translation>The file {path} cannot be read ({strerror}).</translation>
    </message>
    <message>
        <location filename="../../app/services/central/publish.py" line="217"/>
        <source>Filen {path} är ingen statistikfil från Uppföljaren.</source>
        <translation>The file {path} is not a statistics file from Uppföljaren.</translation>
    </message>
    <message>
        <location filename="../../app/services/central/publish.py" line="62"/>
        <source>Filen {path} är inte UTF-8-kodad text.</source>
        <translation>The file {path} is not UTF-8 encoded text.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="247"/>
        <source>Filen är för djupt nästlad.</source>
        <translation>The file is nested too deeply.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="391"/>
        <source>Filen är inte sparad som UTF-8.</source>
        <translation>The file is not saved as UTF-8.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="341"/>
        <source>Filen är tom.</source>
        <translation>The file is empty.</translation>
    </message>
    <message>
        <location filename="../../app/services/central/publish.py" line="45"/>
        <source>Filnamnet {name} går inte att publicera: använd bara bokstäver a-z, siffror, punkt, - och _.</source>
        <translation>The file name {name} cannot be published: use only letters a-z, digits, dot, - and _.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/answers.py" line="46"/>
        <source>Frågan besvaras med ett tal.</source>
        <translation>The question is answered with a number.</translation>
    </message>
    <message>
        <location filename="../../app/services/templates.py" line="225"/>
        <source>Frågan skiljer sig från den inlästa: {changes}.</source>
        <translation>The question differs from the imported one: {changes}.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="190"/>
        <source>Frågan {item}</source>
        <translation>Question {item}</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="59"/>
        <source>Frågan {qid} finns inte i den här delen av mallen.</source>
        <translation>Question {qid} is not in this part of the template.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/answers.py" line="85"/>
        <source>Frågan {question_id} finns inte i uppföljningens mall.</source>
        <translation>Question {question_id} is not in the follow-up&apos;s template.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="43"/>
        <source>Fråge-id</source>
        <translation>Question id</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="93"/>
        <source>Fyndet {finding_id} finns inte.</source>
        <translation>Finding {finding_id} does not exist.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="39"/>
        <source>Fyndets text</source>
        <translation>The finding&apos;s text</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="357"/>
        <source>Fältet &apos;template&apos; (mallens huvud) saknas.</source>
        <translation>The field &apos;template&apos; (the template header) is missing.</translation>
    </message>
    <message>
        <location filename="../../app/services/outbox_prepare.py" line="286"/>
        <source>Förbereder paket</source>
        <translation>Preparing packages</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="271"/>
        <source>Handläggaren finns inte eller har en annan roll.</source>
        <translation>The officer does not exist or has another role.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="183"/>
        <source>Hämtar kollegornas delar</source>
        <translation>Fetching colleagues&apos; parts</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="176"/>
        <source>Hämtar mallar och enhetsregister</source>
        <translation>Fetching templates and the unit register</translation>
    </message>
    <message>
        <location filename="../../app/services/central/overview.py" line="70"/>
        <source>Ingen statistik finns ännu. Den publiceras av äldreförvaltningen i den centrala mappen.</source>
        <translation>There are no statistics yet. They are published by the elderly care administration in the shared folder.</translation>
    </message>
    <message>
        <location filename="../../app/services/central/overview.py" line="46"/>
        <source>Ingen statistik hittades i den centrala mappen ({path}): mappen är inte ansluten, eller statistiken är inte publicerad ännu.</source>
        <translation>No statistics were found in the shared folder ({path}): the folder is not connected, or the statistics are not published yet.</translation>
    </message>
    <message>
        <location filename="../../app/services/templates.py" line="318"/>
        <source>Ingen uppföljningsmall gäller den {on}. Läs in en mall med &apos;uppfoljaren template import FIL&apos;.</source>
        <translation>No follow-up template applies on {on}. Import a template with &apos;uppfoljaren template import FILE&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="46"/>
        <source>Kommentar saknas ({answer}) – {where}</source>
        <translation>Comment missing ({answer}) – {where}</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/answers.py" line="79"/>
        <source>Kommentaren</source>
        <translation>The comment</translation>
    </message>
    <message>
        <location filename="../../app/services/sync.py" line="170"/>
        <source>Kontrollerar</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="41"/>
        <source>Krav på åtgärd</source>
        <translation>The required action</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="275"/>
        <source>MAS följer bara upp vård- och omsorgsboenden.</source>
        <translation>The MAS only follows up care homes.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="360"/>
        <source>Mallen har inga områden.</source>
        <translation>The template has no areas.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="369"/>
        <source>Mallen {filename} har {count} fel och har inte lästs in.</source>
        <translation>The template {filename} has {count} errors and has not been imported.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="382"/>
        <source>Mallen {name} kan inte läsas.</source>
        <translation>The template {name} cannot be read.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="294"/>
        <source>Mallens huvud</source>
        <translation>The template header</translation>
    </message>
    <message>
        <location filename="../../app/services/templates.py" line="303"/>
        <source>Mallversion {version} finns inte (inlästa versioner: {known}).</source>
        <translation>Template version {version} does not exist (imported versions: {known}).</translation>
    </message>
    <message>
        <location filename="../../app/services/templates.py" line="194"/>
        <source>Mallversion {version} finns redan med annat innehåll och har inte ändrats.</source>
        <translation>Template version {version} already exists with other content and has not been changed.</translation>
    </message>
    <message>
        <location filename="../../app/services/templates.py" line="284"/>
        <source>Mallversionen med id {version_id} finns inte i databasen.</source>
        <translation>The template version with id {version_id} is not in the database.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/layout.py" line="175"/>
        <source>Mappen {root} är ingen central mapp för Uppföljaren (filen {marker} saknas). Kontrollera att rätt mapp är vald och att nätverksenheten är ansluten. Inget har gått förlorat.</source>
        <translation>The folder {root} is not a shared folder for Uppföljaren (the file {marker} is missing). Check that the right folder is chosen and that the network drive is connected. Nothing has been lost.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/preanalysis.py" line="22"/>
        <source>Mottaget datum</source>
        <translation>The date received</translation>
    </message>
    <message>
        <location filename="../../app/services/share/signing.py" line="170"/>
        <source>Nyckelfilen {path} kan inte läsas ({strerror}).</source>
        <translation>The key file {path} cannot be read ({strerror}).</translation>
    </message>
    <message>
        <location filename="../../app/services/share/signing.py" line="194"/>
        <source>Nyckelfilen {path} kan inte sparas ({strerror}).</source>
        <translation>The key file {path} cannot be saved ({strerror}).</translation>
    </message>
    <message>
        <location filename="../../app/services/share/signing.py" line="181"/>
        <source>Nyckelfilen {path} är skadad och kan inte användas. Kontakta IT.</source>
        <translation>The key file {path} is damaged and cannot be used. Contact IT.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/lifecycle.py" line="256"/>
        <source>Nyckeltalen ska anges som fält och värden.</source>
        <translation>The key figures must be given as fields and values.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/lifecycle.py" line="259"/>
        <source>Nyckeltalets namn</source>
        <translation>The key figure&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="42"/>
        <source>Obesvarad fråga – {where}</source>
        <translation>Unanswered question – {where}</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="225"/>
        <source>Ogiltigt id &apos;{qid}&apos;: använd små bokstäver a-z, siffror, - och _ (börja med en bokstav, högst 60 tecken).</source>
        <translation>Invalid id &apos;{qid}&apos;: use lower-case letters a-z, digits, - and _ (start with a letter, at most 60 characters).</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_handover.py" line="108"/>
        <source>Okänd del &apos;{part}&apos; (ska vara sol eller hsl).</source>
        <translation>Unknown part &apos;{part}&apos; (must be sol or hsl).</translation>
    </message>
    <message>
        <location filename="../../app/services/rhythm_rules.py" line="36"/>
        <source>Okänd enhetstyp {type_code!r}.</source>
        <translation>Unknown unit type {type_code!r}.</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="280"/>
        <source>Okänd roll {role!r}.</source>
        <translation>Unknown role {role!r}.</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="179"/>
        <source>Okänd stadsdel {district!r}.</source>
        <translation>Unknown district {district!r}.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="166"/>
        <source>Okänd status &apos;{status}&apos;.</source>
        <translation>Unknown status &apos;{status}&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/services/plan_status.py" line="99"/>
        <source>Okänd status {status!r}.</source>
        <translation>Unknown status {status!r}.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="36"/>
        <source>Okänd typ av fynd &apos;{value}&apos;.</source>
        <translation>Unknown kind of finding &apos;{value}&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="51"/>
        <source>Okänt fält &apos;{field}&apos;.</source>
        <translation>Unknown field &apos;{field}&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="102"/>
        <source>Okänt fält: {fields}.</source>
        <translation>Unknown field: {fields}.</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="323"/>
        <source>Okänt skäl {reason!r}; välj ett av: {choices}.</source>
        <translation>Unknown reason {reason!r}; choose one of: {choices}.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/answers.py" line="29"/>
        <source>Okänt svar &apos;{answer}&apos;.</source>
        <translation>Unknown answer &apos;{answer}&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/findings.py" line="49"/>
        <source>Okänt sätt att följa upp bristen &apos;{value}&apos;.</source>
        <translation>Unknown way of following up the deficiency &apos;{value}&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/answers.py" line="41"/>
        <source>Okänt underlag: {codes}.</source>
        <translation>Unknown evidence: {codes}.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="268"/>
        <source>Område {index}</source>
        <translation>Area {index}</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="277"/>
        <source>Området {sid}</source>
        <translation>Area {sid}</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="69"/>
        <source>Paketet kan inte användas: {reason}</source>
        <translation>The package cannot be used: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/share/publish.py" line="335"/>
        <source>Paketet {final} blev inte korrekt sparat på den centrala mappen (kontrollsumman stämmer inte vid återläsning; flyttat till {moved}). Inget har gått förlorat; synkroniseringen kan köras igen.</source>
        <translation>The package {final} was not saved correctly in the shared folder (the checksum does not match when read back; moved to {moved}). Nothing has been lost; the sync can be run again.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/publish.py" line="343"/>
        <source>Paketet {final} kunde inte sparas: filen på den centrala mappen ändras hela tiden. Kontakta IT.</source>
        <translation>The package {final} could not be saved: the file in the shared folder keeps changing. Contact IT.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_conflicts.py" line="200"/>
        <source>Paketet {path} har ingen rapport.</source>
        <translation>The package {path} has no report.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="71"/>
        <source>Paketet {path} kan inte användas: {reason}</source>
        <translation>The package {path} cannot be used: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/schedule.py" line="243"/>
        <source>Planposten {entry_id} finns inte (längre).</source>
        <translation>Plan entry {entry_id} does not exist (any more).</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_outbox.py" line="112"/>
        <source>Revision {revision} av delen {part} har ingen fastställd version.</source>
        <translation>Revision {revision} of the part {part} has no finalized version.</translation>
    </message>
    <message>
        <location filename="../../app/services/report.py" line="131"/>
        <source>Revision {revision} av delen {part} är inte fastställd.</source>
        <translation>Revision {revision} of the part {part} is not finalized.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/snapshot.py" line="201"/>
        <source>Revision {wanted} av delen finns inte.</source>
        <translation>Revision {wanted} of the part does not exist.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/snapshot.py" line="206"/>
        <source>Revision {wanted} fastställdes aldrig och har ingen version.</source>
        <translation>Revision {wanted} was never finalized and has no version.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/preanalysis.py" line="67"/>
        <source>Rollen</source>
        <translation>The role</translation>
    </message>
    <message>
        <location filename="../../app/services/rhythm_rules.py" line="40"/>
        <source>Rytm för {type_code}: {error}.</source>
        <translation>Rhythm for {type_code}: {error}.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="71"/>
        <source>Sammanfattning saknas: {summary}</source>
        <translation>Summary missing: {summary}</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_outbox.py" line="201"/>
        <source>Skickar paket</source>
        <translation>Sending packages</translation>
    </message>
    <message>
        <location filename="../../app/services/central/overview.py" line="49"/>
        <source>Statistiken i den centrala mappen kunde inte läsas ({path}): {reason}.</source>
        <translation>The statistics in the shared folder could not be read ({path}): {reason}.</translation>
    </message>
    <message>
        <location filename="../../app/services/central/publish.py" line="214"/>
        <source>Statistikfilen {path} kan inte läsas ({exc}).</source>
        <translation>The statistics file {path} cannot be read ({exc}).</translation>
    </message>
    <message>
        <location filename="../../app/services/central/publish.py" line="219"/>
        <source>Statistikfilen {path} är nyare än programmet; uppdatera.</source>
        <translation>The statistics file {path} is newer than the program; update it.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/answers.py" line="32"/>
        <source>Svaret</source>
        <translation>The answer</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="110"/>
        <source>Säkerhetskopian av {path} blev inte korrekt ({check}); databasen har inte ändrats.</source>
        <translation>The backup of {path} was not correct ({check}); the database has not been changed.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/sanitize.py" line="26"/>
        <source>Texten</source>
        <translation>The text</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/sanitize.py" line="42"/>
        <source>Texten är för lång ({size} tecken; högst {most}). {what} har inte sparats; korta texten eller lägg resten som bilaga.</source>
        <translation>The text is too long ({size} characters; at most {most}). {what} has not been saved; shorten the text or add the rest as an attachment.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="66"/>
        <source>Tidigare brist ({year}) är inte bedömd – {text}</source>
        <translation>Previous deficiency ({year}) is not assessed – {text}</translation>
    </message>
    <message>
        <location filename="../../app/services/report_map.py" line="110"/>
        <source>Uppföljningen har inga delar att skriva rapport för.</source>
        <translation>The follow-up has no parts to write a report for.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/answers.py" line="91"/>
        <source>Uppföljningen har ingen del &apos;{part}&apos;.</source>
        <translation>The follow-up has no part &apos;{part}&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/services/report.py" line="68"/>
        <source>Uppföljningen {visit_id} finns inte.</source>
        <translation>Follow-up {visit_id} does not exist.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/common.py" line="179"/>
        <source>Uppföljningen är fastställd och kan inte ändras. Öppna en ny revision av en del med en motivering för att ändra.</source>
        <translation>The follow-up is finalized and cannot be changed. Open a new revision of a part with a reason to change it.</translation>
    </message>
    <message>
        <location filename="../../app/services/templates.py" line="206"/>
        <source>Version {version} är redan inläst (den {imported}) med annat innehåll. Ge den ändrade mallen ett nytt versionsnummer, t.ex. {next_version}.</source>
        <translation>Version {version} is already imported ({imported}) with other content. Give the changed template a new version number, e.g. {next_version}.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_handover.py" line="111"/>
        <source>Välj en kollegas dator, inte den här.</source>
        <translation>Choose a colleague&apos;s computer, not this one.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="231"/>
        <source>YAML-filen kan inte läsas ({message}).</source>
        <translation>The YAML file cannot be read ({message}).</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="239"/>
        <source>YAML-filen kan inte läsas ({what}).</source>
        <translation>The YAML file cannot be read ({what}).</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_attachments.py" line="212"/>
        <source>bilagan {name} saknas i paketet</source>
        <translation>attachment {name} is missing from the package</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_attachments.py" line="215"/>
        <source>bilagan {name} stämmer inte med uppföljningens kontrollsumma</source>
        <translation>attachment {name} does not match the follow-up&apos;s checksum</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_attachments.py" line="218"/>
        <source>bilagan {name} är större än {limit}</source>
        <translation>attachment {name} is larger than {limit}</translation>
    </message>
    <message>
        <location filename="../../app/services/central/facts.py" line="96"/>
        <source>delen stämmer inte med paketets manifest</source>
        <translation>the part does not match the package&apos;s manifest</translation>
    </message>
    <message>
        <location filename="../../app/services/central/facts.py" line="89"/>
        <source>delen är ett utkast och inte fastställd</source>
        <translation>the part is a draft and not finalized</translation>
    </message>
    <message>
        <location filename="../../app/services/plan_assign.py" line="144"/>
        <source>enheten är inte längre aktuell enligt rytmen</source>
        <translation>the unit is no longer due according to the rhythm</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="147"/>
        <source>enhets_id saknas</source>
        <translation>enhets_id (unit id) is missing</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="151"/>
        <source>enhets_id {unit_id} finns redan på rad {first_line}</source>
        <translation>enhets_id {unit_id} is already on line {first_line}</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="149"/>
        <source>enhets_id är längre än 40 tecken</source>
        <translation>enhets_id is longer than 40 characters</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="84"/>
        <source>filen får vara högst 20 MB</source>
        <translation>the file may be at most 20 MB</translation>
    </message>
    <message>
        <location filename="../../app/services/central/facts.py" line="87"/>
        <source>filen är ingen fastställd uppföljningsdel</source>
        <translation>the file is not a finalized follow-up part</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="100"/>
        <source>filen är skadad eller har fel format ({kind})</source>
        <translation>the file is damaged or has the wrong format ({kind})</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="21"/>
        <source>flytta</source>
        <translation>move</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="21"/>
        <source>flytta undan</source>
        <translation>move aside</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="214"/>
        <source>fråga {index} i området {section_id}</source>
        <translation>question {index} in area {section_id}</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="106"/>
        <source>inga rader</source>
        <translation>no rows</translation>
    </message>
    <message>
        <location filename="../../app/services/plan_assign.py" line="137"/>
        <source>ingen MAS tilldelad för hälso- och sjukvårdsdelen</source>
        <translation>no MAS assigned for the health care part</translation>
    </message>
    <message>
        <location filename="../../app/services/plan_assign.py" line="135"/>
        <source>ingen verksamhetsuppföljare tilldelad</source>
        <translation>no follow-up officer assigned</translation>
    </message>
    <message>
        <location filename="../../app/services/plan_assign.py" line="139"/>
        <source>inget planerat datum</source>
        <translation>no planned date</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_conflicts.py" line="164"/>
        <source>innehållet har ändrats sedan det flyttades dit</source>
        <translation>its content has changed since it was moved there</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="117"/>
        <source>kolumnen &apos;{column}&apos; saknas i rubrikraden</source>
        <translation>the column &apos;{column}&apos; is missing from the header row</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="19"/>
        <source>läsa</source>
        <translation>read</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="19"/>
        <source>läsa innehållet i</source>
        <translation>read the contents of</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="157"/>
        <source>namn saknas</source>
        <translation>name (namn) is missing</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="22"/>
        <source>nå</source>
        <translation>reach</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="164"/>
        <source>okänd regiform &apos;{value}&apos; (egen regi, entreprenad, privat regi)</source>
        <translation>unknown form of operation &apos;{value}&apos; (egen regi, entreprenad, privat regi)</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="174"/>
        <source>okänd stadsdel &apos;{value}&apos;</source>
        <translation>unknown district &apos;{value}&apos;</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="160"/>
        <source>okänd typ &apos;{value}&apos; (vob, profilboende, servicehus, hemtjänst, dagverksamhet)</source>
        <translation>unknown type &apos;{value}&apos; (vob, profilboende, servicehus, hemtjänst, dagverksamhet)</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_conflicts.py" line="172"/>
        <source>paketet gäller en annan del eller revision än namnet säger</source>
        <translation>the package is for another part or revision than its name says</translation>
    </message>
    <message>
        <location filename="../../app/services/share/handover.py" line="92"/>
        <source>paketet ligger i en annan dators mapp än avsändarens</source>
        <translation>the package is in another computer&apos;s folder than the sender&apos;s</translation>
    </message>
    <message>
        <location filename="../../app/services/share/handover.py" line="90"/>
        <source>paketet är ingen överlämning till den här mottagaren</source>
        <translation>the package is not a handover to this recipient</translation>
    </message>
    <message>
        <location filename="../../app/services/plan_assign.py" line="141"/>
        <source>planerat datum {day} har passerat utan genomfört besök</source>
        <translation>planned date {day} has passed without a visit</translation>
    </message>
    <message>
        <location filename="../../app/services/central/facts.py" line="98"/>
        <source>revisionen stämmer inte med paketets manifest</source>
        <translation>the revision does not match the package&apos;s manifest</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="20"/>
        <source>skapa</source>
        <translation>create</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="20"/>
        <source>skriva</source>
        <translation>write</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="20"/>
        <source>spara</source>
        <translation>save</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="176"/>
        <source>stadsdel saknas (får bara vara tom för en enhet utanför staden)</source>
        <translation>district (stadsdel) is missing (may only be empty for a unit outside the city)</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="22"/>
        <source>ta bort</source>
        <translation>remove</translation>
    </message>
    <message>
        <location filename="../../app/services/unit_import.py" line="185"/>
        <source>uppföljande stadsdel krävs för en enhet utan stadsdel (utanför staden)</source>
        <translation>a following-up district is required for a unit without a district (outside the city)</translation>
    </message>
    <message>
        <location filename="../../app/services/central/facts.py" line="94"/>
        <source>uppföljningens id stämmer inte med paketets manifest</source>
        <translation>the follow-up&apos;s id does not match the package&apos;s manifest</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_conflicts.py" line="156"/>
        <source>versionen i karantän är skadad: {reason}</source>
        <translation>the version in quarantine is damaged: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/services/template_diff.py" line="83"/>
        <source>{a} → {b}, frågor: {added} nya, {removed} borttagna, {reworded} omformulerade, {moved} flyttade, {guidance} med ändrad vägledning, {other} med andra ändringar.</source>
        <translation>{a} → {b}, questions: {added} new, {removed} removed, {reworded} reworded, {moved} moved, {guidance} with changed guidance, {other} with other changes.</translation>
    </message>
    <message>
        <location filename="../../app/db.py" line="155"/>
        <source>{database} är inte en databas från Uppföljaren; den har inte ändrats.</source>
        <translation>{database} is not a database from Uppföljaren; it has not been changed.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/finalize.py" line="123"/>
        <source>{kind} i {location}: {match} – ta bort eller bekräfta</source>
        <translation>{kind} in {location}: {match} – remove or confirm</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="276"/>
        <source>{label}: ogiltigt id &apos;{sid}&apos;.</source>
        <translation>{label}: invalid id &apos;{sid}&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/services/sync_parts.py" line="67"/>
        <source>{member} saknas i paketet</source>
        <translation>{member} is missing from the package</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/lifecycle.py" line="115"/>
        <source>{name} har redan en uppföljning {year}. Öppna den, eller starta en extra uppföljning.</source>
        <translation>{name} already has a follow-up in {year}. Open it, or start an extra follow-up.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/attachments.py" line="40"/>
        <source>{name} är inte en fil.</source>
        <translation>{name} is not a file.</translation>
    </message>
    <message>
        <location filename="../../app/services/plan_assign.py" line="150"/>
        <source>{officer}: {load} viktade uppföljningar, kapacitet {capacity}</source>
        <translation>{officer}: {load} weighted follow-ups, capacity {capacity}</translation>
    </message>
    <message>
        <location filename="../../app/services/central/overview.py" line="66"/>
        <source>{problem} Visar den sparade statistiken från {when}.</source>
        <translation>{problem} Showing the saved statistics from {when}.</translation>
    </message>
    <message>
        <location filename="../../app/services/central/overview.py" line="63"/>
        <source>{problem} {error}</source>
        <translation>{problem} {error}</translation>
    </message>
    <message>
        <location filename="../../app/services/plan_assign.py" line="131"/>
        <source>{unit}: {problem}</source>
        <translation>{unit}: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="329"/>
        <source>{what} &apos;{ident}&apos; används två gånger ({where}; första gången på rad {first}); varje id måste vara unikt.</source>
        <translation>{what} &apos;{ident}&apos; is used twice ({where}; first on line {first}); every id must be unique.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="282"/>
        <source>{what} har inga frågor.</source>
        <translation>{what} has no questions.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="201"/>
        <source>{what} saknar vägledning (alla delar är tomma).</source>
        <translation>{what} has no guidance (all parts are empty).</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="192"/>
        <source>{what} saknar vägledning (fältet &apos;guidance&apos;).</source>
        <translation>{what} has no guidance (the field &apos;guidance&apos;).</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="38"/>
        <source>{what} ska vara en samling fält (nyckel: värde).</source>
        <translation>{what} must be a set of fields (key: value).</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/sanitize.py" line="32"/>
        <source>{what} ska vara en text.</source>
        <translation>{what} must be a text.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/sanitize.py" line="89"/>
        <source>{what} ska vara ett tal ({value!r}).</source>
        <translation>{what} must be a number ({value!r}).</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/sanitize.py" line="84"/>
        <source>{what} ska vara ett tal.</source>
        <translation>{what} must be a number.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/sanitize.py" line="92"/>
        <source>{what} ska vara ett ändligt tal.</source>
        <translation>{what} must be a finite number.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="252"/>
        <source>{what}: &apos;number_unit&apos; gäller bara answer: number.</source>
        <translation>{what}: &apos;number_unit&apos; only applies to answer: number.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="313"/>
        <source>{what}: &apos;valid_from&apos; ska vara ett datum (ÅÅÅÅ-MM-DD).</source>
        <translation>{what}: &apos;valid_from&apos; must be a date (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="175"/>
        <source>{what}: enhetstypen &apos;{value}&apos; ingår inte i mallen.</source>
        <translation>{what}: the unit type &apos;{value}&apos; is not in the template.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="178"/>
        <source>{what}: enhetstypen &apos;{value}&apos; står två gånger.</source>
        <translation>{what}: the unit type &apos;{value}&apos; is listed twice.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="43"/>
        <source>{what}: ett fältnamn måste vara en enkel text.</source>
        <translation>{what}: a field name must be a plain text.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="66"/>
        <source>{what}: fältet &apos;{key}&apos; saknas.</source>
        <translation>{what}: the field &apos;{key}&apos; is missing.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="89"/>
        <source>{what}: fältet &apos;{key}&apos; ska vara en lista.</source>
        <translation>{what}: the field &apos;{key}&apos; must be a list.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="70"/>
        <source>{what}: fältet &apos;{key}&apos; ska vara en text.</source>
        <translation>{what}: the field &apos;{key}&apos; must be a text.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="48"/>
        <source>{what}: fältet &apos;{key}&apos; står två gånger.</source>
        <translation>{what}: the field &apos;{key}&apos; is listed twice.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="75"/>
        <source>{what}: fältet &apos;{key}&apos; är tomt.</source>
        <translation>{what}: the field &apos;{key}&apos; is empty.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="183"/>
        <source>{what}: minst en enhetstyp behövs.</source>
        <translation>{what}: at least one unit type is needed.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/sanitize.py" line="76"/>
        <source>{what}: ogiltig tidpunkt ({value!r}); skriv ÅÅÅÅ-MM-DD TT:MM.</source>
        <translation>{what}: invalid time ({value!r}); write YYYY-MM-DD HH:MM.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/sanitize.py" line="60"/>
        <source>{what}: ogiltigt datum ({value!r}); skriv ÅÅÅÅ-MM-DD.</source>
        <translation>{what}: invalid date ({value!r}); write YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="297"/>
        <source>{what}: ogiltigt id &apos;{tid}&apos;.</source>
        <translation>{what}: invalid id &apos;{tid}&apos;.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="234"/>
        <source>{what}: okänd del &apos;{part}&apos; (ska vara sol eller hsl).</source>
        <translation>{what}: unknown part &apos;{part}&apos; (must be sol or hsl).</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="171"/>
        <source>{what}: okänd enhetstyp &apos;{value}&apos; (kända: {known}).</source>
        <translation>{what}: unknown unit type &apos;{value}&apos; (known: {known}).</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="53"/>
        <source>{what}: okänt fält &apos;{key}&apos; (tillåtna: {known}).</source>
        <translation>{what}: unknown field &apos;{key}&apos; (allowed: {known}).</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="245"/>
        <source>{what}: okänt svarssätt &apos;{kind}&apos; (ska vara scale, number eller yesno).</source>
        <translation>{what}: unknown answer kind &apos;{kind}&apos; (must be scale, number or yesno).</translation>
    </message>
    <message>
        <location filename="../../app/services/template_yaml.py" line="100"/>
        <source>{what}: varje rad i &apos;{key}&apos; ska vara en icke-tom text.</source>
        <translation>{what}: every line in &apos;{key}&apos; must be a non-empty text.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="302"/>
        <source>{what}: versionen &apos;{version}&apos; ska skrivas som år.löpnummer, t.ex. 2027.1.</source>
        <translation>{what}: the version &apos;{version}&apos; must be written as year.number, e.g. 2027.1.</translation>
    </message>
    <message>
        <location filename="../../app/services/template_format.py" line="206"/>
        <source>{what}: vägledningen saknar {labels}.</source>
        <translation>{what}: the guidance is missing {labels}.</translation>
    </message>
    <message>
        <location filename="../../app/services/templates.py" line="213"/>
        <source>Ändrat i mallens huvud: {changes}.</source>
        <translation>Changed in the template header: {changes}.</translation>
    </message>
    <message>
        <location filename="../../app/services/visits/errors.py" line="24"/>
        <source>Ändringen kunde inte sparas: databasen går inte att skriva till (disken kan vara full, filen skrivskyddad eller upptagen). Det som sparats tidigare finns kvar. Texten ligger kvar på skärmen; frigör utrymme eller kontrollera datamappen och försök igen.</source>
        <translation>The change could not be saved: the database cannot be written to (the disk may be full, the file read-only or busy). What was saved before is still there. The text stays on the screen; free up space or check the data folder and try again.</translation>
    </message>
    <message>
        <location filename="../../app/services/share/errors.py" line="22"/>
        <source>öppna</source>
        <translation>open</translation>
    </message>
</context>
</TS>
