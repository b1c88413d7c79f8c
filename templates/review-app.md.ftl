<#-- review/<app>.md: one app's page of the review (rendered on its own, on every core, as soon as its objects are written). Prose only: every name comes escaped from AppPage, every number computed there. -->
# App ${app.name}

Part of the review in [`REVIEW.md`](../REVIEW.md). Namespace ${app.namespace}.<#if app.loadBalancers?has_content> Classic ELBs: <#list app.loadBalancers as lb>${lb}<#sep>, </#sep></#list>.</#if><#if app.loadBalancersV2?has_content> ALB/NLB: <#list app.loadBalancersV2 as lb>${lb}<#sep>, </#sep></#list>.</#if> Auto Scaling groups: <#list app.groups as g>${g}<#sep>, </#sep></#list>.

## Traffic today and after

Today, on AWS:

| Hosts | Split (AWS) |
|---|---|
<#list app.routes as r>
| ${r.hosts} | ${r.today} |
</#list>

After, on Kubernetes (${target}):

| Hosts | Weights | Weights in |
|---|---|---|
<#list app.routes as r>
| ${r.hosts} | ${r.after} | ${r.object} |
</#list>

<#if app.redirected?has_content>
HTTP is redirected to HTTPS for <#list app.redirected as h>${h}<#sep>, </#sep></#list>.

</#if>
```mermaid
${app.mermaid}```

## Recovered split

<#list app.splits as s>
<#if s.rule??>
Load balancer ${s.loadBalancer}, ${s.rule}: forwards to weighted target groups; instances counted by ${s.basis}.

| Target group | Weight | w/Σw | Cross-zone |
|---|---:|---:|---|
<#list s.targetGroups as t>
| ${t.name} | ${t.weight} | ${t.weightShare} | ${t.crossZone} |
</#list>

| Target group | Share of each Auto Scaling group inside the target group |
|---|---|
<#list s.targetGroups as t>
| ${t.name} | ${t.inside} |
</#list>
<#else>
ELB ${s.loadBalancer}: cross-zone ${s.crossZone}; instances counted by ${s.basis}.
</#if>

| Auto Scaling group |<#list s.zones as z> ${z} |</#list> n |
|---|<#list s.zones as z>---:|</#list>---:|
<#list s.rows as row>
| ${row.group} |<#list row.perZone as c> ${c} |</#list> ${row.total} |
</#list>

| Auto Scaling group | Track | Share (${s.basis}) | Share (${s.otherBasis}) |
|---|---|---:|---:|
<#list s.rows as row>
| ${row.group} | ${row.track} | ${row.share} | ${row.otherShare} |
</#list>

<#if s.units?has_content>
Instances counted from capacity units: <#list s.units as u>${u}<#sep>; </#sep></#list>.

</#if>Formula: ${s.formula}.<#if s.otherDiffers> By ${s.otherBasis} the split differs (see the last column); ${s.otherFlag} would use it.<#else> The ${s.otherBasis} basis gives the same split.</#if>

</#list>
## Tracks

<#if app.rolesFrom?has_content>
Roles (which group is the stable track) from: ${app.rolesFrom}.

</#if>| Track | Role | Auto Scaling group | min / desired / max | Replicas |
|---|---|---|---|---:|
<#list app.tracks as t>
| ${t.name} | ${t.role} | ${t.group} | ${t.capacity} | ${t.replicas} |
</#list>

| Track | Image | From |
|---|---|---|
<#list app.tracks as t>
| ${t.name} | ${t.image} | ${t.imageOrigin} |
</#list>

| Track | Readiness probe |
|---|---|
<#list app.tracks as t>
| ${t.name} | ${t.probe} |
</#list>

| Track | HorizontalPodAutoscaler |
|---|---|
<#list app.tracks as t>
| ${t.name} | ${t.hpa} |
</#list>
<#if app.autoscaled>

A Deployment that an HPA targets has no `spec.replicas` in base or in any overlay: the HPA owns the count, so applying base or an overlay never resets it. The first apply creates the Deployment with 1 pod and the HPA raises it to its minimum at its next sync (15 s by default); that minimum is today's desired instances (where above the group's MinSize), so the track does not start below today's capacity before the DNS cutover. Lower it to the group's MinSize once the traffic has moved.
</#if>

## Canary steps

<#if steps?has_content>
The weights of this app in each overlay of `overlays/`. A step only moves a route forward: a route whose canaries have the step's share or more today keeps its weights in that overlay; `rollback` is the only overlay that lowers a canary share.

| Overlay | Canary share | Weights in | Route's canary share | Weights |
|---|---:|---|---|---|
<#list steps as s>
| ${s.overlay} | ${s.percent} % | ${s.object} | ${s.canary} | ${s.weights} |
</#list>
<#else>
No route of this app is split between tracks: the overlays do not change it.
</#if>

## AWS item to Kubernetes objects

| AWS item | Kubernetes objects |
|---|---|
<#list mapping as m>
| ${m.aws} | ${m.objects} |
</#list>
