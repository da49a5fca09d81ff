import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The words of a PDF as `pdftotext -bbox-layout` finds them: boxes in points from the page's top left, grouped
/// into pdftotext's blocks (about a paragraph) and lines.
struct PDFText {
    struct Word {
        var xMin, yMin, xMax, yMax: Double
        var text: String
    }
    typealias Line = [Word]
    struct Page {
        var width: Double
        var blocks: [[Line]]
    }

    var pages: [Page]

    init(pages: [Page]) { self.pages = pages }

    init(pdf: String) throws {
        let r = try PDFTool.pdftotext.run(["-bbox-layout", pdf, "-"])
        guard r.status == 0 else { throw Unreadable(message: "pdftotext -bbox-layout \(pdf): \(r.err)") }
        let reader = BoxReader()
        let parser = XMLParser(data: Data(r.out.utf8))
        parser.delegate = reader
        guard parser.parse() else { throw Unreadable(message: "pdftotext's XML: \(parser.parserError.map { "\($0)" } ?? "?")") }
        pages = reader.pages
    }

    struct Unreadable: Error, CustomStringConvertible { let message: String; var description: String { message } }

    /// Every line, page after page, block after block.
    var lines: [Line] { pages.flatMap { $0.blocks.flatMap { $0 } } }
}

/// Builds pages of blocks of lines of words from pdftotext's <page><flow><block><line><word> elements.
private final class BoxReader: NSObject, XMLParserDelegate {
    var pages: [PDFText.Page] = []
    private var word: PDFText.Word?
    private var line: PDFText.Line = []
    private var block: [PDFText.Line] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes a: [String: String] = [:]) {
        func number(_ key: String) -> Double { Double(a[key] ?? "") ?? 0 }
        switch name {
        case "page": pages.append(PDFText.Page(width: number("width"), blocks: []))
        case "block": block = []
        case "line": line = []
        case "word": word = PDFText.Word(xMin: number("xMin"), yMin: number("yMin"), xMax: number("xMax"), yMax: number("yMax"), text: "")
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        word?.text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "word":
            if let word { line.append(word) }
            word = nil
        case "line": if !line.isEmpty { block.append(line) }
        case "block": if !pages.isEmpty { pages[pages.count - 1].blocks.append(block) }
        default: break
        }
    }
}
