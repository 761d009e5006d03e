import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Autosuggest from '@cloudscape-design/components/autosuggest';
import Input from '@cloudscape-design/components/input';
import Select from '@cloudscape-design/components/select';
import { contextKeyType } from '@iam-console/api-contract/policy-simulator.ts';
import { CONTEXT_KEY_PRESETS, presetType, type ContextRow } from '../context-entries.ts';

const KEY_OPTIONS = CONTEXT_KEY_PRESETS.map((p) => ({ value: p.key, description: `${p.type}, e.g. ${p.example}` }));
const TYPE_OPTIONS = contextKeyType.options.map((t) => ({ value: t, label: t }));

export function ContextEntriesEditor({ rows, onChange }: { rows: ContextRow[]; onChange: (rows: ContextRow[]) => void }) {
  const update = (index: number, change: Partial<ContextRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  return (
    <AttributeEditor<ContextRow>
      items={rows}
      addButtonText="Add context entry"
      removeButtonText="Remove"
      empty="No context entries: condition keys the policies use are reported as missing."
      onAddButtonClick={() => onChange([...rows, { key: '', type: 'string', value: '' }])}
      onRemoveButtonClick={({ detail }) => onChange(rows.filter((_, i) => i !== detail.itemIndex))}
      definition={[
        {
          label: 'Key',
          control: (row, index) => (
            <Autosuggest
              value={row.key}
              options={KEY_OPTIONS}
              placeholder="aws:MultiFactorAuthPresent"
              enteredTextLabel={(value) => `Use: "${value}"`}
              ariaLabel="Context key"
              onChange={({ detail }) => update(index, { key: detail.value, type: presetType(detail.value) ?? row.type })}
            />
          ),
        },
        {
          label: 'Type',
          control: (row, index) => (
            <Select
              selectedOption={{ value: row.type, label: row.type }}
              options={TYPE_OPTIONS}
              ariaLabel="Context key type"
              onChange={({ detail }) => update(index, { type: contextKeyType.parse(detail.selectedOption.value) })}
            />
          ),
        },
        {
          label: 'Value',
          info: undefined,
          control: (row, index) => (
            <Input value={row.value} ariaLabel="Context value" placeholder={row.type.endsWith('List') ? 'a, b, c' : ''} onChange={({ detail }) => update(index, { value: detail.value })} />
          ),
        },
      ]}
    />
  );
}
