import { FIELD_LABEL } from "../../lib/households"

/** Registry fields as the household page names them (with the legal name, which only this page shows masked). */
export const REGISTRY_FIELD_LABEL: Record<string, string> = { legal_name: "真实姓名", ...FIELD_LABEL }
