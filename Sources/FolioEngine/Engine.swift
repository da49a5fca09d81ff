import Foundation
import FolioChecksum
import FolioDisplay
import FolioFonts
import FolioImages
import FolioLayout
import FolioModel
import FolioRender
import FolioSupport
import FolioUnicode

/// One edition's rendered file, as the manifest lists it.
public struct RenderedEdition: Sendable {
    public var edition: String
    public var language: String
    public var path: String
    public var sha256: String
    public var bytes: Int
    public var pages: Int
    public var title: String
    public var layout: String
    public var warnings: [Warning]
    /// What `folio check` finds in the edition (the warnings above, loose and overfull lines, headings at a page's
    /// end, broken links, the submission rules), to be printed the same way.
    public var findings: [Finding] = []
    /// The report's id.
    public var report = ""
    /// Whether the file on disk already had these bytes (nothing was written).
    public var unchanged = false
    /// The first page's thumbnail, beside the PDF.
    public var thumbnail: String?
    /// Informational notes (line breaks inside words) shown with --verbose.
    public var notes: [Warning] = []
    /// Time per phase.
    public var times = PhaseTimes()
    /// Paragraphs composed.
    public var paragraphs = 0
    public var seconds: Double
}

/// Runs the pipeline for report editions: load → lay out → draw → finish → write atomically.
/// Fonts and shaped words are loaded once per engine and shared by every edition.
public final class Engine: Sendable {
    public let home: String
    public let fonts: FontLibrary
    public let manifest: FontManifest
    public let cache = ShapeCache()
    public let layouts: LayoutLoader
    /// Set paragraphs kept between layouts (`folio watch` lays out the same editions again and again); nil for
    /// commands that lay out each edition once.
    public let paragraphs: ParagraphCache?

    public init(home: String? = nil, keepParagraphs: Bool = false) throws {
        guard let home = home ?? ResourcePaths.home() else {
            throw EngineError(call: "ResourcePaths.home",
                              reason: "cannot find Folio's Layouts/ and Fonts/ folders; set FOLIO_HOME to the folder that holds them")
        }
        self.home = home
        manifest = try FontManifest.load(file: home + "/Fonts/fonts.yaml")
        fonts = FontLibrary(locator: FontLocator())
        layouts = LayoutLoader(folders: [home + "/Layouts"])
        paragraphs = keepParagraphs ? ParagraphCache() : nil
    }

    /// Starts loading, on another core, the hyphenation patterns (slow to load for English) and ICU's
    /// line rules of these languages: the first paragraph waits for them. It needs no engine, so a command can
    /// start it as soon as it has read report.yaml. Caches only: output is unchanged.
    public static func warmUpText(languages: [String]) {
        let languages = Array(Set(languages)).sorted()
        detachThread {
            for language in languages {
                _ = Hyphenator.forLanguage(language)
                LineBreakOpportunities.warmUp(locale: language)
            }
        }
    }

    /// Starts loading, on another thread, the body and heading faces of these languages with their HarfBuzz
    /// lookups, once fontconfig is ready. The caller meanwhile reads the layout and the Markdown. Caches only.
    public func warmUp(languages: [String]) {
        let languages = Array(Set(languages)).sorted()
        let manifest = self.manifest, fonts = self.fonts
        detachThread {
            guard (try? fonts.locator.ready()) != nil else { return }
            for language in languages {
                let selector = FontSelector(manifest: manifest, library: fonts, language: language)
                for role in [FontRole.serif, .sans] {
                    for bold in [false, true] {
                        let faces = (try? selector.faces(role: role, bold: bold, italic: false, script: selector.defaultScript)) ?? []
                        for selected in faces {
                            _ = selected.face.shape(utf8: Array("Ta 가".utf8), script: .latin, language: language)
                            _ = selected.face.shape(utf8: Array("가나".utf8), script: .hangul, language: language)
                        }
                    }
                }
            }
        }
    }

