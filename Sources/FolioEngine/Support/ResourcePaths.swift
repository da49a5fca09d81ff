import Foundation

/// Where Folio's data lives: the folder holding Layouts/ and Fonts/.
/// `FOLIO_HOME` wins; otherwise `<prefix>/share/folio` beside an installed `<prefix>/bin/folio` (make install),
/// the folders above the executable (a build in the repository) and the current directory are searched, then
/// /usr/local/share/folio.
public enum ResourcePaths {
    public static func home() -> String? {
        let fm = FileManager.default
        func isHome(_ dir: String) -> Bool {
            fm.fileExists(atPath: dir + "/Layouts") && fm.fileExists(atPath: dir + "/Fonts/fonts.yaml")
        }
        if let env = ProcessInfo.processInfo.environment["FOLIO_HOME"], isHome(env) { return env }
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = dir.deletingLastPathComponent().appendingPathComponent("share/folio").path
        if isHome(installed) { return installed }
        for _ in 0..<6 {
            if isHome(dir.path) { return dir.path }
            dir = dir.deletingLastPathComponent()
        }
        let cwd = fm.currentDirectoryPath
        if isHome(cwd) { return cwd }
        if isHome("/usr/local/share/folio") { return "/usr/local/share/folio" }
        return nil
    }
}
