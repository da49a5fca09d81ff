import Foundation
import CCmarkGFM

/// A parsed cmark-gfm tree; owns the parser and root node and hands out borrowed node views.
final class CmarkTree {
    private let parser: OpaquePointer
    private let root: OpaquePointer

    /// cmark-gfm keeps the inline parser's special characters in a process-wide table that attaching an
    /// extension adds to and finishing a parse takes away from: parses in parallel threads corrupt each
    /// other (strikethrough silently lost), so they take turns.
    private static let parseLock = NSLock()

    /// Parses GFM with tables, strikethrough, autolinks and footnotes; smart punctuation on. Strikethrough needs
    /// `~~`: a single tilde is text, as Korean writes ranges with it (`2021~2023년`, `3~6개월`).
    init(markdown: [UInt8]) {
        Self.parseLock.lock()
        defer { Self.parseLock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART | CMARK_OPT_SOURCEPOS | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        let parser = cmark_parser_new(options)!
        for name in ["table", "strikethrough", "autolink"] {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        markdown.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        self.parser = parser
        self.root = cmark_parser_finish(parser)
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    var document: CmarkNode { CmarkNode(pointer: root, tree: self) }
}

/// A borrowed view of one node; keeps its tree alive.
struct CmarkNode {
    let pointer: OpaquePointer
    let tree: CmarkTree

    /// The node kind: cmark's type string ("paragraph", "table_cell", "footnote_reference", …).
    var kind: String {
        // cmark-gfm 0.29 names footnote nodes "<unknown>": tell them apart by their type code.
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_FOOTNOTE_DEFINITION: return "footnote_definition"
        case CMARK_NODE_FOOTNOTE_REFERENCE: return "footnote_reference"
        default: return String(cString: cmark_node_get_type_string(pointer))
        }
    }
    var literal: String { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
    var url: String { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var line: Int { Int(cmark_node_get_start_line(pointer)) }
    var column: Int { Int(cmark_node_get_start_column(pointer)) }
    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    /// The text of inline nodes without their markup (an image's alternative text).
    static func plainText(_ nodes: [CmarkNode]) -> String {
        nodes.map { node in
            switch node.kind {
            case "text", "code": node.literal
            case "softbreak", "linebreak": " "
            default: plainText(node.children)
            }
        }.joined()
    }

    var children: [CmarkNode] {
        var out: [CmarkNode] = []
        var child = cmark_node_first_child(pointer)
        while let c = child {
            out.append(CmarkNode(pointer: c, tree: tree))
            child = cmark_node_next(c)
        }
        return out
    }

    /// Column alignments of a table node ('l', 'c', 'r' or 0).
    var tableAlignments: [Character?] {
        let n = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard n > 0, let aligns = cmark_gfm_extensions_get_table_alignments(pointer) else { return [] }
        return (0..<n).map { aligns[$0] == 0 ? nil : Character(UnicodeScalar(aligns[$0])) }
    }

    var isTableHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }
}
