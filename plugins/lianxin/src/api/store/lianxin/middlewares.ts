import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"
import { validateParams } from "../../utils/validate-params"
import { StoreCatalogProductParams, StoreGetCatalog } from "./catalog/validators"
import { StoreSearchProducts, StoreSearchSuggest } from "./search/validators"
import { StoreGetLianxinStatus } from "./status/validators"
import { StoreLianxinCheckoutBody } from "./checkout/validators"
import {
  StoreCancelOrderBody,
  StoreClaimByContactBody,
  StoreClaimCodeBody,
  StoreClaimOrdersBody,
  StoreEditOrderBody,
  StoreGetOwnOrderQuery,
} from "./orders/validators"
import { StorePhoneSignIn, StoreRequestPhoneCode } from "./sign-in/validators"
import { validateBody } from "../../utils/validate-body"
import { validateQuery } from "../../utils/validate-query"
import { NoParams } from "../../utils/no-params"

/** A signed-in customer, or a guest proving ownership in the request (the handler decides which may do what). */
const customerOrGuest = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })
const signedInCustomer = authenticate("customer", ["session", "bearer"])

export const storeLianxinMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/lianxin/status",
    methods: ["GET"],
    middlewares: [validateQuery(StoreGetLianxinStatus)],
  },
  {
    matcher: "/store/lianxin/catalog",
    methods: ["GET"],
    middlewares: [validateQuery(StoreGetCatalog)],
  },
  {
    matcher: "/store/lianxin/catalog/version",
    methods: ["GET"],
    middlewares: [validateQuery(NoParams)],
  },
  {
    matcher: "/store/lianxin/catalog/villages",
    methods: ["GET"],
    middlewares: [validateQuery(NoParams)],
  },
  {
    // The product page in one call (decision 027); a malformed handle is a 400 naming it.
    matcher: "/store/lianxin/catalog/products/:handle",
    methods: ["GET"],
    middlewares: [validateParams(StoreCatalogProductParams), validateQuery(NoParams)],
  },
  {
    matcher: "/store/lianxin/search",
    methods: ["GET"],
    middlewares: [validateQuery(StoreSearchProducts)],
  },
  {
    matcher: "/store/lianxin/search/suggest",
    methods: ["GET"],
    middlewares: [validateQuery(StoreSearchSuggest)],
  },
  {
    // The signed-in customer, or a guest proving ownership with the cart id.
    matcher: "/store/lianxin/orders/:id/cancel",
    methods: ["POST"],
    middlewares: [customerOrGuest, validateBody(StoreCancelOrderBody)],
  },
  {
    // The signed-in customer, or a guest proving ownership with the cart id (decision 024).
    matcher: "/store/lianxin/orders/:id/edit",
    methods: ["POST"],
    middlewares: [customerOrGuest, validateBody(StoreEditOrderBody)],
  },
  {
    // The signed-in customer (their cart), or a guest holding the cart id.
    matcher: "/store/lianxin/checkout",
    methods: ["POST"],
    middlewares: [customerOrGuest, validateBody(StoreLianxinCheckoutBody)],
  },
  {
    // The signed-in owner, or a guest with ?cart_id= of the cart the order came from.
    matcher: "/store/lianxin/orders/:id",
    methods: ["GET"],
    middlewares: [customerOrGuest, validateQuery(StoreGetOwnOrderQuery)],
  },
  {
    // The order's batches and ledger figure: the same owners as the order itself.
    matcher: "/store/lianxin/orders/:id/trace",
    methods: ["GET"],
    middlewares: [customerOrGuest, validateQuery(StoreGetOwnOrderQuery)],
  },
  {
    matcher: "/store/lianxin/orders/claim",
    methods: ["POST"],
    middlewares: [signedInCustomer, validateBody(StoreClaimOrdersBody)],
  },
  {
    matcher: "/store/lianxin/orders/claim/code",
    methods: ["POST"],
    middlewares: [signedInCustomer, validateBody(StoreClaimCodeBody)],
  },
  {
    matcher: "/store/lianxin/orders/claim/contact",
    methods: ["POST"],
    middlewares: [signedInCustomer, validateBody(StoreClaimByContactBody)],
  },
  {
    // Phone sign-in (decision 019): anyone; the code request and the sign-in are throttled in the handler.
    matcher: "/store/lianxin/sign-in/phone/code",
    methods: ["POST"],
    middlewares: [validateBody(StoreRequestPhoneCode)],
  },
  {
    matcher: "/store/lianxin/sign-in/phone",
    methods: ["POST"],
    middlewares: [validateBody(StorePhoneSignIn)],
  },
]
