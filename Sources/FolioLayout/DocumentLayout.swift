import FolioDisplay
import FolioFonts
import FolioImages
import FolioModel

/// What the layout of one edition produced besides its pages.
public struct LayoutReport: Sendable {
    public var warnings: [Warning]
    /// Line ends inside a word (Korean syllable breaks in word mode, cut long words).
    public var emergencyBreaks: Int
    /// Each paragraph with such breaks, located (shown by `--verbose`).
    public var emergencyNotes: [Warning] = []
    /// Page index (0-based) of each footnote's start, and of each reference to it.
    public var footnotePages: [Int: Int] = [:]
    public var footnoteReferencePages: [Int: Int] = [:]
    /// Page index of each heading anchor, and the label shown for it in the contents.
    public var headingPages: [String: Int] = [:]
    public var contentsLabels: [String: String] = [:]
    /// Layout passes made until page numbers settled.
    public var passes = 1
    /// What is on each page: sources of its first and last lines, headings, footnotes.
    public var pageMap: [PageSummary] = []
    public var lineStats = LineStats()
    /// Paragraphs set (body, notes, headings, cells not counted).
    public var paragraphs = 0
    /// Of those, the ones whose lines were set ahead on several threads (`ParagraphPrefetch`).
    public var prefetched = 0
    /// Time per layout stage.
    public var times = PhaseTimes()
}

/// What a page holds, for `folio preview`'s page map and for checks.
public struct PageSummary: Sendable {
    public var label: String
    public var headings: [String]
    public var footnotes: [Int]
    /// Source lines of the body text on the page (first and last).
    public var firstSource: SourceLocation?
    public var lastSource: SourceLocation?
    /// Whether the last body line of the page is a heading (a fault).
    public var endsWithHeading: Bool
    /// Layout boxes for previews: the text block, each line or block, the footnote area.
    public var boxes: [LayoutBox] = []
}

/// A rectangle the layout used, drawn by `folio preview --boxes`.
public struct LayoutBox: Sendable {
    /// What the box outlines.
    public enum Kind: Sendable { case textBlock, line, block, footnotes, baseline }
    public var kind: Kind
    public var rect: Rect
}

/// What one edition is laid out from.
public struct EditionInput {
    public var document: Document
    public var layout: Layout
    public var title: String
    public var subtitle: String?
    /// Organisation names in the edition's language, and their short names.
    public var organizations: [String]
    public var organizationsShort: [String] = []
    /// Organisation logos, checked.
    public var logos: [ImageInfo] = []
    public var date: String
    public var language: String
    public var info: DocumentInfo
    public init(document: Document, layout: Layout, title: String, subtitle: String?, organizations: [String],
                date: String, language: String, info: DocumentInfo) {
        self.document = document; self.layout = layout; self.title = title; self.subtitle = subtitle
        self.organizations = organizations; self.date = date; self.language = language; self.info = info
    }
}

/// Lays out a whole edition: cover, contents, title block and body into a flow, footnotes or endnotes, pages,
/// running heads and feet, page labels, outline. The contents' page numbers come from the previous pass:
/// passes repeat until they stop changing (like Typst's introspection loop), at most `maxPasses` times.
public struct DocumentLayout {
    public let fonts: FontLibrary
    public let manifest: FontManifest
    public let cache: ShapeCache
    static let maxPasses = 5

    public init(fonts: FontLibrary, manifest: FontManifest, cache: ShapeCache) {
        self.fonts = fonts; self.manifest = manifest; self.cache = cache
    }

