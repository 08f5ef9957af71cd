#include <algorithm>
#include <array>
#include <cctype>
#include <fieldkit/center/console_texts.hpp>
#include <fieldkit/core/service_catalogue.hpp>
#include <string>

namespace fieldkit::center {
namespace {

struct Entry {
    std::string_view key;
    std::string_view da;
    std::string_view en;
};

constexpr std::array kTexts = {
    Entry{"app.name", "Borgerservice – center", "Citizen service – centre"},
    Entry{"skip", "Gå til sidens indhold", "Skip to content"},
    Entry{"nav.inbox", "Indbakke", "Inbox"},
    Entry{"nav.audit", "Adgangslog", "Access log"},
    Entry{"nav.logout", "Log ud", "Log out"},
    Entry{"nav.language", "English", "Dansk"},
    Entry{"login.title", "Log ind", "Log in"},
    Entry{"login.name", "Brugernavn", "User name"},
    Entry{"login.password", "Adgangskode", "Password"},
    Entry{"login.submit", "Log ind", "Log in"},
    Entry{"login.failed", "Brugernavn eller adgangskode er forkert.", "The user name or password is wrong."},
    Entry{"login.locked",
          "Kontoen er midlertidigt spærret efter for mange forkerte forsøg. Prøv igen senere.",
          "The account is locked for a while after too many failed attempts. Try again later."},
    Entry{"totp.title", "Engangskode", "One-time code"},
    Entry{"totp.code", "Kode fra din autentificeringsapp (6 cifre)",
          "Code from your authenticator app (6 digits)"},
    Entry{"totp.submit", "Bekræft", "Confirm"},
    Entry{"totp.failed", "Koden er forkert eller allerede brugt.", "The code is wrong or already used."},
    Entry{"inbox.title", "Sager fra de mobile enheder", "Cases from the mobile units"},
    Entry{"inbox.filter", "Filtrér", "Filter"},
    Entry{"inbox.unit", "Enhed", "Unit"},
    Entry{"inbox.service", "Emne", "Service"},
    Entry{"inbox.status", "Status", "Status"},
    Entry{"inbox.age", "Alder", "Age"},
    Entry{"inbox.conflicted", "Konflikt", "Conflict"},
    Entry{"inbox.created", "Oprettet", "Created"},
    Entry{"inbox.channel", "Kanal", "Channel"},
    Entry{"inbox.case", "Sag", "Case"},
    Entry{"inbox.any", "Alle", "All"},
    Entry{"inbox.age.1", "Ældre end 1 dag", "Older than 1 day"},
    Entry{"inbox.age.7", "Ældre end 7 dage", "Older than 7 days"},
    Entry{"inbox.age.30", "Ældre end 30 dage", "Older than 30 days"},
    Entry{"inbox.yes", "Ja", "Yes"},
    Entry{"inbox.no", "Nej", "No"},
    Entry{"inbox.sort", "Sortér efter", "Sort by"},
    Entry{"inbox.sort.newest", "Nyeste først", "Newest first"},
    Entry{"inbox.sort.oldest", "Ældste først", "Oldest first"},
    Entry{"inbox.count", "sager", "cases"},
    Entry{"inbox.empty", "Ingen sager passer til filteret.", "No cases match the filter."},
    Entry{"inbox.open", "Åbn sag", "Open case"},
    Entry{"inbox.previous", "Forrige side", "Previous page"},
    Entry{"inbox.next", "Næste side", "Next page"},
    Entry{"inbox.page", "Side", "Page"},
    Entry{"case.title", "Sag", "Case"},
    Entry{"case.meta", "Oplysninger", "Details"},
    Entry{"case.values", "Borgerens oplysninger", "The citizen's details"},
    Entry{"case.cpr", "CPR-nummer", "CPR number"},
    Entry{"case.reveal", "Vis CPR-nummer", "Show CPR number"},
    Entry{"case.name", "Navn", "Name"},
    Entry{"case.address", "Adresse", "Address"},
    Entry{"case.phone", "Telefon", "Phone"},
    Entry{"case.referral", "Henvist til", "Referred to"},
    Entry{"case.checklist", "Tjekliste", "Checklist"},
    Entry{"case.notes", "Notater", "Notes"},
    Entry{"case.timeline", "Forløb", "Timeline"},
    Entry{"case.attachments", "Bilag", "Attachments"},
    Entry{"case.audit", "Opslag i sagen", "Look-ups of this case"},
    Entry{"case.conflict", "Flere versioner (konflikt)", "Several versions (conflict)"},
    Entry{"case.none", "Ingen", "None"},
    Entry{"case.done", "Udført", "Done"},
    Entry{"case.notdone", "Ikke udført", "Not done"},
    Entry{"case.operation", "Ændring", "Change"},
    Entry{"case.device", "Enhed", "Device"},
    Entry{"case.staff", "Medarbejder", "Staff"},
    Entry{"case.fields", "Felter", "Fields"},
    Entry{"case.size", "Størrelse (byte)", "Size (bytes)"},
    Entry{"case.complete", "Modtaget helt", "Fully received"},
    Entry{"case.when", "Tidspunkt", "When"},
    Entry{"case.who", "Hvem", "Who"},
    Entry{"case.what", "Hvad", "What"},
    Entry{"case.purpose", "Formål", "Purpose"},
    Entry{"case.notfound", "Sagen findes ikke.", "The case does not exist."},
    Entry{"case.unreadable", "Sagen kan ikke åbnes med centerets nøgle.",
          "The case does not open with the center key."},
    Entry{"case.status.change", "Skift status", "Change status"},
    Entry{"case.status.new", "Ny status", "New status"},
    Entry{"case.status.refused", "Sagen kan ikke få den status nu.", "The case cannot take that status now."},
    Entry{"action.change_status", "Skiftede status", "Changed the status"},
    Entry{"purpose.casework", "Sagsbehandling", "Case work"},
    Entry{"action.view_case", "Så sagen", "Viewed the case"},
    Entry{"action.reveal_cpr", "Så CPR-nummeret", "Viewed the CPR number"},
    Entry{"audit.title", "Adgangslog for centeret", "The center's access log"},
    Entry{"audit.chain.ok", "Loggens kæde er hel.", "The log's chain is intact."},
    Entry{"audit.chain.broken", "Loggens kæde er brudt: en post er ændret eller fjernet.",
          "The log's chain is broken: an entry was changed or removed."},
    Entry{"nav.fleet", "Enheder og tablets", "Fleet"},
    Entry{"fleet.title", "Mobile enheder og tablets", "Mobile units and devices"},
    Entry{"fleet.enrol.title", "Tilmeld en ny tablet", "Enrol a new device"},
    Entry{"fleet.enrol.valid", "Koden gælder i", "The code works for"},
    Entry{"fleet.enrol.hour", "1 time", "1 hour"},
    Entry{"fleet.enrol.day", "24 timer", "24 hours"},
    Entry{"fleet.enrol.week", "7 dage", "7 days"},
    Entry{"fleet.enrol.create", "Lav tilmeldingskode", "Create enrolment code"},
    Entry{"fleet.nounits", "Der er ingen enheder endnu.", "There are no units yet."},
    Entry{"fleet.devices", "Tablets", "Devices"},
    Entry{"fleet.nodevices", "Ingen tablets er tilmeldt endnu.", "No devices are enrolled yet."},
    Entry{"fleet.device", "Tablet", "Device"},
    Entry{"fleet.lastcontact", "Seneste kontakt", "Last contact"},
    Entry{"fleet.operations", "Modtagne ændringer", "Changes received"},
    Entry{"fleet.backlog", "Manglende bilagsdele", "Attachment chunks missing"},
    Entry{"fleet.state", "Tilstand", "State"},
    Entry{"fleet.actions", "Handlinger", "Actions"},
    Entry{"fleet.never", "Ingen endnu", "None yet"},
    Entry{
        "fleet.unknown",
        "Centeret kender ikke tablets' app- og skemaversion eller ventende ændringer; de vises derfor ikke.",
        "The center does not know the devices' app and schema version or their pending changes, so they "
        "are not shown."},
    Entry{"fleet.state.awaiting", "Afventer første kontakt", "Awaiting first contact"},
    Entry{"fleet.state.active", "Aktiv", "Active"},
    Entry{"fleet.state.revoked", "Spærret", "Revoked"},
    Entry{"fleet.state.wipe_ordered", "Sletning bestilt", "Wipe ordered"},
    Entry{"fleet.state.wiped", "Slettet", "Wiped"},
    Entry{"fleet.revoke", "Spær", "Revoke"},
    Entry{"fleet.wipe", "Bestil sletning", "Order wipe"},
    Entry{"fleet.revoke.title", "Spær tablet", "Revoke device"},
    Entry{"fleet.wipe.title", "Bestil sletning af tablet", "Order a device wiped"},
    Entry{
        "fleet.revoke.explain",
        "Tabletten bliver afvist ved næste forbindelse og kan ikke længere sende eller hente sager. Det den "
        "har gemt, bliver på den. Det kan ikke fortrydes; den skal tilmeldes igen med en ny kode.",
        "The device is refused at its next connection and can no longer send or fetch cases. What it "
        "holds stays on it. This cannot be undone; it must be enrolled again with a new code."},
    Entry{"fleet.wipe.explain",
          "Tabletten bliver spærret. Ved næste kontakt afleverer den sine sidste ændringer (de holdes i "
          "karantæne) og får en signeret ordre om at slette alle sager og nøgler. Det kan ikke fortrydes.",
          "The device is revoked. At its next contact it hands over its last changes (kept in quarantine) "
          "and receives a signed order to delete all cases and keys. This cannot be undone."},
    Entry{"fleet.revoke.confirm", "Ja, spær tabletten", "Yes, revoke the device"},
    Entry{"fleet.wipe.confirm", "Ja, bestil sletning", "Yes, order the wipe"},
    Entry{"fleet.cancel", "Fortryd", "Cancel"},
    Entry{"fleet.revoked", "Tabletten er spærret.", "The device is revoked."},
    Entry{"fleet.wipe_ordered", "Sletningen er bestilt. Tabletten får ordren ved næste kontakt.",
          "The wipe is ordered. The device receives the order at its next contact."},
    Entry{"fleet.notallowed", "Det kan ikke gøres med tabletten i dens nuværende tilstand.",
          "That cannot be done to the device in its present state."},
    Entry{"fleet.device.notfound", "Tabletten findes ikke.", "The device does not exist."},
    Entry{"fleet.code.title", "Ny tilmeldingskode", "New enrolment code"},
    Entry{"fleet.code.once",
          "Koden vises kun denne ene gang og virker til én tablet. Centeret gemmer ikke selve koden.",
          "The code is shown this once and enrols one device. The center does not keep the code itself."},
    Entry{"fleet.code.text", "Kode", "Code"},
    Entry{"fleet.code.expires", "Gælder til", "Valid until"},
    Entry{"fleet.code.hub", "Centerets adresse", "The center's address"},
    Entry{"fleet.code.qr", "QR-kode til tabletten", "QR code for the device"},
    Entry{"fleet.code.qralt", "QR-kode med centerets adresse og tilmeldingskoden",
          "QR code with the center's address and the enrolment code"},
    Entry{"fleet.code.qrhint", "Scan koden på tabletten, eller skriv koden og adressen ovenfor.",
          "Scan the code on the device, or type the code and address above."},
    Entry{"fleet.code.nohub",
          "Konsollen kender ikke centerets adresse for tablets (--hub-address), så der er ingen QR-kode.",
          "The console does not know the center's address for devices (--hub-address), so there is no QR "
          "code."},
    Entry{"fleet.code.badunit", "Vælg en enhed, der findes.", "Choose a unit that exists."},
    Entry{"fleet.back", "Tilbage til oversigten", "Back to the overview"},
    Entry{"error.forbidden", "Du har ikke adgang til denne side.", "You do not have access to this page."},
    Entry{"error.csrf", "Formularen er udløbet. Gå tilbage og prøv igen.",
          "The form has expired. Go back and try again."},
    Entry{"error.notfound", "Siden findes ikke.", "The page does not exist."},
    Entry{"error.internal", "Der skete en fejl. Prøv igen.", "Something went wrong. Try again."},
    Entry{"error.title", "Fejl", "Error"},
};

} // namespace

Language chooseLanguage(std::string_view langParameter, std::string_view acceptLanguage) {
    if (langParameter == "en") {
        return Language::English;
    }
    if (langParameter == "da") {
        return Language::Danish;
    }
    std::string lower(acceptLanguage);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    const auto da = lower.find("da");
    const auto en = lower.find("en");
    if (en != std::string::npos && (da == std::string::npos || en < da)) {
        return Language::English;
    }
    return Language::Danish;
}

std::string_view text(Language language, std::string_view key) {
    for (const auto& e : kTexts) {
        if (e.key == key) {
            return language == Language::Danish ? e.da : e.en;
        }
    }
    return key;
}

std::string_view statusName(Language language, std::string_view code) {
    static constexpr std::array<Entry, 8> kStatuses = {
        Entry{"opened", "Oprettet", "Opened"},    Entry{"informed", "Oplyst", "Informed"},
        Entry{"decided", "Afgjort", "Decided"},   Entry{"ordered", "Bestilt", "Ordered"},
        Entry{"done", "Udført", "Done"},          Entry{"closed", "Lukket", "Closed"},
        Entry{"referred", "Henvist", "Referred"}, Entry{"withdrawn", "Trukket tilbage", "Withdrawn"},
    };
    for (const auto& e : kStatuses) {
        if (e.key == code) {
            return language == Language::Danish ? e.da : e.en;
        }
    }
    return code;
}

std::string_view serviceName(Language language, std::string_view code) {
    if (const auto* service = core::serviceCatalogue().find(code)) {
        return service->name.in(language);
    }
    return code;
}

} // namespace fieldkit::center
