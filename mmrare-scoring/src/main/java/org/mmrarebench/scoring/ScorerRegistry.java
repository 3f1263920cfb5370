package org.mmrarebench.scoring;

import com.google.common.collect.ImmutableSortedMap;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.mmrarebench.core.ConfigurationException;

/**
 * An immutable set of scorers by name. {@link #discover()} finds every {@link ScorerProvider} on
 * the class path; discovery is an explicit call, never a side effect of class loading.
 */
public final class ScorerRegistry {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private final ImmutableSortedMap<String, Scorer> scorers;

  private ScorerRegistry(ImmutableSortedMap<String, Scorer> scorers) {
    this.scorers = scorers;
  }

  /**
   * A registry of these scorers.
   *
   * @throws ConfigurationException when two scorers share a name or a name is malformed
   */
  public static ScorerRegistry of(List<? extends Scorer> scorers) {
    TreeMap<String, Scorer> m = new TreeMap<>();
    for (Scorer s : scorers) {
      if (!NAME.matcher(s.name()).matches()) {
        throw new ConfigurationException("Scorer name '" + s.name() + "' (" + s.getClass().getName()
            + ") must be lower case letters, digits and underscores, starting with a letter.");
      }
      Scorer previous = m.putIfAbsent(s.name(), s);
      if (previous != null) {
        throw new ConfigurationException("Two scorers are named '" + s.name() + "': " + previous.getClass().getName()
            + " and " + s.getClass().getName() + "; rename one (names must be unique across providers).");
      }
    }
    return new ScorerRegistry(ImmutableSortedMap.copyOf(m));
  }

  /** Every scorer of every {@link ScorerProvider} visible to this class's class loader. */
  public static ScorerRegistry discover() {
    return discover(ScorerRegistry.class.getClassLoader());
  }

  /** Every scorer of every {@link ScorerProvider} visible to {@code loader}. */
  public static ScorerRegistry discover(ClassLoader loader) {
    List<Scorer> all = new ArrayList<>();
    for (ScorerProvider p : ServiceLoader.load(ScorerProvider.class, loader)) {
      all.addAll(p.scorers());
    }
    return of(all);
  }

  /**
   * The scorer with this name.
   *
   * @throws IllegalArgumentException listing the known names when there is none
   */
  public Scorer get(String name) {
    Scorer s = scorers.get(name);
    if (s == null) {
      throw new IllegalArgumentException("No scorer named '" + name + "'; known scorers: "
          + String.join(", ", scorers.keySet()) + ".");
    }
    return s;
  }

  /** The names, sorted. */
  public Set<String> names() {
    return scorers.keySet();
  }
}
