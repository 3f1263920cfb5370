package org.mmrarebench.data.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a TSV the way {@code pandas.read_csv(path, sep='\t')} does with its C parser: {@code "}
 * quoting (quoted cells may hold tabs, newlines and doubled quotes; text after a closing quote is
 * kept), blank and space-only lines skipped, {@code \r\n} and {@code \r} line ends, a UTF-8 BOM
 * dropped. It streams: one row at a time, and the {@code image} column is never held whole when
 * it is large - a {@link Base64ListScanner} records where its base64 strings are instead.
 */
public final class PandasTsvReader implements Closeable {
  /** Image cells up to this many bytes are also kept as text, for the general list-cell rules. */
  public static final int IMAGE_TEXT_LIMIT = 1 << 16;

  /** A tokenizing failure (unterminated quote, bad UTF-8), with the 1-based line where it starts. */
  public static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;

    SyntaxError(String message, int line, int column) {
      super(message);
      this.line = line;
      this.column = column;
    }

    /** 1-based line where the row or cell starts. */
    public int line() {
      return line;
    }

    /** 0-based field position in the row. */
    public int column() {
      return column;
    }
  }

  /** The {@code image} cell of a row. */
  public record ImageCell(boolean missing, Optional<String> text, Optional<List<Base64ListScanner.Element>> elements) {}

  /**
   * One row: the 1-based line it starts on, its cells (null where pandas reads a missing value),
   * how many fields it had, and its image cell when the file has an {@code image} column.
   */
  /**
   * One row.
   *
   * @param nulFields the 0-based fields that held a NUL byte and were cut there, as pandas' C parser
   *     cuts them (it reads cells as C strings)
   */
  public record Row(int line, String[] cells, int fieldCount, Optional<ImageCell> image, List<Integer> nulFields) {}

  private enum End { TAB, EOL, EOF }

  private final InputStream in;
  private final byte[] buf = new byte[1 << 18];
  private int pos;
  private int lim;
  private long bufStart;
  private boolean eof;
  private int line = 1;
  private final List<String> header;
  private final int imageColumn;
  private final ByteSink text = new ByteSink(Integer.MAX_VALUE);
  private final ByteSink imageText = new ByteSink(IMAGE_TEXT_LIMIT);
  private Base64ListScanner scanner;
  private final java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);

  /**
   * Opens the reader and reads the header row.
   *
   * @throws SyntaxError when the header cannot be read
   */
  public PandasTsvReader(InputStream in) throws IOException, SyntaxError {
    this.in = in;
    fill();
    if (lim - pos >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
      pos = 3;
    }
    Row h = readRow(-1);
    if (h == null) {
      this.header = List.of();
      this.imageColumn = -1;
      return;
    }
    List<String> names = new ArrayList<>();
    for (String c : h.cells()) {
      names.add(c == null ? "Unnamed: " + names.size() : c);
    }
    this.header = List.copyOf(names);
    this.imageColumn = header.indexOf("image");
  }

  /**
   * Column names as pandas makes them unique ({@code mangle_dupe_cols}): the first {@code answer}
   * keeps its name, later ones become {@code answer.1}, {@code answer.2}, skipping names taken.
   */
  public static List<String> dedupe(List<String> names) {
    Map<String, Integer> counts = new HashMap<>();
    List<String> out = new ArrayList<>(names.size());
    for (String name : names) {
      String col = name;
      int cur = counts.getOrDefault(col, 0);
      while (cur > 0) {
        counts.put(col, cur + 1);
        col = col + "." + cur;
        cur = counts.getOrDefault(col, 0);
      }
      out.add(col);
      counts.put(col, cur + 1);
    }
    return List.copyOf(out);
  }


  /** The column names, in file order; empty for an empty file. */
  public List<String> header() {
    return header;
  }

  /**
   * The next row, or null at the end of the file.
   *
   * @throws SyntaxError on an unterminated quote or invalid UTF-8; rows already returned stay valid
   */
  public Row next() throws IOException, SyntaxError {
    return header.isEmpty() ? null : readRow(imageColumn);
  }

  private Row readRow(int imageCol) throws IOException, SyntaxError {
    List<Integer> nulFields = new java.util.ArrayList<>();
    int pendingSpaces = 0;
    while (true) {
      int c = peek();
      if (c < 0) {
        return null;
      }
      if (c == '\n') {
        pos++;
        line++;
        pendingSpaces = 0;
      } else if (c == '\r') {
        pos++;
        if (peek() == '\n') {
          pos++;
        }
        line++;
        pendingSpaces = 0;
      } else if (c == ' ') {
        pos++;
        pendingSpaces++;
      } else {
        break;
      }
    }
    int startLine = line;
    List<String> cells = new ArrayList<>(header == null ? 8 : Math.max(8, header.size()));
    ImageCell image = null;
    int f = 0;
    while (true) {
      boolean isImage = f == imageCol;
      ByteSink sink = isImage ? imageText : text;
      sink.reset();
      if (isImage) {
        scanner = new Base64ListScanner();
      }
      for (int s = 0; s < pendingSpaces; s++) {
        append(sink, isImage, (byte) ' ', -1);
      }
      pendingSpaces = 0;
      End end = readField(sink, isImage, startLine, f);
      String value = sink.overflowed() ? null : decode(sink, startLine, f);
      int nul = value == null ? -1 : value.indexOf('\0');
      if (nul >= 0) {
        value = value.substring(0, nul);
        nulFields.add(f);
      }
      boolean missing = value != null && PyValues.isMissing(value);
      if (isImage) {
        image = new ImageCell(missing, missing || value == null ? Optional.empty() : Optional.of(value),
            !missing && scanner.clean() ? Optional.of(scanner.elements()) : Optional.empty());
        cells.add(null);
      } else {
        cells.add(missing ? null : value);
      }
      f++;
      if (end != End.TAB) {
        break;
      }
    }
    int fieldCount = cells.size();
    String[] out = cells.toArray(new String[0]);
    if (header != null && out.length < header.size()) {
      out = Arrays.copyOf(out, header.size());
    }
    if (imageCol >= 0 && image == null) {
      image = new ImageCell(true, Optional.empty(), Optional.empty());
    }
    return new Row(startLine, out, fieldCount, Optional.ofNullable(image), List.copyOf(nulFields));
  }

  private End readField(ByteSink sink, boolean isImage, int startLine, int f) throws IOException, SyntaxError {
    int c = peek();
    // A quote opens a quoted cell only at the very start of the field (pandas' START_FIELD state).
    if (c == '"' && sink.size() == 0) {
      pos++;
      while (true) {
        // bulk copy up to the next quote
        while (true) {
          if (pos == lim && !fill()) {
            throw new SyntaxError("the quoted cell is never closed (EOF inside string starting at row "
                + startLine + ")", startLine, f);
          }
          int i;
          if (isImage) {
            // The scanner walks the bytes itself: one pass over base64 data, not two.
            i = scanner.consumeUntilQuote(buf, pos, lim, bufStart + pos);
            line += scanner.takeNewlines();
            if (i > pos) {
              sink.append(buf, pos, i);
            }
          } else {
            i = pos;
            while (i < lim && buf[i] != '"') {
              if (buf[i] == '\n') {
                line++;
              }
              i++;
            }
            if (i > pos) {
              sink.append(buf, pos, i);
            }
          }
          pos = i;
          if (i < lim) {
            break;
          }
        }
        pos++; // the quote
        int d = peek();
        if (d == '"') {
          append(sink, isImage, (byte) '"', bufStart + pos);
          pos++;
          continue;
        }
        if (d < 0) {
          return End.EOF;
        }
        if (d == '\t') {
          pos++;
          return End.TAB;
        }
        if (d == '\n' || d == '\r') {
          return eol();
        }
        break; // text after a closing quote is kept, as an unquoted continuation
      }
    }
    while (true) {
      if (pos == lim && !fill()) {
        return End.EOF;
      }
      int i = pos;
      while (i < lim) {
        byte b = buf[i];
        if (b == '\t' || b == '\n' || b == '\r') {
          break;
        }
        i++;
      }
      if (i > pos) {
        appendBulk(sink, isImage, pos, i);
      }
      pos = i;
      if (i < lim) {
        if (buf[i] == '\t') {
          pos++;
          return End.TAB;
        }
        return eol();
      }
    }
  }

  private End eol() throws IOException {
    int c = peek();
    pos++;
    if (c == '\r' && peek() == '\n') {
      pos++;
    }
    line++;
    return End.EOL;
  }

  private void appendBulk(ByteSink sink, boolean isImage, int from, int to) {
    sink.append(buf, from, to);
    if (isImage) {
      scanner.accept(buf, from, to, bufStart + from);
    }
  }

  private void append(ByteSink sink, boolean isImage, byte b, long abs) {
    sink.append(b);
    if (isImage) {
      scanner.accept(new byte[] {b}, 0, 1, abs);
    }
  }

  private String decode(ByteSink sink, int startLine, int f) throws SyntaxError {
    byte[] b = sink.bytes();
    int n = sink.size();
    int i = 0;
    while (i < n && b[i] >= 0) {
      i++;
    }
    if (i == n) {
      // ASCII (most cells): nothing can be malformed, and Latin-1 is the cheapest exact decoding
      return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }
    try {
      return utf8.reset().decode(ByteBuffer.wrap(b, 0, n)).toString();
    } catch (CharacterCodingException e) {
      throw new SyntaxError("the cell is not valid UTF-8 (" + e.getMessage() + ")", startLine, f);
    }
  }

  private int peek() throws IOException {
    if (pos == lim && !fill()) {
      return -1;
    }
    return buf[pos] & 0xFF;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    bufStart += lim;
    pos = 0;
    lim = 0;
    int n = in.readNBytes(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    lim = n;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** A growable byte buffer that stops keeping bytes past its limit. */
  private static final class ByteSink {
    private final int limit;
    private byte[] data = new byte[256];
    private int size;
    private boolean overflow;

    ByteSink(int limit) {
      this.limit = limit;
    }

    void reset() {
      size = 0;
      overflow = false;
    }

    void append(byte b) {
      if (overflow || !room(1)) {
        return;
      }
      data[size++] = b;
    }

    void append(byte[] b, int from, int to) {
      int n = to - from;
      if (overflow || !room(n)) {
        return;
      }
      System.arraycopy(b, from, data, size, n);
      size += n;
    }

    private boolean room(int n) {
      if ((long) size + n > limit) {
        overflow = true;
        return false;
      }
      if (size + n > data.length) {
        data = Arrays.copyOf(data, Math.max(size + n, Math.min(limit, data.length * 2)));
      }
      return true;
    }

    boolean overflowed() {
      return overflow;
    }

    byte[] bytes() {
      return data;
    }

    int size() {
      return size;
    }
  }
}
