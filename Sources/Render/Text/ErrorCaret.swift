/// Where a caret goes under a query for an error at a byte position (PromQL's errors count
/// bytes): the query's line holding it and the display column of the position. `promdeck
/// query` prints it under the query; the viewer's `:` prompt draws it above its line.
public enum ErrorCaret {
    public static func locate(_ query: String, bytePosition: Int) -> (line: String, column: Int) {
        let bytes = Array(query.utf8)
        let clamped = max(0, min(bytePosition, bytes.count))
        var lineStart = clamped
        while lineStart > 0 && bytes[lineStart - 1] != 10 { lineStart -= 1 }
        var lineEnd = clamped
        while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
        let line = Sanitizer.visible(String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self))
        let before = Sanitizer.visible(String(decoding: bytes[lineStart..<clamped], as: UTF8.self))
        return (line, DisplayWidth.of(before))
    }
}
