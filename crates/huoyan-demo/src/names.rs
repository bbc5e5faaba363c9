//! People's names and telephone numbers: Chinese personal names drawn from surname frequencies
//! (the hundred most common surnames, weighted roughly by population share) and given-name
//! characters, mainland mobile numbers and local landlines.

use crate::sample::{DemoRng, chance, digits, pick, weighted};

/// Surnames with rough relative frequencies (per mille of the population).
#[rustfmt::skip]
const SURNAMES: &[(&str, u32)] = &[
    ("王", 72), ("李", 71), ("张", 70), ("刘", 53), ("陈", 45), ("杨", 33), ("黄", 25), ("赵", 21), ("吴", 20),
    ("周", 20), ("徐", 15), ("孙", 15), ("马", 20), ("朱", 14), ("胡", 13), ("郭", 12), ("何", 12), ("高", 11),
    ("林", 11), ("罗", 10), ("郑", 10), ("梁", 9), ("谢", 8), ("宋", 8), ("唐", 8), ("许", 7), ("韩", 7), ("冯", 7),
    ("邓", 7), ("曹", 7), ("彭", 6), ("曾", 6), ("肖", 6), ("田", 6), ("董", 6), ("袁", 5), ("潘", 5), ("于", 5),
    ("蒋", 5), ("蔡", 5), ("余", 5), ("杜", 5), ("叶", 5), ("程", 5), ("苏", 4), ("魏", 4), ("吕", 4), ("丁", 4),
    ("任", 4), ("沈", 4), ("姚", 4), ("卢", 4), ("姜", 4), ("崔", 4), ("钟", 4), ("谭", 3), ("陆", 3), ("汪", 3),
    ("范", 3), ("金", 3), ("石", 3), ("廖", 3), ("贾", 3), ("夏", 3), ("韦", 3), ("付", 3), ("方", 3), ("白", 3),
    ("邹", 3), ("孟", 3), ("熊", 3), ("秦", 3), ("邱", 3), ("江", 3), ("尹", 3), ("薛", 2), ("闫", 2), ("段", 2),
    ("雷", 2), ("侯", 2), ("龙", 2), ("史", 2), ("陶", 2), ("黎", 2), ("贺", 2), ("顾", 2), ("毛", 2), ("郝", 2),
    ("龚", 2), ("邵", 2), ("万", 2), ("钱", 2), ("严", 2), ("武", 2), ("戴", 2), ("纳", 1), ("海", 1), ("拓", 1),
    ("欧阳", 1), ("上官", 1),
];

/// Given-name characters common in men's names.
#[rustfmt::skip]
const GIVEN_MALE: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宇",
    "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建", "国", "志", "文", "海", "东", "亮", "晨",
    "博", "振", "峰", "成", "兵", "锋", "力", "庆", "远", "子", "轩", "宏", "昊", "天", "嘉", "泽", "瑞", "凡", "永",
    "德", "春", "学", "卫", "忠", "金", "晓",
];

/// Given-name characters common in women's names.
#[rustfmt::skip]
const GIVEN_FEMALE: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "燕", "玲", "桂", "丹", "萍", "红", "玉", "兰", "婷", "雪",
    "琳", "晶", "欣", "怡", "佳", "慧", "颖", "倩", "洁", "梅", "莉", "璐", "瑶", "萱", "雯", "蕾", "晓", "春", "月",
    "淑", "文",
];

/// A surname.
pub(crate) fn surname(rng: &mut DemoRng) -> &'static str {
    weighted(rng, SURNAMES).unwrap_or("王")
}

/// A full personal name; `female_share` is the chance of a woman's given name.
pub(crate) fn person_name(rng: &mut DemoRng, female_share: f64) -> String {
    let pool = if chance(rng, female_share) { GIVEN_FEMALE } else { GIVEN_MALE };
    let mut name = String::from(surname(rng));
    name.push_str(pick(rng, pool));
    if chance(rng, 0.7) {
        name.push_str(pick(rng, pool));
    }
    name
}

/// Mobile prefixes other than 13x.
#[rustfmt::skip]
const MOBILE_OTHER: &[&str] = &[
    "150", "151", "152", "153", "155", "156", "157", "158", "159", "177", "180", "181", "182", "183", "186", "187",
    "188", "189", "191", "199",
];

/// A mainland mobile number, mostly 13x.
pub(crate) fn mobile(rng: &mut DemoRng) -> String {
    let prefix = if chance(rng, 0.6) { format!("13{}", digits(rng, 1)) } else { pick(rng, MOBILE_OTHER).to_string() };
    format!("{prefix}{}", digits(rng, 8))
}

/// A local landline with the demo's area code (0951, 银川).
pub(crate) fn landline(rng: &mut DemoRng) -> String {
    let first = pick(rng, &["5", "6", "8"]);
    format!("0951-{first}{}", digits(rng, 6))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::rng_for;

    #[test]
    fn names_and_numbers_look_right() {
        let mut rng = rng_for(3, 0);
        for _ in 0..200 {
            let n = person_name(&mut rng, 0.3);
            let len = n.chars().count();
            assert!((2..=4).contains(&len), "{n}");
            let m = mobile(&mut rng);
            assert!(m.len() == 11 && m.starts_with('1') && m.chars().all(|c| c.is_ascii_digit()), "{m}");
            assert_eq!(landline(&mut rng).len(), 12);
        }
    }
}
