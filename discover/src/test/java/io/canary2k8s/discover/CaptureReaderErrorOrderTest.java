package io.canary2k8s.discover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.canary2k8s.input.InputException;
import io.canary2k8s.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which problem a capture with more than one is rejected for. The result lists are read one element
 * at a time, but the order is that of reading each file whole first: a syntax error anywhere in a
 * file before any problem with its content, and an outer file's before an inner one's.
 */
class CaptureReaderErrorOrderTest {
  private static final String ASGS = "autoscaling/describe-auto-scaling-groups.json";
  private static final String ELBS = "elb/describe-load-balancers.json";
  private static final String RECORDS = "route53/zones/Z0417932KX4V6BZ2M5QGH.json";

  @TempDir Path tmp;

  private Path capture() throws IOException {
    return capture("capture");
  }

  /** A copy of the sample capture in {@code name} under the test's directory. */
  private Path capture(String name) throws IOException {
    Path from =
        Path.of(System.getProperty("samples.dir", "../samples")).resolve("razorpay-myapp/capture");
    Path to = tmp.resolve(name);
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    return to;
  }

  private static void replaceFirst(Path file, String regex, String replacement) throws IOException {
    String before = Files.readString(file);
    String after = before.replaceFirst(regex, replacement);
    assertThat(after).as("edit of " + file).isNotEqualTo(before);
    Files.writeString(file, after);
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, Files.readString(file) + text);
  }

  /** {@code text} put before the last {@code "<field>"} of the file: a name there twice. */
  private static void beforeLast(Path file, String field, String text) throws IOException {
    String json = Files.readString(file);
    int last = json.lastIndexOf("\"" + field + "\"");
    Files.writeString(file, json.substring(0, last) + text + json.substring(last));
  }

  /** The file as the output of {@code --query 'AutoScalingGroups'}: the list alone. */
  private static void bareList(Path file) throws IOException {
    String json = Files.readString(file).strip();
    Files.writeString(file, json.substring(json.indexOf('['), json.lastIndexOf(']') + 1));
  }

  /** The first group names a classic ELB that is not in the capture. */
  private static void firstGroupNamesAnUncapturedElb(Path c) throws IOException {
    replaceFirst(c.resolve(ASGS), "(\"LoadBalancerNames\": \\[\\s*)\"myapp\"", "$1\"nosuch\"");
  }

  /** The first group's MinSize above its MaxSize: a problem with the content. */
  private static void badFirstGroup(Path c) throws IOException {
    replaceFirst(c.resolve(ASGS), "\"MinSize\": 6", "\"MinSize\": 60");
  }

  /** The file without its last '}': cut short. */
  private static void truncate(Path file) throws IOException {
    String json = Files.readString(file).strip();
    Files.writeString(file, json.substring(0, json.length() - 1));
  }

  /** Every classic ELB's attributes file made unreadable. */
  private static void breakEveryAttributesFile(Path c) throws IOException {
    try (Stream<Path> attrs = Files.list(c.resolve("elb/attributes"))) {
      for (Path a : (Iterable<Path>) attrs::iterator) {
        Files.writeString(a, "{ not json");
      }
    }
  }

  /** The capture is rejected for a syntax error in {@code file}, worded with {@code detail}. */
  private static void rejectedAsNotJson(Path c, String file, String detail) {
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(file);
    assertThat(e.getMessage()).contains("not valid JSON").contains(detail);
  }

  private static InputException rejection(Path c) {
    try {
      CaptureReader.read(c);
    } catch (InputException e) {
      return e;
    }
    throw new AssertionError("the capture was read");
  }

  @Test
  void theSampleReads() throws IOException {
    Inventory inv = CaptureReader.read(capture());
    assertThat(inv.autoScalingGroups()).isNotEmpty();
  }

  @Test
  void aProblemWithAnElementAloneIsReportedForIt() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(ASGS);
    assertThat(e.field()).isEqualTo("AutoScalingGroups[0].MinSize");
  }

  @Test
  void aTruncatedFileIsReportedBeforeAProblemWithItsFirstElement() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    truncate(c.resolve(ASGS));
    rejectedAsNotJson(c, ASGS, "end-of-input");
  }

  @Test
  void aSecondDocumentIsReportedBeforeAProblemWithTheFirstElement() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    append(c.resolve(ASGS), "\n{}\n");
    rejectedAsNotJson(c, ASGS, "Trailing token");
  }

  @Test
  void aDuplicateFieldInALaterElementIsReportedBeforeAProblemWithTheFirst() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    // the last group gets a second DesiredCapacity
    beforeLast(c.resolve(ASGS), "DesiredCapacity", "\"DesiredCapacity\": 1, ");
    rejectedAsNotJson(c, ASGS, "Duplicate field 'DesiredCapacity'");
  }

  /**
   * A name twice anywhere in a streamed file (the parser leaves the check to what builds the
   * values) is reported exactly as reading the file whole reports it, before a problem with the
   * first element.
   */
  @Test
  void aNameTwiceAnywhereIsReportedAsTheWholeFileReadReportsIt() throws IOException {
    String[][] edits = {
      // nested in the first element, in its launch template
      {"(\"LaunchTemplateName\": \"myapp\",)", "$1 \"LaunchTemplateName\": \"x\","},
      // the top-level object: before the list, in a value before it, after it
      {"^\\{", "{\"NextToken\": null, \"NextToken\": null,"},
      {"^\\{", "{\"Meta\": {\"a\": [{\"b\": 1, \"b\": 2}]},"},
      {"\\}\\s*$", ", \"NextToken\": null, \"AutoScalingGroups\": []}"},
      {"\\}\\s*$", ", \"Meta\": [{\"a\": 1, \"b\": 2, \"c\": 3, \"a\": 4}]}"},
    };
    for (int i = 0; i < edits.length; i++) {
      String[] edit = edits[i];
      Path cap = capture("dup" + i);
      badFirstGroup(cap);
      replaceFirst(cap.resolve(ASGS), edit[0], edit[1]);
      InputException whole = null;
      try {
        io.canary2k8s.input.Json.readTree(cap.resolve(ASGS), cap.resolve(ASGS).toString());
      } catch (InputException e) {
        whole = e;
      }
      assertThat(whole).as(edit[1]).isNotNull();
      assertThat(whole.getMessage()).as(edit[1]).contains("Duplicate field");
      InputException e = rejection(cap);
      assertThat(e.file()).as(edit[1]).isEqualTo(whole.file());
      assertThat(e.getMessage()).as(edit[1]).isEqualTo(whole.getMessage());
    }
  }

  /** A bare list whose later element has a name twice. */
  @Test
  void aNameTwiceInABareListIsReportedAsTheWholeFileReadReportsIt() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    bareList(c.resolve(ASGS));
    beforeLast(c.resolve(ASGS), "MinSize", "\"MinSize\": 1, ");
    rejectedAsNotJson(c, ASGS, "Duplicate field 'MinSize' (line ");
  }

  /**
   * A paging token (the file is one page of a listing) is a complaint about the whole file, as a
   * syntax error is: after a syntax error in the file, before a problem with an element.
   */
  @Test
  void aPageTokenComesAfterTheFilesSyntaxErrorAndBeforeItsElementsProblems() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    replaceFirst(c.resolve(ASGS), "\\}\\s*$", ", \"NextToken\": \"bWFyaw==\"}");
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(ASGS);
    assertThat(e.field()).isEqualTo("NextToken");
    assertThat(e.getMessage()).contains("captured without auto-pagination");
    truncate(c.resolve(ASGS));
    rejectedAsNotJson(c, ASGS, "end-of-input");
  }

  @Test
  void anEarlierPartsProblemComesBeforeALaterPartsPageToken() throws IOException {
    Path c = capture();
    replaceFirst(c.resolve(ASGS), "\\}\\s*$", ", \"NextToken\": \"bWFyaw==\"}");
    replaceFirst(c.resolve(ELBS), "\"InstancePort\": 8080", "\"InstancePort\": 0");
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(ELBS);
    assertThat(e.field()).endsWith("InstancePort");
  }

  @Test
  void anOuterFilesSyntaxErrorIsReportedBeforeAnInnerFilesProblem() throws IOException {
    Path c = capture();
    // each classic ELB's attributes file is read while its load balancers file is being read
    breakEveryAttributesFile(c);
    append(c.resolve(ELBS), "]");
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(ELBS);
    assertThat(e.getMessage()).contains("not valid JSON");
  }

  @Test
  void anInnerFilesSyntaxErrorIsReportedWhenTheOuterFileIsValid() throws IOException {
    Path c = capture();
    breakEveryAttributesFile(c);
    InputException e = rejection(c);
    assertThat(e.file()).contains("elb/attributes/");
    assertThat(e.getMessage()).contains("not valid JSON");
  }

  @Test
  void aBareListIsReadWithIndexPaths() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    bareList(c.resolve(ASGS));
    InputException e = rejection(c);
    assertThat(e.field()).isEqualTo("[0].MinSize");
  }

  @Test
  void anotherCommandsOutputIsNamed() throws IOException {
    Path c = capture();
    Files.writeString(c.resolve(ASGS), "{\"LoadBalancerDescriptions\": []}");
    assertThatThrownBy(() -> CaptureReader.read(c))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the file holds LoadBalancerDescriptions");
  }

  @Test
  void aResultThatIsNotAListIsNamed() throws IOException {
    Path c = capture();
    Files.writeString(c.resolve(ASGS), "{\"AutoScalingGroups\": {}}");
    InputException e = rejection(c);
    assertThat(e.field()).isEqualTo("AutoScalingGroups");
    assertThat(e.getMessage()).contains("expected a list, found an object");
  }

  // The parts of a capture are read at once (Sections); a capture is rejected for the problem
  // that reading them one after another met first: classic ELB, ELBv2, Auto Scaling, Route53.

  @Test
  void aLoadBalancerProblemIsReportedBeforeAGroupProblem() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    replaceFirst(c.resolve(ELBS), "\"InstancePort\": 8080", "\"InstancePort\": 80800");
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(ELBS);
    assertThat(e.field())
        .isEqualTo("LoadBalancerDescriptions[0].ListenerDescriptions[0].Listener.InstancePort");
  }

  @Test
  void aGroupProblemIsReportedBeforeARecordsProblem() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    Files.writeString(c.resolve(RECORDS), "{ not json");
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(ASGS);
    assertThat(e.field()).isEqualTo("AutoScalingGroups[0].MinSize");
  }

  @Test
  void anUncapturedLoadBalancerIsReportedBeforeALaterGroupsProblem() throws IOException {
    Path c = capture();
    firstGroupNamesAnUncapturedElb(c);
    replaceFirst(c.resolve(ASGS), "\"MinSize\": 1,", "\"MinSize\": 2,"); // the second group
    InputException e = rejection(c);
    assertThat(e.file()).endsWith(ASGS);
    assertThat(e.field()).isEqualTo("AutoScalingGroups[0].LoadBalancerNames[0]");
    assertThat(e.getMessage())
        .endsWith("names classic ELB 'nosuch', which is not in elb/describe-load-balancers.json");
  }

  @Test
  void anEarlierGroupsProblemIsReportedBeforeAnUncapturedLoadBalancer() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    replaceFirst(c.resolve(ASGS), "\"myapp-canary\"(?=\\s*\\])", "\"nosuch\""); // the second group
    InputException e = rejection(c);
    assertThat(e.field()).isEqualTo("AutoScalingGroups[0].MinSize");
  }

  @Test
  void aSyntaxErrorInTheGroupsIsReportedBeforeAnUncapturedLoadBalancer() throws IOException {
    Path c = capture();
    firstGroupNamesAnUncapturedElb(c);
    truncate(c.resolve(ASGS));
    rejectedAsNotJson(c, ASGS, "end-of-input");
  }

  @Test
  void aSecondDocumentIsReportedBeforeAnUncapturedLoadBalancer() throws IOException {
    Path c = capture();
    firstGroupNamesAnUncapturedElb(c);
    append(c.resolve(ASGS), "\n{}\n");
    rejectedAsNotJson(c, ASGS, "Trailing token");
  }

  @Test
  void noReadingThreadIsLeftAfterAFailure() throws IOException {
    Path c = capture();
    badFirstGroup(c);
    replaceFirst(c.resolve(ELBS), "\"InstancePort\": 8080", "\"InstancePort\": 80800");
    rejection(c);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("canary2k8s-read-"));
  }
}
