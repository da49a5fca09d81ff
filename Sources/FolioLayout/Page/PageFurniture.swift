import Foundation
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

    /// A template with its fields filled in for one page.
    func fill(_ template: String, page: String, pages: String, section: String) -> String {
        template.replacingOccurrences(of: "{title}", with: title)
            .replacingOccurrences(of: "{short-title}", with: shortTitle)
            .replacingOccurrences(of: "{organizations-short}", with: organizationsShort)
            .replacingOccurrences(of: "{organizations}", with: organizations)
            .replacingOccurrences(of: "{date}", with: date)
            .replacingOccurrences(of: "{language}", with: language)
            .replacingOccurrences(of: "{section}", with: section)
            .replacingOccurrences(of: "{page}", with: page)
            .replacingOccurrences(of: "{pages}", with: pages)
    }
}

/// Running heads and feet: three slots each, set after pagination when the page count is known.
struct PageFurniture {
    let context: LayoutContext
    let fields: FurnitureFields

    func items(page: String, pages: String, section: String, showHeader: Bool, showFooter: Bool) throws -> [DisplayItem] {
        let layout = context.layout
        let p = layout.page
        var out: [DisplayItem] = []
        let left = p.marginInner.points, width = context.textWidth
        for (style, isHeader) in [(layout.header, true), (layout.footer, false)] {
            if isHeader ? !showHeader : !showFooter { continue }
            let lineHeight = style.font.size * 1.3
            // Heads sit half a margin above the text block, feet half a margin below it.
            let top = isHeader ? p.marginTop.points * 0.5 - lineHeight : p.height.points - p.marginBottom.points * 0.5
            for (template, align) in [(style.left, Alignment.left), (style.center, .center), (style.right, .right)] {
                let text = fields.fill(template, page: page, pages: pages, section: section)
                guard !text.isEmpty else { continue }
                var styled = StyledText()
                styled.append(text, SpanStyle(font: style.font))
                var spec = ParagraphSpec(width: width, align: align, lineHeight: lineHeight, baseStyle: SpanStyle(font: style.font))
                spec.firstLineIndent = 0
                if let line = try context.inline.layout(styled, spec).lines.first {
                    out += line.items.map { $0.offset(dx: left, dy: top) }
                }
            }
        }
        return out
    }
}
