package nl.newsthemes;

import nl.newsthemes.spark.NioLocalFileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One real local Spark session per test class ({@code local[2]}, a shuffle partition per core, no UI), torn down fully
 * afterwards so the next class (or {@link ThemesJob#run}) starts clean.
 */
public abstract class SparkTestBase {
    protected static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("news-themes-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config(NioLocalFileSystem.SETTING, NioLocalFileSystem.class.getName())
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }

    /** Rows as lists of plain Java values, in the dataset's order. */
    protected static List<List<Object>> values(Dataset<Row> data) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : data.collectAsList()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < row.length(); i++) {
                Object v = row.get(i);
                if (v instanceof scala.collection.Seq<?> seq) {
                    v = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(seq));
                }
                values.add(v);
            }
            rows.add(values);
        }
        return rows;
    }

    /** The shared folder beside the project (corpora), or null when it is absent. */
    protected static Path sharedDir() {
        Path shared = Path.of(System.getProperty("shared.dir", "../shared"));
        return Files.isDirectory(shared.resolve("corpora")) ? shared : null;
    }
}
