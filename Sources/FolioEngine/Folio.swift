/// Folio's name and version, as written into PDFs and manifests.
public enum Folio {
    public static let version = "0.1.0"
    public static let creator = "Folio \(version)"
}
