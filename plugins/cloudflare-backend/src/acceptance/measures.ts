import { accessAuditExportMeasure } from './evidenceMeasure';
import { aiDiscoveredMeasure, coverageMeasure } from './catalogMeasures';
import {
  provenanceMeasure,
  regulatedR2LifecycleMeasure,
  secretsMetadataOnlyMeasure,
} from './cloudflareMeasures';
import { AcceptanceMeasures } from './types';

/** How each acceptance criterion of spec section 11 is measured: one line per criterion. */
export const ACCEPTANCE_MEASURES = {
  provenance: provenanceMeasure,
  accessAuditExport: accessAuditExportMeasure,
  regulatedR2Lifecycle: regulatedR2LifecycleMeasure,
  aiDiscovered: aiDiscoveredMeasure,
  coverage: coverageMeasure,
  secretsMetadataOnly: secretsMetadataOnlyMeasure,
} satisfies AcceptanceMeasures;
