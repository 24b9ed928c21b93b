import type { Household } from "./types"

/**
 * The demo's producer households. Residents see only the code and the
 * display name; the people and their stories are invented for the demo.
 */
export const HOUSEHOLDS: Household[] = [
  {
    code: "YN-LC-007",
    displayName: "岩叔家茶地",
    villageCodePrefix: "YN-LC",
    cooperativeMember: true,
    story:
      "岩叔一家三口，守着老人留下的八亩茶地，茶树多是二三十年树龄。春茶一芽二叶手工采，在家里杀青、揉捻、晒干；夏秋茶产量大、味道淡一些，大多交给村里的合作社统一加工。茶地在坡上，采茶季一天要上下好几趟。",
  },
  {
    code: "YN-LC-012",
    displayName: "杨二姐家",
    villageCodePrefix: "YN-LC",
    cooperativeMember: false,
    story:
      "杨二姐的丈夫在外地打工，她在家带两个孩子，种了四亩沃柑，屋后坡地上养着六十来只鸡。雨季她和邻居一起上山捡菌子，能卖的切片晒干，大小不一，按实际重量称。",
  },
  {
    code: "GZ-QDN-003",
    displayName: "吴家禾田",
    villageCodePrefix: "GZ-QDN",
    cooperativeMember: false,
    story:
      "吴家是寨子里的老户，还在种老品种香禾糯，产量只有杂交稻的一半多，但寨子里过节离不开它。稻田里放麻鸭，鸭子吃虫吃草，也吃家里补喂的稻谷。田边有几棵老梨树，果子不大，有的带虫眼。",
  },
  {
    code: "GZ-QDN-015",
    displayName: "潘大哥家",
    villageCodePrefix: "GZ-QDN",
    cooperativeMember: false,
    story:
      "潘大哥前几年从广东的工厂回来，接手了家里的茶园和油菜田。菜籽送到镇上的小油坊压榨，茶叶请镇上的茶厂代炒。他还在林下摆了一片椴木种香菇，种一次能收两三年，菜地里种些辣椒自己吃，多的拿来卖。",
  },
  {
    code: "SX-YA-008",
    displayName: "高叔果园",
    villageCodePrefix: "SX-YA",
    cooperativeMember: true,
    story:
      "高叔种苹果二十多年，塬上十二亩果园，是村里果业合作社的社员。果子套袋，自然成熟再摘，大小和颜色没有超市里的整齐，有的带点果锈。地头种了土豆，院子里散养着三十来只鸡。",
  },
  {
    code: "SX-YA-021",
    displayName: "刘婶家",
    villageCodePrefix: "SX-YA",
    cooperativeMember: false,
    story:
      "刘婶家的地分散在沟坡上，种谷子、玉米和大蒜，机器进不去，全靠人工。老刘跟亲戚学了养蜂，春天追着洋槐花摇蜜，一年就那十几天，量不多，卖完就没有了。",
  },
  {
    code: "GX-BS-002",
    displayName: "黄家芒果园",
    villageCodePrefix: "GX-BS",
    cooperativeMember: false,
    story:
      "黄家在右江河谷种了六亩芒果，品种是桂七，八九月成熟。芒果要青着摘、路上后熟，所以到手时还是硬的。冬天芒果地空出来，套种一季红薯。",
  },
  {
    code: "GX-BS-011",
    displayName: "韦阿姨家",
    villageCodePrefix: "GX-BS",
    cooperativeMember: false,
    story:
      "韦阿姨在山脚养了二十多箱中华蜂，蜂箱是自己用杉木钉的。中蜂产蜜少，一年只在秋冬取一次。家里还种红皮花生，林子里的椴木上长木耳，雨后去收，晒干再卖。",
  },
]
