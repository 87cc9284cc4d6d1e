import type { BalanceRow } from '../../../ipc/contract.ts';
import { amountText, MASK, moneySpoken, moneyText, shareText, type QuoteFormat } from '../../../shared/money.ts';
import type { NumberLocale } from '../../../shared/number-locale.ts';
import { badgeLabel, fullName, readOnlyExplanation, shortName } from '../../../shared/asset-names.ts';
import { assetName } from '../../../shared/asset-search.ts';
import type { AssetGroup } from './balance-view.ts';
import { earnBrief, earnDetails } from './earn-view.ts';
import { fundsParts, priceParts, shownParts, type ChangeTone } from './line-parts.ts';

/**
 * One line of the balances table with every text already formatted. Lines are compared field by field
 * (sameLine) so a row re-renders only when something it shows has changed.
 */
export interface TableLine {
  readonly key: string;
  readonly kind: 'group' | 'row';
  /** A balance shown under its group's heading line. */
  readonly nested: boolean;
  readonly name: string;
  /** The asset's name in words where known ("Bitcoin"), for the name's tooltip. */
  readonly fullName: string | null;
  /** Kraken's own code, shown small beside the name when it differs. */
  readonly code: string;
  readonly badge: string | null;
  readonly explanation: string;
  readonly readOnly: boolean;
  readonly amountText: string;
  /**
   * amountText cut at the decimal separator ("1,011" and ".19088779"), so the table can line amounts up
   * on it: the fraction is '' for whole numbers and masked amounts.
   */
  readonly amountWhole: string;
  readonly amountFraction: string;
  /** The exact amount as Kraken sent it, for hover and copy; '' when masked. */
  readonly amountExact: string;
  readonly unit: string;
  /** Under the amount when open orders hold part of it: "12.5 in orders". */
  readonly fundsText: string;
  /** The amount's tooltip: exact amount, available and held. */
  readonly amountTitle: string;
  readonly priceText: string;
  readonly priceExact: string;
  /** The 24 h change of the price: "+2.37%"; '' when unknown. */
  readonly changeText: string;
  readonly changeTone: ChangeTone;
  /** The Earn allocation behind a read-only line, in a few words; '' when none. */
  readonly earnText: string;
  readonly valueText: string;
  readonly valueExact: string;
  readonly unpriced: boolean;
  readonly shareText: string;
  /** The whole line as a screen reader should read it. */
  readonly label: string;
}

export interface LineContext {
  readonly locale: NumberLocale;
  readonly quote: QuoteFormat;
  readonly privacy: boolean;
}

function amountParts(amount: string, unit: string, context: LineContext) {
  if (context.privacy) return { amountText: MASK, amountWhole: MASK, amountFraction: '', amountExact: '', amountSpoken: 'amount hidden' };
  const text = amountText(amount, context.locale);
  const cut = text.indexOf(context.locale.decimal);
  return {
    amountText: text,
    amountWhole: cut < 0 ? text : text.slice(0, cut),
    amountFraction: cut < 0 ? '' : text.slice(cut),
    amountExact: amount,
    amountSpoken: `${text} ${unit}`,
  };
}

/**
 * Digits after the decimal point, trailing zeros not counted (as amountText writes amounts). Read for
 * every balance on each new set of entries, so it scans the characters instead of trimming a copy.
 */
export function fractionDigits(amount: string): number {
  const dot = amount.indexOf('.');
  if (dot < 0) return 0;
  let end = amount.length;
  while (end > dot + 1 && amount.charCodeAt(end - 1) === 48 /* '0' */) end -= 1;
  return end - dot - 1;
}

/**
 * The most fraction digits any line's amount shows: the width the table keeps for fractions. Only the
 * balances' own lines are read: a group's line sums the rows listed under it, and a sum never has more
 * fraction digits than the longest of its terms, so reading group amounts could not widen it (and would
 * add up every group's amount, which is otherwise done only for the groups on screen).
 */
export function widestFraction(entries: readonly TableEntry[]): number {
  let widest = 0;
  for (const entry of entries) if (entry.kind === 'row') widest = Math.max(widest, fractionDigits(entry.row.amount));
  return widest;
}

function valueParts(value: string | null, context: LineContext) {
  if (value === null) return { valueText: 'Unpriced', valueExact: '', valueSpoken: 'unpriced', unpriced: true };
  if (context.privacy) return { valueText: MASK, valueExact: '', valueSpoken: 'value hidden', unpriced: false };
  return {
    valueText: moneyText(value, context.quote, context.locale),
    valueExact: `${value} ${context.quote.quote}`,
    valueSpoken: moneySpoken(value, context.quote, context.locale),
    unpriced: false,
  };
}

