import type { AssetGroup } from '../model/balance-view.ts';
import { Dec } from '../model/decimal.ts';
import { compareDecimalStrings, compareParsed, parseDecimal } from '../model/decimal-string.ts';

export interface Slice {
  readonly label: string;
  /** Fraction of the priced total as an exact decimal string. */
  readonly share: string;
}

/** The largest `max - 1` base assets by value and "Other" for the rest; unpriced groups have no slice. */
export function allocationSlices(groups: readonly AssetGroup[], max = 7): Slice[] {
  const priced = groups
    .filter((group): group is AssetGroup & { share: string } => group.share !== null && compareDecimalStrings(group.share, '0') > 0)
    .map((group) => ({ group, key: parseDecimal(group.share) }))
    .sort((a, b) => compareParsed(b.key, a.key))
    .map(({ group }) => group);
  if (priced.length <= max) return priced.map((group) => ({ label: group.base, share: group.share }));
  const head = priced.slice(0, max - 1).map((group) => ({ label: group.base, share: group.share }));
  const rest = priced.slice(max - 1).reduce((sum, group) => sum.plus(group.share), new Dec('0'));
  return [...head, { label: 'Other', share: rest.toFixed() }];
}

export interface Arc {
  readonly path: string;
  readonly index: number;
}

/**
 * SVG paths of a donut, one per slice. Angles come from the shares as floats: this is drawing geometry
 * only, no number shown to the user is derived from it.
 */
export function donutArcs(slices: readonly Slice[], radius: number, thickness: number): Arc[] {
  const inner = radius - thickness;
  let angle = -Math.PI / 2;
  const point = (r: number, a: number) => `${(radius + r * Math.cos(a)).toFixed(3)} ${(radius + r * Math.sin(a)).toFixed(3)}`;
  return slices.map((slice, index) => {
    // A lone full circle cannot be one arc; stop just short of it.
    const sweep = Math.min(Number(slice.share), 0.99999) * 2 * Math.PI;
    const end = angle + sweep;
    const large = sweep > Math.PI ? 1 : 0;
    const path = `M ${point(radius, angle)} A ${radius} ${radius} 0 ${large} 1 ${point(radius, end)} L ${point(inner, end)} A ${inner} ${inner} 0 ${large} 0 ${point(inner, angle)} Z`;
    angle = end;
    return { path, index };
  });
}
