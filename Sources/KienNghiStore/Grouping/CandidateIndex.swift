/// The petitions of one dialogue by LSH band, held in memory for one import,
/// so that a new petition is compared with the petitions it shares a band
/// with without a query (and a hex signature decoded) per candidate.
///
/// It answers what the register's query did: the most similar petition at or
/// over the threshold, ties to the lowest id. Two shortcuts keep an import of
/// thousands of near-copies near-linear instead of quadratic:
/// - a petition whose signature equals an earlier one's is not a candidate
///   (the earlier one always wins the tie, so the result is the same);
/// - each band is searched in its first ``crowd`` petitions; only when none of
///   those is similar enough is the rest of the band searched, so a petition
///   joins a group whenever one of its petitions is similar enough, as before,
///   but in a crowd of near-copies it is matched among the first ``crowd``.
///
/// Used by one import, from one thread at a time (the register's batches are
/// stored one after another).
final class CandidateIndex: @unchecked Sendable {
    /// How many petitions of one band are searched first.
    static let crowd = 64

    let dialogue: Int64
    /// The highest petition id read or added: later loads read only newer ones.
    private(set) var lastID: Int64 = 0
    private var ids: [Int64] = []
    private var signatures: [PetitionSignature] = []
    /// Band key → positions in `ids`, ascending.
    private var bands: [Int64: [Int32]] = [:]
    /// Signature hash → positions with that hash (to recognise exact copies).
    private var byHash: [Int: [Int32]] = [:]
    /// Position → last search that looked at it (so each is compared once per search).
    private var visited: [UInt32] = []
    private var search: UInt32 = 0
    /// Signatures compared so far (the work the shortcuts bound).
    private(set) var comparisons = 0

    init(dialogue: Int64) { self.dialogue = dialogue }

    /// Forgets everything (after a rolled-back transaction); the next
    /// ``load(_:)`` reads the dialogue again.
    func reset() {
        lastID = 0
        ids = []
        signatures = []
        bands = [:]
        byHash = [:]
        visited = []
    }

    /// Reads the dialogue's petitions stored since the last load (all of
    /// them the first time, including those of other imports).
    func load(_ db: any StoreTransaction) throws {
        for row in try db.query(
            "SELECT id, signature FROM petitions WHERE dialogue_id = ? AND id > ? ORDER BY id",
            [.int(dialogue), .int(lastID)])
        {
            guard let id = row[0].int else { continue }
            if let signature = PetitionSignature(encoded: row[1].text ?? "") {
                add(id, signature)
            } else {
                lastID = max(lastID, id)
            }
        }
    }

    /// Adds a petition just stored (or read).
    func add(_ id: Int64, _ signature: PetitionSignature) {
        lastID = max(lastID, id)
        let hash = signature.values.hashValue
        if let twins = byHash[hash], twins.contains(where: { signatures[Int($0)] == signature }) { return }
        let position = Int32(ids.count)
        ids.append(id)
        signatures.append(signature)
        visited.append(0)
        byHash[hash, default: []].append(position)
        for key in Set(signature.bandKeys) { bands[key, default: []].append(position) }
    }

    /// The most similar petition at or over `threshold` (ties: lowest id).
    func bestMatch(_ signature: PetitionSignature, threshold: Double) -> (petition: Int64, similarity: Double)? {
        search &+= 1
        if search == 0 {  // wrapped: clear the marks
            for i in visited.indices { visited[i] = 0 }
            search = 1
        }
        let lists = Set(signature.bandKeys).compactMap { bands[$0] }
        var best: (position: Int32, similarity: Double)?
        func consider(_ position: Int32) {
            guard visited[Int(position)] != search else { return }
            visited[Int(position)] = search
            comparisons += 1
            let similarity = signature.similarity(signatures[Int(position)])
            guard similarity >= threshold else { return }
            if let current = best,
                similarity < current.similarity
                    || (similarity == current.similarity && ids[Int(position)] > ids[Int(current.position)])
            {
                return
            }
            best = (position, similarity)
        }
        for list in lists { for position in list.prefix(Self.crowd) { consider(position) } }
        if best == nil {
            for list in lists where list.count > Self.crowd {
                for position in list.dropFirst(Self.crowd) { consider(position) }
            }
        }
        return best.map { (ids[Int($0.position)], $0.similarity) }
    }
}
