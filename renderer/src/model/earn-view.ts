import type { EarnAllocation, EarnSummary, RowEarn } from '../../../ipc/contract.ts';
import { sumKnownDecimals } from '../../../shared/decimal.ts';
import { amountText, MASK, moneyText } from '../../../shared/money.ts';
import { shortDate, shortDateTime } from '../../../shared/time.ts';
import type { LineContext } from './row-view.ts';

// The Earn allocations behind a read-only line, in words: a short note on the line and the full account
// in its tooltip, and the Earn summary under the total.

function amount(value: string, unit: string, context: LineContext): string {
  return context.privacy ? MASK : `${amountText(value, context.locale)} ${unit}`;
}

function when(iso: string | null, context: LineContext): string {
  return iso === null ? '' : ` until ${shortDateTime(iso, context.locale.locale)}`;
}

function sum(allocations: readonly EarnAllocation[], pick: (allocation: EarnAllocation) => string | null): string | null {
  return sumKnownDecimals(allocations.map(pick));
}

/** The latest of the dates given (ISO strings compare as times). */
function latest(dates: readonly (string | null)[]): string | null {
  return dates.reduce<string | null>((last, date) => (date !== null && (last === null || date > last) ? date : last), null);
}

/** The soonest payout among the allocations. */
function nextPayout(allocations: readonly EarnAllocation[]): { estimated: string; at: string } | null {
  let next: { estimated: string; at: string } | null = null;
  for (const { payout } of allocations) if (payout !== null && (next === null || payout.at < next.at)) next = payout;
  return next;
}

/** " until Dec 6": the day a phase ends, in the brief. */
function untilDay(iso: string | null, context: LineContext): string {
  return iso === null ? '' : ` until ${shortDate(iso, context.locale.locale)}`;
}

/**
 * One phrase for the line itself: what the user most needs to know first (money on its way out, in, or
 * due), and "· uncertain" when Kraken leaves open whether the allocation is behind this line.
 */
export function earnBrief(earn: RowEarn, unit: string, context: LineContext): string {
  const { allocations } = earn;
  const unbonding = sum(allocations, (a) => a.unbonding?.amount ?? null);
  const bonding = sum(allocations, (a) => a.bonding?.amount ?? null);
  const payout = nextPayout(allocations);
  const rewarded = sum(allocations, (a) => a.rewarded) ?? '0';
  const doubt = earn.sharedWith.length > 0 ? ' · uncertain' : '';
  if (unbonding !== null) return `Unbonding ${amount(unbonding, unit, context)}${untilDay(latest(allocations.map((a) => a.unbonding?.endsAt ?? null)), context)}${doubt}`;
  if (bonding !== null) return `Bonding ${amount(bonding, unit, context)}${untilDay(latest(allocations.map((a) => a.bonding?.endsAt ?? null)), context)}${doubt}`;
  if (payout !== null) return `Payout ≈${amount(payout.estimated, unit, context)} on ${shortDate(payout.at, context.locale.locale)}${doubt}`;
  return `Earned ${amount(rewarded, unit, context)}${doubt}`;
}

function allocationSentence(allocation: EarnAllocation, context: LineContext): string {
  const unit = allocation.asset;
  const parts = [`${amount(allocation.allocated, unit, context)} allocated`];
  if (allocation.bonding !== null) parts.push(`${amount(allocation.bonding.amount, unit, context)} bonding${when(allocation.bonding.endsAt, context)}`);
  if (allocation.unbonding !== null) parts.push(`${amount(allocation.unbonding.amount, unit, context)} unbonding${when(allocation.unbonding.endsAt, context)}`);
  parts.push(`rewards so far ${amount(allocation.rewarded, unit, context)}`);
  if (allocation.payout !== null) {
    const { accumulated, estimated, at } = allocation.payout;
    parts.push(`next payout on ${shortDateTime(at, context.locale.locale)}: about ${amount(estimated, unit, context)} more (${amount(accumulated, unit, context)} accrued)`);
  }
  return `${parts.join('; ')}.`;
}

/** The full account for the line's tooltip, saying so where the line it belongs to is not certain. */
export function earnDetails(earn: RowEarn, asset: string, context: LineContext): string {
  const heading = earn.allocations.length === 1 ? 'Earn allocation behind this balance:' : `${earn.allocations.length} Earn allocations behind this balance:`;
  const sentences = earn.allocations.map((allocation) => allocationSentence(allocation, context));
  const doubt =
    earn.sharedWith.length === 0
      ? []
      : [`Kraken does not say whether this is behind ${[asset, ...earn.sharedWith].join(' or ')}: it is matched by asset and shown on each.`];
  return [heading, ...sentences, ...doubt].join(' ');
}

/** "Earn: $1,937,243.71 allocated · $14,093.08 rewarded", with what the sums leave out. */
export function earnSummaryText(earn: EarnSummary, context: LineContext): string {
  const money = (value: string) => (context.privacy ? MASK : moneyText(value, context.quote, context.locale));
  const notes = [
    ...(earn.unpriced.length > 0 ? [`not counting ${earn.unpriced.join(', ')} (no price)`] : []),
    ...(earn.unmatched.length > 0 ? [`${earn.unmatched.join(', ')} not on any read-only line`] : []),
  ];
  return `Earn: ${money(earn.allocated)} allocated · ${money(earn.rewarded)} rewarded${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}
