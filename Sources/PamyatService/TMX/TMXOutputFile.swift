import Foundation
import PamyatTMX

/// Where an export writes: standard output for `-`, else a temporary file beside the destination
/// (`.NAME.pamyat-tmp-PID-RANDOM`) that ``commit()`` flushes to disk and renames onto the destination, and
/// ``discard()`` removes. Writes go straight to the descriptor (the TMX writer buffers).
final class TMXOutputFile {
    let path: String
    private let temporaryPath: String?
    private var descriptor: Int32

    init(path: String) throws {
        self.path = path
        if path == "-" {
            temporaryPath = nil
            descriptor = STDOUT_FILENO
            return
        }
        let destination = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw TMXError(.cannotWrite, "is a directory; give a file name such as memory.tmx.", file: path)
        }
        let folder = destination.deletingLastPathComponent()
        let unique = UUID().uuidString.prefix(8)
        let temporary = folder.appendingPathComponent(".\(destination.lastPathComponent).pamyat-tmp-\(getpid())-\(unique)").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw TMXError(.cannotWrite, "cannot create a file in \(folder.path): \(String(cString: strerror(errno))).", file: path)
        }
        temporaryPath = temporary
        descriptor = fd
    }

    deinit {
        if descriptor >= 0 && descriptor != STDOUT_FILENO { close(descriptor) }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw TMXError(.cannotWrite, "cannot write: \(String(cString: strerror(errno))); nothing was exported.", file: path)
            }
            offset += written
        }
    }

    /// Makes the output final: flushes it to disk and renames it into place.
    func commit() throws {
        guard let temporaryPath else { return }
        if fsync(descriptor) != 0 {
            throw TMXError(.cannotWrite, "cannot flush to disk: \(String(cString: strerror(errno))); nothing was exported.", file: path)
        }
        close(descriptor)
        descriptor = -1
        if rename(temporaryPath, path) != 0 {
            throw TMXError(.cannotWrite, "cannot move the finished export into place: \(String(cString: strerror(errno))).", file: path)
        }
    }

    /// Removes the temporary file (after a failure).
    func discard() {
        guard let temporaryPath else { return }
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        unlink(temporaryPath)
    }
}
