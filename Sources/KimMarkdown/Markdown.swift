import CCmark

/// CommonMark → HTML through libcmark, always in safe mode: raw HTML is dropped
/// and `javascript:`/`vbscript:`/`file:` and non-image `data:` links lose their target; images
/// are shown as their description, never as `<img>`.
/// Every buffer cmark allocates is freed by `defer` (Parsley's discipline).
public enum Markdown {
    public static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_NOBREAKS
        return markdown.withCString { source -> String in
            // The length in bytes, not strlen: a NUL inside must not cut the text short (cmark shows it as U+FFFD).
            guard let document = cmark_parse_document(source, markdown.utf8.count, options) else { return "" }
            defer { cmark_node_free(document) }
            bilderAlsText(document)
            guard let rendered = cmark_render_html(document, options) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
    }

    /// `![Beschreibung](https://…)` becomes its description: an `<img>` would load from another host
    /// (the Content-Security-Policy would block it, but nothing should try). Figures come from kim's own partials.
    static func bilderAlsText(_ document: OpaquePointer) {
        var bilder: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while case let ereignis = cmark_iter_next(iterator), ereignis != CMARK_EVENT_DONE {
            if ereignis == CMARK_EVENT_ENTER, let knoten = cmark_iter_get_node(iterator), cmark_node_get_type(knoten) == CMARK_NODE_IMAGE {
                bilder.append(knoten)
            }
        }
        cmark_iter_free(iterator)
        // Innermost last in document order: an image inside another's description is moved out with it first.
        for bild in bilder.reversed() {
            while let kind = cmark_node_first_child(bild) {
                cmark_node_insert_before(bild, kind)
            }
            cmark_node_free(bild)
        }
    }

    /// A single paragraph's inline HTML, without the surrounding `<p>`.
    public static func inlineHTML(_ markdown: String) -> String {
        var html = html(markdown).trimmingSuffixNewlines()
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.split(separator: "<p>", omittingEmptySubsequences: false).count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// Parses without rendering and reports whether cmark accepted the text; CommonMark accepts
    /// every string, so this only fails on invalid UTF-8 or an allocation failure.
    public static func parses(_ markdown: String) -> Bool {
        markdown.withCString { source -> Bool in
            guard let document = cmark_parse_document(source, markdown.utf8.count, CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8) else { return false }
            defer { cmark_node_free(document) }
            return true
        }
    }
}

extension String {
    fileprivate func trimmingSuffixNewlines() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

extension Markdown {
    /// Block quotes and lists nested deeper than this are an error: the PDF renderer (WeasyPrint)
    /// fails somewhere past a hundred levels of boxes, and no text needs more than a few.
    public static let maximaleVerschachtelung = 32

    /// Where block quotes and lists nest deeper than `grenze` (1-based line and column of each block
    /// that crosses it), empty when they do not.
    public static func zuTiefVerschachtelt(_ markdown: String, grenze: Int = maximaleVerschachtelung) -> [(zeile: Int, spalte: Int)] {
        // Cheap test first: without that many container markers the text cannot nest so deep.
        var marker = 0
        for byte in markdown.utf8 where byte == UInt8(ascii: ">") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")") {
            marker += 1
        }
        guard marker > grenze else { return [] }
        return markdown.withCString { source -> [(zeile: Int, spalte: Int)] in
            guard let document = cmark_parse_document(source, markdown.utf8.count, CMARK_OPT_DEFAULT) else { return [] }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return [] }
            defer { cmark_iter_free(iterator) }
            var tiefe = 0
            var stellen: [(zeile: Int, spalte: Int)] = []
            while case let ereignis = cmark_iter_next(iterator), ereignis != CMARK_EVENT_DONE {
                guard let knoten = cmark_iter_get_node(iterator) else { continue }
                let art = cmark_node_get_type(knoten)
                guard art == CMARK_NODE_BLOCK_QUOTE || art == CMARK_NODE_LIST else { continue }
                if ereignis == CMARK_EVENT_ENTER {
                    tiefe += 1
                    if tiefe == grenze + 1 {
                        stellen.append((Int(cmark_node_get_start_line(knoten)), Int(cmark_node_get_start_column(knoten))))
                    }
                } else if ereignis == CMARK_EVENT_EXIT {
                    tiefe -= 1
                }
            }
            return stellen
        }
    }
}
