#if canImport(Glibc)
import Glibc
#endif

/// What a failed system call means, in the author's words: "Fehler 36" or English `strerror`
/// text tell a Kommune nothing.
public enum Systemfehler {
    public static func beschreibung(_ nummer: Int32) -> String {
        switch nummer {
        case ENOENT: return "gibt es nicht"
        case EACCES, EPERM: return "keine Berechtigung"
        case EROFS: return "das Dateisystem ist schreibgeschützt"
        case ENOSPC, EDQUOT: return "kein Platz mehr auf dem Datenträger"
        case ENAMETOOLONG: return "der Dateiname ist zu lang"
        case ELOOP: return "symbolische Verweise im Kreis"
        case EISDIR: return "ist ein Ordner"
        case ENOTDIR: return "ein Teil des Pfads ist kein Ordner"
        case EEXIST: return "gibt es schon"
        case ENOTEMPTY: return "der Ordner ist nicht leer"
        case EBUSY: return "wird gerade benutzt"
        case EMFILE, ENFILE: return "zu viele offene Dateien"
        case EIO: return "Lese- oder Schreibfehler des Datenträgers"
        case EXDEV: return "liegt auf einem anderen Datenträger"
        case ENOMEM: return "zu wenig Arbeitsspeicher"
        default: return "Systemfehler Nr. \(nummer)"
        }
    }
}

#if canImport(Foundation)
import Foundation

extension Systemfehler {
    /// A Foundation error in German: its POSIX cause where there is one, never Foundation's English text.
    public static func beschreibung(_ fehler: any Error) -> String {
        if let posix = fehler as? POSIXError { return beschreibung(posix.code.rawValue) }
        let ns = fehler as NSError
        if let darunter = ns.userInfo[NSUnderlyingErrorKey] as? NSError, darunter.domain == NSPOSIXErrorDomain {
            return beschreibung(Int32(darunter.code))
        }
        if ns.domain == NSPOSIXErrorDomain { return beschreibung(Int32(ns.code)) }
        if let cocoa = fehler as? CocoaError {
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: return beschreibung(ENOENT)
            case .fileReadNoPermission, .fileWriteNoPermission: return beschreibung(EACCES)
            case .fileWriteVolumeReadOnly: return beschreibung(EROFS)
            case .fileWriteOutOfSpace: return beschreibung(ENOSPC)
            case .fileWriteFileExists: return beschreibung(EEXIST)
            case .fileWriteInvalidFileName: return beschreibung(ENAMETOOLONG)
            default: break
            }
        }
        return "Systemfehler (\(ns.domain) \(ns.code))"
    }
}
#endif
