import { type RouteConfig, index, route } from "@react-router/dev/routes"

export default [
  index("routes/home.tsx"),
  route("categories/:handle", "routes/category.tsx"),
  route("products/:handle", "routes/product.tsx"),
  route("villages/:code", "routes/village.tsx"),
  route("households/:code", "routes/household.tsx"),
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
  // Unknown URLs get our 404 page inside the normal layout (with the root loader's language).
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig
