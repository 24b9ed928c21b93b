/** `?, ?, ?` — one bound parameter per value, for `IN (…)` in raw SQL. */
export function placeholders(values: readonly unknown[]): string {
  return values.map(() => "?").join(", ")
}
