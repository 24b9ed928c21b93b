import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { StorePickupOrderProof } from "../pickup-orders/[order_id]/helpers"
import {
  StoreAvailabilityQuery,
  StoreCartPickupBody,
  StorePickupPointsQuery,
  StoreRememberPointBody,
} from "./validators"
import { NoParams } from "../../utils/no-params"

/**
 * Store routes of the pickup area: listing is public; a logged-in resident sees their remembered point; orders need
 * an owner. Authentication (no methods) runs before the per-route validation below (Medusa sorts global first).
 */
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
  { matcher: "/store/pickup-points", methods: ["GET"], middlewares: [validateQuery(StorePickupPointsQuery)] },
  { matcher: "/store/pickup-points/:id", methods: ["GET"], middlewares: [validateQuery(NoParams)] },
  { matcher: "/store/pickup-points/:id/cycles", methods: ["GET"], middlewares: [validateQuery(NoParams)] },
  {
    matcher: "/store/pickup-points/:id/availability",
    methods: ["GET"],
    middlewares: [validateQuery(StoreAvailabilityQuery)],
  },
  { matcher: "/store/carts/:id/pickup", methods: ["POST"], middlewares: [validateBody(StoreCartPickupBody)] },
  {
    matcher: "/store/pickup-orders/:order_id",
    methods: ["GET"],
    middlewares: [validateQuery(StorePickupOrderProof)],
  },
  {
    matcher: "/store/pickup-orders/:order_id/code",
    methods: ["POST"],
    middlewares: [validateBody(StorePickupOrderProof), validateQuery(NoParams)],
  },
  { matcher: "/store/customers/me/pickup-point", methods: ["GET"], middlewares: [validateQuery(NoParams)] },
  {
    matcher: "/store/customers/me/pickup-point",
    methods: ["POST"],
    middlewares: [validateBody(StoreRememberPointBody)],
  },
]
