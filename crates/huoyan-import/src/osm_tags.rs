//! How OpenStreetMap tags map onto Huoyan's fields: road class, one-way, access and speed limit;
//! building levels and height; water-source kind, flow, pressure and diameter; addresses. Pure
//! functions on tag values, so each rule is tested on its own. Values that do not parse (or fall
//! outside what the record accepts) become `None` rather than losing the whole feature.

use huoyan_domain::{RoadAccess, RoadClass, WaterKind};

/// An element's tags.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tags(pub(crate) Vec<(String, String)>);

impl Tags {
    pub(crate) fn of<'a>(it: impl Iterator<Item = (&'a str, &'a str)>) -> Tags {
        Tags(it.map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    /// The value of `key`, trimmed, when present and not blank.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }

    /// The first of `keys` that is present.
    pub(crate) fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.get(k))
    }

    /// The element's name, Chinese first.
    pub(crate) fn name(&self) -> Option<String> {
        self.first(&["name:zh", "name:zh-Hans", "name"]).map(str::to_string)
    }

    /// A `building=*` value that marks a building (anything but `no`).
    pub(crate) fn building(&self) -> Option<&str> {
        self.get("building").filter(|v| *v != "no")
    }

    /// Whether the element is a fire station.
    pub(crate) fn is_fire_station(&self) -> bool {
        self.get("amenity") == Some("fire_station")
    }
}

/// Road class of a drivable `highway=*` value (`*_link` map to their main class); `None` for
/// footways, paths, cycleways, steps, construction …
pub(crate) fn road_class(highway: &str) -> Option<RoadClass> {
    Some(match highway.strip_suffix("_link").unwrap_or(highway) {
        "motorway" => RoadClass::Motorway,
        "trunk" => RoadClass::Trunk,
        "primary" => RoadClass::Primary,
        "secondary" => RoadClass::Secondary,
        "tertiary" => RoadClass::Tertiary,
        "unclassified" => RoadClass::Unclassified,
        "residential" => RoadClass::Residential,
        "living_street" => RoadClass::LivingStreet,
        "service" => RoadClass::Service,
        "track" => RoadClass::Track,
        _ => return None,
    })
}

/// One-way: 1 along the way, -1 against it, 0 both. Roundabouts and motorways are one-way unless
/// tagged `oneway=no`.
pub(crate) fn oneway(tags: &Tags) -> i8 {
    match tags.get("oneway") {
        Some("yes" | "1" | "true") => 1,
        Some("-1" | "reverse") => -1,
        Some("no" | "0" | "false") => 0,
        _ => {
            let roundabout = matches!(tags.get("junction"), Some("roundabout" | "circular"));
            let motorway = matches!(tags.get("highway"), Some("motorway" | "motorway_link"));
            i8::from(roundabout || motorway)
        }
    }
}

/// Who may drive the road: the most specific of `motorcar`, `motor_vehicle`, `vehicle`, `access`.
/// A closed road that emergency vehicles may use (`emergency=yes|designated`) is `Emergency`.
pub(crate) fn access(tags: &Tags) -> RoadAccess {
    let value = tags.first(&["motorcar", "motor_vehicle", "vehicle", "access"]);
    let a = match value {
        Some("no") => RoadAccess::No,
        Some("private") => RoadAccess::Private,
        Some("destination" | "delivery" | "customers") => RoadAccess::Destination,
        Some("emergency") => RoadAccess::Emergency,
        _ => RoadAccess::Yes,
    };
    let emergency_allowed = matches!(tags.get("emergency"), Some("yes" | "designated"));
    if emergency_allowed && matches!(a, RoadAccess::No | RoadAccess::Private) { RoadAccess::Emergency } else { a }
}

/// Splits `"50 mph"` into the number and the rest (lower case, trimmed).
fn number_and_unit(s: &str) -> Option<(f64, String)> {
    let s = s.trim();
    let end = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let v: f64 = s[..end].parse().ok()?;
    v.is_finite().then(|| (v, s[end..].trim().to_lowercase()))
}

fn within(v: f64, min: f64, max: f64) -> Option<f64> {
    (v >= min && v <= max).then_some(v)
}

/// `maxspeed`: `"50"`, `"50 km/h"` or `"30 mph"` → km/h; `none`, `walk`, `RU:urban` … → `None`.
pub(crate) fn maxspeed_kmh(s: &str) -> Option<f64> {
    let (v, unit) = number_and_unit(s)?;
    let kmh = match unit.as_str() {
        "" | "km/h" | "kmh" | "kph" => v,
        "mph" => v * 1.609_344,
        _ => return None,
    };
    within(kmh, 1.0, 200.0)
}

/// `building:levels` (and `building:levels:underground`): a whole number of floors.
pub(crate) fn levels(s: &str, max: i64) -> Option<i64> {
    let v: f64 = s.trim().parse().ok()?;
    let v = v.round();
    (v.is_finite() && v >= 0.0 && v <= max as f64).then_some(v as i64)
}

