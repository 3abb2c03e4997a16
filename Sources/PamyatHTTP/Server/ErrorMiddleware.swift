import HTTPTypes
import Hummingbird

/// Turns every error a route throws into the API's JSON error: Hummingbird's own (no such route,
/// a body too large) into ``APIError``s with the API's codes, the use cases' by their types
/// (``APIHandlers/apiError(_:)``), never a bare 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = APIContext

    let api: APIHandlers

    func handle(_ request: Request, context: APIContext, next: (Request, APIContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            switch error.status {
            case .notFound, .methodNotAllowed:
                var failure = APIError(.noRoute, "There is no route \(request.method.rawValue) \(request.uri.path.prefix(120)); /openapi.json lists them.")
                failure.status = error.status
                throw failure
            case .contentTooLarge:
                throw APIError(.tooLarge, "The request body is over the server's limit.")
            default:
                throw APIError(status: error.status, code: "bad-request", message: error.body ?? "The request is malformed.")
            }
        } catch {
            throw api.apiError(error)
        }
    }
}
