import Foundation
import FlyingFox
import FlyingSocks
import FolioEngine
import FolioModel

/// The preview page of `folio watch --serve`, on 127.0.0.1 only: the page itself (PreviewPage.html), the state of
/// the last render as JSON, the pictures, and a stream of server-sent events that says when a render is published.
public final class PreviewServer: Sendable {
    let board: WatchBoard
    let server: HTTPServer

    /// A server on 127.0.0.1:`port` (0: a free port, see `port()`).
    public init(board: WatchBoard, port: UInt16) throws {
        self.board = board
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: Silent())
    }

    /// Serves until the process ends; returns once the server listens.
    public func start() async throws {
        let board = self.board
        await server.appendRoute("GET /") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: Data(PreviewPage.html.utf8))
        }
        await server.appendRoute("GET /state") { _ in
            let body = try JSONEncoder().encode(PageState(board.snapshot))
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"], body: body)
        }
        await server.appendRoute("GET /pages/*") { request in
            Self.picture(String(request.path.dropFirst("/pages/".count)), board: board)
        }
        await server.appendRoute("GET /events") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                         body: HTTPBodySequence(from: EventBytes(versions: board.versions())))
        }
        let server = self.server
        Task.detached { try? await server.run() }
        try await server.waitUntilListening()
    }

    /// The port the server listens on.
    public func port() async -> Int? {
        guard let address = await server.listeningAddress, case .ip4(_, let port) = address else { return nil }
        return Int(port)
    }

    /// A picture of the preview folder, by a name that a page of the last render uses (no other file is served).
    static func picture(_ name: String, board: WatchBoard) -> HTTPResponse {
        let snapshot = board.snapshot
        let known = snapshot.editions.contains { e in
            (1...max(1, e.map.count)).contains { n in
                name == PreviewPages.name(stem: e.stem, page: n, boxes: false) || name == PreviewPages.name(stem: e.stem, page: n, boxes: true)
            }
        }
        guard known, let data = FileManager.default.contents(atPath: snapshot.previewFolder + "/" + name) else {
            return HTTPResponse(statusCode: .notFound)
        }
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "image/png", .cacheControl: "max-age=3600"], body: data)
    }
}

/// The server's own log is not shown: the watch loop prints one line per render and nothing else.
struct Silent: Logging {
    func logDebug(_ debug: @autoclosure () -> String) {}
    func logInfo(_ info: @autoclosure () -> String) {}
    func logWarning(_ warning: @autoclosure () -> String) {}
    func logError(_ error: @autoclosure () -> String) {}
    func logCritical(_ critical: @autoclosure () -> String) {}
}

/// The JSON of `/state`: what the page shows.
struct PageState: Encodable {
    struct Diagnostic: Encodable {
        var severity: String
        var text: String
        /// `file:line`, and the text of that line of the source.
        var place: String?
        var source: String?
    }
    struct PageEntry: Encodable {
        var number: Int
        var label: String
        var lines: String
        var contents: String
        var text: String
        var picture: String
        var boxes: String?
        var version: Int
    }
    struct EditionEntry: Encodable {
        var code: String
        var title: String
        var pdf: String
        var pages: [PageEntry]
        var warnings: [Diagnostic]
    }
    var version: Int
    var editions: [EditionEntry]
    var error: Diagnostic?

    init(_ s: WatchBoard.Snapshot) {
        version = s.version
        error = s.error.map(Self.diagnostic)
        editions = s.editions.map { e in
            EditionEntry(code: e.code, title: e.title, pdf: e.pdf, pages: e.map.indices.map { i in
                PageEntry(number: i + 1, label: e.map[i].label, lines: PreviewPages.sourceLines(e.map[i]),
                          contents: PreviewPages.contents(e.map[i]), text: i < e.texts.count ? e.texts[i] : "",
                          picture: PreviewPages.name(stem: e.stem, page: i + 1, boxes: false),
                          boxes: s.boxes ? PreviewPages.name(stem: e.stem, page: i + 1, boxes: true) : nil,
                          version: i < e.changedAt.count ? e.changedAt[i] : s.version)
            }, warnings: e.findings.filter { $0.severity != .note }.map(Self.diagnostic))
        }
    }

    static func diagnostic(_ f: Finding) -> Diagnostic {
        var place: String? = nil, source: String? = nil
        if let at = f.location, !at.file.isEmpty {
            place = at.line > 0 ? "\(at.file):\(at.line)" : at.file
            source = at.line > 0 ? Self.line(at.line, of: at.file) : nil
        }
        return Diagnostic(severity: f.severity.rawValue, text: f.message + (f.hint.map { " (\($0))" } ?? ""), place: place, source: source)
    }

    /// Line `n` (1-based) of a text file, if it has one.
    static func line(_ n: Int, of file: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return n <= lines.count ? String(lines[n - 1]) : nil
    }
}

/// The bytes of a server-sent event stream: `data: <version>` at each render, and a comment at each keep-alive
/// (version 0), so that a closed page is noticed (the write fails) and its stream ends.
struct EventBytes: AsyncBufferedSequence {
    typealias Element = UInt8
    let versions: AsyncStream<Int>

    func makeAsyncIterator() -> Iterator { Iterator(versions: versions.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var versions: AsyncStream<Int>.Iterator
        var started = false
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty { pending = try await nextBuffer(suggested: 1) ?? [] }
            return pending.isEmpty ? nil : pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if !pending.isEmpty { defer { pending = [] }; return pending }
            // The first buffer goes out at once, so that the page knows it is connected.
            if !started { started = true; return Array(": connected\n\n".utf8) }
            guard let version = await versions.next() else { return nil }
            return Array((version == 0 ? ": keep-alive\n\n" : "data: \(version)\n\n").utf8)
        }
    }
}
