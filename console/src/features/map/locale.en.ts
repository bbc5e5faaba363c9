// The map (the `map` namespace), English. Keep the keys in step with locale.zh-CN.ts.
export default {
  map: {
    layers: 'Layers', legend: 'Legend', stations: 'Stations', water: 'Water sources', units: 'Units', boundaries: 'Boundaries',
    basemap: 'Base map', searchPlaceholder: 'Unit name, address, hydrant code or lon,lat', noResult: 'Nothing found',
    measure: 'Measure', measureHint: 'Click to add points; double-click or Esc to finish', measureClear: 'Clear', distance: 'Distance',
    coordinate: 'Coordinates', vehicles: 'Vehicles', dutyStrength: 'Duty strength', persons: '{n} people', noVehicles: 'No vehicles',
    openRegister: 'Open in register', zoomIn: 'Zoom in', loadingData: 'Loading layers…', tooMany: 'Many features: loading by view',
    baseMissing: 'Base map tiles unavailable; thematic layers only', unitClass: { none: 'Other units' }, cluster: 'Cluster',
    features: '{n} features', panel: 'Details', collapse: 'Collapse', location: 'Location',
  },
}
