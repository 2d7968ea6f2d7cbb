package nl.newsthemes;

/** The job's exit codes, as README.md documents them for schedulers. */
public enum ExitCode {
    DONE(0),
    FAILED(1),
    BAD_CONFIG(2);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
