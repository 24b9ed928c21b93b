import { notFound } from "../lib/server/pages.server"

export async function loader() {
  throw notFound("page-not-found")
}

// Never rendered (the loader always throws); the root error boundary shows the 404 page.
export default function NotFound() {
  return null
}
