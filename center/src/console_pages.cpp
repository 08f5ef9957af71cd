#include <ctime>
#include <fieldkit/center/console_pages.hpp>
#include <fieldkit/center/http_exchange.hpp>
#include <fieldkit/common/url_encoding.hpp>
#include <fieldkit/core/case_status.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/core/service_catalogue.hpp>

namespace fieldkit::center {
namespace {

std::string t(Language l, std::string_view key) {
    return escapeHtml(text(l, key));
}

std::string option(const std::string& value, const std::string& label, const std::string& selected) {
    return "<option value=\"" + escapeHtml(value) + "\"" + (value == selected ? " selected" : "") + ">" +
           escapeHtml(label) + "</option>";
}

std::string selectField(const std::string& id, const std::string& label, const std::string& options) {
    return "<div class=\"form-group console-filter\"><label class=\"form-label\" for=\"" + id + "\">" +
           label + "</label><select class=\"form-select\" id=\"" + id + "\" name=\"" + id + "\">" + options +
           "</select></div>";
}

std::string registerLabel(Language l, std::uint32_t fieldId) {
    switch (fieldId) {
    case 2:
        return t(l, "case.name");
    case 3:
        return t(l, "case.address");
    case 4:
        return t(l, "case.phone");
    case 9:
        return t(l, "case.referral");
    default:
        return escapeHtml(core::fieldInfo(core::FieldId{fieldId}).name);
    }
}

std::string versionsHtml(Language l, const std::vector<FieldVersion>& versions) {
    if (versions.size() == 1) {
        return escapeHtml(versions[0].value);
    }
    std::string out = "<span class=\"badge badge-warning\">" + t(l, "case.conflict") + "</span><ul>";
    for (const auto& v : versions) {
        out += "<li>" + escapeHtml(v.value) + "</li>";
    }
    return out + "</ul>";
}

std::string checklistText(Language l, const std::string& serviceCode, std::uint16_t item) {
    if (const auto* service = core::serviceCatalogue().find(serviceCode)) {
        for (const auto& c : service->checklist) {
            if (c.id == item) {
                return escapeHtml(c.text.in(l));
            }
        }
    }
    return "#" + std::to_string(item);
}

bool answeredYes(const std::string& value) {
    return !value.empty() && value != "0" && value != "false" && value != "no";
}

std::string withLang(Language l, std::string href) {
    if (l == Language::English) {
        href += (href.find('?') == std::string::npos ? "?" : "&") + std::string("lang=en");
    }
    return href;
}

std::string hiddenLang(Language l) {
    return l == Language::English ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "";
}

} // namespace

std::string escapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
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

std::string formatTime(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &tm);
    return buffer;
}

std::string langParam(Language language) {
    return language == Language::English ? "lang=en" : "";
}

std::string renderPage(const PageFrame& f, const std::string& main) {
    const auto l = f.language;
    std::string nav;
    if (!f.userName.empty()) {
        nav = "<nav aria-label=\"" + t(l, "app.name") +
              "\" class=\"console-nav\"><ul class=\"console-nav-list\">";
        if (f.showCaseWork) {
            nav += "<li><a href=\"" + withLang(l, "/inbox") + "\">" + t(l, "nav.inbox") + "</a></li>";
        }
        if (f.showAdmin) {
            nav += "<li><a href=\"" + withLang(l, "/fleet") + "\">" + t(l, "nav.fleet") + "</a></li>";
            nav += "<li><a href=\"" + withLang(l, "/admin/audit") + "\">" + t(l, "nav.audit") + "</a></li>";
        }
        nav +=
            "<li><span class=\"console-user\">" + escapeHtml(f.userName) +
            "</span></li><li><form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"csrf\" "
            "value=\"" +
            escapeHtml(f.csrfToken) + "\"><button class=\"button button-tertiary\" type=\"submit\">" +
            t(l, "nav.logout") + "</button></form></li></ul></nav>";
    }
    return "<!DOCTYPE html>\n<html lang=\"" + std::string(l == Language::Danish ? "da" : "en") +
           "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, "
           "initial-scale=1\"><title>" +
           escapeHtml(f.title) + " – " + t(l, "app.name") +
           "</title><link rel=\"stylesheet\" href=\"/static/dkfds/css/dkfds.min.css\"><link "
           "rel=\"stylesheet\" "
           "href=\"/static/console.css\"></head><body><a class=\"skipnav\" href=\"#main-content\">" +
           t(l, "skip") +
           "</a><header class=\"header\"><div class=\"container console-header\"><p "
           "class=\"console-title\">" +
           t(l, "app.name") + "</p>" + nav + "<a class=\"console-lang\" href=\"" +
           escapeHtml(f.languageSwitchHref) + "\" lang=\"" + (l == Language::Danish ? "en" : "da") + "\">" +
           t(l, "nav.language") + "</a></div></header><main id=\"main-content\" class=\"container\"><h1>" +
           escapeHtml(f.title) + "</h1>" + main + "</main></body></html>";
}

