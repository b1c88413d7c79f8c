<#-- dns/README.md of a canary2k8s bundle: how to apply the Route53 change batches. Every value
     comes from DnsCutover. -->
# Weighted DNS cutover

canary2k8s never changes DNS. The files beside this README are Route53 change batches, exactly what `aws route53 change-resource-record-sets --change-batch file://FILE` takes; apply them yourself, one step at a time, once the Kubernetes edge serves every host in `base/` (and the overlay you want).

<#if zones?has_content>
Every Route53 name below points at a migrated ${kind} today. Each step keeps the old target as a weighted record (set identifier `${oldId}`) beside a weighted record to the edge (`${newId}`, target `${edgeName}`), so every step up to the last rolls back by changing weights only.

<#if placeholder>
> [!CAUTION]
> `${edgeName}` is a placeholder (a reserved `.invalid` name). Re-render with `--edge-dns-name` set to the DNS name of the load balancer in front of the edge Traefik before applying anything.

</#if>
<#if zonePlaceholder>
> [!CAUTION]
> The alias records to the edge hold the placeholder hosted zone id `${edgeZone}`, which Route53 rejects. Re-render with `--edge-hosted-zone-id` (the canonical hosted zone id of the edge load balancer).

</#if>
<#list zones as z>
## Zone ${z.name} (`${z.id}`)

| Name | Type | Today | App | ${kind?cap_first} |
|---|---|---|---|---|
<#list z.records as r>
| ${r.name} | ${r.type} | ${r.from} (${r.how}) | ${r.app} | ${r.loadBalancer} |
</#list>

Apply in this order; after each step, wait until the change is `INSYNC` (`aws route53 wait resource-record-sets-changed --id <ChangeInfo.Id>`) and at least the records' TTL (${z.maxTtl?c} s), and watch the edge's error rate before the next step.

| Step | File | Traffic afterwards | What it does |
|---:|---|---|---|
<#list z.steps as s>
| ${s?counter} | `${z.id}/${s.file}` | ${s.traffic} | ${s.what} |
</#list>

```sh
aws route53 change-resource-record-sets --hosted-zone-id ${z.id} --change-batch file://dns/${z.id}/<#list z.steps as s><#if s?is_first>${s.file}</#if></#list>
```

Rollback:

- from steps 1 to ${percents?size}: `${z.id}/${rollbackWeights}` sends everything back to the ${kind}s at once (weights only); then, when you want the original simple records back, `${z.id}/${rollbackRestore}`.
- after the last step: `${z.id}/${rollbackFinished}` restores the original records.

Route53 applies a batch all or nothing, and a DELETE must match the record exactly: apply the files in order, and do not edit the records by hand in between.

</#list>
<#else>
No Route53 record in the inventory points at a migrated classic ELB, so there is nothing to cut over.
</#if>
