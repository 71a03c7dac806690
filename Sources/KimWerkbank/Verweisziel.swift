import KimLoad
import KimTabellen

/// An id a reference field may take, with the name shown for it in a select.
struct Verweisziel: Equatable {
    var id: String
    var name: String
}

/// Where a reference field takes its ids from, as the schema says it with the annotation
/// `"x-kim-verweis": "data/gremien.json#/gremien"`: the `id` of each item of that list, or its
/// `nummer` where the items are numbered rather than named (Sozialräume, `data/kommune.json#/sozialraeume`).
enum Verweisquelle {
    static func ziele(_ schema: Feldschema, lesen: (String) -> JSONWert?) -> [Verweisziel]? {
        guard let angabe = schema.verweisangabe else { return nil }
        let teile = angabe.split(separator: "#", maxSplits: 1).map(String.init)
        guard teile.count == 2, let zeiger = Zeiger.teile(teile[1]), let liste = lesen(teile[0])?.wert(zeiger[...]) else { return nil }
        return liste.listenelemente.compactMap { element in
            guard let id = (element.wert(["id"][...]) ?? element.wert(["nummer"][...]))?.alsText else { return nil }
            return Verweisziel(id: id, name: Formular.kurzname(element) ?? id)
        }
    }
}
