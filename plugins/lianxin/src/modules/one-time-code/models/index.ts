export { default as OneTimeCode } from "./one-time-code"
