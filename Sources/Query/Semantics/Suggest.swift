// "Did you mean …?": the nearest candidate by edit distance, compared without
// regard to case or to æ/ø/å versus ae/oe/aa, so `Arhus` finds `Aarhus`.

/// Folds a name for matching: lower case, æ→ae, ø→oe, å→aa, and `é`→`e`.
public func foldName(_ text: String) -> String {
    var text = text
    return text.withUTF8(foldLatin1) ?? foldNameByCharacters(text)
}

/// `foldName` of UTF-8 `bytes` when every scalar is below U+0100 (ASCII, and Danish names'
/// Latin-1), byte by byte: A-Z and À-Þ but × are the only upper-case letters there, each 0x20
/// below its lower case, so no Unicode tables are needed. Nil for any other scalar.
private func foldLatin1(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    // Valid UTF-8 (a String's bytes): a lead byte C2 or C3 is a scalar 0x80-0xFF and its one continuation byte.
    var index = 0
    while index < bytes.count {
        if bytes[index] < 0x80 { index += 1 } else if bytes[index] == 0xC2 || bytes[index] == 0xC3 { index += 2 } else { return nil }
    }
    // Never longer than the text: a two-byte scalar becomes at most two bytes.
    return String(unsafeUninitializedCapacity: bytes.count) { out in
        var (index, count) = (0, 0)
        func put(_ byte: UInt8) {
            out[count] = byte
            count += 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                put(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
                continue
            }
            var scalar = UInt8(truncatingIfNeeded: (UInt32(byte & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F))
            index += 2
            if scalar >= 0xC0 && scalar <= 0xDE && scalar != 0xD7 { scalar += 0x20 }
            switch scalar {
            case 0xE6: put(UInt8(ascii: "a")); put(UInt8(ascii: "e"))
            case 0xF8: put(UInt8(ascii: "o")); put(UInt8(ascii: "e"))
            case 0xE5: put(UInt8(ascii: "a")); put(UInt8(ascii: "a"))
            case 0xE9: put(UInt8(ascii: "e"))
            default: put(0xC0 | scalar >> 6); put(0x80 | scalar & 0x3F)
            }
        }
        return count
    }
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
