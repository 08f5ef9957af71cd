#include "store_benchmark.hpp"

#include "case_source.hpp"
#include "crypto_parts.hpp"
#include "plain_store.hpp"
#include "sqlite_timer.hpp"

#include <algorithm>
#include <array>
#include <fcntl.h>
#include <fieldkit/bench/samples.hpp>
#include <fieldkit/bench/table.hpp>
#include <fieldkit/casegen/split_mix64.hpp>
#include <fieldkit/crypto/key_slot.hpp>
#include <fieldkit/crypto/operation_seal.hpp>
#include <fieldkit/crypto/random_source.hpp>
#include <fieldkit/store/device_store.hpp>
#include <fieldkit/store/session.hpp>
#include <fstream>
#include <optional>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <thread>
#include <time.h>
#include <unistd.h>

namespace fieldkit::bench {
namespace {

constexpr const char* kStaff = "bench";
constexpr const char* kPin = "4711-bench";
constexpr const char* kUnit = "bike-07";
constexpr std::uint64_t kFloorOpslimit = 3; // planOpslimit never goes below 3 passes

/** CPU time this thread has used (user + system): what a wall-clock figure spent on CPU rather than waiting.
 */
std::chrono::nanoseconds threadCpuTime() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return std::chrono::seconds(ts.tv_sec) + std::chrono::nanoseconds(ts.tv_nsec);
}

/** Bytes this process has passed to write() so far (/proc/self/io "wchar"): WAL frames and checkpoint copies.
 */
std::uint64_t bytesWritten() {
    std::ifstream in("/proc/self/io");
    std::string key;
    std::uint64_t value = 0;
    while (in >> key >> value) {
        if (key == "wchar:") {
            return value;
        }
    }
    return 0;
}

/** Pages this connection has written to its WAL so far (SQLITE_DBSTATUS_CACHE_WRITE): the frames a commit
 *  appends and then waits for the fsync of. */
std::int64_t walPagesWritten(sqlite3* db) {
    int current = 0;
    int highwater = 0;
    (void)sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &current, &highwater, 0);
    return current;
}

/** p50 of writing 4 KiB and fsyncing it in `dir`: the floor under every durable save on this disk. */
double fsyncLatencyMs(const std::filesystem::path& dir, int samples) {
    const auto path = dir / ("fieldkit-bench-fsync-" + std::to_string(getpid()));
    const int fd = open(path.c_str(), O_CREAT | O_WRONLY | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        return 0.0;
    }
    const std::vector<char> page(4096, 'x');
    Samples s;
    for (int i = 0; i < samples; ++i) {
        s.add(timed([&] {
            if (pwrite(fd, page.data(), page.size(), 0) < 0 || fsync(fd) != 0) {
                throw std::runtime_error("write+fsync failed in " + dir.string());
            }
        }));
    }
    close(fd);
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return s.percentileMs(50);
}

/** A workload step failed: the benchmark stops, since its numbers would mean nothing. */
[[noreturn]] void fail(const std::string& what, const Error& error) {
    throw std::runtime_error(what + ": " + error.message + " (" + error.code + ")");
}

void require(const Status& status, const std::string& what) {
    if (!status) {
        fail(what, status.error());
    }
}

template <typename T>
T require(Result<T> result, const std::string& what) {
    if (!result) {
        fail(what, result.error());
    }
    return std::move(result).value();
}

