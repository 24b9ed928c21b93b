import type { MedusaContainer } from "@medusajs/framework/types"
import { NOTIFY_MODULE } from "../../../modules/notify"
import type NotifyModuleService from "../../../modules/notify/service"

export const notifyService = (container: Pick<MedusaContainer, "resolve">) =>
  container.resolve<NotifyModuleService>(NOTIFY_MODULE)
