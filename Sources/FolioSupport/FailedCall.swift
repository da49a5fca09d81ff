/// An error of a layer that wraps a C library: what failed in plain words and, when a library call refused, which
/// call and what it reported. Each layer has its own type (`ImageError`, `RenderError`); they print alike.
public protocol FailedCall: Error, CustomStringConvertible {
    /// What is wrong, in plain words.
    var message: String { get }
    /// The library call that failed, when one did.
    var call: String? { get }
    /// What that call reported (a status, a GError message).
    var status: String? { get }
}

extension FailedCall {
    public var description: String {
        guard let call else { return message }
        return "\(message) (\(call): \(status ?? "failed"))"
    }
}
