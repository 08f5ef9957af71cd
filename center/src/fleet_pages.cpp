#include <fieldkit/center/console_pages.hpp>
#include <fieldkit/center/fleet_pages.hpp>

namespace fieldkit::center {
namespace {

std::string t(Language l, std::string_view key) {
    return escapeHtml(text(l, key));
}

std::string withLang(Language l, std::string href) {
    if (l == Language::English) {
        href += (href.find('?') == std::string::npos ? "?" : "&") + std::string("lang=en");
    }
    return href;
}

std::string hiddenFields(Language l, const std::string& csrfToken) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + escapeHtml(csrfToken) + "\">" +
           (l == Language::English ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "");
}

std::string shortId(const std::string& deviceId) {
    return deviceId.substr(0, 8);
}

std::string lastContact(Language l, std::int64_t ms) {
    return ms == 0 ? t(l, "fleet.never") : escapeHtml(formatTime(ms));
}

std::string deviceRow(Language l, const hub::FleetDevice& d) {
    const auto state = deviceState(d);
    const std::string id = escapeHtml(d.deviceId);
    std::string actions;
    if (mayRevoke(state)) {
        actions += "<a href=\"" + withLang(l, "/fleet/device/" + id + "/revoke") + "\">" +
                   t(l, "fleet.revoke") + "<span class=\"sr-only\"> " + escapeHtml(shortId(d.deviceId)) +
                   "</span></a> ";
    }
    if (mayOrderWipe(state)) {
        actions += "<a href=\"" + withLang(l, "/fleet/device/" + id + "/wipe") + "\">" + t(l, "fleet.wipe") +
                   "<span class=\"sr-only\"> " + escapeHtml(shortId(d.deviceId)) + "</span></a>";
    }
    return "<tr data-device=\"" + id + "\"><td><code title=\"" + id + "\">" +
           escapeHtml(shortId(d.deviceId)) + "</code></td><td>" + escapeHtml(d.unit) + "</td><td>" +
           lastContact(l, d.lastSeenMs) + "</td><td>" + std::to_string(d.lastAppliedDeviceSeq) + "</td><td>" +
           std::to_string(d.attachmentChunksMissing) + "</td><td class=\"console-state\" data-state=\"" +
           std::string(toString(state)) + "\">" + t(l, "fleet.state." + std::string(toString(state))) +
           "</td><td>" + actions + "</td></tr>";
}

} // namespace

std::string fleetContent(Language l, const std::vector<std::string>& units,
                         const std::vector<hub::FleetDevice>& devices, const std::string& csrfToken,
                         std::string_view noticeKey) {
    std::string out;
    if (!noticeKey.empty()) {
        out += "<div class=\"alert alert-success\" role=\"status\"><div class=\"alert-body\"><p "
               "class=\"alert-text\">" +
               t(l, noticeKey) + "</p></div></div>";
    }
    out += "<h2>" + t(l, "fleet.enrol.title") + "</h2>";
    if (units.empty()) {
        out += "<p>" + t(l, "fleet.nounits") + "</p>";
    } else {
        std::string unitOptions;
        for (const auto& u : units) {
            unitOptions += "<option value=\"" + escapeHtml(u) + "\">" + escapeHtml(u) + "</option>";
        }
        out += "<form method=\"post\" action=\"/fleet/enrol\" class=\"console-filters\">" +
               hiddenFields(l, csrfToken) +
               "<div class=\"form-group console-filter\"><label class=\"form-label\" for=\"unit\">" +
               t(l, "inbox.unit") + "</label><select class=\"form-select\" id=\"unit\" name=\"unit\">" +
               unitOptions +
               "</select></div><div class=\"form-group console-filter\"><label class=\"form-label\" "
               "for=\"valid\">" +
               t(l, "fleet.enrol.valid") +
               "</label><select class=\"form-select\" id=\"valid\" name=\"valid\">" +
               "<option value=\"3600\">" + t(l, "fleet.enrol.hour") +
               "</option><option value=\"86400\" "
               "selected>" +
               t(l, "fleet.enrol.day") + "</option><option value=\"604800\">" + t(l, "fleet.enrol.week") +
               "</option></select></div><button class=\"button button-primary\" type=\"submit\">" +
               t(l, "fleet.enrol.create") + "</button></form>";
    }
    out += "<h2>" + t(l, "fleet.devices") + "</h2>";
    if (devices.empty()) {
        return out + "<p>" + t(l, "fleet.nodevices") + "</p>";
    }
    out += "<table class=\"table table--compact console-fleet\"><thead><tr><th scope=\"col\">" +
           t(l, "fleet.device") + "</th><th scope=\"col\">" + t(l, "inbox.unit") + "</th><th scope=\"col\">" +
           t(l, "fleet.lastcontact") + "</th><th scope=\"col\">" + t(l, "fleet.operations") +
           "</th><th scope=\"col\">" + t(l, "fleet.backlog") + "</th><th scope=\"col\">" +
           t(l, "fleet.state") + "</th><th scope=\"col\">" + t(l, "fleet.actions") +
           "</th></tr></thead><tbody>";
    for (const auto& d : devices) {
        out += deviceRow(l, d);
    }
    return out + "</tbody></table><p class=\"form-hint\">" + t(l, "fleet.unknown") + "</p>";
}

