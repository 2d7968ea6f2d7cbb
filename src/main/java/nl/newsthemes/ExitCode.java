package nl.newsthemes;

/** The job's exit codes, as README.md documents them for schedulers. */
public enum ExitCode {
    DONE(0),
    FAILED(1),
    BAD_CONFIG(2),
    /** The staged outputs failed the quality gate (see nightly.QualityGate): nothing was published. */
    QUALITY_GATE(3);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
