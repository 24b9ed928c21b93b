import { type RouteConfig, index, layout, prefix, route } from "@react-router/dev/routes"

export default [
  index("routes/home.tsx"),
  route("categories/:handle", "routes/category.tsx"),
  route("products/:handle", "routes/product.tsx"),
  route("villages/:code", "routes/village.tsx"),
  route("households/:code", "routes/household.tsx"),
  route("search", "routes/search.tsx"),
  route("search/suggest", "routes/search-suggest.ts"),
  route("impact", "routes/impact.tsx"),
  route("compound", "routes/compound.tsx"),
  route("cart", "routes/cart.tsx"),
  route("checkout", "routes/checkout.tsx"),
  route("orders/:id", "routes/order.tsx"),
  route("account", "routes/account.tsx"),
  route("account/login", "routes/login.tsx"),
  route("account/register", "routes/register.tsx"),
  route("account/logout", "routes/logout.ts"),
  route("account/orders/:id/cancel", "routes/cancel-order.ts"),
  route("set-language", "routes/set-language.ts"),
  // The property office portal (staff of a pickup point): docs/office-portal.md.
  ...prefix("office", [
    route("login", "routes/office/login.tsx"),
    route("logout", "routes/office/logout.ts"),
    route("batches/:id/print", "routes/office/print.tsx"),
    route("batches/:id/csv", "routes/office/csv.ts"),
    layout("routes/office/layout.tsx", [
      index("routes/office/today.tsx"),
      route("points", "routes/office/points.tsx"),
      route("batches/:id", "routes/office/batch.tsx"),
      route("handover", "routes/office/handover.tsx"),
      route("uncollected", "routes/office/uncollected.tsx"),
      route("households", "routes/office/households.tsx"),
      route("households/new", "routes/office/household-new.tsx"),
      route("households/:id", "routes/office/household-counter.tsx"),
      route("listings", "routes/office/listings.tsx"),
      route("listings/new", "routes/office/listing-new.tsx"),
    ]),
  ]),
  // Unknown URLs get our 404 page inside the normal layout (with the root loader's language).
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig
