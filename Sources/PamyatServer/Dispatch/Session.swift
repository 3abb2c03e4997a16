/// What the server remembers about one connection between its requests.
struct Session: Sendable {
    /// Whether the connection has sent `AUTH` with the right token (or the server needs none).
    var isAuthenticated: Bool
    /// How many lines the connection has sent, for messages (the first is line 1).
    var lineNumber = 0

    init(isAuthenticated: Bool) {
        self.isAuthenticated = isAuthenticated
    }
}