namespace {

/** DKFDS's error alert with the text of `errorKey`, or nothing when there is no error. */
std::string errorAlert(Language l, std::string_view errorKey) {
    if (errorKey.empty()) {
        return {};
    }
    return "<div class=\"alert alert-error\" role=\"alert\"><div class=\"alert-body\"><p "
           "class=\"alert-text\">" +
           t(l, errorKey) + "</p></div></div>";
}

} // namespace

std::string loginForm(Language l, const std::string& preToken, std::string_view errorKey) {
    return errorAlert(l, errorKey) +
           "<form method=\"post\" action=\"/login\" class=\"console-form\"><input type=\"hidden\" "
           "name=\"csrf\" value=\"" +
           escapeHtml(preToken) + "\">" + hiddenLang(l) +
           "<div class=\"form-group\"><label class=\"form-label\" for=\"name\">" + t(l, "login.name") +
           "</label><input class=\"form-input\" id=\"name\" name=\"name\" type=\"text\" "
           "autocomplete=\"username\" "
           "required></div><div class=\"form-group\"><label class=\"form-label\" for=\"password\">" +
           t(l, "login.password") +
           "</label><input class=\"form-input\" id=\"password\" name=\"password\" type=\"password\" "
           "autocomplete=\"current-password\" required></div><button class=\"button button-primary\" "
           "type=\"submit\">" +
           t(l, "login.submit") + "</button></form>";
}

std::string totpForm(Language l, const std::string& csrfToken, std::string_view errorKey) {
    return errorAlert(l, errorKey) +
           "<form method=\"post\" action=\"/login/totp\" class=\"console-form\"><input type=\"hidden\" "
           "name=\"csrf\" value=\"" +
           escapeHtml(csrfToken) + "\">" + hiddenLang(l) +
           "<div class=\"form-group\"><label class=\"form-label\" for=\"code\">" + t(l, "totp.code") +
           "</label><input class=\"form-input input-width-xs\" id=\"code\" name=\"code\" type=\"text\" "
           "inputmode=\"numeric\" autocomplete=\"one-time-code\" pattern=\"[0-9]{6}\" maxlength=\"6\" "
           "required></div><button class=\"button button-primary\" type=\"submit\">" +
           t(l, "totp.submit") + "</button></form>";
}

