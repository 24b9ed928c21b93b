import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

/** Every staff route needs a pickup_staff session or bearer token; what they may touch is checked per route. */
export const pickupStaffMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/pickup-staff*",
    middlewares: [authenticate("pickup_staff", ["session", "bearer"])],
  },
]
