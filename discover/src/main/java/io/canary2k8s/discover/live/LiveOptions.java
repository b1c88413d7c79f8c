package io.canary2k8s.discover.live;

import java.net.URI;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How live discovery reaches AWS. Mirrors the AWS CLI's options: regions ({@code --region},
 * repeatable), {@code --profile}, {@code --endpoint-url} (one URL for every service, e.g. an
 * emulator), {@code --role-arn} (assumed through STS before anything else is called).
 *
 * @param regions the regions to inventory, one {@link io.canary2k8s.inventory.Inventory} each;
 *     empty means the region of the default region chain (AWS_REGION, the profile's region)
 * @param profile a named profile of the shared AWS config/credentials files, or null for the
 *     default credential chain
 * @param endpointUrl one endpoint for every service (ELB, Auto Scaling, Route53, STS), or null
 * @param roleArn a role to assume with STS (session name {@code canary2k8s-discover}), or null
 * @param allowPartial on a denied or failing call, return what could be read with an ERROR note per
 *     missing piece instead of throwing {@link AwsAccessException}
 * @param credentialsProvider test hook: credentials to use instead of the default chain / profile
 * @param callRecorder test hook: receives every operation called ({@code service:Operation}); null
 *     for none
 * @param timeouts how long to wait for AWS ({@code --timeout}); null for {@link Timeouts#DEFAULT}
 */
public record LiveOptions(
    List<String> regions,
    String profile,
    URI endpointUrl,
    String roleArn,
    boolean allowPartial,
    AwsCredentialsProvider credentialsProvider,
    CallRecorder callRecorder,
    Timeouts timeouts) {

  public LiveOptions {
    regions = regions == null ? List.of() : List.copyOf(new TreeSet<>(regions));
    timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
    profile = blankToNull(profile);
    roleArn = blankToNull(roleArn);
  }

  /** The default credential chain and region, no endpoint override, strict failure policy. */
  public static LiveOptions defaults() {
    return new LiveOptions(List.of(), null, null, null, false, null, null, null);
  }

  public LiveOptions withRegions(List<String> newRegions) {
    return new LiveOptions(
        newRegions,
        profile,
        endpointUrl,
        roleArn,
        allowPartial,
        credentialsProvider,
        callRecorder,
        timeouts);
  }

  public LiveOptions withProfile(String newProfile) {
    return new LiveOptions(
        regions,
        newProfile,
        endpointUrl,
        roleArn,
        allowPartial,
        credentialsProvider,
        callRecorder,
        timeouts);
  }

  public LiveOptions withEndpointUrl(URI newEndpoint) {
    return new LiveOptions(
        regions,
        profile,
        newEndpoint,
        roleArn,
        allowPartial,
        credentialsProvider,
        callRecorder,
        timeouts);
  }

  public LiveOptions withRoleArn(String newRoleArn) {
    return new LiveOptions(
        regions,
        profile,
        endpointUrl,
        newRoleArn,
        allowPartial,
        credentialsProvider,
        callRecorder,
        timeouts);
  }

  public LiveOptions withAllowPartial(boolean newAllowPartial) {
    return new LiveOptions(
        regions,
        profile,
        endpointUrl,
        roleArn,
        newAllowPartial,
        credentialsProvider,
        callRecorder,
        timeouts);
  }

  public LiveOptions withCredentialsProvider(AwsCredentialsProvider newProvider) {
    return new LiveOptions(
        regions, profile, endpointUrl, roleArn, allowPartial, newProvider, callRecorder, timeouts);
  }

  public LiveOptions withCallRecorder(CallRecorder newRecorder) {
    return new LiveOptions(
        regions,
        profile,
        endpointUrl,
        roleArn,
        allowPartial,
        credentialsProvider,
        newRecorder,
        timeouts);
  }

  public LiveOptions withTimeouts(Timeouts newTimeouts) {
    return new LiveOptions(
        regions,
        profile,
        endpointUrl,
        roleArn,
        allowPartial,
        credentialsProvider,
        callRecorder,
        newTimeouts);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
