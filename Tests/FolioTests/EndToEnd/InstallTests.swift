import Foundation
import Testing

/// `make install-files` (what `make install` runs after building) into a temporary prefix: the installed program
/// finds its layouts and fonts from any folder, the man page reads with man(1), bash completes the commands.
@Suite("make install", .serialized)
struct InstallTests {
    @Test func anInstalledFolioWorksFromAnotherFolder() throws {
        let prefix = Fixtures.temporaryFolder("prefix")
        let make = Fixtures.run("make", ["-C", Fixtures.root, "--no-print-directory", "install-files", "PREFIX=" + prefix,
                                         "FOLIO_BIN=" + Fixtures.folio])
        #expect(make.status == 0, "\(make.err)")
        for file in ["bin/folio", "share/folio/Layouts/base.yaml", "share/folio/Fonts/fonts.yaml", "share/man/man1/folio.1",
                     "share/bash-completion/completions/folio", "share/zsh/site-functions/_folio",
                     "share/fish/vendor_completions.d/folio.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
        // From a folder with no Layouts/ beside it and no FOLIO_HOME: the prefix's share/folio is found.
        let elsewhere = Fixtures.temporaryFolder("elsewhere")
        let layouts = CLIRun.run(prefix + "/bin/folio", ["layouts"], in: elsewhere, unset: ["FOLIO_HOME"])
        #expect(layouts.status == 0 && layouts.out.contains(prefix + "/share/folio/Layouts/briefing.yaml"), "\(layouts.out)\(layouts.err)")
        let render = CLIRun.run(prefix + "/bin/folio", ["render", Fixtures.sample, "--edition", "en", "--output", "out"],
                                in: elsewhere, unset: ["FOLIO_HOME"])
        #expect(render.status == 0, "\(render.err)")
        #expect(FileManager.default.fileExists(atPath: elsewhere + "/out/dprk-upr4-joint-submission_EN.pdf"))

        let man = Fixtures.run("man", ["-P", "cat", "-l", prefix + "/share/man/man1/folio.1"], environment: ["MANWIDTH": "100"])
        #expect(man.status == 0, "\(man.err)")
        for text in ["FOLIO(1)", "Join the manifests of batch shards", "Exit codes:", "--shard", "FOLIO_HOME"] {
            #expect(man.out.contains(text), "\(text)")
        }

        let script = """
        source "$1"
        COMP_WORDS=(folio ""); COMP_CWORD=1; COMP_LINE="folio "; COMP_POINT=6
        _folio folio "" folio
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let bash = Fixtures.run("bash", ["-c", script, "bash", prefix + "/share/bash-completion/completions/folio"])
        let offered = Set(bash.out.split(separator: "\n").map(String.init))
        #expect(offered.isSuperset(of: ["render", "batch", "check", "preview", "fonts", "layouts", "manifest"]), "\(bash.out)\(bash.err)")
    }
}
