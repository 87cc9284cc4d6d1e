import { keyOf, type AssetGroup } from '../model/balance-view.ts';
import { Decimal } from '../../../shared/decimal.ts';
import { compareKeys, isZeroKey, type DecimalKey } from '../../../shared/decimal-string.ts';

export interface Slice {
  readonly label: string;
  /** Fraction of the priced total as an exact decimal string. */
  readonly share: string;
}

/**
 * The largest `max - 1` base assets by value and "Other" for the rest; unpriced groups have no slice.
 * Only the top few are kept in order (no sort of thousands of groups), and "Other" is what the top leaves
 * of the whole, exactly: the shares of all priced groups add up to 1. Groups are compared by their share's
 * key (keyOf): most leave on their double alone, and only the slices kept have their shares added up.
 */
export function allocationSlices(groups: readonly AssetGroup[], max = 7): Slice[] {
  const top: { group: AssetGroup; key: DecimalKey }[] = [];
  let priced = 0;
  for (const group of groups) {
    const key = keyOf(group, 'share');
    if (key === null || isZeroKey(key)) continue;
    priced += 1;
    const smallest = top[top.length - 1];
    if (top.length === max && smallest !== undefined && compareKeys(key, smallest.key) <= 0) continue;
    const at = top.findIndex((entry) => compareKeys(key, entry.key) > 0);
    if (at === -1) top.push({ group, key });
    else top.splice(at, 0, { group, key });
    if (top.length > max) top.pop();
  }
  const slice = ({ group, key }: (typeof top)[number]): Slice => ({ label: group.base, share: key.value });
  if (priced <= max) return top.map(slice);
  const head = top.slice(0, max - 1).map(slice);
  const rest = head.reduce((left, slice) => left.minus(slice.share), new Decimal('1'));
  return [...head, { label: 'Other', share: rest.lt('0') ? '0' : rest.toFixed() }];
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
