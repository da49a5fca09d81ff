import Testing
@testable import FolioModel

@Suite("layouts: inheritance, language overrides, located errors")
struct LayoutTests {
    let loader = Fixtures.engine.layouts

    /// A layout file in a fresh folder that the loader also searches.
    func load(_ yaml: String, language: String = "en") throws -> Layout {
        let dir = Fixtures.temporaryFolder("layouts")
        Fixtures.write(yaml, to: dir + "/mine.yaml")
        var l = loader
        l.folders.insert(dir, at: 0)
        return try l.load("mine", language: language)
    }

    func error(_ yaml: String) -> FolioError? {
        #expect(throws: FolioError.self) { try load(yaml) }
    }

    @Test func theShippedLayoutsLoadInEveryLanguage() throws {
        for name in ["base", "upr-submission", "report", "briefing"] {
            for lang in ["en", "ko", "fr"] {
                let l = try loader.load(name, language: lang)
                #expect(l.name == name)
            }
        }
        #expect(try loader.load("upr-submission", language: "ko").body.leading == 1.5)
        #expect(try loader.load("report", language: "en").cover.enabled)
    }

    /// A loaded layout is kept while its files' text is unchanged; an edit to any of them is read at the next load.
    @Test func aLayoutIsReadAgainWhenItsFileChanges() throws {
        let dir = Fixtures.temporaryFolder("layouts")
        var l = loader
        l.folders.insert(dir, at: 0)
        Fixtures.write("body:\n  leading: 1.3\n", to: dir + "/kept.yaml")
        #expect(try l.load("kept", language: "en").body.leading == 1.3)
        #expect(try l.load("kept", language: "en").body.leading == 1.3)
        Fixtures.write("body:\n  leading: 1.6\n", to: dir + "/kept.yaml")
        #expect(try l.load("kept", language: "en").body.leading == 1.6)
        Fixtures.write("body:\n  leading: 1.6\n  align: justified\n", to: dir + "/kept.yaml")
        #expect(throws: FolioError.self) { try l.load("kept", language: "en") }
        // Another folder with a file of the same name is another layout.
        let other = Fixtures.temporaryFolder("layouts")
        var m = loader
        m.folders.insert(other, at: 0)
        Fixtures.write("body:\n  leading: 1.9\n", to: other + "/kept.yaml")
        #expect(try m.load("kept", language: "en").body.leading == 1.9)
    }

    @Test func inheritanceAndOverrides() throws {
        let l = try load("extends: report\nbody:\n  font: { size: 12 }\nko:\n  body:\n    leading: 1.8\n", language: "ko")
        #expect(l.body.font.size == 12 && l.body.font.family == .serif)
        #expect(l.body.leading == 1.8)
        #expect(l.cover.enabled, "inherited from report")
        #expect(try load("body:\n  leading: 1.3\nko:\n  body:\n    leading: 1.8\n", language: "en").body.leading == 1.3)
    }

    @Test func unknownNestedKeyIsLocatedWithASuggestion() {
        let e = error("body:\n  composer:\n    tolerence: 300\n")
        #expect(e?.message == "unknown key 'tolerence' in 'body.composer'")
        #expect(e?.hint?.contains("did you mean 'tolerance'?") == true)
        #expect(e?.location?.line == 3 && e?.location?.column == 5)
        #expect(e?.location?.file.hasSuffix("mine.yaml") == true)
    }

    @Test func badValuesNameTheAllowedOnes() {
        let e = error("body:\n  align: justified\n")
        #expect(e?.message.contains("one of: justify, left, center, right") == true)
        #expect(e?.hint == "did you mean 'justify'?")
        #expect(e?.location?.line == 2)
        #expect(error("page:\n  width: wide\n")?.hint?.contains("25mm") == true)
        #expect(error("body:\n  font: { color: red }\n")?.message.contains("colour") == true)
        #expect(error("body:\n  orphans: two\n")?.message.contains("whole number") == true)
        #expect(error("list:\n  numbering: [decimal, greek]\n")?.message.contains("hangul-syllable") == true)
    }

    /// `pdf.standard` chooses PDF/A for submissions and reports; an unknown standard is located, with the allowed ones.
    @Test func thePDFStandardIsChosenByTheLayout() throws {
        #expect(try loader.load("upr-submission", language: "en").pdf.standard == .ua1A2a)
        #expect(try loader.load("report", language: "ko").pdf.standard == .ua1A2a)
        #expect(try loader.load("briefing", language: "en").pdf.standard == .ua1)
        #expect(try load("extends: report\npdf:\n  standard: ua-1\n").pdf.standard.isArchival == false)
        let e = error("pdf:\n  standard: ua-1+a-3b\n")
        #expect(e?.message.contains("one of: ua-1, ua-1+a-2a") == true)
        #expect(e?.location?.line == 2 && e?.location?.column == 13)
    }

    /// The schema is derived from the layout types; a field that their decoding does not read (left out of the
    /// CodingKeys, or skipped by a hand-written decoder) would be missing from it, and files could not set it.
    @Test func everyFieldOfTheLayoutTypesIsInTheSchema() throws {
        func check(_ value: Any, _ type: any Decodable.Type, path: String) {
            // `name` is the layout's file name, set by the loader.
            let properties = Mirror(reflecting: value).children.filter { !(path == "Layout" && $0.label == "name") }
            let fields = Schema.fields(of: type)
            #expect(properties.count == fields.count,
                    "\(path) has fields \(properties.compactMap(\.label)) but the schema \(fields.map(\.key))")
            // Decoding reads fields in the order they are declared: the nth field is the nth key.
            for (property, field) in zip(properties, fields) {
                guard case .mapping = field.schema, let nested = Swift.type(of: property.value) as? any Decodable.Type else { continue }
                check(property.value, nested, path: path + "." + field.key)
            }
        }
        check(try loader.load("base", language: "en"), Layout.self, path: "Layout")
        #expect(Schema.layout["body"] == .mapping(Dictionary(uniqueKeysWithValues: Schema.fields(of: BodyStyle.self))))
        #expect(Schema.layout["extends"] == .string && Schema.layout["h2"] == Schema.layout["h3"])
    }

    @Test func unknownLayoutAndCycles() throws {
        let e = #expect(throws: FolioError.self) { try loader.load("reprot", language: "en") }
        #expect(e?.hint?.contains("did you mean 'report'?") == true)
        let dir = Fixtures.temporaryFolder("cycle")
        Fixtures.write("extends: b\n", to: dir + "/a.yaml")
        Fixtures.write("extends: a\n", to: dir + "/b.yaml")
        var l = loader
        l.folders.insert(dir, at: 0)
        let cycle = #expect(throws: FolioError.self) { try l.load("a", language: "en") }
        #expect(cycle?.message.contains("circle") == true)
    }

    @Test func lengthsAndColours() {
        #expect(Length.parse("25.4mm") == 72)
        #expect(Length.parse("1in") == 72 && Length.parse("2.54cm") == 72 && Length.parse("10") == 10 && Length.parse("x") == nil)
    }
}
