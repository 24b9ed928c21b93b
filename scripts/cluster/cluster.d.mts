// Types of cluster.mjs for the TypeScript tests (tests/cluster/).
export type ClusterPart = {
  name: string
  mode?: "server" | "worker"
  kind: "backend" | "storefront"
  port: number
  url: string
  pid: number
}
export type Cluster = {
  backendUrl: string
  storefrontUrl: string
  env: NodeJS.ProcessEnv & { DATABASE_URL: string; REDIS_URL: string }
  publishableKey: string
  counts: { backend: Record<string, number>; storefront: Record<string, number> }
  parts(): ClusterPart[]
  kill(name: string, signal?: NodeJS.Signals): Promise<void>
  restart(name: string, extraEnv?: NodeJS.ProcessEnv): Promise<void>
  addBackend(name: string, mode: "server" | "worker", extraEnv?: NodeJS.ProcessEnv): Promise<void>
  redis: { port: number; stop(): Promise<void>; start(): Promise<void> } | null
  postgres: { stop(): Promise<void>; start(): Promise<void> } | null
  logFile(name: string): string
  stop(): Promise<void>
}
export const repoDir: string
export function startCluster(options: {
  dataDir: string
  env?: NodeJS.ProcessEnv
  servers?: number
  storefronts?: number
  backendPort?: number
  storefrontPort?: number
  scenario?: string
  log?: (line: string) => void
}): Promise<Cluster>
export function tail(file: string, lines?: number): string
