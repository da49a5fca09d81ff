import FolioDisplay
import FolioModel

extension LayoutContext {
    /// Short text set alone on one line: list markers, paragraph and note numbers, contents page numbers, leader
    /// dots, running heads. `base` places the baseline (the style's own font unless given).
    func label(_ text: String, _ style: SpanStyle, base: TextStyle? = nil, width: Double, align: Alignment = .left,
               lineHeight: Double) throws -> LineBox? {
        var styled = StyledText()
        styled.append(text, style)
        let spec = ParagraphSpec(width: width, align: align, lineHeight: lineHeight, baseStyle: SpanStyle(font: base ?? style.font))
        return try inline.layout(styled, spec).lines.first
    }
}

/// The baseline of a flow item: its first glyph run's, or four fifths down.
func baselineOf(_ item: FlowItem) -> Double {
    for i in item.items { if case .glyphs(let run) = i { return run.origin.y } }
    return item.height * 0.8
}

/// The last few characters of a set line, for messages.
func lineTextTail(_ line: LineBox) -> String {
    let text = line.items.compactMap { if case .glyphs(let r) = $0 { return r.text } else { return nil } }.joined()
    return String(text.suffix(8))
}
