import type { QueryResult } from '@placebo/domain';
import { formatTable } from './table.js';

export const formats = ['table', 'csv', 'json'] as const;
export type Format = (typeof formats)[number];

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** A result as text: an aligned table, CSV (RFC 4180, a header line) or one JSON object {columns, rows}. */
export const formatResult = (result: QueryResult, format: Format): string => {
  switch (format) {
    case 'table':
      return formatTable(result.columns, result.rows);
    case 'csv':
      return [result.columns, ...result.rows].map((r) => r.map(csvCell).join(',')).join('\n');
    case 'json':
      return JSON.stringify(result);
    default:
      return format satisfies never;
  }
};
