// `medusa plugin:build` emits JavaScript only: the few plugin helpers the
// backend's wiring imports are typed here (their source: plugins/lianxin/src/utils).
declare module "@lianxin/plugin/utils/proxy-trust" {
  export function compileTrust(setting?: string): (address: string, hop: number) => boolean
}
declare module "@lianxin/plugin/utils/http-edge" {
  export function installHttpEdge(express?: unknown, options?: { trustProxy?: string }): void
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