    /// A laid-out edition, before any backend.
    public struct LaidOut {
        public var report: Report
        public var edition: Edition
        public var layout: Layout
        public var document: DisplayDocument
        /// The edition's content as read, for checks (links, word counts).
        public var content: Document
        public var layoutReport: LayoutReport
        public var warnings: [Warning]
    }

    /// The layout an edition is set with: the one named on the command line, else the edition's, the report's, or
    /// the default. A name from report.yaml is the report's: a path is read inside its folder, and its limits are
    /// capped by the installed layout it builds on (LayoutLoader.Origin).
    public func layout(for report: Report, edition: Edition, name layoutName: String? = nil) throws -> Layout {
        if let layoutName { return try layouts.load(layoutName, language: edition.lang) }
        let field = edition.layout != nil ? ["editions", edition.code, "layout"] : ["layout"]
        return try layouts.load(edition.layout ?? report.layout ?? "upr-submission", language: edition.lang,
                                from: .report(folder: report.directory), at: report.location(ofField: field))
    }

    /// An edition's Markdown, read within the layout's limits, with the reader's warnings.
    public func content(of report: Report, edition: Edition, layout: Layout) throws -> (Document, [Warning]) {
        let fs = FileSystem.local
        let contentPath = try fs.resolveInside(report.directory, edition.content, field: "editions.\(edition.code).content",
                                               at: SourceLocation(file: report.file, line: 0, column: 0))
        let displayPath = fs.join(report.directory, edition.content)
        let size = fs.size(contentPath)
        if size > layout.limits.maxContentBytes {
            throw FolioError("the content file of edition '\(edition.code)' is \(size) bytes, over the limit of \(layout.limits.maxContentBytes)",
                             at: SourceLocation(file: displayPath, line: 0, column: 0),
                             hint: "split the report, or raise limits.max-content-bytes in an installed layout or one given with --layout")
        }
        let bytes = try fs.readBytes(contentPath, what: "content file of edition '\(edition.code)'")
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw FolioError("the content file of edition '\(edition.code)' is empty", at: SourceLocation(file: displayPath, line: 1, column: 1),
                             hint: "write the edition's Markdown there, or remove the edition from report.yaml")
        }
        var reader = MarkdownReader(file: displayPath)
        reader.maxDepth = layout.limits.maxNesting
        return (try reader.read(bytes), reader.warnings)
    }

    /// Loads and lays out one edition.
    public func layOut(report: Report, edition: Edition, layoutName: String? = nil) throws -> LaidOut {
        let loadStart = monotonicSeconds()
        let layout = try layout(for: report, edition: edition, name: layoutName)
        let (document, readerWarnings) = try content(of: report, edition: edition, layout: layout)
        let lang = edition.lang
        let texts = EditionTexts(report: report, edition: edition)
        let info = DocumentInfo(title: texts.title, author: texts.authors, subject: texts.subject,
                                keywords: texts.keywords.joined(separator: ", "), creator: Folio.creator,
                                language: lang, date: Self.documentDate(report))
        var input = EditionInput(document: document, layout: layout, title: texts.title, subtitle: texts.subtitle,
                                 organizations: texts.organizations,
                                 date: Self.displayDate(report.date, language: lang), language: lang, info: info)
        input.organizationsShort = texts.organizationsShort
        input.contacts = report.organizations.map { [$0.url, $0.contact].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ") }
        input.logos = try logos(of: report, names: texts.organizations, maxPixels: layout.limits.maxImagePixels)
        input.images = try images(of: document, report: report, edition: edition, maxPixels: layout.limits.maxImagePixels)
        let loadTime = monotonicSeconds() - loadStart
        try fonts.locator.ready()
        var (display, layoutReport) = try DocumentLayout(fonts: fonts, manifest: manifest, cache: cache, paragraphs: paragraphs).layout(input)
        var times = PhaseTimes()
        times.add("load", loadTime)
        times.merge(layoutReport.times)
        layoutReport.times = times
        return LaidOut(report: report, edition: edition, layout: layout, document: display, content: document, layoutReport: layoutReport,
                       warnings: readerWarnings + texts.warnings + layoutReport.warnings)
    }

    /// The organisations' logos, checked: inside the report folder, a PNG, JPEG or SVG, not damaged, not enormous.
    func logos(of report: Report, names: [String], maxPixels: Int) throws -> [Logo] {
        var out: [Logo] = []
        for (i, org) in report.organizations.enumerated() {
            guard let logo = org.logo else { continue }
            let at = report.location(ofField: ["organizations", "\(i)", "logo"])
            let path = try FileSystem.local.resolveInside(report.directory, logo, field: "organizations[\(i)].logo", at: at)
            if let kind = FileSystem.kind(ofNonFile: path) {
                throw FolioError("logo '\(logo)' is \(kind), not a file", at: at, hint: "give a PNG, JPEG or SVG file inside the report folder")
            }
            do { out.append(Logo(image: try ImageInfo.probe(path: path, maxPixels: maxPixels), alt: names[i])) }
            catch let e as ImageError {
                throw FolioError(e.description, at: at, hint: "give a PNG, JPEG or SVG file inside the report folder")
            }
        }
        return out
    }

    /// The images the Markdown names, checked like logos, by the path as written: relative to the Markdown file,
    /// inside the report folder, a PNG, JPEG or SVG, not damaged, not enormous. Each error points at the image.
    func images(of document: Document, report: Report, edition: Edition, maxPixels: Int) throws -> [String: ImageInfo] {
        var out: [String: ImageInfo] = [:]
        let folder = (edition.content as NSString).deletingLastPathComponent
        let hint = "give a PNG, JPEG or SVG file inside the report folder, relative to the Markdown file"
        for image in document.images where out[image.path] == nil {
            let at = image.location
            if let colon = image.path.firstIndex(of: ":"), !image.path[..<colon].contains("/"), image.path.count > 2 {
                throw FolioError("image '\(image.path)' is a URL: Folio reads only files inside the report folder", at: at,
                                 hint: "download the file into the report folder and give its relative path")
            }
            guard !image.path.isEmpty else { throw FolioError("the image names no file", at: at, hint: hint) }
            let relative = folder.isEmpty || image.path.hasPrefix("/") ? image.path : folder + "/" + image.path
            let path = try FileSystem.local.resolveInside(report.directory, relative, field: "image", at: at)
            if let kind = FileSystem.kind(ofNonFile: path) {
                throw FolioError("image '\(image.path)' is \(kind), not a file", at: at, hint: hint)
            }
            do { out[image.path] = try ImageInfo.probe(path: path, maxPixels: maxPixels) }
            catch let e as ImageError {
                // Named as the Markdown names it: the error already points at the line that does.
                throw FolioError(e.description.replacingOccurrences(of: "'\(path)'", with: "'\(image.path)'"), at: at, hint: hint)
            }
        }
        return out
    }

    /// Renders one edition to `<output>/<file name>`, atomically. Everything that can fail is done before the
    /// first write; the PDF, its thumbnail and `landed` (the manifest's update) then run in one transaction.
    /// With `embedSource`, the edition's Markdown and report.yaml travel inside the PDF (PDF/A-3 associated files).
    public func render(report: Report, edition: Edition, layoutName: String? = nil, output: String,
                       thumbnail: Bool = true, embedSource: Bool = false,
                       landed: ((RenderedEdition) throws -> Void)? = nil) throws -> RenderedEdition {
        let start = monotonicSeconds()
        return try write(try layOut(report: report, edition: edition, layoutName: layoutName), output: output,
                         thumbnail: thumbnail, embedSource: embedSource, start: start, landed: landed)
    }

    /// Writes a laid-out edition's PDF to `<output>/<file name>`, atomically (`start`: when its rendering began;
    /// `landed` runs in the same transaction as the files).
    public func write(_ laid: LaidOut, output: String, thumbnail: Bool = true, embedSource: Bool = false,
                      start: Double = monotonicSeconds(),
                      landed: ((RenderedEdition) throws -> Void)? = nil) throws -> RenderedEdition {
        let report = laid.report, edition = laid.edition
        let name = report.fileName(of: edition)
        var times = laid.layoutReport.times
        // libqpdf is opened while cairo draws, on the core that drawing leaves idle (at start-up it would take that
        // core from fontconfig, the hyphenation patterns and the faces, which layout waits for).
        PDFFinisher.preload()
        let raw = try times.measure("pdf write") { try CairoPDFWriter().render(laid.document) }
        let bytes = try times.measure("finish") {
            try PDFFinisher().finish(raw, document: laid.document, producer: "\(Folio.creator) (cairo, qpdf)",
                                     options: try pdfOptions(laid, embedSource: embedSource))
        }
        let digest = times.measure("checksum") { sha256Hex(bytes) }
        // A small picture of the first page for the announcement that links to the file.
        var thumb: (name: String, png: [UInt8])?
        if thumbnail, let first = laid.document.pages.first {
            let png = try times.measure("thumbnail") { try PNGWriter(dpi: Self.thumbnailDPI).encode(first) }
            thumb = (String(name.dropLast(name.hasSuffix(".pdf") ? 4 : 0)) + "_thumb.png", png)
        }
        var rendered = RenderedEdition(edition: edition.code, language: edition.lang, path: name, sha256: digest,
                                       bytes: bytes.count, pages: laid.document.pages.count, title: laid.document.info.title,
                                       layout: laid.layout.name, warnings: laid.warnings, seconds: 0)
        rendered.findings = Checker(engine: self).findings(of: laid).findings
        rendered.report = report.id
        rendered.thumbnail = thumb?.name
        rendered.notes = laid.layoutReport.emergencyNotes
        rendered.paragraphs = laid.layoutReport.paragraphs
        try times.measure("write") {
            try AtomicFile.transaction {
                rendered.unchanged = !(try AtomicFile.writeIfChanged(bytes, to: output + "/" + name))
                if let thumb { _ = try AtomicFile.writeIfChanged(thumb.png, to: output + "/" + thumb.name) }
                try landed?(rendered)
            }
        }
        rendered.times = times
        rendered.seconds = monotonicSeconds() - start
        return rendered
    }

    /// The layout's standard, and the edition's source files when they are to travel with it.
    func pdfOptions(_ laid: LaidOut, embedSource: Bool) throws -> PDFOptions {
        guard embedSource else { return PDFOptions(archival: laid.layout.pdf.standard.isArchival) }
        let fs = FileSystem.local, report = laid.report, edition = laid.edition
        let markdown = try fs.resolveInside(report.directory, edition.content, field: "editions.\(edition.code).content",
                                            at: SourceLocation(file: report.file, line: 0, column: 0))
        let name = (edition.content as NSString).lastPathComponent
        let files = [
            PDFAttachment(name: name, bytes: try fs.readBytes(markdown, what: "content file of edition '\(edition.code)'"),
                          mimeType: "text/markdown", description: "Markdown source of the \(edition.code) edition"),
            PDFAttachment(name: "report.yaml", bytes: try fs.readBytes(report.file, what: "report.yaml"),
                          mimeType: "application/yaml", description: "the report's metadata (Folio report.yaml)"),
        ]
        // The source travels only in PDF/A-3, which allows any attached file.
        return PDFOptions(archival: true, attachments: files)
    }

    /// Thumbnails are 36 dpi: an A4 page becomes 298 × 421 pixels.
    static let thumbnailDPI = 36.0

    /// The documents' date: SOURCE_DATE_EPOCH when set (reproducible builds), else the report's date at midnight UTC.
    static func documentDate(_ report: Report) -> String {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.timeZone = TimeZone(identifier: "UTC")
            f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
            return f.string(from: Date(timeIntervalSince1970: seconds))
        }
        return report.date + "T00:00:00Z"
    }

    /// The report's date as readers of the language write it, in ICU's words and order for the language; a date
    /// that is not YYYY-MM-DD with a month 1–12 (Report.load refuses one, but a Report can be made in code) is
    /// shown as given.
    static func displayDate(_ iso: String, language: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return iso }
        return (try? DateText.long(year: parts[0], month: parts[1], day: parts[2], language: language)) ?? iso
    }
}
