import { translator, type ExtraMessages, type Lang, type Translate } from "../i18n"
import { officeEn, officeZhCN } from "./messages"

/**
 * The office portal's strings on top of the shop's. Imported by office routes
 * only: the resident pages' JavaScript never contains them (bench/README.md).
 * Components get them through <OfficeShell> (useT() reads the context); meta
 * functions, which have no context, call officeTranslator().
 */
export const officeMessages: ExtraMessages = { "zh-CN": officeZhCN, en: officeEn }

export function officeTranslator(lang: Lang): Translate {
  return translator(lang, officeMessages)
}
