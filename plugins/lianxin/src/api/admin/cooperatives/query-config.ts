export const adminCooperativeFields = [
  "id",
  "name",
  "contact_name",
  "contact_phone",
  "village_id",
  "village.id",
  "village.code",
  "village.name",
  "village.county",
  "village.province",
  "metadata",
  "created_at",
  "updated_at",
]

export const retrieveCooperativeQueryConfig = { defaults: adminCooperativeFields, isList: false }
export const listCooperativesQueryConfig = { defaults: adminCooperativeFields, isList: true, defaultLimit: 20 }
