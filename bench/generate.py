#!/usr/bin/env python3
"""Synthetic kim projects of a given size, for `make bench`.

    python3 bench/generate.py --kommunen 54 --jahre 10 --out /tmp/kim-54x10

Copies templates/ (kapitel, texte, fassungen) and data/ of the reference project and then
scales the CONTENT: one kim project is one municipality, so "N municipalities ×
Y years" is one big project holding N municipalities' worth of Gremien, Sitzungen
(with Tagesordnungspunkte, Beschlüsse, Aufgaben, some of them not public),
Angebote, Träger and Meilensteine on top of the reference data (which stays, because
the chapter templates name its Gremien and figures).

Per synthetic municipality (defaults, tuned so that 54 × 10 gives about 20 000 HTML
pages; the Sitzung pages dominate):
  * 8 Gremien (as in the reference: Lenkungskreis, Facharbeitskreis, Projektgruppen,
    Integrationsrat, Arbeitsgemeinschaften), meeting 3 to 7 times a year each,
    about 36 Sitzungen a year in all, 4 to 8 TOPs each;
  * ~12 Träger and ~30 Angebote;
  * ~15 Meilensteine per year, referenced from Beschlüsse and TOPs.

Text is real German text from the reference data and chapters, split into sentences
and drawn with a fixed seed: the same arguments give byte-identical output.
The result passes `kim check`.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

REFERENZ = Path(__file__).resolve().parent.parent

# The 54 KIM municipalities are the Kreise and kreisfreie Städte of NRW; their names
# only label the synthetic content (ids use a running number).
KOMMUNEN = [
    "Aachen", "Bielefeld", "Bochum", "Bonn", "Bottrop", "Dortmund", "Duisburg", "Düsseldorf",
    "Essen", "Gelsenkirchen", "Hagen", "Hamm", "Herne", "Köln", "Krefeld", "Leverkusen",
    "Mönchengladbach", "Mülheim an der Ruhr", "Münster", "Remscheid", "Solingen", "Wuppertal",
    "Kreis Borken", "Kreis Coesfeld", "Kreis Düren", "Ennepe-Ruhr-Kreis", "Kreis Euskirchen",
    "Kreis Gütersloh", "Kreis Heinsberg", "Kreis Herford", "Hochsauerlandkreis", "Kreis Höxter",
    "Kreis Kleve", "Kreis Lippe", "Märkischer Kreis", "Kreis Mettmann", "Kreis Minden-Lübbecke",
    "Oberbergischer Kreis", "Kreis Olpe", "Kreis Paderborn", "Kreis Recklinghausen",
    "Rhein-Erft-Kreis", "Rhein-Kreis Neuss", "Rhein-Sieg-Kreis", "Rheinisch-Bergischer Kreis",
    "Kreis Siegen-Wittgenstein", "Kreis Soest", "Kreis Steinfurt", "Kreis Unna", "Kreis Viersen",
    "Kreis Warendorf", "Kreis Wesel", "Städteregion Aachen", "Kreis Kleve-Nord",
]

# (key, Art, name, kurzname, Sitzungen per year (min, max))
GREMIEN = [
    ("lk", "Lenkungskreis", "Lenkungskreis Kommunales Integrationsmanagement {k}", "Lenkungskreis KIM {k}", (3, 4)),
    ("fak", "Facharbeitskreis", "Facharbeitskreis Integration {k}", "Facharbeitskreis {k}", (4, 4)),
    ("pg-cm", "Projektgruppe", "Projektgruppe „Case-Management-Konzept“ {k}", "PG CM-Konzept {k}", (5, 6)),
    ("pg-eb", "Projektgruppe", "Projektgruppe „Einbürgerung“ {k}", "PG Einbürgerung {k}", (4, 5)),
    ("pg-ab", "Projektgruppe", "Projektgruppe „Arbeit und Ausbildung“ {k}", "PG Arbeit {k}", (4, 5)),
    ("ir", "Integrationsrat", "Integrationsrat {k}", "Integrationsrat {k}", (5, 5)),
    ("agw", "Arbeitsgemeinschaft", "Arbeitsgemeinschaft der Wohlfahrtsverbände {k}", "AG Wohlfahrt {k}", (3, 4)),
    ("cm", "Arbeitsgemeinschaft", "Teamsitzung KIM-Case-Management {k}", "CM-Team {k}", (5, 6)),
]

TRAEGER = [
    ("awo", "Arbeiterwohlfahrt", "Freie Wohlfahrtspflege"),
    ("caritas", "Caritasverband", "Freie Wohlfahrtspflege"),
    ("drk", "Deutsches Rotes Kreuz", "Freie Wohlfahrtspflege"),
    ("diakonie", "Diakonisches Werk", "Freie Wohlfahrtspflege"),
    ("paritaet", "Der Paritätische", "Freie Wohlfahrtspflege"),
    ("jobcenter", "Jobcenter", "Gemeinsame Einrichtung"),
    ("vhs", "Volkshochschule", "Stadtverwaltung"),
    ("stadt", "Kommunales Integrationszentrum", "Stadtverwaltung"),
    ("jmd", "Jugendmigrationsdienst", "Freie Wohlfahrtspflege"),
    ("mso", "Verbund der Migrantenselbstorganisationen", "Verein"),
    ("frauen", "Frauenberatungsstelle", "Verein"),
    ("ev-kirche", "Evangelischer Kirchenkreis", "Kirche"),
    ("kath-kirche", "Katholisches Bildungswerk", "Kirche"),
    ("agentur", "Agentur für Arbeit", "Bundesagentur"),
]

ORGANISATIONEN = [
    "Beigeordnete/r für Familie, Schule, Integration und Sport", "Kommunales Integrationszentrum",
    "Jugendamt", "Sozialamt", "Schulamt", "Gesundheitsamt", "Ausländerbehörde", "Einbürgerungsbehörde",
    "Gemeinsame Einrichtung Jobcenter", "Agentur für Arbeit", "Wirtschaftsförderung", "Integrationsrat",
    "Caritasverband", "Arbeiterwohlfahrt", "Diakonisches Werk", "Deutsches Rotes Kreuz", "Der Paritätische",
    "Volkshochschule", "Migrantenselbstorganisationen", "Flüchtlingsinitiative", "Gleichstellungsstelle",
    "Kommunales Bildungsbüro", "Jugendmigrationsdienst", "KIM-Case-Management",
]
ROLLEN = ["Vorsitz", "Geschäftsführung", "Protokoll", "Gast", "Moderation"]
ERGEBNISSE = ["Konsens", "einstimmig", "mehrheitlich", "vertagt", "abgelehnt", "zur Kenntnis genommen"]
ERGEBNIS_GEWICHTE = [40, 25, 10, 8, 2, 15]
SPRACHEN = ["Arabisch", "Englisch", "Französisch", "Kurdisch", "Persisch", "Polnisch", "Rumänisch", "Russisch",
            "Türkisch", "Ukrainisch", "Bulgarisch", "Tigrinya"]
STRASSEN = ["Hauptstraße", "Bahnhofstraße", "Marktplatz", "Kirchstraße", "Schulstraße", "Rathausplatz",
            "Gartenstraße", "Friedrichstraße", "Lindenallee", "Am Stadtgarten"]
MONATS_TAGE = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

MUSTACHE = re.compile(r"\{\{[^}]*\}\}")
FUSSNOTE = re.compile(r"\[\^[^\]]*\]")


def slug(text: str) -> str:
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


class Texte:
    """Sentences from the reference data and chapters, drawn with a fixed seed."""

    def __init__(self, referenz: Path, rng: random.Random):
        self.rng = rng
        saetze: set[str] = set()
        titel: set[str] = set()
        quellen = sorted(referenz.glob("data/*.json")) + sorted(referenz.glob("data/sitzungen/*.json"))
        for datei in quellen:
            for text in strings(json.loads(datei.read_text(encoding="utf-8"))):
                if text.startswith(("../", "http", "#")) or "@" in text:
                    continue
                self._saetze(text, saetze)
        for datei in sorted(referenz.glob("data/sitzungen/*.json")):
            for punkt in json.loads(datei.read_text(encoding="utf-8"))["tagesordnung"]:
                titel.add(punkt["titel"])
        for datei in sorted(referenz.glob("templates/kapitel/*.md")) + sorted(referenz.glob("templates/texte/*.md")):
            for zeile in datei.read_text(encoding="utf-8").splitlines():
                zeile = zeile.strip()
                if not zeile or zeile.startswith(("#", ":::", "|", "[^", "<", "-", "*", "{{")):
                    continue
                if "{{" in zeile:
                    continue
                self._saetze(FUSSNOTE.sub("", zeile).replace("\\*", "*"), saetze)
        self.saetze = sorted(saetze)
        self.kurz = sorted(s for s in self.saetze if 40 <= len(s) <= 140)
        self.titel = sorted(titel | {s.rstrip(".") for s in self.saetze if 20 <= len(s) <= 70})
        if not self.kurz or not self.titel:
            sys.exit("generate.py: keine Sätze in den Referenzdaten gefunden")

    @staticmethod
    def _saetze(text: str, ziel: set[str]):
        text = MUSTACHE.sub("", text)
        for satz in re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„])", text.replace("\n", " ")):
            satz = satz.strip()
            if len(satz) >= 25 and satz[-1] in ".!?" and "{" not in satz and "}" not in satz:
                ziel.add(satz)

    def satz(self) -> str:
        return self.rng.choice(self.kurz)

    def absatz(self, von: int, bis: int) -> str:
        return " ".join(self.rng.choice(self.saetze) for _ in range(self.rng.randint(von, bis)))

    def bericht(self) -> str:
        teile = [self.absatz(1, 4)]
        if self.rng.random() < 0.25:
            teile.append("\n".join(f"- {self.satz().rstrip('.')}," for _ in range(self.rng.randint(2, 4))))
            teile.append(self.absatz(1, 2))
        return "\n\n".join(teile)

    def titel_(self) -> str:
        return self.rng.choice(self.titel)


def datum(jahr: int, monat: int, tag: int) -> str:
    return f"{jahr:04d}-{monat:02d}-{min(tag, MONATS_TAGE[monat - 1]):02d}"


def iso(d: date) -> str:
    return d.isoformat()


def schreiben(pfad: Path, wert) -> None:
    pfad.parent.mkdir(parents=True, exist_ok=True)
    pfad.write_text(json.dumps(wert, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


class Generator:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.texte = Texte(REFERENZ, self.rng)
        self.out = Path(args.out)
        self.stand = "2022-08-30"

    # ---- project skeleton -------------------------------------------------
    def kopieren(self):
        if self.out.exists():
            if not (self.out / "data").is_dir() and any(self.out.iterdir()):
                sys.exit(f"generate.py: {self.out} existiert und ist kein kim-Projekt; bitte einen leeren Ordner angeben")
            shutil.rmtree(self.out)
        self.out.mkdir(parents=True)
        for ordner in ("templates", "data"):
            shutil.copytree(REFERENZ / ordner, self.out / ordner)

    def laden(self, name: str):
        return json.loads((self.out / "data" / name).read_text(encoding="utf-8"))

    # ---- content ----------------------------------------------------------
    def run(self):
        self.kopieren()
        gremien = self.laden("gremien.json")
        angebote = self.laden("angebote.json")
        meilensteinplan = self.laden("meilensteine.json")
        handlungsfelder = [f["id"] for f in meilensteinplan["handlungsfelder"]]
        kategorien = [k["id"] for k in angebote["kategorien"]]
        zielgruppen = [z["id"] for z in angebote["zielgruppen"]]
        sozialraeume = [s["nummer"] for s in self.laden("kommune.json")["sozialraeume"]]
        rechtskreise = sorted({r for a in angebote["angebote"] for r in a["rechtskreis"]})
        zaehler = {"sitzungen": 0, "tops": 0, "beschluesse": 0, "aufgaben": 0, "angebote": 0, "traeger": 0,
                   "meilensteine": 0, "gremien": 0}

        for nr in range(1, self.args.kommunen + 1):
            name = KOMMUNEN[(nr - 1) % len(KOMMUNEN)] + ("" if nr <= len(KOMMUNEN) else f" {nr // len(KOMMUNEN) + 1}")
            k = f"k{nr:02d}"
            rng = self.rng
            # Meilensteine: ~15 per year
            meilensteine_jahr: dict[int, list[str]] = {}
            for j in range(self.args.jahre):
                jahr = self.args.startjahr + j
                ids = []
                for i in range(1, rng.randint(13, 17) + 1):
                    mid = f"{k}-m{jahr}-{i:02d}"
                    ids.append(mid)
                    bq = rng.randint(1, 4)
                    beginn = datum(jahr, (bq - 1) * 3 + 1, 1)
                    eq = min(4, bq + rng.randint(0, 2))
                    ende = datum(jahr, eq * 3, 31)
                    m = {"id": mid, "titel": self.texte.titel_(), "baustein": rng.randint(1, 3),
                         "handlungsfeld": rng.choice(handlungsfelder), "beginn": beginn, "ende": ende,
                         "verantwortlich": f"Kommunales Integrationszentrum {name}",
                         "beteiligt": sorted(rng.sample(ORGANISATIONEN, rng.randint(1, 3)))}
                    if ende < self.stand:
                        if rng.random() < 0.8:
                            m["status"] = "erledigt"
                            m["erledigtAm"] = iso(date.fromisoformat(ende) - timedelta(days=rng.randint(0, 60)))
                        else:
                            m["status"] = "verschoben"
                    else:
                        m["status"] = rng.choice(["geplant", "laufend", "geplant", "verschoben"])
                    if rng.random() < 0.4:
                        m["bemerkung"] = self.texte.satz()
                    if rng.random() < 0.15:
                        m["entscheidungVerwaltungsvorstand"] = True
                    meilensteinplan["meilensteine"].append(m)
                    zaehler["meilensteine"] += 1
                meilensteine_jahr[jahr] = ids

            # Gremien
            eigene_gremien = []
            for key, art, gname, kurz, (lo, hi) in GREMIEN:
                gid = f"{k}-{key}"
                g = {"id": gid, "name": gname.format(k=name), "kurzname": kurz.format(k=name), "art": art,
                     "beschreibung": self.texte.absatz(1, 2),
                     "geschaeftsfuehrung": f"Kommunales Integrationszentrum {name}",
                     "aufgaben": [self.texte.satz() for _ in range(rng.randint(1, 4))],
                     "arbeitsweise": [self.texte.satz() for _ in range(rng.randint(0, 3))],
                     "sitzungenProJahr": hi,
                     "beschlussfassung": rng.choice(["Konsens", "einstimmig", "mehrheitlich"]),
                     "enthaltungenZulaessig": rng.random() < 0.7,
                     "mitglieder": [{"bezeichnung": o} for o in sorted(rng.sample(ORGANISATIONEN, rng.randint(4, 12)))],
                     "vertretungen": [] if key == "lk" else [{"gremium": f"{k}-lk", "anzahl": rng.randint(1, 2)}]}
                if g["mitglieder"]:
                    g["mitglieder"][0]["rolle"] = "Vorsitz"
                gremien["gremien"].append(g)
                eigene_gremien.append((gid, g, lo, hi))
                zaehler["gremien"] += 1

            # Träger and Angebote: ~12 Träger, ~30 Angebote
            traeger_ids = []
            for key, tname, tart in sorted(rng.sample(TRAEGER, rng.randint(10, 14))):
                tid = f"{k}-{key}"
                t = {"id": tid, "name": f"{tname} {name}", "art": tart}
                if rng.random() < 0.5:
                    t["web"] = f"https://www.{slug(tname)}-{slug(name)}.de"
                angebote["traeger"].append(t)
                traeger_ids.append(tid)
                zaehler["traeger"] += 1
            for i in range(1, rng.randint(27, 33) + 1):
                vorlage = rng.choice(angebote["angebote"][:27])
                a = {"id": f"{k}-angebot-{i:02d}", "name": vorlage["name"], "traeger": rng.choice(traeger_ids)}
                if rng.random() < 0.8:
                    a["kategorie"] = rng.choice(kategorien)
                a["zielgruppen"] = sorted(rng.sample(zielgruppen, rng.randint(1, 3)))
                a["rechtskreis"] = sorted(rng.sample(rechtskreise, rng.randint(1, 2)))
                a["sozialraeume"] = sorted(rng.sample(sozialraeume, rng.randint(0, 3)))
                if rng.random() < 0.6:
                    a["anschrift"] = {"strasse": f"{rng.choice(STRASSEN)} {rng.randint(1, 120)}",
                                      "plz": f"{rng.randint(32000, 59999):05d}", "ort": name}
                if rng.random() < 0.6:
                    a["kontakt"] = {"telefon": f"0{rng.randint(200, 999)} {rng.randint(100000, 999999)}",
                                    "email": f"beratung{i}@{slug(name)}.de"}
                a["sprachen"] = sorted(rng.sample(SPRACHEN, rng.randint(0, 4)))
                a["beschreibung"] = self.texte.absatz(1, 3)
                a["gremien"] = [f"{k}-fak"]
                angebote["angebote"].append(a)
                zaehler["angebote"] += 1

            # Sitzungen
            for gid, g, lo, hi in eigene_gremien:
                nummer = 0
                for j in range(self.args.jahre):
                    jahr = self.args.startjahr + j
                    anzahl = rng.randint(lo, hi)
                    for s in range(anzahl):
                        nummer += 1
                        monat = 1 + (s * 12) // anzahl + rng.randint(0, max(0, 12 // anzahl - 1))
                        tag = rng.randint(1, 28)
                        sid = f"{gid}-{jahr}-{s + 1}"
                        sitzung = self.sitzung(sid, gid, g, nummer, jahr, monat, tag, name, meilensteine_jahr[jahr], zaehler)
                        schreiben(self.out / "data" / "sitzungen" / f"{sid}.json", sitzung)
                        zaehler["sitzungen"] += 1

        schreiben(self.out / "data" / "gremien.json", gremien)
        schreiben(self.out / "data" / "angebote.json", angebote)
        schreiben(self.out / "data" / "meilensteine.json", meilensteinplan)
        (self.out / ".kim-bench.json").write_text(json.dumps({"kommunen": self.args.kommunen, "jahre": self.args.jahre,
                                                              "seed": self.args.seed, **zaehler}, indent=2) + "\n")
        return zaehler

    def sitzung(self, sid, gid, g, nummer, jahr, monat, tag, name, meilensteine, zaehler):
        rng = self.rng
        tagungsdatum = datum(jahr, monat, tag)
        beginn_h = rng.choice([9, 10, 13, 14, 15])
        teilnehmer = sorted(rng.sample(ORGANISATIONEN, rng.randint(6, 16)))
        teilnahme = []
        for i, org in enumerate(teilnehmer):
            t = {"organisation": org}
            if i == 0:
                t["rolle"] = "Vorsitz"
            elif rng.random() < 0.1:
                t["rolle"] = rng.choice(ROLLEN[1:])
            if rng.random() < 0.05:
                t["name"] = "Erika Mustermann"
                t["einwilligung"] = rng.random() < 0.5
            t["anwesend"] = rng.random() < 0.88
            teilnahme.append(t)
        oeffentlich = rng.random() >= 0.08
        tops = []
        for t in range(1, rng.randint(4, 8) + 1):
            zaehler["tops"] += 1
            punkt = {"nummer": str(t), "titel": self.texte.titel_(), "oeffentlich": rng.random() >= 0.1}
            if t == 1 and nummer > 1:
                punkt["titel"] = "Genehmigung der Niederschrift der vorigen Sitzung"
                punkt["bericht"] = "Die Niederschrift wird ohne Änderungen genehmigt."
                punkt.update({"beschluesse": [], "aufgaben": [], "meilensteine": []})
                tops.append(punkt)
                continue
            if rng.random() < 0.9:
                punkt["bericht"] = self.texte.bericht()
            betroffen = sorted(rng.sample(meilensteine, rng.randint(0, 2)))
            beschluesse = []
            for b in range(rng.randint(0, 2)):
                zaehler["beschluesse"] += 1
                beschluss = {"id": f"{sid}-b{t}-{b + 1}", "wortlaut": f"{g['kurzname']} beschließt: {self.texte.absatz(1, 2)}",
                             "ergebnis": rng.choices(ERGEBNISSE, ERGEBNIS_GEWICHTE)[0]}
                if rng.random() < 0.15:
                    beschluss["enthaltungen"] = rng.randint(1, 3)
                beschluss["meilensteine"] = betroffen[:rng.randint(0, len(betroffen))]
                beschluesse.append(beschluss)
            aufgaben = []
            for a in range(rng.choice([0, 0, 1, 1, 2])):
                zaehler["aufgaben"] += 1
                frist = date.fromisoformat(tagungsdatum) + timedelta(days=rng.randint(30, 180))
                aufgabe = {"id": f"{sid}-a{t}-{a + 1}", "was": self.texte.satz().rstrip("."),
                           "verantwortlich": rng.choice(ORGANISATIONEN), "frist": iso(frist)}
                if iso(frist) < self.stand and rng.random() < 0.85:
                    aufgabe["status"] = "erledigt"
                    aufgabe["erledigtAm"] = iso(frist - timedelta(days=rng.randint(0, 25)))
                else:
                    aufgabe["status"] = "offen"
                if rng.random() < 0.1:
                    aufgabe["entscheidungVerwaltungsvorstand"] = True
                aufgaben.append(aufgabe)
            punkt.update({"beschluesse": beschluesse, "aufgaben": aufgaben, "meilensteine": betroffen})
            tops.append(punkt)
        sitzung = {"$schema": "../../schemas/sitzung.schema.json", "stand": self.stand,
                   "quelle": f"Niederschrift der Sitzung vom {tagungsdatum[8:10]}.{tagungsdatum[5:7]}.{jahr}; synthetische Benchmarkdaten ({name})",
                   "beispieldaten": True, "id": sid, "gremium": gid, "nummer": nummer, "datum": tagungsdatum,
                   "beginn": f"{beginn_h:02d}:00", "ende": f"{beginn_h + rng.randint(1, 3):02d}:{rng.choice(['00', '30'])}",
                   "ort": rng.choice([f"Rathaus {name}", f"Kommunales Integrationszentrum {name}", "Videokonferenz"]),
                   "oeffentlich": oeffentlich, "teilnahme": teilnahme}
        if nummer > 1:
            sitzung["niederschriftGenehmigt"] = True
        sitzung["tagesordnung"] = tops
        return sitzung


def main(argv=None):
    parser = argparse.ArgumentParser(description="Synthetisches kim-Projekt erzeugen (für make bench).")
    parser.add_argument("--kommunen", type=int, required=True, help="Anzahl der Kommunen (Inhalt je Kommune)")
    parser.add_argument("--jahre", type=int, required=True, help="Jahre mit Sitzungen und Meilensteinen")
    parser.add_argument("--out", required=True, help="Zielordner (wird ersetzt, wenn er ein kim-Projekt ist)")
    parser.add_argument("--startjahr", type=int, default=2021)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    if args.kommunen < 0 or args.jahre < 1:
        parser.error("--kommunen ≥ 0 und --jahre ≥ 1")
    zaehler = Generator(args).run()
    print(f"{args.out}: " + ", ".join(f"{v} {k}" for k, v in zaehler.items()))


if __name__ == "__main__":
    main()
