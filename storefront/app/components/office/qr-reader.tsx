import { useEffect, useRef, useState } from "react"
import { useT } from "../../lib/use-i18n"

/**
 * Reads a pickup QR in the browser, two ways: the phone camera (getUserMedia,
 * through @zxing/browser) and, always, a photo or screenshot chosen with a
 * file input (drawn on a canvas and decoded with @zxing/library). Both are
 * loaded only when used; nothing is fetched from the network. The text found
 * is handed to onRead, which submits the lookup.
 */
export function QrReader({ onRead }: { onRead: (text: string) => void }) {
  const t = useT()
  const video = useRef<HTMLVideoElement>(null)
  const controls = useRef<{ stop(): void } | null>(null)
  const [scanning, setScanning] = useState(false)
  const [status, setStatus] = useState<"idle" | "decoding" | "found" | "none" | "camera">("idle")
  const [cameraAvailable, setCameraAvailable] = useState(false)

  useEffect(() => {
    setCameraAvailable(typeof navigator !== "undefined" && Boolean(navigator.mediaDevices?.getUserMedia))
    return () => controls.current?.stop()
  }, [])

  function found(text: string) {
    setStatus("found")
    onRead(text)
  }

  async function startCamera() {
    if (!video.current) return
    setScanning(true)
    try {
      const { BrowserQRCodeReader } = await import("@zxing/browser")
      const reader = new BrowserQRCodeReader()
      controls.current = await reader.decodeFromConstraints(
        { video: { facingMode: "environment" } },
        video.current,
        (result) => {
          if (!result) return
          controls.current?.stop()
          setScanning(false)
          found(result.getText())
        }
      )
    } catch {
      setScanning(false)
      setStatus("camera")
    }
  }

  function stopCamera() {
    controls.current?.stop()
    setScanning(false)
  }

  async function readImage(file: File) {
    setStatus("decoding")
    const url = URL.createObjectURL(file)
    try {
      const image = await loadImage(url)
      const { decodeQrRgba } = await import("../../lib/office/qr")
      // Phone photos are large: drawn at most 1600 px across (decodeQrRgba also tries smaller sizes).
      const scale = Math.min(1, 1600 / Math.max(image.naturalWidth, image.naturalHeight))
      const width = Math.max(1, Math.round(image.naturalWidth * scale))
      const height = Math.max(1, Math.round(image.naturalHeight * scale))
      const canvas = document.createElement("canvas")
      canvas.width = width
      canvas.height = height
      const context = canvas.getContext("2d", { willReadFrequently: true })
      if (context) {
        context.fillStyle = "#fff"
        context.fillRect(0, 0, width, height)
        context.drawImage(image, 0, 0, width, height)
        const text = decodeQrRgba(context.getImageData(0, 0, width, height).data, width, height)
        if (text) return found(text)
      }
      setStatus("none")
    } catch {
      setStatus("none")
    } finally {
      URL.revokeObjectURL(url)
    }
  }

  return (
    <div className="space-y-3">
      <div>
        <label
          htmlFor="qr-photo"
          className="flex min-h-12 w-full cursor-pointer items-center justify-center rounded-xl border border-emerald-700 bg-white px-4 font-medium text-emerald-800 hover:bg-emerald-50"
        >
          {t("office.handover.photo")}
        </label>
        <input
          id="qr-photo"
          type="file"
          accept="image/*"
          capture="environment"
          className="sr-only"
          aria-describedby="qr-photo-hint"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0]
            event.currentTarget.value = ""
            if (file) void readImage(file)
          }}
        />
        <p id="qr-photo-hint" className="mt-1 text-xs text-stone-600">
          {t("office.handover.photoHint")}
        </p>
      </div>
      {cameraAvailable ? (
        <div>
          <button
            type="button"
            onClick={scanning ? stopCamera : startCamera}
            className="flex min-h-12 w-full items-center justify-center rounded-xl border border-stone-300 bg-white px-4 text-stone-800 hover:bg-stone-100"
          >
            {scanning ? t("office.handover.stopScan") : t("office.handover.scan")}
          </button>
        </div>
      ) : null}
      <video ref={video} className={scanning ? "w-full rounded-xl bg-black" : "hidden"} muted playsInline />
      <p role="status" className="min-h-5 text-sm text-stone-700">
        {status === "decoding"
          ? t("office.handover.decoding")
          : status === "found"
            ? t("office.handover.qrFound")
            : status === "none"
              ? t("office.handover.noQr")
              : status === "camera"
                ? t("office.handover.cameraDenied")
                : ""}
      </p>
    </div>
  )
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error("image could not be read"))
    image.src = url
  })
}
