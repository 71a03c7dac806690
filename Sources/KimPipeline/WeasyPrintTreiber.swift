import Foundation

/// How kim runs WeasyPrint: not its command line, which reads any URL a document names (`file:`
/// anywhere on the machine, `http:` to any host), but this small Python program through
/// WeasyPrint's Python API, with a URL fetcher that hands out only the files kim put into
/// `build/cache/` for the document (kim's assets and the project's `assets/`), `data:` URLs up to
/// `Druckverweise.datenGrenze` bytes and nothing else, and a PDF without attachments. The program
/// is part of kim's binary and goes to Python with `-c`, so what runs is never a file of the
/// machine or of the project. What it refuses, `kim check` reports first (`Druckverweise`);
/// should a reference slip past that, the driver stops with exit code 3 and names it.
enum WeasyPrintTreiber {
    /// Exit code of the driver when it refused a reference (the PDF is not written).
    static let verweigertCode: Int32 = 3

    /// The interpreter WeasyPrint's own launcher names on its first line (`#!/usr/bin/python3`),
    /// so the driver runs with the Python that has the `weasyprint` module; `env python3` is looked
    /// up in PATH.
    static func python(fuer weasyprint: URL) -> URL? {
        guard let kopf = try? FileHandle(forReadingFrom: weasyprint),
              let anfang = try? kopf.read(upToCount: 256) else { return nil }
        try? kopf.close()
        let zeile = String(decoding: anfang.prefix { $0 != 0x0A }, as: UTF8.self)
        guard zeile.hasPrefix("#!") else { return nil }
        let teile = zeile.dropFirst(2).split(separator: " ").map(String.init)
        guard let erstes = teile.first else { return nil }
        if erstes.hasSuffix("/env"), let name = teile.dropFirst().first(where: { !$0.hasPrefix("-") }) {
            let pfade = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            return pfade.map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
                .first { FileManager.default.isExecutableFile(atPath: $0.path) }
        }
        return FileManager.default.isExecutableFile(atPath: erstes) ? URL(fileURLWithPath: erstes) : nil
    }

    /// Arguments after `-c PROGRAMM`: input HTML, output PDF, base URL, the cache folder, the data: limit,
    /// then the allowed paths below the cache folder (`assets/druck.css` …).
    static let programm = #"""
import sys, os, mimetypes, logging
from urllib.parse import urlsplit, unquote
logging.getLogger('weasyprint').addHandler(logging.NullHandler())
logging.getLogger('weasyprint').propagate = False
import weasyprint
from weasyprint.urls import default_url_fetcher

eingabe, ausgabe, basis, ordner, grenze = sys.argv[1:6]
ordner = os.path.realpath(ordner)
grenze = int(grenze)
# Each allowed file by its real path: a symlink inside the cache cannot point elsewhere.
erlaubt = {}
for pfad in sys.argv[6:]:
    echt = os.path.realpath(os.path.join(ordner, pfad))
    if echt.startswith(ordner + os.sep) and os.path.isfile(echt):
        erlaubt[echt] = pfad
verweigert = []

def pruefen(url):
    """The real path of an allowed file, 'data' for a data: URL within the limit, None when refused."""
    teile = urlsplit(url)
    schema = teile.scheme.lower()
    if schema == 'data':
        return 'data' if len(url) <= grenze else None
    if schema == 'file' and teile.netloc in ('', 'localhost'):
        echt = os.path.realpath(unquote(teile.path))
        return echt if echt in erlaubt else None
    return None

def verweigern(url):
    if url not in verweigert:
        verweigert.append(url)

def holen(url, timeout=10, ssl_context=None):
    ziel = pruefen(url)
    if ziel == 'data':
        return default_url_fetcher(url, timeout=timeout, ssl_context=ssl_context)
    if ziel is not None:
        with open(ziel, 'rb') as datei:
            inhalt = datei.read()
        return {'string': inhalt, 'mime_type': mimetypes.guess_type(ziel)[0], 'redirected_url': url}
    verweigern(url)
    raise ValueError('kim: verweigert')

with open(eingabe, 'rb') as datei:
    quelle = datei.read()
dokument = weasyprint.HTML(string=quelle, base_url=basis, url_fetcher=holen).render()
# No attachments but those kim adds itself (none): neither <link rel="attachment"> nor <a rel="attachment">
# goes into the PDF; one that names a file WeasyPrint may not read is refused like any other reference.
for anhang in dokument.metadata.attachments:
    url = anhang[0] if isinstance(anhang, tuple) else str(anhang)
    if pruefen(url) is None:
        verweigern(url)
dokument.metadata.attachments = []
for seite in dokument.pages:
    for verweis in seite.links:
        if verweis[0] == 'attachment' and pruefen(verweis[1]) is None:
            verweigern(verweis[1])
    seite.links = [verweis for verweis in seite.links if verweis[0] != 'attachment']
if verweigert:
    for url in verweigert:
        sys.stderr.write('verweigert\t' + url[:300] + '\n')
    sys.exit(3)
dokument.write_pdf(ausgabe, variant='pdf/ua-1')
"""#
}
