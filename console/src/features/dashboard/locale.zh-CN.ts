// The home dashboard (the `dashboard` namespace), Chinese. Keep the keys in step with locale.en.ts.
export default {
  dashboard: {
    title: '首页概览', units: '社会单位', water: '消防水源', stations: '消防站', vehicles: '消防车辆',
    unitsByJurisdiction: '各辖区社会单位（按类别）', waterIntact: '消防水源完好率（按类型）',
    stationsDuty: '消防站执勤力量与车辆', intactRate: '完好率', onDuty: '执勤', dutyStrength: '执勤人数',
    vehiclesIn: '在队', vehiclesOut: '执行任务', vehiclesMaint: '检修', vehiclesTotal: '车辆总数',
    jurisdiction: '辖区', kind: '类型', station: '消防站', status: '状态', unclassified: '一般单位',
    intactOf: '完好 {intact} / 共 {total}', stationsOnDuty: '执勤站 {n} / {total}',
    vehiclesAvailable: '在队 {n} / {total}', totalUnits: '共 {n} 家',
  },
}
