import FolioDisplay
import FolioImages
import FolioModel

/// An image that is a table cell's whole content: scaled to its column (or to the share of it its `#width=`
/// gives), never wider than its natural size, and tagged as a `Figure` with its alternative text inside the cell.
struct CellPicture {
    var image: ImageInfo
    var source: ImageSource
    /// The narrowest a column holding it is made, in points (its natural width when smaller).
    static let narrowest = 36.0

    /// The width the column would like.
    var natural: Double { image.width }

    /// The image as the cell's one line, `width` wide at most.
    func callAsFunction(_ cell: StructureID, width: Double, structure: inout StructureTree) -> LineBox {
        let w = max(1, min(source.width.map { width * $0 } ?? image.width, width))
        let h = w * image.height / max(image.width, 0.01)
        let figure = structure.add(.figure(alt: source.alt), under: cell)
        let items = DisplayItem.tagged(figure, [.image(ImageRef(path: image.path, format: image.format), Rect(x: 0, y: 0, width: w, height: h))])
        return LineBox(height: h, baseline: h, items: items, width: width, contentWidth: w, footnotes: [], justified: false)
    }
}

extension TableLayout {
    /// For each row (the header first) and column, the image when the cell holds nothing else.
    func pictures(_ table: Table) -> [[CellPicture?]] {
        let rows = (table.header.isEmpty ? [] : [table.header]) + table.rows
        let columns = rows.map(\.count).max() ?? 0
        return rows.map { row in
            (0..<columns).map { c -> CellPicture? in
                guard c < row.count, let source = row[c].onlyImage, let image = images[source.path] else { return nil }
                return CellPicture(image: image, source: source)
            }
        }
    }
}
