export interface RoleSpec {
  role: string;
  required: boolean;
  aliases: readonly string[];
}

export interface RoleSchema {
  name: string;
  roles: readonly RoleSpec[];
}

export interface ColumnResolution {
  columns: Record<string, string | undefined>;
  found: string[];
  guessed: string[];
  missing: string[];
  /** Overrides that named a header the data does not have. */
  unknownOverrides: { role: string; header: string }[];
}

const role = (name: string, required: boolean, ...aliases: string[]): RoleSpec => ({
  role: name,
  required,
  aliases: [name, ...aliases],
});

export const TARGETS_SCHEMA: RoleSchema = {
  name: 'targets',
  roles: [
    role('dimension', true, '目标维度', '维度'),
    role('metric', true, '具体指标', '指标', '指标名称', 'kpi'),
    role('target', true, '目标值', '目标', 'target_value', 'goal'),
    role('deadline', false, '完成时限', '时限', '截止时间', '截止日期', 'due', 'period'),
    role('owner', false, '责任人', '负责人'),
    role('key_actions', false, '备注（关键动作）', '关键动作', '备注', 'notes', 'actions'),
  ],
};

export const STRATEGY_SCHEMA: RoleSchema = {
  name: 'strategy',
  roles: [
    role('module', true, '策略模块', '模块'),
    role('action', true, '具体动作', '动作', '行动'),
    role('owner', false, '负责人', '责任人'),
    role('resources', false, '所需资源', '资源'),
    role('due', false, '时间节点', '截止时间', 'deadline'),
    role('expected_effect', false, '预期效果', '效果'),
    role('budget', false, '预算', '预算金额', '金额', 'amount', 'planned_budget'),
    role('spent', false, '实际花费', '已花费', '实际支出', 'actual_spend', 'spend'),
  ],
};

export const PROGRESS_SCHEMA: RoleSchema = {
  name: 'progress',
  roles: [
    role('task', true, '任务名称', '任务', 'task_name'),
    role('owner', false, '负责人', '责任人'),
    role('planned_start', true, '计划开始时间', '计划开始', '开始时间', 'start'),
    role('planned_end', true, '计划结束时间', '计划结束', '结束时间', 'end'),
    role(
      'progress',
      true,
      '实际进度（%/完成状态）',
      '实际进度',
      '进度',
      '完成状态',
      'actual_progress',
    ),
    role('risk', false, '风险点', '风险', 'risks'),
    role('mitigation', false, '解决措施', '应对措施', '措施'),
  ],
};

export const EVALUATION_SCHEMA: RoleSchema = {
  name: 'evaluation',
  roles: [
    role('dimension', true, '评估维度', '维度', '指标', 'metric'),
    role('target', true, '目标值', '目标'),
    role('actual', true, '实际值', '实际', '完成值'),
    role('rate', false, '达成率', '完成率', 'achievement_rate'),
    role('variance_analysis', false, '差异分析', '差异原因', 'variance'),
    role('suggestion', false, '改进建议', '建议', 'suggestions'),
    role('weight', false, '权重'),
    role('direction', false, '方向', '指标方向'),
  ],
};

export const KPI_SCHEMA: RoleSchema = {
  name: 'kpi',
  roles: [
    role('date', true, '日期', '统计日期', 'day'),
    role('metric', true, '指标', '指标名称', 'kpi'),
    role('actual', true, '实际值', '实际'),
    role('target', false, '目标值', '目标'),
    role('unit', false, '单位'),
  ],
};

/** Folds a header for comparison: full/half width, case, spaces, underscores and hyphens ignored. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-\ufeff]+/g, '');
}

/**
 * The header an author means by `wanted`: the exact spelling first; then the column a load
 * renamed from exactly that spelling, because another header differed from it only in case
 * (`REGION` beside `Region` became `REGION_2`); then a case-, width- and space-insensitive match.
 */
export function findHeader(headers: readonly string[], wanted: string): string | undefined {
  if (headers.includes(wanted)) return wanted;
  const clash = headers.some(
    (header) => header !== wanted && header.toLowerCase() === wanted.toLowerCase(),
  );
  const renamed = clash
    ? headers.find(
        (header) =>
          header.startsWith(`${wanted}_`) && /^\d+$/.test(header.slice(wanted.length + 1)),
      )
    : undefined;
  return renamed ?? headers.find((header) => headerKey(header) === headerKey(wanted));
}

/** Header matching is exact, else case-, full/half-width- and whitespace-insensitive (`findHeader`); overrides map role -> header and win. */
export function resolveColumns(
  headers: readonly string[],
  schema: RoleSchema,
  overrides?: Readonly<Record<string, string>>,
): ColumnResolution {
  const columns: Record<string, string | undefined> = {};
  const found: string[] = [];
  const guessed: string[] = [];
  const unknownOverrides: { role: string; header: string }[] = [];
  const keyed = headers.map((header) => ({ header, key: headerKey(header) }));
  const taken = new Set<string>();
  const claim = (roleName: string, header: string, into: string[]): void => {
    columns[roleName] = header;
    taken.add(header);
    into.push(roleName);
  };

  for (const [roleName, wanted] of Object.entries(overrides ?? {})) {
    if (!schema.roles.some((spec) => spec.role === roleName)) continue;
    const match = findHeader(headers, wanted);
    if (match) claim(roleName, match, found);
    else unknownOverrides.push({ role: roleName, header: wanted });
  }

  const open = (): RoleSpec[] => schema.roles.filter((spec) => !(spec.role in columns));
  for (const spec of open()) {
    const aliasKeys = spec.aliases.map(headerKey);
    const match = keyed.find((entry) => !taken.has(entry.header) && aliasKeys.includes(entry.key));
    if (match) claim(spec.role, match.header, found);
  }

  for (const spec of open()) {
    const match = looseMatch(spec, keyed, taken);
    if (match) claim(spec.role, match, guessed);
  }

  const missing = schema.roles
    .filter((spec) => spec.required && columns[spec.role] === undefined)
    .map((spec) => spec.role);
  return { columns, found, guessed, missing, unknownOverrides };
}

function looseMatch(
  spec: RoleSpec,
  keyed: readonly { header: string; key: string }[],
  taken: ReadonlySet<string>,
): string | undefined {
  let best: { header: string; score: number } | undefined;
  for (const alias of spec.aliases.map(headerKey)) {
    if (alias.length < 2) continue;
    for (const entry of keyed) {
      if (taken.has(entry.header) || entry.key.length < 2) continue;
      const overlaps = entry.key.includes(alias) || alias.includes(entry.key);
      const score = Math.min(alias.length, entry.key.length);
      if (overlaps && (!best || score > best.score)) best = { header: entry.header, score };
    }
  }
  return best?.header;
}

/** All distinct keys across records, in first-seen order. */
export function headersOf(records: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const record of records) for (const key of Object.keys(record)) seen.add(key);
  return [...seen];
}
