// "Import JSON" reads a .json file into the editor (refusing files too large to be a policy); "Export JSON"
// downloads the editor's text as <name>.json.
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useRef } from 'react';
import { saveTextFile } from '../../lib/save-file.ts';
import { exportFileName, readPolicyFile } from './policy-file.ts';

export interface FileButtonsProps {
  text: string;
  fileName?: string;
  /** Absent for a read-only editor: export only. */
  onImport?: (text: string) => void;
  onProblem: (problem: string | undefined) => void;
}

export function FileButtons({ text, fileName, onImport, onProblem }: FileButtonsProps) {
  const input = useRef<HTMLInputElement>(null);
  const imported = async (file: File | undefined) => {
    if (!file || !onImport) return;
    const read = await readPolicyFile(file);
    if ('problem' in read) onProblem(read.problem);
    else {
      onProblem(undefined);
      onImport(read.text);
    }
  };
  return (
    <SpaceBetween direction="horizontal" size="xs">
      {onImport ? (
        <>
          <input
            ref={input}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="JSON file to import"
            data-testid="policy-import-file"
            onChange={(event) => {
              void imported(event.currentTarget.files?.[0]);
              // The same file chosen again is read again.
              event.currentTarget.value = '';
            }}
          />
          <Button iconName="upload" formAction="none" onClick={() => input.current?.click()}>
            Import JSON
          </Button>
        </>
      ) : null}
      <Button iconName="download" formAction="none" onClick={() => saveTextFile(exportFileName(fileName), text, 'application/json')}>
        Export JSON
      </Button>
    </SpaceBetween>
  );
}
