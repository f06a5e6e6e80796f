/// Why a register operation was refused, as data; the CLI words it.
package enum CaseRegisterFailure: Error, Equatable, Sendable {
    case unreadable(String)
    case unknownDialogue(String)
    case noDialogue
    case unknownGroup(Int64)
    case unknownPetition(Int64)
    case petitionNotInGroup(petition: Int64, group: Int64)
    case splitWholeGroup(Int64)
    case mergeAcrossDialogues(Int64, Int64)
    case noSuggestedAgency(Int64)
    case overrideNeedsReason
    case notAssigned(Int64)
    case badStatus(String)
    /// The same file content was already imported into another dialogue.
    case importedElsewhere(file: String, dialogue: String)
    case dialogueDateMismatch(dialogue: String, stored: String, given: String)
    /// Entry `index` (from 0) of an all-or-nothing list failed; none of the list was recorded.
    indirect case entry(index: Int, CaseRegisterFailure)
}
