import Foundation
import Synchronization

/// `folio watch` running as a subprocess: its output is collected as it comes, and tests wait for what they expect
/// in it. Ended (SIGTERM) when the test is done with it.
final class WatchProcess: Sendable {
    let process: Process
    private let out = Collected(), err = Collected()

    /// Text that arrives on another thread.
    final class Collected: Sendable {
        let text = Mutex("")
        func add(_ more: String) { text.withLock { $0 += more } }
        var value: String { text.withLock { $0 } }
    }

    init(_ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Fixtures.folio)
        p.arguments = ["watch"] + arguments
        let outPipe = Pipe(), errPipe = Pipe()
        p.standardOutput = outPipe
        p.standardError = errPipe
        process = p
        let out = self.out, err = self.err
        outPipe.fileHandleForReading.readabilityHandler = { h in
            let text = String(decoding: h.availableData, as: UTF8.self)
            out.add(text)
        }
        errPipe.fileHandleForReading.readabilityHandler = { h in
            let text = String(decoding: h.availableData, as: UTF8.self)
            err.add(text)
        }
        try p.run()
    }

    var output: String { out.value }
    var errors: String { err.value }

    /// The lines of standard output that report a render.
    var renders: [String] { output.split(separator: "\n").map(String.init).filter { $0.contains(" · preview ") || $0.contains("not rendered") } }

    /// Waits (up to `seconds`) until `condition` holds; returns whether it did.
    func wait(seconds: Double = 60, until condition: () -> Bool) async -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            if !process.isRunning { return condition() }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    /// The address the preview page is served at, once printed.
    func address() async -> String? {
        _ = await wait { output.contains("serving http://") }
        guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("serving http://") }) else { return nil }
        return String(line.dropFirst("serving ".count))
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
