package nl.newsthemes.features;

import nl.newsthemes.schema.Decimals;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

import java.util.List;

import static nl.newsthemes.schema.Columns.*;
import static org.apache.spark.sql.functions.*;

/**
 * Articles that are copies or near-copies of an earlier one: the same agency story in several papers, a story
 * published again with a new headline. Each article is the set of its shingles (every run of
 * {@link #SHINGLE_TERMS} content terms); two articles are near-duplicates when the Jaccard similarity of their
 * shingle sets is at least the configured similarity. Spark MLlib's MinHash LSH signs each article with two hashes
 * in each of {@link #BANDS} bands; the pairs whose signatures agree in both hashes of at least one band are the
 * candidates, and each candidate pair's exact Jaccard distance decides.
 *
 * <p>Why bands: MLlib's {@code approxSimilarityJoin} makes a pair a candidate when any one hash agrees, which a pair
 * of similarity J does with a chance of J per hash. Pairs of different stories that share a sentence or two (a quote,
 * a standing paragraph) are common in news, and in a large corpus they became candidates by the million, each
 * compared exactly. Both hashes of a band agree with a chance of J², which keeps most such pairs apart while a
 * near-copy still meets its original in at least one band all but surely (README, "What it does to the text").
 *
 * <p>An article's {@code duplicate_of} is the earliest article it is a near-copy of (by date, then doc_id), so
 * the first telling of a story is the story, and every later copy points at one that came before it. Articles of
 * fewer than {@link #MIN_SHINGLES} shingles (headlines, captions) are too short to tell a copy from a shared phrase
 * and are never duplicates. Deterministic for a seed: MinHash's hash functions come from it.
 */
public final class NearDuplicates {
    /** Content terms per shingle: three in a row rarely repeat between different stories, but do between copies. */
    static final int SHINGLE_TERMS = 3;
    static final int MIN_SHINGLES = 10;
    /** Bands of two MinHash hashes: a pair of similarity J shares at least one with a chance of 1 − (1 − J²)^BANDS. */
    static final int BANDS = 20;
    static final int SHINGLE_SPACE = 1 << 22;

    private NearDuplicates() {
    }

    /**
     * An article's distinct shingles, in the order they first occur: each run of {@link #SHINGLE_TERMS} terms joined
     * with a space. A function rather than Spark's higher-order {@code transform} over {@code slice}, which Spark
     * evaluates without generated code, element by element.
     */
    private static final UserDefinedFunction SHINGLES = udf((UDF1<scala.collection.Seq<String>, String[]>) seq -> {
        List<String> terms = scala.jdk.javaapi.CollectionConverters.asJava(seq);
        java.util.Set<String> shingles = new java.util.LinkedHashSet<>();
        for (int i = 0; i + SHINGLE_TERMS <= terms.size(); i++) {
            shingles.add(String.join(" ", terms.subList(i, i + SHINGLE_TERMS)));
        }
        return shingles.toArray(String[]::new);
    }, DataTypes.createArrayType(DataTypes.StringType, false));

