#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KimModel

/// Writing the skeleton: first every target is looked at, then written, so a problem found halfway
/// cannot leave half a project. Nothing is written through a symbolic link (a linked `data/` or
/// `data/kommune.json` could point anywhere on the machine), a file where a folder is needed is named,
/// and a run that was interrupted can be repeated: files that already hold exactly what init would
/// write count as written.
extension Projektgeruest {
    /// What stands at one target path before writing.
    enum Vorfund: Equatable {
        case frei
        /// A regular file with exactly the bytes init would write (left by an interrupted run).
        case gleich
        /// A regular file with other bytes.
        case anders
        /// Anything else that forbids writing there, with the reason.
        case hindernis(String)
    }

    /// Writes the project and returns the newly written paths, sorted (`.gitignore` first). Writes nothing
    /// when any target is in the way: a file with other content, a link, a file where a folder belongs.
    /// Throws `Failure` (nothing written) or `Schreibfehler` (writing failed; what was written is complete).
    public func anlegen() throws -> [String] {
        let dateien = dateien()
        let pfade = dateien.keys.sorted()
        let wurzel = projekt.standardizedFileURL.path
        var hindernisse: [String] = []
        if let grund = Self.wurzelHindernis(wurzel) { throw Failure(description: grund) }

        var gepruefteOrdner: Set<String> = [], gesperrt: Set<String> = []
        var vorhanden: [String] = [], abweichend: [String] = [], zuSchreiben: [String] = []
        for pfad in pfade {
            let teile = pfad.split(separator: "/").map(String.init)
            let ordnerAufDemWeg = (1..<max(teile.count, 1)).map { teile[0..<$0].joined(separator: "/") }
            for ordner in ordnerAufDemWeg where !gesperrt.contains(where: { ordner.hasPrefix($0 + "/") }) {
                guard gepruefteOrdner.insert(ordner).inserted else { continue }
                if let grund = Self.ordnerHindernis(wurzel + "/" + ordner) {
                    hindernisse.append("\(ordner): \(grund)")
                    gesperrt.insert(ordner)
                }
            }
            // Below a folder that is in the way nothing is looked at: through a link it would be another place.
            guard !ordnerAufDemWeg.contains(where: gesperrt.contains) else { continue }
            switch Self.vorfund(wurzel + "/" + pfad, inhalt: dateien[pfad] ?? []) {
            case .frei: zuSchreiben.append(pfad)
            case .gleich: vorhanden.append(pfad)
            case .anders: vorhanden.append(pfad); abweichend.append(pfad)
            case .hindernis(let grund): hindernisse.append("\(pfad): \(grund)")
            }
        }
        if !abweichend.isEmpty {
            let liste = vorhanden.prefix(5).joined(separator: ", ") + (vorhanden.count > 5 ? " und \(vorhanden.count - 5) weitere" : "")
            hindernisse.append("\(wurzel) enthält schon Dateien, die kim init anlegen würde (\(liste)); kim überschreibt keine Datei. "
                + "Einen leeren Ordner wählen, z. B. --project neue-kommune; stammen die Dateien von einem abgebrochenen kim init, sie löschen und kim init wiederholen")
        }
        guard hindernisse.isEmpty else {
            throw Failure(description: hindernisse.joined(separator: "\n"))
        }

        var geschrieben: [String] = []
        do {
            try FileManager.default.createDirectory(atPath: wurzel, withIntermediateDirectories: true)
        } catch {
            throw Schreibfehler(description: "\(wurzel) ließ sich nicht anlegen: \(Systemfehler.beschreibung(error))")
        }
        for pfad in zuSchreiben {
            do {
                try Self.schreiben(dateien[pfad] ?? [], nach: pfad, in: wurzel)
            } catch let fehler as Schreibfehler {
                throw Schreibfehler(description: "\(pfad) ließ sich nicht schreiben: \(fehler.description); bis dahin geschrieben: \(geschrieben.count) Dateien, "
                    + "ein erneutes kim init mit denselben Angaben ergänzt den Rest")
            }
            geschrieben.append(pfad)
        }
        // Only where there is none at all (a repository keeps its own; a link there is left alone).
        var status = stat()
        if lstat(wurzel + "/" + Self.gitignore.pfad, &status) != 0, errno == ENOENT,
           (try? Self.schreiben(Array(Self.gitignore.inhalt.utf8), nach: Self.gitignore.pfad, in: wurzel)) != nil {
            geschrieben.insert(Self.gitignore.pfad, at: 0)
        }
        return geschrieben
    }

