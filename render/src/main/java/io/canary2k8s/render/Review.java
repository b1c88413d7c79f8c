package io.canary2k8s.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** The one FreeMarker configuration: renders the Markdown reports from templates/. */
public final class Review {
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
    return c;
  }

  /** Renders {@code templates/<name>} with {@code model}; LF line ends, one final newline. */
  public static String render(String name, Map<String, Object> model) {
    try {
      Template t = FREEMARKER.getTemplate(name);
      LineEnds w = new LineEnds();
      t.process(model, w);
      return w.finish();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("cannot render template " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Collects the template's output with {@code \r\n} → {@code \n}, every run of three or more
   * {@code \n} → two, and one final newline: the same text as {@code
   * s.replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n")} plus a final newline, made in one
   * pass. (The copies that made a 10,000-app report took several hundred MB at once.)
   */
  static final class LineEnds extends Writer {
    private final StringBuilder out = new StringBuilder(1 << 16);
    private int newlines;
    private boolean cr;

    @Override
    public void write(char[] buf, int off, int len) {
      for (int i = off; i < off + len; i++) {
        put(buf[i]);
      }
    }

    @Override
    public void write(String s, int off, int len) {
      for (int i = off; i < off + len; i++) {
        put(s.charAt(i));
      }
    }

    @Override
    public void write(int c) {
      put((char) c);
    }

    private void put(char c) {
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

    private void text(char c) {
      flushNewlines();
      out.append(c);
    }

    private void flushNewlines() {
      for (int i = Math.min(newlines, 2); i > 0; i--) {
        out.append('\n');
      }
      newlines = 0;
    }

    String finish() {
      if (cr) {
        cr = false;
        text('\r');
      }
      flushNewlines();
      if (out.length() == 0 || out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      return out.toString();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
