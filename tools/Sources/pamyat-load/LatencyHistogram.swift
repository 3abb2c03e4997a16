/// Latencies in microseconds, in buckets of about 1 % width, so a long soak needs constant memory.
/// Hand-written (a few lines) rather than adding a histogram package to the tools.
struct LatencyHistogram: Sendable {
    /// Values below 128 µs are exact; above, 64 buckets per power of two.
    private var buckets = [Int](repeating: 0, count: 64 * 40)
    private(set) var count = 0
    private(set) var maximum = 0

    mutating func record(microseconds value: Int) {
        let v = max(0, value)
        buckets[Self.bucket(v)] += 1
        count += 1
        maximum = max(maximum, v)
    }

    mutating func merge(_ other: LatencyHistogram) {
        for index in buckets.indices { buckets[index] += other.buckets[index] }
        count += other.count
        maximum = max(maximum, other.maximum)
    }

    /// The value at quantile `q` (0…1), in microseconds (the bucket's upper bound).
    func percentile(_ q: Double) -> Int {
        guard count > 0 else { return 0 }
        let rank = max(1, Int((q * Double(count)).rounded(.up)))
        var seen = 0
        for (index, number) in buckets.enumerated() {
            seen += number
            if seen >= rank { return min(Self.upperBound(index), maximum) }
        }
        return maximum
    }

    private static func bucket(_ value: Int) -> Int {
        if value < 128 { return value }
        let exponent = Int.bitWidth - value.leadingZeroBitCount - 1  // ≥ 7
        let mantissa = (value >> (exponent - 6)) & 63
        return min(64 * 40 - 1, 128 + (exponent - 7) * 64 + mantissa)
    }

    private static func upperBound(_ index: Int) -> Int {
        if index < 128 { return index }
        let exponent = (index - 128) / 64 + 7
        let mantissa = (index - 128) % 64
        return ((64 + mantissa + 1) << (exponent - 6)) - 1
    }
}
