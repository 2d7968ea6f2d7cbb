import com.fasterxml.jackson.databind.ObjectMapper;
import nl.newsthemes.spark.LocalBlas;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

/**
 * gensim's run (jobs/bench/gensim_peer.py) written the way a Spark user would write it with MLlib alone, for
 * jobs/bench.sh to time beside gensim and the job: what Spark and MLlib's LDA alone take for the job's read, text,
 * vocabulary and fit on this machine, before anything the job adds (Lucene's analysis, languages, boilerplate,
 * phrases, near-copies, the k-means start).
 *
 * <p>The same steps as the gensim peer: the gzip JSON lines read, title and text lower-cased and split into words of
 * two or more letters, MLlib's Dutch stopwords removed, a vocabulary of at most 20,000 words seen in at least 5 and at
 * most half of the documents (MLlib keeps the most frequent by count where gensim keeps those in the most documents),
 * and online LDA with K topics and gensim's settings: a learning offset of 1 and decay of 0.5, symmetric priors of 1/K
 * that are not learned, and mini-batches of about 2,000 documents, as many as make one pass (MLlib draws each batch
 * at random, so that some documents are seen twice and some not at all, where gensim reads each once). Prints one JSON
 * object like the peer's, with the seconds from the first read to the fitted model (the JVM's and the session's start
 * not counted, as the peer does not count Python's), and the top 10 words of each topic.
 *
 * <p>Usage: java @jobs/spark-jvm.args -cp CLASSPATH BareMllibLda CORPUS.jsonl.gz K SEED (CLASSPATH with the job's jar)
 */
public final class BareMllibLda {
    /** Documents per update in gensim's LdaMulticore (its chunksize), which the peer leaves at its default. */
    private static final int GENSIM_CHUNK = 2_000;

    public static void main(String[] args) throws Exception {
        String corpus = args[0];
        int k = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        // The BLAS the job chooses under a local master, by the job's own rule.
        System.err.println("BLAS: " + LocalBlas.choose("local[*]", System.getenv()));
        SparkSession spark = SparkSession.builder().appName("bare-mllib-lda").master("local[*]")
                .config("spark.ui.enabled", "false").getOrCreate();
        long start = System.nanoTime();
        // The two fields it needs as its schema, so that Spark does not read the whole file once to infer one; and a
        // gzip file is one split, so its rows are spread over the cores.
        Dataset<Row> articles = spark.read().schema("title STRING, text STRING").json(corpus)
                .select(concat_ws("\n\n", coalesce(col("title"), lit("")), coalesce(col("text"), lit(""))).as("text"))
                .repartition(spark.sparkContext().defaultParallelism() * 2);
        Dataset<Row> words = new RegexTokenizer().setInputCol("text").setOutputCol("raw").setGaps(false)
                .setPattern("\\p{L}{2,}").setToLowercase(true).transform(articles);
        Dataset<Row> tokens = new StopWordsRemover().setInputCol("raw").setOutputCol("tokens")
                .setStopWords(StopWordsRemover.loadDefaultStopWords("dutch")).transform(words).select("tokens")
                .persist(StorageLevel.MEMORY_AND_DISK());
        long documents = tokens.count();
        CountVectorizerModel vocabulary = new CountVectorizer().setInputCol("tokens").setOutputCol("features")
                .setVocabSize(20_000).setMinDF(5).setMaxDF(0.5).fit(tokens);
        Dataset<Row> vectors = vocabulary.transform(tokens).select("features").persist(StorageLevel.MEMORY_AND_DISK());
        vectors.count();
        tokens.unpersist();
        double prepared = (System.nanoTime() - start) / 1e9;
        int batches = (int) Math.max(1, Math.ceil(documents / (double) GENSIM_CHUNK));
        LDAModel model = new LDA().setK(k).setSeed(seed).setOptimizer("online").setFeaturesCol("features")
                .setLearningOffset(1).setLearningDecay(0.5).setOptimizeDocConcentration(false)
                .setMaxIter(batches).setSubsamplingRate(Math.min(1.0, 1.0 / batches)).fit(vectors);
        double total = (System.nanoTime() - start) / 1e9;

        String[] terms = vocabulary.vocabulary();
        List<List<String>> topics = new ArrayList<>();
        for (Row topic : model.describeTopics(10).orderBy("topic").collectAsList()) {
            List<String> top = new ArrayList<>();
            for (Object index : topic.getList(topic.fieldIndex("termIndices"))) {
                top.add(terms[(Integer) index]);
            }
            topics.add(top);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("documents", documents);
        result.put("read_tokenize_vocabulary_seconds", Math.round(prepared * 10) / 10.0);
        result.put("total_seconds", Math.round(total * 10) / 10.0);
        result.put("topics", topics);
        System.out.println(new ObjectMapper().writeValueAsString(result));
        spark.stop();
    }
}
