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

    /** One cluster of one clustering: its summed word counts and their total. */
    private record Member(int clustering, Vector counts, double size) {
    }

    /**
     * @param clusterings per clustering, the summed word counts of each cluster (null or all zero for an empty one)
     * @param k           consensus clusters wanted
     * @param similarity  least cosine similarity of two clusters that count as the same subject
     * @return at most k consensus clusters' word counts, the most recurring first
     */
    static Vector[] agree(List<Vector[]> clusterings, int k, double similarity) {
        List<Member> members = new ArrayList<>();
        for (int c = 0; c < clusterings.size(); c++) {
            for (Vector counts : clusterings.get(c)) {
                // The L1 norm: word counts are never negative, so it is their total.
                double size = counts == null ? 0 : Vectors.norm(counts, 1.0);
                if (size > 0) {
                    members.add(new Member(c, counts, size));
                }
            }
        }
        // Each pair's similarity once: the supports are counted again after every consensus cluster.
        double[][] cosine = cosines(members);
        boolean[] taken = new boolean[members.size()];
        List<Vector> agreed = new ArrayList<>();
        for (int left = members.size(); agreed.size() < k && left > 0; ) {
            int seed = mostSupported(members, cosine, taken, clusterings.size(), similarity);
            List<Member> group = new ArrayList<>(List.of(members.get(seed)));
            taken[seed] = true;
            for (int c = 0; c < clusterings.size(); c++) {
                int counterpart = c == members.get(seed).clustering() ? -1
                        : closest(seed, members, cosine, taken, c, similarity);
                if (counterpart >= 0) {
                    group.add(members.get(counterpart));
                    taken[counterpart] = true;
                }
            }
            left -= group.size();
            agreed.add(mean(group));
        }
        return agreed.toArray(Vector[]::new);
    }

    private static double[][] cosines(List<Member> members) {
        double[] norms = members.stream().mapToDouble(m -> Vectors.norm(m.counts(), 2.0)).toArray();
        double[][] cosine = new double[members.size()][members.size()];
        for (int a = 0; a < members.size(); a++) {
            for (int b = a + 1; b < members.size(); b++) {
                if (members.get(a).clustering() != members.get(b).clustering()) {
                    cosine[a][b] = members.get(a).counts().dot(members.get(b).counts()) / (norms[a] * norms[b]);
                    cosine[b][a] = cosine[a][b];
                }
            }
        }
        return cosine;
    }

    private static int mostSupported(List<Member> members, double[][] cosine, boolean[] taken, int clusterings,
                                     double similarity) {
        int best = -1;
        int bestSupport = -1;
        for (int m = 0; m < members.size(); m++) {  // in clustering and cluster order, so ties keep the earlier one
            if (taken[m]) {
                continue;
            }
            int support = 0;
            for (int c = 0; c < clusterings; c++) {
                if (c != members.get(m).clustering() && closest(m, members, cosine, taken, c, similarity) >= 0) {
                    support++;
                }
            }
            if (support > bestSupport || support == bestSupport && members.get(m).size() > members.get(best).size()) {
                best = m;
                bestSupport = support;
            }
        }
        return best;
    }

    /** The untaken member of clustering {@code c} most similar to {@code m}, if at least {@code similarity}, or -1. */
    private static int closest(int m, List<Member> members, double[][] cosine, boolean[] taken, int c,
                               double similarity) {
        int best = -1;
        for (int other = 0; other < members.size(); other++) {
            if (!taken[other] && members.get(other).clustering() == c && cosine[m][other] >= similarity
                    && (best < 0 || cosine[m][other] > cosine[m][best])) {
                best = other;
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
}
