import { authenticate, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreGetCatalog, StoreGetCatalogVillages } from "./catalog/validators"
import { StoreSearchProducts, StoreSearchSuggest } from "./search/validators"
import { StoreGetLianxinStatus } from "./status/validators"

export const storeLianxinMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/lianxin/status",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetLianxinStatus, {})],
  },
  {
    matcher: "/store/lianxin/catalog",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetCatalog, {})],
  },
  {
    matcher: "/store/lianxin/catalog/villages",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreGetCatalogVillages, {})],
  },
  {
    matcher: "/store/lianxin/search",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreSearchProducts, {})],
  },
  {
    matcher: "/store/lianxin/search/suggest",
    methods: ["GET"],
    middlewares: [validateAndTransformQuery(StoreSearchSuggest, {})],
  },
  {
    // The signed-in customer, or a guest proving ownership with the cart id.
    matcher: "/store/lianxin/orders/:id/cancel",
    methods: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  {
    // The signed-in customer (their cart), or a guest holding the cart id.
    matcher: "/store/lianxin/checkout",
    methods: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  {
    // The signed-in owner, or a guest with ?cart_id= of the cart the order came from.
    matcher: "/store/lianxin/orders/:id",
    methods: ["GET"],
    middlewares: [authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })],
  },
  {
    matcher: "/store/lianxin/orders/claim",
    methods: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/lianxin/orders/claim/code",
    methods: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    matcher: "/store/lianxin/orders/claim/contact",
    methods: ["POST"],
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
]
