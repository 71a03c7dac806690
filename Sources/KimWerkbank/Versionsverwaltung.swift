import Foundation

/// `kim serve --commit`: each save of the workbench also a git commit of that one file, with a
/// message that says what changed, where the project is a git repository.
struct Versionsverwaltung {
    let projekt: URL

    /// nil when committed; otherwise why not, in German.
    func festhalten(_ relativ: String, nachricht: String) -> String? {
        guard ausfuehren(["rev-parse", "--is-inside-work-tree"]).status == 0 else {
            return "das Projekt ist kein git-Repository"
        }
        let hinzu = ausfuehren(["add", "--", relativ])
        guard hinzu.status == 0 else { return "git add: \(hinzu.ausgabe)" }
        let commit = ausfuehren(["commit", "-q", "-m", nachricht, "--", relativ])
        return commit.status == 0 ? nil : "git commit: \(commit.ausgabe)"
    }

    private func ausfuehren(_ argumente: [String]) -> (status: Int32, ausgabe: String) {
        let prozess = Process()
        prozess.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        prozess.arguments = ["git", "-C", projekt.path] + argumente
        let rohr = Pipe()
        prozess.standardOutput = rohr
        prozess.standardError = rohr
        do {
            try prozess.run()
        } catch {
            return (-1, "git ließ sich nicht starten: \(error.localizedDescription)")
        }
        let daten = rohr.fileHandleForReading.readDataToEndOfFile()
        prozess.waitUntilExit()
        return (prozess.terminationStatus, String(decoding: daten, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
