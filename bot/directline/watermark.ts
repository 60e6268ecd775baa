export type WatermarkResult = { readonly ok: true; readonly value: number | undefined } | { readonly ok: false };

/**
 * A watermark from a query string: absent, empty or "-" = from the beginning (Direct Line clients
 * send `watermark=undefined` before they have one); otherwise the number of the last activity seen.
 */
export function parseWatermark(raw: string | null | undefined): WatermarkResult {
  if (raw === null || raw === undefined || raw === '' || raw === '-' || raw === 'undefined' || raw === 'null') return { ok: true, value: undefined };
  if (!/^\d{1,9}$/.test(raw)) return { ok: false };
  return { ok: true, value: Number(raw) };
}
