package org.mmrarebench.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.testing.Shared;

/**
 * {@code bin/mmrare}, the launcher with a class-data archive, run against a small jar whose main
 * echoes its arguments and exits with a chosen code: arguments and exit codes pass through
 * untouched, the first run trains and publishes one whole archive (the training run's output never
 * mixes with the command's), later runs use it, a changed jar gets its own, and two first runs at
 * once leave no temporary files behind.
 */
class LauncherTest {
  private static final String PREPARING = "mmrare: preparing the start-up archive (once per jar and JVM)";
  @TempDir Path tmp;

  /** The jar's main: prints each argument on its own line; {@code exit=N} as the first ends with N. */
  public static final class Echo {
    public static void main(String[] args) {
      for (String a : args) {
        System.out.println(a);
      }
      if (args.length > 0 && args[0].startsWith("exit=")) {
        System.exit(Integer.parseInt(args[0].substring(5)));
      }
    }
  }

  @Test
  void passesArgumentsAndExitCodesAndReusesOneArchive() throws Exception {
    // spaces in the jar's and the cache's paths, as in "Program Files" or a user's home
    Path jar = echoJar(Files.createDirectories(tmp.resolve("my jars")).resolve("echo.jar"));
    Path cache = tmp.resolve("cache dir");
    Result first = launch(jar, cache, Map.of(), "exit=3", "two words", "$HOME", "*");
    assertEquals(3, first.code());
    assertEquals(List.of("exit=3", "two words", "$HOME", "*"), first.lines(), "the training run prints nothing");
    assertEquals(PREPARING, first.err().strip());
    assertEquals(1, archives(cache).size(), "the first run publishes one archive: " + files(cache));
    Result second = launch(jar, cache, Map.of(), "again");
    assertEquals(0, second.code());
    assertEquals("", second.err(), "the archive is accepted silently");
    assertEquals(List.of("again"), second.lines());
    assertEquals(1, archives(cache).size());
    // a rebuilt jar (another size and time) must not run against the old archive
    echoJar(jar, "rebuilt");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
    Result after = launch(jar, cache, Map.of(), "after");
    assertEquals(List.of("after"), after.lines(), after.err());
    assertEquals(PREPARING, after.err().strip(), "a new archive is trained, and the JVM says nothing else");
    assertEquals(2, archives(cache).size());
    assertEquals(List.of(), files(cache).stream().filter(n -> n.startsWith(".")).toList(), "temporary files left");
  }

  @Test
  void aCollectorChosenInMmrareJavaOptsReplacesTheSerialOne() throws Exception {
    Path jar = echoJar(tmp.resolve("echo.jar"));
    Path cache = tmp.resolve("cache");
    launch(jar, cache, Map.of(), "train");
    // two collectors on one command line stop the JVM ("Conflicting collector combinations")
    for (String opts : List.of("-XX:+UseG1GC -Xmx64m", "-XX:+UseParallelGC", "-Xss2m")) {
      Result r = launch(jar, cache, Map.of("MMRARE_JAVA_OPTS", opts), "exit=0", opts);
      assertEquals(0, r.code(), opts + ": " + r.err());
      assertEquals(List.of("exit=0", opts), r.lines());
    }
    Result bad = launch(jar, cache, Map.of("MMRARE_JAVA_OPTS", "-Xmx1k"), "x");
    assertTrue(bad.code() != 0, "the user's options reach the JVM: " + bad.lines());
  }

