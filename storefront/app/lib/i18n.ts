/**
 * Interface strings. Chinese is the default and the source of truth; English
 * is for the minority who ask for it. Product data (titles, descriptions)
 * comes from the backend as entered by the merchant and is not translated here.
 *
 * The language is chosen by the `lang` cookie (set by a form post, so it works
 * without JavaScript); anything missing or unknown falls back to zh-CN.
 */
export const LANGS = ["zh-CN", "en"] as const
export type Lang = (typeof LANGS)[number]
export const DEFAULT_LANG: Lang = "zh-CN"
export const LANG_COOKIE = "lang"

const zhCN = {
  "site.name": "连心市集",
  "site.tagline": "村里的好物，小区物业自提",
  "a11y.skip": "跳到主要内容",
  "lang.switch.label": "切换语言",
  "lang.switch.to": "English",
  "home.title": "今日上架",
  "home.meta.description": "连心市集：来自乡村农户的新鲜农产品，在线下单，到小区物业凭取货码自提。",
  "home.empty": "暂时还没有上架的商品，请稍后再来看看。",
  "home.count": "共 {count} 件商品",
  "product.from": "{price} 起",
  "product.price": "价格",
  "product.unit": "规格",
  "product.variants": "可选规格",
  "product.village": "产地",
  "product.household": "农户编号",
  "product.cooperative": "合作社",
  "product.description": "商品介绍",
  "product.noImage": "暂无图片",
  "product.back": "返回全部商品",
  "product.priceUnknown": "价格待定",
  "stock.in": "有货",
  "stock.low": "仅剩 {count} 件",
  "stock.out": "已售罄",
  "error.unavailable.title": "商城暂时无法连接，请稍后再试",
  "error.unavailable.body": "我们的服务器正在启动或维护中，通常一两分钟就好。",
  "error.retry": "重试",
  "error.notFound.title": "没有找到这个页面",
  "error.notFound.body": "链接可能已经失效，或者商品已经下架。",
  "error.productNotFound.title": "没有找到这件商品",
  "error.generic.title": "出了点问题",
  "error.generic.body": "页面加载失败。请刷新页面重试；如果一直这样，请联系小区物业。",
  "error.home": "回到首页",
  "footer.note": "连心市集 · 乡村好物进社区",
} as const

export type MessageKey = keyof typeof zhCN

const en: Record<MessageKey, string> = {
  "site.name": "Lianxin Market",
  "site.tagline": "Village produce, collected at your compound's property office",
  "a11y.skip": "Skip to main content",
  "lang.switch.label": "Change language",
  "lang.switch.to": "中文",
  "home.title": "Available today",
  "home.meta.description":
    "Lianxin Market: fresh produce from village households. Order online, collect it at your property office with a pickup code.",
  "home.empty": "Nothing is on sale yet. Please check back soon.",
  "home.count": "{count} products",
  "product.from": "from {price}",
  "product.price": "Price",
  "product.unit": "Unit",
  "product.variants": "Options",
  "product.village": "Village",
  "product.household": "Household code",
  "product.cooperative": "Cooperative",
  "product.description": "About this product",
  "product.noImage": "No image",
  "product.back": "Back to all products",
  "product.priceUnknown": "Price to be confirmed",
  "stock.in": "In stock",
  "stock.low": "Only {count} left",
  "stock.out": "Sold out",
  "error.unavailable.title": "The market can't be reached right now. Please try again shortly.",
  "error.unavailable.body": "Our server is starting up or under maintenance; this usually takes a minute or two.",
  "error.retry": "Try again",
  "error.notFound.title": "Page not found",
  "error.notFound.body": "The link may be out of date, or the product is no longer on sale.",
  "error.productNotFound.title": "Product not found",
  "error.generic.title": "Something went wrong",
  "error.generic.body":
    "The page failed to load. Please reload; if it keeps happening, contact your property office.",
  "error.home": "Back to the home page",
  "footer.note": "Lianxin Market · from the village to your compound",
}

const dictionaries: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zhCN, en }

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value)
}

/** Any value → a supported language, zh-CN when unknown. */
export function toLang(value: unknown): Lang {
  return isLang(value) ? value : DEFAULT_LANG
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

export function translator(lang: Lang): Translate {
  const messages = dictionaries[lang]
  return (key, params) => {
    const template = messages[key]
    if (!params) return template
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole
    )
  }
}

/** The language stored in a request's Cookie header, zh-CN when absent or unknown. */
export function langFromCookieHeader(header: string | null | undefined): Lang {
  if (!header) return DEFAULT_LANG
  for (const part of header.split(";")) {
    const eq = part.indexOf("=")
    if (eq === -1) continue
    if (part.slice(0, eq).trim() !== LANG_COOKIE) continue
    let value = part.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
    try {
      return toLang(decodeURIComponent(value))
    } catch {
      return DEFAULT_LANG
    }
  }
  return DEFAULT_LANG
}

/** A Set-Cookie value remembering the language for a year. */
export function langCookie(lang: Lang, { secure = false }: { secure?: boolean } = {}): string {
  const attributes = [`${LANG_COOKIE}=${encodeURIComponent(lang)}`, "Path=/", "Max-Age=31536000", "SameSite=Lax", "HttpOnly"]
  if (secure) attributes.push("Secure")
  return attributes.join("; ")
}

