import Foundation
import FolioDisplay

/// The tagged-PDF structure of a display document, worked out before any PDF object is written: the tree's
/// elements, plus an element for every inline tag and a `Link` for every link annotation not already inside one;
/// for every page, its marked-content sequences in content-stream order and the element that owns each link.
struct TaggedStructure {
    /// A child of an element, in reading order.
    enum Kid: Equatable {
        case element(Int)
        /// A marked-content sequence: its page and its MCID there.
        case content(page: Int, mcid: Int)
        /// A link annotation: its page and its index among the page's links.
        case annotation(page: Int, index: Int)
    }

    struct Element {
        var role: StructureRole
        var parent: Int?
        var name: String?
        /// Content and inline elements in stream order, then the tree's children.
        var kids: [Kid] = []
    }

    /// One marked-content sequence on a page.
    enum Sequence: Equatable {
        case content(element: Int, mcid: Int)
        case artifact(ArtifactKind)
    }

    struct Annotation: Equatable {
        var element: Int
        /// What the link says (PDF/UA wants /Contents on every link annotation).
        var contents: String
    }

    struct PageMarks {
        var sequences: [Sequence] = []
        var annotations: [Annotation] = []
        /// The element of each MCID, by MCID (the page's entry in the parent tree).
        var owners: [Int] = []
    }

    /// Element 0 is the document.
    private(set) var elements: [Element]
    private(set) var pages: [PageMarks] = []

    init(_ document: DisplayDocument) {
        let tree = document.structure
        elements = tree.elements.map { Element(role: $0.role, parent: $0.parent?.index, name: $0.name) }
        for (n, page) in document.pages.enumerated() { pages.append(mark(page, number: n)) }
        for (i, element) in tree.elements.enumerated() {
            elements[i].kids += element.children.filter { !placed.contains($0.index) }.map { .element($0.index) }
        }
    }

    /// Elements already among their parent's kids at the point of the stream where they begin (a note reference
    /// in its paragraph's line); the tree's other children follow the parent's content.
    private var placed: Set<Int> = []

    private mutating func mark(_ page: Page, number: Int) -> PageMarks {
        var marks = PageMarks()
        // The page's text, read once for all its links.
        var text: [GlyphRun]? = nil
        var stack = MarkedContentStack()
        // The element of each open tag (nil for an artifact), parallel to the stack.
        var owners: [Int?] = []
        func apply(_ steps: [MarkedContentStack.Step]) {
            for case .open(let tag) in steps {
                if case .artifact(let kind) = tag { marks.sequences.append(.artifact(kind)); continue }
                // Only artifacts have no owner.
                let owner = owners.last!!
                let mcid = marks.owners.count
                marks.owners.append(owner)
                marks.sequences.append(.content(element: owner, mcid: mcid))
                elements[owner].kids.append(.content(page: number, mcid: mcid))
            }
        }
        for item in page.items {
            switch item {
            case .begin(let tag):
                if case .element(let id) = tag, let parent = elements[id.index].parent, owners.contains(parent),
                   placed.insert(id.index).inserted {
                    elements[parent].kids.append(.element(id.index))
                }
                owners.append(owner(of: tag, inside: owners.last ?? nil))
                _ = stack.begin(tag)
            case .end:
                guard !owners.isEmpty else { continue }
                _ = stack.end()
                owners.removeLast()
            case .glyphs, .line, .fill, .image:
                apply(stack.content())
            case .link(let rect, let target):
                let index = marks.annotations.count
                let element = linkElement(inside: owners.last ?? nil, target: target)
                elements[element].kids.append(.annotation(page: number, index: index))
                if text == nil { text = Self.text(on: page) }
                marks.annotations.append(Annotation(element: element, contents: Self.contents(of: rect, target, in: text ?? [])))
            case .destination:
                continue
            }
        }
        return marks
    }

    /// The element a tag marks content for: the tree's, a new inline element under the open one, or none.
    private mutating func owner(of tag: ContentTag, inside open: Int?) -> Int? {
        switch tag {
        case .element(let id): return id.index
        case .inline(let role): return add(role, under: open ?? 0)
        case .artifact: return nil
        }
    }

    /// The open element when it is a link, otherwise a new `Link` under the open element (or the document).
    private mutating func linkElement(inside open: Int?, target: LinkTarget) -> Int {
        if let open, case .link = elements[open].role { return open }
        return add(.link(target), under: open ?? 0)
    }

    private mutating func add(_ role: StructureRole, under parent: Int) -> Int {
        elements.append(Element(role: role, parent: parent))
        elements[parent].kids.append(.element(elements.count - 1))
        return elements.count - 1
    }

    /// The page's glyph runs other than artifacts (such as a contents entry's leader), in drawing order.
    static func text(on page: Page) -> [GlyphRun] {
        var runs: [GlyphRun] = [], artifacts: [Bool] = [], inArtifact = 0
        for item in page.items {
            switch item {
            case .begin(let tag):
                let artifact = if case .artifact = tag { true } else { false }
                artifacts.append(artifact)
                if artifact { inArtifact += 1 }
            case .end:
                if artifacts.popLast() == true { inArtifact -= 1 }
            case .glyphs(let run) where inArtifact == 0:
                runs.append(run)
            default:
                continue
            }
        }
        return runs
    }

    /// The text drawn inside a link's area, or else where it leads.
    static func contents(of rect: Rect, _ target: LinkTarget, in runs: [GlyphRun]) -> String {
        var text = "", end: Double? = nil
        for run in runs where run.origin.x >= rect.x - 0.5 && run.origin.x < rect.maxX - 1
            && run.origin.y >= rect.y && run.origin.y <= rect.maxY + 0.5 {
            // Runs apart on the line (a title and its page number) are words apart.
            if let end, run.origin.x > end + 1, !text.hasSuffix(" "), !run.text.hasPrefix(" ") { text += " " }
            text += run.text
            end = run.width > 0 ? run.origin.x + run.width : nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty { return trimmed }
        switch target {
        case .uri(let uri): return uri
        case .destination(let name): return name
        }
    }
}

/// How `.begin` / `.end` items become marked-content sequences, for the painter that marks them and the finisher
/// that tags them. The sequences are never nested (cairo 1.16 writes no marked content for a tag that has tags
/// inside it): an inline tag closes the enclosing sequence, and the enclosing tag's next content opens a new one.
/// A sequence opens at the first content drawn under its tag, so that none is empty.
struct MarkedContentStack {
    enum Step: Equatable { case open(ContentTag), close }
    private(set) var tags: [ContentTag] = []
    /// Whether a sequence is open in the content stream (for the innermost tag).
    private(set) var isOpen = false

    mutating func begin(_ tag: ContentTag) -> [Step] {
        defer { tags.append(tag) }
        return close()
    }

    /// An `.end` without a `.begin` closes nothing.
    mutating func end() -> [Step] {
        guard !tags.isEmpty else { return [] }
        tags.removeLast()
        return close()
    }

    /// Before content is drawn: opens the innermost tag's sequence if it is not open.
    mutating func content() -> [Step] {
        guard !isOpen, let tag = tags.last else { return [] }
        isOpen = true
        return [.open(tag)]
    }

    /// Closes what a page leaves open.
    mutating func finish() -> [Step] {
        tags = []
        return close()
    }

    private mutating func close() -> [Step] {
        guard isOpen else { return [] }
        isOpen = false
        return [.close]
    }
}
