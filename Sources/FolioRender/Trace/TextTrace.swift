import FolioDisplay

/// The display list as stable text, one item a line (after SILE's text outputter): pages, structure tags, glyph
/// runs with their text and origin, rules, fills, images, links and destinations, then the structure tree.
/// Positions are rounded to a tenth of a point and fonts are not named, so a trace depends on the layout and the
/// fonts' metrics, not on where the fonts are installed: golden tests compare traces, and `folio preview --trace`
/// prints one.
public struct TextTrace {
    public init() {}

    public func render(_ document: DisplayDocument) -> String {
        var out = ""
        for (index, page) in document.pages.enumerated() {
            out += "page \(index + 1) \(n(page.width))x\(n(page.height))\n"
            var depth = 1
            for item in page.items {
                if case .end = item { depth = max(1, depth - 1) }
                out += String(repeating: "  ", count: depth) + line(item, document.structure) + "\n"
                if case .begin = item { depth += 1 }
            }
        }
        out += "structure\n"
        for (id, depth) in document.structure.walk() {
            out += String(repeating: "  ", count: depth + 1) + describe(id, document.structure) + "\n"
        }
        return out
    }

    private func line(_ item: DisplayItem, _ structure: StructureTree) -> String {
        switch item {
        case .glyphs(let run):
            return "text \(point(run.origin)) \(n(run.size))\(run.stretch == 1 ? "" : " ×" + thousandths(run.stretch)) \(quoted(run.text))"
        case .line(let from, let to, let width, _):
            return "rule \(point(from)) \(point(to)) \(n(width))"
        case .fill(let rect, _):
            return "fill \(self.rect(rect))"
        case .image(let ref, let rect):
            return "image \(ref.format) \(self.rect(rect))"
        case .link(let rect, let target):
            return "link \(self.rect(rect)) \(self.target(target))"
        case .destination(let name, let at):
            return "destination \(quoted(name)) \(point(at))"
        case .begin(.element(let id)):
            return "begin \(describe(id, structure))"
        case .begin(.inline(let role)):
            return "begin \(self.role(role))"
        case .begin(.artifact(let kind)):
            return "begin artifact \(kind.rawValue)"
        case .end:
            return "end"
        }
    }

    private func describe(_ id: StructureID, _ structure: StructureTree) -> String {
        let e = structure[id]
        return "\(role(e.role)) \(id)" + (e.name.map { " \(quoted($0))" } ?? "")
    }

    private func role(_ role: StructureRole) -> String {
        switch role {
        case .list(let ordered): ordered ? "L ordered" : "L"
        case .note(let number), .noteReference(let number): "\(role.standardType) \(number)"
        case .figure(let alt): "Figure alt=\(quoted(alt))"
        case .link(let target): "Link \(self.target(target))"
        case .span(let language): "Span lang=\(language)"
        default: role.standardType
        }
    }

    private func target(_ target: LinkTarget) -> String {
        switch target {
        case .uri(let uri): "uri \(quoted(uri))"
        case .destination(let name): "to \(quoted(name))"
        }
    }

    private func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private func point(_ p: Point) -> String { "\(n(p.x)),\(n(p.y))" }
    private func rect(_ r: Rect) -> String { "\(n(r.x)),\(n(r.y)) \(n(r.width))x\(n(r.height))" }

    /// A glyph run's widening (font expansion), to three decimals: "1.005".
    private func thousandths(_ value: Double) -> String {
        let m = Int((value * 1000).rounded())
        let fraction = String(m % 1000)
        return "\(m / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// A coordinate rounded to 0.1 pt, without a trailing ".0".
    private func n(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : "", a = abs(tenths)
        return a % 10 == 0 ? "\(sign)\(a / 10)" : "\(sign)\(a / 10).\(a % 10)"
    }
}
