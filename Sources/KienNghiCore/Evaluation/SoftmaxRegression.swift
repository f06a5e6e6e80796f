import Foundation

/// The learner shared by the theme and agency models: multinomial logistic
/// regression over sparse rows, fitted by seeded stochastic gradient descent
/// with L2 regularisation. Deterministic for a given seed and row order.
struct SoftmaxRegression: Sendable {
    /// One training row: feature columns with their values, and the target distribution over classes.
    struct Row: Sendable {
        var features: [Int32]
        var values: [Double]
        var target: [Double]
    }

    var epochs: Int
    var learningRate: Double
    var l2: Double
    var seed: UInt64

    /// Weights, row-major: `weights[feature * classes + class]`.
    func fit(_ rows: [Row], width: Int, classes: Int) -> [Double] {
        var weights = [Double](repeating: 0, count: width * classes)
        var order = Array(rows.indices)
        var random = SplitMix64(seed: seed)
        var logits = [Double](repeating: 0, count: classes)
        weights.withUnsafeMutableBufferPointer { w in
            logits.withUnsafeMutableBufferPointer { p in
                for epoch in 0..<epochs {
                    for i in stride(from: order.count - 1, to: 0, by: -1) {
                        order.swapAt(i, Int(random.next() % UInt64(i + 1)))
                    }
                    let rate = learningRate / (1 + Double(epoch) * 0.1)
                    for r in order {
                        let row = rows[r]
                        for c in 0..<classes { p[c] = 0 }
                        for (f, v) in zip(row.features, row.values) {
                            let base = Int(f) * classes
                            for c in 0..<classes { p[c] += w[base + c] * v }
                        }
                        Self.softmaxInPlace(p)
                        for (f, v) in zip(row.features, row.values) {
                            let base = Int(f) * classes
                            for c in 0..<classes {
                                w[base + c] -= rate * ((p[c] - row.target[c]) * v + l2 * w[base + c])
                            }
                        }
                    }
                }
            }
        }
        return weights
    }

    /// Turns logits into probabilities where they lie (no allocation).
    static func softmaxInPlace(_ p: UnsafeMutableBufferPointer<Double>) {
        var top = -Double.infinity
        for x in p where x > top { top = x }
        var sum = 0.0
        for c in p.indices {
            p[c] = p[c] == -.infinity ? 0 : exp(p[c] - top)
            sum += p[c]
        }
        for c in p.indices { p[c] /= sum }
    }
}
