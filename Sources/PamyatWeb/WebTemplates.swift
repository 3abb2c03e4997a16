import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// The page templates (`Sources/PamyatWeb/Templates/*.mustache`, shipped as resources), parsed once.
///
/// Every page is rendered with `{{ }}`, which escapes HTML: stored text can never become markup.
struct WebTemplates: Sendable {
    let library: MustacheLibrary

    /// Reads and parses every template in the bundle; a missing or malformed one is a ``WebError``.
    static func load() throws(WebError) -> WebTemplates {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates") else {
            throw WebError("The web page's templates are missing from the installation (pamyat_PamyatWeb.resources).")
        }
        var library = MustacheLibrary()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        } catch {
            throw WebError("Cannot read the web page's templates in \(folder.path): \(error.localizedDescription)")
        }
        for name in names {
            let url = folder.appendingPathComponent(name)
            do {
                let text = try String(contentsOf: url, encoding: .utf8)
                try library.register(text, named: String(name.dropLast(".mustache".count)))
            } catch {
                throw WebError("The web page's template \(url.path) cannot be read: \(error).")
            }
        }
        return WebTemplates(library: library)
    }

    /// The page `name` rendered from `view`, as an HTML response.
    func page(_ name: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(view, withTemplate: name) ?? "<!doctype html><title>pamyat</title><p>The template \(name) is missing."
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", HTTPField.Name("X-Content-Type-Options")!: "nosniff"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// A failure of the web page's own set-up (its templates).
public struct WebError: Error, Sendable, CustomStringConvertible {
    public var message: String
    init(_ message: String) { self.message = message }
    public var description: String { message }
}
