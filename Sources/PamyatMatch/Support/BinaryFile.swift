#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes arrays of plain values to a file descriptor as raw native-endian bytes (the index cache).
/// POSIX calls on the arrays' own storage: no copy of a 200 MB array into a `Data` first.
struct BinaryWriter {
    let descriptor: Int32

    func write<T: BitwiseCopyable>(_ values: [T]) throws {
        try write(Int64(values.count))
        try values.withUnsafeBytes { bytes in try writeBytes(bytes) }
    }

    func write<T: BitwiseCopyable>(_ value: T) throws {
        try withUnsafeBytes(of: value) { bytes in try writeBytes(bytes) }
    }

    /// Strings as one byte array and an offset array.
    func write(strings: [String]) throws {
        var offsets: [UInt32] = [0]
        offsets.reserveCapacity(strings.count + 1)
        var bytes: [UInt8] = []
        for string in strings {
            bytes.append(contentsOf: string.utf8)
            offsets.append(UInt32(bytes.count))
        }
        try write(offsets)
        try write(bytes)
    }

    private func writeBytes(_ bytes: UnsafeRawBufferPointer) throws {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, base, min(remaining, 1 << 30))
            if written < 0 {
                if errno == EINTR { continue }
                throw MatchError(.cache, "cannot write the index cache (errno \(errno)).")
            }
            remaining -= written
            base += written
        }
    }
}

/// Reads what ``BinaryWriter`` wrote, straight into new arrays' storage.
struct BinaryReader {
    let descriptor: Int32
    /// Arrays longer than this are refused (a damaged file must not make us allocate terabytes).
    let maximumCount: Int

    func read<T: BitwiseCopyable>(_: T.Type = T.self) throws -> T {
        var value: T? = nil
        let size = MemoryLayout<T>.size
        let raw = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<T>.alignment)
        defer { raw.deallocate() }
        try readBytes(into: raw, count: size)
        value = raw.load(as: T.self)
        return value!
    }

    func readArray<T: BitwiseCopyable>(_: T.Type = T.self) throws -> [T] {
        let count = Int(try read(Int64.self))
        guard count >= 0, count <= maximumCount else { throw MatchError(.cache, "the index cache is damaged (an array of \(count)).") }
        var failure: MatchError? = nil
        let array = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            do {
                if count > 0 { try readBytes(into: UnsafeMutableRawPointer(buffer.baseAddress!), count: count * MemoryLayout<T>.stride) }
                initialized = count
            } catch {
                failure = error as? MatchError ?? MatchError(.cache, "\(error)")
                initialized = 0
            }
        }
        if let failure { throw failure }
        return array
    }

    func readStrings() throws -> [String] {
        let offsets: [UInt32] = try readArray()
        let bytes: [UInt8] = try readArray()
        guard let last = offsets.last, Int(last) == bytes.count else { throw MatchError(.cache, "the index cache is damaged (strings).") }
        var strings: [String] = []
        strings.reserveCapacity(max(0, offsets.count - 1))
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<max(0, offsets.count - 1) {
                let start = Int(offsets[index])
                let end = Int(offsets[index + 1])
                strings.append(String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<max(start, end)]), as: UTF8.self))
            }
        }
        return strings
    }

    private func readBytes(into base: UnsafeMutableRawPointer, count: Int) throws {
        var done = 0
        while done < count {
            let got = systemRead(descriptor, base + done, min(count - done, 1 << 30))
            if got < 0 {
                if errno == EINTR { continue }
                throw MatchError(.cache, "cannot read the index cache (errno \(errno)).")
            }
            if got == 0 { throw MatchError(.cache, "the index cache ends too early.") }
            done += got
        }
    }
}

@inline(__always)
private func systemWrite(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, base, count)
}

@inline(__always)
private func systemRead(_ descriptor: Int32, _ base: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, base, count)
}
