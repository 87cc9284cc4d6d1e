// The words a balance can be searched by beyond its codes: the asset's name in English for common assets
// ("bitcoin" finds BTC), and the other names Kraken uses for it (XBT, XXBT for BTC; XDG for DOGE).
import type { BalanceRow } from '../ipc/contract.ts';
import { displayCodeFor, krakenSpellingsOf } from './asset-code.ts';
import { fullName, shortName } from './asset-names.ts';

/** English names of the assets most Kraken users hold, by display code. Not exhaustive: codes still match. */
const ASSET_NAMES: Readonly<Record<string, string>> = {
  AAVE: 'Aave', ADA: 'Cardano', ALGO: 'Algorand', APT: 'Aptos', ARB: 'Arbitrum', ATOM: 'Cosmos', AVAX: 'Avalanche',
  BCH: 'Bitcoin Cash', BNB: 'BNB', BONK: 'Bonk', BTC: 'Bitcoin', DAI: 'Dai', DOGE: 'Dogecoin', DOT: 'Polkadot',
  ETC: 'Ethereum Classic', ETH: 'Ethereum', FET: 'Fetch.ai', FIL: 'Filecoin', FLOW: 'Flow', GRT: 'The Graph',
  ICP: 'Internet Computer', INJ: 'Injective', KAS: 'Kaspa', KSM: 'Kusama', LINK: 'Chainlink', LTC: 'Litecoin',
  MANA: 'Decentraland', MATIC: 'Polygon', MINA: 'Mina', MKR: 'Maker', NEAR: 'NEAR Protocol', OP: 'Optimism',
  PEPE: 'Pepe', POL: 'Polygon', RENDER: 'Render', SAND: 'The Sandbox', SEI: 'Sei', SHIB: 'Shiba Inu', SOL: 'Solana',
  SUI: 'Sui', TIA: 'Celestia', TON: 'Toncoin', TRX: 'TRON', UNI: 'Uniswap', USDC: 'USD Coin', USDT: 'Tether',
  WIF: 'dogwifhat', XLM: 'Stellar', XMR: 'Monero', XRP: 'Ripple', XTZ: 'Tezos', ZEC: 'Zcash',
  USD: 'US dollar', EUR: 'Euro', GBP: 'British pound', CAD: 'Canadian dollar', JPY: 'Japanese yen', CHF: 'Swiss franc',
  AUD: 'Australian dollar',
};

/** The asset's English name, "Bitcoin" for BTC (or XXBT, XBT); null when the table does not know it. */
export function assetName(code: string): string | null {
  return ASSET_NAMES[displayCodeFor(code)] ?? null;
}

/** Everything a search compares against, lower-cased: codes, Kraken's other spellings, names and the product. */
export function searchText(row: Pick<BalanceRow, 'asset' | 'base' | 'extension'>): string {
  const words = [row.asset, row.base, shortName(row), fullName(row), ...krakenSpellingsOf(row.base), assetName(row.base) ?? ''];
  return words.join(' ').toLowerCase();
}
