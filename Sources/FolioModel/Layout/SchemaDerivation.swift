/// The types the schema checks as one value (a scalar, or a list of scalars) rather than as a mapping of keys,
/// with their schemas and a value of each to hand back while a schema is derived. They are found by identity: a
/// dynamic cast to a protocol would make the runtime read every conformance record of the program per type, at
/// every start.
private let leaves: [ObjectIdentifier: (schema: Schema, placeholder: any Sendable)] = Dictionary(uniqueKeysWithValues: [
    leaf(Length.self, .length, Length(points: 0)),
    leaf(Color.self, .color, Color.black),
    leaf(LocalizedText.self, .localized, LocalizedText.any("")),
    leaf([String].self, .strings, [String]()),
    choice(Alignment.self), choice(KoreanBreaks.self), choice(HangulEmphasis.self), choice(FontRole.self), choice(ComposerAlgorithm.self),
    choice(FootnotePlacement.self), choice(PDFStandard.self), choice(NumberedParagraphsStyle.Position.self), choice(NumberingStyle.self),
    leaf([NumberingStyle].self, .choices(NumberingStyle.allCases.map(\.rawValue)), [NumberingStyle]()),
])

private func leaf<T: Sendable>(_ type: T.Type, _ schema: Schema, _ placeholder: T) -> (ObjectIdentifier, (schema: Schema, placeholder: any Sendable)) {
    (ObjectIdentifier(type), (schema, placeholder))
}

/// An enum of named values: one of its raw values.
private func choice<T: CaseIterable & RawRepresentable & Sendable>(_ type: T.Type) -> (ObjectIdentifier, (schema: Schema, placeholder: any Sendable))
    where T.RawValue == String {
    leaf(type, .choice(type.allCases.map(\.rawValue)), type.allCases.first!)
}

extension Schema {
    /// The keys a Decodable type reads and the schema of each, in the order it reads them: the type is decoded
    /// from a decoder that reads no data, notes each key asked for, answers a leaf with its placeholder and
    /// derives a nested type's mapping the same way. A layout type's keys are thus its CodingKeys, and its values'
    /// schemas come from the types of its fields; the format is written down once, in the types.
    static func fields<T: Decodable>(of type: T.Type) -> [(key: String, schema: Schema)] {
        let recorder = SchemaRecorder()
        do { _ = try T(from: recorder) } catch { preconditionFailure("no layout schema for \(T.self): \(error)") }
        return recorder.fields
    }
}

/// The decoder `Schema.fields(of:)` decodes a type from.
private final class SchemaRecorder: Decoder {
    var fields: [(key: String, schema: Schema)] = []
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keys(recorder: self))
    }
    func unkeyedContainer() throws -> UnkeyedDecodingContainer { throw Self.unsupported("a list", codingPath) }
    func singleValueContainer() throws -> SingleValueDecodingContainer { throw Self.unsupported("a single value", codingPath) }

    static func unsupported(_ what: String, _ path: [CodingKey]) -> DecodingError {
        .typeMismatch(Any.self, .init(codingPath: path, debugDescription: "no schema for \(what): a leaf type missing from `leaves`?"))
    }

    struct Keys<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let recorder: SchemaRecorder
        var codingPath: [CodingKey] { recorder.codingPath }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            if let leaf = leaves[ObjectIdentifier(T.self)] { return self.leaf(leaf.schema, leaf.placeholder as! T, key) }
            let nested = SchemaRecorder()
            nested.codingPath = codingPath + [key]
            let value = try T(from: nested)
            recorder.fields.append((key.stringValue, .mapping(Dictionary(uniqueKeysWithValues: nested.fields))))
            return value
        }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { leaf(.bool, false, key) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { leaf(.string, "", key) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { leaf(.number, 0, key) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { leaf(.integer, 0, key) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw unsupported(type, key) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { throw unsupported(type, key) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { throw unsupported(type, key) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { throw unsupported(type, key) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { throw unsupported(type, key) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { throw unsupported(type, key) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { throw unsupported(type, key) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { throw unsupported(type, key) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { throw unsupported(type, key) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { throw unsupported(type, key) }

        private func leaf<T>(_ schema: Schema, _ placeholder: T, _ key: Key) -> T {
            recorder.fields.append((key.stringValue, schema))
            return placeholder
        }
        private func unsupported(_ type: Any.Type, _ key: Key) -> DecodingError {
            SchemaRecorder.unsupported("\(type)", codingPath + [key])
        }
        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            throw SchemaRecorder.unsupported("a nested container", codingPath + [key])
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            throw SchemaRecorder.unsupported("a nested list", codingPath + [key])
        }
        func superDecoder() throws -> Decoder { throw SchemaRecorder.unsupported("a super decoder", codingPath) }
        func superDecoder(forKey key: Key) throws -> Decoder { throw SchemaRecorder.unsupported("a super decoder", codingPath + [key]) }
    }
}
