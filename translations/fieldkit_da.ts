<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK" sourcelanguage="en">
<context>
    <name>AppShell</name>
    <message>
        <source>Back</source>
        <translation>Tilbage</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Skjul</translation>
    </message>
    <message>
        <source>Hide citizen data and show the welcome screen</source>
        <translation>Skjul borgerdata og vis velkomstskærmen</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Lock the device</source>
        <translation>Lås enheden</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Receipt for the citizen</source>
        <translation>Kvittering til borgeren</translation>
    </message>
    <message>
        <source>Case reference: %1</source>
        <translation>Sagsnummer: %1</translation>
    </message>
    <message>
        <source>Access code: %1</source>
        <translation>Adgangskode: %1</translation>
    </message>
    <message>
        <source>With these the citizen follows the case online at any hour.</source>
        <translation>Med dem kan borgeren følge sagen på nettet når som helst.</translation>
    </message>
    <message>
        <source>QR code of the receipt</source>
        <translation>QR-kode til kvitteringen</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>Opened %1 · changed %2 · %3</source>
        <translation>Oprettet %1 · ændret %2 · %3</translation>
    </message>
    <message>
        <source>This case was changed on two devices at once. Nothing is lost: choose which version to keep.</source>
        <translation>Sagen blev ændret på to enheder på samme tid. Intet er tabt: vælg hvilken version der skal gælde.</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Løs</translation>
    </message>
    <message>
        <source>CPR %1</source>
        <translation>CPR %1</translation>
    </message>
    <message>
        <source>Referred to %1</source>
        <translation>Henvist til %1</translation>
    </message>
    <message>
        <source>Change status</source>
        <translation>Skift status</translation>
    </message>
    <message>
        <source>The case is finished.</source>
        <translation>Sagen er afsluttet.</translation>
    </message>
    <message>
        <source>Refer to authority</source>
        <translation>Henvis til myndighed</translation>
    </message>
    <message>
        <source>Refer</source>
        <translation>Henvis</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Tjekliste</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notater</translation>
    </message>
    <message>
        <source>New note (notes cannot be changed later)</source>
        <translation>Nyt notat (notater kan ikke ændres bagefter)</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nyt notat</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Tilføj notat</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>at the center</source>
        <translation>nået centret</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>ikke sendt endnu</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Vedhæft en fil</translation>
    </message>
    <message>
        <source>Images (PNG, JPEG) and PDF files from the import folder. The file moves into the case, encrypted.</source>
        <translation>Billeder (PNG, JPEG) og PDF-filer fra importmappen. Filen flyttes krypteret ind i sagen.</translation>
    </message>
    <message>
        <source>Attach %1</source>
        <translation>Vedhæft %1</translation>
    </message>
    <message>
        <source>The import folder is empty.</source>
        <translation>Importmappen er tom.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Citizen&apos;s signature</source>
        <translation>Borgerens underskrift</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bilag</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Underskrift</translation>
    </message>
    <message>
        <source>still arriving</source>
        <translation>er på vej</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Show %1 (logged)</source>
        <translation>Vis %1 (logges)</translation>
    </message>
    <message>
        <source>No attachments yet.</source>
        <translation>Ingen bilag endnu.</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Vedhæft fil</translation>
    </message>
    <message>
        <source>Sign again</source>
        <translation>Underskriv igen</translation>
    </message>
    <message>
        <source>Let the citizen sign</source>
        <translation>Lad borgeren underskrive</translation>
    </message>
    <message>
        <source>Life situation</source>
        <translation>Livssituation</translation>
    </message>
</context>
<context>
    <name>CaseRow</name>
    <message>
        <source>conflict</source>
        <translation>konflikt</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>ikke sendt</translation>
    </message>
    <message>
        <source>checklist %1/%2</source>
        <translation>tjekliste %1/%2</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>underskrevet</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>New enquiry: choose the service</source>
        <translation>Ny henvendelse: vælg emne</translation>
    </message>
    <message>
        <source>Service guide</source>
        <translation>Emner og vejledning</translation>
    </message>
