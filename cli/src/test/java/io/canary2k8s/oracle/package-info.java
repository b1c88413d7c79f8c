/**
 * The routing oracle: the product's one promise, checked independently of the code under test.
 * After the move every host, path and listener must send the same share of traffic to the same Auto
 * Scaling group as AWS does today, or a note must say why not.
 *
 * <ul>
 *   <li>{@code estate}: an AWS estate as small immutable records, and {@code CaptureWriter}, which
 *       writes it as the AWS CLI capture README.md documents.
 *   <li>{@code aws}: {@code AwsOracle}, the AWS semantics computed from the estate alone (Route53's
 *       public view, classic ELB zone spread, ALB rule order and weighted forwards, NLBs), in exact
 *       rationals.
 *   <li>{@code router}: models of how each target's proxy selects a route for a request in the
 *       manifests {@code kubectl kustomize} builds (Traefik v3, Traefik 1.7, the Gateway API), down
 *       to Service, Deployment and the Auto Scaling group its {@code canary2k8s.io/aws-source}
 *       annotation names.
 *   <li>{@link io.canary2k8s.oracle.OracleCheck}: runs the real CLI on an estate for a target and
 *       compares the two for every {@link io.canary2k8s.oracle.Probe}; {@link
 *       io.canary2k8s.oracle.HandBuiltEstatesTest} and {@link
 *       io.canary2k8s.oracle.RandomEstatesTest} are the checks.
 * </ul>
 *
 * <p>A shape the product gets wrong today is a known gap: in {@link io.canary2k8s.oracle.HandBuilt}
 * a {@code gap(target, probe, why)} on the case (the test then requires that difference, so it
 * fails once the product is fixed: remove the gap), and for the random estates an entry of {@link
 * io.canary2k8s.oracle.Feature#KNOWN_GAPS} (remove it to switch the feature on; try it first with
 * {@code -Doracle.features=NAME}). {@code -Doracle.verbose=true} prints every probe with both
 * answers.
 */
package io.canary2k8s.oracle;
