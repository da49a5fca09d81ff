import Foundation
internal import CQPDF
import FolioDisplay

/// Writes the structure of a tagged PDF (PDF/UA-1) into the file qpdf read from cairo: a structure element per
/// element of `TaggedStructure`, marked content named and numbered in every page's content stream, the parent
/// tree, /StructParents on pages and /StructParent and /Contents on link annotations, /Tabs /S, /MarkInfo. What
/// cairo wrote for its own tags (a tree of empty `Span`s and `Link`s) is no longer referenced, so qpdf drops it.
///
/// The tree's objects are numbered by `ObjectNumbers` and put in place with `qpdf_replace_object`:
/// `qpdf_make_indirect_object` walks every object of the file each time it numbers one.
struct TaggedPDF {
    let q: folio_qpdf_api
    let qpdf: qpdf_data
    let structure: TaggedStructure
    let numbers: ObjectNumbers

    func write() throws {
        let pageCount = Int(q.qpdf_get_num_pages(qpdf))
        guard pageCount == structure.pages.count else {
            throw RenderError("cairo wrote \(pageCount) pages for \(structure.pages.count) in the display list")
        }
        let pages = (0..<pageCount).map { q.qpdf_get_page_n(qpdf, $0) }
        var annotations: [[qpdf_oh]] = []
        for (n, page) in pages.enumerated() {
            try retag(page, structure.pages[n], number: n)
            annotations.append(try links(on: page, number: n, expected: structure.pages[n].annotations.count))
        }
        let root = object(parse("<< /Type /StructTreeRoot >>"))
        let elements = structure.elements.map { _ in object(q.qpdf_oh_new_dictionary(qpdf)) }
        for (i, element) in structure.elements.enumerated() {
            fill(elements[i], element, parent: element.parent.map { elements[$0] } ?? root, elements: elements,
                 pages: pages, annotations: annotations)
        }
        let nums = q.qpdf_oh_new_array(qpdf)
        for (n, marks) in structure.pages.enumerated() {
            let owners = q.qpdf_oh_new_array(qpdf)
            for owner in marks.owners { q.qpdf_oh_append_item(qpdf, owners, elements[owner]) }
            q.qpdf_oh_append_item(qpdf, nums, q.qpdf_oh_new_integer(qpdf, Int64(n)))
            q.qpdf_oh_append_item(qpdf, nums, owners)
        }
        var key = pageCount
        for (n, marks) in structure.pages.enumerated() {
            for (i, annotation) in marks.annotations.enumerated() {
                let annot = annotations[n][i]
                q.qpdf_oh_replace_key(qpdf, annot, "/StructParent", q.qpdf_oh_new_integer(qpdf, Int64(key)))
                q.qpdf_oh_replace_key(qpdf, annot, "/Contents", q.qpdf_oh_new_unicode_string(qpdf, annotation.contents))
                q.qpdf_oh_append_item(qpdf, nums, q.qpdf_oh_new_integer(qpdf, Int64(key)))
                q.qpdf_oh_append_item(qpdf, nums, elements[annotation.element])
                key += 1
            }
        }
        let parentTree = q.qpdf_oh_new_dictionary(qpdf)
        q.qpdf_oh_replace_key(qpdf, parentTree, "/Nums", nums)
        q.qpdf_oh_replace_key(qpdf, root, "/K", elements[0])
        q.qpdf_oh_replace_key(qpdf, root, "/ParentTree", object(parentTree))
        q.qpdf_oh_replace_key(qpdf, root, "/ParentTreeNextKey", q.qpdf_oh_new_integer(qpdf, Int64(key)))
        let roleMap = StructureTypes.roleMap(structure.elements.map(\.role))
        if !roleMap.isEmpty { q.qpdf_oh_replace_key(qpdf, root, "/RoleMap", parse(roleMap)) }
        let catalog = q.qpdf_get_root(qpdf)
        q.qpdf_oh_replace_key(qpdf, catalog, "/StructTreeRoot", root)
        q.qpdf_oh_replace_key(qpdf, catalog, "/MarkInfo", parse("<< /Marked true >>"))
        if q.qpdf_has_error(qpdf) != 0 { throw RenderError("qpdf cannot write the structure tree", call: "qpdf_oh_replace_key", status: nil) }
    }

