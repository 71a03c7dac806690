// libFuzzer target over the spreadsheet readers (KimTabellen): the same bytes as an .xlsx, an .ods
// and a .csv, as `kim import` reads them. Built and run by scripts/fuzz.sh (make fuzz).
//
// What must hold for any input:
//  - each reader returns a workbook or its own error, never crashes, hangs or grows without bound
//    (the readers' limits on cells and unpacked size);
//  - for every text cell read, the formula guard and its reverse are exact inverses, and the
//    guarded text never starts like a formula;
//  - a workbook that was read can be written again as xlsx and ods.
import KimModel
import KimTabellen

let formelzeichen: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

func pruefen(_ mappe: Arbeitsmappe, _ format: String, _ bytes: [UInt8]) {
    var zellen = 0
    for blatt in mappe.blaetter {
        for zeile in blatt.zeilen {
            zellen += zeile.count
            for case .text(let text) in zeile {
                let geschuetzt = Formelschutz.geschuetzt(text)
                guard Formelschutz.entschuetzt(geschuetzt) == text else {
                    fatalError("\(format): Formelschutz nicht umkehrbar für \(text.debugDescription)")
                }
                if let erstes = geschuetzt.utf8.first, formelzeichen.contains(erstes) {
                    fatalError("\(format): geschützter Text beginnt wie eine Formel: \(geschuetzt.debugDescription)")
                }
            }
        }
    }
    // The readers stop at 100 000 rows by 1 000 columns a sheet (Zellensammlung).
    guard zellen <= 100_000_000 * max(mappe.blaetter.count, 1) else {
        fatalError("\(format): \(zellen) Zellen, mehr als die Grenze")
    }
    _ = try? XLSXSchreiber.schreiben(mappe.geschuetzt)
    _ = try? ODSSchreiber.schreiben(mappe.geschuetzt)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let mappe = try? XLSXLeser.lesen(bytes) { pruefen(mappe, "xlsx", bytes) }
    if let mappe = try? ODSLeser.lesen(bytes) { pruefen(mappe, "ods", bytes) }
    if let (blatt, _) = try? CSVDatei.lesen(bytes, blatt: "Angebote") { pruefen(Arbeitsmappe(blaetter: [blatt]), "csv", bytes) }
    return 0
}
