import ArgumentParser
import Foundation
import FolioEngine
import FolioModel
import Synchronization

/// `--format`: text for people, or one JSON object on standard output (the schema of docs/cli.md).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// What every command's JSON holds besides its own fields: the diagnostics and the exit code.
struct JSONResult<Body: Encodable>: Encodable {
    var diagnostics: [Finding]
    var exit: Int32
    var body: Body

    enum CodingKeys: String, CodingKey { case diagnostics, exit }
    func encode(to encoder: Encoder) throws {
        try body.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(diagnostics, forKey: .diagnostics)
        try c.encode(exit, forKey: .exit)
    }
}

/// A command's JSON with nothing of its own (a failure before any result).
struct NoBody: Encodable { func encode(to encoder: Encoder) throws {} }

/// Shared steps of the subcommands: load, select, report errors the same way, exit with the table's codes.
enum Runner {
    /// The engine lives as long as the process: its caches (shaped words, fonts, faces) are thousands of small
    /// objects that the process's exit returns at once, where freeing them one by one would take time for nothing.
    static func engine(format: OutputFormat = .text) throws -> Engine {
        do {
            let engine = try Engine()
            kept.withLock { $0.append(engine) }
            return engine
        } catch { throw fail(error, format: format, status: .internal) }
    }
    private static let kept = Mutex<[Engine]>([])

    static func loadReport(_ directory: String, format: OutputFormat = .text) throws -> Report {
        do { return try Report.load(directory: directory) } catch { throw fail(error, format: format) }
    }

    /// The editions named on the command line (each once, in the report's order), or all of them.
    static func select(_ codes: [String], from report: Report) throws -> [Edition] {
        if codes.isEmpty { return report.editions }
        for code in codes where !report.editions.contains(where: { $0.code == code }) {
            let known = report.editions.map(\.code)
            let guess = Spelling.nearest(to: code, in: known).map { "did you mean '\($0)'? " } ?? ""
            throw UsageError("\(report.file): report '\(report.id)' has no edition '\(code)': \(guess)its editions are \(known.joined(separator: ", "))")
        }
        return report.editions.filter { codes.contains($0.code) }
    }

    /// Makes the output folder; a file in its place is an output error, said plainly.
    static func outputFolder(_ path: String, format: OutputFormat = .text) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw fail(EngineError(call: "mkdir", reason: "--output \(path) is a file, not a folder: name a folder (it is made if missing)"),
                       format: format, status: .output)
        }
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? error.localizedDescription
            throw fail(EngineError(call: "mkdir", reason: "cannot make the output folder \(path): \(reason)"), format: format, status: .output)
        }
    }

    /// Takes the output folder's lock (waiting, with a line on standard error, while another folio writes there)
    /// and opens its manifest.
    static func lockedBook(_ folder: String, report: String?, format: OutputFormat = .text) throws -> ManifestBook {
        do {
            try AtomicFile.lockFolder(folder) { FileHandle.standardError.write(Data("\($0)\n".utf8)) }
        } catch { throw fail(error, format: format, status: .output) }
        return ManifestBook(folder: folder, report: report)
    }

    /// Prints an error that ends the command (as text on standard error, or as the command's JSON) and returns
    /// the failure to throw.
    static func fail(_ error: Error, format: OutputFormat, status: ExitStatus? = nil) -> CommandFailure {
        let status = status ?? ExitStatus.of(error)
        switch format {
        case .text: printError(error, edition: nil)
        case .json: emit(JSONResult(diagnostics: [Finding(error: error, edition: nil)], exit: status.rawValue, body: NoBody()))
        }
        return CommandFailure(status)
    }

    /// One JSON object on standard output, keys sorted, on one line.
    static func emit<T: Encodable>(_ value: T) {
        // Encoding plain values cannot fail; if it ever did, the exit code still says so.
        if let bytes = try? JSONOutput.encode(value, pretty: false) { FileHandle.standardOutput.write(Data(bytes)) }
    }

    /// A diagnostic as a line (or two, with its hint) on standard error, prefixed by its edition.
    static func printDiagnostic(_ finding: Finding) {
        var plain = finding
        plain.edition = nil
        FileHandle.standardError.write(Data(((finding.edition.map { "\($0): " } ?? "") + plain.text + "\n").utf8))
    }

    static func printError(_ error: Error, edition: String?) {
        let prefix = edition.map { "\($0): " } ?? ""
        FileHandle.standardError.write(Data((prefix + "\(error)\n").utf8))
    }

    /// An edition's findings as `folio check` prints them, the first ten unless verbose.
    static func printFindings(_ findings: [Finding], verbose: Bool) {
        let shown = verbose ? findings : Array(findings.prefix(10))
        for f in shown { FileHandle.standardError.write(Data("  \(f.text)\n".utf8)) }
        if shown.count < findings.count {
            FileHandle.standardError.write(Data("  … and \(findings.count - shown.count) more (--verbose shows all)\n".utf8))
        }
    }

    /// Whether an edition's findings make a --strict run fail: any error or warning (notes aside).
    static func fails(_ findings: [Finding], strict: Bool) -> Bool {
        strict && findings.contains { $0.severity == .error || $0.severity == .warning }
    }

    static func printWarnings(_ warnings: [Warning], verbose: Bool) {
        let shown = verbose ? warnings : Array(warnings.prefix(10))
        for w in shown { FileHandle.standardError.write(Data("  \(w)\n".utf8)) }
        if shown.count < warnings.count {
            FileHandle.standardError.write(Data("  … and \(warnings.count - shown.count) more warnings (--verbose shows all)\n".utf8))
        }
    }
}
