import { createHmac } from "node:crypto"
import { describe, expect, it } from "vitest"
import { aliyunPercentEncode, aliyunSendSms, aliyunSendSmsQuery, aliyunSignature } from "./sms-aliyun"

const config = {
  access_key_id: "testId",
  access_key_secret: "testSecret",
  sign_name: "连心市集",
  templates: { pickup_ready: "SMS_460002" },
  endpoint: "https://sms.example.test",
}
const message = {
  to: "13912345678",
  template: "pickup_ready",
  params: { order_no: "1042", code: "04817263" },
  text: "…",
}

describe("Aliyun SMS (RPC signature v1)", () => {
  it("signs the example of Aliyun's SMS documentation", () => {
    const params = {
      AccessKeyId: "testId",
      Action: "SendSms",
      Format: "XML",
      OutId: "123",
      PhoneNumbers: "15300000001",
      RegionId: "cn-hangzhou",
      SignName: "阿里云短信测试专用",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "45e25e9b-0a6f-4070-8c85-2956eda1b466",
      SignatureVersion: "1.0",
      TemplateCode: "SMS_71390007",
      TemplateParam: '{"customer":"test"}',
      Timestamp: "2017-07-12T02:42:19Z",
      Version: "2017-05-25",
    }
    expect(aliyunSignature(params, "testSecret")).toBe("zJDF+Lrzhj/ThnlvIToysFRq6t4=")
  })

  it("percent-encodes as the signature requires", () => {
    expect(aliyunPercentEncode("a b*c~d")).toBe("a%20b%2Ac~d")
    expect(aliyunPercentEncode("(x)!'")).toBe("%28x%29%21%27")
    expect(aliyunPercentEncode("连")).toBe("%E8%BF%9E")
  })

  it("builds a SendSms query whose signature verifies, with the template code and values", () => {
    const query = aliyunSendSmsQuery(config, message, { nonce: "n-1", now: new Date("2026-12-05T01:02:03.456Z") })
    const params = new URLSearchParams(query)
    expect(params.get("TemplateCode")).toBe("SMS_460002")
    expect(JSON.parse(params.get("TemplateParam") ?? "")).toEqual({ order_no: "1042", code: "04817263" })
    expect(params.get("Timestamp")).toBe("2026-12-05T01:02:03Z")
    expect(params.get("PhoneNumbers")).toBe("13912345678")
    const signature = params.get("Signature")
    params.delete("Signature")
    const rest = Object.fromEntries(params.entries())
    const canonical = Object.keys(rest)
      .sort()
      .map((k) => `${aliyunPercentEncode(k)}=${aliyunPercentEncode(rest[k])}`)
      .join("&")
    const expected = createHmac("sha1", "testSecret&")
      .update(`GET&%2F&${aliyunPercentEncode(canonical)}`)
      .digest("base64")
    expect(signature).toBe(expected)
  })

  it("refuses a template without an approved code", () => {
    expect(() => aliyunSendSmsQuery(config, { ...message, template: "order_placed" })).toThrow(/ALIYUN_SMS_TEMPLATES/)
  })

  it("returns the BizId on OK and throws Aliyun's code otherwise, never the number", async () => {
    const answer = (status: number, body: unknown) =>
      (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch
    await expect(aliyunSendSms(config, message, answer(200, { Code: "OK", BizId: "biz-1" }))).resolves.toBe("biz-1")
    const refused = aliyunSendSms(
      config,
      message,
      answer(200, { Code: "isv.BUSINESS_LIMIT_CONTROL", Message: "触发分钟级流控", RequestId: "r-1" })
    )
    await expect(refused).rejects.toThrow(/isv\.BUSINESS_LIMIT_CONTROL/)
    await expect(refused).rejects.not.toThrow(/13912345678/)
    await expect(aliyunSendSms(config, message, answer(500, {}))).rejects.toThrow(/HTTP 500/)
    const notJson = (async () => new Response("<html>", { status: 502 })) as unknown as typeof fetch
    await expect(aliyunSendSms(config, message, notJson)).rejects.toThrow(/HTTP 502/)
  })
})
