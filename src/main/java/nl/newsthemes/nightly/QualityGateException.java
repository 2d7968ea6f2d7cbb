package nl.newsthemes.nightly;

import java.util.stream.Collectors;

/** A staged run failed the {@link QualityGate}: nothing was published (exit code 3). */
public final class QualityGateException extends RuntimeException {
    private final transient QualityGate gate;

    public QualityGateException(QualityGate gate) {
        super("quality gate failed, nothing published: " + gate.failed().stream()
                .map(c -> c.name() + " (" + c.detail() + ")").collect(Collectors.joining("; ")));
        this.gate = gate;
    }

    public QualityGate gate() {
        return gate;
    }
}
