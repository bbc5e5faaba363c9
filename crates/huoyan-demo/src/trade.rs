//! Unit names as a Chinese register shows them: trade names (字号 + 行业, e.g. 鑫源五金店),
//! family-style names (王记川味小馆), address-style names for small unnamed shops
//! (`Cambridge St 1337号 川味小馆`), company names (宁夏鑫源机械制造有限公司) and institutional
//! names (永宁县第一人民医院). Templates use `{z}` (字号), `{s}` (surname), `{n}` (ordinal 一…十),
//! `{c}` (county or city prefix) and `{r}` (company region prefix).

use huoyan_domain::UseCategory;

use crate::names::surname;
use crate::sample::{DemoRng, chance, pick, weighted};

/// 字号: trade-name prefixes.
#[rustfmt::skip]
const ZIHAO: &[&str] = &[
    "鑫源", "宏达", "华联", "永盛", "隆兴", "顺发", "聚福", "好运来", "万家", "天天", "东方", "新华", "红星", "佳佳",
    "恒通", "兴旺", "和顺", "同福", "德顺", "嘉禾", "金鼎", "福满", "盛世", "金桥", "长青", "富源", "天和", "瑞丰",
    "荣昌", "鸿运", "百信", "惠民", "利民", "新城", "阳光", "春雨", "明珠", "金城", "祥和", "康达", "众诚", "永安",
    "大成", "泰和", "信达", "海川", "博雅", "启明", "旭日", "贺兰", "塞上", "凤城", "黄河", "六盘", "西夏", "银湖",
    "宁安", "丰收", "瑞雪", "君悦", "锦绣", "星光", "蓝天", "绿洲", "金凤", "悦来", "一品", "喜来", "来福", "鼎盛",
    "汇通", "宏图", "昌盛", "兴隆", "福源", "宝丰", "金泰", "华泰", "正阳", "立新", "友谊", "团结", "胜利", "同心",
];

const ORDINALS: &[(&str, u32)] =
    &[("一", 30), ("二", 22), ("三", 16), ("四", 10), ("五", 8), ("六", 5), ("七", 4), ("八", 3), ("九", 1), ("十", 1)];

/// How a category's names are formed.
enum Style {
    /// Street-front business: 字号 + noun, 姓记 + noun, or street address + noun.
    Trade(&'static [&'static str]),
    /// A company: region prefix + 字号 + noun.
    Company(&'static [&'static str]),
    /// Full templates.
    Templates(&'static [&'static str]),
}

