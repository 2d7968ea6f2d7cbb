package nl.newsthemes.topics;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

import static nl.newsthemes.schema.Columns.COUNTS;
import static nl.newsthemes.schema.Columns.DOC_ID;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

/** What LDA is fitted on and applied to: the documents with a vocabulary word, partitioned by their doc_ids alone. */
public final class LdaInput {
    private LdaInput() {
    }

    /** Documents per LDA partition: enough work per task, independent of the machine so results are too. */
    static final int DOCUMENTS_PER_PARTITION = 2_500;

    /** Partitions of LDA's input for {@code documents} documents, full and incremental runs alike: at most 200. */
    public static int partitionsFor(long documents) {
        return (int) Math.max(1, Math.min(200, documents / DOCUMENTS_PER_PARTITION + 1));
    }

    /** The number of non-zero entries of a vector. */
    static final UserDefinedFunction NON_ZEROS =
            udf((UDF1<Vector, Integer>) Vector::numNonzeros, DataTypes.IntegerType);

    /** The documents that have at least one vocabulary word: the others have no topic distribution. */
    public static Dataset<Row> withWords(Dataset<Row> counted) {
        return counted.filter(NON_ZEROS.apply(col(COUNTS)).gt(0));
    }

    /**
     * The persisted documents LDA iterates over: those with a vocabulary word, in a partitioning and order that
     * depend only on the doc_ids (not on the cluster's cores), so that a seed gives the same model everywhere.
     */
    public static Dataset<Row> trainingSet(Dataset<Row> counted, int partitions) {
        return withWords(counted)
                .repartition(partitions, col(DOC_ID))
                .sortWithinPartitions(DOC_ID)
                .persist(StorageLevel.MEMORY_AND_DISK());
    }
}
