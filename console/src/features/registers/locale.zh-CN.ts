// The registers (the `reg` namespace), Chinese. Keep the keys in step with locale.en.ts.
export default {
  reg: {
    filters: '筛选', kind: '类型', status: '状态', class: '类别', family: '车辆类别', station: '所属消防站',
    useCategory: '场所类型', importDone: '导入 {n} 条', importSkipped: '跳过 {n} 行', importRefused: '拒绝 {n} 条',
    importResult: '导入结果', exportStarted: '已开始下载', notFound: '记录不存在或无权查看', noPermission: '无权修改',
    totalRows: '共 {n} 条', editTitle: '编辑{name}', createTitle: '新增{name}', detailTitle: '{name}详情',
    classReasons: '判定依据', location: '位置', pickOnMap: '经纬度', unsaved: '有未保存的修改',
    systemId: '系统编号', jurisdiction: '所属辖区', source: { title: '数据来源', demo: '演示数据（程序生成）', cambridge: '剑桥市 GIS 公开数据', osm: 'OpenStreetMap', table: '表格导入', geojson: 'GIS 图层导入', other: '导入数据' },
    updatedAt: '最后修改', createdAt: '创建时间',
  },
}
