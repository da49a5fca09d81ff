import ArgumentParser
import Foundation
import FolioEngine
import FolioModel
import FolioWatch
import Synchronization

/// `folio watch`: renders a report again each time one of its files, its layout or the font manifest is saved,
/// keeping the engine warm; with --serve, a live preview page on 127.0.0.1.
struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Render a report again whenever its files, layout or fonts change; optionally serve a live preview page.",
        discussion: """
        Examples:
          folio watch Examples/dprk-upr4 --output out
          folio watch Examples/dprk-upr4 --edition en --serve --port 8400
        Writes the PDFs to --output and PNG pages to <output>/preview (named as by `folio preview`), then watches
        the report folder, the layout files and the font manifest. A burst of saves renders once; each render prints
        one line (time, pages, pages redrawn, warnings, milliseconds until the pictures and the PDF were written).
        A save that cannot be rendered (invalid YAML, a broken table) prints its error and keeps the last good output.
        --serve shows the pages, the page map and the warnings at http://127.0.0.1:<port>/ (this machine only); the
        page reloads itself after each render. Ctrl-C ends it.
        """)

    @Argument(help: "The report folder (holding report.yaml).")
    var report: String
    @Option(name: .long, help: "Edition to render (repeatable); all editions when omitted.")
    var edition: [String] = []
    @Option(name: .long, help: "Layout name (from Layouts/) or path to a layout .yaml file.")
    var layout: String?
    @Option(name: .long, help: "Output folder (the pictures go in its preview/ folder).")
    var output: String = "out"
    @Option(name: .long, help: "Resolution of the pictures in pixels per inch.")
    var dpi: Double = 96
    @Flag(name: .long, help: "Also write each page with the layout boxes drawn over it (always with --serve).")
    var boxes = false
    @Flag(name: .long, help: "Serve a live preview page on 127.0.0.1.")
    var serve = false
    @Option(name: .long, help: "The preview page's port (0: any free port, printed at start).")
    var port: Int = 8400

    func validate() throws {
        guard dpi >= 10 && dpi <= 600 else { throw ValidationError("--dpi must be between 10 and 600") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() throws {
        if let loaded = try? Report.load(directory: report) { _ = try Runner.select(edition, from: loaded) }
        else { _ = try Runner.loadReport(report) }
        try Runner.outputFolder(output)
        let engine = try makeEngine()
        var options = WatchOptions(report: report, output: output)
        options.editions = edition
        options.layout = layout
        options.dpi = dpi
        options.boxes = boxes || serve
        let session: WatchSession
        do { session = try WatchSession(options: options, engine: engine) } catch {
            throw Runner.fail(error, format: .text, status: .output)
        }
        let watcher = try FileWatcher()
        try watchFolders(watcher, engine: engine)
        if serve { try startServer(session.board) }
        show(session.render())
        loop(session, watcher)
    }

    /// A line on standard output, written at once (print's buffer would hold it back when the output is a pipe).
    private func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    private func makeEngine() throws -> Engine {
        do { return try Engine(keepParagraphs: true) } catch { throw Runner.fail(error, format: .text, status: .internal) }
    }

    /// The report folder and those under it (not the output folder), the layouts' folders and the fonts' folder.
    private func watchFolders(_ watcher: FileWatcher, engine: Engine) throws {
        try watcher.watchTree(report, skipping: [FileWatcher.canonical(output)])
        try watcher.watch(folder: engine.home + "/Layouts")
        try watcher.watch(folder: engine.home + "/Fonts")
        if let layout, layout.hasSuffix(".yaml") || layout.contains("/") {
            try watcher.watch(folder: (layout as NSString).deletingLastPathComponent.isEmpty ? "." : (layout as NSString).deletingLastPathComponent)
        }
    }

    /// Waits for changes; a burst of saves (until 60 ms pass without one) makes one render.
    private func loop(_ session: WatchSession, _ watcher: FileWatcher) -> Never {
        let outputFolder = FileWatcher.canonical(output) + "/"
        while true {
            var changed = watcher.changes(timeout: 15)
            if changed.isEmpty { session.board.keepAlive(); continue }
            while case let more = watcher.changes(timeout: 0.06), !more.isEmpty { changed += more }
            let relevant = changed.filter { path in
                let name = (path as NSString).lastPathComponent
                return !name.hasPrefix(".") && !name.hasSuffix("~") && !name.hasSuffix(".swp")
                    && !FileWatcher.canonical(path).hasPrefix(outputFolder)
            }
            guard !relevant.isEmpty else { continue }
            if relevant.contains(where: { FileWatcher.canonical($0).hasPrefix(FileWatcher.canonical(session.engine.home + "/Fonts") + "/") }) {
                do { session.replaceEngine(try Engine(keepParagraphs: true)) } catch { Runner.printError(error, edition: nil) }
            }
            try? watcher.watchTree(report, skipping: [FileWatcher.canonical(output)])   // folders made since
            show(session.render())
        }
    }

    private func show(_ figures: RenderFigures) {
        if let error = figures.error { Runner.printDiagnostic(error) }
        say(figures.line())
    }

    /// Starts the preview server and prints its address.
    private func startServer(_ board: WatchBoard) throws {
        let server: PreviewServer
        do { server = try PreviewServer(board: board, port: UInt16(port)) } catch {
            throw Runner.fail(EngineError(call: "listen", reason: "cannot serve on 127.0.0.1:\(port): \(error)"), format: .text, status: .output)
        }
        let done = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<Int?, Error>?>(nil)
        Task.detached {
            do { try await server.start(); let p = await server.port(); outcome.withLock { $0 = .success(p) } }
            catch { outcome.withLock { $0 = .failure(error) } }
            done.signal()
        }
        done.wait()
        switch outcome.withLock({ $0 })! {
        case .success(let p): say("serving http://127.0.0.1:\(p ?? port)/")
        case .failure(let error):
            throw Runner.fail(EngineError(call: "listen", reason: "cannot serve on 127.0.0.1:\(port): \(error)"), format: .text, status: .output)
        }
    }
}
