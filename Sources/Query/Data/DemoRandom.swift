// Deterministic randomness for the synthetic demo: SplitMix64 streams keyed by tags,
// and draws built from plain arithmetic so every run and platform gives the same bytes.

/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast, well-mixed 64-bit generator.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// A stream for `tags` under `seed`: the same tags always give the same stream.
    static func stream(_ seed: UInt64, _ tags: UInt64...) -> SplitMix64 {
        var mixed = seed
        for tag in tags {
            var generator = SplitMix64(seed: mixed ^ (tag &* 0x9E37_79B9_7F4A_7C15))
            mixed = generator.next()
        }
        return SplitMix64(seed: mixed)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Approximately standard normal: Irwin-Hall sum of 12 uniforms minus 6 (no libm needed).
    mutating func normal() -> Double {
        var sum = 0.0
        for _ in 0..<12 { sum += uniform() }
        return sum - 6
    }

    /// `1 + spread·z`, clamped to `range`: a multiplicative deviation around 1.
    mutating func factor(spread: Double, range: ClosedRange<Double>) -> Double {
        min(range.upperBound, max(range.lowerBound, 1 + spread * normal()))
    }

    /// Binomial(n, p) by n Bernoulli trials (n is small in every cell).
    mutating func binomial(_ n: Int, _ p: Double) -> Int {
        var hits = 0
        for _ in 0..<max(0, n) where uniform() < p { hits += 1 }
        return hits
    }

    /// An index drawn with probability proportional to `weights` (nil when all are zero).
    mutating func pick(_ weights: [Double]) -> Int? {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var target = uniform() * total
        for (index, weight) in weights.enumerated() where weight > 0 {
            if target < weight { return index }
            target -= weight
        }
        return weights.lastIndex { $0 > 0 }
    }

    /// Distributes `total` items over cells in proportion to `weights` (multinomial, by cumulative search).
    mutating func multinomial(_ total: Int, weights: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: weights.count)
        var cumulative = [Double](repeating: 0, count: weights.count)
        var running = 0.0
        for (index, weight) in weights.enumerated() {
            running += weight
            cumulative[index] = running
        }
        guard running > 0 else { return counts }
        for _ in 0..<max(0, total) {
            let target = uniform() * running
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > target { high = middle } else { low = middle + 1 }
            }
            counts[low] += 1
        }
        return counts
    }

    /// Moves `values` one unit at a time until they sum to `target`, staying within 0...capacity.
    mutating func adjust(_ values: inout [Int], capacity: [Int], to target: Int) {
        var difference = target - values.reduce(0, +)
        while difference != 0 {
            let room = difference > 0
                ? zip(values, capacity).map { Double($1 - $0) }
                : values.map(Double.init)
            guard let index = pick(room) else { return }
            values[index] += difference > 0 ? 1 : -1
            difference += difference > 0 ? -1 : 1
        }
    }
}
