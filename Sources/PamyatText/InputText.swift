import Foundation

/// Decodes and checks a document's bytes before any processing: every input goes through here,
/// so that bad input gets one clear error naming what and where, and nothing else sees it.
public enum InputText {
    /// Decodes `data` as UTF-8 text.
    ///
    /// - A UTF-8 byte order mark is dropped; UTF-16 with a BOM is decoded too (Windows tools write it).
    /// - CRLF and lone CR become LF.
    /// - Throws ``TextError/Code/binaryInput`` for data with NUL bytes, ``TextError/Code/invalidUTF8``
    ///   naming the first bad byte's offset, and ``TextError/Code/emptyInput`` for data that holds
    ///   nothing but white space.
    public static func decode(_ data: Data, source: String) throws(TextError) -> String {
        var bytes = [UInt8](data)
        if bytes.count >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let littleEndian = bytes[0] == 0xFF
            guard let text = String(data: data, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian) else {
                throw TextError(.invalidUTF8, "the file starts with a UTF-16 byte order mark but is not valid UTF-16.", source: source)
            }
            return try check(normalizeLineEnds(String(text.dropFirst(text.first == "\u{FEFF}" ? 1 : 0))), source: source)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            throw TextError(.binaryInput, "this looks like a binary file (a NUL byte at offset \(nul)); give a UTF-8 text or HTML file.", source: source, byteOffset: nul)
        }
        if let bad = firstInvalidUTF8Offset(bytes) {
            throw TextError(.invalidUTF8, "invalid UTF-8 at byte offset \(bad) (byte 0x\(String(bytes[bad], radix: 16, uppercase: true))); convert the file to UTF-8 (e.g. iconv -f cp1251 -t utf-8).", source: source, byteOffset: bad)
        }
        return try check(normalizeLineEnds(String(decoding: bytes, as: UTF8.self)), source: source)
    }

    /// The longest line (a paragraph, for text input) a command reads, in bytes: a long press
    /// release's paragraph is a few thousand.
    public static let maximumLineBytes = 1_000_000

    /// Reads and decodes a file, or standard input for `-`, in chunks; a line longer than
    /// `maximumLineBytes` (before its LF or CR) is refused as soon as that many of its bytes have
    /// been read (``TextError/Code/lineTooLong``, naming the line), so an enormous line is never
    /// held whole.
    public static func read(path: String, maximumLineBytes: Int = InputText.maximumLineBytes) throws(TextError) -> String {
        let source = path == "-" ? "<stdin>" : path
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw TextError(.missingFile, "no such file.", source: path)
            }
            guard !isDirectory.boolValue else {
                throw TextError(.notAFile, "is a directory, not a text file.", source: path)
            }
            do {
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            } catch {
                throw TextError(.unreadable, "cannot be read: \(error.localizedDescription)", source: path)
            }
        }
        defer { if path != "-" { try? handle.close() } }
        var data = Data()
        var line = 1
        var lineBytes = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 16) ?? Data()
            } catch {
                throw TextError(.unreadable, "cannot be read: \(error.localizedDescription)", source: source)
            }
            if chunk.isEmpty { break }
            var previous: UInt8 = data.last ?? 0
            for byte in chunk {
                if byte == 0x0A || byte == 0x0D {
                    if !(byte == 0x0A && previous == 0x0D) { line += 1 }
                    lineBytes = 0
                } else {
                    lineBytes += 1
                    if lineBytes > maximumLineBytes {
                        throw TextError(
                            .lineTooLong,
                            "the line is longer than \(grouped(maximumLineBytes)) bytes, the most a paragraph may have; break it into paragraphs (one per line).",
                            source: source, line: line)
                    }
                }
                previous = byte
            }
            data.append(chunk)
        }
        return try decode(data, source: source)
    }

    /// `1000000` as `1,000,000`.
    static func grouped(_ number: Int) -> String {
        var digits = String(number)
        var result = ""
        while digits.count > 3 {
            result = "," + digits.suffix(3) + result
            digits.removeLast(3)
        }
        return digits + result
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence, or `nil`.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            if bytes[i + 1] < lower || bytes[i + 1] > upper { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    private static func normalizeLineEnds(_ text: String) -> String {
        guard text.utf8.contains(13) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    private static func check(_ text: String, source: String) throws(TextError) -> String {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
            throw TextError(.emptyInput, "the file is empty (no text to process).", source: source)
        }
        return text
    }
}
