// Type-checked with the repo (`npm run typecheck`): the words the package ships say the same
// as the code's own, so a change to an event's detail or a property's values fails here.
import type { EncodingChoice, FormatChoice, LiveSource, SourceState } from '@stratex/data';
import type { TargetRows, TaskOrder } from '@stratex/core';
import type { ArrowLike, Phase } from '../../widgets/src/base/data-controller';
import type {
  SxDataErrorDetail,
  SxDataLoadDetail,
  SxDrillThroughDetail,
  SxSelectDetail,
  SxWhatIfDetail,
} from '../../widgets/src/base/events';
import type {
  SxSourceErrorDetail,
  SxSourceLoadDetail,
  SxSourceProgressDetail,
} from '../../widgets/src/data-source/data-source';
import type {
  AlertKind,
  AlertLevel,
  SxAlertClearedDetail,
  SxAlertDetail,
} from '../../widgets/src/variance-alerts/alert-events';
import type * as Shipped from '../src/vocabulary';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Fails to compile when any pair differs. */
type AllSame<T extends true[]> = T;

export type SameWords = AllSame<
  [
    Same<Shipped.SxSelectDetail, SxSelectDetail>,
    Same<Shipped.SxDataLoadDetail, SxDataLoadDetail>,
    Same<Shipped.SxDataErrorDetail, SxDataErrorDetail>,
    Same<Shipped.SxSourceLoadDetail, SxSourceLoadDetail>,
    Same<Shipped.SxSourceErrorDetail, SxSourceErrorDetail>,
    Same<Shipped.ArrowLike, ArrowLike>,
    Same<Shipped.Phase, Phase>,
    Same<Shipped.SourceState, SourceState>,
    Same<Shipped.FormatChoice, FormatChoice>,
    Same<Shipped.EncodingChoice, EncodingChoice>,
    Same<Shipped.TaskOrder, TaskOrder>,
    Same<Shipped.TargetRows, TargetRows>,
    Same<Shipped.SxSourceProgressDetail, SxSourceProgressDetail>,
    Same<Shipped.SxAlertDetail, SxAlertDetail>,
    Same<Shipped.SxAlertClearedDetail, SxAlertClearedDetail>,
    Same<Shipped.AlertLevel, AlertLevel>,
    Same<Shipped.AlertKind, AlertKind>,
    Same<Shipped.SxWhatIfDetail, SxWhatIfDetail>,
    Same<Shipped.SxDrillThroughDetail, SxDrillThroughDetail>,
  ]
>;

/** The live source a page sees is the one the code hands out. */
export const liveSource = (source: LiveSource): Shipped.LiveSource => source;