    /// The project folder itself may be a link (the author chose it) but must be a folder when it exists.
    static func wurzelHindernis(_ wurzel: String) -> String? {
        var status = stat()
        guard stat(wurzel, &status) == 0 else {
            return errno == ENOENT ? nil : "\(wurzel): \(Systemfehler.beschreibung(errno))"
        }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            return "\(wurzel) ist eine Datei, kein Ordner; kim init braucht einen Ordner für das Projekt"
        }
        return nil
    }

    /// Why a folder on the way to a target cannot be used; nil when it is a real folder or missing.
    static func ordnerHindernis(_ pfad: String) -> String? {
        var status = stat()
        guard lstat(pfad, &status) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? nil : Systemfehler.beschreibung(errno)
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return nil
        case S_IFLNK: return "ist ein symbolischer Verweis; kim init schreibt nicht durch Verweise, hier muss ein Ordner stehen"
        case S_IFREG: return "ist eine Datei; kim init braucht hier einen Ordner"
        default: return "ist keine Datei und kein Ordner; kim init braucht hier einen Ordner"
        }
    }

    /// What stands at a target path, without following a link.
    static func vorfund(_ pfad: String, inhalt: [UInt8]) -> Vorfund {
        var status = stat()
        guard lstat(pfad, &status) == 0 else {
            return errno == ENOENT || errno == ENOTDIR ? .frei : .hindernis(Systemfehler.beschreibung(errno))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            guard Int(status.st_size) == inhalt.count else { return .anders }
            guard let daten = FileManager.default.contents(atPath: pfad) else { return .hindernis("die Datei ist nicht lesbar") }
            return Array(daten) == inhalt ? .gleich : .anders
        case S_IFLNK: return .hindernis("ist ein symbolischer Verweis; kim init schreibt nicht durch Verweise")
        case S_IFDIR: return .hindernis("ist ein Ordner; kim init legt hier eine Datei an")
        default: return .hindernis("ist keine gewöhnliche Datei; kim init legt hier eine Datei an")
        }
    }

    /// Writes one new file below `wurzel`, folder by folder without following a link (O_NOFOLLOW), first under
    /// a hidden name and then linked to its own name, which fails rather than replace anything. So an
    /// interrupted run leaves whole files or none, and nothing outside the project is touched.
    static func schreiben(_ inhalt: [UInt8], nach pfad: String, in wurzel: String) throws {
        var teile = pfad.split(separator: "/").map(String.init)
        guard let name = teile.popLast() else { return }
        var ordner = open(wurzel, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard ordner >= 0 else { throw Schreibfehler(description: Systemfehler.beschreibung(errno)) }
        defer { close(ordner) }
        for teil in teile {
            if mkdirat(ordner, teil, 0o755) != 0, errno != EEXIST {
                throw Schreibfehler(description: "der Ordner \(teil) ließ sich nicht anlegen: \(Systemfehler.beschreibung(errno))")
            }
            let naechster = openat(ordner, teil, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard naechster >= 0 else {
                throw Schreibfehler(description: errno == ELOOP || errno == ENOTDIR
                    ? "\(teil) ist inzwischen kein Ordner mehr, sondern ein Verweis oder eine Datei" : Systemfehler.beschreibung(errno))
            }
            close(ordner)
            ordner = naechster
        }
        let zwischen = ".\(name).kim-init"
        // The hidden name of an interrupted run is init's own; unlinkat removes a link, never its target.
        unlinkat(ordner, zwischen, 0)
        let datei = openat(ordner, zwischen, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard datei >= 0 else { throw Schreibfehler(description: Systemfehler.beschreibung(errno)) }
        let ergebnis = allesSchreiben(inhalt, in: datei)
        close(datei)
        guard ergebnis == 0 else {
            unlinkat(ordner, zwischen, 0)
            throw Schreibfehler(description: Systemfehler.beschreibung(ergebnis))
        }
        defer { unlinkat(ordner, zwischen, 0) }
        if linkat(ordner, zwischen, ordner, name, 0) == 0 { return }
        let grund = errno
        if grund == EEXIST { throw Schreibfehler(description: "die Datei ist inzwischen entstanden; kim überschreibt sie nicht") }
        // A file system without hard links: create the name itself, still never replacing and never through a link.
        guard grund == EPERM || grund == EOPNOTSUPP || grund == ENOSYS || grund == EMLINK else {
            throw Schreibfehler(description: Systemfehler.beschreibung(grund))
        }
        let direkt = openat(ordner, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard direkt >= 0 else { throw Schreibfehler(description: Systemfehler.beschreibung(errno)) }
        defer { close(direkt) }
        let status = allesSchreiben(inhalt, in: direkt)
        guard status == 0 else { throw Schreibfehler(description: Systemfehler.beschreibung(status)) }
    }

    /// Writes all bytes to an open file; 0 or the errno of the failure.
    static func allesSchreiben(_ inhalt: [UInt8], in datei: Int32) -> Int32 {
        var geschrieben = 0
        return inhalt.withUnsafeBytes { puffer in
            while geschrieben < inhalt.count {
                let n = write(datei, puffer.baseAddress?.advanced(by: geschrieben), inhalt.count - geschrieben)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return errno }
                geschrieben += n
            }
            return 0
        }
    }
}
