package io.creditflow.payments.statement;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * The one place that creates XML stream readers for statements. Uses the JDK's own StAX implementation (whatever
 * else is on the classpath) with DTDs and external entities switched off, and a resolver that refuses to load
 * anything: a statement never needs a DOCTYPE, so XXE and billion-laughs files fail before they can do harm.
 */
final class SafeXml {

    private static final XMLInputFactory FACTORY = create();

    private SafeXml() {
    }

    static XMLInputFactory factory() {
        return FACTORY;
    }

    private static XMLInputFactory create() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not allowed: " + systemId);
        });
        return factory;
    }
}
