import NIOConcurrencyHelpers

/// The login sessions of the web page: a random id (the cookie) per session, with its CSRF token
/// and expiry. Kept in memory: a restart logs everyone out.
package final class SessionStore: Sendable {
    struct Session {
        var csrfToken: String
        var expires: ContinuousClock.Instant
    }

    private let sessions = NIOLockedValueBox([String: Session]())
    let lifetime: Duration

    init(lifetime: Duration) {
        self.lifetime = lifetime
    }

    /// Opens a session: its id and CSRF token.
    func open() -> (id: String, csrfToken: String) {
        let id = Self.randomToken()
        let csrf = Self.randomToken()
        let now = ContinuousClock.now
        sessions.withLockedValue { sessions in
            sessions = sessions.filter { $0.value.expires > now }
            sessions[id] = Session(csrfToken: csrf, expires: now + lifetime)
        }
        return (id, csrf)
    }

    /// The CSRF token of the live session `id`, or nil.
    func csrfToken(of id: String) -> String? {
        let now = ContinuousClock.now
        return sessions.withLockedValue { sessions in
            guard let session = sessions[id], session.expires > now else { return nil }
            return session.csrfToken
        }
    }

    func close(_ id: String) {
        _ = sessions.withLockedValue { $0.removeValue(forKey: id) }
    }

    /// 32 random bytes as hex, from the system's generator.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            text += String(repeating: "0", count: word.leadingZeroBitCount / 4) + (word == 0 ? "" : String(word, radix: 16))
        }
        return text
    }
}
