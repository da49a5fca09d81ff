/// Which link targets become links in the PDF: web pages, mail addresses and headings of the document. Any other
/// scheme (`javascript:`, `file:`, `data:`, a viewer's own) or a relative path could run code or open local files in
/// a reader, so such a link is set as its text, with a warning.
public enum LinkTargets {
    static let schemes: Set<String> = ["http", "https", "mailto"]

    /// Whether `url` may be a link: `#anchor`, or an http, https or mailto URL (scheme in any case).
    public static func isAllowed(_ url: String) -> Bool {
        if url.hasPrefix("#") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        return schemes.contains(url[..<colon].lowercased())
    }

    /// The warning's words, with the target shortened to what identifies it.
    static func refusal(_ url: String) -> String {
        let shown = url.count > 60 ? url.prefix(57) + "…" : Substring(url)
        return "link to '\(shown)' is set as text: only http, https, mailto and #anchor links are made"
    }
}
