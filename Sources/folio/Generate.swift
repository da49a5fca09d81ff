import ArgumentParser
import FolioGenerate

/// `folio generate`: a large synthetic report for benchmarks (the same as `folio-bench generate`).
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: GenerateOptions.abstract,
        discussion: "Example: folio generate /tmp/big-en --pages 300 --language en --source Examples/dprk-upr4/content/en.md")

    @OptionGroup var options: GenerateOptions

    func run() throws { try options.write() }
}
