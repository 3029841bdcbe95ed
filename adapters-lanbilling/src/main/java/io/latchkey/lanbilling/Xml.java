package io.latchkey.lanbilling;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The little XML the SOAP calls need, with the JDK alone: request elements written with every value escaped, and
 * responses parsed without DTDs or external entities and read by local element name (installations add elements
 * of their own; unknown ones are passed over).
 */
final class Xml {

    private Xml() {
    }

    /** An element to write: a name, and its text or its children. */
    record Out(String name, String text, List<Out> children) {

        static Out of(String name, Object value) {
            return new Out(name, value == null ? null : value.toString(), List.of());
        }

        static Out tree(String name, Out... children) {
            return new Out(name, null, List.of(children));
        }

        void write(StringBuilder xml) {
            xml.append('<').append(name).append('>');
            if (text != null) {
                xml.append(escape(text));
            }
            children.forEach(c -> c.write(xml));
            xml.append("</").append(name).append('>');
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The document element of {@code bytes}.
     *
     * @throws LanBillingException {@link LanBillingException.Kind#MALFORMED} if it is not well-formed XML
     */
    static Element parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes)).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new LanBillingException(LanBillingException.Kind.MALFORMED, "not XML: " + e.getMessage());
        }
    }

    /** The child elements of {@code parent} named {@code name} (local name, any namespace). */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(localName(e))) {
                found.add(e);
            }
        }
        return found;
    }

    static Optional<Element> child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The text of the child {@code name}; empty if there is none. */
    static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(Element::getTextContent).map(String::strip);
    }

    /**
     * The text of the child {@code name}, which must be there.
     *
     * @throws LanBillingException {@link LanBillingException.Kind#MALFORMED} if it is missing
     */
    static String required(Element parent, String name) {
        return text(parent, name).orElseThrow(() -> new LanBillingException(LanBillingException.Kind.MALFORMED,
                localName(parent) + " has no " + name));
    }

    /**
     * The number in the child {@code name}.
     *
     * @throws LanBillingException {@link LanBillingException.Kind#MALFORMED} if it is missing or not a number
     */
    static long number(Element parent, String name) {
        String text = required(parent, name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new LanBillingException(LanBillingException.Kind.MALFORMED, name + " is not a number: " + text);
        }
    }

    static String localName(Element e) {
        return e.getLocalName() != null ? e.getLocalName() : e.getTagName();
    }
}
