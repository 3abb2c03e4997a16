/// What a `--memory`, `PAMYAT_MEMORY` or `serve --memory` value names: a memory by name, a file, or
/// a URL. A value with a URL scheme (`postgresql://…`, any `scheme://…`) is never taken for a path.
public enum MemoryAddress: Hashable, Sendable {
    /// A name (no `/`, not `.`/`..`, no `~` prefix, no store file ending): a memory in the catalogue's folder.
    case name(String)
    /// A file path (relative paths are relative to the working directory; `~` is expanded by the catalogue).
    case path(String)
    /// A URL: `scheme` lowercased, `text` the value as given.
    case url(scheme: String, text: String)

    /// Classifies `value`. `fileExtension` is the ending of the default store's files (a value
    /// ending in it is a path, not a name).
    public init(_ value: String, fileExtension: String) {
        if let scheme = Self.scheme(of: value) {
            self = scheme == "file" ? .path(String(value.dropFirst("file://".count))) : .url(scheme: scheme, text: value)
        } else if !value.contains("/") && !value.hasSuffix("." + fileExtension) && value != "." && value != ".."
            && !value.hasPrefix("~") {
            self = .name(value)
        } else {
            self = .path(value)
        }
    }

    /// The scheme of `value` when it starts like a URL (`ALPHA *(ALPHA / DIGIT / "+" / "-" / ".") "://"`), lowercased.
    static func scheme(of value: String) -> String? {
        guard let colon = value.firstIndex(of: ":"), value[colon...].hasPrefix("://") else { return nil }
        let scheme = value[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
            scheme.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) })
        else { return nil }
        return scheme.lowercased()
    }

    /// The value with any password in a URL's user information replaced by `***`, for messages.
    public static func redacted(_ value: String) -> String {
        guard scheme(of: value) != nil, let start = value.range(of: "://")?.upperBound,
            let at = value[start...].firstIndex(of: "@") else { return value }
        let userInfo = value[start..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return value }
        return String(value[..<colon]) + ":***" + String(value[at...])
    }
}

extension Unicode.Scalar {
    fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
