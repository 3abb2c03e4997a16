import Hummingbird

/// The request context of the HTTP API: Hummingbird's core context and how the client was let in.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// How the request was authenticated (set by the authentication middleware).
    public var authentication: Authentication = .open

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}

/// How a request was let in.
public enum Authentication: Sendable, Equatable {
    /// The server has no token.
    case open
    /// `Authorization: Bearer TOKEN`.
    case bearer
    /// The session cookie of `POST /login`; `csrfToken` is the session's CSRF token.
    case session(csrfToken: String)
    /// A route open to all (login, the OpenAPI document, static files).
    case publicRoute
}
