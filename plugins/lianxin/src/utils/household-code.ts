/**
 * The next public household code of a village: its code, a dash and the
 * number after the highest one in use, at least three digits
 * (YN-LC with YN-LC-001, YN-LC-007 → YN-LC-008). Codes of other villages that
 * share the prefix (YN-LCX-…) do not count.
 */
export function nextHouseholdCode(villageCode: string, existing: readonly string[]): string {
  const pattern = new RegExp(`^${villageCode.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}-(\\d{3,4})$`)
  let highest = 0
  for (const code of existing) {
    const match = pattern.exec(code)
    if (match) highest = Math.max(highest, Number(match[1]))
  }
  const next = highest + 1
  if (next > 9999) throw new Error(`village ${villageCode} has no free household number left`)
  return `${villageCode}-${String(next).padStart(3, "0")}`
}
