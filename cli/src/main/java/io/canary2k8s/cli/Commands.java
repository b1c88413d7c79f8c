package io.canary2k8s.cli;

import io.canary2k8s.inventory.Inventory;
import io.canary2k8s.inventory.InventoryJson;
import io.canary2k8s.notes.Note;
import io.canary2k8s.notes.Notes;
import io.canary2k8s.render.BundleBuilder;
import io.canary2k8s.render.BundleLayout;
import io.canary2k8s.render.BundleWriter;
import io.canary2k8s.render.RenderOptions;
import io.canary2k8s.render.diff.DiffMarkdown;
import io.canary2k8s.render.diff.DiffReport;
import io.canary2k8s.render.diff.Differ;
import io.canary2k8s.render.diff.Documents;
import io.canary2k8s.render.diff.NoteChanges;
import io.canary2k8s.translate.Translation;
import io.canary2k8s.yaml.Yaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The subcommands. Each parses, runs the pipeline and reports on stderr; data goes to stdout. */
final class Commands {
  private Commands() {}

  /** Flags every command has. */
  static final class Common {
    @Option(names = "--stacktrace", description = "Print the stack trace of a failure.")
    boolean stacktrace;
  }

  @Command(
      name = "discover",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
        "Inventory classic ELBs, Auto Scaling groups and Route53 records into inventory.json,",
        "live through the AWS SDK (read-only: Describe/List/Get calls only) or from saved AWS CLI output."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  canary2k8s discover --profile prod --region eu-west-1 --output inventory.json",
        "  # one inventory-<region>.json per region:",
        "  canary2k8s discover --region eu-west-1,us-east-1 --output inventories/",
        "  canary2k8s discover --from-aws-cli capture/ --output inventory.json"
      })
  static final class Discover implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common;
    @Mixin Source source;
    @Mixin OutputOptions console;

    @Option(
        names = {"-o", "--output"},
        paramLabel = "PATH",
        description =
            "Write the inventory to this file (default: stdout); with several regions, a directory that gets inventory-<region>.json each.")
    Path output;

    @Override
    public Integer call() throws IOException {
      Notes runNotes = new Notes();
      PrintWriter err = spec.commandLine().getErr();
      Map<String, Inventory> all;
      try (ProgressLine progress = console.progressLine(err)) {
        all = source.readAll(runNotes, progress);
      }
      if (all.size() > 1 && output == null) {
        throw new UsageException(
            "several regions give several inventories: name a directory with --output");
      }
      for (var e : all.entrySet()) {
        Inventory inv = e.getValue();
        runNotes.addAll(inv.notes());
        String json = InventoryJson.write(inv);
        Path target = all.size() > 1 ? output.resolve("inventory-" + e.getKey() + ".json") : output;
        if (target == null) {
          PrintWriter out = spec.commandLine().getOut();
          out.print(json);
          out.flush();
        } else {
          writeAtomically(target, json);
          if (!console.quiet) {
            err.printf(
                Locale.ROOT,
                "wrote %s: %d classic ELBs, %d Auto Scaling groups, %d DNS records%n",
                target,
                inv.classicLoadBalancers().size(),
                inv.autoScalingGroups().size(),
                inv.dnsRecords().size());
          }
        }
      }
      err.print(NotesSummary.of(runNotes.sorted(), console.level(), null));
      err.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "capture-script",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
        "Print a bash script that fills a capture directory with the AWS CLI (read-only calls),",
        "for running where the credentials are; then: canary2k8s migrate --from-aws-cli DIR ..."
      },
      footerHeading = "%nExamples:%n",
      footer = {
        "  canary2k8s capture-script --region eu-west-1 > capture.sh",
        "  # where the credentials are (the script's flags override the baked-in ones):",
        "  bash capture.sh --profile prod capture/"
      })
  static final class CaptureScriptCommand implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--region",
        paramLabel = "REGION",
        description = "Region the script uses unless given --region.")
    String region;

    @Option(
        names = "--profile",
        paramLabel = "NAME",
        description = "Profile the script uses unless given --profile.")
    String profile;

    @Option(
        names = "--endpoint-url",
        paramLabel = "URL",
        description = "Endpoint the script uses unless given --endpoint-url.")
    String endpointUrl;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.print(io.canary2k8s.discover.live.CaptureScript.render(region, profile, endpointUrl));
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "translate",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description =
          "Print the Kubernetes objects for an inventory as multi-document YAML on stdout.",
      footerHeading = "%nExample:%n",
      footer = "  canary2k8s translate inventory.json --target traefik-v3 > objects.yaml")
  static final class Translate implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common;
    @Mixin TranslateOptions translate;
    @Mixin BundleOptions bundle;
    @Mixin OutputOptions console;

    @Parameters(
        index = "0",
        paramLabel = "INVENTORY",
        description = "inventory.json written by discover.")
    Path inventory;

    @Override
    public Integer call() {
      Notes notes = new Notes();
      PrintWriter err = spec.commandLine().getErr();
      Translation tr;
      try (ProgressLine progress = console.progressLine(err)) {
        Inventory inv = Pipeline.readInventory(inventory, progress);
        tr = Pipeline.translate(inv, translate, notes, progress);
      }
      err.print(NotesSummary.of(notes.sorted(), console.level(), null));
      err.flush();
      Pipeline.check(notes, bundle);
      PrintWriter out = spec.commandLine().getOut();
      out.print(Yaml.dumpAll(tr.objects()));
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "render",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description =
          "Write the reviewable bundle (REVIEW.md, kustomize base and step overlays) for an inventory.",
      footerHeading = "%nExamples:%n",
      footer = {
        "  canary2k8s render inventory.json --out bundle/ --steps 10,25,50,100",
        "  # re-render in place; DIFF.md says what changed, exit 1 when anything did:",
        "  canary2k8s render inventory.json --out bundle/ --previous bundle/ \\",
        "      --exit-code --edge-dns-name edge-0123.elb.eu-west-1.amazonaws.com"
      })
  static final class Render implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common;
    @Mixin TranslateOptions translate;
    @Mixin BundleOptions bundle;
    @Mixin ReviewOptions review;
    @Mixin OutputOptions console;

    @Parameters(
        index = "0",
        paramLabel = "INVENTORY",
        description = "inventory.json written by discover.")
    Path inventory;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "The bundle directory (replaced as a whole).")
    Path out;

    @Override
    public Integer call() {
      return renderBundle(
          spec,
          progress -> Pipeline.readInventory(inventory, progress),
          new Notes(),
          translate,
          bundle,
          review,
          console,
          out);
    }
  }

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Discover, translate and render in one run (live AWS, or --from-aws-cli DIR).",
      footerHeading = "%nExamples:%n",
      footer = {
        "  canary2k8s migrate --from-aws-cli capture/ --out bundle/",
        "  canary2k8s migrate --profile prod --region ap-south-1 \\",
        "      --config canary2k8s.yaml --out bundle/",
        "  # is bundle/ what capture/ renders to? (exit 1 when not; CI)",
        "  canary2k8s migrate --from-aws-cli capture/ --out /tmp/check \\",
        "      --previous bundle/ --exit-code"
      })
  static final class Migrate implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common;
    @Mixin Source source;
    @Mixin TranslateOptions translate;
    @Mixin BundleOptions bundle;
    @Mixin ReviewOptions review;
    @Mixin OutputOptions console;

    @Option(
        names = "--out",
        required = true,
        paramLabel = "DIR",
        description = "The bundle directory (replaced as a whole).")
    Path out;

    @Override
    public Integer call() {
      Notes notes = new Notes();
      return renderBundle(
          spec,
          progress -> source.readOne(notes, progress),
          notes,
          translate,
          bundle,
          review,
          console,
          out);
    }
  }

  /**
   * Reads the inventory, translates it and writes the bundle, each stage shown on a terminal; then
   * the notes summary and what was written. With --exit-code: 1 when the bundle differs from
   * --previous.
   */
  static int renderBundle(
      CommandLine.Model.CommandSpec spec,
      Function<ProgressLine, Inventory> read,
      Notes notes,
      TranslateOptions t,
      BundleOptions b,
      ReviewOptions r,
      OutputOptions o,
      Path out) {
    // bad flags fail before anything is read
    var edge = r.edge();
    var steps = b.stepList();
    r.checkExitCode();
    PrintWriter err = spec.commandLine().getErr();
    Translation tr;
    BundleBuilder.Rendered rendered;
    boolean changed;
    BundleCheck check;
    String summary;
    try (ProgressLine progress = o.progressLine(err)) {
      Inventory inv = read.apply(progress);
      var options =
          new RenderOptions(steps, Version.get(), r.previousDocuments(), edge, r.previousNotes());
      // the files are written as they are made, into a temporary directory that only a commit
      // puts in place: a check that fails leaves the output as it was; the bundle is started
      // before the translation, which inventory.json does not need
      try (BundleWriter.Pending pending = BundleWriter.open(out)) {
        check = new BundleCheck(pending, r.exitCode ? r.previous : null);
        try (BundleBuilder.Started bundle = Pipeline.start(inv, options, check)) {
          tr = Pipeline.translate(inv, t, notes, progress);
          progress.stage("writing " + out, "files", check::files);
          rendered = bundle.build(tr, notes);
        }
        summary =
            NotesSummary.of(notes.sorted(), o.level(), out.resolve(BundleLayout.REVIEW).toString());
        try {
          Pipeline.check(notes, b);
        } catch (TranslationFailed e) {
          progress.close();
          err.print(NotesSummary.of(notes.sorted(), o.level(), null));
          throw e;
        }
        changed = pending.commit();
      }
    }
    err.print(summary);
    if (!o.quiet) {
      err.printf(
          Locale.ROOT,
          "%s %s: %d app(s), %d objects, %d files%n",
          changed ? "wrote" : "unchanged",
          out,
          tr.plan().apps().size(),
          rendered.objects(),
          rendered.files());
      if (rendered.diffHeadline() != null) {
        err.printf(Locale.ROOT, "%s: %s%n", BundleLayout.DIFF, rendered.diffHeadline());
      }
    }
    if (!r.exitCode) {
      err.flush();
      return ExitCodes.OK;
    }
    boolean differs = check.changed();
    if (!o.quiet) {
      err.printf(
          Locale.ROOT,
          "%s --previous %s%n",
          differs ? "the bundle differs from" : "the bundle is the same as",
          r.previous);
    }
    err.flush();
    return differs ? ExitCodes.CHANGES : ExitCodes.OK;
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
        "Compare the Kubernetes objects of two bundles (every YAML under base/), or two multi-document YAML files.",
        "Objects are paired by apiVersion/kind/namespace/name and compared as parsed YAML; an object whose content"
            + " (all but metadata.name) reappears under another name is a rename. Secret values are masked.",
        "Exit codes (as kubectl diff): 0 no changes, 1 changes, 2 bad input."
      },
      footerHeading = "%nExample:%n",
      footer = "  canary2k8s diff main-bundle/ pr-bundle/ > DIFF.md || [ $? -eq 1 ]")
  static final class Diff implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;
    @Mixin Common common;

    @Parameters(
        index = "0",
        paramLabel = "OLD",
        description = "The bundle (directory) or YAML file before.")
    Path before;

    @Parameters(
        index = "1",
        paramLabel = "NEW",
        description = "The bundle (directory) or YAML file after.")
    Path after;

    @Option(
        names = "--format",
        defaultValue = "markdown",
        paramLabel = "FORMAT",
        completionCandidates = Formats.class,
        description = "markdown (a pull-request comment) or json (default: ${DEFAULT-VALUE}).")
    String format;

    /** The completion candidates of --format. */
    static final class Formats extends java.util.ArrayList<String> {
      private static final long serialVersionUID = 1L;

      Formats() {
        super(List.of("markdown", "json"));
      }
    }

    @Option(
        names = "--max-chars",
        defaultValue = "" + DiffMarkdown.DEFAULT_MAX_CHARS,
        paramLabel = "N",
        description =
            "Budget of the Markdown report; object diffs past it are left out, whole"
                + " (default: ${DEFAULT-VALUE}, under GitHub's 65,536-character comment limit).")
    int maxChars;

    @Override
    public Integer call() {
      if (!format.equals("markdown") && !format.equals("json")) {
        throw new UsageException("--format: '" + format + "' is not one of markdown, json");
      }
      if (maxChars < MIN_MAX_CHARS) {
        throw new UsageException(
            "--max-chars: " + maxChars + " is below the minimum of " + MIN_MAX_CHARS);
      }
      Documents.Pair sides = Documents.read(before, after);
      DiffReport report =
          Differ.diff(sides.before(), sides.after(), before.toString(), after.toString());
      List<Note> notesBefore = NoteChanges.readBundle(before, BundleLayout.NOTES);
      List<Note> notesAfter = NoteChanges.readBundle(after, BundleLayout.NOTES);
      if (notesBefore != null && notesAfter != null) {
        report = report.withNotes(NoteChanges.compare(notesBefore, notesAfter));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (format.equals("json")) {
        out.print(report.toJson());
      } else {
        out.print(
            DiffMarkdown.render(
                report, maxChars, "`canary2k8s diff --format json " + before + " " + after + "`"));
      }
      out.flush();
      DiffReport.Summary s = report.summary();
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "%d added, %d changed, %d removed, %d renamed, %d unchanged%n",
              s.added(),
              s.changed(),
              s.removed(),
              s.renamed(),
              s.unchanged());
      return report.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
  }

  /** The smallest --max-chars accepted: room for the summary and the notice of what was cut. */
  static final int MIN_MAX_CHARS = 2_000;

  @Command(
      name = "completion",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = "Print a bash completion script.",
      footerHeading = "%nExample:%n",
      footer = "  source <(canary2k8s completion)")
  static final class Completion implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.print(AutoComplete.bash("canary2k8s", spec.parent().commandLine()));
      out.flush();
      return ExitCodes.OK;
    }
  }

  static void writeAtomically(Path file, String content) throws IOException {
    Path abs = file.toAbsolutePath().normalize();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
