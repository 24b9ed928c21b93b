import { type RouteConfig, index, route } from "@react-router/dev/routes"

export default [
  index("routes/home.tsx"),
  route("products/:handle", "routes/product.tsx"),
  route("set-language", "routes/set-language.ts"),
  // Unknown URLs get our 404 page inside the normal layout (with the root loader's language).
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig
