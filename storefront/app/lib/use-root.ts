import { useRouteLoaderData } from "react-router"

export type RootData = { lang: string; cartCount: number; signedIn: boolean; unread: number }

/** What the root loader says about this visitor (nothing before it has run, e.g. on a hard error). */
export function useRootData(): RootData {
  const root = useRouteLoaderData("root") as Partial<RootData> | undefined
  return {
    lang: root?.lang ?? "zh-CN",
    cartCount: root?.cartCount ?? 0,
    signedIn: root?.signedIn ?? false,
    unread: root?.unread ?? 0,
  }
}

/** The property office portal's URLs (/office, /office/…): they get the portal's shell, not the shop's. */
export function isOfficePath(pathname: string): boolean {
  return pathname === "/office" || pathname.startsWith("/office/")
}
