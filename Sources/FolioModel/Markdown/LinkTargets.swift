/// Which link targets become links in the PDF: web pages, mail addresses and headings of the document. Any other
/// scheme (`javascript:`, `file:`, `data:`, a viewer's own) or a relative path could run code or open local files in
/// a reader, so such a link is set as its text, with a warning. So is a target longer than `maxBytes`: every line
/// of a link carries the whole target in the PDF, so a long one costs its length times its lines.
public enum LinkTargets {
    static let schemes: Set<String> = ["http", "https", "mailto"]
    /// Longer than browsers and servers accept (about 2,000 characters), and than a PDF link should carry.
    public static let maxBytes = 2_048

    /// Whether `url` may be a link: `#anchor`, or an http, https or mailto URL (scheme in any case), at most
    /// `maxBytes` long.
    public static func isAllowed(_ url: String) -> Bool {
        if url.utf8.count > maxBytes { return false }
        if url.hasPrefix("#") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        return schemes.contains(url[..<colon].lowercased())
    }

    /// The warning's words, with the target shortened to what identifies it.
    static func refusal(_ url: String) -> String {
        let shown = url.count > 60 ? url.prefix(57) + "…" : Substring(url)
        if url.utf8.count > maxBytes {
            return "link to '\(shown)' is set as text: it is \(url.utf8.count) bytes long, over the \(maxBytes) a link may have"
        }
        return "link to '\(shown)' is set as text: only http, https, mailto and #anchor links are made"
    }
}
