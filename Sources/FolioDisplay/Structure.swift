/// Document structure: what each piece of drawn content is, in logical reading order. Layout builds the tree;
/// display items are placed inside it by `.begin(_:)` / `.end` pairs on their page (as PDF marked content is),
/// and content that is not part of the text (running heads, rules, leaders) is marked as an artifact.

/// An element of the structure tree, by index.
public struct StructureID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let index: Int
    public init(_ index: Int) { self.index = index }
    public static func < (a: StructureID, b: StructureID) -> Bool { a.index < b.index }
    public var description: String { "#\(index)" }
}

/// What an element is (PDF's standard structure types, named for what they mean here).
public enum StructureRole: Sendable, Hashable {
    case document
    /// The report's title (PDF/UA: `Title`), and its subtitle and meta lines as paragraphs.
    case title
    case heading(level: Int)
    case paragraph
    case code
    case list(ordered: Bool), listItem, label, listBody
    case table, tableHeader, tableBody, tableRow, headerCell, cell
    /// A footnote or endnote and the mark that refers to it.
    case note(number: Int), noteReference(number: Int)
    case quote
    case figure(alt: String), caption
    case link(LinkTarget)
    case contents, contentsEntry
    /// A run of text in another language than its paragraph's (BCP 47).
    case span(language: String)
}

/// One element: its role, its parent and its children in reading order.
public struct StructureElement: Sendable, Hashable {
    public var role: StructureRole
    public var parent: StructureID?
    public var children: [StructureID] = []
    /// A name links and notes use for it (a heading's anchor, "fn-3" for note 3).
    public var name: String?
    public init(role: StructureRole, parent: StructureID?, name: String? = nil) {
        self.role = role; self.parent = parent; self.name = name
    }
}

/// The structure tree of a document; element 0 is the document itself.
public struct StructureTree: Sendable {
    public private(set) var elements: [StructureElement] = [StructureElement(role: .document, parent: nil)]
    public init() {}

    public var root: StructureID { StructureID(0) }
    public subscript(id: StructureID) -> StructureElement { elements[id.index] }

    /// A new element, the last child of `parent`.
    @discardableResult
    public mutating func add(_ role: StructureRole, under parent: StructureID, name: String? = nil) -> StructureID {
        let id = StructureID(elements.count)
        elements.append(StructureElement(role: role, parent: parent, name: name))
        elements[parent.index].children.append(id)
        return id
    }

    /// Moves an element under another parent, as its last child (a note goes after the paragraph that refers to it).
    public mutating func move(_ id: StructureID, under parent: StructureID) {
        if let old = elements[id.index].parent { elements[old.index].children.removeAll { $0 == id } }
        elements[id.index].parent = parent
        elements[parent.index].children.append(id)
    }

    /// Elements in reading order (depth first from the root), with their depth.
    public func walk() -> [(id: StructureID, depth: Int)] {
        var out: [(StructureID, Int)] = []
        var stack: [(StructureID, Int)] = [(root, 0)]
        while let (id, depth) = stack.popLast() {
            out.append((id, depth))
            for child in elements[id.index].children.reversed() { stack.append((child, depth + 1)) }
        }
        return out
    }
}

/// Content drawn for the page, not part of the text.
public enum ArtifactKind: String, Sendable, Hashable, CaseIterable {
    /// Running heads and feet, page numbers.
    case header, footer
    /// Rules, leaders and shading: layout, not content.
    case rule, leader, shading
    /// A table's header row repeated at the top of a continuation page.
    case repeatedHeader = "repeated-header"
}

/// What the content between `.begin` and its `.end` is.
public enum ContentTag: Sendable, Hashable {
    case element(StructureID)
    /// An inline element made by inline layout inside one line; the layout gives it an element when it places
    /// the line (links, note references, foreign-language spans).
    case inline(StructureRole)
    case artifact(ArtifactKind)
}

extension StructureRole {
    /// The standard structure type the role is (PDF 1.7 §14.8.4; `Title` is PDF 2.0's): what tagged PDF writes and
    /// the text trace prints.
    public var standardType: String {
        switch self {
        case .document: "Document"
        case .title: "Title"
        case .heading(let level): "H\(min(max(level, 1), 6))"
        case .paragraph: "P"
        case .code: "Code"
        case .list: "L"
        case .listItem: "LI"
        case .label: "Lbl"
        case .listBody: "LBody"
        case .table: "Table"
        case .tableHeader: "THead"
        case .tableBody: "TBody"
        case .tableRow: "TR"
        case .headerCell: "TH"
        case .cell: "TD"
        case .note: "Note"
        case .noteReference: "Reference"
        case .quote: "BlockQuote"
        case .figure: "Figure"
        case .caption: "Caption"
        case .link: "Link"
        case .contents: "TOC"
        case .contentsEntry: "TOCI"
        case .span: "Span"
        }
    }
}
