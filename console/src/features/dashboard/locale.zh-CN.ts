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
    own: '{name}本级（未划入下级辖区）',
    now: '今日动态', asOf: '截至 {at}', openIncidents: '未结束警情', trapped: '有被困人员 {n} 起', todayIncidents: '今日接警',
    closedToday: '已结束 {n}', openAlarms: '未处理报警', todayAlarms: '今日报警', falseRate: '误报率 {p}',
    online: '设备在线率', onlineOf: '在线 {n} / {total}', committed: '出动车辆', committedSub: '已调派未归队',
    trend: '近 {n} 天接警', trendAll: '全部警情', trendFires: '火灾扑救', none: '无',
    fire: '火警', fault: '故障', other: '其他',
  },
}
