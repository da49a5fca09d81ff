import FolioDisplay
import FolioModel

/// Values for the fields of running heads and feet (`{title}`, `{page}`, …).
public struct FurnitureFields: Sendable {
    public var title: String
    public var shortTitle: String
    public var organizations: String
    /// The organisations' short names ("NKDB · FIDH").
    public var organizationsShort: String = ""
    public var date: String
    public var language: String
    public init(title: String, shortTitle: String, organizations: String, date: String, language: String) {
        self.title = title; self.shortTitle = shortTitle; self.organizations = organizations
        self.date = date; self.language = language
    }

    /// A template with its fields filled in for one page, in one pass: a value is never expanded again (a title
    /// that contains "{page}" stays as written), and a name that is no field is kept as it is.
    func fill(_ template: String, page: String, pages: String, section: String) -> String {
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            let name = rest[rest.index(after: open)..<close]
            switch name {
            case "title": out += title
            case "short-title": out += shortTitle
            case "organizations-short": out += organizationsShort
            case "organizations": out += organizations
            case "date": out += date
            case "language": out += language
            case "section": out += section
            case "page": out += page
            case "pages": out += pages
            default: out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

/// Running heads and feet: three slots each, set after pagination when the page count is known.
struct PageFurniture {
    let context: LayoutContext
    let fields: FurnitureFields
    /// Slots already set, by text, alignment and place: most pages repeat the title, the section and the date.
    private let lines = SlotLines()

    private final class SlotLines {
        struct Key: Hashable { var text: String; var align: Alignment; var isHeader: Bool }
        var set: [Key: LineBox?] = [:]
    }

    init(context: LayoutContext, fields: FurnitureFields) { self.context = context; self.fields = fields }

    func items(page: String, pages: String, section: String, showHeader: Bool, showFooter: Bool) throws -> [DisplayItem] {
        let layout = context.layout
        let p = layout.page
        var out: [DisplayItem] = []
        for (style, isHeader) in [(layout.header, true), (layout.footer, false)] {
            if isHeader ? !showHeader : !showFooter { continue }
            let lineHeight = style.font.size * 1.3
            // Heads sit half a margin above the text block, feet half a margin below it.
            let top = isHeader ? p.marginTop.points * 0.5 - lineHeight : p.height.points - p.marginBottom.points * 0.5
            var slots: [DisplayItem] = []
            for (template, align) in [(style.left, Alignment.left), (style.center, .center), (style.right, .right)] {
                let text = fields.fill(template, page: page, pages: pages, section: section)
                guard !text.isEmpty else { continue }
                if let line = try line(text, align: align, isHeader: isHeader, font: style.font, lineHeight: lineHeight) {
                    // Right to left, the left slot is the one at the line's start: the right.
                    let items = context.rightToLeft ? line.items.map { $0.mirrored(width: context.textWidth) } : line.items
                    slots += items.map { $0.offset(dx: p.marginInner.points, dy: top) }
                }
            }
            out += DisplayItem.artifact(isHeader ? .header : .footer, slots)
        }
        return out
    }

    /// A slot's text set on one line the text block wide, set once for all the pages that repeat it.
    private func line(_ text: String, align: Alignment, isHeader: Bool, font: TextStyle, lineHeight: Double) throws -> LineBox? {
        let key = SlotLines.Key(text: text, align: align, isHeader: isHeader)
        if let known = lines.set[key] { return known }
        let line = try context.label(text, SpanStyle(font: font), width: context.textWidth, align: align, lineHeight: lineHeight)
        lines.set[key] = line
        return line
    }
}
