import Testing

@testable import KienNghiCLI

/// `case status` lists what is still open by theme and by district in one order: most first, ties by name.
@Suite("case status table")
struct CaseStatusTableTests {
    @Test func openCountsAreRankedMostFirstThenByName() {
        #expect(
            CaseStatusCommand.ranked(["traffic": 2, "employment": 2, "planning": 5])
                == "planning 5, employment 2, traffic 2")
        #expect(CaseStatusCommand.ranked([:]) == "")
    }
}
