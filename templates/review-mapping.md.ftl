<#-- The mapping table of REVIEW.md (rendered on another core with the objects' part of the model; review.md.ftl places it). -->
## AWS item to Kubernetes objects

| AWS item | Kubernetes objects |
|---|---|
<#list mapping as m>
| `${m.aws}` | ${m.objects} |
</#list>
