// 接处警 screens (the `incident` namespace), Chinese. Keep the keys in step with locale.en.ts.
const incident = {
  title: '接处警', openCount: '未结束警情 {n} 起', new: '新建警情', none: '暂无警情',
  request: '监控中心转来接警请求', takeRequest: '接警',
  category: '警情类别', subType: '警情子类', level: '响应等级', address: '地址/单位', reportedAt: '接警时间', status: '状态',
  callerName: '报警人', callerPhone: '报警电话', fromAlarm: '报警 #{id} 转入',
  levels: { 1: '一级', 2: '二级', 3: '三级', 4: '四级', 5: '五级' },
  intake: {
    title: '新建警情（接警）', titleAlarm: '报警 #{id} 转接警', fromAlarm: '来自监控中心确认的真实火警 #{id}',
    alarmTaken: '该报警已转为警情 #{id}', alarmNotConfirmed: '该报警尚未确认为真实火警，不能转为警情',
    place: '警情地点', searchPlaceholder: '单位名称、地址，或经纬度（经度,纬度）', unit: '单位', anySubType: '按类别（不限子类）',
    needPlace: '请选择警情地点：搜索单位或地址、点击地图，或输入经纬度', badPhone: '电话号码格式不正确（数字、+、-，3–20 位）',
    acceptUnroutable: '已核实地点无误，仍然接警（无消防力量可经道路到达）', submit: '接警并生成调派建议',
    mapHint: '单击地图可选定警情地点', created: '已接警，警情 #{id}（推荐用时 {ms} 毫秒）',
  },
  map: { committed: '已调派', recommended: '推荐', alerted: '联动通知' },
  rec: {
    title: '推荐调派', oneClick: '一键调派', count: '{n} 车 · {m} 站', verified: '已核实', localPractice: '地方口径',
    source: '依据', short: '缺 {n} 辆', nothing: '没有可推荐的车辆', alerts: '联动通知（1-3-5 分钟）',
    alertRule: '本单位微型消防站必通知，3 分钟内联防力量', reason: { own_micro: '本单位微型站', joint: '3 分钟联防' },
    shortfalls: '力量缺口', wanted: '需 {wanted} 辆，已配 {filled} 辆', sent: '已调派 {n} 辆车，通知 {m} 个站',
  },
  dispatched: { title: '已调派力量', eta: '预计', callOff: '取消调派', none: '尚未调派' },
  timeline: {
    title: '时间轴', implausible: '已记录，但数值存疑', recorded: '已记录{stage}', needVehicle: '该环节须选择车辆',
    badTime: '时间格式应为 YYYY-MM-DD HH:mm（北京时间）', stage: '环节', vehicle: '车辆', at: '时间',
    atPlaceholder: '时间（留空为当前）', note: '备注', record: '记录',
  },
  preplan: {
    title: '预案', none: '该地点及周边 300 米内无预案', own: '本单位预案', nearest: '附近重点单位预案（{m} 米）',
    completeness: '完整度', missing: '缺少', resistance: '耐火等级', height: '高 {n} 米', floors: '地上 {a} 层 / 地下 {b} 层',
    area: '建筑面积 {n} ㎡', day: '白天 {n} 人', night: '夜间 {n} 人', hazardous_materials: '危险化学品', key_parts: '重点部位',
    fire_facilities: '消防设施', access_routes: '行车路线与消防车道', checkedNone: '已核查：无', attack: '灭火救援要点',
    evacuation: '疏散要点', attachments: '附件（平面图）',
  },
  water: { title: '周边水源（500 米）', usable: '可用 {n} / {total}', none: '500 米内没有登记的水源', road: '道路 {m} 米', straight: '直线 {m} 米（无道路）' },
  // The server's refusals by code (docs/ARCHITECTURE.md, "Error codes"); {stage} and {status} are the users' terms.
  code: {
    timeline_order: '{stage}时间不能早于{before}时间', timeline_before_received: '{stage}时间不能早于接警时间',
    in_future: '{stage}时间不能晚于当前时间', implausible_speed: '平均时速 {kmh} km/h 不在 {min}～{max} km/h 之内，请填写平均时速异常原因',
    incident_closed: '警情已处置结束', vehicle_required: '{stage}需要指明车辆', stage_recorded: '{stage}已记录',
    vehicle_not_committed: '该车辆未调派到此警情或已归队', vehicle_state: '车辆当前状态为{status}，不能记录{stage}',
    vehicles_committed: '还有 {n} 辆车未归队，不能结束警情', vehicle_not_available: '车辆 {vehicle} 当前状态为{status}，已被调派或检修的车辆不能再调派',
    vehicle_committed_elsewhere: '车辆 {vehicle} 已调派到其他警情', vehicle_left: '车辆已出动，请在时间轴记录中途返回',
    vehicle_on_incident: '车辆已调派到警情 #{incident}，状态随时间轴变化', status_from_dispatch: '{status}只能通过调派产生',
    no_match: '没有匹配“{query}”的单位', ambiguous: '{n} 个单位匹配“{query}”，请从搜索结果中选择', location_required: '请选择警情地点',
    unroutable: '{problem}；请核实地点', recommended_or_chosen: '请一键调派，或选择要调派的车辆', nothing_available: '没有可调派的力量',
    bad_plan_set: '调派方案有误', not_key_unit: '预案针对消防安全重点单位和火灾高危单位', bad_file_name: '文件名应为 {min}–{max} 个字符，不含斜杠和控制字符',
    file_type: '只接受 PNG、JPEG、WebP 图片和 PDF 文档', too_large: '文件超过 {max_mib} MiB', bad_text: '内容过长或含有控制字符',
    alarm_not_fire: '报警 #{id} 不是火警，不能转为警情',
    alarm_not_confirmed: '报警 #{id} 尚未确认为真实火警，不能转为警情', alarm_has_incident: '报警 #{id} 已转为警情',
  },
  unroutable: { off_network: '警情地点不在路网上', no_road_graph: '没有可用路网', unreachable: '没有消防力量能经道路到达该地点（道路封闭或路网断开）' },
}

export default { incident }
