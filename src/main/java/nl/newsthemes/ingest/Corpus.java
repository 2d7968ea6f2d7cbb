package nl.newsthemes.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What ingest produced.
 *
 * @param articles   doc_id, date, month, source, title, text, url, path, position: one row per loaded article
 * @param rejects    path, record, reason: one row per rejected file or record
 * @param fileCounts path, records, loaded, rejected: per file that yielded records
 * @param evicted    doc_id, path, record, reason: documents of an earlier run that a record read now makes duplicates
 *                   (see {@link CorpusReader#read(org.apache.spark.sql.SparkSession, InputListing, long, Dataset)})
 * @param cached     the persisted dataset behind the others; unpersist it when the run is done
 */
public record Corpus(Dataset<Row> articles, Dataset<Row> rejects, Dataset<Row> fileCounts, Dataset<Row> evicted,
                     Dataset<Row> cached) {
}
