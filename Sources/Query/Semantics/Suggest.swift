// "Did you mean …?": the nearest candidate by edit distance, compared without
// regard to case or to æ/ø/å versus ae/oe/aa, so `Arhus` finds `Aarhus`.

/// Folds a name for matching: lower case, æ→ae, ø→oe, å→aa, and `é`→`e`.
public func foldName(_ text: String) -> String {
    // Most words are ASCII: lower-case their bytes (the same as `lowercased()` there), without
    // comparing characters one by one; a megabyte of words stays fast.
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
        return String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
    // Danish names are Latin-1: lower-case its scalars directly (A-Z and À-Þ but × are the only
    // upper-case letters there, each 0x20 below its lower case), no Unicode tables needed.
    if text.unicodeScalars.allSatisfy({ $0.value < 0x100 }) {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let lower = (0x41...0x5A).contains(value) || ((0xC0...0xDE).contains(value) && value != 0xD7) ? value + 0x20 : value
            switch lower {
            case 0xE6: out.append(contentsOf: "ae".unicodeScalars)
            case 0xF8: out.append(contentsOf: "oe".unicodeScalars)
            case 0xE5: out.append(contentsOf: "aa".unicodeScalars)
            case 0xE9: out.append("e")
            default: out.append(Unicode.Scalar(UInt8(lower)))
            }
        }
        return String(out)
    }
    return foldNameByCharacters(text)
}

/// `foldName` for any text: lower-cased by Unicode's rules, then letter by letter.
func foldNameByCharacters(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text.lowercased() {
        switch character {
        case "æ": out += "ae"
        case "ø": out += "oe"
        case "å": out += "aa"
        case "é": out += "e"
        default: out.append(character)
        }
    }
    return out
}

/// The candidate closest to `word`, if it is close enough to be a plausible typo.
public func nearest(_ word: String, in candidates: [String]) -> String? {
    nearby(word, in: candidates).first
}

/// The candidates close enough to `word` to be a plausible typo, closest first (ties in
/// the candidates' order). Linear in the input: a candidate whose length differs by more
/// than the allowed number of edits is skipped, and the distance is only computed within that band.
func nearby(_ word: String, in candidates: [String]) -> [String] {
    let longest = candidates.lazy.map(\.count).max() ?? 0
    guard word.count <= 2 * longest + 8 else { return [] }  // a long paste is no typo
    let target = Array(foldName(word))
    let allowed = max(1, min(3, target.count / 3))
    var found: [(name: String, distance: Int)] = []
    for candidate in candidates {
        let folded = Array(foldName(candidate))
        guard abs(folded.count - target.count) <= allowed,
              let distance = editDistance(target, folded, atMost: allowed) else { continue }
        found.append((candidate, distance))
    }
    // A stable sort: among equally close candidates the first listed comes first.
    return found.enumerated().sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }.map(\.element.name)
}

/// Levenshtein distance with adjacent transpositions counted as one edit, or nil when it
/// exceeds `limit`. Only cells within `limit` of the diagonal are computed.
func editDistance(_ a: [Character], _ b: [Character], atMost limit: Int = .max) -> Int? {
    if a.isEmpty { return b.count <= limit ? b.count : nil }
    if b.isEmpty { return a.count <= limit ? a.count : nil }
    let band = min(limit, max(a.count, b.count))
    let far = band + 1  // stands for "more than the limit"
    var previous2 = [Int](repeating: far, count: b.count + 1)
    var previous = (0...b.count).map { min($0, far) }
    var current = [Int](repeating: far, count: b.count + 1)
    for i in 1...a.count {
        let low = max(1, i - band), high = min(b.count, i + band)
        if low > high { return nil }
        current[low - 1] = low == 1 && i <= band ? i : far
        if high < b.count { current[high + 1] = far }
        var rowBest = current[low - 1]
        for j in low...high {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, previous2[j - 2] + 1)
            }
            current[j] = min(value, far)
            rowBest = min(rowBest, current[j])
        }
        if rowBest > band { return nil }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count] <= limit ? previous[b.count] : nil
}
