import FolioDisplay
import FolioFonts
import FolioModel

/// What the layout of one edition produced besides its pages.
public struct LayoutReport: Sendable {
    public var warnings: [Warning]
    /// Line ends inside a word (Korean syllable breaks in word mode, cut long words).
    public var emergencyBreaks: Int
    /// Each paragraph with such breaks, located (shown by `--verbose`).
    public var emergencyNotes: [Warning] = []
    /// Time per layout stage.
    public var times = PhaseTimes()
    /// Page index (0-based) of each footnote's start, and of each reference to it.
    public var footnotePages: [Int: Int]
    public var footnoteReferencePages: [Int: Int]
}

/// What one edition is laid out from.
public struct EditionInput {
    public var document: Document
    public var layout: Layout
    public var title: String
    public var subtitle: String?
    /// Organisation names in the edition's language.
    public var organizations: [String]
    public var organizationsShort: [String] = []
    public var date: String
    public var language: String
    public var info: DocumentInfo
    public init(document: Document, layout: Layout, title: String, subtitle: String?, organizations: [String],
                date: String, language: String, info: DocumentInfo) {
        self.document = document; self.layout = layout; self.title = title; self.subtitle = subtitle
        self.organizations = organizations; self.date = date; self.language = language; self.info = info
    }
}

/// Lays out a whole edition: title block and body into a flow, footnotes, pages, running heads, outline.
public struct DocumentLayout {
    public let fonts: FontLibrary
    public let manifest: FontManifest
    public let cache: ShapeCache

    public init(fonts: FontLibrary, manifest: FontManifest, cache: ShapeCache) {
        self.fonts = fonts; self.manifest = manifest; self.cache = cache
    }

    public func layout(_ input: EditionInput) throws -> (DisplayDocument, LayoutReport) {
        let selector = FontSelector(manifest: manifest, library: fonts, language: input.language)
        let context = LayoutContext(layout: input.layout, selector: selector, cache: cache, language: input.language)
        let blocks = BlockLayout(context: context)
        var flow = try titleBlock(input, blocks)
        flow += try blocks.blocks(input.document.blocks, indent: 0, width: context.textWidth)
        let notes = try footnoteLines(input.document.footnotes, context: context, blocks: blocks)
        let fn = input.layout.footnotes
        let paginator = Paginator(height: context.textHeight, notes: notes, noteSeparation: fn.font.size * 1.6)
        let paginateStart = monotonicSeconds()
        let contents = paginator.paginate(flow)

        let l = input.layout
        var fields = FurnitureFields(title: input.title, shortTitle: Self.shortTitle(input.title),
                                     organizations: input.organizations.joined(separator: " · "),
                                     date: input.date, language: input.language)
        fields.organizationsShort = input.organizationsShort.joined(separator: " · ")
        let furniture = PageFurniture(context: context, fields: fields)
        var pages: [Page] = []
        var outline: [OutlineEntry] = []
        var notePages: [Int: Int] = [:], refPages: [Int: Int] = [:]
        let left = l.page.marginInner.points, top = l.page.marginTop.points
        for (index, content) in contents.enumerated() {
            var page = Page(width: l.page.width.points, height: l.page.height.points)
            for (item, y) in content.body {
                page.items += item.items.map { $0.offset(dx: left, dy: top + y) }
                for h in item.headings {
                    outline.append(OutlineEntry(title: h.title, level: h.level, destination: h.anchor, page: index))
                }
                for n in item.footnotes where refPages[n] == nil { refPages[n] = index }
            }
            if let firstNote = content.notes.first {
                let ruleY = top + firstNote.y - fn.font.size * 0.8
                page.items.append(.line(from: Point(x: left, y: ruleY), to: Point(x: left + context.textWidth * 0.3, y: ruleY),
                                        width: 0.5, color: RGB(r: 0.3, g: 0.3, b: 0.3)))
            }
            for (line, y) in content.notes {
                page.items += line.items.map { $0.offset(dx: left, dy: top + y) }
                for case .destination(let name, _) in line.items where name.hasPrefix("fn-") {
                    if let n = Int(name.dropFirst(3)), notePages[n] == nil { notePages[n] = index }
                }
            }
            pages.append(page)
        }
        for i in pages.indices {
            pages[i].items += try furniture.items(page: i + 1, pages: pages.count)
        }
        let paginateTime = monotonicSeconds() - paginateStart
        var report = LayoutReport(warnings: selector.warnings + context.warnings, emergencyBreaks: context.emergencyBreaks,
                                  footnotePages: notePages, footnoteReferencePages: refPages)
        report.emergencyNotes = context.emergencyNotes
        report.times = context.times
        report.times.add("paginate", paginateTime)
        return (DisplayDocument(pages: pages, outline: outline, info: input.info), report)
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

    /// Each footnote set as lines: the number hangs in an indent and links back to its reference.
    private func footnoteLines(_ footnotes: [Footnote], context: LayoutContext, blocks: BlockLayout) throws -> [Int: [FlowItem]] {
        let fn = context.layout.footnotes
        let indent = fn.font.size * 1.8
        var out: [Int: [FlowItem]] = [:]
        for note in footnotes {
            var inlines: [Inline] = []
            for (i, block) in note.blocks.enumerated() {
                if i > 0 { inlines.append(.lineBreak) }
                if case .paragraph(let content, _) = block { inlines += content }
                else { inlines.append(.text(Self.plain(block))) }
            }
            let text = context.styled(inlines, fn.font)
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
            out[note.number] = lines
        }
        return out
    }

    private static func plain(_ block: Block) -> String {
        switch block {
        case .paragraph(let c, _): c.plainText
        case .heading(let h): h.content.plainText
        case .code(let s, _): s
        case .list(let l): l.items.flatMap { $0 }.map(plain).joined(separator: " ")
        case .quote(let b, _): b.map(plain).joined(separator: " ")
        case .table(let t): t.rows.flatMap { $0 }.map(\.plainText).joined(separator: " ")
        case .rule: ""
        }
    }
}
