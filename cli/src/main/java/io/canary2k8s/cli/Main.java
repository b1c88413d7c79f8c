package io.canary2k8s.cli;

import io.canary2k8s.input.InputException;
import io.canary2k8s.input.IoFailure;
import io.canary2k8s.inventory.SecretPatterns;
import io.canary2k8s.text.Escape;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code canary2k8s} executable. */
@Command(
    name = "canary2k8s",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Moves ELB/ASG canary deployments on AWS to Kubernetes behind Traefik, keeping the split.",
    subcommands = {
      Commands.Discover.class,
      Commands.CaptureScriptCommand.class,
      Commands.Translate.class,
      Commands.Render.class,
      Commands.Migrate.class,
      Commands.Diff.class,
      Commands.Completion.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  canary2k8s migrate --from-aws-cli samples/razorpay-myapp/capture \\",
      "      --out out/razorpay-myapp",
      "",
      "Exit codes: 0 ok; 1 changes (diff, or --exit-code and the bundle changed);",
      "2 bad usage or input, or an I/O error;",
      "3 translation errors (or action items under --strict); 4 AWS access failed."
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the CLI with the given streams; returns the exit code (tests call this). */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // The same line picocli prints, without building the model of every command first (that
      // is most of the start-up time: the start-up benchmark in BENCHMARKS.md).
      for (String line : new Version().getVersion()) {
        out.println(line);
      }
      out.flush();
      return ExitCodes.OK;
    }
    boolean stacktrace = Arrays.asList(args).contains("--stacktrace");
    CommandLine cl = Help.configure(new CommandLine(new Main()));
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(t -> ExitCodes.INTERNAL);
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          err.println("canary2k8s: " + Escape.terminal(ex.getMessage()));
          Help.printSuggestions(ex, err);
          err.println(
              "Try '"
                  + ex.getCommandLine().getCommandSpec().qualifiedName()
                  + " --help' for more information.");
          err.flush();
          return ExitCodes.BAD_INPUT;
        });
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          int code;
          String message;
          if (ex instanceof InputException || ex instanceof UsageException) {
            code = ExitCodes.BAD_INPUT;
            message = ex.getMessage();
          } else if (ex instanceof TranslationFailed) {
            code = ExitCodes.TRANSLATION_ERRORS;
            message = ex.getMessage();
          } else if (ex instanceof IoFailure) {
            code = ExitCodes.IO_FAILED;
            message = ex.getMessage();
          } else if (ex instanceof UncheckedIOException u) {
            code = ExitCodes.IO_FAILED;
            message = "I/O error: " + IoFailure.describe(u.getCause());
          } else if (ex instanceof IOException io) {
            code = ExitCodes.IO_FAILED;
            message = "I/O error: " + IoFailure.describe(io);
          } else if (isAwsFailure(ex)) {
            code = ExitCodes.AWS_FAILED;
            message = ex.getMessage();
          } else {
            code = ExitCodes.INTERNAL;
            message = "internal error (please report it with --stacktrace output): " + ex;
          }
          // it may quote the input, secrets included
          err.println("canary2k8s: " + Escape.terminal(SecretPatterns.scrub(message)));
          if (stacktrace) {
            ex.printStackTrace(err);
          }
          err.flush();
          return code;
        });
    return cl.execute(args);
  }

  private static boolean isAwsFailure(Exception ex) {
    return ex instanceof io.canary2k8s.discover.live.AwsAccessException;
  }
}
