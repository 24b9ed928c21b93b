import type { ProductSeed } from "./types"

/**
 * The demo's 24 products. Prices are in fen (3990 = ¥39.90). Descriptions say
 * what the product is, how it was made and what to expect — no certifications
 * and no health claims (a unit test rejects the usual words). `keywords` are
 * what residents also call the product (other regions' names, English, the
 * place it is known by): search finds it by them (seed/src/data/search-relevance.ts).
 */
export const PRODUCTS: ProductSeed[] = [
  // 水果
  {
    handle: "fuji-apple-luochuan",
    title: "塬上红富士苹果",
    keywords: ["富士苹果", "洛川苹果", "apple", "fuji"],
    category: "fruit",
    householdCode: "SX-YA-008",
    emoji: "red-apple",
    description:
      "高叔家塬上果园的红富士，套袋种植，十月下旬自然成熟后采摘。脆甜带酸，果面可能有果锈和小斑点，不影响吃。单果大小不完全一致，按重量装箱。收到后冷藏，两到三周内吃完。",
    variants: [
      { key: "5jin", title: "5斤装", priceFen: 3990, stock: 80, netWeightG: 2500 },
      { key: "10jin", title: "10斤装", priceFen: 7200, stock: 40, netWeightG: 5000 },
    ],
  },
  {
    handle: "guiqi-mango-tiandong",
    title: "桂七芒果",
    keywords: ["百色芒果", "田东芒果", "mango"],
    category: "fruit",
    householdCode: "GX-BS-002",
    emoji: "mango",
    description:
      "右江河谷的桂七芒果，八九月上市。为了路上不压坏，七八成熟时采摘，收到时果子偏硬、皮发青。常温放三到五天，按上去稍软、闻到香味再吃，不要放冰箱催熟。",
    variants: [{ key: "5jin", title: "5斤装", priceFen: 4500, stock: 50, netWeightG: 2500 }],
  },
  {
    handle: "orah-mandarin-shuangjiang",
    title: "坡地沃柑",
    keywords: ["柑橘", "橘子", "桔子", "柑子", "mandarin", "orange"],
    category: "fruit",
    householdCode: "YN-LC-012",
    emoji: "tangerine",
    description:
      "杨二姐家坡地上的沃柑，一二月成熟采收。汁多、偏甜，偶尔有籽。采下来没有打蜡，果皮不那么亮，放在阴凉通风处能存一周左右。",
    variants: [{ key: "5jin", title: "5斤装", priceFen: 3280, stock: 60, netWeightG: 2500 }],
  },
  {
    handle: "old-tree-pear-liping",
    title: "侗寨老树梨",
    keywords: ["梨子", "土梨", "pear"],
    category: "fruit",
    householdCode: "GZ-QDN-003",
    emoji: "pear",
    description:
      "吴家田边几棵老梨树结的梨，九月采摘。个头不大，皮上有锈斑，少数有虫眼，挑过但不保证一个都没有。肉脆水多，比商品梨粗糙一些。",
    variants: [{ key: "5jin", title: "5斤装", priceFen: 2980, stock: 30, netWeightG: 2500 }],
  },
  // 蔬菜
  {
    handle: "yellow-potato-luochuan",
    title: "黄心土豆",
    keywords: ["马铃薯", "洋芋", "potato"],
    category: "vegetables",
    householdCode: "SX-YA-008",
    emoji: "potato",
    description:
      "塬上旱地种的黄心土豆，九月挖收。大小混装，表面带土没有清洗，这样更耐放。适合炖、炒、蒸。放在阴凉避光处，发芽或发绿的部分不要吃。",
    variants: [{ key: "5jin", title: "5斤装", priceFen: 1980, stock: 100, netWeightG: 2500 }],
  },
  {
    handle: "red-sweet-potato-tiandong",
    title: "红心红薯",
    keywords: ["地瓜", "番薯", "红苕", "山芋", "sweet potato"],
    category: "vegetables",
    householdCode: "GX-BS-002",
    emoji: "roasted-sweet-potato",
    description:
      "芒果地冬闲时套种的红心红薯，十一月起挖。蒸、烤都行。刚挖的不太甜，放一两周再吃更甜。表皮难免有磕碰的小伤。",
    variants: [{ key: "5jin", title: "5斤装", priceFen: 2480, stock: 70, netWeightG: 2500 }],
  },
  {
    handle: "fresh-chili-liping",
    title: "鲜小米辣",
    keywords: ["辣椒", "小米椒", "朝天椒", "海椒", "辣子", "chili", "pepper"],
    category: "vegetables",
    householdCode: "GZ-QDN-015",
    emoji: "hot-pepper",
    description: "潘大哥菜地里的本地小米辣，红绿混装，很辣。鲜辣椒不耐放，冷藏大约能放一周；吃不完可以剁碎加盐装罐。",
    variants: [{ key: "500g", title: "500g", priceFen: 1280, stock: 40, netWeightG: 500 }],
  },
  {
    handle: "purple-garlic-luochuan",
    title: "紫皮大蒜",
    keywords: ["蒜", "蒜头", "独蒜", "garlic"],
    category: "vegetables",
    householdCode: "SX-YA-021",
    emoji: "garlic",
    description: "刘婶家沟坡地里的紫皮蒜，六月收获后挂在屋檐下晾干。蒜头大小不一，辣味足。放在干燥通风处能存几个月。",
    variants: [{ key: "2jin", title: "2斤装", priceFen: 2200, stock: 50, netWeightG: 1000 }],
  },
  // 粮油
  {
    handle: "xianghe-glutinous-rice-liping",
    title: "侗家香禾糯米",
    keywords: ["江米", "糯稻", "香禾糯", "糍粑", "sticky rice", "glutinous rice"],
    category: "grains-and-oils",
    householdCode: "GZ-QDN-003",
    emoji: "cooked-rice",
    description:
      "吴家梯田里种的老品种香禾糯，一年一季，产量低。米粒短圆，蒸熟后软糯有香味，寨子里用来做糯米饭和糍粑。在村里的小碾坊碾米，可能混有少量碎米和谷壳，淘洗时留意。",
    variants: [{ key: "2-5kg", title: "2.5kg", priceFen: 5800, stock: 40, netWeightG: 2500 }],
  },
  {
    handle: "yellow-millet-luochuan",
    title: "沟坡黄小米",
    keywords: ["谷子", "粟米", "小米粥", "millet"],
    category: "grains-and-oils",
    householdCode: "SX-YA-021",
    emoji: "sheaf-of-rice",
    description: "刘婶家沟坡地上种的谷子，秋收后晒干、碾成小米。熬粥容易出米油。新米当年最香，开封后密封放在阴凉处。",
    variants: [{ key: "2-5kg", title: "2.5kg", priceFen: 3600, stock: 60, netWeightG: 2500 }],
  },
  {
    handle: "rapeseed-oil-liping",
    title: "小榨菜籽油",
    keywords: ["菜油", "食用油", "油菜籽", "rapeseed oil", "oil"],
    category: "grains-and-oils",
    householdCode: "GZ-QDN-015",
    emoji: "jar",
    description:
      "潘大哥家自种的油菜籽，送到镇上小油坊压榨，只过滤、没有精炼。颜色深，菜籽味浓，静置后瓶底可能有少量沉淀。炒菜时先把油烧热，去掉生油味再下菜。",
    variants: [{ key: "5l", title: "5L", priceFen: 12800, stock: 25, netWeightG: 4600 }],
  },
  {
    handle: "stone-ground-corn-grits-luochuan",
    title: "石磨玉米糁",
    keywords: ["玉米渣", "玉米碴", "苞谷", "包谷", "corn"],
    category: "grains-and-oils",
    householdCode: "SX-YA-021",
    emoji: "ear-of-corn",
    description:
      "自家种的黄玉米，晒干后用村里的石磨磨成粗糁，粗细不完全均匀。适合熬玉米糁粥，小火多煮一会儿。开封后尽快吃完，天热放冰箱。",
    variants: [{ key: "1kg", title: "1kg", priceFen: 1680, stock: 50, netWeightG: 1000 }],
  },
  // 禽蛋
  {
    handle: "hillside-eggs-shuangjiang",
    title: "坡地土鸡蛋",
    keywords: ["鸡蛋", "柴鸡蛋", "笨鸡蛋", "草鸡蛋", "eggs"],
    category: "eggs",
    householdCode: "YN-LC-012",
    emoji: "nest-with-eggs",
    description:
      "杨二姐家屋后坡地上的鸡下的蛋。鸡白天在坡上找虫吃草，也喂玉米和少量饲料。蛋个头偏小、颜色深浅不一，没有清洗，蛋壳上可能有少量污渍。收到后冷藏，一个月内吃完。",
    variants: [{ key: "30", title: "30枚", priceFen: 4500, stock: 40, count: 30 }],
  },
  {
    handle: "paddy-duck-eggs-liping",
    title: "稻田鸭蛋",
    keywords: ["麻鸭蛋", "青壳鸭蛋", "咸鸭蛋", "duck eggs"],
    category: "eggs",
    householdCode: "GZ-QDN-003",
    emoji: "egg",
    description:
      "吴家放在稻田里的麻鸭下的蛋。鸭子白天在田里吃虫吃草，晚上回圈补喂稻谷。蛋壳青白，个头比鸡蛋大，腥味也比鸡蛋重，适合炒或腌咸蛋。请煮熟再吃。",
    variants: [{ key: "20", title: "20枚", priceFen: 3800, stock: 30, count: 20 }],
  },
  {
    handle: "courtyard-eggs-luochuan",
    title: "院养柴鸡蛋",
    keywords: ["鸡蛋", "土鸡蛋", "笨鸡蛋", "草鸡蛋", "eggs"],
    category: "eggs",
    householdCode: "SX-YA-008",
    emoji: "egg",
    description:
      "高叔家院子里三十来只鸡下的蛋，喂自家的玉米和菜叶。冬天下蛋少，可能要等几天才凑够一批发货。蛋没有清洗，收到后请冷藏。",
    variants: [{ key: "30", title: "30枚", priceFen: 3900, stock: 40, count: 30 }],
  },
  // 菌菇
  {
    handle: "dried-bolete-shuangjiang",
    title: "牛肝菌干片",
    keywords: ["蘑菇", "菌子", "野生菌", "干菌", "mushroom", "porcini"],
    category: "mushrooms",
    householdCode: "YN-LC-012",
    emoji: "brown-mushroom",
    description:
      "雨季在村后山林里捡的野生牛肝菌，切片晒干。每批的品种、大小和颜色不完全一样，带少量沙土。温水泡发后多冲洗几遍，一定要彻底炒熟煮透再吃。",
    variants: [{ key: "200g", title: "200g", priceFen: 6800, stock: 20, netWeightG: 200 }],
  },
  {
    handle: "log-grown-shiitake-liping",
    title: "椴木香菇（干）",
    keywords: ["蘑菇", "冬菇", "干香菇", "mushroom", "shiitake"],
    category: "mushrooms",
    householdCode: "GZ-QDN-015",
    emoji: "brown-mushroom",
    description:
      "潘大哥在林下用椴木种的香菇，自然出菇，晒干后挑拣装袋。菇盖大小不一，有的开伞大一些。冷水泡发几个小时，泡菇水沉淀后可以一起下锅。",
    variants: [{ key: "250g", title: "250g", priceFen: 3980, stock: 30, netWeightG: 250 }],
  },
  {
    handle: "dried-wood-ear-tiandong",
    title: "秋木耳（干）",
    keywords: ["黑木耳", "干木耳", "wood ear", "black fungus"],
    category: "mushrooms",
    householdCode: "GX-BS-011",
    emoji: "brown-mushroom",
    description:
      "韦阿姨家林子里椴木上长的木耳，秋天雨后采收、晒干。朵形不规整，有少量杂质，泡发后仔细冲洗并去掉根部硬块。泡发的木耳当天吃完，不要长时间浸泡。",
    variants: [{ key: "250g", title: "250g", priceFen: 3200, stock: 30, netWeightG: 250 }],
  },
  // 蜂蜜
  {
    handle: "locust-honey-luochuan",
    title: "洋槐蜜",
    keywords: ["蜂蜜", "槐花蜜", "洋槐花蜜", "槐蜜", "honey", "acacia honey"],
    category: "honey",
    householdCode: "SX-YA-021",
    emoji: "honey-pot",
    description:
      "老刘春天赶洋槐花期摇的蜜，一年只有十几天花期，量不多。颜色浅、味道清淡，不容易结晶。一岁以下的婴儿不要吃蜂蜜。",
    variants: [{ key: "500g", title: "500g", priceFen: 5800, stock: 30, netWeightG: 500 }],
  },
  {
    handle: "chinese-bee-honey-tiandong",
    title: "中蜂百花蜜",
    keywords: ["蜂蜜", "土蜂蜜", "中华蜂", "野花蜜", "honey"],
    category: "honey",
    householdCode: "GX-BS-011",
    emoji: "honeybee",
    description:
      "韦阿姨家中华蜂酿的蜜，一年只在秋冬取一次。蜜源是山里的各种野花，每年的颜色和味道都有差别。天冷容易结晶，放进温水里能慢慢化开。一岁以下的婴儿不要吃蜂蜜。",
    variants: [{ key: "500g", title: "500g", priceFen: 8800, stock: 20, netWeightG: 500 }],
  },
  // 茶叶
  {
    handle: "mengku-black-tea",
    title: "勐库大叶种红茶",
    keywords: ["滇红", "云南红茶", "大叶种", "black tea", "tea"],
    category: "tea",
    householdCode: "YN-LC-007",
    emoji: "teapot",
    description:
      "岩叔家茶地的大叶种鲜叶，在家里萎凋、揉捻、发酵后烘干。汤色红亮，味道浓。手工做的茶，每一批的条索和火候会有些差别。用90°C以上的水冲泡。",
    variants: [{ key: "100g", title: "100g", priceFen: 6800, stock: 30, netWeightG: 100 }],
  },
  {
    handle: "spring-sun-dried-maocha",
    title: "春茶晒青毛茶",
    keywords: ["毛茶", "晒青", "生茶", "散茶", "云南茶", "tea"],
    category: "tea",
    householdCode: "YN-LC-007",
    emoji: "leaf-fluttering-in-wind",
    description:
      "岩叔家春天手工采的一芽二叶，锅里杀青、揉捻后在竹席上晒干，散茶，没有压饼。新茶苦涩味明显，可以直接冲泡，也可以放着慢慢喝。请放在干燥、没有异味的地方。",
    variants: [{ key: "250g", title: "250g", priceFen: 7800, stock: 25, netWeightG: 250 }],
  },
  {
    handle: "early-spring-green-tea-liping",
    title: "明前绿茶",
    keywords: ["明前茶", "新茶", "春茶", "green tea", "tea"],
    category: "tea",
    householdCode: "GZ-QDN-015",
    emoji: "teacup-without-handle",
    description:
      "潘大哥家茶园清明前采的嫩芽，请镇上的茶厂代为炒制。用80°C左右的水冲泡。放冰箱冷藏保存，开封后尽快喝完。",
    variants: [{ key: "100g", title: "100g", priceFen: 8800, stock: 20, netWeightG: 100 }],
  },
  // 干货
  {
    handle: "red-skin-peanuts-tiandong",
    title: "红皮小花生（生）",
    keywords: ["花生米", "红皮花生", "生花生", "peanuts"],
    category: "dried-goods",
    householdCode: "GX-BS-011",
    emoji: "peanuts",
    description:
      "韦阿姨家坡地上种的红皮小粒花生，晒干后手工剥壳，颗粒大小不匀。这是生花生，要炒熟或煮熟再吃。天热请密封冷藏，发霉变色的不要吃。",
    variants: [{ key: "1kg", title: "1kg", priceFen: 2600, stock: 40, netWeightG: 1000 }],
  },
]
