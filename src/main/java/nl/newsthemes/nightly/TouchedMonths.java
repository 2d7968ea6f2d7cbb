package nl.newsthemes.nightly;

import nl.newsthemes.analysis.ArticleTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static nl.newsthemes.schema.Tables.THEME_MONTHLY;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

/**
 * The published rows an incremental run keeps in the months it recomputes: those of the documents that stay, and
 * theme_monthly's rows of the other months.
 */
final class TouchedMonths implements ArticleTables.Kept {
    private final PublishedTables tables;
    private final List<String> touched;
    private final Dataset<Row> goneIds;

    /** @param goneIds doc_id of the documents that leave the output */
    TouchedMonths(PublishedTables tables, List<String> touched, Dataset<Row> goneIds) {
        this.tables = tables;
        this.touched = touched;
        this.goneIds = goneIds;
    }

    @Override
    public Dataset<Row> withKept(String table, Dataset<Row> analyzed) {
        Dataset<Row> kept = tables.published(table, analyzed.schema()).filter(col(MONTH).isin(touched.toArray()))
                .join(goneIds, new String[]{DOC_ID}, "left_anti");
        return analyzed.unionByName(kept);
    }

    @Override
    public Dataset<Row> withOtherThemeMonths(Dataset<Row> counts) {
        return counts.unionByName(tables.published(THEME_MONTHLY).filter(not(col(MONTH).isin(touched.toArray())))
                .drop(SHARE_CHANGE));
    }
}
