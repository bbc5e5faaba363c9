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
    own: '{name} itself (in no sub-jurisdiction)',
    now: 'Today', asOf: 'as of {at}', openIncidents: 'Open incidents', trapped: '{n} with people trapped', todayIncidents: 'Incidents today',
    closedToday: '{n} closed', openAlarms: 'Unhandled alarms', todayAlarms: 'Alarms today', falseRate: 'false alarms {p}',
    online: 'Devices online', onlineOf: '{n} of {total} online', committed: 'Vehicles out', committedSub: 'sent, not yet back',
    trend: 'Incidents, last {n} days', trendAll: 'All incidents', trendFires: 'Fires', none: 'none',
    fire: 'Fire', fault: 'Fault', other: 'Other',
  },
}
