// Search sources (what query.graph returns for a product, PRODUCT_SEARCH_GRAPH_FIELDS) without a database:
// the demo catalogue from the seed data, and any number of deterministic generated products for the benchmark.
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

const SALES_CHANNEL = "sc_demo"

function variant(title, priceFen, stock) {
  return {
    title,
    manage_inventory: true,
    allow_backorder: false,
    prices: [{ amount: priceFen / 100, currency_code: "cny" }],
    inventory_items: [
      { required_quantity: 1, inventory: { location_levels: [{ stocked_quantity: stock, reserved_quantity: 0 }] } },
    ],
  }
}

/** The demo scenario's 24 products as the seed creates them (catalog.ts) and the households module links them. */
export function demoSearchSources() {
  const { DEMO_CATALOG } = require("@lianxin/seed/data")
  const categories = new Map(DEMO_CATALOG.categories.map((c) => [c.handle, c]))
  const households = new Map(DEMO_CATALOG.households.map((h) => [h.code, h]))
  const villages = new Map(DEMO_CATALOG.villages.map((v) => [v.codePrefix, v]))
  const start = Date.UTC(2026, 10, 1)
  return DEMO_CATALOG.products.map((p, i) => {
    const household = households.get(p.householdCode)
    const village = villages.get(household.villageCodePrefix)
    const category = categories.get(p.category)
    return {
      id: `prod_${p.handle}`,
      handle: p.handle,
      title: p.title,
      description: p.description,
      status: "published",
      thumbnail: null,
      metadata: { search_keywords: p.keywords ?? [] },
      created_at: new Date(start + i * 60_000).toISOString(),
      categories: [{ name: category.name, handle: category.handle }],
      sales_channels: [{ id: SALES_CHANNEL }],
      variants: p.variants.map((v) => variant(v.title, v.priceFen, v.stock)),
      attribution: {
        shares: [
          {
            share_bp: 10000,
            household: {
              code: household.code,
              display_name: household.displayName,
              public_profile_consent: false,
              village: {
                name: village.name,
                province: village.province,
                county: village.county,
                township: village.township,
              },
            },
          },
        ],
      },
    }
  })
}

// ---------------------------------------------------------------- generated catalogue for bench/search.mjs

