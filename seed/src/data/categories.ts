import type { CategorySeed } from "./types"

/** The shop's top-level categories, in the order the storefront shows them. */
export const CATEGORIES: CategorySeed[] = [
  { handle: "fruit", name: "水果", description: "应季水果，按产地成熟期采摘发货。" },
  { handle: "vegetables", name: "蔬菜", description: "耐储运的蔬菜，带着泥土发货。" },
  { handle: "grains-and-oils", name: "粮油", description: "村里自种的米、杂粮和小榨油。" },
  { handle: "eggs", name: "禽蛋", description: "农户自家养的鸡鸭下的蛋。" },
  { handle: "mushrooms", name: "菌菇", description: "林下种的和山里捡的菌子，多为干货。" },
  { handle: "honey", name: "蜂蜜", description: "农户自家蜂箱的蜜，产量随花期和天气变化。" },
  { handle: "tea", name: "茶叶", description: "农户自家茶地的茶，手工或小作坊加工。" },
  { handle: "dried-goods", name: "干货", description: "晒干、耐放的山货。" },
]
