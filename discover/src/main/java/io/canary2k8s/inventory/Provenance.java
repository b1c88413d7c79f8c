package io.canary2k8s.inventory;

/**
 * Where an inventory came from. Only what the input itself records: never the time of the run.
 *
 * @param source {@code aws-cli} (a capture directory) or {@code aws-api} (live discovery)
 * @param region the AWS region, when the input says
 * @param accountId the AWS account id, when the input says
 * @param capturedAt the capture time recorded by the input (ISO-8601), or null
 */
public record Provenance(String source, String region, String accountId, String capturedAt) {}