std::string enrolmentCodeContent(Language l, const EnrolmentInvite& invite, const std::string& hubAddress,
                                 const std::string& qr) {
    std::string out = "<div class=\"alert alert-info\" role=\"status\"><div class=\"alert-body\"><p "
                      "class=\"alert-text\">" +
                      t(l, "fleet.code.once") + "</p></div></div><dl class=\"console-meta\"><dt>" +
                      t(l, "inbox.unit") + "</dt><dd>" + escapeHtml(invite.unit) + "</dd><dt>" +
                      t(l, "fleet.code.text") +
                      "</dt><dd><code class=\"console-code\" id=\"enrolment-code\">" +
                      escapeHtml(invite.code) + "</code></dd><dt>" + t(l, "fleet.code.expires") +
                      "</dt><dd>" + escapeHtml(formatTime(invite.expiresMs)) + "</dd>";
    if (!hubAddress.empty()) {
        out += "<dt>" + t(l, "fleet.code.hub") + "</dt><dd><code id=\"enrolment-hub\">" +
               escapeHtml(hubAddress) + "</code></dd>";
    }
    out += "</dl>";
    if (!qr.empty()) {
        out += "<h2>" + t(l, "fleet.code.qr") + "</h2><figure class=\"console-qr-figure\">" + qr +
               "<figcaption>" + t(l, "fleet.code.qrhint") + "</figcaption></figure>";
    } else {
        out += "<p>" + t(l, "fleet.code.nohub") + "</p>";
    }
    return out + "<p><a href=\"" + withLang(l, "/fleet") + "\">" + t(l, "fleet.back") + "</a></p>";
}

std::string confirmContent(Language l, const hub::FleetDevice& d, bool wipe, const std::string& csrfToken) {
    const std::string id = escapeHtml(d.deviceId);
    return "<dl class=\"console-meta\"><dt>" + t(l, "fleet.device") + "</dt><dd><code>" + id +
           "</code></dd><dt>" + t(l, "inbox.unit") + "</dt><dd>" + escapeHtml(d.unit) + "</dd><dt>" +
           t(l, "fleet.lastcontact") + "</dt><dd>" + lastContact(l, d.lastSeenMs) +
           "</dd></dl><div class=\"alert alert-warning\"><div class=\"alert-body\"><p class=\"alert-text\">" +
           t(l, wipe ? "fleet.wipe.explain" : "fleet.revoke.explain") +
           "</p></div></div><form method=\"post\" action=\"/fleet/device/" + id +
           (wipe ? "/wipe" : "/revoke") + "\">" + hiddenFields(l, csrfToken) +
           "<button class=\"button button-primary\" type=\"submit\">" +
           t(l, wipe ? "fleet.wipe.confirm" : "fleet.revoke.confirm") +
           "</button> <a class=\"button "
           "button-secondary\" href=\"" +
           withLang(l, "/fleet") + "\">" + t(l, "fleet.cancel") + "</a></form>";
}

} // namespace fieldkit::center
