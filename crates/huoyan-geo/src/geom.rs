//! Small geometry helpers on WGS84 `[lon, lat]` pairs: great-circle length and a local
//! equirectangular projection to metres (accurate to well under 1 % over a city).

/// Mean Earth radius in metres.
pub(crate) const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance in metres.
pub(crate) fn haversine_m(a: [f64; 2], b: [f64; 2]) -> f64 {
    let (la1, la2) = (a[1].to_radians(), b[1].to_radians());
    let dlat = la2 - la1;
    let dlon = (b[0] - a[0]).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().min(1.0).asin()
}

/// Length of a polyline in metres.
pub(crate) fn line_length_m(coords: &[[f64; 2]]) -> f64 {
    coords.windows(2).map(|w| haversine_m(w[0], w[1])).sum()
}

/// Equirectangular projection around a reference latitude: `[lon, lat]` → metres.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LocalProjection {
    kx: f64,
    ky: f64,
}

impl LocalProjection {
    pub(crate) fn new(ref_lat: f64) -> Self {
        let ky = EARTH_RADIUS_M.to_radians();
        LocalProjection { kx: ky * ref_lat.to_radians().cos(), ky }
    }

    pub(crate) fn project(&self, p: [f64; 2]) -> [f64; 2] {
        [p[0] * self.kx, p[1] * self.ky]
    }

    pub(crate) fn unproject(&self, p: [f64; 2]) -> [f64; 2] {
        [p[0] / self.kx, p[1] / self.ky]
    }
}

/// Whether a coordinate is a usable WGS84 `[lon, lat]`.
pub(crate) fn valid_lon_lat(lon: f64, lat: f64) -> bool {
    lon.is_finite() && lat.is_finite() && (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_degree_of_latitude() {
        let d = haversine_m([0.0, 0.0], [0.0, 1.0]);
        assert!((d - 111_195.0).abs() < 5.0, "{d}");
        let p = LocalProjection::new(42.37);
        let a = p.project([-71.1, 42.37]);
        let b = p.project([-71.09, 42.37]);
        let flat = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
        let round = haversine_m([-71.1, 42.37], [-71.09, 42.37]);
        assert!((flat - round).abs() / round < 1e-3);
    }
}