  @Test
  void onlyTheFourNewestArchivesAreKept() throws Exception {
    Path jar = echoJar(tmp.resolve("echo.jar"));
    Path cache = Files.createDirectories(tmp.resolve("cache"));
    long now = System.currentTimeMillis();
    for (int i = 1; i <= 5; i++) {
      Path old = Files.writeString(cache.resolve("cds-" + i + ".jsa"), "an archive of a jar rebuilt since");
      Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(now - i * 3_600_000L));
    }
    Result r = launch(jar, cache, Map.of(), "ok");
    assertEquals(List.of("ok"), r.lines());
    List<String> kept = archives(cache);
    assertEquals(4, kept.size(), kept.toString());
    assertTrue(kept.containsAll(List.of("cds-1.jsa", "cds-2.jsa", "cds-3.jsa")), "the newest old ones stay: " + kept);
    assertEquals("", launch(jar, cache, Map.of(), "again").err(), "the new archive is among them");
  }

  @Test
  void concurrentFirstRunsLeaveOneWholeArchive() throws Exception {
    Path jar = echoJar(tmp.resolve("echo.jar"));
    Path cache = tmp.resolve("cache");
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ps.add(builder(jar, cache, Map.of(), "run" + i).start());
    }
    for (int i = 0; i < ps.size(); i++) {
      Process p = ps.get(i);
      assertTrue(p.waitFor(2, TimeUnit.MINUTES));
      assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
      assertEquals("run" + i, new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }
    assertEquals(1, archives(cache).size(), files(cache).toString());
    assertEquals(List.of(), files(cache).stream().filter(n -> n.startsWith(".")).toList());
    // and the archive is usable: the JVM says nothing about it
    Result r = launch(jar, cache, Map.of(), "ok");
    assertEquals(List.of("ok"), r.lines());
    assertEquals("", r.err());
  }

  @Test
  void aMismatchedArchiveNeverChangesTheCommandsOutputOrExitCode() throws Exception {
    Path cache = tmp.resolve("cache");
    Path jarA = echoJar(Files.createDirectories(tmp.resolve("a")).resolve("echo.jar"));
    Path jarB = echoJar(Files.createDirectories(tmp.resolve("b")).resolve("echo.jar"), "other");
    launch(jarA, cache, Map.of(), "train");
    List<String> before = archives(cache);
    launch(jarB, cache, Map.of(), "train");
    String archiveB = archives(cache).stream().filter(n -> !before.contains(n)).findFirst().orElseThrow();
    // B's archive replaced by A's: the JVM does not use its classes (another class path); a static
    // archive's mismatch is an info-level message in Java 17, so the command simply runs without it
    Path b = cache.resolve(archiveB);
    assertTrue(b.toFile().setWritable(true));
    Files.copy(cache.resolve(before.get(0)), b, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Result r = launch(jarB, cache, Map.of(), "exit=4", "only this");
    assertEquals(4, r.code());
    assertEquals(List.of("exit=4", "only this"), r.lines(), "the JVM's words never reach stdout");
    assertTrue(!r.err().contains("only this"), r.err());
  }

  @Test
  void aJvmThatMakesNoArchiveIsNotAskedAgain() throws Exception {
    Path jar = echoJar(tmp.resolve("echo.jar"));
    Path cache = tmp.resolve("cache");
    // a java that ignores -Xshare:dump, as one without class-data sharing does (it then runs no main class)
    Path fake = tmp.resolve("fake-jdk/bin/java");
    Files.createDirectories(fake.getParent());
    Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do shift; case \"$a\" in -Xshare:dump) ;;"
        + " *) set -- \"$@\" \"$a\";; esac; done\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' \"$@\"\n");
    assertTrue(fake.toFile().setExecutable(true));
    Map<String, String> env = Map.of("JAVA", fake.toString());
    Result first = launch(jar, cache, env, "one");
    assertEquals(List.of("one"), first.lines());
    assertEquals(PREPARING, first.err().strip());
    Result second = launch(jar, cache, env, "two");
    assertEquals(List.of("two"), second.lines());
    assertEquals("", second.err(), "no second training");
    assertEquals(List.of(), archives(cache));
    assertEquals(1, files(cache).stream().filter(n -> n.endsWith(".none")).count(), files(cache).toString());
  }

  @Test
  void plainModeMissingJarAndMissingJava() throws Exception {
    Path jar = echoJar(tmp.resolve("echo.jar"));
    Path cache = tmp.resolve("cache");
    Result plain = launch(jar, cache, Map.of("MMRARE_CDS", "0"), "exit=0", "x");
    assertEquals(List.of("exit=0", "x"), plain.lines());
    assertTrue(Files.notExists(cache) || archives(cache).isEmpty());
    Result missing = launch(tmp.resolve("nope.jar"), cache, Map.of(), "x");
    assertEquals(1, missing.code());
    assertTrue(missing.err().contains("no jar at") && missing.err().contains("mvn -q -B -DskipTests package"),
        missing.err());
    Result noJava = launch(jar, cache, Map.of("JAVA", tmp.resolve("no-such-java").toString()), "x");
    assertEquals(1, noJava.code());
    assertTrue(noJava.err().contains("install Java 17+ or set JAVA"), noJava.err());
  }

  private record Result(int code, List<String> lines, String err) {}

  private Result launch(Path jar, Path cache, Map<String, String> env, String... args) throws Exception {
    Process p = builder(jar, cache, env, args).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES));
    return new Result(p.exitValue(), out.isEmpty() ? List.of() : List.of(out.split("\n")), err);
  }

  private static ProcessBuilder builder(Path jar, Path cache, Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>(List.of("sh", Shared.repoRoot().resolve("bin/mmrare").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("MMRARE_JAR", jar.toString());
    pb.environment().put("MMRARE_CACHE", cache.toString());
    pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().putAll(env);
    return pb;
  }

  private static List<String> archives(Path cache) throws IOException {
    return files(cache).stream().filter(n -> n.startsWith("cds-") && n.endsWith(".jsa")).toList();
  }

  private static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Path echoJar(Path jar) throws Exception {
    return echoJar(jar, "");
  }

  /** The echo jar; {@code extra}, when not empty, adds a resource (another jar, as a rebuild makes). */
  private static Path echoJar(Path jar, String extra) throws Exception {
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Echo.class.getName());
    String entry = Echo.class.getName().replace('.', '/') + ".class";
    Path classes = Path.of(Echo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
      j.putNextEntry(new JarEntry(entry));
      Files.copy(classes.resolve(entry), j);
      j.closeEntry();
      if (!extra.isEmpty()) {
        j.putNextEntry(new JarEntry("extra.txt"));
        j.write(extra.getBytes(StandardCharsets.UTF_8));
        j.closeEntry();
      }
    }
    return jar;
  }
}
