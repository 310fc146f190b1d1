// React 19 with the installed `stratex` package: the elements in JSX, `onsx-select` typed.
import { useState } from 'react';
import type {} from 'stratex/react';
import type { SxScorecard, SxSelectDetail } from 'stratex';

const rows = [{ dimension: 'revenue', target: 5_000_000, actual: 5_400_000 }];

export function ScorecardPage() {
  const [chosen, setChosen] = useState('—');
  const onSelect = (event: CustomEvent<SxSelectDetail>) =>
    setChosen(event.detail.selection ? Object.values(event.detail.selection).join(', ') : '—');
  const show = (scorecard: SxScorecard | null) => void scorecard?.load({ keepView: true });
  return (
    <main>
      <sx-data-source name="evaluation" src="/data/evaluation.csv" encoding="gbk"></sx-data-source>
      <sx-scorecard ref={show} source="evaluation" lang="zh-CN" onsx-select={onSelect} />
      <sx-scorecard data={rows} show-table compact onsx-select={onSelect} />
      <sx-target-treemap source="sales" levels="region,product_line" as-of="2024-06-18" />
      <sx-progress-tracker source="tasks" sort="lag" lag-threshold={10} />
      <sx-variance-alerts source="kpis" target-rows="share" max-alerts="5" />
      {/* @ts-expect-error a format the source does not read */}
      <sx-data-source name="x" format="json" />
      {/* @ts-expect-error the order is not one the tracker knows */}
      <sx-progress-tracker sort="random" />
      {/* @ts-expect-error sx-select's detail has no `value` */}
      <sx-scorecard onsx-select={(event) => event.detail.value} />
      <output>{chosen}</output>
    </main>
  );
}
