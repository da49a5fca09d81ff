import ArgumentParser
import FolioEngine

/// `folio layouts`: the layouts available and where they come from.
struct Layouts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "layouts", abstract: "List the available layouts and their files.")

    @Option(name: .long, help: "Output format: text, or json (one object on standard output, see docs/cli.md).")
    var format: OutputFormat = .text

    struct Entry: Encodable { var name: String; var file: String }
    struct Output: Encodable { var layouts: [Entry] }

    func run() throws {
        let engine = try Runner.engine(format: format)
        let layouts = engine.layouts.available().map { Entry(name: $0.0, file: $0.1) }
        switch format {
        case .text: for l in layouts { print("\(l.name)\t\(l.file)") }
        case .json: Runner.emit(JSONResult(diagnostics: [], exit: 0, body: Output(layouts: layouts)))
        }
    }
}
