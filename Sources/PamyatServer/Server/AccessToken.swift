import Foundation

/// The shared secret that `AUTH` must present, read from `--token-file`.
public struct AccessToken: Sendable {
    private let bytes: [UInt8]

    /// A token given directly (tests).
    public init(_ token: String) throws(ServerError) {
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw ServerError(.configuration, "The access token is empty; put a long random string in the token file.")
        }
        bytes = Array(trimmed.utf8)
    }

    /// Reads the token file: its text without surrounding white space (a trailing newline is usual).
    public init(contentsOf url: URL) throws(ServerError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ServerError(.configuration, "\(url.path): cannot read the token file; check the path and its permissions.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ServerError(.configuration, "\(url.path): the token file is not UTF-8 text.")
        }
        do {
            try self.init(text)
        } catch {
            throw ServerError(.configuration, "\(url.path): the token file is empty; put a long random string in it.")
        }
    }

    /// Whether `candidate` is the token, in time that depends only on the token's length and not on
    /// where the two differ (so a client cannot guess it byte by byte from response times).
    ///
    /// Hand-written: it is a few lines, and the package depends on no crypto library.
    public func matches(_ candidate: String) -> Bool {
        let given = Array(candidate.utf8)
        var difference: UInt8 = given.count == bytes.count ? 0 : 1
        for index in bytes.indices {
            let other = index < given.count ? given[index] : 0
            difference |= bytes[index] ^ other
        }
        return difference == 0
    }
}
