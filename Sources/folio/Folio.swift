import ArgumentParser
import Dispatch
import Foundation
import Glibc
import FolioEngine
import FolioGenerate

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
            source.setEventHandler {
                AtomicFile.removePending()
                FileHandle.standardError.write(Data("\ninterrupted: no partial files left\n".utf8))
                Glibc.exit(code)
            }
            source.resume()
            sources.append(source)
        }
        withExtendedLifetime(sources) {
            do {
                var command = try parseAsRoot()
                try command.run()
                Glibc.exit(0)
            } catch {
                exit(withError: error)
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Typeset structured reports (report.yaml + Markdown per language) into publication-grade PDFs.",
        version: Folio.version,
        // Every subcommand spells its commandName: ArgumentParser would otherwise derive each from the type's name
        // through the runtime's reflection at every start.
        subcommands: [Render.self, Batch.self, Preview.self, Check.self, Fonts.self, Layouts.self, Bench.self, GenerateCommand.self])
}
