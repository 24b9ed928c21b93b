// `medusa plugin:build` emits JavaScript only: the few plugin helpers the
// backend's wiring imports are typed here (their source: plugins/lianxin/src/utils).
declare module "@lianxin/plugin/utils/proxy-trust" {
  export function compileTrust(setting?: string): (address: string, hop: number) => boolean
}
declare module "@lianxin/plugin/utils/http-edge" {
  export function installHttpEdge(express?: unknown, options?: { trustProxy?: string }): void
}
declare module "@lianxin/plugin/utils/crypto-keyring" {
  /** `<key id>:<key>,…` → { id: key }; throws naming the entry, never a key. */
  export function parseKeyList(raw: string | undefined, name: string): Record<string, string>
}
declare module "@lianxin/plugin/workflows" {
  import type { MedusaContainer } from "@medusajs/framework/types"
  export type KeyRotationStatus = {
    registry: { current_key: string; loaded_keys: string[]; rows_to_reencrypt: number }
    pickup: { current_key: string; loaded_keys: string[]; codes_to_rekey: number; codes_without_sealed_copy: number }
    previous_keys_removable: boolean
  }
  export function runKeyRotation(
    container: MedusaContainer,
    options?: { batchSize?: number; maxBatches?: number }
  ): Promise<{
    batches: number
    registry_reencrypted: number
    pickup_rekeyed: number
    unreadable: number
    status: KeyRotationStatus
  }>
}
declare module "@lianxin/plugin/utils/progress-bar" {
  export class ProgressPrinter {
    constructor(
      stream: { isTTY?: boolean; write(text: string): unknown },
      label: string,
      now?: () => number,
      startedAt?: number
    )
    readonly tty: boolean
    update(done: number, total: number, batches: number): void
    finish(): void
  }
}