std::string inboxContent(Language l, const InboxFilters& f, const std::vector<std::string>& units,
                         const hub::InboxPage& page, int pageSize) {
    std::string unitOptions = option("", std::string(text(l, "inbox.any")), f.unit);
    for (const auto& u : units) {
        unitOptions += option(u, u, f.unit);
    }
    std::string serviceOptions = option("", std::string(text(l, "inbox.any")), f.service);
    for (const auto& s : core::serviceCatalogue().all()) {
        serviceOptions += option(std::string(s.code), std::string(s.name.in(l)), f.service);
    }
    std::string statusOptions = option("", std::string(text(l, "inbox.any")), f.status);
    for (auto s : core::kAllCaseStatuses) {
        const std::string code(core::toString(s));
        statusOptions += option(code, std::string(statusName(l, code)), f.status);
    }
    const std::string conflictOptions = option("", std::string(text(l, "inbox.any")), f.conflicted) +
                                        option("1", std::string(text(l, "inbox.yes")), f.conflicted) +
                                        option("0", std::string(text(l, "inbox.no")), f.conflicted);
    const std::string ageOptions = option("", std::string(text(l, "inbox.any")), f.age) +
                                   option("1", std::string(text(l, "inbox.age.1")), f.age) +
                                   option("7", std::string(text(l, "inbox.age.7")), f.age) +
                                   option("30", std::string(text(l, "inbox.age.30")), f.age);
    const std::string sortOptions = option("", std::string(text(l, "inbox.sort.newest")), f.sort) +
                                    option("oldest", std::string(text(l, "inbox.sort.oldest")), f.sort) +
                                    option("unit", std::string(text(l, "inbox.unit")), f.sort) +
                                    option("service", std::string(text(l, "inbox.service")), f.sort) +
                                    option("status", std::string(text(l, "inbox.status")), f.sort);
    std::string out = "<form method=\"get\" action=\"/inbox\" class=\"console-filters\">" + hiddenLang(l) +
                      selectField("unit", t(l, "inbox.unit"), unitOptions) +
                      selectField("service", t(l, "inbox.service"), serviceOptions) +
                      selectField("status", t(l, "inbox.status"), statusOptions) +
                      selectField("conflicted", t(l, "inbox.conflicted"), conflictOptions) +
                      selectField("age", t(l, "inbox.age"), ageOptions) +
                      selectField("sort", t(l, "inbox.sort"), sortOptions) +
                      "<button class=\"button button-secondary\" type=\"submit\">" + t(l, "inbox.filter") +
                      "</button></form>";
    out += "<p class=\"console-count\">" + std::to_string(page.total) + " " + t(l, "inbox.count") + "</p>";
    if (page.cases.empty()) {
        return out + "<p>" + t(l, "inbox.empty") + "</p>";
    }
    // Column headers sort by that column (links keep the filters).
    auto query = [&](const std::string& sort, int pageNo) {
        std::string q =
            "/inbox?unit=" + common::urlEncode(f.unit) + "&service=" + common::urlEncode(f.service) +
            "&status=" + common::urlEncode(f.status) + "&conflicted=" + common::urlEncode(f.conflicted) +
            "&age=" + common::urlEncode(f.age) + "&sort=" + common::urlEncode(sort) +
            "&page=" + std::to_string(pageNo);
        return escapeHtml(withLang(l, q));
    };
    auto header = [&](const std::string& sort, std::string_view key) {
        const bool active = f.sort == sort;
        return "<th scope=\"col\"" + std::string(active ? " aria-sort=\"ascending\"" : "") + "><a href=\"" +
               query(sort, 1) + "\">" + t(l, key) + "</a></th>";
    };
    out += "<div class=\"table--responsive-scroll\"><table class=\"table table--zebra\"><caption "
           "class=\"sr-only\">" +
           t(l, "inbox.title") + "</caption><thead><tr>" +
           header(f.sort == "oldest" ? "" : "oldest", "inbox.created") + header("unit", "inbox.unit") +
           header("service", "inbox.service") + header("status", "inbox.status") + "<th scope=\"col\">" +
           t(l, "inbox.channel") + "</th><th scope=\"col\">" + t(l, "inbox.conflicted") +
           "</th><th scope=\"col\">" + t(l, "inbox.case") + "</th></tr></thead><tbody>";
    for (const auto& c : page.cases) {
        const auto hex = crypto::toHex(c.caseId);
        out += "<tr><td>" + escapeHtml(formatTime(caseCreatedMs(c.caseId))) + "</td><td>" +
               escapeHtml(c.unit) + "</td><td>" + escapeHtml(serviceName(l, c.service)) + "</td><td>" +
               escapeHtml(statusName(l, c.status)) + "</td><td>" + escapeHtml(c.channel) + "</td><td>" +
               (c.conflicted ? "<span class=\"badge badge-warning\">" + t(l, "inbox.yes") + "</span>"
                             : t(l, "inbox.no")) +
               "</td><td><a href=\"" + escapeHtml(withLang(l, "/case/" + hex)) +
               "\" class=\"console-case-link\">" + t(l, "inbox.open") + "<span class=\"sr-only\"> " +
               hex.substr(0, 8) + "</span></a></td></tr>";
    }
    out += "</tbody></table></div>";
    const int pages = static_cast<int>((page.total + pageSize - 1) / pageSize);
    if (pages > 1) {
        out += "<nav class=\"console-pages\" aria-label=\"" + t(l, "inbox.page") + "\"><p>" +
               t(l, "inbox.page") + " " + std::to_string(f.page) + " / " + std::to_string(pages) + "</p>";
        if (f.page > 1) {
            out += "<a class=\"button button-secondary\" href=\"" + query(f.sort, f.page - 1) + "\">" +
                   t(l, "inbox.previous") + "</a> ";
        }
        if (f.page < pages) {
            out += "<a class=\"button button-secondary\" href=\"" + query(f.sort, f.page + 1) + "\">" +
                   t(l, "inbox.next") + "</a>";
        }
        out += "</nav>";
    }
    return out;
}

