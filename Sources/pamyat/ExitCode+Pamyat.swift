import ArgumentParser

/// pamyat's exit codes (the BSD sysexits values, so scripts can tell failures apart).
extension ExitCode {
    /// Bad input data: invalid UTF-8, a binary or empty file, malformed TMX, an unknown language.
    static let dataError = ExitCode(65)
    /// An input file or a memory that does not exist.
    static let noInput = ExitCode(66)
    /// A server that cannot be reached (`lookup --connect`, or a `postgresql://` memory's database
    /// server).
    static let unavailable = ExitCode(69)
    /// The server sent what the protocol does not allow (`lookup --connect`).
    static let protocolError = ExitCode(76)
    /// Internal software error.
    static let software = ExitCode(70)
    /// The memory or an output file cannot be created or written.
    static let cannotCreate = ExitCode(73)
    /// An I/O error while reading or writing.
    static let ioError = ExitCode(74)

    /// The table shown in `pamyat --help`.
    static let table = """
        Exit codes: 0 success; 1 failure (e.g. a lookup found nothing where that is an error); \
        64 bad usage (an unknown option, a value out of range, an unknown scheme:// memory); 65 bad input data (invalid UTF-8, \
        binary or empty file, a text line over 1,000,000 bytes, malformed TMX, unknown language); 66 a missing input file or memory; \
        69 a server that cannot be reached (lookup --connect, or a postgresql:// memory's server); \
        70 internal error; 73 a memory or output file that cannot be created or written (also a full disk); \
        74 an I/O error; 76 a server that answers outside the protocol (lookup --connect).
        """
}