    /// Names and numbers the page's marked content, and gives the page its parent-tree key and tab order.
    private func retag(_ page: qpdf_oh, _ marks: TaggedStructure.PageMarks, number: Int) throws {
        var buffer: UnsafeMutablePointer<UInt8>? = nil
        var length = 0
        guard q.qpdf_oh_get_page_content_data(qpdf, page, &buffer, &length) & QPDF_ERRORS == 0, let buffer else {
            throw RenderError("qpdf cannot read page \(number + 1)'s content", call: "qpdf_oh_get_page_content_data", status: nil)
        }
        defer { free(buffer) }
        let markers = marks.sequences.map { StructureTypes.marker($0, in: structure) }
        let tagged: [UInt8]
        do { tagged = try ContentMarks.rewrite(UnsafeBufferPointer(start: buffer, count: length), markers: markers) } catch {
            throw RenderError("page \(number + 1) cannot be tagged: \(error)")
        }
        // cairo writes one content stream a page; its data is replaced in place (qpdf_oh_new_stream costs a walk
        // of every object in the file, each time).
        var stream = q.qpdf_oh_get_key(qpdf, page, "/Contents")
        if q.qpdf_oh_is_array(qpdf, stream) != 0 {
            stream = q.qpdf_oh_new_stream(qpdf)
            q.qpdf_oh_replace_key(qpdf, page, "/Contents", stream)
        }
        tagged.withUnsafeBufferPointer {
            q.qpdf_oh_replace_stream_data(qpdf, stream, $0.baseAddress, $0.count, q.qpdf_oh_new_null(qpdf), q.qpdf_oh_new_null(qpdf))
        }
        q.qpdf_oh_replace_key(qpdf, page, "/StructParents", q.qpdf_oh_new_integer(qpdf, Int64(number)))
        q.qpdf_oh_replace_key(qpdf, page, "/Tabs", q.qpdf_oh_new_name(qpdf, "/S"))
    }

    /// The page's link annotations in the order cairo wrote them, which is the order of the page's links.
    private func links(on page: qpdf_oh, number: Int, expected: Int) throws -> [qpdf_oh] {
        let annots = q.qpdf_oh_get_key(qpdf, page, "/Annots")
        var found: [qpdf_oh] = []
        if q.qpdf_oh_is_array(qpdf, annots) != 0 {
            for i in 0..<q.qpdf_oh_get_array_n_items(qpdf, annots) {
                let annot = q.qpdf_oh_get_array_item(qpdf, annots, i)
                if q.qpdf_oh_is_name_and_equals(qpdf, q.qpdf_oh_get_key(qpdf, annot, "/Subtype"), "/Link") != 0 { found.append(annot) }
            }
        }
        guard found.count == expected else {
            throw RenderError("page \(number + 1) has \(found.count) link annotations where the display list has \(expected)")
        }
        return found
    }

    /// One structure element's dictionary.
    private func fill(_ object: qpdf_oh, _ element: TaggedStructure.Element, parent: qpdf_oh, elements: [qpdf_oh],
                      pages: [qpdf_oh], annotations: [[qpdf_oh]]) {
        q.qpdf_oh_replace_key(qpdf, object, "/Type", q.qpdf_oh_new_name(qpdf, "/StructElem"))
        q.qpdf_oh_replace_key(qpdf, object, "/S", q.qpdf_oh_new_name(qpdf, "/" + StructureTypes.type(of: element.role)))
        q.qpdf_oh_replace_key(qpdf, object, "/P", parent)
        let home: Int? = element.kids.lazy.compactMap { if case .content(let page, _) = $0 { page } else { nil } }.first
        if let home { q.qpdf_oh_replace_key(qpdf, object, "/Pg", pages[home]) }
        let kids = q.qpdf_oh_new_array(qpdf)
        for kid in element.kids {
            switch kid {
            case .element(let i):
                q.qpdf_oh_append_item(qpdf, kids, elements[i])
            case .content(let page, let mcid) where page == home:
                q.qpdf_oh_append_item(qpdf, kids, q.qpdf_oh_new_integer(qpdf, Int64(mcid)))
            case .content(let page, let mcid):
                let reference = parse("<< /Type /MCR /MCID \(mcid) >>")
                q.qpdf_oh_replace_key(qpdf, reference, "/Pg", pages[page])
                q.qpdf_oh_append_item(qpdf, kids, reference)
            case .annotation(let page, let index):
                let reference = parse("<< /Type /OBJR >>")
                q.qpdf_oh_replace_key(qpdf, reference, "/Obj", annotations[page][index])
                q.qpdf_oh_replace_key(qpdf, reference, "/Pg", pages[page])
                q.qpdf_oh_append_item(qpdf, kids, reference)
            }
        }
        q.qpdf_oh_replace_key(qpdf, object, "/K", kids)
        for (key, value) in StructureTypes.attributes(of: element.role, name: element.name) {
            q.qpdf_oh_replace_key(qpdf, object, key, value.hasPrefix("<<") ? parse(value) : q.qpdf_oh_new_unicode_string(qpdf, value))
        }
    }

    private func parse(_ text: String) -> qpdf_oh { q.qpdf_oh_parse(qpdf, text) }

    /// `direct` made an indirect object with the next free number.
    private func object(_ direct: qpdf_oh) -> qpdf_oh {
        let number = numbers.take()
        q.qpdf_replace_object(qpdf, number, 0, direct)
        q.qpdf_oh_release(qpdf, direct)
        return q.qpdf_get_object_by_id(qpdf, number, 0)
    }
}
