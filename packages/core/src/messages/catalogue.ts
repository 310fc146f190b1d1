import type { Lang } from '../values/values';

/**
 * Every sentence and label Stratex shows people, by code, in both languages. Code elsewhere
 * names a message by its code (and the values that fill its `{blanks}`); only this table
 * holds words. Errors from the data package carry a code and its values, so a widget says
 * them in its reader's language; their English text is the error's `message`.
 */
export const MESSAGES = {
  // The states every widget shares
  loading: { en: 'Loading data…', 'zh-CN': '正在加载数据…' },
  loadingDecode: { en: 'Reading the file…', 'zh-CN': '正在读取文件…' },
  loadingLoad: { en: 'Handing the rows to the query engine…', 'zh-CN': '正在将数据写入查询引擎…' },
  cancelLoad: { en: 'Cancel', 'zh-CN': '取消加载' },
  loadAgain: { en: 'Load again', 'zh-CN': '重新加载' },
  startingEngine: { en: 'Starting the query engine…', 'zh-CN': '正在启动查询引擎…' },
  empty: { en: 'No rows to show.', 'zh-CN': '没有可显示的数据。' },
  errorTitle: { en: 'The data could not be shown', 'zh-CN': '数据无法显示' },
  noSourceGiven: {
    en: 'This widget has no data: set source, src, query or .data.',
    'zh-CN': '此组件没有数据：请设置 source、src、query 或 .data。',
  },
  // Column headings and statuses of the data tables
  dimension: { en: 'Dimension', 'zh-CN': '评估维度' },
  target: { en: 'Target', 'zh-CN': '目标值' },
  actual: { en: 'Actual', 'zh-CN': '实际值' },
  achievement: { en: 'Achievement', 'zh-CN': '达成率' },
  status: { en: 'Status', 'zh-CN': '状态' },
  variance: { en: 'Variance analysis', 'zh-CN': '差异分析' },
  suggestion: { en: 'Suggestion', 'zh-CN': '改进建议' },
  overall: { en: 'Overall score', 'zh-CN': '综合得分' },
  'on-track': { en: 'On track', 'zh-CN': '达标' },
  'at-risk': { en: 'At risk', 'zh-CN': '有风险' },
  'off-track': { en: 'Off track', 'zh-CN': '未达标' },
  unknown: { en: 'No rate', 'zh-CN': '无法计算' },
  expectedToDate: { en: 'expected to date', 'zh-CN': '截至当日应达' },
  ofPace: { en: 'of pace', 'zh-CN': '进度达成' },
  // Problems in the rows, and what the page knows about the engine and the file
  unreadable: { en: 'cells could not be read', 'zh-CN': '个单元格无法读取' },
  missingColumns: { en: 'Missing columns', 'zh-CN': '缺少列' },
  linkedViewGone: {
    en: 'The view in this link no longer fits the data; showing the top level.',
    'zh-CN': '链接中的视图已不适用于当前数据，已回到顶层。',
  },
  linkedViewUnreadable: {
    en: 'The view in this link could not be read; showing the top level.',
    'zh-CN': '无法读取链接中的视图，已回到顶层。',
  },
  staleSince: {
    en: 'The file could not be refreshed; showing the data loaded at',
    'zh-CN': '文件刷新失败，当前显示的是此时加载的数据：',
  },
  engineRecovering: {
    en: 'The query engine stopped and is restarting; figures will reload.',
    'zh-CN': '查询引擎已停止，正在重启，数据将重新加载。',
  },
  engineFailed: {
    en: 'The query engine could not be restarted. Reload the page.',
    'zh-CN': '查询引擎无法重启，请刷新页面。',
  },
  didYouMean: { en: 'did you mean', 'zh-CN': '是否指' },
  columnsInFile: { en: 'Columns in this file', 'zh-CN': '文件中的列' },
  // Evaluation scorecard
  scorecard: { en: 'Evaluation scorecard', 'zh-CN': '效果评估表' },
  colon: { en: ': ', 'zh-CN': '：' },
  listSeparator: { en: ', ', 'zh-CN': '，' },
  titleAsOf: { en: '{title} ({asOf})', 'zh-CN': '{title}（{asOf}）' },
  valueWithNote: { en: '{value} ({note})', 'zh-CN': '{value}（{note}）' },
  // Target breakdown (treemap)
  treemapTitle: { en: 'Target breakdown', 'zh-CN': '目标分解' },
  treemapBudgetTitle: { en: 'Budget allocation', 'zh-CN': '预算分配' },
  treemapAll: { en: 'All', 'zh-CN': '全部' },
  treemapTrailOf: { en: 'Breakdown level: {levels}', 'zh-CN': '分解层级：{levels}' },
  treemapGap: { en: 'Gap', 'zh-CN': '差额' },
  treemapShare: { en: 'Share', 'zh-CN': '占比' },
  treemapBudget: { en: 'Budget', 'zh-CN': '预算' },
  treemapSpent: { en: 'Spent', 'zh-CN': '已花费' },
  treemapUsed: { en: 'Used', 'zh-CN': '使用率' },
  treemapRemaining: { en: 'Remaining', 'zh-CN': '剩余' },
  treemapExpected: { en: 'Due by', 'zh-CN': '截至应达' },
  treemapVsPace: { en: 'vs pace', 'zh-CN': '进度达成' },
  treemapBehind: { en: 'Behind plan', 'zh-CN': '落后计划' },
  treemapAhead: { en: 'Ahead of plan', 'zh-CN': '领先计划' },
  treemapOverBudget: { en: 'Over budget', 'zh-CN': '超支' },
  treemapUnderBudget: { en: 'Within budget', 'zh-CN': '在预算内' },
  treemapNotDrawn: {
    en: 'without a positive target are listed but not drawn',
    'zh-CN': '项没有正的目标值，已列入表格但未绘制',
  },
  treemapDrill: { en: 'Enter: break down', 'zh-CN': 'Enter 查看下一层' },
  treemapBack: { en: 'Escape: back up', 'zh-CN': 'Esc 返回上一层' },
  treemapLevelsMissing: { en: 'Level columns not found', 'zh-CN': '找不到分解层级列' },
  treemapSelected: { en: 'selected', 'zh-CN': '已选中' },
  treemapByLevel: { en: 'by {level}', 'zh-CN': '按{level}' },
  // Export toolbar
  export: { en: 'Export', 'zh-CN': '导出' },
  // Progress tracker
  progressTracker: { en: 'Progress tracker', 'zh-CN': '执行进度跟踪' },
  task: { en: 'Task', 'zh-CN': '任务名称' },
  owner: { en: 'Owner', 'zh-CN': '负责人' },
  plannedStart: { en: 'Planned start', 'zh-CN': '计划开始' },
  plannedEnd: { en: 'Planned end', 'zh-CN': '计划结束' },
  progress: { en: 'Progress', 'zh-CN': '实际进度' },
  expected: { en: 'Expected', 'zh-CN': '应达进度' },
  vsExpected: { en: 'vs expected', 'zh-CN': '与应达之差' },
  risk: { en: 'Risk', 'zh-CN': '风险点' },
  mitigation: { en: 'Mitigation', 'zh-CN': '解决措施' },
  asOf: { en: 'As of', 'zh-CN': '截至' },
  sortBy: { en: 'Sort', 'zh-CN': '排序' },
  'order-table': { en: 'Table order', 'zh-CN': '表格顺序' },
  'order-end': { en: 'Planned end', 'zh-CN': '计划结束时间' },
  'order-lag': { en: 'Most behind', 'zh-CN': '落后最多' },
  'order-owner': { en: 'Owner', 'zh-CN': '负责人' },
  allOwners: { en: 'All owners', 'zh-CN': '全部负责人' },
  allStates: { en: 'All statuses', 'zh-CN': '全部状态' },
  noOwner: { en: 'No owner', 'zh-CN': '未指定' },
  noMatch: { en: 'No task matches these filters.', 'zh-CN': '没有符合筛选条件的任务。' },
  tasks: { en: 'tasks', 'zh-CN': '项任务' },
  'task-overdue': { en: 'Overdue', 'zh-CN': '已逾期' },
  'task-lagging': { en: 'Lagging', 'zh-CN': '滞后' },
  'task-on-track': { en: 'On schedule', 'zh-CN': '按计划' },
  'task-not-started': { en: 'Not started', 'zh-CN': '未开始' },
  'task-done': { en: 'Done', 'zh-CN': '已完成' },
  'task-unknown': { en: 'Cannot judge', 'zh-CN': '无法判断' },
  expectedShort: { en: 'due', 'zh-CN': '应达' },
  note: { en: 'Progress note', 'zh-CN': '进度说明' },
  plan: { en: 'Plan', 'zh-CN': '计划' },
  filterStatus: { en: 'Filter by status', 'zh-CN': '按状态筛选' },
  // Variance alerts
  alertsTitle: { en: 'Variance alerts', 'zh-CN': '偏差预警' },
  alertsElapsed: { en: 'time elapsed', 'zh-CN': '时间进度' },
  alertsKind: { en: 'Type', 'zh-CN': '类型' },
  'alerts-kpi': { en: 'KPI', 'zh-CN': '指标' },
  'alerts-task': { en: 'Task', 'zh-CN': '任务' },
  'alerts-budget': { en: 'Budget', 'zh-CN': '预算' },
  alertsSubject: { en: 'Subject', 'zh-CN': '对象' },
  alertsSeverity: { en: 'Severity', 'zh-CN': '严重程度' },
  alertsActual: { en: 'Actual to date', 'zh-CN': '累计实际' },
  alertsExpected: { en: 'Expected by now', 'zh-CN': '截至当日应达' },
  alertsTarget: { en: 'Target or budget', 'zh-CN': '目标或预算' },
  alertsVsPlan: { en: 'vs plan', 'zh-CN': '对比计划' },
  alertsReason: { en: 'Reason', 'zh-CN': '原因' },
  alertsShowAll: { en: 'Show all', 'zh-CN': '显示全部' },
  alertsShowFewer: { en: 'Show fewer', 'zh-CN': '收起' },
  alertsSideLoading: { en: 'Loading tasks and budget…', 'zh-CN': '正在加载任务与预算…' },
  alertsSideFailed: { en: 'could not be loaded', 'zh-CN': '无法加载' },
  alertsTrend: { en: 'cumulative against the pace line', 'zh-CN': '累计值与进度线' },
  alertsOfPace: { en: 'of pace', 'zh-CN': '进度达成' },
  alertsOfTarget: { en: 'of target', 'zh-CN': '目标达成' },
  alertsProgress: { en: 'progress', 'zh-CN': '进度' },
  alertsUsed: { en: 'used', 'zh-CN': '已用' },
  alertsShare: { en: 'of budget', 'zh-CN': '占预算' },
  alertsSidePartial: {
    en: '{table}: alerts drawn from the first {shown} of its {total} rows only.',
    'zh-CN': '{table}：仅根据全部 {total} 行中的前 {shown} 行生成预警。',
  },
  progressPartial: {
    en: 'Showing {shown} of {total} tasks: those that end first.',
    'zh-CN': '共 {total} 项任务，仅显示最先结束的 {shown} 项。',
  },

  // Loading a file (packages/data): what failed, naming the file
  loadFailed: { en: '{file} could not be loaded.', 'zh-CN': '无法加载 {file}。' },
  loadEmpty: { en: '{file} is empty.', 'zh-CN': '{file} 是空文件。' },
  loadBlankLines: {
    en: '{file} is empty: it has only blank lines.',
    'zh-CN': '{file} 是空的：只有空行。',
  },
  loadRenamedColumns: {
    en: 'Column names that repeat, or differ only in case, would name one column in the database, so they were made unique: {renamed}.',
    'zh-CN': '重复或仅大小写不同的列名在数据库中会被视为同一列，已改为唯一的名称：{renamed}。',
  },
  loadWebPage: {
    en: '{file} is a web page (HTML), not a CSV export: the server probably sent a sign-in or error page instead.',
    'zh-CN': '{file} 是网页（HTML），不是 CSV 导出文件：服务器可能返回了登录页或错误页。',
  },
  loadNotATable: {
    en: '{file} could not be read as a table.',
    'zh-CN': '{file} 无法作为表格读取。',
  },
  loadQuotesUnclosed: {
    en: '{file} has too many quotes that never close to be read.',
    'zh-CN': '{file} 中未闭合的引号太多，无法读取。',
  },
  encodingGbkIsUtf8: {
    en: '{file} is marked as GBK, but its text is UTF-8. Remove encoding="{choice}" (or set it to utf-8).',
    'zh-CN': '{file} 标为 GBK 编码，但内容是 UTF-8。请去掉 encoding="{choice}"（或改为 utf-8）。',
  },
  encodingUtf8IsGbk: {
    en: '{file} is marked as UTF-8, but its text is GBK (as Excel saves it on Chinese Windows). Remove encoding="utf-8" (or set it to gbk).',
    'zh-CN':
      '{file} 标为 UTF-8 编码，但内容是 GBK（中文 Windows 上的 Excel 就这样保存）。请去掉 encoding="utf-8"（或改为 gbk）。',
  },
  encodingNeither: {
    en: '{file} is neither UTF-8 nor GBK text: line {line} has bytes that fit neither. Save it from Excel as "CSV UTF-8", or name its encoding with the encoding attribute.',
    'zh-CN':
      '{file} 既不是 UTF-8 也不是 GBK 文本：第 {line} 行的字节两种编码都不符合。请在 Excel 中另存为“CSV UTF-8”，或用 encoding 属性指明编码。',
  },
  loadCancelled: {
    en: 'The load of {file} was cancelled.',
    'zh-CN': '{file} 的加载已取消。',
  },
  loadNoContent: {
    en: 'The server sent no content for {file}.',
    'zh-CN': '服务器没有发送 {file} 的内容。',
  },
  sourceNothingToLoad: {
    en: 'The source "{source}" names no file, bytes or rows to load.',
    'zh-CN': '数据源“{source}”没有指定要载入的文件、字节或数据行。',
  },
  parquetUnsupported: {
    en: '{file} is Parquet, which this engine was built without.',
    'zh-CN': '{file} 是 Parquet 文件，而此引擎构建时未包含 Parquet 读取功能。',
  },
  remoteTableMissing: {
    en: 'The table "{table}" was not found on {server}.',
    'zh-CN': '在 {server} 上找不到表“{table}”。',
  },
  fileTooLarge: {
    en: '{file} is too large to open in a browser ({size}; at most {limit}). Serve it through the Stratex query server instead.',
    'zh-CN':
      '{file} 太大，无法在浏览器中打开（{size}；最多 {limit}）。请改由 Stratex 查询服务器提供。',
  },
  csvTooLarge: {
    en: '{file} is {size}, more than this browser can load as CSV ({limit}). Export it as Parquet, which is several times smaller and loads faster, or query it on a server and load only the result.',
    'zh-CN':
      '{file} 有 {size}，超过此浏览器能以 CSV 载入的上限（{limit}）。请导出为 Parquet（体积小几倍，载入更快），或在服务器上查询、只载入结果。',
  },
  csvTooLargeAtLeast: {
    en: '{file} is more than {size}, more than this browser can load as CSV ({limit}). Export it as Parquet, which is several times smaller and loads faster, or query it on a server and load only the result.',
    'zh-CN':
      '{file} 超过 {size}，超过此浏览器能以 CSV 载入的上限（{limit}）。请导出为 Parquet（体积小几倍，载入更快），或在服务器上查询、只载入结果。',
  },
  gzipUnsupported: {
    en: '{file} is compressed (gzip) and this browser cannot unpack it. Unzip it first.',
    'zh-CN': '{file} 是 gzip 压缩文件，此浏览器无法解压。请先解压。',
  },
  gzipDamaged: {
    en: '{file} is compressed (gzip) but the archive is damaged or cut short.',
    'zh-CN': '{file} 是 gzip 压缩文件，但压缩包已损坏或不完整。',
  },
  xlsxOldExcel: {
    en: '{file} is an Excel 97–2003 workbook (.xls), which cannot be read here. Open it in Excel and save it as an Excel workbook (.xlsx) or as "CSV UTF-8".',
    'zh-CN':
      '{file} 是 Excel 97–2003 工作簿（.xls），此处无法读取。请在 Excel 中打开，另存为 Excel 工作簿（.xlsx）或“CSV UTF-8”。',
  },
  xlsxEncrypted: {
    en: '{file} is a password-protected (encrypted) workbook, which cannot be read without its password. Save a copy without a password, or as "CSV UTF-8".',
    'zh-CN':
      '{file} 是设置了打开密码（已加密）的工作簿，没有密码无法读取。请另存一份不带密码的副本，或另存为“CSV UTF-8”。',
  },
  xlsxDamaged: {
    en: '{file} could not be read as an Excel workbook (.xlsx): the file is damaged or cut short.',
    'zh-CN': '{file} 无法作为 Excel 工作簿（.xlsx）读取：文件已损坏或不完整。',
  },
  xlsxNotWorkbook: {
    en: '{file} is a zip archive, not an Excel workbook (.xlsx): it holds no workbook. Unpack it and name the export inside, or save the data from Excel as .xlsx or CSV.',
    'zh-CN':
      '{file} 是 zip 压缩包，不是 Excel 工作簿（.xlsx）：其中没有工作簿。请解压后指定其中的导出文件，或在 Excel 中另存为 .xlsx 或 CSV。',
  },
  xlsxNoSheet: {
    en: '{file} has no sheet named "{sheet}". Its sheets: {sheets}.',
    'zh-CN': '{file} 中没有名为“{sheet}”的工作表。其中的工作表：{sheets}。',
  },
  xlsxNoSheets: {
    en: '{file} is an Excel workbook without any worksheet to read (only charts or macros).',
    'zh-CN': '{file} 是 Excel 工作簿，但没有可读取的工作表（只有图表或宏）。',
  },
  parquetNotParquet: {
    en: '{file} could not be read as Parquet: it is not a Parquet file (the PAR1 marks at its start and end are missing).',
    'zh-CN': '{file} 无法作为 Parquet 读取：它不是 Parquet 文件（开头和结尾缺少 PAR1 标记）。',
  },
  parquetSchemaIncomplete: {
    en: '{file} could not be read as Parquet: its footer (the table of contents) is damaged: its schema is incomplete.',
    'zh-CN': '{file} 无法作为 Parquet 读取：文件尾部（目录）已损坏，表结构不完整。',
  },
  parquetFooterDamaged: {
    en: '{file} could not be read as Parquet: its footer (the table of contents) is damaged: {reason}.',
    'zh-CN': '{file} 无法作为 Parquet 读取：文件尾部（目录）已损坏（{reason}）。',
  },
  parquetTooLarge: {
    en: '{file} could not be read as Parquet: it would take {size} once decompressed, more than the {limit} a page can hold.',
    'zh-CN': '{file} 无法作为 Parquet 读取：解压后需要 {size}，超过页面能容纳的 {limit}。',
  },
  // Reading a column or a source the page does not have
  sourceEngineUnknown: {
    en: 'The source "{source}" names the engine "{engine}": use "clickhouse", or leave engine out.',
    'zh-CN': '数据源“{source}”指定的引擎“{engine}”不存在：请用 "clickhouse"，或去掉 engine。',
  },
  sourceRemoteIncomplete: {
    en: 'The source "{source}" needs both url and table.',
    'zh-CN': '数据源“{source}”需要同时指定 url 和 table。',
  },
  columnUnknown: {
    en: 'There is no column "{column}" in {where}.',
    'zh-CN': '{where} 中没有“{column}”列。',
  },
  columnUnknownNear: {
    en: 'There is no column "{column}" in {where}. Did you mean "{suggestion}"?',
    'zh-CN': '{where} 中没有“{column}”列。是否指“{suggestion}”？',
  },
  // A widget's query refused by the guard, and why
  guardEmpty: { en: 'The query is empty.', 'zh-CN': '查询是空的。' },
  guardNotSelect: {
    en: 'Only a SELECT query is accepted here.',
    'zh-CN': '这里只接受 SELECT 查询。',
  },
  guardStartsWith: {
    en: 'Only a SELECT query is accepted here; this one starts with "{word}".',
    'zh-CN': '这里只接受 SELECT 查询；此查询以“{word}”开头。',
  },
  guardSeveral: {
    en: 'Only one statement is accepted; the query has several.',
    'zh-CN': '只接受一条语句；此查询有多条。',
  },
  guardWrites: {
    en: 'The query uses {word}, which could change data or settings; only reading is allowed. (Put a column with that name in double quotes.)',
    'zh-CN':
      '查询用了 {word}，它可能修改数据或设置；这里只允许读取。（若是同名的列，请加双引号。）',
  },
  guardFileCall: {
    en: "The query calls {name}(), which reads files or settings outside the page's sources.",
    'zh-CN': '查询调用了 {name}()，它会读取本页数据源以外的文件或设置。',
  },
  guardTableCall: {
    en: 'The query reads from {name}(), which is not allowed here.',
    'zh-CN': '查询从 {name}() 读取，这里不允许。',
  },
  guardTableCallNotSource: {
    en: "The query reads from {name}(), which is not one of this page's sources; only {allowed} may make rows here.",
    'zh-CN': '查询从 {name}() 读取，它不是本页的数据源；这里只有 {allowed} 可以生成行。',
  },
  guardOnlySources: {
    en: "Only reading the page's sources is accepted here.",
    'zh-CN': '这里只接受读取本页的数据源。',
  },
  guardUnparsed: {
    en: 'The query could not be read: {reason}.',
    'zh-CN': '无法解析查询：{reason}。',
  },
  guardNotASource: {
    en: '"{name}" is not one of this page\'s sources: {list}.',
    'zh-CN': '“{name}”不是本页的数据源，现有：{list}。',
  },
  guardNotASourceNear: {
    en: '"{name}" is not one of this page\'s sources: {list}. Did you mean "{hint}"?',
    'zh-CN': '“{name}”不是本页的数据源，现有：{list}。是否指“{hint}”？',
  },
  guardNoSources: {
    en: '"{name}" is not one of this page\'s sources: none is loaded yet.',
    'zh-CN': '“{name}”不是本页的数据源：还没有加载任何数据源。',
  },
  guardUnterminatedString: {
    en: 'The query has an unterminated string.',
    'zh-CN': '查询中有未结束的字符串。',
  },
  guardUnterminatedName: {
    en: 'The query has an unterminated quoted name.',
    'zh-CN': '查询中有未结束的带引号名称。',
  },
  guardUnterminatedComment: {
    en: 'The query has an unterminated comment.',
    'zh-CN': '查询中有未结束的注释。',
  },
  guardDollar: {
    en: 'The query uses $ (dollar-quoted text or parameters), which is not accepted here.',
    'zh-CN': '查询用了 $（美元符号引用的文本或参数），这里不接受。',
  },
  guardEscapedString: {
    en: "The query uses escaped strings (E'…'), which are not accepted here.",
    'zh-CN': "查询用了转义字符串（E'…'），这里不接受。",
  },
  // Reasons and verdicts worked out in core: unreadable cells, tasks, statuses, KPIs, budget, splits, SMART
  cellNotNumberDate: {
    en: 'expected a number such as 500万元, 15% or 30家; this is a date',
    'zh-CN': '应为数字（如 500万元、15%、30家），这是日期',
  },
  cellNotNumberPeriod: {
    en: 'expected a number such as 500万元, 15% or 30家; this is a period',
    'zh-CN': '应为数字（如 500万元、15%、30家），这是时间段',
  },
  cellNotNumberText: {
    en: 'expected a number such as 500万元, 15% or 30家; this is text',
    'zh-CN': '应为数字（如 500万元、15%、30家），这是文字',
  },
  cellExpectedNumber: { en: 'expected a number', 'zh-CN': '应为数字' },
  cellExpectedKpiDate: {
    en: 'expected a date such as 2024-08-15',
    'zh-CN': '应为日期，如 2024-08-15',
  },
  cellExpectedTaskDate: {
    en: 'expected a date such as 2024-06-01',
    'zh-CN': '应为日期，如 2024-06-01',
  },
  cellExpectedProgress: {
    en: 'expected progress such as 60% or done',
    'zh-CN': '应为进度，如 60% 或 完成',
  },
  cellNoAmount: { en: 'no amount found (such as 2万元)', 'zh-CN': '未找到金额（如 2万元）' },
  weightNegative: { en: 'a weight cannot be negative', 'zh-CN': '权重不能为负数' },
  gapPoints: { en: '{sign}{points} pp', 'zh-CN': '{sign}{points}个百分点' },
  taskNoDates: {
    en: '{task} has no planned start or end date',
    'zh-CN': '{task} 缺少计划开始或结束日期',
  },
  taskDatesUnreadable: {
    en: '{task} has planned dates that cannot be read',
    'zh-CN': '{task} 计划日期无法识别',
  },
  taskEndBeforeStart: {
    en: '{task} has a planned end before its start',
    'zh-CN': '{task} 计划结束日期早于开始日期',
  },
  taskProgressUnreadable: { en: '{task} has no readable progress', 'zh-CN': '{task} 进度无法识别' },
  taskDone: { en: '{task} done ({progress})', 'zh-CN': '{task} 已完成（{progress}）' },
  taskOverdue: {
    en: '{task} overdue by {days} days at {progress} (planned end {due})',
    'zh-CN': '{task} 已逾期 {days} 天，进度 {progress}（计划 {due} 完成）',
  },
  taskOverdueOneDay: {
    en: '{task} overdue by {days} day at {progress} (planned end {due})',
    'zh-CN': '{task} 已逾期 {days} 天，进度 {progress}（计划 {due} 完成）',
  },
  taskStarts: { en: '{task} starts {starts}', 'zh-CN': '{task} 计划 {starts} 开始' },
  taskLagging: {
    en: '{task} at {progress}, expected {expected} by {by} ({points} pp behind)',
    'zh-CN': '{task} 进度 {progress}，截至{by}应达 {expected}（落后 {points} 个百分点）',
  },
  taskOnPace: {
    en: '{task} at {progress}, expected {expected} by {by}',
    'zh-CN': '{task} 进度 {progress}，截至{by}应达 {expected}',
  },
  statusPace: {
    en: '{metric} {pace} of pace: {actual} of an expected {expected} by {by}',
    'zh-CN': '{metric} 达到进度的 {pace}：截至{by}应达 {expected}，实际 {actual}',
  },
  statusPastDeadline: {
    en: '{metric} past its deadline ({deadline}) at {rate} of target',
    'zh-CN': '{metric} 已过截止日期（{deadline}），达成率 {rate}',
  },
  statusRate: {
    en: '{metric} at {rate} of target: {actual} against {target}',
    'zh-CN': '{metric} 达成率 {rate}：实际 {actual}，目标 {target}',
  },
  statusNoTarget: { en: '{metric} has no target', 'zh-CN': '{metric} 没有目标值' },
  statusZeroTarget: {
    en: '{metric} has a target of zero, so no rate can be computed',
    'zh-CN': '{metric} 目标值为 0，无法计算达成率',
  },
  statusNegativeTarget: {
    en: '{metric} has a negative target, so no rate can be computed',
    'zh-CN': '{metric} 目标值为负数，无法计算达成率',
  },
  statusInvalidTarget: {
    en: '{metric} has a target that is not a number, so no rate can be computed',
    'zh-CN': '{metric} 目标值不是数字，无法计算达成率',
  },
  statusNoActual: { en: '{metric} has no actual value yet', 'zh-CN': '{metric} 尚无实际值' },
  statusZeroActual: {
    en: '{metric} has an actual of zero where lower is better, so no rate can be computed',
    'zh-CN': '{metric} 实际值为 0（越低越好），无法计算达成率',
  },
  statusNoRule: { en: '{metric} matches no status rule', 'zh-CN': '{metric} 没有规则适用' },
  kpiNotStarted: {
    en: '{metric}: the period starts {starts}',
    'zh-CN': '{metric} 考核周期尚未开始（{starts}开始）',
  },
  kpiLowerIsBetter: { en: ' (lower is better)', 'zh-CN': '（越低越好）' },
  kpiOfTarget: {
    en: '{metric} {ratio} of target: {actual} against {expected}{lower}',
    'zh-CN': '{metric} 达成率 {ratio}：{actual} 对比目标 {expected}{lower}',
  },
  kpiRateBehind: {
    en: '{metric} {ratio} of pace: {actual} against {expected}{lower}',
    'zh-CN': '{metric} 仅达进度的 {ratio}：{actual} 对比目标 {expected}{lower}',
  },
  kpiRateAhead: {
    en: '{metric} {ratio} of pace: {actual} against {expected}{lower}',
    'zh-CN': '{metric} 达到进度的 {ratio}：{actual} 对比目标 {expected}{lower}',
  },
  kpiTotalBehind: {
    en: '{metric} {ratio} of pace: {actual} against {expected} expected{lower}',
    'zh-CN': '{metric} 仅达进度的 {ratio}：{actual} 对比应达 {expected}{lower}',
  },
  kpiTotalAhead: {
    en: '{metric} {ratio} of pace: {actual} against {expected} expected{lower}',
    'zh-CN': '{metric} 达到进度的 {ratio}：{actual} 对比应达 {expected}{lower}',
  },
  severityCritical: { en: 'critical', 'zh-CN': '严重' },
  severityWarning: { en: 'warning', 'zh-CN': '预警' },
  severityUnknown: { en: 'unknown', 'zh-CN': '无法判断' },
  severityOnTrack: { en: 'on track', 'zh-CN': '正常' },
  // One status vocabulary for a figure of a period: by pace while it runs, by target once over
  paceOnTrack: { en: 'on track', 'zh-CN': '正常' },
  paceAtRisk: { en: 'warning', 'zh-CN': '预警' },
  paceOffTrack: { en: 'critical', 'zh-CN': '严重' },
  paceUnknown: { en: 'unknown', 'zh-CN': '无法判断' },
  periodMet: { en: 'target met', 'zh-CN': '达标' },
  periodMissed: { en: 'target missed', 'zh-CN': '未达标' },
  summaryCritical: { en: '{count} critical', 'zh-CN': '{count} 项严重' },
  summaryWarning: { en: '{count} warnings', 'zh-CN': '{count} 项预警' },
  summaryWarningOne: { en: '{count} warning', 'zh-CN': '{count} 项预警' },
  summaryUnknown: { en: '{count} unknown', 'zh-CN': '{count} 项无法判断' },
  summaryAllOnTrack: { en: 'all on track', 'zh-CN': '全部正常' },
  budgetOverSpent: {
    en: '{module} over budget by {over}: {spent} spent of {planned}',
    'zh-CN': '{module} 超支 {over}：已花费 {spent}，预算 {planned}',
  },
  budgetNearlySpent: {
    en: '{module} has used {used} of its budget: {spent} of {planned}, {left} left',
    'zh-CN': '{module} 已用预算的 {used}：已花费 {spent}，预算 {planned}，剩余 {left}',
  },
  contingencyModule: { en: 'contingency', 'zh-CN': '预备金' },
  contingencyZeroTotal: {
    en: 'the budget totals zero, so the contingency cannot be checked',
    'zh-CN': '预算总额为 0，无法检查预备金',
  },
  contingencyNone: {
    en: 'no contingency is kept; the guidance is {range}',
    'zh-CN': '未预留预备金，建议预留 {range}',
  },
  contingencyBelow: {
    en: 'contingency is {share} of the budget, below the {range} guidance',
    'zh-CN': '预备金占 {share}，低于建议的 {range}',
  },
  contingencyAbove: {
    en: 'contingency is {share} of the budget, above the {range} guidance',
    'zh-CN': '预备金占 {share}，高于建议的 {range}',
  },
  contingencyWithin: {
    en: 'contingency is {share} of the budget, within the {range} guidance',
    'zh-CN': '预备金占 {share}，符合建议的 {range}',
  },
  splitBalanced: {
    en: '{level} targets sum to {allocated}, matching {stated}',
    'zh-CN': '{level}目标合计 {allocated}，与 {stated} 一致',
  },
  splitShort: {
    en: '{level} targets sum to {allocated}, {difference} short of {stated}',
    'zh-CN': '{level}目标合计 {allocated}，比 {stated} 少 {difference}',
  },
  splitOver: {
    en: '{level} targets sum to {allocated}, {difference} over {stated}',
    'zh-CN': '{level}目标合计 {allocated}，比 {stated} 多 {difference}',
  },
  smartS: { en: 'no metric named (S: specific)', 'zh-CN': '缺少具体指标（S 具体）' },
  smartM: {
    en: 'the target is not a number (M: measurable)',
    'zh-CN': '目标值不是数字（M 可衡量）',
  },
  smartA: { en: 'no owner (A: assignable)', 'zh-CN': '没有责任人（A 可落实）' },
  smartR: { en: 'no dimension of the plan (R: relevant)', 'zh-CN': '没有目标维度（R 相关）' },
  smartT: {
    en: 'no readable deadline (T: time-bound)',
    'zh-CN': '没有可识别的完成时限（T 有时限）',
  },
  // Failures the data package gives no code: the sentence, with the engine's words as detail
  failedUnexplained: {
    en: 'The query engine reported an error.',
    'zh-CN': '查询引擎报告了一个错误。',
  },
  // The query engine's own files (wasm and worker) as the server delivers them
  engineAssetMissing: {
    en: "The query engine's file {file} is missing on the server (it answered {status}). Copy the whole folder of stratex.js, assets/ and chunks/ included.",
    'zh-CN':
      '服务器上缺少查询引擎文件 {file}（服务器返回 {status}）。请完整复制 stratex.js 所在的文件夹，包括 assets/ 和 chunks/。',
  },
  engineAssetWasmType: {
    en: 'The server sends {file} as "{contentType}": WebAssembly must be sent as application/wasm. Ask the server\'s administrator to add this MIME type for .wasm files.',
    'zh-CN':
      '服务器以“{contentType}”发送 {file}，而 WebAssembly 文件必须以 application/wasm 类型发送。请让服务器管理员为 .wasm 文件添加此 MIME 类型。',
  },
  engineAssetUnreachable: {
    en: "The query engine's file {file} could not be reached. When stratex.js comes from another host, that server must send CORS headers (Access-Control-Allow-Origin).",
    'zh-CN':
      '无法访问查询引擎文件 {file}。若 stratex.js 来自另一台服务器，该服务器必须发送 CORS 响应头（Access-Control-Allow-Origin）。',
  },
  engineAssetFailed: {
    en: 'The query engine did not start ({file}). Reload the page.',
    'zh-CN': '查询引擎未能启动（{file}），请刷新页面。',
  },
  // Faults: the engine lost or stuck, the server's answer, a broken or slow download, memory
  faultEngineLost: {
    en: 'The query engine stopped while reading these figures; it is restarting and they will reload.',
    'zh-CN': '读取这些数据时查询引擎停止了；引擎正在重启，数据将重新加载。',
  },
  faultEngineSlow: {
    en: 'The query engine did not answer in time; it is restarting and the figures will reload.',
    'zh-CN': '查询引擎未能及时响应；引擎正在重启，数据将重新加载。',
  },
  faultNotFound: {
    en: 'The file is not on the server (404)',
    'zh-CN': '服务器上没有这个文件（404）',
  },
  faultServerError: {
    en: 'The server failed while sending the file',
    'zh-CN': '服务器发送文件时出错',
  },
  faultRefused: {
    en: 'The server refused to send the file',
    'zh-CN': '服务器拒绝发送这个文件',
  },
  faultUnreachable: {
    en: 'The server holding the file could not be reached',
    'zh-CN': '无法连接存放文件的服务器',
  },
  faultBrokenOff: {
    en: 'The download broke off before the end of the file',
    'zh-CN': '下载在文件结束前中断了',
  },
  faultTimedOut: {
    en: 'The file did not arrive in time; the server is too slow or stopped sending',
    'zh-CN': '文件未能按时送达：服务器太慢或已停止发送',
  },
  faultTooLarge: {
    en: 'The file is too large to open in a browser',
    'zh-CN': '文件太大，无法在浏览器中打开',
  },
  faultOutOfMemory: {
    en: 'The browser ran out of memory for this file',
    'zh-CN': '浏览器内存不足，无法载入这个文件',
  },
  faultDamaged: {
    en: 'The file is damaged or incomplete',
    'zh-CN': '文件已损坏或不完整',
  },
  invalidAsOf: {
    en: 'The as-of attribute is not a date such as 2024-08-15',
    'zh-CN': 'as-of 属性不是日期（应如 2024-08-15）',
  },
  faultNoSource: {
    en: 'No sx-data-source on this page has the name',
    'zh-CN': '页面上没有这个名称的数据源（sx-data-source）',
  },
  // What-if reallocation (treemap what-if mode): {tile} names the tile, {available} an amount
  whatIfNotANumber: {
    en: '{tile}: the new target is not a number.',
    'zh-CN': '{tile}：新目标不是数字。',
  },
  whatIfNegative: {
    en: '{tile}: a target cannot be negative.',
    'zh-CN': '{tile}：目标不能为负数。',
  },
  whatIfUnknownTile: {
    en: '{tile}: this tile is no longer in the data.',
    'zh-CN': '{tile}：数据中已没有这个板块。',
  },
  whatIfNoSiblings: {
    en: '{tile}: there are no other tiles at this level to take the difference from; draw on the reserve or change the total.',
    'zh-CN': '{tile}：同级没有其他板块可以分摊差额；请动用预备金或调整总额。',
  },
  whatIfSiblingsShort: {
    en: '{tile}: the other tiles at this level hold only {available} in all, not enough to give up that much.',
    'zh-CN': '{tile}：同级其他板块合计只有 {available}，不足以让出这么多。',
  },
  whatIfNoReserve: {
    en: '{tile}: the page sets no contingency reserve to draw on.',
    'zh-CN': '{tile}：页面未设置预备金，无法从中调拨。',
  },
  whatIfReserveShort: {
    en: '{tile}: the reserve has only {available} left; the edit would use it up.',
    'zh-CN': '{tile}：预备金仅剩 {available}，不足以支持这次调整。',
  },
  whatIfTitle: { en: 'What-if', 'zh-CN': '模拟调整' },
  whatIfNewTarget: { en: 'New target for {tile}', 'zh-CN': '{tile} 的新目标' },
  whatIfFrom: { en: 'Difference from', 'zh-CN': '差额来源' },
  whatIfFromSiblings: { en: 'other tiles, in proportion', 'zh-CN': '同级板块按比例分摊' },
  whatIfFromReserve: { en: 'contingency reserve', 'zh-CN': '预备金' },
  whatIfFromTotal: { en: 'nowhere: change the total', 'zh-CN': '不分摊：调整总额' },
  whatIfApply: { en: 'Apply', 'zh-CN': '应用' },
  whatIfUndo: { en: 'Undo', 'zh-CN': '撤销' },
  whatIfReset: { en: 'Reset', 'zh-CN': '重置' },
  whatIfExport: { en: 'Save new targets (CSV)', 'zh-CN': '导出新目标（CSV）' },
  whatIfReserve: { en: 'Reserve', 'zh-CN': '预备金' },
  whatIfChanges: { en: 'Changed targets', 'zh-CN': '已调整的目标' },
  whatIfTotal: { en: 'Total', 'zh-CN': '合计' },
  whatIfNoChanges: {
    en: 'No target changed yet. Choose a tile, type its new target and apply.',
    'zh-CN': '尚未调整目标。选择一个板块，输入新目标后点击应用。',
  },
  whatIfNotWritten: {
    en: 'A simulation: nothing is written back to the source.',
    'zh-CN': '仅为模拟，不会写回数据源。',
  },
  // A ClickHouse server or cluster behind a source (packages/data/src/clickhouse): {detail} is the server's own text
  'clickhouse-syntax': {
    en: 'ClickHouse could not read the query (syntax): {detail}',
    'zh-CN': 'ClickHouse 无法解析该查询（语法错误）：{detail}',
  },
  'clickhouse-unknown-name': {
    en: 'ClickHouse does not know a table, column or function the query names: {detail}',
    'zh-CN': 'ClickHouse 找不到查询中的表、列或函数：{detail}',
  },
  'clickhouse-memory-limit': {
    en: 'The query needed more memory than ClickHouse allows this reader; narrow the selection or ask for fewer levels.',
    'zh-CN': '查询所需内存超过 ClickHouse 为该只读用户设定的上限；请缩小筛选范围或减少层级。',
  },
  'clickhouse-timeout': {
    en: 'ClickHouse did not answer in time; the query was stopped. Try again or narrow the selection.',
    'zh-CN': 'ClickHouse 未能按时返回结果，查询已停止。请重试或缩小筛选范围。',
  },
  'clickhouse-too-many-rows': {
    en: 'The answer has more rows than ClickHouse allows this reader; choose fewer levels.',
    'zh-CN': '结果行数超过 ClickHouse 为该只读用户设定的上限；请减少层级。',
  },
  'clickhouse-quota': {
    en: 'This page has used up its ClickHouse query quota for now; figures will return when the quota resets.',
    'zh-CN': '本页面的 ClickHouse 查询配额暂时已用完，配额恢复后将重新显示数据。',
  },
  'clickhouse-read-only': {
    en: 'The page reads ClickHouse as a read-only user, and the query tried to change something: {detail}',
    'zh-CN': '页面以只读用户访问 ClickHouse，而该查询试图修改数据或设置：{detail}',
  },
  'clickhouse-auth': {
    en: 'ClickHouse refused the page’s reader (user unknown, wrong password or address not allowed).',
    'zh-CN': 'ClickHouse 拒绝了页面的只读用户（用户不存在、密码错误或地址不被允许）。',
  },
  'clickhouse-shard-down': {
    en: 'A ClickHouse shard does not answer, so the figures would be incomplete; they return when it is back.',
    'zh-CN': 'ClickHouse 有分片无响应，数据将不完整，故暂不显示；分片恢复后将重新显示。',
  },
  'clickhouse-unreachable': {
    en: 'The ClickHouse server at {detail} could not be reached.',
    'zh-CN': '无法连接 ClickHouse 服务器 {detail}。',
  },
  'clickhouse-bad-answer': {
    en: 'ClickHouse sent an answer that could not be read: {detail}',
    'zh-CN': 'ClickHouse 返回的结果无法读取：{detail}',
  },
  'clickhouse-not-supported': {
    en: 'ClickHouse holds its own data; files cannot be added to it from the page.',
    'zh-CN': 'ClickHouse 中的数据由服务器管理，不能从页面添加文件。',
  },
  'clickhouse-server': {
    en: 'ClickHouse reported an error: {detail}',
    'zh-CN': 'ClickHouse 报告错误：{detail}',
  },
  // Dated notes beside the figures (a widget's `notes` source)
  notesHeading: { en: 'Notes', 'zh-CN': '备注' },
  notesEarlier: { en: 'Earlier notes: {count}', 'zh-CN': '另有 {count} 条更早的备注' },
  notesLoading: { en: 'Loading notes…', 'zh-CN': '正在加载备注…' },
  notesFailed: {
    en: 'Notes could not be loaded; the figures are shown without them.',
    'zh-CN': '备注无法加载，数据照常显示，只是没有备注。',
  },
  notesBadRows: {
    en: 'Notes: {count} rows could not be read',
    'zh-CN': '备注：{count} 行无法读取',
  },
  notesRow: { en: 'row {row}', 'zh-CN': '第 {row} 行' },
  'notes-no-date': { en: 'no date', 'zh-CN': '没有日期' },
  'notes-unreadable-date': { en: 'the date cannot be read', 'zh-CN': '日期无法识别' },
  'notes-no-text': { en: 'no text', 'zh-CN': '没有内容' },
  'notes-no-subject': {
    en: 'names neither a metric nor a dimension path',
    'zh-CN': '既没有指标也没有维度路径',
  },
  notesMissing: {
    en: 'Notes are not shown: the notes file has no column for {columns}',
    'zh-CN': '备注未显示：备注文件缺少以下列：{columns}',
  },
  'notes-column-date': { en: 'the date (date)', 'zh-CN': '日期' },
  'notes-column-text': { en: 'the text (text)', 'zh-CN': '内容（或 备注）' },
  'notes-column-metric': {
    en: 'the metric or dimension path (metric, path)',
    'zh-CN': '指标或维度路径（指标、维度）',
  },
  // Pacing: a page's calendar and daily weights, and dates a period cannot be paced by (targets/pacing-notes.ts)
  pacingCalendarFile: { en: 'Calendar {file}', 'zh-CN': '日历 {file}' },
  pacingWeightsFile: { en: 'Daily weights {file}', 'zh-CN': '每日权重 {file}' },
  pacingBadRows: {
    en: '{file}: rows that could not be read were left out: {count} (data rows {rows}); the other rows are used.',
    'zh-CN': '{file}：{count} 行无法读取，已略过（数据第 {rows} 行）；其余行照常使用。',
  },
  pacingMissingColumns: {
    en: '{file} lacks the columns {columns}, so it is not used.',
    'zh-CN': '{file} 缺少列：{columns}，因此未使用。',
  },
  pacingFileFailed: {
    en: '{file} could not be read, so it is not used: {reason}',
    'zh-CN': '{file} 无法读取，因此未使用：{reason}',
  },
  pacingUnknown: {
    en: 'pacing="{value}" is not linear, workdays or seasonal; the target is paced by calendar days.',
    'zh-CN': 'pacing="{value}" 不是 linear、workdays 或 seasonal；现按自然日线性计算应达值。',
  },
  pacingWeightsNone: {
    en: 'pacing="seasonal" needs a weights source; the target is paced by calendar days instead.',
    'zh-CN': 'pacing="seasonal" 需要 weights 权重来源；现改按自然日线性计算应达值。',
  },
  pacingWeightsUncovered: {
    en: 'The daily weights cover {covered} of the period’s {days} days (none for {first}); the target is paced by calendar days instead.',
    'zh-CN':
      '每日权重只覆盖本期 {days} 天中的 {covered} 天（{first} 无权重）；现改按自然日线性计算应达值。',
  },
  pacingWeightsZero: {
    en: 'The daily weights add up to 0 over the period; the target is paced by calendar days instead.',
    'zh-CN': '本期每日权重之和为 0；现改按自然日线性计算应达值。',
  },
  pacingNotStarted: {
    en: 'The period starts on {start}; on {asOf} it has not started, so no figure is judged yet.',
    'zh-CN': '周期自 {start} 开始，截至 {asOf} 尚未开始，暂不评定状态。',
  },
  pacingOver: {
    en: 'The period ended on {end}; on {asOf} the figures are final, met or missed against the whole target.',
    'zh-CN': '周期已于 {end} 结束，截至 {asOf} 为最终结果，按全期目标评定达标或未达标。',
  },
  pacingUnreadableDate: {
    en: 'The {attribute} attribute is not a date such as 2024-08-15 (“{value}”), so the figures are not paced.',
    'zh-CN': '{attribute} 属性不是日期（应如 2024-08-15）：“{value}”，因此不按进度评定。',
  },
  pacingMissingDate: {
    en: 'Pacing needs {attribute}, which is not given; the figures are judged against the whole target.',
    'zh-CN': '按进度评定需要 {attribute}，但未提供；现按全期目标评定。',
  },
  pacingEndsBeforeStart: {
    en: 'The period ends on {end}, before it starts on {start}, so the figures are not paced.',
    'zh-CN': '周期结束日 {end} 早于开始日 {start}，因此不按进度评定。',
  },
  pacingNoWorkday: {
    en: 'The period {start} – {end} has no working day on the calendar, so nothing is expected before its last day.',
    'zh-CN': '按日历，{start} 至 {end} 没有工作日，因此最后一天之前不计应达值。',
  },
  // Drill-through: the rows behind a figure.
  drillOpen: { en: 'Source rows', 'zh-CN': '查看明细' },
  drillOpenFor: { en: 'Source rows behind {figure}', 'zh-CN': '查看{figure}的明细' },
  drillTitle: { en: 'Rows behind {figure}', 'zh-CN': '{figure}的明细' },
  drillEverything: { en: 'every row', 'zh-CN': '全部数据' },
  drillFile: { en: 'File: {file}', 'zh-CN': '文件：{file}' },
  drillFilters: { en: 'Filters: {filters}', 'zh-CN': '筛选条件：{filters}' },
  drillNoFilter: { en: 'none (every row of the file)', 'zh-CN': '无（文件中的全部行）' },
  drillFilterTerm: { en: '{column} is {value}', 'zh-CN': '{column}为{value}' },
  drillTotal: { en: 'Total {column}: {value}', 'zh-CN': '{column}合计：{value}' },
  drillCount: { en: 'Rows: {count}', 'zh-CN': '共 {count} 行' },
  drillPage: { en: 'Rows {from}–{to} of {count}', 'zh-CN': '第 {from}–{to} 行，共 {count} 行' },
  drillLine: { en: 'Line', 'zh-CN': '行号' },
  drillRowNumber: { en: 'Row', 'zh-CN': '行序' },
  drillNoPosition: {
    en: 'The rows live on a database server, which keeps no line numbers; the first {limit} are shown.',
    'zh-CN': '数据位于数据库服务器上，没有行号；仅显示前 {limit} 行。',
  },
  drillWritten: { en: 'as written', 'zh-CN': '原文' },
  drillRead: { en: 'read as', 'zh-CN': '读取为' },
  drillUnread: {
    en: '{count} of these rows hold a figure that could not be read as a number; they are not in the total.',
    'zh-CN': '其中 {count} 行的数值无法读取，未计入合计。',
  },
  drillLeftOut: {
    en: '{count} rows of the file were left out when it was loaded:',
    'zh-CN': '载入文件时有 {count} 行被略去：',
  },
  drillLeftOutRow: { en: 'line {line}: {reason}', 'zh-CN': '第 {line} 行：{reason}' },
  drillPrevious: { en: 'Previous rows', 'zh-CN': '上一页' },
  drillNext: { en: 'Next rows', 'zh-CN': '下一页' },
  drillExport: { en: 'Export these rows (CSV)', 'zh-CN': '导出这些行（CSV）' },
  drillClose: { en: 'Close', 'zh-CN': '关闭' },
  drillLoading: { en: 'Reading the rows…', 'zh-CN': '正在读取明细…' },
  drillFailed: { en: 'The rows could not be read: {reason}', 'zh-CN': '无法读取明细：{reason}' },
  drillDaysThrough: { en: '{column} on or before {through}', 'zh-CN': '{column}不晚于{through}' },
  drillDaysBetween: {
    en: '{column} from {from} to {through}',
    'zh-CN': '{column}在{from}至{through}之间',
  },
  // A Parquet column the page cannot read, by name and type (packages/data/src/parquet)
  parquetColumnUnsupported: {
    en: '{file} could not be read as Parquet: its column "{column}" is of type {type}, which the page cannot read. The file is not damaged: leave that column out, or write it with another type.',
    'zh-CN':
      '{file} 无法作为 Parquet 读取：其中“{column}”列的类型是 {type}，页面无法读取这种类型。文件没有损坏：请不读取这一列，或换一种类型写出它。',
  },
  // A ClickHouse reader asked for what its server keeps from it (packages/data/src/clickhouse)
  'clickhouse-denied': {
    en: 'ClickHouse does not let the page’s reader see what the query names; the page may read only its own tables: {detail}',
    'zh-CN':
      'ClickHouse 不允许页面的只读用户查看该查询涉及的内容，页面只能读取属于它的表：{detail}',
  },
  // What-if edits a refresh or a link could not keep as they were, and setting a target by dragging
  whatIfRefreshDropped: {
    en: 'The data was refreshed: {count} of the what-if edits no longer fit it and were set aside.',
    'zh-CN': '数据已刷新：{count} 项模拟调整已不适用于新数据，已撤下。',
  },
  whatIfLinkDropped: {
    en: '{count} of the what-if edits in this link no longer fit the data and were left out.',
    'zh-CN': '链接中有 {count} 项模拟调整已不适用于当前数据，已略去。',
  },
  whatIfRefreshRebased: {
    en: 'The data was refreshed: the planned targets these edits started from changed; the edits are kept on the new figures.',
    'zh-CN': '数据已刷新：以下调整所依据的原目标已变化，调整已按新数据保留。',
  },
  whatIfPlanned: { en: 'planned', 'zh-CN': '原目标' },
  whatIfDrag: { en: 'or drag to set it', 'zh-CN': '或拖动设定' },
  // The saved what-if targets of a source kept on a database server (a ClickHouse table)
  whatIfLeafExport: {
    en: 'The source stays on its database server, so the file holds a row per {levels}: the target summed by the server, planned and after the edits (CSV, UTF-8 with a BOM).',
    'zh-CN':
      '数据源保存在数据库服务器上，因此导出文件按{levels}每个组合一行：服务器汇总的目标，调整前与调整后（CSV，UTF-8 带 BOM）。',
  },
  whatIfPlannedColumn: { en: '{column} (planned)', 'zh-CN': '{column}（调整前）' },
} as const satisfies Record<string, Readonly<Record<Lang, string>>>;

export type MessageCode = keyof typeof MESSAGES;

/** The values that fill a message's `{blanks}`, by name. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** True when `code` names a message in the catalogue. */
export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES, code);
}

/** A message in `lang`, its `{blanks}` filled from `params` (a blank with no value stays as written). */
export function messageText(lang: Lang, code: MessageCode, params: MessageParams = {}): string {
  return MESSAGES[code][lang].replace(/\{(\w+)\}/g, (blank, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : blank,
  );
}
