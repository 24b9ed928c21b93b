import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, MedusaError, ModuleProvider, Modules } from "@medusajs/framework/utils"

/**
 * The in-app channel. The message itself is the notify module's row (shown
 * under 消息, read state kept there); delivering it means the Notification
 * Module records the attempt, so in-app messages appear beside email and SMS in
 * Medusa's notification table. `to` is the recipient's id (customer or staff).
 */
class InAppNotificationProvider extends AbstractNotificationProviderService {
  static identifier = "lianxin-in-app"

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    if (!notification?.to) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "in-app notification without a recipient")
    }
    return { id: `in_app:${notification.to}` }
  }
}

export default ModuleProvider(Modules.NOTIFICATION, { services: [InAppNotificationProvider] })
export { InAppNotificationProvider }