/** mulberry32: a small seeded PRNG, so the same seed gives the same catalogue on every machine. */
export function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Produce, each with its category, some names residents use for it and an English word. */
export const PRODUCE = [
  ["苹果", "fruit", ["红富士", "apple"]],
  ["芒果", "fruit", ["香芒", "mango"]],
  ["沃柑", "fruit", ["柑橘", "橘子"]],
  ["梨", "fruit", ["梨子", "pear"]],
  ["猕猴桃", "fruit", ["奇异果", "kiwi"]],
  ["葡萄", "fruit", ["提子", "grape"]],
  ["桃子", "fruit", ["水蜜桃", "peach"]],
  ["李子", "fruit", ["脆李", "plum"]],
  ["枇杷", "fruit", ["loquat"]],
  ["杨梅", "fruit", ["waxberry"]],
  ["荔枝", "fruit", ["lychee"]],
  ["龙眼", "fruit", ["桂圆", "longan"]],
  ["柿子", "fruit", ["柿饼", "persimmon"]],
  ["石榴", "fruit", ["pomegranate"]],
  ["橙子", "fruit", ["脐橙", "orange"]],
  ["西瓜", "fruit", ["watermelon"]],
  ["草莓", "fruit", ["strawberry"]],
  ["樱桃", "fruit", ["车厘子", "cherry"]],
  ["土豆", "vegetables", ["马铃薯", "洋芋", "potato"]],
  ["红薯", "vegetables", ["地瓜", "番薯"]],
  ["辣椒", "vegetables", ["海椒", "chili"]],
  ["大蒜", "vegetables", ["蒜头", "garlic"]],
  ["生姜", "vegetables", ["老姜", "ginger"]],
  ["番茄", "vegetables", ["西红柿", "tomato"]],
  ["南瓜", "vegetables", ["pumpkin"]],
  ["萝卜", "vegetables", ["白萝卜", "radish"]],
  ["山药", "vegetables", ["铁棍山药", "yam"]],
  ["芋头", "vegetables", ["芋艿", "taro"]],
  ["莲藕", "vegetables", ["藕", "lotus root"]],
  ["竹笋", "vegetables", ["春笋", "bamboo shoots"]],
  ["洋葱", "vegetables", ["onion"]],
  ["黄瓜", "vegetables", ["cucumber"]],
  ["糯米", "grains-and-oils", ["江米", "sticky rice"]],
  ["小米", "grains-and-oils", ["粟米", "millet"]],
  ["大米", "grains-and-oils", ["稻米", "rice"]],
  ["菜籽油", "grains-and-oils", ["菜油", "rapeseed oil"]],
  ["玉米糁", "grains-and-oils", ["苞谷", "corn"]],
  ["荞麦", "grains-and-oils", ["buckwheat"]],
  ["黑米", "grains-and-oils", ["black rice"]],
  ["绿豆", "grains-and-oils", ["mung bean"]],
  ["红豆", "grains-and-oils", ["赤小豆", "red bean"]],
  ["茶油", "grains-and-oils", ["山茶油", "camellia oil"]],
  ["土鸡蛋", "eggs", ["柴鸡蛋", "鸡蛋", "eggs"]],
  ["鸭蛋", "eggs", ["咸鸭蛋", "duck eggs"]],
  ["鹅蛋", "eggs", ["goose eggs"]],
  ["鹌鹑蛋", "eggs", ["quail eggs"]],
  ["乌鸡蛋", "eggs", ["鸡蛋", "eggs"]],
  ["香菇", "mushrooms", ["冬菇", "蘑菇", "shiitake"]],
  ["木耳", "mushrooms", ["黑木耳", "wood ear"]],
  ["牛肝菌", "mushrooms", ["菌子", "porcini"]],
  ["茶树菇", "mushrooms", ["蘑菇"]],
  ["银耳", "mushrooms", ["白木耳"]],
  ["竹荪", "mushrooms", ["菌菇"]],
  ["鸡枞", "mushrooms", ["菌子"]],
  ["洋槐蜜", "honey", ["槐花蜜", "蜂蜜", "honey"]],
  ["百花蜜", "honey", ["土蜂蜜", "蜂蜜", "honey"]],
  ["枣花蜜", "honey", ["蜂蜜"]],
  ["荔枝蜜", "honey", ["蜂蜜"]],
  ["椴树蜜", "honey", ["蜂蜜"]],
  ["红茶", "tea", ["滇红", "black tea"]],
  ["绿茶", "tea", ["明前茶", "green tea"]],
  ["毛茶", "tea", ["晒青"]],
  ["白茶", "tea", ["white tea"]],
  ["乌龙茶", "tea", ["oolong"]],
  ["普洱茶", "tea", ["普洱"]],
  ["花茶", "tea", ["茉莉花茶"]],
  ["花生", "dried-goods", ["花生米", "peanuts"]],
  ["核桃", "dried-goods", ["walnut"]],
  ["红枣", "dried-goods", ["大枣", "jujube"]],
  ["板栗", "dried-goods", ["栗子", "chestnut"]],
  ["葵花籽", "dried-goods", ["瓜子"]],
  ["笋干", "dried-goods", ["干笋"]],
  ["腊肉", "dried-goods", ["bacon"]],
  ["辣椒干", "dried-goods", ["干辣椒"]],
  ["枸杞", "dried-goods", ["goji"]],
]

export const CATEGORY_NAMES = {
  fruit: "水果",
  vegetables: "蔬菜",
  "grains-and-oils": "粮油",
  eggs: "禽蛋",
  mushrooms: "菌菇",
  honey: "蜂蜜",
  tea: "茶叶",
  "dried-goods": "干货",
}

const MODIFIERS = [
  "高山",
  "坡地",
  "塬上",
  "梯田",
  "林下",
  "山里",
  "河谷",
  "老树",
  "农家",
  "小榨",
  "石磨",
  "院养",
  "散养",
  "手工",
  "晒干",
  "当季",
  "新鲜",
  "头茬",
  "春季",
  "秋季",
  "冬季",
  "古法",
  "山泉水",
  "稻田",
  "竹林",
  "向阳",
  "黄心",
  "红心",
  "紫皮",
  "小粒",
]

const PROVINCES = [
  ["云南省", ["双江拉祜族佤族布朗族傣族自治县", "勐海县", "普洱市思茅区", "临翔区", "永德县"]],
  ["贵州省", ["黎平县", "从江县", "雷山县", "湄潭县", "安顺市西秀区"]],
  ["陕西省", ["洛川县", "延川县", "周至县", "眉县", "富平县"]],
  ["广西壮族自治区", ["田东县", "百色市右江区", "容县", "恭城瑶族自治县", "融水苗族自治县"]],
  ["四川省", ["蒲江县", "苍溪县", "汉源县", "会理市", "通江县"]],
  ["湖南省", ["安化县", "麻阳苗族自治县", "炎陵县", "新化县", "永顺县"]],
  ["甘肃省", ["静宁县", "天水市秦安县", "定西市安定区", "宕昌县", "礼县"]],
  ["江西省", ["赣南寻乌县", "婺源县", "井冈山市", "南丰县", "遂川县"]],
  ["湖北省", ["秭归县", "恩施市", "英山县", "房县", "罗田县"]],
  ["黑龙江省", ["五常市", "饶河县", "东宁市", "尚志市", "海伦市"]],
]

