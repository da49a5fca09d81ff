import ArgumentParser
import FolioEngine

/// `folio layouts`: the layouts available and where they come from.
struct Layouts: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "layouts", abstract: "List the available layouts and their files.")

    func run() throws {
        let engine = try Runner.engine()
        for (name, file) in engine.layouts.available() { print("\(name)\t\(file)") }
    }
}
