import { Module } from "@medusajs/framework/utils"
import notifyConfigLoader from "./loaders/notify-config"
import NotifyModuleService from "./service"

export const NOTIFY_MODULE = "notify"

export default Module(NOTIFY_MODULE, { service: NotifyModuleService, loaders: [notifyConfigLoader] })

export { NotifyModuleService }