    public func layout(_ input: EditionInput) throws -> (DisplayDocument, LayoutReport) {
        let selector = FontSelector(manifest: manifest, library: fonts, language: input.language)
        let context = LayoutContext(layout: input.layout, selector: selector, cache: cache, language: input.language)
        let blocks = BlockLayout(context: context)
        let front = FrontMatter(context: context, blocks: blocks)
        let l = input.layout
        let fn = l.footnotes

        // Body paragraphs and notes are set on every core first; the block layout below takes their lines.
        // (The inline stages' times are CPU time summed over threads; "set ahead" and "blocks" are wall time.)
        let aheadStart = monotonicSeconds()
        blocks.preset = ParagraphPrefetch(context: context, blocks: blocks).run(input.document)
        context.times.add("set ahead", monotonicSeconds() - aheadStart)
        let blocksStart = monotonicSeconds()
        // Everything but the contents is laid out once.
        let cover = l.cover.enabled ? try front.cover(input) : []
        var body = l.cover.enabled ? [] : try titleBlock(input, blocks)
        body += try blocks.blocks(input.document.blocks, indent: 0, width: context.textWidth)
        let notes = try footnoteLines(input.document.footnotes, context: context, blocks: blocks)
        if fn.placement == .endnotes { body += try endnotes(input, notes: notes, blocks: blocks) }
        if let first = body.firstIndex(where: { $0.kind != .space && $0.kind != .pageBreak }) { body[first].marker = "body-start" }
        context.times.add("blocks", monotonicSeconds() - blocksStart)
        let paginator = Paginator(height: context.textHeight, notes: fn.placement == .page ? notes : [:],
                                  noteSeparation: fn.font.size * 1.6)

        let paginateStart = monotonicSeconds()
        var labels: [String: String] = [:]
        var contents: [PageContent] = []
        var frontCount = 0
        var passes = 0
        var settled = !l.contents.enabled
        repeat {
            passes += 1
            let toc = l.contents.enabled ? try front.contents(input.document.headings, pages: labels, language: input.language) : []
            contents = paginator.paginate(cover + toc + body)
            if contents.count > l.limits.maxPages {
                throw FolioError("the edition runs to \(contents.count) pages, over the limit of \(l.limits.maxPages)",
                                 at: SourceLocation(file: input.document.file, line: 0, column: 0),
                                 hint: "raise limits.max-pages in the layout if this is intended")
            }
            frontCount = contents.firstIndex { page in page.body.contains { $0.item.marker == "body-start" } } ?? 0
            var found: [String: String] = [:]
            for (index, page) in contents.enumerated() {
                for (item, _) in page.body { for h in item.headings { found[h.anchor] = label(index, frontCount: frontCount, layout: l) } }
            }
            if found == labels { settled = true } else { labels = found }
        } while !settled && passes < Self.maxPasses
        if !settled {
            context.warn(Warning(.contentsUnsettled, "the contents' page numbers did not settle after \(Self.maxPasses) layout passes; some may be off by one"))
        }

        var fields = FurnitureFields(title: input.title, shortTitle: Self.shortTitle(input.title),
                                     organizations: input.organizations.joined(separator: " · "),
                                     date: input.date, language: input.language)
        fields.organizationsShort = input.organizationsShort.joined(separator: " · ")
        let furniture = PageFurniture(context: context, fields: fields)
        var pages: [Page] = []
        var outline: [OutlineEntry] = []
        var report = LayoutReport(warnings: [], emergencyBreaks: 0)
        let left = l.page.marginInner.points, top = l.page.marginTop.points
        var section = ""
        let lastLabel = label(contents.count - 1, frontCount: frontCount, layout: l)
        for (index, content) in contents.enumerated() {
            var page = Page(width: l.page.width.points, height: l.page.height.points)
            if let firstHeading = content.body.first?.item.headings.first(where: { $0.level == 1 }) { section = firstHeading.title }
            let sectionAtTop = section
            var summary = PageSummary(label: label(index, frontCount: frontCount, layout: l), headings: [], footnotes: [],
                                      endsWithHeading: false)
            summary.boxes.append(LayoutBox(kind: .textBlock, rect: Rect(x: left, y: top, width: context.textWidth, height: context.textHeight)))
            if let first = content.notes.first, let last = content.notes.last {
                summary.boxes.append(LayoutBox(kind: .footnotes, rect: Rect(x: left, y: top + first.y, width: context.textWidth,
                                                                            height: last.y + last.line.height - first.y)))
            }
            for (item, y) in content.body {
                if item.kind == .line || item.kind == .block {
                    summary.boxes.append(LayoutBox(kind: item.kind == .line ? .line : .block,
                                                   rect: Rect(x: left, y: top + y, width: context.textWidth, height: item.height)))
                }
                if item.kind == .line, case .glyphs(let run)? = item.items.first(where: { if case .glyphs = $0 { return true } else { return false } }) {
                    summary.boxes.append(LayoutBox(kind: .baseline, rect: Rect(x: left, y: top + y + run.origin.y, width: context.textWidth, height: 0)))
                }
                page.items += item.items.map { $0.offset(dx: left, dy: top + y) }
                for h in item.headings {
                    outline.append(OutlineEntry(title: h.title, level: h.level, destination: h.anchor, page: index))
                    report.headingPages[h.anchor] = index
                    summary.headings.append(h.title)
                    if h.level == 1 { section = h.title }
                }
                for n in item.footnotes where report.footnoteReferencePages[n] == nil { report.footnoteReferencePages[n] = index }
                if item.kind == .line, let s = item.source {
                    if summary.firstSource == nil { summary.firstSource = s }
                    summary.lastSource = s
                }
            }
            summary.endsWithHeading = content.body.last(where: { $0.item.kind != .space })?.item.isHeading ?? false
            if let firstNote = content.notes.first {
                let ruleY = top + firstNote.y - fn.font.size * 0.8
                page.items.append(.line(from: Point(x: left, y: ruleY), to: Point(x: left + context.textWidth * fn.ruleLength, y: ruleY),
                                        width: 0.5, color: RGB(r: 0.3, g: 0.3, b: 0.3)))
            }
            for (line, y) in content.notes {
                page.items += line.items.map { $0.offset(dx: left, dy: top + y) }
                for case .destination(let name, _) in line.items where name.hasPrefix("fn-") {
                    if let n = Int(name.dropFirst(3)), report.footnotePages[n] == nil {
                        report.footnotePages[n] = index
                        summary.footnotes.append(n)
                    }
                }
            }
            if fn.placement == .endnotes {
                for (item, _) in content.body {
                    for case .destination(let name, _) in item.items where name.hasPrefix("fn-") {
                        if let n = Int(name.dropFirst(3)) { report.footnotePages[n] = index; summary.footnotes.append(n) }
                    }
                }
            }
            // The cover has no running heads or feet; front matter shows only the foot.
            let isCover = l.cover.enabled && index == 0
            if !isCover {
                let isBodyFirst = index == frontCount
                page.items += try furniture.items(page: summary.label, pages: lastLabel, section: sectionAtTop,
                                                  showHeader: index >= frontCount && (!isBodyFirst || l.header.onFirstPage),
                                                  showFooter: !isBodyFirst || l.footer.onFirstPage)
            }
            pages.append(page)
            report.pageMap.append(summary)
        }
        report.times = context.times
        report.times.add("paginate", monotonicSeconds() - paginateStart)
        report.warnings = selector.warnings + context.warnings
        report.emergencyBreaks = context.emergencyBreaks
        report.emergencyNotes = context.emergencyNotes
        report.contentsLabels = labels
        report.passes = passes
        report.lineStats = context.lineStats
        report.paragraphs = context.paragraphs
        report.prefetched = context.prefetched
        var document = DisplayDocument(pages: pages, outline: outline, info: input.info)
        if l.pageLabels.frontMatterRoman && frontCount > 0 {
            document.pageLabels = [PageLabelRange(start: 0, style: .lowerRoman, firstNumber: 1),
                                   PageLabelRange(start: frontCount, style: .decimal, firstNumber: 1)]
        }
        return (document, report)
    }

