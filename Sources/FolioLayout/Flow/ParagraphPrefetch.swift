import FolioFonts
import FolioModel

/// Sets a document's paragraphs, headings and footnotes on every core before the block layout runs.
///
/// Inline layout (shaping, line breaking, line setting) is most of layout's time, and a paragraph's lines depend
/// only on its text and spec, not on what came before it: so they can be set in any order, in parallel. The
/// block layout stays sequential (numbering, headings kept with text, lists) and takes the lines set here when
/// its own text and spec for a paragraph match; anything else (table cells, list markers, inline-numbered
/// paragraphs, the contents) it sets itself. Each thread has its own font selector; the shape cache is shared.
struct ParagraphPrefetch {
    let context: LayoutContext
    let blocks: BlockLayout

    /// Lines set ahead for one paragraph, with the text and spec they were set for (and, for a paragraph block,
    /// the style its text was made in, so that the block layout can take the text too instead of making it again).
    struct Preset {
        var spec: ParagraphSpec
        var text: StyledText
        var style: TextStyle?
        var result: InlineLayout.Result
    }

    private struct Request {
        var at: SourceLocation
        var text: StyledText
        var spec: ParagraphSpec
        var style: TextStyle?
    }

    /// The presets of the document's paragraphs, headings and notes, by source location (empty on one thread).
    func run(_ document: Document) -> [SourceLocation: Preset] {
        let width = Parallelism.width
        guard width > 1 else { return [:] }
        let requests = self.requests(document)
        guard requests.count > 1 else { return [:] }
        let c = context
        let chunks = Array(0..<min(width, requests.count)).concurrentMap { chunk -> ([(Int, InlineLayout.Result)], PhaseTimes) in
            let selector = FontSelector(manifest: c.selector.manifest, library: c.selector.library, language: c.language)
            let inline = InlineLayout(selector: selector, cache: c.inline.cache, configuration: c.inline.configuration)
            var times = PhaseTimes()
            var out: [(Int, InlineLayout.Result)] = []
            // Interleaved, so that long and short stretches of the document are shared out evenly.
            for i in stride(from: chunk, to: requests.count, by: width) {
                // A paragraph that fails here is set again by the block layout, which reports the error in place.
                if let result = try? inline.layout(requests[i].text, requests[i].spec, times: &times) { out.append((i, result)) }
            }
            return (out, times)
        }
        var presets: [SourceLocation: Preset] = [:]
        presets.reserveCapacity(requests.count)
        for (results, times) in chunks {
            context.times.merge(times)   // summed over threads: CPU time, not wall time
            for (i, result) in results {
                let r = requests[i]
                presets[r.at] = Preset(spec: r.spec, text: r.text, style: r.style, result: result)
            }
        }
        return presets
    }

    /// The paragraphs, headings and code blocks of the body, in lists and quotes too (as `BlockLayout.blocks` sets
    /// them), and the notes (as `DocumentLayout` does); a location met twice is left out. A request that does not
    /// match what the block layout asks for later only costs time: the block layout checks text and spec.
    private func requests(_ document: Document) -> [Request] {
        let l = context.layout
        var out: [Request] = []
        var seen = Set<SourceLocation>(), repeated = Set<SourceLocation>()
        func add(_ at: SourceLocation, _ text: StyledText, width: Double, align: Alignment, leading: Double, style: TextStyle? = nil) {
            guard !text.isEmpty, width > 0 else { return }
            if !seen.insert(at).inserted { repeated.insert(at); return }
            out.append(Request(at: at, text: text, spec: blocks.paragraphSpec(text, width: width, align: align, leading: leading),
                               style: style))
        }
        // Numbers set inline change a paragraph's text: those paragraphs are left to the block layout.
        let inlineNumbers = l.numberedParagraphs.enabled && l.numberedParagraphs.position == .inline
        func walk(_ body: [Block], width: Double, inQuote: Bool) {
            for block in body {
                switch block {
                case .paragraph(let inlines, let at) where !inlineNumbers:
                    let (style, align, _) = blocks.paragraphStyle(inlines, inQuote: inQuote)
                    add(at, context.styled(inlines, style), width: width, align: align, leading: l.body.leading, style: style)
                case .heading(let h):
                    let style = l.heading(h.level)
                    add(h.location, context.styled(h.content, style.font), width: width, align: .left, leading: style.leading)
                case .list(let list):
                    for item in list.items { walk(item, width: blocks.listItemWidth(width), inQuote: inQuote) }
                case .quote(let inner, _):
                    walk(inner, width: blocks.quoteWidth(width), inQuote: true)
                default: break
                }
            }
        }
        walk(document.blocks, width: context.textWidth, inQuote: false)
        let noteWidth = context.textWidth - DocumentLayout.footnoteIndent(l)
        for note in document.footnotes {
            add(note.location, DocumentLayout.footnoteText(note, context: context), width: noteWidth,
                align: l.body.align, leading: l.footnotes.leading)
        }
        return repeated.isEmpty ? out : out.filter { !repeated.contains($0.at) }
    }
}
