import type {
  BarSeriesOption,
  LineSeriesOption,
  PieSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ReactNode } from 'react';

/** The option object of every chart in the app: only the series and components registered. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkAreaComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;

/** One column of a chart's table view. */
export interface ChartColumn {
  label: string;
  /** Numbers are right-aligned. */
  numeric?: boolean;
}

/** One row of a chart's table view: cells already formatted for people (Indonesian). */
export interface ChartRow {
  key: string;
  cells: ReactNode[];
}
