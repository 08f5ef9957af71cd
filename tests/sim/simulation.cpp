#include "simulation.hpp"

#include "device_queries.hpp"
#include "invariants.hpp"
#include "prng.hpp"
#include "sim_failures.hpp"
#include "sim_files.hpp"
#include "sim_model.hpp"
#include "sim_parties.hpp"

#include <array>
#include <deque>
#include <fieldkit/core/case_status.hpp>
#include <fieldkit/core/field.hpp>
#include <fieldkit/device/push_window.hpp>
#include <fieldkit/device/sync_round.hpp>
#include <fieldkit/engine/handshake.hpp>
#include <fieldkit/protocol/codec.hpp>
#include <fieldkit/store/sync_queue.hpp>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <pg_test_cluster.hpp>

namespace fieldkit::sim {
namespace {

constexpr std::int64_t kDayMs = 86'400'000;
constexpr std::int64_t kStartMs = 1'760'000'000'000;
constexpr int kMaxRounds = 40;       // per session (the real client stops at 10,000)
constexpr int kHealPasses = 30;      // fault-free passes over every device before giving up
constexpr std::size_t kHistory = 12; // old frames kept per device for replays
constexpr int kSampleCases = 4;      // cases per device decrypted and compared after healing
// Progress: a link that carries at least this much each way in a session can carry the hello, a smallest push
// and a smallest page of changes (with their framing), so such a session must move something. A device may
// spend a few sessions learning that its link is short (its pushes halve with each cut), no more.
constexpr std::uint64_t kAdequateUpBytes = 4 * 1024;
constexpr std::uint64_t kAdequateDownBytes = 8 * 1024;
constexpr int kFruitlessAllowed = 5;
constexpr int kHarshSessions = 400; // bound on sessions to drain every backlog over short-lived links
constexpr std::array<std::uint32_t, 5> kHotFields = {2, 3, 4, 1000, 1001}; // name, address, phone, checklist
constexpr std::array<const char*, 3> kServices = {"passport", "moving", "health-card"};
const std::string kMainUnit = "bike-07";
const std::string kOtherUnit = "togo-2";

/** Probabilities of the seeded faults; all zero while healing. */
struct FaultRates {
    double dropToHub = 0.05;
    double dropToDevice = 0.05;
    double duplicate = 0.04;
    double reorder = 0.05;
    double replay = 0.04;
    double crossReplay = 0.0;
    double crashDeviceInSession = 0.03;
    double crashHubInSession = 0.01;
    double crashDeviceBetweenSaves = 0.004;
    double crashHubBetweenSaves = 0.002;
    double clockJump = 0.004;
};

struct Stats {
    int sessions = 0;
    int rounds = 0;
    int dropped = 0;
    int duplicated = 0;
    int reordered = 0;
    int replayed = 0;
    int deviceCrashes = 0;
    int hubCrashes = 0;
    int repeatAcks = 0;
    int diverged = 0;
    int resolves = 0;
    int healPasses = 0;
    int cuts = 0;          // frames cut by a link that ended in the middle of them
    int slowSessions = 0;  // sessions over a link a thousand times slower than loopback
    int harshSessions = 0; // sessions of the short-lived-links phase
};

/** One session's link at the level of bytes: how much it carries each way before it is cut (in the middle
 *  of whatever frame is crossing then), and how fast, for the rate the device's pacing measures. */
struct LinkModel {
    std::uint64_t upLeft = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t downLeft = std::numeric_limits<std::uint64_t>::max();
    double bytesPerMs = 1000.0;
    double clockMs = 0; // the link's own time: advanced by every frame it carries

