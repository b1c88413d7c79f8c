/**
 * Live discovery through the AWS SDK for Java v2, and the AWS CLI capture script.
 *
 * <p>For the CLI:
 *
 * <ul>
 *   <li>{@code discover --region R... --profile P --endpoint-url URL --role-arn ARN
 *       --allow-partial}: build a {@link io.canary2k8s.discover.live.LiveOptions} ({@code
 *       LiveOptions.defaults().withRegions(..).withProfile(..).withEndpointUrl(..)
 *       .withRoleArn(..).withAllowPartial(..)}) and call {@link
 *       io.canary2k8s.discover.live.LiveDiscovery#discover}; it returns one inventory per region,
 *       sorted by region. Pass a {@link io.canary2k8s.discover.live.Progress} that prints only on a
 *       TTY and not with {@code --quiet} ({@code Progress.NONE} otherwise).
 *   <li>{@link io.canary2k8s.discover.live.AwsAccessException}: exit 4, print its message (it names
 *       the IAM action and the region). {@link IllegalArgumentException} (no region anywhere): exit
 *       2.
 *   <li>{@code capture-script [--region R] [--profile P] [--endpoint-url URL]}: print {@link
 *       io.canary2k8s.discover.live.CaptureScript#render(String, String, String)}.
 * </ul>
 *
 * <p>The IAM policy these calls need is {@code docs/iam-policy.json}; a test keeps it equal to the
 * calls made.
 */
package io.canary2k8s.discover.live;