/// `height`: metres, `"12"`, `"12 m"`, `"12m"`.
pub(crate) fn height_m(s: &str) -> Option<f64> {
    let (v, unit) = number_and_unit(s)?;
    match unit.as_str() {
        "" | "m" => within(v, 0.0, 1000.0),
        _ => None,
    }
}

/// Water-source kind of an `emergency=*` value.
pub(crate) fn water_kind(tags: &Tags) -> Option<WaterKind> {
    match tags.get("emergency")? {
        "fire_hydrant" if tags.get("fire_hydrant:type") == Some("underground") => Some(WaterKind::HydrantBelow),
        "fire_hydrant" => Some(WaterKind::HydrantAbove),
        "water_tank" | "fire_water_pond" => Some(WaterKind::Pool),
        "suction_point" => Some(WaterKind::NaturalIntake),
        _ => None,
    }
}

/// `flow_rate`: litres per minute unless `m3/h` (or `l/s`) is given → L/s.
pub(crate) fn flow_lps(s: &str) -> Option<f64> {
    let (v, unit) = number_and_unit(s)?;
    let lps = match unit.as_str() {
        "" | "l/min" | "lpm" => v / 60.0,
        "m3/h" | "m³/h" => v / 3.6,
        "l/s" => v,
        _ => return None,
    };
    within(lps, 0.0, 1000.0)
}

/// `fire_hydrant:pressure` / `pressure`: bar → MPa; `suction` and the like → `None`.
pub(crate) fn pressure_mpa(s: &str) -> Option<f64> {
    let (v, unit) = number_and_unit(s)?;
    match unit.as_str() {
        "" | "bar" => within(v * 0.1, 0.0, 5.0),
        _ => None,
    }
}

/// `fire_hydrant:diameter` / `diameter`: millimetres, `"100"`, `"DN100"`, `"100 mm"`.
pub(crate) fn diameter_mm(s: &str) -> Option<f64> {
    let s = s.trim();
    let s = s.strip_prefix("DN").or_else(|| s.strip_prefix("dn")).unwrap_or(s);
    let (v, unit) = number_and_unit(s)?;
    match unit.as_str() {
        "" | "mm" => within(v, 0.0, 2000.0),
        _ => None,
    }
}

/// An address from `addr:full`, or `addr:street addr:housenumber, addr:postcode addr:city`.
pub(crate) fn address(tags: &Tags) -> Option<String> {
    if let Some(full) = tags.get("addr:full") {
        return Some(full.to_string());
    }
    let join = |a: Option<&str>, b: Option<&str>| -> Option<String> {
        let parts: Vec<&str> = [a, b].into_iter().flatten().collect();
        (!parts.is_empty()).then(|| parts.join(" "))
    };
    let street = join(tags.get("addr:street").or_else(|| tags.get("addr:place")), tags.get("addr:housenumber"));
    let town = join(tags.get("addr:postcode"), tags.get("addr:city"));
    let parts: Vec<String> = [street, town].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(kv: &[(&str, &str)]) -> Tags {
        Tags::of(kv.iter().copied())
    }

    #[test]
    fn roads() {
        assert_eq!(road_class("primary_link"), Some(RoadClass::Primary));
        assert_eq!(road_class("footway"), None);
        assert_eq!(oneway(&tags(&[("junction", "roundabout")])), 1);
        assert_eq!(oneway(&tags(&[("highway", "motorway"), ("oneway", "no")])), 0);
        assert_eq!(oneway(&tags(&[("oneway", "-1")])), -1);
        assert_eq!(access(&tags(&[("access", "no"), ("emergency", "yes")])), RoadAccess::Emergency);
        assert_eq!(access(&tags(&[("access", "yes"), ("motor_vehicle", "private")])), RoadAccess::Private);
        assert_eq!(maxspeed_kmh("50"), Some(50.0));
        assert!((maxspeed_kmh("30 mph").unwrap_or(0.0) - 48.28).abs() < 0.01);
        assert_eq!(maxspeed_kmh("RU:urban"), None);
        assert_eq!(maxspeed_kmh("none"), None);
    }

    #[test]
    fn buildings_and_water() {
        assert_eq!(height_m("12.5 m"), Some(12.5));
        assert_eq!(height_m("40'"), None);
        assert_eq!(levels("3", 200), Some(3));
        assert_eq!(levels("lots", 200), None);
        assert_eq!(flow_lps("1200 l/min"), Some(20.0));
        assert_eq!(flow_lps("36 m3/h"), Some(10.0));
        assert_eq!(pressure_mpa("4 bar"), Some(0.4));
        assert_eq!(pressure_mpa("suction"), None);
        assert_eq!(diameter_mm("DN100"), Some(100.0));
        let t = tags(&[("emergency", "fire_hydrant"), ("fire_hydrant:type", "underground")]);
        assert_eq!(water_kind(&t), Some(WaterKind::HydrantBelow));
        let t = tags(&[("addr:street", "Carrer Major"), ("addr:housenumber", "5"), ("addr:city", "Encamp")]);
        assert_eq!(address(&t).as_deref(), Some("Carrer Major 5, Encamp"));
    }
}
