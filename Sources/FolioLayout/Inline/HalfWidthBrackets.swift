/// klreq: Korean running text sets the CJK brackets 「」『』〈〉《》【】〔〕 half-width where they meet a space, a line
/// start or punctuation: an opening bracket gives up its blank left half, a closing one its blank right half. Beside
/// a letter they keep their full width: a glyph drawn over its neighbour's box would part the word in extracted text.
enum HalfWidthBrackets {
    static let opening: Set<UInt32> = Set("〈《「『【〔〖〘〚".unicodeScalars.map(\.value))
    static let closing: Set<UInt32> = Set("〉》」』】〕〗〙〛".unicodeScalars.map(\.value))
    /// What may follow a closing bracket set half-width (ASCII punctuation that closes a phrase).
    static let closers: Set<UInt32> = Set(".,;:!?)".unicodeScalars.map(\.value))

    /// The items from `first` on with the qualifying brackets of their boxes set half-width.
    static func apply(_ items: inout [ParagraphItems.Item], from first: Int, scalars: [Unicode.Scalar]) {
        for k in first..<items.count {
            guard case .box(var box) = items[k], box.scale > 0 else { continue }
            var changed = false
            var byte = 0
            for i in box.range {
                let s = scalars[i]
                defer { byte += s.utf8.count }
                let open = opening.contains(s.value), close = closing.contains(s.value)
                guard open || close else { continue }
                let before = i == 0 ? " " : scalars[i - 1], after = i + 1 < scalars.count ? scalars[i + 1] : " "
                let fits = open ? (before == " " || before == "\u{2028}" || before == "\n" || opening.contains(before.value))
                    : (after == " " || after == "\u{2028}" || after == "\n" || closers.contains(after.value) || closing.contains(after.value))
                guard fits, let g = box.glyphs.firstIndex(where: { Int($0.cluster) == byte }) else { continue }
                let half = box.glyphs[g].advance / 2
                box.glyphs[g].advance -= half
                if open { box.glyphs[g].xOffset -= half }
                box.width -= Double(half) * box.scale
                changed = true
            }
            if changed { items[k] = .box(box) }
        }
    }
}
