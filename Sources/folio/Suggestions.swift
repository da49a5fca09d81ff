import ArgumentParser
import FolioModel

/// "Did you mean …": misspelled subcommands. (ArgumentParser suggests the nearest option itself, but says only
/// "unexpected arguments" for a misspelled subcommand.)
enum Suggestions {
    /// The message for a first word that is neither an option nor a subcommand of `root` (or of the
    /// subcommand it names), or nil when the words name commands.
    static func unknownCommand(_ arguments: [String], root: ParsableCommand.Type) -> String? {
        var command = root
        var path = [root.configuration.commandName ?? "folio"]
        for word in arguments {
            let subcommands = command.configuration.subcommands
            if subcommands.isEmpty || word.hasPrefix("-") { return nil }
            let names = subcommands.compactMap { $0.configuration.commandName } + ["help"]
            guard let next = subcommands.first(where: { $0.configuration.commandName == word }) else {
                if word == "help" { return nil }
                let guess = Spelling.nearest(to: word, in: names).map { " Did you mean '\($0)'?" } ?? ""
                return "'\(word)' is not a command of \(path.joined(separator: " ")).\(guess) The commands are: \(names.dropLast().joined(separator: ", "))."
            }
            command = next
            path.append(word)
        }
        return nil
    }
}
