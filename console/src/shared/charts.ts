// ECharts, tree-shaken: only the bar chart, its components and the canvas renderer are bundled
// (into the `echarts` chunk, loaded by the dashboard only).
import * as echarts from 'echarts/core'
import { BarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, TooltipComponent, DatasetComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, DatasetComponent, CanvasRenderer])

export { echarts }
export type EChartsOption = echarts.EChartsCoreOption
