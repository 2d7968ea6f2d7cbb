package nl.newsthemes.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;

/**
 * The report's charts, drawn by JFreeChart into SVG (JFreeSVG), to be inlined in {@code report.html}: no script, no
 * external file, text that stays text. Each SVG gets its own prefix for the ids of its clip paths and gradients, so
 * several charts can share one page without one chart's ids clipping another's drawing.
 */
final class ReportCharts {
    static final int THEME_WIDTH = 420;
    static final int THEME_HEIGHT = 240;
    static final int TOPIC_WIDTH = 960;
    /** More months than this and their labels are turned upright, so they do not overlap. */
    static final int UPRIGHT_LABELS_FROM = 7;

    private ReportCharts() {
    }

    /**
     * One theme's share of the articles per month, in percent, with the 95% Wilson interval of each month as an
     * error bar. Every theme's chart gets the same vertical scale ({@code maxPercent}), so the small multiples compare.
     *
     * @param rows the theme's rows of {@code theme_monthly}, in month order
     */
    static String themeShare(String theme, List<ReportData.ThemeMonth> rows, List<String> months, double maxPercent,
                             String idPrefix) {
        YIntervalSeries series = new YIntervalSeries(theme);
        for (ReportData.ThemeMonth r : rows) {
            series.add(months.indexOf(r.month()), 100 * r.share(), 100 * r.shareLow(), 100 * r.shareHigh());
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(series);

        SymbolAxis monthAxis = new SymbolAxis(null, months.toArray(String[]::new));
        monthAxis.setGridBandsVisible(false);
        monthAxis.setVerticalTickLabels(months.size() >= UPRIGHT_LABELS_FROM);
        // Half a month of margin on each side, so the first and last error bars are not cut by the plot's edge.
        monthAxis.setRange(-0.5, months.size() - 0.5);
        NumberAxis shareAxis = new NumberAxis("% of articles");
        shareAxis.setRange(0, maxPercent);

        XYErrorRenderer renderer = new XYErrorRenderer();
        JFreeChart chart = themed(new JFreeChart(theme, null, new XYPlot(dataset, monthAxis, shareAxis, renderer), false));
        renderer.setDefaultLinesVisible(true);
        renderer.setDrawXError(false);
        renderer.setCapLength(6);
        renderer.setSeriesPaint(0, new Color(0x1f5f9f));
        renderer.setErrorPaint(new Color(0x6f8fb0));
        renderer.setErrorStroke(new BasicStroke(1.2f));
        return svg(chart, THEME_WIDTH, THEME_HEIGHT, idPrefix);
    }

    /** The mean share of each topic in each month's documents, stacked to a month's whole. */
    static String topicShares(List<ReportData.TopicMonth> rows, List<ReportData.Topic> topics, List<String> months,
                              String idPrefix) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (ReportData.Topic topic : topics) {
            for (String month : months) {
                // Every (topic, month) cell exists, so the stacking order is the topic order in every month.
                dataset.addValue(0.0, topicKey(topic.topic(), topic.label()), month);
            }
        }
        for (ReportData.TopicMonth r : rows) {
            dataset.setValue(100 * r.meanShare(), topicKey(r.topic(), r.label()), r.month());
        }
        NumberAxis shareAxis = new NumberAxis("mean share of the month's documents (%)");
        shareAxis.setRange(0, 100);
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        CategoryPlot plot = new CategoryPlot(dataset, new org.jfree.chart.axis.CategoryAxis(null), shareAxis, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        if (months.size() >= UPRIGHT_LABELS_FROM) {
            plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        JFreeChart chart = themed(new JFreeChart("Topics per month", null, plot, true));
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.RIGHT);
        // The legend lists every topic: give the chart the height it needs for them.
        int height = Math.max(360, 120 + 18 * topics.size());
        return svg(chart, TOPIC_WIDTH, height, idPrefix);
    }

    static String topicKey(int topic, String label) {
        return topic + ": " + label;
    }

    private static String svg(JFreeChart chart, int width, int height, String idPrefix) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(idPrefix);
        chart.draw(g2, new Rectangle(0, 0, width, height));
        // A view box and no fixed size: the page's CSS scales the chart to the width it has.
        return g2.getSVGElement(idPrefix + "chart", false, new ViewBox(0, 0, width, height),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
    }

    /**
     * Plain colours and the generic sans-serif font (JFreeSVG writes Java's "SansSerif" as CSS's sans-serif). Applied
     * before a chart's own colours are set: applying a theme resets the series' paints.
     */
    private static JFreeChart themed(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("news-themes");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(new Color(0xdddddd));
        theme.setRangeGridlinePaint(new Color(0xdddddd));
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.apply(chart);
        return chart;
    }
}
