/// Edits a dictionary of cairo's file as text: drops top-level entries by key and adds new ones. The finisher uses it
/// for link annotations, which are many and small: qpdf parses each one it is asked about, about 100,000 instructions
/// apiece. Values are skipped as PDF objects (strings with their escapes, nested arrays and dictionaries,
/// references), so that bytes inside a value are never taken for a key.
enum DictionaryText {
    /// `body` (`<< … >>`) without the entries whose keys are in `removing`, with `adding` before its end; nil when
    /// the body is not a dictionary.
    static func edit(_ body: ArraySlice<UInt8>, removing keys: [String], adding entries: String) -> [UInt8]? {
        let b = body
        var i = b.startIndex
        skipSpace(b, &i)
        guard i + 1 < b.endIndex, b[i] == UInt8(ascii: "<"), b[i + 1] == UInt8(ascii: "<") else { return nil }
        i += 2
        let drop = keys.map { Array($0.utf8) }
        var out: [UInt8] = Array(b[..<i])
        out.reserveCapacity(b.count + entries.utf8.count + 2)
        while true {
            let entryStart = i
            skipSpace(b, &i)
            guard i < b.endIndex else { return nil }
            if b[i] == UInt8(ascii: ">") {
                guard i + 1 < b.endIndex, b[i + 1] == UInt8(ascii: ">") else { return nil }
                out += b[entryStart..<i]
                if !entries.isEmpty {
                    if let last = out.last, !isSpace(last) { out.append(0x20) }
                    out += Array((entries + " ").utf8)
                }
                out += b[i...]
                return out
            }
            guard b[i] == UInt8(ascii: "/") else { return nil }
            let keyStart = i
            skipName(b, &i)
            let key = b[keyStart..<i]
            skipSpace(b, &i)
            guard skipObject(b, &i) else { return nil }
            if !drop.contains(where: { $0.elementsEqual(key) }) { out += b[entryStart..<i] }
        }
    }

    /// The value of a top-level key of the dictionary, as its bytes (`/FlateDecode`); nil when the key is absent or
    /// the bytes are not a dictionary.
    static func value(of key: String, in body: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var i = body.startIndex
        skipSpace(body, &i)
        guard i + 1 < body.endIndex, body[i] == UInt8(ascii: "<"), body[i + 1] == UInt8(ascii: "<") else { return nil }
        i += 2
        let wanted = Array(key.utf8)
        while true {
            skipSpace(body, &i)
            guard i < body.endIndex, body[i] == UInt8(ascii: "/") else { return nil }
            let keyStart = i
            skipName(body, &i)
            let found = body[keyStart..<i]
            skipSpace(body, &i)
            let valueStart = i
            guard skipObject(body, &i) else { return nil }
            if found.elementsEqual(wanted) { return body[valueStart..<i] }
        }
    }

    /// A non-negative integer's value, from its bytes with any spaces around them.
    static func integer(_ value: ArraySlice<UInt8>) -> Int? {
        let digits = value.drop(while: { isSpace($0) }).prefix(while: { !isSpace($0) })
        guard isInteger(digits), digits.count < 19, digits.count == value.filter({ !isSpace($0) }).count else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// The object number of a reference's bytes (`12 0 R` → 12); nil for any other value.
    static func reference(_ value: ArraySlice<UInt8>) -> Int? {
        let parts = value.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        guard parts.count == 3, parts[2].elementsEqual("R".utf8), isInteger(parts[0]), isInteger(parts[1]) else { return nil }
        return parts[0].reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    /// Where the dictionary that starts `bytes` (after any spaces) ends, just after its `>>`; nil when it does not
    /// start with one or does not end.
    static func end(of bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        skipSpace(bytes, &i)
        guard i + 1 < bytes.endIndex, bytes[i] == UInt8(ascii: "<"), bytes[i + 1] == UInt8(ascii: "<"), skipNested(bytes, &i) else { return nil }
        return i
    }

    private static func isSpace(_ c: UInt8) -> Bool { ContentScanner.classes[Int(c)] == 1 }

    private static func isDelimiter(_ c: UInt8) -> Bool { ContentScanner.classes[Int(c)] == 2 }

    private static func skipSpace(_ b: ArraySlice<UInt8>, _ i: inout Int) {
        while i < b.endIndex {
            if isSpace(b[i]) { i += 1 } else if b[i] == UInt8(ascii: "%") {
                while i < b.endIndex, b[i] != 0x0A, b[i] != 0x0D { i += 1 }
            } else { return }
        }
    }

    private static func skipName(_ b: ArraySlice<UInt8>, _ i: inout Int) {
        i += 1
        while i < b.endIndex, !isSpace(b[i]), !isDelimiter(b[i]) { i += 1 }
    }

    private static func skipRegular(_ b: ArraySlice<UInt8>, _ i: inout Int) {
        while i < b.endIndex, !isSpace(b[i]), !isDelimiter(b[i]) { i += 1 }
    }

    private static func isInteger(_ token: ArraySlice<UInt8>) -> Bool {
        !token.isEmpty && token.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Skips one object; false at the end of the bytes or on a byte no object starts with.
    private static func skipObject(_ b: ArraySlice<UInt8>, _ i: inout Int) -> Bool {
        guard i < b.endIndex else { return false }
        switch b[i] {
        case UInt8(ascii: "/"): skipName(b, &i)
        case UInt8(ascii: "("): ContentScanner.skipLiteralString(b, &i)
        case UInt8(ascii: "<"), UInt8(ascii: "["): return skipNested(b, &i)
        case UInt8(ascii: ">"), UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"): return false
        default:
            let start = i
            skipRegular(b, &i)
            guard i > start else { return false }
            // `12 0 R` is one object.
            if isInteger(b[start..<i]) {
                var j = i
                skipSpace(b, &j)
                let generation = j
                skipRegular(b, &j)
                if j > generation, isInteger(b[generation..<j]) {
                    skipSpace(b, &j)
                    if j < b.endIndex, b[j] == UInt8(ascii: "R"), j + 1 == b.endIndex || isSpace(b[j + 1]) || isDelimiter(b[j + 1]) { i = j + 1 }
                }
            }
        }
        return true
    }

    /// Skips a hex string, or an array or dictionary with everything nested in it.
    private static func skipNested(_ b: ArraySlice<UInt8>, _ i: inout Int) -> Bool {
        if b[i] == UInt8(ascii: "<"), i + 1 < b.endIndex, b[i + 1] != UInt8(ascii: "<") {
            while i < b.endIndex, b[i] != UInt8(ascii: ">") { i += 1 }
            i += 1
            return i <= b.endIndex
        }
        var depth = 0
        while i < b.endIndex {
            switch b[i] {
            case UInt8(ascii: "("): ContentScanner.skipLiteralString(b, &i); continue
            case UInt8(ascii: "%"): while i < b.endIndex, b[i] != 0x0A, b[i] != 0x0D { i += 1 }; continue
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: "<"):
                if i + 1 < b.endIndex, b[i + 1] == UInt8(ascii: "<") { depth += 1; i += 1 } else {
                    while i < b.endIndex, b[i] != UInt8(ascii: ">") { i += 1 }
                }
            case UInt8(ascii: ">"):
                if i + 1 < b.endIndex, b[i + 1] == UInt8(ascii: ">") { depth -= 1; i += 1 }
            default: break
            }
            i += 1
            if depth == 0 { return true }
        }
        return false
    }
}
