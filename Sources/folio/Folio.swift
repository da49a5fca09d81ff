import ArgumentParser
import Dispatch
import Foundation
import Glibc
import FolioEngine
import FolioModel
import FolioGenerate

/// What SIGINT and SIGTERM do: wait for the file (and manifest line) being committed, so that what is on disk is
/// whole and listed, remove the temporaries and exit. Made outside the main actor: the handler runs on a
/// dispatch thread, where a main-actor closure would trap on its isolation check.
nonisolated func interruptHandler(exit code: Int32) -> @Sendable () -> Void {
    {
        AtomicFile.interrupt()
        FileHandle.standardError.write(Data("\ninterrupted: no temporary or partial file left\n".utf8))
        Glibc.exit(code)
    }
}

/// The `folio` command: typesets report folders into PDFs.
@main
struct FolioCommand: ParsableCommand {
    /// Interrupts (Ctrl-C, SIGTERM from a job runner) remove half-written temporary files and exit; files
    /// already renamed into place are whole, and earlier outputs are untouched.
    static func main() {
        var sources: [DispatchSourceSignal] = []
        for (sig, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler(handler: interruptHandler(exit: code))
            source.resume()
            sources.append(source)
        }
        withExtendedLifetime(sources) {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let wrong = Suggestions.unknownCommand(arguments, root: FolioCommand.self) {
                FileHandle.standardError.write(Data("Error: \(wrong)\n  See 'folio --help' for the commands.\n".utf8))
                Glibc.exit(ExitStatus.usage.rawValue)
            }
            do {
                var command = try parseAsRoot(arguments)
                try command.run()
                Glibc.exit(0)
            } catch {
                Glibc.exit(finish(error))
            }
        }
    }

    /// Says what went wrong (unless the command already did) and gives the exit code of the table.
    static func finish(_ error: Error) -> Int32 {
        switch error {
        case let failure as CommandFailure: return failure.status.rawValue
        case let usage as UsageError:
            FileHandle.standardError.write(Data("Error: \(usage.message)\n".utf8))
            return ExitStatus.usage.rawValue
        case is FolioError, is EngineError, is CocoaError, is POSIXError:
            Runner.printError(error, edition: nil)
            return ExitStatus.of(error).rawValue
        default:
            // ArgumentParser's own: help and version (exit 0, on standard output), parse and validation errors.
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return 0
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            if let exit = error as? ExitCode { return exit.rawValue == 1 ? ExitStatus.input.rawValue : ExitStatus.internal.rawValue }
            return ExitStatus.usage.rawValue
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Typeset structured reports (report.yaml + Markdown per language) into publication-grade PDFs.",
        discussion: """
        Every command's --help has examples. docs/cli.md describes the JSON of
        --format json.

        \(ExitStatus.table)

        Environment:
          FOLIO_HOME         the folder with Layouts/ and Fonts/fonts.yaml; by
                             default <prefix>/share/folio beside the program
          SOURCE_DATE_EPOCH  the PDFs' dates (reproducible builds)
          JOB_COMPLETION_INDEX and JOB_COMPLETIONS (Kubernetes Indexed Job), or
          FOLIO_SHARD_INDEX and FOLIO_SHARD_COUNT: batch --shard auto
        """,
        version: Folio.version,
        // Every subcommand spells its commandName: ArgumentParser would otherwise derive each from the type's name
        // through the runtime's reflection at every start.
        subcommands: [Render.self, Batch.self, Preview.self, Watch.self, Check.self, Fonts.self, Layouts.self, ManifestCommand.self,
                      Bench.self, GenerateCommand.self])
}
