package org.mmrarebench.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmrarebench.core.Benchmark;
import org.mmrarebench.data.ReleaseBenchmarkSource;
import org.mmrarebench.data.orphanet.Orphanet;

/**
 * The library on the module path, as a modular application runs it: mmrare-core and mmrare-data are
 * named modules whose {@code internal} packages are exported to mmrare's own modules only, and
 * mmrare-scoring (an automatic module: commons-math3 has no stable module name to require) still
 * reaches them. The other tests run on the class path, where descriptors are not enforced.
 */
class ModulePathTest {

  @Test
  void internalPackagesAreExportedOnlyToMmraresOwnModules() throws Exception {
    ModuleLayer layer = layer();
    Module core = layer.findModule("org.mmrarebench.core").orElseThrow();
    Module data = layer.findModule("org.mmrarebench.data").orElseThrow();
    Module scoring = layer.findModule("org.mmrarebench.scoring").orElseThrow();
    assertFalse(core.getDescriptor().isAutomatic());
    assertFalse(data.getDescriptor().isAutomatic());
    for (Module m : List.of(core, data)) {
      for (ModuleDescriptor.Exports e : m.getDescriptor().exports()) {
        assertEquals(e.source().endsWith(".internal"), e.isQualified(),
            m.getName() + " exports " + e.source() + (e.isQualified() ? " to " + e.targets() : " to everyone"));
      }
    }
    assertFalse(core.isExported("org.mmrarebench.core.internal"));
    assertFalse(data.isExported("org.mmrarebench.data.internal"));
    assertTrue(core.isExported("org.mmrarebench.core.internal", scoring));
    assertTrue(data.isExported("org.mmrarebench.data.internal", scoring));
    assertTrue(core.isExported("org.mmrarebench.core.spi"));
    assertTrue(data.isExported("org.mmrarebench.data.orphanet"));
  }

  @Test
  void servicesAndResourcesWorkOnTheModulePath() throws Exception {
    ModuleLayer layer = layer();
    ClassLoader loader = layer.findLoader("org.mmrarebench.core");
    // BenchmarkSource is provided by the named module mmrare-data; the sample is its resource
    Class<?> benchmark = loader.loadClass(Benchmark.class.getName());
    assertEquals("org.mmrarebench.core", benchmark.getModule().getName());
    Object sample = benchmark.getMethod("embedded").invoke(null);
    assertEquals(Benchmark.embedded().size(), benchmark.getMethod("size").invoke(sample));
    // ScorerProvider is provided by the automatic module mmrare-scoring through META-INF/services
    Class<?> registry = loader.loadClass(ScorerRegistry.class.getName());
    Object discovered = registry.getMethod("discover").invoke(null);
    assertEquals(Set.of("orpha_exact", "orpha_related", "substring_match", "token_f1"),
        Set.copyOf((Collection<?>) registry.getMethod("names").invoke(discovered)));
    // the bundled Orphanet table is read from inside mmrare-data's own package
    Class<?> orphanet = loader.loadClass(Orphanet.class.getName());
    Object bundled = orphanet.getMethod("bundled").invoke(null);
    assertEquals(Orphanet.bundled().disorders().size(),
        ((Collection<?>) orphanet.getMethod("disorders").invoke(bundled)).size());
  }

  @TempDir Path tmp;

  /**
   * A layer over mmrare's modules and their run-time dependencies, resolved from scratch for an
   * application that {@code requires org.mmrarebench.core} and {@code org.mmrarebench.scoring} (an
   * automatic module requires nothing, so it cannot pull core in); service binding brings data.
   */
  private ModuleLayer layer() throws IOException, ReflectiveOperationException, URISyntaxException {
    List<Path> paths = new ArrayList<>();
    paths.add(location(Benchmark.class));
    paths.add(location(ReleaseBenchmarkSource.class));
    paths.add(asJar(location(ScorerRegistry.class), "org.mmrarebench.scoring"));
    for (String dep : List.of("com.google.common.collect.ImmutableList",
        "com.google.common.util.concurrent.internal.InternalFutureFailureAccess",
        "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonParser",
        "com.fasterxml.jackson.annotation.JsonProperty", "org.apache.commons.math3.util.FastMath",
        "jakarta.json.Json", "org.eclipse.parsson.JsonProviderImpl", "org.jspecify.annotations.Nullable",
        "com.google.errorprone.annotations.CheckReturnValue")) {
      paths.add(location(Class.forName(dep)));
    }
    ModuleFinder finder = ModuleFinder.of(paths.toArray(Path[]::new));
    Configuration cf = ModuleLayer.boot().configuration()
        .resolveAndBind(finder, ModuleFinder.of(), Set.of("org.mmrarebench.core", "org.mmrarebench.scoring"));
    return ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
  }

  private static Path location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /**
   * In the reactor a module's classes are a directory, and the JDK only reads a directory as an
   * explicit module; an automatic one must be a jar, named as the jar plugin's manifest names it.
   */
  private Path asJar(Path location, String automaticName) throws IOException {
    if (!Files.isDirectory(location)) {
      return location;
    }
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    mf.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), automaticName);
    Path jar = tmp.resolve(automaticName + ".jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf);
        Stream<Path> files = Files.walk(location)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        j.putNextEntry(new JarEntry(location.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, j);
        j.closeEntry();
      }
    }
    return jar;
  }
}
