import { z } from 'zod';

/** The content type of an HTML page, for route response schemas; such a route answers with `sendPage`. */
export const htmlPage = { content: { 'text/html': { schema: z.string() } } };

/** The content type of a CSV download, for route response schemas; such a route answers with `sendCsv`. */
export const csvFile = { content: { 'text/csv': { schema: z.string() } } };
