#if canImport(Glibc)
import Glibc
#endif

/// Linux's inotify on the watched folders: an edit is reported when the file is closed after
/// writing (or renamed into place), not at the next poll of 19 000 files. Non-blocking, read by
/// the watcher every few milliseconds; a folder created later is watched from then on. Where
/// inotify is not available (or its watch limit is reached) the watcher polls instead.
final class Aenderungsmelder {
    private let deskriptor: Int32
    private let wurzel: String
    /// Watched folder by watch descriptor, relative to the project ("" for the project itself).
    private var ordner: [Int32: String] = [:]

    /// Ends and moves of writes, and what appears or disappears; modifications in between are not
    /// reported, so a build never reads a file that is half written.
    private static let ereignisse = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

    init?(projekt: String, ordner beobachtet: [String]) {
        let deskriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard deskriptor >= 0 else { return nil }
        self.deskriptor = deskriptor
        wurzel = projekt
        // The project folder itself, for a top folder (templates/, assets/ …) created later.
        guard beobachten("") else { return nil }
        for name in beobachtet where !beobachtenMitUnterordnern(name) {
            return nil
        }
    }

    deinit {
        close(deskriptor)
    }

    /// The paths (relative to the project) reported since the last call; nil when inotify lost
    /// events (its queue overflowed), so the caller cannot know what changed.
    func lesen() -> Set<String>? {
        var geaendert = Set<String>()
        var puffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let gelesen = puffer.withUnsafeMutableBytes { read(deskriptor, $0.baseAddress, $0.count) }
            guard gelesen > 0 else { break }
            var position = 0
            while position + 16 <= gelesen {
                let (watch, maske, laenge) = puffer.withUnsafeBytes { roh in
                    (roh.loadUnaligned(fromByteOffset: position, as: Int32.self),
                     roh.loadUnaligned(fromByteOffset: position + 4, as: UInt32.self),
                     Int(roh.loadUnaligned(fromByteOffset: position + 12, as: UInt32.self)))
                }
                let name = String(decoding: puffer[(position + 16)..<min(position + 16 + laenge, gelesen)].prefix { $0 != 0 }, as: UTF8.self)
                position += 16 + laenge
                if maske & UInt32(IN_Q_OVERFLOW) != 0 { return nil }
                if maske & UInt32(IN_IGNORED) != 0 { ordner[watch] = nil }
                guard let basis = ordner[watch], !name.isEmpty, !name.hasPrefix(".") else { continue }
                let pfad = basis.isEmpty ? name : basis + "/" + name
                if basis.isEmpty {
                    // In the project folder only the watched top folders count.
                    guard Beobachter.ordner.contains(name) else { continue }
                }
                if maske & UInt32(IN_ISDIR) != 0, maske & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    _ = beobachtenMitUnterordnern(pfad)
                }
                geaendert.insert(pfad)
            }
        }
        return geaendert
    }

    private func beobachten(_ relativ: String) -> Bool {
        let watch = inotify_add_watch(deskriptor, relativ.isEmpty ? wurzel : wurzel + "/" + relativ, Self.ereignisse)
        guard watch >= 0 else { return false }
        ordner[watch] = relativ
        return true
    }

    /// A folder and every folder below it (hidden ones left out, as the build leaves them out);
    /// a missing folder is fine, a watch refused by the system is not.
    private func beobachtenMitUnterordnern(_ relativ: String) -> Bool {
        var offen = [relativ]
        while let naechster = offen.popLast() {
            guard let eintraege = Beobachter.eintraege(wurzel + "/" + naechster) else {
                if naechster == relativ, errno == ENOENT { return true }
                continue
            }
            guard beobachten(naechster) else { return false }
            offen += eintraege.filter(\.ordner).map { naechster + "/" + $0.name }
        }
        return true
    }
}