</context>
<context>
    <name>CitizenPage</name>
    <message>
        <source>Name (optional)</source>
        <translation>Navn (valgfrit)</translation>
    </message>
    <message>
        <source>Address (optional)</source>
        <translation>Adresse (valgfrit)</translation>
    </message>
    <message>
        <source>Phone (optional)</source>
        <translation>Telefon (valgfrit)</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Opret sag</translation>
    </message>
    <message>
        <source>Cases on this device</source>
        <translation>Sager på denne enhed</translation>
    </message>
    <message>
        <source>Life situation</source>
        <translation>Livssituation</translation>
    </message>
    <message>
        <source>Choose a life situation to go through everything the citizen should know at once.</source>
        <translation>Vælg en livssituation for at gennemgå alt, hvad borgeren bør vide, på én gang.</translation>
    </message>
    <message>
        <source>Open the service for: %1</source>
        <translation>Åbn emnet for: %1</translation>
    </message>
    <message>
        <source>New enquiry: citizen</source>
        <translation>Ny henvendelse: borger</translation>
    </message>
    <message>
        <source>Guidance only</source>
        <translation>Kun vejledning</translation>
    </message>
    <message>
        <source>Register guidance only, without a case</source>
        <translation>Registrér kun vejledning, uden sag</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>No conflicts left on this case.</source>
        <translation>Der er ikke flere konflikter på sagen.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Keep this</source>
        <translation>Behold denne</translation>
    </message>
    <message>
        <source>Keep “%1”</source>
        <translation>Behold “%1”</translation>
    </message>
    <message>
        <source>Or write the correct value</source>
        <translation>Eller skriv den rigtige værdi</translation>
    </message>
    <message>
        <source>Use this value</source>
        <translation>Brug denne værdi</translation>
    </message>
    <message>
        <source>Back to the case</source>
        <translation>Tilbage til sagen</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <source>New contact</source>
        <translation>Ny henvendelse</translation>
    </message>
    <message>
        <source>Register a contact</source>
        <translation>Registrér en henvendelse</translation>
    </message>
    <message>
        <source>Channel: %1</source>
        <translation>Kanal: %1</translation>
    </message>
    <message>
        <source>Type of contact</source>
        <translation>Type af henvendelse</translation>
    </message>
    <message>
        <source>Resolved at first contact</source>
        <translation>Løst ved første henvendelse</translation>
    </message>
    <message>
        <source>Referred to (authority, optional)</source>
        <translation>Henvist til (myndighed, valgfrit)</translation>
    </message>
    <message>
        <source>Register contact</source>
        <translation>Registrér henvendelse</translation>
    </message>
    <message>
        <source>Contact registered.</source>
        <translation>Henvendelsen er registreret.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n henvendelse</numerusform>
            <numerusform>%n henvendelser</numerusform>
        </translation>
    </message>
    <message>
        <source>Help to self-service: %1 %</source>
        <translation>Hjælp til selvbetjening: %1 %</translation>
    </message>
    <message>
        <source>Resolved at first contact: %1 %</source>
        <translation>Løst ved første henvendelse: %1 %</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>Pr. kanal</translation>
    </message>
    <message>
        <source>Per service</source>
        <translation>Pr. emne</translation>
    </message>
