import FolioDeflate
import FolioSupport

/// A page's content stream on its way to being tagged: found one page after another (qpdf is not thread-safe), then
/// inflated, renamed (`ContentMarks`) and deflated again on every core at once, since that work is on the path
/// between cairo's last page and the finished file.
struct PageContent: Sendable {
    enum Source: Sendable {
        /// cairo's stream data, deflated.
        case deflated(ArraySlice<UInt8>)
        case plain([UInt8])
    }

    /// cairo's content stream, written again under its own number; nil when the page gets a new stream.
    let stream: Int?
    let source: Source
    /// The operator text of each marked-content sequence, in stream order.
    let markers: [String]

    /// Every page's tagged content, deflated: the pages are shared out between the cores, with one libdeflate
    /// compressor and decompressor for each share.
    static func tag(_ pages: [PageContent]) throws -> [[UInt8]] {
        guard !pages.isEmpty else { return [] }
        let shares = max(1, min(Parallelism.width, pages.count))
        let size = (pages.count + shares - 1) / shares
        let ranges = stride(from: 0, to: pages.count, by: size).map { $0..<min($0 + size, pages.count) }
        let results = ranges.concurrentMap { range -> Result<[[UInt8]], any Error> in
            Result {
                let flate = try Flate(level: 1)
                return try range.map { try pages[$0].tagged(with: flate, page: $0) }
            }
        }
        return try results.flatMap { try $0.get() }
    }

    private func tagged(with flate: Flate, page: Int) throws -> [UInt8] {
        let content: [UInt8]
        switch source {
        case .plain(let bytes):
            content = bytes
        case .deflated(let data):
            guard let bytes = flate.inflate(data) else { throw RenderError("page \(page + 1)'s content stream is not valid deflated data") }
            content = bytes
        }
        do {
            return try flate.deflate(try ContentMarks.rewrite(content, markers: markers))
        } catch let error as ContentMarks.Mismatch {
            throw RenderError("page \(page + 1) cannot be tagged: \(error)")
        }
    }
}
