package org.mmrarebench.data.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Finds the base64 strings of an {@code image} cell while the cell streams past, without holding
 * it: a JSON list of strings yields, per element, its byte range in the file, its decoded size,
 * whether Python's {@code base64.b64decode} would accept it, and its first bytes (for sniffing the
 * media type). Anything other than a clean JSON list of strings makes the scan {@linkplain #clean()
 * unclean}, and the caller falls back to the reference's general list-cell rules.
 */
public final class Base64ListScanner {
  /** One string of the list. */
  public record Element(int position, long offset, int rawLength, long decodedSize, boolean escaped,
      boolean canonical, Optional<String> invalidReason, byte[] head) {
    /** Whether the string is empty (the reference skips it but still counts its position). */
    public boolean empty() {
      return rawLength == 0;
    }
  }

  private static final int HEAD_CHARS = 16;
  private static final byte[] CLASS = new byte[256];
  private static final boolean[] IS_DATA = new boolean[256];
  private static final int OTHER = 0;
  private static final int DATA = 1;
  private static final int PAD = 2;
  private static final int QUOTE = 3;
  private static final int BACKSLASH = 4;
  private static final int CONTROL = 5;

  static {
    for (int c = 0; c < 0x20; c++) {
      CLASS[c] = CONTROL;
    }
    for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
      CLASS[c] = DATA;
      IS_DATA[c] = true;
    }
    CLASS['='] = PAD;
    CLASS['"'] = QUOTE;
    CLASS['\\'] = BACKSLASH;
  }

  private enum State { PRE, EXPECT_VALUE_OR_END, EXPECT_VALUE, AFTER_VALUE, IN_STRING, ESCAPE, DONE, BAD }

  private State state = State.PRE;
  private final List<Element> elements = new ArrayList<>();
  private long start;
  private long end;
  private long dataChars;
  private int pads;
  private boolean escaped;
  private boolean nonAlphabet;
  private boolean dataAfterPad;
  private final byte[] head = new byte[HEAD_CHARS];
  private int headLen;

  private int newlines;

  /**
   * Feeds the bytes of {@code b[from..to)} up to the first {@code "} and returns its index
   * ({@code to} when there is none), so that a tokenizer needs no scan of its own over image cells.
   * Newlines passed are counted for {@link #takeNewlines()}.
   */
  public int consumeUntilQuote(byte[] b, int from, int to, long abs) {
    int i = from;
    while (i < to) {
      if (state == State.IN_STRING) {
        int j = skipData(b, i, to);
        if (j > i) {
          dataRun(b, i, j, abs + (j - from));
        }
        if (j >= to) {
          return to;
        }
        if (b[j] == '"') {
          return j;
        }
        if (b[j] == '\n') {
          newlines++;
        }
        accept(b, j, j + 1, abs + (j - from));
        i = j + 1;
      } else {
        int j = i;
        while (j < to && b[j] != '"') {
          j++;
          if (state == State.ESCAPE && j - i > 64) {
            break; // after an escape, hand the rest of the string back to the fast path above
          }
        }
        countNewlines(b, i, j);
        if (state != State.BAD) {
          accept(b, i, j, abs + (i - from));
        }
        if (j < to && b[j] == '"') {
          return j;
        }
        i = j;
      }
    }
    return to;
  }

  /**
   * The index of the first byte at or after {@code i} that is not a base64 data character: the hot
   * loop of reading a release (over a gigabyte at the paper's scale). Sixteen bytes are checked at a
   * time, then eight ({@link #allData}), then the last few one by one. Measured on 64 MB of base64:
   * 2.7 GB/s with the client compiler bin/mmrare uses (a byte table: 1.4 GB/s), 4.4 GB/s with C2.
   */
  static int skipData(byte[] b, int i, int to) {
    int j = i;
    while (j + 16 <= to) {
      long x = (long) LONGS.get(b, j);
      long y = (long) LONGS.get(b, j + 8);
      if (((x | y) & HIGH) != 0 || (dataMask(x) & dataMask(y) & HIGH) != HIGH) {
        break;
      }
      j += 16;
    }
    while (j + 8 <= to && allData((long) LONGS.get(b, j))) {
      j += 8;
    }
    while (j < to && IS_DATA[b[j] & 0xFF]) {
      j++;
    }
    return j;
  }

  private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
      long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH = 0x8080808080808080L;
  private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

  /**
   * Whether all eight bytes of {@code x} are base64 data characters ({@code A-Z a-z 0-9 + /}), with
   * no branch per byte. For bytes below 0x80, {@code v + (0x80 - lo)} sets a byte's high bit exactly
   * when it is at least {@code lo}, and {@code v + (0x7F - hi)} when it is above {@code hi}, without
   * carries between bytes; a byte is zero exactly where {@code ~(((y & 0x7F) + 0x7F) | y)} has its
   * high bit set.
   */
  static boolean allData(long x) {
    return (x & HIGH) == 0 && (dataMask(x) & HIGH) == HIGH;
  }

  /** For eight bytes below 0x80: the high bit of each byte set exactly where it is a data character. */
  private static long dataMask(long x) {
    long lower = x | 0x2020202020202020L; // A-Z onto a-z, and nothing else into a-z
    long letters = (lower + 0x1F1F1F1F1F1F1F1FL) & ~(lower + 0x0505050505050505L);
    long digits = (x + 0x5050505050505050L) & ~(x + 0x4646464646464646L);
    long y = (x | 0x0404040404040404L) ^ 0x2F2F2F2F2F2F2F2FL; // zero exactly at '+' (0x2B) and '/' (0x2F)
    long plusSlash = ~(((y & LOW7) + LOW7) | y);
    return letters | digits | plusSlash;
  }

  /** Books a run {@code b[i..j)} of base64 data characters ending at file offset {@code endAbs}. */
  private void dataRun(byte[] b, int i, int j, long endAbs) {
    if (pads > 0) {
      dataAfterPad = true;
    }
    if (headLen < HEAD_CHARS) {
      int n = Math.min(HEAD_CHARS - headLen, j - i);
      System.arraycopy(b, i, head, headLen, n);
      headLen += n;
    }
    dataChars += j - i;
    end = endAbs;
  }

  private void countNewlines(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        newlines++;
      }
    }
  }

  /** Newlines passed by {@link #consumeUntilQuote} since the last call. */
  public int takeNewlines() {
    int n = newlines;
    newlines = 0;
    return n;
  }

  /** Feeds content bytes {@code b[from..to)}, the first of which sits at file offset {@code abs}. */
  public void accept(byte[] b, int from, int to, long abs) {
    int i = from;
    while (i < to && state != State.BAD) {
      if (state == State.IN_STRING) {
        // The hot loop: base64 data runs to the closing quote; one table load per byte.
        int j = skipData(b, i, to);
        if (j > i) {
          dataRun(b, i, j, abs + (j - from));
        }
        i = j;
        if (i >= to) {
          return;
        }
        int k = CLASS[b[i] & 0xFF];
        if (k == PAD) {
          pads++;
          end = abs + (i - from) + 1;
        } else if (k == QUOTE) {
          finishString();
          state = State.AFTER_VALUE;
        } else if (k == BACKSLASH) {
          escaped = true;
          state = State.ESCAPE;
        } else if (k == CONTROL) {
          state = State.BAD; // json.loads rejects raw control characters inside strings
        } else {
          end = abs + (i - from) + 1; // non-alphabet bytes are discarded by b64decode
          nonAlphabet = true;
        }
        i++;
        continue;
      }
      int c = b[i] & 0xFF;
      switch (state) {
        case PRE -> {
          if (c == '[') {
            state = State.EXPECT_VALUE_OR_END;
          } else if (!jsonSpace(c)) {
            state = State.BAD;
          }
        }
        case EXPECT_VALUE_OR_END, EXPECT_VALUE -> {
          if (c == '"') {
            beginString(abs + (i - from) + 1);
          } else if (c == ']' && state == State.EXPECT_VALUE_OR_END) {
            state = State.DONE;
          } else if (!jsonSpace(c)) {
            state = State.BAD;
          }
        }
        case AFTER_VALUE -> {
          if (c == ',') {
            state = State.EXPECT_VALUE;
          } else if (c == ']') {
            state = State.DONE;
          } else if (!jsonSpace(c)) {
            state = State.BAD;
          }
        }
        case ESCAPE -> {
          if (c == 'u') {
            state = State.BAD; // \\uXXXX inside base64 is not worth streaming; the general path handles it
          } else {
            if (c == '/') {
              dataChars++;
            }
            end = abs + (i - from) + 1;
            state = State.IN_STRING;
          }
        }
        case DONE -> {
          if (!jsonSpace(c)) {
            state = State.BAD;
          }
        }
        default -> state = State.BAD;
      }
      i++;
    }
  }

  private static boolean jsonSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private void beginString(long offset) {
    state = State.IN_STRING;
    start = offset;
    end = offset;
    dataChars = 0;
    pads = 0;
    escaped = false;
    nonAlphabet = false;
    dataAfterPad = false;
    headLen = 0;
  }

  private void finishString() {
    int rem = (int) (dataChars % 4);
    Optional<String> invalid = Optional.empty();
    if (dataAfterPad) {
      invalid = Optional.of("base64 data continues after '=' padding");
    } else if (rem == 1) {
      invalid = Optional.of("base64 has " + dataChars + " data characters, which cannot be 1 more than a multiple of 4");
    } else if ((rem == 2 && pads < 2) || (rem == 3 && pads < 1)) {
      invalid = Optional.of("base64 padding is incorrect (" + dataChars + " data characters, " + pads + " '=')");
    }
    long size = (dataChars / 4) * 3 + (rem == 2 ? 1 : rem == 3 ? 2 : 0);
    byte[] decodedHead = new byte[0];
    if (invalid.isEmpty() && headLen > 0) {
      int usable = headLen - headLen % 4;
      decodedHead = usable == 0 ? new byte[0] : Base64.getDecoder().decode(java.util.Arrays.copyOf(head, usable));
    }
    elements.add(new Element(elements.size(), start, (int) Math.min(Integer.MAX_VALUE, end - start), size, escaped,
        !escaped && !nonAlphabet, invalid, decodedHead));
  }

  /** Whether the whole cell was a well-formed JSON list of strings. */
  public boolean clean() {
    return state == State.DONE;
  }

  /** The strings found, in list order (meaningful only when {@link #clean()}). */
  public List<Element> elements() {
    return List.copyOf(elements);
  }
}
