// Case: navigation → treemap drawn from an Excel workbook of the generated sales rows, ÷ the
// same rows as CSV in the same run (no peer reads workbooks, so the CSV is the baseline).
// Stratex alone, a fresh browser per load, the two formats alternating, warm-up discarded.
import { existsSync, statSync } from 'node:fs';
import { writeSalesWorkbook } from '../../fixtures/xlsx/make/sales-workbook.ts';
import { launch, peakRendererRssMb, timedPage, VIEWPORT } from '../lib/browser.ts';
import type { Check, WorkbookResult, WorkbookRuns } from '../lib/results.ts';
import { benchPath } from '../lib/site.ts';
import { median, percentile, round } from '../lib/stats.ts';

type Format = 'xlsx' | 'csv';

interface Sample {
  ms: number;
  rssMb: number;
  check: Check;
}

async function measureOnce(origin: string, src: string, rows: number): Promise<Sample> {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const report = await timedPage(
      page,
      `${origin}/treemap.html?src=${encodeURIComponent(src)}`,
      120_000 + rows / 20,
    );
    return {
      ms: report.ms,
      rssMb: await peakRendererRssMb(browser),
      check: { groups: report.groups, target: report.target, actual: report.actual },
    };
  } finally {
    await browser.close();
  }
}

/** The workbook beside the generated CSV, written from it first when it is missing. */
export async function salesWorkbook(rows: number, log: (line: string) => void): Promise<string> {
  const csv = benchPath(`../fixtures/generated/sales_${rows}.csv`);
  const xlsx = csv.replace(/\.csv$/, '.xlsx');
  if (!existsSync(xlsx)) {
    const started = performance.now();
    log(`workbook: writing sales_${rows}.xlsx from the CSV`);
    await writeSalesWorkbook(csv, xlsx);
    log(`workbook: written in ${round((performance.now() - started) / 1000, 1)} s`);
  }
  return xlsx;
}

const summary = (samples: readonly Sample[], file: string): WorkbookRuns => {
  const ms = samples.map((sample) => sample.ms);
  return {
    median_ms: round(median(ms)),
    p95_ms: round(percentile(ms, 0.95)),
    samples_ms: ms.map((value) => round(value)),
    peak_rss_mb: Math.max(...samples.map((sample) => sample.rssMb)),
    file_bytes: statSync(file).size,
    check: samples[0]!.check,
  };
};

export async function workbookCase(
  origin: string,
  rows: number,
  runs: number,
  log: (line: string) => void,
): Promise<WorkbookResult> {
  const files: Record<Format, string> = {
    xlsx: await salesWorkbook(rows, log),
    csv: benchPath(`../fixtures/generated/sales_${rows}.csv`),
  };
  const samples: Record<Format, Sample[]> = { xlsx: [], csv: [] };
  for (let run = 0; run <= runs; run++) {
    for (const format of ['xlsx', 'csv'] as const) {
      const sample = await measureOnce(origin, `/fixtures/generated/sales_${rows}.${format}`, rows);
      log(`workbook ${rows} ${format} run ${run}: ${Math.round(sample.ms)} ms`);
      if (run > 0) samples[format].push(sample);
    }
  }
  const xlsx = summary(samples.xlsx, files.xlsx);
  const csv = summary(samples.csv, files.csv);
  const same = (a: Check, b: Check): boolean =>
    a.groups === b.groups &&
    Math.abs(a.target - b.target) <= 0.5 &&
    Math.abs(a.actual - b.actual) <= 0.5;
  return {
    rows,
    xlsx,
    csv,
    ratio: round(xlsx.median_ms / csv.median_ms, 2),
    agree: same(xlsx.check, csv.check),
  };
}
