#include <fieldkit/center/console_tls.hpp>
#include <fieldkit/hub/web_tls.hpp>

namespace fieldkit::center {

Result<boost::asio::ssl::context> makeConsoleTlsContext(const tls::Credentials& credentials) {
    return hub::makeWebTlsContext(credentials);
}

Result<tls::Credentials> consoleCredentials(hub::Center& center, const hub::CenterDir& dir,
                                            const std::optional<std::filesystem::path>& certFile,
                                            const std::optional<std::filesystem::path>& keyFile) {
    return hub::webCredentials(center, dir, "console", "fieldkit-center", certFile, keyFile);
}

} // namespace fieldkit::center
