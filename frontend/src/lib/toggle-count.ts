/** A count after a flag it counts went from `before` to `after`: one more, one less, or as is. */
export function countAfterToggle(count: number, before: boolean, after: boolean): number {
  if (before === after) return count;
  return after ? count + 1 : count - 1;
}
