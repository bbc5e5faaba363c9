// The registers (the `reg` namespace), English. Keep the keys in step with locale.zh-CN.ts.
export default {
  reg: {
    filters: 'Filters', kind: 'Type', status: 'Status', class: 'Class', family: 'Family', station: 'Station',
    useCategory: 'Use', importDone: '{n} imported', importSkipped: '{n} rows skipped', importRefused: '{n} refused',
    importResult: 'Import result', exportStarted: 'Download started', notFound: 'No such record, or not yours to see', noPermission: 'Read only',
    totalRows: '{n} rows', editTitle: 'Edit {name}', createTitle: 'New {name}', detailTitle: '{name}',
    classReasons: 'Why these classes', location: 'Location', pickOnMap: 'Lon/lat', unsaved: 'Unsaved changes',
    systemId: 'System id', jurisdiction: 'Jurisdiction', source: { title: 'Source', demo: 'Demo data (generated)', cambridge: 'City of Cambridge open GIS data', osm: 'OpenStreetMap', table: 'Spreadsheet import', geojson: 'GIS layer import', other: 'Imported' },
    updatedAt: 'Last changed', createdAt: 'Created',
  },
}
