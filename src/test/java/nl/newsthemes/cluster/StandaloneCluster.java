package nl.newsthemes.cluster;

import nl.newsthemes.ChildJvm;
import nl.newsthemes.reliability.FileEvents;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on 127.0.0.1, started from the Spark jars Maven resolved: a master and workers,
 * each a JVM of its own. Workers launch executors through Spark's launcher, which needs a SPARK_HOME whose
 * {@code jars/} holds the Spark jars (links to Maven's) and {@code SPARK_SCALA_VERSION}.
 */
final class StandaloneCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final List<Process> workers = new ArrayList<>();
    private final List<String> classPath;
    private final Path home;
    private final Path logs;
    final int masterPort;

    StandaloneCluster(List<String> sparkJars, Path dir, int workers) throws IOException, InterruptedException {
        this.classPath = sparkJars;
        this.home = Files.createDirectories(dir.resolve("spark-home"));
        this.logs = Files.createDirectories(dir.resolve("logs"));
        Path jars = Files.createDirectories(home.resolve("jars"));
        for (String jar : sparkJars) {
            Path target = Path.of(jar);
            Files.createSymbolicLink(jars.resolve(target.getFileName()), target);
        }
        Files.createDirectories(home.resolve("conf"));
        masterPort = freePort();
        Process master = start("master", List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort())));
        awaitLog("master", master, "I have been elected leader");
        for (int i = 0; i < workers; i++) {
            Process worker = start("worker-" + i, List.of("org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                    "--work-dir", Files.createDirectories(dir.resolve("work-" + i)).toString(), masterUrl()));
            awaitLog("worker-" + i, worker, "Successfully registered with master");
            this.workers.add(worker);
        }
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** Runs {@code spark-submit} (Spark's SparkSubmit class) and returns its exit code; output goes to logs/{logName}.log. */
    int submit(String logName, List<String> arguments) throws IOException, InterruptedException {
        return await(startSubmit(logName, arguments), logName);
    }

    /** Starts {@code spark-submit} (Spark's SparkSubmit class); output goes to logs/{logName}.log. */
    Process startSubmit(String logName, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", masterUrl()));
        command.addAll(arguments);
        return start(logName, command);
    }

    /** The executor JVMs that worker {@code index} has launched and that still run. */
    List<ProcessHandle> executorsOf(int index) {
        return workers.get(index).toHandle().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend")).toList();
    }

    /** Waits for a started {@code spark-submit} and returns its exit code. */
    int await(Process submit, String logName) throws IOException, InterruptedException {
        if (!submit.waitFor(10, TimeUnit.MINUTES)) {
            submit.destroyForcibly();
            throw new AssertionError("spark-submit did not finish in 10 minutes: " + log(logName));
        }
        return submit.exitValue();
    }

    String log(String name) throws IOException {
        return Files.readString(logs.resolve(name + ".log"));
    }

    private Process start(String name, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(ChildJvm.JAVA, "@jobs/spark-jvm.args", "-Xmx1g"));
        command.addAll(ChildJvm.QUICK_START);
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath)));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_LOG_DIR", logs.toString());
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private void awaitLog(String name, Process process, String line) throws IOException, InterruptedException {
        // Woken by each write to the logs folder (and by the process's end), not by a timer.
        FileEvents.await(logs, 0, process, () -> log(name), Duration.ofMinutes(2), "logged '" + line + "'",
                () -> log(name).contains(line) ? Optional.of(logs.resolve(name + ".log")) : Optional.empty());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            processes.get(i).destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
