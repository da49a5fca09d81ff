import FolioDisplay
import FolioImages
import FolioModel

/// A figure waiting for its caption's lines: the image checked and sized to the measure, its elements and number.
struct PlannedFigure {
    var image: ImageInfo
    /// The image's width as a share of the measure, when the Markdown gave one.
    var share: Double?
    var indent: Double
    var width: Double
    var element: StructureID
    var captionElement: StructureID
    var captionJob: Int?
    var anchor: String
    var location: SourceLocation
}

extension Collector {
    /// A figure: the image as a `Figure` element with its alternative text, then its caption ("Figure 3. …") as a
    /// `Caption` beside it (a reader that speaks the alternative text in place of a figure's content still reads the
    /// caption). An image the engine did not check (a document laid out without it) is set as its alternative text.
    mutating func figure(_ f: Figure, indent: Double, width: Double, parent: StructureID) -> PlannedBlock {
        guard let image = images[f.image.path] else {
            context.warn(Warning(.inlineImage, "image '\(f.image.path)' was not loaded; its alternative text is set instead", at: f.image.location))
            return paragraphBlock([.text(f.image.alt)], at: f.image.location, indent: indent, width: width, parent: parent)
        }
        let element = plan.structure.add(.figure(alt: f.image.alt), under: parent, name: f.anchor)
        let caption = plan.structure.add(.caption, under: parent)
        let style = layout.figures.caption
        var text = StyledText()
        var labelFont = style
        labelFont.bold = true
        let label = "\(layout.figures.label.text(for: context.language)) \(f.number)"
        text.append(f.caption.isEmpty ? label : label + ". ", SpanStyle(font: labelFont))
        let body = context.styled(f.caption, style)
        for (i, s) in body.scalars.enumerated() { text.append(String(s), body.styles[Int(body.styleOf[i])]) }
        let j = job(text, at: f.image.location, width: width, align: .center, leading: 1.35)
        return .figure(PlannedFigure(image: image, share: f.image.width, indent: indent, width: width, element: element,
                                     captionElement: caption, captionJob: j, anchor: f.anchor, location: f.image.location))
    }

    /// The caption text of each figure for the list of figures, by anchor: "Figure 3. Known detention sites".
    static func figureEntries(_ document: Document, layout: Layout, language: String) -> [(anchor: String, text: String)] {
        document.figures.map { f in
            let label = "\(layout.figures.label.text(for: language)) \(f.number)"
            let caption = f.caption.plainText
            return (f.anchor, caption.isEmpty ? label : label + ". " + caption)
        }
    }
}

extension FlowComposer {
    /// A figure as one block, the image centred over its caption: it never breaks, and floats (`isFloat`). Its size
    /// is the image's own at its resolution, or the share of the measure given, never wider than the measure nor so
    /// tall that it and its caption pass 80% of the text block.
    func figure(_ f: PlannedFigure) throws -> FlowItem {
        let space = layout.figures.space.points
        let caption = try f.captionJob.map { lines(try take($0), at: f.location, indent: f.indent, element: f.captionElement) } ?? []
        let captionHeight = caption.reduce(0) { $0 + $1.height }
        var w = min(f.share.map { f.width * $0 } ?? f.image.width, f.width)
        var h = w * f.image.height / max(f.image.width, 0.01)
        let tallest = context.textHeight * 0.8 - captionHeight - space * 0.6
        if h > tallest, tallest > 0 { w *= tallest / h; h = tallest }
        let rect = Rect(x: f.indent + (f.width - w) / 2, y: 0, width: w, height: h)
        var items: [DisplayItem] = [.destination(name: f.anchor, at: Point(x: f.indent, y: 0))]
        items += DisplayItem.tagged(f.element, [.image(ImageRef(path: f.image.path, format: f.image.format), rect)])
        var y = h + (caption.isEmpty ? 0 : space * 0.6)
        var notes: [Int] = []
        for line in caption {
            items += line.items.map { $0.offset(dx: 0, dy: y) }
            y += line.height
            notes += line.footnotes
        }
        var item = FlowItem(kind: .block, height: y, items: items, breakBefore: true)
        item.isFloat = true
        item.footnotes = notes
        item.landmarks = [.figure(f.anchor)]
        item.source = f.location
        return item
    }
}
