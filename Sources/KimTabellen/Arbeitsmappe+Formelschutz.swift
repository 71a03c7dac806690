import KimModel

extension Arbeitsmappe {
    /// Every text cell protected, for writing.
    public var geschuetzt: Arbeitsmappe { umgeschrieben(Formelschutz.geschuetzt) }

    /// Every text cell as it was before `geschuetzt`, after reading.
    public var entschuetzt: Arbeitsmappe { umgeschrieben(Formelschutz.entschuetzt) }

    private func umgeschrieben(_ aendern: (String) -> String) -> Arbeitsmappe {
        var mappe = self
        for b in mappe.blaetter.indices {
            for z in mappe.blaetter[b].zeilen.indices {
                for s in mappe.blaetter[b].zeilen[z].indices {
                    if case .text(let text) = mappe.blaetter[b].zeilen[z][s] {
                        mappe.blaetter[b].zeilen[z][s] = .text(aendern(text))
                    }
                }
            }
        }
        return mappe
    }
}
