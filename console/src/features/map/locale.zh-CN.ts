// The map (the `map` namespace), Chinese. Keep the keys in step with locale.en.ts.
export default {
  map: {
    layers: '图层', legend: '图例', stations: '消防站', water: '消防水源', units: '社会单位', boundaries: '辖区边界',
    basemap: '底图', searchPlaceholder: '单位名称、地址、水源编号或经纬度（经度,纬度）', noResult: '没有找到',
    measure: '测距', measureHint: '单击地图添加点，双击或按 Esc 结束', measureClear: '清除', distance: '距离',
    coordinate: '坐标', vehicles: '车辆', dutyStrength: '执勤力量', persons: '{n} 人', noVehicles: '无车辆',
    openRegister: '在台账中打开', zoomIn: '放大查看', loadingData: '正在加载图层…', tooMany: '数据较多，按视野加载',
    baseMissing: '底图瓦片暂不可用，仅显示专题图层', unitClass: { none: '一般单位' }, cluster: '聚合',
    features: '{n} 个要素', panel: '详情', collapse: '收起', location: '位置',
  },
}
