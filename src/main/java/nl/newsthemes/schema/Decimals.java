package nl.newsthemes.schema;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The outputs give every fraction (shares, scores, weights, similarities, NPMI) to six decimal places: enough to tell
 * values apart, and the same digits on every machine and in every run, where the last bits of a double sum depend on
 * the order Spark added it up in.
 */
public final class Decimals {
    public static final int PLACES = 6;

    private Decimals() {
    }

    /** {@code value} to {@link #PLACES} decimal places (half up), in Java. */
    public static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    /** A column's values to {@link #PLACES} decimal places (Spark SQL's {@code round}, half up). */
    public static Column rounded(Column value) {
        return functions.round(value, PLACES);
    }
}
