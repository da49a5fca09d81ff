import FolioDeflate
import Foundation
internal import CQPDF
import FolioDisplay

/// Writes the structure of a tagged PDF (PDF/UA-1): a structure element per element of `TaggedStructure`, marked
/// content named and numbered in every page's content stream, the parent tree, /StructParents and /Tabs /S on pages,
/// /StructParent and /Contents on link annotations. The tree's objects are written as PDF text; the pages and
/// annotations are cairo's, edited (`FinishedFile`).
struct TaggedPDF {
    let file: FinishedFile
    let structure: TaggedStructure

    private var q: folio_qpdf_api { file.q }
    private var qpdf: qpdf_data { file.qpdf }

    /// Writes the tree and returns the number of its root.
    func write() throws -> Int {
        let pageCount = Int(q.qpdf_get_num_pages(qpdf))
        guard pageCount == structure.pages.count else {
            throw RenderError("cairo wrote \(pageCount) pages for \(structure.pages.count) in the display list")
        }
        let pages = (0..<pageCount).map { q.qpdf_get_page_n(qpdf, $0) }
        let pageNumbers = try pages.map { page in
            guard let n = file.number(of: page) else { throw RenderError("cairo's PDF has a page that is not an indirect object") }
            return n
        }
        var annotations: [[Int]] = []
        // Link annotations' keys in the parent tree follow the pages'.
        var key = pageCount
        let contents = try pages.enumerated().map { n, page in try content(of: page, structure.pages[n], number: n) }
        let tagged = try PageContent.tag(contents)
        for (n, page) in pages.enumerated() {
            try place(tagged[n], contents[n], on: page, number: n)
            annotations.append(try links(on: page, page: n, expected: structure.pages[n].annotations, firstKey: key))
            key += structure.pages[n].annotations.count
        }
        let elements = structure.elements.map { _ in file.take() }
        let root = file.take(), parentTree = file.take()
        for (i, element) in structure.elements.enumerated() {
            file.writer.add(elements[i], body(of: element, parent: element.parent.map { elements[$0] } ?? root, elements: elements,
                                              pages: pageNumbers, annotations: annotations))
        }
        var nums = "<< /Nums ["
        for (n, marks) in structure.pages.enumerated() {
            nums += " \(n) [" + marks.owners.map { " \(elements[$0]) 0 R" }.joined() + " ]"
        }
        key = pageCount
        for marks in structure.pages {
            for annotation in marks.annotations {
                nums += " \(key) \(elements[annotation.element]) 0 R"
                key += 1
            }
        }
        file.writer.add(parentTree, nums + " ] >>")
        let roleMap = StructureTypes.roleMap(structure.elements.map(\.role))
        file.writer.add(root, "<< /Type /StructTreeRoot /K \(elements[0]) 0 R /ParentTree \(parentTree) 0 R /ParentTreeNextKey \(key)"
                            + (roleMap.isEmpty ? "" : " /RoleMap " + roleMap) + " >>")
        return root
    }

    /// Where the page's content is and what its sequences become. cairo writes one deflated content stream a page:
    /// its data is read from cairo's bytes, and the stream is written again under its own number (its indirect
    /// /Length, which cairo writes as an object, is then unused). Content in any other form is read through qpdf.
    private func content(of page: qpdf_oh, _ marks: TaggedStructure.PageMarks, number: Int) throws -> PageContent {
        let markers = marks.sequences.map { StructureTypes.marker($0, in: structure) }
        let contents = q.qpdf_oh_get_key(qpdf, page, "/Contents")
        if let n = file.number(of: contents), let stream = file.cairo.stream(n), let source = Self.source(stream) {
            if let length = DictionaryText.value(of: "/Length", in: stream.dictionary), let lengthNumber = DictionaryText.reference(length) {
                file.drop(lengthNumber)
            }
            file.drop(n)
            return PageContent(stream: n, source: source, markers: markers)
        }
        return PageContent(stream: nil, source: .plain(try qpdfContent(of: page, number: number)), markers: markers)
    }