#[rustfmt::skip]
fn style(cat: UseCategory, big: bool) -> Style {
    use Style::*;
    use UseCategory::*;
    match (cat, big) {
        (Shop, false) => Trade(&[
            "便利店", "超市", "五金店", "烟酒店", "水果店", "服装店", "鞋店", "母婴用品店", "文具店", "手机店",
            "家电商行", "建材店", "灯具店", "床上用品店", "副食店", "大药房", "眼镜店", "花店", "茶叶店", "百货店",
            "粮油店", "农资店", "家具店", "布艺店", "小卖部", "日杂店", "枸杞特产店",
        ]),
        (Shop, true) => {
            Templates(&["{z}生活超市", "{z}购物广场", "{z}家居建材城", "{z}家电卖场", "{z}百货商店", "{z}批发超市"])
        }
        (Restaurant, false) => Trade(&[
            "川味小馆", "兰州拉面", "老北京炸酱面", "沙县小吃", "黄焖鸡米饭", "重庆小面", "东北饺子馆", "湘菜馆",
            "火锅店", "烧烤店", "麻辣烫", "快餐店", "包子铺", "米线店", "家常菜馆", "农家菜馆", "羊肉馆",
            "手抓羊肉馆", "烩面馆", "早餐店", "清真餐厅", "牛肉面馆", "串串香", "茶餐厅", "羊杂碎",
        ]),
        (Restaurant, true) => {
            Templates(&["{z}大酒楼", "{z}饭店", "{z}海鲜酒楼", "{z}火锅城", "{z}宴会中心", "{z}清真大饭店"])
        }
        (Hotel, false) => Trade(&["旅馆", "招待所", "快捷宾馆", "民宿", "客栈", "宾馆", "商务宾馆", "家庭旅馆"]),
        (Hotel, true) => Templates(&["{z}大酒店", "{z}宾馆", "{z}国际酒店", "{z}商务酒店", "{z}假日酒店", "{z}大饭店"]),
        (Leisure, _) => Trade(&[
            "足浴店", "洗浴中心", "美容美发店", "理发店", "养生馆", "健身房", "瑜伽馆", "按摩店", "美甲店", "汗蒸馆",
            "棋牌室", "台球室", "美容院",
        ]),
        (Entertainment, false) => {
            Trade(&["KTV", "量贩式KTV", "歌舞厅", "影城", "游艺厅", "电玩城", "剧本杀馆", "密室逃脱", "酒吧", "演艺厅"])
        }
        (Entertainment, true) => Templates(&["{z}国际影城", "{z}娱乐城", "{z}量贩式KTV", "{z}演艺中心", "{z}电影院"]),
        (InternetCafe, _) => Trade(&["网吧", "网咖", "电竞馆", "网络会所"]),
        (HazmatShop, _) => {
            Trade(&["烟花爆竹经营部", "油漆涂料店", "液化气供应站", "化工商行", "气体经营部", "酒精经营部"])
        }
        (Other, _) => Trade(&[
            "汽车修理厂", "洗车店", "驾校", "培训学校", "物业服务中心", "快递驿站", "废品回收站", "电动车维修店",
            "汽车美容店", "装饰工程部", "图文印刷店", "干洗店",
        ]),
        (Clinic, _) => Trade(&["诊所", "口腔诊所", "中医诊所", "门诊部", "卫生室", "社区卫生服务站", "卫生院"]),
        (Factory, _) => Company(&[
            "机械制造有限公司", "五金制品厂", "木器加工厂", "印刷厂", "塑料制品有限公司", "食品加工厂", "家具厂",
            "包装材料有限公司", "汽车配件有限公司", "建材有限公司", "枸杞加工厂", "乳制品有限公司", "门窗加工厂",
            "钢结构有限公司",
        ]),
        (LaborIntensive, _) => Company(&[
            "服装有限公司", "制衣厂", "鞋业有限公司", "电子科技有限公司", "玩具厂", "箱包厂", "纺织有限公司",
            "家纺有限公司", "羊绒制品有限公司",
        ]),
        (Warehouse, _) => {
            Company(&["物流有限公司仓库", "仓储有限公司", "冷库", "货运站", "物资仓库", "快递分拨中心", "冷链仓储中心"])
        }
        (Office, false) => Company(&[
            "科技有限公司", "信息技术有限公司", "投资有限公司", "律师事务所", "房地产开发有限公司",
            "物业管理有限公司", "会计师事务所", "保险代理有限公司", "建筑工程有限公司", "商贸有限公司",
        ]),
        (Office, true) => Templates(&["{z}大厦", "{z}国际大厦", "{z}商务中心", "{z}金融中心", "{z}广场写字楼"]),
        (HazmatPlant, _) => Company(&["化工有限公司", "液化气储配站", "油库", "燃气有限公司储配站"]),
        (Research, _) => Templates(&[
            "{c}农业科学研究所",
            "{c}质量检验检测中心",
            "{r}{z}设计研究院",
            "{r}{z}材料研究所",
            "{c}疾病预防控制中心实验室",
        ]),
        (Hospital, _) => Templates(&[
            "{c}人民医院", "{c}第{n}人民医院", "{c}中医医院", "{c}妇幼保健院", "{z}医院", "{z}骨科医院",
            "{z}口腔医院", "{c}康复医院", "{z}眼科医院", "{c}回民医院",
        ]),
        (ElderlyCare, _) => {
            Templates(&["{c}敬老院", "{z}养老院", "{z}颐养中心", "{z}老年公寓", "{c}社会福利院", "{z}康养中心"])
        }
        (BoardingSchool, _) => Templates(&[
            "{c}第{n}高级中学", "{c}第{n}中学", "{c}职业技术学校", "{z}寄宿制学校", "{c}回民中学", "{z}外国语学校",
            "{c}特殊教育学校",
        ]),
        (School, _) => {
            Templates(&["{c}第{n}小学", "{c}第{n}中学", "{z}实验小学", "{z}小学", "{z}初级中学", "{z}中心小学"])
        }
        (Kindergarten, _) => Templates(&[
            "{c}第{n}幼儿园", "{z}幼儿园", "{z}双语幼儿园", "{z}艺术幼儿园", "{z}托育中心", "{c}机关幼儿园",
        ]),
        (Government, _) => Templates(&[
            "永宁县人民政府", "永宁县人民法院", "永宁县人民检察院", "永宁县公安局", "国家税务总局永宁县税务局",
            "永宁县市场监督管理局", "永宁县自然资源局", "永宁县教育局", "永宁县卫生健康局", "永宁县人大常委会",
            "政协永宁县委员会", "永宁县住房和城乡建设局", "永宁县应急管理局", "{z}街道办事处", "{z}镇人民政府",
        ]),
        (BroadcastTelecom, _) => Templates(&[
            "{c}广播电视台",
            "{c}邮政分公司",
            "{c}电信分公司通信枢纽楼",
            "{c}移动通信机楼",
            "{c}邮件处理中心",
        ]),
        (TransportHub, _) => {
            Templates(&["{c}汽车客运站", "{c}客运中心", "{z}公交枢纽站", "{c}城乡公交总站", "{c}火车站"])
        }
        (LibraryExhibition, _) => {
            Templates(&["{c}图书馆", "{c}会展中心", "{c}规划展览馆", "{c}科技馆", "{c}美术馆", "{c}文化馆"])
        }
        (MuseumArchive, _) => Templates(&["{c}博物馆", "{c}档案馆", "{c}革命纪念馆", "{c}民俗博物馆", "{c}城建档案馆"]),
        (Heritage, _) => Templates(&[
            "{s}氏宗祠", "{c}文庙", "{c}城隍庙", "{z}古戏台", "{z}书院", "{c}钟鼓楼", "{z}清真寺", "{z}古塔",
            "{s}家大院", "{z}会馆",
        ]),
        (Sports, _) => Templates(&["{c}体育馆", "{c}全民健身中心", "{c}游泳馆", "{c}体育中心"]),
        (Auditorium, _) => Templates(&["{c}大会堂", "{c}人民会堂", "{c}文化艺术中心", "{c}大剧院"]),
        (Power, _) => {
            Templates(&["国网永宁县供电公司{z}110kV变电站", "{c}热电厂", "国网永宁县供电公司调度楼", "{z}光伏电站"])
        }
        (FuelStation, _) => Templates(&["{z}加油站", "{z}加气站", "{z}加油加气站", "{c}{z}加油站"]),
        (Mall, _) => Templates(&[
            "{z}购物中心", "{z}商厦", "{z}百货大楼", "{z}商业广场", "{c}农贸市场", "{z}小商品市场", "{z}建材市场",
            "{z}家具城",
        ]),
        (Residential, _) => {
            Templates(&["{z}花园", "{z}小区", "{z}家园", "{z}苑", "{z}新村", "{z}公寓", "{z}华庭", "{z}名邸"])
        }
        (Airport, _) => Templates(&["{c}通用机场"]),
    }
}

