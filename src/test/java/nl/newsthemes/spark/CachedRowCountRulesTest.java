package nl.newsthemes.spark;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CachedRowCountRulesTest {
    private static final String OURS = "org.apache.spark.sql.execution.adaptive.AQEPropagateEmptyRelation,"
            + "org.apache.spark.sql.catalyst.optimizer.EliminateLimits,"
            + "org.apache.spark.sql.catalyst.optimizer.OptimizeOneRowPlan";

    @Test
    void excludesTheRulesThatTrustACachedRowCount() {
        SparkConf conf = new SparkConf(false);
        CachedRowCountRules.exclude(conf);
        assertEquals(OURS, conf.get(CachedRowCountRules.SETTING));
    }

    @Test
    void keepsTheRulesAUserExcludedAndNamesEachOnce() {
        SparkConf conf = new SparkConf(false).set(CachedRowCountRules.SETTING,
                " org.example.MyRule ,,org.apache.spark.sql.catalyst.optimizer.EliminateLimits");
        CachedRowCountRules.exclude(conf);
        assertEquals("org.example.MyRule,org.apache.spark.sql.catalyst.optimizer.EliminateLimits,"
                + "org.apache.spark.sql.execution.adaptive.AQEPropagateEmptyRelation,"
                + "org.apache.spark.sql.catalyst.optimizer.OptimizeOneRowPlan", conf.get(CachedRowCountRules.SETTING));
    }
}
