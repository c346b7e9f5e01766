import { z } from 'zod';

/**
 * The OSCAL export's answer as the OpenAPI document states it: the required top of an OSCAL
 * Assessment Results document. The whole document conforms to NIST's schema (tested against
 * `__fixtures__/oscal_assessment-results_schema.json`); this schema names its outline only.
 */
export const oscalAssessmentResultsSchema = z
  .object({
    'assessment-results': z
      .object({
        uuid: z.uuid(),
        metadata: z
          .object({
            title: z.string(),
            'last-modified': z.string(),
            version: z.string(),
            'oscal-version': z.string(),
          })
          .loose(),
        'import-ap': z.object({ href: z.string() }).loose(),
        results: z
          .array(
            z
              .object({
                uuid: z.uuid(),
                title: z.string(),
                description: z.string(),
                start: z.string(),
                'reviewed-controls': z.object({}).loose(),
              })
              .loose(),
          )
          .min(1),
      })
      .loose(),
  })
  .describe(
    'NIST OSCAL 1.1.3 Assessment Results (oscal_assessment-results_schema.json of the usnistgov/OSCAL release)',
  );
