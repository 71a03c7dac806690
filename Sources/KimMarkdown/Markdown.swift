import CCmark

/// CommonMark → HTML through libcmark, always in safe mode: raw HTML is dropped
/// and `javascript:`/`vbscript:`/`file:` and non-image `data:` links lose their target.
/// Every buffer cmark allocates is freed by `defer` (Parsley's discipline).
public enum Markdown {
    public static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_NOBREAKS
        return markdown.withCString { source -> String in
            // The length in bytes, not strlen: a NUL inside must not cut the text short (cmark shows it as U+FFFD).
            guard let rendered = cmark_markdown_to_html(source, markdown.utf8.count, options) else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
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
