import ArgumentParser
import Foundation

/// The options of `folio generate` and `folio-bench generate`, declared once so that the two stay alike.
public struct GenerateOptions: ParsableArguments {
    @Argument(help: "The report folder to write.")
    public var folder: String
    @Option(name: .long, help: "Approximate number of pages.")
    public var pages = 300
    @Option(name: .long, help: "Edition language (BCP 47: en, fr, es, ru, ko, ja, zh-Hans, zh-Hant, ar).")
    public var language = "en"
    @Option(name: .long, help: "Markdown file whose sentences are drawn from (default: Folio's own text for the language).")
    public var source: String?
    @Option(name: .long, help: "Number of figures (PNG, JPEG and SVG files of varied sizes, written under content/figures).")
    public var figures = 0

    public init() {}

    public static let abstract = "Write a large synthetic report (for benchmarks): paragraphs drawn from a source text, with headings, footnotes, lists, quotes, tables and figures."

    /// Writes the report and says where.
    public func write() throws {
        // A source given, or the language's built-in text (Arabic's); else ReportGenerator's own sentences.
        let text = try source.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? BuiltInSentences.text(language: language)
        var generator = ReportGenerator(language: language)
        generator.figures = figures
        try generator.write(folder: folder, pages: pages, source: text)
        print("wrote \(folder)")
    }
}

/// `folio generate` and `folio-bench generate`: one command in both tools.
public struct GenerateCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: GenerateOptions.abstract,
        discussion: "Example: folio generate /tmp/big-en --pages 300 --language en --source Examples/dprk-upr4/content/en.md")

    @OptionGroup public var options: GenerateOptions

    public init() {}

    public func run() throws { try options.write() }
}