std::string caseContent(Language l, const CaseView& v, bool cprRevealed, const std::string& csrfToken,
                        const std::vector<hub::CenterAuditEntry>& audit) {
    std::string out = "<h2>" + t(l, "case.meta") + "</h2><dl class=\"console-meta\"><dt>" +
                      t(l, "inbox.service") + "</dt><dd class=\"console-service\">" +
                      escapeHtml(serviceName(l, v.meta.service)) + "</dd><dt>" + t(l, "inbox.status") +
                      "</dt><dd class=\"console-status\">" + escapeHtml(statusName(l, v.meta.status)) +
                      "</dd><dt>" + t(l, "inbox.unit") + "</dt><dd>" + escapeHtml(v.meta.unit) + "</dd><dt>" +
                      t(l, "inbox.channel") + "</dt><dd>" + escapeHtml(v.meta.channel) + "</dd><dt>" +
                      t(l, "inbox.created") + "</dt><dd>" + escapeHtml(formatTime(v.createdMs)) +
                      "</dd></dl>";
    if (auto from = core::caseStatusFromString(v.meta.status)) {
        const auto next = core::allowedNextStatuses(*from);
        if (!next.empty()) {
            std::string options;
            for (auto s : next) {
                const std::string code(core::toString(s));
                options += option(code, std::string(statusName(l, code)), "");
            }
            out += "<form method=\"post\" action=\"/case/" + v.caseHex +
                   "/status\" class=\"console-filters\"><input type=\"hidden\" name=\"csrf\" value=\"" +
                   escapeHtml(csrfToken) + "\">" + hiddenLang(l) +
                   selectField("status", t(l, "case.status.new"), options) +
                   "<button class=\"button button-secondary\" type=\"submit\">" + t(l, "case.status.change") +
                   "</button></form>";
        }
    }
    if (v.meta.conflicted) {
        out += "<div class=\"alert alert-warning\" role=\"status\"><div class=\"alert-body\"><p "
               "class=\"alert-text\">" +
               t(l, "case.conflict") + "</p></div></div>";
    }
    out += "<h2>" + t(l, "case.values") + "</h2><table class=\"table console-values\"><tbody>";
    out += "<tr><th scope=\"row\">" + t(l, "case.cpr") + "</th><td class=\"console-cpr\">";
    if (v.cpr.empty()) {
        out += t(l, "case.none");
    } else {
        for (const auto& version : v.cpr) {
            out += escapeHtml(cprRevealed ? version.value : maskedCpr(version.value)) + " ";
        }
        if (!cprRevealed) {
            out += "<form method=\"post\" action=\"/case/" + v.caseHex +
                   "/reveal\" class=\"console-inline-form\"><input type=\"hidden\" name=\"csrf\" value=\"" +
                   escapeHtml(csrfToken) + "\">" + hiddenLang(l) +
                   "<button class=\"button button-secondary\" type=\"submit\">" + t(l, "case.reveal") +
                   "</button></form>";
        }
    }
    out += "</td></tr>";
    for (const auto& [fieldId, versions] : v.registers) {
        if (fieldId == core::fields::kLifeSituation.value ||
            core::lifeSituationStepOf(core::FieldId{fieldId})) {
            continue;
        }
        out += "<tr><th scope=\"row\">" + registerLabel(l, fieldId) + "</th><td>" +
               versionsHtml(l, versions) + "</td></tr>";
    }
    out += "</tbody></table>";
    out += "<h2>" + t(l, "case.checklist") + "</h2>";
    if (v.checklist.empty()) {
        out += "<p>" + t(l, "case.none") + "</p>";
    } else {
        out += "<ul class=\"console-checklist\">";
        for (const auto& [item, versions] : v.checklist) {
            const bool yes = !versions.empty() && answeredYes(versions.front().value);
            out += "<li>" + checklistText(l, v.meta.service, item) + ": " +
                   t(l, yes ? "case.done" : "case.notdone") + "</li>";
        }
        out += "</ul>";
    }
    out += "<h2>" + t(l, "case.notes") + "</h2>";
    if (v.notes.empty()) {
        out += "<p>" + t(l, "case.none") + "</p>";
    } else {
        out += "<ul>";
        for (const auto& n : v.notes) {
            out += "<li>" + escapeHtml(n.value) + "</li>";
        }
        out += "</ul>";
    }
    out += "<h2>" + t(l, "case.timeline") +
           "</h2><table class=\"table table--compact\"><thead><tr><th "
           "scope=\"col\">#</th><th scope=\"col\">" +
           t(l, "case.operation") + "</th><th scope=\"col\">" + t(l, "case.device") +
           "</th><th scope=\"col\">" + t(l, "case.staff") + "</th><th scope=\"col\">" + t(l, "case.fields") +
           "</th></tr></thead><tbody>";
    for (const auto& e : v.timeline) {
        std::string fields;
        for (auto id : e.fieldIds) {
            fields += (fields.empty() ? "" : ", ") + std::string(core::fieldInfo(core::FieldId{id}).name);
        }
        out += "<tr><td>" + std::to_string(e.serverSeq) + "</td><td>" + escapeHtml(e.kind) + "</td><td>" +
               escapeHtml(e.deviceId.substr(0, 12)) + "</td><td>" + escapeHtml(e.staff) + "</td><td>" +
               escapeHtml(fields) + "</td></tr>";
    }
    out += "</tbody></table><h2>" + t(l, "case.attachments") + "</h2>";
    if (v.attachments.empty()) {
        out += "<p>" + t(l, "case.none") + "</p>";
    } else {
        out += "<table class=\"table table--compact\"><thead><tr><th scope=\"col\">" +
               t(l, "case.attachments") + "</th><th scope=\"col\">" + t(l, "case.size") +
               "</th><th scope=\"col\">" + t(l, "case.complete") + "</th></tr></thead><tbody>";
        for (const auto& a : v.attachments) {
            out += "<tr><td>" + crypto::toHex(a.attachmentId).substr(0, 12) + "</td><td>" +
                   std::to_string(a.size) + "</td><td>" + t(l, a.complete() ? "inbox.yes" : "inbox.no") +
                   "</td></tr>";
        }
        out += "</tbody></table>";
    }
    out += "<h2>" + t(l, "case.audit") +
           "</h2><table class=\"table table--compact console-audit\"><thead><tr><th "
           "scope=\"col\">" +
           t(l, "case.when") + "</th><th scope=\"col\">" + t(l, "case.who") + "</th><th scope=\"col\">" +
           t(l, "case.what") + "</th><th scope=\"col\">" + t(l, "case.purpose") + "</th></tr></thead><tbody>";
    for (const auto& a : audit) {
        out += "<tr><td>" + escapeHtml(formatTime(a.atMs)) + "</td><td>" + escapeHtml(a.user) + "</td><td>" +
               t(l, "action." + a.action) + "</td><td>" + t(l, "purpose." + a.purpose) + "</td></tr>";
    }
    return out + "</tbody></table>";
}

