import { reactRouter } from "@react-router/dev/vite"
import tailwindcss from "@tailwindcss/vite"
import { defineConfig } from "vite"

export default defineConfig({
  plugins: [tailwindcss(), reactRouter()],
  // `npm run dev` listens where `npm start` would, so links and the backend's
  // STORE_CORS default (http://localhost:3000) work the same in both.
  server: { port: Number(process.env.PORT ?? 3000), strictPort: true },
})
