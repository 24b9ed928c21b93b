import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, FeatureFlag, Modules } from "@medusajs/framework/utils"
import { createUserAccountWorkflow } from "@medusajs/medusa/core-flows"

export type AdminUserSeed = {
  email: string
  password: string
  firstName: string
  lastName: string
}

const SUPER_ADMIN_ROLE_ID = "role_super_admin"

/**
 * A Medusa Admin user who signs in with email and password, as `medusa user`
 * creates one in 2.21: an emailpass auth identity, then the user through
 * createUserAccountWorkflow, which links the two. With RBAC on, the user gets
 * the super admin role like the CLI gives it.
 */
export async function ensureAdminUser(container: MedusaContainer, admin: AdminUserSeed): Promise<string> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)

  const [existing] = await userModule.listUsers({ email: admin.email }, { take: 1 })
  if (existing) {
    return existing.id
  }

  // An identity without a user is what a run that stopped half-way leaves: reuse it.
  const [identity] = await authModule.listProviderIdentities(
    { entity_id: admin.email, provider: "emailpass" },
    { take: 1 }
  )
  let authIdentityId = identity?.auth_identity_id
  if (!authIdentityId) {
    const { authIdentity, error } = await authModule.register("emailpass", {
      body: { email: admin.email, password: admin.password },
    })
    if (error || !authIdentity) {
      throw new Error(`Could not register the admin identity ${admin.email}: ${error ?? "no identity returned"}`)
    }
    authIdentityId = authIdentity.id
  }

  let roles: string[] = []
  if (FeatureFlag.isFeatureEnabled("rbac")) {
    const rbac = container.resolve(Modules.RBAC)
    const superAdmin = await rbac.listRbacRoles({ id: SUPER_ADMIN_ROLE_ID })
    roles = superAdmin.map((r: { id: string }) => r.id)
  }

  const { result: user } = await createUserAccountWorkflow(container).run({
    input: {
      authIdentityId,
      userData: {
        email: admin.email,
        first_name: admin.firstName,
        last_name: admin.lastName,
        ...(roles.length ? { roles } : {}),
      },
    },
  })
  logger.info(`Seed: created admin user ${user.id} (${admin.email})`)
  return user.id
}
