import Foundation

/// The inputs of the scaling suite: one report folder per dimension a report controls, written at a size n.
public struct ScalingInput: Sendable {
    /// The dimension's name, as `folio-bench scaling` prints it.
    public let name: String
    /// What n counts.
    public let unit: String
    /// n of the small (CI, debug build) and large (documented, release build) runs; each is measured at n and 2n.
    /// (Editions are bounded by report.yaml's 1,000,000 bytes: about 17,000 fit; list nesting by `max-nesting`, 32.)
    public let small: Int
    public let large: Int
    /// Writes the report folder for size n.
    let write: @Sendable (_ folder: String, _ n: Int) throws -> Void

    /// Every dimension.
    public static let all: [ScalingInput] = [
        // The large size is one where the memory the baseline's peak holds but a long paragraph's run reuses (the
        // paragraph's peak comes at another moment) is small beside what the paragraph adds.
        ScalingInput(name: "paragraph", unit: "words", small: 4_000, large: 80_000) { folder, n in
            try report(folder, markdown: "# A\n\n" + words(n) + "\n")
        },
        ScalingInput(name: "url", unit: "bytes", small: 30_000, large: 500_000) { folder, n in
            try report(folder, markdown: "# A\n\nSee " + url(n) + " for more.\n")
        },
        ScalingInput(name: "word", unit: "letters", small: 80_000, large: 250_000) { folder, n in
            let word = String(repeating: "abcdefghij", count: n / 10 + 1).prefix(n)
            try report(folder, markdown: "# A\n\nA \(word) ends here.\n")
        },
        ScalingInput(name: "editions", unit: "editions", small: 8_000, large: 8_000) { folder, n in
            try report(folder, markdown: "# A\n\nText.\n", editions: n)
        },
        ScalingInput(name: "footnotes", unit: "notes", small: 300, large: 2_000) { folder, n in
            let text = (1...n).map { "Sentence \($0) says a thing.[^\($0)]" }.joined(separator: " ")
            let notes = (1...n).map { "[^\($0)]: Note \($0), with its source." }.joined(separator: "\n")
            try report(folder, markdown: "# A\n\n\(text)\n\n\(notes)\n")
        },
        ScalingInput(name: "table-rows", unit: "rows", small: 400, large: 4_000) { folder, n in
            let rows = (1...n).map { "| \($0) | \(words(3, from: $0)) | \(words(5, from: $0 + 1)) |" }
            try report(folder, markdown: "# A\n\n| N | Name | Text |\n|---|---|---|\n" + rows.joined(separator: "\n") + "\n")
        },
        // At 32 columns and more the cells are narrower than their words: the text is set smaller and broken inside
        // words (a line per few letters), so the large sizes are both past that point, the small ones both before it.
        ScalingInput(name: "table-columns", unit: "columns", small: 12, large: 32) { folder, n in
            // Forty tables, so that the columns outweigh the fixed cost of a run.
            let head = "|" + (1...n).map { " C\($0) |" }.joined() + "\n|" + String(repeating: "---|", count: n) + "\n"
            let row = "|" + (1...n).map { " v\($0) |" }.joined() + "\n"
            try report(folder, markdown: "# A\n\n" + String(repeating: head + String(repeating: row, count: 4) + "\n", count: 40))
        },
        // Items of one short line, which fits the narrowest measure a nested list gets (`Collector.minimumMeasure`).
        ScalingInput(name: "nesting", unit: "levels", small: 8, large: 16) { folder, n in
            let list = (0..<n).map { String(repeating: "  ", count: $0) + "- item at level \($0 + 1)" }.joined(separator: "\n")
            try report(folder, markdown: "# A\n\n" + String(repeating: list + "\n\nText between.\n\n", count: 100))
        },
        ScalingInput(name: "logos", unit: "organizations", small: 600, large: 600) { folder, n in
            try report(folder, markdown: "# A\n\nText.\n", organizations: n, layout: "report")
        },
    ]

    /// n words of running text, from a small vocabulary.
    static func words(_ n: Int, from start: Int = 0) -> String {
        let vocabulary = ["the", "report", "notes", "that", "several", "organisations", "submitted", "evidence", "on",
                          "conditions", "in", "detention", "and", "asks", "for", "access."]
        return (0..<n).map { vocabulary[(start + $0) % vocabulary.count] }.joined(separator: " ")
    }

    /// A URL of about n bytes, with the slashes, dots and hyphens a URL breaks at.
    static func url(_ n: Int) -> String {
        var s = "https://example.org/"
        var i = 0
        while s.utf8.count < n { s += "seg\(i).part-x/"; i += 1 }
        return s
    }

    /// Writes report.yaml (with `editions` editions, of which `en` is the one rendered, and `organizations`
    /// organisations, each with an SVG logo) and content/en.md.
    static func report(_ folder: String, markdown: String, editions: Int = 1, organizations: Int = 1,
                       layout: String = "upr-submission") throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: folder + "/logos", withIntermediateDirectories: true)
        var yaml = "id: scaling\nlayout: \(layout)\ndate: 2024-05-01\norganizations:\n"
        for i in 0..<organizations {
            yaml += "  - short: O\(i)\n    name: { en: \"Organisation \(i)\" }\n"
            if organizations > 1 {
                yaml += "    logo: logos/\(i).svg\n"
                // Forty shapes each, so that reading and drawing the logos outweighs the fixed cost of a run.
                let shapes = (0..<40).map { "<circle cx=\"\($0 * 2)\" cy=\"20\" r=\"\($0 % 9 + 3)\" fill=\"#\(String(format: "%06x", (i * 40 + $0) * 2654435 % 0xFFFFFF))\"/>" }
                let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"80\" height=\"40\">\(shapes.joined())</svg>\n"
                try svg.write(toFile: folder + "/logos/\(i).svg", atomically: false, encoding: .utf8)
            }
        }
        yaml += "editions:\n  en:\n    title: \"Scaling\"\n    content: content/en.md\n"
        for i in 1..<max(editions, 1) { yaml += "  en-x-e\(i): { title: \"E\(i)\", content: content/en.md }\n" }
        try yaml.write(toFile: folder + "/report.yaml", atomically: false, encoding: .utf8)
        try markdown.write(toFile: folder + "/content/en.md", atomically: false, encoding: .utf8)
    }
}
