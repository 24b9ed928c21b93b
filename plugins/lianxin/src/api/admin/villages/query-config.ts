export const adminVillageFields = [
  "id",
  "code",
  "name",
  "township",
  "county",
  "province",
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveVillageQueryConfig = { defaults: adminVillageFields, isList: false }
export const listVillagesQueryConfig = { defaults: adminVillageFields, isList: true, defaultLimit: 20 }
