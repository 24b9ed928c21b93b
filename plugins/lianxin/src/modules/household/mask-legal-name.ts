/**
 * Mask for the legal name (真实姓名) shown to operators by default: the first
 * character, then always two stars, so the length of the name is not shown
 * either (王秀英 → 王**, 李四 → 李**). A name of one character is hidden
 * completely. Counts characters, not UTF-16 units (𠮷 is one character).
 * Lives here rather than in utils/mask.ts only because this module owns the field.
 */
export function maskLegalName(value: string): string {
  const chars = Array.from(value.trim())
  if (chars.length < 2) {
    return "**"
  }
  return `${chars[0]}**`
}
