import Foundation
import Testing
import FolioEngine

@Suite("atomic writes")
struct AtomicFileTests {
    @Test func writesOnlyWhenTheBytesDiffer() throws {
        let path = Fixtures.temporaryFolder("atomic") + "/out.pdf"
        let first: [UInt8] = Array(repeating: 7, count: 100_000) + [1]
        #expect(try AtomicFile.writeIfChanged(first, to: path))
        #expect(try !AtomicFile.writeIfChanged(first, to: path), "same bytes: nothing written")
        // Same length, one byte different at the end: written.
        let second = Array(first.dropLast()) + [2]
        #expect(try AtomicFile.writeIfChanged(second, to: path))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(second))
        // Empty files compare too.
        #expect(try AtomicFile.writeIfChanged([], to: path))
        #expect(try !AtomicFile.writeIfChanged([], to: path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["out.pdf"], "no temporary file is left beside the output")
    }
}
