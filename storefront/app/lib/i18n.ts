/**
 * Interface strings. Chinese is the default and the source of truth; English
 * is for the minority who ask for it. Product data (titles, descriptions)
 * comes from the backend as entered by the merchant and is not translated here.
 *
 * The language is chosen by the `lang` cookie (set by a form post, so it works
 * without JavaScript); anything missing or unknown falls back to zh-CN.
 */
export const LANGS = ["zh-CN", "en"] as const
export type Lang = (typeof LANGS)[number]
export const DEFAULT_LANG: Lang = "zh-CN"
export const LANG_COOKIE = "lang"

// Types only: the office portal's strings ship with its routes alone (lib/office/i18n.ts), not to every resident page.
import type { OfficeMessageKey } from "./office/messages"

const zhCN = {
  "site.name": "连心市集",
  "site.tagline": "村里的好物，小区物业自提",
  "a11y.skip": "跳到主要内容",
  "lang.switch.label": "切换语言",
  "lang.switch.to": "English",
  "home.title": "今日上架",
  "home.meta.description": "连心市集：来自乡村农户的新鲜农产品，在线下单，到小区物业凭取货码自提。",
  "home.empty": "暂时还没有上架的商品，请稍后再来看看。",
  "home.count": "共 {count} 件商品",
  "product.from": "{price} 起",
  "product.price": "价格",
  "product.unit": "规格",
  "product.variants": "可选规格",
  "product.village": "产地",
  "product.household": "农户编号",
  "product.cooperative": "合作社",
  "product.description": "商品介绍",
  "product.noImage": "暂无图片",
  "product.back": "返回全部商品",
  "product.priceUnknown": "价格待定",
  "stock.in": "有货",
  "stock.low": "仅剩 {count} 件",
  "stock.out": "已售罄",
  "error.unavailable.title": "商城暂时无法连接，请稍后再试",
  "error.unavailable.body": "我们的服务器正在启动或维护中，通常一两分钟就好。",
  "error.retry": "重试",
  "error.notFound.title": "没有找到这个页面",
  "error.notFound.body": "链接可能已经失效，或者商品已经下架。",
  "error.productNotFound.title": "没有找到这件商品",
  "error.generic.title": "出了点问题",
  "error.generic.body": "页面加载失败。请刷新页面重试；如果一直这样，请联系小区物业。",
  "error.home": "回到首页",
  "footer.note": "连心市集 · 乡村好物进社区",
  "nav.main": "主导航",
  "nav.categories": "分类",
  "nav.cart": "购物车",
  "nav.cartCount": "购物车（{count} 件）",
  "nav.account": "我的",
  "nav.impact": "帮扶成效",
  "nav.compound": "我的小区",
  "home.categories": "按分类逛逛",
  "home.villages": "产地村庄",
  "home.villageProducts": "{count} 件商品",
  "category.count": "共 {count} 件商品",
  "category.empty": "这个分类暂时没有上架的商品。",
  "category.notFound": "没有找到这个分类",
  "product.photos": "商品图片",
  "product.photo": "第 {n} 张图片：{title}",
  "product.unitPrice": "单价",
  "product.perUnit": "每{unit}",
  "product.stock": "库存",
  "product.harvest": "采摘",
  "product.harvestNote": "采摘说明",
  "product.producer": "生产农户",
  "product.householdLink": "看看这户人家",
  "product.villageLink": "看看这个村",
  "product.storyPrivate": "这户人家没有同意公开介绍，我们只显示编号和村庄。",
  "product.addToCart": "加入购物车",
  "product.quantity": "数量",
  "product.quantityLess": "减少数量",
  "product.quantityMore": "增加数量",
  "product.chosenPrice": "所选规格价格",
  "product.perWeight": "合 {price}/{unit}",
  "unit.jin": "斤",
  "unit.kg": "公斤",
  "product.variant": "规格",
  "product.soldOut": "已售罄，暂时不能购买",
  "breakdown.title": "这份钱去了哪里",
  "breakdown.intro": "按当前分账规则（第 {version} 版），{price} 的分配如下：",
  "breakdown.household": "农户",
  "breakdown.cooperative": "合作社",
  "breakdown.property_office": "小区物业",
  "breakdown.platform": "平台",
  "breakdown.unavailable": "分账明细暂时无法显示。",
  "breakdown.variant": "规格：{title}",
  "cart.title": "购物车",
  "cart.empty": "购物车是空的。",
  "cart.browse": "去逛逛",
  "cart.line.quantity": "{title} 的数量",
  "cart.line.update": "更新数量",
  "cart.line.less": "{title} 减一份",
  "cart.line.more": "{title} 加一份",
  "cart.line.remove": "删除",
  "cart.line.removeLabel": "从购物车删除 {title}",
  "cart.subtotal": "合计",
  "cart.checkout": "去结算",
  "cart.added": "已加入购物车",
  "cart.updated": "数量已更新",
  "cart.removed": "已删除",
  "cart.error.stock": "库存不足，请减少数量",
  "cart.error.gone": "这件商品已经下架或不在购物车里了",
  "cart.pickupNote": "所有订单到小区物业自提，到店付款。",
  "checkout.title": "结算",
  "checkout.contact": "取货人",
  "checkout.contactHint": "物业凭姓名和手机号后四位核对订单。",
  "checkout.name": "姓名",
  "checkout.mobile": "手机号",
  "checkout.mobileHint": "11 位中国大陆手机号",
  "checkout.pickup": "取货方式",
  "checkout.pickupOption": "到小区物业自提",
  "checkout.pickupWindow": "取货时间",
  "checkout.pickupAddress": "取货地点",
  "checkout.pickupPending": "待定：自提点和取货时间将在物业自提功能上线后显示",
  "checkout.payment": "付款方式",
  "checkout.payAtPickup": "到物业取货时付款",
  "payment.method.pickup": "到物业付款",
  "payment.method.wechat_pay": "微信支付",
  "payment.method.alipay": "支付宝",
  "payment.method.card": "银行卡",
  "payment.hint.pickup": "取货时在物业前台付款，缺货的不用付。",
  "payment.hint.wechat_pay": "提交后显示二维码，用微信扫一扫付款。",
  "payment.hint.alipay": "提交后跳转到支付宝付款，付完自动回到本店。",
  "payment.hint.card": "Visa、Mastercard、银联卡。",
  "payment.onlineRefunds": "在线付款后：缺货、损坏的商品和截单前取消的订单自动原路退款；超过保留时间未取的订单不退款。",
  "payment.choose": "付款方式",
  "payment.unavailable": "这种付款方式暂时不能用，请换一种。",
  "pay.title": "付款",
  "pay.amount": "应付金额",
  "pay.wechat.scan": "请用微信扫一扫下面的二维码付款",
  "pay.wechat.qrAlt": "微信支付二维码",
  "pay.wechat.waiting": "付款完成后，本页会自动显示订单和取货码。",
  "pay.alipay.go": "前往支付宝付款",
  "pay.alipay.waiting": "在支付宝付款后会自动回到本页。",
  "pay.card.title": "银行卡信息",
  "pay.card.submit": "确认付款",
  "pay.card.loading": "正在加载银行卡支付…",
  "pay.card.unavailable": "银行卡支付暂时无法使用。请改用其他付款方式。",
  "pay.refresh": "我已付款，刷新",
  "pay.failed": "付款没有成功：{reason}。购物车还在，您可以重新付款，或改为到物业付款。",
  "pay.failedGeneric": "付款没有完成",
  "pay.canceled": "这笔付款已取消。购物车还在，您可以重新付款，或改为到物业付款。",
  "pay.retry": "重新付款",
  "pay.switchToPickup": "改为到物业付款",
  "pay.back": "返回结算页",
  "pay.notPlaced": "订单还没有提交：{reason}",
  "checkout.items": "商品清单",
  "checkout.total": "应付合计",
  "checkout.submit": "提交订单",
  "checkout.submitting": "正在提交…",
  "checkout.signedInAs": "已登录：{email}",
  "checkout.guestHint": "不用注册也能下单。已有账号？",
  "checkout.login": "登录",
  "checkout.failed": "订单没有提交成功：{reason}。请检查后再试一次。",
  "checkout.noPickupOption": "暂时没有可用的自提方式，请稍后再试。",
  "confirm.title": "下单成功",
  "confirm.orderNumber": "订单号",
  "confirm.placedAt": "下单时间",
  "confirm.status": "状态",
  "confirm.code": "取货码",
  "confirm.codePending": "待定：取货码和二维码将在物业自提功能上线后显示在这里",
  "confirm.window": "取货时间",
  "confirm.address": "取货地点",
  "confirm.placeholder": "待定",
  "confirm.pay": "到物业取货时付款 {total}",
  "confirm.impact": "这笔订单将给 {count} 户农户带来 {amount}。",
  "confirm.impactEstimate": "按当前分账规则估算；实际金额以交接后的账本为准。",
  "confirm.impactUnavailable": "分账数据暂时无法显示。",
  "confirm.account": "用下单时填写的邮箱注册账号，这笔订单就会出现在“我的订单”里。",
  "confirm.register": "注册账号",
  "confirm.continue": "继续逛逛",
  "order.notFound": "没有找到这个订单",
  "order.status.placed": "已下单",
  "order.status.ready": "可取货",
  "order.status.collected": "已取货",
  "order.status.uncollected": "未取货",
  "order.status.canceled": "已取消",
  "order.cancel": "取消订单",
  "order.cancelLabel": "取消订单 {number}",
  "order.cancelQuestion": "确定取消订单 {number} 吗？",
  "order.cancelConsequence": "取消后不能恢复；还想要的话需要重新下单。",
  "order.cancelConfirm": "确定取消订单 {number}",
  "order.cancelKeep": "不取消",
  "order.canceled": "订单已取消。",
  "order.cancelUnsupported": "暂时不能在线取消订单（系统尚未开放此功能）。如需取消，请在截单前联系小区物业。",
  "order.cancelRefused": "这个订单已经过了截单时间，不能取消了。",
  "account.title": "我的",
  "account.orders": "我的订单",
  "account.ordersEmpty": "还没有订单。",
  "account.deviceOrders": "在这台设备上下的订单",
  "account.deviceOrdersHint": "这些订单是登录前在这台设备上下的，下单时没有填这个账号的邮箱，所以只在这台设备上显示；取货码和取消仍然可以在这里操作。",
  "account.logout": "退出登录",
  "account.hello": "你好，{name}",
  "account.items": "{count} 件商品",
  "login.title": "登录",
  "login.email": "邮箱",
  "login.password": "密码",
  "login.submit": "登录",
  "login.failed": "邮箱或密码不对，请再试一次。",
  "login.noAccount": "还没有账号？",
  "login.register": "注册",
  "register.title": "注册账号",
  "register.name": "姓名或昵称",
  "register.passwordHint": "至少 8 位",
  "register.submit": "注册",
  "register.exists": "这个邮箱已经注册过了，请直接登录。",
  "register.haveAccount": "已有账号？",
  "village.title": "{name}",
  "village.region": "所在地区",
  "village.households": "村里的农户",
  "village.products": "村里的产品",
  "village.notFound": "没有找到这个村庄",
  "household.title": "农户 {code}",
  "household.village": "所在村庄",
  "household.story": "他们的故事",
  "household.products": "他们的产品",
  "household.noProducts": "这户人家暂时没有上架的产品。",
  "household.notFound": "没有找到这户人家",
  "impact.title": "帮扶成效",
  "impact.intro": "以下数字全部来自平台账本，不是估算。每个数字至少涉及 {min} 户农户，以保护个人隐私。",
  "impact.households": "受益农户",
  "impact.villages": "覆盖村庄",
  "impact.earned": "农户累计收入",
  "impact.paid": "已结算给农户",
  "impact.byVillage": "按村庄",
  "impact.other": "其他（合并显示）",
  "impact.suppressed": "目前参与的农户还不到 {min} 户，为保护隐私，暂不公布数字。",
  "impact.unavailable": "成效数据暂时无法显示，请稍后再看。",
  "compound.title": "选择我的小区",
  "compound.current": "我的小区：{name}",
  "compound.choose": "选择我的小区",
  "compound.change": "更换",
  "compound.search": "搜索城市或小区名",
  "compound.searchSubmit": "搜索",
  "compound.pick": "选这个小区",
  "compound.picked": "当前选择",
  "point.address": "地址",
  "point.hours": "营业时间",
  "point.phone": "物业电话",
  "compound.none": "没有找到匹配的小区。",
  "compound.comingSoon": "选择自提点的功能即将开放。目前所有订单都送到小区物业，由物业通知取货。",
  "compound.saved": "已记住你的小区。",
  "checkout.cycleFixed": "订单只会进入上面显示的这一期；如果提交时已过截单时间，订单不会提交，也不会被挪到下一期。",
  "confirm.showCode": "显示取货码",
  "confirm.showCodeLabel": "显示取货码（订单 {number}）",
  "confirm.codeReplaces": "每次点击都会生成一个新的取货码和二维码，之前的取货码和二维码随即失效。",
  "confirm.codeOnce": "取货码只显示这一次，请截图或记下。再次获取会生成新码，这个码和二维码随即失效。",
  "confirm.qrAlt": "取货二维码（到物业柜台出示给工作人员扫描）",
  "confirm.codeUnavailable": "这笔订单暂时无法获取取货码，请稍后再试或联系物业。",
  "compound.forCheckout": "下单前请先选择你的小区：订单会送到这个小区的物业，由你凭取货码领取。选好后会回到结算页。",
  "cycle.cutoff": "本期 {time} 截单",
  "cycle.countdown": "距截单还有 {time}",
  "cycle.closed": "本期已截单",
  "cycle.window": "取货时间 {window}",
  "error.cutoff.title": "本期已经截单了",
  "error.cutoff.body": "你在结算的时候，本期订单已经截止。购物车还在，请选择下一期再下单。",
  "error.cutoff.action": "回到购物车",
  "error.unauthorized.title": "请先登录",
  "form.required": "请填写这一项",
  "form.invalid": "格式不正确",
  "form.name.tooLong": "姓名最多 20 个字",
  "form.mobile.invalid": "请输入 11 位中国大陆手机号，例如 13800138000",
  "form.quantity.invalid": "请输入整数数量",
  "form.quantity.min": "数量至少为 1；不要了请点“删除”",
  "form.quantity.max": "每件商品最多买 99 份",
  "form.email.invalid": "请输入正确的邮箱地址",
  "form.email.tooLong": "邮箱地址太长了",
  "form.password.tooShort": "密码至少 8 位",
  "form.password.tooLong": "密码最多 72 位",
  "form.search.tooLong": "搜索词最多 30 个字",
  "form.errorSummary": "有 {count} 项需要修改",
  "checkout.email": "邮箱（选填）",
  "checkout.emailHint": "填写后，用这个邮箱注册账号即可在“我的订单”里看到这笔订单。",
  "confirm.codeGuestNoProof": "这笔订单不是在这台设备上下的，无法在这里获取取货码。请在下单的手机上查看，或登录下单时的账号。",
  "order.cancelBeforeCutoff": "截单前可以取消",
  "availability.title": "本期无法预订",
  "availability.cutoff_passed": "你的小区本期已经截单，这件商品要等下一期才能预订。",
  "availability.batch_closed": "你的小区本期的配送批次已关闭，这件商品暂时不能预订。",
  "availability.no_cycle": "你的小区目前没有开放的订货周期，这件商品暂时不能预订。",
  "availability.full.chilled": "你的小区本期的冷藏位已满，这件冷藏商品暂时不能预订。",
  "availability.full.ambient": "你的小区本期的常温位已满，这件商品暂时不能预订。",
  "availability.badge": "本期不可订",
  "availability.checkout": "提醒：{reason}",
  "checkout.cycle.legend": "取货时间",
  "checkout.cycle.option": "{window} 取货",
  "checkout.cycle.orderBy": "{time} 前下单",
  "checkout.failedGeneric": "订单没有提交成功，请检查后再试一次；如果一直这样，请联系小区物业。",
  "checkout.refused": "这一期不能下单了",
  "checkout.refused.cycle": "{window} 取货的这一期",
  "checkout.refused.thisCycle": "这一期",
  "checkout.refused.cutoff_passed.title": "这一期已经截单了",
  "checkout.refused.cutoff_passed.body": "你选的{cycle}在你提交时截单了。",
  "checkout.refused.batch_closed.title": "这一期的货已经发往自提点了",
  "checkout.refused.batch_closed.body": "你选的{cycle}已经不能再加单。",
  "checkout.refused.full.title": "这一期自提点已经放满了",
  "checkout.refused.full.body": "你的小区{cycle}已经没有存放位置了。",
  "checkout.refused.canceled.title": "这一期已经取消了",
  "checkout.refused.canceled.body": "你选的{cycle}已经取消。",
  "checkout.refused.kept": "订单没有提交，也没有扣款；你填写的信息都还在。",
  "checkout.refused.switch": "改为下一期：{window} 取货",
  "checkout.refused.none": "目前没有可以下单的一期，请稍后再来；购物车会一直保留。",
  "checkout.stock.short": "「{product}」只剩 {available} 件了，订单没有提交，也没有扣款。请减少数量后再下单。",
  "checkout.stock.soldOut": "「{product}」已经卖完了，订单没有提交，也没有扣款。请从购物车删去它后再下单。",
  "checkout.busy": "现在下单的人太多，订单没有提交，也没有扣款。请稍等几秒再提交一次。",
  "checkout.pointInactive": "这个自提点已经停用，订单没有提交。请换一个小区。",
  "form.cycle.required": "请选择取货时间",
} as const

