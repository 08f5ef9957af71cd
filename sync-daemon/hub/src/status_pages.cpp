#include <ctime>
#include <fieldkit/core/service_catalogue.hpp>
#include <fieldkit/crypto/citizen_access.hpp>
#include <fieldkit/hub/status_pages.hpp>

namespace fieldkit::hub {
namespace {

using core::Language;

struct Text {
    std::string_view key;
    std::string_view da;
    std::string_view en;
};

constexpr Text kTexts[] = {
    {"app", "Borgerblikket – status på din sag", "Borgerblikket – the status of your case"},
    {"skip", "Gå til indhold", "Skip to content"},
    {"switch", "English", "Dansk"},
    {"form.title", "Se status på din sag", "See the status of your case"},
    {"form.intro",
     "Skriv sagsnummeret og adgangskoden fra din kvittering. Du kan også scanne QR-koden på kvitteringen.",
     "Enter the case reference and the access code from your receipt. You can also scan the QR code on the "
     "receipt."},
    {"form.reference", "Sagsnummer", "Case reference"},
    {"form.reference.hint", "10 tegn, fx 7K2QM-9XB4T", "10 characters, e.g. 7K2QM-9XB4T"},
    {"form.code", "Adgangskode", "Access code"},
    {"form.code.hint", "16 tegn, fx ABCD-EFGH-JKMN-PQRS", "16 characters, e.g. ABCD-EFGH-JKMN-PQRS"},
    {"form.submit", "Se status", "See status"},
    {"notice.notfound",
     "Vi kunne ikke finde en sag med det sagsnummer og den adgangskode. Tjek at du har skrevet dem som på "
     "kvitteringen.",
     "We could not find a case with that reference and access code. Check that you typed them as on the "
     "receipt."},
    {"notice.malformed",
     "Sagsnummeret har 10 tegn og adgangskoden 16 (bogstaver og tal; bindestreger er valgfri).",
     "The reference has 10 characters and the access code 16 (letters and digits; dashes are optional)."},
    {"notice.toomany", "Der er prøvet for mange gange. Vent lidt, og prøv igen om ",
     "There have been too many tries. Wait a little and try again in "},
    {"notice.seconds", " sekunder.", " seconds."},
    {"notice.unavailable", "Siden kan ikke vise sager lige nu. Prøv igen senere.",
     "The page cannot show cases right now. Please try again later."},
    {"result.reference", "Sagsnummer", "Case reference"},
    {"result.status", "Status nu", "Status now"},
    {"result.timeline", "Forløb", "Timeline"},
    {"result.missing", "Du mangler", "You still need"},
    {"result.missing.none", "Du mangler ikke noget.", "Nothing is missing."},
    {"result.next", "Næste skridt", "Next step"},
    {"result.authority", "Ansvarlig myndighed", "Responsible authority"},
    {"result.selfservice", "Selvbetjening på borger.dk", "Self-service on borger.dk"},
    {"result.minlog", "Min log: hvem har kigget på min sag", "My log: who looked at my case"},
    {"result.minlog.intro",
     "Hver gang en medarbejder har åbnet din sag, står det her: hvornår, hvorfor og fra hvilken enhed.",
     "Every time staff opened your case it is listed here: when, why and from which unit."},
    {"result.minlog.none", "Ingen har åbnet sagen endnu.", "Nobody has opened the case yet."},
    {"result.minlog.when", "Tidspunkt", "Time"},
    {"result.minlog.why", "Formål", "Purpose"},
    {"result.minlog.who", "Enhed", "Unit"},
    {"result.again", "Se en anden sag", "See another case"},
    {"result.privacy",
     "Siden gemmer ikke din adgangskode. Luk fanen, når du er færdig, hvis andre bruger enheden.",
     "This page does not keep your access code. Close the tab when you are done if others use the device."},
    {"opened", "Oprettet", "Opened"},
    {"informed", "Oplyst", "Informed"},
    {"decided", "Afgjort", "Decided"},
    {"ordered", "Bestilt", "Ordered"},
    {"done", "Udført", "Done"},
    {"closed", "Lukket", "Closed"},
    {"referred", "Henvist", "Referred"},
    {"withdrawn", "Trukket tilbage", "Withdrawn"},
    {"next.opened", "Vi behandler din henvendelse. Har du noget, du mangler, så tag det med næste gang.",
     "We are handling your request. If something is missing, bring it next time."},
    {"next.informed", "Du har fået vejledning. Vi venter på, at sagen kan afgøres.",
     "You have been informed. We are waiting until the case can be decided."},
    {"next.decided", "Sagen er afgjort. Vi bestiller det, du skal have.",
     "The case is decided. We are ordering what you are to receive."},
    {"next.ordered", "Det er bestilt. Du får besked, når det er klar.",
     "It has been ordered. You will be told when it is ready."},
    {"next.done", "Sagen er færdig. Du behøver ikke gøre mere.",
     "The case is done. You need not do anything more."},
    {"next.closed", "Sagen er lukket.", "The case is closed."},
    {"next.referred", "Sagen er sendt videre til den ansvarlige myndighed, som kontakter dig.",
     "The case has been sent on to the responsible authority, which will contact you."},
    {"next.withdrawn", "Sagen er trukket tilbage.", "The case has been withdrawn."},
    {"purpose.case-page", "Sagen blev åbnet", "The case was opened"},
    {"purpose.find-citizen", "Søgning efter dine sager", "A search for your cases"},
    {"purpose.status-change", "Status blev ændret", "The status was changed"},
    {"purpose.case work", "Sagsbehandling", "Case work"},
    {"purpose.other", "Opslag i sagen", "A look at the case"},
    {"unit.center", "Borgerservice, centralt", "Citizen service, central office"},
};

std::string_view text(Language l, std::string_view key) {
    for (const auto& t : kTexts) {
        if (t.key == key) {
            return l == Language::Danish ? t.da : t.en;
        }
    }
    return key;
}

std::string escape(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    for (const char c : in) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

std::string t(Language l, std::string_view key) {
    return escape(text(l, key));
}

/** Danish civil time is what the citizen reads; the server prints UTC+1/+2 by the EU rule, so no time zone
 *  database is needed on the server. */
std::string danishTime(std::int64_t ms, bool withTime) {
    std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    // EU summer time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
    const auto lastSunday = [&](int month) {
        std::tm probe{};
        probe.tm_year = utc.tm_year;
        probe.tm_mon = month;
        probe.tm_mday = 31;
        probe.tm_hour = 1;
        const std::time_t at = timegm(&probe);
        std::tm back{};
        gmtime_r(&at, &back);
        return at - static_cast<std::time_t>(back.tm_wday) * 86400;
    };
    const bool summer = seconds >= lastSunday(2) && seconds < lastSunday(9);
    seconds += summer ? 7200 : 3600;
    std::tm local{};
    gmtime_r(&seconds, &local);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, withTime ? "%d.%m.%Y %H:%M" : "%d.%m.%Y", &local);
    return buffer;
}

std::string page(Language l, std::string_view title, std::string_view switchHref, const std::string& main,
                 bool withScript) {
    const bool da = l == Language::Danish;
    return std::string("<!DOCTYPE html>\n<html lang=\"") + (da ? "da" : "en") +
           "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\"><title>" +
           escape(title) +
           " – Borgerblikket</title><link rel=\"stylesheet\" "
           "href=\"/static/dkfds/css/dkfds.min.css\"><link rel=\"stylesheet\" "
           "href=\"/static/status.css\">" +
           (withScript ? "<script src=\"/static/status.js\" defer></script>" : "") +
           "</head><body><a class=\"skipnav\" href=\"#main-content\">" + t(l, "skip") +
           "</a><header class=\"header status-header\"><div class=\"container status-bar\"><p "
           "class=\"status-app\">" +
           t(l, "app") + "</p><a class=\"status-lang\" href=\"" + escape(switchHref) + "\" lang=\"" +
           (da ? "en" : "da") + "\">" + t(l, "switch") +
           "</a></div></header><main id=\"main-content\" class=\"container status-main\"><h1>" +
           escape(title) + "</h1>" + main + "</main></body></html>";
}

std::string alert(Language l, std::string_view kind, const std::string& body) {
    (void)l;
    return "<div class=\"alert alert-" + std::string(kind) +
           "\" role=\"alert\"><div class=\"alert-body\"><p class=\"alert-text\">" + body + "</p></div></div>";
}

std::string purposeText(Language l, std::string_view purpose) {
    for (std::string_view known : {"case-page", "find-citizen", "status-change", "case work"}) {
        if (purpose == known) {
            return t(l, "purpose." + std::string(purpose));
        }
    }
    return t(l, "purpose.other");
}

std::string unitText(Language l, std::string_view unit) {
    return unit == "center" ? t(l, "unit.center") : escape(unit);
}

} // namespace

Language statusLanguage(std::string_view langField, std::string_view acceptLanguage) {
    if (langField == "en") {
        return Language::English;
    }
    if (langField == "da") {
        return Language::Danish;
    }
    return acceptLanguage.starts_with("en") ? Language::English : Language::Danish;
}

std::string renderStatusForm(Language l, StatusFormNotice notice, std::int64_t retryAfterSeconds) {
    std::string main;
    switch (notice) {
    case StatusFormNotice::None:
        break;
    case StatusFormNotice::NotFound:
        main += alert(l, "error", t(l, "notice.notfound"));
        break;
    case StatusFormNotice::Malformed:
        main += alert(l, "error", t(l, "notice.malformed"));
        break;
    case StatusFormNotice::TooMany:
        main += alert(l, "warning",
                      t(l, "notice.toomany") + std::to_string(retryAfterSeconds) + t(l, "notice.seconds"));
        break;
    case StatusFormNotice::Unavailable:
        main += alert(l, "error", t(l, "notice.unavailable"));
        break;
    }
    const bool en = l == Language::English;
    main +=
        "<p>" + t(l, "form.intro") +
        "</p><form method=\"post\" action=\"/status\" class=\"status-form\" autocomplete=\"off\">" +
        (en ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "") +
        "<div class=\"form-group\"><label class=\"form-label\" for=\"reference\">" + t(l, "form.reference") +
        "</label><span class=\"form-hint\" id=\"reference-hint\">" + t(l, "form.reference.hint") +
        "</span><input class=\"form-input input-width-m\" id=\"reference\" name=\"reference\" type=\"text\" "
        "maxlength=\"24\" autocapitalize=\"characters\" spellcheck=\"false\" "
        "aria-describedby=\"reference-hint\" required></div>"
        "<div class=\"form-group\"><label class=\"form-label\" for=\"code\">" +
        t(l, "form.code") + "</label><span class=\"form-hint\" id=\"code-hint\">" + t(l, "form.code.hint") +
        "</span><input class=\"form-input input-width-l\" id=\"code\" name=\"code\" type=\"text\" "
        "maxlength=\"32\" autocapitalize=\"characters\" spellcheck=\"false\" aria-describedby=\"code-hint\" "
        "required></div><button class=\"button button-primary\" type=\"submit\">" +
        t(l, "form.submit") + "</button></form>";
    return page(l, text(l, "form.title"), en ? "/status" : "/status?lang=en", main, true);
}

std::string renderStatusResult(Language l, std::string_view reference, const core::CitizenView& view) {
    const auto* service = core::serviceCatalogue().find(view.service);
    const std::string title = service != nullptr ? std::string(service->name.in(l)) : view.service;
    const auto status = core::currentStatus(view);
    const std::string statusCode(core::toString(status));
    std::string main = "<dl class=\"status-facts\"><dt>" + t(l, "result.reference") + "</dt><dd>" +
                       escape(crypto::displayCitizenReference(reference)) + "</dd><dt>" +
                       t(l, "result.status") + "</dt><dd><strong>" + t(l, statusCode) + "</strong></dd>";
    if (service != nullptr) {
        main += "<dt>" + t(l, "result.authority") + "</dt><dd>" + escape(service->authority.in(l)) + "</dd>";
    }
    main += "</dl><h2>" + t(l, "result.next") + "</h2><p>" + t(l, "next." + statusCode) + "</p>";
    if (!core::isFinal(status)) {
        main += "<h2>" + t(l, "result.missing") + "</h2>";
        if (view.missingItems.empty()) {
            main += "<p>" + t(l, "result.missing.none") + "</p>";
        } else {
            main += "<ul class=\"status-missing\">";
            for (const auto item : view.missingItems) {
                std::string name = "#" + std::to_string(item);
                if (service != nullptr) {
                    for (const auto& c : service->checklist) {
                        if (c.id == item) {
                            name = escape(c.text.in(l));
                        }
                    }
                }
                main += "<li>" + name + "</li>";
            }
            main += "</ul>";
        }
    }
    main += "<h2>" + t(l, "result.timeline") + "</h2><ol class=\"status-timeline\">";
    for (const auto& step : view.timeline) {
        main += "<li><span class=\"status-step\">" + t(l, core::toString(step.status)) + "</span> <time>" +
                danishTime(step.atMs, false) + "</time></li>";
    }
    main += "</ol>";
    if (service != nullptr && !service->selfServiceUrl.empty()) {
        main += "<p><a href=\"" + escape(service->selfServiceUrl) + "\" rel=\"noreferrer noopener\">" +
                t(l, "result.selfservice") + "</a></p>";
    }
    main += "<h2>" + t(l, "result.minlog") + "</h2><p>" + t(l, "result.minlog.intro") + "</p>";
    if (view.lookups.empty()) {
        main += "<p>" + t(l, "result.minlog.none") + "</p>";
    } else {
        // The table may scroll sideways on a narrow phone: the region takes keyboard focus so it can be
        // scrolled without a pointer (axe: scrollable-region-focusable).
        main += "<div class=\"table-responsive-wrapper\" tabindex=\"0\" role=\"region\" aria-label=\"" +
                t(l, "result.minlog") +
                "\"><table class=\"table table--compact "
                "status-log\"><thead><tr><th "
                "scope=\"col\">" +
                t(l, "result.minlog.when") + "</th><th scope=\"col\">" + t(l, "result.minlog.why") +
                "</th><th scope=\"col\">" + t(l, "result.minlog.who") + "</th></tr></thead><tbody>";
        for (auto it = view.lookups.rbegin(); it != view.lookups.rend(); ++it) {
            main += "<tr><td>" + danishTime(it->atMs, true) + "</td><td>" + purposeText(l, it->purpose) +
                    "</td><td>" + unitText(l, it->unit) + "</td></tr>";
        }
        main += "</tbody></table></div>";
    }
    main += "<p class=\"status-privacy\">" + t(l, "result.privacy") + "</p><p><a href=\"" +
            std::string(l == Language::English ? "/status?lang=en" : "/status") + "\">" +
            t(l, "result.again") + "</a></p>";
    // The language switch of a result page goes back to the form: the view is not kept to redraw it.
    return page(l, title, l == Language::English ? "/status" : "/status?lang=en", main, false);
}

} // namespace fieldkit::hub
