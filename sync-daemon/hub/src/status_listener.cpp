#include <boost/asio/io_context.hpp>
#include <boost/asio/ssl/context.hpp>
#include <chrono>
#include <fieldkit/hub/center_store_config.hpp>
#include <fieldkit/hub/status_listener.hpp>
#include <fieldkit/hub/status_server.hpp>
#include <fieldkit/hub/web_tls.hpp>
#include <thread>
#include <vector>

namespace fieldkit::hub {

struct StatusListener::Impl {
    std::unique_ptr<CenterStore> store;
    StatusRateLimiter limiter;
    std::unique_ptr<StatusService> service;
    std::optional<boost::asio::ssl::context> tls;
    boost::asio::io_context io;
    std::unique_ptr<StatusServer> server;
    std::vector<std::thread> threads;
    std::thread sweeper;
    std::atomic<bool> running{true};
    common::HostPort bound;
};

StatusListener::StatusListener()
    : m_impl(std::make_unique<Impl>()) {}

StatusListener::~StatusListener() {
    stop();
}

const common::HostPort& StatusListener::bound() const {
    return m_impl->bound;
}

Result<std::unique_ptr<StatusListener>> StatusListener::start(HubCenter& center, const CenterDir& dir,
                                                              const StatusListenOptions& options, Log log) {
    std::unique_ptr<StatusListener> listener(new StatusListener());
    auto& impl = *listener->m_impl;
    auto store = openCenterStore(dir);
    if (!store) {
        return store.error();
    }
    impl.store = std::move(*store);
    auto credentials =
        webCredentials(center, dir, "status", "fieldkit-status", options.certFile, options.keyFile);
    if (!credentials) {
        return credentials.error();
    }
    auto tls = makeWebTlsContext(*credentials);
    if (!tls) {
        return tls.error();
    }
    impl.tls.emplace(std::move(*tls));
    const auto clock = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
    impl.service = std::make_unique<StatusService>(impl.store->citizenViews(), impl.limiter, clock,
                                                   options.staticDir, log);
    impl.server = std::make_unique<StatusServer>(impl.io, *impl.tls, *impl.service, log);
    auto bound = impl.server->listen(options.where);
    if (!bound) {
        return bound.error();
    }
    impl.bound = *bound;
    impl.server->start();
    for (int i = 0; i < std::max(1, options.threads); ++i) {
        impl.threads.emplace_back([&impl] { impl.io.run(); });
    }
    // Views of cases closed longer than the retention period go; checked every minute on a thread of its own
    // (a store call, so it takes the service's turn through its own connection).
    impl.sweeper = std::thread([&impl, clock, log] {
        auto next = std::chrono::steady_clock::now();
        while (impl.running) {
            if (std::chrono::steady_clock::now() >= next) {
                if (auto gone = impl.service->deleteExpired(clock()); !gone) {
                    log("expired citizen views could not be deleted: " + gone.error().code);
                }
                next = std::chrono::steady_clock::now() + std::chrono::minutes(1);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    });
    return listener;
}

void StatusListener::stop() {
    auto& impl = *m_impl;
    if (!impl.running.exchange(false)) {
        return;
    }
    if (impl.server) {
        impl.server->stop();
    }
    impl.io.stop();
    for (auto& t : impl.threads) {
        t.join();
    }
    impl.threads.clear();
    if (impl.sweeper.joinable()) {
        impl.sweeper.join();
    }
}

} // namespace fieldkit::hub
