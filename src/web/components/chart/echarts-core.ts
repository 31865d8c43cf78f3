/**
 * The ECharts runtime of the app: only the charts and components the dashboards use, drawn on
 * canvas. Imported dynamically by `EChart` so it lands in its own chunk, loaded the first time a
 * chart is shown (the sign-in page and the rest of the app stay small). No aria component: it
 * would replace the chart's Indonesian label with a generated English one; the card's "Tabel"
 * view is the accessible form of every chart.
 */
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export { echarts };
