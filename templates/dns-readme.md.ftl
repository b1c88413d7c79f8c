<#-- dns/README.md of a canary2k8s bundle: the index of the DNS cutover, with the procedure every
     zone follows. Each zone's records and commands are on its own page, dns/<zone-id>/README.md
     (dns-zone.md.ftl). Every value comes from DnsCutover. -->
# Weighted DNS cutover

canary2k8s never changes DNS. Each directory beside this README holds the Route53 change batches of one hosted zone, exactly what `aws route53 change-resource-record-sets --change-batch file://FILE` takes, and a README with the zone's records and commands; apply them yourself, one step at a time, once the Kubernetes edge serves every host in `base/` (and the overlay you want).

<#if zones?has_content>
Every Route53 name listed on the zones' pages points at a migrated ${kind} today. Each step keeps the old target as a weighted record (set identifier `${oldId}`) beside a weighted record to the edge (`${newId}`, target `${edgeName}`), so every step up to the last rolls back by changing weights only.

<#if placeholder>
> [!CAUTION]
> `${edgeName}` is a placeholder (a reserved `.invalid` name). Re-render with `--edge-dns-name` set to the DNS name of the load balancer in front of the edge Traefik before applying anything.

</#if>
<#if zonePlaceholder>
> [!CAUTION]
> The alias records to the edge hold the placeholder hosted zone id `${edgeZone}`, which Route53 rejects. Re-render with `--edge-hosted-zone-id` (the canonical hosted zone id of the edge load balancer).

</#if>
## Zones

| Zone | Id | Records | Batches | Longest TTL | Records and commands |
|---|---|---:|---:|---:|---|
<#list zones as z>
| ${z.nameCell} | ${z.idCell} | ${z.recordCount?c} | ${z.batches?c} | ${z.maxTtl?c} s | [README.md](${z.page}) |
</#list>

## Steps, the same in every zone

Apply a zone's files in this order; after each step, wait until the change is `INSYNC` (`aws route53 wait resource-record-sets-changed --id <ChangeInfo.Id>`) and at least the records' TTL (the zone's longest, in the table above and on its page), and watch the edge's error rate before the next step.

| Step | File | Traffic afterwards | What it does |
|---:|---|---|---|
<#list steps as s>
| ${s?counter} | `${s.file}` | ${s.traffic} | ${s.what} |
</#list>

Rollback:

- from steps 1 to ${percents?size}: `${rollbackWeights}` sends everything back to the ${kind}s at once (weights only); then, when you want the original simple records back, `${rollbackRestore}`.
- after the last step: `${rollbackFinished}` restores the original records.

Route53 applies a batch all or nothing, and a DELETE must match the record exactly: apply the files in order, and do not edit the records by hand in between.
<#else>
No Route53 record in the inventory points at a migrated classic ELB, so there is nothing to cut over.
</#if>
