import { memo, type ReactNode } from 'react';
import { allocationSlices, donutArcs } from '../charts/allocation.ts';
import { shareText } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import type { AssetGroup } from '../model/balance-view.ts';

const SIZE = 120;
const THICKNESS = 22;

/** A donut of the portfolio by base asset, with a legend that is also its text alternative. */
function AllocationDonut({ groups, locale }: { groups: readonly AssetGroup[]; locale: NumberLocale }): ReactNode {
  const slices = allocationSlices(groups);
  if (slices.length === 0) return null;
  const arcs = donutArcs(slices, SIZE / 2, THICKNESS);
  const described = slices.map((slice) => `${slice.label} ${shareText(slice.share, locale)}`).join(', ');
  return (
    <figure className="chart allocation-chart" data-testid="allocation-chart">
      <figcaption className="chart-title">Allocation by asset</figcaption>
      <div className="allocation-body">
        <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="img" aria-label={`Allocation by asset: ${described}`}>
          {arcs.map((arc) => (
            <path key={arc.index} d={arc.path} className={`slice slice-${arc.index}`} />
          ))}
        </svg>
        <ul className="legend">
          {slices.map((slice, index) => (
            <li key={slice.label}>
              <span className={`swatch slice-${index}`} aria-hidden="true" />
              <span className="legend-label">{slice.label}</span>
              <span className="legend-share">{shareText(slice.share, locale)}</span>
            </li>
          ))}
        </ul>
      </div>
    </figure>
  );
}

/** It walks every group, so it renders again only when the groups or the locale change, not with every render of the view. */
export const AllocationChart = memo(AllocationDonut);
