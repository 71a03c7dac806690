#!/usr/bin/env python3
"""An equivalent Hugo site for a kim project, for the comparison in `make bench`.

    python3 bench/hugo_site.py --project /tmp/kim-54x10 --out /tmp/hugo-54x10
    cd /tmp/hugo-54x10 && hugo --quiet

Writes one Markdown page per page that `kim build` makes, from the same data:

  * a page per Sitzung (front matter: the meeting and its agenda as data; body: every
    public TOP with its Bericht, Beschlüsse and Aufgaben as Markdown; non-public TOPs
    reduced to "nicht öffentlich", like kim's public filter),
  * a page per Gremium and per Träger, the chapters of every Fassung of the
    Handlungskonzept (the chapter templates with their Mustache tags removed), the text
    pages (Impressum, Datenschutz, …),
  * the overview pages kim has (Start, Zahlen, Gremien, Quellen, Beschlussregister,
    Aufgabenliste, Anlage 1 by Kategorie / Zielgruppe / Sozialraum, Anlage 2, Fassungen),
    made by layouts that range over the data, as kim's templates do;

and the project's data/*.json as Hugo data files (site.Data). The layouts are minimal
but do the same kind of work as kim's templates: the same navigation and breadcrumbs on
every page, Markdown rendering, lists filtered by Gremium / Träger / Zielgruppe, German
dates, statuses as of the Stichtag. Output uses ugly URLs, so paths match kim's
(sitzungen/ID.html, gremien/ID.html, anlage-1/traeger/ID.html, …).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

VORGABEN = Path(__file__).resolve().parent.parent / "Sources" / "KimVorgaben" / "Vorgaben"

MUSTACHE = re.compile(r"\{\{\{?[^}]*\}\}\}?")
MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md(text: str) -> str:
    """Plain text for a Markdown body: escape what Markdown would read as markup."""
    return MD_SPECIAL.sub(r"\\\1", text)


def page(path: Path, front: dict, body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # JSON front matter: Hugo reads a file that starts with "{" as JSON front matter.
    path.write_text(json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + body, encoding="utf-8")


def de(datum: str) -> str:
    return f"{datum[8:10]}.{datum[5:7]}.{datum[0:4]}"


def chapter_markdown(text: str) -> str:
    lines = []
    for line in MUSTACHE.sub("", text).splitlines():
        if line.startswith(":::"):
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


CONFIG = """baseURL = "https://kim.example.org/"
languageCode = "de"
defaultContentLanguage = "de"
title = "Kommunales Integrationsmanagement"
uglyURLs = true
buildFuture = true
disableKinds = ["taxonomy", "term"]
enableRobotsTXT = false
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML"]
  page = ["HTML"]
[services.rss]
  limit = -1
[markup.goldmark.renderer]
  unsafe = false
[params]
  stichtag = "%(stichtag)s"
