<#-- The errors and action items of REVIEW.md (rendered on another core while the report begins; review.md.ftl places them). -->
<#list notes as group><#if group.severity == "ERROR" && group.notes?has_content>
## Errors

<#list group.notes as n>
- **${n.subject}**: ${n.message}
</#list>

</#if></#list>
<#list notes as group><#if group.severity == "ACTION">
## Action items

<#if group.notes?has_content>
<#list group.notes as n>
- [ ] **${n.subject}**: ${n.message}
</#list>
<#else>
None.
</#if>

</#if></#list>
