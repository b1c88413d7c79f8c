<#-- review/_<list>-<n>.md: a page of one of the review's long lists (apps, errors, action items, notes), made by ReviewLists when the list would make REVIEW.md too large to render. -->
# ${title}, page ${page} of ${pages}

Part of the review in [`REVIEW.md`](../REVIEW.md).<#if previous??> Previous page: [`${previous}`](${previous}).</#if><#if next??> Next page: [`${next}`](${next}).</#if>

${body}
