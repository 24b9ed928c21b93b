import path from "node:path"
import { repoDir, startStack } from "../support/stack"

export default async function globalSetup() {
  const stack = await startStack({ logDir: path.join(repoDir, "tests", "test-results", "logs") })
  process.env.STOREFRONT_URL = stack.storefrontUrl
  process.env.BACKEND_URL = stack.backendUrl
  process.env.PUBLISHABLE_KEY = stack.publishableKey
  process.env.STRIPE_TEST_SERVER_URL = stack.stripeUrl
  process.env.MAIL_SINK_URL = stack.mailSinkUrl
  process.env.SMS_OUTBOX_DIR = stack.outboxDir
  return async () => {
    await stack.stop()
  }
}
