package io.canary2k8s.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.utility.DeepUnwrap;
import io.canary2k8s.concurrent.Futures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;

/** The one FreeMarker configuration: renders the Markdown reports from templates/. */
public final class Review {
  /**
   * {@code <@piece p=x/>}: writes {@code x}, a part of the report made ahead on another core (a
   * future of its text, waited for here), where the template places it.
   */
  private static final TemplateDirectiveModel PIECE =
      (env, params, loopVars, body) -> {
        Object p = DeepUnwrap.unwrap((TemplateModel) params.get("p"));
        if (p instanceof CompletableFuture<?> f) {
          p = Futures.join(f);
        }
        env.getOut().write(String.valueOf(p));
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

  private static Template template(String name) {
    try {
      return FREEMARKER.getTemplate(name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot load template " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * {@link #render(String, Map)} into {@code out} as UTF-8, never held whole. Text that UTF-8
   * cannot encode (a lone surrogate) fails, as it does for every file.
   */
  public static void render(String name, Map<String, Object> model, OutputStream out)
      throws IOException {
    // an encoder that reports what UTF-8 cannot encode (a lone surrogate), as every file's does
    render(name, model, new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()));
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
   * Passes the template's output on with {@code \r\n} → {@code \n}, every run of three or more
   * {@code \n} → two, and one final newline: the same text as {@code s.replace("\r\n",
   * "\n").replaceAll("\n{3,}", "\n\n")} plus a final newline, made in one pass. (The copies that
   * made a 10,000-app report took several hundred MB at once.)
   */
  static final class LineEnds extends Writer {
    private final Writer out;

    private final char[] buf;

    /** Strings are copied into this in pieces and scanned there (not char by char). */
    private final char[] scratch;

    private int used;
    private int newlines;
    private boolean cr;
    private char last;
    private boolean empty = true;

    LineEnds(Writer out) {
      this.out = out;
      this.buf = new char[8192];
      this.scratch = new char[8192];
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
      out.flush(); // an encoder's last bytes
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
