// Chinese (the default), the keys every screen shares (app, common, nav, layout, live, field, valid); each feature has its own
// locale.zh-CN.ts, merged in i18n.ts. Vocabulary terms (站型、水源类型…) come from the server's /api/v1/terms.
export default {
  app: { name: '火眼', title: '智慧消防平台', full: '火眼 · 智慧消防平台' },
  common: {
    search: '搜索', reset: '重置', save: '保存', cancel: '取消', close: '关闭', edit: '编辑', detail: '详情',
    create: '新增', delete: '删除', confirm: '确定', loading: '加载中…', none: '无', yes: '是', no: '否',
    all: '全部', total: '合计', export: '导出 Excel', import: '导入 Excel', refresh: '刷新', actions: '操作',
    saved: '已保存', failed: '操作失败', id: '编号', more: '更多', back: '返回', unknown: '未知',
    sort: '排序', sortId: '按登记先后', sortIdDesc: '最近登记', sortName: '按名称', sortUpdated: '最近更新',
    count: '数量', rate: '比率', page: '分页', keyword: '关键字', language: '语言',
  },
  nav: {
    home: '首页', map: '一张图', units: '社会单位', water_sources: '消防水源', stations: '消防站', vehicles: '消防车辆',
    users: '账号管理', monitor: '监控中心', incidents: '接处警', registers: '台账', logout: '退出登录', menu: '菜单',
  },
  layout: { jurisdiction: '当前辖区：{name}', role: '角色：{role}', lang: 'English', liveTest: '声光测试' },
  live: {
    title: '实时事件', unhandled: '未处理', empty: '暂无事件', test: '声光测试', testSent: '测试事件已发出',
    connected: '已连接', disconnected: '连接中断，正在重连…', mute: '静音', unmute: '取消静音', open: '实时事件',
    level: { fire: '火警', warning: '预警', info: '信息' }, clear: '清空列表',
  },
  field: {
    name: '名称', code: '编号', address: '地址', lon: '经度', lat: '纬度', kind: '类型', status: '状态',
    uscc: '统一社会信用代码', use_category: '场所类型', classes: '单位类别', safety_manager: '消防安全责任人',
    phone: '联系电话', duty_strength: '执勤力量（人）', unit_id: '所属单位编号', source_ref: '来源编号',
    station_id: '所属消防站', plate: '车牌号', family: '车辆类别', vehicle_type: '车型', seats: '座位数',
    water_l: '水罐容量（升）', foam_l: '泡沫罐容量（升）', year_in_service: '投入使用年份',
    flow_lps: '流量（升/秒）', pressure_mpa: '压力（兆帕）', diameter_mm: '管径（毫米）', capacity_m3: '容量（立方米）',
    owner: '产权/维护单位', last_inspected: '最近检查日期', notes: '备注', jurisdiction_id: '辖区',
    building_id: '所在建筑编号',
    metrics: { building_area_m2: '建筑面积（㎡）', floors: '层数', height_m: '建筑高度（米）', beds: '床位数', seats: '座位数', staff: '员工数' },
    username: '账号', display_name: '姓名', role: '角色', disabled: '停用', password: '密码', created_at: '创建时间',
    updated_at: '更新时间',
  },
  valid: {
    required: '请填写{field}', number: '{field}应为数字', range: '{field}应在 {min} 到 {max} 之间',
    integer: '{field}应为整数', date: '{field}格式应为 YYYY-MM-DD', lon: '经度应在 -180 到 180 之间',
    lat: '纬度应在 -90 到 90 之间', uscc: '统一社会信用代码应为 18 位（数字和大写字母）',
    // The server's refusals by code (docs/ARCHITECTURE.md, "Error codes"); a feature's own codes are in its locale.
    code: {
      required: '不能为空', too_long: '不能超过 {max} 个字符', control_characters: '含有不允许的控制字符',
      out_of_range: '超出允许范围 {range}', not_wgs84_lon: '经度应在 -180 到 180 之间', not_wgs84_lat: '纬度应在 -90 到 90 之间',
      not_a_date: '日期格式应为 YYYY-MM-DD', not_a_time: '时间格式不对（应为 RFC 3339，带时区）', in_future: '不能晚于当前时间',
      unknown_reference: '您的辖区内没有编号为 {id} 的记录', unknown_value: '“{value}”不是可选的值', unknown_field: '没有“{name}”这一项',
      wrong_type: '数据类型不对', too_many: '最多 {max} 项', count_out_of_range: '应为 {min}–{max} 项，当前 {n} 项', duplicate: '编号 {id} 重复',
      bad_geometry: '图形无效', uscc_length: '统一社会信用代码应为 18 位，当前 {n} 位',
      uscc_character: '第 {position} 位字符“{character}”不允许（GB 32100-2015）', uscc_check_character: '校验码错误，应为 {expected}（GB 32100-2015 §5）',
      outside_jurisdiction: '不在您的辖区内', vehicle_status: '车辆 {vehicle} 当前状态为{status}，不是{expected}', vehicle_changed: '车辆 {vehicle} 的状态刚被修改，请重试',
      bad_username: '账号应为 {min}–{max} 位字母、数字、_ - .', unit_required: '单位管理员须绑定一个单位', unit_not_allowed: '只有单位管理员绑定单位',
      password_too_short: '密码至少 {min} 位', password_too_long: '密码最多 {max} 位', password_is_username: '密码不能与账号相同', password_too_simple: '密码须包含至少 {kinds} 类字符（小写字母、大写字母、数字、其他符号）', password_too_common: '密码过于常见，请换一个', field_locked: '该字段由消防救援机构维护，单位不能自行修改', client_header_missing: '请求缺少 {name} 头，已拒绝（防跨站请求伪造）',
      level_order: '{level}不能设在{parent}之下', no_root_jurisdiction: '尚无辖区，请先建立根辖区', cannot_move: '不能把辖区移到其他上级之下',
      bad_rule_set: '规则集有误', reserved_id: '该编号为内置规则集所用，请另取编号', bad_file: '文件无法读取', bad_cidr: '地址或网段格式有误：{value}', cidr_prefix: '网段前缀过长（最大 {max}）', cidr_host_bits: '网段写法有误，应写为 {network}', sources_uitd_only: '仅用户信息传输装置可设置允许来源地址', file_too_large: '文件过大（上限 {limit} 字节）', zip_too_many_entries: '文件内部条目过多（上限 {limit}）', zip_entry_too_large: '文件解压后过大（单项上限 {limit} 字节）', zip_too_large: '文件解压后总量过大（上限 {limit} 字节）', sheet_too_large: '工作表范围过大（上限 {limit} 个单元格），请只保留数据区域', too_many_rows: '行数过多（上限 {limit} 行）', too_many_columns: '列数过多（上限 {limit} 列）', too_many_cells: '单元格过多（上限 {limit} 个）', too_many_shared_strings: '文本项过多（上限 {limit} 个）', line_too_long: '某一行过长（上限 {limit} 字节）', wrong_format: '文件格式与所选类型不符',
      no_road_near: '{max_m} 米内没有可通行的道路', unreachable: '没有可通行的路线', too_large: '内容过大',
    },
    fix: '请修正标红的字段',
  },
}
