package nl.newsthemes.nightly;

import nl.newsthemes.output.TableWriter;
import nl.newsthemes.config.TableFormat;
import nl.newsthemes.output.OutputFolder;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;

import static nl.newsthemes.schema.Tables.ALL;

/** The tables of the published run that an incremental run adds to, and those it has staged so far. */
final class PublishedTables {
    private final SparkSession spark;
    private final OutputFolder out;

    PublishedTables(SparkSession spark, OutputFolder out) {
        this.spark = spark;
        this.out = out;
    }

    /** A table of the published run. */
    Dataset<Row> published(String table) {
        return published(table, null);
    }

    /** A table of the published run read as {@code schema}, so that its columns come in the new rows' order. */
    Dataset<Row> published(String table, StructType schema) {
        String path = new Path(out.target(), table).toString();
        if (out.format() == TableFormat.DELTA && ALL.contains(table)) {
            // Delta Lake reads a table with the schema of its log, not one given: the columns are put in order.
            Dataset<Row> delta = spark.read().format("delta").load(path);
            return schema == null ? delta : delta.select(Arrays.stream(schema.fieldNames()).map(functions::col)
                    .toArray(Column[]::new));
        }
        return schema == null ? TableWriter.read(spark, out.target(), table) : spark.read().schema(schema).parquet(path);
    }

    /** A table as this run staged it (Parquet, in the staging folder). */
    Dataset<Row> staged(String table) {
        return TableWriter.read(spark, out.staging(), table);
    }
}
