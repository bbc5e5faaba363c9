// 监控中心 (the `monitor` namespace: queue, detail, KPIs, devices; `sensor`: 阈值规则 and 设备登记), Chinese. Keep the keys in step with locale.en.ts.
const sensor = {
  tabRules: '阈值规则', tabRegister: '设备登记',
  m: {
    hydrant_pressure: '市政消火栓水压', sprinkler_pressure: '喷淋管网水压', tank_level: '消防水池/水箱液位',
    residual_current: '电气火灾剩余电流', cable_temperature: '电气火灾线缆温度', gas_lel: '可燃气体浓度',
    smoke: '独立式感烟探测器（联网）',
  },
  cmp: { lt: '低于', le: '不高于', gt: '高于', ge: '不低于' },
  rules: {
    set: '规则集', origin: { shipped: '出厂默认', api: '控制台/接口载入', cli: '命令行载入' }, originFile: '文件载入：{path}',
    originLabel: '来源', loaded: '由 {by} 于 {at} 载入', notLoaded: '未载入过自定义规则集，使用随版本发布的默认规则',
    count: '共 {n} 条规则', measurement: '监测项', scope: '适用范围', allSensors: '该类全部传感器',
    oneSensor: '单个传感器规则', oneSensorHint: '仅对该传感器生效，替代同一监测项、同一报警类别的通用规则',
    condition: '报警条件', hysteresis: '回差', kind: '报警类别', source: '依据（标准及条款）', verified: '已核实',
    unverified: '⚠ 未核实', unverifiedHint: '该数值尚未对照标准原文核实，使用前请核对', recovers: '自动恢复',
    note: '说明', conditionText: '{cmp} {value} {unit}',
    edit: '编辑规则集（TOML）', editHint: '修改后点击“载入规则集”，服务器校验通过即对此后的读数生效；校验不通过则不作任何修改。每条规则都须注明依据。',
    load: '载入规则集', revert: '恢复为当前规则', closeEditor: '收起编辑', loadedOk: '规则集已载入，此后的读数按新规则判定',
    refused: '规则集未载入，当前规则未改变', serverSaid: '服务器原文', readOnly: '当前角色只能查看阈值规则，只有系统管理员可以修改',
    empty: '规则集不能为空',
  },
  silence: {
    title: '离线判定（静默时限）', hint: '传感器超过时限无读数即判离线并报警；单个传感器的规则优先，其次是监测项的规则，都没有时用服务器设置（sensor_offline_secs，默认 2 小时）。在 TOML 的 [[silence]] 中修改。',
    after: '{d}无读数判离线', hours: '{n} 小时', minutes: '{n} 分钟', seconds: '{n} 秒', none: '未设静默规则，全部传感器按服务器设置判定离线',
  },
  // The server's refusals by code (docs/ARCHITECTURE.md, "Error codes"): registration, readings, threshold rule sets.
  code: {
    bad_uitd_address: '设备地址应为 12 位十六进制数（6 字节）', bad_sensor_address: '传感器地址应为 4–64 位小写字母、数字、- 或 _',
    address_taken: '该地址的设备已登记', water_source_required: '{m}传感器须指定所监测的消火栓',
    wrong_unit: '单位“{unit}”不对，{m}的读数单位为 {expected}', too_old: '读数时间早于 {max_days} 天前', address_mismatch: '地址与该传感器不符',
    rules_syntax: '不是有效的阈值规则集：第 {line} 行第 {column} 列格式有误', rules_id_name: '规则集的 id 和 name 不能为空',
    rules_count: '规则集应有 {min}–{max} 条{list}', unknown_measurement: '未知的监测项', rule_value: '阈值应为有限数值，绝对值不超过 {max}',
    rule_hysteresis: '回差应为不小于 0 的数值', silence_after: '离线时限应为 {min}–{max} 秒', not_sensor_alarm_kind: '“{kind}”不是传感器报警类别',
    source_required: '每条规则都须注明依据（标准及条款，或“本地设定”）', fire_recovers: '火警须由值班人员处置，请设置 recovers = false',
    unregistered_sensor: '传感器“{device}”未登记', sensor_measurement: '传感器“{device}”的监测项是{has}，不是{want}',
  },
  // The same codes inside a rule (its number and measurement come first: ruleAt, silenceAt).
  ruleCode: {
    bad_sensor_address: '传感器地址“{device}”格式不对（4–64 位小写字母、数字、- 或 _）', wrong_unit: '单位“{unit}”不对，该监测项的读数单位为 {expected}',
  },
  ruleAt: '第 {rule} 条规则（{m}）：{reason}', silenceAt: '第 {silence_rule} 条离线规则（{m}）：{reason}',
  syntax: '不是有效的阈值规则集（TOML 格式或字段有误）', list: { rule: '规则', silence: '离线规则' },
  reg: {
    uitd: '登记用户信息传输装置', uitdHint: '用户信息传输装置（GB/T 26875）按 6 字节地址登记，登记后其报文才会进入报警队列',
    sensor: '登记物联网传感器', sensorHint: '传感器登记后获得接入令牌，用于上报读数（HTTP 或 MQTT）',
    jurisdiction: '所属辖区', unit: '所属单位', unitPlaceholder: '输入单位名称搜索（可不填）',
    uitdAddress: '设备地址（12 位十六进制）', sensorAddress: '传感器地址（IMEI、序列号等）', name: '设备名称',
    measurement: '监测项', water: '监测的消火栓/水源', waterPlaceholder: '输入水源编号搜索', building: '所在建筑编号',
    submitUitd: '登记传输装置', submitSensor: '登记传感器', doneUitd: '已登记：{name}（{address}）', showList: '在设备列表中查看',
    sensors: '已登记传感器', noSensors: '暂无传感器', rotate: '更换令牌',
    rotateConfirm: '更换“{name}”的接入令牌？旧令牌将立即失效，需要在传感器上配置新令牌。', rotateTitle: '更换令牌',
    tokenTitle: '传感器接入令牌', tokenOnce: '令牌只显示这一次，关闭后无法再次查看',
    tokenHow: '请立即复制并配置到传感器：HTTP 请求头 X-Huoyan-Device-Token，或 MQTT 报文中的 token 字段。服务器只保存其摘要，遗失只能更换。',
    tokenFor: '{name}（{address}）', copy: '复制令牌', copied: '已复制到剪贴板', copyFailed: '无法写入剪贴板，请手动选中复制',
    tokenDone: '我已保存令牌', noPermission: '当前角色不能登记设备',
    valid: {
      uitdAddress: '设备地址应为 12 位十六进制数（0–9、A–F）', sensorAddress: '传感器地址应为 4–64 位小写字母、数字、- 或 _',
      water: '市政消火栓水压传感器须指定所监测的消火栓', building: '建筑编号应为正整数',
    },
  },
}

