/// The texts of report.yaml that an edition sets (title, subtitle, organisations, PDF metadata), made once:
/// cleaned of characters a PDF cannot carry (with warnings at the fields' places) and, where they are set as
/// text, with smart punctuation in the edition's language, as the body has it.
public struct EditionTexts: Sendable {
    public var title: String
    public var subtitle: String?
    /// The organisations' names in the edition's language, and their short names.
    public var organizations: [String]
    public var organizationsShort: [String]
    /// The PDF's subject (the report's, else the subtitle) and keywords.
    public var subject: String
    public var keywords: [String]
    public var warnings: [Warning] = []

    public init(report: Report, edition: Edition) {
        let lang = edition.lang
        var warnings: [Warning] = []
        func clean(_ text: String, _ field: [String], smart: Bool = true) -> String {
            let (clean, found) = TextSanitizer.clean(text, at: report.location(ofField: field))
            warnings += found
            return smart ? SmartPunctuation.apply(clean, language: lang) : clean
        }
        title = clean(edition.title, ["editions", edition.code, "title"])
        subtitle = edition.subtitle.map { clean($0, ["editions", edition.code, "subtitle"]) }
        organizations = report.organizations.enumerated().map { i, org in clean(org.name.text(for: lang), ["organizations", "\(i)", "name"]) }
        organizationsShort = report.organizations.enumerated().map { i, org in clean(org.short, ["organizations", "\(i)", "short"]) }
        subject = report.subject.map { clean($0.text(for: lang), ["subject"]) } ?? subtitle ?? ""
        keywords = report.keywords.enumerated().map { i, k in clean(k, ["keywords", "\(i)"], smart: false) }
        self.warnings = warnings
    }

    /// The PDF's author: the organisations' names.
    public var authors: String { organizations.joined(separator: "; ") }
}
