import FolioDisplay
import FolioFonts
import FolioModel

/// Lays out a whole edition in four stages (after Typst's flow and pages): collect walks the document once into
/// indexed paragraph jobs, which are set on every core; compose makes the flow; run paginates (repeating while the
/// contents' page numbers change); finalize makes the display list with its structure tree.
public struct DocumentLayout {
    public let fonts: FontLibrary
    public let manifest: FontManifest
    public let cache: ShapeCache
    /// Set paragraphs to reuse and keep (`folio watch`); nil: every paragraph is set.
    public var paragraphs: ParagraphCache?

    public init(fonts: FontLibrary, manifest: FontManifest, cache: ShapeCache, paragraphs: ParagraphCache? = nil) {
        self.fonts = fonts; self.manifest = manifest; self.cache = cache; self.paragraphs = paragraphs
    }

    public func layout(_ input: EditionInput) throws -> (DisplayDocument, LayoutReport) {
        let selector = FontSelector(manifest: manifest, library: fonts, language: input.language)
        let context = LayoutContext(layout: input.layout, selector: selector, cache: cache, language: input.language)
        context.paragraphCache = paragraphs
        context.images = input.images
        let l = input.layout

        // The inline stages' times are CPU time summed over threads; "set ahead" and "blocks" are wall time.
        let aheadStart = monotonicSeconds()
        let plan = Collector.collect(input, context: context)
        let composer = FlowComposer(context: context, plan: plan, outcomes: ParagraphJobs.run(plan.jobs, context: context))
        context.times.add("set ahead", monotonicSeconds() - aheadStart)
        let blocksStart = monotonicSeconds()
        let front = FrontMatter(composer: composer)
        let (cover, body) = try flow(input, composer: composer, front: front)
        context.times.add("blocks", monotonicSeconds() - blocksStart)

        let paginateStart = monotonicSeconds()
        var paginator = Paginator(height: context.textHeight, notes: l.footnotes.placement == .page ? body.notes : [:],
                                  noteSeparation: l.footnotes.font.size * 1.6)
        paginator.floatSpace = l.figures.space.points
        // A paragraph ending with a colon keeps with what it introduces unless that leaves over three lines empty.
        paginator.weakKeepLimit = 3 * l.body.font.size * l.body.leading
        let pageRun = PageRun(layout: l, paginator: paginator)
        let figures = l.figures.list ? Collector.figureEntries(input.document, layout: l, language: input.language) : []
        let record = try pageRun.run(cover: cover, body: body.items, contents: { labels in
            context.mirrored(try front.contents(input.document.headings, figures: figures, pages: labels, language: input.language))
        }, at: SourceLocation(file: input.document.file, line: 0, column: 0))
        if !record.settled {
            context.warn(Warning(.contentsUnsettled, "the contents' page numbers did not settle after \(PageRun.maxPasses) layout passes; some may be off by one"))
        }
        let furniture = PageFurniture(context: context, fields: fields(input))
        var finalizer = Finalizer(context: context, structure: composer.structure, run: record, pageRun: pageRun, furniture: furniture)
        let finalized = try finalizer.pages()
        var structure = finalizer.structure
        if l.footnotes.placement == .page { composer.placeFootnotes(in: &structure) }
        var document = DisplayDocument(pages: finalized.pages, outline: finalized.outline, info: input.info, structure: structure)
        if l.pageLabels.frontMatterRoman && record.landings.bodyStart > 0 {
            document.pageLabels = [PageLabelRange(start: 0, style: .lowerRoman, firstNumber: 1),
                                   PageLabelRange(start: record.landings.bodyStart, style: .decimal, firstNumber: 1)]
        }
        var report = self.report(context, selector: selector, record: record, map: finalized.map)
        report.times.add("paginate", monotonicSeconds() - paginateStart)
        return (document, report)
    }

    /// The cover, and the body: title block, blocks, endnotes; with the footnotes' lines.
    private func flow(_ input: EditionInput, composer: FlowComposer, front: FrontMatter) throws
        -> (cover: [FlowItem], body: (items: [FlowItem], notes: [Int: [FlowItem]])) {
        let l = input.layout
        let cover = l.cover.enabled ? try front.cover(input) : []
        var body = l.cover.enabled ? [] : try composer.titleBlock(input)
        body += try composer.body()
        let notes = try composer.notes()
        if l.footnotes.placement == .endnotes { body += try composer.endnotes(input, notes: notes) }
        if let first = body.firstIndex(where: { $0.kind != .space && $0.kind != .pageBreak }) { body[first].landmarks.append(.bodyStart) }
        return (composer.context.mirrored(cover), (composer.context.mirrored(body), notes.mapValues { composer.context.mirrored($0) }))
    }

    private func fields(_ input: EditionInput) -> FurnitureFields {
        var fields = FurnitureFields(title: input.title, shortTitle: Self.shortTitle(input.title),
                                     organizations: input.organizations.joined(separator: " · "),
                                     date: input.date, language: input.language)
        fields.organizationsShort = input.organizationsShort.joined(separator: " · ")
        return fields
    }

    private func report(_ context: LayoutContext, selector: FontSelector, record: RunRecord, map: [PageSummary]) -> LayoutReport {
        var report = LayoutReport()
        report.times = context.times
        report.warnings = selector.warnings + context.warnings
        report.emergencyBreaks = context.emergencyBreaks
        report.emergencyNotes = context.emergencyNotes
        report.landings = record.landings
        report.contentsLabels = record.contentsLabels
        report.passes = record.passes
        report.pageMap = map
        report.lineStats = context.lineStats
        report.paragraphs = context.paragraphs
        report.parallelJobs = context.parallelJobs
        return report
    }

    /// The title's part before a colon, for running heads.
    static func shortTitle(_ title: String) -> String {
        if let colon = title.firstIndex(of: ":") { return String(title[..<colon]) }
        return title
    }
}
