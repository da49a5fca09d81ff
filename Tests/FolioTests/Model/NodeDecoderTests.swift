import Testing
import FolioModel

@Suite("YAML decoding without Yams's decoder")
struct NodeDecoderTests {
    struct Sample: Decodable, Equatable {
        struct Inner: Decodable, Equatable { var size: Double; var bold: Bool }
        var name: String
        var count: Int
        var ratio: Double
        var flags: [Bool]
        var inner: Inner
        var tags: [String: Int]
        var missing: String?
        var empty: String?
        var list: [[Int]]
    }

    @Test func readsScalarsCollectionsAndOptionals() throws {
        let yaml = """
        name: 'Folio'
        count: 0x1F
        ratio: 1_000.5
        flags: [true, no, on]
        inner: { size: 10, bold: false }
        tags: { a: 1, b: -2 }
        empty: ~
        list: [[1, 2], []]
        """
        let value = try YAMLSource(text: yaml, file: "t.yaml").decode(Sample.self)
        #expect(value == Sample(name: "Folio", count: 31, ratio: 1000.5, flags: [true, false, true],
                                inner: .init(size: 10, bold: false), tags: ["a": 1, "b": -2],
                                missing: nil, empty: nil, list: [[1, 2], []]))
    }

    @Test func mismatchNamesFieldLineAndColumn() {
        let yaml = "name: x\ncount: 3\nratio: 1\nflags: []\ninner:\n  size: big\n  bold: true\ntags: {}\nlist: []\n"
        let error = #expect(throws: FolioError.self) { try YAMLSource(text: yaml, file: "t.yaml").decode(Sample.self) }
        #expect(error?.message == "field 'inner.size' has the wrong type: expected a number")
        #expect(error?.location?.line == 6)
        #expect(error?.location?.column == 9)
    }

    @Test func missingFieldAndShortListAreReported() {
        let error = #expect(throws: FolioError.self) {
            try YAMLSource(text: "name: x\ncount: 3\n", file: "t.yaml").decode(Sample.self)
        }
        #expect(error?.message == "missing field 'ratio'")
        let list = #expect(throws: FolioError.self) {
            try YAMLSource(text: "- a\n- [1]\n", file: "t.yaml").decode([String].self)
        }
        #expect(list?.message.contains("'[1]' has the wrong type: expected text") == true)
    }
}
