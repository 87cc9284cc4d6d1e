import { useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { historyPolyline, lineGeometry, nearestIndex, steppedIndex, summarizeHistory, type LinePoint } from '../charts/history-line.ts';
import { shortDateTime } from '../../../shared/time.ts';

const WIDTH = 320;
const HEIGHT = 90;

export interface TimeLineMarker {
  readonly at: string;
  readonly text: string;
}

interface TimeLineProps {
  points: readonly LinePoint[];
  /** What the line is, e.g. "Portfolio value": names the reader control. */
  label: string;
  /** The picture as a sentence, for screen readers. */
  description: string;
  /** An exact value as text (masked in privacy mode by the caller). */
  format: (value: string) => string;
  locale: string;
  markers?: readonly TimeLineMarker[];
  testId?: string;
}

/**
 * A value over time with a reader: pointing at the line or moving along it with the arrow keys (it is a
 * slider over the points) shows that point's time and exact value, on screen and to screen readers.
 */
export function TimeLine({ points, label, description, format, locale, markers = [], testId }: TimeLineProps): ReactNode {
  const [picked, setPicked] = useState<number | null>(null);
  const summary = summarizeHistory(points);
  if (summary === null || points.length < 2) return null;
  const { xs, ys } = lineGeometry(points, WIDTH, HEIGHT);
  const index = picked === null ? null : Math.min(picked, points.length - 1);
  const point = index === null ? undefined : points[index];
  const readout = point === undefined ? '' : `${shortDateTime(point.at, locale)}: ${format(point.value)}`;
  const first = Date.parse(summary.first.at);
  const span = Date.parse(summary.last.at) - first || 1;
  const markerX = (at: string) => ((Date.parse(at) - first) / span) * WIDTH;

  const onPointer = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width > 0) setPicked(nearestIndex(xs, ((event.clientX - box.left) / box.width) * WIDTH));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = steppedIndex(event.key, index ?? points.length - 1, points.length);
    if (next === null) return;
    event.preventDefault();
    setPicked(next);
  };

  return (
    <div className="time-line" data-testid={testId}>
      <div className="history-body">
        <div className="history-scale" aria-hidden="true">
          <span>{format(summary.high)}</span>
          <span>{format(summary.low)}</span>
        </div>
        <div className="history-plot">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="history-svg" role="img" aria-label={description}>
            {markers.map((marker) => (
              <line key={marker.at + marker.text} x1={markerX(marker.at)} x2={markerX(marker.at)} y1={0} y2={HEIGHT} className="history-marker" vectorEffect="non-scaling-stroke">
                <title>{marker.text}</title>
              </line>
            ))}
            <polyline points={historyPolyline(points, WIDTH, HEIGHT)} className="history-line" vectorEffect="non-scaling-stroke" />
            {index !== null && <line x1={xs[index]} x2={xs[index]} y1={0} y2={HEIGHT} className="history-cursor" vectorEffect="non-scaling-stroke" />}
          </svg>
          {index !== null && <span className="history-dot" aria-hidden="true" style={{ left: `${((xs[index] ?? 0) / WIDTH) * 100}%`, top: `${((ys[index] ?? 0) / HEIGHT) * 100}%` }} />}
          <div
            className="history-hit"
            role="slider"
            tabIndex={0}
            aria-label={`${label}: pick a time`}
            aria-valuemin={1}
            aria-valuemax={points.length}
            aria-valuenow={(index ?? points.length - 1) + 1}
            aria-valuetext={readout || `${shortDateTime(summary.last.at, locale)}: ${format(summary.last.value)}`}
            onPointerMove={onPointer}
            onPointerDown={onPointer}
            onPointerLeave={(event) => {
              if (document.activeElement !== event.currentTarget) setPicked(null);
            }}
            onFocus={() => setPicked((current) => current ?? points.length - 1)}
            onBlur={() => setPicked(null)}
            onKeyDown={onKeyDown}
          />
        </div>
      </div>
      <div className="history-axis" aria-hidden="true">
        <span>{shortDateTime(summary.first.at, locale)}</span>
        <span className="history-readout" data-testid="history-readout">
          {readout}
        </span>
        <span>{shortDateTime(summary.last.at, locale)}</span>
      </div>
    </div>
  );
}
