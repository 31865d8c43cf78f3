import { Box, Skeleton, Text } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import { type Ref, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { chartStrings as t } from './strings.js';
import type { ChartOption } from './types.js';

type EChartsInstance = ReturnType<typeof import('./echarts-core.js')['echarts']['init']>;

/** What a chart's owner may ask of it: the picture as a PNG data URL (null before it is drawn). */
export interface EChartHandle {
  toPng: () => string | null;
}

/** One load of the ECharts chunk shared by every chart on the page. */
let runtime: Promise<typeof import('./echarts-core.js')> | null = null;
const loadRuntime = () => {
  runtime ??= import('./echarts-core.js').catch((error: unknown) => {
    runtime = null;
    throw error;
  });
  return runtime;
};

/**
 * An ECharts chart in a div: the runtime is loaded on first use, the chart follows the size of
 * its container, is disposed on unmount and never animates when the user asked for reduced
 * motion. The canvas is a picture for screen readers (`label`); the data is in the card's table.
 */
export function EChart({
  option,
  height,
  label,
  ref,
}: {
  option: ChartOption;
  height: number;
  label: string;
  ref?: Ref<EChartHandle>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const reducedMotion = useReducedMotion() ?? false;
  const shown = useMemo<ChartOption>(
    () =>
      reducedMotion ? { ...option, animation: false, stateAnimation: { duration: 0 } } : option,
    [option, reducedMotion],
  );
  const latest = useRef(shown);
  latest.current = shown;

  useImperativeHandle(
    ref,
    () => ({
      toPng: () =>
        chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) ??
        null,
    }),
    [],
  );

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadRuntime()
      .then(({ echarts }) => {
        if (disposed) return;
        const instance = echarts.init(element, undefined, { renderer: 'canvas' });
        instance.setOption(latest.current, { notMerge: true });
        chart.current = instance;
        // A hidden chart (table view) keeps its last size so its PNG stays downloadable.
        observer = new ResizeObserver((entries) => {
          const box = entries[0]?.contentRect;
          if (box && box.width > 0 && box.height > 0) instance.resize();
        });
        observer.observe(element);
        setState('ready');
      })
      .catch(() => {
        if (!disposed) setState('failed');
      });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(shown, { notMerge: true });
  }, [shown]);

  return (
    <Box pos="relative" h={height} w="100%">
      <div
        ref={container}
        role="img"
        aria-label={label}
        style={{ width: '100%', height: '100%' }}
      />
      {state === 'loading' && (
        <Skeleton pos="absolute" inset={0} h={height} aria-busy="true" aria-label={t.loading} />
      )}
      {state === 'failed' && (
        <Text pos="absolute" inset={0} ta="center" pt="xl" size="sm" c="dimmed" role="alert">
          {t.loadFailed}
        </Text>
      )}
    </Box>
  );
}
