import ArgumentParser
import Foundation
import FolioEngine
import FolioModel

/// The exit codes of every command: one table, printed in `folio --help` and docs/cli.md.
enum ExitStatus: Int32, CaseIterable {
    case ok = 0
    /// Something in the input is wrong: report.yaml, the content, a layout, an edition, a check that failed.
    case input = 1
    /// The command line is wrong: an unknown command or option, a bad value.
    case usage = 2
    /// An output could not be written, or a file could not be read for reasons outside its content.
    case output = 3
    /// Folio itself failed: its installation (Layouts/, Fonts/) or a bug.
    case `internal` = 4

    /// One line of the table (short enough for an 80-column terminal).
    var meaning: String {
        switch self {
        case .ok: "success"
        case .input: "input error: report.yaml, content, layout, a failed check or edition"
        case .usage: "usage error: unknown command or option, bad option value"
        case .output: "output error: a folder or file that cannot be made or written"
        case .internal: "internal error: Folio's installation (FOLIO_HOME) or a bug"
        }
    }

    /// The table as the root command's help prints it.
    static var table: String {
        "Exit codes:\n" + allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n")
    }

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The code a diagnostic's error ends the process with.
    static func of(_ finding: Finding) -> ExitStatus {
        switch finding.kind {
        case .io: .output
        case .internalError: .internal
        default: .input
        }
    }

    /// The code an error thrown by a command ends the process with.
    static func of(_ error: Error) -> ExitStatus {
        switch error {
        case let e as CommandFailure: e.status
        case is FolioError: .input
        case is EngineError: .output
        case is CocoaError, is POSIXError: .output
        default: .internal
        }
    }
}

/// A failure a command has already described (on standard error, or in its JSON): only the exit status is left.
struct CommandFailure: Error {
    var status: ExitStatus
    init(_ status: ExitStatus) { self.status = status }
}

/// A failure of the command line found while running (a page that does not exist, an edition the report lacks):
/// printed like ArgumentParser's own usage errors, and exits with 2.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}

extension ExitStatus: Comparable {
    /// The more serious of two outcomes is the higher code.
    static func < (a: ExitStatus, b: ExitStatus) -> Bool { a.rawValue < b.rawValue }
}
