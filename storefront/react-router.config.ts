import type { Config } from "@react-router/dev/config"

export default {
  appDirectory: "app",
  // Every page is rendered on the server: residents on slow phones get HTML
  // they can read (and forms they can post) before any JavaScript arrives.
  ssr: true,
} satisfies Config
