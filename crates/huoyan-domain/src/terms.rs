//! Closed vocabularies of the domain, each value with its code (used in the API and the database) and
//! the users' own Chinese term (used in the UI, spreadsheets and reports).
//!
//! Every enum here deserialises from either its code (`hydrant_above`) or its Chinese term
//! (`地上消火栓`), so a brigade's Excel register and the JSON API accept the same words; it always
//! serialises to the code. Unknown words are rejected with the list of accepted ones.

/// Declares a vocabulary enum: `Variant = ("code", "中文")`. Module crates use it for their own
/// vocabularies (`huoyan_domain::terms!`); the crate using it needs `serde` and `utoipa`.
#[macro_export]
macro_rules! terms {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = ($code:literal, $zh:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, utoipa::ToSchema)]
        #[schema(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* #[schema(rename = $code)] $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every code, in declaration order (the OpenAPI document's enums).
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The code used in the API and the database.
            pub const fn code(self) -> &'static str { match self { $($name::$variant => $code),+ } }

            /// The users' Chinese term.
            pub const fn zh(self) -> &'static str { match self { $($name::$variant => $zh),+ } }

            /// Parses a code only (a stored value, a field that takes codes): no Chinese term,
            /// no trimming.
            pub fn from_code(s: &str) -> Option<Self> {
                $(if s == $code { return Some($name::$variant); })+
                None
            }

            /// Parses a code or a Chinese term (surrounding whitespace ignored).
            pub fn parse(s: &str) -> Option<Self> {
                let s = s.trim();
                $(if s == $code || s == $zh { return Some($name::$variant); })+
                None
            }

            /// The accepted words, for error messages: `code(中文), …`.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| format!("{}({})", v.code(), v.zh())).collect::<Vec<_>>().join(", ")
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result { f.write_str(self.code()) }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                Self::parse(s).ok_or_else(|| format!("unknown value {:?}; expected one of: {}", s, Self::expected()))
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> { s.serialize_str(self.code()) }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

terms! {
    /// Level of a node in the jurisdiction tree (市 › 县/区 › 乡镇/街道 › 村/社区 › 网格).
    JurisdictionLevel {
        City = ("city", "市"),
        County = ("county", "县/区"),
        Township = ("township", "乡镇/街道"),
        Village = ("village", "村/社区"),
        Grid = ("grid", "网格"),
    }
}

impl JurisdictionLevel {
    /// Depth in the tree, the city being 0.
    pub fn depth(self) -> u8 {
        self as u8
    }
}

terms! {
    /// Kind of fire force (建标152-2017 §七–八 for the national stations; 微型消防站 per 公消〔2015〕301号).
    StationKind {
        Special = ("special", "特勤站"),
        Level1 = ("level1", "一级普通站"),
        Level2 = ("level2", "二级普通站"),
        Small = ("small", "小型普通站"),
        Logistics = ("logistics", "战勤保障站"),
        GovFullTime = ("gov_full_time", "政府专职消防队"),
        Enterprise = ("enterprise", "企业专职消防队"),
        Volunteer = ("volunteer", "志愿消防队"),
        Micro = ("micro", "微型消防站"),
    }
}

terms! {
    /// Readiness of a station.
    StationStatus {
        OnDuty = ("on_duty", "执勤"),
        Reduced = ("reduced", "减员执勤"),
        OutOfService = ("out_of_service", "停勤"),
        Planned = ("planned", "规划/在建"),
    }
}

terms! {
    /// Vehicle family (建标152-2017 vehicle table, four families).
    VehicleFamily {
        Firefighting = ("firefighting", "灭火消防车"),
        Aerial = ("aerial", "举高消防车"),
        Special = ("special", "专勤消防车"),
        Support = ("support", "战勤保障消防车"),
    }
}

terms! {
    /// Vehicle status, following the incident timeline (the dispatch issue drives the transitions).
    VehicleStatus {
        InStation = ("in_station", "在队"),
        Dispatched = ("dispatched", "出动"),
        EnRoute = ("en_route", "途中"),
        OnScene = ("on_scene", "到场"),
        Returning = ("returning", "返队"),
        Maintenance = ("maintenance", "检修"),
    }
}

terms! {
    /// Kind of fire water source (GB 50974-2014 terms).
    WaterKind {
        HydrantAbove = ("hydrant_above", "地上消火栓"),
        HydrantBelow = ("hydrant_below", "地下消火栓"),
        WaterCrane = ("water_crane", "消防水鹤"),
        Pool = ("pool", "消防水池"),
        NaturalIntake = ("natural_intake", "天然水源取水点"),
        Dock = ("dock", "取水码头"),
    }
}

impl WaterKind {
    /// Whether this is a municipal hydrant (市政消火栓).
    pub fn is_hydrant(self) -> bool {
        matches!(self, WaterKind::HydrantAbove | WaterKind::HydrantBelow)
    }
}

terms! {
    /// Condition of a water source.
    WaterStatus {
        Intact = ("intact", "完好"),
        Damaged = ("damaged", "损坏"),
        Disabled = ("disabled", "停用"),
        Unverified = ("unverified", "待核实"),
    }
}

