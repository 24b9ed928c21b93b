import { Module } from "@medusajs/framework/utils"
import oneTimeCodeKeyLoader from "./loaders/code-key"
import OneTimeCodeModuleService from "./service"

export const ONE_TIME_CODE_MODULE = "oneTimeCode"

export default Module(ONE_TIME_CODE_MODULE, {
  service: OneTimeCodeModuleService,
  loaders: [oneTimeCodeKeyLoader],
})

export { OneTimeCodeModuleService }
export type { CodePurpose, IssuedCode, VerifyOutcome } from "./service"
