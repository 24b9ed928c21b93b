import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"

export type AdminSession = {
  user_id: string
  email: string
  headers: { authorization: string }
}

/**
 * An operator of the Medusa Admin, logged in the way the dashboard does it:
 * a user (user module) with an emailpass auth identity (auth module) whose
 * app_metadata points at the user, then POST /auth/user/emailpass for a JWT.
 * Call it in beforeEach: the test runner restores the database before each test.
 */
export async function createAdminSession(
  api: AxiosInstance,
  container: MedusaContainer,
  options: { email?: string; password?: string } = {}
): Promise<AdminSession> {
  const email = options.email ?? `admin-${Date.now()}-${Math.round(Math.random() * 1e6)}@lianxin.test`
  const password = options.password ?? "test-password-123"

  const user = await container.resolve(Modules.USER).createUsers({ email, first_name: "测试", last_name: "管理员" })

  const auth = container.resolve(Modules.AUTH)
  const { success, authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (!success || !authIdentity) {
    throw new Error(`could not register the test admin's auth identity: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })

  const { data } = await api.post("/auth/user/emailpass", { email, password })
  if (!data?.token) {
    throw new Error("logging in the test admin returned no token")
  }
  return { user_id: user.id, email, headers: { authorization: `Bearer ${data.token}` } }
}
