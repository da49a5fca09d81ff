import FolioDisplay

/// How structure roles and artifacts are written in PDF: standard structure types (PDF 1.7 §14.8.4, as PDF/UA-1
/// requires), their attributes, and the operators that open their marked content.
enum StructureTypes {
    static func type(of role: StructureRole) -> String {
        switch role {
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

    /// The role map, in PDF syntax, for the types that are not standard (`Title` is PDF 2.0's; PDF/UA-1 readers
    /// see it as a first-level heading); empty when none is used.
    static func roleMap(_ roles: [StructureRole]) -> String {
        roles.contains(.title) ? "<< /Title /H1 >>" : ""
    }

    /// An element's own entries: a dictionary in PDF syntax (starting `<<`) or a text string.
    static func attributes(of role: StructureRole, name: String?) -> [(key: String, value: String)] {
        switch role {
        case .figure(let alt): [("/Alt", alt)]
        case .note(let number): [("/ID", name ?? "note-\(number)")]
        case .span(let language): [("/Lang", language)]
        case .headerCell: [("/A", "<< /O /Table /Scope /Column >>")]
        case .list(let ordered): [("/A", "<< /O /List /ListNumbering /\(ordered ? "Decimal" : "Disc") >>")]
        default: []
        }
    }

    /// The operator text that opens a marked-content sequence.
    static func marker(_ sequence: TaggedStructure.Sequence, in structure: TaggedStructure) -> String {
        switch sequence {
        case .content(let element, let mcid): "/\(type(of: structure.elements[element].role)) <</MCID \(mcid)>> BDC"
        case .artifact(let kind): "/Artifact " + artifactProperties(kind) + " BDC"
        }
    }

    static func artifactProperties(_ kind: ArtifactKind) -> String {
        switch kind {
        case .header: "<</Type /Pagination /Subtype /Header>>"
        case .footer: "<</Type /Pagination /Subtype /Footer>>"
        case .repeatedHeader: "<</Type /Pagination>>"
        case .rule, .leader, .shading: "<</Type /Layout>>"
        }
    }
}
