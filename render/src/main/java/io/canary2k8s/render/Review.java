package io.canary2k8s.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.utility.DeepUnwrap;
import io.canary2k8s.concurrent.Futures;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;

/** The one FreeMarker configuration: renders the Markdown reports from templates/. */
public final class Review {
  /**
   * {@code <@piece p=x/>}: writes {@code x}, a {@link Piece} made ahead (or being made: a future of
   * one, waited for here), into the report as its text would be written there.
   */
  private static final TemplateDirectiveModel PIECE =
      (env, params, loopVars, body) -> {
        Object p = DeepUnwrap.unwrap((TemplateModel) params.get("p"));
        if (p instanceof CompletableFuture<?> f) {
          p = Futures.join(f);
        }
        Writer out = env.getOut();
        if (p instanceof Piece piece && out instanceof LineEnds lineEnds) {
          lineEnds.write(piece);
        } else {
          out.write(String.valueOf(p));
        }
      };

  private static final Configuration FREEMARKER = configure();

  private Review() {}

  private static Configuration configure() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setClassForTemplateLoading(Review.class, "/templates");
    c.setDefaultEncoding("UTF-8");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setLocale(Locale.ROOT);
    c.setTimeZone(TimeZone.getTimeZone("UTC"));
    c.setNumberFormat("computer");
    c.setOutputEncoding("UTF-8");
    c.setSharedVariable("piece", PIECE);
    return c;
  }

  /** Renders {@code templates/<name>} with {@code model}; LF line ends, one final newline. */
  public static String render(String name, Map<String, Object> model) {
    StringWriter out = new StringWriter(1 << 16);
    try {
      render(name, model, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * {@code templates/<name>} as a {@link Piece} of a report, made ahead (on any core): the template
   * writes straight into the line-end pass and the encoder, no string in between.
   */
  static Piece piece(String name, Map<String, Object> model) {
    return Piece.of(w -> process(name, model, w));
  }

  private static void process(String name, Map<String, Object> model, Writer out) {
    try {
      template(name).process(model, out);
    } catch (TemplateException e) {
      throw new IllegalStateException("cannot render template " + name + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Template template(String name) {
    try {
      return FREEMARKER.getTemplate(name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot load template " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@link #render(String, Map)} into {@code out} as UTF-8, never held whole (REVIEW.md of 10,000
   * apps: 60 MB). Text that UTF-8 cannot encode (a lone surrogate) fails, as it does for every
   * file.
   */
  public static void render(String name, Map<String, Object> model, OutputStream out)
      throws IOException {
    render(name, model, LineEnds.utf8(out));
  }

  private static void render(String name, Map<String, Object> model, Writer out)
      throws IOException {
    render(name, model, new LineEnds(out));
  }

  private static void render(String name, Map<String, Object> model, LineEnds w)
      throws IOException {
    Template t = template(name);
    try {
      t.process(model, w);
    } catch (TemplateException e) {
      throw new IllegalStateException("cannot render template " + name + ": " + e.getMessage(), e);
    }
    w.finish();
  }

  /**
   * A piece of a report made ahead, on any core, and held as the bytes it will have in the report:
   * its line ends made as {@link LineEnds} makes them over the whole report, in UTF-8. That is the
   * same text as long as the piece starts with text (not a line end) and does not end inside a
   * {@code \r\n}; its final newlines are held, to be joined with what follows. Other text is kept
   * as it is and made with the rest. (A 10,000-app report's per-app sections, 60 MB: as strings
   * with → and Σ they were UTF-16, twice that for the collector to copy, and scanned and encoded at
   * the end of the run, on one core.)
   */
  static final class Piece {
    /**
     * The buffers of the line-end pass that makes a piece, in chars: small, as a report's own two 8
     * KB ones made 330 MB of garbage for 10,000 sections.
     */
    private static final int PIECE_BUFFER = 512;

    /** The piece's bytes, in order (see {@link Chunks}). */
    private final byte[][] utf8;

    private final char last;
    private final int newlines;
    private final String text;

    private Piece(byte[][] utf8, char last, int newlines, String text) {
      this.utf8 = utf8;
      this.last = last;
      this.newlines = newlines;
      this.text = text;
    }

    static Piece of(String text) {
      return of(w -> w.write(text));
    }

    /**
     * What {@code content} writes, made ahead. Where that is empty, starts with a line end or ends
     * inside one, or holds text UTF-8 cannot encode, it is kept as text instead (written a second
     * time, into a string), made with the rest of the report, whose encoder reports it as before.
     */
    private static Piece of(Content content) {
      Piece made = made(content);
      if (made != null) {
        return made;
      }
      StringWriter text = new StringWriter(1 << 12);
      try {
        content.writeTo(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // into memory: nothing else fails
      }
      return new Piece(null, '\0', 0, text.toString());
    }

    /** What {@code content} writes; how content is written. */
    @FunctionalInterface
    private interface Content {
      void writeTo(Writer w) throws IOException;
    }

    /** {@link #of(Content)} made ahead, or null where it is kept as text. */
    private static Piece made(Content content) {
      Chunks bytes = new Chunks();
      Writer utf8 = new OutputStreamWriter(bytes, StandardCharsets.UTF_8.newEncoder());
      LineEnds w = new LineEnds(utf8, null, PIECE_BUFFER);
      try {
        content.writeTo(w);
        if (w.first < 0 || w.first == '\r' || w.first == '\n' || w.cr) {
          return null;
        }
        int newlines = w.held();
        utf8.flush();
        return new Piece(bytes.chunks(), w.last, newlines, null);
      } catch (java.nio.charset.CharacterCodingException e) {
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e); // into memory: nothing else fails
      }
    }

    /** The piece's text (its line ends as made), for a writer that is not a report's. */
    @Override
    public String toString() {
      return text != null
          ? text
          : new String(bytes(), StandardCharsets.UTF_8) + "\n".repeat(newlines);
    }

    private byte[] bytes() {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      for (byte[] c : utf8) {
        all.writeBytes(c);
      }
      return all.toByteArray();
    }

    /**
     * Bytes kept as they are written, in chunks of 4 KB doubling up to 1 MB, the last one cut to
     * its length: a piece holds its bytes and little more, and nothing is copied as it grows. (In
     * one growing array, then copied out, the notes tables of a 10,000-app report, 18 MB, took
     * three times that at once.)
     */
    private static final class Chunks extends OutputStream {
      private static final int FIRST = 1 << 12;
      private static final int MAX = 1 << 20;
      private final List<byte[]> full = new ArrayList<>();
      private byte[] current = new byte[FIRST];
      private int used;

      @Override
      public void write(int b) {
        room();
        current[used++] = (byte) b;
      }

      @Override
      public void write(byte[] b, int off, int len) {
        while (len > 0) {
          room();
          int n = Math.min(len, current.length - used);
          System.arraycopy(b, off, current, used, n);
          used += n;
          off += n;
          len -= n;
        }
      }

      /**
       * A chunk with room in it: the next, twice as large up to {@link #MAX}, once this one is
       * full.
       */
      private void room() {
        if (used == current.length) {
          full.add(current);
          current = new byte[Math.min(MAX, current.length * 2)];
          used = 0;
        }
      }

      byte[][] chunks() {
        byte[][] out = full.toArray(new byte[full.size() + 1][]);
        out[full.size()] = used == current.length ? current : Arrays.copyOf(current, used);
        return out;
      }
    }
  }

  /**
   * Passes the template's output on with {@code \r\n} → {@code \n}, every run of three or more
   * {@code \n} → two, and one final newline: the same text as {@code s.replace("\r\n",
   * "\n").replaceAll("\n{3,}", "\n\n")} plus a final newline, made in one pass. (The copies that
   * made a 10,000-app report took several hundred MB at once.)
   */
  static final class LineEnds extends Writer {
    private final Writer out;

    /**
     * Where {@code out} writes its bytes, for {@link Piece}s; null: pieces go through {@code out}.
     */
    private final OutputStream bytes;

    private final char[] buf;

    /** Strings are copied into this in pieces and scanned there (not char by char). */
    private final char[] scratch;

    private int used;
    private int newlines;
    private boolean cr;
    private char last;
    private boolean empty = true;

    /** The first character written, as it came; -1 before any. */
    private int first = -1;

    LineEnds(Writer out) {
      this(out, null, 8192);
    }

    private LineEnds(Writer out, OutputStream bytes, int buffer) {
      this.out = out;
      this.bytes = bytes;
      this.buf = new char[buffer];
      this.scratch = new char[buffer];
    }

    /**
     * Into {@code out} as UTF-8: text through an encoder that reports what UTF-8 cannot encode (a
     * lone surrogate), as every file of the bundle does; {@link Piece}s, bytes already, straight
     * into {@code out} after the encoder is flushed. That flush stops short of {@code out}: on a
     * buffered file stream it would be a write to the disk per piece.
     */
    static LineEnds utf8(OutputStream out) {
      OutputStream unflushed =
          new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
            }

            @Override
            public void flush() {}
          };
      return new LineEnds(
          new OutputStreamWriter(unflushed, StandardCharsets.UTF_8.newEncoder()), out, 8192);
    }

    /** {@code p} as if its text were written here. */
    void write(Piece p) throws IOException {
      if (p.text != null) {
        write(p.text);
        return;
      }
      // the piece starts with text: what its first character does to the held line ends
      if (cr) {
        cr = false;
        text('\r');
      }
      flushNewlines();
      passOn();
      if (bytes != null) {
        out.flush();
        for (byte[] c : p.utf8) {
          bytes.write(c);
        }
      } else {
        out.write(new String(p.bytes(), StandardCharsets.UTF_8));
      }
      last = p.last;
      empty = false;
      newlines = p.newlines;
    }

    /** Passes on what was written but the line ends held at its end; their number. */
    private int held() throws IOException {
      passOn();
      return newlines;
    }

    /** The buffered text, to {@code out}. */
    private void passOn() throws IOException {
      out.write(buf, 0, used);
      used = 0;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
      int end = off + len;
      while (off < end) {
        int n = Math.min(end - off, scratch.length);
        s.getChars(off, off + n, scratch, 0);
        write(scratch, 0, n);
        off += n;
      }
    }

    /** Runs of text without line ends are copied as they are: most of a report, in long runs. */
    @Override
    public void write(char[] a, int off, int len) throws IOException {
      if (first < 0 && len > 0) {
        first = a[off];
      }
      int end = off + len;
      int i = off;
      while (i < end) {
        char c = a[i];
        if (cr || c == '\r' || c == '\n') {
          put(c);
          i++;
          continue;
        }
        int j = i + 1;
        while (j < end) {
          char d = a[j];
          if (d == '\r' || d == '\n') {
            break;
          }
          j++;
        }
        flushNewlines();
        run(a, i, j);
        i = j;
      }
    }

    private void run(char[] a, int from, int to) throws IOException {
      while (from < to) {
        if (used == buf.length) {
          passOn();
        }
        int n = Math.min(to - from, buf.length - used);
        System.arraycopy(a, from, buf, used, n);
        used += n;
        from += n;
      }
      last = a[to - 1];
      empty = false;
    }

    @Override
    public void write(int c) throws IOException {
      if (first < 0) {
        first = (char) c;
      }
      put((char) c);
    }

    private void put(char c) throws IOException {
      if (cr) {
        cr = false;
        if (c == '\n') {
          newlines++;
          return;
        }
        text('\r');
      }
      if (c == '\r') {
        cr = true;
      } else if (c == '\n') {
        newlines++;
      } else {
        text(c);
      }
    }

    private void text(char c) throws IOException {
      flushNewlines();
      emit(c);
    }

    private void flushNewlines() throws IOException {
      for (int i = Math.min(newlines, 2); i > 0; i--) {
        emit('\n');
      }
      newlines = 0;
    }

    private void emit(char c) throws IOException {
      if (used == buf.length) {
        passOn();
      }
      buf[used++] = c;
      last = c;
      empty = false;
    }

    /** The held line ends, and a final newline if the text does not end with one; all passed on. */
    void finish() throws IOException {
      if (cr) {
        cr = false;
        text('\r');
      }
      flushNewlines();
      if (empty || last != '\n') {
        emit('\n');
      }
      passOn();
      if (bytes != null) {
        out.flush(); // the encoder's last bytes
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
