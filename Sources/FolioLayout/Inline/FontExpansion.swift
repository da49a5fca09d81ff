import FolioUnicode

/// Font expansion (pdfTeX's): the boxes of a justified paragraph whose glyphs a line may widen or narrow a little
/// (`LineBuilder` sets them; `KnuthPlass` counts them as stretch and shrink limited like letter-space).
extension ParagraphBuilder {
    /// Scripts whose glyphs may be widened or narrowed a little in a justified line. Hangul, Chinese and Japanese
    /// are set on the square em, whose evenness from line to line is what their readers see; Arabic stretches
    /// with kashida, not by scaling its letters.
    static let expandingScripts: Set<ScriptTag> = [.latin, ScriptTag("Grek"), ScriptTag("Cyrl")]

    /// Marks the boxes of text in an expanding script with the configuration's expansion; not images, nor URLs,
    /// which are set as they are typed (a line of URL alone is set short rather than filled by widening it).
    func allowExpansion(_ result: inout ParagraphItems, _ text: StyledText, _ rules: BreakRules) {
        var expanding = [Bool](repeating: false, count: result.runs.count)
        for (r, run) in result.runs.enumerated() {
            expanding[r] = Self.expandingScripts.contains(run.script) && text.styles[Int(run.style)].image == nil
        }
        for k in result.items.indices {
            guard case .box(var b) = result.items[k], expanding[b.run], b.width > 0, !rules.isURL(b.range) else { continue }
            b.expansion = configuration.expansion
            result.items[k] = .box(b)
        }
    }
}
