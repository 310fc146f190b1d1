import { amountFromText, type Lang, type TargetNode, type Unit } from '@stratex/core';
import type { TemplateResult } from 'lit';
import type { LevelView } from './view';
import type { TreemapWhatIf } from './what-if-controller';

export { TreemapWhatIf } from './what-if-controller';
export { whatIfStyles } from './what-if.styles';
import { markChanges, whatIfPanel } from './what-if-panel';

/** The treemap's what-if at one level: its tiles marked before → after, and its panel for the focused tile. */
export function whatIfScene(
  whatIf: TreemapWhatIf,
  node: TargetNode,
  options: { lang: Lang; unit: Unit },
): {
  mark(view: LevelView | undefined): LevelView | undefined;
  panel(focusKey: string | undefined): TemplateResult;
} {
  const { lang, unit } = options;
  return {
    mark: (view) => view && markChanges(view, whatIf.changes, unit, lang),
    panel: (focusKey) => {
      const child = node.children.find((candidate) => candidate.key === focusKey);
      return whatIfPanel({
        lang,
        unit,
        whatIf,
        level: node.path,
        tile: child ? { path: child.path, name: child.path.join(' › ') } : undefined,
        edit: (path, text) => whatIf.edit(path, amountFromText(text.trim()) ?? Number.NaN),
      });
    },
  };
}
