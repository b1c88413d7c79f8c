import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;

/**
 * Reads bench/scale/run.sh's results.csv, prints the growth exponents (least-squares slope of log
 * time against log N) and the per-app cost ratios, and draws time and peak RSS against N on log-log
 * axes into a PNG (Java2D, no plotting library needed).
 *
 * <p>usage: java Plot results.csv out.png
 */
public final class Plot {
  record Row(String what, int n, double wall, double cpu, double rssMb) {}

  public static void main(String[] args) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.split(",");
      if (f[0].equals("what")) {
        continue;
      }
      rows.add(
          new Row(
              f[0],
              Integer.parseInt(f[1]),
              Double.parseDouble(f[3]),
              Double.parseDouble(f[4]) + Double.parseDouble(f[5]),
              Double.parseDouble(f[6]) / 1024));
    }
    // per N: the minimum wall and CPU time (the machine may be shared), the maximum peak RSS
    TreeMap<Integer, double[]> migrate = new TreeMap<>();
    for (Row r : rows) {
      if (!r.what.equals("migrate")) {
        continue;
      }
      migrate.merge(
          r.n,
          new double[] {r.wall, r.cpu, r.rssMb},
          (a, b) ->
              new double[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2])});
    }
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%8s %10s %10s %10s %14s%n",
            "N",
            "wall s",
            "cpu s",
            "rss MiB",
            "wall ms/app"));
    migrate.forEach(
        (n, v) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "%8d %10.2f %10.2f %10.0f %14.3f%n",
                    n,
                    v[0],
                    v[1],
                    v[2],
                    1000 * v[0] / n)));
    out.append(
        String.format(
            Locale.ROOT,
            "growth exponent (log-log slope), wall: %.2f, cpu: %.2f, rss: %.2f%n",
            slope(migrate, 0),
            slope(migrate, 1),
            slope(migrate, 2)));
    if (migrate.containsKey(1000) && migrate.containsKey(10000)) {
      double[] a = migrate.get(1000);
      double[] b = migrate.get(10000);
      out.append(
          String.format(
              Locale.ROOT,
              "per-app cost at 10,000 / per-app cost at 1,000: wall %.2f, cpu %.2f (target <= 1.2)%n",
              (b[0] / 10000) / (a[0] / 1000),
              (b[1] / 10000) / (a[1] / 1000)));
    }
    rows.stream()
        .filter(r -> r.what.equals("version"))
        .mapToDouble(Row::wall)
        .min()
        .ifPresent(v -> out.append(String.format(Locale.ROOT, "--version wall: min %.2f s", v)));
    rows.stream()
        .filter(r -> r.what.equals("version"))
        .mapToDouble(Row::wall)
        .sorted()
        .skip(rows.stream().filter(r -> r.what.equals("version")).count() / 2)
        .findFirst()
        .ifPresent(v -> out.append(String.format(Locale.ROOT, ", median %.2f s%n", v)));
    System.out.print(out);
    draw(migrate, Path.of(args[1]));
  }

  /** Least-squares slope of log(value) against log(N). */
  static double slope(Map<Integer, double[]> m, int k) {
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    int c = 0;
    for (var e : m.entrySet()) {
      double x = Math.log(e.getKey());
      double y = Math.log(e.getValue()[k]);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      c++;
    }
    return c < 2 ? Double.NaN : (c * sxy - sx * sy) / (c * sxx - sx * sx);
  }

  static void draw(TreeMap<Integer, double[]> m, Path png) throws IOException {
    int w = 1000, h = 460;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    panel(
        g,
        m,
        0,
        0,
        w / 2,
        h,
        "migrate time (s) vs apps",
        new int[] {0, 1},
        new String[] {"wall (min of runs)", "CPU user+sys"},
        new Color[] {new Color(0x1f77b4), new Color(0xff7f0e)});
    panel(
        g,
        m,
        w / 2,
        0,
        w / 2,
        h,
        "migrate peak RSS (MiB) vs apps",
        new int[] {2},
        new String[] {"peak RSS"},
        new Color[] {new Color(0x2ca02c)});
    g.dispose();
    ImageIO.write(img, "png", png.toFile());
  }

  static void panel(
      Graphics2D g,
      TreeMap<Integer, double[]> m,
      int x0,
      int y0,
      int w,
      int h,
      String title,
      int[] keys,
      String[] names,
      Color[] colors) {
    int left = x0 + 70, right = x0 + w - 20, top = y0 + 40, bottom = y0 + h - 50;
    double xmin = Math.log10(m.firstKey()), xmax = Math.log10(m.lastKey());
    if (xmax - xmin < 1e-9) {
      xmax = xmin + 1;
    }
    double ymin = Double.MAX_VALUE, ymax = -Double.MAX_VALUE;
    for (double[] v : m.values()) {
      for (int k : keys) {
        ymin = Math.min(ymin, Math.log10(v[k]));
        ymax = Math.max(ymax, Math.log10(v[k]));
      }
    }
    ymin = Math.floor(ymin);
    ymax = Math.ceil(ymax);
    if (ymax - ymin < 1) {
      ymax = ymin + 1;
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, left, y0 + 22);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawRect(left, top, right - left, bottom - top);
    for (int d = (int) ymin; d <= (int) ymax; d++) {
      int y = (int) (bottom - (d - ymin) / (ymax - ymin) * (bottom - top));
      g.setColor(new Color(0xdddddd));
      g.drawLine(left, y, right, y);
      g.setColor(Color.BLACK);
      g.drawString(fmt(Math.pow(10, d)), x0 + 8, y + 4);
    }
    for (int n : m.keySet()) {
      int x = (int) (left + (Math.log10(n) - xmin) / (xmax - xmin) * (right - left));
      g.setColor(new Color(0xdddddd));
      g.drawLine(x, top, x, bottom);
      g.setColor(Color.BLACK);
      g.drawString(String.format(Locale.ROOT, "%,d", n), x - 15, bottom + 16);
    }
    g.drawString("apps (log scale)", (left + right) / 2 - 40, bottom + 36);
    for (int i = 0; i < keys.length; i++) {
      g.setColor(colors[i]);
      g.setStroke(new BasicStroke(2f));
      int px = -1, py = -1;
      for (var e : m.entrySet()) {
        int x = (int) (left + (Math.log10(e.getKey()) - xmin) / (xmax - xmin) * (right - left));
        int y =
            (int)
                (bottom
                    - (Math.log10(e.getValue()[keys[i]]) - ymin) / (ymax - ymin) * (bottom - top));
        g.fillOval(x - 4, y - 4, 8, 8);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
      g.drawString(
          names[i] + String.format(Locale.ROOT, " (slope %.2f)", slope(m, keys[i])),
          left + 10,
          top + 16 + 16 * i);
    }
  }

  static String fmt(double v) {
    return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2g", v);
  }
}