</context>
<context>
    <name>CprField</name>
    <message>
        <source>CPR number (DDMMYY-XXXX)</source>
        <translation>CPR-nummer (DDMMÅÅ-XXXX)</translation>
    </message>
    <message>
        <source>CPR number shown in full</source>
        <translation>CPR-nummer vist fuldt ud</translation>
    </message>
    <message>
        <source>CPR number, hidden</source>
        <translation>CPR-nummer, skjult</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Skjul</translation>
    </message>
    <message>
        <source>Show (logged)</source>
        <translation>Vis (logges)</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ret</translation>
    </message>
    <message>
        <source>Note: this number fails the old modulus 11 check. Numbers issued since 2007 may do so; it is still valid.</source>
        <translation>Bemærk: nummeret består ikke det gamle modulus 11-tjek. Numre udstedt siden 2007 kan gøre det; nummeret er stadig gyldigt.</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Cases</source>
        <translation>Sager</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mine</translation>
    </message>
    <message>
        <source>Conflicts (%1)</source>
        <translation>Konflikter (%1)</translation>
    </message>
    <message>
        <source>No cases on this device yet.</source>
        <translation>Der er endnu ingen sager på denne enhed.</translation>
    </message>
    <message>
        <source>New enquiry</source>
        <translation>Ny henvendelse</translation>
    </message>
    <message>
        <source>Service guide</source>
        <translation>Emner og vejledning</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Ryd</translation>
    </message>
    <message>
        <source>Search by CPR number or name</source>
        <translation>Søg på CPR-nummer eller navn</translation>
    </message>
    <message>
        <source>Type the whole CPR number, or at least three letters of a name.</source>
        <translation>Skriv hele CPR-nummeret eller mindst tre bogstaver af et navn.</translation>
    </message>
    <message>
        <source>No cases found on this device.</source>
        <translation>Ingen sager fundet på enheden.</translation>
    </message>
    <message>
        <source>Showing the newest 100. Type more of the name to narrow the search.</source>
        <translation>Viser de 100 nyeste. Skriv mere af navnet for at indsnævre søgningen.</translation>
    </message>
</context>
<context>
    <name>KioskWelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Velkommen</translation>
    </message>
    <message>
        <source>Welcome to Citizen Service</source>
        <translation>Velkommen til Borgerservice</translation>
    </message>
    <message>
        <source>Moving, passport, health card, MitID, Digital Post, pension – we help you here, or show you how to do it yourself.</source>
        <translation>Flytning, pas, sundhedskort, MitID, Digital Post, pension – vi hjælper dig her eller viser dig, hvordan du selv gør det.</translation>
    </message>
    <message>
        <source>Please speak to the staff at the counter.</source>
        <translation>Henvend dig til personalet ved skranken.</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personale</translation>
    </message>
    <message>
        <source>Staff: continue working</source>
        <translation>Personale: arbejd videre</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>fieldkit</source>
        <translation>fieldkit</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <source>Enter PIN</source>
        <translation>Indtast pinkode</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) entered</source>
        <translation>
            <numerusform>%n ciffer indtastet</numerusform>
            <numerusform>%n cifre indtastet</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Slet sidste ciffer</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
</context>
<context>
    <name>QrImage</name>
    <message>
        <source>QR code for %1</source>
        <translation>QR-kode til %1</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <source>Service</source>
        <translation>Emne</translation>
    </message>
    <message>
        <source>Responsible: %1</source>
        <translation>Ansvarlig: %1</translation>
    </message>
    <message>
        <source>KLE %1</source>
        <translation>KLE %1</translation>
    </message>
    <message>
        <source>Personal attendance is required.</source>
        <translation>Personligt fremmøde er påkrævet.</translation>
    </message>
    <message>
        <source>No personal attendance needed.</source>
        <translation>Personligt fremmøde er ikke nødvendigt.</translation>
    </message>
    <message>
        <source>Fee: %1</source>
        <translation>Gebyr: %1</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Tjekliste</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Opret sag</translation>
    </message>
    <message>
        <source>Self-service</source>
        <translation>Selvbetjening</translation>
    </message>
    <message>
        <source>Scan with your phone to do it yourself.</source>
        <translation>Scan med din telefon og gør det selv.</translation>
    </message>
    <message>
        <source>Register guidance</source>
        <translation>Registrér vejledning</translation>
    </message>
