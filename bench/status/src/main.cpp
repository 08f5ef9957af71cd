// The parts of one Borgerblikket look-up, timed on this machine: the Argon2id derivation the server pays per
// look-up (crypto/citizen_access.hpp has the arithmetic), the verifier comparison, opening and decoding the
// view, and drawing the page. status-benchmark.sh runs this and then the whole look-up over HTTPS.
#include <fieldkit/bench/samples.hpp>
#include <fieldkit/bench/table.hpp>
#include <fieldkit/core/citizen_view.hpp>
#include <fieldkit/crypto/citizen_access.hpp>
#include <fieldkit/crypto/password_hash.hpp>
#include <fieldkit/hub/status_pages.hpp>
#include <iostream>
#include <optional>
#include <string>

using namespace fieldkit;

int main(int argc, char** argv) {
    const bool smoke = argc > 1 && std::string(argv[1]) == "--smoke";
    const int rounds = smoke ? 5 : 300;
    const auto access = crypto::CitizenAccess::generate();
    core::CitizenView view;
    view.service = "passport";
    view.timeline = {{core::CaseStatus::Opened, 1'780'000'000'000},
                     {core::CaseStatus::Informed, 1'780'100'000'000}};
    view.missingItems = {2, 3, 6};
    for (int i = 0; i < 40; ++i) {
        view.lookups.push_back(
            {1'780'000'000'000 + i * 3'600'000LL, i % 2 ? "case-page" : "find-citizen", "bike-07"});
    }
    auto keys = crypto::deriveCitizenKeys(access.reference, access.code);
    if (!keys) {
        std::cerr << keys.error().message << '\n';
        return 1;
    }
    const auto plain = core::encodeCitizenView(view);
    const auto sealed = crypto::sealCitizenView(*keys, access.reference, crypto::asBytes(plain));

    bench::Samples derive;
    bench::Samples verify;
    bench::Samples open;
    bench::Samples render;
    std::size_t pageBytes = 0;
    for (int i = 0; i < rounds; ++i) {
        std::optional<crypto::CitizenKeys> derived;
        derive.add(bench::timed(
            [&] { derived = std::move(*crypto::deriveCitizenKeys(access.reference, access.code)); }));
        bool same = false;
        verify.add(
            bench::timed([&] { same = crypto::constantTimeEqual(derived->verifier, keys->verifier); }));
        if (!same) {
            return 1;
        }
        core::CitizenView opened;
        open.add(bench::timed([&] {
            opened = *core::decodeCitizenView(*crypto::openCitizenView(*derived, access.reference, sealed));
        }));
        std::string html;
        render.add(bench::timed(
            [&] { html = hub::renderStatusResult(core::Language::Danish, access.reference, opened); }));
        pageBytes = html.size();
    }
    bench::Table table({{"part of one look-up"},
                        {"p50", bench::Align::Right},
                        {"p99", bench::Align::Right},
                        {"per core, look-ups/s", bench::Align::Right}});
    const auto row = [&](const std::string& name, const bench::Samples& s) {
        table.addRow({name, bench::formatMs(s.percentileMs(50)), bench::formatMs(s.percentileMs(99)),
                      bench::fixed(1000.0 / std::max(1e-6, s.percentileMs(50)), 0)});
    };
    row("Argon2id derivation (opslimit 1, 1 MiB)", derive);
    row("verifier comparison (constant time)", verify);
    row("open + decode the view (40 look-ups in Min log)", open);
    row("draw the result page", render);
    table.print(std::cout);
    std::cout << "result page HTML: " << pageBytes << " bytes; sealed view: " << sealed.size() << " bytes\n";
    return table.complete() ? 0 : 1;
}