const monitor = {
    title: '监控中心', queue: '报警队列', stats: '统计分析', devices: '设备',
    status: { unhandled: '未处理', escalated: '超时未处理', handled: '已处理', all: '全部', open: '未处理' },
    level: { fire: '火警', warning: '预警', info: '信息' },
    filterKind: '报警类别', filterLevel: '级别', filterStatus: '处理状态', filterUnit: '单位',
    kind: '类别', unit: '单位', device: '设备', summary: '部件/内容', count: '次数', firstAt: '首次报警', lastAt: '最近报警',
    statusCol: '状态', noUnit: '未关联单位', merged: '合并 {n} 次', escalatedMark: '超时未处理',
    total: '共 {n} 条', empty: '暂无报警', live: '实时', liveOff: '实时连接中断',
    latencyShort: 'GB 50440-2007：火警上屏 ≤ 20 s', latency: '最近一条上屏用时 {t}', latencyRule: 'GB 50440-2007：火警信息自用户信息传输装置至监控中心显示不超过 20 s',
    detailTitle: '报警详情 · {kind}', components: '报警部件', frames: '设备最近报文', noFrames: '暂无报文',
    framesOf: '{name} · 最近报文', unitRegister: '单位台账', showOnMap: '地图定位', deviceAddress: '设备地址',
    handle: '处置', handleHint: '选择处置结果并填写备注，回车提交', note: '备注', notePlaceholder: '核实情况、联系人、回访结果…',
    submit: '提交处置', handled: '已处置：{result}', handledBy: '处置人', handledAt: '处置时间', readOnly: '当前角色只能查看报警，不能处置',
    escalatedAt: '超时时间', chooseResult: '请选择处置结果', conflict: '该报警已被他人处置，已刷新',
    incidentRequest: '已发起接警请求，转接处警', incidentRequestLink: '打开接处警（带入本报警）', incidentRequestSent: '接警请求已推送',
    counts: { title: '未处理', fire: '火警', fault: '故障', other: '其他', escalated: '其中超时 {n} 条', zero: '已全部处理' },
    batch: {
      picked: '已选 {n} 条', note: '备注（对所选报警统一填写）', submit: '批量处置 {n} 条', clear: '取消选择',
      hint: '批量处置只能选误报、测试或忽略；确认真实火警须打开报警逐条处置', tooMany: '一次最多处置 {max} 条',
      done: '已处置 {n} 条：{result}', refusedOne: '报警 #{id} 已被他人处置或不可见，本次未处置任何报警，列表已刷新',
      refused: '部分报警已被他人处置或不可见，本次未处置任何报警，列表已刷新', all: '全选本页未处理报警', one: '选择报警 #{id}',
    },
    escalationRule: '火警超过本中心设定时间（默认 60 秒，本地规则，非标准条款）未处理即标为超时未处理',
    kpi: {
      online: '在线率', intact: '完好率', falseRate: '误报率', handle: '平均处警时长', unhandled: '未处理报警',
      onlineOf: '在线 {n} / 共 {total} 台', intactOf: '完好 {n} / 共 {total} 台', falseOf: '误报 {f} / 真实 {r}（火警）',
      handleSub: '中位 {p50} · 90% {p90}', since: '统计区间：{since} 起（30 天）', byKind: '各类报警数量（近 30 天）',
      periodSeries: '期间报警', openSeries: '未处理',
      notes: '完好率：无未处理故障、电源故障、离线报警的设备占比。误报率：已处置火警中误报 ÷（真实 + 误报）。处警时长：火警首次报警至接警员处置。',
    },
    dev: {
      name: '设备名称', unit: '所属单位', address: '地址', online: '在线', offline: '离线', state: '状态', lastSeen: '最后通信',
      sensor: '传感器', frames: '报文', all: '全部', keyword: '设备名称、单位或地址', count: '共 {n} 台，在线 {online} 台',
    },
    quarantined: '未登记设备（隔离）', sec: '{n} 秒', minSec: '{m} 分 {s} 秒', hourMin: '{h} 时 {m} 分',
    result: { real: '确认属实', real_fire: '确认真实火警', false: '误报', test: '测试', ignored: '忽略', recovered: '自动恢复' },
}

export default { monitor, sensor }
