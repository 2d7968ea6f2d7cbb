package nl.newsthemes;

/** The job's exit codes, as README.md documents them for schedulers. */
public enum ExitCode {
    DONE(0),
    FAILED(1),
    BAD_CONFIG(2),
    /** The staged outputs failed the quality gate (see nightly.QualityGate): nothing was published. */
    QUALITY_GATE(3),
    /** Another run holds the output folder (see output.OutputLock): this run wrote nothing. */
    LOCKED(4);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
