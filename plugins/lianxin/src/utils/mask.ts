/**
 * Masks for registry data shown to operators by default. Each keeps just
 * enough to recognise a record on a call or a paper form (the first four and
 * last four digits of an ID, the carrier prefix and last four of a phone, the
 * last four of an account) and never reveals the length-independent middle.
 */

const STAR = "*"

/** `110101199003071234` → `1101**********1234`. */
export function maskNationalId(value: string): string {
  const v = value.trim()
  if (v.length < 10) {
    return STAR.repeat(v.length || 4)
  }
  return v.slice(0, 4) + STAR.repeat(v.length - 8) + v.slice(-4)
}

/** `13812345678` → `138****5678`. */
export function maskPhone(value: string): string {
  const v = value.trim()
  if (v.length < 8) {
    return STAR.repeat(v.length || 4)
  }
  return v.slice(0, 3) + STAR.repeat(v.length - 7) + v.slice(-4)
}

/** `6222021234567890123` → `**** **** 1234`: the length of the account is not revealed either. */
export function maskBankAccount(value: string): string {
  const digits = value.replace(/\s+/g, "")
  if (digits.length < 8) {
    return "**** ****"
  }
  return `**** **** ${digits.slice(-4)}`
}

/**
 * `王秀英` → `王**`: the first character, then always two stars, so the length
 * of the legal name is not shown either; a one-character name is hidden
 * completely. Counts characters, not UTF-16 units (𠮷 is one character).
 */
export function maskLegalName(value: string): string {
  const chars = Array.from(value.trim())
  if (chars.length < 2) {
    return "**"
  }
  return `${chars[0]}**`
}
