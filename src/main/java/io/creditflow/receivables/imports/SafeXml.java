package io.creditflow.receivables.imports;

import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses uploaded XML with the JDK's own parser, refusing any DOCTYPE: an e-invoice never needs one, and refusing it
 * is what makes external entities (XXE: reading files or URLs of the server) and entity expansion (billion laughs)
 * impossible rather than merely limited. External schemas and stylesheets cannot be loaded either.
 */
final class SafeXml {

    private SafeXml() {
    }

    static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setEntityResolver((publicId, systemId) -> {
                throw new IOException("external entities are not allowed: " + systemId);
            });
            builder.setErrorHandler(null);
            return builder.parse(in);
        } catch (SAXParseException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw new ImportFormatException((long) e.getLineNumber(), "DOCTYPE", "the XML declares a DOCTYPE; "
                        + "e-invoices never need one and it is refused because it can define external entities (XXE) "
                        + "or entity expansion (billion laughs)");
            }
            throw new ImportFormatException(e.getLineNumber() > 0 ? (long) e.getLineNumber() : null, null,
                    "not well-formed XML: " + message);
        } catch (org.xml.sax.SAXException e) {
            throw new ImportFormatException(null, null, "not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        return f;
    }
}
