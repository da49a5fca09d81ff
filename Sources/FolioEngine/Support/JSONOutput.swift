import Foundation

/// The JSON Folio writes (manifest.json, `folio check --format json`): one encoder's settings for all of it,
/// so that equal values give equal bytes.
public enum JSONOutput {
    /// UTF-8 JSON with sorted keys and unescaped slashes (paths and URLs stay readable), ending in a newline;
    /// indented when people are meant to read it.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [UInt8(ascii: "\n")]
    }
}
