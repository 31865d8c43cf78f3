import { Box } from '@mantine/core';
import type { Capaian } from '../../../shared/capaian/types.js';
import { bandChartColors, notAssessedColor } from './bands.js';
import { capaianText, plotCapaian, quarterNames } from './format.js';
import { dashboardStrings as t } from './strings.js';

const width = 88;
const height = 32;
const pad = 4;

/**
 * TW I–IV of a capaian as a tiny inline SVG line (cheap enough for every ranking row). The
 * label reads each quarter's value, so the picture is not the only carrier of the figures.
 */
export function Sparkline({ quarters }: { quarters: readonly (Capaian | null)[] }) {
  const values = quarters.slice(0, 4).map(plotCapaian);
  const known = values.filter((v): v is number => v !== null);
  // The scale hugs the values and the 100 % line, so a change of a few points is visible.
  const low = Math.max(0, Math.min(100, ...known) - 10);
  const high = Math.max(100, ...known) + 5;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / 3;
  const y = (v: number) => height - pad - ((v - low) / (high - low)) * (height - 2 * pad);
  const label = t.sparklineLabel(
    quarterNames.map((name, i) => `${name} ${capaianText(quarters[i] ?? null)}`).join(', '),
  );
  // Consecutive assessed quarters are joined; a quarter not assessed leaves a gap.
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
    } else current.push(`${x(i)},${y(v)}`);
  });
  if (current.length > 1) segments.push(current.join(' '));
  const target = y(100);

  return (
    <Box component="span" display="inline-block" style={{ lineHeight: 0 }}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img">
        <title>{label}</title>
        <line
          x1={pad}
          x2={width - pad}
          y1={target}
          y2={target}
          stroke="#adb5bd"
          strokeDasharray="2 2"
          strokeWidth={1}
        />
        {segments.map((points) => (
          <polyline key={points} points={points} fill="none" stroke="#134f8f" strokeWidth={1.5} />
        ))}
        {values.map((v, i) => {
          const q = quarters[i];
          if (v === null || !q?.assessed) return null;
          return (
            <circle
              // biome-ignore lint/suspicious/noArrayIndexKey: the four quarters never reorder
              key={i}
              cx={x(i)}
              cy={y(v)}
              r={2.5}
              fill={bandChartColors[q.band] ?? notAssessedColor}
              stroke="#ffffff"
              strokeWidth={0.75}
            />
          );
        })}
      </svg>
    </Box>
  );
}
