import { formatRupiah } from '../../app/format';

/** The turnover of the last month that has one. */
export function latestTurnover(points: readonly { turnover: number | null }[]): number | undefined {
  return points.map((p) => p.turnover).findLast((v): v is number => v !== null);
}

/** A small inline chart of monthly turnover; months without a report leave a gap. */
export function Sparkline({
  points,
  width = 260,
  height = 56,
  label,
}: {
  points: { month: string; turnover: number | null }[];
  width?: number;
  height?: number;
  label: string;
}) {
  const values = points.map((p) => p.turnover).filter((v): v is number => v !== null);
  if (values.length === 0) return null;
  const max = Math.max(...values);
  const min = Math.min(...values, 0);
  const pad = 4;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / Math.max(1, max - min);
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.turnover === null) {
      if (current) segments.push(current);
      current = '';
      return;
    }
    current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.turnover).toFixed(1)}`;
  });
  if (current) segments.push(current);
  const lastIndex = points.findLastIndex((p) => p.turnover !== null);
  const last = { month: points[lastIndex].month, turnover: values[values.length - 1] };
  return (
    <svg
      className="prog-spark"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`${label}: ${formatRupiah(last.turnover)} (${last.month})`}
    >
      <line x1={pad} x2={width - pad} y1={height - pad} y2={height - pad} className="prog-spark__base" />
      {segments.map((d, i) => (
        <path key={i} d={d} className="prog-spark__line" />
      ))}
      {points.map((p, i) =>
        p.turnover === null ? null : (
          <circle key={p.month} cx={x(i)} cy={y(p.turnover)} r={i === lastIndex ? 3.5 : 2} className="prog-spark__dot">
            <title>{`${p.month}: ${formatRupiah(p.turnover)}`}</title>
          </circle>
        ),
      )}
    </svg>
  );
}
