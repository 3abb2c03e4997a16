import Foundation

/// The files shipped in the module's bundle (`Sources/PamyatHTTP/Public`): the OpenAPI document,
/// and under `static/` what `/static/` serves (the web page's scripts and styles go there).
public enum HTTPResources {
    /// The folder of the resources.
    public static var folder: URL? { Bundle.module.resourceURL?.appendingPathComponent("Public") }

    /// The bytes of the resource at `path` (relative to the folder), or nil.
    public static func data(_ path: String) -> Data? {
        guard let folder else { return nil }
        return try? Data(contentsOf: folder.appendingPathComponent(path))
    }

    /// The `Content-Type` for a file name.
    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "txt", "md": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
