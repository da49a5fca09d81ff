import Foundation
import Testing

/// The architecture's rules, read from the sources: C types stay in the wrapper modules, files and functions stay
/// short enough to read.
@Suite("source shape")
struct SourceShapeTests {
    static let sources = Fixtures.root + "/Sources"

    /// Modules that wrap C libraries (and may import them); every other module sees only Swift types.
    static let wrappers: Set<String> = ["FolioUnicode", "FolioFonts", "FolioImages", "FolioModel", "FolioRender", "FolioChecksum", "FolioDeflate"]

    /// Every Swift file under Sources, by module (the folder under Sources).
    static func files() throws -> [(module: String, path: String, lines: [Substring])] {
        let fm = FileManager.default
        var out: [(String, String, [Substring])] = []
        for module in try fm.contentsOfDirectory(atPath: sources).sorted() {
            guard let walker = fm.enumerator(atPath: sources + "/" + module) else { continue }
            for case let file as String in walker where file.hasSuffix(".swift") {
                let path = sources + "/" + module + "/" + file
                let text = try String(contentsOfFile: path, encoding: .utf8)
                out.append((module, "\(module)/\(file)", text.split(separator: "\n", omittingEmptySubsequences: false)))
            }
        }
        return out
    }

    /// The C modules: the targets under Sources whose name starts with C and a capital letter.
    static func cModules() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: sources).filter {
            $0.count > 1 && $0.first == "C" && $0.dropFirst().first!.isUppercase
        })
    }

    @Test func onlyWrapperModulesImportCModules() throws {
        let c = try Self.cModules()
        #expect(c.contains("CCairo") && c.contains("CHarfBuzz"))
        var offenders: [String] = []
        for file in try Self.files() where !c.contains(file.module) && !Self.wrappers.contains(file.module) {
            for line in file.lines {
                let words = line.split(separator: " ")
                guard let i = words.firstIndex(of: "import"), i + 1 < words.count else { continue }
                if words[..<i].allSatisfy({ ["@_implementationOnly", "internal", "public", "private", "@preconcurrency"].contains($0) }),
                   c.contains(String(words[i + 1])) {
                    offenders.append("\(file.path): \(line)")
                }
            }
        }
        #expect(offenders.isEmpty, "C modules imported above the wrappers:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func filesAreAtMost400Lines() throws {
        let long = try Self.files().filter { $0.lines.count > 400 }.map { "\($0.path): \($0.lines.count) lines" }
        #expect(long.isEmpty, "\(long.joined(separator: "\n"))")
    }

    /// A function of more than 60 lines needs a comment just above it that says why (`// Longer than 60 lines: …`).
    @Test func functionsAreAtMost60Lines() throws {
        var long: [String] = []
        for file in try Self.files() {
            for (start, length) in Self.functions(file.lines) where length > 60 {
                let above = start > 0 ? file.lines[start - 1] : ""
                if !above.contains("Longer than 60 lines:") { long.append("\(file.path):\(start + 1): \(length) lines") }
            }
        }
        #expect(long.isEmpty, "\(long.joined(separator: "\n"))")
    }

    /// Each function's first line and its length in lines, by counting braces (strings and comments skipped).
    static func functions(_ lines: [Substring]) -> [(start: Int, length: Int)] {
        var out: [(Int, Int)] = []
        for (i, line) in lines.enumerated() where isFunctionStart(line) {
            var depth = 0, opened = false
            var j = i
            while j < lines.count {
                let code = stripped(lines[j])
                depth += code.filter { $0 == "{" }.count - code.filter { $0 == "}" }.count
                if code.contains("{") { opened = true }
                if opened && depth <= 0 { break }
                j += 1
            }
            out.append((i, j - i + 1))
        }
        return out
    }

    static func isFunctionStart(_ line: Substring) -> Bool {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "<" })
        guard let k = words.firstIndex(where: { $0 == "func" || $0 == "init" || $0 == "init?" }) else { return false }
        let modifiers: Set<Substring> = ["public", "private", "fileprivate", "internal", "static", "final", "override", "mutating",
                                         "nonisolated", "@inlinable", "@inline(__always)", "@discardableResult", "class", "convenience",
                                         "required", "package"]
        return words[..<k].allSatisfy { modifiers.contains($0) || $0.hasPrefix("@") }
    }

    /// A line without its string literals and comment.
    static func stripped(_ line: Substring) -> String {
        var out = ""
        var inString = false, escaped = false
        var previous: Character = " "
        for ch in line {
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                continue
            }
            if ch == "/" && previous == "/" { out.removeLast(); break }
            if ch == "\"" { inString = true } else { out.append(ch) }
            previous = ch
        }
        return out
    }
}
