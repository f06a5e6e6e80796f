import Testing

@testable import KienNghiCore

/// A header copy in another order moves the cells of the rows under it: none may be lost.
@Suite("Header copies")
struct HeaderKeyTests {
    @Test func rowsUnderACopyInAnotherOrderKeepEveryCell() {
        let key = HeaderKey(["STT", "Nội dung kiến nghị", "Cơ quan", ""])
        let order = key.columnOrder(of: ["Cơ quan", "", "STT"], after: nil)
        #expect(order == [2, 1, 0, 3])
        #expect(key.columnOrder(of: ["STT", "Nội dung kiến nghị (tiếp)", "Cơ quan"], after: order) == nil)
        #expect(key.columnOrder(of: ["Nội dung kiến nghị (tiếp)"], after: order) == order)
        // A copy shorter than the rows: the columns it leaves out take their last cells, so a
        // row keeps the header's width (a wider one shifted the classification's columns).
        let short = HeaderKey(["STT", "Nội dung kiến nghị", "Cơ quan"])
        let shortOrder = short.columnOrder(of: ["Cơ quan", "Nội dung kiến nghị"], after: nil)
        #expect(shortOrder == [2, 1, 0])
        #expect(
            HeaderKey.reordered(["Sở Y tế", "Bệnh viện quá tải", "2"], by: shortOrder!) == [
                "2", "Bệnh viện quá tải", "Sở Y tế",
            ])
        for (cells, order) in [
            (["a", "b", "c", "d", "e"], [2, 0, 1]), (["a", "b", "c", "d"], [3, 0]), (["a"], [1, 0]),
        ] {
            let placed = HeaderKey.reordered(cells, by: order)
            #expect(placed.filter { !$0.isEmpty }.sorted() == cells.sorted(), "\(cells) \(order) → \(placed)")
        }
    }
}
