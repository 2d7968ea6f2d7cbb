package nl.newsthemes.ingest;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/** The {@code input_files} table, the same for full and incremental runs. */
public final class InputFilesTable {
    private InputFilesTable() {
    }

    /**
     * Every listed file with what became of its records: the accounting a reader can check.
     *
     * @param fileCounts path, records, loaded, rejected of the files that had records
     */
    public static Dataset<Row> of(SparkSession spark, InputListing listing, Dataset<Row> fileCounts) {
        List<Row> rows = listing.files().stream()
                .map((InputFile f) -> RowFactory.create(f.path(), f.format().label(), f.bytes())).toList();
        Dataset<Row> files = spark.createDataFrame(rows, new StructType()
                .add(PATH, DataTypes.StringType).add(FORMAT, DataTypes.StringType).add(BYTES, DataTypes.LongType));
        return files.join(fileCounts, files.col(PATH).equalTo(fileCounts.col(PATH)), "left")
                .select(files.col(PATH), col(FORMAT), col(BYTES),
                        coalesce(col(RECORDS), lit(0L)).as(RECORDS),
                        coalesce(col(LOADED), lit(0L)).as(LOADED),
                        coalesce(col(REJECTED), lit(0L)).as(REJECTED));
    }

    /** {@link #of}, each file's records counted from the documents and rejects tables (a row per record each). */
    public static Dataset<Row> counted(SparkSession spark, InputListing listing, Dataset<Row> documents,
                                       Dataset<Row> rejects) {
        Dataset<Row> loaded = documents.groupBy(PATH).agg(count(lit(1)).as(LOADED));
        Dataset<Row> rejected = rejects.groupBy(PATH).agg(count(lit(1)).as(REJECTED));
        return of(spark, listing, loaded.join(rejected, new String[]{PATH}, "full_outer")
                .select(col(PATH), coalesce(col(LOADED), lit(0L)).plus(coalesce(col(REJECTED), lit(0L))).as(RECORDS),
                        coalesce(col(LOADED), lit(0L)).as(LOADED), coalesce(col(REJECTED), lit(0L)).as(REJECTED)));
    }
}
