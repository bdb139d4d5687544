/** Prints docs/mapping.schema.json (JSON Schema of a mapping file) from the zod schema, for editors' completion. */
import { z } from 'zod';
import { mappingSchema } from '../core/schema/mapping';

export function mappingJsonSchema(): string {
  const schema = z.toJSONSchema(mappingSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Tassei mapping (tables of a workbook)' }, null, 2)}\n`;
}

if (require.main === module) process.stdout.write(mappingJsonSchema());
