import FolioDisplay

extension StructureTree {
    /// A placed item's display items with the inline elements of its lines (links, note references), which inline
    /// layout marks by role only, made elements of the tree: each under the element that encloses it. Finalize does
    /// this page by page, so that inline elements come in reading order and only for content that is placed (not for
    /// a contents page of an earlier pass); inside an artifact they are dropped.
    mutating func resolveInline(_ items: [DisplayItem]) -> [DisplayItem] {
        guard items.contains(where: { if case .begin(.inline) = $0 { true } else { false } }) else { return items }
        enum Open { case element(StructureID), artifact, dropped }
        var open: [Open] = []
        var out: [DisplayItem] = []
        out.reserveCapacity(items.count)
        for item in items {
            switch item {
            case .begin(.element(let id)):
                open.append(.element(id))
            case .begin(.artifact):
                open.append(.artifact)
            case .begin(.inline(let role)):
                guard case .element(let parent)? = open.last else { open.append(.dropped); continue }
                let id = add(role, under: parent)
                open.append(.element(id))
                out.append(.begin(.element(id)))
                continue
            case .end:
                if case .dropped? = open.popLast() { continue }
            default:
                break
            }
            out.append(item)
        }
        return out
    }
}
