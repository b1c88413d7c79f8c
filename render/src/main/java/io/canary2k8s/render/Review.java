package io.canary2k8s.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
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
      StringWriter w = new StringWriter();
      t.process(model, w);
      String out = w.toString().replace("\r\n", "\n").replaceAll("\n{3,}", "\n\n");
      return out.endsWith("\n") ? out : out + "\n";
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("cannot render template " + name + ": " + e.getMessage(), e);
    }
  }
}
