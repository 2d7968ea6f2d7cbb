package nl.newsthemes;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job's packages depend one way: the JDK's jdeps, on the compiled classes, finds no cycle among them, and the
 * bottom packages depend on no other package of the job.
 */
class PackageDependenciesTest {
    private static final String ROOT = "nl.newsthemes";
    private static final Pattern EDGE = Pattern.compile("^\\s+(nl\\.newsthemes[\\w.]*)\\s+->\\s+(nl\\.newsthemes[\\w.]*)\\s");

    @Test
    void noPackageCycle() {
        Map<String, Set<String>> uses = uses();
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (reaches(uses, to, from, new TreeSet<>())) {
                    cycles.add(shortName(from) + " -> " + shortName(to));
                }
            }
        }
        assertEquals(List.of(), cycles, "dependencies that lie on a cycle");
    }

    @Test
    void theBottomPackagesUseNoOtherPackageOfTheJob() {
        Map<String, Set<String>> uses = uses();
        Map<String, Set<String>> bottom = new TreeMap<>();
        for (String p : List.of("run", "schema", "spark", "text")) {
            bottom.put(p, new TreeSet<>(uses.getOrDefault(ROOT + "." + p, Set.of()).stream().map(PackageDependenciesTest::shortName).toList()));
        }
        assertEquals(Map.of("run", Set.of(), "schema", Set.of(), "spark", Set.of(), "text", Set.of()), bottom);
    }

    /** Package -> the other packages of the job it uses, from jdeps on target/classes. */
    private static Map<String, Set<String>> uses() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(err), "-verbose:package", "-filter:none", "target/classes");
        assertEquals(0, code, err.toString());
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                uses.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
            }
        }
        assertTrue(uses.containsKey(ROOT) && uses.get(ROOT).contains(ROOT + ".nightly"), "jdeps saw the job's classes: " + uses);
        return uses;
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (reaches(uses, next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static String shortName(String pkg) {
        return pkg.equals(ROOT) ? "(root)" : pkg.substring(ROOT.length() + 1);
    }
}
