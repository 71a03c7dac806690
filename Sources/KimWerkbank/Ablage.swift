#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KimModel

/// Reading and writing the edited files: the version a form was made from, an atomic write
/// (a temporary file beside the target, synced, renamed over it), and the previous bytes kept in
/// `build/werkbank/verlauf/` so every save can be undone.
struct Ablage {
    let projekt: URL

    static func version(_ bytes: [UInt8]) -> String {
        var hash = FNV1a()
        hash.hinzufuegen(bytes)
        return hash.hex16 + "-" + String(bytes.count)
    }

    func lesen(_ echt: String) -> [UInt8]? {
        FileManager.default.contents(atPath: echt).map(Array.init)
    }

    struct Schreibfehler: Error {
        var grund: String
    }

    /// Writes `bytes` to `echt` in one step; `vorher` (the file's previous bytes, nil for a new
    /// file) goes to the history of `relativ` first.
    func schreiben(_ bytes: [UInt8], nach echt: String, relativ: String, vorher: [UInt8]?) throws(Schreibfehler) {
        if let vorher { try aufheben(vorher, relativ: relativ) }
        let ordner = (echt as NSString).deletingLastPathComponent
        let temporaer = ordner + "/.\((echt as NSString).lastPathComponent).kim-werkbank-\(getpid())"
        let deskriptor = open(temporaer, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard deskriptor >= 0 else { throw Schreibfehler(grund: Systemfehler.beschreibung(errno)) }
        var geschrieben = 0
        let ok = bytes.withUnsafeBytes { puffer -> Bool in
            while geschrieben < bytes.count {
                let ergebnis = write(deskriptor, puffer.baseAddress?.advanced(by: geschrieben), bytes.count - geschrieben)
                if ergebnis < 0, errno == EINTR { continue }
                guard ergebnis > 0 else { return false }
                geschrieben += ergebnis
            }
            return fsync(deskriptor) == 0
        }
        let fehler = errno
        close(deskriptor)
        guard ok, rename(temporaer, echt) == 0 else {
            unlink(temporaer)
            throw Schreibfehler(grund: Systemfehler.beschreibung(ok ? errno : fehler))
        }
    }

    /// The history of a file, newest last.
    func verlauf(_ relativ: String) -> [URL] {
        let ordner = verlaufsordner(relativ)
        let namen = (try? FileManager.default.contentsOfDirectory(atPath: ordner.path)) ?? []
        return namen.filter { !$0.hasPrefix(".") }.sorted().map { ordner.appendingPathComponent($0) }
    }

    private func verlaufsordner(_ relativ: String) -> URL {
        projekt.appendingPathComponent("build/werkbank/verlauf").appendingPathComponent(relativ)
    }

    private func aufheben(_ bytes: [UInt8], relativ: String) throws(Schreibfehler) {
        let ordner = verlaufsordner(relativ)
        // Sortable by name: time to the microsecond, then a counter for two saves in one microsecond.
        var zeit = timespec()
        clock_gettime(CLOCK_REALTIME, &zeit)
        let stempel = String(format: "%012d%06d", Int(zeit.tv_sec), Int(zeit.tv_nsec / 1000))
        do {
            try FileManager.default.createDirectory(at: ordner, withIntermediateDirectories: true)
            var name = stempel
            var zaehler = 0
            while FileManager.default.fileExists(atPath: ordner.appendingPathComponent(name).path) {
                zaehler += 1
                name = stempel + String(format: "-%03d", zaehler)
            }
            try Data(bytes).write(to: ordner.appendingPathComponent(name))
        } catch {
            throw Schreibfehler(grund: "die vorige Fassung ließ sich nicht aufheben: \(error.localizedDescription)")
        }
    }
}
