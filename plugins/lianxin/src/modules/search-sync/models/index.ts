export { default as SearchOutbox } from "./search-outbox"