    /// A stream's data when it is deflated or not filtered at all; nil for any other filter.
    private static func source(_ stream: (dictionary: ArraySlice<UInt8>, data: ArraySlice<UInt8>)) -> PageContent.Source? {
        if DictionaryText.value(of: "/DecodeParms", in: stream.dictionary) != nil { return nil }
        guard let filter = DictionaryText.value(of: "/Filter", in: stream.dictionary) else { return .plain(Array(stream.data)) }
        return filter.elementsEqual("/FlateDecode".utf8) ? .deflated(stream.data) : nil
    }

    /// Writes the page's tagged content and gives the page its parent-tree key and tab order.
    private func place(_ tagged: [UInt8], _ content: PageContent, on page: qpdf_oh, number: Int) throws {
        let entries = "/StructParents \(number) /Tabs /S"
        if let stream = content.stream {
            file.writer.addDeflatedStream(stream, entries: "", data: tagged)
            try file.edit(page, removing: ["/StructParents", "/Tabs"], adding: entries)
        } else {
            let stream = file.take()
            file.writer.addDeflatedStream(stream, entries: "", data: tagged)
            try file.edit(page, removing: ["/StructParents", "/Tabs", "/Contents"], adding: entries + " /Contents \(stream) 0 R")
        }
    }

    private func qpdfContent(of page: qpdf_oh, number: Int) throws -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        var length = 0
        guard q.qpdf_oh_get_page_content_data(qpdf, page, &buffer, &length) & QPDF_ERRORS == 0, let buffer else {
            throw RenderError("qpdf cannot read page \(number + 1)'s content", call: "qpdf_oh_get_page_content_data", status: nil)
        }
        defer { free(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// The numbers of the page's link annotations in the order cairo wrote them, which is the order of the page's
    /// links; each gets its parent-tree key and /Contents. cairo writes no other annotations, and the annotations
    /// are edited as text: only their numbers are asked of qpdf, which does not parse them for that.
    private func links(on page: qpdf_oh, page n: Int, expected: [TaggedStructure.Annotation], firstKey: Int) throws -> [Int] {
        let found = file.annotations(of: page)
        guard found.count == expected.count else {
            throw RenderError("page \(n + 1) has \(found.count) link annotations where the display list has \(expected.count)")
        }
        for (i, (number, annotation)) in zip(found, expected).enumerated() {
            try file.editText(number, removing: ["/StructParent", "/Contents"],
                              adding: "/StructParent \(firstKey + i) /Contents \(PDFSyntax.text(annotation.contents))")
        }
        return found
    }

    /// One structure element's dictionary.
    private func body(of element: TaggedStructure.Element, parent: Int, elements: [Int], pages: [Int], annotations: [[Int]]) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(96 + element.kids.count * 8)
        text.append("<< /Type /StructElem /S /")
        text.append(StructureTypes.type(of: element.role))
        text.append(" /P")
        text.append(reference: parent)
        let home: Int? = element.kids.lazy.compactMap { if case .content(let page, _) = $0 { page } else { nil } }.first
        if let home {
            text.append(" /Pg")
            text.append(reference: pages[home])
        }
        text.append(" /K [")
        for kid in element.kids {
            switch kid {
            case .element(let i):
                text.append(reference: elements[i])
            case .content(let page, let mcid) where page == home:
                text.append(UInt8(ascii: " "))
                text.append(number: mcid)
            case .content(let page, let mcid):
                text.append(" << /Type /MCR /MCID ")
                text.append(number: mcid)
                text.append(" /Pg")
                text.append(reference: pages[page])
                text.append(" >>")
            case .annotation(let page, let index):
                text.append(" << /Type /OBJR /Obj")
                text.append(reference: annotations[page][index])
                text.append(" /Pg")
                text.append(reference: pages[page])
                text.append(" >>")
            }
        }
        text.append(" ]")
        for (key, value) in StructureTypes.attributes(of: element.role, name: element.name) {
            text.append(" " + key + " " + (value.hasPrefix("<<") ? value : PDFSyntax.text(value)))
        }
        text.append(" >>")
        return text
    }
}
