package org.mmrarebench.data.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the first worksheet of an .xlsx file into rows of cells, as {@code pandas.read_excel}
 * (openpyxl) sees them: strings (shared or inline), numbers (integral values as integers, others as
 * Python floats), booleans, and empty cells as missing (null). JDK only: the file is a zip of XML.
 */
public final class XlsxSheet {
  private XlsxSheet() {}

  /** The rows of the first sheet; each row is padded with nulls to its last cell. */
  public static List<List<String>> read(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      List<String> shared = new ArrayList<>();
      ZipEntry ss = zip.getEntry("xl/sharedStrings.xml");
      if (ss != null) {
        try (InputStream in = zip.getInputStream(ss)) {
          readSharedStrings(in, shared);
        }
      }
      ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
      if (sheet == null) {
        throw new IOException("no xl/worksheets/sheet1.xml in " + file + "; is it an .xlsx workbook?");
      }
      try (InputStream in = zip.getInputStream(sheet)) {
        return readSheet(in, shared);
      }
    } catch (XMLStreamException e) {
      throw new IOException("malformed worksheet XML in " + file + ": " + e.getMessage(), e);
    }
  }

  private static XMLStreamReader reader(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return f.createXMLStreamReader(in);
  }

  private static void readSharedStrings(InputStream in, List<String> out) throws XMLStreamException {
    XMLStreamReader r = reader(in);
    StringBuilder cur = null;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("si")) {
        cur = new StringBuilder();
      } else if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("t") && cur != null) {
        cur.append(r.getElementText());
      } else if (ev == XMLStreamConstants.END_ELEMENT && r.getLocalName().equals("si") && cur != null) {
        out.add(cur.toString());
        cur = null;
      }
    }
  }

  private static List<List<String>> readSheet(InputStream in, List<String> shared) throws XMLStreamException {
    XMLStreamReader r = reader(in);
    List<List<String>> rows = new ArrayList<>();
    List<String> row = null;
    int col = -1;
    String type = null;
    StringBuilder value = null;
    StringBuilder inline = null;
    while (r.hasNext()) {
      int ev = r.next();
      if (ev == XMLStreamConstants.START_ELEMENT) {
        switch (r.getLocalName()) {
          case "row" -> row = new ArrayList<>();
          case "c" -> {
            col = column(r.getAttributeValue(null, "r"), row == null ? 0 : row.size());
            type = r.getAttributeValue(null, "t");
            value = null;
            inline = null;
          }
          case "v" -> value = new StringBuilder(r.getElementText());
          case "is" -> inline = new StringBuilder();
          case "t" -> {
            if (inline != null) {
              inline.append(r.getElementText());
            }
          }
          default -> { }
        }
      } else if (ev == XMLStreamConstants.END_ELEMENT) {
        if (r.getLocalName().equals("c") && row != null) {
          while (row.size() < col) {
            row.add(null);
          }
          row.add(cell(type, value, inline, shared));
        } else if (r.getLocalName().equals("row") && row != null) {
          rows.add(row);
          row = null;
        }
      }
    }
    return rows;
  }

  private static String cell(String type, StringBuilder value, StringBuilder inline, List<String> shared) {
    if ("inlineStr".equals(type)) {
      return inline == null ? null : inline.toString();
    }
    if (value == null) {
      return null;
    }
    String v = value.toString();
    if ("s".equals(type)) {
      return shared.get(Integer.parseInt(v.strip()));
    }
    if ("str".equals(type) || "e".equals(type)) {
      return v;
    }
    if ("b".equals(type)) {
      return v.strip().equals("1") ? "True" : "False";
    }
    // a number: openpyxl gives an int when the text has no fraction or exponent
    String t = v.strip();
    if (t.matches("[+-]?[0-9]+")) {
      return new java.math.BigInteger(t).toString();
    }
    return PyValues.floatRepr(Double.parseDouble(t));
  }

  /** 0-based column of a cell reference such as {@code AB12}; {@code fallback} when absent. */
  static int column(String ref, int fallback) {
    if (ref == null) {
      return fallback;
    }
    int c = 0;
    for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
      c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
    }
    return c - 1;
  }
}
