<#-- The notes tables of REVIEW.md (rendered on another core while the report begins; review.md.ftl places them). -->
## Notes

<#list notes as group>
### ${group.title} (${group.notes?size})

<#if group.notes?has_content>
| Subject | Note | Stage |
|---|---|---|
<#list group.notes as n>
| `${n.subject}` | ${n.message} | ${n.stage} |
</#list>
<#else>
None.
</#if>

</#list>
