import FolioSupport

/// Every face the process has loaded, by file and index: each font is read once and shared by editions and jobs.
public final class FontLibrary: Sendable {
    public let locator: FontLocator
    /// Faces by file and index: each is loaded once, and loading one does not hold up threads that want another.
    private let faces = OnceMap<String, FontFace>()

    public init(locator: FontLocator) { self.locator = locator }

    /// The shared face for a located font, loading it on first use.
    public func face(for located: LocatedFont) throws -> FontFace {
        try faces.value(for: "\(located.path)#\(located.index)") {
            try FontFace(path: located.path, index: located.index, familyName: located.family,
                         isBold: located.isBold, isItalic: located.isItalic)
        }
    }
}
