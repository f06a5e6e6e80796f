import Foundation
import KienNghiCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A minimal event-driven XML walk over Foundation's parser: element starts
/// (with attributes), text, element ends. Names are qualified (`w:t`).
final class OfficeXMLWalker: NSObject, XMLParserDelegate {
    var onStart: (String, [String: String]) -> Void = { _, _ in }
    var onText: (String) -> Void = { _ in }
    var onEnd: (String) -> Void = { _ in }
    private(set) var failure: String?

    func walk(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        let ok = parser.parse()
        if !ok, failure == nil { failure = parser.parserError.map { "\($0)" } ?? "XML error" }
        return ok
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        onStart(name, attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { onText(string) }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { onEnd(name) }

    func parser(_ parser: XMLParser, parseErrorOccurred error: any Error) { failure = "\(error)" }
}

/// Text whose run fonts may say it is in a legacy encoding: repairs it.
enum LegacyRuns {
    /// Decodes `text` typed in `font` (a .VnTime, VNI-Times, VPS font) to Unicode; other fonts unchanged.
    static func repair(_ text: String, font: String?) -> String {
        guard let font, let (codec, allCaps) = LegacyCodec.fromFontName(font) else { return text }
        return LegacyLookalikeFilter(mode: .forced(codec, allCaps: allCaps)).repair(text)
    }
}
