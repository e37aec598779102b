/** The page parameter of a cursor-paginated list: each page carries the cursor of the next. */
export function nextCursor(page: { next_cursor?: string | null }): string | undefined {
  return page.next_cursor ?? undefined;
}