    /// The label of page `index`: roman numerals in the front matter when the layout says so, then 1, 2, 3
    /// from the body's first page (or from the first page when the front matter is not numbered apart).
    func label(_ index: Int, frontCount: Int, layout: Layout) -> String {
        if layout.pageLabels.frontMatterRoman {
            return index < frontCount ? Roman.lower(index + 1) : String(index - frontCount + 1)
        }
        return String(index + 1)
    }

    /// The title's part before a colon, for running heads.
    static func shortTitle(_ title: String) -> String {
        if let colon = title.firstIndex(of: ":") { return String(title[..<colon]) }
        return title
    }

    /// Title, subtitle, organisations and date at the top of the first page.
    private func titleBlock(_ input: EditionInput, _ blocks: BlockLayout) throws -> [FlowItem] {
        let tb = input.layout.titleBlock
        let width = blocks.context.textWidth
        let at = SourceLocation(file: input.document.file, line: 0, column: 0)
        var out: [FlowItem] = []
        func add(_ text: String, _ style: TextStyle, leading: Double, after: Double) throws {
            var styled = StyledText()
            styled.append(text, SpanStyle(font: style))
            out += try blocks.paragraph(styled, at: at, indent: 0, width: width, align: .left, leading: leading)
            out.append(.space(after))
        }
        try add(input.title, tb.title, leading: 1.25, after: tb.title.size * 0.5)
        if let subtitle = input.subtitle { try add(subtitle, tb.subtitle, leading: 1.35, after: tb.subtitle.size * 0.6) }
        try add(input.organizations.joined(separator: " · "), tb.meta, leading: 1.4, after: 0)
        try add(input.date, tb.meta, leading: 1.4, after: 0)
        // A rule closes the block.
        out.append(.space(tb.spaceAfter.points * 0.5))
        out.append(FlowItem(kind: .block, height: 1, items: [.line(from: Point(x: 0, y: 0.5), to: Point(x: width, y: 0.5), width: 0.8, color: RGB(r: 0.2, g: 0.2, b: 0.2))], breakBefore: false))
        out.append(.space(tb.spaceAfter.points * 0.5))
        for i in out.indices { out[i].breakBefore = false }
        return out
    }