/** Keys of the resident shop's dictionary (below), which every page loads. */
export type ShopMessageKey = keyof typeof zhCN

/**
 * Every interface key, the office portal's included. Office strings are not in
 * the dictionaries here: office pages pass them to translator() as `extra`
 * (lib/office/i18n.ts), so a resident page never downloads them.
 */
export type MessageKey = ShopMessageKey | OfficeMessageKey

const en: Record<ShopMessageKey, string> = {
  "site.name": "Lianxin Market",
  "site.tagline": "Village produce, collected at your compound's property office",
  "a11y.skip": "Skip to main content",
  "lang.switch.label": "Change language",
  "lang.switch.to": "中文",
  "home.title": "Available today",
  "home.meta.description":
    "Lianxin Market: fresh produce from village households. Order online, collect it at your property office with a pickup code.",
  "home.empty": "Nothing is on sale yet. Please check back soon.",
  "home.count": "{count, plural, one {# product} other {# products}}",
  "product.from": "from {price}",
  "product.price": "Price",
  "product.unit": "Unit",
  "product.variants": "Options",
  "product.village": "Village",
  "product.household": "Household code",
  "product.cooperative": "Cooperative",
  "product.description": "About this product",
  "product.noImage": "No image",
  "product.back": "Back to all products",
  "product.priceUnknown": "Price to be confirmed",
  "stock.in": "In stock",
  "stock.low": "Only {count} left",
  "stock.out": "Sold out",
  "error.unavailable.title": "The market can't be reached right now. Please try again shortly.",
  "error.unavailable.body": "Our server is starting up or under maintenance; this usually takes a minute or two.",
  "error.retry": "Try again",
  "error.notFound.title": "Page not found",
  "error.notFound.body": "The link may be out of date, or the product is no longer on sale.",
  "error.productNotFound.title": "Product not found",
  "error.generic.title": "Something went wrong",
  "error.generic.body":
    "The page failed to load. Please reload; if it keeps happening, contact your property office.",
  "error.home": "Back to the home page",
  "footer.note": "Lianxin Market · from the village to your compound",
  "nav.main": "Main",
  "nav.categories": "Categories",
  "nav.cart": "Cart",
  "nav.cartCount": "Cart ({count, plural, one {# item} other {# items}})",
  "nav.account": "Account",
  "nav.impact": "Impact",
  "nav.compound": "My compound",
  "home.categories": "Browse by category",
  "home.villages": "Villages",
  "home.villageProducts": "{count, plural, one {# product} other {# products}}",
  "category.count": "{count, plural, one {# product} other {# products}}",
  "category.empty": "Nothing in this category is on sale right now.",
  "category.notFound": "Category not found",
  "product.photos": "Photos",
  "product.photo": "Photo {n}: {title}",
  "product.unitPrice": "Unit price",
  "product.perUnit": "per {unit}",
  "product.stock": "Stock",
  "product.harvest": "Harvest",
  "product.harvestNote": "Harvest notes",
  "product.producer": "Producer",
  "product.householdLink": "Meet this household",
  "product.villageLink": "About this village",
  "product.storyPrivate": "This household has not agreed to a public profile; we show only its code and village.",
  "product.addToCart": "Add to cart",
  "product.quantity": "Quantity",
  "product.quantityLess": "One fewer",
  "product.quantityMore": "One more",
  "product.chosenPrice": "Price of the chosen option",
  "product.perWeight": "{price} per {unit}",
  "unit.jin": "jin (500 g)",
  "unit.kg": "kg",
  "product.variant": "Option",
  "product.soldOut": "Sold out for now",
  "breakdown.title": "Where the money goes",
  "breakdown.intro": "Under the current split policy (version {version}), {price} is shared like this:",
  "breakdown.household": "Household",
  "breakdown.cooperative": "Cooperative",
  "breakdown.property_office": "Property office",
  "breakdown.platform": "Platform",
  "breakdown.unavailable": "The breakdown cannot be shown right now.",
  "breakdown.variant": "Option: {title}",
  "cart.title": "Cart",
  "cart.empty": "Your cart is empty.",
  "cart.browse": "Browse products",
  "cart.line.quantity": "Quantity of {title}",
  "cart.line.update": "Update",
  "cart.line.less": "One fewer {title}",
  "cart.line.more": "One more {title}",
  "cart.line.remove": "Remove",
  "cart.line.removeLabel": "Remove {title} from the cart",
  "cart.subtotal": "Total",
  "cart.checkout": "Checkout",
  "cart.added": "Added to the cart",
  "cart.updated": "Quantity updated",
  "cart.removed": "Removed",
  "cart.error.stock": "Not enough stock; please lower the quantity",
  "cart.error.gone": "This item is no longer on sale or no longer in your cart",
  "cart.pickupNote": "Every order is collected at your property office; pay when you collect.",
  "checkout.title": "Checkout",
  "checkout.contact": "Who collects",
  "checkout.contactHint": "The property office checks your name and the last four digits of your mobile.",
  "checkout.name": "Name",
  "checkout.mobile": "Mobile number",
  "checkout.mobileHint": "11-digit mainland China mobile number",
  "checkout.pickup": "Pickup",
  "checkout.pickupOption": "Collect at your property office",
  "checkout.pickupWindow": "Pickup time",
  "checkout.pickupAddress": "Pickup place",
  "checkout.pickupPending": "To be confirmed: pickup point and time appear here once pickup scheduling is live",
  "checkout.payment": "Payment",
  "checkout.payAtPickup": "Pay when you collect",
  "payment.method.pickup": "Pay at the property office",
  "payment.method.wechat_pay": "WeChat Pay",
  "payment.method.alipay": "Alipay",
  "payment.method.card": "Bank card",
  "payment.hint.pickup": "Pay at the counter when you collect; nothing for items that were short.",
  "payment.hint.wechat_pay": "A QR code appears next: scan it in WeChat to pay.",
  "payment.hint.alipay": "You are taken to Alipay and brought back here after paying.",
  "payment.hint.card": "Visa, Mastercard, UnionPay.",
  "payment.onlineRefunds": "Paid online: items short or damaged and orders cancelled before the cutoff are refunded automatically; orders not collected within the hold are not refunded.",
  "payment.choose": "Payment method",
  "payment.unavailable": "This payment method is not available right now. Please choose another.",
  "pay.title": "Payment",
  "pay.amount": "Amount to pay",
  "pay.wechat.scan": "Scan this QR code in WeChat to pay",
  "pay.wechat.qrAlt": "WeChat Pay QR code",
  "pay.wechat.waiting": "Once you have paid, this page shows your order and pickup code by itself.",
  "pay.alipay.go": "Pay with Alipay",
  "pay.alipay.waiting": "After paying in Alipay you come back to this page.",
  "pay.card.title": "Card details",
  "pay.card.submit": "Pay now",
  "pay.card.loading": "Loading card payment…",
  "pay.card.unavailable": "Card payment is not available right now. Please choose another method.",
  "pay.refresh": "I have paid — refresh",
  "pay.failed": "The payment did not go through: {reason}. Your cart is kept: pay again, or pay at the property office instead.",
  "pay.failedGeneric": "the payment was not completed",
  "pay.canceled": "This payment was cancelled. Your cart is kept: pay again, or pay at the property office instead.",
  "pay.retry": "Pay again",
  "pay.switchToPickup": "Pay at the property office instead",
  "pay.back": "Back to checkout",
  "pay.notPlaced": "The order was not placed yet: {reason}",
  "checkout.items": "Items",
  "checkout.total": "Total to pay",
  "checkout.submit": "Place order",
  "checkout.submitting": "Placing order…",
  "checkout.signedInAs": "Signed in as {email}",
  "checkout.guestHint": "No account needed. Have one?",
  "checkout.login": "Sign in",
  "checkout.failed": "The order was not placed: {reason}. Please check and try again.",
  "checkout.noPickupOption": "No pickup option is available right now. Please try again later.",
  "confirm.title": "Order placed",
  "confirm.orderNumber": "Order number",
  "confirm.placedAt": "Placed at",
  "confirm.status": "Status",
  "confirm.code": "Pickup code",
  "confirm.codePending": "To be confirmed: the pickup code and QR appear here once pickup scheduling is live",
  "confirm.window": "Pickup time",
  "confirm.address": "Pickup place",
  "confirm.placeholder": "To be confirmed",
  "confirm.pay": "Pay {total} when you collect",
  "confirm.impact": "This order sends {amount} to {count, plural, one {# household} other {# households}}.",
  "confirm.impactEstimate": "Estimated with the current split policy; the ledger records the exact amounts at handover.",
  "confirm.impactUnavailable": "The split cannot be shown right now.",
  "confirm.account": "Create an account with the email you gave at checkout and this order appears under “My orders”.",
  "confirm.register": "Create account",
  "confirm.continue": "Keep browsing",
  "order.notFound": "Order not found",
  "order.status.placed": "Placed",
  "order.status.ready": "Ready for pickup",
  "order.status.collected": "Collected",
  "order.status.uncollected": "Not collected",
  "order.status.canceled": "Canceled",
  "order.cancel": "Cancel order",
  "order.cancelLabel": "Cancel order {number}",
  "order.cancelQuestion": "Cancel order {number}?",
  "order.cancelConsequence": "This cannot be undone; to get these items you would order again.",
  "order.cancelConfirm": "Yes, cancel order {number}",
  "order.cancelKeep": "Keep the order",
  "order.canceled": "The order was canceled.",
  "order.cancelUnsupported": "Orders cannot be canceled online yet. To cancel, contact your property office before the cutoff.",
  "order.cancelRefused": "This order is past its cutoff and can no longer be canceled.",
  "account.title": "Account",
  "account.orders": "My orders",
  "account.ordersEmpty": "No orders yet.",
  "account.deviceOrders": "Orders placed on this device",
  "account.deviceOrdersHint": "Placed on this device before you signed in, without this account's email, so they show on this device only; you can still get their pickup codes and cancel them here.",
  "account.logout": "Sign out",
  "account.hello": "Hello, {name}",
  "account.items": "{count, plural, one {# item} other {# items}}",
  "login.title": "Sign in",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.failed": "Wrong email or password. Please try again.",
  "login.noAccount": "No account yet?",
  "login.register": "Create one",
  "register.title": "Create an account",
  "register.name": "Name or nickname",
  "register.passwordHint": "At least 8 characters",
  "register.submit": "Create account",
  "register.exists": "This email already has an account. Please sign in.",
  "register.haveAccount": "Already have an account?",
  "village.title": "{name}",
  "village.region": "Region",
  "village.households": "Households",
  "village.products": "Products",
  "village.notFound": "Village not found",
  "household.title": "Household {code}",
  "household.village": "Village",
  "household.story": "Their story",
  "household.products": "Their products",
  "household.noProducts": "Nothing from this household is on sale right now.",
  "household.notFound": "Household not found",
  "impact.title": "Impact",
  "impact.intro": "Every figure comes from the ledger, not an estimate. No figure describes fewer than {min} households, to protect their privacy.",
  "impact.households": "Households earning",
  "impact.villages": "Villages",
  "impact.earned": "Earned by households",
  "impact.paid": "Paid out to households",
  "impact.byVillage": "By village",
  "impact.other": "Other (pooled)",
  "impact.suppressed": "Fewer than {min} households take part so far; to protect their privacy no figures are published yet.",
  "impact.unavailable": "Impact figures cannot be shown right now. Please check back later.",
  "compound.title": "Choose my compound",
  "compound.current": "My compound: {name}",
  "compound.choose": "Choose my compound",
  "compound.change": "Change",
  "compound.search": "Search by city or compound name",
  "compound.searchSubmit": "Search",
  "compound.pick": "Choose this compound",
  "compound.picked": "Your choice",
  "point.address": "Address",
  "point.hours": "Office hours",
  "point.phone": "Office phone",
  "compound.none": "No compound matches.",
  "compound.comingSoon": "Choosing a pickup point opens soon. For now every order goes to your property office, which tells you when to collect.",
  "compound.saved": "Your compound is saved.",
  "checkout.cycleFixed": "The order goes into the round shown above only; if its cutoff passes before you submit, nothing is placed and it is never moved to the next round.",
  "confirm.showCode": "Show pickup code",
  "confirm.showCodeLabel": "Show pickup code (order {number})",
  "confirm.codeReplaces": "Each tap issues a new code and QR; the previous code and QR stop working.",
  "confirm.codeOnce": "This code is shown only now: take a screenshot or note it. Asking again issues a new code and this one stops working.",
  "confirm.qrAlt": "Pickup QR code (show it at the property office counter)",
  "confirm.codeUnavailable": "A pickup code cannot be issued for this order right now; try again later or contact the property office.",
  "compound.forCheckout": "Choose your compound before checking out: the order goes to its property office, where you collect it with your pickup code. You will come back to checkout.",
  "cycle.cutoff": "Orders close {time}",
  "cycle.countdown": "{time} left to order",
  "cycle.closed": "Orders for this round are closed",
  "cycle.window": "Pickup {window}",
  "error.cutoff.title": "Orders for this round just closed",
  "error.cutoff.body": "The cutoff passed while you were checking out. Your cart is kept; please choose the next round and order again.",
  "error.cutoff.action": "Back to the cart",
  "error.unauthorized.title": "Please sign in first",
  "form.required": "Please fill this in",
  "form.invalid": "This is not valid",
  "form.name.tooLong": "At most 20 characters",
  "form.mobile.invalid": "Enter an 11-digit mainland mobile number, e.g. 13800138000",
  "form.quantity.invalid": "Enter a whole number",
  "form.quantity.min": "At least 1; use Remove to take it out",
  "form.quantity.max": "At most 99 of one item",
  "form.email.invalid": "Enter a valid email address",
  "form.email.tooLong": "This email address is too long",
  "form.password.tooShort": "At least 8 characters",
  "form.password.tooLong": "At most 72 characters",
  "form.search.tooLong": "At most 30 characters",
  "form.errorSummary": "{count, plural, one {# field needs} other {# fields need}} attention",
  "checkout.email": "Email (optional)",
  "checkout.emailHint": "Register with this email later and the order appears under “My orders”.",
  "confirm.codeGuestNoProof": "This order was not placed on this device, so its pickup code cannot be shown here. Open it on the phone you ordered with, or sign in to the account you ordered with.",
  "order.cancelBeforeCutoff": "Can be canceled until the cutoff",
  "availability.title": "Not available this cycle",
  "availability.cutoff_passed": "This cycle at your compound has closed; this product can be ordered in the next cycle.",
  "availability.batch_closed": "This cycle's delivery batch to your compound is closed; this product cannot be ordered right now.",
  "availability.no_cycle": "Your compound has no open order cycle right now; this product cannot be ordered.",
  "availability.full.chilled": "Your compound's chilled storage is full this cycle; chilled products cannot be ordered right now.",
  "availability.full.ambient": "Your compound's storage is full this cycle; this product cannot be ordered right now.",
  "availability.badge": "Not this cycle",
  "availability.checkout": "Note: {reason}",
  "checkout.cycle.legend": "Pickup time",
  "checkout.cycle.option": "Collect {window}",
  "checkout.cycle.orderBy": "Order by {time}",
  "checkout.failedGeneric": "The order was not placed. Please check and try again; if it keeps happening, contact your property office.",
  "checkout.refused": "This round no longer takes orders",
  "checkout.refused.cycle": "the round collected {window}",
  "checkout.refused.thisCycle": "this round",
  "checkout.refused.cutoff_passed.title": "Orders for this round just closed",
  "checkout.refused.cutoff_passed.body": "The cutoff of {cycle} passed while you were checking out.",
  "checkout.refused.batch_closed.title": "This round's delivery has already left",
  "checkout.refused.batch_closed.body": "No more orders can be added to {cycle}.",
  "checkout.refused.full.title": "The pickup point is full for this round",
  "checkout.refused.full.body": "Your compound has no room left for {cycle}.",
  "checkout.refused.canceled.title": "This round was canceled",
  "checkout.refused.canceled.body": "{cycle} was canceled.",
  "checkout.refused.kept": "Nothing was ordered or charged, and everything you entered is kept.",
  "checkout.refused.switch": "Switch to the next round: collect {window}",
  "checkout.refused.none": "No round is open for orders right now. Please come back later; your cart is kept.",
  "checkout.stock.short": "Only {available} left of {product}. Nothing was placed and nothing was charged; please lower the quantity and order again.",
  "checkout.stock.soldOut": "{product} is sold out. Nothing was placed and nothing was charged; please remove it from your cart and order again.",
  "checkout.busy": "Many people are ordering right now. Nothing was placed and nothing was charged; please submit again in a few seconds.",
  "checkout.pointInactive": "This pickup point has closed. Nothing was placed; please choose another compound.",
  "form.cycle.required": "Choose when to collect",
}

