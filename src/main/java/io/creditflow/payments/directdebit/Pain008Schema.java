package io.creditflow.payments.directdebit;

import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates pain.008.001.02 documents against the schema on the classpath ({@code /iso20022/pain.008.001.02.xsd},
 * unpacked at build time: see the pom). Validation streams, so a large file is not held in memory twice.
 */
public final class Pain008Schema {

    static final String RESOURCE = "/iso20022/pain.008.001.02.xsd";
    private static final int MAX_REPORTED = 10;
    private static final Schema SCHEMA = load();

    private Pain008Schema() {
    }

    /** @throws DirectDebitFileException listing the first problems with line and column */
    public static void validate(InputStream document) {
        List<String> problems = new ArrayList<>();
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.setErrorHandler(new Collector(problems));
            validator.validate(new StreamSource(document));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new DirectDebitFileException("pain.008.001.02 file is not valid: " + String.join("; ", problems));
        }
    }

    private static Schema load() {
        URL xsd = Pain008Schema.class.getResource(RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath; the build unpacks it"
                    + " (maven-dependency-plugin, execution unpack-pain008-schema)");
        }
        try {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Source source = new StreamSource(xsd.openStream(), xsd.toExternalForm());
            return factory.newSchema(source);
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot load " + RESOURCE, e);
        }
    }

    /** Collects errors instead of stopping at the first, so one run shows what to fix. */
    private record Collector(List<String> problems) implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            problems.add("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
            if (problems.size() >= MAX_REPORTED) {
                throw e;
            }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            error(e);
            throw e;
        }
    }
}
