/// Every face the process has loaded, by file and index: each font is read once and shared by editions and jobs.
public final class FontLibrary: @unchecked Sendable {
    public let locator: FontLocator
    private let lock = Lock()
    private var faces: [String: FontFace] = [:]

    public init(locator: FontLocator) { self.locator = locator }

    /// The shared face for a located font, loading it on first use.
    public func face(for located: LocatedFont) throws -> FontFace {
        let key = "\(located.path)#\(located.index)"
        return try lock.withLock {
            if let face = faces[key] { return face }
            let face = try FontFace(path: located.path, index: located.index, familyName: located.family,
                                    isBold: located.isBold, isItalic: located.isItalic)
            faces[key] = face
            return face
        }
    }
}
