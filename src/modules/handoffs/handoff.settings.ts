import { defineSetting } from '../../platform/settings/settings.service.ts';
import { completenessConfigSchema, DEFAULT_COMPLETENESS } from './handoff.ts';

/** Which brief fields count, how much, and which are required, per segment; and the signal threshold. */
export const completenessSetting = defineSetting({
  key: 'handoffs.completeness',
  schema: completenessConfigSchema,
  defaultValue: DEFAULT_COMPLETENESS,
});
