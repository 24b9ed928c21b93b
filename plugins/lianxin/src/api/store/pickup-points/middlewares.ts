import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

/** Store routes of the pickup area: listing is public; a logged-in resident sees their remembered point. */
export const storePickupMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/pickup-points*",
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  {
    matcher: "/store/carts/:id/pickup",
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  {
    matcher: "/store/pickup-orders*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