    [[nodiscard]] bool adequate() const {
        return upLeft >= kAdequateUpBytes && downLeft >= kAdequateDownBytes;
    }
    [[nodiscard]] device::WindowClock::time_point now() const {
        return device::WindowClock::time_point(std::chrono::duration_cast<device::WindowClock::duration>(
            std::chrono::duration<double, std::milli>(clockMs)));
    }
};

/** One connection: frames in flight each way. */
struct Connection {
    std::deque<std::string> toHub;
    std::deque<std::string> toDevice;
    std::deque<std::string> trailing; // --replays-trail: replays held back until the fresh frames are handled
    bool broken = false;
    bool disturbed = false; // a fault other than the link's end hit this session (drop, crash, replay...)
    LinkModel link;
};

struct SessionOutcome {
    bool reachedHead = false;
    bool quiet = false; // nothing pushed, nothing pulled, no divergence: this device is done
};

template <typename T>
T need(Result<T> result, const std::string& what) {
    if (!result) {
        throw SimAbort{what + ": " + result.error().message};
    }
    return std::move(*result);
}

void need(const Status& status, const std::string& what) {
    if (!status) {
        throw SimAbort{what + ": " + status.error().message};
    }
}

std::string encode(const protocol::Envelope& envelope) {
    return protocol::encodeFrame(envelope);
}

class Simulation {
public:
    explicit Simulation(const SimOptions& options)
        : m_options(options)
        , m_prng(options.seed * 0x2545f4914f6cdd1dULL + 1)
        , m_scratch("seed-" + std::to_string(options.seed)) {
        if (!options.faults) {
            m_rates = FaultRates{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        }
        if (options.crossReplay) {
            m_rates.crossReplay = 0.02;
        }
    }

    SeedReport run() {
        try {
            setUp();
            workload();
            const bool quiescent = heal();
            if (!quiescent) {
                m_failures.add("not quiescent after " + std::to_string(kHealPasses) +
                               " fault-free passes over every device");
            }
            checkInvariants(m_model, *m_hub, m_devices, m_prng, kSampleCases, m_failures);
        } catch (const SimAbort& abort) {
            m_failures.add("aborted: " + abort.message);
        }
        SeedReport report;
        report.passed = m_failures.empty();
        report.failures = m_failures.items();
        report.summary = summary();
        return report;
    }

private:
    // --- setting up
    // -----------------------------------------------------------------------------------------

    void setUp() {
        if (m_options.postgres) {
            m_database.emplace();
        }
        m_hub = std::make_unique<SimHub>(m_scratch.path() / "center.db", m_nowMs,
                                         m_database ? m_database->conninfo() : std::string());
        need(m_hub->start(true), "create the center store");
        need(m_hub->addUnit(kMainUnit), "add unit");
        need(m_hub->addUnit(kOtherUnit), "add unit");
        const int total = m_options.devices + m_options.otherDevices;
        for (int i = 0; i < total; ++i) {
            const std::string& unit = i < m_options.devices ? kMainUnit : kOtherUnit;
            const std::int64_t skew =
                m_options.faults ? static_cast<std::int64_t>(m_prng.below(14 * kDayMs + 1)) - 7 * kDayMs : 0;
            const int batchLimit = 2 + m_prng.belowInt(14);
            auto device = std::make_unique<SimDevice>(
                i, unit, m_scratch.path() / ("device-" + std::to_string(i) + ".db"), kStartMs + skew,
                batchLimit);
            need(device->create(), "create device store");
            auto keys = need(m_hub->enrol(*device), "enrol device");
            need(device->installEnrolment(keys), "install enrolment");
            need(device->start(), "unlock device");
            m_model.addDevice(device->deviceId(), unit);
            m_skew.push_back(skew);
            m_sent.emplace_back();
            m_received.emplace_back();
            m_fruitless.push_back(0);
            m_devices.push_back(std::move(device));
        }
    }

    // --- the faulty phase
    // -------------------------------------------------------------------------------------

    void workload() {
        int saves = 0;
        for (int step = 0; saves < m_options.ops && step < m_options.ops * 4; ++step) {
            advanceTime();
            maybeDisturb();
            if (staffAction(pickDevice())) {
                ++saves;
            }
            if (m_prng.chance(0.3)) {
                (void)syncSession(pickDevice(), true);
            }
        }
        m_saves = saves;
        if (saves < m_options.ops) {
            m_failures.add("the workload made only " + std::to_string(saves) + " of " +
                           std::to_string(m_options.ops) + " saves");
        }
    }

    void advanceTime() {
        const auto dt = static_cast<std::int64_t>(1000 + m_prng.below(60'000));
        m_nowMs += dt;
        for (auto& d : m_devices) {
            d->clock().advance(dt);
        }
    }

    void maybeDisturb() {
        if (m_prng.chance(m_rates.clockJump)) {
            const int i = m_prng.belowInt(static_cast<int>(m_devices.size()));
            const std::int64_t skew = static_cast<std::int64_t>(m_prng.below(14 * kDayMs + 1)) - 7 * kDayMs;
            m_devices[static_cast<std::size_t>(i)]->clock().advance(skew -
                                                                    m_skew[static_cast<std::size_t>(i)]);
            m_skew[static_cast<std::size_t>(i)] = skew;
        }
        if (m_prng.chance(m_rates.crashDeviceBetweenSaves)) {
            crashDevice(*m_devices[static_cast<std::size_t>(m_prng.below(m_devices.size()))]);
        }
        if (m_prng.chance(m_rates.crashHubBetweenSaves)) {
            crashHub();
        }
    }

    SimDevice& pickDevice() {
        if (m_options.otherDevices > 0 && m_prng.chance(0.2)) {
            return *m_devices[static_cast<std::size_t>(m_options.devices +
                                                       m_prng.belowInt(m_options.otherDevices))];
        }
        return *m_devices[static_cast<std::size_t>(m_prng.belowInt(m_options.devices))];
    }

    void crashDevice(SimDevice& device) {
        ++m_stats.deviceCrashes;
        device.crash(m_prng.chance(0.5));
        need(device.start(), "device d" + std::to_string(device.index()) + " reopens after a crash");
    }

    void crashHub() {
        ++m_stats.hubCrashes;
        m_hub->crash(m_prng.chance(0.5));
        need(m_hub->start(false), "the hub reopens after a crash");
    }

    std::string nextValue() { return "v" + std::to_string(++m_values); }

    void fail(const std::string& message) { m_failures.add(message); }

    // --- staff
    // ------------------------------------------------------------------------------------------------

    /** One thing a staff member does on a device; true when it saved an operation. */
    bool staffAction(SimDevice& device) {
        const int caseIndex = pickKnownCase(device);
        const auto roll = m_prng.below(100);
        if (caseIndex < 0 || roll < 10) {
            return createCase(device);
        }
        if (roll < 58) {
            return setFields(device, caseIndex);
        }
        if (roll < 70) {
            return appendNote(device, caseIndex);
        }
        if (roll < 78) {
            return changeStatus(device, caseIndex) || setFields(device, caseIndex);
        }
        if (roll < 82) {
            viewCase(device, caseIndex, "a look at the case");
            return false;
        }
        return resolveSome(device) || setFields(device, caseIndex);
    }

    /** A case the device holds, mostly among the newest of its unit (so edits collide). */
    int pickKnownCase(SimDevice& device) {
        const auto& cases = m_model.casesOf(device.unit());
        if (cases.empty()) {
            return -1;
        }
        for (int attempt = 0; attempt < 4; ++attempt) {
            const std::size_t hot = std::min<std::size_t>(cases.size(), 6);
            const std::size_t pick =
                m_prng.chance(0.75) ? cases.size() - 1 - m_prng.below(hot) : m_prng.below(cases.size());
            const int index = cases[pick];
            if (hasCase(device, m_model.caseId(index))) {
                return index;
            }
        }
        return -1;
    }

    OpKey lastOp(SimDevice& device) { return OpKey{device.index(), lastDeviceSeq(device)}; }

    std::string who(const SimDevice& device) const { return "device d" + std::to_string(device.index()); }

    bool createCase(SimDevice& device) {
        store::NewCase input;
        input.service = kServices[m_prng.below(kServices.size())];
        input.channel = "bike";
        input.citizen.name = nextValue();
        input.citizen.address = nextValue();
        if (m_prng.chance(0.5)) {
            input.citizen.phone = nextValue();
        }
        if (m_prng.chance(0.3)) {
            input.notes.push_back("first note " + nextValue());
        }
        auto created = device.session().createCase(input);
        if (!created) {
            fail(who(device) + " createCase: " + created.error().message);
            return false;
        }
        const int index = m_model.addCase(created->id, device.unit(), device.index());
        const OpKey key = lastOp(device);
        m_model.recordOperation(key, index, "opened");
        for (const auto& [field, value] : {std::pair{core::fields::kName.value, &input.citizen.name},
                                           std::pair{core::fields::kAddress.value, &input.citizen.address},
                                           std::pair{core::fields::kPhone.value, &input.citizen.phone}}) {
            if (!value->empty()) {
                m_model.recordWrite(index, field, key, *value, {});
            }
        }
        // The store writes the citizen's receipt (reference and access code) with the case: random values
        // the model learns from the case itself.
        auto made = device.session().openCase(created->id, "receipt");
        if (!made) {
            fail(who(device) + " openCase: " + made.error().message);
            return false;
        }
        for (const auto field : {core::fields::kReceiptReference.value, core::fields::kReceiptCode.value}) {
            if (const auto it = made->registers.find(field);
                it != made->registers.end() && it->second.size() == 1) {
                m_model.recordWrite(index, field, key, it->second.front().value, {});
            }
        }
        return true;
    }

    bool setFields(SimDevice& device, int caseIndex) {
        const auto& id = m_model.caseId(caseIndex);
        std::vector<std::uint32_t> fields{kHotFields[m_prng.below(kHotFields.size())]};
        if (m_prng.chance(0.3)) {
            const auto second = kHotFields[m_prng.below(kHotFields.size())];
            if (second != fields.front()) {
                fields.push_back(second);
            }
        }
        for (const auto field : fields) {
            // A person sees the conflict and resolves it rather than typing over it (unless told to).
            if (!m_options.editConflicted && openVersions(device, id, field) > 1) {
                return resolveField(device, caseIndex, field);
            }
        }
        const auto known = knownOperations(device, m_model, id);
        std::vector<crypto::FieldValue> values;
        std::vector<std::set<OpKey>> closes;
        for (const auto field : fields) {
            values.push_back({field, nextValue()});
            closes.push_back(m_model.headsIn(caseIndex, field, known));
        }
        if (auto st = device.session().setFields(id, values); !st) {
            fail(who(device) + " setFields: " + st.error().message);
            return false;
        }
        const OpKey key = lastOp(device);
        m_model.recordOperation(key, caseIndex, "");
        for (std::size_t i = 0; i < values.size(); ++i) {
            m_model.recordWrite(caseIndex, values[i].field_id, key, values[i].value, closes[i]);
        }
        return true;
    }

    bool appendNote(SimDevice& device, int caseIndex) {
        if (auto st = device.session().appendNote(m_model.caseId(caseIndex), "note " + nextValue()); !st) {
            fail(who(device) + " appendNote: " + st.error().message);
            return false;
        }
        m_model.recordOperation(lastOp(device), caseIndex, "");
        return true;
    }

    bool changeStatus(SimDevice& device, int caseIndex) {
        if (m_options.statusByCreator && m_model.caseCreator(caseIndex) != device.index()) {
            return false;
        }
        const auto& id = m_model.caseId(caseIndex);
        auto from = core::caseStatusFromString(caseStatus(device, id));
        if (!from) {
            fail(who(device) + " holds a case with an unknown status");
            return false;
        }
        const auto next = core::allowedNextStatuses(*from);
        if (next.empty()) {
            return false;
        }
        const auto to = next[m_prng.below(next.size())];
        if (auto st = device.session().changeStatus(id, to, m_prng.chance(0.5) ? "why " + nextValue() : "");
            !st) {
            fail(who(device) + " changeStatus: " + st.error().message);
            return false;
        }
        m_model.recordOperation(lastOp(device), caseIndex, std::string(core::toString(to)));
        return true;
    }

    std::optional<store::CaseDetails> viewCase(SimDevice& device, int caseIndex, const std::string& why) {
        auto details = device.session().openCase(m_model.caseId(caseIndex), why);
        if (!details) {
            fail(who(device) + " openCase: " + details.error().message);
            return std::nullopt;
        }
        checkCaseView(m_model, device, caseIndex, *details, "during the run (" + why + ")", m_failures);
        return std::move(*details);
    }

    bool resolveSome(SimDevice& device) {
        const auto conflicts = conflictedFields(device);
        if (conflicts.empty()) {
            return false;
        }
        const auto& [caseBytes, field] = conflicts[m_prng.below(conflicts.size())];
        return resolveField(device, m_model.caseIndex(caseBytes), field);
    }

    /** A person looks at the conflicting versions and replaces all of them (or, sometimes, some). */
    bool resolveField(SimDevice& device, int caseIndex, std::uint32_t field) {
        auto details = viewCase(device, caseIndex, "resolve a conflict");
        if (!details) {
            return false;
        }
        const auto it = details->registers.find(field);
        if (it == details->registers.end() || it->second.size() < 2) {
            return false;
        }
        std::vector<store::VersionRef> refs;
        std::set<OpKey> closes;
        const bool some = m_prng.chance(0.15);
        for (const auto& version : it->second) {
            if (some && !refs.empty() && m_prng.chance(0.5)) {
                continue;
            }
            refs.push_back({version.deviceId, version.deviceSeq});
            closes.insert(OpKey{m_model.deviceIndex(version.deviceId), version.deviceSeq});
        }
        const std::string value = nextValue();
        if (auto st = device.session().resolveField(m_model.caseId(caseIndex), field, value, refs); !st) {
            fail(who(device) + " resolveField: " + st.error().message);
            return false;
        }
        const OpKey key = lastOp(device);
        m_model.recordOperation(key, caseIndex, "");
        m_model.recordWrite(caseIndex, field, key, value, closes);
        ++m_stats.resolves;
        return true;
    }

    // --- sync sessions over the simulated network
    // -------------------------------------------------------------

    /** `replayable`: the frame may turn up again later. TLS rules replays out on the real transport; the
     *  simulation keeps them to prove the hub idempotent, but only for frames a device could itself send
     *  again (the hello, and a session's first push, which starts at the outbox's front): a later push of a
     *  window, replayed ahead of the ones before it, would deliver operations out of order, which neither TCP
     *  nor a device can do. */
    void sendToHub(SimDevice& device, Connection& c, std::string frame, bool faults, bool replayable = true) {
        auto& history = m_sent[static_cast<std::size_t>(device.index())];
        // An old frame of this device (or, with --cross-replay, of another) turns up in this session: ahead
        // of the fresh frame, or with --replays-trail only behind it.
        std::vector<std::string> replays;
        if (faults && !c.broken) {
            if (!history.empty() && m_prng.chance(m_rates.replay)) {
                replays.push_back(history[m_prng.below(history.size())]);
            }
            if (m_prng.chance(m_rates.crossReplay)) {
                const auto& other = m_sent[m_prng.below(m_sent.size())];
                if (!other.empty()) {
                    replays.push_back(other[m_prng.below(other.size())]);
                }
            }
        }
        m_stats.replayed += static_cast<int>(replays.size());
        c.disturbed = c.disturbed || !replays.empty();
        if (replayable) {
            history.push_back(frame);
            if (history.size() > kHistory) {
                history.pop_front();
            }
        }
        if (!m_options.replaysTrail) {
            c.toHub.insert(c.toHub.end(), replays.begin(), replays.end());
        }
        // Within one connection TCP keeps order: several pushes in flight arrive as they were sent. Only a
        // replayed frame just queued ahead may be overtaken (or, with --lossy-frames, anything).
        const bool mayReorder = m_options.lossyFrames || (!replays.empty() && !m_options.replaysTrail);
        deliver(c, c.toHub, std::move(frame), faults, m_rates.dropToHub, mayReorder);
        if (m_options.replaysTrail) {
            c.trailing.insert(c.trailing.end(), replays.begin(), replays.end());
        }
    }

    void sendToDevice(SimDevice& device, Connection& c, std::string frame, bool faults) {
        // Only replies the device already applied are replayed to it: a reply it never saw carries changes
        // beyond its cursor, which the hub could only send in a session the device itself opened.
        const auto& history = m_received[static_cast<std::size_t>(device.index())];
        if (faults && !c.broken && !history.empty() && m_prng.chance(m_rates.replay)) {
            c.toDevice.push_back(history[m_prng.below(history.size())]);
            ++m_stats.replayed;
            c.disturbed = true;
        }
        deliver(c, c.toDevice, std::move(frame), faults, m_rates.dropToDevice, m_options.lossyFrames);
    }

    void rememberApplied(SimDevice& device, const std::string& frame) {
        auto& history = m_received[static_cast<std::size_t>(device.index())];
        history.push_back(frame);
        if (history.size() > kHistory) {
            history.pop_front();
        }
    }

    /** A dropped frame breaks the connection (TCP): what was sent before still arrives, nothing after. With
     *  --lossy-frames single frames vanish and replies overtake each other instead, as over a datagram
     *  transport or a faulty proxy. */
    void deliver(Connection& c, std::deque<std::string>& queue, std::string frame, bool faults, double drop,
                 bool mayReorder) {
        if (c.broken) {
            return;
        }
        // The link ends in the middle of this frame: it never arrives whole, and nothing after it does.
        auto& left = &queue == &c.toHub ? c.link.upLeft : c.link.downLeft;
        if (frame.size() > left) {
            left = 0;
            ++m_stats.cuts;
            c.broken = true;
            return;
        }
        left -= frame.size();
        c.link.clockMs += static_cast<double>(frame.size()) / c.link.bytesPerMs;
        if (faults && m_prng.chance(drop)) {
            ++m_stats.dropped;
            c.disturbed = true;
            c.broken = !m_options.lossyFrames;
            return;
        }
        queue.push_back(frame);
        if (faults && m_prng.chance(m_rates.duplicate)) {
            queue.push_back(std::move(frame));
            ++m_stats.duplicated;
            c.disturbed = true;
        }
        if (faults && mayReorder && queue.size() >= 2 && m_prng.chance(m_rates.reorder)) {
            std::swap(queue[queue.size() - 1], queue[queue.size() - 2]);
            ++m_stats.reordered;
            c.disturbed = true;
        }
    }

    /** The hub handles every frame that arrived, as hub_server.cpp does; false once it closed the
     * connection. */
    bool hubReceive(SimDevice& device, Connection& c, hub::HubSession& session, bool faults) {
        while (!c.toHub.empty() || !c.trailing.empty()) {
            if (c.toHub.empty()) {
                c.toHub.swap(c.trailing);
            }
            const std::string frame = std::move(c.toHub.front());
            c.toHub.pop_front();
            if (faults && m_prng.chance(m_rates.crashHubInSession)) {
                c.disturbed = true;
                crashHub();
                return false;
            }
            auto envelope = protocol::decodeFrame(frame);
            if (!envelope) {
                fail("the hub cannot decode a frame the device sent: " + envelope.error().message);
                return false;
            }
            if (envelope->has_hello() && !session.greeted) {
                auto welcome = m_hub->service().greet(envelope->hello(), device.deviceId(), session);
                if (!welcome) {
                    if (welcome.error().code != "identity_mismatch") {
                        fail("hub greet for " + who(device) + ": " + welcome.error().message);
                    }
                    return false;
                }
                if (faults && m_prng.chance(m_rates.crashHubInSession)) {
                    c.disturbed = true;
                    crashHub();
                    return false;
                }
                protocol::Envelope out;
                *out.mutable_welcome() = std::move(*welcome);
                sendToDevice(device, c, encode(out), faults);
                if (!session.greeted) {
                    return false;
                }
                continue;
            }
            if (envelope->has_push() && session.greeted) {
                auto reply = m_hub->service().sync(device.deviceId(), envelope->push(), session);
                if (!reply && reply.error().code == "foreign_operation") {
                    return false; // another device's frame replayed here: the hub closes the connection
                }
                if (!reply) {
                    fail("hub sync for " + who(device) + ": " + reply.error().message);
                    return false;
                }
                checkReply(device, envelope->push(), *reply);
                if (m_options.verbose) {
                    trace(device, envelope->push(), *reply);
                }
                // A crash here is the hard one: the batch is applied at the hub, the device never hears it.
                if (faults && m_prng.chance(m_rates.crashHubInSession)) {
                    c.disturbed = true;
                    crashHub();
                    return false;
                }
                protocol::Envelope out;
                *out.mutable_reply() = std::move(*reply);
                sendToDevice(device, c, encode(out), faults);
                continue;
            }
            return false; // a push before the hello, a second hello: the hub closes the connection
        }
        return true;
    }

    /** --verbose: one line per batch the hub applied, enough to follow a failing seed by hand. */
    void trace(SimDevice& device, const protocol::PushBatch& push, const protocol::SyncReply& reply) {
        std::string line = "  [t=" + std::to_string(m_stats.sessions) + "] hub <- " + who(device) + " push";
        for (int i = 0; i < push.ops_size() && i < reply.acks_size(); ++i) {
            const auto& ack = reply.acks(i);
            const int author = m_model.deviceIndex(push.ops(i).device_id());
            line += " " + describe(OpKey{author, ack.device_seq()}) + "=" + std::to_string(ack.server_seq()) +
                    (ack.result() == protocol::PushAck::APPLIED     ? "A"
                     : ack.result() == protocol::PushAck::DUPLICATE ? "D"
                                                                    : "R");
        }
        if (reply.own_acks_size() > 0) {
            line += " | own";
            for (const auto& ack : reply.own_acks()) {
                line += " " + describe(OpKey{device.index(), ack.device_seq()}) + "=" +
                        std::to_string(ack.server_seq());
            }
        }
        line += " | changes";
        for (const auto& change : reply.changes()) {
            line += " " + describe(OpKey{m_model.deviceIndex(change.device_id()), change.device_seq()}) +
                    "@" + std::to_string(change.server_seq());
            for (const auto closed : change.closes()) {
                line += "x" + std::to_string(closed);
            }
        }
        line += " | checkpoint " + std::to_string(reply.checkpoint()) + (reply.more() ? " more" : "");
        std::cout << line << "\n";
    }

    void checkReply(SimDevice& device, const protocol::PushBatch& push, const protocol::SyncReply& reply) {
        if (reply.acks_size() != push.ops_size()) {
            fail("the hub answered " + std::to_string(reply.acks_size()) + " acks to " +
                 std::to_string(push.ops_size()) + " operations");
            return;
        }
        for (int i = 0; i < push.ops_size(); ++i) {
            const auto& op = push.ops(i);
            const auto& ack = reply.acks(i);
            if (ack.device_seq() != op.device_seq()) {
                fail("an ack names device_seq " + std::to_string(ack.device_seq()) + " for operation " +
                     std::to_string(op.device_seq()));
                continue;
            }
            if (op.device_id() != device.deviceId()) {
                if (ack.result() != protocol::PushAck::REJECTED) {
                    fail("the hub accepted another device's operation in " + who(device) + "'s session");
                }
                continue; // a frame of another device replayed into this session
            }
            bool repeat = false;
            if (auto problem = m_model.checkAck(OpKey{device.index(), ack.device_seq()}, ack, repeat)) {
                fail(*problem);
            }
            m_stats.repeatAcks += repeat ? 1 : 0;
        }
        // The acks that stand in for the device's own operations in the page repeat the first answer.
        for (const auto& ack : reply.own_acks()) {
            bool repeat = false;
            if (auto problem = m_model.checkAck(OpKey{device.index(), ack.device_seq()}, ack, repeat)) {
                fail("in place of its own operation in the page, " + *problem);
            }
        }
        for (const auto& change : reply.changes()) {
            if (change.unit() != device.unit()) {
                fail("partition: " + who(device) + " of unit " + device.unit() +
                     " was sent an operation of unit " + change.unit());
            }
            if (change.device_id() == device.deviceId()) {
                fail(who(device) + " was sent back its own operation " + std::to_string(change.device_seq()));
            }
        }
    }

    /** A link for one session: mostly plain, sometimes short-lived (cut after a few hundred bytes to a few
     *  tens of kilobytes each way, in the middle of a push or a page), sometimes slow. */
    LinkModel drawLink(bool faults) {
        LinkModel link;
        if (!faults) {
            return link;
        }
        const auto roll = m_prng.below(100);
        if (roll < 20) {
            link.upLeft = 300 + m_prng.below(40'000);
            link.downLeft = 300 + m_prng.below(60'000);
        } else if (roll < 30) {
            link.bytesPerMs = 6.0; // 2G through a store-and-forward radio: a push takes seconds
            ++m_stats.slowSessions;
        }
        return link;
    }

    /** One session as sync_client.cpp runs it: the hello and the first pushes without waiting, each push a
     *  byte-bounded slice of the outbox sized by the device's LinkPace, up to its window in flight; each
     * reply applied as it arrives and the window refilled, until nothing is in flight and nothing is left. */
    SessionOutcome syncSession(SimDevice& device, bool faults,
                               std::optional<LinkModel> forced = std::nullopt) {
        ++m_stats.sessions;
        SessionOutcome outcome;
        store::SyncQueue queue(device.store());
        const auto position = need(queue.position(), who(device) + " position");
        const bool backlog = !need(queue.pending(1), who(device) + " pending").empty();
        protocol::Envelope hello;
        *hello.mutable_hello() = engine::makeHello(
            {device.deviceId(), position.pullCursor, position.lastAckedDeviceSeq, "fieldkit-sim"});
        static constexpr std::array<std::uint32_t, 4> kPages = {0, 3, 10, 50};
        hello.mutable_hello()->set_max_changes(faults ? kPages[m_prng.below(kPages.size())] : 0);

        Connection c;
        c.link = forced ? *forced : drawLink(faults);
        device::PushWindow window(device.pace(), device.batchLimit());
        int pushesSent = 0;
        const auto fill = [&] {
            while (!c.broken) {
                auto next = need(window.next(queue), who(device) + " next push");
                if (!next) {
                    return;
                }
                protocol::Envelope push;
                *push.mutable_push() = std::move(*next);
                const std::string frame = encode(push);
                window.sent(push.push(), frame.size(), c.link.now());
                sendToHub(device, c, frame, faults, ++pushesSent == 1);
            }
        };
        sendToHub(device, c, encode(hello), faults);
        fill();
        hub::HubSession session;
        bool hubOpen = true;
        bool welcomed = false;
        int rounds = 0;
        std::size_t pushed = 0;
        std::size_t pulled = 0;
        bool diverged = false;
        bool deviceOpen = true;
        while (deviceOpen) {
            hubOpen = hubOpen && hubReceive(device, c, session, faults);
            if (c.toDevice.empty()) {
                break; // nothing more arrives: the device's deadline expires
            }
            while (deviceOpen && !c.toDevice.empty()) {
                const std::string frame = std::move(c.toDevice.front());
                c.toDevice.pop_front();
                auto envelope = protocol::decodeFrame(frame);
                if (!envelope) {
                    fail(who(device) + " cannot decode a frame the hub sent: " + envelope.error().message);
                    deviceOpen = false;
                    break;
                }
                if (!welcomed) {
                    welcomed = envelope->has_welcome() && engine::evaluateWelcome(envelope->welcome()) ==
                                                              engine::HandshakeOutcome::Proceed;
                    deviceOpen = welcomed; // anything else first is a protocol violation: hang up
                    continue;
                }
                if (!envelope->has_reply() || window.empty()) {
                    deviceOpen = false; // an answer nothing asked for (a replayed reply): hang up
                    break;
                }
                // The crash the protocol must survive: the hub applied the batch, the device never
                // acknowledged.
                if (faults && m_prng.chance(m_rates.crashDeviceInSession)) {
                    c.disturbed = true;
                    crashDevice(device);
                    return outcome;
                }
                auto round = device::applyReply(queue, envelope->reply());
                if (!round) {
                    fail(who(device) + " applyReply: " + round.error().message);
                    deviceOpen = false;
                    break;
                }
                window.answered(envelope->reply(), frame.size(), c.link.now());
                rememberApplied(device, frame);
                ++rounds;
                ++m_stats.rounds;
                pushed += round->acknowledged;
                pulled += round->pulled;
                diverged = diverged || round->diverged;
                m_stats.diverged += round->diverged ? 1 : 0;
                if (faults && m_prng.chance(m_rates.crashDeviceInSession / 2)) {
                    c.disturbed = true;
                    crashDevice(device);
                    return outcome;
                }
                if (round->diverged) {
                    window.stop(); // the next session's hello pulls again from the start
                }
                if (rounds >= kMaxRounds) {
                    window.stop();
                }
                fill();
                if (window.empty()) {
                    outcome.reachedHead = !window.more() && !diverged;
                    deviceOpen = false;
                    break;
                }
            }
        }
        if (hubOpen) {
            (void)hubReceive(device, c, session, faults); // frames already on the way; replies go nowhere
        }
        if (c.broken || !window.empty()) {
            device.pace().cut(); // the daemon saw its connection end with pushes unanswered
        }
        outcome.quiet = outcome.reachedHead && rounds == 1 && pushed == 0 && pulled == 0 && !diverged;
        checkProgress(device, c, backlog, pushed + pulled);
        return outcome;
    }

    /** The progress invariant: a session whose link could carry a smallest push and page, undisturbed by
     *  other faults, moves something when there is something to move. A device may need a few such sessions
     *  to learn that its link is short, never more than kFruitlessAllowed in a row. */
    void checkProgress(SimDevice& device, const Connection& c, bool backlog, std::size_t moved) {
        auto& fruitless = m_fruitless[static_cast<std::size_t>(device.index())];
        if (!backlog || c.disturbed || !c.link.adequate()) {
            return;
        }
        if (moved > 0) {
            fruitless = 0;
            return;
        }
        if (++fruitless > kFruitlessAllowed) {
            fail("progress: " + who(device) + " moved nothing in " + std::to_string(fruitless) +
                 " sessions in a row over links that carried at least " + std::to_string(kAdequateUpBytes) +
                 " bytes up and " + std::to_string(kAdequateDownBytes) + " down (push budget now " +
                 std::to_string(device.pace().pushBytes()) + " bytes)");
            fruitless = 0;
        }
    }

    // --- healing
    // ----------------------------------------------------------------------------------------------

    /** Every backlog drains over links that each live for only a few kilobytes: sessions with a fresh
     *  short-lived link, no other faults, until every device is quiet, within kHarshSessions. */
    void drainOverShortLinks() {
        for (int session = 0; session < kHarshSessions; ++session) {
            bool allQuiet = true;
            for (auto& device : m_devices) {
                LinkModel link;
                link.upLeft = kAdequateUpBytes + m_prng.below(12 * 1024);
                link.downLeft = kAdequateDownBytes + m_prng.below(24 * 1024);
                ++m_stats.harshSessions;
                const bool quiet = syncSession(*device, false, link).quiet;
                allQuiet = allQuiet && quiet;
            }
            if (allQuiet) {
                return;
            }
        }
        fail("progress: the backlogs did not drain within " + std::to_string(kHarshSessions) +
             " sessions per device over links cut after 4-16 KiB up and 8-32 KiB down");
    }

    bool heal() {
        drainOverShortLinks();
        for (int pass = 0; pass < kHealPasses; ++pass) {
            ++m_stats.healPasses;
            bool quiet = true;
            for (auto& device : m_devices) {
                quiet = syncSession(*device, false).quiet && quiet;
            }
            if (quiet) {
                return true;
            }
        }
        return false;
    }

    std::string summary() const {
        return "seed " + std::to_string(m_options.seed) + ": " + (m_failures.empty() ? "ok" : "FAILED") +
               ", " + std::to_string(m_saves) + " saves, " + std::to_string(m_model.caseCount()) +
               " cases, " + std::to_string(m_stats.resolves) + " resolves, " +
               std::to_string(m_stats.sessions) + " sessions (" + std::to_string(m_stats.rounds) +
               " rounds, " + std::to_string(m_stats.healPasses) +
               " heal passes), faults: " + std::to_string(m_stats.dropped) + " dropped, " +
               std::to_string(m_stats.duplicated) + " duplicated, " + std::to_string(m_stats.reordered) +
               " reordered, " + std::to_string(m_stats.replayed) + " replayed, " +
               std::to_string(m_stats.deviceCrashes) + " device + " + std::to_string(m_stats.hubCrashes) +
               " hub crashes; " + std::to_string(m_stats.repeatAcks) + " repeat acks, " +
               std::to_string(m_stats.diverged) + " divergences; " + std::to_string(m_stats.cuts) +
               " frames cut by short links, " + std::to_string(m_stats.slowSessions) + " slow sessions, " +
               std::to_string(m_stats.harshSessions) + " sessions draining over short links";
    }

    SimOptions m_options;
    Prng m_prng;
    FaultRates m_rates;
    ScratchDir m_scratch;
    std::optional<testing::PgTestDatabase> m_database; // with --postgres; dropped after the hub closes
    std::int64_t m_nowMs = kStartMs;
    std::unique_ptr<SimHub> m_hub;
    std::vector<std::unique_ptr<SimDevice>> m_devices;
    std::vector<std::int64_t> m_skew;
    std::vector<std::deque<std::string>> m_sent;     // frames each device sent, for replays
    std::vector<std::deque<std::string>> m_received; // frames the hub sent each device, for replays
    std::vector<int> m_fruitless;                    // sessions in a row that should have moved something
    Model m_model;
    Failures m_failures;
    Stats m_stats;
    int m_saves = 0;
    std::uint64_t m_values = 0;
};

} // namespace

SeedReport runSeed(const SimOptions& options) {
    return Simulation(options).run();
}

} // namespace fieldkit::sim