    /**
     * @param documents  doc_id, date, terms (content terms in text order)
     * @param similarity the least Jaccard similarity of two near-copies, above 0 and at most 1
     * @return doc_id, duplicate_of, similarity: one row per article that is a near-copy of an earlier one (cached)
     */
    public static Dataset<Row> find(Dataset<Row> documents, double similarity, long seed) {
        Dataset<Row> shingled = documents
                .filter(size(col(TERMS)).geq(SHINGLE_TERMS - 1 + MIN_SHINGLES))
                .select(col(DOC_ID), concat_ws("/", coalesce(col(DATE), lit("")), col(DOC_ID)).as("order"),
                        SHINGLES.apply(col(TERMS)).as("shingles"));
        Dataset<Row> features = new HashingTF().setBinary(true).setNumFeatures(SHINGLE_SPACE)
                .setInputCol("shingles").setOutputCol("features").transform(shingled);
        MinHashLSHModel lsh = new MinHashLSH().setNumHashTables(2 * BANDS).setSeed(seed)
                .setInputCol("features").setOutputCol("hashes").fit(features);
        // Signed once: both sides of the bands' self-join and the exact comparisons read this cache.
        Dataset<Row> vectors = lsh.transform(features)
                .select(col(DOC_ID), col("order"), col("features"), BAND_KEYS.apply(col("hashes")).as("bands"))
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // Cached and counted here, before the vectors it was computed from are dropped. A cache, not a
            // localCheckpoint: a local checkpoint's blocks cannot be computed again, so a cluster run that lost the
            // executor holding one failed in the next table that read the near-copies (CHECKPOINT_RDD_BLOCK_ID_NOT_FOUND).
            // A cached block is computed again from its lineage.
            Dataset<Row> found = firstTellings(candidates(vectors), vectors, lsh, 1.0 - similarity)
                    .persist(StorageLevel.MEMORY_AND_DISK());
            found.count();
            return found;
        } finally {
            vectors.unpersist();
        }
    }

    /** Each of the article's {@link #BANDS} bands as one number, its {@link #bandKey}. */
    private static final UserDefinedFunction BAND_KEYS = udf((UDF1<scala.collection.Seq<Vector>, long[]>) hashes -> {
        long[] bands = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            bands[band] = bandKey((long) hashes.apply(2 * band).apply(0), (long) hashes.apply(2 * band + 1).apply(0));
        }
        return bands;
    }, DataTypes.createArrayType(DataTypes.LongType, false));

    /**
     * A band's two MinHash values as one long, which joins faster than an array. Exact: MLlib's MinHash values are
     * below its prime, itself below 2³¹, so the second value never reaches the first's bits.
     */
    static long bandKey(long first, long second) {
        return first << 31 | second;
    }

    /**
     * earlier, earlier_order, doc_id, order: the pairs of articles whose MinHash signatures agree in at least one band,
     * the earlier one first, each pair once. The join carries only ids, not the articles' shingle vectors.
     */
    private static Dataset<Row> candidates(Dataset<Row> vectors) {
        Dataset<Row> buckets = vectors
                .select(col(DOC_ID), col("order"), posexplode(col("bands")).as(new String[]{"band", "bucket"}));
        Dataset<Row> earlier = buckets.select(col(DOC_ID).as("earlier"), col("order").as("earlier_order"),
                col("band"), col("bucket"));
        return earlier.join(buckets, new String[]{"band", "bucket"})
                .filter(col("earlier_order").lt(col("order")))
                .select("earlier", "earlier_order", DOC_ID, "order")
                .distinct();
    }

    /**
     * doc_id, duplicate_of, similarity: for each article among the candidates, the earliest article within the
     * Jaccard distance, measured exactly on the shingle sets by MLlib's own {@code keyDistance}.
     */
    private static Dataset<Row> firstTellings(Dataset<Row> candidates, Dataset<Row> vectors, MinHashLSHModel lsh,
                                              double maxDistance) {
        UserDefinedFunction distance = udf((UDF2<Vector, Vector, Double>) lsh::keyDistance, DataTypes.DoubleType);
        return candidates
                .join(vectors.select(col(DOC_ID).as("earlier"), col("features").as("earlier_features")), "earlier")
                .join(vectors.select(col(DOC_ID), col("features")), DOC_ID)
                .withColumn("distance", distance.apply(col("earlier_features"), col("features")))
                .filter(col("distance").lt(maxDistance))
                .groupBy(DOC_ID)
                .agg(min(struct(col("earlier_order"), col("earlier"), col("distance"))).as("first"))
                .select(col(DOC_ID), col("first.earlier").as(DUPLICATE_OF),
                        Decimals.rounded(lit(1.0).minus(col("first.distance"))).as(SIMILARITY));
    }
}
