<#-- One app's section of REVIEW.md (rendered on its own, on every core; review.md.ftl puts the sections in plan order). -->
## App `${app.name}`

Namespace `${app.namespace}`.<#if app.loadBalancers?has_content> Classic ELBs: <#list app.loadBalancers as lb>`${lb}`<#sep>, </#sep></#list>.</#if><#if app.loadBalancersV2?has_content> ALB/NLB: <#list app.loadBalancersV2 as lb>`${lb}`<#sep>, </#sep></#list>.</#if> Auto Scaling groups: <#list app.groups as g>`${g}`<#sep>, </#sep></#list>.

### Traffic today and after

| Hosts | Today (AWS) | After (`${target}`) | Weights in |
|---|---|---|---|
<#list app.routes as r>
| <#list r.hosts as h>`${h}`<#sep><br></#sep></#list><#list r.paths as p><br>path `${p}`</#list> | ${r.today} | ${r.after} | ${r.object} |
</#list>

```mermaid
${app.mermaid}```

### Recovered split

<#list app.splits as s>
<#if s.rule??>
Load balancer `${s.loadBalancer}`, ${s.rule}: forwards to weighted target groups; instances counted by `${s.basis}`.

| Target group | Weight | w/Σw | Cross-zone | Share inside the target group |
|---|---:|---:|---|---|
<#list s.targetGroups as t>
| `${t.name}` | ${t.weight} | ${t.weightShare} | ${t.crossZone} | ${t.inside} |
</#list>
<#else>
ELB `${s.loadBalancer}`: cross-zone ${s.crossZone}; instances counted by `${s.basis}`.
</#if>

| Auto Scaling group | Track |<#list s.zones as z> ${z} |</#list> n | Share (${s.basis}) | Share (${s.otherBasis}) |
|---|---|<#list s.zones as z>---:|</#list>---:|---:|---:|
<#list s.rows as row>
| `${row.group}` | `${row.track}` |<#list row.perZone as c> ${c} |</#list> ${row.total} | ${row.share} | ${row.otherShare} |
</#list>

Formula: `${s.formula}`.<#if s.otherDiffers> By `${s.otherBasis}` the split differs (see the last column); `--weight-basis ${s.otherBasis}` would use it.<#else> The `${s.otherBasis}` basis gives the same split.</#if>

</#list>
### Tracks

| Track | Role | Auto Scaling group | min / desired / max | Replicas | HPA | Image | Readiness probe |
|---|---|---|---|---:|---|---|---|
<#list app.tracks as t>
| `${t.name}` | ${t.role} | `${t.group}` | ${t.capacity} | ${t.replicas} | ${t.hpa} | `${t.image}` (${t.imageOrigin}) | ${t.probe} |
</#list>