/** A fresh directory for one dataset's two stores, removed afterwards. */
class TempDir {
public:
    explicit TempDir(const std::filesystem::path& parent) {
        std::array<std::uint8_t, 6> raw{};
        crypto::systemRandom().fill(raw);
        std::string name = "fieldkit-bench-";
        for (const auto b : raw) {
            name += "0123456789abcdef"[b >> 4];
            name += "0123456789abcdef"[b & 0xf];
        }
        m_path = parent / name;
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

/** What one dataset size measured. */
struct DatasetResult {
    int size = 0;
    double fieldkitCreateSeconds = 0; // building the dataset, batches of plan.batchSize
    double plainCreateSeconds = 0;
    double fieldkitCreateCpuSeconds = 0; // of fieldkitCreateSeconds, on CPU
    double fieldkitBytesPerCase = 0;     // written while building the dataset
    double plainBytesPerCase = 0;
    Samples fieldkitSave;
    Samples plainSave;
    // WAL pages (frames) per durable single save, mean over the samples: each is written, then synced.
    double fieldkitSavePages = 0;
    double plainSavePages = 0;
    Samples fieldkitPage;
    Samples plainPage;
    Samples fieldkitCpr;
    Samples plainCpr;      // with an access-log row, as fieldkit writes its audit entry
    Samples plainCprBare;  // the look-up alone: what the audit entry costs on top
    double cprAuditMs = 0; // mean time of the audit-log write inside one fieldkit CPR look-up
    // Where the encrypted batched create spends its time, per case.
    double sqlStatementsUs = 0;
    double sqlTransactionsUs = 0;
    double sqlPrepareUs = 0;
    double preparesPerCase = 0;
};

struct UnlockResult {
    std::string label;
    crypto::KdfParams params;
    Samples samples;
};

std::string thousands(int n) {
    return n % 1000 == 0 ? std::to_string(n / 1000) + "k" : std::to_string(n);
}

std::string kdfLabel(const crypto::KdfParams& p) {
    return "t=" + std::to_string(p.opslimit) + ", " + std::to_string(p.memlimit >> 20) + " MiB";
}

/** A durable batch through the store's batch API: every case of the batch in one transaction (one fsync). */
void createBatch(store::DeviceStore& /*fieldkit*/, store::Session& session,
                 std::span<const store::NewCase> batch) {
    (void)require(session.createCases(std::vector<store::NewCase>(batch.begin(), batch.end())),
                  "creating a batch");
}

DatasetResult runDataset(const StorePlan& plan, int size, std::ostream& log) {
    DatasetResult r;
    r.size = size;
    const TempDir dir(plan.workDir);
    log << "dataset " << thousands(size) << " in " << dir.path().string() << '\n' << std::flush;

    // Dataset stores use the floor key slot: their unlock is not what is measured here.
    const store::StoreInit init{
        kStaff, kPin, crypto::KdfParams::withCosts(kFloorOpslimit, crypto::kMinSlotMemlimit), kUnit, true};
    auto fieldkit =
        require(store::DeviceStore::create(dir.path() / "fieldkit.db", init), "creating the store");
    auto session = require(fieldkit->unlock(kStaff, kPin), "unlocking the store");
    auto plain = require(PlainStore::create(dir.path() / "plain.db"), "creating the plain database");
    auto& db = fieldkit->database();

    // Build both datasets from the same generated cases, batch by batch, so machine noise hits both alike.
    CaseSource source(plan.seed);
    std::vector<std::string> cprs;
    cprs.reserve(static_cast<std::size_t>(size));
    std::chrono::nanoseconds fieldkitTime{0};
    std::chrono::nanoseconds plainTime{0};
    std::chrono::nanoseconds fieldkitCpu{0};
    std::uint64_t fieldkitBytes = 0;
    std::uint64_t plainBytes = 0;
    std::map<std::string, SqliteTimer::Statement, std::less<>> statements;
    {
        const SqliteTimer timer(db.handle());
        for (int done = 0; done < size;) {
            const int n = std::min(plan.batchSize, size - done);
            const auto batch = source.next(static_cast<std::size_t>(n));
            const auto cpuBefore = threadCpuTime();
            const auto bytesBefore = bytesWritten();
            fieldkitTime += timed([&] { createBatch(*fieldkit, *session, batch); });
            fieldkitCpu += threadCpuTime() - cpuBefore;
            const auto bytesBetween = bytesWritten();
            plainTime += timed([&] { require(plain->insertBatch(batch), "plain batch insert"); });
            fieldkitBytes += bytesBetween - bytesBefore;
            plainBytes += bytesWritten() - bytesBetween;
            for (const auto& c : batch) {
                cprs.push_back(c.citizen.cpr);
            }
            done += n;
            if (done % 10000 == 0 && done < size) {
                log << "  " << done << " cases, fieldkit "
                    << fixed(done / std::chrono::duration<double>(fieldkitTime).count(), 0) << "/s\n"
                    << std::flush;
            }
        }
        r.sqlStatementsUs = toUs(timer.statements()) / size;
        r.sqlTransactionsUs = toUs(timer.transactionControl()) / size;
        statements = timer.bySql();
    }
    r.fieldkitCreateSeconds = std::chrono::duration<double>(fieldkitTime).count();
    r.plainCreateSeconds = std::chrono::duration<double>(plainTime).count();
    r.fieldkitCreateCpuSeconds = std::chrono::duration<double>(fieldkitCpu).count();
    r.fieldkitBytesPerCase = static_cast<double>(fieldkitBytes) / size;
    r.plainBytesPerCase = static_cast<double>(plainBytes) / size;
    // The store caches its prepared statements per connection, so preparing costs once per distinct SQL,
    // spread over the whole dataset.
    for (const auto& [sql, stats] : statements) {
        r.preparesPerCase += 1.0 / size;
        r.sqlPrepareUs += toUs(timePrepare(db.handle(), sql, plan.prepareIterations)) / size;
    }
    log << "  built: fieldkit " << fixed(size / r.fieldkitCreateSeconds, 0) << " cases/s, plain "
        << fixed(size / r.plainCreateSeconds, 0) << " cases/s\n"
        << std::flush;

    // Both WAL files restart from their beginning, as on a device in steady state: appending to a fresh WAL
    // costs ext4 an extra journal flush per fsync, which would favour whichever side happened to checkpoint.
    require(db.exec("PRAGMA wal_checkpoint(RESTART)"), "checkpointing the store");
    require(plain->checkpoint(), "checkpointing the plain database");

    // Durable single saves, interleaved (and alternating who goes first) so both see the same disk and load.
    std::int64_t fieldkitPages = 0;
    std::int64_t plainPages = 0;
    for (int i = 0; i < plan.warmup + plan.saveSamples; ++i) {
        const auto c = source.next();
        const bool counted = i >= plan.warmup;
        // Measures one save: its wall time, and (after warm-up) the WAL pages it wrote into the total.
        const auto measured = [counted](sqlite3* handle, std::int64_t& pages, const auto& save) {
            const auto pagesBefore = walPagesWritten(handle);
            const auto wall = timed(save);
            if (counted) {
                pages += walPagesWritten(handle) - pagesBefore;
            }
            return wall;
        };
        const auto saveFieldkit = [&] {
            return measured(db.handle(), fieldkitPages,
                            [&] { (void)require(session->createCase(c), "durable single save"); });
        };
        const auto savePlain = [&] {
            return measured(plain->handle(), plainPages,
                            [&] { require(plain->insert(c), "plain single save"); });
        };
        std::chrono::nanoseconds fk{};
        std::chrono::nanoseconds pl{};
        if (i % 2 == 0) {
            fk = saveFieldkit();
            pl = savePlain();
        } else {
            pl = savePlain();
            fk = saveFieldkit();
        }
        if (i >= plan.warmup) {
            r.fieldkitSave.add(fk);
            r.plainSave.add(pl);
        }
    }
    const double saves = plan.saveSamples;
    r.fieldkitSavePages = static_cast<double>(fieldkitPages) / saves;
    r.plainSavePages = static_cast<double>(plainPages) / saves;
    log << "  single saves done\n" << std::flush;

    // First page of the case list: 50 rows, newest first.
    const std::size_t pageRows = 50;
    const std::size_t expectedRows =
        std::min(pageRows, static_cast<std::size_t>(size + plan.warmup + plan.saveSamples));
    for (int i = 0; i < plan.warmup + plan.readSamples; ++i) {
        store::CaseFilter filter;
        filter.limit = static_cast<int>(pageRows);
        std::size_t fkRows = 0;
        std::size_t plRows = 0;
        const auto fk = timed([&] { fkRows = require(session->listCases(filter), "first page").size(); });
        const auto pl = timed([&] {
            plRows = require(plain->firstPage(static_cast<int>(pageRows)), "plain first page").size();
        });
        if (fkRows != expectedRows) {
            throw std::runtime_error("the first page came back with " + std::to_string(fkRows) + " rows");
        }
        if (plRows != fkRows) {
            throw std::runtime_error("plain and fieldkit first pages differ in length");
        }
        if (i >= plan.warmup) {
            r.fieldkitPage.add(fk);
            r.plainPage.add(pl);
        }
    }

    // CPR look-ups of citizens in the dataset, the same citizen on both sides.
    casegen::SplitMix64 pick(plan.seed + 1);
    std::chrono::nanoseconds auditTime{0};
    {
        const SqliteTimer timer(db.handle());
        for (int i = 0; i < plan.warmup + plan.readSamples; ++i) {
            const auto& cpr = cprs[pick.below(cprs.size())];
            bool fkFound = false;
            bool plFound = false;
            bool bareFound = false;
            const auto fk = timed([&] {
                fkFound = !require(session->findByCpr(cpr, "benchmark: CPR look-up"), "CPR look-up").empty();
            });
            const auto pl = timed([&] {
                plFound = !require(plain->findByCprLogged(cpr, "benchmark", "benchmark: CPR look-up"),
                                   "plain CPR look-up")
                               .empty();
            });
            const auto bare =
                timed([&] { bareFound = !require(plain->findByCpr(cpr), "plain CPR look-up").empty(); });
            if (!fkFound || !plFound || !bareFound) {
                throw std::runtime_error("a CPR look-up found nothing for a citizen in the dataset");
            }
            if (i >= plan.warmup) {
                r.fieldkitCpr.add(fk);
                r.plainCpr.add(pl);
                r.plainCprBare.add(bare);
            }
        }
        // The look-up's transaction exists for its audit entry, so BEGIN/COMMIT (the WAL append, without
        // fsync) and the synchronous switch count as audit cost too.
        auditTime += timer.transactionControl();
        for (const auto& [sql, stats] : timer.bySql()) {
            if (sql.find("audit_log") != std::string::npos || sql.find("synchronous") != std::string::npos) {
                auditTime += stats.busy;
            }
        }
    }
    r.cprAuditMs = toMs(auditTime) / (plan.warmup + plan.readSamples);
    log << "  reads done\n" << std::flush;
    return r;
}

std::vector<UnlockResult> runUnlock(const StorePlan& plan, std::ostream& log) {
    const TempDir dir(plan.workDir);
    log << "unlock: calibrating Argon2id to " << plan.kdfBudgetMs << " ms\n" << std::flush;
    const auto calibrated = require(crypto::calibrateKdf(plan.kdfBudgetMs), "calibrating the key slot");
    const auto floor = crypto::KdfParams::withCosts(kFloorOpslimit, crypto::kMinSlotMemlimit);
    std::vector<UnlockResult> out{{"unlock, calibrated (" + kdfLabel(calibrated) + ")", calibrated, {}},
                                  {"unlock, floor (" + kdfLabel(floor) + ")", floor, {}}};
    int index = 0;
    for (auto& u : out) {
        const store::StoreInit init{kStaff, kPin, u.params, kUnit, true};
        auto fieldkit = require(
            store::DeviceStore::create(dir.path() / ("unlock-" + std::to_string(index++) + ".db"), init),
            "creating the unlock store");
        for (int i = 0; i < 1 + plan.unlockSamples; ++i) {
            std::unique_ptr<store::Session> session;
            const auto d = timed([&] { session = require(fieldkit->unlock(kStaff, kPin), "unlocking"); });
            if (i >= 1) {
                u.samples.add(d);
            }
        }
    }
    return out;
}

/** "≤ limit" on fieldkit's figure and "ratio ≥ min", each optional; the verdict names what was missed. */
struct Target {
    std::optional<double> maxMs;
    std::optional<double> minRate;
    std::optional<double> minRatio;
};

std::string targetText(const Target& t) {
    std::string out;
    const auto add = [&out](const std::string& part) { out += (out.empty() ? "" : "; ") + part; };
    if (t.maxMs) {
        add("<= " + fixed(*t.maxMs, 0) + " ms");
    }
    if (t.minRate) {
        add(">= " + fixed(*t.minRate, 0) + " cases/s");
    }
    if (t.minRatio) {
        add("ratio >= " + fixed(*t.minRatio, 2));
    }
    return out.empty() ? "-" : out;
}

std::string verdict(const Target& t, double value, double ratio) {
    std::string missed;
    const auto add = [&missed](const std::string& part) { missed += (missed.empty() ? "" : ", ") + part; };
    if (t.maxMs && value > *t.maxMs) {
        add("time");
    }
    if (t.minRate && value < *t.minRate) {
        add("rate");
    }
    if (t.minRatio && ratio < *t.minRatio) {
        add("ratio");
    }
    if (!t.maxMs && !t.minRate && !t.minRatio) {
        return "info";
    }
    return missed.empty() ? "met" : "MISSED: " + missed;
}

void latencyRow(Table& table, const std::string& metric, const std::string& dataset, double fieldkitMs,
                double plainMs, const Target& target) {
    const double ratio = plainMs / fieldkitMs;
    table.addRow({metric, dataset, formatMs(fieldkitMs), formatMs(plainMs), fixed(ratio, 2),
                  targetText(target), verdict(target, fieldkitMs, ratio)});
}

std::string firstLine(const std::string& path, const std::string& prefix) {
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.starts_with(prefix)) {
            const auto colon = line.find(':');
            return colon == std::string::npos ? line : line.substr(colon + 2);
        }
    }
    return "unknown";
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    std::string five;
    in >> one >> five;
    return one.empty() ? "unknown" : one + " (1 min), " + five + " (5 min)";
}

} // namespace

