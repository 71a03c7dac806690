import KimModel

extension Vorschauserver {
    /// Watches the project until cancelled: each edit goes to the preview (a Sitzung's page at once
    /// where it can), then one build at a time runs while watching goes on, so a Sitzung edited
    /// during a long build shows at once too.
    static func beobachten(_ beobachter: Beobachter, _ vorschau: Vorschau, _ protokoll: @escaping @Sendable (String) -> Void) async {
        let melder = Aenderungsmelder(projekt: beobachter.projekt.path, ordner: Beobachter.ordner)
        var letzter = melder == nil ? beobachter.fingerabdruck() : [:]
        while !Task.isCancelled {
            let geaendert: Set<String>
            if let melder {
                try? await Task.sleep(for: .milliseconds(10))
                // Lost events: nobody knows what changed, so no quick path, a full build.
                geaendert = melder.lesen() ?? ["data"]
            } else {
                try? await Task.sleep(for: .milliseconds(100))
                let aktuell = beobachter.fingerabdruck()
                geaendert = beobachter.geaendert(von: letzter, zu: aktuell)
                letzter = aktuell
            }
            guard !geaendert.isEmpty else { continue }
            if let vorab = await vorschau.aenderung(geaendert) {
                protokoll("Sitzung vorab neu dargestellt in \(millisekunden(vorab)) ms")
            }
            Task {
                await vorschau.bauenSolangeAusstehend { befunde, dauer in
                    protokoll("Neu gebaut in \(millisekunden(dauer)) ms")
                    melden(befunde, protokoll)
                }
            }
        }
    }
}
