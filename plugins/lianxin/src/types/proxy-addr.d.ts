// proxy-addr 2.0.8 ships no types (Express uses it for `trust proxy`).
declare module "proxy-addr" {
  type Trust = (address: string, hop: number) => boolean
  function proxyaddr(req: import("node:http").IncomingMessage, trust: Trust | string | string[]): string
  namespace proxyaddr {
    function all(req: import("node:http").IncomingMessage, trust?: Trust | string | string[]): string[]
    function compile(value: string | string[]): Trust
  }
  export = proxyaddr
}
