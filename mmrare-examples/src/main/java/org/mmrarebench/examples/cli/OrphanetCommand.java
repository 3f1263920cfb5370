package org.mmrarebench.examples.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mmrarebench.core.OrphaCode;
import org.mmrarebench.data.orphanet.Disorder;
import org.mmrarebench.data.orphanet.Orphanet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mmrare orphanet lookup NAME|CODE}. */
@Command(name = "orphanet", mixinStandardHelpOptions = true, description = "Query the bundled Orphanet ontology.",
    subcommands = OrphanetCommand.Lookup.class)
final class OrphanetCommand {
  /** {@code lookup}: by code or by name; every candidate of an ambiguous name. */
  @Command(name = "lookup", mixinStandardHelpOptions = true, description = "Look an entry up by ORPHA code or name.")
  static final class Lookup implements Callable<Integer> {
    @Parameters(paramLabel = "NAME_OR_CODE", arity = "1..*", description = "An ORPHA code (ORPHA:355, 355) or a"
        + " disease name or synonym (Gaucher disease).") List<String> query;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      Orphanet o = Orphanet.bundled();
      String q = String.join(" ", query);
      List<Disorder> hits;
      try {
        hits = o.get(OrphaCode.parse(q)).map(List::of).orElse(List.of());
      } catch (IllegalArgumentException notACode) {
        hits = o.byName(q);
      }
      PrintWriter w = spec.commandLine().getOut();
      for (Disorder d : hits) {
        w.printf(Locale.ROOT, "%s  %s  [%s]%n", d.code(), d.label(), d.type());
        if (!d.synonyms().isEmpty()) {
          w.printf(Locale.ROOT, "  synonyms: %s%n", String.join("; ", d.synonyms()));
        }
        w.printf(Locale.ROOT, "  parents:  %s%n", d.parents().stream()
            .map(p -> p + " " + o.get(p).map(Disorder::label).orElse("?")).collect(Collectors.joining("; ")));
        if (!d.omim().isEmpty()) {
          w.printf(Locale.ROOT, "  OMIM:     %s%n", d.omim().stream().map(x -> x.number() + " (" + x.relation() + ")")
              .collect(Collectors.joining(", ")));
        }
        w.printf(Locale.ROOT, "  HPO:      %d phenotypes%n", d.phenotypes().size());
      }
      if (hits.isEmpty()) {
        List<Disorder> close = o.suggest(q, 8);
        w.printf(Locale.ROOT, "no Orphanet entry is named '%s'%s%n", q, close.isEmpty() ? "" : "; the closest names:");
        close.forEach(d -> w.printf(Locale.ROOT, "  %-12s %s%n", d.code(), d.label()));
        if (!close.isEmpty()) {
          w.printf(Locale.ROOT, "(look one up by its code, for example: mmrare orphanet lookup %s)%n",
              close.get(0).code());
        }
        return 1;
      }
      w.printf(Locale.ROOT, "(Orphanet %s; %s)%n", o.release(), o.licence());
      return 0;
    }
  }
}
