// "Did you mean …?": the nearest candidate by edit distance, compared without
// regard to case or to æ/ø/å versus ae/oe/aa, so `Arhus` finds `Aarhus`.

/// Folds a name for matching: lower case, æ→ae, ø→oe, å→aa, and `é`→`e`.
public func foldName(_ text: String) -> String {
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
    let target = Array(foldName(word))
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(target, Array(foldName(candidate)))
        if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let allowed = max(1, min(3, target.count / 3))
    return best.distance <= allowed ? best.name : nil
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = min(current[j], previous2[j - 2] + 1)
            }
        }
        (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
}
