import ArgumentParser

/// The options of `folio bench` and `folio-bench`, declared once so that the two stay alike.
public struct BenchOptions: ParsableArguments {
    @Argument(help: "Report folders.")
    public var reports: [String]
    @Option(name: .long, help: "Runs per edition (the first is reported as cold).")
    public var runs = 10
    @Option(name: .long, help: "Edition codes (all when omitted).")
    public var edition: [String] = []
    @Flag(name: .long, help: "Also measure the floor: the same text shaped with HarfBuzz and drawn with cairo, no layout.")
    public var floor = false

    public init() {}

    /// What the commands print about themselves.
    public static let abstract = "Benchmark rendering: median time per phase over repeated runs (release build recommended)."
    public static let discussion = """
        The first run of each edition is reported apart ("cold": fonts loaded, caches empty); the medians are
        over the following runs ("warm": fonts and shaped words cached, as in a batch).
        """
}
