package castle.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal line chart rendered as standalone SVG, so a report opens in any browser with no network
 * and no script. X may be logarithmic, which is how percentile distributions are read.
 */
final class SvgPlot {

  /** One line: a name for the legend, a colour and its points. */
  record Series(String name, String colour, List<double[]> points) {}

  private static final int WIDTH = 900;
  private static final int HEIGHT = 380;
  private static final int LEFT = 70;
  private static final int RIGHT = 170;
  private static final int TOP = 30;
  private static final int BOTTOM = 50;

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final boolean logX;
  private final List<Series> series = new ArrayList<>();
  private final List<double[]> xTicks = new ArrayList<>();
  private final List<String> xTickLabels = new ArrayList<>();

  SvgPlot(String title, String xLabel, String yLabel, boolean logX) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.logX = logX;
  }

  SvgPlot add(Series line) {
    series.add(line);
    return this;
  }

  /** A labelled tick on the x axis, at data coordinate {@code x}. */
  SvgPlot xTick(double x, String label) {
    xTicks.add(new double[] {x});
    xTickLabels.add(label);
    return this;
  }

  String render() {
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = 0;
    for (Series line : series) {
      for (double[] p : line.points()) {
        minX = Math.min(minX, tx(p[0]));
        maxX = Math.max(maxX, tx(p[0]));
        maxY = Math.max(maxY, p[1]);
      }
    }
    if (minX == Double.MAX_VALUE) {
      minX = 0;
      maxX = 1;
    }
    if (maxX == minX) {
      maxX = minX + 1;
    }
    maxY = niceCeiling(maxY);
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif' font-size='12'>%n",
        WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<text x='%d' y='18' font-size='15' font-weight='bold'>%s</text>%n", LEFT, escape(title)));
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    svg.append(String.format(Locale.ROOT,
        "<rect x='%d' y='%d' width='%d' height='%d' fill='none' stroke='#999'/>%n", LEFT, TOP, plotW, plotH));
    for (int i = 0; i <= 5; i++) {
      double value = maxY * i / 5;
      double y = TOP + plotH - plotH * i / 5.0;
      svg.append(String.format(Locale.ROOT,
          "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#eee'/><text x='%d' y='%.1f' text-anchor='end'>%s</text>%n",
          LEFT, y, LEFT + plotW, y, LEFT - 6, y + 4, format(value)));
    }
    for (int i = 0; i < xTicks.size(); i++) {
      double x = LEFT + plotW * (tx(xTicks.get(i)[0]) - minX) / (maxX - minX);
      svg.append(String.format(Locale.ROOT,
          "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#eee'/><text x='%.1f' y='%d' text-anchor='middle'>%s</text>%n",
          x, TOP, x, TOP + plotH, x, TOP + plotH + 16, escape(xTickLabels.get(i))));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x='%d' y='%d' text-anchor='middle'>%s</text>%n", LEFT + plotW / 2, HEIGHT - 10, escape(xLabel)));
    svg.append(String.format(Locale.ROOT,
        "<text x='16' y='%d' transform='rotate(-90 16 %d)' text-anchor='middle'>%s</text>%n",
        TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
    int legendY = TOP + 10;
    for (Series line : series) {
      StringBuilder path = new StringBuilder();
      for (double[] p : line.points()) {
        double x = LEFT + plotW * (tx(p[0]) - minX) / (maxX - minX);
        double y = TOP + plotH - plotH * Math.min(p[1], maxY) / maxY;
        path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
      }
      svg.append(String.format(Locale.ROOT,
          "<path d='%s' fill='none' stroke='%s' stroke-width='2'/>%n", path, line.colour()));
      svg.append(String.format(Locale.ROOT,
          "<rect x='%d' y='%d' width='14' height='4' fill='%s'/><text x='%d' y='%d'>%s</text>%n",
          LEFT + plotW + 12, legendY, line.colour(), LEFT + plotW + 32, legendY + 6, escape(line.name())));
      legendY += 20;
    }
    return svg.append("</svg>\n").toString();
  }

  private double tx(double x) {
    return logX ? Math.log10(Math.max(x, 1)) : x;
  }

  private static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String format(double value) {
    return value >= 100 || value == Math.rint(value)
        ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
  }
}
