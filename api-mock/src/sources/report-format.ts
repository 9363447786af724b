// A load report as text lines, for the points CLI and the server's start-up log.
import type { LoadReport } from './load.js';

const fmt = new Intl.NumberFormat('en-US');

/** "nova-poshta 1,167 (post_office 900, parcel_locker 267)" per carrier. */
export function carrierLine(report: LoadReport): string {
  return Object.entries(report.byCarrier)
    .map(([carrier, types]) => {
      const total = Object.values(types).reduce((a, b) => a + b, 0);
      return `${carrier} ${fmt.format(total)} (${Object.entries(types).map(([t, n]) => `${t} ${fmt.format(n)}`).join(', ')})`;
    })
    .join('; ') || 'none';
}

export function formatReport(report: LoadReport, options: { reasons?: number; zones?: number } = {}): string[] {
  const maxReasons = options.reasons ?? 10;
  const maxZones = options.zones ?? 10;
  const lines: string[] = [];
  for (const s of report.sources) {
    const rejected = Object.values(s.rejected).reduce((a, b) => a + b, 0);
    lines.push(`${s.source} (${s.format}): ${fmt.format(s.records)} records, ${fmt.format(s.accepted)} accepted, `
      + `${fmt.format(rejected)} rejected, ${fmt.format(s.duplicates)} duplicate ids, ${fmt.format(s.zonesDerived)} time zones from coordinates, ${s.ms} ms`);
    const reasons = Object.entries(s.rejected).sort((a, b) => b[1] - a[1]);
    for (const [reason, n] of reasons.slice(0, maxReasons)) lines.push(`  rejected ${fmt.format(n)}: ${reason}`);
    if (reasons.length > maxReasons) lines.push(`  … and ${reasons.length - maxReasons} more reasons`);
  }
  lines.push(`points: ${fmt.format(report.points)}: ${carrierLine(report)}`);
  const zones = Object.entries(report.timeZones).sort((a, b) => b[1] - a[1]);
  lines.push(`time zones: ${zones.length}: ${zones.slice(0, maxZones).map(([z, n]) => `${z} ${fmt.format(n)}`).join(', ')}${zones.length > maxZones ? ', …' : ''}`);
  lines.push(`settlements (derived): ${fmt.format(report.settlements)}; version ${report.version}; loaded in ${(report.ms / 1000).toFixed(2)} s`);
  return lines;
}