"""

BASEOF = """<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{{ .Params.beschreibung }}">
<title>{{ .Title }}{{ if not .IsHome }} – KIM {{ site.Data.kommune.name }}{{ end }}</title>
<link rel="stylesheet" href="{{ "assets/kim.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
<header class="kopf"><div class="kopf__innen">
<a class="marke" href="{{ "index.html" | relURL }}"><span class="marke__kommune">{{ site.Data.kommune.bezeichnung }}</span> <span class="marke__titel">Kommunales Integrationsmanagement</span></a>
<nav class="hauptnavigation" aria-label="Hauptnavigation"><ul>
{{ $bereich := .Params.bereich }}
{{ range site.Params.navigation }}<li><a href="{{ .pfad | relURL }}"{{ if eq .id $bereich }} aria-current="page"{{ end }}>{{ .titel }}</a></li>
{{ end }}</ul></nav>
</div></header>
<main id="inhalt" class="inhalt" tabindex="-1">
{{ if not .IsHome }}<nav class="brotkrumen" aria-label="Brotkrumen"><ol>
<li><a href="{{ "index.html" | relURL }}">Start</a></li>
{{ range .Params.brotkrumen }}<li><a href="{{ .pfad | relURL }}">{{ .titel }}</a></li>{{ end }}
<li><span aria-current="page">{{ .Title }}</span></li>
</ol></nav>{{ end }}
{{ block "main" . }}{{ end }}
</main>
<footer class="fuss"><div class="fuss__innen">
<p class="fuss__absender">{{ site.Data.kommune.bezeichnung }} · {{ site.Data.kommune.ki.name }} (Bereich {{ site.Data.kommune.ki.bereich }}) · {{ site.Data.kommune.ki.anschrift.strasse }}, {{ site.Data.kommune.ki.anschrift.plz }} {{ site.Data.kommune.ki.anschrift.ort }}</p>
<nav aria-label="Rechtliches"><ul class="fuss__links">
<li><a href="{{ "impressum.html" | relURL }}">Impressum</a></li><li><a href="{{ "datenschutz.html" | relURL }}">Datenschutz</a></li>
<li><a href="{{ "barrierefreiheit.html" | relURL }}">Barrierefreiheit</a></li><li><a href="{{ "leichte-sprache.html" | relURL }}">Leichte Sprache</a></li>
</ul></nav>
</div></footer>
</body>
</html>
"""

SINGLE = """{{ define "main" }}<header class="seitenkopf"><h1>{{ .Title }}</h1></header>
<div class="fliesstext">{{ .Content }}</div>{{ end }}
"""

LIST = SINGLE

SITZUNG = """{{ define "main" }}
<header class="seitenkopf">
<p class="seitenkopf__ueber"><a href="{{ printf "gremien/%s.html" .Params.gremium | relURL }}">{{ .Params.gremiumName }}</a> · Niederschrift</p>
<h1>{{ .Params.nummer }}. Sitzung am {{ time.Format "02.01.2006" .Params.datum }}</h1>
</header>
<div class="fliesstext">
{{ if .Params.beispieldaten }}<aside class="hinweis hinweis--beispiel" role="note"><p><strong>Beispieldaten:</strong> Diese Niederschrift ist zur Veranschaulichung erstellt.</p></aside>{{ end }}
<dl class="angaben"><dt>Datum und Zeit</dt><dd>{{ time.Format "02.01.2006" .Params.datum }}, {{ .Params.beginn }} bis {{ .Params.ende }} Uhr</dd>
<dt>Ort</dt><dd>{{ .Params.ort }}</dd>
{{ if .Params.niederschriftGenehmigt }}<dt>Niederschrift der vorigen Sitzung</dt><dd>genehmigt</dd>{{ end }}</dl>
<h2 id="teilnahme">Teilnahme</h2>
<ul>{{ range where .Params.teilnahme "anwesend" true }}<li>{{ .organisation }}{{ with .rolle }} ({{ . }}){{ end }}{{ if .einwilligung }}{{ with .name }}: {{ . }}{{ end }}{{ end }}</li>
{{ end }}</ul>
{{ with where .Params.teilnahme "anwesend" false }}<p>Entschuldigt: {{ range $i, $t := . }}{{ if $i }}, {{ end }}{{ $t.organisation }}{{ end }}</p>{{ end }}
<h2 id="tagesordnung">Tagesordnung</h2>
<ol class="tagesordnung">{{ range .Params.tagesordnung }}<li><a href="#top-{{ .nummer }}">TOP {{ .nummer }}: {{ .titel }}</a></li>
{{ end }}</ol>
{{ .Content }}
</div>
{{ end }}
"""

GREMIUM = """{{ define "main" }}
{{ $id := .Params.id }}
{{ $g := index (where site.Data.gremien.gremien "id" $id) 0 }}
<header class="seitenkopf"><p class="seitenkopf__ueber">Gremium · {{ $g.art }}</p><h1>{{ $g.name }}</h1></header>
<div class="fliesstext">
{{ $g.beschreibung | markdownify }}
<dl class="angaben">{{ with $g.geschaeftsfuehrung }}<dt>Geschäftsführung</dt><dd>{{ . }}</dd>{{ end }}
{{ with $g.sitzungenProJahr }}<dt>Sitzungen</dt><dd>grundsätzlich {{ . }}-mal im Jahr</dd>{{ end }}
{{ with $g.beschlussfassung }}<dt>Beschlüsse</dt><dd>im {{ . }}{{ if $g.enthaltungenZulaessig }}; Stimmenthaltungen sind zulässig{{ end }}</dd>{{ end }}
{{ range $g.vertretungen }}<dt>Vertretung</dt><dd>{{ .anzahl }} im {{ .gremium }}</dd>{{ end }}</dl>
{{ with $g.aufgaben }}<h2 id="aufgaben">Aufgaben</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ with $g.arbeitsweise }}<h2 id="arbeitsweise">Arbeitsweise</h2><ul>{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
{{ with $g.mitglieder }}<h2 id="mitglieder">Mitglieder</h2><ul>{{ range . }}<li>{{ .bezeichnung }}{{ with .rolle }} ({{ . }}){{ end }}{{ with .angebote }}<ul>{{ range . }}<li>{{ .name }}</li>{{ end }}</ul>{{ end }}</li>{{ end }}</ul>{{ end }}
<h2 id="sitzungen">Sitzungen</h2>
{{ $sitzungen := index (partialCached "sitzungen-nach-gremium.html" "alle") $id }}
{{ with $sitzungen }}<ul>{{ range .ByDate }}<li><a href="{{ .RelPermalink }}">{{ .Params.nummer }}. Sitzung am {{ time.Format "02.01.2006" .Params.datum }}</a></li>
{{ end }}</ul>{{ else }}<p>Für dieses Gremium sind keine Sitzungen veröffentlicht.</p>{{ end }}
</div>
{{ end }}
"""

GREMIEN_LIST = """{{ define "main" }}
<header class="seitenkopf"><p class="seitenkopf__ueber">{{ site.Data.kommune.bezeichnung }}</p><h1>Gremien</h1></header>
<div class="fliesstext">
<ul><li><a href="{{ "beschluesse.html" | relURL }}">Beschlussregister</a></li><li><a href="{{ "aufgaben.html" | relURL }}">Aufgabenliste</a></li></ul>
{{ range site.Data.gremien.gremien }}
<section class="gremium" aria-labelledby="gremium-{{ .id }}"><h2 id="gremium-{{ .id }}"><a href="{{ printf "gremien/%s.html" .id | relURL }}">{{ .name }}</a></h2>
<p>{{ .beschreibung }}</p>
<dl class="angaben"><dt>Art</dt><dd>{{ .art }}</dd>{{ with .geschaeftsfuehrung }}<dt>Geschäftsführung</dt><dd>{{ . }}</dd>{{ end }}
{{ with .sitzungenProJahr }}<dt>Sitzungen</dt><dd>grundsätzlich {{ . }}-mal im Jahr</dd>{{ end }}</dl></section>
{{ end }}
</div>
{{ end }}
"""

TRAEGER = """{{ define "main" }}
{{ $id := .Params.id }}
{{ $t := index (where site.Data.angebote.traeger "id" $id) 0 }}
<header class="seitenkopf"><p class="seitenkopf__ueber">Träger in Anlage 1 · {{ $t.art }}</p><h1>{{ $t.name }}</h1></header>
<div class="fliesstext">
<dl class="angaben"><dt>Art</dt><dd>{{ $t.art }}</dd>{{ with $t.web }}<dt>Website</dt><dd><a href="{{ . }}">{{ . }}</a></dd>{{ end }}</dl>
{{ with where site.Data.angebote.traeger "dachverband" $id }}<h2 id="mitglieder">Mitgliedsorganisationen</h2><ul>{{ range . }}<li><a href="{{ printf "anlage-1/traeger/%s.html" .id | relURL }}">{{ .name }}</a></li>{{ end }}</ul>{{ end }}
<h2 id="angebote">Angebote</h2>
{{ range where site.Data.angebote.angebote "traeger" $id }}{{ partial "angebot.html" . }}{{ else }}<p>In der Übersicht ist kein eigenes Angebot verzeichnet.</p>{{ end }}
</div>
{{ end }}
"""

ANGEBOT_PARTIAL = """<article class="angebot" id="{{ .id }}"><h3>{{ .name }}</h3>
<dl class="angaben">{{ with .kategorie }}<dt>Kategorie</dt><dd>{{ . }}</dd>{{ end }}
<dt>Rechtskreis</dt><dd>{{ delimit .rechtskreis ", " }}</dd>
<dt>Sozialräume</dt><dd>{{ with .sozialraeume }}{{ delimit . ", " }}{{ else }}stadtweit oder ohne Angabe{{ end }}</dd>
{{ with .sprachen }}<dt>Sprachen</dt><dd>{{ delimit . ", " }}</dd>{{ end }}
{{ with .anschrift }}<dt>Anschrift</dt><dd>{{ .strasse }}, {{ .plz }} {{ .ort }}</dd>{{ end }}
{{ with .kontakt }}{{ with .telefon }}<dt>Telefon</dt><dd>{{ . }}</dd>{{ end }}{{ with .email }}<dt>E-Mail</dt><dd>{{ . }}</dd>{{ end }}{{ end }}</dl>
{{ with .beschreibung }}{{ . | markdownify }}{{ end }}</article>
"""

ANGEBOTE = """{{ define "main" }}
<header class="seitenkopf"><h1>{{ .Title }}</h1></header>
<div class="fliesstext"><p>{{ site.Data.angebote.hinweis }}</p>
{{ $alle := sort site.Data.angebote.angebote "name" }}
{{ range site.Data.angebote.kategorien }}<section><h2 id="{{ .id }}">{{ .name }}</h2><p>{{ .beschreibung }}</p>
{{ range where $alle "kategorie" .id }}{{ partial "angebot.html" . }}{{ end }}</section>{{ end }}
</div>
{{ end }}
"""

ANGEBOTE_ZIELGRUPPEN = """{{ define "main" }}
<header class="seitenkopf"><h1>{{ .Title }}</h1></header>
<div class="fliesstext">
{{ $alle := sort site.Data.angebote.angebote "name" }}
{{ range site.Data.angebote.zielgruppen }}<section><h2 id="{{ .id }}">{{ .name }}</h2>
{{ range where $alle "zielgruppen" "intersect" (slice .id) }}{{ partial "angebot.html" . }}{{ end }}</section>{{ end }}
</div>
{{ end }}
"""

ANGEBOTE_SOZIALRAEUME = """{{ define "main" }}
<header class="seitenkopf"><h1>{{ .Title }}</h1></header>
<div class="fliesstext">
{{ $alle := sort site.Data.angebote.angebote "name" }}
<section><h2 id="stadtweit">Stadtweit oder ohne Angabe</h2>{{ range $alle }}{{ if not .sozialraeume }}{{ partial "angebot.html" . }}{{ end }}{{ end }}</section>
{{ range site.Data.kommune.sozialraeume }}<section><h2 id="sozialraum-{{ .nummer }}">{{ .nummer }} {{ .name }}</h2>
{{ range where $alle "sozialraeume" "intersect" (slice .nummer) }}{{ partial "angebot.html" . }}{{ end }}</section>{{ end }}
</div>
{{ end }}
"""

MEILENSTEINE = """{{ define "main" }}
<header class="seitenkopf"><h1>{{ .Title }}</h1></header>
<div class="fliesstext">
{{ $stichtag := site.Params.stichtag }}
{{ $zu := newScratch }}
{{ range where site.RegularPages "Section" "sitzungen" }}{{ $s := . }}{{ range .Params.tagesordnung }}{{ range .beschluesse }}{{ range .meilensteine }}{{ $zu.Add . (slice (dict "id" $s.File.BaseFileName "datum" $s.Params.datum "href" $s.RelPermalink)) }}{{ end }}{{ end }}{{ end }}{{ end }}
<table><thead><tr><th>Meilenstein</th><th>Baustein</th><th>Zeitraum</th><th>Verantwortlich</th><th>Status</th><th>Beschlüsse</th></tr></thead><tbody>
{{ range sort site.Data.meilensteine.meilensteine "beginn" }}
{{ $status := .status }}{{ if and (ne .status "erledigt") (lt .ende $stichtag) }}{{ $status = "überfällig" }}{{ end }}
<tr id="{{ .id }}"><td>{{ .titel }}</td><td>{{ .baustein }}</td><td>{{ time.Format "02.01.2006" .beginn }} bis {{ time.Format "02.01.2006" .ende }}</td><td>{{ .verantwortlich }}</td><td class="status status--{{ $status }}">{{ $status }}</td>
<td>{{ range $zu.Get .id }}<a href="{{ .href }}">Beschluss vom {{ time.Format "02.01.2006" .datum }}</a> {{ end }}</td></tr>
{{ end }}</tbody></table>
</div>
{{ end }}
"""

BESCHLUESSE = """{{ define "main" }}
<header class="seitenkopf"><h1>Beschlussregister</h1></header>
<div class="fliesstext">
{{ $titel := newScratch }}{{ range site.Data.meilensteine.meilensteine }}{{ $titel.Set .id .titel }}{{ end }}
{{ $nachGremium := partialCached "sitzungen-nach-gremium.html" "alle" }}
{{ range $g := site.Data.gremien.gremien }}
{{ $eigene := index $nachGremium $g.id }}
{{ if $eigene }}<section><h2 id="register-{{ $g.id }}">{{ $g.name }}</h2>
{{ range $eigene.GroupByDate "2006" }}<h3>{{ .Key }}</h3><ul class="register">
{{ range .Pages }}{{ $s := . }}{{ range .Params.tagesordnung }}{{ $top := . }}{{ range .beschluesse }}
<li><a href="{{ $s.RelPermalink }}#{{ .id }}">{{ time.Format "02.01.2006" $s.Params.datum }}, TOP {{ $top.nummer }}: {{ $top.titel }}</a><br>{{ .wortlaut }} <span class="klein">({{ .ergebnis }}){{ range .meilensteine }} · <a href="{{ printf "anlage-2/index.html#%s" . | relURL }}">{{ $titel.Get . }}</a>{{ end }}</span></li>
{{ end }}{{ end }}{{ end }}</ul>{{ end }}</section>{{ end }}
{{ end }}
</div>
{{ end }}
"""

AUFGABEN = """{{ define "main" }}
<header class="seitenkopf"><h1>Aufgabenliste</h1></header>
<div class="fliesstext">
{{ $stichtag := site.Params.stichtag }}
{{ $gruppen := newScratch }}
{{ range where site.RegularPages "Section" "sitzungen" }}{{ $s := . }}{{ range .Params.tagesordnung }}{{ range .aufgaben }}
{{ $status := "offen" }}{{ if and (eq .status "erledigt") (le (.erledigtAm | default .frist) $stichtag) }}{{ $status = "erledigt" }}{{ else if lt .frist $stichtag }}{{ $status = "ueberfaellig" }}{{ end }}
{{ $gruppen.Add $status (slice (dict "id" .id "was" .was "verantwortlich" .verantwortlich "frist" .frist "href" $s.RelPermalink "sitzung" $s.Title)) }}
{{ end }}{{ end }}{{ end }}
{{ range slice (slice "ueberfaellig" "Überfällig") (slice "offen" "Offen") (slice "erledigt" "Erledigt") }}
{{ $auswahl := sort ($gruppen.Get (index . 0) | default slice) "frist" }}
<section><h2 id="{{ index . 0 }}">{{ index . 1 }} ({{ len $auswahl }})</h2><ul class="register">
{{ range $auswahl }}<li><a href="{{ .href }}#{{ .id }}">{{ .was }}</a><br><span class="klein">verantwortlich: {{ .verantwortlich }} · Frist: {{ time.Format "02.01.2006" .frist }} · aus: {{ .sitzung }}</span></li>
{{ end }}</ul></section>{{ end }}
</div>
{{ end }}
"""

ZAHLEN = """{{ define "main" }}
<header class="seitenkopf"><h1>{{ .Title }}</h1></header>
<div class="fliesstext">
{{ range site.Data.demografie.tabellen }}<h2>{{ .titel }}</h2><table><tbody>
{{ range .zeilen }}<tr><td>{{ .sozialraum }}</td><td>{{ lang.FormatNumber 0 .insgesamt }}</td><td>{{ lang.FormatNumber 0 .mitEinwanderungsgeschichte }}</td><td>{{ lang.FormatNumber 1 (mul 100.0 (div (float .mitEinwanderungsgeschichte) .insgesamt)) }} %</td></tr>{{ end }}
</tbody></table>{{ end }}
</div>
{{ end }}
"""

QUELLEN = """{{ define "main" }}
<header class="seitenkopf"><h1>{{ .Title }}</h1></header>
<div class="fliesstext"><ul>{{ range sort site.Data.quellen.quellen "autoren" }}<li>{{ .autoren }}{{ with .jahr }} {{ . }}{{ end }}: {{ .titel }}</li>{{ end }}</ul></div>
{{ end }}
"""

HOME = """{{ define "main" }}
<header class="seitenkopf"><h1>{{ .Title }}</h1></header>
<div class="fliesstext">{{ .Content }}
<h2>Neue Niederschriften</h2><ul>{{ range first 5 (where site.RegularPages "Section" "sitzungen").ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</div>
{{ end }}
"""

# The Sitzungen of each Gremium, grouped once for the whole build (partialCached), as a
# Hugo site of this size would do it; filtering all pages per Gremium page is quadratic.
NACH_GREMIUM = """{{ $s := newScratch }}
{{ range (where site.RegularPages "Section" "sitzungen").GroupByParam "gremium" }}{{ $s.Set .Key .Pages }}{{ end }}
{{ return $s.Values }}
"""

NAVIGATION = [
    {"id": "handlungskonzept", "titel": "Handlungskonzept", "pfad": "handlungskonzept/index.html"},
    {"id": "zahlen", "titel": "Zahlen", "pfad": "zahlen.html"},
    {"id": "angebote", "titel": "Angebote", "pfad": "anlage-1/index.html"},
    {"id": "meilensteine", "titel": "Meilensteine", "pfad": "anlage-2/index.html"},
    {"id": "gremien", "titel": "Gremien", "pfad": "gremien.html"},
    {"id": "quellen", "titel": "Quellen", "pfad": "quellen.html"},
]


def sitzung_page(content: Path, s: dict, gremien: dict) -> None:
    g = gremien.get(s["gremium"], {})
    oeffentlich = s["oeffentlich"]
    tops_front = []
    body = []
    for punkt in s["tagesordnung"]:
        sichtbar = oeffentlich and punkt["oeffentlich"]
        titel = punkt["titel"] if sichtbar else "nicht öffentlich"
        eintrag = {"nummer": punkt["nummer"], "titel": titel,
                   "beschluesse": punkt["beschluesse"] if sichtbar else [],
                   "aufgaben": punkt["aufgaben"] if sichtbar else []}
        tops_front.append(eintrag)
        body.append(f"## TOP {punkt['nummer']}: {md(titel)} {{#top-{punkt['nummer']}}}\n")
        if not sichtbar:
            body.append("Dieser Tagesordnungspunkt wurde nicht öffentlich beraten.\n")
            continue
        if "bericht" in punkt:
            body.append(punkt["bericht"] + "\n")
        for b in punkt["beschluesse"]:
            body.append(f"### Beschluss {{#{b['id']}}}\n\n{md(b['wortlaut'])}\n")
            ergebnis = f"Ergebnis: {b['ergebnis']}"
            if "enthaltungen" in b:
                ergebnis += f", {b['enthaltungen']} Enthaltung" + ("" if b["enthaltungen"] == 1 else "en")
            for m in b["meilensteine"]:
                ergebnis += f" · betrifft [{md(m)}](../anlage-2/index.html#{m})"
            body.append(ergebnis + "\n")
        if punkt["aufgaben"]:
            body.append("### Aufgaben\n")
            for a in punkt["aufgaben"]:
                zeile = f"- {md(a['was'])} – verantwortlich: {md(a['verantwortlich'])}, Frist: {de(a['frist'])}, {a['status']}"
                if "erledigtAm" in a:
                    zeile += f" am {de(a['erledigtAm'])}"
                body.append(zeile)
            body.append("")
        if punkt["meilensteine"]:
            body.append("Meilensteine: " + ", ".join(f"[{md(m)}](../anlage-2/index.html#{m})" for m in punkt["meilensteine"]) + "\n")
    teilnahme = [{k: v for k, v in t.items() if k != "name" or t.get("einwilligung")} for t in s["teilnahme"]]
    kurz = g.get("kurzname", s["gremium"])
    front = {"title": f"{s['nummer']}. Sitzung {kurz} am {de(s['datum'])}",
             "beschreibung": f"Niederschrift der {s['nummer']}. Sitzung {g.get('name', s['gremium'])} vom {de(s['datum'])}.",
             "date": s["datum"], "datum": s["datum"], "gremium": s["gremium"], "gremiumName": g.get("name", s["gremium"]),
             "nummer": s["nummer"], "beginn": s["beginn"], "ende": s["ende"], "ort": s["ort"],
             "beispieldaten": s.get("beispieldaten", False), "niederschriftGenehmigt": s.get("niederschriftGenehmigt", False),
             "teilnahme": teilnahme, "tagesordnung": tops_front, "bereich": "gremien",
             "brotkrumen": [{"titel": "Gremien", "pfad": "gremien.html"}, {"titel": kurz, "pfad": f"gremien/{s['gremium']}.html"}]}
    page(content / "sitzungen" / f"{s['id']}.md", front, "\n".join(body))


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description="Gleichwertige Hugo-Website für ein kim-Projekt schreiben.")
    parser.add_argument("--project", required=True, help="kim-Projektordner")
    parser.add_argument("--out", required=True, help="Zielordner der Hugo-Website (wird ersetzt)")
    args = parser.parse_args(argv)
    projekt = Path(args.project)
    out = Path(args.out)
    if out.exists():
        if not (out / "hugo.toml").exists() and any(out.iterdir()):
            sys.exit(f"hugo_site.py: {out} existiert und ist keine Hugo-Website dieses Skripts")
        shutil.rmtree(out)
    content = out / "content"
    layouts = out / "layouts"

    def daten(name):
        return json.loads((projekt / "data" / name).read_text(encoding="utf-8"))

    # data/*.json as Hugo data files (site.Data.NAME)
    (out / "data").mkdir(parents=True)
    for datei in sorted((projekt / "data").glob("*.json")):
        shutil.copy(datei, out / "data" / datei.name)
    # kim's built-in assets (in the binary since issue 12), the project's own over them.
    shutil.copytree(VORGABEN / "assets", out / "static" / "assets")
    if (projekt / "assets").is_dir():
        shutil.copytree(projekt / "assets", out / "static" / "assets", dirs_exist_ok=True)

    hk = daten("handlungskonzept.json")
    aktuelle = max(hk["fassungen"], key=lambda f: f["nummer"])
    stichtag = aktuelle["datum"]
    (out / "hugo.toml").write_text(CONFIG % {"stichtag": stichtag}, encoding="utf-8")
    with (out / "hugo.toml").open("a", encoding="utf-8") as f:
        f.write("  navigation = " + json.dumps(NAVIGATION, ensure_ascii=False).replace('":', '" =').replace("{", "{ ").replace("}", " }") + "\n")

    for name, text in {"_default/baseof.html": BASEOF, "_default/single.html": SINGLE, "_default/list.html": LIST,
                       "sitzungen/single.html": SITZUNG, "gremien/single.html": GREMIUM, "gremien/list.html": GREMIEN_LIST,
                       "traeger/single.html": TRAEGER, "partials/angebot.html": ANGEBOT_PARTIAL, "partials/sitzungen-nach-gremium.html": NACH_GREMIUM,
                       "_default/angebote.html": ANGEBOTE, "_default/angebote-zielgruppen.html": ANGEBOTE_ZIELGRUPPEN,
                       "_default/angebote-sozialraeume.html": ANGEBOTE_SOZIALRAEUME, "_default/meilensteine.html": MEILENSTEINE,
                       "_default/beschluesse.html": BESCHLUESSE, "_default/aufgaben.html": AUFGABEN,
                       "_default/zahlen.html": ZAHLEN, "_default/quellen.html": QUELLEN, "index.html": HOME}.items():
        (layouts / name).parent.mkdir(parents=True, exist_ok=True)
        (layouts / name).write_text(text, encoding="utf-8")

    def vorlage(name: str) -> str:
        return (projekt / "templates" / f"{name}.md").read_text(encoding="utf-8")

    zaehler = 0

    def seite(pfad: str, front: dict, body: str = ""):
        nonlocal zaehler
        zaehler += 1
        page(content / pfad, front, body)

    start = vorlage("texte/start") if (projekt / "templates/texte/start.md").exists() else ""
    seite("_index.md", {"title": hk["titel"], "bereich": ""}, chapter_markdown(start))

    # Handlungskonzept: current Fassung under handlungskonzept/, every Fassung under fassung/N/
    def kapitel_seiten(basis: str, fassung: dict, krume: dict):
        for k in fassung["kapitel"]:
            seite(f"{basis}/{k['slug']}.md", {"title": f"{k['nummer']}. {k['titel']}", "bereich": "handlungskonzept", "brotkrumen": [krume]},
                  chapter_markdown(vorlage(k["vorlage"])))
    krume = {"titel": "Handlungskonzept", "pfad": "handlungskonzept/index.html"}
    seite("handlungskonzept/_index.md", {"title": hk["titel"], "bereich": "handlungskonzept", "url": "handlungskonzept/index.html"},
          "\n".join(f"- [{md(k['titel'])}]({k['slug']}.html)" for k in aktuelle["kapitel"]) + "\n")
    kapitel_seiten("handlungskonzept", aktuelle, krume)
    page(content / "fassung/_index.md", {"title": "Fassungen", "_build": {"render": "never"}})
    vorige = None
    for f in sorted(hk["fassungen"], key=lambda f: f["nummer"]):
        n = f["nummer"]
        fk = {"titel": f"Fassung {n}", "pfad": f"fassung/{n}/index.html"}
        seite(f"fassung/{n}/_index.md", {"title": f"Fassung {n} vom {de(f['datum'])}", "bereich": "handlungskonzept",
                                         "url": f"fassung/{n}/index.html", "brotkrumen": [krume]}, md(f["zusammenfassung"]) + "\n")
        kapitel_seiten(f"fassung/{n}", f, fk)
        if vorige is not None:
            seite(f"fassung/{n}/aenderungen.md", {"title": f"Änderungen in Fassung {n}", "bereich": "handlungskonzept", "brotkrumen": [krume, fk]},
                  f"Gegenüber Fassung {vorige}.\n")
        vorige = n

    # Text pages
    for datei in sorted((projekt / "templates" / "texte").glob("*.md")):
        if datei.stem == "start":
            continue
        seite(f"{datei.stem}.md", {"title": datei.stem.replace("-", " ").title(), "bereich": ""}, chapter_markdown(datei.read_text(encoding="utf-8")))

    # Overview pages
    gk = [{"titel": "Gremien", "pfad": "gremien.html"}]
    seite("zahlen.md", {"title": "Zahlen", "layout": "zahlen", "bereich": "zahlen"})
    seite("quellen.md", {"title": "Quellen", "layout": "quellen", "bereich": "quellen"})
    seite("beschluesse.md", {"title": "Beschlussregister", "layout": "beschluesse", "bereich": "gremien", "brotkrumen": gk})
    seite("aufgaben.md", {"title": "Aufgabenliste", "layout": "aufgaben", "bereich": "gremien", "brotkrumen": gk})
    ak = [{"titel": "Angebote (Anlage 1)", "pfad": "anlage-1/index.html"}]
    seite("anlage-1/_index.md", {"title": "Angebote (Anlage 1)", "layout": "angebote", "bereich": "angebote", "url": "anlage-1/index.html"})
    seite("anlage-1/zielgruppen.md", {"title": "Angebote nach Zielgruppe", "layout": "angebote-zielgruppen", "bereich": "angebote", "brotkrumen": ak})
    seite("anlage-1/sozialraeume.md", {"title": "Angebote nach Sozialraum", "layout": "angebote-sozialraeume", "bereich": "angebote", "brotkrumen": ak})
    seite("anlage-2/_index.md", {"title": "Meilensteinplan (Anlage 2)", "layout": "meilensteine", "bereich": "meilensteine", "url": "anlage-2/index.html"})

    # A page per Gremium (and the list page gremien.html), per Träger, per Sitzung
    gremien = {g["id"]: g for g in daten("gremien.json")["gremien"]}
    seite("gremien/_index.md", {"title": "Gremien", "bereich": "gremien"})
    for gid, g in gremien.items():
        seite(f"gremien/{gid}.md", {"title": g["name"], "id": gid, "bereich": "gremien", "brotkrumen": gk})
    page(content / "anlage-1/traeger/_index.md", {"title": "Träger", "_build": {"render": "never"}})
    for t in daten("angebote.json")["traeger"]:
        seite(f"anlage-1/traeger/{t['id']}.md", {"title": t["name"], "id": t["id"], "type": "traeger", "bereich": "angebote", "brotkrumen": ak})
    page(content / "sitzungen/_index.md", {"title": "Sitzungen", "_build": {"render": "never"}})
    for datei in sorted((projekt / "data" / "sitzungen").glob("*.json")):
        zaehler += 1
        sitzung_page(content, json.loads(datei.read_text(encoding="utf-8")), gremien)
    print(f"{out}: {zaehler} Seiten")


if __name__ == "__main__":
    main()