fn fill(rng: &mut DemoRng, template: &str) -> String {
    let mut out = template.to_string();
    if out.contains("{z}") {
        out = out.replace("{z}", pick(rng, ZIHAO));
    }
    if out.contains("{s}") {
        out = out.replace("{s}", surname(rng));
    }
    if out.contains("{n}") {
        out = out.replace("{n}", weighted(rng, ORDINALS).unwrap_or("一"));
    }
    if out.contains("{c}") {
        out = out.replace("{c}", if chance(rng, 0.75) { "永宁县" } else { "银川市" });
    }
    if out.contains("{r}") {
        let r = weighted(rng, &[("宁夏", 35), ("银川", 15), ("永宁县", 20), ("", 30)]).unwrap_or("");
        out = out.replace("{r}", r);
    }
    out
}

/// The address-style label of a spot: `Cambridge St 1337号` or `解放路1337号`.
pub(crate) fn street_label(street: &str, number: u32) -> String {
    if street.is_ascii() { format!("{street} {number}号") } else { format!("{street}{number}号") }
}

/// A name for a unit of this category at `street` / `number` (not yet made unique).
pub(crate) fn unit_name(rng: &mut DemoRng, cat: UseCategory, big: bool, street: &str, number: u32) -> String {
    match style(cat, big) {
        Style::Trade(nouns) => {
            let noun = pick(rng, nouns);
            let family = matches!(cat, UseCategory::Shop | UseCategory::Restaurant | UseCategory::Clinic);
            let r: f64 = crate::sample::uniform(rng, 0.0, 1.0);
            if r < 0.25 && !street.trim().is_empty() {
                format!("{} {noun}", street_label(street, number))
            } else if r < 0.42 && family {
                format!("{}记{noun}", surname(rng))
            } else {
                format!("{}{noun}", pick(rng, ZIHAO))
            }
        }
        Style::Company(nouns) => {
            let template = format!("{{r}}{{z}}{}", pick(rng, nouns));
            fill(rng, &template)
        }
        Style::Templates(ts) => {
            let template = pick(rng, ts);
            fill(rng, template)
        }
    }
}

/// A variant of a taken name: a chain-store or campus suffix naming the street, then a number.
pub(crate) fn variant(cat: UseCategory, name: &str, street: &str, attempt: u32) -> String {
    let commercial = matches!(
        cat,
        UseCategory::Shop
            | UseCategory::Restaurant
            | UseCategory::Hotel
            | UseCategory::Leisure
            | UseCategory::Entertainment
            | UseCategory::InternetCafe
            | UseCategory::FuelStation
            | UseCategory::HazmatShop
            | UseCategory::Mall
            | UseCategory::Other
    );
    let street = street.trim();
    match (attempt, street.is_empty()) {
        (0, false) if commercial => format!("{name}（{street}店）"),
        (0, false) => format!("{name}（{street}院区）"),
        _ => format!("{name}（{}）", attempt + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::rng_for;

    #[test]
    fn every_category_gets_a_filled_name() {
        let mut rng = rng_for(9, 0);
        for cat in UseCategory::ALL {
            for big in [false, true] {
                for _ in 0..20 {
                    let n = unit_name(&mut rng, *cat, big, "Cambridge St", 1337);
                    assert!(!n.trim().is_empty() && !n.contains('{'), "{cat:?} {n}");
                }
            }
        }
        assert_eq!(street_label("解放路", 12), "解放路12号");
        assert_eq!(variant(UseCategory::Restaurant, "兰州拉面", "Main St", 0), "兰州拉面（Main St店）");
        assert_eq!(variant(UseCategory::Hospital, "人民医院", "", 0), "人民医院（1）");
    }
}
