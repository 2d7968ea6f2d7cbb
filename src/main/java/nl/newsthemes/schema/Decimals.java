package nl.newsthemes.schema;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The outputs give every fraction (shares, scores, weights, similarities, NPMI) to six decimal places: enough to tell
 * values apart, and the same digits in every run, where the last bits of a double sum depend on the order Spark added
 * it up in.
 */
public final class Decimals {
    public static final int PLACES = 6;
    /** 10 to the PLACES, exactly (parsed, where Math.pow may be an ulp off). */
    private static final double SCALE = Double.parseDouble("1e" + PLACES);

    private Decimals() {
    }

    /** {@code value} to {@link #PLACES} decimal places in Java ({@link Math#round}: a tie goes up, toward +infinity). */
    public static double round(double value) {
        return Math.round(value * SCALE) / SCALE;
    }

    /**
     * A column's values to {@link #PLACES} decimal places (Spark SQL's {@code round}: a tie goes away from zero, so a
     * negative tie rounds the other way than {@link #round(double)} does).
     */
    public static Column rounded(Column value) {
        return functions.round(value, PLACES);
    }
}
