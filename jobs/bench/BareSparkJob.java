import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The floor any Spark job pays on this machine, for jobs/bench.sh to time beside the job: a JVM, an embedded local
 * session set up as the job sets up its own, one read of the input files, a count, one Parquet and one CSV write.
 * Usage: java @jobs/spark-jvm.args -cp CLASSPATH BareSparkJob.java INPUT_FOLDER OUTPUT_FOLDER
 */
public final class BareSparkJob {
    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().appName("bare-spark-job").master("local[*]")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
        Dataset<Row> files = spark.read().option("wholetext", "true").option("recursiveFileLookup", "true")
                .text(args[0]).cache();
        long count = files.count();
        files.write().parquet(args[1] + "/parquet");
        files.write().option("header", "true").csv(args[1] + "/csv");
        System.out.println("bare-spark-job: " + count + " files");
        spark.stop();
    }
}
