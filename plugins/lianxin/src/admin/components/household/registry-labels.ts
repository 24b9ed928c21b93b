/** Registry fields → their i18n key (household.*), with the legal name, which only this page shows masked. */
export const REGISTRY_FIELD_KEY: Record<string, string> = {
  legal_name: "household.legalName",
  national_id: "household.nationalId",
  phone: "household.phone",
  bank_account: "household.bankAccount",
}
