/// Turns an edition's Markdown into Folio's document model, with warnings for what it leaves out.
public struct MarkdownReader {
    public let file: String
    public private(set) var warnings: [Warning] = []
    /// Deepest nesting of lists and quotes accepted before the content is refused.
    public var maxDepth = 32
    /// Whether the inlines being read are a heading's (where an image is set as its alternative text).
    private var inHeading = false
    /// Figures read so far: the next one's number.
    private var figureCount = 0
    /// The source, for the passes that read it again (CJK-friendly emphasis).
    private var source = MarkdownSource(bytes: [], file: "")

    public init(file: String) { self.file = file }

    /// Reads UTF-8 Markdown bytes; refuses text that is not UTF-8 or that carries a byte-order mark.
    public mutating func read(_ bytes: [UInt8]) throws -> Document {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw FolioError("the file starts with a UTF-8 byte-order mark", at: loc(1, 1),
                             hint: "save it as UTF-8 without BOM")
        }
        if let bad = Self.firstInvalidUTF8(bytes) {
            throw FolioError("the file is not valid UTF-8 (byte \(bad.offset))", at: loc(bad.line, bad.column),
                             hint: "save it as UTF-8")
        }
        let (text, cleaning) = TextSanitizer.clean(utf8: bytes, file: file)
        warnings += cleaning
        let tree = CmarkTree(markdown: text)
        source = MarkdownSource(bytes: text, file: file)
        var blocks: [Block] = []
        var definitions: [CmarkNode] = []
        for node in tree.document.children {
            if node.kind == "footnote_definition" {
                definitions.append(node)
            } else if let b = try block(node, depth: 0) {
                blocks.append(b)
            }
        }
        // cmark-gfm keeps only referenced definitions, ordered by first reference: that order is the numbering.
        var footnotes: [Footnote] = []
        for (i, def) in definitions.enumerated() {
            let body = try def.children.compactMap { try block($0, depth: 1) }
            footnotes.append(Footnote(number: i + 1, blocks: body, location: loc(def.line, def.column)))
        }
        warnings += FootnoteCheck.warnings(source, keptDefinitionLines: Set(definitions.map(\.line)))
        warnings += MathCheck.warnings(source)
        // In the file's order, whichever pass found them.
        warnings = warnings.enumerated().sorted { a, b in
            let (x, y) = (a.element.location, b.element.location)
            return (x?.line ?? 0, x?.column ?? 0, a.offset) < (y?.line ?? 0, y?.column ?? 0, b.offset)
        }.map(\.element)
        Self.assignAnchors(&blocks)
        return Document(blocks: blocks, footnotes: footnotes, file: file)
    }

    private func loc(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private mutating func block(_ node: CmarkNode, depth: Int) throws -> Block? {
        let here = loc(node.line, node.column)
        if depth > maxDepth {
            throw FolioError("lists and quotes are nested more than \(maxDepth) levels deep", at: here,
                             hint: "flatten the nesting")
        }
        switch node.kind {
        case "heading":
            inHeading = true
            defer { inHeading = false }
            return .heading(Heading(level: node.headingLevel, content: try inlines(node), anchor: "", location: here))
        case "paragraph":
            if let figure = try figure(node) { return .figure(figure) }
            return .paragraph(try inlines(node), here)
        case "list":
            let items = try node.children.map { item in try item.children.compactMap { try block($0, depth: depth + 1) } }
            return .list(ListBlock(ordered: node.isOrderedList, start: node.listStart, tight: node.isTightList,
                                   items: items, location: here))
        case "block_quote":
            return .quote(try node.children.compactMap { try block($0, depth: depth + 1) }, here)
        case "code_block":
            source.markLiteral(node)
            return .code(node.literal, here)
        case "thematic_break":
            return .rule(here)
        case "table":
            return .table(try table(node, at: here))
        case "html_block":
            source.markLiteral(node)
            let html = node.literal.trimmingSpaces.lowercased()
            if ["<!-- pagebreak -->", "<!-- page-break -->", "<!-- newpage -->"].contains(html) { return .pageBreak(here) }
            if !html.hasPrefix("<!--") {
                warnings.append(Warning(.rawHTML, "raw HTML is ignored", at: here))
            }
            return nil
        default:
            warnings.append(Warning(.unsupportedMarkdown, "unsupported Markdown block '\(node.kind)' is ignored", at: here))
            return nil
        }
    }

    private mutating func table(_ node: CmarkNode, at here: SourceLocation) throws -> Table {
        let alignments: [ColumnAlignment] = node.tableAlignments.map {
            switch $0 { case "l": .left; case "c": .center; case "r": .right; default: .none }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in node.children where row.kind == "table_row" || row.kind == "table_header" {
            let cells = try row.children.map { try inlines($0) }
            if row.isTableHeaderRow || row.kind == "table_header" { header = cells } else { rows.append(cells) }
        }
        return Table(alignments: alignments, header: header, rows: rows, location: here)
    }

    private mutating func inlines(_ node: CmarkNode, depth: Int = 0) throws -> [Inline] {
        if depth > maxDepth * 4 {
            throw FolioError("emphasis and links are nested more than \(maxDepth * 4) levels deep", at: loc(node.line, node.column),
                             hint: "simplify the markup here")
        }
        var out: [Inline] = []
        var runs: [Int: [CJKEmphasis.Run]] = [:]
        let children = node.children
        for (i, child) in children.enumerated() {
            switch child.kind {
            case "text":
                let literal = child.literal
                if literal.utf8.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }) {
                    let edge = { (k: Int) in !children.indices.contains(k) || ["softbreak", "linebreak"].contains(children[k].kind) }
                    let text = CJKEmphasis.TextNode(literal: literal, line: child.line, column: child.column,
                                                    atLineStart: edge(i - 1), atLineEnd: edge(i + 1))
                    runs[out.count] = CJKEmphasis.runs(of: text, in: source)
                }
                out.append(.text(literal))
            case "softbreak": out.append(.softBreak)
            case "linebreak": out.append(.lineBreak)
            case "code": out.append(.code(child.literal))
            case "emph": out.append(.emphasis(try inlines(child, depth: depth + 1)))
            case "strong": out.append(.strong(try inlines(child, depth: depth + 1)))
            case "strikethrough": out.append(.strikethrough(try inlines(child, depth: depth + 1)))
            case "link" where !LinkTargets.isAllowed(child.url):
                warnings.append(Warning(.linkTarget, LinkTargets.refusal(child.url), at: loc(child.line, child.column)))
                out.append(contentsOf: try inlines(child, depth: depth + 1))
            case "link": out.append(.link(url: child.url, try inlines(child, depth: depth + 1)))
            case "image":
                let source = image(child)
                if inHeading {
                    warnings.append(Warning(.inlineImage, "an image in a heading is set as its alternative text: headings are the outline's and the contents' text",
                                            at: source.location))
                    out.append(.text(source.alt))
                } else {
                    out.append(.image(source))
                }
            case "footnote_reference":
                out.append(.footnoteReference(Int(child.literal) ?? 0))
            case "html_inline":
                warnings.append(Warning(.rawHTML, "raw HTML is ignored", at: loc(child.line, child.column)))
            default:
                out.append(contentsOf: try inlines(child, depth: depth + 1))
            }
        }
        return runs.isEmpty ? out : CJKEmphasis.pair(out, runs: runs) ?? out
    }

    /// A paragraph that holds only an image, and optionally a caption on the lines under it, as a figure; nil for
    /// any other paragraph. The image's title is the caption when no line follows.
    private mutating func figure(_ node: CmarkNode) throws -> Figure? {
        let children = node.children
        guard let first = children.first, first.kind == "image" else { return nil }
        if children.count > 1 && !["softbreak", "linebreak"].contains(children[1].kind) { return nil }
        var caption: [Inline] = []
        let source: ImageSource
        if children.count > 2 {
            // The caption line: the paragraph without its image and the break after it.
            let all = try inlines(node)
            guard case .image(let read)? = all.first else { return nil }
            source = read
            caption = Array(all.dropFirst(2))
        } else {
            source = image(first)
        }
        if caption.isEmpty && !first.title.isEmpty {
            caption = [.text(SmartPunctuation.apply(first.title, language: "en"))]
        }
        figureCount += 1
        return Figure(image: source, caption: caption, number: figureCount, anchor: source.id ?? "figure-\(figureCount)")
    }

    /// An image's file, alternative text and hints; a missing alternative text is reported.
    private mutating func image(_ node: CmarkNode) -> ImageSource {
        let at = loc(node.line, node.column)
        var (source, problems) = ImageSyntax.source(url: node.url, alt: CmarkNode.plainText(node.children), at: at)
        if source.alt.trimmingSpaces.isEmpty {
            problems.append("the image '\(source.path)' has no alternative text: write what it shows between the brackets, ![like this](\(source.path))")
        }
        source.alt = source.alt.trimmingSpaces
        warnings += problems.map { Warning(.imageAlt, $0, at: at) }
        return source
    }

    /// Gives every heading a unique, stable anchor from its text ("i-the-right-to-a-fair-trial"), and every figure
    /// its own (`figure-3`, or the `id` given), unique among them.
    static func assignAnchors(_ blocks: inout [Block]) {
        var used: [String: Int] = [:]
        for i in blocks.indices {
            if case .figure(var f) = blocks[i] {
                let base = f.anchor
                let n = used[base, default: 0]
                used[base] = n + 1
                f.anchor = n == 0 ? base : "\(base)-\(n)"
                blocks[i] = .figure(f)
                continue
            }
            guard case .heading(var h) = blocks[i] else { continue }
            var slug = Anchor.slug(h.content.plainText)
            if slug.isEmpty { slug = "section" }
            let n = used[slug, default: 0]
            used[slug] = n + 1
            h.anchor = n == 0 ? slug : "\(slug)-\(n)"
            blocks[i] = .heading(h)
        }
    }

    /// The first byte that breaks UTF-8, with its line and column.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0, line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                offset += s.utf8.count
                if s == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: return nil
            case .error: return (offset, line, column)
            }
        }
    }
}

/// Anchors (named destinations) derived from heading text, GitHub style.
public enum Anchor {
    public static func slug(_ text: String) -> String {
        var out = ""
        var lastDash = false
        for s in text.lowercased().unicodeScalars {
            if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                out.unicodeScalars.append(s); lastDash = false
            } else if (s == " " || s == "-" || s == "_"), !lastDash, !out.isEmpty {
                out += "-"; lastDash = true
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