terms! {
    /// Road class, as a travel-time model needs it (OSM `highway=*` classes; GIS layers are mapped onto these).
    RoadClass {
        Motorway = ("motorway", "高速公路"),
        Trunk = ("trunk", "快速路/国道"),
        Primary = ("primary", "主干路"),
        Secondary = ("secondary", "次干路"),
        Tertiary = ("tertiary", "支路"),
        Unclassified = ("unclassified", "乡村道路"),
        Residential = ("residential", "街坊路"),
        LivingStreet = ("living_street", "生活街道"),
        Service = ("service", "内部道路"),
        Track = ("track", "机耕路"),
    }
}

terms! {
    /// Who may drive a road (OSM `access`/`motor_vehicle` collapsed to what matters to a fire engine).
    RoadAccess {
        Yes = ("yes", "通行"),
        Destination = ("destination", "仅限到达"),
        Private = ("private", "专用"),
        Emergency = ("emergency", "仅应急车辆"),
        No = ("no", "禁行"),
    }
}

terms! {
    /// Use category of a social unit (社会单位), the basis of its classification
    /// (公安部令第61号第十三条 categories; 九小场所 types).
    UseCategory {
        Mall = ("mall", "商场/市场"),
        Shop = ("shop", "商店"),
        Hotel = ("hotel", "宾馆/旅馆"),
        Restaurant = ("restaurant", "餐饮场所"),
        Entertainment = ("entertainment", "歌舞娱乐放映游艺场所"),
        InternetCafe = ("internet_cafe", "网吧"),
        Leisure = ("leisure", "休闲健身场所"),
        Sports = ("sports", "体育场馆"),
        Auditorium = ("auditorium", "会堂"),
        Hospital = ("hospital", "医院"),
        Clinic = ("clinic", "诊所/卫生院"),
        ElderlyCare = ("elderly_care", "养老院/福利院"),
        BoardingSchool = ("boarding_school", "寄宿制学校"),
        School = ("school", "非寄宿制学校"),
        Kindergarten = ("kindergarten", "托儿所/幼儿园"),
        Government = ("government", "国家机关"),
        BroadcastTelecom = ("broadcast_telecom", "广播电视/邮政通信枢纽"),
        TransportHub = ("transport_hub", "客运车站/码头"),
        Airport = ("airport", "民用机场"),
        LibraryExhibition = ("library_exhibition", "图书馆/展览馆"),
        MuseumArchive = ("museum_archive", "博物馆/档案馆"),
        Heritage = ("heritage", "文物保护单位"),
        Power = ("power", "发电厂/电网企业"),
        HazmatPlant = ("hazmat_plant", "易燃易爆化学物品生产/储存单位"),
        FuelStation = ("fuel_station", "加油站/加气站"),
        HazmatShop = ("hazmat_shop", "易燃易爆危险品销售"),
        LaborIntensive = ("labor_intensive", "劳动密集型企业"),
        Research = ("research", "重要科研单位"),
        Office = ("office", "办公楼"),
        Factory = ("factory", "生产加工企业"),
        Warehouse = ("warehouse", "仓库/堆场"),
        Residential = ("residential", "住宅"),
        Other = ("other", "其他"),
    }
}

terms! {
    /// Classes a unit is put in by the classification rules (docs/standards/unit-classes.md §6–7).
    UnitClass {
        KeyUnit = ("key_unit", "消防安全重点单位"),
        HighRisk = ("high_risk", "火灾高危单位"),
        NineSmall = ("nine_small", "九小场所"),
        ThreeInOne = ("three_in_one", "三合一场所"),
    }
}

terms! {
    /// Account roles. What each may do is in [`crate::access`].
    Role {
        Admin = ("admin", "系统管理员"),
        Dispatcher = ("dispatcher", "指挥中心调度员"),
        Inspector = ("inspector", "防火监督员"),
        Logistics = ("logistics", "战勤保障"),
        Leader = ("leader", "大队/支队领导"),
        Township = ("township", "乡镇/街道、派出所"),
        UnitManager = ("unit_manager", "社会单位管理人"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_code_and_chinese_term() {
        assert_eq!(WaterStatus::parse("完好"), Some(WaterStatus::Intact));
        assert_eq!(WaterStatus::parse(" damaged "), Some(WaterStatus::Damaged));
        assert_eq!(StationKind::parse("微型消防站"), Some(StationKind::Micro));
        assert_eq!(WaterStatus::parse("broken"), None);
    }

    #[test]
    fn serde_round_trip_and_clear_error() {
        let v: WaterKind = serde_json::from_str("\"消防水鹤\"").unwrap();
        assert_eq!(v, WaterKind::WaterCrane);
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"water_crane\"");
        let err = serde_json::from_str::<WaterKind>("\"tap\"").unwrap_err().to_string();
        assert!(err.contains("unknown value \"tap\""), "{err}");
        assert!(err.contains("hydrant_above(地上消火栓)"), "{err}");
    }

    #[test]
    fn codes_and_terms_are_unique() {
        fn check<T: Copy + std::fmt::Debug>(all: &[T], code: fn(T) -> &'static str, zh: fn(T) -> &'static str) {
            let mut seen = std::collections::HashSet::new();
            for v in all {
                assert!(seen.insert(code(*v)), "duplicate code {v:?}");
                assert!(seen.insert(zh(*v)), "duplicate term {v:?}");
            }
        }
        check(UseCategory::ALL, UseCategory::code, UseCategory::zh);
        check(StationKind::ALL, StationKind::code, StationKind::zh);
        check(RoadClass::ALL, RoadClass::code, RoadClass::zh);
        check(Role::ALL, Role::code, Role::zh);
    }
}
