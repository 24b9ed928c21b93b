import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

/** Store routes of the pickup area: listing is public; a logged-in resident sees their remembered point; orders need an owner. */
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
    // The signed-in owner, or a guest proving ownership with the cart id (the route answers 401 without either).
    matcher: "/store/pickup-orders*",
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  {
    matcher: "/store/customers/me/pickup-point",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
