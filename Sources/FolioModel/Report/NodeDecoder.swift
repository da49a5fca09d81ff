import Foundation
import Yams

/// Decodes a composed YAML node tree with Codable, reading scalars with Yams's own constructors.
///
/// Yams's `YAMLDecoder` asks the runtime, for every type it decodes, whether the type conforms to two of its
/// protocols; each first question scans every conformance record in the binary (about 6,000 with Foundation
/// linked in), a cost paid before layout can start. This decoder knows the scalar types
/// statically and hands every other type to its own `init(from:)`, so it asks no such question. Errors are
/// the standard `DecodingError`s with coding paths, which `YAMLSource` turns into file:line:column messages.
struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: Node
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ node: Node, codingPath: [CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch(Node.Mapping.self) }
        return KeyedDecodingContainer(Keyed<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch(Node.Sequence.self) }
        return Unkeyed(decoder: self, sequence: sequence)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { self }

    func child(_ node: Node, _ key: CodingKey) -> NodeDecoder { NodeDecoder(node, codingPath: codingPath + [key]) }

    // MARK: Scalars

    func decodeNil() -> Bool { node.scalar.flatMap(NSNull.construct) != nil }

    func decode(_ type: String.Type) throws -> String { try scalar(type, String.construct) }
    func decode(_ type: Bool.Type) throws -> Bool { try scalar(type, Bool.construct) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(type, Int.construct) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type, Double.construct) }
    func decode(_ type: Float.Type) throws -> Float { try scalar(type, Float.construct) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type, Int64.construct) }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar(type, UInt.construct) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type, UInt64.construct) }

    /// Any other type decodes itself from this node (String and the numbers arrive here too when they are
    /// reached through a generic, as array elements are: they read the single-value container above).
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: self) }

    private func scalar<T>(_ type: T.Type, _ construct: (Node.Scalar) -> T?) throws -> T {
        guard case .scalar(let scalar) = node else { throw mismatch(type) }
        guard let value = construct(scalar) else { throw mismatch(type) }
        return value
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try scalar(type) { Int64.construct(from: $0).flatMap(T.init(exactly:)) }
    }

    /// Worded as Yams words it, so messages do not change with the decoder.
    func mismatch(_ expected: Any.Type) -> DecodingError {
        let found: String = switch node {
        case .scalar: "Scalar"
        case .mapping: "Mapping"
        case .sequence: "Sequence"
        case .alias: "Alias"
        }
        return .typeMismatch(expected, .init(codingPath: codingPath,
                                             debugDescription: "Expected to decode \(expected) but found \(found) instead."))
    }
}

extension NodeDecoder {
    /// A mapping's fields, looked up by key text.
    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: NodeDecoder
        let mapping: Node.Mapping
        /// The values by key, the last of equal keys as Yams gives it: its own lookup searches the pairs, which
        /// made a mapping of n keys cost n² (10,000 editions took 16 s).
        let values: [String: Node]

        init(decoder: NodeDecoder, mapping: Node.Mapping) {
            self.decoder = decoder
            self.mapping = mapping
            var values: [String: Node] = [:]
            for (key, value) in mapping { if let name = key.string { values[name] = value } }
            self.values = values
        }

        var codingPath: [CodingKey] { decoder.codingPath }
        var allKeys: [Key] { mapping.keys.compactMap { $0.string.flatMap(Key.init(stringValue:)) } }
        func contains(_ key: Key) -> Bool { values[key.stringValue] != nil }

        private func child(_ key: Key) throws -> NodeDecoder {
            guard let node = values[key.stringValue] else {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath,
                                                           debugDescription: "No value associated with key \(key.stringValue)."))
            }
            return decoder.child(node, key)
        }

        func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try T(from: child(key)) }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try child(key).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
        func superDecoder() throws -> Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> Decoder { try child(key) }
    }

    /// A sequence's items, in order.
    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: NodeDecoder
        let sequence: Node.Sequence
        var currentIndex = 0

        init(decoder: NodeDecoder, sequence: Node.Sequence) {
            self.decoder = decoder
            self.sequence = sequence
        }

        var codingPath: [CodingKey] { decoder.codingPath }
        var count: Int? { sequence.count }
        var isAtEnd: Bool { currentIndex >= sequence.count }

        private mutating func next(_ type: Any.Type) throws -> NodeDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [AnyKey(intValue: currentIndex)!],
                                                             debugDescription: "Unkeyed container is at end."))
            }
            defer { currentIndex += 1 }
            return decoder.child(sequence[currentIndex], AnyKey(intValue: currentIndex)!)
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { return false }
            guard decoder.child(sequence[currentIndex], AnyKey(intValue: currentIndex)!).decodeNil() else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: next(type)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next(Node.Mapping.self).container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next(Node.Sequence.self).unkeyedContainer() }
        mutating func superDecoder() throws -> Decoder { try next(Any.self) }
    }
}
