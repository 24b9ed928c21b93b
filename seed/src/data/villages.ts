import type { Village } from "./types"

/**
 * The demo's villages. The villages and cooperatives are invented; the
 * counties, townships and provinces are real places chosen for produce they
 * are known for.
 */
export const VILLAGES: Village[] = [
  {
    codePrefix: "YN-LC",
    name: "南岗村",
    township: "勐库镇",
    county: "双江拉祜族佤族布朗族傣族自治县",
    prefecture: "临沧市",
    province: "云南省",
    cooperative: "南岗村茶叶农民专业合作社",
    note: "澜沧江西岸的山村，海拔一千六百米上下，家家有几亩茶地，雨季山上出菌子。",
  },
  {
    codePrefix: "GZ-QDN",
    name: "禾乡村",
    township: "岩洞镇",
    county: "黎平县",
    prefecture: "黔东南苗族侗族自治州",
    province: "贵州省",
    note: "侗族寨子，梯田里还种着老品种的糯稻，田里放鸭，坡上种茶和油菜。",
  },
  {
    codePrefix: "SX-YA",
    name: "后塬村",
    township: "旧县镇",
    county: "洛川县",
    prefecture: "延安市",
    province: "陕西省",
    cooperative: "后塬村果业专业合作社",
    note: "黄土塬上的村子，塬面种苹果，沟坡地种谷子、玉米和大蒜，春天山里洋槐开花。",
  },
  {
    codePrefix: "GX-BS",
    name: "那禄村",
    township: "林逢镇",
    county: "田东县",
    prefecture: "百色市",
    province: "广西壮族自治区",
    note: "右江河谷的壮族村子，夏天热，河谷种芒果，山脚下有人养中华蜂。",
  },
]