StorePlan planFor(RunMode mode) {
    StorePlan plan;
    plan.mode = mode;
    switch (mode) {
    case RunMode::Full:
        plan.datasets = {10'000, 100'000};
        break;
    case RunMode::Quick:
        plan.datasets = {1'000, 10'000};
        plan.warmup = 10;
        plan.saveSamples = 200;
        plan.readSamples = 200;
        plan.unlockSamples = 2;
        plan.cryptoIterations = 1000;
        plan.prepareIterations = 200;
        break;
    case RunMode::Smoke:
        plan.datasets = {200};
        plan.batchSize = 50;
        plan.warmup = 2;
        plan.saveSamples = 10;
        plan.readSamples = 10;
        plan.unlockSamples = 1;
        plan.kdfBudgetMs = 100;
        plan.cryptoIterations = 50;
        plan.prepareIterations = 5;
        break;
    }
    return plan;
}

bool runStoreBenchmark(const StorePlan& plan, std::ostream& out, std::ostream& log) {
    const std::string loadBefore = loadAverage();
    const double fsyncMs = fsyncLatencyMs(plan.workDir, plan.mode == RunMode::Smoke ? 5 : 50);
    std::vector<DatasetResult> datasets;
    for (const int size : plan.datasets) {
        datasets.push_back(runDataset(plan, size, log));
    }
    const auto unlocks = runUnlock(plan, log);
    log << "crypto microbenchmarks\n" << std::flush;
    CaseSource sampleSource(plan.seed + 2);
    const auto sample = sampleSource.next(200);
    const CryptoParts parts = measureCryptoParts(sample, plan.cryptoIterations);

    Table table({{"metric"},
                 {"dataset"},
                 {"fieldkit (encrypted)", Align::Right},
                 {"plain SQLite", Align::Right},
                 {"ratio", Align::Right},
                 {"target"},
                 {"verdict"}});
    for (const auto& d : datasets) {
        const std::string name = thousands(d.size);
        latencyRow(table, "durable single save p50", name, d.fieldkitSave.percentileMs(50),
                   d.plainSave.percentileMs(50), Target{5.0, {}, 0.5});
        latencyRow(table, "durable single save p99", name, d.fieldkitSave.percentileMs(99),
                   d.plainSave.percentileMs(99), Target{});
        const double fkRate = d.size / d.fieldkitCreateSeconds;
        const double plRate = d.size / d.plainCreateSeconds;
        const Target batched{{}, 2000.0, {}};
        table.addRow({"batched create (" + std::to_string(plan.batchSize) + "/batch)", name,
                      fixed(fkRate, 0) + " cases/s", fixed(plRate, 0) + " cases/s", fixed(fkRate / plRate, 2),
                      targetText(batched), verdict(batched, fkRate, fkRate / plRate)});
        latencyRow(table, "first page (50 rows, newest first) p50", name, d.fieldkitPage.percentileMs(50),
                   d.plainPage.percentileMs(50), Target{50.0, {}, 0.5});
        latencyRow(table, "CPR lookup p50 (both log the read)", name, d.fieldkitCpr.percentileMs(50),
                   d.plainCpr.percentileMs(50), Target{5.0, {}, 0.5});
        latencyRow(table, "CPR lookup p50 (plain logs nothing)", name, d.fieldkitCpr.percentileMs(50),
                   d.plainCprBare.percentileMs(50), Target{});
    }
    for (const auto& u : unlocks) {
        const double ms = u.samples.percentileMs(50);
        const bool calibrated = &u == &unlocks.front();
        const double budget = plan.kdfBudgetMs;
        std::string target = "-";
        std::string result = "info";
        if (calibrated) {
            target = "~" + std::to_string(plan.kdfBudgetMs) + " ms budget (+-50%)";
            result = ms >= budget * 0.5 && ms <= budget * 1.5 ? "met" : "MISSED: time";
        }
        table.addRow({u.label, "-", formatMs(ms), "n/a (no key)", "-", target, result});
    }

    const char* modeName =
        plan.mode == RunMode::Full ? "full" : (plan.mode == RunMode::Quick ? "quick" : "smoke");
    out << "fieldkit-bench-store (" << modeName << " run, seed " << plan.seed << ")\n"
        << "host: " << firstLine("/proc/cpuinfo", "model name") << ", " << std::thread::hardware_concurrency()
        << " cores; load " << loadBefore << " before, " << loadAverage() << " after\n"
        << "SQLite " << sqlite3_libversion() << "; stores in " << plan.workDir.string()
        << " (both on the same disk); WAL, synchronous=FULL;\n"
        << "write+fsync of 4 KiB on that disk: p50 " << formatMs(fsyncMs)
        << " (every durable save waits for one; it varies with the other load on this machine)\n\n";
    table.print(out);
    out << "\nratio: the share of plain SQLite's speed fieldkit keeps (plain time / fieldkit time for "
           "latencies,\n"
           "fieldkit rate / plain rate for throughput; 1.00 = as fast). Latencies are warm (store open, "
           "page\n"
           "cache hot), "
        << plan.saveSamples << " single saves and " << plan.readSamples
        << " reads per store after warm-up, interleaved with plain.\n"
           "batched create: Session::createCases with "
        << plan.batchSize << " cases in one transaction (one fsync per batch); plain is " << plan.batchSize
        << " INSERTs in one\n"
           "transaction. Both build the dataset, so the rate is the mean over 0 -> N cases.\n";
    for (const auto& d : datasets) {
        out << "CPR lookup " << thousands(d.size)
            << ": fieldkit's includes the audit-log entry every look-up writes and commits (WAL, "
               "synchronous=NORMAL: no fsync; "
            << formatMs(d.cprAuditMs)
            << " of it, mean); plain writes an access-log row the same way (one transaction, no fsync, no "
               "MAC) "
               "in the target row and nothing in the row below it.\n";
    }

    for (const auto& d : datasets) {
        out << "durable single save " << thousands(d.size) << ": fieldkit writes "
            << fixed(d.fieldkitSavePages, 1)
            << " WAL pages per save (case row and its 4 indexes, operation and its 2 indexes, field heads, "
               "outbox,\n  blind index, audit entry), plain writes "
            << fixed(d.plainSavePages, 1)
            << " (the row and its 2 indexes); every page is written before the fsync waits for it.\n";
    }

    // Where the time goes in the encrypted batched create, at the largest dataset.
    const auto& big = datasets.back();
    const double totalUs = big.fieldkitCreateSeconds * 1e6 / big.size;
    const double zstdUs = std::max(0.0, parts.sealOperationUs - parts.aeadUs);
    const double knownUs = big.sqlStatementsUs + big.sqlTransactionsUs + big.sqlPrepareUs + parts.perCaseUs();
    Table split({{"part of one encrypted create (" + thousands(big.size) + ", batched)"},
                 {"us/case", Align::Right},
                 {"share", Align::Right},
                 {"measured by"}});
    const auto share = [totalUs](double us) { return fixed(100.0 * us / totalUs, 1) + " %"; };
    const auto part = [&](const std::string& name, double us, const std::string& how) {
        split.addRow({name, fixed(us, 1), share(us), how});
    };
    part("total (1 / batched rate)", totalUs, "the batched create above");
    part("SQLite: executing the store's statements", big.sqlStatementsUs, "trace hooks, steady clock");
    part("SQLite: BEGIN/COMMIT (one per batch)", big.sqlTransactionsUs, "trace hooks, steady clock");
    part("SQLite: preparing statements (cached; once per SQL per connection)", big.sqlPrepareUs,
         "prepare microbenchmark x runs");
    part("sealOperation: zstd level " + std::to_string(crypto::kOperationCompressionLevel) + " + dictionary",
         zstdUs, "sealOperation - AEAD");
    part("sealOperation: XChaCha20-Poly1305 (" + fixed(parts.withDictionaryBytes, 0) + " B)", parts.aeadUs,
         "libsodium microbenchmark");
    part("sealRecordKey x2 (KeySealer box: center, unit)", 2 * parts.sealRecordKeyUs,
         "sealRecordKey microbenchmark");
    part("wrapRecordKey + blind index + audit MAC + randomness",
         parts.wrapRecordKeyUs + parts.blindIndexUs + parts.auditMacUs + parts.randomUs, "microbenchmarks");
    part("encodeFieldValues", parts.encodeUs, "microbenchmark");
    part("other (store logic, allocation, cold caches)", totalUs - knownUs, "remainder");
    out << "\nWhere the time goes (batched create)\n";
    split.print(out);
    const auto perCase = [&big](double seconds) { return fixed(seconds * 1e6 / big.size, 1) + " us"; };
    out << "- sealOperation alone " << formatUs(parts.sealOperationUs)
        << "; crypto::measureCompression (zstd with and without the dictionary) "
        << formatUs(parts.measureCompressionUs) << ".\n- sizes per case: raw "
        << fixed(parts.plaintextBytes, 0) << " B, zstd+dictionary " << fixed(parts.withDictionaryBytes, 0)
        << " B, zstd alone " << fixed(parts.withoutDictionaryBytes, 0) << " B, sealed "
        << fixed(parts.sealedBytes, 0) << " B.\n"
        << "- on CPU " << perCase(big.fieldkitCreateCpuSeconds) << " per case (user+sys), off CPU "
        << perCase(big.fieldkitCreateSeconds - big.fieldkitCreateCpuSeconds)
        << " (waiting for the disk or for a core).\n"
        << "- written per case while building: fieldkit " << fixed(big.fieldkitBytesPerCase / 1024.0, 1)
        << " KiB, plain " << fixed(big.plainBytesPerCase / 1024.0, 1)
        << " KiB (WAL frames and checkpoint copies).\n"
        << "- plain SQLite insert " << perCase(big.plainCreateSeconds) << " per case in a " << plan.batchSize
        << "-case transaction.\n";

    if (!table.complete() || !split.complete()) {
        log << "fieldkit-bench-store: the table came out incomplete\n";
        return false;
    }
    return true;
}

} // namespace fieldkit::bench