    /// Endnotes: a heading and every note, in order.
    private func endnotes(_ input: EditionInput, notes: [Int: [FlowItem]], blocks: BlockLayout) throws -> [FlowItem] {
        guard !notes.isEmpty else { return [] }
        let l = input.layout
        var title = StyledText()
        title.append(l.footnotes.heading.text(for: input.language), SpanStyle(font: l.h1.font))
        var out: [FlowItem] = [.space(l.h1.spaceBefore.points)]
        var heading = try blocks.paragraph(title, at: SourceLocation(file: input.document.file, line: 0, column: 0), indent: 0,
                                           width: blocks.context.textWidth, align: .left, leading: l.h1.leading)
        if !heading.isEmpty {
            heading[0].items.append(.destination(name: "endnotes", at: Point(x: 0, y: 0)))
            heading[0].headings.append(HeadingMark(anchor: "endnotes", level: 1, title: l.footnotes.heading.text(for: input.language)))
        }
        out += heading
        var after = FlowItem.space(l.h1.spaceAfter.points)
        after.breakBefore = false
        out.append(after)
        let headingEnd = out.count
        for n in notes.keys.sorted() { out += notes[n]! }
        // The heading keeps with the first note (and, through the note's own rule, its second line).
        if headingEnd < out.count { out[headingEnd].breakBefore = false }
        return out
    }

    /// Each footnote set as lines: the number hangs in an indent and links back to its reference.
    private func footnoteLines(_ footnotes: [Footnote], context: LayoutContext, blocks: BlockLayout) throws -> [Int: [FlowItem]] {
        let fn = context.layout.footnotes
        let indent = Self.footnoteIndent(context.layout)
        var out: [Int: [FlowItem]] = [:]
        for note in footnotes {
            let text = Self.footnoteText(note, context: context)
            var lines = try blocks.paragraph(text, at: note.location, indent: indent, width: context.textWidth - indent,
                                             align: context.layout.body.align, leading: fn.leading)
            if lines.isEmpty { continue }
            var label = StyledText()
            label.append("\(note.number)", SpanStyle(font: fn.font, link: .destination("fnref-\(note.number)")))
            let spec = ParagraphSpec(width: indent, align: .left, lineHeight: lines[0].height, baseStyle: SpanStyle(font: fn.font))
            if let mark = try context.inline.layout(label, spec).lines.first {
                lines[0].items += mark.items
            }
            lines[0].items.append(.destination(name: "fn-\(note.number)", at: Point(x: 0, y: 0)))
            lines[lines.count - 1].height += fn.spacing.points
            // A note is read as a whole: keep its first two lines together.
            for i in lines.indices { lines[i].breakBefore = i == 0 || i >= 2 }
            out[note.number] = lines
        }
        return out
    }

    /// How far note text is indented: the number sits in the indent.
    static func footnoteIndent(_ layout: Layout) -> Double { layout.footnotes.font.size * 1.8 }

    /// A note's blocks as one paragraph of text in the notes' font.
    static func footnoteText(_ note: Footnote, context: LayoutContext) -> StyledText {
        var inlines: [Inline] = []
        for (i, block) in note.blocks.enumerated() {
            if i > 0 { inlines.append(.lineBreak) }
            if case .paragraph(let content, _) = block { inlines += content }
            else { inlines.append(.text(Self.plain(block))) }
        }
        return context.styled(inlines, context.layout.footnotes.font)
    }

    private static func plain(_ block: Block) -> String {
        switch block {
        case .paragraph(let c, _): c.plainText
        case .heading(let h): h.content.plainText
        case .code(let s, _): s
        case .list(let l): l.items.flatMap { $0 }.map(plain).joined(separator: " ")
        case .quote(let b, _): b.map(plain).joined(separator: " ")
        case .table(let t): t.rows.flatMap { $0 }.map(\.plainText).joined(separator: " ")
        case .rule, .pageBreak: ""
        }
    }
}