export function rowLine(row: BalanceRow, nested: boolean, context: LineContext): TableLine {
  const name = shortName(row);
  const amount = amountParts(row.amount, row.base, context);
  const value = valueParts(row.value, context);
  const price = priceParts(row.price, row.change24hPct, context);
  const funds = fundsParts(row.amount, row.available, row.held, row.base, context);
  const explanation = [readOnlyExplanation(row), ...(row.earn === null ? [] : [earnDetails(row.earn, row.asset, context)])].join(' ');
  const spoken = [fullName(row), ...(row.readOnly ? ['read-only'] : []), amount.amountSpoken, ...(funds.fundsSpoken ? [funds.fundsSpoken] : []), price.priceSpoken, value.valueSpoken];
  return {
    key: `row:${row.asset}`,
    kind: 'row',
    nested,
    name,
    fullName: assetName(row.base),
    code: row.asset === name ? '' : row.asset,
    badge: badgeLabel(row),
    explanation,
    readOnly: row.readOnly,
    amountText: amount.amountText,
    amountWhole: amount.amountWhole,
    amountFraction: amount.amountFraction,
    amountExact: amount.amountExact,
    unit: row.base,
    ...shownParts(price, funds),
    earnText: row.earn === null ? '' : earnBrief(row.earn, row.base, context),
    valueText: value.valueText,
    valueExact: value.valueExact,
    unpriced: value.unpriced,
    shareText: row.share === null ? '—' : shareText(row.share, context.locale),
    label: spoken.join(', '),
  };
}

export function groupLine(group: AssetGroup, context: LineContext): TableLine {
  const amount = amountParts(group.amount, group.base, context);
  const value = valueParts(group.value, context);
  const price = priceParts(group.price, group.change24hPct, context);
  const funds = fundsParts(group.amount, group.available, group.held, group.base, context);
  return {
    key: `group:${group.base}`,
    kind: 'group',
    nested: false,
    name: group.base,
    fullName: assetName(group.base),
    code: '',
    badge: null,
    explanation: '',
    readOnly: false,
    amountText: amount.amountText,
    amountWhole: amount.amountWhole,
    amountFraction: amount.amountFraction,
    amountExact: amount.amountExact,
    unit: group.base,
    ...shownParts(price, funds),
    earnText: '',
    valueText: value.valueText,
    valueExact: value.valueExact,
    unpriced: value.unpriced,
    shareText: group.share === null ? '—' : shareText(group.share, context.locale),
    label: [`${group.base}, all ${group.rows.length} balances`, amount.amountSpoken, ...(funds.fundsSpoken ? [funds.fundsSpoken] : []), price.priceSpoken, value.valueSpoken].join(', '),
  };
}

/** What one table line shows, before any text is formatted: cheap to build for every balance. */
export type TableEntry =
  | { readonly kind: 'group'; readonly key: string; readonly group: AssetGroup }
  | { readonly kind: 'row'; readonly key: string; readonly row: BalanceRow; readonly nested: boolean };

/** Groups of one balance are a single line; larger groups get a heading line with their sums. */
export function tableEntries(groups: readonly AssetGroup[]): TableEntry[] {
  const entries: TableEntry[] = [];
  for (const group of groups) {
    const only = group.rows.length === 1 ? group.rows[0] : undefined;
    if (only !== undefined) {
      entries.push({ kind: 'row', key: `row:${only.asset}`, row: only, nested: false });
      continue;
    }
    entries.push({ kind: 'group', key: `group:${group.base}`, group });
    for (const row of group.rows) entries.push({ kind: 'row', key: `row:${row.asset}`, row, nested: true });
  }
  return entries;
}

export function lineFor(entry: TableEntry, context: LineContext): TableLine {
  return entry.kind === 'group' ? groupLine(entry.group, context) : rowLine(entry.row, entry.nested, context);
}

const formatted = new WeakMap<TableEntry, { readonly context: LineContext; readonly line: TableLine }>();

/**
 * lineFor, remembered per entry for the formatting context it was last formatted in: a table formats a
 * line when it first shows it, so an update costs the lines on screen, not all of them. Keyed weakly by
 * entry, so old data is dropped; a new context (privacy, locale, quote) formats the lines again.
 */
export function cachedLineFor(entry: TableEntry, context: LineContext): TableLine {
  const hit = formatted.get(entry);
  if (hit !== undefined && hit.context === context) return hit.line;
  const line = lineFor(entry, context);
  formatted.set(entry, { context, line });
  return line;
}

/** Every line formatted; the table itself formats only the lines it puts on screen (lineFor). */
export function tableLines(groups: readonly AssetGroup[], context: LineContext): TableLine[] {
  return tableEntries(groups).map((entry) => lineFor(entry, context));
}

export function sameLine(a: TableLine, b: TableLine): boolean {
  if (a === b) return true;
  for (const key of Object.keys(a) as (keyof TableLine)[]) {
    if (a[key] !== b[key]) return false;
  }
  return true;
}
