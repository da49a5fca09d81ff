import Foundation
import FolioEngine
import FolioLayout
import Synchronization

/// One edition as the last good render left it, for the preview page.
public struct EditionState: Sendable {
    public var code: String
    public var title: String
    /// The PDF's file name in the output folder, and the pictures' name stem in the preview folder.
    public var pdf: String
    public var stem: String
    public var map: [PageSummary]
    /// Each page's text, in reading order (the pictures' alternative text).
    public var texts: [String]
    /// For each page, the render that last changed its picture: the page asks for it again only then.
    public var changedAt: [Int]
    public var findings: [Finding]
}

/// What the watch loop shows: the editions of the last good render, and the error of the last render when it
/// failed (the pictures and PDFs are then the earlier ones, still on disk). Renders publish it; the preview page's
/// requests read it, on other threads, and each publication wakes the page's event streams.
public final class WatchBoard: Sendable {
    public struct Snapshot: Sendable {
        /// The number of the render this is (0: none yet).
        public var version = 0
        public var editions: [EditionState] = []
        public var error: Finding?
        public var previewFolder: String
        /// Whether the pictures with layout boxes are written too.
        public var boxes: Bool
    }
    private let state: Mutex<Snapshot>
    private let listeners = Mutex<[UUID: AsyncStream<Int>.Continuation]>([:])

    public init(previewFolder: String, boxes: Bool) {
        state = Mutex(Snapshot(previewFolder: previewFolder, boxes: boxes))
    }

    public var snapshot: Snapshot { state.withLock { $0 } }

    /// Replaces what is shown and tells every listener the new version.
    public func publish(_ change: (inout Snapshot) -> Void) {
        let version = state.withLock { s -> Int in
            change(&s)
            s.version += 1
            return s.version
        }
        for continuation in listeners.withLock({ Array($0.values) }) { continuation.yield(version) }
    }

    /// Tells every listener that the loop is alive (version 0), so that streams of closed pages end.
    public func keepAlive() {
        for continuation in listeners.withLock({ Array($0.values) }) { continuation.yield(0) }
    }

    /// The versions published from now on, until the stream is dropped.
    public func versions() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in _ = self?.listeners.withLock { $0.removeValue(forKey: id) } }
        listeners.withLock { $0[id] = continuation }
        return stream
    }
}
