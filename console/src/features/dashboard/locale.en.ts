// The home dashboard (the `dashboard` namespace), English. Keep the keys in step with locale.zh-CN.ts.
export default {
  dashboard: {
    title: 'Overview', units: 'Units', water: 'Water sources', stations: 'Stations', vehicles: 'Vehicles',
    unitsByJurisdiction: 'Units by jurisdiction and class', waterIntact: 'Water-source intact rate by type',
    stationsDuty: 'Stations: duty strength and vehicles', intactRate: 'Intact rate', onDuty: 'On duty', dutyStrength: 'On duty (people)',
    vehiclesIn: 'In station', vehiclesOut: 'On a call', vehiclesMaint: 'Maintenance', vehiclesTotal: 'Vehicles',
    jurisdiction: 'Jurisdiction', kind: 'Type', station: 'Station', status: 'Status', unclassified: 'Other units',
    intactOf: '{intact} intact of {total}', stationsOnDuty: '{n} of {total} on duty',
    vehiclesAvailable: '{n} of {total} in station', totalUnits: '{n} units',
  },
}