</context>
<context>
    <name>ServiceTile</name>
    <message>
        <source>Personal attendance</source>
        <translation>Personligt fremmøde</translation>
    </message>
    <message>
        <source>%1, personal attendance</source>
        <translation>%1, personligt fremmøde</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Dansk</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelsk</translation>
    </message>
    <message>
        <source>Device profile</source>
        <translation>Enhedsprofil</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkronisér nu</translation>
    </message>
    <message>
        <source>Asked the sync service to sync now.</source>
        <translation>Synkroniseringstjenesten er bedt om at synkronisere nu.</translation>
    </message>
    <message>
        <source>The sync service could not be asked.</source>
        <translation>Synkroniseringstjenesten kunne ikke kontaktes.</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Logget ind som %1</translation>
    </message>
    <message>
        <source>Glove mode (larger buttons)</source>
        <translation>Handsketilstand (større knapper)</translation>
    </message>
    <message numerus="yes">
        <source>Buttons at least %1 mm; locks after %n minute(s) without use.</source>
        <translation>
            <numerusform>Knapper mindst %1 mm; låses efter %n minut uden brug.</numerusform>
            <numerusform>Knapper mindst %1 mm; låses efter %n minutter uden brug.</numerusform>
        </translation>
    </message>
    <message>
        <source>Change PIN</source>
        <translation>Skift PIN</translation>
    </message>
    <message>
        <source>Current PIN</source>
        <translation>Nuværende PIN</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Ny PIN</translation>
    </message>
    <message>
        <source>New PIN again</source>
        <translation>Ny PIN igen</translation>
    </message>
    <message>
        <source>Checking the PIN …</source>
        <translation>Kontrollerer PIN …</translation>
    </message>
    <message>
        <source>Your PIN is changed.</source>
        <translation>Din PIN er skiftet.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here with your finger</source>
        <translation>Skriv under her med fingeren</translation>
    </message>
    <message>
        <source>Signature pad</source>
        <translation>Underskriftsfelt</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Ryd</translation>
    </message>
    <message>
        <source>Save signature</source>
        <translation>Gem underskrift</translation>
    </message>
</context>
<context>
    <name>StatusChangeDialog</name>
    <message>
        <source>Change status</source>
        <translation>Skift status</translation>
    </message>
    <message>
        <source>Change the status from “%1” to “%2”? This cannot be undone.</source>
        <translation>Skift status fra “%1” til “%2”? Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Reason (optional, kept as a note)</source>
        <translation>Begrundelse (valgfri, gemmes som notat)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
