import ArgumentParser
import Foundation
import FolioEngine

/// `folio manifest`: work on the manifests runs leave.
struct ManifestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifest",
        abstract: "Work on manifests (join the manifests of batch shards).",
        subcommands: [Merge.self])

    /// `folio manifest merge`: the shard manifests of one or more folders joined into one manifest.json.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Join the manifests of batch shards (manifest-shard-I-of-N.json) into manifest.json.",
            discussion: """
            Reads every manifest-shard-*.json of each folder (a folder without any gives its manifest.json) and
            writes <output>/manifest.json listing every file, its path relative to <output>. Entries whose files
            are gone are left out; an edition listed by two shards is an error (the shards had different counts).
            Examples:
              folio manifest merge out                                four shards that wrote into out/
              folio manifest merge out/shard-0 out/shard-1 --output out
            """)

        @Argument(help: "Folders holding shard manifests.")
        var folders: [String]
        @Option(name: .long, help: "Folder to write manifest.json in (default: the first folder).")
        var output: String?
        @Option(name: .long, help: "Output format: text, or json (one object on standard output, see docs/cli.md).")
        var format: OutputFormat = .text

        struct Output: Encodable { var files: [Manifest.File] }

        func run() throws {
            let target = output ?? folders[0]
            let contents: Manifest.Contents
            do {
                contents = try ManifestMerge().merge(folders: folders, output: target)
            } catch { throw Runner.fail(error, format: format, status: .input) }
            try Runner.outputFolder(target, format: format)
            do { try AtomicFile.write(try JSONOutput.encode(contents, pretty: true), to: target + "/manifest.json") } catch {
                throw Runner.fail(error, format: format, status: .output)
            }
            switch format {
            case .text: print("\(target)/manifest.json: \(contents.files.count) files from \(folders.count) folder\(folders.count == 1 ? "" : "s")")
            case .json: Runner.emit(JSONResult(diagnostics: [], exit: 0, body: Output(files: contents.files)))
            }
        }
    }
}
