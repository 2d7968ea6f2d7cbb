package nl.newsthemes.topics;

import nl.newsthemes.schema.Decimals;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a refit's topics is which of the previous model's: the one-to-one matching that maximizes the summed
 * similarity of matched pairs (Kuhn-Munkres, JGraphT's implementation of the Hungarian method). Similarity is the
 * cosine of two topics' term distributions, over terms compared by their text, so two models with different
 * vocabularies compare. A pair below {@code minSimilarity} is no match: that new topic is new, that old one gone.
 */
public final class TopicMatching {

    /** A new topic (by its position in the new model) and the previous topic (by its id) it continues. */
    public record Match(int position, int previousId, double similarity) {
    }

    private TopicMatching() {
    }

    /**
     * @param previous      the previous topics: id to (term to weight)
     * @param current       the new topics, by position: term to weight
     * @param minSimilarity the least similarity of a match
     * @return for each matched new topic position, its match
     */
    public static Map<Integer, Match> match(Map<Integer, Map<String, Double>> previous,
                                            List<Map<String, Double>> current, double minSimilarity) {
        int size = Math.max(previous.size(), current.size());
        Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Set<String> left = new LinkedHashSet<>();
        Set<String> right = new LinkedHashSet<>();
        List<Integer> previousIds = previous.keySet().stream().sorted().toList();
        for (int i = 0; i < size; i++) {
            left.add("new" + i);
            right.add("old" + i);
            graph.addVertex("new" + i);
            graph.addVertex("old" + i);
        }
        Map<String, Double> similarity = new HashMap<>();
        // The two sides are padded to one size with stand-ins that match anything at no gain: a perfect matching of
        // the padded graph leaves surplus topics on a stand-in.
        for (int n = 0; n < size; n++) {
            for (int o = 0; o < size; o++) {
                double s = n < current.size() && o < previousIds.size()
                        ? cosine(current.get(n), previous.get(previousIds.get(o))) : 0.0;
                similarity.put(n + "/" + o, s);
                DefaultWeightedEdge edge = graph.addEdge("new" + n, "old" + o);
                graph.setEdgeWeight(edge, 1.0 - s);
            }
        }
        Map<Integer, Match> matches = new HashMap<>();
        for (DefaultWeightedEdge edge : new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, left, right)
                .getMatching().getEdges()) {
            String a = graph.getEdgeSource(edge);
            String b = graph.getEdgeTarget(edge);
            int n = Integer.parseInt((a.startsWith("new") ? a : b).substring(3));
            int o = Integer.parseInt((a.startsWith("old") ? a : b).substring(3));
            double s = similarity.get(n + "/" + o);
            if (n < current.size() && o < previousIds.size() && s >= minSimilarity) {
                matches.put(n, new Match(n, previousIds.get(o), Decimals.round(s)));
            }
        }
        return matches;
    }

    /** Cosine similarity of two sparse vectors keyed by term. */
    static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        double na = Math.sqrt(a.values().stream().mapToDouble(v -> v * v).sum());
        double nb = Math.sqrt(b.values().stream().mapToDouble(v -> v * v).sum());
        return na == 0 || nb == 0 ? 0.0 : dot / (na * nb);
    }
}
