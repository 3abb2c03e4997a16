import PamyatCore
import PamyatServer
import PamyatService

/// The command line's advice for an error from a library: which option to give.
///
/// The libraries' messages name no command-line options: they also reach protocol clients (a server's
/// `LOOKUP` answer) and any other front end, which have no such options. The executable, which has
/// them, adds its hint after the message — chosen by the error's type and code, never by its text.
enum FlagHint {
    /// The sentence to add after `error`'s message, or nil when no option would help.
    static func hint(for error: any Error) -> String? {
        switch error {
        case let error as LookupError:
            switch error.code {
            case .unknownPair, .sameLanguage: return "Check --from and --to."
            case .sameTranslationLanguage: return "Give --to another language than --lang."
            case .unknownMemory, .badText, .badOption: return nil
            }
        case let error as AddingError:
            switch error.code {
            case .unknownLanguage: return "Give --from/--to (e.g. --from ru --to en)."
            case .sameLanguage: return "Check the files, or set --from/--to."
            case .implausibleLengths: return "Pass --force to align them anyway."
            case .noPairs, .usage: return nil
            }
        case let error as StoreError:
            switch error.code {
            case .notAMemory: return "Choose the memory with --memory NAME (e.g. --memory press) or --memory FILE.sqlite."
            default: return nil
            }
        case let error as ServerError:
            guard error.code == .configuration, let setting = error.setting else { return nil }
            switch setting {
            case .host: return "Choose the address with --listen."
            case .port: return "Choose the port with --port."
            case .token: return "Give --token-file FILE, or --insecure if the network is trusted."
            }
        default:
            return nil
        }
    }

    /// `message` followed by the hint for `error`, if there is one.
    static func adding(to message: String, for error: any Error) -> String {
        guard let hint = hint(for: error) else { return message }
        return message.hasSuffix(".") || message.hasSuffix("?") ? "\(message) \(hint)" : "\(message). \(hint)"
    }
}
