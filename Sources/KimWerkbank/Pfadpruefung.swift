#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// No path from a request reaches the file system unchecked: only existing files (or, for a new
/// Sitzung, a new file) of the kinds the workbench edits, below `data/` or `templates/`, no `..`,
/// no hidden parts, and no symbolic link that leads out of its top folder.
enum Pfadpruefung {
    enum Ergebnis: Equatable {
        /// Where to read and write: the real path of the file (links inside the project resolved).
        case erlaubt(relativ: String, echt: String)
        /// 403: the path tries to leave what the workbench may touch.
        case verboten(String)
        /// 404: there is no such file to edit.
        case fehlt
    }

    static let endungen = ["data": ".json", "templates": ".md"]

    /// `neu`: the file may not exist yet (its folder must).
    static func pruefen(_ roh: String, projekt: URL, neu: Bool = false) -> Ergebnis {
        let teile = roh.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard teile.count >= 2, teile.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\0") && !$0.contains("\\") }) else {
            return .verboten("Der Pfad »\(roh)« ist nicht erlaubt: keine leeren, versteckten oder „..“-Teile.")
        }
        guard let oben = teile.first, let endung = endungen[oben] else {
            return .verboten("Bearbeitet werden nur Dateien in data/ und templates/.")
        }
        guard roh.hasSuffix(endung) else {
            return .verboten("In \(oben)/ bearbeitet die Werkbank nur \(endung)-Dateien.")
        }
        guard let wurzel = echt(projekt.path), let bereich = echt(projekt.path + "/" + oben) else { return .fehlt }
        let voll = projekt.path + "/" + roh
        var status = stat()
        if lstat(voll, &status) != 0 {
            guard neu, errno == ENOENT, let ordner = echt((voll as NSString).deletingLastPathComponent),
                  ordner == bereich || ordner.hasPrefix(bereich + "/") else { return .fehlt }
            return .erlaubt(relativ: roh, echt: ordner + "/" + (teile.last ?? ""))
        }
        guard let ziel = echt(voll) else { return .verboten("Der symbolische Verweis »\(roh)« führt ins Leere.") }
        guard ziel.hasPrefix(bereich + "/"), ziel.hasPrefix(wurzel + "/") else {
            return .verboten("»\(roh)« führt aus \(oben)/ heraus; die Werkbank schreibt nur im Projekt.")
        }
        var zielstatus = stat()
        guard stat(ziel, &zielstatus) == 0, (zielstatus.st_mode & S_IFMT) == S_IFREG else { return .fehlt }
        return .erlaubt(relativ: roh, echt: ziel)
    }

    static func echt(_ pfad: String) -> String? {
        guard let roh = realpath(pfad, nil) else { return nil }
        defer { free(roh) }
        return String(cString: roh)
    }
}
