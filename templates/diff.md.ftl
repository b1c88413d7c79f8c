<#-- DIFF.md / canary2k8s diff: the semantic diff of two bundles. Prose only: every number and
     every escaped string comes from DiffMarkdown; this file lays them out. -->
<!-- canary2k8s:diff v1 -->
## canary2k8s diff: ${title}

Compared ${before} → ${after}: the Kubernetes objects of `base/`, paired by apiVersion, kind, namespace and name and compared as parsed YAML (key order, quoting and formatting do not count)<#if notesCompared>, and the notes of both (`notes.json`)</#if>. ${summary.unchanged} object<#if summary.unchanged != 1>s</#if> unchanged.

<#if notesCompared>
<#if alert?has_content>
> [!WARNING]
> Notes new or changed since ${before}: ${alert}. The numbers below may rest on them: read them first.

</#if>
### Notes

<#if notes?has_content || notesOmitted gt 0>
New or changed since ${before}, most severe first:

| Severity | Change | AWS item | Note |
|---|---|---|---|
<#list notes as n>
| ${n.severity} | ${n.change} | ${n.subject} | ${n.message} |
</#list>
<#if notesOmitted gt 0>

… and ${notesOmitted} more new or changed note<#if notesOmitted != 1>s</#if>, left out to stay under ${maxChars} characters; see ${fullReport}.
</#if>
<#else>
No note is new or changed since ${before}.
</#if>

<#if removedTotal gt 0>
<details><summary>${removedTotal} note<#if removedTotal != 1>s</#if> of ${beforeHtml} no longer made</summary>

<#if removed?has_content>
| Severity | AWS item | Note |
|---|---|---|
<#list removed as n>
| ${n.severity} | ${n.subject} | ${n.message} |
</#list>
</#if>
<#if removedOmitted gt 0>

… and ${removedOmitted} more, left out to stay under ${maxChars} characters; see ${fullReport}.
</#if>

</details>

</#if>
</#if>
<#if kinds?has_content>
| Kind | Added | Changed | Removed | Renamed |
|---|---:|---:|---:|---:|
<#list kinds as k>
| ${k.kind} | ${k.added} | ${k.changed} | ${k.removed} | ${k.renamed} |
</#list>
| **Total** | **${summary.added}** | **${summary.changed}** | **${summary.removed}** | **${summary.renamed}** |

</#if>
### Traffic

<#if traffic?has_content>
<#list traffic as t>
- ${t}
</#list>
<#if trafficOmitted gt 0>
- … and ${trafficOmitted} more host<#if trafficOmitted != 1>s</#if> whose weights changed (left out to stay under ${maxChars} characters; see ${fullReport}).
</#if>

<#list diagrams as d>
Namespace ${d.namespace}, before and after:

```mermaid
${d.mermaid}```

</#list>
<#if diagramsOmitted>
Diagrams left out to stay under ${maxChars} characters.

</#if>
<#else>
No weight changed.

</#if>
<#if objects?has_content || omitted gt 0>
### Objects

<#list objects as o>
<details><summary>${o.title}</summary>

${o.fence}diff
${o.diff}${o.fence}

</details>

</#list>
<#if omitted gt 0>
> [!WARNING]
> ${omitted} of ${total} object diffs left out to keep this report under ${maxChars} characters: <#if omitted == 1>${omittedFirst}<#else>${omittedFirst} to ${omittedLast}</#if>, in the order of the table (kind, namespace, name). The full report: ${fullReport}.
</#if>
</#if>
