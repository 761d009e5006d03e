import Box from '@cloudscape-design/components/box';
import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import SpaceBetween from '@cloudscape-design/components/space-between';

/** Pretty-prints JSON text; text that is not JSON is shown as it is. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A read-only policy document view, without loading the policy editor. */
export function JsonView({ text, label }: { text: string; label: string }) {
  const pretty = prettyJson(text);
  return (
    <SpaceBetween size="xs">
      <Box float="right">
        <CopyToClipboard
          variant="button"
          textToCopy={pretty}
          copyButtonText="Copy"
          copySuccessText={`${label} copied`}
          copyErrorText="Could not copy"
        />
      </Box>
      <pre className="json-view" aria-label={label} tabIndex={0}>
        {pretty}
      </pre>
    </SpaceBetween>
  );
}