std::string auditContent(Language l, const std::vector<hub::CenterAuditEntry>& entries, bool chainIntact) {
    std::string out = std::string("<div class=\"alert ") + (chainIntact ? "alert-success" : "alert-error") +
                      "\" role=\"status\"><div class=\"alert-body\"><p class=\"alert-text\">" +
                      t(l, chainIntact ? "audit.chain.ok" : "audit.chain.broken") + "</p></div></div>";
    out += "<table class=\"table table--compact\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">" +
           t(l, "case.when") + "</th><th scope=\"col\">" + t(l, "case.who") + "</th><th scope=\"col\">" +
           t(l, "case.what") + "</th><th scope=\"col\">" + t(l, "inbox.case") + "</th></tr></thead><tbody>";
    for (const auto& e : entries) {
        out += "<tr><td>" + std::to_string(e.seq) + "</td><td>" + escapeHtml(formatTime(e.atMs)) +
               "</td><td>" + escapeHtml(e.user) + "</td><td>" + escapeHtml(e.action) + "</td><td>" +
               escapeHtml(e.caseId.substr(0, 12)) + "</td></tr>";
    }
    return out + "</tbody></table>";
}

std::string errorContent(Language l, std::string_view messageKey) {
    return "<div class=\"alert alert-error\" role=\"alert\"><div class=\"alert-body\"><p "
           "class=\"alert-text\">" +
           t(l, messageKey) + "</p></div></div>";
}

} // namespace fieldkit::center
