<#-- dns/<zone-id>/README.md of a canary2k8s bundle: one zone's records and the commands of its
     Route53 change batches, which are beside it. The procedure is in dns/README.md
     (dns-readme.md.ftl). Every value comes from DnsCutover. -->
# Zone ${z.name} (${z.id})

Part of the weighted DNS cutover in [`dns/README.md`](../README.md), which says what each step does and when to roll back. The files beside this page are this zone's Route53 change batches.

<#if placeholder>
> [!CAUTION]
> `${edgeName}` is a placeholder (a reserved `.invalid` name). Re-render with `--edge-dns-name` set to the DNS name of the load balancer in front of the edge Traefik before applying anything.

</#if>
<#if zonePlaceholder>
> [!CAUTION]
> The alias records to the edge hold the placeholder hosted zone id `${edgeZone}`, which Route53 rejects. Re-render with `--edge-hosted-zone-id` (the canonical hosted zone id of the edge load balancer).

</#if>
| Name | Type | Today | App | ${kind?cap_first} |
|---|---|---|---|---|
<#list records as r>
| ${r.name} | ${r.type} | ${r.from} (${r.how}) | ${r.app} | ${r.loadBalancer} |
</#list>

Apply in this order; after each step, wait until the change is `INSYNC` (`aws route53 wait resource-record-sets-changed --id <ChangeInfo.Id>`) and at least the records' TTL (${z.maxTtl?c} s), and watch the edge's error rate before the next step.

| Step | File | Traffic afterwards |
|---:|---|---|
<#list steps as s>
| ${s?counter} | `${s.file}` | ${s.traffic} |
</#list>

```sh
aws route53 change-resource-record-sets --hosted-zone-id ${z.shellId} --change-batch file://dns/${z.shellId}/<#list steps as s><#if s?is_first>${s.file}</#if></#list>
```

Rollback:

- from steps 1 to ${percents?size}: `${rollbackWeights}`, then, for the original simple records, `${rollbackRestore}`.
- after the last step: `${rollbackFinished}`.
