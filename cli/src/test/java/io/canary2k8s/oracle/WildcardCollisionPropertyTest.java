package io.canary2k8s.oracle;

import io.canary2k8s.testing.Seeded;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random estates whose wildcard records collide with explicit names ({@link
 * RandomEstates#withWildcardCollisions}): the zone's {@code *}, a wildcard under an app's name, a
 * nested wildcard under that one and a weighted wildcard, each covering names that point at other
 * load balancers or other splits, and ALB host rules with wildcard host conditions. On every target
 * each probe (the explicit names, and for each wildcard a name one and two labels below it) routes
 * AWS's share or is excused by a note naming the item. The same properties as {@link
 * RandomEstatesTest}: {@code -Dproperty.seed=N}, {@code -Dproperty.cases=N}, {@code
 * -Doracle.features=...}, {@code -Doracle.verbose=true}.
 */
class WildcardCollisionPropertyTest {
  @TempDir Path tmp;

  @Test
  void wildcardsThatCoverOtherNamesRouteAsAwsDoes() {
    Set<Feature> features = Feature.enabled();
    RandomEstatesTest check = new RandomEstatesTest();
    check.tmp = tmp;
    Seeded.forAll(
        "wildcard collisions",
        4,
        rnd ->
            check.check(
                RandomEstates.withWildcardCollisions(rnd, features),
                features.contains(Feature.TRAILING_SLASHLESS_PATHS)));
  }
}
