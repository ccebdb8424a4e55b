package io.jxengine.jenkins.api;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses untrusted XML (job {@code config.xml}) with everything that reaches outside the
 * document turned off: a DOCTYPE is refused outright ({@code disallow-doctype-decl}), so no
 * internal or external entity, no external DTD, and no entity expansion bomb can exist; XInclude
 * is off; secure processing caps what is left. Any refusal or syntax error is a 400 {@link
 * JenkinsApiException} saying where. Stateless; a new parser per call, since DocumentBuilders are
 * not thread-safe.
 */
final class SecureXml {
  private SecureXml() {}

  static Document parse(byte[] xml) {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entities are not allowed");
      });
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      String what = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
          ? "a DOCTYPE (DTD) is not allowed in config.xml"
          : e.getMessage();
      throw JenkinsApiException.badRequest(
          "config.xml:" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + what);
    } catch (SAXException e) {
      throw JenkinsApiException.badRequest("config.xml: " + e.getMessage());
    } catch (IOException | ParserConfigurationException e) {
      throw new IllegalStateException("cannot parse XML", e);
    }
  }

  /** The document as UTF-8 bytes, with an XML declaration and nothing re-indented. */
  static byte[] write(Document doc) {
    try {
      TransformerFactory tf = TransformerFactory.newInstance();
      tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer t = tf.newTransformer();
      t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      t.setOutputProperty(OutputKeys.STANDALONE, "no");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      t.transform(new DOMSource(doc), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(false);
    return f;
  }

  /** The parser would print warnings to stderr; errors come back as exceptions anyway. */
  private static final ErrorHandler SILENT = new ErrorHandler() {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }
  };
}
