#include <charconv>
#include <cmath>
#include <fieldkit/common/command_line.hpp>
#include <fieldkit/core/utf8.hpp>
#include <fieldkit/version.hpp>
#include <ostream>
#include <sstream>

namespace fieldkit::common {

namespace {

/** Whether `name` (as typed, "--data") is an option of `app` or of any of its commands that takes a value. */
bool takesValue(const CLI::App& app, const std::string& name) {
    if (const CLI::Option* option = app.get_option_no_throw(name);
        option != nullptr && option->get_type_size_max() > 0) {
        return true;
    }
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (takesValue(*command, name)) {
            return true;
        }
    }
    return false;
}

/** The commands given, as typed: "fieldkit-ctl case list" (also after an error, up to where it stopped). */
std::string commandPath(const CLI::App& app) {
    std::string path = app.get_name();
    for (const CLI::App* at = &app;;) {
        const auto chosen = at->get_subcommands();
        if (chosen.empty()) {
            return path;
        }
        at = chosen.front();
        path += " " + at->get_name();
    }
}

template <typename Integer>
CLI::Validator wholeNumberIn(Integer min, Integer max) {
    const std::string range = "from " + std::to_string(min) + " to " + std::to_string(max);
    return {[min, max, range](std::string& text) {
                Integer value = 0;
                const char* end = text.data() + text.size();
                const auto parsed = std::from_chars(text.data(), end, value);
                if (parsed.ec != std::errc() || parsed.ptr != end || value < min || value > max) {
                    return "must be a whole number " + range;
                }
                return std::string();
            },
            range};
}

/** CLI11's message quotes the words it refused: their control characters are escaped, so the message stays
 *  one line and cannot move the terminal's cursor. */
std::string oneLine(std::string_view message) {
    std::string line;
    for (const char c : message) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
            constexpr const char* kHex = "0123456789abcdef";
            line += "\\x";
            line += kHex[(static_cast<unsigned char>(c) >> 4) & 0xf];
            line += kHex[static_cast<unsigned char>(c) & 0xf];
        } else {
            line += c;
        }
    }
    return line;
}

/** What an ExtrasError says instead of CLI11's message: unknown options by name (a typo to correct), other
 *  words only by count, never themselves. */
std::string extraWordsMessage(const std::vector<std::string>& extras) {
    std::string options;
    std::size_t words = 0;
    for (const auto& extra : extras) {
        if (extra.starts_with("-")) {
            options += (options.empty() ? "" : ", ") + oneLine(extra);
        } else {
            ++words;
        }
    }
    std::string message;
    if (!options.empty()) {
        message = "unknown option " + options;
    }
    if (words > 0) {
        message += (message.empty() ? "" : "; ") +
                   (words == 1 ? std::string("one word") : std::to_string(words) + " words") +
                   " more than the command takes";
    }
    return message.empty() ? std::string("more words than the command takes") : message;
}

} // namespace

CLI::Validator wholeNumber(std::int64_t min, std::int64_t max) {
    return wholeNumberIn(min, max);
}

CLI::Validator unsignedWholeNumber(std::uint64_t min, std::uint64_t max) {
    return wholeNumberIn(min, max);
}

CLI::Validator decimalNumber(double min, double max) {
    std::ostringstream range;
    range << "from " << min << " to " << max;
    return {[min, max, range = range.str()](std::string& text) {
                double value = 0;
                const char* end = text.data() + text.size();
                const auto parsed = std::from_chars(text.data(), end, value);
                if (parsed.ec != std::errc() || parsed.ptr != end || !std::isfinite(value) || value < min ||
                    value > max) {
                    return "must be a number " + range;
                }
                return std::string();
            },
            range.str()};
}

Status checkArgumentsAreText(const CLI::App& app, int argc, const char* const* argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view word = argv[i];
        if (core::isValidUtf8(word)) {
            continue;
        }
        // "--name=value", or "--name value" where --name takes a value: name the option, never echo the text.
        std::string option;
        if (const auto equals = word.find('='); word.starts_with("--") && equals != std::string_view::npos &&
                                                core::isValidUtf8(word.substr(0, equals))) {
            option = std::string(word.substr(0, equals));
        } else if (i > 1 && std::string_view(argv[i - 1]).starts_with("-") &&
                   core::isValidUtf8(argv[i - 1]) && takesValue(app, argv[i - 1])) {
            option = argv[i - 1];
        }
        return makeError("invalid_text", option.empty()
                                             ? "Argument " + std::to_string(i) + " is not valid UTF-8 text."
                                             : "The value of " + option + " is not valid UTF-8 text.");
    }
    return {};
}

CommandLine::CommandLine(const std::string& program, const std::string& description)
    : m_app(description, program) {
    m_app.set_version_flag("--version", program + " " + kVersion, "Print the version and exit");
    // Options of a command before it (`fieldkit-ctl --data DIR case list`) or after it
    // (`fieldkit-ctl case list --data DIR`) alike: a command passes what it does not know to its parent.
    m_app.fallthrough();
}

CLI::App* CommandLine::addGroup(CLI::App& parent, const std::string& name, const std::string& description) {
    CLI::App* group = parent.add_subcommand(name, description);
    group->require_subcommand(1);
    return group;
}

std::optional<int> CommandLine::parse(int argc, const char* const* argv, std::ostream& out,
                                      std::ostream& err) {
    const std::string& program = m_app.get_name();
    if (auto st = checkArgumentsAreText(m_app, argc, argv); !st) {
        err << program << ": " << st.error().message << '\n';
        return 2;
    }
    try {
        m_app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        out << m_app.help(); // the help of the command given, if any
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        out << m_app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion& version) {
        out << version.what() << '\n';
        return 0;
    } catch (const CLI::ExtrasError& e) {
        // Not the words themselves: a CPR number or a name typed in the wrong place would end up in a
        // terminal's scrollback or the service's journal.
        err << program << ": " << extraWordsMessage(m_app.remaining(true)) << " (see "
            << oneLine(commandPath(m_app)) << " --help)\n";
        return 2;
    } catch (const CLI::ParseError& e) {
        // One line: what is wrong, and where the options of the command are described.
        err << program << ": " << oneLine(e.what()) << " (see " << oneLine(commandPath(m_app))
            << " --help)\n";
        return 2;
    }
    return std::nullopt;
}

} // namespace fieldkit::common
