/**
 * Formats of PRC registry data: the 18-character resident identity number
 * (GB 11643-1999, check digit ISO 7064 MOD 11-2), mainland mobile numbers and
 * bank card/account numbers. Reasons returned here never quote the value.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = "10X98765432"

export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/
export const BANK_ACCOUNT = /^\d{12,19}$/

/** Trims and upper-cases the trailing x; the form used for checking, storing and digesting. */
export function normalizeNationalId(value: string): string {
  return value.trim().toUpperCase()
}

/** ISO 7064 MOD 11-2 check character of the first 17 digits. */
export function nationalIdCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * WEIGHTS[i]
  }
  return CHECK_CHARS[sum % 11]
}

/** Why a value is not a valid resident identity number, or null when it is. */
export function nationalIdProblem(value: string): string | null {
  const v = normalizeNationalId(value)
  if (v.length !== 18) {
    return "must be 18 characters"
  }
  if (!/^\d{17}[\dX]$/.test(v)) {
    return "must be 17 digits followed by a digit or X"
  }
  if (!/^[1-9]/.test(v)) {
    return "region code must not start with 0"
  }
  const year = Number(v.slice(6, 10))
  const month = Number(v.slice(10, 12))
  const day = Number(v.slice(12, 14))
  const birth = new Date(Date.UTC(year, month - 1, day))
  if (
    year < 1900 ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day ||
    birth.getTime() > Date.now()
  ) {
    return "birth date is not a valid date"
  }
  if (nationalIdCheckChar(v) !== v[17]) {
    return "check digit does not match (ISO 7064 MOD 11-2)"
  }
  return null
}

export function isValidNationalId(value: string): boolean {
  return nationalIdProblem(value) === null
}

/** Bank numbers are often written in groups of four: spaces and dashes are not part of the number. */
export function normalizeBankAccount(value: string): string {
  return value.replace(/[\s-]+/g, "")
}
