import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react"
import { Form, useFetcher, useLocation, useNavigate } from "react-router"
import { formatFen } from "../lib/money"
import { MAX_QUERY_LENGTH, type SuggestionView } from "../lib/search"
import { useT } from "../lib/use-i18n"
import { Highlighted } from "./highlighted"

/** Waiting this long after the last keystroke before asking keeps typing smooth on a phone. */
const DEBOUNCE_MS = 200

type Option = {
  id: string
  href: string
  kind: "product" | "category"
  view: SuggestionView["products"][number] | SuggestionView["categories"][number]
}

/**
 * The header's search box: a plain GET form to /search (works before and
 * without JavaScript). With JavaScript it also suggests products and
 * categories as the resident types (ARIA combobox; arrows, Enter, Escape),
 * asking the storefront's own /search/suggest, never the search engine.
 * Nothing is asked while an input method is composing (拼音输入法).
 */
export function SearchBox() {
  const t = useT()
  const location = useLocation()
  const navigate = useNavigate()
  const onSearchPage = location.pathname === "/search"
  const current = onSearchPage ? (new URLSearchParams(location.search).get("q") ?? "") : ""
  const [value, setValue] = useState(current)
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const composing = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const fetcher = useFetcher<SuggestionView>({ key: "search-suggestions" })
  const baseId = useId()
  const listId = `${baseId}-list`

  // Following the page: a new search (or leaving /search) shows its query in the box.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every navigation, on purpose
  useEffect(() => {
    clearTimeout(timer.current)
    setValue(current)
    setOpen(false)
  }, [current, location.key])
  useEffect(() => () => clearTimeout(timer.current), [])

  function ask(text: string) {
    clearTimeout(timer.current)
    const q = text.trim()
    if (!q) {
      setOpen(false)
      return
    }
    timer.current = setTimeout(() => {
      fetcher.load(`/search/suggest?q=${encodeURIComponent(q)}`)
      setOpen(true)
      setActive(-1)
    }, DEBOUNCE_MS)
  }

  const suggestions = open && value.trim() ? fetcher.data : undefined
  const options: Option[] = suggestions
    ? [
        ...suggestions.products.map(
          (p, i): Option => ({
            id: `${baseId}-p${i}`,
            href: `/products/${encodeURIComponent(p.handle)}`,
            kind: "product",
            view: p,
          })
        ),
        ...suggestions.categories.map(
          (c, i): Option => ({
            id: `${baseId}-c${i}`,
            href: `/search?${new URLSearchParams({ q: suggestions.query, category: c.handle })}`,
            kind: "category",
            view: c,
          })
        ),
      ]
    : []
  const expanded = options.length > 0

  function close() {
    // A suggestion still waiting for its debounce must not open over the page the resident is going to.
    clearTimeout(timer.current)
    setOpen(false)
    setActive(-1)
  }

  function choose(option: Option) {
    close()
    navigate(option.href)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (composing.current || event.nativeEvent.isComposing) return
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault()
      setOpen(true)
      setActive((i) => (i + 1) % options.length)
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault()
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1))
    } else if (event.key === "Enter" && expanded && active >= 0 && options[active]) {
      event.preventDefault()
      choose(options[active])
    } else if (event.key === "Escape" && open) {
      event.preventDefault()
      close()
    }
  }

  return (
    <Form method="get" action="/search" role="search" className="relative flex gap-2" onSubmit={close}>
      <label htmlFor={`${baseId}-q`} className="sr-only">
        {t("search.label")}
      </label>
      <input
        id={`${baseId}-q`}
        name="q"
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? options[active]?.id : undefined}
        autoComplete="off"
        enterKeyHint="search"
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t("search.placeholder")}
        value={value}
        onChange={(event) => {
          setValue(event.target.value)
          if (!composing.current) ask(event.target.value)
        }}
        onCompositionStart={() => {
          composing.current = true
        }}
        onCompositionEnd={(event) => {
          composing.current = false
          ask(event.currentTarget.value)
        }}
        onKeyDown={onKeyDown}
        onFocus={() => value.trim() && fetcher.data && setOpen(true)}
        onBlur={close}
        className="block min-h-11 w-full min-w-0 flex-1 rounded-full border border-stone-300 bg-stone-50 px-4 text-base focus:bg-white focus:outline-2 focus:outline-offset-1 focus:outline-emerald-700"
      />
      {/* Named in full: pages such as /compound have a 搜索 button of their own. */}
      <button
        type="submit"
        aria-label={t("search.label")}
        className="min-h-11 shrink-0 rounded-full bg-emerald-700 px-4 text-sm font-medium text-white hover:bg-emerald-800"
      >
        {t("search.submit")}
      </button>
      <div
        id={listId}
        role="listbox"
        aria-label={t("search.suggestions")}
        hidden={!expanded}
        className="absolute top-full right-0 left-0 z-20 mt-1 max-h-[60vh] overflow-y-auto rounded-xl bg-white py-1 shadow-lg ring-1 ring-stone-200"
      >
        {options.map((option, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard stays in the box (arrows move aria-activedescendant, Enter chooses)
          <div
            key={option.id}
            id={option.id}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            // Keeps the focus in the box, so blur does not close the list before the tap lands.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(option)}
            className={`flex min-h-11 cursor-pointer items-center justify-between gap-3 px-4 py-2 text-sm ${i === active ? "bg-emerald-50" : "hover:bg-stone-50"}`}
          >
            {option.kind === "product" ? (
              <ProductOption view={option.view as SuggestionView["products"][number]} />
            ) : (
              <span className="text-emerald-800">
                {t("search.suggest.category", {
                  name: (option.view as SuggestionView["categories"][number]).name,
                  count: (option.view as SuggestionView["categories"][number]).count,
                })}
              </span>
            )}
          </div>
        ))}
      </div>
      {/* A live region without role="status": pages keep their own single status message for notices. */}
      <p aria-live="polite" className="sr-only">
        {open && suggestions
          ? options.length
            ? t("search.suggestions.count", { count: options.length })
            : t("search.suggestions.none")
          : ""}
      </p>
    </Form>
  )
}

function ProductOption({ view }: { view: SuggestionView["products"][number] }) {
  const t = useT()
  return (
    <>
      <span className="min-w-0 truncate">
        <Highlighted segments={view.segments} />
      </span>
      <span className="shrink-0 text-xs text-stone-600">
        {view.inStock ? null : `${t("stock.out")} · `}
        {view.priceFen === null
          ? t("product.priceUnknown")
          : view.priceVaries
            ? t("product.from", { price: formatFen(view.priceFen) })
            : formatFen(view.priceFen)}
      </span>
    </>
  )
}
