import ArgumentParser
import FolioEngine

/// The `folio` command: typesets report folders into PDFs.
@main
struct FolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folio",
        abstract: "Typeset structured reports (report.yaml + Markdown per language) into publication-grade PDFs.",
        version: Folio.version,
        subcommands: [Render.self, Batch.self, Preview.self, Check.self, Fonts.self, Layouts.self, Bench.self])
}
