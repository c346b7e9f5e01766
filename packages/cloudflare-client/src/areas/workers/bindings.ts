import { ClientContext } from '../../context';
import { compact } from '../../envelope';
import { Redaction, noteSecretFields } from '../../redaction';
import { WorkerBinding, bindingBase } from './schemas';

/**
 * One binding of a Worker's settings, its value redacted: `plain_text` and `json` values are kept
 * only when neither the name nor the value looks like a credential; any value on another binding
 * type is noted as a secret field and dropped. What was withheld goes to `notes`.
 */
export function redactBinding(
  ctx: ClientContext,
  raw: unknown,
  notes: Redaction[],
): WorkerBinding {
  const b = bindingBase.parse(raw);
  const redactor = ctx.redactor;
  const path = `bindings.${redactor.pathName(b.name)}`;
  const out: WorkerBinding = compact({
    ...b,
    text: undefined,
    json: undefined,
  }) as WorkerBinding;
  if (redactor.isCredentialName(b.name)) out.credentialLike = true;
  if (b.type === 'plain_text' && b.text !== undefined && b.text !== null) {
    const reason = redactor.reasonFor(b.name, b.text);
    if (reason) {
      notes.push({ path: `${path}.text`, reason });
      out.valueWithheld = true;
    } else {
      out.text = b.text;
    }
  } else if (b.type === 'json' && b.json !== undefined) {
    if (redactor.isCredentialName(b.name)) {
      notes.push({ path: `${path}.json`, reason: 'credential-key-name' });
      out.valueWithheld = true;
    } else {
      const before = notes.length;
      out.json = redactor.redactJson(b.json, `${path}.json`, notes);
      if (notes.length > before) out.valueWithheld = true;
    }
  } else if (b.type !== 'plain_text' && b.type !== 'json') {
    // Any value on another binding type (e.g. a secret_text value in an upload-shaped answer).
    if ((raw as { text?: unknown }).text)
      notes.push({ path: `${path}.text`, reason: 'secret-field' });
    noteSecretFields(raw, ['key_base64', 'key_jwk'], notes, path);
  }
  return out;
}
