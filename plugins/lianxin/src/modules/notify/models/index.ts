export { default as NotifyMessage } from "./notify-message"
export { default as NotifyPreference } from "./notify-preference"
