import FolioDisplay

/// The document's XMP metadata packet: the Info dictionary's title, author, subject, keywords, language and
/// dates, and the PDF/UA identification (`pdfuaid:part` 1) by which a file claims PDF/UA-1 conformance; for PDF/A
/// also `pdfaid:part` and `pdfaid:conformance` A, and the extension schema that PDF/A asks for the pdfuaid
/// namespace, which XMP does not predefine (ISO 19005-2 §6.6.2.3).
enum XMPMetadata {
    static func packet(_ info: DocumentInfo, producer: String, archivalPart: Int? = nil) -> String {
        var fields = [
            "<pdfuaid:part>1</pdfuaid:part>",
            "<dc:format>application/pdf</dc:format>",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(info.title))</rdf:li></rdf:Alt></dc:title>",
            "<dc:language><rdf:Bag><rdf:li>\(escape(info.language))</rdf:li></rdf:Bag></dc:language>",
            "<xmp:CreateDate>\(escape(info.date))</xmp:CreateDate>",
            "<xmp:ModifyDate>\(escape(info.date))</xmp:ModifyDate>",
            "<xmp:CreatorTool>\(escape(info.creator))</xmp:CreatorTool>",
            "<pdf:Producer>\(escape(producer))</pdf:Producer>",
        ]
        if !info.author.isEmpty { fields.append("<dc:creator><rdf:Seq><rdf:li>\(escape(info.author))</rdf:li></rdf:Seq></dc:creator>") }
        if !info.subject.isEmpty {
            fields.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(escape(info.subject))</rdf:li></rdf:Alt></dc:description>")
        }
        if !info.keywords.isEmpty { fields.append("<pdf:Keywords>\(escape(info.keywords))</pdf:Keywords>") }
        var namespaces = ""
        if let part = archivalPart {
            fields += ["<pdfaid:part>\(part)</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>", extensionSchema]
            namespaces = " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
                + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\""
        }
        return """
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" \
            xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" \
            xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"\(namespaces)>
            \(fields.joined(separator: "\n"))
            </rdf:Description>
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="w"?>
            """
    }

    /// The pdfuaid schema described for PDF/A.
    private static let extensionSchema = """
        <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
        <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
        <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
        <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
        <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>part</pdfaProperty:name>
        <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
        <pdfaProperty:category>internal</pdfaProperty:category>
        <pdfaProperty:description>Indicates which part of ISO 14289 the file conforms to</pdfaProperty:description>
        </rdf:li></rdf:Seq></pdfaSchema:property>
        </rdf:li></rdf:Bag></pdfaExtension:schemas>
        """

    private static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
