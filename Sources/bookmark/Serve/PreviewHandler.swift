import BookmarkModel
import FlyingFox
import Foundation

/// Answers every request of `bookmark serve`: the built site's files, the reload script and
/// the event stream.
struct PreviewHandler: HTTPHandler {
    /// The folder the site is built into; swapped whole on each good build.
    let siteFolder: URL
    let hub: EventHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            let headers: HTTPHeaders = [HTTPHeader("Allow"): "GET, HEAD"]
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers)
        }
        let path = request.target.path()
        if path == ReloadScript.eventsPath {
            return await events()
        }
        if path == ReloadScript.path {
            return respond(request, status: .ok, type: "text/javascript; charset=utf-8", body: Data(ReloadScript.source.utf8))
        }
        return await file(request, path: path)
    }

    private func events() async -> HTTPResponse {
        let stream = await hub.subscribe()
        let headers: HTTPHeaders = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: stream, suggestedBufferSize: 64 * 1024))
    }

    private func file(_ request: HTTPRequest, path: String) async -> HTTPResponse {
        let version = await hub.servedVersion
        guard let version else {
            return respond(request, status: .serviceUnavailable, type: "text/html; charset=utf-8",
                           body: Data(ReloadScript.inject(into: Self.noSiteYet, version: "none").utf8))
        }
        switch SitePath.resolve(path, in: siteFolder) {
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else { return await notFound(request, version) }
            let type = ContentType.of(url)
            return respond(request, status: .ok, type: type, body: withScript(data, type: type, version: version))
        case .redirect(let location):
            let headers: HTTPHeaders = [.location: location, .cacheControl: "no-store"]
            return HTTPResponse(statusCode: .movedPermanently, headers: headers)
        case .forbidden:
            return respond(request, status: .forbidden, type: "text/plain; charset=utf-8", body: Data("403 Forbidden\n".utf8))
        case .notFound:
            return await notFound(request, version)
        }
    }

    /// The site's own `404.html` when it has one.
    private func notFound(_ request: HTTPRequest, _ version: String) async -> HTTPResponse {
        let page = FileManager.default.contents(atPath: siteFolder.appendingPathComponent(Route.notFound.path).path)
            ?? Data(Self.notFoundPage.utf8)
        let type = "text/html; charset=utf-8"
        return respond(request, status: .notFound, type: type, body: withScript(page, type: type, version: version))
    }

    private func withScript(_ data: Data, type: String, version: String) -> Data {
        guard ContentType.isHTML(type) else { return data }
        return Data(ReloadScript.inject(into: String(decoding: data, as: UTF8.self), version: version).utf8)
    }

    /// HEAD gets the headers of GET, with the length, and no body.
    private func respond(_ request: HTTPRequest, status: HTTPStatusCode, type: String, body: Data) -> HTTPResponse {
        var headers: HTTPHeaders = [
            .contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
        ]
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers, body: Data())
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }

    static let noSiteYet = """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>bookmark serve</title></head>
        <body><p>エラーがあるため、まだサイトを作れていません。ターミナルに出ている場所を直して保存してください。</p></body></html>
        """

    static let notFoundPage = """
        <!doctype html>
        <html lang="ja"><head><meta charset="utf-8"><title>ページが見つかりません</title></head>
        <body><p>ページが見つかりません。<a href="/">トップページへ</a></p></body></html>
        """
}
