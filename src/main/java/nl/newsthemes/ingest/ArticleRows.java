package nl.newsthemes.ingest;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import static nl.newsthemes.schema.Columns.*;

/**
 * The one row shape every reader produces: an article, or a reject when {@code reason} is set. Keeping loaded and
 * rejected records in one dataset until the end of ingest is what lets every record be accounted for.
 */
public final class ArticleRows {
    public static final StructType SCHEMA = new StructType()
            .add(DOC_ID, DataTypes.StringType)
            .add(DATE, DataTypes.StringType)
            .add(MONTH, DataTypes.StringType)
            .add(SOURCE, DataTypes.StringType)
            .add(TITLE, DataTypes.StringType)
            .add(TEXT, DataTypes.StringType)
            .add(URL, DataTypes.StringType)
            .add(PATH, DataTypes.StringType, false)
            .add(POSITION, DataTypes.LongType, false)
            .add(RECORD, DataTypes.StringType)
            .add(REASON, DataTypes.StringType);

    private ArticleRows() {
    }

    static Row article(String docId, String date, String source, String title, String text, String url, String path,
                       long position) {
        return RowFactory.create(docId, date, ArticleDate.month(date), source, title, text, url, path, position, null,
                null);
    }

    static Row reject(String path, long position, String record, String reason) {
        return RowFactory.create(null, null, null, null, null, null, null, path, position, record, reason);
    }
}
