package nl.newsthemes.topics;

import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * The clusters that several clusterings of the same documents agree on: a consensus in the manner of gensim's
 * EnsembleLda, which keeps the topics that recur across an ensemble of models.
 *
 * <p>Why: a single k-means clustering at K=20 finds the corpus's big subjects from almost every start, but which
 * mid-sized subjects get a cluster of their own, and which are merged, depends on the seed. A cluster that recurs in
 * several clusterings (another clustering has one whose term sums have a cosine similarity of at least
 * {@code similarity} to it) is a subject the corpus holds, not an accident of one start.
 *
 * <p>How: each cluster's support is the number of other clusterings with such a counterpart. The cluster of most
 * support (ties: the larger, then the earlier clustering and cluster) becomes a consensus cluster together with its
 * most similar counterpart from each other clustering; those are set aside and the supports counted again among the
 * rest, until there are K. A consensus cluster's word counts are the mean of its members'. Clusters found once fill
 * the places that recurring ones leave, largest first.
 */
final class RecurringClusters {
    private RecurringClusters() {
    }

    /** One cluster of one clustering: its summed word counts and their Euclidean norm. */
    private record Member(int clustering, int cluster, Vector counts, double size, double norm) {
        double cosine(Member other) {
            return counts.dot(other.counts) / (norm * other.norm);
        }
    }

    /**
     * @param clusterings per clustering, the summed word counts of each cluster (null or all zero for an empty one)
     * @param k           consensus clusters wanted
     * @param similarity  least cosine similarity of two clusters that count as the same subject
     * @return at most k consensus clusters' word counts, the most recurring first
     */
    static Vector[] agree(List<Vector[]> clusterings, int k, double similarity) {
        List<Member> pool = new ArrayList<>();
        for (int c = 0; c < clusterings.size(); c++) {
            Vector[] clusters = clusterings.get(c);
            for (int i = 0; i < clusters.length; i++) {
                Vector counts = clusters[i];
                double size = counts == null ? 0 : sum(counts);
                if (size > 0) {
                    pool.add(new Member(c, i, counts, size, Vectors.norm(counts, 2.0)));
                }
            }
        }
        List<Vector> agreed = new ArrayList<>();
        while (agreed.size() < k && !pool.isEmpty()) {
            Member seed = mostSupported(pool, clusterings.size(), similarity);
            List<Member> group = new ArrayList<>(List.of(seed));
            for (int c = 0; c < clusterings.size(); c++) {
                Member counterpart = c == seed.clustering() ? null : closest(seed, pool, c, similarity);
                if (counterpart != null) {
                    group.add(counterpart);
                }
            }
            pool.removeAll(group);
            agreed.add(mean(group));
        }
        return agreed.toArray(Vector[]::new);
    }

    private static Member mostSupported(List<Member> pool, int clusterings, double similarity) {
        Member best = null;
        int bestSupport = -1;
        for (Member m : pool) {  // the pool is in clustering and cluster order, so ties keep the earlier one
            int support = 0;
            for (int c = 0; c < clusterings; c++) {
                if (c != m.clustering() && closest(m, pool, c, similarity) != null) {
                    support++;
                }
            }
            if (support > bestSupport || support == bestSupport && m.size() > best.size()) {
                best = m;
                bestSupport = support;
            }
        }
        return best;
    }

    /** The member of clustering {@code c} most similar to {@code m}, if at least {@code similarity}; else null. */
    private static Member closest(Member m, List<Member> pool, int c, double similarity) {
        Member best = null;
        double bestSimilarity = 0;
        for (Member other : pool) {
            if (other.clustering() == c) {
                double s = m.cosine(other);
                if (s >= similarity && (best == null || s > bestSimilarity)) {
                    best = other;
                    bestSimilarity = s;
                }
            }
        }
        return best;
    }

    private static Vector mean(List<Member> group) {
        double[] sum = new double[group.get(0).counts().size()];
        for (Member m : group) {
            m.counts().foreachActive((i, v) -> {
                sum[(Integer) i] += (Double) v;
                return null;
            });
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= group.size();
        }
        return Vectors.dense(sum).compressed();
    }

    private static double sum(Vector v) {
        double[] total = {0};
        v.foreachActive((i, x) -> {
            total[0] += (Double) x;
            return null;
        });
        return total[0];
    }
}