const VILLAGE_PARTS = [
  "南岗",
  "禾乡",
  "后塬",
  "那禄",
  "石门",
  "青山",
  "白水",
  "柳溪",
  "桃源",
  "龙潭",
  "杨家",
  "马坡",
  "上寨",
  "下坝",
  "新田",
  "竹园",
]

const SENTENCES = [
  "自家地里种的，按季节采收。",
  "收到后请尽快食用，吃不完放阴凉处。",
  "大小不完全一致，按重量装箱。",
  "没有清洗，表面可能带土。",
  "产量不大，每批卖完为止。",
  "天热时请冷藏保存。",
  "外观不太整齐，不影响吃。",
  "山里温差大，长得慢。",
  "采下来当天打包发货。",
  "村里的合作社统一收购、挑拣。",
  "每一批的颜色和口感会有些差别。",
  "开封后请密封保存。",
  "适合炖、炒、蒸。",
  "用温水泡发后多冲洗几遍。",
  "收到时可能偏硬，常温放几天再吃。",
  "一岁以下的婴儿不要吃蜂蜜。",
  "用90°C左右的水冲泡。",
  "放在干燥通风处能存几个月。",
]

const pick = (random, list) => list[Math.floor(random() * list.length)]

/**
 * `count` generated products as query.graph would return them (published, one sales channel), deterministic for
 * a seed: produce × modifier × place titles, curated keywords, 1–3 variants, descriptions from a pool, one
 * household of 2,000 in 400 villages across 10 provinces, about 8 % out of stock.
 */
export function generatedSearchSources(count, seed = 20261205) {
  const random = prng(seed)
  const villages = Array.from({ length: 400 }, (_, i) => {
    const [province, counties] = PROVINCES[i % PROVINCES.length]
    const county = counties[Math.floor(i / PROVINCES.length) % counties.length]
    return {
      name: `${VILLAGE_PARTS[i % VILLAGE_PARTS.length]}${["村", "寨", "屯", "坪"][Math.floor(i / 16) % 4]}${i >= 64 ? i : ""}`,
      township: `${VILLAGE_PARTS[(i * 7) % VILLAGE_PARTS.length]}镇`,
      county,
      province,
    }
  })
  const households = Array.from({ length: 2000 }, (_, i) => ({
    code: `BN-${String(Math.floor(i / 100)).padStart(2, "0")}-${String(i % 1000).padStart(3, "0")}`,
    display_name: `${pick(random, ["杨", "吴", "高", "刘", "黄", "韦", "潘", "岩", "李", "王"])}${pick(random, ["叔家", "二姐家", "大哥家", "婶家", "阿姨家", "家果园", "家茶地"])}`,
    public_profile_consent: random() < 0.4,
    village: villages[i % villages.length],
  }))
  const start = Date.UTC(2025, 0, 1)
  const sources = []
  for (let i = 0; i < count; i++) {
    const [noun, category, aliases] = PRODUCE[i % PRODUCE.length]
    const household = households[Math.floor(random() * households.length)]
    const modifier = pick(random, MODIFIERS)
    const place = household.village.name.replace(/\d+$/, "")
    const title = `${random() < 0.3 ? place : ""}${modifier}${noun}${random() < 0.2 ? `（${pick(random, ["干", "生", "鲜", "新货"])}）` : ""}`
    const base = 500 + Math.floor(random() * 29_500)
    const variants = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, v) => {
      const out = random() < 0.08
      return {
        title: pick(random, ["500g", "1kg", "2.5kg", "5斤装", "10斤装", "30枚", "20枚", "250g", "100g", "5L"]),
        manage_inventory: true,
        allow_backorder: false,
        prices: [{ amount: (base * (v + 1)) / 100, currency_code: "cny" }],
        inventory_items: [
          {
            required_quantity: 1,
            inventory: {
              location_levels: [{ stocked_quantity: out ? 0 : 1 + Math.floor(random() * 200), reserved_quantity: 0 }],
            },
          },
        ],
      }
    })
    sources.push({
      id: `prod_bench_${String(i).padStart(6, "0")}`,
      handle: `bench-${i}`,
      title,
      description: Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(random, SENTENCES)).join(""),
      status: "published",
      thumbnail: null,
      metadata: { search_keywords: aliases, ...(random() < 0.15 ? { perishability: "chilled" } : {}) },
      created_at: new Date(start + i * 600_000).toISOString(),
      categories: [{ name: CATEGORY_NAMES[category], handle: category }],
      sales_channels: [{ id: SALES_CHANNEL }],
      variants,
      attribution: { shares: [{ share_bp: 10000, household }] },
    })
  }
  return sources
}

export const BENCH_SALES_CHANNEL = SALES_CHANNEL
