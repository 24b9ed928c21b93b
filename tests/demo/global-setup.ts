import path from "node:path"
import { repoDir, startStack } from "../support/stack"

/** The stack `npm start` gives a newcomer: the demo scenario, seeded now (whatever the hour). */
export default async function globalSetup() {
  const stack = await startStack({ scenario: "demo", logDir: path.join(repoDir, "tests", "test-results", "demo-logs") })
  process.env.STOREFRONT_URL = stack.storefrontUrl
  process.env.BACKEND_URL = stack.backendUrl
  return async () => {
    await stack.stop()
  }
}
