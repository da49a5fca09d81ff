import FolioDisplay
import FolioModel

/// Where things landed: page indexes (0-based) of headings, notes and note references, and of the body's start.
public struct Landings: Sendable {
    /// Each heading's page, by anchor.
    public var headingPages: [String: Int] = [:]
    /// The page each note starts on, and the page of its first reference.
    public var notePages: [Int: Int] = [:]
    public var noteReferencePages: [Int: Int] = [:]
    /// The first page of the body (after the cover and contents).
    public var bodyStart = 0
    /// Each figure's page, by anchor.
    public var figurePages: [String: Int] = [:]

    init(_ pages: [PageContent]) {
        var bodyStart: Int?
        for (index, page) in pages.enumerated() {
            for placed in page.body + page.notes where !placed.repeated {
                for mark in placed.item.landmarks {
                    switch mark {
                    case .heading(let h): headingPages[h.anchor] = index
                    case .noteStart(let n): if notePages[n] == nil { notePages[n] = index }
                    case .bodyStart: if bodyStart == nil { bodyStart = index }
                    case .figure(let anchor): figurePages[anchor] = index
                    }
                }
            }
            for placed in page.body {
                for n in placed.item.footnotes where noteReferencePages[n] == nil { noteReferencePages[n] = index }
            }
        }
        self.bodyStart = bodyStart ?? 0
    }
}

/// The run stage's record: the pages, where everything landed, and how the contents settled.
struct RunRecord {
    var pages: [PageContent]
    var landings: Landings
    /// The page label shown in the contents for each heading.
    var contentsLabels: [String: String]
    var passes: Int
    var settled: Bool
}

/// The run stage: paginates the flow. With a table of contents it repeats until the page numbers the contents
/// show are the ones the headings land on (like Typst's introspection loop), at most `maxPasses` times.
struct PageRun {
    let layout: Layout
    let paginator: Paginator
    static let maxPasses = 5

    /// `contents` sets the contents with the page labels of the previous pass (none in the first).
    func run(cover: [FlowItem], body: [FlowItem], contents: ([String: String]) throws -> [FlowItem],
             at location: SourceLocation) throws -> RunRecord {
        var labels: [String: String] = [:]
        var passes = 0
        while true {
            passes += 1
            let pages = paginator.paginate(cover + (layout.contents.enabled ? try contents(labels) : []) + body)
            if pages.count > layout.limits.maxPages {
                throw FolioError("the edition runs to \(pages.count) pages, over the limit of \(layout.limits.maxPages)",
                                 at: location, hint: "if this is intended, raise limits.max-pages in an installed layout or one given with --layout")
            }
            let landings = Landings(pages)
            let found = landings.headingPages.merging(landings.figurePages) { heading, _ in heading }
                .mapValues { pageLabel($0, bodyStart: landings.bodyStart) }
            let settled = !layout.contents.enabled || found == labels
            if settled || passes == Self.maxPasses {
                return RunRecord(pages: pages, landings: landings, contentsLabels: found,
                                 passes: passes, settled: settled)
            }
            labels = found
        }
    }

    /// The label of page `index`: roman numerals in the front matter when the layout says so, then 1, 2, 3
    /// from the body's first page (or from the first page when the front matter is not numbered apart).
    func pageLabel(_ index: Int, bodyStart: Int) -> String {
        if layout.pageLabels.frontMatterRoman {
            return index < bodyStart ? Roman.lower(index + 1) : String(index - bodyStart + 1)
        }
        return String(index + 1)
    }
}
