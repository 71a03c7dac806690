#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KimModel

/// Reading and listing a project with POSIX calls: at state scale a project has 19 000
/// Sitzung files, and Foundation's attribute dictionaries and URL resource values per file
/// were a second of every load.
///
/// Nothing from outside the project may be published: a symbolic link is followed only when
/// it stays inside its top folder (`assets/`, `templates/`, `data/`, `schemas/`), and a link to a
/// folder above itself (a loop that would copy the project into `site/`) is refused.
enum Dateisystem {
    /// Why a path cannot be used, in German, for the message at that path.
    struct Unzulaessig: Error {
        var grund: String
    }

    /// The whole file, or `TooLarge` before reading when it has more than `hoechstens` bytes.
    /// `bereich` is the real path of the folder the file must lie in.
    static func lesen(_ pfad: String, hoechstens: Int, bereich: String) throws -> [UInt8] {
        if let grund = ausserhalb(pfad, bereich: bereich) { throw Unzulaessig(grund: grund) }
        // The type first: opening a FIFO waits for a writer forever, opening a device may do something.
        var vorab = stat()
        if stat(pfad, &vorab) == 0, let art = sonderdatei(vorab.st_mode) {
            throw Unzulaessig(grund: "das ist keine gewöhnliche Datei, sondern \(art); kim liest hier nur Dateien")
        }
        // O_NONBLOCK in case it became a FIFO after the look: then open returns at once and fstat refuses it.
        let deskriptor = open(pfad, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard deskriptor >= 0 else { throw Unzulaessig(grund: nichtLesbar(errno)) }
        defer { close(deskriptor) }
        var status = stat()
        guard fstat(deskriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw Unzulaessig(grund: "das ist keine gewöhnliche Datei, sondern \(sonderdatei(status.st_mode) ?? "etwas anderes"); kim liest hier nur Dateien")
        }
        let groesse = Int(status.st_size)
        guard groesse <= hoechstens else { throw ProjectFiles.TooLarge() }
        var bytes = [UInt8](repeating: 0, count: groesse)
        var gelesen = 0
        try bytes.withUnsafeMutableBytes { puffer in
            while gelesen < groesse {
                let ergebnis = read(deskriptor, puffer.baseAddress?.advanced(by: gelesen), groesse - gelesen)
                if ergebnis < 0, errno == EINTR { continue }
                guard ergebnis > 0 else { throw Unzulaessig(grund: nichtLesbar(errno)) }
                gelesen += ergebnis
            }
        }
        return bytes
    }

    /// Why a file could not be opened: missing is not the same as unreadable.
    static func nichtLesbar(_ nummer: Int32) -> String {
        switch nummer {
        case ENOENT: "die Datei fehlt"
        case EACCES, EPERM: "die Datei ist nicht lesbar: kim hat keine Leseberechtigung"
        default: "die Datei ist nicht lesbar: \(Systemfehler.beschreibung(nummer))"
        }
    }

    /// What a non-regular, non-folder file is, in words; nil for a regular file or a folder.
    static func sonderdatei(_ modus: mode_t) -> String? {
        switch modus & S_IFMT {
        case S_IFREG, S_IFDIR: nil
        case S_IFIFO: "eine benannte Pipe (FIFO)"
        case S_IFSOCK: "ein Socket"
        case S_IFCHR, S_IFBLK: "ein Gerät"
        default: "eine besondere Datei"
        }
    }

    /// The real path of `pfad` with every link resolved; nil when it does not exist.
    static func echterPfad(_ pfad: String) -> String? {
        guard let roh = realpath(pfad, nil) else { return nil }
        defer { free(roh) }
        return String(cString: roh)
    }

    /// Why `pfad` (possibly a link) may not be used: it leads out of `bereich` or nowhere; nil when it is fine.
    /// A missing file is fine here: opening it reports that.
    static func ausserhalb(_ pfad: String, bereich: String) -> String? {
        var status = stat()
        guard lstat(pfad, &status) == 0 else { return nil }
        guard let echt = echterPfad(pfad) else {
            return "der symbolische Verweis führt ins Leere"
        }
        guard echt == bereich || echt.hasPrefix(bereich + "/") else {
            return "der symbolische Verweis führt aus dem Ordner heraus (nach \(echt)); kim veröffentlicht nur, was im Projekt liegt"
        }
        return nil
    }

    /// Every regular file below `wurzel/ordner`, as `ordner/…` paths, without hidden files
    /// and folders; empty when the folder is missing. `probleme` are the paths that cannot be
    /// used, each with its reason: a folder kim may not read, a link that leaves the top folder.
    static func auflisten(_ wurzel: String, _ ordner: String) -> (dateien: [String], probleme: [(pfad: String, grund: String)]) {
        var ergebnis: [String] = []
        var probleme: [(pfad: String, grund: String)] = []
        let oberster = String(ordner.split(separator: "/").first ?? Substring(ordner))
        // The top folder where the project really is: a top folder that is itself a link out of the project is refused too.
        guard let echteWurzel = echterPfad(wurzel) else { return ([], []) }
        let bereich = echteWurzel + "/" + oberster
        if let grund = ausserhalb(wurzel + "/" + ordner, bereich: bereich) { return ([], [(ordner, grund)]) }
        var offen = [ordner]
        while let relativ = offen.popLast() {
            guard let verzeichnis = opendir(wurzel + "/" + relativ) else {
                // Only the asked-for folder may be missing; anything else that cannot be read is an error,
                // or a site would be published without, say, its Sitzungen.
                if !(relativ == ordner && errno == ENOENT) {
                    probleme.append((relativ, "der Ordner ist nicht lesbar: \(Systemfehler.beschreibung(errno))"))
                }
                continue
            }
            defer { closedir(verzeichnis) }
            while let eintrag = readdir(verzeichnis) {
                let name = withUnsafeBytes(of: eintrag.pointee.d_name) { roh in
                    String(decoding: roh.prefix { $0 != 0 }, as: UTF8.self)
                }
                guard !name.hasPrefix(".") else { continue }
                let pfad = relativ + "/" + name
                switch Int32(eintrag.pointee.d_type) {
                case Int32(DT_REG): ergebnis.append(pfad)
                case Int32(DT_DIR): offen.append(pfad)
                case Int32(DT_FIFO), Int32(DT_SOCK), Int32(DT_CHR), Int32(DT_BLK):
                    // Where data are expected, never ignored silently: a `sitzung.json` that is a pipe is a missing Sitzung.
                    var status = stat()
                    let art = lstat(wurzel + "/" + pfad, &status) == 0 ? sonderdatei(status.st_mode) : nil
                    probleme.append((pfad, "das ist keine gewöhnliche Datei, sondern \(art ?? "eine besondere Datei"); kim liest hier nur Dateien"))
                case Int32(DT_LNK), Int32(DT_UNKNOWN):
                    let voll = wurzel + "/" + pfad
                    if let grund = ausserhalb(voll, bereich: bereich) {
                        probleme.append((pfad, grund))
                        continue
                    }
                    var status = stat()
                    guard stat(voll, &status) == 0 else { continue }
                    if let art = sonderdatei(status.st_mode) {
                        probleme.append((pfad, "das ist keine gewöhnliche Datei, sondern \(art); kim liest hier nur Dateien"))
                    } else if (status.st_mode & S_IFMT) == S_IFREG {
                        ergebnis.append(pfad)
                    } else if (status.st_mode & S_IFMT) == S_IFDIR {
                        // A link to a folder that contains the link itself would be walked forever.
                        if let ziel = echterPfad(voll), let hier = echterPfad(wurzel + "/" + relativ), hier == ziel || hier.hasPrefix(ziel + "/") {
                            probleme.append((pfad, "der symbolische Verweis zeigt auf einen Ordner, der ihn selbst enthält (Schleife)"))
                        } else {
                            offen.append(pfad)
                        }
                    }
                default: continue
                }
            }
        }
        return (ergebnis, probleme)
    }
}