</context>
<context>
    <name>SyncStatusLine</name>
    <message>
        <source>Sync status unknown</source>
        <translation>Synkroniseringsstatus ukendt</translation>
    </message>
    <message>
        <source>In contact with the center</source>
        <translation>I forbindelse med centret</translation>
    </message>
    <message>
        <source>Offline – work is kept on this device</source>
        <translation>Offline – arbejdet gemmes på denne enhed</translation>
    </message>
    <message>
        <source>Synchronising…</source>
        <translation>Synkroniserer…</translation>
    </message>
    <message>
        <source>Update needed before syncing</source>
        <translation>Opdatering nødvendig før synkronisering</translation>
    </message>
    <message>
        <source>The center refused this device</source>
        <translation>Centret har afvist denne enhed</translation>
    </message>
    <message>
        <source>Not enrolled with a center</source>
        <translation>Ikke tilmeldt et center</translation>
    </message>
    <message>
        <source>Wiped by order of the center – enrol the device again</source>
        <translation>Slettet efter ordre fra centret – tilmeld enheden igen</translation>
    </message>
    <message>
        <source>Not synchronised yet</source>
        <translation>Ikke synkroniseret endnu</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) waiting</source>
        <translation>
            <numerusform>%n element venter</numerusform>
            <numerusform>%n elementer venter</numerusform>
        </translation>
    </message>
    <message>
        <source>Last contact %1</source>
        <translation>Seneste kontakt %1</translation>
    </message>
    <message>
        <source>sending %1 of %2</source>
        <translation>sender %1 af %2</translation>
    </message>
    <message>
        <source>receiving %1 of %2</source>
        <translation>modtager %1 af %2</translation>
    </message>
    <message>
        <source>attachments %1 of %2, %3 MB left</source>
        <translation>bilag %1 af %2, %3 MB tilbage</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) need attention</source>
        <translation>
            <numerusform>%n ændring kræver opmærksomhed</numerusform>
            <numerusform>%n ændringer kræver opmærksomhed</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 since %2</source>
        <translation>%1 siden %2</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <source>Opened</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Informed</source>
        <translation>Oplyst</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Afgjort</translation>
    </message>
    <message>
        <source>Ordered</source>
        <translation>Bestilt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>Henvist</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Trukket tilbage</translation>
    </message>
    <message>
        <source>Service bike</source>
        <translation>Servicecykel</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Hjemmebesøg</translation>
    </message>
    <message>
        <source>Station kiosk</source>
        <translation>Stationskiosk</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>Skranke</translation>
    </message>
    <message>
        <source>Web</source>
        <translation>Web</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Transaction</source>
        <translation>Sagsbehandling</translation>
    </message>
    <message>
        <source>Help to self-service</source>
        <translation>Hjælp til selvbetjening</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Referred to</source>
        <translation>Henvist til</translation>
    </message>
    <message>
        <source>Enter a CPR number.</source>
        <translation>Indtast et CPR-nummer.</translation>
    </message>
    <message>
        <source>A CPR number has 10 digits.</source>
        <translation>Et CPR-nummer har 10 cifre.</translation>
    </message>
    <message>
        <source>The dash belongs after the sixth digit.</source>
        <translation>Bindestregen skal stå efter sjette ciffer.</translation>
    </message>
    <message>
        <source>A CPR number contains only digits.</source>
        <translation>Et CPR-nummer består kun af cifre.</translation>
    </message>
    <message>
        <source>The month in this CPR number does not exist.</source>
        <translation>Måneden i dette CPR-nummer findes ikke.</translation>
    </message>
    <message>
        <source>The day in this CPR number does not exist.</source>
        <translation>Dagen i dette CPR-nummer findes ikke.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Forkert pinkode.</translation>
    </message>
    <message>
        <source>Too many wrong PINs: this staff member is locked out. Ask your team lead.</source>
        <translation>For mange forkerte pinkoder: medarbejderen er spærret. Kontakt din teamleder.</translation>
    </message>
    <message>
        <source>Choose your name first.</source>
        <translation>Vælg først dit navn.</translation>
    </message>
    <message>
        <source>The device store could not be opened.</source>
        <translation>Enhedens datalager kunne ikke åbnes.</translation>
    </message>
    <message>
        <source>The case already has this status.</source>
        <translation>Sagen har allerede denne status.</translation>
    </message>
    <message>
        <source>The case is finished: its status cannot change.</source>
        <translation>Sagen er afsluttet: dens status kan ikke ændres.</translation>
    </message>
    <message>
        <source>A case cannot go back to an earlier status.</source>
        <translation>En sag kan ikke gå tilbage til en tidligere status.</translation>
    </message>
    <message>
        <source>Only a done or referred case can be closed; withdraw it instead.</source>
        <translation>Kun en udført eller henvist sag kan lukkes; træk den tilbage i stedet.</translation>
    </message>
    <message>
        <source>A referred case can only be closed or withdrawn.</source>
        <translation>En henvist sag kan kun lukkes eller trækkes tilbage.</translation>
    </message>
    <message>
        <source>Name the authority the case is referred to.</source>
        <translation>Angiv den myndighed, sagen henvises til.</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Et notat skal have tekst.</translation>
    </message>
    <message>
        <source>Choose a version or write a value.</source>
        <translation>Vælg en version eller skriv en værdi.</translation>
    </message>
    <message>
        <source>Choose a service.</source>
        <translation>Vælg et emne.</translation>
    </message>
    <message>
        <source>This case is no longer on the device.</source>
        <translation>Sagen findes ikke længere på enheden.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Noget gik galt (%1).</translation>
    </message>
    <message>
        <source>The device store is busy; try again in a moment.</source>
        <translation>Enhedens datalager er optaget; prøv igen om et øjeblik.</translation>
    </message>
    <message>
        <source>The device is locked; unlock it first.</source>
        <translation>Enheden er låst; lås den op først.</translation>
    </message>
    <message>
        <source>Case data failed its integrity check. Report this device to your team lead.</source>
        <translation>Sagens data bestod ikke integritetskontrollen. Meld enheden til din teamleder.</translation>
    </message>
    <message>
        <source>This device is not enrolled with a center yet, so it cannot save cases.</source>
        <translation>Enheden er endnu ikke tilmeldt et center og kan derfor ikke gemme sager.</translation>
    </message>
    <message>
        <source>One of the versions has changed meanwhile; look at the field again.</source>
        <translation>En af versionerne er ændret i mellemtiden; se feltet igen.</translation>
    </message>
    <message>
        <source>This field has no conflict any more.</source>
        <translation>Feltet har ikke længere en konflikt.</translation>
    </message>
    <message>
        <source>The device is full: nothing was saved. Ask your team lead.</source>
        <translation>Enheden er fuld: intet blev gemt. Spørg din teamleder.</translation>
    </message>
    <message>
        <source>The device store could not be written: nothing was saved.</source>
        <translation>Der kunne ikke skrives til enhedens datalager: intet blev gemt.</translation>
    </message>
    <message>
        <source>The device store is damaged and was not opened. Ask your team lead.</source>
        <translation>Enhedens datalager er beskadiget og blev ikke åbnet. Spørg din teamleder.</translation>
    </message>
    <message>
        <source>The device store is incomplete. Ask your team lead.</source>
        <translation>Enhedens datalager er ufuldstændigt. Spørg din teamleder.</translation>
    </message>
    <message>
        <source>The device&apos;s keys are damaged. Ask your team lead.</source>
        <translation>Enhedens nøgler er beskadigede. Spørg din teamleder.</translation>
    </message>
    <message>
        <source>This channel is not known.</source>
        <translation>Kanalen er ukendt.</translation>
    </message>
    <message>
        <source>This checklist item does not exist.</source>
        <translation>Punktet findes ikke på tjeklisten.</translation>
    </message>
    <message>
        <source>Say why you look at this case; every look is logged.</source>
        <translation>Angiv hvorfor du ser sagen; alle opslag logges.</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>Tjekliste</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Underskrift</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Bilag</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Reason for status</source>
        <translation>Begrundelse for status</translation>
    </message>
    <message>
        <source>case work</source>
        <translation>sagsbehandling</translation>
    </message>
    <message>
        <source>after a change</source>
        <translation>efter en ændring</translation>
    </message>
    <message>
        <source>updated after sync</source>
        <translation>opdateret efter synkronisering</translation>
    </message>
    <message>
        <source>conflict review</source>
        <translation>gennemgang af konflikt</translation>
    </message>
    <message>
        <source>finding the citizen</source>
        <translation>fremsøgning af borgeren</translation>
    </message>
    <message>
        <source>(%1 times)</source>
        <translation>(%1 gange)</translation>
    </message>
    <message>
        <source>Case opened</source>
        <translation>Sag oprettet</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Ændret: %1</translation>
    </message>
    <message>
        <source>Note added</source>
        <translation>Notat tilføjet</translation>
    </message>
    <message>
        <source>Status changed to %1</source>
        <translation>Status ændret til %1</translation>
    </message>
    <message>
        <source>Conflict resolved: %1</source>
        <translation>Konflikt løst: %1</translation>
    </message>
    <message>
        <source>Attachment added</source>
        <translation>Bilag tilføjet</translation>
    </message>
    <message>
        <source>Viewed (purpose: %1)</source>
        <translation>Set (formål: %1)</translation>
    </message>
    <message>
        <source>CPR number shown (purpose: %1)</source>
        <translation>CPR-nummer vist (formål: %1)</translation>
    </message>
    <message>
        <source>Found by CPR number (purpose: %1)</source>
        <translation>Fundet på CPR-nummer (formål: %1)</translation>
    </message>
    <message>
        <source>Citizen signed</source>
        <translation>Borgeren har skrevet under</translation>
    </message>
    <message>
        <source>Only images (PNG, JPEG) and PDF files can be attached.</source>
        <translation>Kun billeder (PNG, JPEG) og PDF-filer kan vedhæftes.</translation>
    </message>
    <message>
        <source>The file&apos;s content does not match its type; it was not attached.</source>
        <translation>Filens indhold passer ikke til dens type; den blev ikke vedhæftet.</translation>
    </message>
    <message>
        <source>The file is too large for a case (at most 25 MB).</source>
        <translation>Filen er for stor til en sag (højst 25 MB).</translation>
    </message>
    <message>
        <source>The text is too long for this field. Put longer content in an attachment; nothing was saved.</source>
        <translation>Teksten er for lang til feltet. Læg længere indhold i et bilag; intet blev gemt.</translation>
    </message>
    <message>
        <source>The file name is empty or too long.</source>
        <translation>Filnavnet er tomt eller for langt.</translation>
    </message>
    <message>
        <source>The signature could not be saved as an image.</source>
        <translation>Underskriften kunne ikke gemmes som billede.</translation>
    </message>
    <message>
        <source>Ask the citizen to sign on the pad first.</source>
        <translation>Bed først borgeren skrive under i feltet.</translation>
    </message>
    <message>
        <source>This attachment is no longer on the device.</source>
        <translation>Bilaget er ikke længere på enheden.</translation>
    </message>
    <message>
        <source>The attachment is still arriving from the center.</source>
        <translation>Bilaget er stadig på vej fra centret.</translation>
    </message>
    <message>
        <source>The file is no longer in the import folder.</source>
        <translation>Filen er ikke længere i importmappen.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Filen kunne ikke læses.</translation>
    </message>
    <message>
        <source>Attached and encrypted, but the original could not be removed from the import folder: delete it there.</source>
        <translation>Vedhæftet og krypteret, men originalen kunne ikke fjernes fra importmappen: slet den dér.</translation>
    </message>
    <message>
        <source>Only images can be shown on the device.</source>
        <translation>Kun billeder kan vises på enheden.</translation>
    </message>
    <message>
        <source>set when the app was started</source>
        <translation>valgt ved opstart</translation>
    </message>
    <message>
        <source>set by the administrator</source>
        <translation>valgt af administratoren</translation>
    </message>
    <message>
        <source>recognised from the device model</source>
        <translation>genkendt ud fra enhedens model</translation>
    </message>
    <message>
        <source>standard settings</source>
        <translation>standardindstillinger</translation>
    </message>
    <message>
        <source>Service bike tablet</source>
        <translation>Servicecyklens tablet</translation>
    </message>
    <message>
        <source>Home visit tablet</source>
        <translation>Tablet til hjemmebesøg</translation>
    </message>
    <message>
        <source>Office computer</source>
        <translation>Kontorcomputer</translation>
    </message>
    <message>
        <source>today %1</source>
        <translation>i dag %1</translation>
    </message>
    <message>
        <source>yesterday %1</source>
        <translation>i går %1</translation>
    </message>
    <message>
        <source>the case list</source>
        <translation>sagslisten</translation>
    </message>
    <message>
        <source>Life situation</source>
        <translation>Livssituation</translation>
    </message>
    <message>
        <source>Found by name (purpose: %1)</source>
        <translation>Fundet på navn (formål: %1)</translation>
    </message>
    <message>
        <source>Checklist item</source>
        <translation>Punkt på tjeklisten</translation>
    </message>
    <message>
        <source>Step in the life situation</source>
        <translation>Trin i livssituationen</translation>
    </message>
    <message>
        <source>Field from a newer version</source>
        <translation>Felt fra en nyere version</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Ikke udført</translation>
    </message>
    <message>
        <source>This signature</source>
        <translation>Denne underskrift</translation>
    </message>
    <message>
        <source>No life situation</source>
        <translation>Ingen livssituation</translation>
    </message>
    <message>
        <source>Keep one of the versions.</source>
        <translation>Behold en af versionerne.</translation>
    </message>
    <message>
        <source>Enter your current PIN.</source>
        <translation>Indtast din nuværende PIN.</translation>
    </message>
    <message>
        <source>The new PIN must have at least 4 characters.</source>
        <translation>Den nye PIN skal have mindst 4 tegn.</translation>
    </message>
    <message>
        <source>The two new PINs are not the same.</source>
        <translation>De to nye PIN-koder er ikke ens.</translation>
    </message>
    <message>
        <source>The new PIN is the same as the current one.</source>
        <translation>Den nye PIN er den samme som den nuværende.</translation>
    </message>
    <message>
        <source>Your PIN was changed meanwhile; try again.</source>
        <translation>Din PIN er blevet skiftet imens; prøv igen.</translation>
    </message>
    <message>
        <source>The center had already received a newer change. Ask IT to check the device.</source>
        <translation>Centret havde allerede modtaget en nyere ændring. Bed IT om at tjekke enheden.</translation>
    </message>
    <message>
        <source>The change was recorded under another device. Ask IT to check the device.</source>
        <translation>Ændringen er registreret under en anden enhed. Bed IT om at tjekke enheden.</translation>
    </message>
    <message>
        <source>The case belongs to another unit. Ask the team lead to move it.</source>
        <translation>Sagen hører til et andet team. Bed teamlederen om at flytte den.</translation>
    </message>
    <message>
        <source>The center could not read the change. Ask IT to check the device.</source>
        <translation>Centret kunne ikke læse ændringen. Bed IT om at tjekke enheden.</translation>
    </message>
    <message>
        <source>The device is to be wiped; the center keeps the change for review.</source>
        <translation>Enheden skal slettes; centret gemmer ændringen til gennemsyn.</translation>
    </message>
    <message>
        <source>The change builds on another change the center refused.</source>
        <translation>Ændringen bygger på en anden ændring, som centret afviste.</translation>
    </message>
    <message>
        <source>The change is too large to send. Shorten the note or add the content as an attachment.</source>
        <translation>Ændringen er for stor til at sende. Forkort notatet, eller vedhæft indholdet som bilag.</translation>
    </message>
    <message>
        <source>The center refused an attachment. Take the photo or signature again.</source>
        <translation>Centret afviste et bilag. Tag billedet eller underskriften igen.</translation>
    </message>
    <message>
        <source>The center says: %1</source>
        <translation>Centret skriver: %1</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>Who are you?</source>
        <translation>Hvem er du?</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left.</source>
        <translation>
            <numerusform>Forkert pinkode. %n forsøg tilbage.</numerusform>
            <numerusform>Forkert pinkode. %n forsøg tilbage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Låser op…</translation>
    </message>
    <message>
        <source>Use the PIN pad</source>
        <translation>Brug pinkodetastaturet</translation>
    </message>
    <message>
        <source>Use a passphrase</source>
        <translation>Brug en adgangssætning</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Adgangssætning</translation>
    </message>
</context>
</TS>
