import Foundation

/// A group of one dialogue that was raised before.
package struct Recurrence: Sendable, Equatable {
    package var group: CaseGroup
    /// Earlier dialogues in which a matching group was raised, oldest first.
    package var earlierDialogues: [String]
    /// The matching groups of earlier dialogues.
    package var earlierGroups: [Int64]
    /// Date (or name) of the first dialogue that raised it.
    package var since: String
    /// Whether any matching earlier group was answered (fully) or closed.
    package var answeredBefore: Bool
    /// Times raised in all: the earlier dialogues plus this one.
    package var times: Int { earlierDialogues.count + 1 }
}

extension CaseRegister {
    /// Groups of `dialogue` (default: the latest) with a petition similar to a
    /// petition of an earlier dialogue (same threshold as grouping).
    package func recurring(dialogue name: String?, today: CaseDate) throws -> (dialogue: String, items: [Recurrence]) {
        try store.transaction { db in
            let all = try db.query("SELECT id, name, held_on FROM dialogues ORDER BY id").map {
                Dialogue(id: $0[0].int!, name: $0[1].text!, heldOn: $0[2].text)
            }
            // Earlier means held earlier; undated dialogues sort after dated ones, then by id.
            let ranked = all.sorted { ($0.heldOn ?? "9999", $0.id) < ($1.heldOn ?? "9999", $1.id) }
            let chosen: Dialogue?
            if let name { chosen = all.first { $0.name == name } } else { chosen = ranked.last }
            guard let current = chosen else {
                if let name { throw CaseRegisterFailure.unknownDialogue(name) }
                throw CaseRegisterFailure.noDialogue
            }
            let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1.id, $0) })
            let order = DialogueOrder(rank: rank, current: current.id)
            let groups = try self.groups(db, dialogue: current.name, today: today)
            let groupsBefore = Dictionary(
                uniqueKeysWithValues: try db.query(
                    "SELECT g.id, g.dialogue_id, g.status FROM case_groups g ORDER BY g.id"
                ).map {
                    ($0[0].int!, (dialogue: $0[1].int!, status: $0[2].text ?? "open"))
                })
            let answered = Set(
                try db.query("SELECT DISTINCT group_id FROM answers WHERE partial = 0").map { $0[0].int! })
            var items: [Recurrence] = []
            for group in groups {
                var matched = Set<Int64>()
                for petition in group.petitionIDs {
                    guard
                        let text = try db.scalar("SELECT signature FROM petitions WHERE id = ?", [.int(petition)]).text,
                        let signature = PetitionSignature(encoded: text)
                    else { continue }
                    for hit in try self.matches(db, signature, order: order) { matched.insert(hit) }
                }
                guard !matched.isEmpty else { continue }
                let dialogues = Set(matched.compactMap { groupsBefore[$0]?.dialogue })
                let earlier = ranked.filter { dialogues.contains($0.id) }
                let answeredBefore = matched.contains {
                    answered.contains($0) || groupsBefore[$0]?.status == "closed"
                        || groupsBefore[$0]?.status == "answered"
                }
                items.append(
                    Recurrence(
                        group: group, earlierDialogues: earlier.map(\.name), earlierGroups: matched.sorted(),
                        since: earlier.first.map { $0.heldOn ?? $0.name } ?? "", answeredBefore: answeredBefore))
            }
            items.sort { ($1.times, $0.group.id) < ($0.times, $1.group.id) }
            return (current.name, items)
        }
    }

    /// Live groups of earlier dialogues holding a petition similar to `signature`.
    func matches(_ db: any StoreTransaction, _ signature: PetitionSignature, order: DialogueOrder) throws -> Set<Int64>
    {
        let keys = Array(Set(signature.bandKeys)).sorted()
        let placeholders = Array(repeating: "?", count: keys.count).joined(separator: ", ")
        let rows = try db.query(
            """
            SELECT DISTINCT p.id, p.group_id, p.signature, p.dialogue_id FROM petition_bands b JOIN petitions p ON p.id = b.petition_id
            WHERE b.band_key IN (\(placeholders))
            """, keys.map { .int($0) })
        var groups = Set<Int64>()
        for row in rows where order.isEarlier(row[3].int!) {
            guard let other = PetitionSignature(encoded: row[2].text ?? ""), signature.similarity(other) >= threshold
            else { continue }
            groups.insert(row[1].int!)
        }
        return groups
    }
}
