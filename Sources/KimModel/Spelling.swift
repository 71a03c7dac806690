/// Suggests the intended word for a typo ("stichtagg" → "stichtag").
public enum Spelling {
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = candidates.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let tolerance = max(1, min(3, word.count / 3))
        return best.1 <= tolerance ? best.0 : nil
    }

    /// Levenshtein distance, bounded to short keys.
    static func distance(_ a: String, _ b: String) -> Int {
        let left = Array(a.prefix(64)), right = Array(b.prefix(64))
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = previous
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
