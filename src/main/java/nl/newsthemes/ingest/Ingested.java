package nl.newsthemes.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;
import java.util.TreeMap;

import static nl.newsthemes.schema.Columns.MONTH;
import static nl.newsthemes.schema.Columns.REASON;
import static org.apache.spark.sql.functions.col;

/**
 * What ingest loaded and rejected, counted once.
 *
 * @param loaded          articles loaded
 * @param rejected        files and records rejected
 * @param byMonth         articles per month
 * @param rejectsByReason rejects per kind of reason, by its label (see {@link RejectReason})
 */
public record Ingested(long loaded, long rejected, Map<String, Long> byMonth, Map<String, Long> rejectsByReason) {
    /** Counts a corpus as read. */
    public static Ingested count(Corpus corpus) {
        return count(corpus.articles(), corpus.rejects());
    }

    /** @param articles rows with month (articles, or the documents table); @param rejects rows with reason */
    public static Ingested count(Dataset<Row> articles, Dataset<Row> rejects) {
        Map<String, Long> byMonth = new TreeMap<>();
        articles.groupBy(MONTH).count().collectAsList()
                .forEach(r -> byMonth.put(r.getString(0), r.getLong(1)));
        Map<String, Long> byReason = new TreeMap<>();
        rejects.groupBy(RejectReason.of(col(REASON)).as(REASON)).count().collectAsList()
                .forEach(r -> byReason.put(r.getString(0).strip(), r.getLong(1)));
        long loaded = byMonth.values().stream().mapToLong(Long::longValue).sum();
        long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
        return new Ingested(loaded, rejected, byMonth, byReason);
    }
}
