// fieldkit-bench-center: fills a SQLite center store with generated cases (each a real sealed operation with
// its record key sealed to the center key) and times the console's inbox first page and case page, with the
// inbox's page weight, against the targets of issue 17. Usage: fieldkit-bench-center [--cases N] [--quick]
#include <exception>
#include <fieldkit/bench/samples.hpp>
#include <fieldkit/bench/table.hpp>
#include <fieldkit/center/case_view.hpp>
#include <fieldkit/center/console_pages.hpp>
#include <fieldkit/common/command_line.hpp>
#include <fieldkit/crypto/field_values.hpp>
#include <fieldkit/crypto/key_sealer.hpp>
#include <fieldkit/crypto/operation_aad.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <fieldkit/crypto/record_key.hpp>
#include <fieldkit/hub/center_store.hpp>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>

using namespace fieldkit;

namespace {

std::string caseIdAt(std::int64_t ms, std::mt19937_64& rng) {
    std::string id(16, '\0');
    for (int i = 0; i < 6; ++i) {
        id[static_cast<std::size_t>(5 - i)] = static_cast<char>((ms >> (8 * i)) & 0xff);
    }
    for (std::size_t i = 6; i < 16; ++i) {
        id[i] = static_cast<char>(rng() & 0xff);
    }
    return id;
}

} // namespace

static int runProgram(int argc, char** argv) {
    int cases = 10000;
    int repeats = 50;
    bool quick = false;
    common::CommandLine commandLine("fieldkit-bench-center",
                                    "Times the console's inbox first page and case page on a SQLite center "
                                    "store filled with generated cases.");
    CLI::App& app = commandLine.app();
    CLI::Option* casesOption = app.add_option("--cases", cases, "Cases in the store")
                                   ->check(common::wholeNumber(1, 10000000))
                                   ->capture_default_str();
    app.add_flag("--quick", quick, "1000 cases and fewer repeats")->excludes(casesOption);
    if (auto status = commandLine.parse(argc, argv, std::cout, std::cerr)) {
        return *status;
    }
    if (quick) {
        cases = 1000;
        repeats = 10;
    }
    const auto dir =
        std::filesystem::temp_directory_path() / ("fieldkit-bench-center-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto store = hub::openSqliteCenterStore(dir / "center.db", true);
    if (!store) {
        std::cerr << "fieldkit-bench-center: " << store.error().message << '\n';
        return 1;
    }
    auto& s = **store;
    const auto centerKey = crypto::BoxKeyPair::generate();
    const auto unitKey = crypto::BoxKeyPair::generate();
    const auto& unitPublic = unitKey.publicKey().bytes;
    (void)s.units().addUnit(hub::UnitRecord{"bike-07",
                                            std::vector<std::uint8_t>(unitPublic.begin(), unitPublic.end()),
                                            std::vector<std::uint8_t>{1}});
    (void)s.devices().registerDevice("bench-device", "bike-07");
    const crypto::KeySealer toCenter(centerKey.publicKey());
    std::mt19937_64 rng(17);
    const char* services[] = {"passport", "moving", "health-card", "mitid", "digital-post"};
    std::int64_t ms = 1'790'000'000'000;
    std::string lastId;
    constexpr int kBatch = 500;
    for (int done = 0; done < cases;) {
        std::vector<protocol::Operation> ops;
        for (int i = 0; i < kBatch && done < cases; ++i, ++done) {
            ms += 60'000;
            const auto id = caseIdAt(ms, rng);
            const std::vector<std::uint8_t> idBytes(id.begin(), id.end());
            const auto key = crypto::RecordKey::generate();
            protocol::Operation op;
            op.set_case_id(id);
            op.set_device_id("bench-device");
            op.set_device_seq(static_cast<std::uint64_t>(done + 1));
            op.set_kind("set");
            op.set_meta(std::string("service=") + services[done % 5] + ";status=opened;channel=bike");
            const std::vector<std::uint32_t> fields = {1, 2, 3};
            for (auto f : fields) {
                auto* ref = op.add_fields();
                ref->set_field_id(f);
                ref->set_base_seq(0);
            }
            const auto aad =
                crypto::operationAad(std::span<const std::uint8_t, 16>(idBytes.data(), 16),
                                     std::string_view("bench-device"), op.device_seq(), fields, 1);
            const auto plain = crypto::encodeFieldValues({{1, "0707614285"},
                                                          {2, "Citizen " + std::to_string(done)},
                                                          {3, "Nørregade " + std::to_string(done)}});
            const auto sealed = crypto::sealOperation(key, aad, plain);
            op.set_ciphertext(std::string(sealed.begin(), sealed.end()));
            const auto kc = toCenter.sealRecordKey(key, idBytes);
            op.set_sealed_key_center(std::string(kc.begin(), kc.end()));
            op.set_sealed_key_unit("u");
            ops.push_back(std::move(op));
            lastId = id;
        }
        auto applied = s.operations().applyBatch(*s.devices().device("bench-device"), ops);
        if (!applied) {
            std::cerr << "fieldkit-bench-center: " << applied.error().message << '\n';
            return 1;
        }
    }
    bench::Samples inbox, casePage;
    std::size_t inboxBytes = 0;
    const auto units = *s.units().units();
    for (int i = 0; i < repeats; ++i) {
        inbox.add(bench::timed([&] {
            hub::InboxQuery q;
            auto page = s.operations().inbox(q);
            inboxBytes = center::inboxContent(center::Language::Danish, {}, units, *page, 25).size();
        }));
        casePage.add(bench::timed([&] {
            auto view =
                center::openCaseView(s, centerKey, std::vector<std::uint8_t>(lastId.begin(), lastId.end()));
            (void)center::caseContent(center::Language::Danish, *view, false, "x", {});
        }));
    }
    bench::Table table({{"workload"},
                        {"p50", bench::Align::Right},
                        {"p95", bench::Align::Right},
                        {"target", bench::Align::Left}});
    table.addRow({"inbox first page (" + std::to_string(cases) + " cases)",
                  bench::formatMs(inbox.percentileMs(50)), bench::formatMs(inbox.percentileMs(95)),
                  "<= 100 ms at 100,000 cases"});
    table.addRow({"case page incl. decryption", bench::formatMs(casePage.percentileMs(50)),
                  bench::formatMs(casePage.percentileMs(95)), "<= 150 ms"});
    table.addRow(
        {"inbox page weight (HTML, no CSS)", std::to_string(inboxBytes / 1024) + " KB", "-", "<= 250 KB"});
    table.print(std::cout);
    std::cout
        << "(server time of the console's own code on SQLite; TLS, statistics and 1,000,000 contacts are not "
           "measured yet)\n";
    store->reset();
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    return 0;
}

int main(int argc, char** argv) {
    // No exception may end the program with an abort (134): one line and exit 1 instead.
    try {
        return runProgram(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "fieldkit-bench-center: stopped by an unexpected error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "fieldkit-bench-center: stopped by an unexpected error\n";
    }
    return 1;
}