const dictionaries: Record<Lang, Record<ShopMessageKey, string>> = { "zh-CN": zhCN, en }

/** More strings for part of the site (the office portal), per language. */
export type ExtraMessages = Record<Lang, Partial<Record<MessageKey, string>>>

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value)
}

/** Any value → a supported language, zh-CN when unknown. */
export function toLang(value: unknown): Lang {
  return isLang(value) ? value : DEFAULT_LANG
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/**
 * t(key, params) in one language. `extra` adds the strings of a part of the
 * site that only its own routes load; a key found nowhere shows as itself
 * rather than as "undefined".
 */
export function translator(lang: Lang, extra?: ExtraMessages): Translate {
  const messages: Partial<Record<MessageKey, string>> = dictionaries[lang]
  const more = extra?.[lang]
  return (key, params) => {
    const template = more?.[key] ?? messages[key] ?? key
    if (!params) return template
    return fill(template, params, lang)
  }
}

const pluralRules = new Map<Lang, Intl.PluralRules>()

function pluralCategory(lang: Lang, n: number): string {
  let rules = pluralRules.get(lang)
  if (!rules) {
    rules = new Intl.PluralRules(lang)
    pluralRules.set(lang, rules)
  }
  return rules.select(n)
}

/**
 * Fills {name} and the plural form {count, plural, one {# item} other {# items}}
 * (ICU's shape, "#" is the number): English needs "1 item" but "2 items";
 * Chinese has one form, so its strings never use it. Unknown parameters stay
 * visible as written.
 */
export function fill(template: string, params: Record<string, string | number>, lang: Lang): string {
  let out = ""
  let i = 0
  while (i < template.length) {
    const open = template.indexOf("{", i)
    if (open === -1) break
    out += template.slice(i, open)
    const plural = /^\{(\w+), *plural, */.exec(template.slice(open))
    if (plural) {
      const end = matchingBrace(template, open)
      const name = plural[1]!
      const value = params[name]
      if (end !== -1 && typeof value === "number") {
        const forms = pluralForms(template.slice(open + plural[0].length, end))
        const form = forms.get(`=${value}`) ?? forms.get(pluralCategory(lang, value)) ?? forms.get("other") ?? ""
        out += fill(form.replace(/#/g, String(value)), params, lang)
        i = end + 1
        continue
      }
    }
    const simple = /^\{(\w+)\}/.exec(template.slice(open))
    if (simple && simple[1]! in params) {
      out += String(params[simple[1]!])
      i = open + simple[0].length
      continue
    }
    out += "{"
    i = open + 1
  }
  return out + template.slice(i)
}

function matchingBrace(text: string, open: number): number {
  let depth = 0
  for (let j = open; j < text.length; j++) {
    if (text[j] === "{") depth++
    else if (text[j] === "}" && --depth === 0) return j
  }
  return -1
}

/** "one {# item} other {# items}" → one → "# item", other → "# items". */
function pluralForms(body: string): Map<string, string> {
  const forms = new Map<string, string>()
  let j = 0
  while (j < body.length) {
    const selector = /^\s*(=?\w+)\s*\{/.exec(body.slice(j))
    if (!selector) break
    const open = j + selector[0].length - 1
    const close = matchingBrace(body, open)
    if (close === -1) break
    forms.set(selector[1]!, body.slice(open + 1, close))
    j = close + 1
  }
  return forms
}

/** The language stored in a request's Cookie header, zh-CN when absent or unknown. */
export function langFromCookieHeader(header: string | null | undefined): Lang {
  if (!header) return DEFAULT_LANG
  for (const part of header.split(";")) {
    const eq = part.indexOf("=")
    if (eq === -1) continue
    if (part.slice(0, eq).trim() !== LANG_COOKIE) continue
    let value = part.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1)
    try {
      return toLang(decodeURIComponent(value))
    } catch {
      return DEFAULT_LANG
    }
  }
  return DEFAULT_LANG
}

/** A Set-Cookie value remembering the language for a year. */
export function langCookie(lang: Lang, { secure = false }: { secure?: boolean } = {}): string {
  const attributes = [`${LANG_COOKIE}=${encodeURIComponent(lang)}`, "Path=/", "Max-Age=31536000", "SameSite=Lax", "HttpOnly"]
  if (secure) attributes.push("Secure")
  return attributes.join("; ")
}

